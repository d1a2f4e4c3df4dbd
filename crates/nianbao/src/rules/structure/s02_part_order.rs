//! S02: the parts are out of order.

use super::SIX_PARTS;
use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Error,
    name: "部分顺序错误",
    what: "六个部分必须按一至六的顺序排列。某一部分出现在编号更大的部分之后时报告此错误。",
    why: "年报格式规定了各部分的先后次序，读者和上级检查都按这一顺序查找内容。",
    fix: "把这一部分移到编号顺序中应在的位置，使六个部分依次为一至六。",
    bad: "一、总体情况\n二、主动公开政府信息情况\n四、政府信息公开行政复议、行政诉讼情况\n三、收到和处理政府信息公开申请情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n",
    good: SIX_PARTS,
    last_year_example: None,
};

pub fn run(context: &Context, out: &mut Sink) {
    let parsed = context.this_year;
    let found: Vec<_> = parsed.document.parts.iter().filter(|p| p.found).collect();
    for part in &found {
        // The first part with a smaller number that comes later in the text.
        let Some(later) = found
            .iter()
            .find(|q| q.number < part.number && q.heading_span.start > part.heading_span.start)
        else {
            continue;
        };
        out.report(
            part.heading_span,
            format!(
                "「{}」出现在「{}」之前，顺序应为一至六",
                part.heading.as_deref().unwrap_or(part.standard),
                later.heading.as_deref().unwrap_or(later.standard)
            ),
        );
    }
}
