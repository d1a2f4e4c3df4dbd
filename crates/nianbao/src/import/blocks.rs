//! The structure a rich document gives: paragraphs and tables with merged cells, in reading order.

/// One piece of a document in reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph's text, whitespace as the reader sees it; or a run of paragraphs, one a line (a
    /// reader may keep them so: a cell held to its table's end is then not a string a paragraph).
    Paragraph(String),
    Table(Table),
}

/// A table as written: rows of cells, each cell spanning one or more grid columns and rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Vec<Cell>>,
}

/// One written cell: what it holds (paragraphs, maybe a nested table) and how far it spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub content: Vec<Block>,
    pub columns: usize,
    pub rows: usize,
}

/// Wider spans than this are taken as this: a hostile `colspan="100000"` must not build a huge grid.
const WIDEST_SPAN: usize = 64;

/// Taller spans than this are taken as this, as the HTML standard does.
const TALLEST_SPAN: usize = 65_534;

/// Row spans reach down only in this many first columns. Each row's cells start right of the columns
/// that spans from above cover, so a table whose every row starts a tall span would otherwise grow a
/// column a row (rows × rows of grid); no report's table comes near this width.
const WIDEST_GRID: usize = 256;

/// Tables nested deeper than this in one another are read as their cells' text. The readers make
/// blocks no deeper, so whatever walks, clones or drops them (recursively) stays shallow whatever
/// the file holds.
pub const DEEPEST_TABLE: usize = 16;

impl Cell {
    pub fn new(content: Vec<Block>, columns: usize, rows: usize) -> Self {
        Cell {
            content,
            columns: columns.clamp(1, WIDEST_SPAN),
            rows: rows.clamp(1, TALLEST_SPAN),
        }
    }

    /// The cell's text on one line: its paragraphs joined, with a space only where two words of
    /// Latin script or digits would otherwise run together.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut add = |piece: &str| {
            if piece.is_empty() {
                return;
            }
            let glue = match (out.chars().next_back(), piece.chars().next()) {
                (Some(a), Some(b)) => a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric(),
                _ => false,
            };
            if glue {
                out.push(' ');
            }
            out.push_str(piece);
        };
        for block in &self.content {
            match block {
                Block::Paragraph(text) => {
                    text.split('\n').for_each(|p| add(p.trim_matches(is_blank)))
                }
                Block::Table(table) => add(&Cell::new(table.flatten(), 1, 1).text()),
            }
        }
        out
    }

    fn holds_table(&self) -> bool {
        self.content.iter().any(|b| matches!(b, Block::Table(_)))
    }
}

/// Spaces a cell may be padded with: Word writes `&nbsp;` into empty cells.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{3000}' | '\u{feff}' | '\u{200b}')
}

impl Table {
    /// A table used for page layout rather than data: one that holds other tables, or a single cell.
    /// Web pages wrap whole articles in such tables.
    pub fn is_layout(&self) -> bool {
        let cells: usize = self.rows.iter().map(Vec::len).sum();
        cells <= 1 || self.rows.iter().flatten().any(Cell::holds_table)
    }

    /// The cells' content in reading order, for a layout table.
    pub fn flatten(&self) -> Vec<Block> {
        self.rows
            .iter()
            .flatten()
            .flat_map(|cell| cell.content.iter().cloned())
            .collect()
    }

    /// Where each written cell starts: its grid column, row by row. Cells take the first column of
    /// their row that no cell from the left or from above (a row span) covers, as in HTML and Word.
    /// Time and memory are in proportion to the cells written (and [`WIDEST_GRID`] a row).
    pub fn placed(&self) -> Vec<Vec<(usize, &Cell)>> {
        // Column → the first row below the row spans that cover it.
        let mut covered_until: Vec<usize> = Vec::new();
        let mut out = Vec::with_capacity(self.rows.len());
        for (r, row) in self.rows.iter().enumerate() {
            let mut placed = Vec::with_capacity(row.len());
            let mut c = 0;
            for cell in row {
                while covered_until.get(c).is_some_and(|&until| until > r) {
                    c += 1;
                }
                let reach = (c + cell.columns).min(WIDEST_GRID);
                if covered_until.len() < reach {
                    covered_until.resize(reach, 0);
                }
                let until = r.saturating_add(cell.rows);
                for covered in covered_until.iter_mut().take(reach).skip(c) {
                    *covered = (*covered).max(until);
                }
                placed.push((c, cell));
                c += cell.columns;
            }
            out.push(placed);
        }
        out
    }

