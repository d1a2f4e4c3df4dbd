//! HTML (a saved web page, or what Word, WPS or a browser put on the clipboard) as blocks.
//!
//! The walker is written against [`MarkupNode`], so the page can hand it the browser's own DOM (from
//! DOMParser) and the command line a natively parsed tree: one reading of HTML for both.

use super::blocks::{is_blank, Block, Cell, Table};

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
    fn children(&self) -> Vec<Self>;
}

/// Reads the document (or fragment) under `root` into blocks.
pub fn blocks_of<N: MarkupNode>(root: &N) -> Vec<Block> {
    let mut walker = Walker::default();
    walker.walk(root);
    walker.finish()
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

impl Walker {
    fn walk<N: MarkupNode>(&mut self, node: &N) {
        match node.kind() {
            NodeKind::Text(text) => self.text(&text),
            NodeKind::Other => {}
            NodeKind::Root => {
                for child in node.children() {
                    self.walk(&child);
                }
            }
            NodeKind::Element(name) => self.element(node, &name),
        }
    }

    fn element<N: MarkupNode>(&mut self, node: &N, name: &str) {
        if is_hidden_element(name) || is_hidden(node) {
            return;
        }
        match name {
            "br" => self.flush(),
            "table" => {
                self.flush();
                // A caption is the table's title: a line of its own above the rows.
                for caption in node
                    .children()
                    .into_iter()
                    .filter(|n| element_name(n).as_deref() == Some("caption"))
                {
                    self.element(&caption, "caption");
                }
                let table = read_table(node);
                if table.is_layout() {
                    self.blocks.extend(table.flatten());
                } else {
                    self.blocks.push(Block::Table(table));
                }
            }
            _ if is_block_element(name) => {
                self.flush();
                self.in_pre += usize::from(name == "pre");
                for child in node.children() {
                    self.walk(&child);
                }
                self.in_pre -= usize::from(name == "pre");
                self.flush();
            }
            _ => {
                for child in node.children() {
                    self.walk(&child);
                }
            }
        }
    }

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
        let mut text = String::with_capacity(chars.len() * 3);
        for (i, &c) in chars.iter().enumerate() {
            match c {
                '\n' | ' ' if self.in_pre == 0 => {
                    let before = text.chars().next_back();
                    let after = chars[i + 1..].iter().find(|&&c| c != ' ' && c != '\n');
                    let joins_chinese = c == '\n'
                        && before.is_some_and(is_wide)
                        && after.is_some_and(|&a| is_wide(a));
                    if !joins_chinese && before.is_some_and(|b| b != ' ') {
                        text.push(' ');
                    }
                }
                _ => text.push(c),
            }
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

/// The rows of `table` itself (not of tables nested in its cells), each cell read as blocks.
fn read_table<N: MarkupNode>(table: &N) -> Table {
    let mut rows = Vec::new();
    let mut row_elements = Vec::new();
    for child in table.children() {
        match element_name(&child).as_deref() {
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
    for tr in row_elements {
        if is_hidden(&tr) {
            continue;
        }
        let cells = tr
            .children()
            .into_iter()
            .filter(|n| matches!(element_name(n).as_deref(), Some("td" | "th")))
            .map(|td| {
                let mut walker = Walker::default();
                if !is_hidden(&td) {
                    for child in td.children() {
                        walker.walk(&child);
                    }
                }
                Cell::new(walker.finish(), span(&td, "colspan"), span(&td, "rowspan"))
            })
            .collect();
        rows.push(cells);
    }
    Table { rows }
}
