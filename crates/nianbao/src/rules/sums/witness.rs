//! The prose as a witness for the diagnosis of a table's sums. When several changes make every sum
//! hold, the figures the prose states about the same table (C01's reading: 「行政复议0件」 names the
//! 总计 of 行政复议) tell them apart: a change of a cell whose number the prose confirms leaves the
//! prose contradicting the table, and a change to the number the prose says makes the two agree. The
//! changes after which the fewest figures disagree are kept.

use super::diagnosis::{Change, Explanation};
use crate::model::{Document, Table, Value};
use crate::parse::Parsed;
use crate::rules::consistency::c01_prose_figures::{phrase, stated, Stated};

/// The explanations the prose agrees with best.
pub struct Witnessed {
    /// In the order the diagnosis gave them; all of them when the prose does not tell them apart.
    pub kept: Vec<Explanation>,
    /// When the prose set some aside: how many, and a phrase that did (「行政复议0件」).
    pub set_aside: Option<(usize, String)>,
    /// A figure about the table that still disagrees with it after the first kept explanation.
    pub still_contradicting: Option<String>,
}

/// `doc` with the cells of `changes` in table `of` holding `value(change)`.
fn set(doc: &mut Document, of: &Table, changes: &[Change], value: fn(&Change) -> i64) {
    let Some(table) = doc.tables.iter_mut().find(|t| t.id == of.id) else {
        return;
    };
    for change in changes {
        let cell = table
            .rows
            .get_mut(change.at.row)
            .and_then(|r| r.cells.get_mut(change.at.column));
        if let Some(cell) = cell {
            cell.value = Some(Value::Int(value(change)));
        }
    }
}

/// For each explanation, whether each figure disagrees with the table once it is made.
fn disagreements(
    parsed: &Parsed,
    table: &Table,
    explanations: &[Explanation],
    figures: &[Stated],
) -> Vec<Vec<bool>> {
    let mut doc = parsed.document.clone();
    explanations
        .iter()
        .map(|e| {
            set(&mut doc, table, &e.changes, |c| c.to);
            let disagree = figures
                .iter()
                .map(|f| f.agrees(&doc) == Some(false))
                .collect();
            set(&mut doc, table, &e.changes, |c| c.from);
            disagree
        })
        .collect()
}

/// Which of `explanations` (of `table`'s broken sums) the prose agrees with best.
pub fn witness(parsed: &Parsed, table: &Table, explanations: Vec<Explanation>) -> Witnessed {
    // With one explanation or none there is nothing to choose.
    let figures: Vec<Stated> = if explanations.len() < 2 {
        Vec::new()
    } else {
        stated(parsed)
            .into_iter()
            .filter(|f| f.target.table() == table.id)
            .collect()
    };
    if figures.is_empty() {
        return Witnessed {
            kept: explanations,
            set_aside: None,
            still_contradicting: None,
        };
    }
    let disagree = disagreements(parsed, table, &explanations, &figures);
    let count = |d: &Vec<bool>| d.iter().filter(|&&x| x).count();
    let fewest = disagree.iter().map(count).min().unwrap_or(0);
    let keep: Vec<bool> = disagree.iter().map(|d| count(d) == fewest).collect();
    let first_kept = keep.iter().position(|&k| k).unwrap_or(0);
    let kept_disagree = &disagree[first_kept];
    let dropped = keep.iter().filter(|&&k| !k).count();
    // A figure the first kept explanation agrees with and a dropped one does not.
    let deciding = (0..figures.len())
        .find(|&i| !kept_disagree[i] && disagree.iter().zip(&keep).any(|(d, &k)| !k && d[i]));
    let set_aside = deciding
        .filter(|_| dropped > 0)
        .map(|i| (dropped, phrase(parsed.text, &figures[i])));
    let still_contradicting = kept_disagree
        .iter()
        .position(|&d| d)
        .map(|i| phrase(parsed.text, &figures[i]));
    let kept = explanations
        .into_iter()
        .zip(keep)
        .filter_map(|(e, k)| k.then_some(e))
        .collect();
    Witnessed {
        kept,
        set_aside,
        still_contradicting,
    }
}
