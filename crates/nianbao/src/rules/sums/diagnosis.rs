//! The sum rules of a table taken together: when some break, the smallest change of the table's
//! cells that makes every one of them hold. One cell first (each broken equation it is in says
//! which value it must take; they must agree, and no holding equation may contain it); else two cells
//! in a known slip of the pen: two values swapped, a value typed one column off, one number split
//! over two cells or two glued into one. The equations come from the template's sum rules.

use super::{picked_columns, picked_rows};
use crate::model::{Cell, Table};
use crate::template::{self, SumShape, TableSpec, SUM_RULES};

/// A cell of the table: its row (index into [`Table::rows`]) and template column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellAt {
    pub row: usize,
    pub column: usize,
}

/// One instance of a sum rule: the cells on its left add up to those on its right.
#[derive(Debug)]
struct Equation {
    left: Vec<CellAt>,
    right: Vec<CellAt>,
}

impl Equation {
    /// +1 for a cell on the left, −1 on the right, 0 when the cell is not in the equation.
    fn sign(&self, at: CellAt) -> i64 {
        if self.left.contains(&at) {
            1
        } else if self.right.contains(&at) {
            -1
        } else {
            0
        }
    }
}

/// The kind of slip an explanation assumes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Slip {
    /// One cell holds a wrong number.
    OneCell,
    /// Two cells of a row or column hold each other's number.
    Swapped,
    /// The number of the first cell was typed into its neighbour (the second), whose own is lost.
    Moved,
    /// The first cell's number was split over it and its right-hand neighbour.
    Split,
    /// The first cell holds its number and its right-hand neighbour's, written together.
    Glued,
}

/// One cell changed by an explanation: from what it holds to what it should hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Change {
    pub at: CellAt,
    pub from: i64,
    pub to: i64,
}

/// A way to make every sum rule of the table hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Explanation {
    pub slip: Slip,
    /// In the order the slip names them (see [`Slip`]).
    pub changes: Vec<Change>,
}

/// A cell some equation is over: the number read in it and the equations it is in.
struct Known {
    at: CellAt,
    value: i64,
    equations: Vec<usize>,
}

/// The table's equations and the numbers read in its cells.
struct System {
    equations: Vec<Equation>,
    /// The cells of the equations, sorted by [`CellAt`] (a sorted list keeps the standard ordered
    /// map's code out of the page; a table has a few hundred cells at most).
    cells: Vec<Known>,
}

impl System {
    fn new(table: &Table) -> System {
        let spec = template::table(table.id, table.version);
        let mut equations = Vec::new();
        for rule in SUM_RULES.iter().filter(|r| r.table == table.id) {
            equations_of(table, spec, rule, &mut equations);
        }
        let value = |at: &CellAt| {
            table
                .rows
                .get(at.row)
                .and_then(|r| r.cells.get(at.column))
                .and_then(Cell::count)
        };
        // An equation over a cell without a number is not checked, so it explains nothing either.
        equations.retain(|e| e.left.iter().chain(&e.right).all(|at| value(at).is_some()));
        let mut cells: Vec<Known> = Vec::new();
        for (i, e) in equations.iter().enumerate() {
            for &at in e.left.iter().chain(&e.right) {
                let place = match cells.binary_search_by_key(&at, |k| k.at) {
                    Ok(place) => place,
                    Err(place) => {
                        let known = Known {
                            at,
                            value: value(&at).unwrap_or(0),
                            equations: Vec::new(),
                        };
                        cells.insert(place, known);
                        place
                    }
                };
                cells[place].equations.push(i);
            }
        }
        System { equations, cells }
    }

    fn known(&self, at: CellAt) -> Option<&Known> {
        let place = self.cells.binary_search_by_key(&at, |k| k.at).ok()?;
        self.cells.get(place)
    }

    fn value(&self, at: CellAt) -> i64 {
        self.known(at).map_or(0, |k| k.value)
    }

    /// Left minus right of equation `e`, with the cells of `changes` holding their new values.
    fn residual(&self, e: usize, changes: &[Change]) -> i64 {
        let eq = &self.equations[e];
        let of = |at: &CellAt| {
            changes
                .iter()
                .find(|c| c.at == *at)
                .map_or_else(|| self.value(*at), |c| c.to)
        };
        let left: i64 = eq.left.iter().map(of).fold(0, i64::saturating_add);
        let right: i64 = eq.right.iter().map(of).fold(0, i64::saturating_add);
        left.saturating_sub(right)
    }

