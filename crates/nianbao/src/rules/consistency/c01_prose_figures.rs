//! C01: a figure the prose states about the tables differs from the table.
//!
//! The figures are a declared list ([`FIGURES`]): the key phrase (in slots of alternative words), the
//! units the count may carry, and the table cell it describes. A figure is read only when its key
//! phrase is followed, through a few filler words (共计、合计、为…), by a number and one of its units,
//! so figures about other things (articles, WeChat posts, hotline cases, readers) never match.

use std::sync::OnceLock;

use crate::model::{Cell, Document};
use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};
use crate::span::Span;
use crate::template::{self, TableId};
use crate::text::chinese::{NONE_HAPPENED, NOT_DONE};
use crate::text::prose::{years, Prose};

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Warning,
    name: "正文数字与表格不一致",
    what: "正文中关于表格内容的数字应与表格一致：收到（新收）申请件数对表三第一项总计，上年结转对第二项，办结、答复、办理对第三项（七）总计，结转下年度对第四项，予以公开、部分公开对相应行，因政府信息公开引起的行政复议、行政诉讼件数对表四的总计，行政许可、行政处罚、行政强制件数和制发、废止、现行有效的规章、规范性文件件数对表二。正文说「未收到申请」而表三第一项总计不为 0 也属不一致。只读取这些明确的说法；正文中关于文章、信息条数、热线工单等其他事项的数字，以及写明其他年份（「上年」「2022年」）的数字不作比较；表格某一行本身总计与各列之和不符时，正文与其中任一数相同即不报告（由合计规则报告表格本身）。",
    why: "公众往往只读正文。正文与表格各说各的，说明至少有一处填错，也会让人怀疑整份年报数据的可靠性。",
    bad: "一、总体情况\n本年度共收到政府信息公开申请5件，均已按时答复。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n",
    good: "一、总体情况\n本年度共收到政府信息公开申请3件，通过微信公众号发布信息120条。\n三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n",
    last_year_example: None,
};

/// One slot of a key phrase.
enum Word {
    /// One of these words.
    One(&'static [&'static str]),
    /// One of these words, or nothing.
    Opt(&'static [&'static str]),
    /// Any number of these words, one after another.
    Many(&'static [&'static str]),
}

/// The table cell a figure describes.
enum Target {
    /// A T3 row (by template key), its 总计 column.
    T3(&'static str),
    /// T4: the 总计 of these column groups (0 行政复议, 1 未经复议直接起诉, 2 复议后起诉), added up.
    T4(&'static [usize]),
    /// A T2 row, in the first of these columns that its format version has.
    T2(&'static str, &'static [&'static str]),
}

struct Figure {
    key: &'static [Word],
    /// False when the phrase itself says there were none (「未收到…申请」): no number follows it.
    counted: bool,
    units: &'static [&'static str],
    target: Target,
    /// The sentence up to the end of the key must contain one of these (none: no condition).
    context: &'static [&'static str],
    /// Not this year's figure (or not this figure) when one of these comes just before the key.
    not_after: &'static [&'static str],
}

use Word::{Many, One, Opt};

const RECEIVE: &[&str] = &["收到", "新收", "接收到", "接收", "接到", "受理"];
/// What may stand between a verb and 申请.
const APPLICATION: &[&str] = &[
    "政府信息公开",
    "信息公开",
    "依申请公开",
    "政府信息",
    "公开",
    "相关",
    "任何",
    "过",
    "了",
    "的",
];
const APPLICATION_OR_SELF: &[&str] = &[
    "政府信息公开",
    "信息公开",
    "依申请公开",
    "政府信息",
    "公开",
    "申请",
    "的",
];
const NOT_THIS_YEAR: &[&str] = &["上年", "去年", "上一年", "同比"];
const ISSUE: &[&str] = &["制定", "制发", "出台", "印发", "发布"];
const APPLICATION_UNITS: &[&str] = &["件", "份", "个", "宗"];
const CASE_UNITS: &[&str] = &["件", "起", "宗", "个"];
const DECISION_UNITS: &[&str] = &["件", "个", "宗", "起"];
const DOCUMENT_UNITS: &[&str] = &["件", "份", "个", "部"];
const DECISION: &[&str] = &["处理决定", "决定", "案件"];
const ISSUED: &[&str] = &["issued", "made"];
const IN_FORCE: &[&str] = &["in_force"];
const REPEALED: &[&str] = &["repealed"];

/// Words that may come between a key phrase and its number.
const FILLER: &[&str] = &[
    "共计",
    "共",
    "合计",
    "总计",
    "累计",
    "计",
    "总数为",
    "数量为",
    "数为",
    "件数为",
    "总数",
    "数量",
    "为",
    "达",
    "有",
    ":",
];

const fn figure(
    key: &'static [Word],
    units: &'static [&'static str],
    target: Target,
    context: &'static [&'static str],
    not_after: &'static [&'static str],
) -> Figure {
    Figure {
        key,
        counted: true,
        units,
        target,
        context,
        not_after,
    }
}

