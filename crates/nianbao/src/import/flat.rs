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

enum Content {
    Root,
    Element {
        name: Range<usize>,
        attributes: [Option<Range<usize>>; 4],
    },
    Text(Range<usize>),
}

struct Node {
    content: Content,
    /// The index after this node's subtree: its next sibling, if it has one.
    end: usize,
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
            content: Content::Root,
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
                    let header = at + 1..end;
                    let (name, attributes) = element_header(bytes, header);
                    nodes.push(Node {
                        content: Content::Element { name, attributes },
                        end: 0,
                    });
                    open.push(nodes.len() - 1);
                    at = end;
                }
                TEXT => {
                    let end = next_token(at + 1);
                    nodes.push(Node {
                        content: Content::Text(at + 1..end),
                        end: nodes.len() + 1,
                    });
                    at = end;
                }
                CLOSE => {
                    if open.len() > 1 {
                        let closed = open.pop().unwrap_or_default();
                        nodes[closed].end = nodes.len();
                    }
                    at += 1;
                }
                _ => at = next_token(at),
            }
        }
        for index in open {
            nodes[index].end = nodes.len();
        }
        FlatTree { source, nodes }
    }

    pub fn root(&self) -> FlatNode<'_> {
        FlatNode {
            tree: self,
            index: 0,
        }
    }
}

/// `name \u{1f} a \u{1f} b … \u{2}`: the name and the attributes present.
fn element_header(bytes: &[u8], header: Range<usize>) -> (Range<usize>, [Option<Range<usize>>; 4]) {
    let stop = bytes[header.clone()]
        .iter()
        .position(|&b| b == OPEN_END)
        .map_or(header.end, |p| header.start + p);
    let mut fields = split(bytes, header.start..stop);
    let name = fields.next().unwrap_or(header.start..header.start);
    let mut attributes: [Option<Range<usize>>; 4] = Default::default();
    for (slot, field) in attributes.iter_mut().zip(fields) {
        if bytes.get(field.start) == Some(&b'=') {
            *slot = Some(field.start + 1..field.end);
        }
    }
    (name, attributes)
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
pub struct FlatNode<'t> {
    tree: &'t FlatTree<'t>,
    index: usize,
}

impl MarkupNode for FlatNode<'_> {
    fn kind(&self) -> NodeKind {
        let source = self.tree.source;
        match &self.tree.nodes[self.index].content {
            Content::Root => NodeKind::Root,
            Content::Element { name, .. } => {
                NodeKind::Element(source[name.clone()].to_ascii_lowercase())
            }
            Content::Text(text) => NodeKind::Text(source[text.clone()].to_string()),
        }
    }

    fn attribute(&self, name: &str) -> Option<String> {
        let Content::Element { attributes, .. } = &self.tree.nodes[self.index].content else {
            return None;
        };
        let slot = ATTRIBUTES.iter().position(|&known| known == name)?;
        let value = attributes[slot].clone()?;
        Some(self.tree.source[value].to_string())
    }

    fn children(&self) -> Vec<Self> {
        let nodes = &self.tree.nodes;
        let mut children = Vec::new();
        let mut child = self.index + 1;
        while child < nodes[self.index].end {
            children.push(FlatNode {
                tree: self.tree,
                index: child,
            });
            // A node's end is always past itself; `max` keeps a malformed string from looping.
            child = nodes[child].end.max(child + 1);
        }
        children
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
        let td = &tree.root().children()[0];
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