    fn equations_of(&self, at: CellAt) -> &[usize] {
        self.known(at).map_or(&[], |k| k.equations.as_slice())
    }

    /// Does every equation hold once `changes` are made? Only the broken equations and those the
    /// changed cells are in can be affected.
    fn holds_with(&self, broken: &[usize], changes: &[Change]) -> bool {
        crate::work::add(broken.len() + changes.len());
        broken
            .iter()
            .chain(changes.iter().flat_map(|c| self.equations_of(c.at)))
            .all(|&e| self.residual(e, changes) == 0)
    }

    /// The value `at` must take for every equation it is in to hold, the cells of `given` already
    /// changed: `None` when they disagree, or the value would be negative.
    fn solve(&self, at: CellAt, given: &[Change]) -> Option<i64> {
        let mut needed: Option<i64> = None;
        for &e in self.equations_of(at) {
            let sign = self.equations[e].sign(at);
            let value = self
                .value(at)
                .checked_sub(self.residual(e, given).checked_mul(sign)?)?;
            if needed.is_some_and(|n| n != value) {
                return None;
            }
            needed = Some(value);
        }
        needed.filter(|&v| v >= 0)
    }
}

/// The instances of `rule` over `table`, as [`super::run`] checks them.
fn equations_of(
    table: &Table,
    spec: &TableSpec,
    rule: &template::SumRule,
    out: &mut Vec<Equation>,
) {
    let columns = spec.sections[0].columns;
    let row_index = |key: &str| table.rows.iter().position(|r| r.key == key && r.found);
    match rule.shape {
        SumShape::EachColumn => {
            let (Some(left), Some(right)) = (
                picked_rows(table, spec, &rule.left),
                picked_rows(table, spec, &rule.right),
            ) else {
                return;
            };
            if row_index(rule.anchor).is_none() {
                return;
            }
            let indices = |rows: &[(&str, &crate::model::Row)]| -> Vec<usize> {
                rows.iter().filter_map(|(_, r)| row_index(r.key)).collect()
            };
            let (left, right) = (indices(&left), indices(&right));
            for column in 0..columns.len() {
                let at = |rows: &[usize]| -> Vec<CellAt> {
                    rows.iter().map(|&row| CellAt { row, column }).collect()
                };
                out.push(Equation {
                    left: at(&left),
                    right: at(&right),
                });
            }
        }
        SumShape::EachRow { per_band } => {
            let mut bands: Vec<Option<&str>> = Vec::new();
            for c in columns {
                let band = per_band.then_some(c.band);
                if !bands.contains(&band) {
                    bands.push(band);
                }
            }
            for (_, row_spec) in spec.data_rows() {
                let Some(row) = row_index(row_spec.key) else {
                    continue;
                };
                for &band in &bands {
                    let has_anchor = columns
                        .iter()
                        .any(|c| c.key == rule.anchor && band.is_none_or(|b| c.band == b));
                    if !has_anchor {
                        continue;
                    }
                    let at = |picked: Vec<usize>| -> Vec<CellAt> {
                        picked
                            .into_iter()
                            .map(|column| CellAt { row, column })
                            .collect()
                    };
                    out.push(Equation {
                        left: at(picked_columns(spec, &rule.left, band)),
                        right: at(picked_columns(spec, &rule.right, band)),
                    });
                }
            }
        }
    }
}

/// Every smallest explanation of the table's broken sums: empty when they all hold, or when no
/// one-cell change nor known two-cell slip explains them.
pub fn diagnose(table: &Table) -> Vec<Explanation> {
    let system = System::new(table);
    let broken: Vec<usize> = (0..system.equations.len())
        .filter(|&e| system.residual(e, &[]) != 0)
        .collect();
    let Some(&first) = broken.first() else {
        return Vec::new();
    };
    // Whatever explains the table changes a cell of its first broken equation.
    let eq = &system.equations[first];
    let suspects: Vec<CellAt> = eq.left.iter().chain(&eq.right).copied().collect();
    let one_cell: Vec<Explanation> = suspects
        .iter()
        .filter_map(|&at| one_cell(&system, &broken, at))
        .collect();
    if !one_cell.is_empty() {
        return one_cell;
    }
    let mut found: Vec<Explanation> = Vec::new();
    for &at in &suspects {
        for explanation in two_cells(&system, &broken, at) {
            // The same changes found from another suspect, maybe in another order (an
            // explanation's changes are at distinct cells, so comparing them as sets suffices).
            let same_changes = |f: &Explanation| {
                f.changes.len() == explanation.changes.len()
                    && f.changes.iter().all(|c| explanation.changes.contains(c))
            };
            if !found.iter().any(same_changes) {
                found.push(explanation);
            }
        }
    }
    found
}

