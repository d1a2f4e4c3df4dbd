//! File names as the CLI shows them. A name is any bytes the system allows (a GBK-named file from a
//! Chinese Windows share is not UTF-8; a name may hold a newline): shown so that a line of output is
//! one line and says which file it means.

use std::borrow::Cow;
use std::ffi::OsStr;

/// A run of a name: text, or a byte that is not UTF-8.
enum Piece<'a> {
    Text(Cow<'a, str>),
    Byte(u8),
}

fn pieces(path: &OsStr) -> Vec<Piece<'_>> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = Vec::new();
        for chunk in path.as_bytes().utf8_chunks() {
            out.push(Piece::Text(Cow::Borrowed(chunk.valid())));
            out.extend(chunk.invalid().iter().map(|&b| Piece::Byte(b)));
        }
        out
    }
    #[cfg(not(unix))]
    {
        vec![Piece::Text(path.to_string_lossy())]
    }
}

/// Characters that would break a line or reorder what a terminal shows: control characters and the
/// bidirectional overrides.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The name in text output and messages: bytes that are not UTF-8 as `\xD6`, control characters
/// (and a backslash) escaped as in Rust and C.
pub fn shown(path: &OsStr) -> String {
    let mut out = String::new();
    for piece in pieces(path) {
        match piece {
            Piece::Text(text) => {
                for c in text.chars() {
                    match c {
                        '\\' => out.push_str("\\\\"),
                        '\n' => out.push_str("\\n"),
                        '\r' => out.push_str("\\r"),
                        '\t' => out.push_str("\\t"),
                        c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
                        c => out.push(c),
                    }
                }
            }
            Piece::Byte(byte) => out.push_str(&format!("\\x{byte:02X}")),
        }
    }
    out
}

/// The name in JSON, which escapes characters itself: only bytes that are not UTF-8 are written
/// as `\xD6`.
pub fn in_json(path: &OsStr) -> String {
    let mut out = String::new();
    for piece in pieces(path) {
        match piece {
            Piece::Text(text) => out.push_str(&text),
            Piece::Byte(byte) => out.push_str(&format!("\\x{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_shown_on_one_line_and_unambiguously() {
        assert_eq!(shown(OsStr::new("年报 2023.docx")), "年报 2023.docx");
        assert_eq!(
            shown(OsStr::new("a\nb\tc\u{1b}[31m")),
            "a\\nb\\tc\\u{1b}[31m"
        );
        assert_eq!(shown(OsStr::new("a\\n")), "a\\\\n");
        assert_eq!(shown(OsStr::new("\u{202e}txt.exe")), "\\u{202e}txt.exe");
        assert_eq!(in_json(OsStr::new("a\nb")), "a\nb");
    }

    #[cfg(unix)]
    #[test]
    fn bytes_that_are_not_utf8_are_shown_as_bytes() {
        use std::os::unix::ffi::OsStrExt;
        // 「报告」 in GBK.
        let gbk = OsStr::from_bytes(b"\xb1\xa8\xb8\xe6.txt");
        assert_eq!(shown(gbk), "\\xB1\\xA8\\xB8\\xE6.txt");
        assert_eq!(in_json(gbk), "\\xB1\\xA8\\xB8\\xE6.txt");
        // GBK bytes that happen to be UTF-8 are shown as the character they make.
        assert_eq!(
            shown(OsStr::from_bytes(b"\xc4\xea\xb1\xa8")),
            "\\xC4\u{ac68}"
        );
    }
}
