//! The document body as blocks: paragraphs (with Word's own list numbers put back), line breaks, and
//! tables whose merged cells become spans: `gridSpan` across, and a `vMerge` run (restart, then
//! continue below) one cell spanning down.

use std::collections::HashMap;

use roxmltree::Node;

use super::numbering::Numbering;
use super::xml::{child, in_wordml, is, number_at, val};
use crate::import::blocks::{Block, Cell, Table, DEEPEST_TABLE};

pub struct Body {
    numbering: Numbering,
}

impl Body {
    pub fn new(numbering: Numbering) -> Self {
        Body { numbering }
    }

    /// Block-level content: paragraphs and tables, through content controls, custom XML and tracked
    /// insertions.
    pub fn blocks_in(&mut self, container: Node) -> Vec<Block> {
        self.blocks_at(container, 0)
    }

    /// The blocks in `container`, inside `depth` tables. Wrappers are opened on a stack of the
    /// reader's own, not the call stack, so that any depth of them is read; a table nested deeper
    /// than [`DEEPEST_TABLE`] is read as its cells' content, one after another.
    fn blocks_at(&mut self, container: Node, depth: usize) -> Vec<Block> {
        let mut blocks = Vec::new();
        let mut pending: Vec<Node> = container.children().rev().collect();
        while let Some(node) = pending.pop() {
            crate::work::add(1);
            if is(&node, "p") {
                self.paragraph(node, &mut blocks);
            } else if is(&node, "tbl") && depth < DEEPEST_TABLE {
                blocks.push(Block::Table(self.table(node, depth + 1)));
            } else if is(&node, "tbl") {
                let cells: Vec<Node> = through_wrappers(node, "tr")
                    .into_iter()
                    .flat_map(|tr| through_wrappers(tr, "tc"))
                    .flat_map(|tc| tc.children())
                    .collect();
                pending.extend(cells.into_iter().rev());
            } else if is(&node, "sdt") {
                if let Some(content) = child(&node, "sdtContent") {
                    pending.extend(content.children().rev());
                }
            } else if is(&node, "customXml") || is(&node, "ins") || is(&node, "moveTo") {
                pending.extend(node.children().rev());
            }
        }
        blocks
    }

    /// A paragraph's visible text; a line break (`w:br`, `w:cr`) starts a new line.
    fn paragraph(&mut self, p: Node, blocks: &mut Vec<Block>) {
        let mut text = self.numbering.label(p).unwrap_or_default();
        run_text(p, &mut text);
        for line in text.split('\n') {
            blocks.push(Block::Paragraph(line.to_string()));
        }
    }

    fn table(&mut self, tbl: Node, depth: usize) -> Table {
        let mut table = TableReading::default();
        self.rows_in(&mut table, tbl, depth);
        table.finish()
    }

    /// Reads the rows under `tbl` on into `table`: the whole table, or (for a long one read in
    /// batches) some of its rows.
    pub fn rows_in(&mut self, table: &mut TableReading, tbl: Node, depth: usize) {
        let TableReading { rows, merging } = table;
        for tr in through_wrappers(tbl, "tr") {
            let r = rows.len();
            let mut cells = Vec::new();
            let mut column = 0;
            let before = number_at(&tr, &["trPr", "gridBefore"]).unwrap_or(0);
            if before > 0 {
                cells.push(Cell::new(Vec::new(), before, 1));
                column += cells[0].columns;
            }
            for tc in through_wrappers(tr, "tc") {
                let columns = number_at(&tc, &["tcPr", "gridSpan"]).unwrap_or(1);
                let merge = child(&tc, "tcPr").and_then(|pr| child(&pr, "vMerge"));
                let cell = Cell::new(self.blocks_at(tc, depth), columns, 1);
                let width = cell.columns;
                match merge.map(|m| val(&m).unwrap_or("continue")) {
                    Some("restart") => {
                        merging.insert(column, (r, cells.len()));
                        cells.push(cell);
                    }
                    Some(_) if merging.contains_key(&column) => {
                        let (row, index) = merging[&column];
                        // A merge continues from an earlier row (a row's columns only grow).
                        if let Some(origin) =
                            rows.get_mut(row).and_then(|cells| cells.get_mut(index))
                        {
                            origin.rows += 1;
                        }
                    }
                    _ => {
                        merging.remove(&column);
                        cells.push(cell);
                    }
                }
                column += width;
            }
            rows.push(cells);
        }
    }
}

/// A table being read, row by row.
#[derive(Default)]
pub struct TableReading {
    rows: Vec<Vec<Cell>>,
    /// Grid column → (row, index in row) of the cell a vertical merge there started at.
    merging: HashMap<usize, (usize, usize)>,
}

impl TableReading {
    pub fn finish(self) -> Table {
        Table { rows: self.rows }
    }
}

/// The text of the runs under `node`, in order, however deeply hyperlinks, fields, content
/// controls and tracked changes wrap them (walked with a stack of its own).
fn run_text(node: Node, out: &mut String) {
    let mut pending: Vec<Node> = node.children().rev().collect();
    while let Some(n) = pending.pop() {
        crate::work::add(1);
        if !n.is_element() {
            continue;
        }
        let name = n.tag_name().name();
        if !in_wordml(&n) {
            // Markup compatibility: the modern choice is read, its fallback copy is not.
            if name != "Fallback" {
                pending.extend(n.children().rev());
            }
            continue;
        }
        match name {
            "t" => out.push_str(n.text().unwrap_or("")),
            "tab" | "ptab" => out.push('\t'),
            "br" | "cr" => out.push('\n'),
            "noBreakHyphen" => out.push('-'),
            // Properties, deleted text, field instructions, drawings and text boxes are not body text.
            "pPr" | "rPr" | "del" | "moveFrom" | "delText" | "instrText" | "drawing" | "pict"
            | "object" | "txbxContent" | "footnoteReference" | "endnoteReference" => {}
            _ => pending.extend(n.children().rev()),
        }
    }
}

/// The `name` elements under `node`, looking through content controls and custom XML around them.
fn through_wrappers<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    let mut pending: Vec<Node> = node.children().rev().collect();
    while let Some(n) = pending.pop() {
        crate::work::add(1);
        if is(&n, name) {
            out.push(n);
        } else if is(&n, "sdt") {
            if let Some(content) = child(&n, "sdtContent") {
                pending.extend(content.children().rev());
            }
        } else if is(&n, "customXml") {
            pending.extend(n.children().rev());
        }
    }
    out
}
