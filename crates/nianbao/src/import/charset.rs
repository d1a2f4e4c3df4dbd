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

/// As [`of_text`], except that without a byte-order mark the page's own declaration in its first
/// few KB — a `<meta charset>`, or an `http-equiv` Content-Type with a charset — is believed first,
/// found as the HTML standard's prescan finds it.
pub fn of_html(bytes: &[u8]) -> Charset {
    if let Some(bom) = by_bom(bytes) {
        return bom;
    }
    match prescan(&bytes[..bytes.len().min(PRESCANNED)]) {
        Some(label) => Charset::new(&label, 0),
        None => of_text(bytes),
    }
}

/// How far the prescan looks. The standard asks for at least 1,024 bytes; browsers also obey a
/// declaration found later while parsing, and Word's pages put theirs after a long `<html>` tag.
const PRESCANNED: usize = 4096;

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// The HTML standard's "prescan a byte stream to determine its encoding": comments and other
/// tags are stepped over, and the first `<meta>` that declares an encoding decides. The label is
/// normalised as [`normalise`] says; UTF-16 means UTF-8 here (a page read as bytes that declares
/// UTF-16 cannot be, or the prescan would not have read it), and `x-user-defined` windows-1252.
fn prescan(bytes: &[u8]) -> Option<String> {
    let mut at = 0;
    while at < bytes.len() {
        let rest = &bytes[at..];
        if rest.starts_with(b"<!--") {
            // To the first `-->` whose `>` comes after the `<!`: `<!-->` is a whole comment.
            at += 2 + find(&rest[2..], b"-->")? + 3;
        } else if starts_with_ignoring_case(rest, b"<meta")
            && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/')
        {
            at += 6;
            if let Some(label) = meta_charset(bytes, &mut at)? {
                return Some(label);
            }
        } else if rest.len() > 1
            && rest[0] == b'<'
            && (rest[1].is_ascii_alphabetic()
                || (rest[1] == b'/' && rest.get(2).is_some_and(u8::is_ascii_alphabetic)))
        {
            // Some other tag: its name, then its attributes (a `>` in a quoted value is no end).
            at += rest
                .iter()
                .position(|&b| is_space(b) || b == b'>')
                .unwrap_or(rest.len());
            while attribute(bytes, &mut at)?.is_some() {}
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            at += rest.iter().position(|&b| b == b'>')? + 1;
        } else {
            at += 1;
        }
    }
    None
}

