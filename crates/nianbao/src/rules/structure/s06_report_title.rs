//! S06: the report title is missing, lacks the year, or is not 「…年政府信息公开工作年度报告」.

use crate::parse::{report_start, year_in};
use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};
use crate::span::Span;
use crate::text::fold_str;

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Warning,
    name: "报告标题不规范",
    what: "报告开头应有标题「××（机关名称）××××年政府信息公开工作年度报告」。没有标题、标题未写年度、或标题不是这一形式时报告。",
    why: "标题中的机关名称和年度是公众检索、归档年报的依据；缺少年度的标题无法区分各年的报告。",
    fix: "在报告开头写上标题「××（机关名称）××××年政府信息公开工作年度报告」，年度与报告内容一致。",
    bad: "八卦洲街道政府信息公开工作年度报告\n一、总体情况\n",
    good: "八卦洲街道2021年政府信息公开工作年度报告\n一、总体情况\n",
    last_year_example: None,
};

const STANDARD_ENDING: &str = "政府信息公开工作年度报告";

pub fn run(context: &Context, out: &mut Sink) {
    let parsed = context.this_year;
    let Some(title) = &parsed.document.title else {
        out.report(
            Span::point(report_start(parsed.text)),
            "缺少报告标题，开头应为「××××年政府信息公开工作年度报告」".to_string(),
        );
        return;
    };
    let folded = fold_str(&title.text);
    let message = if year_in(&folded).is_none() {
        format!(
            "标题「{}」没有写明年度，应为「……××××年政府信息公开工作年度报告」",
            title.text
        )
    } else if !folded.ends_with(STANDARD_ENDING) {
        format!(
            "标题「{}」不规范，应为「……××××年政府信息公开工作年度报告」",
            title.text
        )
    } else {
        return;
    };
    out.report(title.span, message);
}
