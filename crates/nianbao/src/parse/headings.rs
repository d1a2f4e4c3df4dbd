//! Reading one line as a possible part heading: its numeral and its title.

use crate::span::Span;
use crate::template::{PartSpec, PARTS};
use crate::text::chinese;
use crate::text::fold::{fold_char, fold_str, Folded};

/// How a heading is numbered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Numeral {
    None,
    /// 「一、」
    Chinese(u32),
    /// 「6、」, 「4.」
    Arabic(u32),
}

impl Numeral {
    pub fn value(self) -> Option<u32> {
        match self {
            Numeral::None => None,
            Numeral::Chinese(n) | Numeral::Arabic(n) => Some(n),
        }
    }
}

pub use crate::model::TitleMatch;

/// A line that reads as a heading of one of the six parts.
#[derive(Clone, Debug)]
pub struct HeadingLine {
    /// The trimmed line, Markdown marks included.
    pub span: Span,
    pub text: String,
    pub numeral: Numeral,
    /// The numeral as written, e.g. 「6、」.
    pub numeral_text: String,
    /// Folded title (the line without its numeral).
    pub title: String,
    pub part: Option<(u8, TitleMatch)>,
}

const LONGEST_TITLE: usize = 40;
/// Numerals from here on may open an extra top-level part (S05).
pub const FIRST_EXTRA_NUMERAL: u32 = 7;
const LONGEST_RENAMED_TITLE: usize = 20;
/// The longest title of an extra top-level section (S05).
pub const LONGEST_EXTRA_TITLE: usize = 20;

/// Splits a folded line into its numeral and title. Bracketed numerals (（一）) mark sub-headings.
fn split_numeral(folded: &str) -> Option<(Numeral, usize)> {
    if folded.starts_with('(') {
        return None;
    }
    let lead_len = folded
        .chars()
        .take_while(|&c| chinese::is_list_numeral(c))
        .map(char::len_utf8)
        .sum();
    let (lead, rest) = folded.split_at(lead_len);
    if !lead.is_empty() && rest.starts_with('.') {
        return chinese::list_number(lead).map(|n| (Numeral::Chinese(n), lead.len() + 1));
    }
    let (digits, rest) = folded.split_at(folded.bytes().take_while(u8::is_ascii_digit).count());
    if !digits.is_empty() && digits.len() <= 2 && rest.starts_with('.') {
        return digits
            .parse()
            .ok()
            .map(|n| (Numeral::Arabic(n), digits.len() + 1));
    }
    Some((Numeral::None, 0))
}

/// The original text of the first `kept` folded characters of `line`, without leading Markdown marks.
fn written_prefix(line: &str, kept: usize) -> &str {
    let mut count = 0;
    let mut end = 0;
    for (i, c) in line.char_indices() {
        if count == kept {
            break;
        }
        if let Folded::Keep(_) = fold_char(c) {
            count += 1;
        }
        end = i + c.len_utf8();
    }
    line[..end]
        .trim_start_matches(|c: char| c == '#' || c.is_whitespace())
        .trim_end()
}

/// Each part's standard title and variants, folded once: every line of every report is compared
/// with them.
fn folded_titles() -> &'static [(String, Vec<String>)] {
    static TITLES: std::sync::OnceLock<Vec<(String, Vec<String>)>> = std::sync::OnceLock::new();
    TITLES.get_or_init(|| {
        PARTS
            .iter()
            .map(|p| {
                (
                    fold_str(p.title),
                    p.variants.iter().map(|v| fold_str(v)).collect(),
                )
            })
            .collect()
    })
}

/// The part a title (folded, without its numeral) names, and how.
fn part_of_title(title: &str, numeral: Numeral) -> Option<(u8, TitleMatch)> {
    let bare = title.trim_end_matches(['。', ':', '：', '.']);
    // Key words alone are too weak for prose and table labels: demand a short title numbered like a part.
    let renamed_ok = matches!(numeral, Numeral::Chinese(_))
        && !bare.contains('。')
        && bare.chars().count() <= LONGEST_RENAMED_TITLE
        && !bare.contains(['，', ',', '；', ';']);
    PARTS
        .iter()
        .find_map(|p| matches_part(p, bare, renamed_ok).map(|m| (p.number, m)))
}

fn matches_part(spec: &PartSpec, bare: &str, renamed_ok: bool) -> Option<TitleMatch> {
    let (standard, variants) = &folded_titles()[usize::from(spec.number - 1)];
    if bare == standard {
        return Some(TitleMatch::Standard);
    }
    if variants.iter().any(|v| bare == v) {
        return Some(TitleMatch::Variant);
    }
    if renamed_ok
        && spec
            .keywords
            .iter()
            .any(|set| set.iter().all(|k| bare.contains(k)))
    {
        return Some(TitleMatch::Renamed);
    }
    None
}

