//! The command line's HTML parser (html5ever: the HTML standard's own parsing algorithm, as in the
//! browser) building a tree of its own (`tree.rs`) that the import walker reads as it is built, a
//! chunk of input at a time, letting go of what it has read: a page is held as its frontier, not whole
//! (a report's page repeated to 19 MB: 203 MB resident when read whole, 42 MB so).

use std::cell::RefCell;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::Tracer;

use nianbao::import::{HtmlWalk, ImportError};

mod tree;

#[cfg(test)]
use tree::CROWDED;
use tree::{Markup, NodeId, Sink, Tree};

/// Markup nested deeper than this is refused. html5ever's tree builder scans its stack of open
/// elements (and its list of formatting elements) for many tags, so nesting costs its square: a
/// hundred thousand nested `<div>` take minutes. Browsers stop nesting elements at 512 levels.
pub const DEEPEST_MARKUP: usize = 512;

/// Tags fed × elements the tree builder holds, summed over the parse: what its scans cost, in
/// elements looked at (some 20 ns each). A report's page — even a Word export of a long one, a few
/// MB twenty elements deep — stays under a tenth of this; past it, a page is refused in about a
/// second rather than parsed for a minute (20 MB of `<div></div>` 500 elements deep).
const WORK_BUDGET: usize = 50_000_000;

/// The parser is fed this many bytes at a time, and its depth looked at (and the tree read) in
/// between.
const CHUNK: usize = 8 * 1024;

/// The handles the tree builder holds: the document, the stack of open elements, the formatting
/// elements and a few more.
struct Held(RefCell<Vec<NodeId>>);

impl Tracer for Held {
    type Handle = NodeId;

    fn trace_handle(&self, id: &NodeId) {
        self.0.borrow_mut().push(*id);
    }
}

/// Why a page is not parsed to its end.
enum TooCostly {
    Deep,
    Intricate,
}

/// How a page is read.
#[derive(Clone, Copy, PartialEq)]
enum Reading {
    /// The tree is walked between chunks, as far as it is settled, and what is walked let go.
    AsParsed,
    /// The tree is parsed whole, then walked.
    Whole,
}

/// The text of the parsed document, unless it nests deeper than [`DEEPEST_MARKUP`] or its parse
/// would cost more than [`WORK_BUDGET`]; `None` when read as parsed and the tree builder changed
/// something already read.
fn read(html: &str, reading: Reading, chunk: usize) -> Result<Option<String>, TooCostly> {
    let tree = RefCell::new(Tree::new());
    let mut parser = html5ever::parse_document(Sink(&tree), Default::default());
    let root = Markup::root(&tree);
    let mut walk = None;
    let mut out = String::new();
    let held = Held(RefCell::new(Vec::new()));
    let (mut rest, mut work) = (html, 0usize);
    while !rest.is_empty() {
        let mut cut = rest.len().min(chunk);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        parser.process(StrTendril::from_slice(chunk));
        held.0.borrow_mut().clear();
        parser.tokenizer.sink.trace_handles(&held);
        let count = held.0.borrow().len();
        if count > DEEPEST_MARKUP {
            return Err(TooCostly::Deep);
        }
        let tags = chunk.bytes().filter(|&b| b == b'<').count();
        work += count * tags;
        if work > WORK_BUDGET {
            return Err(TooCostly::Intricate);
        }
        tree.borrow_mut().hold(held.0.borrow().iter().copied());
        if reading == Reading::AsParsed {
            walk.get_or_insert_with(|| HtmlWalk::new(&root))
                .advance(&mut out);
            if tree.borrow().diverged() {
                return Ok(None);
            }
        }
        rest = tail;
    }
    parser.finish();
    tree.borrow_mut().finish();
    let mut walk = walk.unwrap_or_else(|| HtmlWalk::new(&root));
    walk.advance(&mut out);
    let text = walk.finish(out);
    let diverged = tree.borrow().diverged();
    Ok((!diverged).then_some(text))
}

/// The text of an HTML document called `name`, as the page shows it, or why it is not read.
pub fn html_to_text(name: &str, html: &str) -> Result<String, ImportError> {
    let read = read(html, Reading::AsParsed, CHUNK).and_then(|text| match text {
        Some(text) => Ok(text),
        // Read whole, nothing changes under the walk.
        None => read(html, Reading::Whole, CHUNK).map(Option::unwrap_or_default),
    });
    read.map_err(|why| match why {
        TooCostly::Deep => ImportError::TooDeep {
            name: name.to_string(),
            limit: DEEPEST_MARKUP,
        },
        TooCostly::Intricate => ImportError::TooIntricate {
            name: name.to_string(),
        },
    })
}

