//! One number changed must fire exactly the right sum rules at exactly the right cell; numbers that
//! satisfy every rule fire none; a removed heading fires S01 (or the code for how the part is now written).
//!
//! The expectations here restate spec §4 independently of the template declarations they test.

mod common;

use std::collections::BTreeSet;

use common::{line_of, SEEDS};
use nianbao::model::{Document, Table};
use nianbao::template::TableId;
use nianbao::{Finding, RuleCode, Span};

/// T3 rows taking part in R01 (第一项 + 第二项 = 第三项（七）总计 + 第四项).
const R01_ROWS: [&str; 4] = ["new", "carried", "total", "forward"];
/// T3 rows outside R03 (（七）总计 = every outcome row): all but these take part.
const NOT_R03_ROWS: [&str; 3] = ["new", "carried", "forward"];
const T3_TOTAL_COLUMN: usize = 6;

fn replace(text: &str, span: Span, with: &str) -> String {
    format!("{}{}{}", &text[..span.start], with, &text[span.end..])
}

fn table(doc: &Document, id: TableId) -> &Table {
    doc.table(id).filter(|t| t.found).expect("table found")
}

/// A finding as the comparison sees it: the rule and the cell it points at.
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

fn others(findings: &[Finding]) -> Vec<(RuleCode, usize, String)> {
    findings
        .iter()
        .filter(|f| {
            !matches!(
                f.code,
                RuleCode::R01 | RuleCode::R02 | RuleCode::R03 | RuleCode::R04
            )
        })
        .map(|f| (f.code, f.start, f.message.clone()))
        .collect()
}

#[test]
fn adding_one_to_any_t3_or_t4_cell_fires_exactly_its_rules_at_its_cells() {
    let mut checked = 0;
    for (id, text) in SEEDS {
        let before = nianbao::check(text);
        let doc = &before.document;
        let t3 = table(doc, TableId::T3);
        let t4 = table(doc, TableId::T4);
        let t3_total = t3.row("total").unwrap();

        let mut cases: Vec<(Span, BTreeSet<(RuleCode, usize)>)> = Vec::new();
        for row in &t3.rows {
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
        let t4_cells = &t4.rows[0].cells;
        for (i, cell) in t4_cells.iter().enumerate() {
            let band_total = t4_cells[i / 5 * 5 + 4].span.start;
            cases.push((cell.span, BTreeSet::from([(RuleCode::R04, band_total)])));
        }

        for (span, expected) in cases {
            let old: i64 = text[span.start..span.end].trim().parse().unwrap();
            let mutated = replace(text, span, &(old + 1).to_string());
            let after = nianbao::check(&mutated);
            let what = format!("seed {id}, cell at line {}", line_of(text, span.start));
            assert_eq!(sums_fired(&after.findings), expected, "{what}");
            assert_eq!(
                others(&after.findings),
                others(&before.findings),
                "{what}: nothing else new"
            );
            for f in after
                .findings
                .iter()
                .filter(|f| expected.contains(&(f.code, f.start)))
            {
                assert_eq!(f.line, line_of(&mutated, f.start), "{what}");
                assert!(
                    f.related().iter().any(|r| r.start == span.start),
                    "{what}: {} names the changed cell among its terms",
                    f.code
                );
                assert!(f.message.contains("相差 1"), "{what}: {}", f.message);
            }
            checked += 1;
        }
    }
    // 4 seeds × (25×7 + 15) + 1 seed × (23×7 + 15)
    assert_eq!(checked, 4 * (25 * 7 + 15) + (23 * 7 + 15));
}

#[test]
fn the_message_names_both_sides_and_the_difference() {
    let text = SEEDS[0].1;
    let doc = nianbao::check(text).document;
    let t3 = table(&doc, TableId::T3);
    let new_natural = t3.row("new").unwrap().cells[0].span;
    let after = nianbao::check(&replace(text, new_natural, "3"));
    let r01 = after
        .findings
        .iter()
        .find(|f| f.code == RuleCode::R01)
        .unwrap();
    assert_eq!(
        r01.message,
        "自然人列：第一项 3 + 第二项 0 = 3，但第三项（七）总计 0 + 第四项 0 = 0，相差 3"
    );
    // The anchor cell, （七）总计 of 自然人, should hold 3 for the column to balance.
    assert_eq!(
        (r01.expected.as_deref(), r01.actual.as_deref()),
        (Some("3"), Some("0"))
    );
    let r02 = after
        .findings
        .iter()
        .find(|f| f.code == RuleCode::R02)
        .unwrap();
    // R02 names the row as the template's label prints it (its numeral and key words), not 「第一项」.
    let label = nianbao::template::table(TableId::T3, t3.version)
        .data_rows()
        .find(|(_, r)| r.key == "new")
        .unwrap()
        .1
        .label;
    assert!(label.starts_with("一、本年新收"), "{label}");
    assert!(!r02.message.contains("第一项"), "{}", r02.message);
    assert_eq!(r02.message, "一、本年新收行：总计 0，但自然人 3 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 0 + 其他 0 = 3，相差 3");
    assert_eq!(
        (r02.expected.as_deref(), r02.actual.as_deref()),
        (Some("3"), Some("0"))
    );

    let granted = t3.row("granted").unwrap().cells[0].span;
    let after = nianbao::check(&replace(text, granted, "2"));
    let r03 = after
        .findings
        .iter()
        .find(|f| f.code == RuleCode::R03)
        .unwrap();
    assert_eq!(r03.message, "自然人列：第三项（七）总计 0，但（一）至（六）各项办理结果之和 2（其中 （一）予以公开 2，其余为 0），相差 2");

    let t4 = table(&doc, TableId::T4);
    let upheld = t4.rows[0].cells[5].span;
    let after = nianbao::check(&replace(text, upheld, "4"));
    let r04 = after
        .findings
        .iter()
        .find(|f| f.code == RuleCode::R04)
        .unwrap();
    assert_eq!(
        r04.message,
        "未经复议直接起诉：总计 0，但结果维持 4 + 结果纠正 0 + 其他结果 0 + 尚未审结 0 = 4，相差 4"
    );
}

/// Fills T3 and T4 with non-zero numbers that satisfy R01–R04.
fn consistent_numbers(t3: &Table, seed: u64) -> (Vec<Vec<i64>>, Vec<i64>) {
    let mut state = seed;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        1 + (state >> 33) as i64 % 9
    };
    let mut rows = vec![vec![0i64; 7]; t3.rows.len()];
    let index = |key: &str| t3.rows.iter().position(|r| r.key == key).unwrap();
    let (new, carried, total, forward) = (
        index("new"),
        index("carried"),
        index("total"),
        index("forward"),
    );
    for (values, row) in rows.iter_mut().zip(&t3.rows) {
        if !NOT_R03_ROWS.contains(&row.key) && row.key != "total" {
            values[..6].fill_with(&mut next);
        }
    }
    for c in 0..6 {
        rows[total][c] = (0..rows.len())
            .filter(|&r| !NOT_R03_ROWS.contains(&t3.rows[r].key) && r != total)
            .map(|r| rows[r][c])
            .sum();
        rows[carried][c] = next();
        rows[forward][c] = next();
        rows[new][c] = rows[total][c] + rows[forward][c] - rows[carried][c];
    }
    for row in &mut rows {
        row[6] = row[..6].iter().sum();
    }
    let mut t4 = Vec::new();
    for _ in 0..3 {
        let band: Vec<i64> = (0..4).map(|_| next()).collect();
        t4.extend(&band);
        t4.push(band.iter().sum());
    }
    (rows, t4)
}

