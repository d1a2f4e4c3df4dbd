//! 规则说明: every rule's documentation (what it checks, why, how to fix it, an example), linked from
//! each code, with a link back to the problem list.

use yew::prelude::*;

use super::problems::severity_icon;
use nianbao::rules::families::{code_letters_note, C_AND_X_NOTE};
use nianbao::rules::{Rule, RULES};

/// The failing example with the place its finding points at (an R rule's wrong cell) marked: the
/// example is checked, so the mark is where the rule really reports, never hand-written.
fn bad_example(rule: &Rule) -> Html {
    let bad = rule.doc.bad;
    let report = match rule.doc.last_year_example {
        Some(last_year) => nianbao::check_with_previous(bad, last_year),
        None => nianbao::check(bad),
    };
    let marked = report
        .findings
        .iter()
        .filter(|f| f.code == rule.code && f.start < f.end)
        .find_map(|f| {
            Some((
                bad.get(..f.start)?,
                bad.get(f.start..f.end)?,
                bad.get(f.end..)?,
            ))
        });
    match marked {
        Some((before, at, after)) => html! { <pre>{before}<mark>{at}</mark>{after}</pre> },
        None => html! { <pre>{bad}</pre> },
    }
}

#[component]
pub fn RuleHelp() -> Html {
    html! {
        <section class="rule-help" aria-labelledby="rule-help-title">
            <h2 id="rule-help-title">{"规则说明"}</h2>
            <p class="hint">{code_letters_note()}</p>
            <p class="hint families-note">{C_AND_X_NOTE}</p>
            for rule in RULES.iter() {
                <article class="rule" id={format!("rule-{}", rule.code.as_str())}>
                    <h3>
                        <span class="rule-code">{rule.code.as_str()}</span>
                        {rule.doc.name}
                        <span class={classes!("rule-severity", rule.doc.severity.as_str())}>
                            <span class="icon" aria-hidden="true">{severity_icon(rule.doc.severity)}</span>
                            {rule.doc.severity.label_zh()}
                        </span>
                    </h3>
                    <p><strong>{"检查什么："}</strong>{rule.doc.what}</p>
                    <p><strong>{"为什么："}</strong>{rule.doc.why}</p>
                    <p class="rule-fix"><strong>{"怎么改："}</strong>{rule.doc.fix}</p>
                    <details>
                        <summary>{"示例"}</summary>
                        <div class="examples">
                            <figure>
                                <figcaption>{"不符合（会报告）"}</figcaption>
                                {bad_example(rule)}
                            </figure>
                            <figure>
                                <figcaption>{"符合"}</figcaption>
                                <pre>{rule.doc.good}</pre>
                            </figure>
                        </div>
                    </details>
                    <a class="back-link" href="#results-title">{"↑ 回到问题清单"}</a>
                </article>
            }
        </section>
    }
}
