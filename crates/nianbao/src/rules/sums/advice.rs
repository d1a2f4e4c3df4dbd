//! What the diagnosis of a table's sums tells the drafter: on every broken sum it explains, which
//! cell is most likely wrong and what it should hold (with a one-click fix when the explanation is
//! the only one), or the candidates when there are several.

use super::diagnosis::{diagnose, CellAt, Change, Explanation, Slip};
use super::witness::{witness, Witnessed};
use crate::model::{Cell, Table};
use crate::parse::Parsed;
use crate::rules::{Edit, Fix};
use crate::span::Span;
use crate::template::{self, RowSpec, TableId};
use crate::text::chinese::is_list_numeral;

/// With more candidates than this, the equations say too little to be worth listing (typically one
/// broken sum over many cells). A T4 group, one sum over five cells, has up to five.
const LISTED_CANDIDATES: usize = 5;

/// The advice attached to the broken sums of one table.
pub struct Advice<'t> {
    /// The cells the explanations change: a finding whose equation has one of them is explained.
    cells: Vec<&'t Cell>,
    pub help: String,
    /// For a unique explanation: a label at each cell to change, and the fix.
    pub labels: Vec<(Span, String)>,
    pub fix: Option<Fix>,
}

impl Advice<'_> {
    /// Does the advice concern a sum over `cells`?
    pub fn explains<'c>(&self, mut cells: impl Iterator<Item = &'c Cell>) -> bool {
        cells.any(|c| self.cells.iter().any(|s| std::ptr::eq(*s, c)))
    }
}

fn cell(table: &Table, at: CellAt) -> Option<&Cell> {
    table.rows.get(at.row)?.cells.get(at.column)
}

/// 「自然人 · 第一项」 in T3; 「行政复议 · 结果维持」 in T4 (one unlabelled row, columns in bands).
fn cell_name(table: &Table, at: CellAt) -> String {
    let spec = template::table(table.id, table.version);
    let Some(column) = spec.sections[0].columns.get(at.column) else {
        return String::new();
    };
    let (first, second) = if table.id == TableId::T4 {
        (column.band, column.name.to_string())
    } else {
        let row = table
            .rows
            .get(at.row)
            .and_then(|r| spec.data_rows().find(|(_, s)| s.key == r.key))
            .map_or(String::new(), |(_, s)| row_name(s));
        (column.name, row)
    };
    format!("{first} · {second}")
}

/// A row as a drafter finds it in the table: 「一、本年新收」 for a numbered item (its numeral and
/// key words, not 「第一项」 which the table does not print), else the template's short name.
pub(super) fn row_name(row: &RowSpec) -> String {
    if let Some((numeral, rest)) = row.label.split_once('、') {
        let numbered = !numeral.is_empty() && numeral.chars().all(is_list_numeral);
        if numbered && !row.key_text.is_empty() && rest.starts_with(row.key_text) {
            return format!("{numeral}、{}", row.key_text);
        }
    }
    row.short.to_string()
}

/// The number inside a cell's text (a cell may carry spaces or a unit): what a fix replaces.
fn number_span(text: &str, span: Span) -> Span {
    let Some(inside) = text.get(span.start..span.end) else {
        return span;
    };
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let Some(first) = inside.find(is_digit) else {
        return span;
    };
    let length: usize = inside[first..]
        .chars()
        .take_while(|&c| is_digit(c) || matches!(c, ',' | '，'))
        .map(char::len_utf8)
        .sum();
    let trimmed = inside[first..first + length].trim_end_matches([',', '，']);
    Span::new(span.start + first, span.start + first + trimmed.len())
}

/// 「自然人 · 第一项」现为 3，应为 4; `separator` goes between the name and 现为.
fn changed(table: &Table, c: &Change, separator: &str) -> String {
    format!(
        "「{}」{separator}现为 {}，应为 {}",
        cell_name(table, c.at),
        c.from,
        c.to
    )
}

