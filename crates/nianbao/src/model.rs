//! The report as parsed: title, year, format version, the six parts and the three tables, every piece
//! with its byte range in the user's original text.

use serde::Serialize;

use crate::span::Span;
use crate::template::{TableId, Version};

#[derive(Clone, Debug, Default, Serialize)]
pub struct Document {
    /// The table layout the report uses; `None` when no table could be read.
    pub format: Option<Version>,
    /// True when the tables do not all follow the same format version.
    pub mixed_format: bool,
    pub year: Option<u32>,
    pub title: Option<Title>,
    /// Always six, in template order.
    pub parts: Vec<Part>,
    /// Top-level headings that are not one of the six parts: the second half of a split part, or an extra part.
    pub extra_headings: Vec<ExtraHeading>,
    pub tables: Vec<Table>,
}

impl Document {
    pub fn table(&self, id: TableId) -> Option<&Table> {
        self.tables.iter().find(|t| t.id == id)
    }
    pub fn part(&self, number: u8) -> &Part {
        &self.parts[usize::from(number - 1)]
    }
    /// Was part `number` split into several top-level headings? (S05 reports it; the other S rules
    /// leave such a part alone.)
    pub fn is_split(&self, number: u8) -> bool {
        self.split_pieces(number).next().is_some()
    }

    /// The further pieces of a part that was split into several top-level headings.
    pub fn split_pieces(&self, number: u8) -> impl Iterator<Item = &ExtraHeading> {
        self.extra_headings
            .iter()
            .filter(move |e| e.kind == ExtraKind::Split && e.part == Some(number))
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Title {
    pub text: String,
    pub span: Span,
    pub line: usize,
}

/// How a found heading's title relates to the template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TitleMatch {
    /// The standard wording.
    Standard,
    /// A wording the spec accepts as a known variant.
    Variant,
    /// Recognised by its key words only.
    Renamed,
}

#[derive(Clone, Debug, Serialize)]
pub struct Part {
    pub number: u8,
    /// The standard title, e.g. 「一、总体情况」.
    pub standard: &'static str,
    pub found: bool,
    /// The heading line as written (trimmed), when found.
    pub heading: Option<String>,
    /// The numeral as written, e.g. 「6、」; empty when the heading has none.
    pub numeral: Option<String>,
    pub title_match: Option<TitleMatch>,
    /// The heading line; for a missing part, an empty span where it should have been.
    pub heading_span: Span,
    /// From the end of the heading to the next top-level heading.
    pub body: Span,
    pub line: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ExtraKind {
    /// Another piece of a part that was split, e.g. 「八、改进措施」 after 「七、存在问题」.
    Split,
    /// A top-level heading beyond the six parts.
    Extra,
}

#[derive(Clone, Debug, Serialize)]
pub struct ExtraHeading {
    pub kind: ExtraKind,
    /// For a split piece, the part it belongs to.
    pub part: Option<u8>,
    pub heading: String,
    pub span: Span,
    pub line: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Table {
    pub id: TableId,
    /// The version whose layout this table follows.
    pub version: Version,
    pub found: bool,
    /// Where the table was looked for (its part's body, or the gap where that part should be).
    pub region: Span,
    pub rows: Vec<Row>,
    /// Column or caption labels of the template that were not found as written.
    pub header_issues: Vec<HeaderIssue>,
    /// Why the cells could not be read with confidence, if so: then no finding is drawn from them.
    pub unreliable: Option<Unreliable>,
}

impl Table {
    /// The table was read and its cells can be trusted.
    pub fn is_reliable(&self) -> bool {
        self.unreliable.is_none()
    }
}

/// Why a table's cells cannot be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnreliableReason {
    /// The numbers of a row run together with no separator (「713000074」).
    GluedCells,
    /// Rows with fewer numbers than columns, or rows without numbers beside rows with them: the cells
    /// cannot be lined up with their columns.
    MisalignedCells,
    /// Counts no report could hold (ten million applications and more).
    ImplausibleValues,
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Unreliable {
    pub reason: UnreliableReason,
    /// Where it shows: the first row (or the table) where the cells could not be separated.
    pub span: Span,
}

impl Table {
    pub fn row(&self, key: &str) -> Option<&Row> {
        self.rows.iter().find(|r| r.key == key)
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct HeaderIssue {
    /// The label the template expects.
    pub expected: &'static str,
    /// What the report has instead, when a near match was found.
    pub found: Option<String>,
    pub span: Span,
}

#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub key: &'static str,
    /// The template's label.
    pub label: &'static str,
    /// The sub-table caption (T2) this row belongs to.
    pub section: Option<&'static str>,
    pub found: bool,
    /// How the label was recognised.
    pub label_match: Option<LabelMatch>,
    pub label_span: Option<Span>,
    /// One per template column, in template order; empty for a row the report lacks.
    pub cells: Vec<Cell>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LabelMatch {
    Exact,
    /// A known alias (e.g. 2019 wording in a 2021 table) or only the label's key words.
    Deviating,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Int(i64),
    Decimal(Fixed),
}

/// A decimal as written, kept exactly: `units` × 10^-`scale` (0.35 is 35 × 10^-2). Exact digits, and
/// no float parsing or printing code in the page's bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fixed {
    pub units: i64,
    pub scale: u32,
}

impl Fixed {
    /// From a sign, the whole part and the digits after the point; `None` when too long to hold.
    pub fn new(negative: bool, whole: i64, fraction_digits: &str) -> Option<Fixed> {
        let scale = u32::try_from(fraction_digits.len())
            .ok()
            .filter(|&s| s <= 9)?;
        let fraction: i64 = if fraction_digits.is_empty() {
            0
        } else {
            fraction_digits.parse().ok()?
        };
        let units = whole.checked_mul(10i64.pow(scale))?.checked_add(fraction)?;
        Some(Fixed {
            units: if negative { -units } else { units },
            scale,
        })
    }

    pub fn to_f64(self) -> f64 {
        self.units as f64 / 10f64.powi(self.scale as i32)
    }
}

impl Serialize for Fixed {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_f64(self.to_f64())
    }
}

impl Value {
    pub fn as_int(self) -> Option<i64> {
        match self {
            Value::Int(n) => Some(n),
            Value::Decimal(_) => None,
        }
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Int(n) => write!(f, "{n}"),
            Value::Decimal(Fixed { units, scale }) => {
                let unit = 10u64.pow(*scale);
                let sign = if *units < 0 { "-" } else { "" };
                let abs = units.unsigned_abs();
                write!(
                    f,
                    "{sign}{}.{:0width$}",
                    abs / unit,
                    abs % unit,
                    width = *scale as usize
                )
            }
        }
    }
}

/// Why a cell has no usable number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CellProblem {
    Blank,
    Placeholder,
    NotANumber,
    Negative,
    Fraction,
}

#[derive(Clone, Debug, Serialize)]
pub struct Cell {
    pub column: &'static str,
    /// The cell's text in the report; for a blank cell at a row's end, an empty span after the row.
    pub span: Span,
    pub value: Option<Value>,
    pub problem: Option<CellProblem>,
}

impl Cell {
    /// The number a sum rule may use.
    pub fn count(&self) -> Option<i64> {
        if self.problem.is_some() {
            return None;
        }
        self.value.and_then(Value::as_int)
    }
}
