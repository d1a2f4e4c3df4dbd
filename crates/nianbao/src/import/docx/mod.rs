//! A Word document (.docx) as blocks: the package's parts out of the zip (rawzip, inflated by
//! miniz_oxide), read with roxmltree a batch of elements at a time (xml.rs).

mod body;
mod numbering;
mod package;
pub use package::crc32;
mod xml;

use xml::Batch;

use super::blocks::Block;
use super::error::ImportError;

/// Reads the body of the Word document in `bytes`, or says why it cannot.
pub fn blocks_of_docx(bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    let package::Parts {
        document,
        numbering,
        styles,
    } = package::read(bytes)?;
    // The lists are read from their XML, which goes (at the end of this block) before the body is read.
    let numbering = {
        let (numbering, styles) = (numbering, styles);
        numbering::Numbering::new(numbering.as_deref(), styles.as_deref())
    };
    let mut body = body::Body::new(numbering);
    let mut blocks = Vec::new();
    let mut long_table = None;
    xml::in_batches_split(&document, Some("body"), Some("tbl"), |batch| match batch {
        Batch::Elements(parent) => blocks.extend(body.blocks_in(parent)),
        Batch::LongStart => long_table = Some(body::TableReading::default()),
        Batch::LongChildren(tbl) => {
            if let Some(table) = &mut long_table {
                // A table under the body is inside one table.
                body.rows_in(table, tbl, 1);
            }
        }
        Batch::LongEnd => blocks.extend(long_table.take().map(|t| Block::Table(t.finish()))),
    })
    .ok_or(ImportError::BrokenDocx)?;
    Ok(blocks)
}

/// The blocks as read from one tree of the whole body, as the reader did before batches: what the
/// batches must equal (src/docx_batches.rs).
#[cfg(test)]
pub(crate) fn blocks_in_one_tree(bytes: &[u8]) -> Vec<Block> {
    let parts = package::read(bytes).unwrap();
    let document = xml::parse(&parts.document).unwrap();
    let body = document
        .root_element()
        .children()
        .find(|n| xml::is(n, "body"))
        .unwrap();
    let numbering = numbering::Numbering::new(parts.numbering.as_deref(), parts.styles.as_deref());
    body::Body::new(numbering).blocks_in(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_not_a_word_document_says_so() {
        assert!(blocks_of_docx(b"PK\x03\x04 not really")
            .unwrap_err()
            .to_string()
            .contains("损坏"));
        assert!(blocks_of_docx(b"")
            .unwrap_err()
            .to_string()
            .contains("损坏"));
    }
}
