//! Reading the template's named facts ([`crate::template::facts`]) from a parsed report: the one place
//! where rules turn a declared row, column or total into the cells of a table.

use crate::model::{Cell, Document, Row, Table};
use crate::span::Span;
use crate::template::facts::{Quantity, RowRef};
use crate::template::{self, TableId, TableSpec, Total};

/// The found table `id` of `doc`, with its declaration, when its cells were read with confidence (a
/// table that was not is reported once, by T06, and nothing is drawn from its cells).
pub fn table(doc: &Document, id: TableId) -> Option<(&Table, &'static TableSpec)> {
    let table = doc.table(id).filter(|t| t.found && t.is_reliable())?;
    Some((table, template::table(id, table.version)))
}

/// The found row `key` of a found table.
pub fn found_row<'t>(table: &'t Table, key: &str) -> Option<&'t Row> {
    table.row(key).filter(|r| r.found)
}

/// The found row `row` refers to.
pub fn row<'d>(doc: &'d Document, row: &RowRef) -> Option<&'d Row> {
    table(doc, row.table).and_then(|(t, _)| found_row(t, row.row))
}

/// A total cell of a row and the cells it adds up.
pub struct RowTotal<'d> {
    pub row: &'d Row,
    pub total: &'d Cell,
    pub parts: Vec<&'d Cell>,
}

impl RowTotal<'_> {
    /// The sum of the parts, when every one holds a count.
    pub fn parts_sum(&self) -> Option<i64> {
        sum(self.parts.iter().copied())
    }
}

/// `total` read from a found row holding every column of `spec`.
fn total_of<'d>(row: &'d Row, spec: &TableSpec, total: &Total) -> Option<RowTotal<'d>> {
    if row.cells.len() != spec.width() {
        return None;
    }
    Some(RowTotal {
        row,
        total: row.cells.get(total.total)?,
        parts: total
            .parts
            .iter()
            .map(|&i| row.cells.get(i))
            .collect::<Option<_>>()?,
    })
}

/// The 总计 cell of `row` and the cells it adds up.
pub fn row_total<'d>(doc: &'d Document, row: &RowRef) -> Option<RowTotal<'d>> {
    let (table, spec) = table(doc, row.table)?;
    total_of(found_row(table, row.row)?, spec, &spec.row_total()?)
}

/// The sum of `cells`, when every one holds a count.
pub fn sum<'c>(cells: impl IntoIterator<Item = &'c Cell>) -> Option<i64> {
    cells
        .into_iter()
        .try_fold(0i64, |acc, c| c.count().and_then(|n| acc.checked_add(n)))
}

/// What the tables say a [`Quantity`] is, as the prose would state it.
pub struct Reading {
    pub value: i64,
    /// The sum of the parts a total is made of, when the table's own total does not hold: the prose
    /// may quote either.
    pub parts_sum: Option<i64>,
    /// How messages name it, e.g. 「表三「一、本年新收政府信息公开申请数量」总计」.
    pub name: String,
    /// The cells it is read from, each named.
    pub places: Vec<(Span, String)>,
}

pub fn read(doc: &Document, quantity: &Quantity) -> Option<Reading> {
    read_counting(doc, quantity, &Cell::count)
}

/// How many a cell counts: [`Cell::count`], or what a diagnosis supposes it should hold.
pub type Count<'c> = &'c dyn Fn(&Cell) -> Option<i64>;

/// [`read`], each cell counting `count`.
pub fn read_counting(doc: &Document, quantity: &Quantity, count: Count) -> Option<Reading> {
    let parts_sum = |total: &RowTotal| {
        total
            .parts
            .iter()
            .try_fold(0i64, |acc, c| count(c).and_then(|n| acc.checked_add(n)))
    };
    match *quantity {
        Quantity::RowTotal(ref row) => {
            let total = row_total(doc, row)?;
            let name = format!("{}「{}」总计", row.table.short_name(), total.row.label);
            Some(Reading {
                value: count(total.total)?,
                parts_sum: parts_sum(&total),
                places: vec![(total.total.span, name.clone())],
                name,
            })
        }
        Quantity::BandTotals { table, bands, name } => {
            let (found, spec) = self::table(doc, table)?;
            let row = found.rows.first().filter(|r| r.found)?;
            let mut value: i64 = 0;
            let mut sum_of_parts = Some(0i64);
            let mut places = Vec::new();
            for &band in bands {
                let total = total_of(row, spec, &spec.band_total(band)?)?;
                value = value.checked_add(count(total.total)?)?;
                sum_of_parts = sum_of_parts
                    .zip(parts_sum(&total))
                    .and_then(|(a, b)| a.checked_add(b));
                let place = format!("{}「{}」总计", table.short_name(), spec.band_title(band));
                places.push((total.total.span, place));
            }
            let name = match places.as_slice() {
                [(_, only)] => only.clone(),
                _ => format!("{}{name}总计", table.short_name()),
            };
            Some(Reading {
                value,
                parts_sum: sum_of_parts,
                name,
                places,
            })
        }
        Quantity::Cell {
            table,
            row,
            columns,
        } => {
            let (found, spec) = self::table(doc, table)?;
            let (index, column) = spec.column_of(row, columns)?;
            let row = found_row(found, row)?;
            let cell = row.cells.get(index)?;
            let name = format!("{}「{}」{}", table.short_name(), row.label, column.name);
            Some(Reading {
                value: count(cell)?,
                parts_sum: None,
                places: vec![(cell.span, name.clone())],
                name,
            })
        }
    }
}

/// The cell of found row `row` in column `column` (of the sub-table holding the row).
pub fn cell<'t>(table: &'t Table, row: &str, column: &str) -> Option<&'t Cell> {
    let spec = template::table(table.id, table.version);
    let (index, _) = spec.column_of(row, &[column])?;
    found_row(table, row)?.cells.get(index)
}
