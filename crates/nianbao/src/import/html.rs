//! HTML (a saved web page, or what Word, WPS or a browser put on the clipboard) as blocks.
//!
//! The walker is written against [`MarkupNode`], so the page can hand it the browser's own DOM (from
//! DOMParser) and the command line a natively parsed tree: one reading of HTML for both.

use super::blocks::{is_blank, Block, Cell, Table, DEEPEST_TABLE};
use super::layout;

/// What a node of a parsed HTML tree is.
pub enum NodeKind {
    /// An element, with its lower-case local name.
    Element(String),
    Text(String),
    /// The document or fragment root: only its children count.
    Root,
    /// Comments, doctypes, processing instructions.
    Other,
}

/// A node of a parsed HTML tree.
pub trait MarkupNode: Sized + Clone {
    fn kind(&self) -> NodeKind;

    /// Whether the node is an element (a tree may tell without reading its text).
    fn is_element(&self) -> bool {
        matches!(self.kind(), NodeKind::Element(_))
    }

    fn attribute(&self, name: &str) -> Option<String>;
    fn first_child(&self) -> Option<Self>;
    fn next_sibling(&self) -> Option<Self>;

    /// Whether the parser may still add after this node among its siblings, or to its text: a tree
    /// read while it is being built (see [`HtmlWalk`]) is not read past such a node. A finished
    /// tree never grows.
    fn may_grow(&self) -> bool {
        false
    }

    /// Whether the parser may still add under this element. The walk takes no child for an open
    /// element's last.
    fn is_open(&self) -> bool {
        false
    }

    /// Whether the walk waits for this open element to be closed before it reads it. The tree
    /// builder puts what it finds misplaced in an open table before the table, which changes a
    /// reading that has entered it: a tree may have the walk wait for tables while it holds little,
    /// and read them as they are built only when waiting would hold much (a page wrapped in a table).
    fn awaits_close(&self) -> bool {
        false
    }

    /// The walk is done with this node and everything under it: a tree read while it is being built
    /// may let them go.
    fn passed(&self) {}
}

/// A walk over a document (or fragment) that renders each block outside a table as soon as it is
/// read, so a long page is never held as blocks. The tree may still be growing: [`HtmlWalk::advance`]
/// reads as far as it is settled (see [`MarkupNode::may_grow`]), so a parser can be fed a chunk at a
/// time and the nodes already read let go, and the page is never held whole.
pub struct HtmlWalk<N> {
    reader: Reader,
    steps: Vec<Step<N>>,
}

impl<N: MarkupNode> HtmlWalk<N> {
    pub fn new(root: &N) -> Self {
        let mut walk = HtmlWalk {
            reader: Reader::new(),
            steps: Vec::new(),
        };
        walk.reader.visit(root, &mut walk.steps);
        walk
    }

    /// Renders into `out` what can be read now. Returns whether the walk has reached the end.
    pub fn advance(&mut self, out: &mut String) -> bool {
        self.reader.read(&mut self.steps, out)
    }

    /// The text: `out`, as [`HtmlWalk::advance`] left it, with the line being gathered when the walk
    /// stopped.
    pub fn finish(self, mut out: String) -> String {
        layout::render_into(&self.reader.document.finish(), &mut out);
        layout::finish(out)
    }
}

/// Elements whose content is never shown as text.
fn is_hidden_element(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "title"
            | "script"
            | "style"
            | "template"
            | "noscript"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "math"
            | "canvas"
            | "audio"
            | "video"
            | "select"
            | "button"
            | "input"
            | "textarea"
            | "img"
            | "map"
            | "xml"
    )
}

/// Elements that start and end a line of text.
fn is_block_element(name: &str) -> bool {
    matches!(
        name,
        "html"
            | "body"
            | "p"
            | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "main"
            | "nav"
            | "aside"
            | "blockquote"
            | "center"
            | "address"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "legend"
            | "hr"
            | "caption"
            | "details"
            | "summary"
            | "pre"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
    )
}

/// Inline `style="display:none"` (Word hides some list markers and bookmarks this way) or `hidden`.
fn is_hidden<N: MarkupNode>(node: &N) -> bool {
    if node.attribute("hidden").is_some() {
        return true;
    }
    node.attribute("style").is_some_and(|style| {
        let style: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        style.contains("display:none") || style.contains("mso-hide:all")
    })
}

fn is_wide(c: char) -> bool {
    (c as u32) >= 0x2e80
}

