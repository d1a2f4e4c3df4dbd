//! Text extracted from PDF files, as reviewers get it: real Word templates (the official blank 2021
//! template, seed 000 in the 2021 format and seed 004 in the 2019 trial format) filled with consistent
//! non-zero numbers, saved to PDF by LibreOffice and extracted with `pdftotext -layout` and plain
//! `pdftotext` (tests/fixtures/pdf-text/make.py made them). Long row labels wrap over two or three lines
//! with the numbers on the middle line, header cells split over lines, and table 4's header stacks.
//!
//! On each text: every table the text lets the reader line up is read with exactly the numbers filled
//! in, every other table is reported once as T06 and draws no finding, no sum or cell finding is raised
//! (the sums hold), and one number changed in a table read fires exactly the right sum rule at the right
//! cell. The layout texts hold every table. Plain `pdftotext` writes content order: table 4's last
//! numbers come after the next part's heading (in the blank template after part 六's, past prose),
//! under table 4's own header words, and are read there; in the blank template table 3's numbers come
//! out of row order, some on other rows' label lines, which no reading can undo without guessing: T06
//! (`READABLE` states it, and fails when it changes either way).

mod common;

use std::collections::BTreeSet;

use nianbao::model::{Document, Table};
use nianbao::template::TableId;
use nianbao::{Finding, RuleCode, Severity, Span};

const SOURCES: [&str; 3] = ["blank-2021-filled", "seed000-filled", "seed004-filled"];
const EXTRACTIONS: [&str; 2] = ["layout", "raw"];

/// T3 rows taking part in R01 (第一项 + 第二项 = 第三项（七）总计 + 第四项), restated from spec §4.
const R01_ROWS: [&str; 4] = ["new", "carried", "total", "forward"];
/// T3 rows outside R03 (（七）总计 = every outcome row).
const NOT_R03_ROWS: [&str; 3] = ["new", "carried", "forward"];
const T3_TOTAL_COLUMN: usize = 6;

/// The tables each text lets the reader line up; the others must be T06.
const READABLE: [(&str, &[TableId]); 6] = [
    (
        "blank-2021-filled.layout.txt",
        &[TableId::T2, TableId::T3, TableId::T4],
    ),
    (
        "seed000-filled.layout.txt",
        &[TableId::T2, TableId::T3, TableId::T4],
    ),
    (
        "seed004-filled.layout.txt",
        &[TableId::T2, TableId::T3, TableId::T4],
    ),
    ("blank-2021-filled.raw.txt", &[TableId::T2, TableId::T4]),
    (
        "seed000-filled.raw.txt",
        &[TableId::T2, TableId::T3, TableId::T4],
    ),
    ("seed004-filled.raw.txt", &[TableId::T3, TableId::T4]),
];

fn readable(name: &str) -> &'static [TableId] {
    READABLE
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, tables)| *tables)
        .unwrap_or_else(|| panic!("{name} is in READABLE"))
}

