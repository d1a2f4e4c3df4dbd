//! 雷同 between bodies: for each of many reports (a reviewer's thirty 街道 and departments), the other
//! report whose prose it repeats most, and how much — the names of the bodies and all figures left
//! out, so that two offices filling one text with their own names and numbers read as copies.
//!
//! Each report is reduced once to a [`Fingerprint`]: the hashes of its shingles in text order (its
//! prose as X03 reads it, the body's name one unit, see [`super::names`]). An inverted index from
//! each shingle to the reports holding it then gives, in one pass over each report's shingles, how
//! many of its units every other report covers — the same covering as X03's. The work is the total
//! length plus, for each shingle, the number of other reports sharing it: near-linear when reports
//! differ, and at worst (all reports the same) length × reports.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::shingles::{self, Steps, SHINGLE};
use super::{names, regions, Share};
use crate::parse::Parsed;

/// The shingles' hashes are already well mixed: the map uses them as they are.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Above this share, two bodies' reports are flagged as 雷同.
pub const SIMILAR: u8 = 70;

/// One report's prose reduced to what the comparison needs (kept by the caller beside its report).
#[derive(Clone, Debug, Default)]
pub struct Fingerprint {
    /// The hash of the shingle starting at each unit (as many as units − [`SHINGLE`] + 1).
    shingles: Vec<u64>,
    /// Units of prose.
    units: usize,
    /// The body's name ([`names::body_key`]): a body's own reports of other years are not compared
    /// (repeating them is X03's business, not 雷同 between units).
    body: Option<String>,
}

impl Fingerprint {
    pub fn of(parsed: &Parsed) -> Fingerprint {
        let prose = regions::compared_prose(parsed);
        let units = names::without_name(parsed, &prose.units);
        let mut steps = Steps::default();
        Fingerprint {
            shingles: shingles::hashes(&units, &mut steps),
            units: units.len(),
            body: names::body_key(parsed),
        }
    }

    pub fn units(&self) -> usize {
        self.units
    }
}

/// The other report a report repeats most, by its index, and how much of the report it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Similar {
    pub other: usize,
    pub share: Share,
}

impl Similar {
    /// Whether the pair reads as 雷同 (above [`SIMILAR`] %).
    pub fn flagged(&self) -> bool {
        self.share.percent > SIMILAR
    }
}

/// The comparison of many reports, one report at a time (so that the page can let the browser draw
/// between two): the index of every shingle built once, then each report's most similar.
pub struct Similarity<'a> {
    reports: &'a [Fingerprint],
    /// Each report's body as the first report of that body, reports without a name each their own.
    bodies: Vec<usize>,
    /// Each shingle → the reports holding it, each once, in order.
    holders: HashMap<u64, Vec<u32>, BuildHasherDefault<PassThrough>>,
    covered: Vec<usize>,
    marked_until: Vec<usize>,
    /// The work done so far.
    pub steps: Steps,
}

impl<'a> Similarity<'a> {
    pub fn new(reports: &'a [Fingerprint]) -> Self {
        let mut steps = Steps::default();
        // A linear search: no hash map's random keys in the page.
        let bodies: Vec<usize> = reports
            .iter()
            .enumerate()
            .map(|(r, report)| match &report.body {
                Some(name) => reports[..r]
                    .iter()
                    .position(|o| o.body.as_ref() == Some(name))
                    .unwrap_or(r),
                None => r,
            })
            .collect();
        let mut holders: HashMap<u64, Vec<u32>, BuildHasherDefault<PassThrough>> =
            HashMap::default();
        for (r, report) in reports.iter().enumerate() {
            let Ok(r) = u32::try_from(r) else { break };
            for &h in &report.shingles {
                steps.0 += 1;
                let list = holders.entry(h).or_default();
                if list.last() != Some(&r) {
                    list.push(r);
                }
            }
        }
        Similarity {
            reports,
            bodies,
            holders,
            covered: vec![0; reports.len()],
            marked_until: vec![0; reports.len()],
            steps,
        }
    }