#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    /// The paragraph being gathered; `\n` marks a collapsed run of source whitespace with a line break.
    line: String,
    in_pre: usize,
}

/// What is left to do, kept on a stack of its own rather than the call stack: markup nested a
/// hundred thousand deep is read like any other (a recursive walk would overflow the stack, which in
/// the page kills the checker).
enum Step<N> {
    /// A node and, after it, its next siblings, all under an element that is `Within`: a node's
    /// children are visited one by one, so the steps held grow with the depth of the tree, not with
    /// its width.
    VisitFrom(N, Within),
    /// After a node's content: the walk is done with it, and goes on to its next sibling.
    After(N, Within),
    /// An open element with no child yet: its first child, once there is one (or none, once closed).
    AwaitChild(N, Within),
    /// After a block element's content: its line ends (and its `pre`, if it is one).
    EndBlock {
        pre: bool,
    },
    StartTable,
    StartRow,
    /// A cell: its content is read into a walker of its own.
    StartCell,
    EndCell {
        columns: usize,
        rows: usize,
    },
    EndTable,
}

/// What the children being visited are under. A table is read as it is built, part by part (a page
/// wrapped in a table for its layout is not held whole): only its captions, its rows (directly or in
/// a head, body or foot) and their cells count.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Within {
    /// Anything that is not a table's structure: children are read as text and blocks.
    Content,
    Table,
    /// A table's `thead`, `tbody` or `tfoot`.
    Section,
    Row,
}

/// The walk over a whole tree: the document's walker, one more for each table cell being read, and
/// the tables being read.
struct Reader {
    document: Walker,
    cells: Vec<CellReading>,
    tables: Vec<TableReading>,
    /// Whether a table known to be for layout passes its cells' content on as it is read (always,
    /// but for the tests' reading that holds every table to its end, to compare with).
    passes_layout: bool,
}

struct CellReading {
    walker: Walker,
    /// The table it is a cell of, in [`Reader::tables`].
    table: usize,
}

struct TableReading {
    table: Table,
    /// The walker its text goes to: a cell's, in [`Reader::cells`], or the document's.
    into: Option<usize>,
    /// Known to be for layout (a cell holds a table: [`Table::is_layout`]), so read as its cells'
    /// content in order: what its cells have read so far went on to `into`, and what they read
    /// from now goes there as it is read. A page wrapped in such a table is not held to its end.
    passing: bool,
}

impl Reader {
    fn new() -> Self {
        Reader {
            document: Walker::default(),
            cells: Vec::new(),
            tables: Vec::new(),
            passes_layout: true,
        }
    }

    /// Where text goes now: the innermost cell being read, or the document.
    fn current(&mut self) -> &mut Walker {
        self.walker(self.cells.len().checked_sub(1))
    }

    fn walker(&mut self, at: Option<usize>) -> &mut Walker {
        match at {
            Some(k) => &mut self.cells[k].walker,
            None => &mut self.document,
        }
    }

    /// Blocks have come to the end of walker `at` (a cell, or the document), from `from` on: in a
    /// cell of a table for layout they go on to where the table's text goes, and a table among them
    /// tells that the cell's table is for layout.
    fn arrived(&mut self, mut at: Option<usize>, mut from: usize) {
        while let Some(k) = at {
            let Some(reading) = self.tables.get_mut(self.cells[k].table) else {
                return;
            };
            let blocks = &mut self.cells[k].walker.blocks;
            let mut moved = Vec::new();
            if !reading.passing {
                let holds_table = blocks[from..].iter().any(|b| matches!(b, Block::Table(_)));
                if !holds_table || !self.passes_layout {
                    return;
                }
                reading.passing = true;
                let rows = std::mem::take(&mut reading.table.rows);
                moved.extend(rows.into_iter().flatten().flat_map(|cell| cell.content));
            }
            moved.append(blocks);
            at = reading.into;
            let into = self.walker(at);
            from = into.blocks.len();
            into.blocks.append(&mut moved);
        }
    }

