//! The browser's own HTML parser (DOMParser) seen as the tree the import walker reads, and rich paste:
//! a clipboard holding a table as HTML (Word, WPS, a web page) is pasted as its grid, one row a line.

use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, DomParser, Element, HtmlDocument, Node, SupportedType};

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

/// Handles a paste into a text box: when the clipboard holds a table as HTML, the table's grid is
/// inserted as text instead of the browser's plain text (which loses empty and merged cells). The
/// insertion goes through the editing commands, so it fires `input` like any paste and can be undone.
/// Anything else is left to the browser.
pub fn paste_tables_as_grid(event: &ClipboardEvent) {
    let Some(data) = event.clipboard_data() else {
        return;
    };
    let Ok(html) = data.get_data("text/html") else {
        return;
    };
    if !import::html_has_table(&html) {
        return;
    }
    let Ok(text) = html_to_text(&html) else {
        return;
    };
    let document = html_document();
    let inserted = document
        .and_then(|d| {
            d.exec_command_with_show_ui_and_value("insertText", false, &text)
                .ok()
        })
        .unwrap_or(false);
    if inserted {
        event.prevent_default();
    }
}

fn html_document() -> Option<HtmlDocument> {
    web_sys::window()?
        .document()?
        .dyn_into::<HtmlDocument>()
        .ok()
}
