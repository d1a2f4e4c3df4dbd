//! A document (blocks) written the way Word, Word's clipboard and a government web site write it.

use std::io::Write;

use nianbao::import::{Block, Cell, Table};

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A written cell, or the continuation below a cell that spans rows.
enum Slot<'a> {
    Start(&'a Cell),
    Below { columns: usize },
}

/// Each row's slots in grid order, continuation slots included (Word writes one `w:tc` per grid row).
fn slots(table: &Table) -> Vec<Vec<(usize, Slot<'_>)>> {
    let placed = table.placed();
    let mut out: Vec<Vec<(usize, Slot)>> = (0..placed.len()).map(|_| Vec::new()).collect();
    for (r, row) in placed.iter().enumerate() {
        for &(c, cell) in row {
            out[r].push((c, Slot::Start(cell)));
            for below in out.iter_mut().skip(r + 1).take(cell.rows - 1) {
                below.push((
                    c,
                    Slot::Below {
                        columns: cell.columns,
                    },
                ));
            }
        }
    }
    for row in &mut out {
        row.sort_by_key(|(c, _)| *c);
    }
    out
}

fn paragraphs(cell: &Cell) -> Vec<String> {
    cell.content
        .iter()
        .map(|b| match b {
            Block::Paragraph(t) => t.clone(),
            Block::Table(_) => String::new(),
        })
        .collect()
}

// ---- .docx ----

/// A WordprocessingML paragraph, its text cut into several runs as Word does (spell-check marks,
/// language changes, and a bookmark in between).
fn docx_paragraph(text: &str, out: &mut String) {
    out.push_str("<w:p><w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"200\"/></w:pPr>");
    let chars: Vec<char> = text.chars().collect();
    for (i, piece) in chars.chunks(9).enumerate() {
        let piece: String = piece.iter().collect();
        if i == 1 {
            out.push_str("<w:proofErr w:type=\"spellStart\"/><w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:bookmarkEnd w:id=\"0\"/>");
        }
        out.push_str("<w:r><w:rPr><w:rFonts w:ascii=\"仿宋_GB2312\" w:eastAsia=\"仿宋_GB2312\" w:hint=\"eastAsia\"/><w:sz w:val=\"32\"/></w:rPr>");
        // Word writes a tab in the text as its own element.
        for (j, part) in piece.split('\t').enumerate() {
            if j > 0 {
                out.push_str("<w:tab/>");
            }
            if !part.is_empty() {
                out.push_str(&format!(
                    "<w:t xml:space=\"preserve\">{}</w:t>",
                    escape(part)
                ));
            }
        }
        out.push_str("</w:r>");
    }
    out.push_str("</w:p>");
}