#[test]
fn numbers_that_satisfy_every_rule_fire_none() {
    for (id, text) in SEEDS {
        let doc = nianbao::check(text).document;
        let t3 = table(&doc, TableId::T3);
        let t4 = table(&doc, TableId::T4);
        let (rows, band_values) = consistent_numbers(t3, id.parse().unwrap());
        let mut edits: Vec<(Span, i64)> = Vec::new();
        for (row, values) in t3.rows.iter().zip(&rows) {
            edits.extend(row.cells.iter().map(|c| c.span).zip(values.iter().copied()));
        }
        edits.extend(
            t4.rows[0]
                .cells
                .iter()
                .map(|c| c.span)
                .zip(band_values.iter().copied()),
        );
        edits.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
        let mut filled = text.to_string();
        for (span, value) in &edits {
            filled = replace(&filled, *span, &value.to_string());
        }
        let after = nianbao::check(&filled);
        assert!(
            sums_fired(&after.findings).is_empty(),
            "seed {id}: {:?}",
            after.findings
        );
        let read_t3: Vec<Vec<i64>> = table(&after.document, TableId::T3)
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.count().unwrap()).collect())
            .collect();
        assert_eq!(read_t3, rows, "seed {id}: the numbers read back");
        assert!(
            rows.iter().flatten().any(|&v| v > 9),
            "some sums are two-digit numbers"
        );
    }
}

#[test]
fn removing_a_part_heading_fires_s01_or_says_how_the_part_is_now_written() {
    for (id, text) in SEEDS {
        let before = nianbao::check(text).document;
        for part in before.parts.iter().filter(|p| p.found) {
            let span = part.heading_span;
            let mutated = replace(text, span, "");
            let after = nianbao::check(&mutated);
            let what = format!(
                "seed {id}, heading 「{}」 removed",
                part.heading.as_deref().unwrap()
            );
            let now = after.document.part(part.number);
            if now.found {
                // Still recognisable by another line (e.g. a sub-heading): that line is reported.
                let codes: Vec<_> = after
                    .findings
                    .iter()
                    .filter(|f| f.start == now.heading_span.start)
                    .map(|f| f.code)
                    .collect();
                assert!(
                    codes
                        .iter()
                        .any(|c| matches!(c, RuleCode::S03 | RuleCode::S04 | RuleCode::S05)),
                    "{what}: now 「{:?}」 with {codes:?}",
                    now.heading
                );
            } else {
                let s01: Vec<_> = after
                    .findings
                    .iter()
                    .filter(|f| f.code == RuleCode::S01 && f.message.contains(part.standard))
                    .collect();
                assert_eq!(s01.len(), 1, "{what}");
                assert_eq!(s01[0].start, s01[0].end, "{what}: an insertion point");
            }
            // The other parts are unaffected.
            for other in after
                .document
                .parts
                .iter()
                .filter(|p| p.number != part.number)
            {
                assert_eq!(
                    other.found,
                    before.part(other.number).found,
                    "{what}: part {}",
                    other.number
                );
            }
        }
    }
}
