//! The problem list: every finding, grouped by part in text order. Activating one (click or Enter)
//! selects it, which moves the text box to it; each rule code links to its help.

use std::rc::Rc;

use yew::prelude::*;

use super::editor::severity_class;
use nianbao::present::export::numbers;
use nianbao::present::groups::{by_part, entries, root_causes};
use nianbao::present::snippet::snippet;
use nianbao::{Finding, Report, Severity};

/// What [`problems`] lists, and what choosing a problem does.
pub struct Problems {
    pub report: Option<Rc<Report>>,
    /// The text, for the snippet each finding quotes.
    pub text: AttrValue,
    /// The report is for an earlier text; a new check follows when typing pauses.
    pub stale: bool,
    /// The checker failed on this text; it is checked again once edited.
    pub unchecked: bool,
    /// The check worker is checking the text.
    pub checking: bool,
    pub selected: Option<usize>,
    pub on_select: Callback<usize>,
    /// The severities the summary's filters hide, one bit each ([`severity_bit`]).
    pub hidden: u8,
    /// A problem's buttons, 「全部修正」 and 「恢复」, told by one listener on the list (one closure for
    /// all of them costs the bundle less than one each): the button's `data-act`, a letter and a
    /// number ([`Act`]).
    pub on_act: Callback<Act>,
    /// Shown under the list (the ignored places and rules).
    pub below: Html,
}

/// What a button asks: `b'f'` apply the fix of problem `n`, `b'i'` 「忽略此处」 on it, `b'd'`
/// 「不再检查此规则」 for its rule, `b'a'` 「全部修正」, `b'r'` 「恢复」 ignored entry `n`.
pub type Act = (u8, usize);

/// The `data-act` of a button asking `kind` about `n`.
pub fn act(kind: &str, n: usize) -> String {
    [kind, &n.to_string()].concat()
}

/// The listener that reads a clicked button's `data-act`.
fn on_act(on_act: &Callback<Act>) -> Callback<MouseEvent> {
    let on_act = on_act.clone();
    Callback::from(move |event: MouseEvent| {
        let target: web_sys::Element = event.target_unchecked_into();
        if let Some(asked) = target.get_attribute("data-act") {
            if let (Some(&kind), Ok(n)) = (asked.as_bytes().first(), asked[1..].parse()) {
                on_act.emit((kind, n));
            }
        }
    })
}

/// A severity's bit in a filter.
pub fn severity_bit(severity: Severity) -> u8 {
    match severity {
        Severity::Error => 1,
        Severity::Warning => 2,
        Severity::Info => 4,
    }
}

/// A symbol that tells the severities apart without colour.
pub fn severity_icon(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "✖",
        Severity::Warning => "▲",
        Severity::Info => "ℹ",
    }
}

/// A problem's own buttons: its fix when the right text is certain (a suggestion only the drafter can
/// confirm is in its help, never a button), then ignore it here or everywhere. None while the report
/// is for an earlier text.
fn actions(index: usize, finding: &Finding, live: bool) -> Html {
    if !live {
        return html! {};
    }
    html! {
        <div class="problem-actions">
            if let Some(fix) = &finding.fix {
                <button type="button" class="fix" data-act={act("f", index)}>{&fix.label}</button>
            }
            <button type="button" class="ignore" data-act={act("i", index)}>{"忽略此处"}</button>
            <button type="button" class="disable" data-act={act("d", index)}>{"不再检查此规则"}</button>
        </div>
    }
}

/// How a finding is labelled beside its message: its number (as in print, the exports and the
/// flagged table cells) and the text it quotes.
struct Quote<'a> {
    text: &'a str,
    numbers: &'a [usize],
}

fn item(
    index: usize,
    finding: &Finding,
    selected: bool,
    on_select: &Callback<usize>,
    live: bool,
    quote: &Quote,
) -> Html {
    let onclick = on_select.reform(move |_: MouseEvent| index);
    let code = finding.code.as_str();
    html! {
        <li class={classes!("problem", severity_class(finding.severity), selected.then_some("selected"))}>
            <button type="button" class="problem-go" {onclick} aria-current={selected.then_some("true")}
                    data-index={index.to_string()}>
                <span class="problem-number">{format!("{}.", quote.numbers.get(index).copied().unwrap_or(0))}</span>
                <span class="problem-severity">
                    <span class="icon" aria-hidden="true">{severity_icon(finding.severity)}</span>
                    {finding.severity.label_zh()}
                </span>
                <span class="problem-line">{format!("第 {} 行", finding.line)}</span>
                <span class="problem-message">{&finding.message}</span>
                if let Some(help) = &finding.help {
                    <span class="problem-help">{"建议："}{help}</span>
                }
                <q class="problem-snippet">{snippet(quote.text, finding.span())}</q>
            </button>
            <a class="rule-link" href={format!("#rule-{code}")} title={format!("规则 {code} 的说明")}>{code}</a>
            {actions(index, finding, live)}
        </li>
    }
}