    /// Takes `steps` until none is left (true) or the next would read past what may still grow.
    fn read<N: MarkupNode>(&mut self, steps: &mut Vec<Step<N>>, out: &mut String) -> bool {
        while let Some(step) = steps.pop() {
            crate::work::add(1);
            // What reaches the document is rendered at once, and what a cell of a table for layout
            // reads goes on to it.
            if let Some(top) = self.cells.len().checked_sub(1) {
                let cell = &self.cells[top];
                let passing = self.tables.get(cell.table).is_some_and(|t| t.passing);
                if passing && !cell.walker.blocks.is_empty() {
                    self.arrived(Some(top), 0);
                }
            }
            if !self.document.blocks.is_empty() {
                layout::render_into(&self.document.blocks, out);
                self.document.blocks.clear();
            }
            match step {
                Step::VisitFrom(node, within) => {
                    // Text that may grow is not read yet, nor an element the tree would have
                    // closed first; an element is entered, its children awaited.
                    if (node.may_grow() && !node.is_element()) || node.awaits_close() {
                        steps.push(Step::VisitFrom(node, within));
                        return false;
                    }
                    // Under the steps of its content, so taken after them.
                    let under = steps.len();
                    match within {
                        Within::Content => self.visit(&node, steps),
                        _ => self.table_part(&node, within, steps),
                    }
                    steps.insert(under, Step::After(node, within));
                }
                Step::After(node, within) => {
                    if node.may_grow() {
                        steps.push(Step::After(node, within));
                        return false;
                    }
                    if let Some(next) = node.next_sibling() {
                        steps.push(Step::VisitFrom(next, within));
                    }
                    node.passed();
                }
                Step::AwaitChild(node, within) => match node.first_child() {
                    Some(first) => steps.push(Step::VisitFrom(first, within)),
                    None if node.is_open() => {
                        steps.push(Step::AwaitChild(node, within));
                        return false;
                    }
                    None => {}
                },
                Step::EndBlock { pre } => {
                    let walker = self.current();
                    walker.in_pre = walker.in_pre.saturating_sub(usize::from(pre));
                    walker.flush();
                }
                Step::StartTable => self.tables.push(TableReading {
                    table: Table::default(),
                    into: self.cells.len().checked_sub(1),
                    passing: false,
                }),
                Step::StartRow => {
                    // A table passing its content on keeps no rows.
                    if let Some(reading) = self.tables.last_mut().filter(|t| !t.passing) {
                        reading.table.rows.push(Vec::new());
                    }
                }
                Step::StartCell => self.cells.push(CellReading {
                    walker: Walker::default(),
                    table: self.tables.len().saturating_sub(1),
                }),
                Step::EndCell { columns, rows } => {
                    let Some(cell) = self.cells.pop() else {
                        continue;
                    };
                    let mut content = cell.walker.finish();
                    let Some(reading) = self.tables.last_mut() else {
                        continue;
                    };
                    if reading.passing {
                        let at = reading.into;
                        let into = self.walker(at);
                        let from = into.blocks.len();
                        into.blocks.append(&mut content);
                        self.arrived(at, from);
                    } else if let Some(row) = reading.table.rows.last_mut() {
                        row.push(Cell::new(content, columns, rows));
                    }
                }
                Step::EndTable => {
                    let Some(reading) = self.tables.pop() else {
                        continue;
                    };
                    let at = reading.into;
                    let walker = self.walker(at);
                    let from = walker.blocks.len();
                    // A table for layout that was passing its content on has no rows.
                    if reading.table.is_layout() {
                        walker.blocks.extend(reading.table.flatten());
                    } else {
                        walker.blocks.push(Block::Table(reading.table));
                    }
                    self.arrived(at, from);
                }
            }
        }
        true
    }

    fn visit<N: MarkupNode>(&mut self, node: &N, steps: &mut Vec<Step<N>>) {
        match node.kind() {
            NodeKind::Text(text) => self.current().text(&text),
            NodeKind::Other => {}
            NodeKind::Root => push_children(node.clone(), Within::Content, steps),
            NodeKind::Element(name) => self.element(node, &name, steps),
        }
    }

    fn element<N: MarkupNode>(&mut self, node: &N, name: &str, steps: &mut Vec<Step<N>>) {
        if is_hidden_element(name) || is_hidden(node) {
            return;
        }
        match name {
            "br" => self.current().flush(),
            // A table nested deeper than the blocks may go is read as a block of its cells' text.
            "table" if self.tables.len() < DEEPEST_TABLE => {
                self.current().flush();
                steps.push(Step::EndTable);
                push_children(node.clone(), Within::Table, steps);
                steps.push(Step::StartTable);
            }
            _ if is_block_element(name) || name == "table" => {
                let pre = name == "pre";
                let walker = self.current();
                walker.flush();
                walker.in_pre += usize::from(pre);
                steps.push(Step::EndBlock { pre });
                push_children(node.clone(), Within::Content, steps);
            }
            _ => push_children(node.clone(), Within::Content, steps),
        }
    }

