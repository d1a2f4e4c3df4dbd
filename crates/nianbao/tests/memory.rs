//! Memory in proportion to the input (issue 17): the heap a check holds at its peak, counted by a
//! global allocator of this test binary, for a real report repeated to 1 MB and for each degenerate
//! family of `common/degenerate.rs` at 256 KB, a report's .docx and a page. It held 15 to 29 times the
//! text (a four-byte map entry for every folded byte, and the prose's characters with eight-byte
//! spans); then 4.3 to 13.3 (a report 5.7); then 2.3 to 4.7 (a report 2.6): the prose keeps two bytes
//! a character and finds places by walking, one index of lines, a table's header cells and the
//! prose's year read in place; now 2.2 to 2.8 (a report 2.4): one byte a character in a prose of
//! Latin-1, a count of lines every 64 bytes, not a start for every line, part 六 read in the folded
//! text the parser keeps, and a row's label lines dropped as they are read.
//! The bounds are those figures with a margin.

#[path = "common/degenerate.rs"]
mod degenerate;

#[path = "common/peak_heap.rs"]
mod peak_heap;

use degenerate::{repeated, FAMILIES};
use peak_heap::peak_of;

/// The most heap held at once while checking `text`, beyond what was held before. Every
/// measurement is in the one test below (see `peak_heap`).
fn peak_of_check(text: &str) -> usize {
    peak_of(|| nianbao::check(text))
}

const MB: usize = 1024 * 1024;

/// At most this many bytes of heap for each byte of text: a report (measured 2.36) and the worst
/// degenerate family (measured 2.84, digits glued to a row label; digits alone 2.73: the folded
/// text and the prose, a byte a digit each, and their marks; the rest 2.18 to 2.49).
const MOST_FOR_A_REPORT: f64 = 2.75;
const MOST_PER_BYTE: f64 = 3.25;

#[test]
fn checking_holds_a_few_times_the_text() {
    a_long_report_is_checked_in_a_few_times_its_size();
    degenerate_texts_are_checked_in_a_few_times_their_size();
    a_word_document_is_read_in_proportion_to_its_xml();
    a_page_is_read_in_a_few_times_its_size();
}

/// Reading a Word document holds its inflated XML, the tree of one batch of about 16 KB of it at a
/// time (roxmltree: a node for every element, attribute and text; a table longer than a batch is read
/// a batch of its rows at a time) and what is read: measured 2.78 times the XML of a report (7.3 when
/// its 78 KB table was parsed as one tree, 10.2 with a tree of the whole part), and for a long
/// document 3.1 (40,000 paragraphs: the package, its XML and the text).
const MOST_FOR_WORD_XML: f64 = 3.5;
const MOST_FOR_LONG_WORD_XML: f64 = 4.0;
/// Numbering of many one-level definitions: measured 3.13 times the XML (5.22 when each definition
/// held nine levels, not the levels it gives).
const MOST_FOR_NUMBERED_WORD_XML: f64 = 4.0;

