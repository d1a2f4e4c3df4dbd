//! T03: a cell is blank, a placeholder, not a number, negative, or a fraction where a count is due.

use crate::model::CellProblem;
use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Error,
    name: "单元格不是有效数字",
    what: "表格中每个单元格都应填写数字，没有发生的填 0。单元格为空、填了「/」「-」「—」「无」等占位符、不是数字、为负数，或应为件数的格子填了小数时报告。",
    why: "空格和占位符无法参与合计核对，读者也无法分辨是「零」还是「漏填」。",
    fix: "在这一格填写数字；没有发生的填 0，不要留空或填「/」「-」「无」。",
    bad: "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n0\t/\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n",
    good: "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n",
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
        for row in table.rows.iter().filter(|r| r.found) {
            for cell in &row.cells {
                let Some(problem) = cell.problem else {
                    continue;
                };
                let raw = parsed.slice(cell.span);
                let place = if row.label.is_empty() {
                    format!("{}「{}」列", table.id.short_name(), cell.column)
                } else {
                    format!(
                        "{}「{}」行「{}」列",
                        table.id.short_name(),
                        row.label,
                        cell.column
                    )
                };
                let message = match problem {
                    CellProblem::Blank => format!("{place}为空，没有数据应填 0"),
                    CellProblem::Placeholder => {
                        format!("{place}填的是「{raw}」，应填数字，没有数据填 0")
                    }
                    CellProblem::NotANumber => format!("{place}「{raw}」不是数字"),
                    CellProblem::Negative => format!("{place}为负数 {raw}，应为非负数"),
                    CellProblem::Fraction => format!("{place}为小数 {raw}，件数应为整数"),
                };
                let actual = match raw.trim() {
                    "" => "空".to_string(),
                    written => written.to_string(),
                };
                out.report(cell.span, message)
                    .expected_actual("数字".to_string(), actual);
            }
        }
    }
}
