//! S04: a part's title is not the standard wording.

use super::heading_fix::pieces;
use super::SIX_PARTS;
use crate::model::TitleMatch;
use crate::rules::Severity;
use crate::rules::{Context, Fix, RuleDoc, Sink};

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Warning,
    name: "部分标题不规范",
    what: "各部分标题应与格式文件一致。能认出是哪一部分、但措辞不同（常见变体如「四、因政府信息公开工作被申请行政复议、提起行政诉讼情况」，或改名如「六、行政复议、诉讼和举报投诉情况」）时报告。",
    why: "统一的标题便于公众和上级在各机关的年报之间对照查阅；改名常常意味着套用了旧模板或合并了内容。",
    fix: "把标题改为格式文件中的原文（见上方「检查什么」）；内容不必改动。",
    bad: "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、行政复议、诉讼和举报投诉情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n",
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
        let heading = part.heading.as_deref().unwrap_or("");
        let message = match part.title_match {
            Some(TitleMatch::Variant) => format!(
                "标题「{heading}」是常见写法，格式文件的标题为「{}」",
                part.standard
            ),
            Some(TitleMatch::Renamed) => {
                format!("标题「{heading}」与格式文件不符，应为「{}」", part.standard)
            }
            _ => continue,
        };
        let finding = out.report(part.heading_span, message);
        if let Some(at) = pieces(parsed, part) {
            let title = crate::template::part(part.number).title;
            finding.fix(Fix::single(format!("改为「{title}」"), at.title, title));
        }
    }
}
