//! The five real reports, exactly as users pasted them: what spec §6 says a correct checker reports.

mod common;

use common::{code_lines, seed, SEEDS};
use nianbao::model::Value;
use nianbao::template::{TableId, Version};
use nianbao::RuleCode::{self, *};

fn check(id: &str) -> nianbao::Report {
    nianbao::check(seed(id))
}

#[test]
fn seed_000_misses_only_the_numeral_of_part_one() {
    let report = check("000");
    assert_eq!(code_lines(&report), vec![(S03, 3), (C03, 428)]);
    assert!(report.findings[0].message.contains("总体情况"));
    assert_eq!(
        &seed("000")[report.findings[0].start..report.findings[0].end],
        "总体情况"
    );
}

#[test]
fn seed_001_has_no_year_in_its_title_and_an_arabic_numeral() {
    let report = check("001");
    assert_eq!(code_lines(&report), vec![(S03, 452), (S06, 1)]);
    let s03 = &report.findings[1];
    assert_eq!(&seed("001")[s03.start..s03.end], "6、 其他需要报告的事项");
}

#[test]
fn seed_002_has_no_title_line() {
    let report = check("002");
    assert_eq!(code_lines(&report), vec![(S06, 1), (C03, 345)]);
    assert!(report.findings[0].message.contains("缺少报告标题"));
}

#[test]
fn seed_003_has_a_typo_in_a_t2_header() {
    let report = check("003");
    assert_eq!(code_lines(&report), vec![(T05, 16)]);
    let f = &report.findings[0];
    assert_eq!(&seed("003")[f.start..f.end], "本年度止件数");
    assert!(f.message.contains("本年废止件数"));
}

#[test]
fn seed_004_is_missing_parts_one_and_six_and_splits_part_five() {
    let report = check("004");
    let text = seed("004");
    assert_eq!(
        code_lines(&report),
        vec![
            (S01, 4),
            (S01, 396),
            (S03, 12),
            (S03, 86),
            (S03, 348),
            (S04, 348),
            (S05, 393)
        ]
    );
    let s01: Vec<_> = report.findings.iter().filter(|f| f.code == S01).collect();
    assert!(s01[0].message.contains("一、总体情况"));
    assert!(s01[1].message.contains("六、其他需要报告的事项"));
    // A missing part is an insertion point where it should have been.
    assert!(s01.iter().all(|f| f.start == f.end));
    let s05 = report.findings.iter().find(|f| f.code == S05).unwrap();
    assert_eq!(&text[s05.start..s05.end], "七、存在问题");
    assert_eq!(s05.related().len(), 1);
    assert_eq!(
        &text[s05.related()[0].start..s05.related()[0].end],
        "八、改进措施"
    );
    let s04 = report.findings.iter().find(|f| f.code == S04).unwrap();
    assert_eq!(
        &text[s04.start..s04.end],
        "六、行政复议、诉讼和举报投诉情况"
    );
}

#[test]
fn no_seed_breaks_a_sum_rule_or_a_table_rule_it_does_not_break() {
    for (id, text) in SEEDS {
        let report = nianbao::check(text);
        for f in &report.findings {
            assert!(
                !matches!(f.code, R01 | R02 | R03 | R04 | T01 | T02 | T03 | T04),
                "seed {id}: unexpected {} {}",
                f.code,
                f.message
            );
        }
    }
}

#[test]
fn formats_and_years_are_read() {
    let expect: [(&str, Version, Option<u32>); 5] = [
        ("000", Version::V2021, Some(2021)),
        // No year in the title or the 统计期限: the prose says 2021 (「2021年八卦洲街道…」).
        ("001", Version::V2021, Some(2021)),
        ("002", Version::V2021, Some(2021)),
        ("003", Version::V2021, Some(2023)),
        ("004", Version::V2019, Some(2020)),
    ];
    for (id, format, year) in expect {
        let doc = check(id).document;
        assert_eq!(doc.format, Some(format), "seed {id}");
        assert!(!doc.mixed_format, "seed {id}");
        assert_eq!(doc.year, year, "seed {id}");
    }
}

/// Every table found, every row present, every cell a number: the values of spec §6.
#[test]
fn every_cell_of_every_seed_is_read() {
    for (id, text) in SEEDS {
        let doc = nianbao::check(text).document;
        for table_id in TableId::ALL {
            let table = doc.table(table_id).unwrap();
            assert!(table.found, "seed {id} {table_id:?}");
            let spec = nianbao::template::table(table_id, table.version);
            assert_eq!(
                table.rows.len(),
                spec.data_rows().count(),
                "seed {id} {table_id:?}"
            );
            for row in &table.rows {
                assert!(row.found, "seed {id} {table_id:?} row {}", row.label);
                for cell in &row.cells {
                    assert_eq!(
                        cell.problem, None,
                        "seed {id} {} {}",
                        row.label, cell.column
                    );
                    let written = text[cell.span.start..cell.span.end].trim();
                    let expected = match (id, row.key) {
                        ("002", "licensing") => 8,
                        ("002", "penalty") => 50,
                        _ => 0,
                    };
                    assert_eq!(
                        cell.value,
                        Some(Value::Int(expected)),
                        "seed {id} {} {}",
                        row.label,
                        cell.column
                    );
                    assert_eq!(
                        written,
                        expected.to_string(),
                        "seed {id}: the cell's span is its own text"
                    );
                }
            }
        }
        let t3 = doc.table(TableId::T3).unwrap();
        let expected_rows = if id == "004" { 23 } else { 25 };
        assert_eq!(t3.rows.len(), expected_rows, "seed {id}");
        assert_eq!(doc.table(TableId::T4).unwrap().rows[0].cells.len(), 15);
    }
}

#[test]
fn parts_are_found_where_they_are() {
    let found =
        |id: &str| -> Vec<bool> { check(id).document.parts.iter().map(|p| p.found).collect() };
    for id in ["000", "001", "002", "003"] {
        assert_eq!(found(id), vec![true; 6], "seed {id}");
    }
    assert_eq!(found("004"), vec![false, true, true, true, true, false]);
    let doc = check("003").document;
    // 「##### 一、存在的主要问题。」 inside part 五 is a sub-heading, not part 一 again.
    assert!(doc.extra_headings.is_empty());
    assert_eq!(doc.part(1).line, 5);
}

#[test]
fn every_finding_names_its_rule_severity() {
    for (_, text) in SEEDS {
        for f in nianbao::check(text).findings {
            assert_eq!(f.severity, nianbao::rules::doc(f.code).severity);
            assert!(!f.message.is_empty());
            let _: RuleCode = f.code;
        }
    }
}
