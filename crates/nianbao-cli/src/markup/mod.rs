//! The command line's HTML parser (html5ever: the HTML standard's own parsing algorithm, as in the
//! browser) building a tree of its own (`tree.rs`) that the import walker reads.

use std::cell::Cell;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::Tracer;

use nianbao::import::ImportError;

mod tree;

use tree::{NodeId, Sink, Tree};

/// Markup nested deeper than this is refused. html5ever's tree builder scans its stack of open
/// elements (and its list of formatting elements) for many tags, so nesting costs its square: a
/// hundred thousand nested `<div>` take minutes. Browsers stop nesting elements at 512 levels.
pub const DEEPEST_MARKUP: usize = 512;

/// Tags fed × elements the tree builder holds, summed over the parse: what its scans cost, in
/// elements looked at (some 20 ns each). A report's page — even a Word export of a long one, a few
/// MB twenty elements deep — stays under a tenth of this; past it, a page is refused in about a
/// second rather than parsed for a minute (20 MB of `<div></div>` 500 elements deep).
const WORK_BUDGET: usize = 50_000_000;

/// The parser is fed this many bytes at a time, and its depth looked at in between.
const CHUNK: usize = 8 * 1024;

/// Counts the handles the tree builder holds: the document, the stack of open elements, the
/// formatting elements and a few more.
struct Count(Cell<usize>);

impl Tracer for Count {
    type Handle = NodeId;

    fn trace_handle(&self, _: &NodeId) {
        self.0.set(self.0.get() + 1);
    }
}

/// Why a page is not parsed to its end.
enum TooCostly {
    Deep,
    Intricate,
}

/// The parsed document, unless it nests deeper than [`DEEPEST_MARKUP`] or its parse would cost more
/// than [`WORK_BUDGET`].
fn parse(html: &str) -> Result<Tree, TooCostly> {
    let mut parser = html5ever::parse_document(Sink::new(), Default::default());
    let (mut rest, mut work) = (html, 0usize);
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        parser.process(StrTendril::from_slice(chunk));
        let held = Count(Cell::new(0));
        parser.tokenizer.sink.trace_handles(&held);
        let held = held.0.get();
        if held > DEEPEST_MARKUP {
            return Err(TooCostly::Deep);
        }
        let tags = chunk.bytes().filter(|&b| b == b'<').count();
        work += held * tags;
        if work > WORK_BUDGET {
            return Err(TooCostly::Intricate);
        }
        rest = tail;
    }
    Ok(parser.finish())
}

/// The text of an HTML document called `name`, as the page shows it, or why it is not read.
pub fn html_to_text(name: &str, html: &str) -> Result<String, ImportError> {
    let document = parse(html).map_err(|why| match why {
        TooCostly::Deep => ImportError::TooDeep {
            name: name.to_string(),
            limit: DEEPEST_MARKUP,
        },
        TooCostly::Intricate => ImportError::TooIntricate {
            name: name.to_string(),
        },
    })?;
    Ok(nianbao::import::html_to_text(&document.root()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ego_tree::NodeRef;
    use nianbao::import::{FlatTree, MarkupNode, NodeKind, FLAT_ATTRIBUTES};
    use scraper::{Html, Node};

    /// A general-purpose DOM (scraper's, which this reader used before it kept a tree of its own)
    /// as the walker reads it: the tree to hold ours to.
    struct Scraped<'a>(NodeRef<'a, Node>);

    impl MarkupNode for Scraped<'_> {
        fn kind(&self) -> NodeKind {
            match self.0.value() {
                Node::Document | Node::Fragment => NodeKind::Root,
                Node::Element(e) => NodeKind::Element(e.name().to_ascii_lowercase()),
                Node::Text(t) => NodeKind::Text(t.to_string()),
                _ => NodeKind::Other,
            }
        }

        fn attribute(&self, name: &str) -> Option<String> {
            match self.0.value() {
                Node::Element(e) => e.attr(name).map(str::to_string),
                _ => None,
            }
        }

        fn first_child(&self) -> Option<Self> {
            self.0.first_child().map(Scraped)
        }

        fn next_sibling(&self) -> Option<Self> {
            self.0.next_sibling().map(Scraped)
        }
    }

    /// The tree in the page's flat format, written as src/js/flat_dom.js writes the browser's.
    fn flat(root: NodeRef<'_, Node>) -> String {
        let clean = |s: &str| s.replace(['\u{1}', '\u{2}', '\u{3}', '\u{4}', '\u{1f}'], "");
        let mut out = String::new();
        for edge in root.traverse() {
            match edge {
                ego_tree::iter::Edge::Open(node) => match node.value() {
                    Node::Text(t) => {
                        out.push('\u{3}');
                        out.push_str(&clean(t));
                    }
                    Node::Element(e) => {
                        out.push('\u{1}');
                        out.push_str(&clean(e.name()));
                        for name in FLAT_ATTRIBUTES {
                            out.push('\u{1f}');
                            if let Some(value) = e.attr(name) {
                                out.push('=');
                                out.push_str(&clean(value));
                            }
                        }
                        out.push('\u{2}');
                    }
                    _ => {}
                },
                ego_tree::iter::Edge::Close(node) => {
                    if node.value().is_element() {
                        out.push('\u{4}');
                    }
                }
            }
        }
        out
    }

    /// The page reads HTML through the flat string; the command line walks a tree of its own. Both
    /// must give the text a full DOM gives, for every saved page and clipboard the fixtures hold.
    #[test]
    fn the_flat_string_reads_as_the_tree_does() {
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../nianbao/tests/fixtures");
        let mut pages = Vec::new();
        for folder in ["imports", "corpus"] {
            for entry in std::fs::read_dir(format!("{fixtures}/{folder}")).unwrap() {
                let path = entry.unwrap().path();
                let name = path.to_string_lossy().to_string();
                if name.ends_with(".html") || name.ends_with(".htm") {
                    pages.push(path);
                }
            }
        }
        assert!(pages.len() >= 3, "{pages:?}");
        for path in pages {
            let bytes = std::fs::read(&path).unwrap();
            let charset = nianbao::import::charset::of_html(&bytes);
            let encoding = encoding_rs::Encoding::for_label(charset.label.as_bytes()).unwrap();
            let html = encoding
                .decode_without_bom_handling(&bytes[charset.bom..])
                .0;
            let ours = html_to_text("page", &html).unwrap_or_else(|_| panic!("{path:?}"));
            let document = Html::parse_document(&html);
            let walked = nianbao::import::html_to_text(&Scraped(document.tree.root()));
            let encoded = flat(document.tree.root());
            let read = nianbao::import::html_to_text(&FlatTree::parse(&encoded).root());
            assert!(walked.len() > 1000, "{path:?}");
            assert_eq!(
                ours, walked,
                "{path:?}: our tree reads otherwise than a full DOM"
            );
            assert_eq!(
                read, walked,
                "{path:?}: the flat string reads otherwise than the tree"
            );
        }
    }
}
