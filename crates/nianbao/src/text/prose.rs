//! The report's prose as one folded stream of characters, each mapped back to its place in the user's
//! text. Folding is [`crate::text::fold_char`] (spaces, quotes and Markdown marks dropped, full-width
//! ASCII made half-width), except that a line break is kept as [`BREAK`]: it ends a paragraph for the
//! rules that look at where a sentence starts, and is skipped when a phrase is matched (a phrase may be
//! broken over two lines by a PDF viewer).
//!
//! The title and the tables are left out: each left-out piece becomes one [`BREAK`] (the parser
//! builds a report's prose once per check: `Prose::of`).

use crate::model::Table;
use crate::span::Span;
use crate::text::{chinese, Dense};

/// A line break or a left-out piece of text.
pub const BREAK: char = '\n';

/// Characters that end a sentence (after folding: full-width `！？；` are half-width).
const STOPS: [char; 4] = ['。', '!', '?', ';'];

/// A sentence is taken to be no longer than this, in characters: text without stops (a table pasted
/// as prose, or noise) must not make every look-around scan the whole report.
pub const LONGEST_SENTENCE: usize = 300;

pub fn is_stop(c: char) -> bool {
    STOPS.contains(&c)
}

pub struct Prose {
    chars: Vec<char>,
    /// For each character, the original byte offset it starts at, and (in `lens`) its original byte
    /// length (0 for a line break standing for left-out text): five bytes a character, not eight.
    starts: Vec<u32>,
    lens: Vec<u8>,
}

/// The pieces of a text of `len` bytes that `skip` covers, in order, merged where they overlap or
/// touch: each stands in the prose as one [`BREAK`] at its start.
fn left_out(skip: &[Span], len: usize) -> Vec<Span> {
    let mut sorted: Vec<Span> = skip
        .iter()
        .filter(|s| s.start < s.end && s.start < len)
        .copied()
        .collect();
    sorted.sort_unstable();
    let mut pieces: Vec<Span> = Vec::with_capacity(sorted.len());
    for s in sorted {
        match pieces.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => pieces.push(s),
        }
    }
    pieces
}

/// The byte range a found table occupies, from its first label to its last cell.
pub fn table_span(table: &Table) -> Option<Span> {
    if !table.found {
        return None;
    }
    let mut start = usize::MAX;
    let mut end = 0;
    for row in table.rows.iter().filter(|r| r.found) {
        for span in row
            .label_span
            .iter()
            .chain(row.cells.iter().map(|c| &c.span))
        {
            start = start.min(span.start);
            end = end.max(span.end);
        }
    }
    (start < end).then(|| Span::new(start, end))
}

impl Prose {
    /// `text` without the byte ranges in `skip`.
    #[cfg(test)]
    pub fn new(text: &str, skip: &[Span]) -> Prose {
        Prose::from_dense(&Dense::new(text), skip)
    }

    /// The text folded in `dense` (folded once per check, for the tables and the prose) without the
    /// byte ranges in `skip`.
    pub(crate) fn from_dense(dense: &Dense, skip: &[Span]) -> Prose {
        // Allocated once at their size (growing by doubling would hold the old and the new buffer
        // at once): every folded character and line break, and a break for each left-out piece.
        let pieces = left_out(skip, dense.original_len());
        let most = dense.folded().chars().count() + dense.line_breaks().count() + pieces.len();
        let mut prose = Prose {
            chars: Vec::with_capacity(most),
            starts: Vec::with_capacity(most),
            lens: Vec::with_capacity(most),
        };
        // The next left-out piece not yet passed; each piece reached is one line break, and the
        // characters inside it are skipped.
        let mut next = 0;
        for (c, span) in dense.lined() {
            let at = span.0 as usize;
            while next < pieces.len() && pieces[next].start <= at {
                prose.line_break(pieces[next].start);
                if at < pieces[next].end {
                    break;
                }
                next += 1;
            }
            if next < pieces.len() && pieces[next].start <= at {
                continue;
            }
            prose.push(c, span.0, (span.1 - span.0) as u8);
        }
        for piece in &pieces[next..] {
            prose.line_break(piece.start);
        }
        prose
    }

