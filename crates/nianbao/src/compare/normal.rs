//! Prose reduced to its wording: one unit per ideograph or letter, with punctuation and spaces
//! dropped and every number — Arabic or Chinese, a year, a count, an amount, a telephone number —
//! made one [`NUMBER`] unit. Two sentences whose only changes are their years and figures then read
//! the same. Each unit keeps the byte range it came from, for shading it in the user's text.

use crate::span::Span;
use crate::text::fold::{fold_char, Folded};

/// What every number becomes.
pub const NUMBER: char = '#';

/// A character of a number: a digit (full-width ones are folded to ASCII) or a Chinese numeral.
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(
            c,
            '〇' | '零'
                | '一'
                | '二'
                | '两'
                | '三'
                | '四'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '百'
                | '千'
                | '万'
                | '亿'
        )
}

/// Normalised prose: its units, where each came from, which part it lies in, and where each stretch
/// of prose not interrupted by a left-out heading or table starts.
#[derive(Debug, Default)]
pub struct Normalised {
    pub units: Vec<char>,
    pub spans: Vec<Span>,
    /// The part (1–6) of each unit; 0 for the preamble.
    pub parts: Vec<u8>,
    /// The first unit of each stretch, ascending: repeated passages end where a stretch does.
    pub stretch_starts: Vec<usize>,
}

impl Normalised {
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Appends the text `text`, which starts at byte `offset` of the report, as a new stretch of
    /// part `part`.
    pub fn push_stretch(&mut self, text: &str, offset: usize, part: u8) {
        let first = self.units.len();
        // Whether the last unit pushed is a number that a further numeral continues (punctuation
        // and spaces do not interrupt it: 「1,234」, 「0772-2880187」).
        let mut in_number = false;
        for (at, original) in text.char_indices() {
            let Folded::Keep(c) = fold_char(original) else {
                continue;
            };
            let span = Span::new(offset + at, offset + at + original.len_utf8());
            if is_numeral(c) {
                if in_number {
                    if let Some(last) = self.spans.last_mut() {
                        last.end = span.end;
                    }
                } else {
                    self.push(NUMBER, span, part);
                    in_number = true;
                }
            } else if c.is_alphanumeric() {
                self.push(c.to_ascii_lowercase(), span, part);
                in_number = false;
            }
        }
        if self.units.len() > first {
            self.stretch_starts.push(first);
        }
    }

    /// The units not marked in `drop`; a stretch is cut where dropped units were.
    pub fn without(&self, drop: &[bool]) -> Normalised {
        let mut kept = Normalised::default();
        let mut stretches = self.stretch_starts.iter().peekable();
        // Whether the next unit kept starts a stretch.
        let mut cut = true;
        for i in 0..self.units.len() {
            if stretches.peek() == Some(&&i) {
                stretches.next();
                cut = true;
            }
            if drop.get(i).copied().unwrap_or(false) {
                cut = true;
                continue;
            }
            if cut {
                kept.stretch_starts.push(kept.units.len());
                cut = false;
            }
            kept.push(self.units[i], self.spans[i], self.parts[i]);
        }
        kept
    }

    fn push(&mut self, unit: char, span: Span, part: u8) {
        self.units.push(unit);
        self.spans.push(span);
        self.parts.push(part);
    }

    /// The stretch boundaries as unit ranges, in order.
    pub fn stretches(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.stretch_starts.iter().enumerate().map(|(n, &start)| {
            let end = self
                .stretch_starts
                .get(n + 1)
                .copied()
                .unwrap_or(self.units.len());
            (start, end)
        })
    }

    /// The byte range of units `from..to` (`from < to`).
    pub fn span(&self, from: usize, to: usize) -> Span {
        Span::new(self.spans[from].start, self.spans[to - 1].end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> String {
        let mut n = Normalised::default();
        n.push_stretch(text, 0, 1);
        n.units.iter().collect()
    }

    #[test]
    fn years_and_figures_become_one_unit_each() {
        assert_eq!(
            units("2021年，我街道收到申请１,234件，较上年增加三十二件。"),
            units("二〇二三年 我街道收到申请 5 件；较上年增加 7 件")
        );
        assert_eq!(units("电话：0772-2880187。"), "电话#");
        assert_eq!(units("Http://WWW.gov.cn"), "httpwwwgovcn");
    }

    #[test]
    fn each_unit_maps_back_to_its_bytes() {
        let text = "共 1,234 件。";
        let mut n = Normalised::default();
        n.push_stretch(text, 10, 5);
        assert_eq!(n.units, ['共', NUMBER, '件']);
        let number = n.spans[1];
        assert_eq!(&text[number.start - 10..number.end - 10], "1,234");
        assert_eq!(n.parts, [5, 5, 5]);
        assert_eq!(n.span(0, 3), Span::new(10, 10 + text.find('。').unwrap()));
    }

    #[test]
    fn dropping_units_cuts_the_stretch_there() {
        let mut n = Normalised::default();
        n.push_stretch("甲乙丙丁", 0, 1);
        n.push_stretch("戊己", 20, 5);
        let kept = n.without(&[false, true, false, false, false, false]);
        assert_eq!(kept.units, ['甲', '丙', '丁', '戊', '己']);
        assert_eq!(kept.stretch_starts, [0, 1, 3]);
        assert_eq!(kept.parts, [1, 1, 1, 5, 5]);
        assert_eq!(kept.spans[3], Span::new(20, 23));
    }
}
