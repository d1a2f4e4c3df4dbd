//! Real published reports as people have them (tests/fixtures/corpus, whose README says what a correct
//! checker reports for each): text from PDF files (`pdftotext -layout` and plain), a crawler's text with
//! the whole body on one line and the cells glued, machine-converted Markdown, the official blank
//! template. Each gives its format, year, six parts, the table values its text holds and exactly the
//! findings its README lists: no error on a report whose tables hold, and one T06 per table that cannot
//! be read, with no cell or sum finding drawn from it. On the reports read with confidence, one table
//! number changed fires exactly the right sum rule at the right cell.

mod common;

use std::collections::BTreeSet;

use nianbao::model::{Document, Table};
use nianbao::template::{TableId, Version};
use nianbao::{Finding, Report, RuleCode, Severity, Span};
use RuleCode::*;

fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The report's text as the checker reads it (a .docx through the importer).
fn text_of(name: &str) -> String {
    let bytes = fixture_bytes(name);
    if name.ends_with(".docx") {
        nianbao::import::docx_to_text(&bytes).expect("a readable .docx")
    } else {
        String::from_utf8(bytes).expect("UTF-8")
    }
}

/// What the README says of one report.
struct Expected {
    file: &'static str,
    format: Option<Version>,
    year: Option<u32>,
    /// Parts whose heading is missing (all others found).
    missing_parts: &'static [u8],
    /// Every finding, by code, with how many (T03 counted separately, see `blank_cells`).
    findings: &'static [(RuleCode, usize)],
    /// Tables that cannot be read from this text (one T06 each).
    unreadable: &'static [TableId],
    /// T3 rows (template key, the seven values) the text holds.
    t3: &'static [(&'static str, [i64; 7])],
    t4: Option<[i64; 15]>,
    /// Blank cells (T03) expected: the blank template's.
    blank_cells: usize,
}

const ALL_TABLES: &[TableId] = &[TableId::T2, TableId::T3, TableId::T4];

