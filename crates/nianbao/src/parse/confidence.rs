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
}

impl RowShape {
    pub fn of(text: &str, slots: &[Slot], at: Span) -> RowShape {
        let mut shape = RowShape {
            at,
            numbers: 0,
            absent: 0,
            longest: 0,
            largest: 0,
        };
        for slot in slots {
            match *slot {
                Slot::Cell(span) => {
                    let raw = text.get(span.start..span.end).unwrap_or("").trim();
                    if classify(raw) == TokenKind::Number {
                        shape.numbers += 1;
                        if raw.bytes().all(|b| b.is_ascii_digit()) {
                            shape.longest = shape.longest.max(raw.len());
                            shape.largest = shape.largest.max(raw.parse().unwrap_or(u64::MAX));
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
        }
    }

    fn is_short(&self) -> bool {
        self.numbers > 0 && self.absent > 0
    }

    fn is_empty(&self) -> bool {
        self.numbers == 0 && self.absent > 0
    }
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
            let reason = if row.absent > 0 {
                UnreliableReason::GluedCells
            } else {
                UnreliableReason::ImplausibleValues
            };
            return unreliable(reason, row.at);
        }
    }
    if let Some(row) = shapes.iter().find(|r| r.is_short()) {
        // Could the row's numbers be its cells run together? Then they were glued, not lost.
        let glued = row.longest > 1 && row.longest > row.absent;
        let reason = if glued {
            UnreliableReason::GluedCells
        } else {
            UnreliableReason::MisalignedCells
        };
        return unreliable(reason, row.at);
    }
    let with_numbers = shapes.iter().any(|r| r.numbers > 0);
    if with_numbers {
        if let Some(row) = shapes.iter().find(|r| r.is_empty()) {
            return unreliable(UnreliableReason::MisalignedCells, row.at);
        }
    }
    None
}
