//! Why a file cannot be read, and what to do instead: every message the readers give, written once.
//! `Display` is the advice in Chinese, as the page and the command line show it.

use std::fmt;

use super::kind::LARGEST_FILE;

/// A file the checker does not read, and so what the user should open or paste instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsupported {
    Spreadsheet,
    Presentation,
    Ofd,
    Archive,
    /// A Word document with an opening password.
    EncryptedWord,
    /// .doc or .wps, Word's and WPS's binary formats.
    OldWord,
    Rtf,
    Image,
    /// A single-file web archive.
    Mht,
    /// Not text at all (an executable, a database…).
    Binary,
}

/// Why a file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`LARGEST_FILE`]: `size` in bytes when known (a stream is stopped at the limit).
    TooLarge { name: String, size: Option<u64> },
    /// A kind of file the checker does not read.
    Unsupported { name: String, kind: Unsupported },
    /// A .docx that is not a well-formed zip of well-formed XML, or inflates too far.
    BrokenDocx,
    /// A zip with no Word document in it.
    NotWord,
    /// Text whose bytes are not in the encoding its byte-order mark says.
    BadBom,
    /// Text in an encoding that is neither UTF-8 nor GB18030.
    UnknownEncoding,
    /// A web page whose elements nest deeper than `limit`.
    TooDeep { name: String, limit: usize },
    /// A web page whose markup, deep and long at once, would take too long to parse.
    TooIntricate { name: String },
    /// A PDF with pages but no text on them: a scan or photographs of paper.
    ScannedPdf,
    /// A PDF that needs a password to be read.
    EncryptedPdf,
    /// A PDF whose structure cannot be parsed (cut short, damaged, or not a PDF at all).
    BrokenPdf,
    /// A PDF whose text is in a font that does not say which characters its glyphs are: read, it
    /// would be garbage, and garbage is not checked.
    PdfWithoutUnicode,
    /// The page's PDF worker did not start, or failed while reading.
    PdfReaderFailed,
    /// A .zip of reports that is not a well-formed zip.
    BrokenArchive { name: String },
    /// A file in a .zip whose name points outside it (「../x」, an absolute path).
    UnsafeEntry { name: String },
    /// A .zip with more files than `most`.
    TooManyEntries { name: String, most: usize },
}

const PASTE: &str = "或直接复制报告正文粘贴到这里。";

const IN_BROWSER: &str = "请在浏览器中打开这个网页，全选复制正文后粘贴到这里。";

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unsupported::Spreadsheet => write!(f, "这是电子表格，不是报告正文。请打开报告本身，{PASTE}"),
            Unsupported::Presentation => write!(f, "这是演示文稿，不是报告正文。请打开报告本身，{PASTE}"),
            Unsupported::Ofd => f.write_str("OFD 版式文件无法直接读取。请在 OFD 阅读器中全选复制正文后粘贴到这里，或打开报告的 Word 版本。"),
            Unsupported::Archive => write!(f, "这是压缩包，请先解压，再打开其中的报告文件，{PASTE}"),
            Unsupported::EncryptedWord => write!(f, "这个 Word 文档设有打开密码（已加密），无法读取。请在 Word 中取消密码后另存为 .docx，{PASTE}"),
            Unsupported::OldWord => write!(f, "这是旧版 Word/WPS 文档（.doc 或 .wps），本页无法读取。请在 Word 或 WPS 中打开，另存为 .docx 后再打开，{PASTE}"),
            Unsupported::Rtf => write!(f, "RTF 文档无法直接读取。请在 Word 或 WPS 中打开，另存为 .docx 后再打开，{PASTE}"),
            Unsupported::Image => f.write_str("图片中的文字无法检查。请打开报告的文字稿（.docx 或 .txt），或复制正文粘贴到这里。"),
            Unsupported::Mht => write!(f, "MHT 单文件网页无法直接读取。请在浏览器中打开后另存为「网页，仅 HTML」（.html）再打开，{PASTE}"),
            Unsupported::Binary => write!(f, "这不是文本文件。本页能打开 .docx、.txt、.md 和保存的网页（.html），{PASTE}"),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { name, size } => {
                write!(f, "无法打开「{name}」：")?;
                if let Some(size) = size {
                    // Tenths of a megabyte in integers: f64 formatting costs the page 7.8 KB (gzip).
                    let tenths = (size.saturating_mul(10) + 512 * 1024) / (1024 * 1024);
                    write!(f, "文件有 {}.{} MB，", tenths / 10, tenths % 10)?;
                }
                write!(
                    f,
                    "超过 {} MB，不像是一份年度报告。请只复制报告正文粘贴到这里。",
                    LARGEST_FILE / (1024 * 1024)
                )
            }
            ImportError::Unsupported { name, kind } => write!(f, "无法打开「{name}」：{kind}"),
            ImportError::BrokenDocx => f.write_str("这个 .docx 文件已损坏或不完整，无法读取。请在 Word 或 WPS 中打开后重新保存，或直接复制正文粘贴到这里。"),
            ImportError::NotWord => f.write_str("这个文件不是 Word 文档（里面没有 Word 正文）。请打开 Word 另存的 .docx 文件，或直接复制正文粘贴到这里。"),
            ImportError::BadBom => f.write_str("文件编码损坏（按 BOM 所示编码无法解码）"),
            ImportError::UnknownEncoding => f.write_str("无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK"),
            ImportError::TooDeep { name, limit } => write!(f, "无法打开「{name}」：网页的标签嵌套超过 {limit} 层，无法读取。{IN_BROWSER}"),
            ImportError::TooIntricate { name } => write!(f, "无法打开「{name}」：网页的标签层层嵌套、数量又极多，读取需时过长。{IN_BROWSER}"),
            ImportError::ScannedPdf => write!(f, "这是扫描件，没有可读取的文字（PDF 中只有图片）。请打开报告的 Word 版本（.docx）或文字版 PDF，{PASTE}"),
            ImportError::EncryptedPdf => f.write_str("这个 PDF 文件设有密码（已加密），无法读取。请在 PDF 阅读器中输入密码后全选复制正文，粘贴到这里；或打开报告的 Word 版本（.docx）。"),
            ImportError::BrokenPdf => write!(f, "这个 PDF 文件已损坏或不完整，无法读取。请重新下载或导出 PDF，或打开报告的 Word 版本（.docx），{PASTE}"),
            ImportError::PdfReaderFailed => f.write_str("读取 PDF 的程序没有启动或中途出错。请刷新页面后重试，或打开报告的 Word 版本（.docx），或直接复制正文粘贴到这里。"),
            ImportError::BrokenArchive { name } => write!(f, "无法打开「{name}」：压缩包已损坏或不完整，无法读取。请重新压缩，或把其中的报告文件直接拖到这里。"),
            ImportError::UnsafeEntry { name } => write!(f, "未读取「{name}」：它在压缩包中的路径指向压缩包以外，不是一份报告应有的位置。请解压后检查这个文件。"),
            ImportError::TooManyEntries { name, most } => write!(f, "无法打开「{name}」：压缩包中的文件超过 {most} 个，请分批检查。"),
            ImportError::PdfWithoutUnicode => f.write_str("这个 PDF 的字体没有文字编码表，读出的文字会是乱码，无法检查。请打开报告的 Word 版本（.docx），或在 PDF 阅读器中复制正文，核对无误后粘贴到这里。"),
        }
    }
}