const CORPUS: &[Expected] = &[
    Expected {
        file: "hongze-2024.layout.txt",
        format: Some(Version::V2021),
        year: Some(2024),
        missing_parts: &[],
        // A 2021 table 2 with a 2019 table 3 (T04); 「2.其他法律行政止公开」 (T05); the prose's 17
        // applications against table 3's 95 (C01).
        findings: &[(T04, 1), (T05, 1), (C01, 1)],
        unreadable: &[],
        t3: &[
            ("new", [95, 0, 0, 0, 0, 0, 95]),
            ("carried", [0, 0, 0, 0, 0, 0, 0]),
            ("granted", [50, 0, 0, 0, 0, 0, 50]),
            ("partial", [9, 0, 0, 0, 0, 0, 9]),
            ("denied_law", [0, 0, 0, 0, 0, 0, 0]),
            ("denied_security", [1, 0, 0, 0, 0, 0, 1]),
            ("unable_not_held", [31, 0, 0, 0, 0, 0, 31]),
            ("unable_not_existing", [1, 0, 0, 0, 0, 0, 1]),
            ("not_handled_petition", [1, 0, 0, 0, 0, 0, 1]),
            ("not_handled_confirm", [0, 0, 0, 0, 0, 0, 0]),
            ("other_handling", [0, 0, 0, 0, 0, 0, 0]),
            ("total", [95, 0, 0, 0, 0, 0, 95]),
            ("forward", [0, 0, 0, 0, 0, 0, 0]),
        ],
        t4: Some([1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]),
        blank_cells: 0,
    },
    Expected {
        file: "hongze-2024.raw.txt",
        format: Some(Version::V2021),
        year: Some(2024),
        missing_parts: &[],
        // Plain pdftotext puts labels far from their numbers (whole columns of numbers in a row): the
        // tables are there but cannot be lined up with their rows. Table 3's labels alone show its
        // 2019-style （六）其他处理 beside a 2021 table 2 (T04).
        findings: &[(T04, 1), (T06, 2)],
        unreadable: &[TableId::T2, TableId::T3],
        t3: &[],
        t4: Some([1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3]),
        blank_cells: 0,
    },
    Expected {
        file: "shanghai-govoffice-2025.txt",
        format: Some(Version::V2021),
        year: Some(2025),
        // Part 五's content sits under 「（一）…」「（二）…」 with no heading of its own.
        missing_parts: &[5],
        // Table 2's first sub-table lost a value per row in extraction (「规章 22 235」).
        findings: &[(S01, 1), (T06, 1)],
        unreadable: &[TableId::T2],
        t3: &[
            ("new", [1259, 36, 0, 0, 0, 0, 1295]),
            ("carried", [170, 15, 0, 0, 4, 0, 189]),
            ("partial", [2, 0, 0, 0, 0, 0, 2]),
            ("not_handled_confirm", [0, 0, 0, 0, 0, 0, 0]),
            ("other_no_correction", [40, 1, 0, 0, 2, 0, 43]),
            ("other_unpaid", [0, 0, 0, 0, 0, 0, 0]),
            ("other_other", [264, 12, 0, 0, 0, 0, 276]),
            ("total", [1139, 48, 0, 0, 4, 0, 1191]),
            ("forward", [290, 3, 0, 0, 0, 0, 293]),
        ],
        t4: Some([40, 0, 10, 5, 55, 2, 0, 4, 6, 12, 6, 0, 9, 7, 22]),
        blank_cells: 0,
    },
    Expected {
        file: "shuyang-county-2025.txt",
        format: Some(Version::V2021),
        year: Some(2025),
        missing_parts: &[],
        // 「五、政府信息公开工作存在的主要问题及改进情况」 is the accepted variant (a style warning only);
        // 「共受理 749 件」 = 713 + 36 and 「收取信息处理费共计380元」 raise nothing; the group label
        // 「(六) 其他」 for 「（六）其他处理」 (T05).
        findings: &[(S04, 1), (T05, 1)],
        unreadable: &[],
        t3: &[
            ("new", [705, 3, 0, 0, 5, 0, 713]),
            ("carried", [36, 0, 0, 0, 0, 0, 36]),
            ("other_no_correction", [9, 0, 0, 0, 0, 0, 9]),
            ("other_unpaid", [7, 0, 0, 0, 0, 0, 7]),
            ("total", [710, 3, 0, 0, 5, 0, 718]),
            ("forward", [31, 0, 0, 0, 0, 0, 31]),
        ],
        t4: Some([27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10]),
        blank_cells: 0,
    },
    Expected {
        file: "pingtan-district-2021.txt",
        format: Some(Version::V2021),
        year: Some(2021),
        missing_parts: &[],
        findings: &[(T06, 3)],
        unreadable: ALL_TABLES,
        t3: &[],
        t4: None,
        blank_cells: 0,
    },
    Expected {
        file: "pingtan-district-2023.txt",
        format: Some(Version::V2021),
        year: Some(2023),
        missing_parts: &[],
        findings: &[(T06, 3)],
        unreadable: ALL_TABLES,
        t3: &[],
        t4: None,
        blank_cells: 0,
    },
    Expected {
        file: "pingtan-district-2025.txt",
        format: Some(Version::V2021),
        year: Some(2025),
        missing_parts: &[],
        findings: &[(T06, 3)],
        unreadable: ALL_TABLES,
        t3: &[],
        t4: None,
        blank_cells: 0,
    },
    Expected {
        file: "pingtan-market-regulation-2019.txt",
        format: Some(Version::V2019),
        year: Some(2019),
        missing_parts: &[],
        // Part 六 「无其他需要报告事项」 says nothing of 信息处理费.
        findings: &[(T06, 3), (C03, 1)],
        unreadable: ALL_TABLES,
        t3: &[],
        t4: None,
        blank_cells: 0,
    },
    Expected {
        file: "kgc-hangzhou-style-2025.txt",
        format: Some(Version::V2021),
        year: Some(2025),
        missing_parts: &[],
        // No title line at all (S06); 「五、存在问题及改进情况」 (S04); 信息处理费 400 元 (no C03).
        findings: &[(S06, 1), (S04, 1)],
        unreadable: &[],
        t3: &[
            ("new", [13612, 252, 0, 45, 128, 32, 14069]),
            ("carried", [535, 6, 0, 1, 18, 0, 560]),
        ],
        t4: Some([
            376, 97, 196, 121, 790, 16, 1, 12, 27, 56, 74, 1, 30, 51, 156,
        ]),
        blank_cells: 0,
    },
    Expected {
        file: "blank-template-2021.docx",
        format: Some(Version::V2021),
        year: None,
        missing_parts: &[],
        // Every cell blank: 25 × 7 in table 3, 15 in table 4, 10 in table 2.
        findings: &[(S06, 1)],
        unreadable: &[],
        t3: &[],
        t4: None,
        blank_cells: 25 * 7 + 15 + 10,
    },
];

