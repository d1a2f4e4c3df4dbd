//! The folded text of a document with a map from every folded byte back to the original, so a label
//! found in the folded text is reported at its place in what the user pasted.

use super::fold::{fold_char, fold_chars, Folded};
use super::lines::lines_from;
use super::LineIndex;
use crate::span::Span;

pub struct Dense<'a> {
    original: &'a str,
    folded: String,
    /// Places where both texts are at a character boundary together: `(folded offset, original
    /// offset)`, one every [`STRIDE`] characters of either. A folded byte is mapped back by walking
    /// from the mark before it, so the map costs a few bytes per [`STRIDE`] characters instead of
    /// four per folded byte (which was most of a check's memory).
    marks: Vec<(u32, u32)>,
    /// Where each line starts (the one index of lines a check keeps: a text of blank lines has a
    /// line every two bytes). The folded text of a line is found by folding it again.
    lines: LineIndex<'a>,
}

/// At most this many original characters, and this many folded ones, lie between two marks.
const STRIDE: usize = 32;

impl<'a> Dense<'a> {
    pub fn new(original: &'a str) -> Self {
        let mut folded = String::with_capacity(original.len());
        let mut marks = Vec::with_capacity(original.len() / STRIDE + 1);
        let (mut since_mark, mut kept_since_mark) = (STRIDE, 0);
        for (at, c) in original.char_indices() {
            if since_mark >= STRIDE || kept_since_mark >= STRIDE {
                marks.push((folded.len() as u32, at as u32));
                (since_mark, kept_since_mark) = (0, 0);
            }
            since_mark += 1;
            if c == '\n' {
                continue;
            }
            if let Folded::Keep(kept) = fold_char(c) {
                folded.push(kept);
                kept_since_mark += 1;
            }
        }
        Dense {
            original,
            folded,
            marks,
            lines: LineIndex::new(original),
        }
    }

    pub fn folded(&self) -> &str {
        &self.folded
    }