/// The slip, in words, and each change.
fn describe(table: &Table, e: &Explanation) -> String {
    let changes: Vec<String> = e.changes.iter().map(|c| changed(table, c, "")).collect();
    let name = |i: usize| {
        e.changes
            .get(i)
            .map_or(String::new(), |c| cell_name(table, c.at))
    };
    let slip = match e.slip {
        Slip::OneCell => {
            return e.changes.iter().map(|c| changed(table, c, "：")).collect();
        }
        Slip::Swapped => format!("「{}」与「{}」两格的数填反了", name(0), name(1)),
        Slip::Moved => format!("本应填在「{}」的数错填到了相邻的「{}」", name(0), name(1)),
        Slip::Split => format!("「{}」的数被拆到了「{}」两格", name(0), name(1)),
        Slip::Glued => format!("「{}」与「{}」两格的数连在了一起", name(0), name(1)),
    };
    format!("{slip}：{}", changes.join("；"))
}

fn fix_of(text: &str, table: &Table, e: &Explanation) -> Option<Fix> {
    let mut edits = Vec::new();
    for c in &e.changes {
        let span = number_span(text, cell(table, c.at)?.span);
        if span.is_empty() {
            return None;
        }
        edits.push(Edit::new(span, c.to.to_string()));
    }
    let label = match e.changes.as_slice() {
        [one] => format!("改为 {}", one.to),
        changes => changes
            .iter()
            .map(|c| format!("「{}」改为 {}", cell_name(table, c.at), c.to))
            .collect::<Vec<_>>()
            .join("，"),
    };
    Some(Fix::new(label, edits))
}

/// The advice for `table`'s broken sums, or `None` when they hold or nothing simple explains them.
/// When the sums allow several changes, the figures the prose states about the table choose among
/// them ([`witness`]); a change the prose chose is fixed with one click only when the prose then
/// agrees with the table throughout.
pub fn advise<'t>(parsed: &Parsed, table: &'t Table) -> Option<Advice<'t>> {
    let text = parsed.text;
    let Witnessed {
        kept: explanations,
        set_aside,
        still_contradicting,
    } = witness(parsed, table, diagnose(table));
    let name = table.id.short_name();
    let cells: Vec<&Cell> = explanations
        .iter()
        .flat_map(|e| e.changes.iter().filter_map(|c| cell(table, c.at)))
        .collect();
    match explanations.as_slice() {
        [] => None,
        [only] => {
            let labels = only
                .changes
                .iter()
                .filter_map(|c| {
                    let at = cell(table, c.at)?;
                    Some((at.span, format!("最可能出错：应为 {}", c.to)))
                })
                .collect();
            let lead = if only.slip == Slip::OneCell {
                "最可能出错的是"
            } else {
                "最可能是"
            };
            let (prose, certain) = match (&set_aside, &still_contradicting) {
                (None, _) => (String::new(), true),
                (Some((n, phrase)), None) => (format!("；其余 {n} 种改法与正文「{phrase}」不符"), true),
                (Some((n, phrase)), Some(other)) => (
                    format!("；其余 {n} 种改法与正文「{phrase}」不符，但正文「{other}」仍与表格不符，请核对"),
                    false,
                ),
            };
            Some(Advice {
                cells,
                help: format!(
                    "{lead}{}；改后{name}各项勾稽关系均成立{prose}",
                    describe(table, only)
                ),
                labels,
                fix: certain.then(|| fix_of(text, table, only)).flatten(),
            })
        }
        several if several.len() > LISTED_CANDIDATES => None,
        several => {
            let listed: Vec<String> = several.iter().map(|e| describe(table, e)).collect();
            let prose = set_aside.map_or(String::new(), |(n, phrase)| {
                format!("（另有 {n} 种与正文「{phrase}」不符）")
            });
            Some(Advice {
                cells,
                help: format!(
                    "有 {} 种改法都能使{name}各项勾稽关系成立{prose}，请核对原始台账后确定：{}",
                    several.len(),
                    listed.join("；或")
                ),
                labels: Vec::new(),
                fix: None,
            })
        }
    }
}
