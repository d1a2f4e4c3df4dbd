//! A structured document as the plain text the checker reads and the user sees: a paragraph a line,
//! a table a line per grid row with its cells between tabs (as Word itself copies a table as text,
//! and as Excel takes it back), merged cells written once where they start.

use super::blocks::{is_blank, Block, Table};

/// Row labels are padded so that the numbers after them line up, up to this width in ems; a longer
/// label pushes only its own row on (a text box is about 35 ems wide).
const WIDEST_LABEL: usize = 16;

/// Renders `blocks` as text, a table set off by an empty line before and after.
pub fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    render_into(blocks, &mut out);
    finish(out)
}

/// Text rendered block by block, ended: one line break at its end, or nothing when it is blank.
pub(super) fn finish(mut out: String) -> String {
    while out.ends_with('\n') {
        out.pop();
    }
    out.push('\n');
    if out.trim_matches(is_blank).is_empty() {
        out.clear();
    }
    out
}

pub(super) fn render_into(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match block {
            Block::Paragraph(text) => {
                for line in text.split('\n') {
                    let line = line.trim_end_matches(is_blank);
                    if !line.trim_start_matches(is_blank).is_empty() {
                        out.push_str(line);
                        out.push('\n');
                    }
                }
            }
            Block::Table(table) if table.is_layout() => render_into(&table.flatten(), out),
            Block::Table(table) => render_table(table, out),
        }
    }
}

/// Width on screen in half-ems: Chinese characters and full-width forms take two.
fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) < 0x1100 { 1 } else { 2 })
        .sum()
}

/// A cell holding a number (or a dash or 无 standing for none), as opposed to a label such as
/// 「1.属于国家秘密」.
fn is_value(text: &str) -> bool {
    let t = text.trim_matches(is_blank);
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    (t.chars().any(digit)
        && t.chars()
            .all(|c| digit(c) || matches!(c, '.' | ',' | '，' | '．' | '%' | '-' | '+' | '－')))
        || matches!(t, "—" | "-" | "－" | "/" | "／" | "无" | "空")
}

/// A row of a table: its written cells' grid columns and texts, left to right.
type Row = [(usize, String)];

fn is_numeric(row: &Row) -> bool {
    row.iter().any(|(_, t)| is_value(t))
}

/// The first column of numbers: where, in every row that has numbers, only numbers and empty cells
/// follow. Rows of numbers are written as their labels (joined) and then the numbers, aligned.
fn first_value_column(rows: &[Vec<(usize, String)>]) -> Option<usize> {
    let numeric_rows = || rows.iter().filter(|row| is_numeric(row));
    numeric_rows().next()?;
    let last_label = numeric_rows()
        .filter_map(|row| {
            row.iter()
                .rev()
                .find(|(_, t)| !t.trim_matches(is_blank).is_empty() && !is_value(t))
                .map(|&(c, _)| c)
        })
        .max();
    Some(last_label.map_or(0, |c| c + 1))
}

/// The row's label cells (those left of column `first_value`), joined.
fn lead(row: &Row, first_value: usize) -> String {
    row.iter()
        .take_while(|(c, _)| *c < first_value)
        .map(|(_, t)| t.trim_matches(is_blank))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\u{3000}")
}

/// A table: a line per grid row. Rows of numbers read 「labels → numbers」: the row's label cells
/// joined and padded, then a tab before each number, each number padded with figure spaces to its
/// column's width, so that the columns line up in the text box. Other rows (headers) keep each cell
/// between tabs. An empty cell stays an empty cell between tabs wherever it is; a merged cell is one
/// cell, however many grid columns it covers (word processors often split a grid column that the
/// layout does not show, and a number spanning both is still one number).
fn render_table(table: &Table, out: &mut String) {
    let rows = table.cell_texts();
    let first_value = first_value_column(&rows);
    let (mut lead_width, mut digits) = (0, Vec::new());
    if let Some(f) = first_value {
        for row in rows.iter().filter(|r| is_numeric(r)) {
            let w = display_width(&lead(row, f));
            if w <= WIDEST_LABEL * 2 {
                lead_width = lead_width.max(w);
            }
            for (c, text) in row.iter().filter(|(c, _)| *c >= f) {
                if digits.len() <= c - f {
                    digits.resize(c - f + 1, 0);
                }
                digits[c - f] = digits[c - f].max(text.chars().count());
            }
        }
    }
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    for row in &rows {
        let Some(&(last, _)) = row.iter().rev().find(|(_, t)| !t.is_empty()) else {
            continue;
        };
        let written = row.iter().take_while(|(c, _)| *c <= last);
        let mut line = String::new();
        match first_value.filter(|_| is_numeric(row)) {
            Some(f) => {
                let label = lead(row, f);
                line.push_str(&label);
                if f > 0 {
                    let gap = lead_width.saturating_sub(display_width(&label));
                    line.extend(std::iter::repeat_n('\u{3000}', gap.div_ceil(2)));
                    line.push('\t');
                }
                for (c, text) in written.filter(|(c, _)| *c >= f) {
                    line.push_str(text);
                    if *c < last {
                        let width = digits.get(c - f).copied().unwrap_or(0);
                        let gap = width.saturating_sub(text.chars().count());
                        line.extend(std::iter::repeat_n('\u{2007}', gap));
                        line.push('\t');
                    }
                }
            }
            None => {
                for (c, text) in written {
                    line.push_str(text);
                    if *c < last {
                        line.push('\t');
                    }
                }
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::super::blocks::Cell;
    use super::*;

    fn p(text: &str) -> Block {
        Block::Paragraph(text.into())
    }

    fn cell(text: &str, columns: usize, rows: usize) -> Cell {
        Cell::new(vec![p(text)], columns, rows)
    }

    #[test]
    fn paragraphs_a_line_each_and_blank_ones_dropped() {
        assert_eq!(
            render(&[p("一、总体情况"), p(" \u{a0}"), p("正文")]),
            "一、总体情况\n正文\n"
        );
        assert_eq!(render(&[p("  ")]), "");
    }

    #[test]
    fn tables_line_up_and_merged_cells_are_written_once() {
        let table = Table {
            rows: vec![
                vec![
                    cell("三、办理结果", 1, 2),
                    cell("（一）予以公开", 1, 1),
                    cell("0", 1, 1),
                ],
                vec![cell("（二）部分公开", 1, 1), cell("12", 1, 1)],
            ],
        };
        let text = render(&[p("标题"), Block::Table(table), p("四、复议")]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "标题");
        assert_eq!(lines[1], "");
        // Labels joined and padded to the same width, numbers padded to their column's width.
        assert_eq!(lines[2], "三、办理结果\u{3000}（一）予以公开\t0");
        assert_eq!(
            lines[3],
            "（二）部分公开\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\u{3000}\t12"
        );
        assert_eq!(lines[4], "");
        assert_eq!(lines[5], "四、复议");
    }

    #[test]
    fn numbered_labels_are_labels_and_numbers_are_values() {
        assert!(
            is_value("12")
                && is_value("1,234")
                && is_value("0.5")
                && is_value("—")
                && is_value("０")
        );
        assert!(!is_value("1.属于国家秘密") && !is_value("") && !is_value("总计"));
    }

    #[test]
    fn a_layout_table_reads_as_its_content() {
        let inner = Table {
            rows: vec![vec![cell("a", 1, 1), cell("1", 1, 1)]],
        };
        let outer = Table {
            rows: vec![vec![Cell::new(vec![p("正文"), Block::Table(inner)], 1, 1)]],
        };
        assert_eq!(render(&[Block::Table(outer)]), "正文\n\na\t1\n");
    }
}
