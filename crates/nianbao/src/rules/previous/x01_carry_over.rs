//! X01: this year's 二、上年结转 equals last year's 四、结转下年度继续办理, column by column.

use super::where_last_year;
use crate::model::Row;
use crate::parse::Parsed;
use crate::rules::lookup;
use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};
use crate::template::facts::APPLICATIONS_CARRIED_OVER;
use crate::template::TableId;

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Error,
    name: "上年结转与上年年报不符",
    what: "与上一年度的年报一起检查时：表三每一列本年的「二、上年结转政府信息公开申请数量」应等于上年年报同一列的「四、结转下年度继续办理」。不等时在本年的单元格上报告，并写明上年年报中对应单元格所在的行。只给出本年报告时不检查。",
    why: "上年结转到今年的申请，就是上年报告中结转下年度继续办理的申请，两份报告必须衔接；对不上说明有一年填错，或有申请在两年之间漏记。",
    fix: "对照上年年报表三「四、结转下年度继续办理」，改正本年「二、上年结转」；若上年填错，在正文中说明。",
    bad: "某街道2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n（七）总计\t2\t0\t0\t0\t0\t0\t2\n四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n",
    good: "某街道2022年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n（七）总计\t2\t0\t0\t0\t0\t0\t2\n四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n",
    last_year_example: Some(LAST_YEAR_EXAMPLE),
};

/// Last year's report for the examples: one application carried forward.
pub const LAST_YEAR_EXAMPLE: &str = "某街道2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n（七）总计\t2\t0\t0\t0\t0\t0\t2\n四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1\n";

/// The found row `key` of a report's found table `id`.
fn found_row<'p>(parsed: &'p Parsed, id: TableId, key: &str) -> Option<&'p Row> {
    lookup::table(&parsed.document, id).and_then(|(t, _)| lookup::found_row(t, key))
}

pub fn run(context: &Context, out: &mut Sink) {
    let Some(previous) = context.last_year else {
        return;
    };
    let parsed = context.this_year;
    let carry = &APPLICATIONS_CARRIED_OVER;
    let (Some(carried), Some(forward)) = (
        found_row(parsed, carry.table, carry.this_year),
        found_row(previous, carry.table, carry.last_year),
    ) else {
        return;
    };
    for (now, then) in carried.cells.iter().zip(&forward.cells) {
        let (Some(a), Some(b)) = (now.count(), then.count()) else {
            continue;
        };
        if a == b {
            continue;
        }
        let message = format!(
            "{}列：本年「{}」为 {a}，但上年年报「{}」为 {b}（{}），相差 {}",
            now.column,
            carried.label,
            forward.label,
            where_last_year(previous, then.span.start),
            (a - b).unsigned_abs()
        );
        out.report(now.span, message)
            .label_in_last_year(
                previous,
                then.span,
                format!("上年「{}」{}列", forward.label, then.column),
            )
            .expected_actual(b.to_string(), a.to_string());
    }
}
