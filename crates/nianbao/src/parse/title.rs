//! The report's title line(s) and the year the report covers.

use crate::model::Title;
use crate::span::Span;
use crate::text::{chinese, fold_str, LineIndex};

const LONGEST_TITLE_LINE: usize = 60;

fn nonblank_lines(text: &str, end: usize) -> impl Iterator<Item = Span> + '_ {
    let mut at = 0;
    text[..end].split('\n').filter_map(move |line| {
        let start = at;
        at += line.len() + 1;
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        (!trimmed.is_empty()).then(|| Span::new(start + lead, start + lead + trimmed.len()))
    })
}

fn is_title_like(folded: &str) -> bool {
    folded.ends_with("报告") && folded.contains("信息公开")
}

/// A web page's breadcrumb (首页 > 政务公开 > …) or a short field line (发布日期：…), which is
/// neither a title nor the start of the report.
fn is_page_furniture(folded: &str) -> bool {
    folded.chars().count() <= 40
        && (folded.contains(['>', '＞', '»', '›', '→', ':', '：'])
            || ["首页", "当前位置", "您的位置", "你的位置"]
                .iter()
                .any(|w| folded.starts_with(w)))
}

/// Where the report itself starts: its first non-blank line after any page furniture above it.
pub fn report_start(text: &str) -> usize {
    nonblank_lines(text, text.len())
        .take(LINES_BEFORE_TITLE)
        .find(|line| !is_page_furniture(&fold_str(&text[line.start..line.end])))
        .map_or(text.len() - text.trim_start().len(), |line| line.start)
}

/// Lines before the first part that may hold the title: a saved web page puts a breadcrumb, a date
/// line or a site name above it.
const LINES_BEFORE_TITLE: usize = 8;

/// The title: the first non-blank line before the first part that reads as a report title, or two
/// consecutive lines that do together (a title broken over two lines, seed 004).
pub fn find_title(text: &str, before: usize, lines: &LineIndex) -> Option<Title> {
    let candidates: Vec<Span> = nonblank_lines(text, before.min(text.len()))
        .take(LINES_BEFORE_TITLE + 1)
        .collect();
    let short = |folded: &str| folded.chars().count() <= LONGEST_TITLE_LINE;
    let span = candidates.iter().enumerate().find_map(|(i, &line)| {
        let folded = fold_str(&text[line.start..line.end]);
        if !short(&folded) {
            return None;
        }
        if is_title_like(&folded) {
            return Some(line);
        }
        if is_page_furniture(&folded) {
            return None;
        }
        let next = candidates.get(i + 1)?;
        let both = fold_str(&text[line.start..next.end]);
        (is_title_like(&both) && short(&both)).then(|| Span::new(line.start, next.end))
    })?;
    let raw = &text[span.start..span.end];
    let text_one_line: String = raw
        .split('\n')
        .map(|l| l.trim().trim_start_matches('#').trim())
        .collect::<Vec<_>>()
        .join("");
    Some(Title {
        text: text_one_line,
        span,
        line: lines.line_of(span.start),
    })
}

/// The year of the 统计期限 (「统计期限自2021年1月1日起至2021年12月31日止」), if stated, in text
/// already folded (the whole document's, folded once per check).
pub fn period_year_in_folded(folded: &str) -> Option<u32> {
    for marker in chinese::PERIOD_MARKERS {
        if let Some(at) = folded.find(marker) {
            let window: String = folded[at..].chars().take(chinese::PERIOD_WINDOW).collect();
            if let Some(y) = chinese::year_in(&window) {
                return Some(y);
            }
        }
    }
    let at = folded.find(&["年", chinese::PERIOD_FIRST_DAY].concat())?;
    let start = folded[..at]
        .char_indices()
        .rev()
        .nth(3)
        .map_or(0, |(i, _)| i);
    chinese::year_in(&folded[start..at + "年".len()])
}

