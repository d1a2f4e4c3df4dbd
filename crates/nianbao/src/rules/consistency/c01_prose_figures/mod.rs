//! C01: a figure the prose states about the tables differs from the table.
//!
//! The figures are a declared list (`lexicon::FIGURES`): the key phrase (in slots of alternative
//! words), the units the count may carry, and the number of the tables it states (a template fact,
//! read by `rules::lookup`). A figure is read only when its key phrase is followed, through a few
//! filler words (共计、合计、为…), by a number and one of its units, so figures about other things
//! (articles, WeChat posts, hotline cases, readers) never match. `phrase` matches, `first_chars`
//! says which figures can start at a character.

mod first_chars;
mod lexicon;
mod phrase;

use first_chars::{figures_starting_with, set_bits};
use lexicon::FIGURES;
use phrase::{match_count, match_key};

use crate::model::{Cell, Document};
use crate::parse::Parsed;
use crate::rules::lookup::{self, Count, Reading};
use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};
use crate::span::Span;
use crate::template::facts::{self, Quantity};
use crate::text::prose::{years, Prose};

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Warning,
    name: "正文数字与表格不一致",
    what: "正文中关于表格内容的数字应与表格一致：收到（新收）申请件数对表三第一项总计，上年结转对第二项，办结、答复、办理对第三项（七）总计，结转下年度对第四项，予以公开、部分公开对相应行，因政府信息公开引起的行政复议、行政诉讼件数对表四的总计，行政许可、行政处罚、行政强制件数和制发、废止、现行有效的规章、规范性文件件数对表二。正文说「未收到申请」而表三第一项总计不为 0 也属不一致。只读取这些明确的说法；正文中关于文章、信息条数、热线工单等其他事项的数字，以及写明其他年份（「上年」「2022年」）的数字不作比较；表格某一行本身总计与各列之和不符时，正文与其中任一数相同即不报告（由合计规则报告表格本身）。",
    why: "公众往往只读正文。正文与表格各说各的，说明至少有一处填错，也会让人怀疑整份年报数据的可靠性。",
    fix: "核对正文中的这个数字与表中对应的格子，改正填错的一处，使两者一致。",
    bad: "一、总体情况\n本年度共收到政府信息公开申请5件，均已按时答复。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n",
    good: "一、总体情况\n本年度共收到政府信息公开申请3件，通过微信公众号发布信息120条。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n",
    last_year_example: None,
};

/// How far before a key phrase a figure's `not_after` words are looked for, in characters.
const LOOK_BEHIND: usize = 6;

/// Words before 答复 / 办结 that make it one kind of outcome (「同意公开答复 9 件」), not all of them.
const OUTCOME_KINDS: &[&str] = &[
    "公开",
    "同意",
    "不予",
    "部分",
    "告知",
    "无法提供",
    "不予处理",
    "其他",
];

/// Whether the figure at `at..end` is one item of a list of outcomes (「同意公开答复 9 件、部分公开答复
/// 0 件、转下一年度办理的有 1 件」) rather than the number of applications handled.
fn is_one_outcome(prose: &Prose, at: usize, end: usize) -> bool {
    let before = at.saturating_sub(LOOK_BEHIND);
    let kind = OUTCOME_KINDS.iter().any(|w| prose.contains(before, at, w));
    let listed = matches!(prose.text(end, end + 1).as_str(), "、" | "." | ";" | "；");
    kind || listed
}

/// The phrase as the user wrote it, on one line.
fn quote(text: &str, span: Span) -> String {
    text[span.start..span.end]
        .chars()
        .filter(|c| !matches!(c, '\n' | '\r' | '\t'))
        .collect::<String>()
        .trim()
        .to_string()
}

/// A figure the prose states about the tables, as C01 reads it: the phrase, the number it says, and
/// the number of the tables it states. The sum diagnosis reads them too: a figure that names a
/// cell's number is a witness for or against changing that cell.
pub struct Stated {
    /// Where the phrase starts and ends, in characters of the prose.
    at: usize,
    end: usize,
    /// The phrase in the checked text.
    pub span: Span,
    /// The number it says (0 for 「未收到…申请」).
    pub said: i64,
    /// The number of the tables it states.
    pub target: &'static Quantity,
    counted: bool,
    /// 「受理」 of new applications, which may count those carried over too.
    accepted: bool,
}

