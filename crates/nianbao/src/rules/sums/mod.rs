//! The sum rules R01–R04, evaluated from their declarations in the template: one generic evaluator,
//! one documented file per code.

mod advice;
pub mod diagnosis;
pub mod r01_carry_balance;
pub mod r02_row_total;
pub mod r03_outcome_total;
pub mod r04_review_total;
mod witness;

use crate::model::{Cell, Row, Table};
use crate::parse::Parsed;
use crate::rules::Sink;
use crate::template::{self, Pick, SumRule, SumShape, TableSpec};
use advice::Advice;

/// One addend: what it is called in the message, and its cell.
struct Term<'a> {
    name: &'a str,
    cell: &'a Cell,
}

/// Sides longer than this are summarised by their non-zero terms.
const LONGEST_LISTED_SIDE: usize = 6;

fn picked_rows<'t>(
    table: &'t Table,
    spec: &TableSpec,
    pick: &Pick,
) -> Option<Vec<(&'static str, &'t Row)>> {
    let keys: Vec<(&'static str, &'static str)> = spec
        .data_rows()
        .filter(|(_, r)| match pick {
            Pick::Keys(keys) => keys.contains(&r.key),
            Pick::Tagged(tag) => r.has_tag(tag),
        })
        .map(|(_, r)| (r.key, r.short))
        .collect();
    // A missing row (T02) or a version without the row: no check rather than a wrong one.
    keys.into_iter()
        .map(|(key, short)| table.row(key).filter(|r| r.found).map(|r| (short, r)))
        .collect()
}

fn picked_columns(spec: &TableSpec, pick: &Pick, band: Option<&str>) -> Vec<usize> {
    let columns = spec.sections[0].columns;
    let Pick::Keys(keys) = pick else {
        return Vec::new();
    };
    columns
        .iter()
        .enumerate()
        .filter(|(_, c)| keys.contains(&c.key) && band.is_none_or(|b| c.band == b))
        .map(|(i, _)| i)
        .collect()
}

/// The cells of column `c` in `rows`.
fn column_terms<'a>(rows: &[(&'static str, &'a Row)], c: usize) -> Option<Vec<Term<'a>>> {
    let mut terms = Vec::with_capacity(rows.len());
    for &(name, row) in rows {
        terms.push(Term {
            name,
            cell: row.cells.get(c)?,
        });
    }
    Some(terms)
}

fn sum(terms: &[Term]) -> Option<i64> {
    terms
        .iter()
        .map(|t| t.cell.count())
        .try_fold(0i64, |acc, v| v.and_then(|v| acc.checked_add(v)))
}

