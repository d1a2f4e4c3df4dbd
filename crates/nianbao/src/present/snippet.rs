//! A short quote of the text a finding points at, so that someone fixing the report in Word can find
//! the place without line numbers: the span itself, with a little of its line around it, whitespace
//! collapsed, never more than [`SNIPPET_CHARS`] characters (plus 「…」 where the line was cut).

use crate::span::Span;

/// The most characters a snippet quotes.
pub const SNIPPET_CHARS: usize = 24;

fn collapse(s: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for c in s.chars() {
        if c.is_whitespace() {
            if out.last().is_some_and(|&l| l != ' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The quote for `span` of `text`; safe for any span (a stale report's too: it is clamped to the text
/// and to character boundaries).
pub fn snippet(text: &str, span: Span) -> String {
    let start = floor(text, span.start);
    let end = floor(text, span.end.max(start));
    let mut inner = collapse(&text[start..end]);
    if inner.len() > SNIPPET_CHARS {
        inner.truncate(SNIPPET_CHARS - 1);
        inner.push('…');
        return inner.into_iter().collect::<String>().trim().to_string();
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before = collapse(&text[line_start..start]);
    let after = collapse(&text[end..line_end]);
    let room = SNIPPET_CHARS - inner.len();
    // Most of the room after the span (a heading's words follow its number), the rest before it.
    let take_after = after.len().min(room - before.len().min(room / 4));
    let take_before = before.len().min(room - take_after);
    let mut out = String::new();
    if take_before < before.len() {
        out.push('…');
    }
    out.extend(&before[before.len() - take_before..]);
    out.extend(&inner);
    out.extend(&after[..take_after]);
    if take_after < after.len() {
        out.push('…');
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_the_span_with_its_line_around_it() {
        let text = "前言\n6、政府信息公开工作存在的主要问题及改进情况（含整改措施）\n";
        let at = text.find("6、").unwrap();
        let s = snippet(text, Span::new(at, at + "6、".len()));
        assert!(s.starts_with("6、政府信息公开"), "{s}");
        assert!(s.chars().count() <= SNIPPET_CHARS + 1, "{s}");
        assert!(s.ends_with('…'), "{s}");
    }

    #[test]
    fn collapses_whitespace_and_cuts_a_long_span() {
        let text = "一\t\t二   三\n".repeat(10);
        let s = snippet(&text, Span::new(0, text.len()));
        assert!(s.starts_with("一 二 三 一"), "{s}");
        assert_eq!(s.chars().count(), SNIPPET_CHARS);
        assert!(!s.contains('\n') && !s.contains('\t'));
    }

    #[test]
    fn any_span_is_safe() {
        let text = "政府信息公开";
        for start in 0..=text.len() + 2 {
            for end in 0..=text.len() + 2 {
                let s = snippet(text, Span::new(start, end));
                assert!(s.chars().count() <= SNIPPET_CHARS + 2);
            }
        }
        assert_eq!(snippet("", Span::point(0)), "");
    }

    #[test]
    fn every_seed_finding_has_a_short_snippet() {
        for (id, text) in crate::present::tests_support::seeds() {
            for f in crate::check(text).findings {
                let s = snippet(text, f.span());
                assert!(
                    s.chars().count() <= SNIPPET_CHARS + 2,
                    "{id} {}: {s}",
                    f.code
                );
            }
        }
    }
}
