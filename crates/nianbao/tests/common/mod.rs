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