    /// The report of another body whose prose covers most of report `me`'s; `None` when no such
    /// report shares a shingle with it.
    pub fn best(&mut self, me: usize) -> Option<Similar> {
        let report = self.reports.get(me)?;
        let (covered, marked_until, bodies) =
            (&mut self.covered, &mut self.marked_until, &self.bodies);
        covered.iter_mut().for_each(|c| *c = 0);
        marked_until.iter_mut().for_each(|m| *m = 0);
        self.steps.0 += self.reports.len();
        for (at, h) in report.shingles.iter().enumerate() {
            for &other in self.holders.get(h).map_or(&[][..], Vec::as_slice) {
                let other = other as usize;
                self.steps.0 += 1;
                if bodies[other] == bodies[me] {
                    continue;
                }
                covered[other] += at + SHINGLE - marked_until[other].max(at);
                marked_until[other] = at + SHINGLE;
            }
        }
        let (other, &most) = covered
            .iter()
            .enumerate()
            .filter(|&(other, _)| bodies[other] != bodies[me])
            .max_by_key(|&(other, c)| (c, std::cmp::Reverse(other)))?;
        (most > 0).then(|| Similar {
            other,
            share: Share::new(report.units, most),
        })
    }
}

/// For each report, the report of another body whose prose covers most of its own; `None` when no
/// such report shares a shingle with it. The second value is the work done, in steps.
pub fn most_similar(reports: &[Fingerprint]) -> (Vec<Option<Similar>>, Steps) {
    let mut similarity = Similarity::new(reports);
    let best = (0..reports.len()).map(|me| similarity.best(me)).collect();
    (best, similarity.steps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn print(text: &str) -> Fingerprint {
        Fingerprint::of(&crate::parse::parse(text))
    }

    #[test]
    fn two_bodies_with_one_text_are_copies_and_a_third_is_not() {
        let a = "城中街道办2021年政府信息公开工作年度报告\n一、总体情况\n2021年，城中街道办事处主动公开政府信息43条，通过门户网站和政务公开栏及时发布各类通知公告，确保群众及时了解惠民政策。\n";
        let b = "河西街道2022年政府信息公开工作年度报告\n一、总体情况\n2022年，河西街道办事处主动公开政府信息58条，通过门户网站和政务公开栏及时发布各类通知公告，确保群众及时了解惠民政策。\n";
        let c = "某局2022年政府信息公开工作年度报告\n一、总体情况\n本局围绕优化营商环境，集中发布涉企政策解读十二篇，新设“企业服务”专栏，收到申请多为咨询登记信息。\n";
        let (best, _) = most_similar(&[print(a), print(b), print(c)]);
        assert_eq!(best[0].map(|s| (s.other, s.share.percent)), Some((1, 100)));
        assert_eq!(best[1].map(|s| (s.other, s.share.percent)), Some((0, 100)));
        assert!(best[0].is_some_and(|s| s.flagged()));
        assert_eq!(best[2], None);
    }

    #[test]
    fn a_bodys_own_report_of_another_year_is_not_another_body() {
        let a = "城中街道办2021年政府信息公开工作年度报告\n一、总体情况\n2021年，城中街道办事处主动公开政府信息43条，通过门户网站和政务公开栏及时发布各类通知公告，确保群众及时了解惠民政策。\n";
        let b = a.replace("2021", "2022");
        let (best, _) = most_similar(&[print(a), print(&b)]);
        assert_eq!(best, [None, None]);
    }

    #[test]
    fn fewer_than_two_reports_have_no_other() {
        assert_eq!(most_similar(&[]).0, []);
        assert_eq!(most_similar(&[print("一、总体情况\n公开信息。")]).0, [None]);
    }

    #[test]
    fn a_pair_is_flagged_above_seventy_percent() {
        let at = |percent: u8| Similar {
            other: 0,
            share: Share {
                percent,
                units: 100,
                repeated: usize::from(percent),
            },
        };
        assert!(!at(70).flagged());
        assert!(at(71).flagged());
    }
}
