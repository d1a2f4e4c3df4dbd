//! T06: a table is there but its cells cannot be read reliably from this text.

use crate::model::UnreliableReason;
use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Warning,
    name: "表格无法可靠读取",
    what: "表格在报告中，但从这份文字里分不清各个单元格：数字之间没有分隔、连在一起（网页文字丢了表格线），有的行读到的数字比列数少或行标题与数字分离（从 PDF 复制），或读到的数字大得不合常理。每张表只报告一次，这张表的空格、缺行和合计不再检查，以免把读错当成填错。",
    why: "从 PDF 或网页复制的表格常常丢掉单元格的分隔，硬去猜各格的数字只会得到一大串错误；应换一份能读清表格的文字再检查。",
    fix: "换一份能读清表格的文字：打开原 Word 文档（.docx），或从 Word 中复制表格后粘贴。",
    bad: "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n000000000000000\n",
    good: "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n",
    last_year_example: None,
};

/// What to do about it, the same for every reason.
const ADVICE: &str = "请打开报告的 Word 原件（.docx）检查，或在 Word 中复制整张表格粘贴到这里（不要从 PDF 或网页复制）";

pub fn run(context: &Context, out: &mut Sink) {
    let parsed = context.this_year;
    for table in parsed.document.tables.iter().filter(|t| t.found) {
        let Some(unreliable) = table.unreliable else {
            continue;
        };
        let written = parsed.slice(unreliable.span).trim();
        let example = if !written.is_empty() && written.chars().count() <= 24 {
            format!("（如「{written}」）")
        } else {
            String::new()
        };
        let why = match unreliable.reason {
            UnreliableReason::GluedCells => {
                format!("数字之间没有分隔，连在了一起{example}，分不出各个单元格")
            }
            UnreliableReason::MisalignedCells => {
                "有的行读到的数字比列数少，或行标题与数字分开了，无法与各列对应".to_string()
            }
            UnreliableReason::ImplausibleValues => {
                format!("读到的数字大得不合常理{example}，可能是几格数字连在了一起")
            }
        };
        out.report(
            unreliable.span,
            format!(
                "{}无法可靠读取：{why}。这张表的空格、缺行和合计不作检查",
                table.id.short_name()
            ),
        )
        .help(format!("{ADVICE}。"));
    }
}
