//! The command line's HTML parser (html5ever, through scraper: the HTML standard's own parsing
//! algorithm, as in the browser) seen as the tree the import walker reads.

use ego_tree::NodeRef;
use scraper::{Html, Node};

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

/// The text of an HTML document, as the page shows it.
pub fn html_to_text(html: &str) -> String {
    let document = Html::parse_document(html);
    nianbao::import::html_to_text(&Markup(document.tree.root()))
}
