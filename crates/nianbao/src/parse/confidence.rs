//! How well a table was read: the shapes of its rows as read, and whether its cells can be trusted.
//!
//! A table whose cells cannot be separated (a page that lost its separators: 「713000074」), whose rows
//! came out short or empty beside full ones (PDF text in content order, a value lost in conversion),
//! or whose counts no report could hold, is reported once as unreadable, and no cell or sum finding is
//! drawn from it: a guess at its columns would produce a storm of false errors.

use crate::model::{Unreliable, UnreliableReason};
use crate::span::Span;
use crate::template::{TableId, TableSpec};
use crate::text::cells::Slot;
use crate::text::number::{classify, TokenKind};

/// More digits than this in one run, with no separator, cannot be one count.
const LONGEST_COUNT_DIGITS: usize = 7;
/// A count of this or more (ten million applications, cases) is not a report's.
const IMPLAUSIBLE_COUNT: u64 = 10_000_000;

/// One row as read.
#[derive(Clone, Copy, Debug)]
pub struct RowShape {
    /// The row's label, or where its cells are.
    at: Span,
    /// Cells holding a number.
    numbers: usize,
    /// Columns after the row's last cell that had no cell at all.
    absent: usize,
    /// The most digits in one of its numbers (plain digit runs only).
    longest: usize,
    /// The largest plain count read.
    largest: u64,
    /// A number of several digits run into the text beside it with no separator (「规章000行政…」).
    glued: Option<Span>,
}

impl RowShape {
    pub fn of(text: &str, slots: &[Slot], at: Span) -> RowShape {
        let mut shape = RowShape {
            at,
            numbers: 0,
            absent: 0,
            longest: 0,
            largest: 0,
            glued: None,
        };
        for slot in slots {
            match *slot {
                Slot::Cell(span) => {
                    let raw = text.get(span.start..span.end).unwrap_or("").trim();
                    let plain = !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit());
                    if plain || classify(raw) == TokenKind::Number {
                        shape.numbers += 1;
                        if plain {
                            shape.longest = shape.longest.max(raw.len());
                            shape.largest = shape.largest.max(raw.parse().unwrap_or(u64::MAX));
                            if raw.len() > 1 && touches_text(text, span) {
                                shape.glued.get_or_insert(span);
                            }
                        }
                    }
                }
                Slot::Empty(_) => {}
                Slot::Absent => shape.absent += 1,
            }
        }
        shape
    }

    /// A row whose numbers are one glued run of digits in the text at `run`.
    pub fn glued(run: Span) -> RowShape {
        RowShape {
            at: run,
            numbers: 1,
            absent: 1,
            longest: run.end - run.start,
            largest: u64::MAX,
            glued: Some(run),
        }
    }

    fn is_short(&self) -> bool {
        self.numbers > 0 && self.absent > 0
    }

    fn is_empty(&self) -> bool {
        self.numbers == 0 && self.absent > 0
    }
}

/// Whether the number at `span` has Chinese text right before or after it, with no separator.
fn touches_text(text: &str, span: Span) -> bool {
    let is_cjk = |c: Option<char>| c.is_some_and(|c| ('\u{3400}'..='\u{9fff}').contains(&c));
    is_cjk(text[..span.start].chars().next_back()) || is_cjk(text[span.end..].chars().next())
}

/// The first run of more digits than a count has in `within`, with nothing between them.
pub fn glued_digits(text: &str, within: Span) -> Option<Span> {
    let body = text.get(within.start..within.end)?;
    let bytes = body.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at].is_ascii_digit() {
            let start = at;
            while at < bytes.len() && bytes[at].is_ascii_digit() {
                at += 1;
            }
            let decimal = bytes.get(at) == Some(&b'.') || (start > 0 && bytes[start - 1] == b'.');
            if at - start > LONGEST_COUNT_DIGITS && !decimal {
                return Some(Span::new(within.start + start, within.start + at));
            }
        } else {
            at += 1;
        }
    }
    None
}

/// Whether the rows read for `spec` can be trusted, and if not, why and where.
pub fn assess(spec: &TableSpec, shapes: &[RowShape]) -> Option<Unreliable> {
    let unreliable = |reason, at: Span| Some(Unreliable { reason, span: at });
    // Counts are bounded in the tables with sums; T2 holds amounts and large decision counts.
    if spec.id != TableId::T2 {
        if let Some(row) = shapes.iter().find(|r| r.largest >= IMPLAUSIBLE_COUNT) {
            return match row.glued {
                Some(at) => unreliable(UnreliableReason::GluedCells, at),
                None => unreliable(UnreliableReason::ImplausibleValues, row.at),
            };
        }
    }
    if let Some(row) = shapes.iter().find(|r| r.is_short()) {
        // Numbers run into the text beside them were glued together; otherwise cells were lost.
        return match row.glued {
            Some(at) => unreliable(UnreliableReason::GluedCells, at),
            None => unreliable(UnreliableReason::MisalignedCells, row.at),
        };
    }
    let with_numbers = shapes.iter().any(|r| r.numbers > 0);
    if with_numbers {
        if let Some(row) = shapes.iter().find(|r| r.is_empty()) {
            return unreliable(UnreliableReason::MisalignedCells, row.at);
        }
    }
    None
}
