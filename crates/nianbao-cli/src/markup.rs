//! The command line's HTML parser (html5ever, through scraper: the HTML standard's own parsing
//! algorithm, as in the browser) seen as the tree the import walker reads.

use std::cell::Cell;

use ego_tree::{NodeId, NodeRef};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::Tracer;
use scraper::{Html, HtmlTreeSink, Node};

use nianbao::import::{ImportError, MarkupNode, NodeKind};

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
fn parse(html: &str) -> Result<Html, TooCostly> {
    let mut parser =
        html5ever::parse_document(HtmlTreeSink::new(Html::new_document()), Default::default());
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
    Ok(nianbao::import::html_to_text(&Markup(document.tree.root())))
}
