//! S05: an extra top-level part, or a part split into several.

use super::s01_missing_part::numeral;
use super::SIX_PARTS;
use crate::model::ExtraKind;
use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Warning,
    name: "多出或拆分的部分",
    what: "年报只有六个部分。某一部分被拆成几个一级标题（如「七、存在问题」「八、改进措施」），或在六个部分之外另加一级标题（如「七、……」）时报告。",
    why: "拆分或增加部分会打乱序号，使后面各部分的编号全部错位，也不符合统一格式。",
    fix: "把拆出的标题并回它所属的部分（改为二级标题，如「（一）」），多出的内容移入六个部分之一。",
    bad: "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在问题\n六、改进措施\n七、其他需要报告的事项\n",
    good: SIX_PARTS,
    last_year_example: None,
};

pub fn run(context: &Context, out: &mut Sink) {
    let parsed = context.this_year;
    let doc = &parsed.document;
    for part in doc.parts.iter().filter(|p| p.found) {
        let pieces: Vec<_> = doc.split_pieces(part.number).collect();
        if pieces.is_empty() {
            continue;
        }
        let mut headings = vec![format!("「{}」", part.heading.as_deref().unwrap_or(""))];
        headings.extend(pieces.iter().map(|p| format!("「{}」", p.heading)));
        out.report(
            part.heading_span,
            format!(
                "第{}部分「{}」被拆成了{}，应合并为一个部分",
                numeral(part.number),
                part.standard,
                headings.join("和")
            ),
        )
        .labels(pieces.iter().map(|p| (p.span, p.heading.clone())).collect());
    }
    for extra in doc
        .extra_headings
        .iter()
        .filter(|e| e.kind == ExtraKind::Extra)
    {
        out.report(
            extra.span,
            format!(
                "「{}」不是年报格式中的部分：年报只有六个部分，其内容应并入相应部分",
                extra.heading
            ),
        );
    }
}