fn table(doc: &Document, id: TableId) -> &Table {
    doc.table(id).expect("every table is looked for")
}

fn counts(cells: &[nianbao::model::Cell]) -> Vec<Option<i64>> {
    cells.iter().map(|c| c.count()).collect()
}

fn by_code(report: &Report) -> Vec<(RuleCode, usize)> {
    let mut codes: Vec<(RuleCode, usize)> = Vec::new();
    for f in report.findings.iter().filter(|f| f.code != T03) {
        match codes.iter_mut().find(|(c, _)| *c == f.code) {
            Some((_, n)) => *n += 1,
            None => codes.push((f.code, 1)),
        }
    }
    codes.sort();
    codes
}

#[test]
fn each_real_report_reads_as_its_readme_says() {
    for want in CORPUS {
        let name = want.file;
        let text = text_of(name);
        let report = nianbao::check(&text);
        let doc = &report.document;
        assert_eq!(doc.format, want.format, "{name}: format");
        assert_eq!(doc.year, want.year, "{name}: year");
        for part in &doc.parts {
            assert_eq!(
                part.found,
                !want.missing_parts.contains(&part.number),
                "{name}: part {}",
                part.number
            );
        }
        let mut findings: Vec<(RuleCode, usize)> = want.findings.to_vec();
        findings.sort();
        assert_eq!(by_code(&report), findings, "{name}: {:#?}", report.findings);
        let blanks = report.findings.iter().filter(|f| f.code == T03).count();
        assert_eq!(blanks, want.blank_cells, "{name}: blank cells");
        for id in TableId::ALL {
            let t = table(doc, id);
            assert!(t.found, "{name}: {id:?} found");
            assert_eq!(
                !t.is_reliable(),
                want.unreadable.contains(&id),
                "{name}: {id:?} {:?}",
                t.unreliable
            );
        }
        let t3 = table(doc, TableId::T3);
        for (key, values) in want.t3 {
            let row = t3.row(key).unwrap_or_else(|| panic!("{name}: row {key}"));
            let want: Vec<Option<i64>> = values.iter().map(|&v| Some(v)).collect();
            assert_eq!(counts(&row.cells), want, "{name}: T3 {key}");
        }
        if let Some(values) = want.t4 {
            let row = &table(doc, TableId::T4).rows[0];
            let want: Vec<Option<i64>> = values.iter().map(|&v| Some(v)).collect();
            assert_eq!(counts(&row.cells), want, "{name}: T4");
        }
    }
}

#[test]
fn no_error_where_the_tables_hold_and_no_storm_where_they_cannot_be_read() {
    for want in CORPUS {
        let report = nianbao::check(&text_of(want.file));
        let errors: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .filter(|f| !matches!(f.code, S01 | T03))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", want.file);
        // A table that cannot be read is said once, at a place inside it, and nothing else is drawn
        // from its cells.
        for &id in want.unreadable {
            let t = table(&report.document, id);
            let at = t.unreliable.expect("unreliable").span;
            let t06: Vec<_> = report
                .findings
                .iter()
                .filter(|f| f.code == T06 && f.start == at.start)
                .collect();
            assert_eq!(t06.len(), 1, "{}: {id:?}", want.file);
            assert!(
                at.start >= t.region.start && at.end <= t.region.end,
                "{}: T06 inside {id:?}",
                want.file
            );
        }
        let drawn = report.findings.iter().filter(|f| {
            matches!(f.code, T02 | T03 | R01 | R02 | R03 | R04 | C01)
                && want.unreadable.iter().any(|&id| {
                    let region = table(&report.document, id).region;
                    f.start >= region.start && f.end <= region.end
                })
        });
        assert_eq!(drawn.count(), 0, "{}", want.file);
    }
}

