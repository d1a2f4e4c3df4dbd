//! Checking a long text, and reading Word files, off the page's main thread: the text goes to the
//! check worker
//! (crates/nianbao-check-worker, the core's own checker), which answers with the report in the core's
//! transfer form. The worker is fetched when the first long text is checked and stays for the next one;
//! a check still running when the next is asked for is for an older text, so src/js/workers.js ends that
//! worker and starts another, as it does for 「停止检查」. A check that never answers (stopped, or for an
//! older text) leaves its future pending: nothing waits on it.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use nianbao::present::transfer;
use nianbao::Report;

#[wasm_bindgen(module = "/src/js/workers.js")]
extern "C" {
    /// The encoded report; rejected if the worker fails to start or fails while checking.
    fn check_in_worker(serial: u32, text: &js_sys::JsString, previous: &str) -> Promise;
    /// Ends the check running, if any.
    pub fn stop_check();
    /// `[true, text]` or `[false, message]`; rejected if the worker fails.
    fn read_docx_in_worker(name: &str, bytes: &[u8]) -> Promise;
}

/// The text of the Word file `name` holding `bytes`, read by a worker, or why it cannot be read.
pub async fn docx_to_text(name: &str, bytes: &[u8]) -> Result<String, String> {
    let failed = || {
        format!("无法打开「{name}」：读取程序出错，没能读完这个文件。请在 Word 或 WPS 中打开后重新保存，或直接复制正文粘贴到这里。")
    };
    let answer = JsFuture::from(read_docx_in_worker(name, bytes))
        .await
        .map_err(|_| failed())?;
    let answer = Array::from(&answer);
    match (answer.get(0).as_bool(), answer.get(1).as_string()) {
        (Some(true), Some(text)) => Ok(text),
        (Some(false), Some(message)) => Err(message),
        _ => Err(failed()),
    }
}

/// The report of `text` beside `previous` (blank when there is none), checked by the worker as check
/// number `serial`; `Err` when the worker failed.
pub async fn check(serial: u32, text: &yew::AttrValue, previous: &str) -> Result<Report, ()> {
    let answer = JsFuture::from(check_in_worker(
        serial,
        &crate::js_text::js_text(text),
        previous,
    ))
    .await
    .map_err(|_| ())?;
    answer
        .as_string()
        .and_then(|encoded| transfer::decode(&encoded))
        .ok_or(())
}
