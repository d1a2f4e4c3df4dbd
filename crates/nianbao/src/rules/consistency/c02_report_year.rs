//! C02: the report year is not the same in the title, the 统计期限 and the prose.
//!
//! The title's year is the reference (the 统计期限's when the title has none). Every year of the
//! 统计期限 must be it, and so must a year that opens a sentence about the body's own work
//! (「2022年，我街道…」): the typical trace of last year's report copied and not fully updated.
//! A later year followed by plans (「2024年，我街道将…」) is not a slip.

use crate::parse::year_in;
use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};
use crate::text::prose::{is_stop, years, Prose, BREAK};
use crate::text::{chinese, fold_str};

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Warning,
    name: "年度前后不一致",
    what: "报告标题、统计期限和正文中的年度应当一致。统计期限的起止年份与标题年度不同，或正文中以某一年开头叙述本机关工作的句子（如「2022年，我街道……」）与报告年度不同时报告。以标题年度为准；标题没有年度时以统计期限为准。正文中以后续年度开头、讲工作打算的句子（「2024年，我街道将……」）不报告。",
    why: "年报常在上一年的基础上修改，没改干净的年份会让读者弄不清数据属于哪一年，也说明文字可能照搬了上年内容。",
    fix: "把标题、统计期限和正文中的年份统一改为本报告的年度，检查有无照搬上年的句子。",
    bad: "某街道2023年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况\n2022年，我街道认真贯彻落实《中华人民共和国政府信息公开条例》。\n",
    good: "某街道2023年政府信息公开工作年度报告\n本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。\n一、总体情况\n2023年，我街道认真贯彻落实《中华人民共和国政府信息公开条例》。\n五、存在的主要问题及改进情况\n2024年，我街道将进一步规范政府信息公开工作。\n",
    last_year_example: None,
};

/// How far into a sentence a word naming the body may be, in characters.
const SELF_WINDOW: usize = 8;

/// Words by which a sentence speaks of the body itself (「我街道」 「南关街道」 「本机关」).
const SELF: [&str; 12] = [
    "街道", "乡", "镇", "县", "区", "局", "委", "办", "机关", "单位", "中心", "部门",
];
/// A year followed by these is a point or a span of time, not the report year (「2022年底」「2022年以来」).
const NOT_THE_YEAR: [&str; 14] = [
    "以来",
    "以前",
    "之前",
    "之后",
    "底",
    "末",
    "初",
    "前",
    "后",
    "起",
    "至",
    "上半年",
    "下半年",
    "期间",
];
const PLANS: [&str; 9] = [
    "将",
    "计划",
    "拟",
    "力争",
    "继续",
    "下一步",
    "要",
    "预计",
    "争取",
];

/// The years of the 统计期限 (「自2021年1月1日起至2021年12月31日止」): (first digit, year, 年).
fn period_years(prose: &Prose, all: &[(usize, u32, usize)]) -> Vec<(usize, u32, usize)> {
    for marker in chinese::PERIOD_MARKERS {
        for at in prose.find_all(marker) {
            let end = prose.sentence_end(at).min(at + chinese::PERIOD_WINDOW);
            // `all` is in text order.
            let first = all.partition_point(|y| y.0 <= at);
            let found: Vec<_> = all[first..]
                .iter()
                .take_while(|y| y.2 < end)
                .copied()
                .collect();
            if !found.is_empty() {
                return found;
            }
        }
    }
    // No marker: 「2021年1月1日至2021年12月31日」.
    for (i, &(s, y, k)) in all.iter().enumerate() {
        if prose
            .eat(prose.skip_breaks(k + 1), chinese::PERIOD_FIRST_DAY)
            .is_none()
        {
            continue;
        }
        if let Some(&end) = all[i + 1..].iter().take(1).find(|(s2, _, k2)| {
            *s2 < k + 16 && prose.eat(*k2 + 1, chinese::PERIOD_LAST_DAY).is_some()
        }) {
            return vec![(s, y, k), end];
        }
    }
    Vec::new()
}

/// Whether the year whose digits start at `s` opens a sentence.
fn opens_sentence(prose: &Prose, s: usize) -> bool {
    let Some(before) = s.checked_sub(1).and_then(|i| prose.char(i)) else {
        return true;
    };
    if before == BREAK || is_stop(before) || matches!(before, ')' | ']' | ':') {
        return true;
    }
    // After a list marker: 「1、2022年，…」.
    before == '.'
        && s.checked_sub(2)
            .and_then(|i| prose.char(i))
            .is_some_and(|c| c.is_ascii_digit() || chinese::is_list_numeral(c))
}

