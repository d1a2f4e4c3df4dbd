//! A Word document (.docx) as blocks: `word/document.xml` out of the zip (rawzip, inflated by
//! miniz_oxide), read with roxmltree: paragraphs, line breaks, and tables with `gridSpan` and `vMerge`.

use std::collections::HashMap;

use roxmltree::{Document, Node, ParsingOptions};

use super::blocks::{Block, Cell, Table};

const WORDML: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    // Strict Open XML, which Word writes when asked to.
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// No report's text comes near this; a zip that inflates beyond it is broken or hostile.
const LARGEST_INFLATED: usize = 64 * 1024 * 1024;

const BROKEN: &str = "这个 .docx 文件已损坏或不完整，无法读取。请在 Word 或 WPS 中打开后重新保存，或直接复制正文粘贴到这里。";

/// Reads the body of the Word document in `bytes`, or says in Chinese why it cannot.
pub fn blocks_of_docx(bytes: &[u8]) -> Result<Vec<Block>, String> {
    let xml = main_part(bytes)?;
    let xml = String::from_utf8(xml).map_err(|_| BROKEN.to_string())?;
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: 20_000_000,
        ..ParsingOptions::default()
    };
    let document = Document::parse_with_options(&xml, options).map_err(|_| BROKEN.to_string())?;
    let body = document
        .root_element()
        .children()
        .find(|n| is(n, "body"))
        .ok_or_else(|| BROKEN.to_string())?;
    Ok(blocks_in(body))
}

/// The inflated bytes of the main document part.
fn main_part(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let archive = rawzip::ZipArchive::from_slice(bytes).map_err(|_| BROKEN.to_string())?;
    let mut entries = archive.entries();
    let mut found = None;
    while let Some(header) = entries.next_entry().map_err(|_| BROKEN.to_string())? {
        let path = header.file_path();
        let name = path.as_ref();
        // Word names it word/document.xml; a few generators number it (word/document2.xml).
        let main = name == b"word/document.xml"
            || (name.starts_with(b"word/document") && name.ends_with(b".xml") && found.is_none());
        if main {
            found = Some((header.wayfinder(), header.compression_method()));
            if name == b"word/document.xml" {
                break;
            }
        }
    }
    let Some((wayfinder, method)) = found else {
        return Err("这个文件不是 Word 文档（里面没有 Word 正文）。请打开 Word 另存的 .docx 文件，或直接复制正文粘贴到这里。".to_string());
    };
    if wayfinder.uncompressed_size_hint() > LARGEST_INFLATED as u64 {
        return Err(BROKEN.to_string());
    }
    let entry = archive
        .get_entry(wayfinder)
        .map_err(|_| BROKEN.to_string())?;
    let data = if method == rawzip::CompressionMethod::STORE {
        entry.data().to_vec()
    } else if method == rawzip::CompressionMethod::DEFLATE {
        miniz_oxide::inflate::decompress_to_vec_with_limit(entry.data(), LARGEST_INFLATED)
            .map_err(|_| BROKEN.to_string())?
    } else {
        return Err(BROKEN.to_string());
    };
    let actual = rawzip::ZipVerification {
        crc: crc32(&data),
        uncompressed_size: data.len() as u64,
    };
    entry
        .claim_verifier()
        .valid(actual)
        .map_err(|_| BROKEN.to_string())?;
    Ok(data)
}

/// The zip checksum of `data`, a bit at a time: a document part is read once, and rawzip's
/// table-driven CRC would put a 16 KB table into the page.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in data {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xedb8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

/// Is `node` the WordprocessingML element `name`?
fn is(node: &Node, name: &str) -> bool {
    node.is_element()
        && node.tag_name().name() == name
        && node
            .tag_name()
            .namespace()
            .is_some_and(|ns| WORDML.contains(&ns))
}

fn val<'a>(node: &Node<'a, '_>) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == "val" && a.namespace().is_some_and(|ns| WORDML.contains(&ns)))
        .map(|a| a.value())
}

fn child<'a, 'i>(node: &Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| is(n, name))
}

/// Block-level content: paragraphs and tables, through content controls and custom XML.
fn blocks_in(container: Node) -> Vec<Block> {
    let mut blocks = Vec::new();
    for node in container.children() {
        if is(&node, "p") {
            paragraph(node, &mut blocks);
        } else if is(&node, "tbl") {
            blocks.push(Block::Table(table(node)));
        } else if is(&node, "sdt") {
            if let Some(content) = child(&node, "sdtContent") {
                blocks.extend(blocks_in(content));
            }
        } else if is(&node, "customXml") || is(&node, "ins") || is(&node, "moveTo") {
            blocks.extend(blocks_in(node));
        }
    }
    blocks
}

