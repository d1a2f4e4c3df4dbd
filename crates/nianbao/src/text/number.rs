//! Reading one cell's text as a number of the kind its column holds.

use crate::model::{CellProblem, Fixed, Value};
use crate::template::ValueKind;
use crate::text::chinese::is_space;

/// What a token looks like before its column is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Number,
    Placeholder,
    Text,
}

const PLACEHOLDERS: &[&str] = &[
    "/", "／", "-", "－", "—", "——", "–", "--", "无", "空", "\\", "×", "x", "X", "n/a", "N/A",
];
const UNITS: &[&str] = &[
    "万元", "元", "件", "个", "项", "次", "人", "条", "份", "宗", "起",
];

/// A parsed numeric literal: sign, whole part, fractional digits.
struct Literal {
    negative: bool,
    whole: i64,
    fraction: Option<String>,
}

/// Plain digits, few enough to fit an `i64`: what most cells hold, read without a normalised copy.
fn is_plain_count(raw: &str) -> bool {
    !raw.is_empty() && raw.len() <= 18 && raw.bytes().all(|b| b.is_ascii_digit())
}

fn parse_literal(raw: &str) -> Option<Literal> {
    if is_plain_count(raw) {
        return Some(Literal {
            negative: false,
            whole: raw.parse().ok()?,
            fraction: None,
        });
    }
    // A literal opens with a digit or a sign (after separators and spaces, which are dropped below):
    // most other tokens are text, ruled out before building a normalised copy.
    let opening = raw
        .chars()
        .find(|&c| !matches!(c, ',' | '，' | '\'') && !is_space(c));
    if !opening.is_some_and(|c| {
        c.is_ascii_digit() || matches!(c, '０'..='９' | '+' | '＋' | '-' | '－' | '−' | '–')
    }) {
        return None;
    }
    // Half-width digits, signs and points; spaces and thousands separators between digits dropped.
    let mut s = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '０'..='９' => s.push(char::from_u32(c as u32 - 0xfee0).unwrap_or(c)),
            '＋' => s.push('+'),
            '－' | '−' | '–' => s.push('-'),
            '．' => s.push('.'),
            ',' | '，' | '\'' => {}
            c if is_space(c) => {}
            c => s.push(c),
        }
    }
    let mut body = s.as_str();
    for unit in UNITS {
        if let Some(stripped) = body.strip_suffix(unit) {
            body = stripped;
            break;
        }
    }
    let (negative, body) = match body.as_bytes().first() {
        Some(b'+') => (false, &body[1..]),
        Some(b'-') => (true, &body[1..]),
        _ => (false, body),
    };
    let (whole, fraction) = match body.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Some(f) = fraction {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    Some(Literal {
        negative,
        whole: whole.parse().ok()?,
        fraction: fraction.map(str::to_owned),
    })
}

pub fn is_placeholder(token: &str) -> bool {
    let t = token.trim_matches(is_space);
    PLACEHOLDERS.contains(&t)
}

pub fn classify(token: &str) -> TokenKind {
    let t = token.trim_matches(is_space);
    if is_plain_count(t) {
        TokenKind::Number
    } else if t.is_empty() || is_placeholder(t) {
        TokenKind::Placeholder
    } else if parse_literal(t).is_some() {
        TokenKind::Number
    } else {
        TokenKind::Text
    }
}

/// The value of a cell whose text is `raw`, in a column of `kind`, or why it has none.
pub fn read_cell(raw: &str, kind: ValueKind) -> (Option<Value>, Option<CellProblem>) {
    let t = raw.trim_matches(is_space);
    if t.is_empty() {
        return (None, Some(CellProblem::Blank));
    }
    if let Some(n) = is_plain_count(t).then(|| t.parse().ok()).flatten() {
        return (Some(Value::Int(n)), None);
    }
    if is_placeholder(t) {
        return (None, Some(CellProblem::Placeholder));
    }
    let Some(lit) = parse_literal(t) else {
        return (None, Some(CellProblem::NotANumber));
    };
    let whole = if lit.negative { -lit.whole } else { lit.whole };
    let digits = lit.fraction.as_deref().unwrap_or("");
    let has_fraction = digits.bytes().any(|b| b != b'0');
    let decimal =
        || Fixed::new(lit.negative, lit.whole, digits.trim_end_matches('0')).map(Value::Decimal);
    match kind {
        ValueKind::Count | ValueKind::Signed => {
            if has_fraction {
                return (decimal(), Some(CellProblem::Fraction));
            }
            if lit.negative && kind == ValueKind::Count {
                return (Some(Value::Int(whole)), Some(CellProblem::Negative));
            }
            (Some(Value::Int(whole)), None)
        }
        ValueKind::Amount => {
            let value = if has_fraction {
                decimal()
            } else {
                Some(Value::Int(whole))
            };
            if value.is_none() {
                return (None, Some(CellProblem::NotANumber));
            }
            (value, lit.negative.then_some(CellProblem::Negative))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ValueKind::*;

    #[test]
    fn reads_the_numbers_pasted_reports_hold() {
        for (raw, want) in [
            ("0", 0),
            ("　　0", 0),
            ("\u{a0}0", 0),
            ("１２", 12),
            ("1,234", 1234),
            ("3件", 3),
            (" 7 ", 7),
        ] {
            assert_eq!(
                read_cell(raw, Count),
                (Some(Value::Int(want)), None),
                "{raw:?}"
            );
        }
        assert_eq!(read_cell("+3", Signed), (Some(Value::Int(3)), None));
        assert_eq!(read_cell("-2", Signed), (Some(Value::Int(-2)), None));
        let (value, problem) = read_cell("0.35", Amount);
        assert_eq!(problem, None);
        assert_eq!(value.unwrap().to_string(), "0.35");
        assert_eq!(read_cell("12.50", Amount).0.unwrap().to_string(), "12.5");
        assert_eq!(read_cell("-0.05", Amount).0.unwrap().to_string(), "-0.05");
        assert_eq!(
            read_cell("251000元", Amount),
            (Some(Value::Int(251000)), None)
        );
    }

    #[test]
    fn says_why_a_cell_has_no_number() {
        assert_eq!(read_cell("", Count).1, Some(CellProblem::Blank));
        assert_eq!(read_cell("\u{3000}", Count).1, Some(CellProblem::Blank));
        for p in ["/", "-", "—", "无", "——"] {
            assert_eq!(read_cell(p, Count).1, Some(CellProblem::Placeholder), "{p}");
        }
        assert_eq!(read_cell("约3", Count).1, Some(CellProblem::NotANumber));
        assert_eq!(read_cell("-1", Count).1, Some(CellProblem::Negative));
        assert_eq!(read_cell("1.5", Count).1, Some(CellProblem::Fraction));
        assert_eq!(read_cell("2.0", Count), (Some(Value::Int(2)), None));
        assert_eq!(read_cell("-1", Amount).1, Some(CellProblem::Negative));
    }

    #[test]
    fn classifies_tokens() {
        assert_eq!(classify("12"), TokenKind::Number);
        assert_eq!(classify("/"), TokenKind::Placeholder);
        assert_eq!(classify("结果维持"), TokenKind::Text);
        assert_eq!(classify("99999999999999999999999"), TokenKind::Text);
    }
}