/// Reads `line` (at byte `start` of the text, `folded` once folded) as a heading, if it can be one.
///
/// A numbered line that names no part is kept only when its numeral is `next_numeral` (it continues
/// the top-level numbering: an extra section) or from 七 on.
pub fn read_heading(
    line: &str,
    start: usize,
    folded: &str,
    next_numeral: u32,
) -> Option<HeadingLine> {
    let trimmed = line.trim_matches(chinese::is_space);
    // Every heading has Chinese in it: lines of numbers, pipes and tabs (most lines of a pasted
    // table) are passed over before any folding.
    if trimmed.len() > 3 * (LONGEST_TITLE + 8) || trimmed.is_ascii() {
        return None;
    }
    // Folding drops the margins, but for U+0085 (NEL), the one white space it keeps.
    let refolded;
    let folded = if folded.contains('\u{85}') {
        refolded = fold_str(trimmed);
        &refolded
    } else {
        folded
    };
    let lead = line.len() - line.trim_start_matches(chinese::is_space).len();
    let span = Span::new(start + lead, start + lead + trimmed.len());
    let (numeral, title_at) = split_numeral(folded)?;
    let title = &folded[title_at..];
    if title.is_empty() || title.chars().count() > LONGEST_TITLE {
        return None;
    }
    let part = part_of_title(title, numeral);
    // Only a part's heading, or a top-level numeral that may open an extra part, is worth keeping.
    // Beyond the six parts, only a short numbered title can open a section of its own.
    let may_be_extra = matches!(numeral, Numeral::Chinese(n) if n == next_numeral || n >= FIRST_EXTRA_NUMERAL)
        && title.chars().count() <= LONGEST_EXTRA_TITLE
        && !title.contains(['。', ',']);
    if part.is_none() && !may_be_extra {
        return None;
    }
    Some(HeadingLine {
        span,
        text: trimmed.trim_start_matches(['#', ' ']).to_string(),
        numeral,
        numeral_text: written_prefix(trimmed, folded[..title_at].chars().count()).to_string(),
        title: title.to_string(),
        part,
    })
}

/// Whether a numbered line is a row label of a template table (「四、结转下年度继续办理」), which a
/// table pasted one cell per line puts on a line of its own.
pub fn is_table_label(heading: &HeadingLine) -> bool {
    static LABELS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let labels = LABELS.get_or_init(|| {
        let mut labels = Vec::new();
        for id in crate::template::TableId::ALL {
            for version in crate::template::Version::ALL {
                for section in crate::template::table(id, version).sections {
                    for row in section.rows {
                        let folded = fold_str(row.label);
                        // Only labels numbered like a part matter; the title is what follows 「、」.
                        if let Some((Numeral::Chinese(_), at)) = split_numeral(&folded) {
                            if at > 0 {
                                labels.push(folded[at..].to_string());
                            }
                        }
                    }
                }
            }
        }
        labels
    });
    // A wrapped label shows only its start on the line (「四、结转下年度」, 「四、结转」).
    let title = heading.title.as_str();
    labels.iter().any(|l| {
        title.starts_with(l.as_str()) || (title.chars().count() >= 2 && l.starts_with(title))
    })
}

/// The standard title or a variant of some part that `rest` (folded) starts with: the longest, so that
/// a variant is not cut short by a shorter title it begins with.
fn title_at_start(rest: &str) -> Option<(u8, TitleMatch, usize)> {
    let mut best: Option<(u8, TitleMatch, usize)> = None;
    for (spec, (standard, variants)) in PARTS.iter().zip(folded_titles()) {
        let candidates = std::iter::once((standard, TitleMatch::Standard))
            .chain(variants.iter().map(|v| (v, TitleMatch::Variant)));
        for (title, how) in candidates {
            if rest.starts_with(title.as_str()) && best.is_none_or(|b| title.len() > b.2) {
                best = Some((spec.number, how, title.len()));
            }
        }
    }
    best
}

/// Where a heading may start inside a line whose breaks were lost: at the line's start or after
/// anything that is not Chinese text or an opening bracket (a full stop, a space dropped by folding,
/// a table's last number, the title's 「年度报告」). Inside a sentence 「…的三、…」 is not a heading.
fn inline_boundary(before: &str) -> bool {
    // The report's title ends there: 「…工作年度报告一、总体情况…」.
    if before.ends_with("年度报告") {
        return true;
    }
    let mut back = before.chars().rev();
    match back.next() {
        None => true,
        // A number with its unit closes a table cell: 「…947.43元三、收到和处理…」.
        Some('元' | '件' | '条' | '个' | '项' | '次') => {
            back.next().is_some_and(|c| c.is_ascii_digit())
        }
        Some(c) => !matches!(c, '\u{3400}'..='\u{9fff}' | '(' | '（' | '[' | '《' | '“'),
    }
}

