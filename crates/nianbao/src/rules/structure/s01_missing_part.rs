//! S01: one of the six parts is missing.

use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Error,
    name: "缺少部分",
    what: "年报必须依次包含六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。找不到其中某一部分的标题时报告此错误，并标出它应在的位置。",
    why: "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）规定了这六个部分，缺少任何一部分都属于内容不完整。",
    fix: "按格式文件补上这一部分的标题和内容；没有相关情况的，写明「无」或「本年度未发生」。",
    bad: "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n",
    good: "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n本年度未收取信息处理费。\n",
    last_year_example: None,
};

pub fn run(context: &Context, out: &mut Sink) {
    let parsed = context.this_year;
    for part in parsed.document.parts.iter().filter(|p| !p.found) {
        let message = format!(
            "缺少第{}部分「{}」：报告中找不到这一部分的标题",
            numeral(part.number),
            part.standard
        );
        out.report(part.heading_span, message).part(part.number);
    }
}

pub(crate) fn numeral(number: u8) -> &'static str {
    ["一", "二", "三", "四", "五", "六"][usize::from(number - 1)]
}
