//! Comparing the prose of two reports: how much of this year's repeats last year's (X03 内容雷同),
//! and where.
//!
//! The method, in three steps, each linear in the length of the texts:
//! 1. [`regions`]: take each report's prose (preamble, parts 一、五、六; no title, headings or tables,
//!    nor the tables' wording where a table could not be read: [`template_words`]);
//! 2. [`normal`]: reduce it to its wording — punctuation and spaces dropped, every number (year,
//!    count, amount, in Arabic or Chinese numerals) one unit — so that a sentence whose only changes
//!    are its years and figures reads as it did;
//! 3. [`shingles`]: a unit of this year's prose is repeated when a run of [`shingles::SHINGLE`]
//!    consecutive units around it also occurs in last year's. Overlapping runs make this tolerant of
//!    small edits: an edited character breaks the runs that contain it, and its neighbours are still
//!    covered by the runs beside it.
//!
//! The share is the repeated units over all units of this year's prose; the repeated passages are
//! the maximal runs of repeated units, in both texts, for the page to shade.
//!
//! [`bodies`] measures the same between the reports of different bodies, their names left out.

pub mod bodies;
mod names;
mod normal;
mod regions;
mod shingles;
mod template_words;

use serde::Serialize;

use crate::parse::Parsed;
use crate::span::Span;
pub use names::{body_key, body_name};
use normal::Normalised;
pub use shingles::Steps;

/// Part 五, 存在的主要问题及改进情况: X03 says separately when it repeats last year's.
pub const PROBLEMS_PART: u8 = 5;

/// How much of one part's prose repeats last year's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Share {
    /// Whole percent, rounded down.
    pub percent: u8,
    /// Units (ideographs, letters, numbers) of the prose, and how many of them repeat.
    pub units: usize,
    pub repeated: usize,
}

impl Share {
    fn new(units: usize, repeated: usize) -> Share {
        let percent = (repeated * 100).checked_div(units).unwrap_or(0);
        Share {
            percent: u8::try_from(percent.min(100)).unwrap_or(100),
            units,
            repeated,
        }
    }
}

/// The prose this year's report repeats from last year's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RepeatedProse {
    /// Of all this year's prose.
    pub share: Share,
    /// Of part 五's, when this year's report has prose there.
    pub problems: Option<Share>,
    /// The repeated passages in this year's text, in order.
    pub this_year: Vec<Span>,
    /// The passages of last year's text that this year's repeats, in order.
    pub last_year: Vec<Span>,
    /// For each passage of `this_year`, the index in `last_year` of the passage it repeats.
    #[serde(skip)]
    pub counterparts: Vec<Option<usize>>,
    /// The work the comparison took (for the test that it grows linearly).
    #[serde(skip)]
    pub steps: Steps,
}

impl RepeatedProse {
    /// The longest repeated passage of this year's text, and the passage of last year's it repeats.
    pub fn longest(&self) -> Option<(Span, Option<Span>)> {
        let (at, span) = self
            .this_year
            .iter()
            .enumerate()
            .max_by_key(|(at, s)| (s.end - s.start, std::cmp::Reverse(*at)))?;
        let there = self
            .counterparts
            .get(at)
            .copied()
            .flatten()
            .and_then(|i| self.last_year.get(i).copied());
        Some((*span, there))
    }
}

/// Compares the prose of this year's report with last year's; `None` when the two are the very same
/// text — the same file given twice (when both years are known, such a pair is not last year's and
/// this year's in the first place, and the rules do not compare them).
pub fn repeated_from(this_year: &Parsed, last_year: &Parsed) -> Option<RepeatedProse> {
    (this_year.text != last_year.text).then(|| repeated(this_year, last_year))
}

/// Compares the prose of this year's report with last year's.
pub fn repeated(this_year: &Parsed, last_year: &Parsed) -> RepeatedProse {
    compare(
        &regions::compared_prose(this_year),
        &regions::compared_prose(last_year),
    )
}

/// Maximal runs of `true` in `covered`, cut where a stretch ends, as unit ranges.
fn runs(prose: &Normalised, covered: &[bool]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (start, end) in prose.stretches() {
        let mut at = start;
        while at < end {
            if !covered[at] {
                at += 1;
                continue;
            }
            let from = at;
            while at < end && covered[at] {
                at += 1;
            }
            out.push((from, at));
        }
    }
    out
}

fn compare(this: &Normalised, last: &Normalised) -> RepeatedProse {
    let mut steps = Steps(this.len() + last.len());
    let this_hashes = shingles::hashes(&this.units, &mut steps);
    let last_hashes = shingles::hashes(&last.units, &mut steps);
    let last_index = shingles::index(&last_hashes, &mut steps);
    let this_index = shingles::index(&this_hashes, &mut steps);
    let (this_covered, origins) =
        shingles::covered(&this_hashes, this.len(), &last_index, &mut steps);
    let (last_covered, _) = shingles::covered(&last_hashes, last.len(), &this_index, &mut steps);

    let this_runs = runs(this, &this_covered);
    let last_runs = runs(last, &last_covered);
    steps.0 += this.len() + last.len();
    // The passage of last year's that holds the unit a passage's first unit was matched with.
    let counterparts = this_runs
        .iter()
        .map(|&(from, _)| {
            let there = origins[from]? as usize;
            let i = last_runs.partition_point(|&(_, end)| end <= there);
            last_runs
                .get(i)
                .filter(|&&(start, _)| start <= there)
                .map(|_| i)
        })
        .collect();

    let repeated_in = |part: Option<u8>| {
        let mut units = 0;
        let mut repeated = 0;
        for (i, &p) in this.parts.iter().enumerate() {
            if part.is_none_or(|part| part == p) {
                units += 1;
                repeated += usize::from(this_covered[i]);
            }
        }
        Share::new(units, repeated)
    };
    let problems = Some(repeated_in(Some(PROBLEMS_PART))).filter(|s| s.units > 0);
    RepeatedProse {
        share: repeated_in(None),
        problems,
        this_year: this_runs.iter().map(|&(f, t)| this.span(f, t)).collect(),
        last_year: last_runs.iter().map(|&(f, t)| last.span(f, t)).collect(),
        counterparts,
        steps,
    }
}
