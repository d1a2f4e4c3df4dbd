//! Finding the six parts: which heading line is which part, split parts, extra parts, and where each
//! part's body runs.

use super::headings::{
    inline_headings, is_table_label, read_heading, HeadingLine, Numeral, TitleMatch,
    FIRST_EXTRA_NUMERAL, LONGEST_EXTRA_TITLE,
};
use crate::model::{ExtraHeading, ExtraKind, Part};
use crate::span::Span;
use crate::template::PARTS;
use crate::text::{Dense, LineIndex};

/// The top-level structure of a report.
pub struct Outline {
    pub parts: Vec<Part>,
    pub extras: Vec<ExtraHeading>,
}

pub fn find_parts(text: &str, dense: &Dense, lines: &LineIndex) -> Outline {
    let mut found: [Option<HeadingLine>; 6] = Default::default();
    let mut extras: Vec<(ExtraKind, Option<u8>, HeadingLine)> = Vec::new();
    // The numeral of the last top-level heading, and the part it opened: a later heading that repeats
    // that part is a split piece only when it continues the numbering; otherwise it is a sub-heading.
    let mut last_numeral = 0;
    let mut last_part = 0u8;

    let mut headings = Vec::new();
    for (start, line, folded) in dense.lines() {
        headings.clear();
        match read_heading(line, start, folded, last_numeral + 1) {
            Some(heading) => headings.push(heading),
            // A line that is no heading may hold some where its line breaks were lost.
            None if folded.contains('.') => {
                let base = dense.to_folded(start);
                headings.extend(inline_headings(line, start, folded, |from, to| {
                    dense.to_original(base + from, base + to)
                }));
            }
            None => {}
        }
        for heading in headings.drain(..) {
            match heading.part {
                Some((number, _)) => {
                    let index = usize::from(number - 1);
                    let value = heading.numeral.value().unwrap_or(u32::from(number));
                    let renamed =
                        |h: &HeadingLine| matches!(h.part, Some((_, TitleMatch::Renamed)));
                    // A look-alike found by key words gives way to the part's own title.
                    let look_alike = found[index]
                        .as_ref()
                        .is_some_and(|f| renamed(f) && !renamed(&heading));
                    if found[index].is_none() || look_alike {
                        if let Some(old) = found[index].take() {
                            // The look-alike and any pieces it seemed split into were sections
                            // of their own.
                            for extra in extras.iter_mut() {
                                if extra.0 == ExtraKind::Split && extra.1 == Some(number) {
                                    *extra = (ExtraKind::Extra, None, extra.2.clone());
                                }
                            }
                            extras.push((ExtraKind::Extra, None, old));
                        }
                        found[index] = Some(heading);
                        last_numeral = value;
                        last_part = number;
                    } else if number == last_part && value == last_numeral + 1 {
                        last_numeral = value;
                        extras.push((ExtraKind::Split, Some(number), heading));
                    }
                }
                None => {
                    if let Numeral::Chinese(value) = heading.numeral {
                        let short = heading.title.chars().count() <= LONGEST_EXTRA_TITLE
                            && !heading.title.contains(['。', ',']);
                        // Below 七, a heading continuing the numbering is an extra section only
                        // on a line of its own (not a table cell) and when no table label reads so.
                        let extra_ok = value >= FIRST_EXTRA_NUMERAL
                            || (!line.starts_with('\t') && !is_table_label(&heading));
                        if value == last_numeral + 1 && short && extra_ok {
                            last_numeral = value;
                            extras.push((ExtraKind::Extra, None, heading));
                        }
                    }
                }
            }
        }
    }

    // Every top-level heading in text order bounds the body of the one before it.
    let mut starts: Vec<usize> = found.iter().flatten().map(|h| h.span.start).collect();
    starts.extend(extras.iter().map(|(_, _, h)| h.span.start));
    starts.sort_unstable();
    let body_end = |after: usize| {
        starts
            .iter()
            .copied()
            .find(|&s| s > after)
            .unwrap_or(text.len())
    };

    let mut parts: Vec<Part> = PARTS
        .iter()
        .zip(found.iter())
        .map(|(spec, heading)| match heading {
            Some(h) => {
                // A split part's body runs over all its pieces.
                let last_piece = extras
                    .iter()
                    .filter(|(kind, part, _)| {
                        *kind == ExtraKind::Split && *part == Some(spec.number)
                    })
                    .map(|(_, _, piece)| piece.span.start)
                    .max()
                    .unwrap_or(h.span.start);
                Part {
                    number: spec.number,
                    standard: spec.heading,
                    found: true,
                    heading: Some(h.text.clone()),
                    numeral: Some(h.numeral_text.clone()),
                    title_match: h.part.map(|(_, m)| m),
                    heading_span: h.span,
                    body: Span::new(h.span.end, body_end(last_piece)),
                    line: lines.line_of(h.span.start),
                }
            }
            None => Part {
                number: spec.number,
                standard: spec.heading,
                found: false,
                heading: None,
                numeral: None,
                title_match: None,
                heading_span: Span::point(0),
                body: Span::point(0),
                line: 0,
            },
        })
        .collect();

    place_missing_parts(text, &mut parts);
    for part in parts.iter_mut().filter(|p| !p.found) {
        part.line = lines.line_of(part.heading_span.start);
    }

    let extras = extras
        .into_iter()
        .map(|(kind, part, h)| ExtraHeading {
            kind,
            part,
            line: lines.line_of(h.span.start),
            heading: h.text,
            span: h.span,
        })
        .collect();
    Outline { parts, extras }
}

/// Gives a missing part the place it should have had: before the next part found, or at the end.
/// Its "body" is the gap between its neighbours, where its table (if any) is looked for.
fn place_missing_parts(text: &str, parts: &mut [Part]) {
    let end = text.trim_end().len();
    for i in 0..parts.len() {
        if parts[i].found {
            continue;
        }
        let previous = parts[..i]
            .iter()
            .rev()
            .find(|p| p.found)
            .map(|p| p.heading_span.end);
        let next = parts[i + 1..]
            .iter()
            .find(|p| p.found)
            .map(|p| p.heading_span.start);
        let at = match (previous, next) {
            (_, Some(next)) => next,
            (Some(_), None) => end,
            (None, None) => 0,
        };
        parts[i].heading_span = Span::point(at);
        parts[i].body = Span::new(
            previous.unwrap_or(0),
            next.unwrap_or(text.len()).max(previous.unwrap_or(0)),
        );
    }
}

/// Where a part without a heading of its own should start when nothing precedes it: after the title.
pub fn place_first_part_after(parts: &mut [Part], title_end: usize, lines: &LineIndex, text: &str) {
    let Some(first) = parts.first_mut() else {
        return;
    };
    if first.found {
        return;
    }
    let next_found = first.heading_span.start;
    // The first non-blank character after the title, if that comes before the next part found.
    let after_title = title_end + (text.len() - title_end - text[title_end..].trim_start().len());
    if after_title < next_found {
        first.heading_span = Span::point(after_title);
        first.line = lines.line_of(after_title);
    }
}
