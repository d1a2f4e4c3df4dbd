//! The Word reader's batches (import/docx/xml.rs `in_batches`) read a body as one tree of it reads
//! it. Kept apart from the reader so that the Word packages it builds (with the export layer's zip
//! writer) make no import of export.

use crate::export::zip::stored;
use crate::import::{blocks_in_one_tree, blocks_of_docx};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn package(document: &str, numbering: Option<&str>) -> Vec<u8> {
    let mut entries = vec![("word/document.xml", document.as_bytes())];
    if let Some(n) = numbering {
        entries.push(("word/numbering.xml", n.as_bytes()));
    }
    stored(&entries)
}

#[test]
fn read_in_batches_the_body_gives_what_one_tree_of_it_gives() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/imports");
    let mut read = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "docx") {
            let bytes = std::fs::read(&path).unwrap();
            assert_eq!(
                blocks_of_docx(&bytes).unwrap(),
                blocks_in_one_tree(&bytes),
                "{path:?}"
            );
            read += 1;
        }
    }
    assert!(read >= 2);
    // Many batches: numbered paragraphs, tables with merged cells, content controls, a section's
    // properties, comments and markup-like attribute values, on a root that declares its prefix.
    let unit = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p><!-- a <w:p> in a comment --><w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>7</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve"> a&gt;b </w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>0</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:sdt><w:sdtPr><w:alias w:val="x>y"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>（一）</w:t></w:r></w:p></w:sdtContent></w:sdt>"#;
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:background w:color="FFFFFF"><w:p/></w:background><w:body>{}<w:sectPr><w:pgSz w:w="11906"/></w:sectPr></w:body></w:document>"#,
        unit.repeat(600)
    );
    let numbering = format!(
        r#"<w:numbering xmlns:w="{W}">{}<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#,
        "<w:abstractNum w:abstractNumId=\"9\"><w:lvl w:ilvl=\"0\"><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum>".repeat(3000)
    );
    assert!(document.len() > 4 * 64 * 1024 && numbering.len() > 64 * 1024);
    let bytes = package(&document, Some(&numbering));
    let blocks = blocks_of_docx(&bytes).unwrap();
    assert_eq!(blocks, blocks_in_one_tree(&bytes));
    let text = crate::import::docx_to_text(&bytes).unwrap();
    let numbered: Vec<&str> = text.lines().filter(|l| l.ends_with("总体情况")).collect();
    assert_eq!(numbered.len(), 600);
    assert_eq!(
        numbered.last(),
        Some(&"600、总体情况"),
        "numbered on across batches"
    );
    assert!(text.contains("a>b"), "an entity in a cell");
    assert!(!text.contains("<w:p>"), "nothing read from the comment");
}

#[test]
fn a_body_that_is_not_all_there_is_refused() {
    let whole = format!(
        r#"<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p></w:body></w:document>"#
    );
    assert!(blocks_of_docx(&package(&whole, None)).is_ok());
    for broken in [
        whole[..whole.len() - 20].to_string(),
        whole.replace("<w:body>", "<w:body><w:p a=\"1>"),
        format!(r#"<w:document xmlns:w="{W}"><w:other/></w:document>"#),
        format!(r#"<w:document xmlns:w="{W}"/>"#),
        format!("<!DOCTYPE x [<!ENTITY a \"b\">]>{whole}"),
        whole.replace("</w:t></w:r></w:p>", "</w:r></w:t></w:p>"),
    ] {
        assert!(blocks_of_docx(&package(&broken, None)).is_err(), "{broken}");
    }
    let empty = format!(r#"<w:document xmlns:w="{W}"><w:body/></w:document>"#);
    assert_eq!(blocks_of_docx(&package(&empty, None)).unwrap(), Vec::new());
}

/// A table longer than a batch is read a batch of its rows at a time: merges down across the
/// batches, rows in content controls, a nested table in a cell, a comment between rows, the table's
/// own properties, and paragraphs around it, all read as one tree of the body reads them.
#[test]
fn a_long_table_read_a_batch_of_rows_at_a_time_gives_what_one_tree_gives() {
    let row = |i: usize| {
        let merge = match i % 7 {
            0 => r#"<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>"#,
            _ => r#"<w:tcPr><w:vMerge/></w:tcPr>"#,
        };
        let before = if i.is_multiple_of(11) {
            r#"<w:trPr><w:gridBefore w:val="1"/></w:trPr>"#
        } else {
            ""
        };
        let nested = if i.is_multiple_of(13) {
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#
        } else {
            ""
        };
        let tr = format!(
            r#"<w:tr>{before}<w:tc>{merge}<w:p><w:r><w:t>行{i}</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>{nested}<w:p><w:r><w:t>{i}</w:t></w:r></w:p></w:tc></w:tr>"#
        );
        match i % 17 {
            0 => format!("<w:sdt><w:sdtContent>{tr}</w:sdtContent></w:sdt>"),
            1 => format!("<!-- </w:tbl> -->{tr}"),
            _ => tr,
        }
    };
    let rows: String = (0..2000).map(row).collect();
    let table = format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>{rows}</w:tbl>"#
    );
    assert!(table.len() > 20 * 16 * 1024, "many batches of rows");
    let paragraph = r#"<w:p><w:r><w:t>三、收到和处理政府信息公开申请情况</w:t></w:r></w:p>"#;
    let document = format!(
        r#"<w:document xmlns:w="{W}"><w:body>{paragraph}{table}{paragraph}{table}<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>{paragraph}</w:body></w:document>"#
    );
    let bytes = package(&document, None);
    let blocks = blocks_of_docx(&bytes).unwrap();
    assert_eq!(blocks, blocks_in_one_tree(&bytes));
    assert_eq!(blocks.len(), 6, "three paragraphs, three tables");
    let crate::import::Block::Table(table) = &blocks[1] else {
        panic!("{:?}", blocks[1]);
    };
    assert_eq!(table.rows.len(), 2000);
    assert_eq!(
        table.rows[14][0].rows, 7,
        "a merge down through rows 14 to 20"
    );
}
