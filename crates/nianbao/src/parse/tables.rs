//! Reading T2, T3 and T4 by the template: find each declared label in order (tolerant to the noise of
//! pasting), then read the cells that follow it. Each table is read under both format versions and the
//! version that explains more of the text wins.

use super::confidence::{self, RowShape};
use super::content_order;
use crate::model::{Cell, HeaderIssue, LabelMatch, Row, Table};
use crate::span::Span;
use crate::template::{self, RowSpec, SectionSpec, TableId, TableSpec, Version};
use crate::text::cells::{
    first_value_line, number_before_heading, order_by_column, read_row, rows_of_numbers, Slot,
};
use crate::text::dense::is_piece_of;
use crate::text::fold::{fold_chars, fold_static, fold_str};
use crate::text::number::{classify, read_cell, TokenKind};
use crate::text::Dense;

/// A label found in the text.
#[derive(Clone, Copy, Debug)]
struct Anchor {
    span: Span,
    how: LabelMatch,
    /// Where the row's numbers start when they sit inside the label (a label wrapped around the
    /// line of numbers in PDF text); after the label otherwise.
    values_at: Option<usize>,
}

/// Finds a row's label: as the template prints it, then as a known alias, then by its key words.
///
/// `groups` are the labels of the groups the row is in: PDF text can wrap them character by character
/// into the row labels' column (「（三 1.属⏎）不 于国⏎予公 家秘」), which changes nothing in the label.
fn find_label(
    dense: &Dense,
    row: &RowSpec,
    groups: &[&'static str],
    within: Span,
) -> Option<Anchor> {
    let label = fold_static(row.label);
    let exact = dense.find(label, within).map(|span| Anchor {
        span,
        how: LabelMatch::Exact,
        values_at: None,
    });
    exact
        .or_else(|| {
            dense
                .find_around_numbers(label, within)
                .map(|(span, numbers)| Anchor {
                    span,
                    how: LabelMatch::Exact,
                    values_at: numbers,
                })
        })
        .or_else(|| {
            find_among_group_characters(dense, label, groups, within).map(|span| Anchor {
                span,
                how: LabelMatch::Exact,
                values_at: None,
            })
        })
        .or_else(|| {
            row.aliases
                .iter()
                .find_map(|a| dense.find(fold_static(a), within))
                .map(|span| Anchor {
                    span,
                    how: LabelMatch::Deviating,
                    values_at: None,
                })
        })
        .or_else(|| {
            (!row.has_values)
                .then(|| find_shortened_group(dense, label, within))
                .flatten()
                .map(|span| Anchor {
                    span,
                    how: LabelMatch::Deviating,
                    values_at: None,
                })
        })
        .or_else(|| {
            (row.key_text.chars().count() >= 3)
                .then(|| dense.find(fold_static(row.key_text), within))
                .flatten()
                .map(|span| Anchor {
                    span,
                    // Its line only a piece of the label: the label was wrapped, not reworded.
                    how: if dense.line_is_piece_of(span.start, label) {
                        LabelMatch::Exact
                    } else {
                        LabelMatch::Deviating
                    },
                    values_at: None,
                })
        })
}

/// The most digits [`find_among_group_characters`] lets into a label: one table 4 row's fifteen
/// numbers of up to four digits, with room to spare.
const MOST_DIGITS_IN_LABEL: usize = 96;

/// A group label written with its numeral and only the start of its words (「(六) 其他」 for
/// 「（六）其他处理」), alone at the start of a line or cell: `label` is folded.
fn find_shortened_group(dense: &Dense, label: &str, within: Span) -> Option<Span> {
    let numeral_end = label.find(')')? + 1;
    let (numeral, words) = label.split_at(numeral_end);
    let text = dense.original();
    let at = dense.find(numeral, within)?;
    let line_start = text[..at.start].rfind('\n').map_or(0, |i| i + 1);
    let lead_only = text[line_start..at.start]
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '#' | '|' | '*' | '\u{3000}'));
    let rest = &text[at.end..];
    let cell = &rest[..rest.find(['\n', '|', '\t']).unwrap_or(rest.len())];
    let written = fold_str(cell);
    let shortened =
        written.chars().count() >= 2 && words.starts_with(written.as_str()) && written != words;
    if !lead_only || !shortened {
        return None;
    }
    // The rest starting a later line is the label wrapped (PDF text), not shortened.
    let missing = &words[written.len()..];
    let end = within.end.min(text.len());
    let wrapped = text[at.end..end]
        .lines()
        .skip(1)
        .any(|line| fold_str(line).starts_with(missing));
    (!wrapped).then(|| Span::new(at.start, at.end + cell.trim_end().len()))
}

