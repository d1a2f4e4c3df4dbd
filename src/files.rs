//! Reading a file the user opened or dropped. What the file is and which encoding it is in is decided
//! by the core (`import`), the same as on the command line; the browser decodes the text (TextDecoder)
//! and parses web pages (DOMParser), so neither a decoder nor an HTML parser is in the bundle; a PDF is
//! read by the PDF worker (src/pdf.rs), so no PDF code is either; a Word file by the check worker
//! (src/check.rs), so neither is the Word reader, and its reading never blocks the page.

use js_sys::{ArrayBuffer, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, TextDecoder, TextDecoderOptions};

use nianbao::import::{self, charset::Charset, FileKind};

fn decoder(label: &str, fatal: bool) -> Result<TextDecoder, JsValue> {
    let options = TextDecoderOptions::new();
    options.set_fatal(fatal);
    TextDecoder::new_with_label_and_options(label, &options)
}

/// A zip entry's name that is no UTF-8, read as GBK (Windows' own zip on a Chinese system).
pub fn gbk_name(raw: &[u8]) -> Option<String> {
    decoder("gbk", true).ok()?.decode_with_u8_array(raw).ok()
}

/// `bytes` decoded as `charset` says; `strict` refuses bytes that are not in that encoding. A label
/// the browser does not know (a page may declare anything) falls back to the text rule.
fn decode(bytes: &[u8], charset: &Charset, strict: bool) -> Result<String, String> {
    let (decoder, charset) = match decoder(&charset.label, strict) {
        Ok(d) => (d, charset.clone()),
        Err(_) => {
            let fallback = import::charset::of_text(bytes);
            let d = decoder(&fallback.label, strict).map_err(|_| fallback.undecodable())?;
            (d, fallback)
        }
    };
    decoder
        .decode_with_u8_array(&bytes[charset.bom..])
        .map_err(|_| charset.undecodable().to_string())
}

/// The text of the file's bytes, or why not (in Chinese).
pub async fn text_of(name: &str, bytes: &[u8]) -> Result<String, String> {
    match import::classify(name, bytes)? {
        FileKind::Text => {
            let charset = import::charset::of_text(bytes);
            decode(bytes, &charset, true).map_err(|e| format!("无法打开「{name}」：{e}"))
        }
        FileKind::Html => {
            let charset = import::charset::of_html(bytes);
            let html =
                decode(bytes, &charset, false).map_err(|e| format!("无法打开「{name}」：{e}"))?;
            super::markup::html_to_text(&html)
        }
        // Read by the check worker (src/check.rs): 1 MB of numbering definitions took the page's main
        // thread 2.5 s, and the Word reader is not in this bundle.
        FileKind::Docx => super::check::docx_to_text(name, bytes).await,
        // Read by the PDF worker (src/pdf.rs), outside this bundle.
        FileKind::Pdf => super::pdf::pdf_to_text(name, bytes).await,
    }
}

/// Reads `file` as the text the checker reads, or says in Chinese why not. A file too large to be a
/// report is refused before it is read.
pub async fn read_text(file: File) -> Result<String, String> {
    let name = file.name();
    let bytes = read_bytes(&name, &file).await?;
    text_of(&name, &bytes).await
}

/// The bytes of `file` (shown as `name`), refused before they are read when too large for a report.
pub async fn read_bytes(name: &str, file: &File) -> Result<Vec<u8>, String> {
    import::check_size(name, file.size() as u64)?;
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("读取「{name}」失败。"))?;
    Ok(Uint8Array::new(&ArrayBuffer::from(buffer)).to_vec())
}
