//! Reading a PDF in the page: the file's bytes go to the PDF worker (crates/nianbao-pdf-worker, the same
//! reader as the command line's), which answers with the text or the reason it cannot be read, in
//! Chinese. The worker, and so all the PDF code, is fetched only when the first PDF is opened; it then
//! stays for the next one. src/js/workers.js starts it (through Trunk's loader shim), waits for its first
//! message (it says when its wasm has loaded: messages before that would be lost), and asks one
//! question at a time, in order (the main box and the 上年年报 box may both be given a PDF at once);
//! a worker that fails is dropped and the next PDF starts a new one. The bytes are copied before the
//! call returns: a view into the page's wasm memory would be cloned whole.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use nianbao::import::ImportError;

#[wasm_bindgen(module = "/src/js/workers.js")]
extern "C" {
    /// `[true, text]` or `[false, message]`; rejected if the worker fails to start or while reading.
    fn read_pdf(name: &str, bytes: &[u8]) -> Promise;
}

/// The text of the PDF file `name` holding `bytes`, or why it cannot be read (in Chinese).
pub async fn pdf_to_text(name: &str, bytes: &[u8]) -> Result<String, String> {
    let failed = || format!("无法打开「{name}」：{}", ImportError::PdfReaderFailed);
    let answer = Array::from(
        &JsFuture::from(read_pdf(name, bytes))
            .await
            .map_err(|_| failed())?,
    );
    match (answer.get(0).as_bool(), answer.get(1).as_string()) {
        (Some(true), Some(text)) => Ok(text),
        (Some(false), Some(message)) => Err(message),
        _ => Err(failed()),
    }
}
