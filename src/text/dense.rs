//! The folded text of a document with a map from every folded byte back to the original, so a label
//! found in the folded text is reported at its place in what the user pasted.

use super::fold::{fold_char, Folded};
use crate::report::Span;

pub struct Dense<'a> {
    original: &'a str,
    folded: String,
    /// For each byte of `folded`, the original byte offset of the character it came from.
    source: Vec<u32>,
}

impl<'a> Dense<'a> {
    pub fn new(original: &'a str) -> Self {
        let mut folded = String::with_capacity(original.len());
        let mut source = Vec::with_capacity(original.len());
        for (at, c) in original.char_indices() {
            // ASCII digits and letters, the bulk of a pasted table, fold to themselves.
            let kept = if c.is_ascii_alphanumeric() {
                c
            } else {
                match fold_char(c) {
                    Folded::Keep(k) => k,
                    Folded::Drop => continue,
                }
            };
            folded.push(kept);
            for _ in 0..kept.len_utf8() {
                source.push(at as u32);
            }
        }
        Dense {
            original,
            folded,
            source,
        }
    }

    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// The folded offset of the first folded character at or after original offset `at`.
    pub fn to_folded(&self, at: usize) -> usize {
        self.source.partition_point(|&s| (s as usize) < at)
    }

    /// The original span of folded bytes `start..end`.
    pub fn to_original(&self, start: usize, end: usize) -> Span {
        if start >= end || end > self.source.len() {
            let at = self
                .source
                .get(start)
                .map_or(self.original.len(), |&s| s as usize);
            return Span::point(at);
        }
        let first = self.source[start] as usize;
        let last = self.source[end - 1] as usize;
        let last_len = self.original[last..]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        Span::new(first, last + last_len)
    }

    /// Finds folded `needle` whose original span lies within `within`, from its start.
    pub fn find(&self, needle: &str, within: Span) -> Option<Span> {
        if needle.is_empty() {
            return None;
        }
        let from = self.to_folded(within.start);
        let to = self.to_folded(within.end);
        let hay = self.folded.get(from..to)?;
        let at = hay.find(needle)? + from;
        Some(self.with_closing_quotes(self.to_original(at, at + needle.len())))
    }

    /// Extends `span` over quotation marks right after it: folding drops them, but a label that ends
    /// in one (「3.危及“三安全一稳定”」) owns it.
    fn with_closing_quotes(&self, span: Span) -> Span {
        let rest = &self.original[span.end..];
        let quotes: usize = rest
            .chars()
            .take_while(|&c| super::fold::is_quote(c))
            .map(char::len_utf8)
            .sum();
        Span::new(span.start, span.end + quotes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_broken_label_at_its_original_place() {
        let text = "前言\n\t2.其他法律行政法规禁止公\n开\n\t0";
        let dense = Dense::new(text);
        let span = dense
            .find(
                &crate::text::fold_str("2.其他法律行政法规禁止公开"),
                Span::new(0, text.len()),
            )
            .unwrap();
        assert_eq!(&text[span.start..span.end], "2.其他法律行政法规禁止公\n开");
    }

    #[test]
    fn a_label_owns_its_closing_quote() {
        let text = "3.危及“三安全一稳定” 13 1";
        let dense = Dense::new(text);
        let label = crate::text::fold_str("3.危及“三安全一稳定”");
        let span = dense.find(&label, Span::new(0, text.len())).unwrap();
        assert_eq!(&text[span.start..span.end], "3.危及“三安全一稳定”");
    }

    #[test]
    fn respects_the_search_window() {
        let text = "规章 0\n规章 1";
        let dense = Dense::new(text);
        let second = text.rfind("规章").unwrap();
        let span = dense.find("规章", Span::new(1, text.len())).unwrap();
        assert_eq!(span.start, second);
        assert!(dense.find("规章", Span::new(0, 3)).is_none());
    }
}
