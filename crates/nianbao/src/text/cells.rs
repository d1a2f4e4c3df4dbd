//! Reading the cells that follow a row label, whatever the paste did to the grid.
//!
//! The layouts differ in how cells are separated (a line each, tabs, pipes, spaces) and in what fills
//! merged cells (bare tabs, `|||`, Markdown rules), but the numbers of a row always come in column order
//! after its label. So the reader gathers candidate cells between one label and the next and lines them
//! up with the template's columns: filler is skipped, the label's own overflow is skipped, and empty
//! cells between numbers keep their place.

use super::chinese::is_space;
use super::lines::lines_from;
use super::number::{classify, TokenKind};
use crate::span::Span;

/// One column's slot as read from the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// A cell with text (a number, a placeholder, or something else).
    Cell(Span),
    /// A cell that is present but empty (between separators).
    Empty(Span),
    /// The row ends before this column.
    Absent,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cand {
    Value(Span),
    Text(Span),
    Blank(Span),
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Trims spaces off `span` of `text`.
fn trim(text: &str, span: Span) -> Span {
    let s = &text[span.start..span.end];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trail = s.len() - s.trim_end_matches(is_space).len();
    if lead == s.len() {
        return Span::point(span.start);
    }
    Span::new(span.start + lead, span.end - trail)
}

/// A line that carries no cell: Markdown rules (`|---|---|`), bare pipes, page numbers (`- 3 -`).
pub fn is_filler(line: &str) -> bool {
    let t = line.trim_matches(is_space);
    let marks = |c: Option<char>| c.is_some_and(|c| matches!(c, '|' | '-' | ':' | '+' | '—' | '–'));
    // Both tests below need a mark at one end (most lines are cells or labels).
    if !marks(t.chars().next()) && !marks(t.chars().next_back()) {
        return false;
    }
    if t.chars()
        .all(|c| matches!(c, '|' | '-' | ':' | '+' | '—' | '–') || is_space(c))
    {
        return t.contains('|') || t.chars().filter(|&c| c == '-' || c == '—').count() >= 3;
    }
    // A page number between dashes.
    let inner = t.trim_matches(|c: char| matches!(c, '-' | '—' | '–') || is_space(c));
    inner.len() < t.len() && !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit())
}

/// The length of the digits opening `word` when a numbered heading follows them with nothing
/// between (「0七、存在问题」): a table's last cell whose line break was lost.
pub fn number_before_heading(word: &str) -> Option<usize> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let mut rest = word[digits..].chars();
    let numeral = rest.next().is_some_and(super::chinese::is_list_numeral);
    (digits > 0 && numeral && matches!(rest.next(), Some('、' | '．'))).then_some(digits)
}

/// Splits one non-empty piece into tokens: on spaces when every part is a number or placeholder
/// (`0 0 0`), whole otherwise (prose, labels).
fn push_piece(text: &str, piece: Span, out: &mut Vec<Cand>) {
    let s = &text[piece.start..piece.end];
    // The last cell run into the next heading where line breaks were lost (「0六、行政复议…」).
    if let Some(digits) = number_before_heading(s) {
        out.push(Cand::Value(Span::new(piece.start, piece.start + digits)));
        out.push(Cand::Text(Span::new(piece.start + digits, piece.end)));
        return;
    }
    // Most pieces are one word (a number, a label): no splitting to do. A Markdown heading's marks
    // separate too, where line breaks were lost (「0#### 五、…」).
    let is_break = |c: char| is_space(c) || c == '#';
    if !s.contains(is_break) {
        out.push(match classify(s) {
            TokenKind::Number | TokenKind::Placeholder => Cand::Value(piece),
            TokenKind::Text => Cand::Text(piece),
        });
        return;
    }
    let mut parts = Vec::new();
    let mut at = 0;
    for word in s.split(is_break) {
        let start = piece.start + at;
        at += word.len();
        // Advance past the separator that split this word off.
        if let Some(c) = s[at..].chars().next() {
            at += c.len_utf8();
        }
        if !word.is_empty() {
            parts.push(Span::new(start, start + word.len()));
        }
    }
    if parts.is_empty() {
        // Only a Markdown heading's marks (「### 」 before a heading split off).
        return;
    }
    if let [only] = parts[..] {
        // One word between marks (「0####」).
        out.push(match classify(&text[only.start..only.end]) {
            TokenKind::Number | TokenKind::Placeholder => Cand::Value(only),
            TokenKind::Text => Cand::Text(only),
        });
        return;
    }
    let all_values = parts.len() > 1
        && parts
            .iter()
            .all(|p| classify(&text[p.start..p.end]) != TokenKind::Text);
    if all_values {
        out.extend(parts.into_iter().map(Cand::Value));
        return;
    }
    // A label's last words, then the row's numbers (PDF text: 「行政机关不再处理其政府信息公开 17 8 2」).
    let values_from = parts
        .iter()
        .rposition(|p| classify(&text[p.start..p.end]) == TokenKind::Text)
        .map_or(0, |i| i + 1);
    let label_words = &parts[..values_from];
    if values_from < parts.len()
        && label_words
            .iter()
            .any(|p| text[p.start..p.end].chars().any(is_cjk))
    {
        if let (Some(first), Some(last)) = (label_words.first(), label_words.last()) {
            out.push(Cand::Text(Span::new(first.start, last.end)));
        }
        out.extend(parts[values_from..].iter().copied().map(Cand::Value));
        return;
    }
    match classify(s) {
        TokenKind::Number | TokenKind::Placeholder => out.push(Cand::Value(piece)),
        TokenKind::Text => out.push(Cand::Text(piece)),
    }
}

