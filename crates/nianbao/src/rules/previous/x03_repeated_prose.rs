//! X03: more than half of this year's prose repeats last year's (内容雷同), counted so that a
//! sentence whose only changes are its years and figures is repeated; and part 五 copied nearly word
//! for word, said on its own. How the share is measured: [`crate::compare`].

use crate::compare::{RepeatedProse, Share, PROBLEMS_PART};
use crate::parse::Parsed;
use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};
use crate::span::Span;

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Warning,
    name: "内容与上年雷同",
    what: "与上一年度的年报一起检查时：比较两份报告的正文（标题之后的开头部分，以及「一、总体情况」「五、存在的主要问题及改进情况」「六、其他需要报告的事项」，不含标题、小标题和表格），只改动了年份、数字的句子也算与上年相同。本年正文超过一半与上年相同时警告，写明所占比例，并标出两份报告中相同的段落；第五部分有 80% 以上与上年相同时另行警告。只给出本年报告时不检查。",
    why: "年度报告应当反映本年度的工作。不少地方的评议考核把「与往年雷同」列为扣分项，有的规定正文与上年报告重复超过 50% 即扣分；存在的问题和改进措施年年照抄，也说明上年的问题没有改进。",
    fix: "按本年度的实际工作重写雷同的段落，写明本年的数字、做法和新问题。",
    bad: "某街道2022年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n一、总体情况\n2022年，我街道通过门户网站主动公开各类信息58条，及时更新机构职能、领导分工和办事指南等内容，做到应公开尽公开。全年收到政府信息公开申请3件，均在法定期限内答复。\n五、存在的主要问题及改进情况\n信息更新不够及时，公开内容不够全面。下一步，我街道将加强工作人员培训，完善信息发布审核制度。\n",
    good: "某街道2022年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。\n一、总体情况\n2022年，我街道围绕老旧小区改造和疫情防控公开各类信息58条，新开设“惠民政策”专栏，集中发布补贴标准和申领流程。全年收到政府信息公开申请3件，其中2件涉及房屋征收补偿。\n五、存在的主要问题及改进情况\n上年提出的培训计划已经完成。本年度专栏更新仍有滞后，下一步将明确专人每周检查。\n",
    last_year_example: Some(LAST_YEAR_EXAMPLE),
};

/// Last year's report for the examples: the failing example is it with its years and figures changed.
pub const LAST_YEAR_EXAMPLE: &str = "某街道2021年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》编制。本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。\n一、总体情况\n2021年，我街道通过门户网站主动公开各类信息43条，及时更新机构职能、领导分工和办事指南等内容，做到应公开尽公开。全年收到政府信息公开申请1件，均在法定期限内答复。\n五、存在的主要问题及改进情况\n信息更新不够及时，公开内容不够全面。下一步，我街道将加强工作人员培训，完善信息发布审核制度。\n";

/// Above this percentage of repeated prose the report is 雷同 (the scoring sheets' 50 %).
pub const MOST_REPEATED: u8 = 50;
/// From this percentage on, part 五 is copied nearly word for word.
pub const COPIED_PROBLEMS: u8 = 80;
/// Prose shorter than this (in characters, a number counting as one) says too little to judge.
const SHORTEST_PROSE: usize = 40;
const SHORTEST_PROBLEMS: usize = 20;
/// At most this many of last year's repeated passages are labelled (the page shades them all).
const MOST_LABELS: usize = 12;

pub fn run(context: &Context, out: &mut Sink) {
    let Some(last_year) = context.last_year else {
        return;
    };
    let parsed = context.this_year;
    let Some(repeated) = &context.repeated else {
        return;
    };
    let share = repeated.share;
    if share.units >= SHORTEST_PROSE && share.percent > MOST_REPEATED {
        report_whole(repeated, share, last_year, out);
    }
    if let Some(problems) = repeated
        .problems
        .filter(|p| p.units >= SHORTEST_PROBLEMS && p.percent >= COPIED_PROBLEMS)
    {
        report_problems(repeated, problems, parsed, last_year, out);
    }
}

fn report_whole(repeated: &RepeatedProse, share: Share, last_year: &Parsed, out: &mut Sink) {
    let Some((longest, there)) = repeated.longest() else {
        return;
    };
    let message = format!(
        "本年报告正文约 {}% 与上年报告相同或仅改动年份、数字（正文约 {} 字，其中约 {} 字与上年相同），评议中可能被认定为与往年雷同",
        share.percent, share.units, share.repeated
    );
    let mut finding = out
        .report(longest, message)
        .help("请按本年度的实际工作重新撰写正文；与上年相同的段落已在两份报告中标出，这里指出的是其中最长的一段。".to_string());
    if let Some(there) = there {
        finding = finding.label_in_last_year(last_year, there, "上年报告中的同一段".to_string());
    }
    for span in longest_first(&repeated.last_year, there) {
        finding =
            finding.label_in_last_year(last_year, span, "上年报告中与本年相同的段落".to_string());
    }
}

/// Up to [`MOST_LABELS`] of `passages` but `except`, the longest, in text order.
fn longest_first(passages: &[Span], except: Option<Span>) -> Vec<Span> {
    let wanted = MOST_LABELS.saturating_sub(usize::from(except.is_some()));
    let mut left: Vec<Span> = passages
        .iter()
        .copied()
        .filter(|&s| Some(s) != except)
        .collect();
    // A dozen passes for a dozen labels: no sorting code for the page to carry.
    let mut chosen = Vec::with_capacity(wanted);
    while chosen.len() < wanted {
        let Some(at) =
            (0..left.len()).max_by_key(|&i| (left[i].end - left[i].start, usize::MAX - i))
        else {
            break;
        };
        chosen.push(left.swap_remove(at));
    }
    chosen.sort_unstable();
    chosen
}

/// `span` without the white space it starts and ends with.
fn trimmed(parsed: &Parsed, span: Span) -> Span {
    let text = parsed.slice(span);
    let start = span.start + (text.len() - text.trim_start().len());
    Span::new(start, start.max(span.start + text.trim_end().len()))
}

fn report_problems(
    repeated: &RepeatedProse,
    problems: Share,
    parsed: &Parsed,
    last_year: &Parsed,
    out: &mut Sink,
) {
    let part = parsed.document.part(PROBLEMS_PART);
    let body = if part.found {
        trimmed(parsed, part.body)
    } else {
        part.heading_span
    };
    let message = format!(
        "「五、存在的主要问题及改进情况」约 {}% 与上年报告相同或仅改动年份、数字，几乎照搬上年",
        problems.percent
    );
    let mut finding = out
        .report(body, message)
        .help(
            "存在的问题和改进措施应写本年度的实际情况，并说明上年提出的改进措施落实得怎样。"
                .to_string(),
        )
        .part(PROBLEMS_PART);
    // Last year's passages that part 五's repeated passages repeat.
    let mut there: Vec<Span> = repeated
        .this_year
        .iter()
        .zip(&repeated.counterparts)
        .filter(|(span, _)| body.contains(**span))
        .filter_map(|(_, c)| c.and_then(|i| repeated.last_year.get(i).copied()))
        .collect();
    there.sort_unstable();
    there.dedup();
    there.truncate(MOST_LABELS);
    for span in there {
        finding = finding.label_in_last_year(last_year, span, "上年报告中相同的内容".to_string());
    }
}
