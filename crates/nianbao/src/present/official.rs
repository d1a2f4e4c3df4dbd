//! Where T3's row labels sit in the official layout: the vertical group label 「三、本年度办理结果」
//! beside all its rows, each sub-group label (「（三）不予公开」) beside its numbered rows, and the other
//! labels spanning the label columns. Shared by the page's tables and the documents the tests build.

use crate::template::{RowSpec, TableSpec};

/// T3 has three label columns before its numbers.
pub const T3_LABEL_COLUMNS: usize = 3;

/// One label cell: the template row whose label it shows, and how far it spans.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LabelCell {
    pub row: usize,
    pub columns: usize,
    pub rows: usize,
}

/// Data rows a group label spans: the outer group down to its last row (（七）总计), an inner group
/// over its numbered rows.
fn group_span(rows: &[RowSpec], at: usize, outer: Option<usize>) -> usize {
    let end = outer.map_or(rows.len(), |last| last + 1).max(at + 1);
    rows[at + 1..end]
        .iter()
        .take_while(|r| outer.is_some() || is_numbered(r))
        .filter(|r| r.has_values)
        .count()
}

fn is_numbered(row: &RowSpec) -> bool {
    row.label.starts_with(|c: char| c.is_ascii_digit())
}

fn first_data_row_after(rows: &[RowSpec], at: usize) -> Option<usize> {
    rows[at + 1..]
        .iter()
        .position(|r| r.has_values)
        .map(|p| p + at + 1)
}

/// Every T3 row with numbers (its index in `rows`), with the label cells written in front of them.
pub fn t3_label_cells(rows: &[RowSpec]) -> Vec<(usize, Vec<LabelCell>)> {
    let group = TableSpec::outer_group(rows);
    let outer = group.map(|(at, _)| at);
    let inside_outer = |i: usize| group.is_some_and(|(at, last)| at < i && i <= last);
    let mut out = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if !row.has_values {
            continue;
        }
        let mut cells = Vec::new();
        if let Some(o) = outer.filter(|&o| first_data_row_after(rows, o) == Some(i)) {
            cells.push(LabelCell {
                row: o,
                columns: 1,
                rows: group_span(rows, o, group.map(|(_, last)| last)),
            });
        }
        if is_numbered(row) {
            let inner = (0..i)
                .rev()
                .find(|&j| !rows[j].has_values && Some(j) != outer);
            if let Some(j) = inner.filter(|&j| first_data_row_after(rows, j) == Some(i)) {
                cells.push(LabelCell {
                    row: j,
                    columns: 1,
                    rows: group_span(rows, j, None),
                });
            }
            cells.push(LabelCell {
                row: i,
                columns: 1,
                rows: 1,
            });
        } else {
            // Rows outside the outer group take all three label columns; those inside it, two.
            let columns = if inside_outer(i) {
                T3_LABEL_COLUMNS - 1
            } else {
                T3_LABEL_COLUMNS
            };
            cells.push(LabelCell {
                row: i,
                columns,
                rows: 1,
            });
        }
        out.push((i, cells));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::{self, TableId, Version};

    #[test]
    fn every_t3_row_fills_the_three_label_columns() {
        for version in [Version::V2021, Version::V2019] {
            let rows = template::table(TableId::T3, version).sections[0].rows;
            let layout = t3_label_cells(rows);
            // Columns taken in each row, counting group labels that span down from rows above.
            let mut below: Vec<usize> = vec![0; rows.len()];
            for (at, (_, cells)) in layout.iter().enumerate() {
                let taken: usize = cells.iter().map(|c| c.columns).sum();
                assert_eq!(taken + below[at], T3_LABEL_COLUMNS, "{version:?} row {at}");
                for c in cells.iter().filter(|c| c.rows > 1) {
                    for b in below.iter_mut().skip(at + 1).take(c.rows - 1) {
                        *b += c.columns;
                    }
                }
            }
            let first = &layout[2].1;
            assert_eq!(rows[first[0].row].label, "三、本年度办理结果");
        }
    }
}