/// How many figures there are: few enough for a bit set in a `u32` (see [`figures_starting_with`]).
const FIGURE_COUNT: usize = 21;
const _: () = assert!(FIGURE_COUNT <= u32::BITS as usize);

static FIGURES: [Figure; FIGURE_COUNT] = [
    // 收到政府信息公开申请 5 件
    figure(
        &[One(RECEIVE), Many(APPLICATION), One(&["申请"])],
        APPLICATION_UNITS,
        Target::T3("new"),
        &[],
        &["上年", "去年", "上一年", "同比", "未", "没有"],
    ),
    // 未收到政府信息公开申请
    Figure {
        key: &[
            One(NONE_HAPPENED),
            One(RECEIVE),
            Many(APPLICATION),
            One(&["申请"]),
        ],
        counted: false,
        units: &[],
        target: Target::T3("new"),
        context: &[],
        not_after: NOT_THIS_YEAR,
    },
    // 上年结转政府信息公开申请 2 件
    figure(
        &[
            One(&[
                "上年结转",
                "上年度结转",
                "上一年度结转",
                "上一年结转",
                "去年结转",
            ]),
            Many(APPLICATION_OR_SELF),
        ],
        APPLICATION_UNITS,
        Target::T3("carried"),
        &[],
        &[],
    ),
    // 办结 5 件; 按时答复 5 件
    figure(
        &[
            One(&["办结", "答复", "办理完毕", "处理完毕"]),
            Many(APPLICATION_OR_SELF),
        ],
        APPLICATION_UNITS,
        Target::T3("total"),
        &["申请"],
        NOT_DONE,
    ),
    // 办理政府信息公开申请 5 件
    figure(
        &[One(&["办理", "处理"]), Many(APPLICATION), One(&["申请"])],
        APPLICATION_UNITS,
        Target::T3("total"),
        &[],
        NOT_DONE,
    ),
    // 结转下年度继续办理 1 件
    figure(
        &[
            One(&[
                "结转下年度",
                "结转至下年度",
                "结转到下年度",
                "结转下一年度",
                "结转至下一年度",
                "结转到下一年度",
                "结转下年",
                "结转至下年",
                "结转到下年",
                "顺延至下年度",
                "顺延到下年度",
                "顺延至下一年度",
                "转入下年度",
                "转入下一年度",
            ]),
            Many(&["继续办理", "办理", "继续", "的", "政府信息公开", "申请"]),
        ],
        APPLICATION_UNITS,
        Target::T3("forward"),
        &[],
        &[],
    ),
    // 予以公开 2 件
    figure(
        &[One(&["予以公开"]), Many(&["的", "申请"])],
        &["件"],
        Target::T3("granted"),
        &["申请"],
        &["不"],
    ),
    // 部分公开 1 件
    figure(
        &[One(&["部分公开"]), Many(&["的", "申请"])],
        &["件"],
        Target::T3("partial"),
        &["申请"],
        &["不"],
    ),
    // 因政府信息公开被申请行政复议 1 件
    figure(
        &[One(&["行政复议"]), Many(&["案件", "申请", "案"])],
        CASE_UNITS,
        Target::T4(&[0]),
        &["信息公开"],
        &["未", "没有"],
    ),
    // 因政府信息公开被提起行政诉讼 1 件
    figure(
        &[One(&["行政诉讼"]), Many(&["案件", "案"])],
        CASE_UNITS,
        Target::T4(&[1, 2]),
        &["信息公开"],
        &["未", "没有"],
    ),
    // 作出行政许可决定 8 件
    figure(
        &[One(&["行政许可"]), Many(DECISION)],
        DECISION_UNITS,
        Target::T2("licensing", &["decisions"]),
        &[],
        &[],
    ),
    figure(
        &[One(&["行政处罚"]), Many(DECISION)],
        DECISION_UNITS,
        Target::T2("penalty", &["decisions"]),
        &[],
        &[],
    ),
    figure(
        &[
            One(&["行政强制"]),
            Many(&["措施", "执行", "处理决定", "决定", "案件"]),
        ],
        DECISION_UNITS,
        Target::T2("enforcement", &["decisions"]),
        &[],
        &[],
    ),
    // 制发规章 1 件 (「规章制度」 is not 规章: 制度 is no filler, so no number follows)
    figure(
        &[One(ISSUE), Opt(&["了"]), One(&["规章"])],
        DOCUMENT_UNITS,
        Target::T2("rules", ISSUED),
        &[],
        &[],
    ),
    // 制发行政规范性文件 3 件
    figure(
        &[
            One(ISSUE),
            Opt(&["了"]),
            Opt(&["行政"]),
            One(&["规范性文件"]),
        ],
        DOCUMENT_UNITS,
        Target::T2("normative", ISSUED),
        &[],
        &[],
    ),
    // 现行有效规章 2 件
    figure(
        &[One(&["现行有效"]), Opt(&["的"]), One(&["规章"])],
        DOCUMENT_UNITS,
        Target::T2("rules", IN_FORCE),
        &[],
        &[],
    ),
    // 现行有效的行政规范性文件 12 件
    figure(
        &[
            One(&["现行有效"]),
            Opt(&["的"]),
            Opt(&["行政"]),
            One(&["规范性文件"]),
        ],
        DOCUMENT_UNITS,
        Target::T2("normative", IN_FORCE),
        &[],
        &[],
    ),
    // 废止规章 1 件
    figure(
        &[One(&["废止"]), Opt(&["了"]), One(&["规章"])],
        DOCUMENT_UNITS,
        Target::T2("rules", REPEALED),
        &[],
        &[],
    ),
    // 废止行政规范性文件 1 件
    figure(
        &[
            One(&["废止"]),
            Opt(&["了"]),
            Opt(&["行政"]),
            One(&["规范性文件"]),
        ],
        DOCUMENT_UNITS,
        Target::T2("normative", REPEALED),
        &[],
        &[],
    ),
    // 行政规范性文件现行有效 12 件
    figure(
        &[Opt(&["行政"]), One(&["规范性文件"]), One(&["现行有效"])],
        DOCUMENT_UNITS,
        Target::T2("normative", IN_FORCE),
        &[],
        &[],
    ),
    // 规章现行有效 2 件
    figure(
        &[One(&["规章"]), One(&["现行有效"])],
        DOCUMENT_UNITS,
        Target::T2("rules", IN_FORCE),
        &[],
        &[],
    ),
];

