//! What the page has to tell about the draft, above the text: a long text being checked in the
//! background (with 「停止检查」 once it takes long), the last notice (with 「撤销」 when a load,
//! 「清空」 or 「载入示例」 replaced the draft), a draft that could not be stored (with a download), and
//! another tab that changed the same draft.

use yew::prelude::*;

use crate::state::Notice;

/// What [`notices`] shows, and what its buttons do.
pub struct Notices {
    pub notice: Option<Notice>,
    pub save_failed: bool,
    pub other_tab: bool,
    /// The length in bytes of the text the check worker is checking, while it does.
    pub checking: Option<usize>,
    /// That check has run long: offer to stop it.
    pub slow: bool,
    pub on_stop: Callback<()>,
    pub on_undo: Callback<()>,
    pub on_dismiss: Callback<()>,
    pub on_download_draft: Callback<()>,
    pub on_take_other_tab: Callback<()>,
    pub on_keep_this_tab: Callback<()>,
}

fn button(label: &'static str, on: &Callback<()>) -> Html {
    html! { <button type="button" class="link-button" onclick={on.reform(|_: MouseEvent| ())}>{label}</button> }
}

/// 「19.0 MB」, 「300 KB」: one decimal, without pulling float formatting into the bundle.
fn size_label(bytes: usize) -> String {
    const MB: usize = 1024 * 1024;
    if bytes < MB {
        return format!("{} KB", bytes / 1024);
    }
    let tenths = (bytes * 10 + MB / 2) / MB;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// A plain function rather than a component: it has no state, and each component costs the bundle
/// its share of Yew's generic machinery.
pub fn notices(props: Notices) -> Html {
    let notice = props.notice.map(|n| {
        html! {
            <div class={classes!("notice", n.is_error.then_some("error"))} role={if n.is_error { "alert" } else { "status" }}>
                <span>{n.text}</span>
                if n.undo { {button("撤销", &props.on_undo)} }
                <button type="button" class="notice-close" onclick={props.on_dismiss.reform(|_: MouseEvent| ())} aria-label="关闭提示">{"×"}</button>
            </div>
        }
    });
    html! {
        <>
            if let Some(bytes) = props.checking {
                <div class="notice checking" role="status">
                    <span>{format!("这段文字较长（{}），正在后台检查，可以继续编辑。", size_label(bytes))}</span>
                    if props.slow {
                        <span>{"检查用时较长。"}</span>
                        {button("停止检查", &props.on_stop)}
                    }
                </div>
            }
            if props.save_failed {
                <div class="notice error save-failed" role="alert">
                    <span>{"草稿没能保存在这个浏览器里（存储空间已满，或文字太长）。关闭或刷新页面前，请先下载草稿。"}</span>
                    {button("下载草稿（.txt）", &props.on_download_draft)}
                </div>
            }
            if props.other_tab {
                <div class="notice error other-tab" role="alert">
                    <span>{"另一个标签页修改了这份草稿。为免互相覆盖，本页暂停保存。"}</span>
                    {button("改用另一页的文字", &props.on_take_other_tab)}
                    {button("以本页为准", &props.on_keep_this_tab)}
                </div>
            }
            {for notice}
        </>
    }
}
