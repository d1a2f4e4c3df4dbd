//! The browser's own HTML parser (DOMParser) seen as the tree the import walker reads, and rich paste:
//! a clipboard holding a table as HTML (Word, WPS, a web page) is pasted as its grid, one row a line.

use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, DomParser, Element, Node, SupportedType};

use nianbao::import::{self, MarkupNode, NodeKind};

struct Dom(Node);

impl MarkupNode for Dom {
    fn kind(&self) -> NodeKind {
        match self.0.node_type() {
            Node::ELEMENT_NODE => NodeKind::Element(
                self.0
                    .unchecked_ref::<Element>()
                    .local_name()
                    .to_ascii_lowercase(),
            ),
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                NodeKind::Text(self.0.node_value().unwrap_or_default())
            }
            Node::DOCUMENT_NODE | Node::DOCUMENT_FRAGMENT_NODE => NodeKind::Root,
            _ => NodeKind::Other,
        }
    }

    fn attribute(&self, name: &str) -> Option<String> {
        self.0.dyn_ref::<Element>()?.get_attribute(name)
    }

    fn children(&self) -> Vec<Self> {
        let list = self.0.child_nodes();
        (0..list.length())
            .filter_map(|i| list.get(i))
            .map(Dom)
            .collect()
    }
}

/// The text of an HTML document, parsed by the browser (nothing in it runs: DOMParser documents
/// have no scripting and load nothing).
pub fn html_to_text(html: &str) -> Result<String, String> {
    let document = DomParser::new()
        .and_then(|parser| parser.parse_from_string(html, SupportedType::TextHtml))
        .map_err(|_| "浏览器无法解析这段网页内容。".to_string())?;
    Ok(import::html_to_text(&Dom(document.into())))
}

/// The grid to paste instead of the browser's plain text, when the clipboard holds a table as HTML
/// (the plain text loses empty and merged cells). `None` leaves the paste to the browser.
pub fn table_paste(event: &ClipboardEvent) -> Option<String> {
    let html = event.clipboard_data()?.get_data("text/html").ok()?;
    if !import::html_has_table(&html) {
        return None;
    }
    html_to_text(&html).ok()
}
