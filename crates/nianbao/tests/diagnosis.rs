//! The diagnosis of a table's sums as a whole: every one-cell mutation of every seed's T3 and T4,
//! where the explanation is unique, is undone byte for byte by its fix, and no mutation gets a fix
//! that does not restore the text; the two-cell slips are told apart.

mod common;

use common::{line_of, SEEDS};
use nianbao::model::Table;
use nianbao::rules::fix::{apply, Edit, Fix};
use nianbao::rules::sums::diagnosis::{diagnose, Slip};
use nianbao::template::TableId;
use nianbao::{Finding, RuleCode, Span};

fn is_sum(f: &Finding) -> bool {
    matches!(
        f.code,
        RuleCode::R01 | RuleCode::R02 | RuleCode::R03 | RuleCode::R04
    )
}

fn table(text: &str, id: TableId) -> Table {
    nianbao::check(text)
        .document
        .table(id)
        .filter(|t| t.found)
        .cloned()
        .expect("table found")
}

/// The digits of a cell (cells may carry spaces around them).
fn digits(text: &str, span: Span) -> Span {
    let inside = &text[span.start..span.end];
    let start = span.start + (inside.len() - inside.trim_start().len());
    Span::new(start, start + inside.trim().len())
}

/// `text` with the cells `(table, row key, column, value)` set.
fn set(text: &str, cells: &[(TableId, &str, usize, i64)]) -> String {
    let edits: Vec<Edit> = cells
        .iter()
        .map(|&(id, key, column, value)| {
            let t = table(text, id);
            let span = t.row(key).expect("row").cells[column].span;
            Edit::new(digits(text, span), value.to_string())
        })
        .collect();
    apply(text, &[Fix::new("", edits)]).0
}

/// What the diagnosis said about a checked text, seen through its sum findings.
#[derive(Debug, PartialEq)]
enum Said {
    Unique(Fix),
    Several,
    Nothing,
}

fn said(text: &str) -> Said {
    let report = nianbao::check(text);
    let sums: Vec<&Finding> = report.findings.iter().filter(|f| is_sum(f)).collect();
    assert!(!sums.is_empty(), "a broken sum");
    let fixes: Vec<&Fix> = sums.iter().filter_map(|f| f.fix.as_ref()).collect();
    if let Some(&first) = fixes.first() {
        assert_eq!(
            fixes.len(),
            sums.len(),
            "every explained finding has the fix"
        );
        assert!(fixes.iter().all(|f| *f == first), "one fix for the table");
        assert!(sums.iter().all(|f| f
            .help
            .as_deref()
            .is_some_and(|h| h.starts_with("最可能") && h.contains("各项勾稽关系均成立"))));
        for edit in &first.edits {
            assert!(
                sums.iter()
                    .all(|f| f.related().iter().any(|l| l.start <= edit.start
                        && edit.end <= l.end
                        && l.label.starts_with("最可能出错"))),
                "a label at the suspect cell"
            );
        }
        Said::Unique(first.clone())
    } else if sums.iter().any(|f| {
        f.help
            .as_deref()
            .is_some_and(|h| h.starts_with("有 ") && h.contains("种改法"))
    }) {
        Said::Several
    } else {
        Said::Nothing
    }
}

#[derive(Default, Debug)]
struct Tally {
    unique: usize,
    several: usize,
    nothing: usize,
}

impl Tally {
    /// `base` with the number at `span` set to `new` (skipped when negative), counted by what the
    /// diagnosis says of it; a unique explanation's fix must give back `base` exactly.
    fn count_mutation(&mut self, base: &str, span: Span, new: i64, what: &str) {
        if new < 0 {
            return;
        }
        let mutated = format!("{}{new}{}", &base[..span.start], &base[span.end..]);
        match said(&mutated) {
            Said::Unique(fix) => {
                assert_eq!(apply(&mutated, [&fix]).0, base, "{what}");
                self.unique += 1;
            }
            Said::Several => self.several += 1,
            Said::Nothing => self.nothing += 1,
        }
    }
    fn total(&self) -> usize {
        self.unique + self.several + self.nothing
    }
}

/// The sentence [`with_prose`] adds: figures C01 reads against table 4's 行政复议 总计 and the sum of
/// its two 行政诉讼 总计, and against table 3's 第一项 总计.
const PROSE: &str = "本年度收到政府信息公开申请{new}件，因政府信息公开被申请行政复议{review}件，被提起行政诉讼{suits}件。";

