//! The results area: how many errors, warnings and notes the report has, then each finding.
//! It is a polite live region, so screen readers announce new results after each change.

use std::rc::Rc;

use yew::prelude::*;

use crate::{Finding, Report, Severity};

const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

#[derive(Properties)]
pub struct ResultsProps {
    /// The report for the current text; `None` while the text is blank.
    pub report: Option<Rc<Report>>,
}

impl PartialEq for ResultsProps {
    fn eq(&self, other: &Self) -> bool {
        match (&self.report, &other.report) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let body = match props.report.as_deref() {
        None => html! {
            <p class="status">
                {"尚未输入报告。请粘贴报告全文，或点击「载入示例」看看检查结果是什么样子。"}
            </p>
        },
        Some(report) => html! {
            <>
                <ul class="counts">
                    for severity in SEVERITIES {
                        <li class={classes!("count", severity.as_str())}>
                            <span class="count-label">{severity.label_zh()}</span>
                            <span class="count-value">{report.count(severity)}</span>
                        </li>
                    }
                </ul>
                if report.findings.is_empty() {
                    <p class="status ok">{"未发现问题。"}</p>
                } else {
                    <ol class="findings">
                        for finding in &report.findings {
                            { finding_item(finding) }
                        }
                    </ol>
                }
            </>
        },
    };

    html! {
        <section class="results" aria-labelledby="results-title">
            <h2 id="results-title">{"检查结果"}</h2>
            <div id="results" aria-live="polite">{body}</div>
        </section>
    }
}

fn finding_item(finding: &Finding) -> Html {
    html! {
        <li class={classes!("finding", finding.severity.as_str())}>
            <span class="finding-severity">{finding.severity.label_zh()}</span>
            <span class="finding-code">{finding.code.as_str()}</span>
            <span class="finding-line">{format!("第 {} 行", finding.line)}</span>
            <span class="finding-message">{&finding.message}</span>
        </li>
    }
}