    /// A child of a table, of its head, body or foot, or of its row (`within`). A caption is the
    /// table's title, read into the enclosing text (a line of its own, above the rows, as the table
    /// goes in at its end); a cell is read as blocks of its own; anything else is passed over. (The
    /// tree builder may put a caption after rows, recovering from a table begun inside a cell's
    /// table: in a table for layout whose content has gone on, it is read where it stands.)
    fn table_part<N: MarkupNode>(&mut self, node: &N, within: Within, steps: &mut Vec<Step<N>>) {
        let Some(name) = element_name(node) else {
            return;
        };
        match (within, name.as_str()) {
            (Within::Table, "caption") => self.visit(node, steps),
            (Within::Table, "thead" | "tbody" | "tfoot") => {
                push_children(node.clone(), Within::Section, steps)
            }
            (Within::Table | Within::Section, "tr") if !is_hidden(node) => {
                push_children(node.clone(), Within::Row, steps);
                steps.push(Step::StartRow);
            }
            (Within::Row, "td" | "th") => {
                let (columns, rows) = (span(node, "colspan"), span(node, "rowspan"));
                steps.push(Step::EndCell { columns, rows });
                if !is_hidden(node) {
                    push_children(node.clone(), Within::Content, steps);
                }
                steps.push(Step::StartCell);
            }
            _ => {}
        }
    }
}

/// Visits `node`'s children next, in order.
fn push_children<N: MarkupNode>(node: N, within: Within, steps: &mut Vec<Step<N>>) {
    match node.first_child() {
        Some(first) => steps.push(Step::VisitFrom(first, within)),
        None if node.is_open() => steps.push(Step::AwaitChild(node, within)),
        None => {}
    }
}

impl Walker {
    fn text(&mut self, text: &str) {
        if self.in_pre > 0 {
            let mut lines = text.split('\n');
            if let Some(first) = lines.next() {
                self.line.push_str(first.trim_end_matches('\r'));
            }
            for line in lines {
                self.flush();
                self.line.push_str(line.trim_end_matches('\r'));
            }
            return;
        }
        // HTML collapses runs of source whitespace (not NBSP) into one space.
        let mut run: Option<bool> = None; // Some(has a line break) while in a run
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                let breaks = matches!(c, '\n' | '\r');
                run = Some(run.unwrap_or(false) || breaks);
                continue;
            }
            if let Some(breaks) = run.take() {
                self.line.push(if breaks { '\n' } else { ' ' });
            }
            self.line.push(c);
        }
        if let Some(breaks) = run {
            self.line.push(if breaks { '\n' } else { ' ' });
        }
    }

    /// Ends the paragraph being gathered. A source line break between two Chinese characters is
    /// dropped (Word wraps its HTML inside sentences); any other collapsed run becomes one space.
    fn flush(&mut self) {
        if self.line.is_empty() {
            return;
        }
        let chars: Vec<char> = std::mem::take(&mut self.line).chars().collect();
        crate::work::add(chars.len());
        let mut text = String::with_capacity(chars.len() * 3);
        let is_gap = |c: &char| matches!(c, '\n' | ' ');
        let mut i = 0;
        while i < chars.len() {
            if self.in_pre > 0 || !is_gap(&chars[i]) {
                text.push(chars[i]);
                i += 1;
                continue;
            }
            // A run of gaps (text nodes each ending or starting in one leave several in a row),
            // and the character after it, found once for the run.
            let end = i + chars[i..].iter().take_while(|c| is_gap(c)).count();
            let after = chars.get(end);
            for &c in &chars[i..end] {
                let before = text.chars().next_back();
                let joins_chinese =
                    c == '\n' && before.is_some_and(is_wide) && after.is_some_and(|&a| is_wide(a));
                if !joins_chinese && before.is_some_and(|b| b != ' ') {
                    text.push(' ');
                }
            }
            i = end;
        }
        let text = if self.in_pre > 0 {
            text
        } else {
            text.trim_matches(' ').to_string()
        };
        if text.trim_matches(is_blank).is_empty() {
            return;
        }
        // A run of paragraphs is kept as one, a line each: a cell held to its table's end (a page
        // wrapped in a one-cell table) would otherwise take a string and a block a paragraph, some
        // seven times its text.
        match self.blocks.last_mut() {
            Some(Block::Paragraph(run)) => {
                run.push('\n');
                run.push_str(&text);
            }
            _ => self.blocks.push(Block::Paragraph(text)),
        }
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.blocks
    }
}

