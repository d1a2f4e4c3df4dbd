//! The page's checker for long texts, run as a web worker. The page posts `[serial, text, previous]`
//! (a number and two strings; `previous` is blank without last year's report); the worker answers
//! `[serial, report]` with the report in the core's transfer form (`nianbao::present::transfer`), so the
//! page can tell an answer to an older text from the one it waits for. It also reads Word files for the
//! page, which has no Word reader of its own (and 1 MB of numbering definitions took its main thread
//! 2.5 s): `["docx", name, bytes]` is answered `[true, text]` or `[false, message]` (in Chinese). Once started it first posts `"ready"`: messages sent before its
//! wasm has loaded would be lost.

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Array, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    fn answer(data: &JsValue) -> Array {
        let message = Array::from(data);
        if message.get(0).as_string().as_deref() == Some("docx") {
            let name = message.get(1).as_string().unwrap_or_default();
            let bytes = Uint8Array::new(&message.get(2)).to_vec();
            let (ok, text) = match nianbao::import::docx_to_text(&bytes) {
                Ok(text) => (true, text),
                Err(error) => (false, format!("无法打开「{name}」：{error}")),
            };
            return Array::of2(&JsValue::from_bool(ok), &JsValue::from_str(&text));
        }
        let text = message.get(1).as_string().unwrap_or_default();
        let previous = message.get(2).as_string().unwrap_or_default();
        let report = if previous.trim().is_empty() {
            nianbao::check(&text)
        } else {
            nianbao::check_with_previous(&text, &previous)
        };
        let encoded = nianbao::present::transfer::encode(&report);
        Array::of2(&message.get(0), &JsValue::from_str(&encoded))
    }

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply = scope.clone();
        let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let _ = reply.post_message(&answer(&event.data()));
        });
        scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        onmessage.forget();
        let _ = scope.post_message(&JsValue::from_str("ready"));
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