/// The year the prose is about, when neither the title nor the 统计期限 says (「2021年八卦洲街道认真
/// 贯彻…」, 「截至2021年底」): the year written most often before 年 in `folded` (part 一, or the
/// report), the later one on a tie. A year followed by 月 and 日 dates something (the report's own date
/// is the next year's) and counts only when nothing else does.
pub fn prose_year_in_folded(folded: &str) -> Option<u32> {
    let mut counts: Vec<(u32, usize)> = Vec::new();
    let mut dates: Vec<u32> = Vec::new();
    // Read around each 年 in place: a copy of the text as characters held four times the text.
    for (at, _) in folded.match_indices('年') {
        let mut before = folded[..at].chars().rev();
        let mut four = ['\0'; 4];
        for slot in four.iter_mut().rev() {
            *slot = before.next().unwrap_or('\0');
        }
        if four[0] == '\0' {
            continue;
        }
        let Some(year) = chinese::year(&four, before.next()) else {
            continue;
        };
        let after = folded[at + '年'.len_utf8()..].chars().take(6);
        let (mut month, mut day) = (false, false);
        for c in after {
            month |= c == '月';
            day |= c == '日';
        }
        if month && day {
            dates.push(year);
            continue;
        }
        match counts.iter_mut().find(|(y, _)| *y == year) {
            Some((_, n)) => *n += 1,
            None => counts.push((year, 1)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(year, n)| (n, year))
        .map(|(year, _)| year)
        .or_else(|| dates.into_iter().max().map(|y| y - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::chinese::year_in;

    #[test]
    fn reads_years() {
        assert_eq!(
            year_in("城中街道办2021年政府信息公开工作年度报告"),
            Some(2021)
        );
        assert_eq!(
            year_in("宽城区柳影街道办事处2020年度政府信息公开工作年度报告"),
            Some(2020)
        );
        assert_eq!(year_in("二〇二二年一月十四日"), Some(2022));
        assert_eq!(year_in("八卦洲街道政府信息公开工作年度报告"), None);
        assert_eq!(year_in("编号12021年"), None);
    }

    fn period_year(text: &str) -> Option<u32> {
        period_year_in_folded(&fold_str(text))
    }

    #[test]
    fn reads_the_period() {
        let t = "报告中所列数据的统计期限自2021年1月1日起至2021年12月31 日止。";
        assert_eq!(period_year(t), Some(2021));
        assert_eq!(
            period_year("本报告中所列数据的统计时限为2021年1月1日至2021年12月31日。"),
            Some(2021)
        );
        assert_eq!(period_year("没有年份"), None);
    }

    #[test]
    fn reads_the_year_from_the_prose() {
        let prose = |t: &str| prose_year_in_folded(&fold_str(t));
        assert_eq!(
            prose("2021年八卦洲街道认真贯彻《条例》（2019年修订）。截至2021年底，共公开…"),
            Some(2021)
        );
        assert_eq!(prose("八卦洲街道办事处\n2022年1月20日"), Some(2021));
        assert_eq!(prose("没有年份"), None);
    }

    #[test]
    fn a_breadcrumb_above_the_title_is_not_part_of_it() {
        let text = "首页 > 政务公开 > 年报\n发布日期：2022-01-20\n八卦洲街道2021年政府信息公开工作年度报告\n\n正文";
        let t = find_title(text, text.len(), &LineIndex::new(text)).unwrap();
        assert_eq!(t.text, "八卦洲街道2021年政府信息公开工作年度报告");
        assert_eq!(t.line, 3);
    }

    #[test]
    fn finds_a_title_over_two_lines() {
        let text = "宽城区柳影街道办事处2020年度\n政府信息公开工作年度报告\n\n为进一步…";
        let t = find_title(text, text.len(), &LineIndex::new(text)).unwrap();
        assert_eq!(
            t.text,
            "宽城区柳影街道办事处2020年度政府信息公开工作年度报告"
        );
        assert_eq!(t.line, 1);
    }
}
