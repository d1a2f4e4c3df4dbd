//! Every way a draft arrives — a file of any supported kind, or a rich paste from Word, WPS or a web
//! page — turned into the plain text that the checker reads and the user sees and edits. Tables keep
//! their grid: one line per row, cells between tabs, merged cells resolved.
//!
//! Decoding bytes to text and parsing HTML are left to the caller (the browser's TextDecoder and
//! DOMParser in the page; encoding_rs and html5ever on the command line); this module decides the
//! encoding, reads Word documents, and turns either tree into text the same way.

pub mod archive;
mod blocks;
pub mod charset;
mod docx;
mod error;
mod flat;
mod html;
mod kind;
mod layout;

pub use blocks::{Block, Cell, Table};
pub use charset::Charset;
pub use docx::crc32;
#[cfg(test)]
pub(crate) use docx::{blocks_in_one_tree, blocks_of_docx};
pub use error::{ImportError, Unsupported};
pub use flat::{FlatTree, ATTRIBUTES as FLAT_ATTRIBUTES};
pub use html::{HtmlWalk, MarkupNode, NodeKind};
pub use kind::{check_size, classify, FileKind, LARGEST_FILE};
pub use layout::render;

/// The text of a Word document, or why it cannot be read.
pub fn docx_to_text(bytes: &[u8]) -> Result<String, ImportError> {
    docx::blocks_of_docx(bytes).map(|blocks| render(&blocks))
}

/// The text of a parsed HTML document or fragment.
pub fn html_to_text<N: MarkupNode>(root: &N) -> String {
    let mut walk = HtmlWalk::new(root);
    let mut out = String::new();
    walk.advance(&mut out);
    walk.finish(out)
}

/// Does clipboard HTML carry a table worth reading as a grid? Without one, the plain text the
/// clipboard also holds is as good.
pub fn html_has_table(html: &str) -> bool {
    html.as_bytes()
        .windows(6)
        .any(|w| w.eq_ignore_ascii_case(b"<table"))
}