/// 「第一项 3 + 第二项 0 = 3」, 「总计 2」, or for long sides 「（一）至（六）各项办理结果之和 4（其中 …，其余为 0）」.
fn describe(terms: &[Term], total: i64, long_name: &str) -> String {
    let listed = |ts: &[&Term]| {
        ts.iter()
            .map(|t| format!("{} {}", t.name, t.cell.count().unwrap_or(0)))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let all: Vec<&Term> = terms.iter().collect();
    if terms.len() == 1 {
        listed(&all)
    } else if terms.len() <= LONGEST_LISTED_SIDE || long_name.is_empty() {
        format!("{} = {total}", listed(&all))
    } else {
        let nonzero: Vec<&Term> = terms.iter().filter(|t| t.cell.count() != Some(0)).collect();
        if nonzero.is_empty() {
            format!("{long_name} 0（各项均为 0）")
        } else {
            format!("{long_name} {total}（其中 {}，其余为 0）", listed(&nonzero))
        }
    }
}

/// Checks one instance of `rule`; `place` names it in the message (built only for a finding; a
/// `dyn` rather than a generic so that the page carries one copy of this function, not one per shape).
fn check_instance(
    out: &mut Sink,
    rule: &SumRule,
    place: &dyn Fn() -> String,
    left: &[Term],
    right: &[Term],
    anchor: &Cell,
    advice: Option<&Advice>,
) {
    let (Some(l), Some(r)) = (sum(left), sum(right)) else {
        return;
    };
    if l == r {
        return;
    }
    let place = place();
    // What the anchor cell would hold if its side matched the other.
    let anchor_on_left = left.iter().any(|t| std::ptr::eq(t.cell, anchor));
    let shortfall = if anchor_on_left { r - l } else { l - r };
    let actual = anchor.count().unwrap_or(0);
    let message = format!(
        "{place}：{}，但{}，相差 {}",
        describe(left, l, ""),
        describe(right, r, rule.right_name),
        (l - r).unsigned_abs()
    );
    let related = left
        .iter()
        .chain(right)
        .map(|t| (t.cell.span, format!("{} {}", t.name, t.cell.column)))
        .collect();
    let mut finding = out
        .report(anchor.span, message)
        .labels(related)
        .expected_actual((actual + shortfall).to_string(), actual.to_string());
    // What the table's sums together say about this one.
    if let Some(advice) = advice.filter(|a| a.explains(left.iter().chain(right).map(|t| t.cell))) {
        finding = finding
            .help(advice.help.clone())
            .labels(advice.labels.clone());
        if let Some(fix) = &advice.fix {
            finding.fix(fix.clone());
        }
    }
}

/// Evaluates the sum rule `rule` (each R rule runs its own).
pub fn run(rule: &SumRule, parsed: &Parsed, out: &mut Sink) {
    // Only cells read with confidence are summed (T06 reports a table that is not).
    let Some(table) = parsed
        .document
        .table(rule.table)
        .filter(|t| t.found && t.is_reliable())
    else {
        return;
    };
    let spec = template::table(table.id, table.version);
    let columns = spec.sections[0].columns;
    let advice = advice::advise(parsed, table);
    let advice = advice.as_ref();
    match rule.shape {
        SumShape::EachColumn => {
            let (Some(left), Some(right)) = (
                picked_rows(table, spec, &rule.left),
                picked_rows(table, spec, &rule.right),
            ) else {
                return;
            };
            let Some(anchor_row) = table.row(rule.anchor).filter(|r| r.found) else {
                return;
            };
            for (c, column) in columns.iter().enumerate() {
                let (Some(l), Some(r), Some(anchor)) = (
                    column_terms(&left, c),
                    column_terms(&right, c),
                    anchor_row.cells.get(c),
                ) else {
                    continue;
                };
                let place = || format!("{}列", column.name);
                check_instance(out, rule, &place, &l, &r, anchor, advice);
            }
        }
        SumShape::EachRow { per_band } => {
            let mut bands: Vec<Option<&str>> = Vec::new();
            if per_band {
                for c in columns {
                    if !bands.contains(&Some(c.band)) {
                        bands.push(Some(c.band));
                    }
                }
            } else {
                bands.push(None);
            }
            // Per band: the columns of each side, and the anchor's.
            let band_columns: Vec<_> = bands
                .iter()
                .map(|&band| {
                    let anchor = columns
                        .iter()
                        .position(|c| c.key == rule.anchor && band.is_none_or(|b| c.band == b));
                    (
                        band,
                        picked_columns(spec, &rule.left, band),
                        picked_columns(spec, &rule.right, band),
                        anchor,
                    )
                })
                .collect();
            for (_, row_spec) in spec.data_rows() {
                let Some(row) = table.row(row_spec.key).filter(|r| r.found) else {
                    continue;
                };
                for (band, left, right, anchor) in &band_columns {
                    let terms = |picked: &[usize]| -> Option<Vec<Term>> {
                        let mut terms = Vec::with_capacity(picked.len());
                        for &i in picked {
                            terms.push(Term {
                                name: columns[i].name,
                                cell: row.cells.get(i)?,
                            });
                        }
                        Some(terms)
                    };
                    let anchor = anchor.and_then(|i| row.cells.get(i));
                    let (Some(l), Some(r), Some(anchor)) = (terms(left), terms(right), anchor)
                    else {
                        continue;
                    };
                    let place = || match band {
                        Some(b) if !b.is_empty() => b.to_string(),
                        // The row as the table prints it (「一、本年新收行」), not 「第一项行」.
                        _ => format!("{}行", advice::row_name(row_spec)),
                    };
                    check_instance(out, rule, &place, &l, &r, anchor, advice);
                }
            }
        }
    }
}
