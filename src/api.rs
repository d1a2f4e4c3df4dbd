//! `window.nianbao.check(text)`: the checker for scripts on the page (e.g. a publishing system that
//! embeds it). It returns the object the CLI prints for one file in `--format json`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use nianbao::summary::FileSummary;

/// The JSON-compatible JavaScript value of `summary` (null for absent values, plain objects for maps).
pub fn to_js<T: Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

pub fn check_to_js(text: &str) -> JsValue {
    to_js(&FileSummary::new("input", &nianbao::check(text)))
}

/// Installs `window.nianbao = { check, version }`.
pub fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = js_sys::Object::new();
    let check =
        Closure::<dyn Fn(JsValue) -> JsValue>::new(|text: JsValue| match text.as_string() {
            Some(text) => check_to_js(&text),
            None => JsValue::NULL,
        });
    let _ = js_sys::Reflect::set(&api, &"check".into(), check.as_ref());
    let _ = js_sys::Reflect::set(&api, &"version".into(), &env!("CARGO_PKG_VERSION").into());
    let _ = js_sys::Reflect::set(&window, &"nianbao".into(), &api);
    // The page lives as long as the function may be called.
    check.forget();
}
