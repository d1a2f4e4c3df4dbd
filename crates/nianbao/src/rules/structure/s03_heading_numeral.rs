//! S03: a part's heading numeral is missing, wrong, or in another style.

use super::heading_fix::pieces;
use super::s01_missing_part::numeral;
use super::SIX_PARTS;
use crate::rules::Severity;
use crate::rules::{Context, Fix, RuleDoc, Sink};

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Warning,
    name: "部分序号不规范",
    what: "六个部分的标题应以中文序号加顿号开头：「一、」至「六、」。标题缺少序号（如只写「总体情况」）、用了阿拉伯数字（如「6、」）或序号与部分不符（如第三部分写成「五、」）时报告。",
    why: "序号是读者定位各部分的依据；序号缺失或错乱，往往说明标题是手工改动或从旧文档拼接而来。",
    fix: "把标题开头改为中文序号加顿号，如「一、」「六、」，与格式文件一致。",
    bad: "总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n6、其他需要报告的事项\n",
    good: SIX_PARTS,
    last_year_example: None,
};

pub fn run(context: &Context, out: &mut Sink) {
    let parsed = context.this_year;
    let doc = &parsed.document;
    // A split part is reported once, by S05.
    for part in doc
        .parts
        .iter()
        .filter(|p| p.found && !doc.is_split(p.number))
    {
        let expected = format!("{}、", numeral(part.number));
        let written = part.numeral.as_deref().unwrap_or("");
        // A numeral written with a radical (「⼀、」, from a PDF) looks right and reads right.
        if written
            .chars()
            .map(crate::text::radicals::unify)
            .eq(expected.chars())
        {
            continue;
        }
        let heading = part.heading.as_deref().unwrap_or("");
        let message = if written.is_empty() {
            format!("标题「{heading}」缺少序号，应为「{}」", part.standard)
        } else if written.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
        {
            format!(
                "标题序号「{written}」用了阿拉伯数字，第{}部分应为「{expected}」",
                numeral(part.number)
            )
        } else if written.trim_end_matches(['、', '.', '．']) == numeral(part.number) {
            format!("标题序号「{written}」应写作「{expected}」")
        } else {
            format!(
                "标题序号「{written}」与部分不符：这是第{}部分，序号应为「{expected}」",
                numeral(part.number)
            )
        };
        let finding = out.report(part.heading_span, message);
        if let Some(at) = pieces(parsed, part) {
            let label = if written.is_empty() {
                format!("补上「{expected}」")
            } else {
                format!("改为「{expected}」")
            };
            finding.fix(Fix::single(label, at.numeral, expected));
        }
    }
}