/// The figures (as bits of their index in [`FIGURES`]) whose key phrase can start with `c`: the scan
/// tries every character of the prose, and few start any key phrase.
fn figures_starting_with(c: char) -> u32 {
    static INDEX: OnceLock<FirstChars> = OnceLock::new();
    INDEX.get_or_init(FirstChars::new).figures(c)
}

/// The first characters of the key phrases and the figures each can start, in a small open-addressed
/// hash table: the scan asks about every character of the prose, and many are such first characters.
struct FirstChars {
    /// `(character, figures)`, at the slot the character hashes to or the next free one after it; an
    /// empty slot has no figures. Its length is a power of two, a few times the number of characters.
    slots: Vec<(char, u32)>,
}

impl FirstChars {
    fn new() -> FirstChars {
        let firsts: Vec<(char, u32)> = FIGURES
            .iter()
            .enumerate()
            .flat_map(|(n, figure)| {
                let (One(words) | Opt(words) | Many(words)) = &figure.key[0];
                words
                    .iter()
                    .filter_map(move |w| Some((w.chars().next()?, 1 << n)))
            })
            .collect();
        let mut index = FirstChars {
            slots: vec![('\0', 0); (firsts.len() * 4).next_power_of_two()],
        };
        for (first, figure) in firsts {
            let at = index.slot(first);
            index.slots[at].0 = first;
            index.slots[at].1 |= figure;
        }
        index
    }

