//! A structured document as the plain text the checker reads and the user sees: a paragraph a line,
//! a table a line per grid row with its cells between tabs (as Word itself copies a table as text,
//! and as Excel takes it back), merged cells written once where they start.

use super::blocks::{is_blank, Block, Table};

/// Columns are padded to line up up to this display width (two units per Chinese character); a
/// longer cell just pushes its own row on, rather than pushing every row far to the right.
const WIDEST_ALIGNED: usize = 24;

/// Renders `blocks` as text, a table set off by an empty line before and after.
pub fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    render_into(blocks, &mut out);
    while out.ends_with('\n') {
        out.pop();
    }
    out.push('\n');
    if out.trim_matches(is_blank).is_empty() {
        out.clear();
    }
    out
}

fn render_into(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match block {
            Block::Paragraph(text) => {
                let text = text.trim_end_matches(is_blank);
                if !text.trim_start_matches(is_blank).is_empty() {
                    out.push_str(text);
                    out.push('\n');
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

fn render_table(table: &Table, out: &mut String) {
    let grid = table.grid();
    let columns = grid.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0; columns];
    for row in &grid {
        for (c, cell) in row.iter().enumerate() {
            // A cell spanning several columns (the next one is covered) does not set this column's width.
            let spans = row.get(c + 1).is_some_and(Option::is_none) && c + 1 < columns;
            if let (Some(text), false) = (cell, spans) {
                let w = display_width(text);
                if w <= WIDEST_ALIGNED {
                    widths[c] = widths[c].max(w);
                }
            }
        }
    }
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    for row in &grid {
        let last = row
            .iter()
            .rposition(|c| c.as_deref().is_some_and(|t| !t.is_empty()));
        let Some(last) = last else { continue };
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate().take(last + 1) {
            // A position a merged cell covers stays a bare tab: padding it would push the row off the screen.
            if let Some(text) = cell {
                line.push_str(text);
                if c < last {
                    pad(&mut line, widths[c].saturating_sub(display_width(text)));
                }
            }
            if c < last {
                line.push('\t');
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
}

/// Pads with ideographic spaces (each as wide as a Chinese character) and one plain space for an odd half.
fn pad(line: &mut String, width: usize) {
    for _ in 0..width / 2 {
        line.push('\u{3000}');
    }
    if width % 2 == 1 {
        line.push(' ');
    }
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
        assert_eq!(lines[2], "三、办理结果\t（一）予以公开\t0");
        assert_eq!(lines[3], "\t（二）部分公开\t12");
        assert_eq!(lines[4], "");
        assert_eq!(lines[5], "四、复议");
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
