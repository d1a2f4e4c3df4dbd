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
use crate::text::chinese;
use walk::{Place, Step, Walk};

mod walk;

/// A line break or a left-out piece of text.
pub const BREAK: char = '\n';

/// Characters that end a sentence (after folding: full-width `！？；` are half-width).
const STOPS: [char; 4] = ['。', '!', '?', ';'];
const STOP_UNITS: [u16; 4] = [
    STOPS[0] as u16,
    STOPS[1] as u16,
    STOPS[2] as u16,
    STOPS[3] as u16,
];

/// A sentence is taken to be no longer than this, in characters: text without stops (a table pasted
/// as prose, or noise) must not make every look-around scan the whole report.
pub const LONGEST_SENTENCE: usize = 300;

pub fn is_stop(c: char) -> bool {
    STOPS.contains(&c)
}

pub struct Prose<'a> {
    original: &'a str,
    /// The left-out pieces, in order and apart.
    pieces: Vec<Span>,
    /// The characters, one unit each, and none for its place.
    units: Units,
    /// Each wide character with its index, in order.
    wide: Vec<(u32, char)>,
    /// Where the walk stood every [`STRIDE`] steps: the index of the next character, and the place.
    marks: Vec<(u32, Place)>,
}

/// A unit standing for a character kept in `wide` (a lone surrogate, which no `char` is).
const WIDE: u16 = 0xd800;

/// The prose's characters: one byte each when every one is below U+0100 (digits, Latin text, blank
/// lines: a text the size of the input, not twice it), otherwise one UTF-16 unit each, two bytes a
/// character, not four. A character beyond the Basic Multilingual Plane (rare: an emoji, a CJK
/// extension ideograph) is [`WIDE`] and kept in `Prose::wide`.
enum Units {
    Narrow(Vec<u8>),
    Wide(Vec<u16>),
}

impl Units {
    fn len(&self) -> usize {
        match self {
            Units::Narrow(u) => u.len(),
            Units::Wide(u) => u.len(),
        }
    }

    fn get(&self, i: usize) -> Option<u16> {
        match self {
            Units::Narrow(u) => u.get(i).map(|&b| u16::from(b)),
            Units::Wide(u) => u.get(i).copied(),
        }
    }

    fn push(&mut self, unit: u16) {
        match self {
            // Built narrow only when every unit fits.
            Units::Narrow(u) => u.push(unit as u8),
            Units::Wide(u) => u.push(unit),
        }
    }

    /// The first index in `from..to` whose unit is one of `wanted`, searched backwards or forwards.
    fn find_in(&self, from: usize, to: usize, wanted: &[u16], backwards: bool) -> Option<usize> {
        fn find<T: Copy + Into<u16>>(
            units: &[T],
            wanted: &[u16],
            backwards: bool,
        ) -> Option<usize> {
            let is_wanted = |u: &T| wanted.contains(&(*u).into());
            if backwards {
                units.iter().rposition(is_wanted)
            } else {
                units.iter().position(is_wanted)
            }
        }
        let found = match self {
            Units::Narrow(u) => find(&u[from..to], wanted, backwards),
            Units::Wide(u) => find(&u[from..to], wanted, backwards),
        };
        found.map(|i| from + i)
    }

    /// Whether unit `unit` is among `len` units from `from`: one comparison the compiler makes for
    /// the whole run at once.
    fn holds(&self, from: usize, len: usize, unit: u16) -> bool {
        fn holds<T: Copy + Into<u16>>(units: &[T], unit: u16) -> bool {
            units
                .iter()
                .fold(false, |seen, &u| seen | (u.into() == unit))
        }
        let to = (from + len).min(self.len());
        match self {
            Units::Narrow(u) => holds(&u[from..to], unit),
            Units::Wide(u) => holds(&u[from..to], unit),
        }
    }
}

/// Steps of the walk between marks: a character's place is found in at most this many.
const STRIDE: usize = 32;

