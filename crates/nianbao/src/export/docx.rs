//! The 检查意见 as a Word document: the header, the numbered findings with the text they quote, and the
//! tables as read, each flagged cell carrying its findings' numbers (「〔3〕」).

use crate::present::cells::findings_by_span;
use crate::present::export::{finding_line, header, listed, numbers};
use crate::report::Report;
use crate::template;

/// `s` with the characters XML reserves escaped; control characters XML forbids dropped.
fn escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c < ' ' => {}
            c => out.push(c),
        }
    }
}

/// A paragraph of one run; `size` in half points (0: Word's default), bold when asked.
fn paragraph(out: &mut String, text: &str, size: u32, bold: bool) {
    out.push_str("<w:p><w:r>");
    if size > 0 || bold {
        out.push_str("<w:rPr>");
        if bold {
            out.push_str("<w:b/>");
        }
        if size > 0 {
            out.push_str(&format!("<w:sz w:val=\"{size}\"/>"));
        }
        out.push_str("</w:rPr>");
    }
    out.push_str("<w:t xml:space=\"preserve\">");
    escaped(out, text);
    out.push_str("</w:t></w:r></w:p>");
}

fn row(out: &mut String, cells: &[String]) {
    out.push_str("<w:tr>");
    for c in cells {
        out.push_str("<w:tc>");
        paragraph(out, c, 16, false);
        out.push_str("</w:tc>");
    }
    out.push_str("</w:tr>");
}

/// The tables the report holds, as read: a header row per section, then label and cells per row.
fn tables(out: &mut String, text: &str, report: &Report) {
    let marked = findings_by_span(&report.findings);
    let number = numbers(report);
    for table in report.document.tables.iter().filter(|t| t.found) {
        let spec = template::table(table.id, table.version);
        paragraph(
            out,
            &format!("{}：{}", table.id.short_name(), spec.name),
            0,
            true,
        );
        out.push_str("<w:tbl><w:tblPr><w:tblBorders>");
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            out.push_str(&format!(
                "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            ));
        }
        out.push_str("</w:tblBorders></w:tblPr>");
        let mut section = None;
        for r in table.rows.iter().filter(|r| r.found) {
            if section != Some(r.section) {
                section = Some(r.section);
                if let Some(s) = spec.sections.iter().find(|s| s.caption == r.section) {
                    let mut head = vec![s.caption.unwrap_or("项目").to_string()];
                    head.extend(s.columns.iter().map(|c| {
                        if c.band.is_empty() || c.band == c.name {
                            c.name.to_string()
                        } else {
                            format!("{}·{}", c.band, c.name)
                        }
                    }));
                    row(out, &head);
                }
            }
            let mut cells = vec![r.label.to_string()];
            for c in &r.cells {
                let at = c.span.start.min(text.len())..c.span.end.min(text.len());
                let mut cell = text.get(at).unwrap_or("").trim().to_string();
                for &i in marked.get(&c.span).into_iter().flatten() {
                    cell.push_str(&format!("〔{}〕", number[i]));
                }
                cells.push(cell);
            }
            row(out, &cells);
        }
        out.push_str("</w:tbl>");
    }
}

/// The 检查意见 of `report` (checked from `text` on `date`) as the bytes of a .docx file.
pub fn docx(text: &str, report: &Report, date: &str) -> Vec<u8> {
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>",
    );
    let [title, what, counts] = header(report, date);
    paragraph(&mut body, &title, 32, true);
    paragraph(&mut body, &what, 0, false);
    paragraph(&mut body, &counts, 0, false);
    let mut n = 0;
    for (part, list) in listed(report) {
        paragraph(&mut body, &part, 0, true);
        for i in list {
            n += 1;
            paragraph(&mut body, &finding_line(text, report, n, i), 0, false);
        }
    }
    if n == 0 {
        paragraph(&mut body, "未发现问题。", 0, false);
    }
    tables(&mut body, text, report);
    body.push_str("<w:sectPr/></w:body></w:document>");
    super::zip::stored(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", body.as_bytes()),
    ])
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";

#[cfg(test)]
mod tests {
    use crate::present::snippet::snippet;

    #[test]
    fn the_core_reads_back_every_finding_and_the_tables() {
        for (id, text) in crate::present::tests_support::seeds() {
            let report = crate::check(text);
            let bytes = super::docx(text, &report, "2026-12-02");
            let back = crate::import::docx_to_text(&bytes).expect("a readable .docx");
            assert!(back.contains("检查日期：2026-12-02"), "{id}: {back}");
            for (n, f) in report.findings.iter().enumerate() {
                let quoted = format!("原文：「{}」", snippet(text, f.span()).replace('\t', " "));
                assert!(back.contains(&f.message), "{id} #{n} {}: {back}", f.code);
                assert!(back.contains(&quoted), "{id} #{n}: {quoted}");
            }
            for t in report.document.tables.iter().filter(|t| t.found) {
                assert!(back.contains(t.id.short_name()), "{id}");
            }
        }
    }

    #[test]
    fn flagged_cells_carry_their_findings_numbers() {
        let (changed, _) = crate::present::tests_support::seed_000_with_a_changed_cell();
        let report = crate::check(&changed);
        let back = crate::import::docx_to_text(&super::docx(&changed, &report, "")).unwrap();
        let n = super::numbers(&report);
        let r02 = report
            .findings
            .iter()
            .position(|f| f.code.as_str() == "R02")
            .unwrap();
        assert!(
            back.contains(&format!("5〔{}〕", n[r02])) || back.contains(&format!("〔{}〕", n[r02])),
            "{back}"
        );
    }
}
