//! Where something is in the user's text: the bottom of the stack, used by every layer.

use serde::Serialize;

/// A byte range in the user's original text. `start == end` marks an insertion point (where a missing
/// part should have been).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn point(at: usize) -> Self {
        Span { start: at, end: at }
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}