/// Candidate cells of `segment` that can be cells of the row: text before the first value is the
/// label's overflow, and later text counts only if it looks like a cell; blanks count only when a
/// value follows. When `after_label`, the segment starts inside the label's own cell, whose rest (up
/// to the first separator) is not a value. Stops after the line that brings the numbers to `enough`:
/// later lines cannot change the first `enough` cells, and a row whose next label is missing may run
/// to the end of a long text.
fn candidates(text: &str, segment: Span, after_label: bool, enough: usize) -> Vec<Cand> {
    let (mut values, mut counted) = (0, 0);
    let mut seen_value = false;
    let mut out = Vec::new();
    let body = &text[segment.start..segment.end];
    // Pieces of the current line, between tabs and pipes (one buffer for all lines).
    let mut pieces = Vec::new();
    for (index, (line_start, raw_line)) in lines_from(body, segment.start).enumerate() {
        let line_span = Span::new(line_start, line_start + raw_line.len());
        let line = raw_line.strip_suffix('\r').unwrap_or(raw_line);
        // A running count: recounting every candidate on every line made long label-only runs quadratic.
        settle(text, &mut out, counted, &mut seen_value, enough);
        values += out[counted.min(out.len())..]
            .iter()
            .filter(|c| matches!(c, Cand::Value(_)))
            .count();
        counted = out.len();
        if values >= enough {
            break;
        }
        if line.trim_matches(is_space).is_empty() {
            // A lone tab is an empty cell in cell-per-line layouts; a truly empty line separates rows.
            if line.contains('\t') {
                out.push(Cand::Blank(Span::point(line_span.start)));
            }
            continue;
        }
        if is_filler(line) {
            continue;
        }
        pieces.clear();
        let mut piece_start = line_span.start;
        for (i, c) in line.char_indices() {
            if c == '\t' || c == '|' {
                pieces.push(trim(text, Span::new(piece_start, line_span.start + i)));
                piece_start = line_span.start + i + 1;
            }
        }
        pieces.push(trim(
            text,
            Span::new(piece_start, line_span.start + line.len()),
        ));
        let skip_label_tail = index == 0 && after_label;
        // The first piece is the label's tail, or the indentation / opening pipe of a cell line.
        let first_is_lead = skip_label_tail || pieces.first().is_some_and(Span::is_empty);
        let from = usize::from(first_is_lead && !pieces.is_empty());
        let mut to = pieces.len();
        while to > from && pieces[to - 1].is_empty() {
            to -= 1;
        }
        // The label cell's tail: more label text, or (in rows separated by spaces) the numbers.
        if skip_label_tail && !pieces[0].is_empty() {
            push_piece(text, pieces[0], &mut out);
        }
        for &piece in &pieces[from..to] {
            if piece.is_empty() {
                out.push(Cand::Blank(piece));
            } else {
                push_piece(text, piece, &mut out);
            }
        }
    }
    settle(text, &mut out, counted, &mut seen_value, enough);
    if !seen_value {
        out.clear();
    }
    out
}

/// Drops from `out[from..]` the candidates that cannot be cells (see [`candidates`]), as they come:
/// a long run of label lines, or of blank cells, is not held. Before the first value only the last
/// `enough` blanks are kept: [`read_row`] passes over leading blanks while it has more than `enough`
/// candidates, so earlier ones never reach a row.
fn settle(text: &str, out: &mut Vec<Cand>, from: usize, seen_value: &mut bool, enough: usize) {
    let mut kept = from;
    for i in from..out.len() {
        let keep = match out[i] {
            Cand::Value(_) => {
                *seen_value = true;
                true
            }
            Cand::Text(s) => *seen_value && text_is_cell(&text[s.start..s.end]),
            Cand::Blank(_) => true,
        };
        if keep {
            out[kept] = out[i];
            kept += 1;
        }
    }
    out.truncate(kept);
    if !*seen_value && out.len() > enough {
        out.drain(..out.len() - enough);
    }
}

