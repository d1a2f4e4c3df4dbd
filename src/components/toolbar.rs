//! The buttons: open a file, load the example, clear; the 检查意见 as Word or CSV, print; and under
//! 「更多」 reviewing many reports (the desk), copying the list or the edited text, and the JSON.

use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

/// What [`toolbar`] shows and what its buttons do.
pub struct Toolbar {
    pub has_text: bool,
    pub has_report: bool,
    pub on_file: Callback<File>,
    /// 「审阅多份年报」: several files (or a .zip) for the reviewer's desk.
    pub on_files: Callback<Vec<(String, File)>>,
    pub on_example: Callback<()>,
    pub on_clear: Callback<()>,
    pub on_copy: Callback<()>,
    /// 「复制修改后的全文」
    pub on_copy_text: Callback<()>,
    /// JSON, under 「更多」.
    pub on_download: Callback<()>,
    /// 「检查意见（Word）」
    pub on_docx: Callback<()>,
    /// 「表格（CSV）」
    pub on_csv: Callback<()>,
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
    let on_pick_many = {
        let on_files = props.on_files.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let list = input.files();
            let files: Vec<(String, File)> = (0..list.as_ref().map_or(0, |l| l.length()))
                .filter_map(|k| list.as_ref()?.get(k))
                .map(|f| (f.name(), f))
                .collect();
            input.set_value("");
            if let Ok(Some(menu)) = input.closest("details") {
                let _ = menu.remove_attribute("open");
            }
            if !files.is_empty() {
                on_files.emit(files);
            }
        })
    };
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    // A choice in 「更多」 closes the menu.
    let chosen = |cb: &Callback<()>| {
        cb.reform(|event: MouseEvent| {
            let menu = event
                .target_dyn_into::<web_sys::Element>()
                .and_then(|e| e.closest("details").ok().flatten());
            if let Some(menu) = menu {
                let _ = menu.remove_attribute("open");
            }
        })
    };
    html! {
        <nav class="toolbar" aria-label="操作">
            <div class="toolbar-group">
                <label class="button primary file-button">
                    {"打开文件"}
                    <input id="open-file" type="file" accept=".docx,.pdf,.txt,.md,.text,.markdown,.html,.htm,text/plain,text/markdown,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onchange={on_pick} />
                </label>
                <button type="button" class="button" onclick={click(&props.on_example)}>{"载入示例"}</button>
                <button type="button" class="button" onclick={click(&props.on_clear)} disabled={!props.has_text}>{"清空"}</button>
            </div>
            <div class="toolbar-group">
                <button type="button" class="button" onclick={click(&props.on_docx)} disabled={!props.has_report}>{"检查意见（Word）"}</button>
                <button type="button" class="button" onclick={click(&props.on_csv)} disabled={!props.has_report}>{"表格（CSV）"}</button>
                <button type="button" class="button" onclick={click(&props.on_print)} disabled={!props.has_report}>{"打印"}</button>
                <details class="more">
                    <summary class="button">{"更多"}</summary>
                    <div class="more-menu">
                        // In the menu, not the bar: the bar stays one line at 1366 px (a drop of several
                        // files or a .zip opens the desk too, as the intro says).
                        <label class="button file-button">
                            {"审阅多份年报…"}
                            <input id="desk-files" type="file" multiple={true} accept=".docx,.pdf,.txt,.md,.html,.htm,.zip" onchange={on_pick_many} />
                        </label>
                        <button type="button" class="button" onclick={chosen(&props.on_copy)} disabled={!props.has_report}>{"复制问题清单"}</button>
                        <button type="button" class="button" onclick={chosen(&props.on_copy_text)} disabled={!props.has_text}>{"复制修改后的全文"}</button>
                        <button type="button" class="button" onclick={chosen(&props.on_download)} disabled={!props.has_report}>{"下载 JSON"}</button>
                    </div>
                </details>
            </div>
        </nav>
    }
}
