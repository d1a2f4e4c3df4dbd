//! The places and rules the user chose to ignore, each with 「恢复」. Only codes and hashes are kept,
//! so a place is named by its rule and, while it is still in the text, its line.

use yew::prelude::*;

use crate::ignore::{place, Entry, Ignored};
use nianbao::Report;

/// A plain function, not a component: each component costs the bundle its share of Yew's generic code.
pub fn ignored(ignored: &Ignored, full: Option<&Report>, text: &str, on_restore: &Callback<Entry>) -> Html {
    if ignored.is_empty() {
        return html! {};
    }
    let line = |entry: Entry| -> Html {
        let code = entry.code();
        let what = match entry {
            Entry::Rule(_) => html! { {"：不再检查此规则"} },
            Entry::Place(_, hash) => {
                let at = full.and_then(|r| {
                    r.findings
                        .iter()
                        .find(|f| f.code == code && place(text, f) == hash)
                });
                match at {
                    Some(f) => html! { <>{"：已忽略第 "}{f.line}{" 行的一处"}</> },
                    None => html! { {"：已忽略的一处（文中现在没有）"} },
                }
            }
        };
        html! {
            <li>
                <span class="caret-code">{code.as_str()}</span>{" "}{code.doc().name}{what}
                <button type="button" class="link-button restore" onclick={on_restore.reform(move |_: MouseEvent| entry)}>{"恢复"}</button>
            </li>
        }
    };
    html! {
        <section class="ignored" aria-label="已忽略">
            <h3>{"已忽略"}</h3>
            <ul>{for ignored.0.iter().copied().map(line)}</ul>
        </section>
    }
}