    /// Each row's written cells: the grid column where each starts and its text. Positions covered
    /// by a merged cell, and short rows' missing cells, are not there.
    pub fn cell_texts(&self) -> Vec<Vec<(usize, String)>> {
        self.placed()
            .into_iter()
            .map(|row| row.into_iter().map(|(c, cell)| (c, cell.text())).collect())
            .collect()
    }

    /// The table's grid: every written cell's text at the row and column where it starts, and `None`
    /// where a merged cell covers the position or a short row has no cell. Rows × columns in size:
    /// for writing small tables (the test documents), where [`Table::cell_texts`] does not serve.
    pub fn grid(&self) -> Vec<Vec<Option<String>>> {
        let placed = self.placed();
        let mut grid: Vec<Vec<Option<String>>> = vec![Vec::new(); placed.len()];
        for (r, row) in placed.iter().enumerate() {
            for &(c, cell) in row {
                for line in grid.iter_mut().skip(r).take(cell.rows) {
                    if line.len() < c + cell.columns {
                        line.resize(c + cell.columns, None);
                    }
                }
                grid[r][c] = Some(cell.text());
            }
        }
        grid
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_paragraphs_reads_as_its_paragraphs() {
        let lines = ["\u{3000}甲 ", "", "ab", "cd", "乙"];
        let run = vec![Block::Paragraph(lines.join("\n"))];
        let apart: Vec<Block> = lines
            .iter()
            .map(|l| Block::Paragraph(l.to_string()))
            .collect();
        assert_eq!(
            Cell::new(run.clone(), 1, 1).text(),
            Cell::new(apart.clone(), 1, 1).text()
        );
        assert_eq!(Cell::new(run.clone(), 1, 1).text(), "甲ab cd乙");
        assert_eq!(
            super::super::layout::render(&run),
            super::super::layout::render(&apart)
        );
    }

    fn cell(text: &str, columns: usize, rows: usize) -> Cell {
        Cell::new(vec![Block::Paragraph(text.into())], columns, rows)
    }

    #[test]
    fn merged_cells_take_their_place_in_the_grid() {
        // | a (2 rows) | b c (2 cols) |
        // |            | d    | e     |
        let table = Table {
            rows: vec![
                vec![cell("a", 1, 2), cell("bc", 2, 1)],
                vec![cell("d", 1, 1), cell("e", 1, 1)],
            ],
        };
        let grid = table.grid();
        assert_eq!(grid[0], vec![Some("a".into()), Some("bc".into()), None]);
        assert_eq!(grid[1], vec![None, Some("d".into()), Some("e".into())]);
    }

    #[test]
    fn a_rowspan_past_the_end_and_a_huge_colspan_are_bounded() {
        let table = Table {
            rows: vec![vec![cell("x", 1_000_000, 1_000_000)]],
        };
        let grid = table.grid();
        assert_eq!(grid.len(), 1);
        assert_eq!(grid[0].len(), WIDEST_SPAN);
    }

    #[test]
    fn rows_that_each_start_a_tall_span_stay_within_the_widest_grid() {
        let rows = 5_000;
        let table = Table {
            rows: vec![vec![cell("1", 1, usize::MAX), cell("2", 1, 1)]; rows],
        };
        let placed = table.placed();
        assert_eq!(placed.len(), rows);
        // Each row's first cell starts right of the spans from above, up to the widest grid.
        assert_eq!(placed[3][0].0, 3);
        assert!(placed.iter().flatten().all(|&(c, _)| c <= WIDEST_GRID + 1));
        let texts = table.cell_texts();
        assert_eq!(texts.iter().map(Vec::len).sum::<usize>(), 2 * rows);
        assert_eq!(table.rows[0][0].rows, TALLEST_SPAN);
    }

    #[test]
    fn cell_text_joins_paragraphs_without_spaces_between_chinese() {
        let c = Cell::new(
            vec![
                Block::Paragraph("三、本年度".into()),
                Block::Paragraph("\u{a0}".into()),
                Block::Paragraph("办理结果".into()),
            ],
            1,
            1,
        );
        assert_eq!(c.text(), "三、本年度办理结果");
        let numbers = Cell::new(
            vec![Block::Paragraph("12".into()), Block::Paragraph("3".into())],
            1,
            1,
        );
        assert_eq!(numbers.text(), "12 3");
    }
}