/// The text of `html` parsed whole before it is read, for the import fuzzer to hold the reading as
/// parsed to.
#[cfg(fuzzing)]
pub fn html_to_text_parsed_whole(html: &str) -> Option<String> {
    read(html, Reading::Whole, CHUNK).ok().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ego_tree::NodeRef;
    use nianbao::import::{FlatTree, MarkupNode, NodeKind, FLAT_ATTRIBUTES};
    use scraper::{Html, Node};

    /// A general-purpose DOM (scraper's, which this reader used before it kept a tree of its own)
    /// as the walker reads it: the tree to hold ours to.
    #[derive(Clone)]
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

    /// Every saved page and clipboard the fixtures hold, decoded, with its path.
    fn fixture_pages() -> Vec<(std::path::PathBuf, String)> {
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
        pages
            .into_iter()
            .map(|path| {
                let bytes = std::fs::read(&path).unwrap();
                let charset = nianbao::import::charset::of_html(&bytes);
                let encoding = encoding_rs::Encoding::for_label(charset.label.as_bytes()).unwrap();
                let html = encoding
                    .decode_without_bom_handling(&bytes[charset.bom..])
                    .0;
                (path, html.into_owned())
            })
            .collect()
    }

    /// A full DOM's reading of `html`.
    fn scraped(html: &str) -> String {
        let document = Html::parse_document(html);
        nianbao::import::html_to_text(&Scraped(document.tree.root()))
    }

    /// The page reads HTML through the flat string; the command line walks a tree of its own. Both
    /// must give the text a full DOM gives, for every saved page and clipboard the fixtures hold.
    #[test]
    fn the_flat_string_reads_as_the_tree_does() {
        for (path, html) in fixture_pages() {
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

    /// A real page is read as it is parsed, whatever the chunks it comes in: the walk never has to
    /// start again, and it reads what the whole tree reads.
    #[test]
    fn a_page_is_read_as_it_is_parsed() {
        for (path, html) in fixture_pages() {
            let whole = read(&html, Reading::Whole, CHUNK).ok().flatten().unwrap();
            for chunk in [1, 7, 64, 1000, CHUNK] {
                let streamed = read(&html, Reading::AsParsed, chunk).ok().flatten();
                assert_eq!(
                    streamed.as_deref(),
                    Some(whole.as_str()),
                    "{path:?} in chunks of {chunk}"
                );
            }
        }
    }

    /// Text misplaced in a table goes before the table. While the tree is small the walk waits for
    /// a table to be closed, so nothing it read changes; in a crowded tree it reads the table as it
    /// is built, and the misplaced text makes it read the page again whole.
    #[test]
    fn text_misplaced_in_a_table_is_read_before_it() {
        let misplaced = "<tr><td>乙</td><td>丙</td></tr>丁<tr><td>戊</td></tr></table><p>己</p>";
        let small = format!("<p>甲</p><table>{misplaced}");
        let read_small = read(&small, Reading::AsParsed, 16).ok().flatten();
        assert_eq!(read_small.as_deref(), Some(scraped(&small).as_str()));
        assert!(read_small.unwrap().starts_with("甲\n丁"));

        let crowded = format!(
            "<table><tr><td>{}</td></tr>{misplaced}",
            "<p>一</p>".repeat(CROWDED)
        );
        assert_eq!(
            read(&crowded, Reading::AsParsed, CHUNK).ok(),
            Some(None),
            "the change is seen"
        );
        assert_eq!(html_to_text("a.htm", &crowded).unwrap(), scraped(&crowded));
    }

    /// When the tree builder changes what the walk has read (here: attributes given to a body
    /// already read, or a paragraph moved out of the `<b>` it opened in), the reading is thrown away
    /// and the page read whole, as a full DOM reads it.
    #[test]
    fn a_change_to_what_was_read_reads_the_page_again() {
        let pages = [
            "<body><p>一、总体情况</p><p>二、主动公开</p><body style='display:none'><p>三</p>",
            "<b>甲<p>乙</b>丙</p><p>丁</p>",
        ];
        for page in pages {
            assert_eq!(
                read(page, Reading::AsParsed, 1).ok(),
                Some(None),
                "{page}: the change is seen"
            );
            assert_eq!(
                html_to_text("a.htm", page).unwrap(),
                scraped(page),
                "{page}"
            );
        }
    }

    /// Markup of the kinds the tree builder rearranges: misnested formatting, text and tags misplaced
    /// in tables, a second body, paragraphs and lists left open, hidden elements.
    fn tag_soup() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop::sample::select(vec![
            "<table>",
            "</table>",
            "<tr>",
            "</tr>",
            "<td>",
            "</td>",
            "<td colspan=2>",
            "<th>",
            "<tbody>",
            "<caption>",
            "</caption>",
            "<p>",
            "</p>",
            "<br>",
            "<b>",
            "</b>",
            "<i>",
            "</i>",
            "<font>",
            "</font>",
            "<a>",
            "</a>",
            "<span>",
            "</span>",
            "<div>",
            "</div>",
            "<div hidden>",
            "<ul>",
            "<li>",
            "</ul>",
            "<pre>",
            "</pre>",
            "<h1>",
            "</h1>",
            "<head>",
            "</head>",
            "<title>",
            "</title>",
            "<body>",
            "<body style='display:none'>",
            "</body>",
            "<html>",
            "</html>",
            "<form>",
            "</form>",
            "<select>",
            "<option>",
            "<template>",
            "</template>",
            "<script>",
            "</script>",
            "<!--",
            "-->",
            "一、总体情况",
            "12",
            "本年度",
            "x",
            " ",
            "\n",
            "&nbsp;",
        ]);
        prop::collection::vec(piece, 0..60).prop_map(|pieces| pieces.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 2000,
            failure_persistence: None,
            ..Default::default()
        })]

        /// Read as it is parsed, in chunks of any size, a page gives the text the whole tree gives
        /// (or is read again whole), and that is the text a full DOM gives.
        #[test]
        fn markup_read_as_parsed_reads_as_the_whole_tree(html in tag_soup(), chunk in 1usize..48) {
            let whole = read(&html, Reading::Whole, CHUNK).ok().flatten().unwrap();
            if let Some(streamed) = read(&html, Reading::AsParsed, chunk).ok().flatten() {
                proptest::prop_assert_eq!(&streamed, &whole);
            }
            proptest::prop_assert_eq!(&whole, &scraped(&html));
            proptest::prop_assert_eq!(html_to_text("a.htm", &html).unwrap(), whole);
        }
    }
}