fn a_word_document_is_read_in_proportion_to_its_xml() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/imports/004.docx"
    );
    let bytes = std::fs::read(path).unwrap();
    let xml = inflated_document_len(&bytes);
    let peak = peak_of(|| nianbao::import::docx_to_text(&bytes).unwrap());
    let ratio = peak as f64 / xml as f64;
    println!(
        "a report's .docx ({} bytes, document.xml {xml}): peak heap {ratio:.2} × its XML, {:.1} × the file",
        bytes.len(),
        peak as f64 / bytes.len() as f64
    );
    assert!(ratio <= MOST_FOR_WORD_XML, "peak heap {ratio:.2} × the XML");

    // 40,000 paragraphs of one character: 1.4 MB of elements.
    let body = "<w:p><w:r><w:t>字</w:t></w:r></w:p>".repeat(40_000);
    let xml = format!(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    let bytes = nianbao::export::zip::stored(&[("word/document.xml", xml.as_bytes())]);
    let peak = peak_of(|| nianbao::import::docx_to_text(&bytes).unwrap());
    let ratio = peak as f64 / xml.len() as f64;
    println!(
        "a .docx of 40,000 paragraphs ({} bytes of XML): peak heap {ratio:.2} × its XML",
        xml.len()
    );
    assert!(
        ratio <= MOST_FOR_LONG_WORD_XML,
        "peak heap {ratio:.2} × the XML"
    );

    // 20,000 lists, each its own one-level definition, one numbered paragraph each.
    let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    let (mut definitions, mut lists, mut body) = (String::new(), String::new(), String::new());
    for i in 0..20_000 {
        definitions.push_str(&format!(r#"<w:abstractNum w:abstractNumId="{i}"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>"#));
        lists.push_str(&format!(
            r#"<w:num w:numId="{i}"><w:abstractNumId w:val="{i}"/></w:num>"#
        ));
        body.push_str(&format!(r#"<w:p><w:pPr><w:numPr><w:numId w:val="{i}"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>"#));
    }
    let numbering = format!(r#"<w:numbering xmlns:w="{w}">{definitions}{lists}</w:numbering>"#);
    let document = format!(r#"<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>"#);
    let bytes = nianbao::export::zip::stored(&[
        ("word/document.xml", document.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ]);
    let xml = numbering.len() + document.len();
    let peak = peak_of(|| nianbao::import::docx_to_text(&bytes).unwrap());
    let ratio = peak as f64 / xml as f64;
    println!("a .docx of 20,000 lists ({xml} bytes of XML): peak heap {ratio:.2} × its XML");
    assert!(
        ratio <= MOST_FOR_NUMBERED_WORD_XML,
        "peak heap {ratio:.2} × the XML"
    );
}

/// The uncompressed size of word/document.xml, from the zip's central directory.
fn inflated_document_len(zip: &[u8]) -> usize {
    let name = b"word/document.xml";
    let at = zip
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == b"PK\x01\x02")
        .map(|(i, _)| i)
        .find(|&i| zip[i + 46..].starts_with(name))
        .expect("word/document.xml in the central directory");
    u32::from_le_bytes(zip[at + 24..at + 28].try_into().unwrap()) as usize
}

/// A report as the page hands a pasted page over: a flat tree (`import::flat`) of one paragraph a
/// line, repeated to 1 MB. Reading it holds the flat string's node table (sixteen bytes a node), the
/// steps of one path down the tree and the text: measured 3.0 times the page (22.5 with nodes of
/// `usize` ranges, every child of a node queued at once, and the whole page held as blocks). The
/// same page wrapped in a table for its layout, with tables of figures in it: 3.0 (7.7 when the
/// wrapping cell was held to the table's end).
const MOST_FOR_A_PAGE: f64 = 3.5;

fn a_page_is_read_in_a_few_times_its_size() {
    let seed = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("/004_"))
        .unwrap();
    let report = std::fs::read_to_string(seed).unwrap();
    let paragraphs: String = report
        .lines()
        .map(|line| format!("\u{1}p\u{1f}\u{1f}\u{1f}\u{1f}\u{2}\u{3}{line}\u{4}"))
        .collect();
    let ratio = flat_page_peak("a page", "", &paragraphs, "");
    assert!(ratio <= MOST_FOR_A_PAGE, "peak heap {ratio:.2} × the page");

    // Wrapped in a table for its layout, with a table of figures after each copy of the report.
    let element = |name: &str, content: &str| {
        format!("\u{1}{name}\u{1f}\u{1f}\u{1f}\u{1f}\u{2}{content}\u{4}")
    };
    let figures: String = (0..20)
        .map(|i| {
            let cells = [format!("（{i}）其他"), "0".into(), "1".into()]
                .map(|c| element("td", &format!("\u{3}{c}")))
                .concat();
            element("tr", &cells)
        })
        .collect();
    let unit = format!("{paragraphs}{}", element("table", &figures));
    let open = "\u{1}table\u{1f}\u{1f}\u{1f}\u{1f}\u{2}\u{1}tr\u{1f}\u{1f}\u{1f}\u{1f}\u{2}\u{1}td\u{1f}\u{1f}\u{1f}\u{1f}\u{2}";
    let ratio = flat_page_peak(
        "a page in a table for layout",
        open,
        &unit,
        "\u{4}\u{4}\u{4}",
    );
    assert!(ratio <= MOST_FOR_A_PAGE, "peak heap {ratio:.2} × the page");
}

/// The peak heap of reading the flat string of `unit` repeated to 1 MB between `open` and `close`,
/// per byte of it.
fn flat_page_peak(what: &str, open: &str, unit: &str, close: &str) -> f64 {
    let flat = format!("{open}{}{close}", repeated(unit, MB));
    let peak = peak_of(|| {
        let tree = nianbao::import::FlatTree::parse(&flat);
        nianbao::import::html_to_text(&tree.root())
    });
    let ratio = peak as f64 / flat.len() as f64;
    println!("{what} of 1 MB: peak heap {ratio:.2} × the page");
    ratio
}

fn a_long_report_is_checked_in_a_few_times_its_size() {
    let seed = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("/004_"))
        .unwrap();
    let report = std::fs::read_to_string(seed).unwrap();
    let text = repeated(&report, MB);
    let ratio = peak_of_check(&text) as f64 / text.len() as f64;
    println!("report repeated to 1 MB: peak heap {ratio:.2} × the text");
    assert!(
        ratio <= MOST_FOR_A_REPORT,
        "peak heap {ratio:.2} × the text"
    );
}

fn degenerate_texts_are_checked_in_a_few_times_their_size() {
    let mut over = Vec::new();
    for (name, unit) in FAMILIES {
        let text = repeated(unit, MB / 4);
        let ratio = peak_of_check(&text) as f64 / text.len() as f64;
        println!("{name}: peak heap {ratio:.2} × the text");
        if ratio > MOST_PER_BYTE {
            over.push(format!("{name} {ratio:.2}×"));
        }
    }
    assert!(over.is_empty(), "over {MOST_PER_BYTE}× the text: {over:?}");
}