    /// The slot holding `c`, or the empty one where it would go.
    fn slot(&self, c: char) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = ((c as usize).wrapping_mul(0x9e37_79b9) >> 8) & mask;
        while self.slots[at].1 != 0 && self.slots[at].0 != c {
            at = (at + 1) & mask;
        }
        at
    }

    fn figures(&self, c: char) -> u32 {
        self.slots[self.slot(c)].1
    }
}

/// The set bits of `mask`, lowest first.
fn set_bits(mut mask: u32) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (mask != 0).then(|| {
            let n = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            n
        })
    })
}

/// How far before a key phrase [`Figure::not_after`] looks, in characters.
const LOOK_BEHIND: usize = 6;

/// The index after the key phrase of `figure` written at `at`.
fn match_key(prose: &Prose, at: usize, key: &[Word]) -> Option<usize> {
    let mut i = at;
    for (n, word) in key.iter().enumerate() {
        let from = if n == 0 { i } else { prose.skip_breaks(i) };
        match word {
            One(words) => i = prose.eat_any(from, words)?,
            Opt(words) => {
                if let Some(end) = prose.eat_any(from, words) {
                    i = end;
                }
            }
            Many(words) => {
                let mut cursor = from;
                while let Some(end) = prose.eat_any(prose.skip_breaks(cursor), words) {
                    cursor = end;
                    i = end;
                }
            }
        }
    }
    Some(i)
}

/// Filler, a number and a unit after a key phrase: the count and the index after the unit.
fn match_count(prose: &Prose, mut at: usize, units: &[&str]) -> Option<(i64, usize)> {
    while let Some(end) = prose.eat_any(prose.skip_breaks(at), FILLER) {
        at = end;
    }
    let (value, after) = prose.number(prose.skip_breaks(at))?;
    let end = prose.eat_any(prose.skip_breaks(after), units)?;
    // 「5件（含上年结转…）」 is not the figure alone; 「5件次」 counts something else.
    let rest = prose.text(end, end + 4);
    if ["(含", "(包括", "含", "包括", "次"]
        .iter()
        .any(|w| rest.starts_with(w))
    {
        return None;
    }
    Some((value, end))
}

/// What the table says, as the prose would state it.
struct Stated {
    value: i64,
    /// Another figure the prose may rightly give for it with 受理: 「受理申请 749 件」 counts what was
    /// received and what was carried over (新收 + 上年结转).
    also: Option<i64>,
    /// The sum of the parts the total is made of, when the table's own total does not hold: the prose
    /// may quote either.
    parts_sum: Option<i64>,
    name: String,
    places: Vec<(Span, String)>,
}