/// A span attribute: a positive number, 1 when absent or not a number (as browsers do).
fn span<N: MarkupNode>(node: &N, name: &str) -> usize {
    node.attribute(name)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or(1)
}

fn element_name<N: MarkupNode>(node: &N) -> Option<String> {
    match node.kind() {
        NodeKind::Element(name) => Some(name),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::FlatTree;
    use proptest::prelude::*;

    fn read(flat: &str, passes_layout: bool) -> String {
        let tree = FlatTree::parse(flat);
        let mut walk = HtmlWalk::new(&tree.root());
        walk.reader.passes_layout = passes_layout;
        let mut out = String::new();
        walk.advance(&mut out);
        walk.finish(out)
    }

    /// An element in the flat string's form, with a `hidden` or `colspan` now and then.
    fn element(name: &str, attributes: u8, children: &[String]) -> String {
        let (hidden, colspan) = match attributes % 6 {
            0 => ("=", ""),
            1 => ("", "=2"),
            _ => ("", ""),
        };
        format!(
            "\u{1}{name}\u{1f}{hidden}\u{1f}\u{1f}{colspan}\u{1f}\u{2}{}\u{4}",
            children.concat()
        )
    }

    /// Trees of tables in the cells of tables (rows in sections or not, captions, hidden cells),
    /// paragraphs and text, with now and then an element out of place.
    fn trees() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            Just("\u{3}一、总体情况".to_string()),
            Just("\u{3}0".to_string()),
            Just("\u{3}12 ".to_string()),
            Just("\u{3}\n".to_string()),
            Just(element("br", 2, &[])),
        ];
        leaf.prop_recursive(5, 120, 4, |content| {
            let cell = (
                any::<u8>(),
                prop::sample::select(vec!["td", "td", "th", "p"]),
                prop::collection::vec(content.clone(), 0..4),
            )
                .prop_map(|(a, name, children)| element(name, a, &children));
            let row = (any::<u8>(), prop::collection::vec(cell, 0..4))
                .prop_map(|(a, cells)| element("tr", a, &cells));
            let part = prop_oneof![
                4 => row.clone(),
                1 => (prop::sample::select(vec!["tbody", "thead", "div"]), prop::collection::vec(row, 0..3))
                    .prop_map(|(name, rows)| element(name, 2, &rows)),
                1 => content.clone(),
            ];
            // A caption first, as written (the tree builder may put one after rows: see
            // `table_part`).
            let caption = prop::option::weighted(0.2, content.clone())
                .prop_map(|c| c.map(|c| element("caption", 2, &[c])).unwrap_or_default());
            let table = (caption, prop::collection::vec(part, 0..4)).prop_map(|(caption, parts)| {
                element("table", 2, &[vec![caption], parts].concat())
            });
            prop_oneof![
                2 => table,
                1 => (prop::sample::select(vec!["p", "div", "pre", "span"]), prop::collection::vec(content, 0..4))
                    .prop_map(|(name, children)| element(name, 2, &children)),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        /// A table for layout read as it is built reads as one held to its end and flattened.
        #[test]
        fn a_layout_table_passed_on_reads_as_one_held(tree in trees()) {
            prop_assert_eq!(read(&tree, true), read(&tree, false), "{:?}", tree);
        }
    }

    #[test]
    fn a_page_wrapped_in_a_table_for_layout_is_read_as_its_content() {
        let data = element(
            "table",
            2,
            &[element(
                "tr",
                2,
                &[
                    element("td", 2, &["\u{3}总计".into()]),
                    element("td", 2, &["\u{3}3".into()]),
                ],
            )],
        );
        let paragraph = |t: &str| element("p", 2, &[format!("\u{3}{t}")]);
        let cell = element(
            "td",
            2,
            &[
                paragraph("一、总体情况"),
                data.clone(),
                paragraph("二、主动公开"),
            ],
        );
        let page = element("table", 2, &[element("tr", 2, &[cell])]);
        let text = read(&page, true);
        assert_eq!(text, read(&page, false));
        assert_eq!(text, "一、总体情况\n\n总计\t3\n\n二、主动公开\n");
    }
}
