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
use crate::text::fold::{fold_static, fold_str};
use crate::text::number::{classify, TokenKind};

/// The numbers of `within`, `rows` × `n` of them in text order, as rows of cells; `None` unless every
/// number stands on a line of numbers only and there are exactly that many.
///
/// `run_on`: the words of the table's header, for a table whose last cells plain `pdftotext` put after
/// the next heading (a table split over two pages): after `within`, blocks of lines holding only
/// numbers and pieces of those words are its further cells, other lines (headings, prose without
/// numbers) are skipped, until there are exactly enough. Prose with a number next to such a block
/// could hold a cell: then nothing is read.
pub fn rows_in_content_order(
    text: &str,
    within: Span,
    n: usize,
    rows: usize,
    run_on: Option<&[&'static str]>,
) -> Option<Vec<Vec<Slot>>> {
    let region = text.get(within.start..within.end)?;
    let want = n * rows;
    let mut numbers: Vec<Span> = Vec::with_capacity(want);
    for line in lines_of(text, within.start, region) {
        match line {
            Line::Numbers(words) => numbers.extend(words),
            Line::Words(_) | Line::Filler => {}
            // A number beside a label: the extraction ran cells into labels, order unknown.
            Line::Mixed => return None,
        }
    }
    if let Some(vocabulary) = run_on.filter(|_| numbers.len() < want) {
        let rest = text.get(within.end..)?;
        let mut block: Vec<Span> = Vec::new();
        let mut block_has_header = false;
        // The last line outside the table had a number: a cell may have run into it.
        let mut after_number = false;
        for line in lines_of(text, within.end, rest) {
            if numbers.len() >= want {
                break;
            }
            match line {
                Line::Numbers(_) if after_number => return None,
                Line::Numbers(words) => block.extend(words),
                Line::Filler => {}
                Line::Words(words)
                    if words
                        .iter()
                        .all(|w| is_header_piece(&text[w.start..w.end], vocabulary)) =>
                {
                    block_has_header = true;
                }
                Line::Mixed if block_has_header || !block.is_empty() => return None,
                Line::Words(_) | Line::Mixed => {
                    // Numbers with none of the table's words are no part of it.
                    if block_has_header {
                        numbers.append(&mut block);
                    }
                    block.clear();
                    block_has_header = false;
                    after_number = matches!(line, Line::Mixed);
                }
            }
        }
        if block_has_header {
            numbers.append(&mut block);
        }
    }
    (numbers.len() == want).then(|| {
        numbers
            .chunks(n)
            .map(|row| row.iter().map(|&s| Slot::Cell(s)).collect())
            .collect()
    })
}

/// One line of a table's text in content order.
enum Line {
    /// Only numbers: cells.
    Numbers(Vec<Span>),
    /// Words and no number.
    Words(Vec<Span>),
    /// Numbers beside other words, or digits run into text.
    Mixed,
    Filler,
}

/// The lines of `region` (which starts at `start` in `text`), each as its words.
fn lines_of<'t>(text: &'t str, start: usize, region: &'t str) -> impl Iterator<Item = Line> + 't {
    let mut line_start = start;
    region.split('\n').map(move |line| {
        let at = line_start;
        line_start += line.len() + 1;
        if is_filler(line) {
            return Line::Filler;
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
        if words.is_empty() {
            Line::Filler
        } else if count == words.len() {
            Line::Numbers(words)
        } else if count > 0
            || words
                .iter()
                .any(|w| digits_after_text(&text[w.start..w.end]))
        {
            Line::Mixed
        } else {
            Line::Words(words)
        }
    })
}

/// Whether `word` is a piece of one of the table's header words (「结果」「审结」「总计」).
fn is_header_piece(word: &str, vocabulary: &[&'static str]) -> bool {
    let piece = fold_str(word);
    !piece.is_empty()
        && vocabulary
            .iter()
            .any(|h| fold_static(h).contains(piece.as_str()))
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
    // Cells are in template column order; table 4's bands repeat the same column names.
    let value = |row: &Row, column: usize| row.cells.get(column).and_then(|c| c.count());
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
                for column in 0..section.columns.len() {
                    let side = |pick: &Pick| -> Option<i64> {
                        rows.iter()
                            .filter(|r| picks_row(pick, r))
                            .map(|r| value(r, column))
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
                                .enumerate()
                                .filter(|(_, c)| {
                                    (!per_band || c.band == *band) && picks_column(pick, c.key)
                                })
                                .map(|(i, _)| value(row, i))
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
