//! The text box for the report and the two buttons beside it.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The text to show.
    pub value: AttrValue,
    /// Called with the whole new text after every change the user makes.
    pub on_edit: Callback<String>,
    /// 「载入示例」
    pub on_example: Callback<()>,
    /// 「清空」
    pub on_clear: Callback<()>,
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let oninput = props
        .on_edit
        .reform(|event: InputEvent| event.target_unchecked_into::<HtmlTextAreaElement>().value());
    let on_example = props.on_example.reform(|_: MouseEvent| ());
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());

    html! {
        <section class="editor">
            <label for="report-text" class="editor-label">{"年度报告全文"}</label>
            <p id="report-text-hint" class="hint">
                {"从 Word、WPS 或网页中复制报告全文（包括表格），粘贴到这里。"}
            </p>
            <textarea
                id="report-text"
                class="report-text"
                aria-describedby="report-text-hint"
                placeholder="在此粘贴年度报告全文……"
                spellcheck="false"
                value={props.value.clone()}
                {oninput}
            />
            <div class="actions">
                <button type="button" class="button primary" onclick={on_example}>
                    {"载入示例"}
                </button>
                <button
                    type="button"
                    class="button"
                    onclick={on_clear}
                    disabled={props.value.is_empty()}
                >
                    {"清空"}
                </button>
            </div>
        </section>
    }
}
