//! The browser's own HTML parser (DOMParser) seen as the tree the import walker reads, and rich paste:
//! a clipboard holding a table as HTML (Word, WPS, a web page) is pasted as its grid, one row a line.

use wasm_bindgen::prelude::*;
use web_sys::ClipboardEvent;

use nianbao::import::{self, FlatTree};

#[wasm_bindgen(module = "/src/js/flat_dom.js")]
extern "C" {
    /// The document parsed by DOMParser, as one string in the format of `nianbao::import::FlatTree`;
    /// `None` when the browser cannot parse it.
    fn flat_dom(html: &str) -> Option<String>;
}

/// The text of an HTML document, parsed by the browser (nothing in it runs: DOMParser documents
/// have no scripting and load nothing).
pub fn html_to_text(html: &str) -> Result<String, String> {
    let flat = flat_dom(html).ok_or_else(|| "浏览器无法解析这段网页内容。".to_string())?;
    Ok(import::html_to_text(&FlatTree::parse(&flat).root()))
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