fn fixture(name: &str) -> String {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf-text")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

struct Expected {
    t2: Vec<(String, Vec<String>)>,
    t3: Vec<Vec<i64>>,
    t4: Vec<i64>,
}

/// The numbers make.py filled in.
fn expected(source: &str) -> Expected {
    let json: serde_json::Value =
        serde_json::from_str(&fixture(&format!("{source}.expected.json"))).expect("JSON");
    let ints = |v: &serde_json::Value| -> Vec<i64> {
        v.as_array()
            .expect("an array")
            .iter()
            .map(|n| n.as_i64().expect("an integer"))
            .collect()
    };
    Expected {
        t2: json["t2"]
            .as_object()
            .map(|o| {
                o.iter()
                    .map(|(label, values)| {
                        let values = values
                            .as_array()
                            .expect("an array")
                            .iter()
                            .map(|v| match v {
                                serde_json::Value::String(s) => s.clone(),
                                other => other.to_string(),
                            })
                            .collect();
                        (label.clone(), values)
                    })
                    .collect()
            })
            .unwrap_or_default(),
        t3: json["t3"]
            .as_array()
            .expect("t3")
            .iter()
            .map(ints)
            .collect(),
        t4: ints(&json["t4"]),
    }
}

fn texts() -> Vec<(String, String, Expected)> {
    let mut out = Vec::new();
    for source in SOURCES {
        for extraction in EXTRACTIONS {
            let name = format!("{source}.{extraction}.txt");
            out.push((name.clone(), fixture(&name), expected(source)));
        }
    }
    out
}

fn table(doc: &Document, id: TableId) -> &Table {
    doc.table(id)
        .filter(|t| t.found)
        .unwrap_or_else(|| panic!("{id:?} found"))
}

fn counts(table: &Table) -> Vec<Vec<Option<i64>>> {
    table
        .rows
        .iter()
        .map(|r| r.cells.iter().map(|c| c.count()).collect())
        .collect()
}

fn is_sum_or_cell_finding(f: &Finding) -> bool {
    matches!(
        f.code,
        RuleCode::R01
            | RuleCode::R02
            | RuleCode::R03
            | RuleCode::R04
            | RuleCode::T02
            | RuleCode::T03
    )
}

#[test]
fn every_filled_number_is_read_where_the_text_lines_it_up_and_t06_said_once_elsewhere() {
    for (name, text, want) in texts() {
        let report = nianbao::check(&text);
        let doc = &report.document;
        let read = readable(&name);
        for id in [TableId::T2, TableId::T3, TableId::T4] {
            let t = table(doc, id);
            assert_eq!(
                t.is_reliable(),
                read.contains(&id),
                "{name}: {id:?} read with confidence as READABLE says"
            );
        }
        let t06 = report
            .findings
            .iter()
            .filter(|f| f.code == RuleCode::T06)
            .count();
        assert_eq!(t06, 3 - read.len(), "{name}: one T06 per table not read");
        if read.contains(&TableId::T3) {
            let t3: Vec<Vec<Option<i64>>> = want
                .t3
                .iter()
                .map(|r| r.iter().map(|&v| Some(v)).collect())
                .collect();
            assert_eq!(counts(table(doc, TableId::T3)), t3, "{name}: table 3");
        }
        if read.contains(&TableId::T4) {
            let t4: Vec<Option<i64>> = want.t4.iter().map(|&v| Some(v)).collect();
            assert_eq!(counts(table(doc, TableId::T4)), vec![t4], "{name}: table 4");
        }
        if read.contains(&TableId::T2) && !want.t2.is_empty() {
            let t2 = table(doc, TableId::T2);
            for (label, values) in &want.t2 {
                let row = t2
                    .rows
                    .iter()
                    .find(|r| r.label == label.as_str())
                    .unwrap_or_else(|| panic!("{name}: T2 row {label}"));
                let got: Vec<String> = row
                    .cells
                    .iter()
                    .map(|c| {
                        c.value
                            .as_ref()
                            .map(|v| v.to_string())
                            .unwrap_or_else(|| "-".into())
                    })
                    .collect();
                assert_eq!(&got, values, "{name}: T2 row {label}");
            }
        }
    }
}

#[test]
fn tables_whose_sums_hold_raise_no_sum_or_cell_finding() {
    for (name, text, _) in texts() {
        let report = nianbao::check(&text);
        let wrong: Vec<_> = report
            .findings
            .iter()
            .filter(|f| is_sum_or_cell_finding(f))
            .map(|f| (f.code, f.line, f.message.clone()))
            .collect();
        assert!(wrong.is_empty(), "{name}: {wrong:#?}");
        if name.starts_with("blank-") {
            let errors: Vec<_> = report
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .map(|f| (f.code, f.line, f.message.clone()))
                .collect();
            assert!(errors.is_empty(), "{name}: no error at all: {errors:#?}");
        }
    }
}

fn replace(text: &str, span: Span, with: &str) -> String {
    format!("{}{}{}", &text[..span.start], with, &text[span.end..])
}

fn sums_fired(findings: &[Finding]) -> BTreeSet<(RuleCode, usize)> {
    findings
        .iter()
        .filter(|f| {
            matches!(
                f.code,
                RuleCode::R01 | RuleCode::R02 | RuleCode::R03 | RuleCode::R04
            )
        })
        .map(|f| (f.code, f.start))
        .collect()
}

#[test]
fn one_number_changed_fires_exactly_its_sum_rules_at_its_cells() {
    let mut checked = 0;
    let mut expected_count = 0;
    for (name, text, want) in texts() {
        let doc = nianbao::check(&text).document;
        let read = readable(&name);
        let t3 = table(&doc, TableId::T3);
        let t4 = table(&doc, TableId::T4);
        let t3_total = t3
            .rows
            .iter()
            .find(|r| r.key == "total")
            .expect("（七）总计");
        let mut cases: Vec<(Span, BTreeSet<(RuleCode, usize)>)> = Vec::new();
        let t3_rows: &[_] = if read.contains(&TableId::T3) {
            expected_count += want.t3.len() * 7;
            &t3.rows
        } else {
            &[]
        };
        for row in t3_rows {
            for (c, cell) in row.cells.iter().enumerate() {
                let mut expected = BTreeSet::new();
                expected.insert((RuleCode::R02, row.cells[T3_TOTAL_COLUMN].span.start));
                if R01_ROWS.contains(&row.key) {
                    expected.insert((RuleCode::R01, t3_total.cells[c].span.start));
                }
                if !NOT_R03_ROWS.contains(&row.key) {
                    expected.insert((RuleCode::R03, t3_total.cells[c].span.start));
                }
                cases.push((cell.span, expected));
            }
        }
        let t4_cells: &[_] = if read.contains(&TableId::T4) {
            expected_count += want.t4.len();
            &t4.rows[0].cells
        } else {
            &[]
        };
        for (i, cell) in t4_cells.iter().enumerate() {
            let band_total = t4_cells[i / 5 * 5 + 4].span.start;
            cases.push((cell.span, BTreeSet::from([(RuleCode::R04, band_total)])));
        }
        for (span, expected) in cases {
            let old: i64 = text[span.start..span.end]
                .trim()
                .parse()
                .unwrap_or_else(|_| panic!("{name}: a number at {span:?}"));
            let new = (old + 1).to_string();
            let mutated = replace(&text, span, &new);
            let after = nianbao::check(&mutated);
            let line = common::line_of(&text, span.start);
            // A number that gains a digit (9 → 10) moves every cell after it by one byte.
            let shift = new.len() as isize - (span.end - span.start) as isize;
            let expected: BTreeSet<(RuleCode, usize)> = expected
                .into_iter()
                .map(|(code, at)| {
                    let moved = if at > span.start {
                        at.saturating_add_signed(shift)
                    } else {
                        at
                    };
                    (code, moved)
                })
                .collect();
            assert_eq!(
                sums_fired(&after.findings),
                expected,
                "{name}: cell at line {line} changed from {old}"
            );
            checked += 1;
        }
    }
    // Layout: 2 × (25×7 + 15) + (23×7 + 15); plain: seed 000's and seed 004's table 3, every table 4.
    assert_eq!(checked, expected_count);
    assert_eq!(
        checked,
        2 * (25 * 7 + 15) + (23 * 7 + 15) + 25 * 7 + 23 * 7 + 3 * 15
    );
}

/// Table 4 read past the next heading only where nothing else could hold its cells: a line of prose
/// with a number next to the run-on numbers, or numbers in another order (each group's 总计 first),
/// leave it unreadable, said once.
#[test]
fn table_4_run_on_past_the_heading_is_read_only_when_certain() {
    let text = fixture("seed000-filled.raw.txt");
    let heading = "五、存在的主要问题及改进情况\n";
    assert!(text.contains(heading));
    let t4_reliable = |t: &str| table(&nianbao::check(t).document, TableId::T4).is_reliable();
    assert!(t4_reliable(&text));
    let prose = text.replace(heading, &format!("{heading}本年度共收到2件。\n"));
    assert!(
        !t4_reliable(&prose),
        "a number in the prose beside the cells"
    );
    // Every group's 总计 before its four outcomes: all three R04 sums break, so it is no typo.
    let reordered = text
        .replace("3\n\n2\n\n1\n\n4\n", "10\n\n3\n\n2\n\n1\n")
        .replacen("总计 结果", "结果", 1)
        .replace("\n10\n\n五", "\n4\n\n五")
        .replace("5\n\n0\n\n2\n\n1\n\n总计\n8\n", "8\n\n5\n\n0\n\n2\n\n1\n")
        .replace("2\n\n1\n\n0\n\n3\n\n总计\n6\n", "6\n\n2\n\n1\n\n0\n\n3\n");
    assert_ne!(reordered, text);
    let report = nianbao::check(&reordered);
    assert!(!table(&report.document, TableId::T4).is_reliable());
    assert!(!report.findings.iter().any(|f| f.code == RuleCode::R04));
}