/// Whether the sentence goes on to speak of the body's own work right after 「YYYY年」.
fn speaks_of_itself(prose: &Prose, nian: usize) -> bool {
    let mut i = prose.skip_breaks(nian + 1);
    if prose.char(i) == Some('度') {
        i += 1;
    }
    if prose.char(i) == Some(',') {
        i += 1;
    }
    let clause: String = prose
        .text(i, i + SELF_WINDOW)
        .chars()
        .take_while(|&c| c != ',' && !is_stop(c))
        .collect();
    let Some(first) = clause.chars().next() else {
        return false;
    };
    // A date (「2022年1月」「二〇二二年一月」), or a point or span of time.
    let month = clause
        .trim_start_matches(chinese::is_list_numeral)
        .starts_with('月');
    if first.is_ascii_digit() || month || NOT_THE_YEAR.iter().any(|w| clause.starts_with(w)) {
        return false;
    }
    first == '我' || first == '本' || SELF.iter().any(|w| clause.contains(w))
}

pub fn run(context: &Context, out: &mut Sink) {
    let parsed = context.this_year;
    let prose = Prose::of(parsed);
    let all = years(prose);
    let period = period_years(prose, &all);
    let title_year = parsed
        .document
        .title
        .as_ref()
        .and_then(|t| year_in(&fold_str(&t.text)).map(|y| (y, (t.span, "标题".to_string()))));
    let (reference, basis) = match title_year {
        Some(found) => found,
        None => match period.first() {
            Some(&(s, y, k)) => (y, (prose.span(s, k + 1), "统计期限".to_string())),
            None => return,
        },
    };
    let basis_name = if basis.1 == "标题" {
        format!("标题为 {reference} 年度")
    } else {
        format!("统计期限为 {reference} 年")
    };
    for &(s, year, k) in &period {
        if year == reference {
            continue;
        }
        let span = prose.span(s, k + 1);
        let message = format!("统计期限写的是 {year} 年，但{basis_name}，年度不一致");
        out.report(span, message).labels(vec![basis.clone()]);
    }
    for &(s, year, k) in &all {
        if year == reference
            || period.iter().any(|p| p.0 == s)
            || !opens_sentence(prose, s)
            || !speaks_of_itself(prose, k)
        {
            continue;
        }
        let end = prose.sentence_end(s);
        if year > reference && PLANS.iter().any(|w| prose.contains(s, end, w)) {
            continue;
        }
        let opening: String = prose.text(s, end).chars().take(12).collect();
        let message = format!(
            "正文「{opening}……」写的是 {year} 年的工作，但{basis_name}，是否沿用了其他年度的文字？"
        );
        out.report(prose.span(s, k + 1), message)
            .labels(vec![basis.clone()]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(text: &str) -> Prose<'_> {
        Prose::new(text, &[])
    }

    #[test]
    fn a_sentence_about_the_body_itself() {
        for (text, yes) in [
            ("2022年，我街道", true),
            ("2021年八卦洲街道认真", true),
            ("2023 年，南关街道认真", true),
            ("2022年度街道未收到申请", true),
            ("2022年1月14日", false),
            ("二〇二二年一月十四日", false),
            ("2022年底，我街道", false),
            ("2022年以来我街道持续", false),
            ("2022年全年共发布", false),
        ] {
            let p = prose(text);
            let (_, _, k) = years(&p)[0];
            assert_eq!(speaks_of_itself(&p, k), yes, "{text}");
        }
    }

    #[test]
    fn reads_the_period() {
        let p = prose("报告中所列数据的统计期限自2021年1月1日起至2022年12月31 日止。");
        let found: Vec<u32> = period_years(&p, &years(&p)).iter().map(|y| y.1).collect();
        assert_eq!(found, [2021, 2022]);
        let p = prose("数据统计自2021年1月1日至2021年12月31日。2020年，我街道");
        let found: Vec<u32> = period_years(&p, &years(&p)).iter().map(|y| y.1).collect();
        assert_eq!(found, [2021, 2021]);
    }
}