fn one_cell(system: &System, broken: &[usize], at: CellAt) -> Option<Explanation> {
    // Changing the cell breaks every holding equation it is in: it must be in the broken ones only.
    let equations = system.equations_of(at);
    if equations.len() != broken.len() || !equations.iter().all(|e| broken.contains(e)) {
        return None;
    }
    let from = system.value(at);
    let to = system.solve(at, &[])?;
    (to != from).then(|| Explanation {
        slip: Slip::OneCell,
        changes: vec![Change { at, from, to }],
    })
}

/// The cells next to `at` in its row.
fn neighbours(system: &System, at: CellAt) -> Vec<CellAt> {
    [at.column.checked_sub(1), at.column.checked_add(1)]
        .into_iter()
        .flatten()
        .map(|column| CellAt {
            row: at.row,
            column,
        })
        .filter(|&n| system.known(n).is_some())
        .collect()
}

/// The digits of `a` followed by those of `b`, as one number.
fn glue(a: i64, b: i64) -> Option<i64> {
    format!("{a}{b}").parse().ok()
}

/// The known two-cell slips involving `at` that make every equation hold.
fn two_cells(system: &System, broken: &[usize], at: CellAt) -> Vec<Explanation> {
    let mut out = Vec::new();
    let mut accept = |slip: Slip, changes: Vec<Change>| {
        let real = changes.iter().all(|c| c.from != c.to);
        if real && changes.iter().all(|c| c.to >= 0) && system.holds_with(broken, &changes) {
            out.push(Explanation { slip, changes });
        }
    };
    let value = |c: CellAt| system.value(c);
    // Swapped with any cell of its row or column.
    for other in system.cells.iter().map(|k| k.at) {
        if other != at && (other.row == at.row || other.column == at.column) {
            let (a, b) = (value(at), value(other));
            accept(
                Slip::Swapped,
                vec![
                    Change { at, from: a, to: b },
                    Change {
                        at: other,
                        from: b,
                        to: a,
                    },
                ],
            );
        }
    }
    for next in neighbours(system, at) {
        // Either cell may be the one the number belongs in.
        for (home, typed) in [(at, next), (next, at)] {
            let placed = Change {
                at: home,
                from: value(home),
                to: value(typed),
            };
            if let Some(to) = system.solve(typed, &[placed]) {
                let lost = Change {
                    at: typed,
                    from: value(typed),
                    to,
                };
                if to != value(home) {
                    accept(Slip::Moved, vec![placed, lost]);
                }
            }
        }
        let (left, right) = if next.column > at.column {
            (at, next)
        } else {
            (next, at)
        };
        let (l, r) = (value(left), value(right));
        if l != 0 {
            if let Some(whole) = glue(l, r) {
                let joined = Change {
                    at: left,
                    from: l,
                    to: whole,
                };
                if let Some(to) = system.solve(right, &[joined]) {
                    accept(
                        Slip::Split,
                        vec![
                            joined,
                            Change {
                                at: right,
                                from: r,
                                to,
                            },
                        ],
                    );
                }
            }
        }
        let digits = l.to_string();
        for cut in 1..digits.len() {
            let (head, tail) = digits.split_at(cut);
            if tail.len() > 1 && tail.starts_with('0') {
                continue;
            }
            let (Ok(head), Ok(tail)) = (head.parse::<i64>(), tail.parse::<i64>()) else {
                continue;
            };
            accept(
                Slip::Glued,
                vec![
                    Change {
                        at: left,
                        from: l,
                        to: head,
                    },
                    Change {
                        at: right,
                        from: r,
                        to: tail,
                    },
                ],
            );
        }
    }
    out
}
