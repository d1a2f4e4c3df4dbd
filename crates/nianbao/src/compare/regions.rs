//! Which text of a report X03 compares: its prose — the preamble before 一 and the bodies of parts
//! 一、五 and 六 (with the further pieces of those parts when split) — without the title, the
//! headings and the tables. The template's headings and table labels are the same in every report;
//! counting them would make any two reports look alike.

use super::normal::Normalised;
use super::template_words::template_units;
use crate::parse::Parsed;
use crate::span::Span;
use crate::text::fold::fold_chars;
use crate::text::lines::lines_from;
use crate::text::prose::{is_stop, table_span};

/// The parts whose bodies are prose.
pub const PROSE_PARTS: [u8; 3] = [1, 5, 6];

/// A line without a sentence stop this short (in folded characters) is a heading, a table cell or a
/// label, not prose.
const SHORT_LINE: usize = 16;
/// A line without a sentence stop that opens with a list numeral (「（三）」「2.」「一、」) and is no
/// longer than this is a sub-heading.
const LONGEST_SUB_HEADING: usize = 40;

/// Whether the folded line `folded` opens with a list numeral: 「(一)」, 「(3)」, 「一.」, 「12.」 (folding
/// makes 、 and ． a `.`).
fn opens_with_list_numeral(folded: &[char]) -> bool {
    let numeral = |c: char| c.is_ascii_digit() || crate::text::chinese::is_list_numeral(c);
    match folded {
        ['(', c, ..] => numeral(*c),
        [c, ..] if numeral(*c) => folded
            .iter()
            .find(|&&c| !numeral(c))
            .is_some_and(|&c| c == '.' || c == ')'),
        _ => false,
    }
}

/// Whether `line` is a heading or a table cell rather than prose.
fn is_heading_line(line: &str) -> bool {
    let folded: Vec<char> = fold_chars(line).take(LONGEST_SUB_HEADING + 1).collect();
    if fold_chars(line).any(is_stop) {
        return false;
    }
    folded.len() <= SHORT_LINE
        || (folded.len() <= LONGEST_SUB_HEADING && opens_with_list_numeral(&folded))
}

/// The byte ranges of `parsed` that are prose, each with its part (0 for the preamble), in order.
fn prose_regions(parsed: &Parsed) -> Vec<(Span, u8)> {
    let doc = &parsed.document;
    let len = parsed.text.len();
    let mut heading_starts: Vec<usize> = doc
        .parts
        .iter()
        .filter(|p| p.found)
        .map(|p| p.heading_span.start)
        .chain(doc.extra_headings.iter().map(|e| e.span.start))
        .collect();
    heading_starts.sort_unstable();
    let next_heading = |after: usize| {
        heading_starts
            .iter()
            .copied()
            .find(|&s| s >= after)
            .unwrap_or(len)
    };

    let title_end = doc.title.as_ref().map_or(0, |t| t.span.end);
    let first_heading = heading_starts.first().copied().unwrap_or(len);
    let mut regions = vec![(Span::new(title_end.min(first_heading), first_heading), 0)];
    for number in PROSE_PARTS {
        let part = doc.part(number);
        if part.found {
            regions.push((part.body, number));
        }
        for piece in doc.split_pieces(number) {
            regions.push((
                Span::new(piece.span.end, next_heading(piece.span.end)),
                number,
            ));
        }
    }
    // A handful of regions, nearly always in text order already: sorted by insertion, which the
    // page carries no extra sorting code for.
    for i in 1..regions.len() {
        let mut j = i;
        while j > 0 && regions[j - 1].0.start > regions[j].0.start {
            regions.swap(j - 1, j);
            j -= 1;
        }
    }
    // A split part's body may already run over its further pieces: each byte is taken once.
    let mut taken = 0;
    let mut out = Vec::with_capacity(regions.len());
    for (span, part) in regions {
        let span = Span::new(span.start.max(taken), span.end.min(len));
        if span.start < span.end {
            taken = span.end;
            out.push((span, part));
        }
    }
    out
}

/// `span` without the pieces `skip` covers.
fn without(span: Span, skip: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = span.start;
    for s in skip
        .iter()
        .filter(|s| s.start < span.end && s.end > span.start)
    {
        if s.start > from {
            out.push(Span::new(from, s.start));
        }
        from = from.max(s.end);
    }
    if from < span.end {
        out.push(Span::new(from, span.end));
    }
    out
}

/// The prose of `parsed`, normalised: every line of a prose region that is not a heading, each run
/// of such lines one stretch, without the template's table wording.
pub fn compared_prose(parsed: &Parsed) -> Normalised {
    let doc = &parsed.document;
    let mut skip: Vec<Span> = doc.tables.iter().filter_map(table_span).collect();
    skip.extend(doc.title.as_ref().map(|t| t.span));
    skip.sort_unstable();

    let mut prose = Normalised::default();
    for (region, part) in prose_regions(parsed) {
        for piece in without(region, &skip) {
            let Some(text) = parsed.text.get(piece.start..piece.end) else {
                continue;
            };
            // The byte range of the kept lines gathered since the last heading.
            let mut run: Option<(usize, usize)> = None;
            for (start, line) in lines_from(text, piece.start) {
                if is_heading_line(line) {
                    if let Some((from, to)) = run.take() {
                        prose.push_stretch(&parsed.text[from..to], from, part);
                    }
                    continue;
                }
                let end = start + line.len();
                run = Some(run.map_or((start, end), |(from, _)| (from, end)));
            }
            if let Some((from, to)) = run {
                prose.push_stretch(&parsed.text[from..to], from, part);
            }
        }
    }
    prose.without(&template_units(&prose.units))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_cells_are_not_prose() {
        for line in [
            "（一）政务信息公开工作机构和人员设置情况",
            "一、总体情况",
            "  3.属于三类内部事务信息",
            "\t本年制发件数",
            "0",
            "总体情况",
        ] {
            assert!(is_heading_line(line), "{line}");
        }
        for line in [
            "（一）主动公开。本年度我街道主动公开信息 43 条。",
            "我街道领导高度重视政务公开工作，根据区委、区政府关于政务公开工作的总体要求，由主要领导担任组长",
            "无。",
        ] {
            assert!(!is_heading_line(line), "{line}");
        }
    }

    #[test]
    fn tables_and_the_parts_between_are_left_out() {
        let text = "某街道2022年政府信息公开工作年度报告\n前言写在这里，说明编制依据。\n一、总体情况\n总体情况的正文在这里。\n二、主动公开政府信息情况\n第二部分的文字不比较。\n五、存在的主要问题及改进情况\n问题的正文在这里。\n";
        let parsed = crate::parse::parse(text);
        let prose = compared_prose(&parsed);
        let kept: String = prose.units.iter().collect();
        assert_eq!(
            kept,
            "前言写在这里说明编制依据总体情况的正文在这里问题的正文在这里"
        );
        assert_eq!(prose.parts.first(), Some(&0));
        assert_eq!(prose.parts.last(), Some(&5));
        assert_eq!(prose.stretch_starts.len(), 3);
    }
}
