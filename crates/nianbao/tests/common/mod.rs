//! Shared by the integration tests: the seeds, and small views of a report.
#![allow(dead_code)]

use nianbao::{Report, RuleCode};

pub const SEEDS: [(&str, &str); 5] = [
    (
        "000",
        include_str!("../fixtures/seeds/000_c430893fbea2ae1b.txt"),
    ),
    (
        "001",
        include_str!("../fixtures/seeds/001_bafcd2ea084bb138.txt"),
    ),
    (
        "002",
        include_str!("../fixtures/seeds/002_b422951fb7a0dba1.txt"),
    ),
    (
        "003",
        include_str!("../fixtures/seeds/003_e2933871b57d250b.txt"),
    ),
    (
        "004",
        include_str!("../fixtures/seeds/004_d96b637ce0123dd0.txt"),
    ),
];

pub fn seed(id: &str) -> &'static str {
    SEEDS
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, t)| *t)
        .expect("known seed")
}

/// (code, line) of every finding, sorted.
pub fn code_lines(report: &Report) -> Vec<(RuleCode, usize)> {
    let mut v: Vec<_> = report.findings.iter().map(|f| (f.code, f.line)).collect();
    v.sort();
    v
}

/// The 1-based line of byte `offset` in `text`.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// `text` one year on, with every other figure changed: each year 1990–2099 plus one, each other
/// number written in Arabic digits n → 3n + 1.
pub fn next_year_with_new_figures(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String| {
        if digits.is_empty() {
            return;
        }
        let n: u64 = digits.parse().expect("digits");
        let year = digits.len() == 4 && (1990..2100).contains(&n);
        out.push_str(&if year { n + 1 } else { n * 3 + 1 }.to_string());
        digits.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out);
    out
}
