//! The reviewer's desk: many reports at once (a district's 街道, 乡镇 and departments), one row each —
//! the file, the body and year its title names, the format version, the findings counted by family
//! and severity, the worst of them — with each body's report of the year before paired with it so
//! that the X rules run, and each report's most similar report of another body (雷同 between units).
//!
//! The work is split so that the page can show progress and stay responsive: [`Desk::add`] reads a
//! report's title and prose once (for pairing and 雷同), [`Desk::check`] checks one report, and
//! [`Desk::similarity`] compares each with all the others (near-linear, see [`crate::compare::bodies`]).
//! [`Desk::rows`] does all three, as the command line does.

use crate::compare::bodies::{Fingerprint, Similar, Similarity};
use crate::compare::{body_key, body_name};
use crate::parse::parse;
use crate::rules::families::FAMILIES;
use crate::rules::{self, Finding, RuleCode, Severity};
use crate::template::Version;

/// Errors, warnings and notes, in that order.
pub type Counts = [usize; 3];

fn slot(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    }
}

/// The worst finding of a report: the first of its most severe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Worst {
    pub code: RuleCode,
    pub severity: Severity,
    pub line: usize,
    pub message: String,
}

impl Worst {
    /// 「R01 错误 第 40 行：……」.
    pub fn describe(&self) -> String {
        format!(
            "{} {} 第 {} 行：{}",
            self.code.as_str(),
            self.severity.label_zh(),
            self.line,
            self.message
        )
    }
}

/// One report on the desk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub file: String,
    /// The body's name as its title writes it.
    pub body: Option<String>,
    pub year: Option<u32>,
    pub format: Option<Version>,
    /// Per family, in the order of [`FAMILIES`] (S, T, R, C, X).
    pub by_family: [Counts; 5],
    pub worst: Option<Worst>,
    /// The row of the same body's report of the year before, checked beside this one.
    pub last_year: Option<usize>,
    /// Percent of this report's prose that repeats last year's (X03), when paired.
    pub repeated: Option<u8>,
    /// The most similar report of another body (filled in by [`Desk::similar`]).
    pub similar: Option<Similar>,
    /// Why the file could not be read (then nothing else is known).
    pub refused: Option<String>,
}

impl Row {
    /// Errors, warnings and notes over all families.
    pub fn counts(&self) -> Counts {
        let mut total = [0; 3];
        for family in &self.by_family {
            for (t, n) in total.iter_mut().zip(family) {
                *t += n;
            }
        }
        total
    }

    pub fn has_errors(&self) -> bool {
        self.counts()[0] > 0
    }
}

/// A file as the desk holds it: its text and what pairing and 雷同 need, read once.
struct Filed {
    file: String,
    text: Result<String, String>,
    /// The body's name for pairing: without 「办事处」「人民政府」…, so that 「城中街道办」 and
    /// 「城中街道办事处」 are one body.
    key: Option<String>,
    year: Option<u32>,
}

/// The reports a reviewer checks together.
#[derive(Default)]
pub struct Desk {
    filed: Vec<Filed>,
    /// Each file's prose for 雷同, in the order of `filed` (empty for a file not read).
    prints: Vec<Fingerprint>,
    ignored: Vec<RuleCode>,
}

impl Desk {
    /// A desk that leaves out the findings of `ignored` rules (their counts and worst finding too).
    pub fn new(ignored: &[RuleCode]) -> Desk {
        Desk {
            filed: Vec::new(),
            prints: Vec::new(),
            ignored: ignored.to_vec(),
        }
    }

    /// Puts a file on the desk: its text, or why it could not be read (in Chinese).
    pub fn add(&mut self, file: String, text: Result<String, String>) {
        let (key, year, fingerprint) = match &text {
            Ok(text) => {
                let parsed = parse(text);
                (
                    body_key(&parsed),
                    parsed.document.year,
                    Fingerprint::of(&parsed),
                )
            }
            Err(_) => (None, None, Fingerprint::default()),
        };
        self.filed.push(Filed {
            file,
            text,
            key,
            year,
        });
        self.prints.push(fingerprint);
    }

    pub fn len(&self) -> usize {
        self.filed.len()
    }

    pub fn is_empty(&self) -> bool {
        self.filed.is_empty()
    }

    pub fn file(&self, i: usize) -> Option<&str> {
        self.filed.get(i).map(|f| f.file.as_str())
    }

    /// The text of report `i`, when it could be read.
    pub fn text(&self, i: usize) -> Option<&str> {
        self.filed.get(i)?.text.as_deref().ok()
    }

    /// The same body's report of the year before report `i`'s, if it is on the desk (the first such).
    pub fn last_year(&self, i: usize) -> Option<usize> {
        let me = self.filed.get(i)?;
        let (key, year) = (me.key.as_ref()?, me.year?);
        self.filed.iter().position(|other| {
            other.text.is_ok()
                && other.key.as_ref() == Some(key)
                && other.year.map(|y| y + 1) == Some(year)
        })
    }