fn docx_table(table: &Table, out: &mut String) {
    let columns = table.grid().iter().map(Vec::len).max().unwrap_or(1);
    out.push_str("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/><w:jc w:val=\"center\"/></w:tblPr><w:tblGrid>");
    for _ in 0..columns {
        out.push_str("<w:gridCol w:w=\"900\"/>");
    }
    out.push_str("</w:tblGrid>");
    for row in slots(table) {
        out.push_str("<w:tr><w:trPr><w:jc w:val=\"center\"/></w:trPr>");
        for (_, slot) in row {
            let (span, merge, texts) = match slot {
                Slot::Start(cell) => (
                    cell.columns,
                    (cell.rows > 1).then_some("<w:vMerge w:val=\"restart\"/>"),
                    paragraphs(cell),
                ),
                Slot::Below { columns } => (columns, Some("<w:vMerge/>"), vec![String::new()]),
            };
            out.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"{}\" w:type=\"dxa\"/>",
                900 * span
            ));
            if span > 1 {
                out.push_str(&format!("<w:gridSpan w:val=\"{span}\"/>"));
            }
            out.push_str(merge.unwrap_or(""));
            out.push_str("<w:vAlign w:val=\"center\"/></w:tcPr>");
            for text in texts {
                if text.is_empty() {
                    out.push_str("<w:p/>");
                } else {
                    docx_paragraph(&text, out);
                }
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

const PART_NUMERALS: [&str; 6] = ["一、", "二、", "三、", "四、", "五、", "六、"];

/// With `numbered`, the six part headings (the paragraphs that start with the next of 一、…六、) are
/// numbered by Word: a heading style with a list, their numerals no longer in the text.
fn document_xml(blocks: &[Block], numbered: bool) -> (String, usize) {
    let mut next_part = 0;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n\
         <w:document xmlns:wpc=\"http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas\" \
         xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
         xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
         xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" mc:Ignorable=\"w14\"><w:body>",
    );
    for block in blocks {
        match block {
            Block::Paragraph(text) if text.is_empty() => out.push_str("<w:p/>"),
            Block::Paragraph(text)
                if numbered && next_part < 6 && text.starts_with(PART_NUMERALS[next_part]) =>
            {
                next_part += 1;
                let title = &text[PART_NUMERALS[0].len()..];
                let mut paragraph = String::new();
                docx_paragraph(title, &mut paragraph);
                out.push_str(&paragraph.replacen("<w:pPr>", "<w:pPr><w:pStyle w:val=\"1\"/>", 1));
            }
            Block::Paragraph(text) => docx_paragraph(text, &mut out),
            Block::Table(table) => {
                docx_table(table, &mut out);
                // Word always follows a table with a paragraph.
                out.push_str("<w:p/>");
            }
        }
    }
    out.push_str(
        "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>",
    );
    (out, next_part)
}

/// Gathers what the zip writer hands on, to be deflated in one go.
struct Gather(Vec<u8>);

impl Write for Gather {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const NUMBERING_XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:suff w:val=\"nothing\"/><w:lvlText w:val=\"%1、\"/><w:lvlJc w:val=\"left\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

const STYLES_XML: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/></w:style><w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"a\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:rFonts w:eastAsia=\"黑体\"/></w:rPr></w:style></w:styles>";

/// A .docx of `blocks`: the parts Word needs, deflated, with a fixed date so the bytes are stable.
pub fn docx(blocks: &[Block]) -> Vec<u8> {
    package(document_xml(blocks, false).0, false)
}

/// A .docx whose six part headings Word numbers itself (a numbered heading style), and how many of
/// them it numbers (those that come in order 一、二、… in the seed).
pub fn docx_with_numbered_headings(blocks: &[Block]) -> (Vec<u8>, usize) {
    let (document, numbered) = document_xml(blocks, true);
    (package(document, true), numbered)
}

fn package(document: String, numbered: bool) -> Vec<u8> {
    let mut parts = vec![
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".to_string(),
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".to_string(),
        ),
        ("word/document.xml", document),
    ];
    if numbered {
        parts.push(("word/numbering.xml", NUMBERING_XML.to_string()));
        parts.push(("word/styles.xml", STYLES_XML.to_string()));
        parts.push((
            "word/_rels/document.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>".to_string(),
        ));
    }
    let mut archive = rawzip::ZipArchiveWriter::new(Vec::new());
    for (name, data) in parts {
        let (mut entry, config) = archive
            .new_file(name)
            .compression_method(rawzip::CompressionMethod::DEFLATE)
            .last_modified(rawzip::time::UtcDateTime::from_unix(1_700_000_000))
            .start()
            .unwrap();
        let mut writer = config.wrap(Gather(Vec::new()));
        writer.write_all(data.as_bytes()).unwrap();
        let (gathered, output) = writer.finish().unwrap();
        entry
            .write_all(&miniz_oxide::deflate::compress_to_vec(&gathered.0, 6))
            .unwrap();
        entry.finish(output).unwrap();
    }
    archive.finish().unwrap()
}

// ---- HTML ----

fn is_wide(c: char) -> bool {
    (c as u32) >= 0x2e80
}

/// Word's HTML breaks source lines inside Chinese text; a browser joins them again.
fn wrap_source(text: &str) -> String {
    let mut out = String::new();
    let mut since_break = 0;
    let mut previous = None;
    for c in escape(text).chars() {
        if since_break >= 38 && previous.is_some_and(is_wide) && is_wide(c) {
            out.push_str("\r\n");
            since_break = 0;
        }
        out.push(c);
        since_break += 1;
        previous = Some(c);
    }
    out
}

fn word_paragraph(text: &str, out: &mut String) {
    if text.trim().is_empty() {
        out.push_str("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\r\n");
        return;
    }
    // Word writes tabs as a styled span holding spaces.
    let text = wrap_source(text).replace(
        '\t',
        "<span style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp; </span>",
    );
    out.push_str(&format!(
        "<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt;mso-line-height-rule:exactly'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>{text}<span lang=EN-US><o:p></o:p></span></span></p>\r\n"
    ));
}

fn html_table(table: &Table, word: bool, out: &mut String) {
    out.push_str(if word {
        "<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\r\n"
    } else {
        "<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" align=\"center\" style=\"border-collapse:collapse\">\r\n<tbody>\r\n"
    });
    for (r, row) in table.rows.iter().enumerate() {
        out.push_str(&format!(" <tr style='mso-yfti-irow:{r}'>\r\n"));
        for cell in row {
            let mut attrs = String::new();
            if cell.rows > 1 {
                attrs.push_str(&format!(" rowspan={}", cell.rows));
            }
            if cell.columns > 1 {
                attrs.push_str(&format!(" colspan={}", cell.columns));
            }
            out.push_str(&format!("  <td width=60{attrs} valign=top style='width:45pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>\r\n"));
            for text in paragraphs(cell) {
                if word {
                    if text.is_empty() {
                        out.push_str("  <p class=MsoNormal align=center style='text-align:center'><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\r\n");
                    } else {
                        out.push_str(&format!("  <p class=MsoNormal align=center style='text-align:center'><span style='font-family:宋体'>{}<span lang=EN-US><o:p></o:p></span></span></p>\r\n", wrap_source(&text)));
                    }
                } else {
                    out.push_str(&format!(
                        "<p style=\"text-align:center\">{}</p>",
                        escape(&text)
                    ));
                }
            }
            out.push_str("  </td>\r\n");
        }
        out.push_str(" </tr>\r\n");
    }
    out.push_str(if word {
        "</table>\r\n"
    } else {
        "</tbody>\r\n</table>\r\n"
    });
}

/// The HTML Word puts on the clipboard when the whole document is copied.
pub fn word_clipboard_html(blocks: &[Block]) -> String {
    let mut out = String::from(
        "<html xmlns:v=\"urn:schemas-microsoft-com:vml\"\r\nxmlns:o=\"urn:schemas-microsoft-com:office:office\"\r\nxmlns:w=\"urn:schemas-microsoft-com:office:word\"\r\nxmlns:m=\"http://schemas.microsoft.com/office/2004/12/omml\"\r\nxmlns=\"http://www.w3.org/TR/REC-html40\">\r\n\r\n<head>\r\n<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">\r\n<meta name=ProgId content=Word.Document>\r\n<meta name=Generator content=\"Microsoft Word 15\">\r\n<meta name=Originator content=\"Microsoft Word 15\">\r\n<!--[if gte mso 9]><xml>\r\n <w:WordDocument>\r\n  <w:View>Normal</w:View>\r\n  <w:Zoom>0</w:Zoom>\r\n </w:WordDocument>\r\n</xml><![endif]-->\r\n<style>\r\n<!--\r\n /* Style Definitions */\r\n p.MsoNormal, li.MsoNormal, div.MsoNormal\r\n\t{margin:0cm;text-align:justify;text-justify:inter-ideograph;font-size:10.5pt;font-family:等线;}\r\n-->\r\n</style>\r\n</head>\r\n\r\n<body lang=ZH-CN style='tab-interval:21.0pt;word-wrap:break-word;text-justify-trim:punctuation'>\r\n<!--StartFragment-->\r\n\r\n",
    );
    for block in blocks {
        match block {
            Block::Paragraph(text) => word_paragraph(text, &mut out),
            Block::Table(table) => html_table(table, true, &mut out),
        }
    }
    out.push_str("\r\n<!--EndFragment-->\r\n</body>\r\n\r\n</html>\r\n");
    out
}

/// A report as a government web site serves it, saved from the browser: GB2312 declared, the article
/// inside a layout table, a breadcrumb above it and a script the page runs.
pub fn saved_gbk_page(blocks: &[Block]) -> Vec<u8> {
    let mut out = String::from(
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\r\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\r\n<head>\r\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\" />\r\n<title>政府信息公开工作年度报告_政务公开</title>\r\n<script type=\"text/javascript\">var notice = \"<p>一、总体情况</p>\"; document.title += \"（年报）\";</script>\r\n<style type=\"text/css\">.article p { text-indent: 2em; }</style>\r\n</head>\r\n<body>\r\n<div class=\"crumb\"><a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; 法定主动公开内容</div>\r\n<table width=\"1000\" border=\"0\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\"><tr><td>\r\n<div class=\"article\">\r\n",
    );
    for block in blocks {
        match block {
            Block::Paragraph(text) if text.trim().is_empty() => out.push_str("<p>&nbsp;</p>\r\n"),
            Block::Paragraph(text) => out.push_str(&format!(
                "<p>{}</p>\r\n",
                escape(text).replace('\t', "&nbsp;&nbsp;&nbsp;&nbsp;")
            )),
            Block::Table(table) => html_table(table, false, &mut out),
        }
    }
    out.push_str("</div>\r\n</td></tr></table>\r\n</body>\r\n</html>\r\n");
    // As a browser saves it: a character GBK lacks (NBSP, EN SPACE) becomes a numeric reference.
    let (bytes, _, _) = encoding_rs::GBK.encode(&out);
    bytes.into_owned()
}