/// A paragraph's visible text; a line break (`w:br`, `w:cr`) starts a new line.
fn paragraph(p: Node, blocks: &mut Vec<Block>) {
    let mut text = String::new();
    run_text(p, &mut text);
    for line in text.split('\n') {
        blocks.push(Block::Paragraph(line.to_string()));
    }
}

fn run_text(node: Node, out: &mut String) {
    for n in node.children() {
        if !n.is_element() {
            continue;
        }
        let name = n.tag_name().name();
        if !n
            .tag_name()
            .namespace()
            .is_some_and(|ns| WORDML.contains(&ns))
        {
            // Markup compatibility: the modern choice is read, its fallback copy is not.
            if name != "Fallback" {
                run_text(n, out);
            }
            continue;
        }
        match name {
            "t" => out.push_str(n.text().unwrap_or("")),
            "tab" | "ptab" => out.push('\t'),
            "br" | "cr" => out.push('\n'),
            "noBreakHyphen" => out.push('-'),
            // Properties, deleted text, field instructions, drawings and text boxes are not body text.
            "pPr" | "rPr" | "del" | "moveFrom" | "delText" | "instrText" | "drawing" | "pict"
            | "object" | "txbxContent" | "footnoteReference" | "endnoteReference" => {}
            _ => run_text(n, out),
        }
    }
}

fn int_val(node: Option<Node>) -> Option<usize> {
    node.and_then(|n| val(&n))
        .and_then(|v| v.trim().parse().ok())
}

/// Rows and cells of `w:tbl`, merged cells turned into spans: `gridSpan` across, and a `vMerge`
/// run (restart, then continue below) into one cell spanning down.
fn table(tbl: Node) -> Table {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    // Grid column → (row, index in row) of the cell a vertical merge there started at.
    let mut merging: HashMap<usize, (usize, usize)> = HashMap::new();
    for tr in flatten_wrappers(tbl, "tr") {
        let r = rows.len();
        let mut cells = Vec::new();
        let mut column = 0;
        let before =
            int_val(child(&tr, "trPr").and_then(|pr| child(&pr, "gridBefore"))).unwrap_or(0);
        if before > 0 {
            cells.push(Cell::new(Vec::new(), before, 1));
            column += before.min(64);
        }
        for tc in flatten_wrappers(tr, "tc") {
            let properties = child(&tc, "tcPr");
            let columns = int_val(properties.and_then(|pr| child(&pr, "gridSpan"))).unwrap_or(1);
            let merge = properties.and_then(|pr| child(&pr, "vMerge"));
            let cell = Cell::new(blocks_in(tc), columns, 1);
            let width = cell.columns;
            match merge.map(|m| val(&m).unwrap_or("continue")) {
                Some("restart") => {
                    merging.insert(column, (r, cells.len()));
                    cells.push(cell);
                }
                Some(_) if merging.contains_key(&column) => {
                    let (row, index) = merging[&column];
                    let origin = if row == r {
                        &mut cells[index]
                    } else {
                        &mut rows[row][index]
                    };
                    origin.rows += 1;
                }
                _ => {
                    merging.remove(&column);
                    cells.push(cell);
                }
            }
            column += width;
        }
        rows.push(cells);
    }
    Table { rows }
}

/// The `name` elements under `node`, looking through content controls and custom XML around them.
fn flatten_wrappers<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    for n in node.children() {
        if is(&n, name) {
            out.push(n);
        } else if is(&n, "sdt") {
            if let Some(content) = child(&n, "sdtContent") {
                out.extend(flatten_wrappers(content, name));
            }
        } else if is(&n, "customXml") {
            out.extend(flatten_wrappers(n, name));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bitwise_checksum_is_the_zip_checksum() {
        for data in [&b""[..], b"a", b"123456789", "一、总体情况".as_bytes()] {
            assert_eq!(crc32(data), rawzip::crc32(data));
        }
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
    }

    #[test]
    fn what_is_not_a_word_document_says_so() {
        assert!(blocks_of_docx(b"PK\x03\x04 not really")
            .unwrap_err()
            .contains("损坏"));
        assert!(blocks_of_docx(b"").unwrap_err().contains("损坏"));
    }
}
