//! Getting results out of the page: the problem list and the edited text to the clipboard, the
//! 检查意见 as a Word document or CSV table (written by the core, as the CLI writes them), the
//! findings as a JSON file (the CLI's shape), the draft as a text file, and printing.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlDocument, HtmlTextAreaElement, Url};

use nianbao::summary::FileSummary;
use nianbao::Report;

/// Copies `text` through a hidden text box: unlike the async clipboard API, this also works on
/// intranet pages served over plain http.
pub fn copy_text(text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(area) = document
        .create_element("textarea")
        .map(|e| e.unchecked_into::<HtmlTextAreaElement>())
    else {
        return false;
    };
    area.set_value(text);
    let _ = area.set_attribute("readonly", "");
    let _ = area.set_attribute("style", "position:fixed;top:-1000px;opacity:0");
    let Some(body) = document.body() else {
        return false;
    };
    let _ = body.append_child(&area);
    area.select();
    let copied = document
        .dyn_ref::<HtmlDocument>()
        .and_then(|d| d.exec_command("copy").ok())
        .unwrap_or(false);
    area.remove();
    copied
}

/// Offers the findings as `nianbao-检查结果.json`: an array with one object, as `nianbao check --format json` prints.
pub fn download_json(report: &Report) {
    let value = super::api::to_js(&[FileSummary::new("input", report)]);
    if let Ok(json) = js_sys::JSON::stringify_with_replacer_and_space(
        &value,
        &wasm_bindgen::JsValue::NULL,
        &2.into(),
    ) {
        download(
            &json,
            "application/json;charset=utf-8",
            "nianbao-检查结果.json",
        );
    }
}

/// Today's date in the browser, as 2026-12-02 (the 检查日期).
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Offers the 检查意见 as a Word document named after the body and year.
pub fn download_docx(text: &str, report: &Report) {
    let bytes = nianbao::export::docx::docx(text, report, &today());
    download(
        &js_sys::Uint8Array::from(&bytes[..]).into(),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &format!("{}.docx", nianbao::present::export::file_stem(report)),
    );
}

/// Offers the findings as a CSV table named after the body and year.
pub fn download_csv(text: &str, report: &Report) {
    download(
        &nianbao::export::csv::csv(text, report).into(),
        "text/csv;charset=utf-8",
        &format!("{}.csv", nianbao::present::export::file_stem(report)),
    );
}

/// Offers the reviewer's desk as a CSV table (the CLI's `check DIR --format csv`).
pub fn download_desk_csv(rows: &[nianbao::present::desk::Row]) {
    download(
        &nianbao::export::csv::desk(rows).into(),
        "text/csv;charset=utf-8",
        &format!("年报审阅表{}.csv", today()),
    );
}

/// Offers the draft as `年报草稿.txt`, for when the browser cannot keep it.
pub fn download_draft(text: &str) {
    download(&text.into(), "text/plain;charset=utf-8", "年报草稿.txt");
}

/// Offers `content` as a file named `name`.
fn download(content: &wasm_bindgen::JsValue, mime: &str, name: &str) {
    let parts = js_sys::Array::of1(content);
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Ok(a) = document
            .create_element("a")
            .map(|e| e.unchecked_into::<HtmlAnchorElement>())
        {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
    }
    // Revoke later: revoking at once can cancel the download before it starts.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    }
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}
