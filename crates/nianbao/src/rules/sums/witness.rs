//! The prose as a witness for the diagnosis of a table's sums. When several changes make every sum
//! hold, the figures the prose states about the same table (C01's reading: 「行政复议0件」 names the
//! 总计 of 行政复议) tell them apart: a change of a cell whose number the prose confirms leaves the
//! prose contradicting the table, and a change to the number the prose says makes the two agree. The
//! changes after which the fewest figures disagree are kept.

use super::diagnosis::Explanation;
use crate::model::{Cell, Table};
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

/// For each explanation, whether each figure disagrees with the table once it is made (its cells
/// counted at their new values; nothing is copied).
fn disagreements(
    parsed: &Parsed,
    table: &Table,
    explanations: &[Explanation],
    figures: &[Stated],
) -> Vec<Vec<bool>> {
    explanations
        .iter()
        .map(|e| {
            let count = |cell: &Cell| {
                let changed = e.changes.iter().find(|c| {
                    let at = table
                        .rows
                        .get(c.at.row)
                        .and_then(|r| r.cells.get(c.at.column));
                    at.is_some_and(|at| std::ptr::eq(at, cell))
                });
                changed.map_or_else(|| cell.count(), |c| Some(c.to))
            };
            figures
                .iter()
                .map(|f| f.agrees(&parsed.document, &count) == Some(false))
                .collect()
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