impl std::error::Error for ImportError {}

/// Front ends that pass messages on as text take the advice as it is shown.
impl From<ImportError> for String {
    fn from(error: ImportError) -> String {
        error.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Unsupported; 10] = [
        Unsupported::Spreadsheet,
        Unsupported::Presentation,
        Unsupported::Ofd,
        Unsupported::Archive,
        Unsupported::EncryptedWord,
        Unsupported::OldWord,
        Unsupported::Rtf,
        Unsupported::Image,
        Unsupported::Mht,
        Unsupported::Binary,
    ];

    #[test]
    fn each_refusal_names_the_file_and_says_what_to_do_instead() {
        let mut seen = Vec::new();
        for kind in ALL {
            let message = ImportError::Unsupported {
                name: "年报.x".into(),
                kind,
            }
            .to_string();
            assert!(message.starts_with("无法打开「年报.x」："), "{message}");
            assert!(
                message.contains("请") || message.contains("粘贴"),
                "{message}"
            );
            assert!(!seen.contains(&message), "said twice: {message}");
            seen.push(message);
        }
        let streamed = ImportError::TooLarge {
            name: "-".into(),
            size: None,
        };
        assert_eq!(
            streamed.to_string(),
            "无法打开「-」：超过 20 MB，不像是一份年度报告。请只复制报告正文粘贴到这里。"
        );
        let message: String = ImportError::BrokenDocx.into();
        assert!(message.contains("损坏"), "{message}");
    }

    #[test]
    fn a_file_too_large_is_told_in_tenths_of_a_megabyte() {
        const MB: u64 = 1024 * 1024;
        let told = |size| {
            ImportError::TooLarge {
                name: "a.txt".into(),
                size: Some(size),
            }
            .to_string()
        };
        assert!(told(21 * MB).contains("文件有 21.0 MB，超过 20 MB"));
        assert!(told(21 * MB + MB / 20 - 1).contains("文件有 21.0 MB"));
        assert!(told(21 * MB + MB / 20 + 1).contains("文件有 21.1 MB"));
        assert!(told(LARGEST_FILE + 1).contains("文件有 20.0 MB"));
        assert!(told(1000 * MB + 999 * MB / 1000).contains("文件有 1001.0 MB"));
    }

    /// The messages are written here and nowhere else in the readers.
    #[test]
    fn no_reader_writes_a_message_of_its_own() {
        let readers = [
            include_str!("kind.rs"),
            include_str!("archive.rs"),
            include_str!("charset.rs"),
            include_str!("html.rs"),
            include_str!("docx/mod.rs"),
            include_str!("docx/package.rs"),
            include_str!("docx/body.rs"),
        ];
        for source in readers {
            let code = source.split("#[cfg(test)]").next().unwrap_or_default();
            for phrase in [
                "无法打开「",
                "粘贴到这里",
                "无法读取",
                "编码损坏",
                "无法识别",
            ] {
                assert!(!code.contains(phrase), "{phrase}");
            }
        }
    }
}