    /// A line break standing for left-out text at `at`, unless the prose already ends in one.
    fn line_break(&mut self, at: usize) {
        if self.chars.last() != Some(&BREAK) {
            self.push(BREAK, at as u32, 0);
        }
    }

    fn push(&mut self, c: char, start: u32, len: u8) {
        self.chars.push(c);
        self.starts.push(start);
        self.lens.push(len);
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn char(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    /// The original byte range of characters `from..to`.
    pub fn span(&self, from: usize, to: usize) -> Span {
        if from >= to || to > self.starts.len() {
            let at = self.starts.get(from).copied().unwrap_or(0);
            return Span::point(at as usize);
        }
        let last = to - 1;
        let end = self.starts[last] as usize + usize::from(self.lens[last]);
        Span::new(self.starts[from] as usize, end)
    }

    /// The folded characters `from..to` without line breaks.
    pub fn text(&self, from: usize, to: usize) -> String {
        let to = to.min(self.len());
        self.chars[from.min(to)..to]
            .iter()
            .filter(|&&c| c != BREAK)
            .collect()
    }

    /// The index after `word` when it is written at `at` (line breaks inside it are skipped).
    pub fn eat(&self, at: usize, word: &str) -> Option<usize> {
        let mut i = at;
        for (n, w) in word.chars().enumerate() {
            if n > 0 {
                while self.char(i) == Some(BREAK) {
                    i += 1;
                }
            }
            if self.char(i)? != w {
                return None;
            }
            i += 1;
        }
        Some(i)
    }

    /// The longest of `words` written at `at`, and the index after it.
    pub fn eat_any(&self, at: usize, words: &[&str]) -> Option<usize> {
        words.iter().filter_map(|w| self.eat(at, w)).max()
    }

    /// Skips line breaks from `at`.
    pub fn skip_breaks(&self, mut at: usize) -> usize {
        while self.char(at) == Some(BREAK) {
            at += 1;
        }
        at
    }

    /// Where the sentence holding `at` starts: after the last sentence stop before it (line breaks do
    /// not end a sentence here), at most [`LONGEST_SENTENCE`] characters back.
    pub fn sentence_start(&self, at: usize) -> usize {
        let at = at.min(self.len());
        let from = at.saturating_sub(LONGEST_SENTENCE);
        self.chars[from..at]
            .iter()
            .rposition(|&c| is_stop(c))
            .map_or(from, |i| from + i + 1)
    }

    /// Where the sentence holding `at` ends (exclusive, before its stop), at most
    /// [`LONGEST_SENTENCE`] characters on.
    pub fn sentence_end(&self, at: usize) -> usize {
        let at = at.min(self.len());
        let to = (at + LONGEST_SENTENCE).min(self.len());
        self.chars[at..to]
            .iter()
            .position(|&c| is_stop(c))
            .map_or(to, |i| at + i)
    }

    /// Whether `word` occurs in the folded characters `from..to` (line breaks skipped).
    pub fn contains(&self, from: usize, to: usize, word: &str) -> bool {
        let Some(first) = word.chars().next() else {
            return true;
        };
        let to = to.min(self.len());
        (from..to).any(|i| self.chars[i] == first && self.eat(i, word).is_some_and(|end| end <= to))
    }

    /// Every index where `word` starts.
    pub fn find_all<'s>(&'s self, word: &'s str) -> impl Iterator<Item = usize> + 's {
        const BLOCK: usize = 32;
        let first = word.chars().next();
        // Blocks without the first character, nearly all, are passed over with one comparison the
        // compiler makes for the whole block at once.
        let has_first = move |block: &[char]| {
            first.is_some_and(|f| block.iter().fold(false, |seen, &c| seen | (c == f)))
        };
        self.chars
            .chunks(BLOCK)
            .enumerate()
            .filter(move |(_, block)| has_first(block))
            .flat_map(move |(n, block)| {
                (0..block.len())
                    .filter(move |&i| Some(block[i]) == first)
                    .map(move |i| n * BLOCK + i)
            })
            .filter(move |&i| self.eat(i, word).is_some())
    }

    /// A count written at `at` in Arabic digits (`12`, `1,234`) or Chinese numerals (`三`, `十二`, `两`):
    /// its value and the index after it.
    pub fn number(&self, at: usize) -> Option<(i64, usize)> {
        let mut i = at;
        let mut value: i64 = 0;
        while let Some(d) = self.char(i).and_then(|c| c.to_digit(10)) {
            value = value.checked_mul(10)?.checked_add(i64::from(d))?;
            i += 1;
            // A thousands separator is followed by exactly three digits.
            if self.char(i) == Some(',')
                && (1..=3).all(|k| self.char(i + k).is_some_and(|c| c.is_ascii_digit()))
                && !self.char(i + 4).is_some_and(|c| c.is_ascii_digit())
            {
                i += 1;
            }
        }
        if i > at {
            return Some((value, i));
        }
        chinese::count(self.chars.get(at..).unwrap_or(&[])).map(|(v, n)| (v, at + n))
    }
}

/// The years (1990–2099) written before 年 in `prose`: the index of the first digit, the value, and
/// the index of 年.
pub fn years(prose: &Prose) -> Vec<(usize, u32, usize)> {
    let mut out = Vec::new();
    for k in prose.find_all("年").filter(|&k| k >= 4) {
        let digit = |i: usize| prose.char(k - i);
        let four = (|| Some([digit(4)?, digit(3)?, digit(2)?, digit(1)?]))();
        let before = k.checked_sub(5).and_then(|i| prose.char(i));
        if let Some(year) = four.and_then(|four| chinese::year(&four, before)) {
            out.push((k - 4, year, k));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_folded_characters_back() {
        let text = "标题\n2023 年，我街道收到\n申请５件。";
        let prose = Prose::new(text, &[Span::new(0, 6)]);
        let at = prose.find_all("收到").next().unwrap();
        let end = prose.eat(at, "收到申请").unwrap();
        let (n, after) = prose.number(end).unwrap();
        assert_eq!(n, 5);
        let span = prose.span(at, after + 1);
        assert_eq!(&text[span.start..span.end], "收到\n申请５件");
        assert_eq!(prose.text(0, prose.len()), "2023年,我街道收到申请5件。");
    }

    #[test]
    fn a_left_out_piece_stands_as_one_break_at_its_start() {
        // The piece starts with a space, which folding drops.
        let text = "甲 ## 表\n\t1\n乙";
        let piece = Span::new("甲".len(), text.find("乙").unwrap() - 1);
        let prose = Prose::new(text, &[piece]);
        assert_eq!(prose.chars, ['甲', BREAK, BREAK, '乙']);
        assert_eq!(prose.span(1, 2), Span::point(piece.start));
        assert_eq!(prose.span(2, 3), Span::new(piece.end, piece.end + 1));
    }

    #[test]
    fn reads_numbers() {
        let prose = Prose::new("12件 1,234件 三件 十二件 两件 二十件 一百零五件", &[]);
        let values: Vec<i64> = [0, 3, 9, 11, 14, 16, 19]
            .iter()
            .map(|&i| prose.number(i).unwrap().0)
            .collect();
        assert_eq!(values, [12, 1234, 3, 12, 2, 20, 105]);
    }

    #[test]
    fn finds_every_place_of_a_word() {
        // The first one straddles two of the blocks find_all scans.
        let text = format!("{}公开办函{}公开办函", "字".repeat(30), "字".repeat(33));
        let prose = Prose::new(&text, &[]);
        assert_eq!(prose.find_all("公开办函").collect::<Vec<_>>(), [30, 67]);
        assert_eq!(prose.find_all("").count(), 0);
    }

    #[test]
    fn finds_years() {
        let prose = Prose::new("2022年，二〇二二年一月，编号12021年", &[]);
        let found: Vec<u32> = years(&prose).iter().map(|y| y.1).collect();
        assert_eq!(found, [2022, 2022]);
    }
}
