//! A parsed HTML tree handed over as one string, so that the page's DOM reaches the walker in a
//! single crossing from JavaScript instead of several calls per node (which cost most of a paste's
//! time). The page's `src/js/flat_dom.js` writes it; [`FlatTree`] reads it back as a
//! [`MarkupNode`] tree.
//!
//! The string is a sequence of tokens, nodes in document order:
//! - `\u{1}` name (`\u{1f}` attribute)×4 `\u{2}` opens an element; each attribute is empty when absent,
//!   else `=` and its value, in the order of [`ATTRIBUTES`];
//! - `\u{3}` text: a text node, up to the next token;
//! - `\u{4}` closes the innermost open element.
//!
//! The writer drops these five control characters from names, values and text. A malformed string
//! (a close without an open, an element never closed) is read as far as it makes sense, never
//! refused.

use std::ops::Range;

use super::html::{MarkupNode, NodeKind};

/// The attributes the walker reads, in the order the writer sends them.
pub const ATTRIBUTES: [&str; 4] = ["hidden", "style", "colspan", "rowspan"];

const OPEN: u8 = 1;
const OPEN_END: u8 = 2;
const TEXT: u8 = 3;
const CLOSE: u8 = 4;
const SEPARATOR: u8 = 0x1f;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Root,
    /// `content` is the element's header: its name and attribute fields (read when asked for).
    Element,
    Text,
}

/// Sixteen bytes a node (offsets are u32: the core reads at most 20 MB): a paragraph of a page is
/// two nodes for a few dozen bytes of string, and nodes of ranges of `usize` with their attributes
/// held five times the page.
struct Node {
    kind: Kind,
    content: (u32, u32),
    /// The index after this node's subtree: its next sibling, if it has one.
    end: u32,
}

/// The tree of a flat string, nodes in pre-order (a node's children follow it).
pub struct FlatTree<'a> {
    source: &'a str,
    nodes: Vec<Node>,
}

impl<'a> FlatTree<'a> {
    pub fn parse(source: &'a str) -> Self {
        let bytes = source.as_bytes();
        let mut nodes = vec![Node {
            kind: Kind::Root,
            content: (0, 0),
            end: 0,
        }];
        let mut open = vec![0usize];
        let mut at = 0;
        // Every token starts at one of these ASCII bytes, which never occur inside a multi-byte
        // UTF-8 character, so every range below lies on character boundaries.
        let next_token = |from: usize| {
            let next = bytes[from..]
                .iter()
                .position(|&b| matches!(b, OPEN | TEXT | CLOSE))
                .map_or(bytes.len(), |p| from + p);
            crate::work::add(next - from + 1);
            next
        };
        while at < bytes.len() {
            match bytes[at] {
                OPEN => {
                    let end = next_token(at + 1);
                    nodes.push(Node {
                        kind: Kind::Element,
                        content: ((at + 1) as u32, end as u32),
                        end: 0,
                    });
                    open.push(nodes.len() - 1);
                    at = end;
                }
                TEXT => {
                    let end = next_token(at + 1);
                    nodes.push(Node {
                        kind: Kind::Text,
                        content: ((at + 1) as u32, end as u32),
                        end: nodes.len() as u32 + 1,
                    });
                    at = end;
                }
                CLOSE => {
                    if open.len() > 1 {
                        let closed = open.pop().unwrap_or_default();
                        nodes[closed].end = nodes.len() as u32;
                    }
                    at += 1;
                }
                _ => at = next_token(at),
            }
        }
        for index in open {
            nodes[index].end = nodes.len() as u32;
        }
        FlatTree { source, nodes }
    }

    pub fn root(&self) -> FlatNode<'_> {
        FlatNode {
            tree: self,
            index: 0,
            parent_end: self.nodes[0].end,
        }
    }
}

/// `name \u{1f} a \u{1f} b … \u{2}`: the name, then a field for each of [`ATTRIBUTES`] (`=` and
/// its value when present).
fn element_fields(bytes: &[u8], header: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let stop = bytes[header.clone()]
        .iter()
        .position(|&b| b == OPEN_END)
        .map_or(header.end, |p| header.start + p);
    split(bytes, header.start..stop)
}

fn split(bytes: &[u8], range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = range.start;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let end = bytes[start..range.end]
            .iter()
            .position(|&b| b == SEPARATOR)
            .map_or(range.end, |p| start + p);
        let field = start..end;
        done = end == range.end;
        start = end + 1;
        Some(field)
    })
}

/// One node of a [`FlatTree`].
#[derive(Clone, Copy)]
pub struct FlatNode<'t> {
    tree: &'t FlatTree<'t>,
    index: usize,
    /// Where the parent's subtree ends: the last sibling ends there.
    parent_end: u32,
}

impl FlatNode<'_> {
    fn node(&self) -> &Node {
        &self.tree.nodes[self.index]
    }

    fn content(&self) -> Range<usize> {
        let (start, stop) = self.node().content;
        start as usize..stop as usize
    }
}

