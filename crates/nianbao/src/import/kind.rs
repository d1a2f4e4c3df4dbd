//! Which files the checker reads, told by their first bytes (an extension can lie) and then by name;
//! and for every other file, what to tell the user to do instead.

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
}

const PASTE: &str = "或直接复制报告正文粘贴到这里。";

/// Refuses a file too large to be a report, before it is read.
pub fn check_size(name: &str, size: u64) -> Result<(), String> {
    if size > LARGEST_FILE {
        // Tenths of a megabyte in integers: float formatting would add about 5 KB to the page.
        let tenths = (size.saturating_mul(10) + 512 * 1024) / (1024 * 1024);
        let (mb, tenth) = (tenths / 10, tenths % 10);
        return Err(format!(
            "无法打开「{name}」：文件有 {mb}.{tenth} MB，超过 20 MB，不像是一份年度报告。请只复制报告正文粘贴到这里。"
        ));
    }
    Ok(())
}

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// What `name` with these first bytes is, or a message in Chinese saying why it is not read and what
/// to do instead.
pub fn classify(name: &str, bytes: &[u8]) -> Result<FileKind, String> {
    check_size(name, bytes.len() as u64)?;
    let ext = extension(name);
    let refuse = |advice: &str| Err(format!("无法打开「{name}」：{advice}"));
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        return match ext.as_str() {
            "xlsx" | "xlsm" | "et" => refuse(&format!("这是电子表格，不是报告正文。请打开报告本身，{PASTE}")),
            "pptx" | "dps" => refuse(&format!("这是演示文稿，不是报告正文。请打开报告本身，{PASTE}")),
            "ofd" => refuse("OFD 版式文件无法直接读取。请在 OFD 阅读器中全选复制正文后粘贴到这里，或打开报告的 Word 版本。"),
            "zip" | "jar" => refuse(&format!("这是压缩包，请先解压，再打开其中的报告文件，{PASTE}")),
            // A .docx, or a Word document under another name: the reader says if it is not one.
            _ => Ok(FileKind::Docx),
        };
    }
    if starts(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") {
        return match ext.as_str() {
            "docx" => refuse(&format!("这个 Word 文档设有打开密码（已加密），无法读取。请在 Word 中取消密码后另存为 .docx，{PASTE}")),
            "xls" | "et" => refuse(&format!("这是电子表格，不是报告正文。请打开报告本身，{PASTE}")),
            "ppt" | "dps" => refuse(&format!("这是演示文稿，不是报告正文。请打开报告本身，{PASTE}")),
            _ => refuse(&format!("这是旧版 Word/WPS 文档（.doc 或 .wps），本页无法读取。请在 Word 或 WPS 中打开，另存为 .docx 后再打开，{PASTE}")),
        };
    }
    if starts(b"%PDF") || ext == "pdf" {
        return refuse("PDF 文件无法直接读取。请在 PDF 阅读器中全选复制正文后粘贴到这里；如有报告的 Word 版本（.docx），可直接打开。");
    }
    if starts(b"{\\rtf") {
        return refuse(&format!(
            "RTF 文档无法直接读取。请在 Word 或 WPS 中打开，另存为 .docx 后再打开，{PASTE}"
        ));
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
        return refuse(
            "图片中的文字无法检查。请打开报告的文字稿（.docx 或 .txt），或复制正文粘贴到这里。",
        );
    }
    let archive = starts(b"Rar!")
        || starts(b"7z\xbc\xaf\x27\x1c")
        || starts(b"\x1f\x8b")
        || matches!(
            ext.as_str(),
            "zip" | "rar" | "7z" | "gz" | "tar" | "tgz" | "bz2" | "xz"
        );
    if archive {
        return refuse(&format!(
            "这是压缩包，请先解压，再打开其中的报告文件，{PASTE}"
        ));
    }
    match ext.as_str() {
        "mht" | "mhtml" => {
            return refuse(&format!("MHT 单文件网页无法直接读取。请在浏览器中打开后另存为「网页，仅 HTML」（.html）再打开，{PASTE}"))
        }
        "doc" | "wps" => {
            return refuse(&format!("这是旧版 Word/WPS 文档，本页无法读取。请在 Word 或 WPS 中另存为 .docx 后再打开，{PASTE}"))
        }
        "docx" => return Ok(FileKind::Docx),
        "html" | "htm" | "xhtml" | "shtml" => return Ok(FileKind::Html),
        _ => {}
    }
    if looks_binary(bytes) {
        return refuse(&format!(
            "这不是文本文件。本页能打开 .docx、.txt、.md 和保存的网页（.html），{PASTE}"
        ));
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
    fn a_file_too_large_is_told_in_tenths_of_a_megabyte() {
        const MB: u64 = 1024 * 1024;
        assert!(check_size("a.txt", LARGEST_FILE).is_ok());
        let told = |size| check_size("a.txt", size).unwrap_err();
        assert!(told(21 * MB).contains("文件有 21.0 MB，超过 20 MB"));
        assert!(told(21 * MB + MB / 20 - 1).contains("文件有 21.0 MB"));
        assert!(told(21 * MB + MB / 20 + 1).contains("文件有 21.1 MB"));
        assert!(told(LARGEST_FILE + 1).contains("文件有 20.0 MB"));
        assert!(told(1000 * MB + 999 * MB / 1000).contains("文件有 1001.0 MB"));
    }

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
        assert_eq!(classify("报告.zip", b"PK\x03\x04rest"), Err("无法打开「报告.zip」：这是压缩包，请先解压，再打开其中的报告文件，或直接复制报告正文粘贴到这里。".into()));
        assert_eq!(classify("报告.bin", b"PK\x03\x04rest"), Ok(FileKind::Docx));
        assert_eq!(classify("报告.txt", b"\xff\xfea\0"), Ok(FileKind::Text));
    }

    #[test]
    fn every_refusal_says_what_to_do_instead() {
        let cases: [(&str, &[u8], &str); 8] = [
            ("a.pdf", b"%PDF-1.7", "复制正文"),
            ("a.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "另存为 .docx"),
            ("a.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "另存为 .docx"),
            ("a.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "取消密码"),
            ("a.png", b"\x89PNG\r\n", "图片"),
            ("a.rar", b"Rar!\x1a", "解压"),
            ("a.rtf", b"{\\rtf1", "另存为 .docx"),
            ("a.exe", b"MZ\x90\0\x03\0\0\0", "不是文本文件"),
        ];
        for (name, bytes, advice) in cases {
            let message = classify(name, bytes).expect_err(name);
            assert!(
                message.starts_with(&format!("无法打开「{name}」：")),
                "{message}"
            );
            assert!(message.contains(advice), "{name}: {message}");
        }
        let big = check_size("大.txt", 21 * 1024 * 1024).unwrap_err();
        assert!(
            big.contains("21.0 MB") && big.contains("超过 20 MB"),
            "{big}"
        );
        assert!(check_size("小.txt", 1024).is_ok());
    }
}