impl Stated {
    /// Does `doc`'s table agree with the figure (read as `reading`, each cell counting `count`)? The
    /// sum of a total's parts is as good as the total itself (a total that does not hold is the sum
    /// rules' to report).
    fn agrees_with(&self, doc: &Document, reading: &Reading, count: Count) -> bool {
        let with_carried = || {
            let carried = lookup::read_counting(doc, &facts::CARRIED_APPLICATIONS, count)?;
            reading.value.checked_add(carried.value)
        };
        self.said == reading.value
            || Some(self.said) == reading.parts_sum
            || (self.accepted && Some(self.said) == with_carried())
    }

    /// Does `doc`'s table agree with the figure, each cell counting `count`? `None` when the table
    /// does not hold the number.
    pub fn agrees(&self, doc: &Document, count: Count) -> Option<bool> {
        let reading = lookup::read_counting(doc, self.target, count)?;
        Some(self.agrees_with(doc, &reading, count))
    }
}

/// Every figure the prose states about the tables, in text order. Figures about another year, and
/// one outcome among a list of outcomes (「同意公开答复 9 件、…」), are not this figure and are left out.
pub fn stated(parsed: &Parsed) -> Vec<Stated> {
    let prose = Prose::of(parsed);
    let all_years = years(prose);
    let mut out = Vec::new();
    for at in 0..prose.len() {
        let candidates = prose.char(at).map_or(0, figures_starting_with);
        for figure in set_bits(candidates).map(|n| &FIGURES[n]) {
            let Some(key_end) = match_key(prose, at, figure.key) else {
                continue;
            };
            let sentence = prose.sentence_start(at);
            let before = sentence.max(at.saturating_sub(LOOK_BEHIND));
            if figure
                .not_after
                .iter()
                .any(|w| prose.contains(before, at, w))
            {
                continue;
            }
            if !figure.context.is_empty()
                && !figure
                    .context
                    .iter()
                    .any(|w| prose.contains(sentence, key_end, w))
            {
                continue;
            }
            // 「2022年收到申请5件」 in a 2023 report speaks of another year.
            let from = all_years.partition_point(|y| y.0 < sentence);
            if all_years[from..]
                .iter()
                .take_while(|y| y.0 < at)
                .any(|y| Some(y.1) != parsed.document.year)
            {
                continue;
            }
            let (said, end) = if figure.counted {
                match match_count(prose, key_end, figure.units) {
                    Some(found) => found,
                    None => continue,
                }
            } else {
                // 「未收到申请人…」 is not about applications received.
                if prose.text(key_end, key_end + 1) == "人" {
                    continue;
                }
                (0, key_end)
            };
            if std::ptr::eq(figure.target, &facts::HANDLED_APPLICATIONS)
                && is_one_outcome(prose, at, end)
            {
                continue;
            }
            out.push(Stated {
                at,
                end,
                span: prose.span(at, end),
                said,
                target: figure.target,
                counted: figure.counted,
                // 「受理」 may count the applications carried over with the new ones; 「收到」 may not.
                accepted: std::ptr::eq(figure.target, &facts::NEW_APPLICATIONS)
                    && prose.text(at, at + 2) == "受理",
            });
        }
    }
    out
}

/// The phrase of a figure as the user wrote it, on one line.
pub fn phrase(text: &str, figure: &Stated) -> String {
    quote(text, figure.span)
}

pub fn run(context: &Context, out: &mut Sink) {
    let parsed = context.this_year;
    let doc = &parsed.document;
    // A phrase already reported is not read again by another figure.
    let mut reported_until = 0;
    for figure in stated(parsed) {
        if figure.at < reported_until {
            continue;
        }
        let Some(table) = lookup::read(doc, figure.target) else {
            continue;
        };
        if figure.agrees_with(doc, &table, &Cell::count) {
            continue;
        }
        let phrase = quote(parsed.text, figure.span);
        let message = if figure.counted {
            format!(
                "正文「{phrase}」为 {}，但{}为 {}，相差 {}",
                figure.said,
                table.name,
                table.value,
                (figure.said - table.value).unsigned_abs()
            )
        } else {
            format!(
                "正文称「{phrase}」，即 0 件，但{}为 {}",
                table.name, table.value
            )
        };
        reported_until = figure.end;
        out.report(figure.span, message).labels(table.places);
    }
}
