//! The places and rules the user chose to ignore, each with 「恢复」. Only codes and hashes are kept,
//! so a place is named by its rule and, while it is still in the text, its line.

use yew::prelude::*;

use super::problems::act;
use crate::ignore::{Entry, Ignored};
use nianbao::RuleCode;

/// A plain function, not a component: each component costs the bundle its share of Yew's generic code.
/// `hidden`: the ignored places found in the text (rule, place, line), to say where each is.
pub fn ignored(ignored: &Ignored, hidden: &[(RuleCode, u64, usize)]) -> Html {
    if ignored.is_empty() {
        return html! {};
    }
    let line = |(k, entry): (usize, Entry)| -> Html {
        let code = entry.code();
        let what = match entry {
            Entry::Rule(_) => html! { {"：不再检查此规则"} },
            Entry::Place(_, hash) => {
                let at = hidden.iter().find(|&&(c, h, _)| c == code && h == hash);
                match at {
                    Some(&(_, _, line)) => html! { <>{"：已忽略第 "}{line}{" 行的一处"}</> },
                    None => html! { {"：已忽略的一处（文中现在没有）"} },
                }
            }
        };
        html! {
            <li>
                <span class="caret-code">{code.as_str()}</span>{" "}{code.doc().name}{what}
                <button type="button" class="link-button restore" data-act={act("r", k)}>{"恢复"}</button>
            </li>
        }
    };
    html! {
        <section class="ignored" aria-label="已忽略">
            <h3>{"已忽略"}</h3>
            <ul>{for ignored.0.iter().copied().enumerate().map(line)}</ul>
        </section>
    }
}
