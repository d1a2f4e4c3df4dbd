//! The command line's HTML parser (html5ever, through scraper: the HTML standard's own parsing
//! algorithm, as in the browser) seen as the tree the import walker reads.

use std::cell::Cell;

use ego_tree::{NodeId, NodeRef};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::Tracer;
use scraper::{Html, HtmlTreeSink, Node};

use nianbao::import::{MarkupNode, NodeKind};

struct Markup<'a>(NodeRef<'a, Node>);

impl MarkupNode for Markup<'_> {
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

    fn children(&self) -> Vec<Self> {
        self.0.children().map(Markup).collect()
    }
}

/// Markup nested deeper than this is refused. html5ever's tree builder scans its stack of open
/// elements (and its list of formatting elements) for many tags, so nesting costs its square: a
/// hundred thousand nested `<div>` take minutes. Browsers stop nesting elements at 512 levels.
pub const DEEPEST_MARKUP: usize = 512;

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

/// The parsed document, or `None` when its elements nest deeper than [`DEEPEST_MARKUP`].
fn parse(html: &str) -> Option<Html> {
    let mut parser =
        html5ever::parse_document(HtmlTreeSink::new(Html::new_document()), Default::default());
    let mut rest = html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        parser.process(StrTendril::from_slice(chunk));
        let held = Count(Cell::new(0));
        parser.tokenizer.sink.trace_handles(&held);
        if held.0.get() > DEEPEST_MARKUP {
            return None;
        }
        rest = tail;
    }
    Some(parser.finish())
}

/// The text of an HTML document, as the page shows it; `None` when it nests too deep to be read.
pub fn html_to_text(html: &str) -> Option<String> {
    let document = parse(html)?;
    Some(nianbao::import::html_to_text(&Markup(document.tree.root())))
}