impl MarkupNode for FlatNode<'_> {
    fn kind(&self) -> NodeKind {
        let source = self.tree.source;
        match self.node().kind {
            Kind::Root => NodeKind::Root,
            Kind::Element => {
                let name = element_fields(source.as_bytes(), self.content()).next();
                NodeKind::Element(name.map_or(String::new(), |n| source[n].to_ascii_lowercase()))
            }
            Kind::Text => NodeKind::Text(source[self.content()].to_string()),
        }
    }

    fn attribute(&self, name: &str) -> Option<String> {
        if self.node().kind != Kind::Element {
            return None;
        }
        let slot = ATTRIBUTES.iter().position(|&known| known == name)?;
        let source = self.tree.source;
        let field = element_fields(source.as_bytes(), self.content()).nth(slot + 1)?;
        let value = source[field].strip_prefix('=')?;
        Some(value.to_string())
    }

    fn first_child(&self) -> Option<Self> {
        let child = self.index + 1;
        (child < self.node().end as usize).then_some(FlatNode {
            tree: self.tree,
            index: child,
            parent_end: self.node().end,
        })
    }

    fn next_sibling(&self) -> Option<Self> {
        // A node's end is always past itself; `max` keeps a malformed string from looping.
        let next = (self.node().end as usize).max(self.index + 1);
        (next < self.parent_end as usize).then_some(FlatNode {
            tree: self.tree,
            index: next,
            parent_end: self.parent_end,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::html_to_text;

    /// The writer's encoding, as `src/js/flat_dom.js` does it, of a tiny tree description.
    fn open(name: &str, attributes: [Option<&str>; 4]) -> String {
        let mut token = format!("\u{1}{name}");
        for value in attributes {
            token.push('\u{1f}');
            if let Some(value) = value {
                token.push('=');
                token.push_str(value);
            }
        }
        token.push('\u{2}');
        token
    }

    fn text(t: &str) -> String {
        format!("\u{3}{t}")
    }

    const CLOSE: &str = "\u{4}";

    #[test]
    fn a_table_reads_as_its_grid() {
        let none = [None; 4];
        let flat = [
            open("P", none),
            text("一、总体情况"),
            CLOSE.into(),
            open("table", none),
            open("tbody", none),
            open("tr", none),
            open("td", [None, None, Some("2"), None]),
            text("本年新收"),
            CLOSE.into(),
            open("td", none),
            text("7"),
            CLOSE.into(),
            CLOSE.into(),
            CLOSE.into(),
            CLOSE.into(),
            open("p", [Some(""), None, None, None]),
            text("隐藏"),
            CLOSE.into(),
            open("p", [None, Some("display: none"), None, None]),
            text("也隐藏"),
            CLOSE.into(),
            text("末行"),
        ]
        .concat();
        let tree = FlatTree::parse(&flat);
        assert_eq!(
            html_to_text(&tree.root()),
            "一、总体情况\n\n本年新收\t7\n\n末行\n"
        );
    }

    #[test]
    fn attributes_absent_empty_and_present_differ() {
        let flat = open("td", [Some(""), None, Some("3"), Some("")]);
        let tree = FlatTree::parse(&flat);
        let td = &tree.root().first_child().unwrap();
        assert_eq!(td.attribute("hidden").as_deref(), Some(""));
        assert_eq!(td.attribute("style"), None);
        assert_eq!(td.attribute("colspan").as_deref(), Some("3"));
        assert_eq!(td.attribute("rowspan").as_deref(), Some(""));
        assert_eq!(td.attribute("id"), None);
    }

    #[test]
    fn malformed_strings_read_without_panic() {
        for flat in [
            "",
            "\u{4}\u{4}",
            "\u{1}",
            "\u{1}\u{1f}",
            "\u{1}div\u{1f}=\u{1f}\u{1f}\u{1f}\u{1f}\u{1f}\u{2}\u{3}文字",
            "\u{2}\u{1f}\u{3}",
            "plain text without tokens",
            "\u{1}p\u{2}\u{1}b\u{2}\u{3}x\u{4}\u{4}\u{4}\u{3}y",
        ] {
            let tree = FlatTree::parse(flat);
            let _ = html_to_text(&tree.root());
        }
        let tree = FlatTree::parse("\u{1}p\u{2}\u{1}b\u{2}\u{3}x\u{4}\u{4}\u{4}\u{3}y");
        assert_eq!(html_to_text(&tree.root()), "x\ny\n");
    }

    proptest::proptest! {
        /// Any string, made of the tokens and a few letters, reads without a panic.
        #[test]
        fn any_string_reads(flat in "[\u{1}\u{2}\u{3}\u{4}\u{1f}=a表 ]{0,64}") {
            let tree = FlatTree::parse(&flat);
            let _ = html_to_text(&tree.root());
        }
    }
}
