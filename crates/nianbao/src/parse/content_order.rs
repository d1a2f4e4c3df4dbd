//! Tables in content order (plain `pdftotext` of a Word table): the row labels come first and the
//! numbers later, several rows' numbers in sequence, one or a few a line. The template fixes how many
//! cells the table has, so when exactly that many standalone numbers follow its first label — nothing
//! glued to a label, every label found in order — they are its cells in row order. The sums do not
//! decide whether a table is read (a report with a typo must be read and its sum fire), but a reading
//! that breaks most of them is a different content order (columns first): the table is unreadable.

use crate::model::Row;
use crate::span::Span;
use crate::template::{Pick, SectionSpec, SumShape, TableSpec, SUM_RULES};
use crate::text::cells::{is_filler, Slot};
use crate::text::chinese::is_space;
use crate::text::number::{classify, TokenKind};

/// The numbers of `within`, `rows` × `n` of them in text order, as rows of cells; `None` unless every
/// number stands on a line of numbers only and there are exactly that many.
pub fn rows_in_content_order(
    text: &str,
    within: Span,
    n: usize,
    rows: usize,
) -> Option<Vec<Vec<Slot>>> {
    let region = text.get(within.start..within.end)?;
    let mut numbers: Vec<Span> = Vec::with_capacity(n * rows);
    let mut line_start = within.start;
    for line in region.split('\n') {
        let at = line_start;
        line_start += line.len() + 1;
        if is_filler(line) {
            continue;
        }
        let mut words = Vec::new();
        let mut offset = 0;
        for word in line.split(is_space) {
            if !word.is_empty() {
                words.push(Span::new(at + offset, at + offset + word.len()));
            }
            offset += word.len() + word_gap(line, offset + word.len());
        }
        let is_number = |w: &Span| classify(&text[w.start..w.end]) == TokenKind::Number;
        let count = words.iter().filter(|w| is_number(w)).count();
        if count == words.len() {
            numbers.extend(words);
        } else if count > 0
            || words
                .iter()
                .any(|w| digits_after_text(&text[w.start..w.end]))
        {
            // A number beside a label: the extraction ran cells into labels, order unknown.
            return None;
        }
    }
    (numbers.len() == n * rows).then(|| {
        numbers
            .chunks(n)
            .map(|row| row.iter().map(|&s| Slot::Cell(s)).collect())
            .collect()
    })
}

/// The byte length of the separator at `at` in `line` (one space character), 0 at the end.
fn word_gap(line: &str, at: usize) -> usize {
    line.get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(0, char::len_utf8)
}

/// Digits written straight after other text (「已84」): a cell glued to a label.
fn digits_after_text(word: &str) -> bool {
    let mut before_text = false;
    for c in word.chars() {
        if c.is_ascii_digit() {
            if before_text {
                return true;
            }
        } else if c != '.' && c != '．' {
            before_text = true;
        }
    }
    false
}

/// The share of the table's sum equations (spec §4) that `rows` break, as (broken, checked).
pub fn broken_sums(spec: &TableSpec, section: &SectionSpec, rows: &[Row]) -> (usize, usize) {
    let value = |row: &Row, column: &str| {
        row.cells
            .iter()
            .find(|c| c.column == column_name(section, column))
            .and_then(|c| c.count())
    };
    let picks_row = |pick: &Pick, row: &Row| match pick {
        Pick::Keys(keys) => keys.contains(&row.key),
        Pick::Tagged(tag) => section
            .rows
            .iter()
            .any(|r| r.key == row.key && r.has_tag(tag)),
    };
    let picks_column = |pick: &Pick, key: &str| match pick {
        Pick::Keys(keys) => keys.contains(&key),
        Pick::Tagged(_) => false,
    };
    let (mut broken, mut checked) = (0, 0);
    let mut tally = |left: Option<i64>, right: Option<i64>| {
        if let (Some(l), Some(r)) = (left, right) {
            checked += 1;
            broken += usize::from(l != r);
        }
    };
    for rule in SUM_RULES.iter().filter(|r| r.table == spec.id) {
        match rule.shape {
            SumShape::EachColumn => {
                for column in section.columns {
                    let side = |pick: &Pick| -> Option<i64> {
                        rows.iter()
                            .filter(|r| picks_row(pick, r))
                            .map(|r| value(r, column.key))
                            .sum()
                    };
                    tally(side(&rule.left), side(&rule.right));
                }
            }
            SumShape::EachRow { per_band } => {
                let bands: Vec<&str> = if per_band {
                    let mut bands: Vec<&str> = section.columns.iter().map(|c| c.band).collect();
                    bands.dedup();
                    bands
                } else {
                    vec![""]
                };
                for row in rows {
                    for band in &bands {
                        let side = |pick: &Pick| -> Option<i64> {
                            section
                                .columns
                                .iter()
                                .filter(|c| {
                                    (!per_band || c.band == *band) && picks_column(pick, c.key)
                                })
                                .map(|c| value(row, c.key))
                                .sum()
                        };
                        tally(side(&rule.left), side(&rule.right));
                    }
                }
            }
        }
    }
    (broken, checked)
}

fn column_name(section: &SectionSpec, key: &str) -> &'static str {
    section
        .columns
        .iter()
        .find(|c| c.key == key)
        .map_or("", |c| c.name)
}
