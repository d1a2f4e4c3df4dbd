//! What the prose is, one step at a time: the text's characters folded, a line break kept as
//! [`BREAK`], and each left-out piece standing as one [`BREAK`] at its start (none when the prose
//! already ends in one). The prose is built by walking the whole text once; a character's place in
//! the text is found again by resuming the walk from the mark before it, so the prose need not keep
//! five bytes of place for every character.

use super::BREAK;
use crate::span::Span;
use crate::text::fold::{fold_char, Folded};

/// One step of the walk.
pub(super) enum Step {
    /// A character of the prose, with the original byte offset it starts at and its original byte
    /// length (0 for a break standing for a left-out piece).
    Char(char, u32, u8),
    /// A character folding drops, or a left-out piece passed over.
    Passed,
}

/// Where a walk is: enough to resume it (with whether the prose so far ends in a break).
#[derive(Clone, Copy, Default)]
pub(super) struct Place {
    /// The original byte offset of the next character to read.
    pub at: u32,
    /// The next left-out piece not yet passed.
    pub piece: u32,
}

pub(super) struct Walk<'w> {
    original: &'w str,
    pieces: &'w [Span],
    place: Place,
    ends_in_break: bool,
}

impl<'w> Walk<'w> {
    pub fn new(original: &'w str, pieces: &'w [Span]) -> Self {
        Walk::resume(original, pieces, Place { at: 0, piece: 0 }, false)
    }

    pub fn resume(
        original: &'w str,
        pieces: &'w [Span],
        place: Place,
        ends_in_break: bool,
    ) -> Self {
        Walk {
            original,
            pieces,
            place,
            ends_in_break,
        }
    }

    pub fn place(&self) -> Place {
        self.place
    }

    /// The next step, or `None` at the end of the text (and of the pieces).
    pub fn step(&mut self) -> Option<Step> {
        let at = self.place.at as usize;
        if let Some(piece) = self
            .pieces
            .get(self.place.piece as usize)
            .filter(|p| p.start <= at)
        {
            if !self.ends_in_break {
                self.ends_in_break = true;
                return Some(Step::Char(BREAK, piece.start as u32, 0));
            }
            if at < piece.end {
                self.place.at = self.boundary_from(piece.end) as u32;
            }
            self.place.piece += 1;
            return Some(Step::Passed);
        }
        let c = self.original.get(at..)?.chars().next()?;
        self.place.at += c.len_utf8() as u32;
        let kept = if c == '\n' {
            BREAK
        } else {
            match fold_char(c) {
                Folded::Keep(kept) => kept,
                Folded::Drop => return Some(Step::Passed),
            }
        };
        self.ends_in_break = kept == BREAK;
        Some(Step::Char(kept, at as u32, c.len_utf8() as u8))
    }

    /// The first character boundary at or after `at` (a piece's end lies on one; this keeps a walk
    /// whole if it does not).
    fn boundary_from(&self, at: usize) -> usize {
        let mut at = at.min(self.original.len());
        while !self.original.is_char_boundary(at) {
            at += 1;
        }
        at
    }
}
