//! The document body as blocks: paragraphs (with Word's own list numbers put back), line breaks, and
//! tables whose merged cells become spans: `gridSpan` across, and a `vMerge` run (restart, then
//! continue below) one cell spanning down.

use std::collections::HashMap;

use roxmltree::Node;

use super::numbering::Numbering;
use super::xml::{child, in_wordml, is, number_at, val};
use crate::import::blocks::{Block, Cell, Table};

pub struct Body {
    numbering: Numbering,
}

impl Body {
    pub fn new(numbering: Numbering) -> Self {
        Body { numbering }
    }

    /// Block-level content: paragraphs and tables, through content controls and custom XML.
    pub fn blocks_in(&mut self, container: Node) -> Vec<Block> {
        let mut blocks = Vec::new();
        for node in container.children() {
            if is(&node, "p") {
                self.paragraph(node, &mut blocks);
            } else if is(&node, "tbl") {
                blocks.push(Block::Table(self.table(node)));
            } else if is(&node, "sdt") {
                if let Some(content) = child(&node, "sdtContent") {
                    blocks.extend(self.blocks_in(content));
                }
            } else if is(&node, "customXml") || is(&node, "ins") || is(&node, "moveTo") {
                blocks.extend(self.blocks_in(node));
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

    fn table(&mut self, tbl: Node) -> Table {
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        // Grid column → (row, index in row) of the cell a vertical merge there started at.
        let mut merging: HashMap<usize, (usize, usize)> = HashMap::new();
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
                let cell = Cell::new(self.blocks_in(tc), columns, 1);
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
        Table { rows }
    }
}

fn run_text(node: Node, out: &mut String) {
    for n in node.children() {
        if !n.is_element() {
            continue;
        }
        let name = n.tag_name().name();
        if !in_wordml(&n) {
            // Markup compatibility: the modern choice is read, its fallback copy is not.
            if name != "Fallback" {
                run_text(n, out);
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
            _ => run_text(n, out),
        }
    }
}

/// The `name` elements under `node`, looking through content controls and custom XML around them.
fn through_wrappers<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    for n in node.children() {
        if is(&n, name) {
            out.push(n);
        } else if is(&n, "sdt") {
            if let Some(content) = child(&n, "sdtContent") {
                out.extend(through_wrappers(content, name));
            }
        } else if is(&n, "customXml") {
            out.extend(through_wrappers(n, name));
        }
    }
    out
}
