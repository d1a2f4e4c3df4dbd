//! A Word document (.docx) as blocks: the package's parts out of the zip (rawzip, inflated by
//! miniz_oxide), read with roxmltree.

mod body;
mod numbering;
mod package;
mod xml;

use super::blocks::Block;

const BROKEN: &str = "这个 .docx 文件已损坏或不完整，无法读取。请在 Word 或 WPS 中打开后重新保存，或直接复制正文粘贴到这里。";

/// Reads the body of the Word document in `bytes`, or says in Chinese why it cannot.
pub fn blocks_of_docx(bytes: &[u8]) -> Result<Vec<Block>, String> {
    let parts = package::read(bytes)?;
    let document = xml::parse(&parts.document).ok_or_else(|| BROKEN.to_string())?;
    let body = document
        .root_element()
        .children()
        .find(|n| xml::is(n, "body"))
        .ok_or_else(|| BROKEN.to_string())?;
    let numbering = numbering::Numbering::new(parts.numbering.as_deref(), parts.styles.as_deref());
    Ok(body::Body::new(numbering).blocks_in(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_not_a_word_document_says_so() {
        assert!(blocks_of_docx(b"PK\x03\x04 not really")
            .unwrap_err()
            .contains("损坏"));
        assert!(blocks_of_docx(b"").unwrap_err().contains("损坏"));
    }
}
