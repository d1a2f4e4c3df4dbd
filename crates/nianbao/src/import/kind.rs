//! Which files the checker reads, told by their first bytes (an extension can lie) and then by name;
//! and for every other file, what to tell the user to do instead.

use super::error::{ImportError, Unsupported};

/// Larger files are refused before they are read: no annual report's text comes near.
pub const LARGEST_FILE: u64 = 20 * 1024 * 1024;

/// A file the checker can read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Plain text or Markdown, in any encoding [`super::charset::of_text`] tells.
    Text,
    /// A saved web page.
    Html,
    /// A Word document.
    Docx,
    /// A PDF file (read by the nianbao-pdf crate, outside the core).
    Pdf,
}

/// Refuses a file too large to be a report, before it is read.
pub fn check_size(name: &str, size: u64) -> Result<(), ImportError> {
    if size > LARGEST_FILE {
        return Err(ImportError::TooLarge {
            name: name.to_string(),
            size: Some(size),
        });
    }
    Ok(())
}

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// What `name` with these first bytes is, or why it is not read and what to do instead.
pub fn classify(name: &str, bytes: &[u8]) -> Result<FileKind, ImportError> {
    check_size(name, bytes.len() as u64)?;
    let ext = extension(name);
    let refuse = |kind: Unsupported| {
        Err(ImportError::Unsupported {
            name: name.to_string(),
            kind,
        })
    };
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        return match ext.as_str() {
            "xlsx" | "xlsm" | "et" => refuse(Unsupported::Spreadsheet),
            "pptx" | "dps" => refuse(Unsupported::Presentation),
            "ofd" => refuse(Unsupported::Ofd),
            "zip" | "jar" => refuse(Unsupported::Archive),
            // A .docx, or a Word document under another name: the reader says if it is not one.
            _ => Ok(FileKind::Docx),
        };
    }
    if starts(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        return match ext.as_str() {
            "docx" => refuse(Unsupported::EncryptedWord),
            "xls" | "et" => refuse(Unsupported::Spreadsheet),
            "ppt" | "dps" => refuse(Unsupported::Presentation),
            _ => refuse(Unsupported::OldWord),
        };
    }
    // A PDF may have bytes before its header (the format allows 1 KB of them).
    if starts(b"%PDF")
        || ext == "pdf"
        || bytes[..bytes.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
    {
        return Ok(FileKind::Pdf);
    }
    if starts(b"{\\rtf") {
        return refuse(Unsupported::Rtf);
    }
    let image = starts(b"\x89PNG")
        || starts(b"\xff\xd8\xff")
        || starts(b"GIF8")
        || starts(b"II*\0")
        || starts(b"MM\0*")
        || (starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP"))
        || matches!(
            ext.as_str(),
            "png" | "jpg" | "jpeg" | "gif" | "bmp" | "tif" | "tiff" | "webp" | "heic"
        );
    if image {
        return refuse(Unsupported::Image);
    }
    let archive = starts(b"Rar!")
        || starts(b"7z\xbc\xaf\x27\x1c")
        || starts(b"\x1f\x8b")
        || matches!(
            ext.as_str(),
            "zip" | "rar" | "7z" | "gz" | "tar" | "tgz" | "bz2" | "xz"
        );
    if archive {
        return refuse(Unsupported::Archive);
    }
    match ext.as_str() {
        "mht" | "mhtml" => return refuse(Unsupported::Mht),
        "doc" | "wps" => return refuse(Unsupported::OldWord),
        "docx" => return Ok(FileKind::Docx),
        "html" | "htm" | "xhtml" | "shtml" => return Ok(FileKind::Html),
        _ => {}
    }
    if looks_binary(bytes) {
        return refuse(Unsupported::Binary);
    }
    if looks_like_html(bytes) {
        return Ok(FileKind::Html);
    }
    Ok(FileKind::Text)
}

/// NUL bytes in the first few KB, unless the file is UTF-16 (which has them between ASCII letters).
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return false;
    }
    bytes[..bytes.len().min(8192)].contains(&0)
}

fn looks_like_html(bytes: &[u8]) -> bool {
    let head = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let head: Vec<u8> = head
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(15)
        .map(u8::to_ascii_lowercase)
        .collect();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_told_by_content_before_name() {
        assert_eq!(
            classify("报告.txt", "一、总体情况".as_bytes()),
            Ok(FileKind::Text)
        );
        assert_eq!(
            classify("报告", b"<!DOCTYPE html><html>"),
            Ok(FileKind::Html)
        );
        assert_eq!(classify("报告.htm", b"<p>x"), Ok(FileKind::Html));
        assert_eq!(classify("报告.zip", b"PK\x03\x04rest").map_err(|e| e.to_string()), Err("无法打开「报告.zip」：这是压缩包，请先解压，再打开其中的报告文件，或直接复制报告正文粘贴到这里。".into()));
        assert_eq!(classify("报告.bin", b"PK\x03\x04rest"), Ok(FileKind::Docx));
        assert_eq!(classify("报告.txt", b"\xff\xfea\0"), Ok(FileKind::Text));
        assert_eq!(classify("报告", b"%PDF-1.7"), Ok(FileKind::Pdf));
        assert_eq!(classify("报告.pdf", b"garbage"), Ok(FileKind::Pdf));
    }

    #[test]
    fn every_refusal_says_what_to_do_instead() {
        let cases: [(&str, &[u8], &str); 7] = [
            ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "另存为 .docx"),
            ("a.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "另存为 .docx"),
            ("a.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "取消密码"),
            ("a.png", b"\x89PNG\r\n", "图片"),
            ("a.rar", b"Rar!\x1a", "解压"),
            ("a.rtf", b"{\\rtf1", "另存为 .docx"),
            ("a.exe", b"MZ\x90\0\x03\0\0\0", "不是文本文件"),
        ];
        for (name, bytes, advice) in cases {
            let message = classify(name, bytes).expect_err(name).to_string();
            assert!(
                message.starts_with(&format!("无法打开「{name}」：")),
                "{message}"
            );
            assert!(message.contains(advice), "{name}: {message}");
        }
        let big = check_size("大.txt", 21 * 1024 * 1024)
            .unwrap_err()
            .to_string();
        assert!(
            big.contains("21.0 MB") && big.contains("超过 20 MB"),
            "{big}"
        );
        assert!(check_size("小.txt", 1024).is_ok());
    }
}