/// `text` with [`PROSE`] stating `new`, `review` and `suits` put after its first part heading.
fn with_prose_saying(text: &str, new: i64, review: i64, suits: i64) -> String {
    let doc = nianbao::check(text).document;
    let heading = doc.parts.iter().find(|p| p.found).expect("a part");
    let at = text[heading.heading_span.end..]
        .find('\n')
        .map_or(text.len(), |n| heading.heading_span.end + n + 1);
    let sentence = PROSE
        .replace("{new}", &new.to_string())
        .replace("{review}", &review.to_string())
        .replace("{suits}", &suits.to_string());
    format!("{}{sentence}\n{}", &text[..at], &text[at..])
}

/// A seed (whose tables are all zero) with prose figures that agree with its tables.
fn with_prose(text: &str) -> String {
    let stated = with_prose_saying(text, 0, 0, 0);
    let c01 = |t: &str| {
        nianbao::check(t)
            .findings
            .iter()
            .filter(|f| f.code == RuleCode::C01)
            .count()
    };
    assert_eq!(c01(&stated), c01(text), "the prose agrees with the tables");
    stated
}

/// Every one-cell mutation (+1, +7, set to 12) of `text`'s table `id`, tallied; a unique
/// explanation's fix must restore `text` byte for byte.
fn tally_one_cell_mutations(id: &str, text: &str, table_id: TableId, tally: &mut Tally) {
    let t = table(text, table_id);
    for row in &t.rows {
        for cell in &row.cells {
            let span = digits(text, cell.span);
            let old: i64 = text[span.start..span.end].parse().expect("a number");
            for new in [old + 1, old + 7, 12] {
                if new == old {
                    continue;
                }
                let mutated = format!("{}{new}{}", &text[..span.start], &text[span.end..]);
                let what = format!(
                    "seed {id}, line {}, {old} → {new}",
                    line_of(text, span.start)
                );
                match said(&mutated) {
                    Said::Unique(fix) => {
                        let (fixed, applied) = apply(&mutated, [&fix]);
                        assert_eq!(applied.len(), 1, "{what}");
                        assert!(fixed == text, "{what}: the fix {fix:?} restores the text");
                        tally.unique += 1;
                    }
                    Said::Several => tally.several += 1,
                    Said::Nothing => tally.nothing += 1,
                }
            }
        }
    }
}

#[test]
fn every_one_cell_mutation_of_t3_and_t4_is_diagnosed_and_its_fix_restores_the_text() {
    let mut t3 = Tally::default();
    let mut t4 = Tally::default();
    let mut t3_prose = Tally::default();
    let mut t4_prose = Tally::default();
    for (id, text) in SEEDS {
        let stated = with_prose(text);
        tally_one_cell_mutations(id, text, TableId::T3, &mut t3);
        tally_one_cell_mutations(id, text, TableId::T4, &mut t4);
        tally_one_cell_mutations(id, &stated, TableId::T3, &mut t3_prose);
        tally_one_cell_mutations(id, &stated, TableId::T4, &mut t4_prose);
    }
    println!("T3 one-cell mutations: {t3:?} of {}", t3.total());
    println!("T4 one-cell mutations: {t4:?} of {}", t4.total());
    println!(
        "T3 one-cell mutations, prose stating its figures: {t3_prose:?} of {}",
        t3_prose.total()
    );
    println!(
        "T4 one-cell mutations, prose stating its figures: {t4_prose:?} of {}",
        t4_prose.total()
    );
    for tally in [&t3, &t3_prose] {
        assert_eq!(tally.total(), 3 * (4 * 25 * 7 + 23 * 7));
        // Every T3 cell is in one row equation and at least one column equation: their crossing names it.
        assert_eq!(tally.unique, tally.total(), "{tally:?}");
    }
    assert_eq!(t4.total(), 3 * 5 * 15);
    // In a T4 group (one equation), a raised outcome is undone by lowering it or raising the total.
    assert_eq!(t4.unique, 0, "{t4:?}");
    assert_eq!(t4.nothing, 0, "{t4:?}");
    // The prose's 0 cases confirms each group's total: a raised outcome is the only change left; a
    // raised total contradicts the prose, and lowering it is the only change that agrees with it.
    assert_eq!(t4_prose.unique, t4_prose.total(), "{t4_prose:?}");
}

/// The spans of every cell of tables 3 and 4.
fn t3_t4_cells(report: &nianbao::Report) -> Vec<Span> {
    [TableId::T3, TableId::T4]
        .iter()
        .flat_map(|&t| report.document.table(t).expect("a table").rows.iter())
        .flat_map(|r| r.cells.iter().map(|c| c.span))
        .collect()
}

fn c01_count(report: &nianbao::Report) -> usize {
    report
        .findings
        .iter()
        .filter(|f| f.code == RuleCode::C01)
        .count()
}

