//! The summary bar: format, year, counts by severity, and how long the check took.

use yew::prelude::*;

use super::problems::{severity_bit, severity_icon};
use nianbao::template::Version;
use nianbao::{Report, Severity};

pub fn format_label(report: &Report) -> String {
    let doc = &report.document;
    match doc.format {
        _ if doc.mixed_format => "新旧格式混用".to_string(),
        Some(Version::V2021) => "2021 版格式".to_string(),
        Some(Version::V2019) => "2019 版试行格式".to_string(),
        None => "未识别格式".to_string(),
    }
}

/// The sentence the live region announces.
pub fn announcement(report: Option<&Report>) -> String {
    match report {
        None => String::new(),
        Some(r) if r.findings.is_empty() => "检查完成：未发现问题。".to_string(),
        Some(r) => format!(
            "检查完成：{} 处错误，{} 处警告，{} 处提示。",
            r.count(Severity::Error),
            r.count(Severity::Warning),
            r.count(Severity::Info)
        ),
    }
}

/// 「12.3」: one decimal, without pulling float formatting into the bundle.
fn tenths(ms: f64) -> String {
    // Adding a half and truncating rounds (ms is never negative; `as` saturates), without libm's round.
    let t = (ms * 10.0 + 0.5) as u64;
    format!("{}.{}", t / 10, t % 10)
}

/// The bar for `report` (nothing before there is one), checked in `elapsed_ms`. A plain function, not a
/// component (it has no state): each component costs the bundle its share of Yew's generic code.
/// Each count is a filter of the problem list: `hidden` has a bit for each severity it hides
/// ([`severity_bit`]); `on_toggle` flips one.
pub fn summary(
    report: Option<&Report>,
    elapsed_ms: f64,
    hidden: u8,
    on_toggle: &Callback<Severity>,
) -> Html {
    let Some(report) = report else {
        return html! {};
    };
    let year = report
        .document
        .year
        .map_or_else(|| "年度未识别".to_string(), |y| format!("{y} 年度"));
    html! {
        <section class="summary" aria-label="检查概况">
            <span class="summary-item">{format_label(report)}</span>
            <span class="summary-item">{year}</span>
            for severity in [Severity::Error, Severity::Warning, Severity::Info] {
                <button type="button" class={classes!("summary-item", "count", severity.as_str())}
                        aria-pressed={if hidden & severity_bit(severity) == 0 { "true" } else { "false" }}
                        onclick={on_toggle.reform(move |_: MouseEvent| severity)}>
                    <span class="icon" aria-hidden="true">{severity_icon(severity)}</span>
                    {format!("{} {}", severity.label_zh(), report.count(severity))}
                </button>
            }
            <span class="summary-item elapsed">{format!("用时 {} 毫秒", tenths(elapsed_ms))}</span>
        </section>
    }
}
