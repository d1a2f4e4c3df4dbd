//! Degenerate Word packages and HTML trees (as the page hands them to the core), each of a size `n`:
//! the shapes whose reading was once quadratic or held a tree many times the file. Shared by the work
//! bounds (src/work_bounds.rs) and the benchmark (benches/check.rs); each includer names the core's zip
//! writer `zip_stored` beside this module.

use super::zip_stored as stored;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A Word package of `body` and, if given, numbering definitions.
pub fn docx(body: &str, numbering: Option<&str>) -> Vec<u8> {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#
    );
    let mut entries: Vec<(&str, Vec<u8>)> = vec![("word/document.xml", document.into_bytes())];
    if let Some(numbering) = numbering {
        let xml = format!(r#"<w:numbering xmlns:w="{W}">{numbering}</w:numbering>"#);
        entries.push(("word/numbering.xml", xml.into_bytes()));
    }
    let entries: Vec<(&str, &[u8])> = entries.iter().map(|(n, d)| (*n, d.as_slice())).collect();
    stored(&entries)
}

/// Degenerate Word documents of size `n`: (what, the package).
pub fn word_documents(n: usize) -> Vec<(&'static str, Vec<u8>)> {
    let numbered = |i: usize| {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:numId w:val="{i}"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>"#
        )
    };
    let definitions: String = (0..n)
        .map(|i| format!(r#"<w:abstractNum w:abstractNumId="{i}"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>"#))
        .chain((0..n).map(|i| format!(r#"<w:num w:numId="{i}"><w:abstractNumId w:val="{i}"/></w:num>"#)))
        .collect();
    let merged_rows: String = (0..n)
        .map(|i| {
            let merge = if i == 0 { "restart" } else { "continue" };
            format!(r#"<w:tr><w:tc><w:tcPr><w:vMerge w:val="{merge}"/></w:tcPr><w:p><w:r><w:t>7</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{i}</w:t></w:r></w:p></w:tc></w:tr>"#)
        })
        .collect();
    vec![
        (
            "numbering definitions",
            docx(
                &(0..n).map(numbered).collect::<String>(),
                Some(&definitions),
            ),
        ),
        (
            "one-character paragraphs",
            docx(&"<w:p><w:r><w:t>字</w:t></w:r></w:p>".repeat(n), None),
        ),
        (
            "runs and breaks in one paragraph",
            docx(
                &format!(
                    "<w:p>{}</w:p>",
                    "<w:r><w:t>一、</w:t><w:br/><w:tab/></w:r>".repeat(n)
                ),
                None,
            ),
        ),
        (
            "nested content controls",
            docx(
                &format!(
                    "{}<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>{}",
                    "<w:sdt><w:sdtContent>".repeat(n / 8),
                    "</w:sdtContent></w:sdt>".repeat(n / 8)
                ),
                None,
            ),
        ),
        (
            "a vertically merged column",
            docx(&format!("<w:tbl>{merged_rows}</w:tbl>"), None),
        ),
    ]
}

/// A flat tree (see `import::flat`) element.
pub fn open(name: &str, colspan: &str, rowspan: &str) -> String {
    format!("\u{1}{name}\u{1f}\u{1f}\u{1f}{colspan}\u{1f}{rowspan}\u{2}")
}
pub const TEXT: &str = "\u{3}";
pub const CLOSE: &str = "\u{4}";

/// Degenerate HTML trees (as the page hands them over) of size `n`.
pub fn html_trees(n: usize) -> Vec<(&'static str, String)> {
    let p = |text: &str| format!("{}{TEXT}{text}{CLOSE}", open("p", "", ""));
    let tall_rows: String = (0..n)
        .map(|_| {
            format!(
                "{}{}{TEXT}7{CLOSE}{CLOSE}",
                open("tr", "", ""),
                open("td", "", "=65534")
            )
        })
        .collect();
    vec![
        ("one-character paragraphs", p("字").repeat(n)),
        (
            "text nodes of one space",
            format!(
                "{}{}{CLOSE}",
                open("p", "", ""),
                format!("{TEXT} ").repeat(n)
            ),
        ),
        (
            "nested spans",
            format!(
                "{}{TEXT}一、总体情况{}",
                open("span", "", "").repeat(n),
                CLOSE.repeat(n)
            ),
        ),
        (
            "rows each starting a tall span",
            format!("{}{tall_rows}{CLOSE}", open("table", "", "")),
        ),
        (
            "wide cells",
            format!(
                "{}{}{CLOSE}",
                open("table", "", ""),
                format!("{}{TEXT}0{CLOSE}", open("td", "=64", "")).repeat(n)
            ),
        ),
    ]
}
