//! Real PDF reports read directly: the LibreOffice PDFs of the official blank template and of seeds
//! 000 (2021 format) and 004 (2019 trial format), filled with consistent non-zero numbers
//! (../nianbao/tests/fixtures/pdf-text/make.py), and 淮安市洪泽区's published 2024 report
//! (../nianbao/tests/fixtures/corpus/, README there). Each reads to exactly the numbers filled in or
//! added up by hand, the sums hold (no sum or cell finding), and the checker says what the corpus
//! README says. `cargo test -p nianbao-pdf --test reports -- --nocapture` prints the numbers.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use nianbao::summary::FileSummary;
use nianbao::{RuleCode, Severity};
use serde_json::Value;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../nianbao/tests/fixtures")
}

fn read(path: &str) -> Vec<u8> {
    let path = fixtures().join(path);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

struct Read {
    text: String,
    summary: Value,
    report: nianbao::Report,
    took: Duration,
}

fn check(path: &str) -> Read {
    let bytes = read(path);
    let started = Instant::now();
    let text = nianbao_pdf::pdf_to_text(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    let took = started.elapsed();
    let report = nianbao::check(&text);
    let summary = serde_json::to_value(FileSummary::new(path, &report)).expect("JSON");
    let parts = summary["parts"]
        .as_array()
        .expect("parts")
        .iter()
        .filter(|p| p["found"] == true)
        .count();
    let findings: Vec<String> = report
        .findings
        .iter()
        .map(|f| format!("{:?}/{:?}", f.code, f.severity))
        .collect();
    println!(
        "{path}: {} bytes, read in {took:?}, {parts}/6 parts, findings {findings:?}",
        bytes.len()
    );
    Read {
        text,
        summary,
        report,
        took,
    }
}

/// A JSON value as the text of its number (expected.json writes 12.5 as a string).
fn plain(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Rules that speak of sums and cells: none may fire where the tables were read as they are.
const SUM_OR_CELL: [RuleCode; 7] = [
    RuleCode::R01,
    RuleCode::R02,
    RuleCode::R03,
    RuleCode::R04,
    RuleCode::T02,
    RuleCode::T03,
    RuleCode::T06,
];

fn no_sum_or_cell_finding(path: &str, report: &nianbao::Report) {
    for f in &report.findings {
        assert!(
            !SUM_OR_CELL.contains(&f.code),
            "{path}: {:?} {}",
            f.code,
            f.message
        );
    }
}

/// The LibreOffice PDFs whose tables are drawn with ruling lines (the seeds' tables have no borders).
const RULED: [&str; 1] = ["blank-2021-filled"];

#[test]
fn the_libreoffice_pdfs_read_to_the_numbers_filled_in() {
    for source in RULED {
        let path = format!("pdf-text/{source}.pdf");
        let read = check(&path);
        let expected: Value = serde_json::from_slice(&read_expected(source)).expect("JSON");
        let tables = &read.summary["tables"];
        assert_eq!(
            tables["t3"], expected["t3"],
            "{path}: table 3\n{}",
            read.text
        );
        assert_eq!(
            tables["t4"], expected["t4"],
            "{path}: table 4\n{}",
            read.text
        );
        for (label, values) in expected["t2"].as_object().expect("t2") {
            let got: Vec<String> = tables["t2"][label]
                .as_array()
                .unwrap_or_else(|| panic!("{path}: T2 row {label}\n{}", read.text))
                .iter()
                .map(plain)
                .collect();
            let want: Vec<String> = values
                .as_array()
                .expect("values")
                .iter()
                .map(plain)
                .collect();
            assert_eq!(got, want, "{path}: T2 {label}");
        }
        no_sum_or_cell_finding(&path, &read.report);
        assert_eq!(
            read.summary["parts"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|p| p["found"] == true)
                .count(),
            6,
            "{path}: six parts\n{}",
            read.text
        );
        assert!(
            read.took < Duration::from_secs(2),
            "{path}: {:?}",
            read.took
        );
    }
}

fn read_expected(source: &str) -> Vec<u8> {
    read(&format!("pdf-text/{source}.expected.json"))
}

#[test]
fn hongze_2024_reads_to_the_readme_truth() {
    let path = "corpus/hongze-2024.pdf";
    let read = check(path);
    let tables = &read.summary["tables"];
    let t3 = tables["t3"].as_array().expect("t3");
    // 自然人 column (0) and 总计 column (6): 95 + 0 = 95 + 0; results 50 9 | 0 0 1 0 0 1 1 0 | 31 1 0 | 1 0 0 0 0 | 0.
    let column =
        |c: usize| -> Vec<i64> { t3.iter().map(|row| row[c].as_i64().unwrap_or(-1)).collect() };
    let want = [
        95, 0, 50, 9, 0, 0, 1, 0, 0, 1, 1, 0, 31, 1, 0, 1, 0, 0, 0, 0, 0, 95, 0,
    ];
    assert_eq!(column(0), want, "自然人\n{}", read.text);
    assert_eq!(column(6), want, "总计");
    for c in 1..6 {
        assert!(column(c).iter().all(|&v| v == 0), "column {c}");
    }
    assert_eq!(
        tables["t4"],
        serde_json::json!([1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]),
        "table 4"
    );
    let t2 = &tables["t2"];
    assert_eq!(t2["规章"], serde_json::json!([0, 0, 0]));
    assert_eq!(t2["行政规范性文件"], serde_json::json!([3, 0, 8]));
    assert_eq!(t2["行政许可"], serde_json::json!([9487]));
    assert_eq!(t2["行政处罚"], serde_json::json!([2776]));
    assert_eq!(t2["行政强制"], serde_json::json!([84]));
    assert_eq!(t2["行政事业性收费"], serde_json::json!([7545]));
    no_sum_or_cell_finding(path, &read.report);
    // The README: mixed template (T04), the misspelt label (T05), prose 17 against 95 (C01); nothing else.
    let mut codes: Vec<(RuleCode, Severity)> = read
        .report
        .findings
        .iter()
        .map(|f| (f.code, f.severity))
        .collect();
    codes.sort_by_key(|c| format!("{c:?}"));
    assert_eq!(
        codes,
        [
            (RuleCode::C01, Severity::Warning),
            (RuleCode::T04, Severity::Error),
            (RuleCode::T05, Severity::Warning)
        ],
        "{}",
        read.text
    );
    assert_eq!(read.summary["mixed_format"], true);
    assert!(
        !read.text.contains("-1-") && !read.text.contains("-3-"),
        "page numbers left out"
    );
    assert!(read.took < Duration::from_secs(2), "{:?}", read.took);
}