    /// The text as written.
    pub fn original(&self) -> &'a str {
        self.original
    }

    pub fn original_len(&self) -> usize {
        self.original.len()
    }

    /// The original characters from mark `mark` on: each with its original offset, its folded
    /// offset, and its folded length (0 when folding drops it).
    fn walk_from(&self, mark: usize) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        let (folded_start, original_start) = self.marks.get(mark).copied().unwrap_or((0, 0));
        let (folded_start, original_start) = (folded_start as usize, original_start as usize);
        let mut folded_at = folded_start;
        self.original[original_start..]
            .char_indices()
            .map(move |(at, c)| {
                let len = match fold_char(c) {
                    Folded::Keep(kept) => kept.len_utf8(),
                    Folded::Drop => 0,
                };
                let here = folded_at;
                folded_at += len;
                (original_start + at, here, len)
            })
    }

    /// The original offset of the character folded byte `at` came from (`at` < the folded length).
    /// The walk is short: the next mark lies past `at`, within [`STRIDE`] characters.
    fn source(&self, at: usize) -> usize {
        let mark = self
            .marks
            .partition_point(|&(folded, _)| folded as usize <= at)
            .saturating_sub(1);
        self.walk_from(mark)
            .find(|&(_, folded_at, len)| folded_at + len > at)
            .map_or(self.original.len(), |(original_at, _, _)| original_at)
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

    /// The text's lines: where each starts, and the line of a byte offset.
    pub fn line_index(&self) -> &LineIndex<'a> {
        &self.lines
    }

    /// Every line (as `str::split('\n')` gives them) with the byte offset it starts at and its folded
    /// text.
    pub fn lines(&self) -> impl Iterator<Item = (usize, &'a str, &str)> + '_ {
        let mut folded_at = 0;
        lines_from(self.original, 0).map(move |(start, line)| {
            let len: usize = fold_chars(line).map(char::len_utf8).sum();
            let folded = self.folded.get(folded_at..folded_at + len).unwrap_or("");
            folded_at += len;
            (start, line, folded)
        })
    }

    /// The folded offset of the first folded character at or after original offset `at`: the
    /// folded length of everything before `at`.
    pub fn to_folded(&self, at: usize) -> usize {
        let mark = self
            .marks
            .partition_point(|&(_, original)| original as usize <= at)
            .saturating_sub(1);
        self.walk_from(mark)
            .find(|&(original_at, _, _)| original_at >= at)
            .map_or(self.folded.len(), |(_, folded_at, _)| folded_at)
    }

    /// The original span of folded bytes `start..end`.
    pub fn to_original(&self, start: usize, end: usize) -> Span {
        if start >= end || end > self.folded.len() {
            let at = if start < self.folded.len() {
                self.source(start)
            } else {
                self.original.len()
            };
            return Span::point(at);
        }
        let first = self.source(start);
        let last = self.source(end - 1);
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
        let found = find_short(hay, needle);
        crate::work::add(found.map_or(hay.len(), |at| at + needle.len()));
        let at = found? + from;
        Some(self.with_closing_quotes(self.to_original(at, at + needle.len())))
    }

    /// Whether the text of the line holding `at`, folded and without its digits, is a piece of
    /// folded `label`: a label that PDF text wrapped shows one piece per line, which says nothing
    /// about its wording (「2.申请人逾期未按收费通知要求」).
    pub fn line_is_piece_of(&self, at: usize, label: &str) -> bool {
        let start = self.original[..at.min(self.original.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let end = self.original[start..]
            .find('\n')
            .map_or(self.original.len(), |i| start + i);
        crate::work::add(end - start);
        is_piece_of(&self.original[start..end], label)
    }

    /// Finds folded `needle` within `within` where runs of digits interrupt it: PDF text wraps a row
    /// label around the line of the row's numbers (「1.申请人无正当理由逾期不补正、⏎ 67 3 0 ⏎ 行政机关…」).
    /// Gives the label's span and where the first interrupting digit is; `None` when the needle is
    /// only found whole (a plain [`Dense::find`] finds that) or not at all.
    ///
    /// Commas, enumeration commas and semicolons inside the label may also be written one for
    /// another (「逾期不补正, 行政机关」): such a label is found, with no digit position when no number
    /// interrupts it.
    pub fn find_around_numbers(&self, needle: &str, within: Span) -> Option<(Span, Option<usize>)> {
        let from = self.to_folded(within.start);
        let to = self.to_folded(within.end);
        let hay = self.folded.get(from..to)?.as_bytes();
        let want = needle.as_bytes();
        // The label's own leading digits (「1.」) must match as written.
        let lead = want
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b'.')
            .count();
        let first = *want.first()?;
        crate::work::add(hay.len());
        for start in memchr_all(hay, first) {
            let (mut i, mut j) = (start, 0);
            let mut first_gap = None;
            let mut gaps = 0;
            let mut loose = false;
            while j < want.len() && i < hay.len() {
                if hay[i] == want[j] {
                    i += 1;
                    j += 1;
                    continue;
                }
                if j > lead && is_soft_stop(hay[i]) && is_soft_stop(want[j]) {
                    loose = true;
                    i += 1;
                    j += 1;
                    continue;
                }
                // Past the label's first characters, a run of numbers may interrupt it, with a few
                // characters of a neighbouring cell (a group label's 「他处理」) among them.
                if j < lead + MATCHED_BEFORE_GAP || gaps == MAX_GAPS {
                    break;
                }
                match resume_after_gap(hay, i, &want[j..]) {
                    Some((resumed, digit)) => {
                        first_gap.get_or_insert(digit);
                        gaps += 1;
                        i = resumed;
                    }
                    None => break,
                }
            }
            crate::work::add(i - start + 1);
            if j == want.len() && (first_gap.is_some() || loose) {
                let span = self.to_original(from + start, from + i);
                let gap_at =
                    first_gap.map(|gap| self.to_original(from + gap, from + gap + 1).start);
                return Some((self.with_closing_quotes(span), gap_at));
            }
        }
        None
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

/// Whether `written`, folded and without digits, is a piece (three characters or more) of folded
/// `label`.
pub fn is_piece_of(written: &str, label: &str) -> bool {
    let piece: String = super::fold::fold_chars(written)
        .filter(|c| !c.is_ascii_digit())
        .collect();
    let piece = piece.trim_matches('.');
    piece.chars().count() >= 3 && label.contains(piece)
}

/// Punctuation that pasted labels write one for another (after folding: `,` `.` `;`).
fn is_soft_stop(b: u8) -> bool {
    matches!(b, b',' | b'.' | b';')
}

/// Label characters matched before a gap may interrupt it.
const MATCHED_BEFORE_GAP: usize = 3;
/// Gaps in one label.
const MAX_GAPS: usize = 3;
/// Characters other than digits a gap may hold.
const GAP_OTHER_CHARS: usize = 4;
/// Label bytes that must follow a gap (two Chinese characters).
const RESUME_BYTES: usize = 6;

/// Where the label `rest` goes on after a gap starting at `at` of `hay`: digits, and at most a few
/// other characters, none of which starts the rest. Gives the position and the first digit's.
fn resume_after_gap(hay: &[u8], at: usize, rest: &[u8]) -> Option<(usize, usize)> {
    let resume = &rest[..rest.len().min(RESUME_BYTES)];
    let mut i = at;
    let mut others = 0;
    let mut digit = None;
    while i < hay.len() {
        crate::work::add(1);
        if hay[i..].starts_with(resume) {
            // A gap must have held a number: that is what moved the label apart.
            return digit.map(|d| (i, d));
        }
        if hay[i].is_ascii_digit() {
            digit.get_or_insert(i);
            i += 1;
            continue;
        }
        others += 1;
        if others > GAP_OTHER_CHARS {
            return None;
        }
        // Step over one whole character.
        i += 1;
        while i < hay.len() && (hay[i] & 0xc0) == 0x80 {
            i += 1;
        }
    }
    None
}

/// Every place of byte `b` in `hay`.
fn memchr_all(hay: &[u8], b: u8) -> impl Iterator<Item = usize> + '_ {
    hay.iter()
        .enumerate()
        .filter(move |(_, &c)| c == b)
        .map(|(i, _)| i)
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
    fn finds_a_label_wrapped_around_its_numbers() {
        let text = "1.申请人无正当理由逾期不补正、\n 67 3 0 0 1 0 71\n行政机关不再处理其政府信息公开申请\n2.";
        let dense = Dense::new(text);
        let label = crate::text::fold_str(
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        );
        let (span, numbers) = dense
            .find_around_numbers(&label, Span::new(0, text.len()))
            .unwrap();
        assert_eq!(span.start, 0);
        assert_eq!(&text[span.end - 6..span.end], "申请");
        assert_eq!(numbers, text.find("67"));
        assert!(dense
            .find_around_numbers("1.申请人", Span::new(0, text.len()))
            .is_none());
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

    /// The map as it was first written: for each folded byte, the original offset of its character.
    fn byte_map(text: &str) -> Vec<usize> {
        let mut map = Vec::new();
        for (at, c) in text.char_indices() {
            if let (false, Folded::Keep(kept)) = (c == '\n', fold_char(c)) {
                map.extend(std::iter::repeat_n(at, kept.len_utf8()));
            }
        }
        map
    }

    proptest::proptest! {
        /// The marks give the same offsets both ways as a map of every folded byte, on texts with
        /// long runs that folding drops (spaces) and keeps (ideographs), wide and narrow characters.
        #[test]
        fn marks_map_as_a_full_map_does(text in "([ \n\t]{0,80}|[表三一、0-9Ａ１（）]{0,80}|a){0,12}") {
            let dense = Dense::new(&text);
            let map = byte_map(&text);
            proptest::prop_assert_eq!(map.len(), dense.folded().len());
            for (b, &source) in map.iter().enumerate() {
                proptest::prop_assert_eq!(dense.source(b), source);
            }
            for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                let expected = map.partition_point(|&s| s < at);
                proptest::prop_assert_eq!(dense.to_folded(at), expected, "at {}", at);
            }
        }
    }
}
