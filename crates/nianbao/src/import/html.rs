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

    /// Whether the parser may still add under this element. The walk reads an open table only once
    /// it is closed, and takes no child for an open element's last.
    fn is_open(&self) -> bool {
        false
    }

    /// The walk is done with this node and everything under it: a tree read while it is being built
    /// may let them go.
    fn passed(&self) {}

    fn children(&self) -> Vec<Self> {
        std::iter::successors(self.first_child(), Self::next_sibling).collect()
    }
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
    Visit(N),
    /// A node and, after it, its next siblings: a node's children are visited one by one, so the
    /// steps held grow with the depth of the tree, not with its width.
    VisitFrom(N),
    /// After a node's content: the walk is done with it, and goes on to its next sibling.
    After(N),
    /// An open element with no child yet: its first child, once there is one (or none, once closed).
    AwaitChild(N),
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

    /// Takes `steps` until none is left (true) or the next would read past what may still grow.
    fn read<N: MarkupNode>(&mut self, steps: &mut Vec<Step<N>>, out: &mut String) -> bool {
        while let Some(step) = steps.pop() {
            crate::work::add(1);
            if self.cells.is_empty() {
                layout::render_into(&self.document.blocks, out);
                self.document.blocks.clear();
            }
            match step {
                Step::Visit(node) => self.visit(&node, steps),
                Step::VisitFrom(node) => {
                    // Text that may grow is not read yet, nor a table before it is closed; an
                    // element is entered, its children awaited.
                    let waits = (node.may_grow() && !node.is_element())
                        || (node.is_open() && element_name(&node).as_deref() == Some("table"));
                    if waits {
                        steps.push(Step::VisitFrom(node));
                        return false;
                    }
                    // Under the steps of its content, so taken after them.
                    let under = steps.len();
                    self.visit(&node, steps);
                    steps.insert(under, Step::After(node));
                }
                Step::After(node) => {
                    if node.may_grow() {
                        steps.push(Step::After(node));
                        return false;
                    }
                    if let Some(next) = node.next_sibling() {
                        steps.push(Step::VisitFrom(next));
                    }
                    node.passed();
                }
                Step::AwaitChild(node) => match node.first_child() {
                    Some(first) => steps.push(Step::VisitFrom(first)),
                    None if node.is_open() => {
                        steps.push(Step::AwaitChild(node));
                        return false;
                    }
                    None => {}
                },
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
        true
    }

    fn visit<N: MarkupNode>(&mut self, node: &N, steps: &mut Vec<Step<N>>) {
        match node.kind() {
            NodeKind::Text(text) => self.current().text(&text),
            NodeKind::Other => {}
            NodeKind::Root => push_children(node.clone(), steps),
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
                push_children(node.clone(), steps);
            }
            _ => push_children(node.clone(), steps),
        }
    }
}

/// Visits `node`'s children next, in order.
fn push_children<N: MarkupNode>(node: N, steps: &mut Vec<Step<N>>) {
    match node.first_child() {
        Some(first) => steps.push(Step::VisitFrom(first)),
        None if node.is_open() => steps.push(Step::AwaitChild(node)),
        None => {}
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
