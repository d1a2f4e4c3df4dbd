//! The web page (wasm32 only): a Yew app over [`nianbao::check`] and [`nianbao::present`].
//!
//! - [`state`]: what the page holds (the text, its report, the selected problem) and how actions change it;
//! - [`app`]: the root component that wires the state to the views, and `hooks`, what it does beside
//!   (shortcuts, dropped files, typing, keeping the draft);
//! - `components`: the views (toolbar, summary, annotated text, problem list, tables, rule help);
//! - `files`, `pdf`, `storage`, `export`, [`api`]: files in (a PDF through its own worker, loaded only
//!   when one is opened), the draft kept, results out, `window.nianbao`;
//! - `desk`: many reports at once (a reviewer's desk), read and checked in slices of time;
//! - `check`: long texts checked by their own worker, off the main thread;
//! - `fixes`, [`ignore`]: a finding's fix applied as typing would, the places and rules ignored.
//!
//! Everything runs in the browser: the page makes no network request of its own, and the example report
//! is compiled in.

pub mod api;
pub mod app;
mod check;
mod components;
mod desk;
mod export;
mod files;
mod fixes;
mod hooks;
pub mod ignore;
mod js_text;
mod markup;
mod pdf;
pub mod state;
mod storage;

pub use app::{App, AppProps};

/// Installs `window.nianbao` and mounts the page into `<div id="app">` (or `<body>`), starting from
/// the saved draft.
pub fn start() {
    api::install();
    let document = web_sys::window()
        .and_then(|window| window.document())
        .expect("the page runs in a browser window with a document");
    let root = match document.get_element_by_id("app") {
        Some(root) => {
            root.set_inner_html("");
            root
        }
        None => document.body().expect("the document has a body").into(),
    };
    // The draft may be in IndexedDB, which only answers asynchronously.
    wasm_bindgen_futures::spawn_local(async move {
        let props = AppProps {
            initial: storage::load().await.unwrap_or_default().into(),
            initial_previous: storage::load_previous().unwrap_or_default().into(),
            checker_failed: storage::checker_failed(),
        };
        yew::Renderer::<App>::with_root_and_props(root, props).render();
    });
}
