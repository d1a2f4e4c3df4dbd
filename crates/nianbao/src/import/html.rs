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
pub trait MarkupNode: Sized {
    fn kind(&self) -> NodeKind;
    fn attribute(&self, name: &str) -> Option<String>;
    fn first_child(&self) -> Option<Self>;
    fn next_sibling(&self) -> Option<Self>;

    fn children(&self) -> Vec<Self> {
        std::iter::successors(self.first_child(), Self::next_sibling).collect()
    }
}

/// Reads the document (or fragment) under `root` into `out` as text: each block outside a table is
/// rendered as soon as it is read, so a long page is never held as blocks.
pub fn render_into<N: MarkupNode>(root: &N, out: &mut String) {
    Reader::new().read(root, out);
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
    Visit(N),
    /// A node and, after it, its next siblings: a node's children are visited one by one, so the
    /// steps held grow with the depth of the tree, not with its width.
    VisitFrom(N),
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

/// The walk over a whole tree: the document's walker, one more for each table cell being read, and
/// the tables being read.
struct Reader {
    document: Walker,
    cells: Vec<Walker>,
    tables: Vec<Table>,
}

impl Reader {
    fn new() -> Self {
        Reader {
            document: Walker::default(),
            cells: Vec::new(),
            tables: Vec::new(),
        }
    }

    /// Where text goes now: the innermost cell being read, or the document.
    fn current(&mut self) -> &mut Walker {
        self.cells.last_mut().unwrap_or(&mut self.document)
    }

    /// The blocks under `root`, rendered into `out`.
    fn read<N: MarkupNode>(mut self, root: &N, out: &mut String) {
        let mut steps = Vec::new();
        self.visit(root, &mut steps);
        while let Some(step) = steps.pop() {
            crate::work::add(1);
            if self.cells.is_empty() {
                layout::render_into(&self.document.blocks, out);
                self.document.blocks.clear();
            }
            match step {
                Step::Visit(node) => self.visit(&node, &mut steps),
                Step::VisitFrom(node) => {
                    if let Some(next) = node.next_sibling() {
                        steps.push(Step::VisitFrom(next));
                    }
                    self.visit(&node, &mut steps);
                }
                Step::EndBlock { pre } => {
                    let walker = self.current();
                    walker.in_pre = walker.in_pre.saturating_sub(usize::from(pre));
                    walker.flush();
                }
                Step::StartTable => self.tables.push(Table::default()),
                Step::StartRow => {
                    if let Some(table) = self.tables.last_mut() {
                        table.rows.push(Vec::new());
                    }
                }
                Step::StartCell => self.cells.push(Walker::default()),
                Step::EndCell { columns, rows } => {
                    let content = self.cells.pop().map(Walker::finish).unwrap_or_default();
                    let row = self.tables.last_mut().and_then(|t| t.rows.last_mut());
                    if let Some(row) = row {
                        row.push(Cell::new(content, columns, rows));
                    }
                }
                Step::EndTable => {
                    let Some(table) = self.tables.pop() else {
                        continue;
                    };
                    let walker = self.current();
                    if table.is_layout() {
                        walker.blocks.extend(table.flatten());
                    } else {
                        walker.blocks.push(Block::Table(table));
                    }
                }
            }
        }
        layout::render_into(&self.document.finish(), out);
    }

    fn visit<N: MarkupNode>(&mut self, node: &N, steps: &mut Vec<Step<N>>) {
        match node.kind() {
            NodeKind::Text(text) => self.current().text(&text),
            NodeKind::Other => {}
            NodeKind::Root => push_children(node, steps),
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
                steps.extend(table_steps(node).into_iter().rev());
            }
            _ if is_block_element(name) || name == "table" => {
                let pre = name == "pre";
                let walker = self.current();
                walker.flush();
                walker.in_pre += usize::from(pre);
                steps.push(Step::EndBlock { pre });
                push_children(node, steps);
            }
            _ => push_children(node, steps),
        }
    }
}

/// Visits `node`'s children next, in order.
fn push_children<N: MarkupNode>(node: &N, steps: &mut Vec<Step<N>>) {
    if let Some(first) = node.first_child() {
        steps.push(Step::VisitFrom(first));
    }
}

/// A table's reading, in order: its captions (the table's title, a line of its own above the rows,
/// in the enclosing text), then the rows of the table itself (not of tables nested in its cells),
/// each cell read as blocks.
fn table_steps<N: MarkupNode>(table: &N) -> Vec<Step<N>> {
    let mut steps = Vec::new();
    let mut row_elements = Vec::new();
    for child in table.children() {
        match element_name(&child).as_deref() {
            Some("caption") => steps.push(Step::Visit(child)),
            Some("tr") => row_elements.push(child),
            Some("thead" | "tbody" | "tfoot") => row_elements.extend(
                child
                    .children()
                    .into_iter()
                    .filter(|n| element_name(n).as_deref() == Some("tr")),
            ),
            _ => {}
        }
    }
    steps.push(Step::StartTable);
    for tr in row_elements {
        if is_hidden(&tr) {
            continue;
        }
        steps.push(Step::StartRow);
        let cells = tr
            .children()
            .into_iter()
            .filter(|n| matches!(element_name(n).as_deref(), Some("td" | "th")));
        for td in cells {
            let (columns, rows) = (span(&td, "colspan"), span(&td, "rowspan"));
            steps.push(Step::StartCell);
            if !is_hidden(&td) {
                steps.extend(td.children().into_iter().map(Step::Visit));
            }
            steps.push(Step::EndCell { columns, rows });
        }
    }
    steps.push(Step::EndTable);
    steps
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
        if !text.trim_matches(is_blank).is_empty() {
            self.blocks.push(Block::Paragraph(text));
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
