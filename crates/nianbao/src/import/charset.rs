//! Which encoding a text file or saved web page is in, decided once here for both the page (which
//! decodes with the browser's TextDecoder) and the command line (encoding_rs). The answer is a WHATWG
//! encoding label, which both understand.

use super::error::ImportError;

/// How to decode a file: a WHATWG encoding label and how many bytes of byte-order mark to skip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Charset {
    pub label: String,
    pub bom: usize,
}

impl Charset {
    fn new(label: &str, bom: usize) -> Self {
        Charset {
            label: label.to_string(),
            bom,
        }
    }
}

impl Charset {
    /// What to tell the user when the bytes are not in this encoding.
    pub fn undecodable(&self) -> ImportError {
        if self.bom > 0 {
            ImportError::BadBom
        } else {
            ImportError::UnknownEncoding
        }
    }
}

fn by_bom(bytes: &[u8]) -> Option<Charset> {
    match bytes {
        [0xef, 0xbb, 0xbf, ..] => Some(Charset::new("utf-8", 3)),
        [0xff, 0xfe, ..] => Some(Charset::new("utf-16le", 2)),
        [0xfe, 0xff, ..] => Some(Charset::new("utf-16be", 2)),
        _ => None,
    }
}

/// A byte-order mark decides; else UTF-8 if the bytes are valid UTF-8; else GB18030, which covers GBK
/// and GB2312, the encodings Chinese Windows saves text in.
pub fn of_text(bytes: &[u8]) -> Charset {
    by_bom(bytes).unwrap_or_else(|| {
        if std::str::from_utf8(bytes).is_ok() {
            Charset::new("utf-8", 0)
        } else {
            Charset::new("gb18030", 0)
        }
    })
}

/// As [`of_text`], except that without a byte-order mark the page's own `<meta charset>` (or
/// `http-equiv` Content-Type) in its first few KB is believed first.
pub fn of_html(bytes: &[u8]) -> Charset {
    if let Some(bom) = by_bom(bytes) {
        return bom;
    }
    match declared(&bytes[..bytes.len().min(4096)]) {
        Some(label) => Charset::new(&label, 0),
        None => of_text(bytes),
    }
}

/// The encoding a page declares in a `<meta>` tag, normalised: the GB family all become gb18030 (a
/// page that says gb2312 often holds GBK characters, and a decoder for gb2312 reads only gb2312).
fn declared(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + b"charset".len()..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label: Vec<u8> = rest
                    .iter()
                    .copied()
                    .take_while(|b| {
                        b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')
                    })
                    .collect();
                if !label.is_empty() {
                    return Some(normalise(&String::from_utf8_lossy(&label)));
                }
            }
        }
        from = end;
    }
    None
}

fn normalise(label: &str) -> String {
    match label {
        "gb2312" | "gbk" | "x-gbk" | "gb18030" | "cp936" | "windows-936" | "euc-cn"
        | "csgb2312" | "chinese" | "iso-ir-58" | "gb_2312-80" => "gb18030".to_string(),
        "utf8" | "unicode-1-1-utf-8" => "utf-8".to_string(),
        other => other.to_string(),
    }
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let n = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[n..]
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bom_decides_then_utf8_then_gb18030() {
        assert_eq!(of_text(b"\xef\xbb\xbfabc"), Charset::new("utf-8", 3));
        assert_eq!(of_text(b"\xff\xfea\0"), Charset::new("utf-16le", 2));
        assert_eq!(of_text(b"\xfe\xff\0a"), Charset::new("utf-16be", 2));
        assert_eq!(of_text("一、总体情况".as_bytes()), Charset::new("utf-8", 0));
        assert_eq!(of_text(b"\xd2\xbb\xa1\xa2"), Charset::new("gb18030", 0)); // 一、 in GBK
    }

    #[test]
    fn a_page_declares_its_charset() {
        let old = b"<html><head><META http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312\"></head>";
        assert_eq!(of_html(old).label, "gb18030");
        assert_eq!(of_html(b"<meta charset='utf-8'><p>\xd2\xbb").label, "utf-8");
        assert_eq!(of_html(b"<meta name=x><meta charset=big5>").label, "big5");
        // Nothing declared: as for text.
        assert_eq!(of_html(b"<p>\xd2\xbb\xa1\xa2</p>").label, "gb18030");
        assert_eq!(of_html(b"\xef\xbb\xbf<meta charset=gbk>").label, "utf-8");
    }
}