#[test]
fn a_changed_prose_figure_is_reported_by_c01_and_no_table_cell_is_fixed() {
    let mut checked = 0;
    for (id, text) in SEEDS {
        let before = nianbao::check(&with_prose(text));
        for stated in [(3, 0, 0), (0, 1, 0), (0, 0, 7), (0, 2, 2)] {
            let changed = with_prose_saying(text, stated.0, stated.1, stated.2);
            let report = nianbao::check(&changed);
            let what = format!("seed {id}, the prose saying {stated:?}");
            let wrong = [stated.0, stated.1, stated.2]
                .iter()
                .filter(|&&n| n != 0)
                .count();
            assert_eq!(
                c01_count(&report),
                c01_count(&before) + wrong,
                "{what}: C01 for each"
            );
            assert!(
                !report.findings.iter().any(is_sum),
                "{what}: the tables hold"
            );
            let cells = t3_t4_cells(&report);
            for fix in report.findings.iter().filter_map(|f| f.fix.as_ref()) {
                for e in &fix.edits {
                    assert!(
                        !cells.iter().any(|c| c.start <= e.start && e.end <= c.end),
                        "{what}: no fix of a table cell: {fix:?}"
                    );
                }
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 4 * SEEDS.len());
}

/// Seed 000 with consistent non-zero numbers in T3: 第一项 自然人 12 / 商业企业 2 (总计 14), of which
/// （一）予以公开 7 and 2, （四）1 5 and 0.
fn base() -> String {
    let text = SEEDS[0].1;
    let t3 = TableId::T3;
    let base = set(
        text,
        &[
            (t3, "new", 0, 12),
            (t3, "new", 1, 2),
            (t3, "new", 6, 14),
            (t3, "granted", 0, 7),
            (t3, "granted", 1, 2),
            (t3, "granted", 6, 9),
            (t3, "unable_not_held", 0, 5),
            (t3, "unable_not_held", 6, 5),
            (t3, "total", 0, 12),
            (t3, "total", 1, 2),
            (t3, "total", 6, 14),
        ],
    );
    let report = nianbao::check(&base);
    assert!(!report.findings.iter().any(is_sum), "the base holds");
    base
}

#[test]
fn one_cell_mutations_of_a_table_with_numbers_are_undone_too() {
    // The seeds' tables are all zero; here cells also go down, and totals are not zero.
    let base = base();
    let t = table(&base, TableId::T3);
    let mut tally = Tally::default();
    for row in &t.rows {
        for cell in &row.cells {
            let span = digits(&base, cell.span);
            let old: i64 = base[span.start..span.end].parse().expect("a number");
            for new in [old - 1, old + 1, old + 10] {
                tally.count_mutation(&base, span, new, &format!("{old} → {new}"));
            }
        }
    }
    println!(
        "T3 with numbers, one-cell mutations: {tally:?} of {}",
        tally.total()
    );
    assert_eq!(tally.unique, tally.total(), "{tally:?}");
}

#[test]
fn every_swap_of_two_neighbours_is_among_the_candidates_and_a_unique_one_is_undone() {
    let base = base();
    let t = table(&base, TableId::T3);
    let mut tally = Tally::default();
    for (r, row) in t.rows.iter().enumerate() {
        for c in 0..row.cells.len().saturating_sub(1) {
            let (a, b) = (
                digits(&base, row.cells[c].span),
                digits(&base, row.cells[c + 1].span),
            );
            let (va, vb) = (&base[a.start..a.end], &base[b.start..b.end]);
            if va == vb {
                continue;
            }
            let swap = Fix::new("", vec![Edit::new(a, vb), Edit::new(b, va)]);
            let mutated = apply(&base, [&swap]).0;
            let explanations = diagnose(&table(&mutated, TableId::T3));
            let swapped = explanations.iter().any(|e| {
                matches!(e.slip, Slip::Swapped | Slip::Moved)
                    && e.changes
                        .iter()
                        .all(|ch| ch.at.row == r && [c, c + 1].contains(&ch.at.column))
            });
            assert!(swapped, "row {r}, columns {c}/{}: {explanations:?}", c + 1);
            match said(&mutated) {
                Said::Unique(fix) => {
                    assert_eq!(apply(&mutated, [&fix]).0, base);
                    tally.unique += 1;
                }
                Said::Several => tally.several += 1,
                Said::Nothing => tally.nothing += 1,
            }
        }
    }
    println!(
        "T3 with numbers, neighbours swapped: {tally:?} of {}",
        tally.total()
    );
    assert!(tally.total() > 0 && tally.nothing == 0, "{tally:?}");
}

fn slip_of(text: &str) -> Vec<Slip> {
    diagnose(&table(text, TableId::T3))
        .iter()
        .map(|e| e.slip)
        .collect()
}

fn assert_restored(base: &str, mutated: &str, slip: Slip, words: &str) {
    assert_eq!(slip_of(mutated), vec![slip]);
    let Said::Unique(fix) = said(mutated) else {
        panic!("a unique explanation");
    };
    assert_eq!(fix.edits.len(), 2);
    assert_eq!(apply(mutated, [&fix]).0, base);
    let report = nianbao::check(mutated);
    let help = report
        .findings
        .iter()
        .find_map(|f| f.help.clone())
        .unwrap_or_default();
    assert!(help.contains(words), "{help}");
}

#[test]
fn two_cells_swapped_in_a_row() {
    let base = base();
    let t3 = TableId::T3;
    let mutated = set(&base, &[(t3, "new", 0, 2), (t3, "new", 1, 12)]);
    assert_restored(&base, &mutated, Slip::Swapped, "两格的数填反了");
}

#[test]
fn a_value_typed_one_column_off() {
    let base = base();
    let t3 = TableId::T3;
    // 予以公开's 7 typed under 商业企业, over its 2; 自然人 left at 0.
    let mutated = set(&base, &[(t3, "granted", 0, 0), (t3, "granted", 1, 7)]);
    assert_restored(
        &base,
        &mutated,
        Slip::Moved,
        "错填到了相邻的「商业企业 · （一）予以公开」",
    );
}

#[test]
fn a_number_split_over_two_cells_and_two_glued_into_one() {
    let text = SEEDS[0].1;
    let t3 = TableId::T3;
    let twelve = set(
        text,
        &[
            (t3, "new", 0, 12),
            (t3, "new", 6, 12),
            (t3, "granted", 0, 12),
            (t3, "granted", 6, 12),
            (t3, "total", 0, 12),
            (t3, "total", 6, 12),
        ],
    );
    let split = set(&twelve, &[(t3, "new", 0, 1), (t3, "new", 1, 2)]);
    assert_restored(&twelve, &split, Slip::Split, "被拆到了");

    let one_two = set(
        text,
        &[
            (t3, "new", 0, 1),
            (t3, "new", 1, 2),
            (t3, "new", 6, 3),
            (t3, "granted", 0, 1),
            (t3, "granted", 1, 2),
            (t3, "granted", 6, 3),
            (t3, "total", 0, 1),
            (t3, "total", 1, 2),
            (t3, "total", 6, 3),
        ],
    );
    let glued = set(&one_two, &[(t3, "new", 0, 12), (t3, "new", 1, 0)]);
    assert_restored(&one_two, &glued, Slip::Glued, "连在了一起");
}

/// Seed 000 with table 4 filled: 行政复议 2 + 1 + 0 + 1 = 4, 未经复议直接起诉 1 = 1, 复议后起诉
/// 0 + 1 = 1; `prose` adds a sentence saying so (4 reviews, 2 lawsuits).
fn t4_with_numbers(prose: bool) -> String {
    let t4 = TableId::T4;
    let values = [2, 1, 0, 1, 4, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1];
    let cells: Vec<(TableId, &str, usize, i64)> = values
        .iter()
        .enumerate()
        .map(|(column, &v)| (t4, "cases", column, v))
        .collect();
    let filled = set(SEEDS[0].1, &cells);
    let text = if prose {
        with_prose_saying(&filled, 0, 4, 2)
    } else {
        filled
    };
    let report = nianbao::check(&text);
    assert!(!report.findings.iter().any(is_sum), "the base holds");
    assert_eq!(c01_count(&report), 0, "the prose agrees");
    text
}

#[test]
fn t4_mutations_with_numbers_the_prose_tells_a_wrong_total_apart() {
    let spec = nianbao::template::table(TableId::T4, table(SEEDS[0].1, TableId::T4).version);
    for prose in [false, true] {
        let base = t4_with_numbers(prose);
        let row = &table(&base, TableId::T4).rows[0];
        let (mut all, mut totals) = (Tally::default(), Tally::default());
        for (column, cell) in row.cells.iter().enumerate() {
            let span = digits(&base, cell.span);
            let old: i64 = base[span.start..span.end].parse().expect("a number");
            let is_total = spec.sections[0].columns[column].key == "total";
            let tally = if is_total { &mut totals } else { &mut all };
            for new in [old - 1, old + 1, old + 10] {
                let what = format!("prose {prose}, column {column}, {old} → {new}: no wrong fix");
                tally.count_mutation(&base, span, new, &what);
            }
        }
        println!("T4 with numbers, prose {prose}: totals {totals:?}, outcomes {all:?}");
        if prose {
            // The prose confirms each outcome's total or says what a changed total should be.
            assert_eq!(totals.unique, totals.total(), "{totals:?}");
            assert!(all.unique > 0 && all.nothing == 0, "{all:?}");
        } else {
            assert_eq!(totals.unique + all.unique, 0, "{totals:?} {all:?}");
        }
    }
}

#[test]
fn the_prose_names_the_wrong_t4_cell_and_its_value() {
    let t4 = TableId::T4;
    // 行政复议: one case upheld, but the 总计 left at 0; the prose says one case.
    let forgot_total = set(
        &with_prose_saying(SEEDS[0].1, 0, 1, 0),
        &[(t4, "cases", 0, 1)],
    );
    let Said::Unique(fix) = said(&forgot_total) else {
        panic!("the prose chooses");
    };
    assert_eq!(fix.label, "改为 1");
    let fixed = apply(&forgot_total, [&fix]).0;
    let report = nianbao::check(&fixed);
    assert!(
        !report.findings.iter().any(is_sum) && c01_count(&report) == 0,
        "every sum and figure holds"
    );
    let r04 = nianbao::check(&forgot_total)
        .findings
        .into_iter()
        .find(|f| f.code == RuleCode::R04)
        .unwrap();
    assert_eq!(
        r04.help.as_deref(),
        Some("最可能出错的是「行政复议 · 总计」：现为 0，应为 1；改后表四各项勾稽关系均成立；其余 1 种改法与正文「行政复议1件」不符")
    );

    // The same table, the prose also saying 5 lawsuits (the table: none): raising the total agrees
    // with the prose's 1 review, but the 5 still contradicts table 4: the cell is named, no fix.
    let prose_off = set(
        &with_prose_saying(SEEDS[0].1, 0, 1, 5),
        &[(t4, "cases", 0, 1)],
    );
    let r04 = nianbao::check(&prose_off)
        .findings
        .into_iter()
        .find(|f| f.code == RuleCode::R04)
        .unwrap();
    assert!(r04.fix.is_none(), "{r04:?}");
    let help = r04.help.unwrap_or_default();
    assert!(
        help.starts_with("最可能出错的是「行政复议 · 总计」") && help.contains("仍与表格不符"),
        "{help}"
    );
}

#[test]
fn a_t4_group_lists_its_candidates_and_offers_no_fix() {
    let text = SEEDS[0].1;
    let mutated = set(text, &[(TableId::T4, "cases", 0, 2)]);
    assert_eq!(said(&mutated), Said::Several);
    let report = nianbao::check(&mutated);
    let r04 = report
        .findings
        .iter()
        .find(|f| f.code == RuleCode::R04)
        .unwrap();
    assert!(r04.fix.is_none());
    let help = r04.help.as_deref().unwrap();
    assert!(
        help.contains("「行政复议 · 结果维持」：现为 2，应为 0")
            && help.contains("「行政复议 · 总计」：现为 0，应为 2"),
        "{help}"
    );
}

#[test]
fn sums_that_hold_and_sums_nothing_simple_explains_get_no_advice() {
    for (_, text) in SEEDS {
        assert!(diagnose(&table(text, TableId::T3)).is_empty());
    }
    // Three unrelated cells changed: no one cell nor a known slip of two explains it.
    let text = SEEDS[0].1;
    let t3 = TableId::T3;
    let mutated = set(
        text,
        &[
            (t3, "new", 0, 3),
            (t3, "granted", 2, 4),
            (t3, "forward", 5, 6),
        ],
    );
    assert_eq!(said(&mutated), Said::Nothing);
    assert!(nianbao::check(&mutated)
        .findings
        .iter()
        .all(|f| f.help.is_none() || !is_sum(f)));
}

#[test]
fn the_help_names_the_cell_its_value_and_what_it_should_be() {
    let text = SEEDS[0].1;
    let mutated = set(text, &[(TableId::T3, "new", 0, 3)]);
    let report = nianbao::check(&mutated);
    let r01 = report
        .findings
        .iter()
        .find(|f| f.code == RuleCode::R01)
        .unwrap();
    assert_eq!(
        r01.help.as_deref(),
        Some("最可能出错的是「自然人 · 一、本年新收」：现为 3，应为 0；改后表三各项勾稽关系均成立")
    );
    assert_eq!(r01.fix.as_ref().map(|f| f.label.as_str()), Some("改为 0"));
}