fn stated(doc: &Document, target: &Target) -> Option<Stated> {
    match *target {
        Target::T3(key) => {
            let table = doc
                .table(TableId::T3)
                .filter(|t| t.found && t.is_reliable())?;
            let row = table.row(key).filter(|r| r.found && r.cells.len() == 7)?;
            let total = &row.cells[6];
            let name = format!("表三「{}」总计", row.label);
            let carried = || {
                let row = table.row("carried").filter(|r| r.found)?;
                row.cells.get(6)?.count()
            };
            let value = total.count()?;
            Some(Stated {
                value,
                also: (key == "new")
                    .then(carried)
                    .flatten()
                    .and_then(|c| value.checked_add(c)),
                parts_sum: sum(&row.cells[..6]),
                places: vec![(total.span, name.clone())],
                name,
            })
        }
        Target::T4(bands) => {
            let table = doc
                .table(TableId::T4)
                .filter(|t| t.found && t.is_reliable())?;
            let row = table
                .rows
                .first()
                .filter(|r| r.found && r.cells.len() == 15)?;
            let mut value: i64 = 0;
            let mut parts_sum = Some(0i64);
            let mut places = Vec::new();
            for &b in bands {
                let total = &row.cells[b * 5 + 4];
                value = value.checked_add(total.count()?)?;
                let items = sum(&row.cells[b * 5..b * 5 + 4]);
                parts_sum = parts_sum.zip(items).and_then(|(a, b)| a.checked_add(b));
                places.push((total.span, format!("表四「{}」总计", total_band(b))));
            }
            let name = if bands.len() == 1 {
                format!("表四「{}」总计", total_band(bands[0]))
            } else {
                "表四行政诉讼（未经复议直接起诉与复议后起诉）总计".to_string()
            };
            Some(Stated {
                value,
                also: None,
                parts_sum,
                name,
                places,
            })
        }
        Target::T2(key, columns) => {
            let table = doc
                .table(TableId::T2)
                .filter(|t| t.found && t.is_reliable())?;
            let spec = template::table(TableId::T2, table.version);
            let (section, _) = spec.data_rows().find(|(_, r)| r.key == key)?;
            let index = columns
                .iter()
                .find_map(|k| section.columns.iter().position(|c| c.key == *k))?;
            let row = table.row(key).filter(|r| r.found)?;
            let cell = row.cells.get(index)?;
            let name = format!("表二「{}」{}", row.label, section.columns[index].name);
            Some(Stated {
                value: cell.count()?,
                also: None,
                parts_sum: None,
                places: vec![(cell.span, name.clone())],
                name,
            })
        }
    }
}

/// The sum of `cells`, when every one holds a count.
fn sum(cells: &[Cell]) -> Option<i64> {
    cells
        .iter()
        .try_fold(0i64, |acc, c| c.count().and_then(|n| acc.checked_add(n)))
}

fn total_band(band: usize) -> &'static str {
    [
        "行政复议",
        "行政诉讼·未经复议直接起诉",
        "行政诉讼·复议后起诉",
    ][band]
}

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

pub fn run(context: &Context, out: &mut Sink) {
    let parsed = context.this_year;
    let prose = Prose::of(parsed);
    let all_years = years(prose);
    // Matches come in text order; a phrase already reported is not read again by another figure.
    let mut reported_until = 0;
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
            if at < reported_until {
                continue;
            }
            let Some(table) = stated(&parsed.document, &figure.target) else {
                continue;
            };
            // 「受理」 may count the applications carried over with the new ones; 「收到」 may not.
            let accepted = prose.text(at, at + 2) == "受理";
            if said == table.value
                || Some(said) == table.parts_sum
                || (accepted && Some(said) == table.also)
            {
                continue;
            }
            if matches!(figure.target, Target::T3("total")) && is_one_outcome(prose, at, end) {
                continue;
            }
            let span = prose.span(at, end);
            let phrase = quote(parsed.text, span);
            let message = if figure.counted {
                format!(
                    "正文「{phrase}」为 {said}，但{}为 {}，相差 {}",
                    table.name,
                    table.value,
                    (said - table.value).unsigned_abs()
                )
            } else {
                format!(
                    "正文称「{phrase}」，即 0 件，但{}为 {}",
                    table.name, table.value
                )
            };
            reported_until = end;
            out.report(span, message).labels(table.places);
        }
    }
}