fn sums_fired(findings: &[Finding]) -> BTreeSet<(RuleCode, usize)> {
    findings
        .iter()
        .filter(|f| matches!(f.code, R01 | R02 | R03 | R04))
        .map(|f| (f.code, f.start))
        .collect()
}

/// T3 rows in R01 (第一项 + 第二项 = 第三项（七）总计 + 第四项), restated from spec §4.
const R01_ROWS: [&str; 4] = ["new", "carried", "total", "forward"];
/// T3 rows outside R03 (（七）总计 = every outcome row).
const NOT_R03_ROWS: [&str; 3] = ["new", "carried", "forward"];
const T3_TOTAL: usize = 6;

#[test]
fn one_number_changed_fires_exactly_its_sum_rules_at_its_cells() {
    let mut checked = 0;
    for want in CORPUS.iter().filter(|w| !w.t3.is_empty()) {
        let name = want.file;
        let text = text_of(name);
        let before = nianbao::check(&text);
        assert!(sums_fired(&before.findings).is_empty(), "{name}: sums hold");
        let doc = &before.document;
        let t3 = table(doc, TableId::T3);
        let total = t3.row("total").expect("（七）总计");
        let mut cases: Vec<(Span, BTreeSet<(RuleCode, usize)>)> = Vec::new();
        for row in t3.rows.iter().filter(|r| r.found) {
            for (c, cell) in row.cells.iter().enumerate() {
                let mut expected = BTreeSet::from([(R02, row.cells[T3_TOTAL].span.start)]);
                if R01_ROWS.contains(&row.key) {
                    expected.insert((R01, total.cells[c].span.start));
                }
                if !NOT_R03_ROWS.contains(&row.key) {
                    expected.insert((R03, total.cells[c].span.start));
                }
                cases.push((cell.span, expected));
            }
        }
        let t4 = &table(doc, TableId::T4).rows[0].cells;
        for (i, cell) in t4.iter().enumerate() {
            cases.push((
                cell.span,
                BTreeSet::from([(R04, t4[i / 5 * 5 + 4].span.start)]),
            ));
        }
        for (span, expected) in cases {
            let old: i64 = text[span.start..span.end]
                .trim()
                .parse()
                .unwrap_or_else(|_| panic!("{name}: a number at {span:?}"));
            let new = (old + 1).to_string();
            let mutated = format!("{}{new}{}", &text[..span.start], &text[span.end..]);
            // A number gaining a digit (9 → 10) moves the cells after it by one byte.
            let shift = new.len() as isize - (span.end - span.start) as isize;
            let expected: BTreeSet<(RuleCode, usize)> = expected
                .into_iter()
                .map(|(code, at)| {
                    let at = if at > span.start {
                        at.saturating_add_signed(shift)
                    } else {
                        at
                    };
                    (code, at)
                })
                .collect();
            let after = nianbao::check(&mutated);
            assert_eq!(
                sums_fired(&after.findings),
                expected,
                "{name}: cell at line {} changed from {old}",
                common::line_of(&text, span.start)
            );
            checked += 1;
        }
    }
    assert!(checked > 300, "{checked} cells changed");
}

/// The kinds of text the corpus shows, each in a few lines: what the checker must read whatever the
/// report's wording.
#[test]
fn headings_inline_where_line_breaks_were_lost() {
    let text = "某区2021年政府信息公开工作年度报告 本报告可在网站下载。一、总体情况2021年，我区…。二、主动公开政府信息情况第二十条第（一）项 三、收到和处理政府信息公开申请情况（本列…）四、政府信息公开行政复议、行政诉讼情况 五、存在的主要问题及改进情况（一）问题。六、其他需要报告的事项本年度未收取信息处理费。";
    let doc = nianbao::check(text).document;
    assert!(doc.parts.iter().all(|p| p.found), "{:#?}", doc.parts);
    let five = doc.part(5).heading_span;
    assert_eq!(&text[five.start..five.end], "五、存在的主要问题及改进情况");
    // 「…的三、…」 inside a sentence and a list of the parts in the preamble are no headings.
    let prose = "本报告包括总体情况、主动公开政府信息情况等六个部分。我们的三、收到和处理政府信息公开申请情况";
    let doc = nianbao::check(prose).document;
    assert!(doc.parts.iter().all(|p| !p.found));
}

