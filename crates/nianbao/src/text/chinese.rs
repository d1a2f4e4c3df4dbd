//! What the checker knows of written Chinese, in one place for the parser and the rules: numerals
//! (counts, list numerals, years), the words that mark the 统计期限, negations, and which characters
//! are space. Text here is already folded ([`crate::text::fold_char`]: full-width digits are ASCII).

/// A Chinese digit 〇/零 … 九; 两 counts as 2 (「两件」).
pub fn digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// A digit of a year written out (「二〇二二」): 两 is not one.
fn year_digit(c: char) -> Option<u32> {
    c.to_digit(10).or_else(|| digit(c).filter(|_| c != '两'))
}

/// A character of a list numeral (「三、」 「十二、」): 一 … 九 and 十.
pub fn is_list_numeral(c: char) -> bool {
    list_digit(c).is_some()
}

fn list_digit(c: char) -> Option<u32> {
    match c {
        '十' => Some(10),
        '零' | '〇' | '两' => None,
        _ => digit(c),
    }
}

/// A list numeral 一 … 九十九 written with 十, e.g. the 「六」 of 「六、」.
pub fn list_number(s: &str) -> Option<u32> {
    let digits: Vec<u32> = s.chars().map(list_digit).collect::<Option<_>>()?;
    match digits.as_slice() {
        [d] => Some(*d),
        [10, d] if *d < 10 => Some(10 + d),
        [t, 10] if *t < 10 => Some(t * 10),
        [t, 10, d] if *t < 10 && *d < 10 => Some(t * 10 + d),
        _ => None,
    }
}

/// A count in Chinese numerals up to 九千九百九十九 at the start of `chars`, and how many characters
/// it takes.
pub fn count(chars: impl IntoIterator<Item = char>) -> Option<(i64, usize)> {
    let mut total = 0;
    let mut pending: Option<i64> = None;
    let mut n = 0;
    for c in chars {
        if let Some(d) = digit(c) {
            if pending.is_some_and(|p| p != 0) {
                break;
            }
            pending = Some(i64::from(d));
        } else {
            let unit = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                _ => break,
            };
            total += pending.unwrap_or(1) * unit;
            pending = None;
        }
        n += 1;
    }
    (n > 0).then(|| (total + pending.unwrap_or(0), n))
}

/// The years a report can be about.
const YEARS: std::ops::Range<u32> = 1990..2100;

/// The year written by the four characters `four` right before a 年, in Arabic or Chinese digits,
/// when it is plausible (1990–2099) and not the tail of a longer number (`before`, the character
/// before them, is no digit: 「编号12021年」).
pub fn year(four: &[char], before: Option<char>) -> Option<u32> {
    if four.len() != 4 || before.is_some_and(|c| c.is_ascii_digit() || digit(c).is_some()) {
        return None;
    }
    let year = four
        .iter()
        .try_fold(0, |acc, &c| year_digit(c).map(|d| acc * 10 + d))?;
    YEARS.contains(&year).then_some(year)
}

/// The first plausible year (1990–2099) written before 年 in `folded`, in Arabic or Chinese digits.
pub fn year_in(folded: &str) -> Option<u32> {
    let chars: Vec<char> = folded.chars().collect();
    (4..chars.len())
        .filter(|&i| chars[i] == '年')
        .find_map(|i| year(&chars[i - 4..i], i.checked_sub(5).map(|b| chars[b])))
}

/// The words that introduce the 统计期限, in the order they are looked for.
pub const PERIOD_MARKERS: [&str; 6] = [
    "统计期限",
    "统计时限",
    "统计期间",
    "统计时间",
    "统计时段",
    "统计区间",
];
/// How far after a period marker the period's years may be, in characters.
pub const PERIOD_WINDOW: usize = 40;
/// The first and last day of a calendar-year period (「2021年1月1日至2021年12月31日」).
pub const PERIOD_FIRST_DAY: &str = "1月1日";
pub const PERIOD_LAST_DAY: &str = "12月31日";

/// Words that deny what follows, read a few characters before a word (「未发出收费通知」).
pub const NEGATIONS: [&str; 4] = ["未", "没有", "无", "不"];
/// Words that say something did not happen at all this year (「未收到政府信息公开申请」).
pub const NONE_HAPPENED: &[&str] = &["未", "没有", "未曾", "尚未", "暂未", "并未", "均未", "从未"];
/// Words that say a thing is not (yet) done (「尚未办结」 「不予处理」).
pub const NOT_DONE: &[&str] = &["未", "尚未", "没有", "不予", "不再", "暂未"];

/// Space as it comes from Word, PDF and web pages: Unicode white space (with the ideographic space
/// U+3000 and the no-break space) and the byte-order mark.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' || c == '\u{feff}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_counts() {
        let read = |s: &str| count(s.chars());
        assert_eq!(read("三件"), Some((3, 1)));
        assert_eq!(read("十二件"), Some((12, 2)));
        assert_eq!(read("两件"), Some((2, 1)));
        assert_eq!(read("一百零五件"), Some((105, 4)));
        assert_eq!(read("件"), None);
    }

    #[test]
    fn reads_list_numerals() {
        assert_eq!(list_number("六"), Some(6));
        assert_eq!(list_number("十二"), Some(12));
        assert_eq!(list_number("二十"), Some(20));
        assert_eq!(list_number("九十九"), Some(99));
        assert_eq!(list_number("两"), None);
        assert_eq!(list_number("十十"), None);
        assert!(is_list_numeral('十') && !is_list_numeral('〇'));
    }

    #[test]
    fn reads_years() {
        let read = |s: &str, before| year(&s.chars().collect::<Vec<_>>(), before);
        assert_eq!(read("2022", None), Some(2022));
        assert_eq!(read("二〇二二", Some('，')), Some(2022));
        assert_eq!(read("2021", Some('1')), None);
        assert_eq!(read("1899", None), None);
        assert_eq!(read("两〇二二", None), None);
    }

    #[test]
    fn spaces() {
        for c in [' ', '\t', '\u{3000}', '\u{a0}', '\u{feff}'] {
            assert!(is_space(c), "{c:?}");
        }
        assert!(!is_space('字'));
    }
}