/// Reads a `<meta>` tag's attributes from `at` (just past `<meta`): the encoding it declares, or
/// `Some(None)` when it declares none; `None` when the bytes end inside it.
fn meta_charset(bytes: &[u8], at: &mut usize) -> Option<Option<String>> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let (mut got_pragma, mut need_pragma, mut charset) = (false, None, None);
    while let Some((name, value)) = attribute(bytes, at)? {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" if value == b"content-type" => got_pragma = true,
            b"content" if charset.is_none() => {
                if let Some(label) = charset_in_content(&value) {
                    charset = Some(label);
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = Some(value.clone());
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    let label = match need_pragma {
        None | Some(true) if !got_pragma => return Some(None),
        _ => charset.map(|c| label_of(&c)),
    };
    Some(
        label
            .filter(|l| !l.is_empty())
            .map(|label| match label.as_str() {
                "csunicode" | "iso-10646-ucs-2" | "ucs-2" | "unicode" | "unicodefeff"
                | "utf-16" | "utf-16le" | "unicodefffe" | "utf-16be" => "utf-8".to_string(),
                "x-user-defined" => "windows-1252".to_string(),
                _ => label,
            }),
    )
}

/// A label as the standard compares labels: ASCII whitespace trimmed, lower case, normalised.
fn label_of(value: &[u8]) -> String {
    let value = String::from_utf8_lossy(value);
    normalise(value.trim_matches(|c: char| c.is_ascii_whitespace()))
}

/// The standard's "get an attribute": the next attribute from `at`, its name and value in lower
/// case; `Some(None)` at the tag's end; `None` when the bytes end first.
#[allow(clippy::type_complexity)]
fn attribute(bytes: &[u8], at: &mut usize) -> Option<Option<(Vec<u8>, Vec<u8>)>> {
    let byte = |i: usize| bytes.get(i).copied();
    while byte(*at).is_some_and(|b| is_space(b) || b == b'/') {
        *at += 1;
    }
    if byte(*at)? == b'>' {
        return Some(None);
    }
    let mut name = Vec::new();
    // The name, up to `=`, a space, `/` or `>`.
    loop {
        let b = byte(*at)?;
        if b == b'=' && !name.is_empty() {
            *at += 1;
            break;
        }
        if is_space(b) {
            while byte(*at).is_some_and(is_space) {
                *at += 1;
            }
            if byte(*at)? != b'=' {
                return Some(Some((name, Vec::new())));
            }
            *at += 1;
            break;
        }
        if b == b'/' || b == b'>' {
            return Some(Some((name, Vec::new())));
        }
        name.push(b.to_ascii_lowercase());
        *at += 1;
    }
    while byte(*at).is_some_and(is_space) {
        *at += 1;
    }
    let mut value = Vec::new();
    let first = byte(*at)?;
    if first == b'"' || first == b'\'' {
        loop {
            *at += 1;
            let b = byte(*at)?;
            if b == first {
                *at += 1;
                return Some(Some((name, value)));
            }
            value.push(b.to_ascii_lowercase());
        }
    }
    if first == b'>' {
        return Some(Some((name, value)));
    }
    loop {
        let b = byte(*at)?;
        if is_space(b) || b == b'>' {
            return Some(Some((name, value)));
        }
        value.push(b.to_ascii_lowercase());
        *at += 1;
    }
}

/// The standard's "extract a character encoding from a meta element": the label after `charset=`
/// in a Content-Type value such as `text/html; charset=gb2312`.
fn charset_in_content(content: &[u8]) -> Option<Vec<u8>> {
    let mut from = 0;
    loop {
        let at = from + find(&content[from..], b"charset")? + b"charset".len();
        let rest = trim_start(&content[at..]);
        let Some(rest) = rest.strip_prefix(b"=") else {
            from = at;
            continue;
        };
        let rest = trim_start(rest);
        return match rest.first()? {
            &quote @ (b'"' | b'\'') => {
                let end = rest[1..].iter().position(|&b| b == quote)?;
                Some(rest[1..1 + end].to_vec())
            }
            _ => {
                let end = rest
                    .iter()
                    .position(|&b| is_space(b) || b == b';')
                    .unwrap_or(rest.len());
                Some(rest[..end].to_vec())
            }
        };
    }
}

fn starts_with_ignoring_case(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.len() >= prefix.len() && bytes[..prefix.len()].eq_ignore_ascii_case(prefix)
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
    let n = bytes.iter().take_while(|&&b| is_space(b)).count();
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

    #[test]
    fn the_prescan_follows_the_html_standard() {
        let label = |html: &str| of_html(html.as_bytes()).label;
        // A page read as bytes is not UTF-16, whatever it says; x-user-defined is windows-1252.
        assert_eq!(label("<meta charset=\"utf-16\"><p>一"), "utf-8");
        assert_eq!(label("<META CHARSET='UTF-16BE'>"), "utf-8");
        assert_eq!(label("<meta charset=\"x-user-defined\">"), "windows-1252");
        // A commented-out declaration is not one; the next one counts.
        assert_eq!(label("<!-- <meta charset=\"big5\"> --><p>一"), "utf-8");
        assert_eq!(label("<!--><meta charset=big5>"), "big5");
        assert_eq!(
            label("<!-- <meta charset=gbk> --><meta charset=big5>"),
            "big5"
        );
        // A Content-Type counts only with its http-equiv, in either order.
        assert_eq!(
            label("<meta content=\"text/html; charset=big5\"><p>一"),
            "utf-8"
        );
        assert_eq!(
            label("<meta content=\"text/html; charset='big5'\" http-equiv=content-type>"),
            "big5"
        );
        // A `>` inside a quoted value does not end a tag; a tag that never ends is no declaration.
        assert_eq!(label("<title x=\">\"><meta charset=big5>"), "big5");
        assert_eq!(label("<p title='<meta charset=big5>'>一"), "utf-8");
        assert_eq!(label("<meta charset=\"big5"), "utf-8");
        assert_eq!(label("<meta charset=\" Big5 \">"), "big5");
        // The first attribute of a name counts.
        assert_eq!(label("<meta charset=big5 charset=gbk>"), "big5");
    }
}