    /// Checks report `i` (beside last year's when the desk has it); its `similar` is left empty.
    pub fn check(&self, i: usize) -> Option<Row> {
        let filed = self.filed.get(i)?;
        let mut row = Row {
            file: filed.file.clone(),
            body: None,
            year: None,
            format: None,
            by_family: [[0; 3]; 5],
            worst: None,
            last_year: None,
            repeated: None,
            similar: None,
            refused: None,
        };
        let text = match &filed.text {
            Ok(text) => text,
            Err(reason) => {
                row.refused = Some(reason.clone());
                return Some(row);
            }
        };
        let parsed = parse(text);
        row.last_year = self.last_year(i);
        let mut findings: Vec<Finding> = match row.last_year.and_then(|j| self.text(j)) {
            Some(last) => {
                let (findings, repeated) = rules::run_all_with_previous(&parsed, &parse(last));
                row.repeated = repeated.map(|r| r.share.percent);
                findings
            }
            None => rules::run_all(&parsed),
        };
        findings.retain(|f| !self.ignored.contains(&f.code));
        for f in &findings {
            let letter = f.code.as_str().chars().next();
            if let Some(family) = FAMILIES.iter().position(|fam| Some(fam.letter) == letter) {
                row.by_family[family][slot(f.severity)] += 1;
            }
        }
        row.worst = findings.iter().min_by_key(|f| f.severity).map(|f| Worst {
            code: f.code,
            severity: f.severity,
            line: f.line,
            message: f.message.clone(),
        });
        row.body = body_name(&parsed);
        row.year = parsed.document.year;
        row.format = parsed.document.format;
        Some(row)
    }

    /// For each report, the most similar report of another body and how much of its prose that
    /// one covers.
    pub fn similar(&self) -> Vec<Option<Similar>> {
        let mut similarity = self.similarity();
        (0..self.len()).map(|i| similarity.best(i)).collect()
    }

    /// The same, a report at a time ([`Similarity::best`]).
    pub fn similarity(&self) -> Similarity<'_> {
        Similarity::new(&self.prints)
    }

    /// Every row, checked and compared.
    pub fn rows(&self) -> Vec<Row> {
        let similar = self.similar();
        (0..self.len())
            .filter_map(|i| self.check(i))
            .zip(similar)
            .map(|(mut row, similar)| {
                row.similar = similar;
                row
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::tests_support::seed;

    /// Seed 000 (城中街道办, 2021) one year on: the year 2021 → 2022 and its figures as they were.
    fn next_year(text: &str) -> String {
        text.replace("2021", "2022").replace("2020", "2021")
    }

    #[test]
    fn a_bodys_two_years_are_paired_and_x_rules_run() {
        let last = seed("000");
        let this = next_year(last);
        let mut desk = Desk::new(&[]);
        desk.add("2022.txt".into(), Ok(this.clone()));
        desk.add("坏.doc".into(), Err("无法打开「坏.doc」".into()));
        desk.add("2021.txt".into(), Ok(last.to_string()));
        assert_eq!(desk.last_year(0), Some(2));
        assert_eq!(desk.last_year(2), None);
        let rows = desk.rows();
        assert_eq!(rows[0].last_year, Some(2));
        assert_eq!(rows[0].year, Some(2022));
        assert_eq!(rows[0].body.as_deref(), Some("城中街道办"));
        // The whole report repeats last year's: X03 is counted among the X warnings.
        assert!(rows[0].repeated.is_some_and(|p| p >= 95), "{:?}", rows[0]);
        assert!(rows[0].by_family[4][1] >= 1, "{:?}", rows[0].by_family);
        // The same counts as checking the pair directly.
        let direct = crate::check_with_previous(&this, last);
        let counts = [Severity::Error, Severity::Warning, Severity::Info].map(|s| direct.count(s));
        assert_eq!(rows[0].counts(), counts);
        assert_eq!(rows[1].refused.as_deref(), Some("无法打开「坏.doc」"));
        assert_eq!(rows[1].counts(), [0, 0, 0]);
        // A body's own reports are not 雷同 between units: seed 000's two years have no other body.
        assert_eq!(rows[0].similar, None);
        let alone = crate::check(last);
        assert_eq!(rows[2].by_family[4], [0, 0, 0]);
        assert_eq!(rows[2].counts()[0], alone.count(Severity::Error));
    }

    #[test]
    fn the_worst_finding_is_the_first_of_the_most_severe() {
        let (text, _) = crate::present::tests_support::seed_000_with_a_changed_cell();
        let mut desk = Desk::new(&[]);
        desk.add("a.txt".into(), Ok(text.clone()));
        let row = desk.check(0).unwrap();
        let report = crate::check(&text);
        let first_error = report
            .findings
            .iter()
            .find(|f| f.severity == Severity::Error)
            .unwrap();
        let worst = row.worst.unwrap();
        assert_eq!(
            (worst.code, worst.line),
            (first_error.code, first_error.line)
        );
        assert!(worst
            .describe()
            .starts_with(&format!("{} 错误 第 ", worst.code.as_str())));
        // Ignored rules are not counted.
        let mut quiet = Desk::new(&report.codes());
        quiet.add("a.txt".into(), Ok(text));
        assert_eq!(quiet.check(0).unwrap().counts(), [0, 0, 0]);
    }
}
