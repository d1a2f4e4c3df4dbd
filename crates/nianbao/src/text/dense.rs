//! The folded text of a document with a map from every folded byte back to the original, so a label
//! found in the folded text is reported at its place in what the user pasted. The same pass keeps the
//! folded characters with their line breaks, for reading the prose character by character.

use super::fold::{fold_char, Folded};
use crate::span::Span;

pub struct Dense<'a> {
    original: &'a str,
    folded: String,
    /// For each byte of `folded`, the original byte offset of the character it came from.
    source: Vec<u32>,
    /// The folded characters with every line break kept as `'\n'`.
    lined: Vec<char>,
    /// For each of `lined`, the original byte range of the character it came from.
    lined_spans: Vec<(u32, u32)>,
    /// Every line break: its original byte offset, and the length of `folded` before it.
    breaks: Vec<(u32, u32)>,
}

impl<'a> Dense<'a> {
    pub fn new(original: &'a str) -> Self {
        let mut folded = String::with_capacity(original.len());
        let mut source = Vec::with_capacity(original.len());
        let mut lined = Vec::with_capacity(original.len() / 2);
        let mut lined_spans = Vec::with_capacity(original.len() / 2);
        let mut breaks = Vec::new();
        for (at, c) in original.char_indices() {
            let span = (at as u32, (at + c.len_utf8()) as u32);
            if c == '\n' {
                lined.push(c);
                lined_spans.push(span);
                breaks.push((span.0, folded.len() as u32));
                continue;
            }
            let Folded::Keep(kept) = fold_char(c) else {
                continue;
            };
            folded.push(kept);
            source.extend(std::iter::repeat_n(span.0, kept.len_utf8()));
            lined.push(kept);
            lined_spans.push(span);
        }
        Dense {
            original,
            folded,
            source,
            lined,
            lined_spans,
            breaks,
        }
    }

    pub fn folded(&self) -> &str {
        &self.folded
    }

    pub fn original_len(&self) -> usize {
        self.original.len()
    }

    /// The folded characters with line breaks kept (as `'\n'`), and the original byte range of each.
    pub fn lined(&self) -> (&[char], &[(u32, u32)]) {
        (&self.lined, &self.lined_spans)
    }

    /// The byte length of the original character at `at`, read from its first byte.
    fn char_len_at(&self, at: usize) -> usize {
        match self.original.as_bytes().get(at) {
            None => 0,
            Some(&b) if b < 0x80 => 1,
            Some(&b) if b >= 0xf0 => 4,
            Some(&b) if b >= 0xe0 => 3,
            Some(_) => 2,
        }
    }

    /// The byte offsets of the line breaks, in order.
    pub fn line_breaks(&self) -> impl Iterator<Item = usize> + '_ {
        self.breaks.iter().map(|&(at, _)| at as usize)
    }

    /// Every line (as `str::split('\n')` gives them) with the byte offset it starts at and its folded
    /// text.
    pub fn lines(&self) -> impl Iterator<Item = (usize, &'a str, &str)> + '_ {
        let ends = self
            .breaks
            .iter()
            .map(|&(at, folded_at)| (at as usize, folded_at as usize))
            .chain([(self.original.len(), self.folded.len())]);
        let mut start = (0, 0);
        ends.map(move |end| {
            let line = self.original.get(start.0..end.0).unwrap_or("");
            let folded = self.folded.get(start.1..end.1).unwrap_or("");
            let at = start.0;
            start = (end.0 + 1, end.1);
            (at, line, folded)
        })
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
        Span::new(first, last + self.char_len_at(last))
    }

    /// Finds folded `needle` whose original span lies within `within`, from its start.
    pub fn find(&self, needle: &str, within: Span) -> Option<Span> {
        if needle.is_empty() {
            return None;
        }
        let from = self.to_folded(within.start);
        let to = self.to_folded(within.end);
        let hay = self.folded.get(from..to)?;
        let at = find_short(hay, needle)? + from;
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

/// Where `needle` first occurs in `hay`. Needles are labels, a few dozen bytes: finding each place
/// of their first character and comparing there is quicker than preparing a two-way search for every
/// look-up, and at most a label's length of work per byte.
fn find_short(hay: &str, needle: &str) -> Option<usize> {
    let first = needle.chars().next()?;
    hay.match_indices(first)
        .map(|(at, _)| at)
        .find(|&at| hay[at..].starts_with(needle))
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
    fn gives_each_line_with_its_folded_text() {
        let text = "一、 总体\n\n  | 1 |\r\n末";
        let got: Vec<(usize, &str, String)> = Dense::new(text)
            .lines()
            .map(|(at, line, folded)| (at, line, folded.to_string()))
            .collect();
        let want: Vec<_> = crate::text::lines::lines_from(text, 0)
            .map(|(at, line)| (at, line, crate::text::fold_str(line)))
            .collect();
        assert_eq!(got, want);
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
