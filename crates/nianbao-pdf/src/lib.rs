//! PDF reports read as the text the nianbao checker reads, with the same layout the core gives a
//! Word document: a paragraph a line, a table a line per row with its cells between tabs.
//!
//! lopdf parses the file. Everything after is here: each page's content stream is played for where
//! every glyph stands ([`play`], fonts' Unicode maps and widths in [`font`] and [`cmap`]) and where the
//! ruling lines are; tables are rebuilt from the lines' grid ([`tables`]); the other glyphs make lines
//! by baseline ([`lines`]) and paragraphs by margins ([`document`]), page headers, footers and page
//! numbers left out; the blocks are laid out by the core's [`nianbao::import::render`].
//!
//! What cannot be read is refused with the core's advice ([`ImportError`]): a scan (no text), an
//! encrypted file, a broken one, a font without a Unicode map (its text would be garbage).

mod cmap;
mod document;
mod font;
mod lex;
mod lines;
mod object;
mod play;
mod tables;

use std::collections::HashMap;

use nianbao::import::{render, Block, ImportError};

pub use document::blocks_of_pages;
pub use play::{Page, Placed, Rule};

/// More pages than this are not read: no annual report comes near.
const MOST_PAGES: usize = 500;

/// Glyphs without a Unicode map beyond this share of all glyphs (and this many) refuse the file.
const UNMAPPED_SHARE: usize = 50;
const UNMAPPED_FEWEST: usize = 20;

/// The pages of a PDF file as drawn, or why they cannot be read.
pub fn pages(bytes: &[u8]) -> Result<Vec<Page>, ImportError> {
    // A file cut short has lost its end mark (readers look for it in the last 1 KB): lopdf would
    // rebuild what is left, and a report read in part is not the report.
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(ImportError::BrokenPdf);
    }
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| match e {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => ImportError::EncryptedPdf,
        _ => ImportError::BrokenPdf,
    })?;
    if doc.trailer.get(b"Encrypt").is_ok() {
        return Err(ImportError::EncryptedPdf);
    }
    let ids: Vec<_> = doc.get_pages().into_values().take(MOST_PAGES).collect();
    if ids.is_empty() {
        return Err(ImportError::BrokenPdf);
    }
    let mut fonts = HashMap::new();
    Ok(ids
        .into_iter()
        .map(|id| play::play_page(&doc, id, &mut fonts))
        .collect())
}

/// The blocks (paragraphs and tables) of a PDF file, or why it cannot be read.
pub fn pdf_to_blocks(bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    let pages = pages(bytes)?;
    let shown: usize = pages.iter().map(|p| p.glyphs.len()).sum();
    let unmapped: usize = pages.iter().map(|p| p.unmapped).sum();
    if unmapped >= UNMAPPED_FEWEST && unmapped * UNMAPPED_SHARE > shown + unmapped {
        return Err(ImportError::PdfWithoutUnicode);
    }
    let blocks = blocks_of_pages(pages);
    if blocks.is_empty() {
        return Err(if unmapped > 0 {
            ImportError::PdfWithoutUnicode
        } else {
            ImportError::ScannedPdf
        });
    }
    Ok(blocks)
}

/// The text of a PDF file, as the checker reads it, or why it cannot be read.
pub fn pdf_to_text(bytes: &[u8]) -> Result<String, ImportError> {
    let text = render(&pdf_to_blocks(bytes)?);
    if text.trim().is_empty() {
        return Err(ImportError::ScannedPdf);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    /// The advice is the core's (import/error.rs): the reader writes no message of its own.
    #[test]
    fn no_part_of_the_reader_writes_a_message_of_its_own() {
        let sources = [
            include_str!("lib.rs"),
            include_str!("cmap.rs"),
            include_str!("document.rs"),
            include_str!("font.rs"),
            include_str!("lex.rs"),
            include_str!("lines.rs"),
            include_str!("object.rs"),
            include_str!("play.rs"),
            include_str!("tables.rs"),
        ];
        for source in sources {
            let code = source.split("#[cfg(test)]").next().unwrap_or_default();
            for phrase in ["无法", "粘贴", "扫描件", "乱码", "请"] {
                assert!(!code.contains(phrase), "{phrase}");
            }
        }
    }
}
