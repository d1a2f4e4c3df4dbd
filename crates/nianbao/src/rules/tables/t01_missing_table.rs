//! T01: a required table is not found in its part.

use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};
use crate::span::Span;

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Error,
    name: "缺少表格",
    what: "第二、三、四部分各有一张统计表（主动公开情况、收到和处理申请情况、行政复议和行政诉讼情况）。在相应部分中找不到表格的任何行标题或数字时报告。",
    why: "三张表是年报的核心数据，用文字代替表格或漏贴表格，都会使报告无法比对和汇总。",
    fix: "在这一部分中插入格式文件规定的统计表并填好数字；不要用文字代替表格。",
    bad: "二、主动公开政府信息情况\n第二十条第（一）项\n规章\t0\t0\t0\n三、收到和处理政府信息公开申请情况\n（一）予以公开\t0\t0\t0\t0\t0\t0\t0\n四、政府信息公开行政复议、行政诉讼情况\n本年度未发生行政复议、行政诉讼。\n五、存在的主要问题及改进情况\n",
    good: "二、主动公开政府信息情况\n第二十条第（一）项\n规章\t0\t0\t0\n三、收到和处理政府信息公开申请情况\n（一）予以公开\t0\t0\t0\t0\t0\t0\t0\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n五、存在的主要问题及改进情况\n",
    last_year_example: None,
};

pub fn run(context: &Context, out: &mut Sink) {
    let parsed = context.this_year;
    let doc = &parsed.document;
    for table in doc.tables.iter().filter(|t| !t.found) {
        let part = doc.part(crate::template::table(table.id, table.version).part);
        let at = if part.found {
            part.heading_span
        } else {
            Span::point(table.region.start)
        };
        out.report(
            at,
            format!(
                "没有找到{}：这一部分应包含该统计表",
                table.id.drafter_name()
            ),
        );
    }
}