/// A text token is a cell only when it could be a mistyped number (digits or Latin letters in it);
/// Chinese text between numbers is a broken label, a vertical group label or page noise.
fn text_is_cell(s: &str) -> bool {
    !s.chars().any(is_cjk) && s.chars().count() <= 12
}

/// Reads `n` cells from `segment`.
pub fn read_row(text: &str, segment: Span, n: usize, after_label: bool) -> Vec<Slot> {
    let mut kept = candidates(text, segment, after_label, n);
    while matches!(kept.last(), Some(Cand::Blank(_))) {
        kept.pop();
    }
    let mut lead = 0;
    while kept.len() - lead > n && matches!(kept.get(lead), Some(Cand::Blank(_))) {
        lead += 1;
    }
    let mut slots: Vec<Slot> = kept[lead..]
        .iter()
        .take(n)
        .map(|c| match *c {
            Cand::Value(s) | Cand::Text(s) => Slot::Cell(s),
            Cand::Blank(s) => Slot::Empty(s),
        })
        .collect();
    slots.resize(n, Slot::Absent);
    slots
}

/// Puts the cells of a row that PDF text spread over several lines back in column order. In
/// `pdftotext -layout` text a row whose label wraps can have its last number on the label's first line
/// and the others on the next (「（二）部分公开…这一情      71⏎   58 0 3 2 4 4」); each cell keeps its
/// column (characters from the line's start), so the columns give the order. Rows on one line, and
/// cell-per-line layouts (where every cell starts in the same column), are left alone.
///
/// Says whether the cells are on one line or in distinct columns (whether their order is known).
pub fn order_by_column(text: &str, slots: &mut [Slot]) -> bool {
    if slots.iter().any(|s| !matches!(s, Slot::Cell(_))) {
        return false;
    }
    // Most rows are on one line: nothing to measure (and a long line is not scanned per cell).
    let first = slots.first().and_then(|s| match s {
        Slot::Cell(span) => Some(span.start),
        _ => None,
    });
    let last = slots.last().and_then(|s| match s {
        Slot::Cell(span) => Some(span.end),
        _ => None,
    });
    if let (Some(first), Some(last)) = (first, last) {
        if first <= last && !text[first..last].contains('\n') {
            return true;
        }
    }
    // One cell per line (the seeds' layouts): a staircase, not a grid; left as read.
    let spans: Vec<Span> = slots
        .iter()
        .filter_map(|s| match s {
            Slot::Cell(span) => Some(*span),
            _ => None,
        })
        .collect();
    if spans
        .windows(2)
        .all(|w| w[0].end <= w[1].start && text[w[0].end..w[1].start].contains('\n'))
    {
        return false;
    }
    let mut placed: Vec<(usize, usize, Span)> = Vec::with_capacity(slots.len());
    for slot in slots.iter() {
        let Slot::Cell(span) = *slot else {
            return false;
        };
        let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..span.start].chars().count();
        placed.push((line_start, column, span));
    }
    let lines = {
        let mut starts: Vec<usize> = placed.iter().map(|p| p.0).collect();
        starts.dedup();
        starts.len()
    };
    if lines < 2 {
        return true;
    }
    let mut columns: Vec<usize> = placed.iter().map(|p| p.1).collect();
    columns.sort_unstable();
    if columns.windows(2).any(|w| w[0] == w[1]) {
        return false;
    }
    // One cell per line in distinct columns is a staircase, not a grid: leave it as read.
    if lines == placed.len() {
        return false;
    }
    placed.sort_by_key(|p| p.1);
    for (slot, (_, _, span)) in slots.iter_mut().zip(placed) {
        *slot = Slot::Cell(span);
    }
    true
}