/// Part headings inside a line whose line breaks were lost (a page's text, a crawler's export):
/// 「…网站下载。一、总体情况2019年，我区…」. Only a numbered standard title or accepted variant counts
/// here, since nothing marks where the title ends.
pub fn inline_headings(
    line: &str,
    start: usize,
    folded: &str,
    to_original: impl Fn(usize, usize) -> Span,
) -> Vec<HeadingLine> {
    let mut found = Vec::new();
    for (dot, _) in folded.match_indices('.') {
        crate::work::add(1);
        let lead: &str = &folded[..dot];
        // The numeral before the point: Chinese digits, or one or two ASCII digits.
        let chinese_len: usize = lead
            .chars()
            .rev()
            .take_while(|&c| chinese::is_list_numeral(c))
            .map(char::len_utf8)
            .sum();
        let ascii_len = lead.bytes().rev().take_while(u8::is_ascii_digit).count();
        let (numeral, numeral_start) = if chinese_len > 0 {
            match chinese::list_number(&lead[dot - chinese_len..]) {
                Some(n) => (Numeral::Chinese(n), dot - chinese_len),
                None => continue,
            }
        } else if (1..=2).contains(&ascii_len) {
            match lead[dot - ascii_len..].parse() {
                Ok(n) => (Numeral::Arabic(n), dot - ascii_len),
                Err(_) => continue,
            }
        } else {
            continue;
        };
        let Some((number, how, title_len)) = title_at_start(&folded[dot + 1..]) else {
            continue;
        };
        let end = dot + 1 + title_len;
        let span = to_original(numeral_start, end);
        // A space before the numeral (which folding dropped) is a boundary too.
        let spaced = line
            .get(..span.start.saturating_sub(start))
            .and_then(|before| before.chars().next_back())
            .is_some_and(chinese::is_space);
        if !spaced && !inline_boundary(&folded[..numeral_start]) {
            continue;
        }
        let numeral_span = to_original(numeral_start, dot + 1);
        let Some(text) = line.get(span.start - start..span.end - start) else {
            continue;
        };
        found.push(HeadingLine {
            span,
            text: text.trim_start_matches(['#', ' ']).to_string(),
            numeral,
            numeral_text: line
                .get(numeral_span.start - start..numeral_span.end - start)
                .unwrap_or("")
                .to_string(),
            title: folded[dot + 1..end].to_string(),
            part: Some((number, how)),
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(line: &str, start: usize) -> Option<HeadingLine> {
        read_heading(line, start, &fold_str(line), FIRST_EXTRA_NUMERAL)
    }

    fn part_of(line: &str) -> Option<(u8, TitleMatch)> {
        heading(line, 0).and_then(|h| h.part)
    }

    #[test]
    fn recognises_the_headings_of_real_reports() {
        assert_eq!(part_of("一、总体情况"), Some((1, TitleMatch::Standard)));
        assert_eq!(part_of("## 一、总体情况"), Some((1, TitleMatch::Standard)));
        assert_eq!(part_of("总体情况"), Some((1, TitleMatch::Standard)));
        assert_eq!(
            part_of("6、 其他需要报告的事项"),
            Some((6, TitleMatch::Standard))
        );
        assert_eq!(
            part_of("4、 主动公开政府信息情况"),
            Some((2, TitleMatch::Standard))
        );
        assert_eq!(
            part_of("二、主动公开信息情况"),
            Some((2, TitleMatch::Variant))
        );
        assert_eq!(
            part_of("六、行政复议、诉讼和举报投诉情况"),
            Some((4, TitleMatch::Renamed))
        );
        assert_eq!(part_of("七、存在问题"), Some((5, TitleMatch::Renamed)));
        assert_eq!(part_of("八、改进措施"), Some((5, TitleMatch::Renamed)));
    }

    #[test]
    fn leaves_sub_headings_and_table_labels_alone() {
        assert_eq!(part_of("（二）政府信息主动公开基本情况"), None);
        assert_eq!(part_of("(一)主动公开情况"), None);
        assert_eq!(part_of("1.全年主动公开政府信息数量"), None);
        assert_eq!(part_of("\t四、结转下年度继续办理"), None);
        assert_eq!(part_of("\t二、上年结转政府信息公开申请数量"), None);
        assert_eq!(part_of("1、 提高认识，加强组织领导"), None);
    }

    #[test]
    fn keeps_the_numeral_as_written() {
        let h = heading("## 6、 其他需要报告的事项", 10).unwrap();
        assert_eq!(h.numeral, Numeral::Arabic(6));
        assert_eq!(h.numeral_text, "6、");
        assert_eq!(h.span.start, 10);
        let h = heading("十一、其他", 0).unwrap();
        assert_eq!(h.numeral, Numeral::Chinese(11));
    }
}
