//! T02: a required row or sub-table is missing from a table.

use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};
use crate::span::Span;

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Error,
    name: "缺少行或子表",
    what: "表格找到了，但缺少格式文件规定的某一行（如表三的「（一）予以公开」）或某一子表（如表二的「第二十条第（八）项」）时报告。缺少的行不会被当作 0。",
    why: "删掉「没有数据」的行会让读者无法确认该项为零，也会让合计关系无从核对。",
    fix: "按格式文件补上缺少的行或子表，没有数据的填 0，不要删行。",
    bad: "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n",
    good: "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n（一）予以公开\t0\t0\t0\t0\t0\t0\t0\n（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t0\t0\t0\t0\t0\t0\t0\n1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n2.其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0\n3.危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0\n4.保护第三方合法权益\t0\t0\t0\t0\t0\t0\t0\n5.属于三类内部事务信息\t0\t0\t0\t0\t0\t0\t0\n6.属于四类过程性信息\t0\t0\t0\t0\t0\t0\t0\n7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0\n8.属于行政查询事项\t0\t0\t0\t0\t0\t0\t0\n1.本机关不掌握相关政府信息\t0\t0\t0\t0\t0\t0\t0\n2.没有现成信息需要另行制作\t0\t0\t0\t0\t0\t0\t0\n3.补正后申请内容仍不明确\t0\t0\t0\t0\t0\t0\t0\n1.信访举报投诉类申请\t0\t0\t0\t0\t0\t0\t0\n2.重复申请\t0\t0\t0\t0\t0\t0\t0\n3.要求提供公开出版物\t0\t0\t0\t0\t0\t0\t0\n4.无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0\n5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0\n1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\n3.其他\t0\t0\t0\t0\t0\t0\t0\n（七）总计\t0\t0\t0\t0\t0\t0\t0\n四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n",
    last_year_example: None,
};

/// A table that cannot be read reliably is reported once, by T06, and not here.
pub fn run(context: &Context, out: &mut Sink) {
    let parsed = context.this_year;
    for table in parsed
        .document
        .tables
        .iter()
        .filter(|t| t.found && t.is_reliable())
    {
        let mut last_seen = table.region.start;
        let mut reported_sections: Vec<&str> = Vec::new();
        for row in &table.rows {
            if row.found {
                last_seen = row
                    .cells
                    .last()
                    .map(|c| c.span.end)
                    .or(row.label_span.map(|s| s.end))
                    .unwrap_or(last_seen);
                continue;
            }
            // A sub-table none of whose rows is there is reported once, as a sub-table.
            if let Some(caption) = row.section {
                if table
                    .rows
                    .iter()
                    .filter(|r| r.section == Some(caption))
                    .all(|r| !r.found)
                {
                    if !reported_sections.contains(&caption) {
                        reported_sections.push(caption);
                        out.report(
                            Span::point(last_seen),
                            format!("{}缺少「{caption}」子表", table.id.short_name()),
                        );
                    }
                    continue;
                }
            }
            let label = if row.label.is_empty() {
                "数据行"
            } else {
                row.label
            };
            out.report(
                Span::point(last_seen),
                format!("{}缺少「{label}」行", table.id.short_name()),
            );
        }
    }
}
