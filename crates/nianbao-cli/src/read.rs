//! A file's bytes as the text the checker reads: plain text in any encoding a Chinese office saves,
//! saved web pages, Word documents and PDF files — the same kinds, decided the same way, as the page.

use std::borrow::Cow;

use nianbao::import::{self, charset::Charset, FileKind, ImportError};

/// `bytes` decoded as `charset` says; `strict` refuses bytes that are not in that encoding. A label
/// encoding_rs does not know (a page may declare anything) falls back to the text rule, as in the page.
///
/// Valid UTF-8 is borrowed, not copied: a page is only parsed, and is not held twice meanwhile.
fn decode<'b>(
    bytes: &'b [u8],
    charset: &Charset,
    strict: bool,
) -> Result<Cow<'b, str>, ImportError> {
    let (encoding, charset) = match encoding_rs::Encoding::for_label(charset.label.as_bytes()) {
        Some(encoding) => (encoding, charset.clone()),
        None => {
            let fallback = import::charset::of_text(bytes);
            let encoding = encoding_rs::Encoding::for_label(fallback.label.as_bytes())
                .unwrap_or(encoding_rs::UTF_8);
            (encoding, fallback)
        }
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[charset.bom..]);
    if had_errors && strict {
        return Err(charset.undecodable());
    }
    Ok(text)
}

/// The text of the file `name` holding `bytes`, or why it cannot be read.
pub fn read_report(name: &str, bytes: &[u8]) -> Result<String, ImportError> {
    match import::classify(name, bytes)? {
        FileKind::Text => {
            decode(bytes, &import::charset::of_text(bytes), true).map(Cow::into_owned)
        }
        // A page that declares its encoding is read like a browser reads it: bad bytes become U+FFFD.
        FileKind::Html => {
            let charset = import::charset::of_html(bytes);
            let html = decode(bytes, &charset, false)?;
            super::markup::html_to_text(name, &html)
        }
        FileKind::Docx => import::docx_to_text(bytes),
        FileKind::Pdf => nianbao_pdf::pdf_to_text(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_what_offices_save() {
        let text = "一、总体情况\n本年度";
        assert_eq!(read_report("a.txt", text.as_bytes()).unwrap(), text);
        let mut bom = vec![0xef, 0xbb, 0xbf];
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(read_report("a.txt", &bom).unwrap(), text);
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(read_report("a.txt", &gbk).unwrap(), text);
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(read_report("a.txt", &utf16).unwrap(), text);
        let mut utf16be = vec![0xfe, 0xff];
        utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(read_report("a.md", &utf16be).unwrap(), text);
    }

    #[test]
    fn refuses_binary_and_says_why() {
        let err = read_report("a.dat", &[0x50, 0x4b, 0x03, 0x04, 0x00, 0xff])
            .unwrap_err()
            .to_string();
        assert!(err.contains("损坏"), "{err}");
        let err = read_report("a.dat", &[0x4d, 0x5a, 0, 0, 0xff])
            .unwrap_err()
            .to_string();
        assert!(err.contains("不是文本文件"), "{err}");
    }

    #[test]
    fn a_page_declaring_an_unknown_charset_is_read_as_text_would_be() {
        let (gbk, _, _) =
            encoding_rs::GBK.encode("<meta charset=\"x-nonsense\"><p>一、总体情况</p>");
        assert_eq!(read_report("a.htm", &gbk).unwrap(), "一、总体情况\n");
    }

    #[test]
    fn a_gbk_page_is_read_by_its_meta_charset() {
        let page =
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
                    <title>标题不算正文</title></head><body><p>一、总体情况</p>\
                    <table><caption>表三</caption><tr><td rowspan=2>三、结果</td><td>（一）予以公开</td><td>3</td></tr>\
                    <tr><td>（二）部分公开</td><td>&nbsp;</td></tr></table></body></html>";
        let (gbk, _, _) = encoding_rs::GBK.encode(page);
        let text = read_report("page.htm", &gbk).unwrap();
        assert_eq!(
            text,
            "一、总体情况\n表三\n\n三、结果\u{3000}（一）予以公开\t3\n（二）部分公开\n"
        );
    }
}
