//! The web page (wasm32 only): a Yew app over [`crate::check`].
//!
//! - [`state`]: what the page holds (the text and its report) and how actions change it, apart from any view;
//! - [`app`]: the root component that wires the state to the views;
//! - `components`: the views (introduction, editor, results), each a function of its props.
//!
//! Everything runs in the browser: the page makes no network request of its own, and the example report
//! is compiled in.

pub mod app;
mod components;
pub mod state;

pub use app::App;

/// Mounts the page into `<div id="app">` (or `<body>` when there is none), replacing the loading note.
pub fn start() {
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
    yew::Renderer::<App>::with_root(root).render();
}