/// The unit `c` is stored as.
fn unit_of(c: char) -> u16 {
    u16::try_from(u32::from(c)).unwrap_or(WIDE)
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

impl<'a> Prose<'a> {
    /// `original` without the byte ranges in `skip`.
    pub fn new(original: &'a str, skip: &[Span]) -> Prose<'a> {
        let pieces = left_out(skip, original.len());
        // Counted first, so that each vector is allocated once at its size (grown by doubling, the
        // old and the new buffer are held at once).
        let (mut chars, mut steps, mut narrow) = (0, 0, true);
        let mut walk = Walk::new(original, &pieces);
        while let Some(step) = walk.step() {
            steps += 1;
            if let Step::Char(c, _, _) = step {
                chars += 1;
                narrow &= u32::from(c) < 0x100;
            }
        }
        let mut units = if narrow {
            Units::Narrow(Vec::with_capacity(chars))
        } else {
            Units::Wide(Vec::with_capacity(chars))
        };
        let mut wide = Vec::new();
        let mut marks = Vec::with_capacity(steps / STRIDE + 1);
        let mut walk = Walk::new(original, &pieces);
        for n in 0.. {
            if n % STRIDE == 0 {
                marks.push((units.len() as u32, walk.place()));
            }
            match walk.step() {
                None => break,
                Some(Step::Passed) => {}
                Some(Step::Char(c, _, _)) => {
                    let unit = unit_of(c);
                    if unit == WIDE {
                        wide.push((units.len() as u32, c));
                    }
                    units.push(unit);
                }
            }
        }
        Prose {
            original,
            pieces,
            units,
            wide,
            marks,
        }
    }

    /// The original byte offset and length of character `i` (`i` < the length), found by walking
    /// from the mark before it.
    fn place_of(&self, i: usize) -> (usize, usize) {
        let mark = self
            .marks
            .partition_point(|&(index, _)| index as usize <= i)
            .saturating_sub(1);
        let (mut index, place) = self.marks.get(mark).copied().unwrap_or_default();
        let ends_in_break = index > 0 && self.units.get(index as usize - 1) == Some(unit_of(BREAK));
        let mut walk = Walk::resume(self.original, &self.pieces, place, ends_in_break);
        while let Some(step) = walk.step() {
            if let Step::Char(_, start, len) = step {
                if index as usize == i {
                    return (start as usize, usize::from(len));
                }
                index += 1;
            }
        }
        (self.original.len(), 0)
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn char(&self, i: usize) -> Option<char> {
        let unit = self.units.get(i)?;
        if unit == WIDE {
            let at = self
                .wide
                .binary_search_by_key(&(i as u32), |&(n, _)| n)
                .ok()?;
            return Some(self.wide[at].1);
        }
        char::from_u32(u32::from(unit))
    }

    /// The original byte range of characters `from..to`.
    pub fn span(&self, from: usize, to: usize) -> Span {
        if from >= to || to > self.len() {
            let at = if from < self.len() {
                self.place_of(from).0
            } else {
                0
            };
            return Span::point(at);
        }
        let (start, _) = self.place_of(from);
        let (last, len) = self.place_of(to - 1);
        Span::new(start, last + len)
    }

    /// The folded characters `from..to` without line breaks.
    pub fn text(&self, from: usize, to: usize) -> String {
        let to = to.min(self.len());
        (from.min(to)..to)
            .filter_map(|i| self.char(i))
            .filter(|&c| c != BREAK)
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
        self.units
            .find_in(from, at, &STOP_UNITS, true)
            .map_or(from, |i| i + 1)
    }

    /// Where the sentence holding `at` ends (exclusive, before its stop), at most
    /// [`LONGEST_SENTENCE`] characters on.
    pub fn sentence_end(&self, at: usize) -> usize {
        let at = at.min(self.len());
        let to = (at + LONGEST_SENTENCE).min(self.len());
        self.units.find_in(at, to, &STOP_UNITS, false).unwrap_or(to)
    }

    /// Whether `word` occurs in the folded characters `from..to` (line breaks skipped).
    pub fn contains(&self, from: usize, to: usize, word: &str) -> bool {
        let Some(first) = word.chars().next() else {
            return true;
        };
        let to = to.min(self.len());
        let first = unit_of(first);
        (from..to).any(|i| {
            self.units.get(i) == Some(first) && self.eat(i, word).is_some_and(|end| end <= to)
        })
    }

    /// Every index where `word` starts.
    pub fn find_all<'s>(&'s self, word: &'s str) -> impl Iterator<Item = usize> + 's {
        const BLOCK: usize = 32;
        let first = word.chars().next().map(unit_of);
        let len = self.len();
        // Blocks without the first character, nearly all, are passed over at once.
        (0..len.div_ceil(BLOCK))
            .map(|n| n * BLOCK)
            .filter(move |&from| first.is_some_and(|f| self.units.holds(from, BLOCK, f)))
            .flat_map(move |from| from..(from + BLOCK).min(len))
            .filter(move |&i| self.units.get(i) == first)
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
        chinese::count((at..self.len()).map_while(|i| self.char(i))).map(|(v, n)| (v, at + n))
    }
}

/// The years (1990–2099) written before 年 in `prose`: the index of the first digit, the value, and
/// the index of 年.
pub fn years(prose: &Prose<'_>) -> Vec<(usize, u32, usize)> {
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
    use crate::text::fold::{fold_char, Folded};

    /// The prose as it was built before it was walked: every character with its place, pushed one
    /// by one (a left-out piece reached pushes one break unless the prose ends in one).
    fn full_map(text: &str, skip: &[Span]) -> Vec<(char, Span)> {
        let pieces = left_out(skip, text.len());
        let mut out: Vec<(char, Span)> = Vec::new();
        let line_break = |out: &mut Vec<(char, Span)>, at: usize| {
            if out.last().map(|p| p.0) != Some(BREAK) {
                out.push((BREAK, Span::point(at)));
            }
        };
        let mut next = 0;
        for (at, c) in text.char_indices() {
            while next < pieces.len() && pieces[next].start <= at {
                line_break(&mut out, pieces[next].start);
                if at < pieces[next].end {
                    break;
                }
                next += 1;
            }
            if next < pieces.len() && pieces[next].start <= at {
                continue;
            }
            let kept = match (c, fold_char(c)) {
                ('\n', _) => BREAK,
                (_, Folded::Keep(k)) => k,
                (_, Folded::Drop) => continue,
            };
            out.push((kept, Span::new(at, at + c.len_utf8())));
        }
        for piece in &pieces[next..] {
            line_break(&mut out, piece.start);
        }
        out
    }

    #[test]
    fn every_character_and_place_is_the_one_a_full_map_gives() {
        let seed = include_str!("../../../tests/fixtures/seeds/004_d96b637ce0123dd0.txt");
        let spaces = " ".repeat(3 * STRIDE);
        let cases: Vec<(String, Vec<Span>)> = vec![
            (
                seed.to_string(),
                vec![
                    Span::new(0, 40),
                    Span::new(900, 2400),
                    Span::new(2400, 2410),
                ],
            ),
            (
                seed.to_string(),
                vec![Span::new(seed.len() - 30, seed.len() + 10)],
            ),
            (
                format!("甲{spaces}乙\r\n\n丙😀丁{spaces}\n"),
                vec![Span::new(1, 2)],
            ),
            (
                format!("😀𠀀{}", "字 ".repeat(200)),
                vec![Span::new(30, 60), Span::new(61, 90)],
            ),
            (String::new(), vec![]),
            (
                "  \n".repeat(100),
                vec![Span::new(0, 3), Span::new(150, 180)],
            ),
        ];
        for (text, skip) in &cases {
            let prose = Prose::new(text, skip);
            let want = full_map(text, skip);
            assert_eq!(prose.len(), want.len());
            for (i, &(c, span)) in want.iter().enumerate() {
                assert_eq!(prose.char(i), Some(c), "character {i}");
                assert_eq!(prose.span(i, i + 1), span, "place of character {i} ({c:?})");
            }
            if want.len() > 2 {
                let last = want.len() - 1;
                assert_eq!(
                    prose.span(1, last + 1),
                    Span::new(want[1].1.start, want[last].1.end)
                );
            }
            assert_eq!(prose.span(want.len(), want.len() + 1), Span::point(0));
        }
    }

    #[test]
    fn a_prose_of_one_byte_characters_reads_as_one_of_two() {
        let ascii = "Report 2023: 12 items; 7 done! Next?\n\n 1,234 and 56 more. ".repeat(9);
        let narrow = Prose::new(&ascii, &[Span::new(70, 90)]);
        let with_wide = format!("{ascii}字");
        let wide = Prose::new(&with_wide, &[Span::new(70, 90)]);
        assert!(matches!(narrow.units, Units::Narrow(_)));
        assert!(matches!(wide.units, Units::Wide(_)));
        assert_eq!(narrow.len() + 1, wide.len());
        for i in 0..narrow.len() {
            assert_eq!(narrow.char(i), wide.char(i), "character {i}");
            assert_eq!(narrow.span(i, i + 1), wide.span(i, i + 1));
            assert_eq!(narrow.sentence_start(i), wide.sentence_start(i));
            assert_eq!(
                narrow.sentence_end(i).min(narrow.len()),
                wide.sentence_end(i).min(narrow.len())
            );
            assert_eq!(narrow.number(i), wide.number(i));
        }
        for word in ["2023", "items", ";", "字", "e"] {
            let found: Vec<usize> = narrow.find_all(word).collect();
            let found_wide: Vec<usize> =
                wide.find_all(word).filter(|&i| i < narrow.len()).collect();
            assert_eq!(found, found_wide, "{word}");
            assert_eq!(narrow.contains(0, narrow.len(), word), !found.is_empty());
        }
        // One of the nine is in the piece left out.
        assert_eq!(narrow.find_all("items").count(), 8);
    }

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
        let chars: Vec<char> = (0..prose.len()).filter_map(|i| prose.char(i)).collect();
        assert_eq!(chars, ['甲', BREAK, BREAK, '乙']);
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
