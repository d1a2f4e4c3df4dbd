//! 规则说明: every rule's documentation (what it checks, why, how to fix it, an example), linked from
//! each code, with a link back to the problem list.

use yew::prelude::*;

use super::problems::severity_icon;
use nianbao::rules::families::code_letters_note;
use nianbao::rules::RULES;

#[component]
pub fn RuleHelp() -> Html {
    html! {
        <section class="rule-help" aria-labelledby="rule-help-title">
            <h2 id="rule-help-title">{"规则说明"}</h2>
            <p class="hint">{code_letters_note()}</p>
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
                                <pre>{rule.doc.bad}</pre>
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