/// A plain function, not a component: the page draws it again only when its state changes, which is
/// when the report or the selection changes, and each component costs the bundle its share of Yew's
/// generic code.
pub fn problems(props: Problems) -> Html {
    let body = match props.report.as_deref() {
        None if props.unchecked => html! {
            <p class="status">{"这段文字还没有检查：检查程序上次在它上面出错了。修改文字后会重新检查。"}</p>
        },
        None if props.checking => html! {
            <p class="status">{"正在检查……"}</p>
        },
        None => html! {
            <p class="status">{"尚未输入报告。请粘贴报告全文、把文件拖到页面上，或点击「载入示例」。"}</p>
        },
        Some(report) if report.findings.is_empty() => html! {
            <div class="status ok">
                <p><strong>{"未发现问题。"}</strong></p>
                <p>{nianbao::rules::families::checked_note()}</p>
            </div>
        },
        Some(report) => {
            let f = &report.findings;
            let live = !props.stale;
            // Several findings may carry one fix (a wrong cell breaks several sums).
            let mut fixes: Vec<&nianbao::rules::Fix> = Vec::new();
            for fix in f.iter().filter_map(|f| f.fix.as_ref()) {
                if !fixes.contains(&fix) {
                    fixes.push(fix);
                }
            }
            let fixable = fixes.len();
            let numbers = numbers(report);
            let quote = Quote {
                text: props.text.as_str(),
                numbers: &numbers,
            };
            let entry = |entry: Vec<usize>| -> Html {
                if let [i] = entry[..] {
                    return item(
                        i,
                        &f[i],
                        props.selected == Some(i),
                        &props.on_select,
                        live,
                        &quote,
                    );
                }
                let first = &f[entry[0]];
                let open = props.selected.is_some_and(|s| entry.contains(&s));
                html! {
                    <li class={classes!("problem-run", severity_class(first.severity))}>
                        <details {open}>
                            <summary>
                                <span class="icon" aria-hidden="true">{severity_icon(first.severity)}</span>
                                {format!("{} {}：{} 处", first.code.as_str(), first.code.doc().name, entry.len())}
                            </summary>
                            <ol class="problems">
                                for i in entry.iter().copied() {
                                    { item(i, &f[i], props.selected == Some(i), &props.on_select, live, &quote) }
                                }
                            </ol>
                        </details>
                    </li>
                }
            };
            html! {
                <>
                    <p class="shortcut-hint">{"点击问题（或按回车）可跳到原文；按 F8 / Shift+F8 到下一个 / 上一个问题。"}</p>
                    if live && fixable > 0 {
                        <button type="button" class="button fix-all" data-act="a0">
                            {"全部修正（"}{fixable}{" 处可自动修正）"}
                        </button>
                    }
                    for (text, i) in root_causes(f) {
                        <button type="button" class="root-cause" onclick={props.on_select.reform(move |_: MouseEvent| i)}>{text}</button>
                    }
                    if props.hidden != 0 {
                        <p class="status">{"部分级别已隐藏：点上方的计数可重新显示。"}</p>
                    }
                    for group in by_part(&report.document, f) {
                        {{
                            let shown: Vec<usize> = group.findings.iter().copied()
                                .filter(|&i| props.hidden & severity_bit(f[i].severity) == 0)
                                .collect();
                            if shown.is_empty() {
                                html! {}
                            } else {
                                html! {
                                    <section class="problem-group">
                                        <h3>{group.title.clone()}</h3>
                                        <ol class="problems">
                                            for e in entries(f, &shown) { {entry(e)} }
                                        </ol>
                                    </section>
                                }
                            }
                        }}
                    }
                </>
            }
        }
    };
    html! {
        <section class={classes!("results", props.stale.then_some("stale"))} onclick={on_act(&props.on_act)} aria-labelledby="results-title" aria-busy={props.stale.then_some("true")}>
            <h2 id="results-title">{"问题清单"}</h2>
            if props.stale {
                <p class="status">{"正在等待输入停顿后重新检查……"}</p>
            }
            <div id="results">{body}</div>
            {props.below}
        </section>
    }
}