/// `label` with characters of `groups` (or digits, and nothing else) between its own, in order.
fn find_among_group_characters(
    dense: &Dense,
    label: &str,
    groups: &[&'static str],
    within: Span,
) -> Option<Span> {
    let noise: Vec<char> = groups.iter().flat_map(|g| fold_static(g).chars()).collect();
    let want: Vec<char> = label.chars().collect();
    let first = *want.first()?;
    if noise.is_empty() || want.len() < 3 {
        return None;
    }
    let from = dense.to_folded(within.start);
    let to = dense.to_folded(within.end);
    let hay = dense.folded().get(from..to)?;
    for (at, _) in hay.match_indices(first) {
        // A label's own number (「7.」) starts a number: inside a run of digits every start
        // would scan the same run again.
        if first.is_ascii_digit() && hay[..at].ends_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let mut next = 1;
        let mut skipped = 0;
        let mut digits = 0;
        let mut end = at + first.len_utf8();
        for h in hay[end..].chars() {
            crate::work::add(1);
            if next == want.len() {
                break;
            }
            if h == want[next] {
                next += 1;
            } else if noise.contains(&h) && skipped < noise.len() {
                skipped += 1;
            } else if h.is_ascii_digit() && digits < MOST_DIGITS_IN_LABEL {
                // Content-order text can also put other rows' numbers inside a wrapped label;
                // bounded, or a run of digits would be rescanned from each of its characters.
                skipped += 1;
                digits += 1;
            } else {
                break;
            }
            end += h.len_utf8();
        }
        if next == want.len() && skipped > 0 {
            return Some(dense.to_original(from + at, from + end));
        }
    }
    None
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            current[j + 1] = (previous[j] + usize::from(ca != cb))
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// For each of the `missing` headers, the first cell of `region` (between tabs, pipes and line
/// breaks) that is a slightly mistyped form of it (「本年度止件数」 for 「本年废止件数」): its text and span.
///
/// One pass over the region, each cell folded into one reused buffer and only as far as the longest
/// header allows: a region can be the whole text (no row label found), and keeping its cells (a
/// 4-byte character each) held five times the text.
fn near_headers(text: &str, region: Span, missing: &[&'static str]) -> Vec<Option<(String, Span)>> {
    let wanted: Vec<(Vec<char>, usize)> = missing
        .iter()
        .map(|h| {
            let want: Vec<char> = fold_static(h).chars().collect();
            let tolerance = if want.len() >= 8 { 2 } else { 1 };
            (want, tolerance)
        })
        .collect();
    let longest = wanted.iter().map(|(w, t)| w.len() + t).max().unwrap_or(0);
    let mut near = vec![None; missing.len()];
    let mut unmatched = missing.len();
    let mut folded: Vec<char> = Vec::with_capacity(longest + 1);
    let mut at = region.start;
    for raw in text[region.start..region.end].split(['\t', '|', '\n']) {
        if unmatched == 0 {
            break;
        }
        let cell_at = at;
        at += raw.len() + 1;
        folded.clear();
        folded.extend(fold_chars(raw).take(longest + 1));
        if folded.is_empty() || folded.len() > longest {
            continue;
        }
        for ((want, tolerance), found) in wanted.iter().zip(near.iter_mut()) {
            if found.is_some()
                || folded.len().abs_diff(want.len()) > *tolerance
                || edit_distance(&folded, want) > *tolerance
            {
                continue;
            }
            let lead = raw.len() - raw.trim_start().len();
            let trimmed = raw.trim();
            let start = cell_at + lead;
            *found = Some((trimmed.to_string(), Span::new(start, start + trimmed.len())));
            unmatched -= 1;
        }
    }
    near
}

/// One table read under one version, with how well that version explains the text.
struct Reading {
    table: Table,
    /// Labels found (exact counts two, deviating one), less numbers that belong to no row.
    score: i64,
}

impl Reading {
    fn rows_missing(&self) -> usize {
        self.table
            .rows
            .iter()
            .filter(|r| !r.found && !r.label.is_empty())
            .count()
    }
}

/// Where each section's labels may be: from its caption to the next section's caption.
fn section_bounds(dense: &Dense, spec: &TableSpec, region: Span) -> Vec<(Option<Anchor>, Span)> {
    let mut captions = Vec::with_capacity(spec.sections.len());
    let mut cursor = region.start;
    for section in spec.sections {
        let found = section
            .caption
            .and_then(|c| dense.find(fold_static(c), Span::new(cursor, region.end)));
        if let Some(span) = found {
            cursor = span.end;
        }
        captions.push(found.map(|span| Anchor {
            span,
            how: LabelMatch::Exact,
            values_at: None,
        }));
    }
    let mut bounds = Vec::with_capacity(captions.len());
    let mut start = region.start;
    for (i, caption) in captions.iter().enumerate() {
        let from = caption.map_or(start, |c| c.span.end);
        let to = captions[i + 1..]
            .iter()
            .flatten()
            .next()
            .map_or(region.end, |c| c.span.start);
        bounds.push((*caption, Span::new(from, to.max(from))));
        start = to.max(from);
    }
    bounds
}

/// The section's row labels in template order, each after the one before, within `bounds`.
fn find_anchors(
    dense: &Dense,
    section: &'static SectionSpec,
    bounds: Span,
) -> Vec<(&'static RowSpec, Option<Anchor>)> {
    let mut cursor = bounds.start;
    let mut anchors = Vec::with_capacity(section.rows.len());
    let mut groups: Vec<&'static str> = Vec::new();
    for row in section.rows {
        if row.label.is_empty() {
            anchors.push((row, None));
            continue;
        }
        if !row.has_values {
            // The table-wide group (「三、本年度办理结果」) stays; a new sub-group replaces the last.
            groups.truncate(1);
            groups.push(row.label);
        }
        let anchor = find_label(dense, row, &groups, Span::new(cursor, bounds.end));
        // A group label spans its rows: PDF text puts it anywhere among them (often after the
        // first), so it does not move the search on.
        if let Some(a) = anchor.filter(|_| row.has_values) {
            cursor = a.values_at.unwrap_or(a.span.end).max(a.span.end);
        }
        anchors.push((row, anchor));
    }
    anchors
}

/// One (sub-)table as read.
struct SectionRead {
    rows: Vec<Row>,
    shapes: Vec<RowShape>,
    score: i64,
    /// Evidence that the section is in the text at all; header words alone may be prose.
    found: bool,
    header_issues: Vec<HeaderIssue>,
}

fn read_table(text: &str, dense: &Dense, spec: &'static TableSpec, region: Span) -> Reading {
    let mut score = 0i64;
    let mut rows = Vec::new();
    let mut header_issues = Vec::new();
    let mut found_any = false;
    let mut shapes: Vec<RowShape> = Vec::new();
    for ((caption, bounds), section) in section_bounds(dense, spec, region)
        .into_iter()
        .zip(spec.sections)
    {
        let read = read_section(text, dense, spec, section, caption, bounds, region);
        score += read.score;
        found_any |= read.found;
        rows.extend(read.rows);
        shapes.extend(read.shapes);
        header_issues.extend(read.header_issues);
    }
    Reading {
        table: Table {
            id: spec.id,
            version: spec.version,
            found: found_any,
            region,
            unreliable: found_any
                .then(|| confidence::assess(spec, &shapes))
                .flatten(),
            rows,
            header_issues,
        },
        score,
    }
}

/// Where the section's labels are: under its caption, or anywhere in the table for a sub-table whose
/// rows a converter moved after the next captions. Returns them and the bounds they were found in.
fn locate_rows(
    dense: &Dense,
    spec: &'static TableSpec,
    section: &'static SectionSpec,
    caption: Option<Anchor>,
    bounds: Span,
    region: Span,
) -> (Vec<(&'static RowSpec, Option<Anchor>)>, Span) {
    let anchors = find_anchors(dense, section, bounds);
    if spec.sections.len() > 1
        && caption.is_some()
        && anchors
            .iter()
            .all(|(row, a)| a.is_none() || !row.has_values)
    {
        let anywhere = find_anchors(dense, section, region);
        if anywhere.iter().any(|(_, a)| a.is_some()) {
            return (anywhere, Span::new(region.start, region.end));
        }
    }
    (anchors, bounds)
}

/// Reads one section: its labels and headers, the cells after each label, then, for a one-section
/// table the labels could not place, its rows of numbers or its numbers in content order.
fn read_section(
    text: &str,
    dense: &Dense,
    spec: &'static TableSpec,
    section: &'static SectionSpec,
    caption: Option<Anchor>,
    bounds: Span,
    region: Span,
) -> SectionRead {
    let (anchors, bounds) = locate_rows(dense, spec, section, caption, bounds, region);
    let mut score = if caption.is_some() { 2 } else { 0 };
    for a in anchors.iter().filter_map(|(_, a)| a.as_ref()) {
        score += if a.how == LabelMatch::Exact { 2 } else { 1 };
    }
    let first_label = anchors
        .iter()
        .filter_map(|(_, a)| a.map(|a| a.span.start))
        .min()
        .unwrap_or(bounds.end);
    let header_region = Span::new(bounds.start, first_label.max(bounds.start));
    // A captioned sub-table is small: its header may be anywhere in it.
    let later = caption.is_some().then_some(bounds);
    let headers = read_headers(text, dense, section, header_region, later);
    score += headers.found as i64;
    let header_end = headers.end;
    let mut read = SectionRead {
        rows: Vec::new(),
        shapes: Vec::new(),
        score,
        found: caption.is_some()
            || anchors.iter().any(|(_, a)| a.is_some())
            || headers.found >= MIN_HEADERS_AS_EVIDENCE.min(section.headers.len()),
        header_issues: Vec::new(),
    };
    let layout = SectionLayout {
        bounds,
        header_region,
        header_end,
        first_label,
    };
    read_labelled_rows(text, dense, section, &anchors, &layout, &mut read);
    if spec.sections.len() == 1 {
        reread_as_rows_of_numbers(text, spec, section, &layout, &mut read);
    }
    // A sub-table's numbers, in content order, stay under its caption.
    reread_in_content_order(text, dense, spec, section, &anchors, &layout, &mut read);
    if read.found {
        read.header_issues = headers.issues;
        // A group label written otherwise is a label deviating from the template, like a header.
        for (row, anchor) in &anchors {
            if let Some(a) = anchor.filter(|a| !row.has_values && a.how == LabelMatch::Deviating) {
                read.header_issues.push(HeaderIssue {
                    expected: row.label,
                    found: Some(text[a.span.start..a.span.end].trim().to_string()),
                    span: a.span,
                });
            }
        }
    }
    read
}

/// Where a section's parts are in the text.
struct SectionLayout {
    bounds: Span,
    header_region: Span,
    /// Where the last header found ends.
    header_end: Option<usize>,
    /// Where the first label found starts (the bounds' end when none).
    first_label: usize,
}

/// Each row's cells after its label (or, for rows whose labels were not found, the rows of numbers
/// between found ones).
fn read_labelled_rows(
    text: &str,
    dense: &Dense,
    section: &'static SectionSpec,
    anchors: &[(&'static RowSpec, Option<Anchor>)],
    layout: &SectionLayout,
    read: &mut SectionRead,
) {
    let SectionLayout {
        bounds,
        header_region,
        header_end,
        ..
    } = *layout;
    // Where each label starts, in text order: a row's cells run to the next label, whichever.
    let mut starts: Vec<usize> = anchors
        .iter()
        .filter_map(|(_, a)| a.map(|a| a.span.start))
        .collect();
    starts.sort_unstable();
    let mut filled = fill_unlabelled_rows(text, anchors, section.columns.len(), bounds);
    for (index, (row, anchor)) in anchors.iter().enumerate() {
        if let Some((slots, label_span)) = filled[index].take() {
            let segment = Span::new(
                slot_span(&slots[0]).start,
                slots.last().map_or(0, |s| slot_span(s).end),
            );
            read.rows.push(Row {
                key: row.key,
                label: row.label,
                section: section.caption,
                found: true,
                label_match: Some(match (anchor, label_span) {
                    (Some(a), _) => a.how,
                    // What is left of the label is a piece of it: wrapped, not reworded.
                    (None, Some(at))
                        if is_piece_of(&text[at.start..at.end], fold_static(row.label)) =>
                    {
                        LabelMatch::Exact
                    }
                    (None, _) => LabelMatch::Deviating,
                }),
                label_span: anchor.map(|a| a.span).or(label_span),
                cells: {
                    read.shapes
                        .push(RowShape::of(text, &slots, slot_span(&slots[0])));
                    cells_of(text, section, &slots, segment)
                },
            });
            continue;
        }
        let next_label = |after: usize| {
            starts
                .iter()
                .copied()
                .find(|&s| s >= after)
                .unwrap_or(bounds.end)
        };
        let (segment, after_label) = match anchor {
            Some(a) => {
                let from = a.values_at.unwrap_or(a.span.end);
                (
                    Span::new(from, next_label(a.span.end).max(from)),
                    a.values_at.is_none(),
                )
            }
            None if row.label.is_empty() => {
                // An unlabelled row: its numbers start on the first line of numbers after the header.
                let from = header_end.unwrap_or(header_region.end);
                match first_value_line(text, Span::new(from, bounds.end)) {
                    Some(start) => {
                        read.found = true;
                        (Span::new(start, bounds.end), false)
                    }
                    None => match numbers_after_header(
                        text,
                        Span::new(from, bounds.end),
                        section.columns.len(),
                    )
                    .filter(|_| read.found)
                    {
                        // Line breaks lost: exactly the row's numbers right after the header.
                        Some(start) => (Span::new(start, bounds.end), false),
                        None => {
                            // No line of numbers: the row is blank, or its numbers are glued to
                            // the header text (a page whose line breaks were lost).
                            let glued_run = read
                                .found
                                .then(|| {
                                    confidence::glued_digits(text, Span::new(from, bounds.end))
                                })
                                .flatten();
                            if let Some(run) = glued_run {
                                read.shapes.push(RowShape::glued(run));
                            }
                            (Span::point(from), false)
                        }
                    },
                }
            }
            None => (Span::point(bounds.end), true),
        };
        let mut slots = read_row(text, segment, section.columns.len(), after_label);
        order_by_column(text, &mut slots);
        if row.label.is_empty() && slots.contains(&Slot::Absent) {
            // Table 4 as three sub-tables (or its groups in another order): each group read
            // under its own header.
            if let Some(by_band) = read_by_bands(text, dense, section, bounds) {
                read.found = true;
                slots = by_band;
            }
        }
        if !row.has_values {
            // Numbers after a group label belong to no row: this version does not fit the text.
            let stray = slots.iter().any(|s| matches!(s, Slot::Cell(sp) if classify(&text[sp.start..sp.end]) == TokenKind::Number));
            if anchor.is_some() && stray {
                read.score -= 4;
            }
            continue;
        }
        // An unlabelled row of a table that is there is present even when blank.
        let present = anchor.is_some() || (row.label.is_empty() && read.found);
        let cells = if present {
            read.shapes.push(RowShape::of(
                text,
                &slots,
                anchor.map_or(Span::point(segment.start), |a| a.span),
            ));
            cells_of(text, section, &slots, segment)
        } else {
            Vec::new()
        };
        read.rows.push(Row {
            key: row.key,
            label: row.label,
            section: section.caption,
            found: present,
            label_match: anchor
                .map(|a| a.how)
                .or(present.then_some(LabelMatch::Exact)),
            label_span: anchor.map(|a| a.span),
            cells,
        });
    }
}

fn reread_as_rows_of_numbers(
    text: &str,
    spec: &'static TableSpec,
    section: &'static SectionSpec,
    layout: &SectionLayout,
    read: &mut SectionRead,
) {
    let SectionLayout {
        bounds,
        header_end,
        first_label,
        ..
    } = *layout;
    // Labels too broken to place every row (a narrow label column in PDF text spreads each label
    // over many lines, beside its group's): the rows of numbers, in order, are the rows.
    let placed = &read.rows;
    let clean = placed.iter().all(|r| r.found) && confidence::assess(spec, &read.shapes).is_none();
    if !clean && placed.iter().all(|r| !r.label.is_empty()) {
        let from = header_end.map_or(first_label, |e| e.min(first_label));
        let n = section.columns.len();
        if let Some(lines) = rows_of_numbers(text, Span::new(from, bounds.end), n, placed.len()) {
            read.shapes.clear();
            for (row, slots) in read.rows.iter_mut().zip(lines) {
                let segment = Span::new(
                    slot_span(&slots[0]).start,
                    slots.last().map_or(0, |s| slot_span(s).end),
                );
                read.shapes.push(RowShape::of(text, &slots, segment));
                row.cells = cells_of(text, section, &slots, segment);
                // Key words found among the fragments say nothing about the label's wording.
                row.found = true;
                row.label_match = Some(LabelMatch::Exact);
            }
        }
    }
}

/// Where the first of the section's headers is written in `bounds`.
fn first_header(dense: &Dense, section: &SectionSpec, bounds: Span) -> Option<usize> {
    section
        .headers
        .iter()
        .filter_map(|h| dense.find(fold_static(h), bounds))
        .map(|at| at.start)
        .min()
}

fn reread_in_content_order(
    text: &str,
    dense: &Dense,
    spec: &'static TableSpec,
    section: &'static SectionSpec,
    anchors: &[(&'static RowSpec, Option<Anchor>)],
    layout: &SectionLayout,
    read: &mut SectionRead,
) {
    let SectionLayout {
        bounds,
        first_label,
        ..
    } = *layout;
    let still_unclear =
        !read.rows.iter().all(|r| r.found) || confidence::assess(spec, &read.shapes).is_some();
    let every_label_found = anchors
        .iter()
        .all(|(row, a)| !row.has_values || (!row.label.is_empty() && a.is_some()));
    // A table without row labels (table 4): its numbers follow its header, and may run on past
    // the next heading.
    let unlabelled = anchors
        .iter()
        .all(|(row, _)| !row.has_values || row.label.is_empty());
    let start = if unlabelled && read.found {
        first_header(dense, section, bounds)
    } else {
        Some(first_label).filter(|_| every_label_found)
    };
    if let Some(start) = start.filter(|_| still_unclear) {
        let placed = read.rows.len();
        if let Some(lines) = content_order::rows_in_content_order(
            text,
            Span::new(start, bounds.end),
            section.columns.len(),
            placed,
            unlabelled.then_some(section.headers),
        ) {
            let mut reread: Vec<Row> = read.rows.clone();
            let mut read_shapes = Vec::with_capacity(lines.len());
            for (row, slots) in reread.iter_mut().zip(&lines) {
                let segment = Span::new(
                    slot_span(&slots[0]).start,
                    slots.last().map_or(0, |s| slot_span(s).end),
                );
                read_shapes.push(RowShape::of(text, slots, segment));
                row.cells = cells_of(text, section, slots, segment);
                row.found = true;
            }
            let (broken, checked) = content_order::broken_sums(spec, section, &reread);
            // A typo breaks two or three sums; a different content order breaks most.
            if broken * 3 <= checked {
                read.rows = reread;
                read.shapes = read_shapes;
            }
        }
    }
}

/// The cells of an unlabelled row whose column groups (bands) each have a header of their own, read
/// group by group: after each band's header, its first line of numbers, holding exactly the band's
/// cells. `None` unless every band is found so.
fn read_by_bands(
    text: &str,
    dense: &Dense,
    section: &SectionSpec,
    bounds: Span,
) -> Option<Vec<Slot>> {
    let mut bands: Vec<(&'static str, usize)> = Vec::new();
    for column in section.columns {
        match bands.last_mut() {
            Some((band, count)) if *band == column.band => *count += 1,
            _ => bands.push((column.band, 1)),
        }
    }
    if bands.len() < 2 || bands.iter().any(|(band, _)| band.is_empty()) {
        return None;
    }
    // Every place a band's header is written, to bound the numbers under each.
    let mut headers: Vec<(usize, Span)> = Vec::new();
    for (i, (band, _)) in bands.iter().enumerate() {
        let mut from = bounds.start;
        while let Some(at) = dense.find(fold_static(band), Span::new(from, bounds.end)) {
            headers.push((i, at));
            from = at.end;
        }
    }
    headers.sort_by_key(|(_, at)| at.start);
    let mut slots = Vec::with_capacity(section.columns.len());
    let mut used: Vec<usize> = Vec::new();
    for (i, (_, width)) in bands.iter().enumerate() {
        let group = headers.iter().enumerate().find_map(|(k, (band, at))| {
            if *band != i {
                return None;
            }
            let until = headers
                .get(k + 1)
                .map_or(bounds.end, |(_, next)| next.start);
            // Headers found overlapping (a damaged table) leave this band without values.
            let start = first_value_line(text, Span::new(at.end, until.max(at.end)))?;
            let read = read_row(text, Span::new(start, until), width + 1, false);
            let full = read[..*width].iter().all(|s| matches!(s, Slot::Cell(_)));
            (full && read[*width] == Slot::Absent && !used.contains(&start))
                .then(|| (start, read[..*width].to_vec()))
        })?;
        used.push(group.0);
        slots.extend(group.1);
    }
    Some(slots)
}

/// Where the numbers start in `segment` when, after words without digits (the header, its cell
/// separators), it holds exactly `n` numbers and nothing else: a row whose line breaks were lost.
fn numbers_after_header(text: &str, segment: Span, n: usize) -> Option<usize> {
    let body = text.get(segment.start..segment.end)?;
    let mut first = None;
    let mut count = 0;
    let mut at = 0;
    // Separators are what folding drops: spaces, pipes, Markdown marks (「0#### 五、…」).
    let separator = |c: char| crate::text::fold::fold_char(c) == crate::text::fold::Folded::Drop;
    for word in body.split(separator) {
        let start = at;
        at += word.len()
            + body[at + word.len()..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
        if word.is_empty() || (first.is_none() && !word.bytes().any(|b| b.is_ascii_digit())) {
            continue;
        }
        // The first number run into the last header (「总计0」).
        let digits = word.len() - word.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let header_tail = &word[..word.len() - digits];
        let glued = first.is_none()
            && digits > 0
            && !header_tail.is_empty()
            && !header_tail.bytes().any(|b| b.is_ascii_digit());
        if glued {
            first = Some(segment.start + start + header_tail.len());
            count += 1;
            continue;
        }
        first.get_or_insert(segment.start + start);
        count += 1;
        if number_before_heading(word).is_some() {
            // The last cell, run into the next heading: the row ends there.
            break;
        }
        if classify(word) != TokenKind::Number {
            return None;
        }
    }
    first.filter(|_| count == n)
}

fn slot_span(slot: &Slot) -> Span {
    match *slot {
        Slot::Cell(s) | Slot::Empty(s) => s,
        Slot::Absent => Span::point(0),
    }
}

/// A row's cells and, when its label was not found, the text that stands for it.
type Filled = Option<(Vec<Slot>, Option<Span>)>;

/// Rows whose labels were not found (misspelt, scrambled by a PDF, or left far from their numbers)
/// but whose numbers are there: after a found row come exactly as many more full rows of numbers as
/// there are rows missing before the next found label. Those are the missing rows, in template order.
/// Anything less certain is left missing.
fn fill_unlabelled_rows(
    text: &str,
    anchors: &[(&'static RowSpec, Option<Anchor>)],
    n: usize,
    bounds: Span,
) -> Vec<Filled> {
    let mut filled: Vec<Filled> = vec![None; anchors.len()];
    let data: Vec<usize> = (0..anchors.len())
        .filter(|&i| anchors[i].0.has_values && !anchors[i].0.label.is_empty())
        .collect();
    let mut at = 0;
    while at < data.len() {
        let Some(found) = anchors[data[at]].1 else {
            at += 1;
            continue;
        };
        let missing = data[at + 1..]
            .iter()
            .take_while(|&&i| anchors[i].1.is_none())
            .count();
        let next = data.get(at + 1 + missing).and_then(|&i| anchors[i].1);
        at += 1 + missing;
        if missing == 0 {
            continue;
        }
        let from = found.values_at.unwrap_or(found.span.end);
        let to = next.map_or(bounds.end, |a| a.span.start).max(from);
        let want = n * (missing + 1);
        let slots = read_row(
            text,
            Span::new(from, to),
            want + 1,
            found.values_at.is_none(),
        );
        let numbers = slots[..want].iter().all(|s| {
            matches!(s, Slot::Cell(sp) if classify(&text[sp.start..sp.end]) == TokenKind::Number)
        });
        if !numbers || slots[want] != Slot::Absent {
            continue;
        }
        let first = data[at - 1 - missing];
        for (k, chunk) in slots[..want].chunks(n).enumerate() {
            let mut cells = chunk.to_vec();
            order_by_column(text, &mut cells);
            let label = (k > 0)
                .then(|| {
                    label_between(
                        text,
                        slot_span(&slots[k * n - 1]).end,
                        slot_span(&chunk[0]).start,
                    )
                })
                .flatten();
            filled[data[at - 1 - missing + k].max(first)] = Some((cells, label));
        }
    }
    filled
}

/// The last line of text with Chinese in it between two rows' numbers: what is left of a row label.
fn label_between(text: &str, from: usize, to: usize) -> Option<Span> {
    let between = text.get(from..to)?;
    let mut at = from;
    let mut best = None;
    for line in between.split('\n') {
        if line.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c)) {
            let trimmed =
                line.trim_matches(|c: char| c.is_whitespace() || c == '|' || c == '\u{3000}');
            let lead = line.find(trimmed).unwrap_or(0);
            best = Some(Span::new(at + lead, at + lead + trimmed.len()));
        }
        at += line.len() + 1;
    }
    best
}

/// Header words found that, without any row label, show a table is there.
const MIN_HEADERS_AS_EVIDENCE: usize = 3;

struct HeaderScan {
    found: usize,
    /// Where the last header found ends.
    end: Option<usize>,
    issues: Vec<HeaderIssue>,
}

/// Looks for the section's column headers in `region`.
///
/// A header missing there may be written later, in `later` (text in content order can put a
/// sub-table's header after its first row): found there it is written, though it marks no end.
fn read_headers(
    text: &str,
    dense: &Dense,
    section: &SectionSpec,
    region: Span,
    later: Option<Span>,
) -> HeaderScan {
    let mut scan = HeaderScan {
        found: 0,
        end: None,
        issues: Vec::new(),
    };
    let find = |header: &'static str, within: Span| {
        dense
            .find(fold_static(header), within)
            .or_else(|| find_split_header(dense, fold_static(header), within))
    };
    let mut missing = Vec::new();
    for &header in section.headers {
        let found = find(header, region);
        if found.is_none() && later.is_some_and(|l| dense.find(fold_static(header), l).is_some()) {
            continue;
        }
        match found {
            Some(span) => {
                scan.found += 1;
                scan.end = Some(scan.end.map_or(span.end, |e| e.max(span.end)));
            }
            None => missing.push(header),
        }
    }
    if !missing.is_empty() {
        let near = near_headers(text, region, &missing);
        for (&expected, near) in missing.iter().zip(near) {
            scan.issues.push(HeaderIssue {
                expected,
                span: near.as_ref().map_or(Span::point(region.start), |(_, s)| *s),
                found: near.map(|(t, _)| t),
            });
        }
    }
    scan
}

/// A header whose cell text PDF extraction laid out over two or three lines, interleaved with its
/// neighbours' (「商业 科研⏎企业 机构」): its pieces of two characters, in order, within the header.
fn find_split_header(dense: &Dense, header: &str, region: Span) -> Option<Span> {
    if region.is_empty() || header.chars().nth(2).is_none() {
        return None;
    }
    // Every piece must be there in some order: a header whose first piece is absent is not.
    let bounds: Vec<usize> = header
        .char_indices()
        .map(|(i, _)| i)
        .step_by(2)
        .chain([header.len()])
        .collect();
    let pieces: Vec<&str> = bounds.windows(2).map(|w| &header[w[0]..w[1]]).collect();
    // Its first piece must be there, and its last character: most headers looked for and missing
    // are another version's.
    dense.find(pieces[0], region)?;
    let chars: Vec<char> = header.chars().collect();
    let mut last = [0u8; 4];
    dense.find(chars[chars.len() - 1].encode_utf8(&mut last), region)?;
    // In order first; then in any order, as a column's lines can come out above one another reversed.
    let mut from = region.start;
    let mut in_order: Option<Span> = None;
    for piece in &pieces {
        match dense.find(piece, Span::new(from, region.end)) {
            Some(at) => {
                in_order = Some(in_order.map_or(at, |s| Span::new(s.start, at.end)));
                from = at.end;
            }
            None => {
                in_order = None;
                break;
            }
        }
    }
    in_order
        .or_else(|| {
            let spans: Option<Vec<Span>> = pieces.iter().map(|p| dense.find(p, region)).collect();
            let spans = spans?;
            let start = spans.iter().map(|s| s.start).min()?;
            let end = spans.iter().map(|s| s.end).max()?;
            Some(Span::new(start, end))
        })
        .or_else(|| scattered_header(dense, &chars, region))
}

/// A header whose characters come in order with a neighbour's between them (「本年处理决定数⏎内容 量」),
/// within twice its length.
fn scattered_header(dense: &Dense, chars: &[char], region: Span) -> Option<Span> {
    let from = dense.to_folded(region.start);
    let to = dense.to_folded(region.end);
    let hay = dense.folded().get(from..to)?;
    let reach = chars.len() * 2;
    for (at, first) in hay.match_indices(chars[0]) {
        let mut want = chars[1..].iter().peekable();
        let mut end = at + first.len();
        for (offset, h) in hay[end..].char_indices().take(reach) {
            if want.peek() == Some(&&h) {
                want.next();
                end = at + first.len() + offset + h.len_utf8();
                if want.peek().is_none() {
                    return Some(dense.to_original(from + at, from + end));
                }
            }
        }
    }
    None
}

fn cells_of(text: &str, section: &SectionSpec, slots: &[Slot], segment: Span) -> Vec<Cell> {
    // A cell missing at the row's end points just after the last cell read.
    let mut last_end = segment.start;
    section
        .columns
        .iter()
        .zip(slots)
        .map(|(column, slot)| {
            let (span, raw) = match *slot {
                Slot::Cell(s) => (s, &text[s.start..s.end]),
                Slot::Empty(s) => (s, ""),
                Slot::Absent => (Span::point(last_end), ""),
            };
            last_end = span.end;
            let (value, problem) = read_cell(raw, column.kind);
            Cell {
                column: column.name,
                span,
                value,
                problem,
            }
        })
        .collect()
}

/// The score of a reading that finds every caption, row label and header exactly.
fn perfect_score(spec: &TableSpec) -> i64 {
    spec.sections
        .iter()
        .map(|s| {
            let caption = if s.caption.is_some() { 2 } else { 0 };
            let rows = 2 * s.rows.iter().filter(|r| !r.label.is_empty()).count();
            (caption + rows + s.headers.len()) as i64
        })
        .sum()
}

/// Reads `id` within `region`, choosing the version that explains the text best (`preferred` on a tie).
pub fn read(text: &str, dense: &Dense, id: TableId, region: Span, preferred: Version) -> Table {
    let mut best: Option<Reading> = None;
    for version in
        std::iter::once(preferred).chain(Version::ALL.into_iter().filter(|v| *v != preferred))
    {
        let spec = template::table(id, version);
        let reading = read_table(text, dense, spec, region);
        // Every label found as printed: no other version can explain the text better.
        let perfect = reading.score == perfect_score(spec);
        // On a tie, the version with fewer of its rows missing (a 2019 table 3 found whole beside a
        // 2021 reading without （六）'s three rows).
        let better = |b: &Reading| {
            (reading.score, std::cmp::Reverse(reading.rows_missing()))
                > (b.score, std::cmp::Reverse(b.rows_missing()))
        };
        if best.as_ref().is_none_or(better) {
            best = Some(reading);
        }
        if perfect {
            break;
        }
    }
    best.map(|b| b.table).unwrap_or_else(|| Table {
        id,
        version: preferred,
        found: false,
        region,
        rows: Vec::new(),
        header_issues: Vec::new(),
        unreliable: None,
    })
}