/// The numbers of `segment`, line by line, as `rows` rows of `n` cells: consecutive lines add up to a
/// row (a row that PDF text spread over lines), each row put in column order. `None` unless exactly
/// that many rows are there, and no further line of a row's worth of numbers follows.
pub fn rows_of_numbers(text: &str, segment: Span, n: usize, rows: usize) -> Option<Vec<Vec<Slot>>> {
    let body = text.get(segment.start..segment.end)?;
    let mut out: Vec<Vec<Slot>> = Vec::with_capacity(rows);
    let mut current: Vec<Slot> = Vec::with_capacity(n);
    for (line_start, line) in lines_from(body, segment.start) {
        if is_filler(line) {
            continue;
        }
        let mut numbers = Vec::new();
        let mut at = line_start;
        for word in line.split(|c: char| is_space(c) || c == '|' || c == '\t') {
            if !word.is_empty() && classify(word) == TokenKind::Number {
                numbers.push(Slot::Cell(Span::new(at, at + word.len())));
            }
            at += word.len()
                + line[at - line_start + word.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
        }
        if numbers.is_empty() {
            continue;
        }
        if out.len() == rows {
            // What follows the table may quote a figure, never a whole row of them.
            if numbers.len() >= n {
                return None;
            }
            continue;
        }
        current.extend(numbers);
        if current.len() > n {
            return None;
        }
        if current.len() == n {
            // A row over several lines must come apart into distinct columns.
            if !order_by_column(text, &mut current) {
                return None;
            }
            out.push(std::mem::take(&mut current));
        }
    }
    (out.len() == rows && current.is_empty()).then_some(out)
}

/// The start of the first line in `segment` made only of numbers and placeholders (at least one
/// number): where an unlabelled data row begins.
/// An empty or inverted `segment` (overlapping headers in a damaged table) has no such line.
pub fn first_value_line(text: &str, segment: Span) -> Option<usize> {
    let within = text.get(segment.start..segment.end)?;
    for (start, raw_line) in lines_from(within, segment.start) {
        if is_filler(raw_line) {
            continue;
        }
        let tokens = || {
            raw_line
                .split(|c: char| c == '\t' || c == '|' || is_space(c))
                .filter(|t| !t.is_empty())
        };
        if tokens().any(|t| classify(t) == TokenKind::Number)
            && tokens().all(|t| classify(t) != TokenKind::Text)
        {
            return Some(start);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, n: usize) -> Vec<String> {
        read_row(text, Span::new(0, text.len()), n, true)
            .into_iter()
            .map(|s| match s {
                Slot::Cell(sp) => text[sp.start..sp.end].to_string(),
                Slot::Empty(_) => "_".to_string(),
                Slot::Absent => "∅".to_string(),
            })
            .collect()
    }

    #[test]
    fn label_lines_and_blanks_before_the_first_value_are_not_cells() {
        // Only as many leading blanks as the row has cells can be among them.
        let blanks = "\t\n".repeat(50);
        assert_eq!(values(&format!("{blanks}7\n8\n"), 3), ["_", "7", "8"]);
        assert_eq!(values(&format!("{blanks}7\n8\n9\n"), 3), ["7", "8", "9"]);
        assert_eq!(values(&format!("{blanks}7\n"), 3), ["_", "_", "7"]);
        // Label text is the label's overflow before a value, and not a cell after one.
        let labels = "（七）总计\n".repeat(50);
        assert_eq!(
            values(&format!("{labels}1\n{labels}2\nx3\n"), 3),
            ["1", "2", "x3"]
        );
        // Blanks without a value are no row at all.
        assert_eq!(values(&format!("{labels}{blanks}"), 2), ["∅", "∅"]);
        assert!(candidates(&blanks, Span::new(0, blanks.len()), false, 3).is_empty());
    }

    #[test]
    fn reads_every_layout_of_a_row() {
        // cell per line with a leading tab (seeds 000, 001, 004)
        assert_eq!(
            values(
                "\n\t\u{3000}\u{3000}0\n\t\u{a0}\u{3000}1\n\t\u{a0}2\n\n\t\n",
                3
            ),
            ["0", "1", "2"]
        );
        // ` |`-terminated cells with `|||` filler (seed 002)
        assert_eq!(values(" |\n3 |\n4 |\n|||\n", 2), ["3", "4"]);
        // tab-separated row with a merged label column and trailing empties (seed 003)
        assert_eq!(values("\t\t1\t2\t3\t", 3), ["1", "2", "3"]);
        // Markdown pipe row
        assert_eq!(values(" | 5 | 6 | 7 |", 3), ["5", "6", "7"]);
        // spaces only
        assert_eq!(values(" 8 9 10", 3), ["8", "9", "10"]);
        // a label broken over lines, then values
        assert_eq!(
            values("（区分处理的，只计这\n一情形，不计其他情形）\n\t1\n\t2", 2),
            ["1", "2"]
        );
    }

    #[test]
    fn keeps_the_place_of_an_empty_cell() {
        assert_eq!(values("\t1\t\t3", 3), ["1", "_", "3"]);
        assert_eq!(values("\n\t1\n\t\n\t3\n", 3), ["1", "_", "3"]);
        assert_eq!(values("\t1\t2", 3), ["1", "2", "∅"]);
        assert_eq!(values("\t1\t/\t无", 3), ["1", "/", "无"]);
    }

    #[test]
    fn skips_noise_between_cells() {
        assert_eq!(
            values("\n\t1\n- 3 -\n扫一扫在手机上查看当前页面\n\t2", 2),
            ["1", "2"]
        );
        assert_eq!(values("\n|---|---|\n| 1 | 2 |", 2), ["1", "2"]);
    }

    #[test]
    fn finds_the_first_line_of_numbers() {
        let text = "行政复议\t行政诉讼\n结果 维持\t总计\n0\t0\t0\n";
        assert_eq!(
            first_value_line(text, Span::new(0, text.len())),
            Some(text.find("0\t").unwrap())
        );
    }
}