#[test]
fn extra_sections_before_the_real_part_are_reported() {
    let text = "某街道2021年政府信息公开工作年度报告\n一、总体情况\n概述。\n二、工作机制保障\n内容。\n三、政府信息管理\n内容。\n一、主动公开政府信息情况\n二、收到和处理政府信息公开申请情况\n三、政府信息公开行政复议、行政诉讼情况\n四、存在的主要问题及改进情况\n五、其他需要报告的事项\n本年度未收取信息处理费。\n";
    let report = nianbao::check(text);
    let codes = common::code_lines(&report);
    let extras: Vec<usize> = codes
        .iter()
        .filter(|(c, _)| *c == S05)
        .map(|&(_, l)| l)
        .collect();
    assert_eq!(extras, [4, 6], "{codes:?}");
    let doc = &report.document;
    assert!(doc.parts.iter().all(|p| p.found));
    assert_eq!(doc.part(2).line, 8, "the real part, by its title");
    assert!(codes.contains(&(S03, 8)), "{codes:?}");
}

#[test]
fn glued_cells_are_said_once_per_table() {
    let text = "三、收到和处理政府信息公开申请情况申请人情况自然人法人或其他组织总计一、本年新收政府信息公开申请数量713000074二、上年结转政府信息公开申请数量0000000四、政府信息公开行政复议、行政诉讼情况";
    let report = nianbao::check(text);
    let t06: Vec<&Finding> = report.findings.iter().filter(|f| f.code == T06).collect();
    assert_eq!(t06.len(), 1, "{:#?}", report.findings);
    assert_eq!(&text[t06[0].start..t06[0].end], "713000074");
    assert!(
        t06[0].message.contains("无法可靠读取"),
        "{}",
        t06[0].message
    );
    assert!(!report
        .findings
        .iter()
        .any(|f| matches!(f.code, T02 | T03 | R01 | R02 | R03)));
}

#[test]
fn prose_figures_read_in_their_sentence() {
    // Seed 000 has 0 everywhere: filled with 10 received, 2 carried over, 11 granted, 1 carried
    // forward (10 + 2 = 11 + 1).
    let base = common::seed("000");
    let report = nianbao::check(base);
    let t3 = table(&report.document, TableId::T3);
    let set = |text: &str, key: &str, column: usize, value: i64, t3: &Table| {
        let span = t3.row(key).expect("row").cells[column].span;
        format!("{}{value}{}", &text[..span.start], &text[span.end..])
    };
    // Fill from the end so earlier places stay where they are.
    let mut edits: Vec<(&str, usize, i64)> = vec![
        ("new", 0, 10),
        ("new", 6, 10),
        ("carried", 0, 2),
        ("carried", 6, 2),
        ("granted", 0, 11),
        ("granted", 6, 11),
        ("total", 0, 11),
        ("total", 6, 11),
        ("forward", 0, 1),
        ("forward", 6, 1),
    ];
    edits.sort_by_key(|(key, column, _)| {
        std::cmp::Reverse(t3.row(key).expect("row").cells[*column].span.start)
    });
    let mut text = base.to_string();
    for (key, column, value) in edits {
        text = set(&text, key, column, value, t3);
    }
    let before = nianbao::check(&text);
    let c01 = |t: &str| {
        nianbao::check(t)
            .findings
            .iter()
            .filter(|f| f.code == C01)
            .count()
    };
    assert!(sums_fired(&before.findings).is_empty());
    let sentence = "我街道未收到政府信息公开申请";
    assert!(text.contains(sentence));
    // A list of outcomes is not the 办结 total.
    let listed = text.replace(
        sentence,
        "我街道收到政府信息公开申请10件，同意公开答复9件、部分公开答复0件、转下一年度办理的有1件",
    );
    assert_eq!(c01(&listed), 0, "a list of outcomes");
    // 受理 may count the carried-over applications with the new ones (10 + 2); 收到 may not.
    let accepted = text.replace(sentence, "我街道受理政府信息公开申请12件");
    assert_eq!(c01(&accepted), 0);
    let received = text.replace(sentence, "我街道收到政府信息公开申请12件");
    assert_eq!(c01(&received), 1);
    let wrong = text.replace(sentence, "我街道受理政府信息公开申请13件");
    assert_eq!(c01(&wrong), 1);
}
