//! Reading a file the user opened or dropped: which types the page takes, and decoding their text
//! with the browser's own TextDecoder (UTF-8, UTF-16 with BOM, GB18030/GBK) — no decoder in the bundle.

use js_sys::{ArrayBuffer, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, TextDecoder, TextDecoderOptions};

pub const LARGEST_FILE: f64 = 20.0 * 1024.0 * 1024.0;

/// What to tell the user about a file the page does not read, by its extension.
fn refusal(name: &str, size: f64) -> Option<String> {
    if size > LARGEST_FILE {
        return Some(format!(
            "文件「{name}」超过 20 MB，不像是一份年度报告。请只复制报告正文粘贴到这里。"
        ));
    }
    let ext = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    let advice = match ext.as_str() {
        "txt" | "text" | "md" | "markdown" => return None,
        "docx" | "doc" | "wps" | "rtf" => "请在 Word 或 WPS 中打开报告，全选（Ctrl+A）复制后粘贴到这里；或另存为「纯文本 (.txt)」后再打开。",
        "pdf" => "请在 PDF 阅读器中全选复制正文后粘贴到这里。",
        "htm" | "html" | "mht" | "mhtml" => "请在浏览器中打开该网页，全选复制正文后粘贴到这里。",
        "png" | "jpg" | "jpeg" | "gif" | "bmp" | "tif" | "tiff" | "webp" => "图片中的文字无法检查，请复制报告的文字稿粘贴到这里。",
        "zip" | "rar" | "7z" | "gz" => "这是压缩包，请先解压，再打开其中的 .txt 文件或复制报告正文。",
        _ => "本页只能打开 .txt 或 .md 文本文件；其他文件请复制正文后粘贴到这里。",
    };
    Some(format!("无法打开「{name}」。{advice}"))
}

fn decoder(label: &str, fatal: bool) -> Result<TextDecoder, JsValue> {
    let options = TextDecoderOptions::new();
    options.set_fatal(fatal);
    TextDecoder::new_with_label_and_options(label, &options)
}

/// Decodes `bytes`: a BOM decides; else UTF-8 if it is valid; else GB18030 (which covers GBK).
pub fn decode(bytes: &mut [u8]) -> Result<String, String> {
    let (label, skip) = match bytes {
        [0xef, 0xbb, 0xbf, ..] => ("utf-8", 3),
        [0xff, 0xfe, ..] => ("utf-16le", 2),
        [0xfe, 0xff, ..] => ("utf-16be", 2),
        _ => ("", 0),
    };
    let body = &mut bytes[skip..];
    if !label.is_empty() {
        return decoder(label, false)
            .and_then(|d| d.decode_with_u8_array(body))
            .map_err(|_| "文件编码无法识别。".to_string());
    }
    if body.contains(&0) {
        return Err("这不是文本文件。".to_string());
    }
    if let Ok(text) = decoder("utf-8", true).and_then(|d| d.decode_with_u8_array(body)) {
        return Ok(text);
    }
    decoder("gb18030", true)
        .and_then(|d| d.decode_with_u8_array(body))
        .map_err(|_| "文件编码无法识别：既不是 UTF-8，也不是 GBK/GB18030。".to_string())
}

/// Reads `file` as text, or says in Chinese why not.
pub async fn read_text(file: File) -> Result<String, String> {
    let name = file.name();
    if let Some(message) = refusal(&name, file.size()) {
        return Err(message);
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("读取「{name}」失败。"))?;
    let mut bytes = Uint8Array::new(&ArrayBuffer::from(buffer)).to_vec();
    decode(&mut bytes).map_err(|e| format!("无法打开「{name}」：{e}"))
}
