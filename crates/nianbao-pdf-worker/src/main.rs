//! The page's PDF reader, run as a web worker. The page posts `[name, bytes]` (a string and a
//! Uint8Array); the worker answers `[true, text]` with the text the checker reads, or `[false, message]`
//! with the reason it cannot be read, in Chinese. Once started it first posts `"ready"`: messages sent
//! before its wasm has loaded would be lost.

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Array, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    fn answer(data: &JsValue) -> (bool, String) {
        let message = Array::from(data);
        let name = message.get(0).as_string().unwrap_or_default();
        let bytes = Uint8Array::new(&message.get(1)).to_vec();
        match nianbao_pdf::pdf_to_text(&bytes) {
            Ok(text) => (true, text),
            Err(error) => (false, format!("无法打开「{name}」：{error}")),
        }
    }

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply = scope.clone();
        let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let (ok, text) = answer(&event.data());
            let out = Array::of2(&JsValue::from_bool(ok), &JsValue::from_str(&text));
            let _ = reply.post_message(&out);
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
