//! Where a part heading's numeral and title lie in the text, so that S03 and S04 can each fix their
//! piece without touching the other's.

use crate::model::Part;
use crate::parse::Parsed;
use crate::span::Span;
use crate::text::chinese::is_space;

/// The two pieces of a found heading.
pub(crate) struct HeadingPieces {
    /// The numeral as written and the spaces after it; empty, just before the title, when there is
    /// none.
    pub numeral: Span,
    /// The title, to the end of the heading.
    pub title: Span,
}

pub(crate) fn pieces(parsed: &Parsed, part: &Part) -> Option<HeadingPieces> {
    let span = part.heading_span;
    let line = parsed.text.get(span.start..span.end)?;
    // Markdown marks and spaces before the numeral stay as they are.
    let marks = line.len()
        - line
            .trim_start_matches(|c: char| c == '#' || is_space(c))
            .len();
    let written = part.numeral.as_deref().unwrap_or("");
    let after_marks = &line[marks..];
    if !after_marks.starts_with(written) {
        return None;
    }
    let rest = &after_marks[written.len()..];
    let title_at = marks + written.len() + (rest.len() - rest.trim_start_matches(is_space).len());
    let title_end = line.trim_end_matches(is_space).len();
    (title_at < title_end).then(|| HeadingPieces {
        numeral: Span::new(span.start + marks, span.start + title_at),
        title: Span::new(span.start + title_at, span.start + title_end),
    })
}
