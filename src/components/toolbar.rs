//! The buttons: open a file, load the example, clear; copy, download and print the results.

use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

/// What [`toolbar`] shows and what its buttons do.
pub struct Toolbar {
    pub has_text: bool,
    pub has_report: bool,
    pub on_file: Callback<File>,
    pub on_example: Callback<()>,
    pub on_clear: Callback<()>,
    pub on_copy: Callback<()>,
    pub on_download: Callback<()>,
    pub on_print: Callback<()>,
}

/// A plain function, not a component (it has no state): each component costs the bundle its share of
/// Yew's generic code.
pub fn toolbar(props: Toolbar) -> Html {
    let on_pick = {
        let on_file = props.on_file.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let file = input.files().and_then(|files| files.get(0));
            // Let the same file be chosen again later.
            input.set_value("");
            if let Some(file) = file {
                on_file.emit(file);
            }
        })
    };
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    html! {
        <nav class="toolbar" aria-label="操作">
            <div class="toolbar-group">
                <label class="button primary file-button">
                    {"打开文件"}
                    <input type="file" accept=".docx,.pdf,.txt,.md,.text,.markdown,.html,.htm,text/plain,text/markdown,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onchange={on_pick} />
                </label>
                <button type="button" class="button" onclick={click(&props.on_example)}>{"载入示例"}</button>
                <button type="button" class="button" onclick={click(&props.on_clear)} disabled={!props.has_text}>{"清空"}</button>
            </div>
            <div class="toolbar-group">
                <button type="button" class="button" onclick={click(&props.on_copy)} disabled={!props.has_report}>{"复制问题清单"}</button>
                <button type="button" class="button" onclick={click(&props.on_download)} disabled={!props.has_report}>{"下载 JSON"}</button>
                <button type="button" class="button" onclick={click(&props.on_print)} disabled={!props.has_report}>{"打印"}</button>
            </div>
        </nav>
    }
}
