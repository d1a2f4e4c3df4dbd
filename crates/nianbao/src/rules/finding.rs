//! What a rule reports: a code, a severity, a message and the places in the text it concerns.

use serde::Serialize;

use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
    /// The word a drafter reads.
    pub fn label_zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// The stable rule codes of spec §4. They are the contract between the core, the page, the JSON output
/// and the tests: add new ones, never renumber.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RuleCode {
    S01,
    S02,
    S03,
    S04,
    S05,
    S06,
    T01,
    T02,
    T03,
    T04,
    T05,
    R01,
    R02,
    R03,
    R04,
    C01,
    C02,
    C03,
    C04,
    C05,
    X01,
    X02,
}

impl RuleCode {
    pub const ALL: [RuleCode; 22] = [
        RuleCode::S01,
        RuleCode::S02,
        RuleCode::S03,
        RuleCode::S04,
        RuleCode::S05,
        RuleCode::S06,
        RuleCode::T01,
        RuleCode::T02,
        RuleCode::T03,
        RuleCode::T04,
        RuleCode::T05,
        RuleCode::R01,
        RuleCode::R02,
        RuleCode::R03,
        RuleCode::R04,
        RuleCode::C01,
        RuleCode::C02,
        RuleCode::C03,
        RuleCode::C04,
        RuleCode::C05,
        RuleCode::X01,
        RuleCode::X02,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RuleCode::S01 => "S01",
            RuleCode::S02 => "S02",
            RuleCode::S03 => "S03",
            RuleCode::S04 => "S04",
            RuleCode::S05 => "S05",
            RuleCode::S06 => "S06",
            RuleCode::T01 => "T01",
            RuleCode::T02 => "T02",
            RuleCode::T03 => "T03",
            RuleCode::T04 => "T04",
            RuleCode::T05 => "T05",
            RuleCode::R01 => "R01",
            RuleCode::R02 => "R02",
            RuleCode::R03 => "R03",
            RuleCode::R04 => "R04",
            RuleCode::C01 => "C01",
            RuleCode::C02 => "C02",
            RuleCode::C03 => "C03",
            RuleCode::C04 => "C04",
            RuleCode::C05 => "C05",
            RuleCode::X01 => "X01",
            RuleCode::X02 => "X02",
        }
    }
}

impl Serialize for RuleCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for RuleCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A place the finding also concerns, e.g. every cell of a sum that does not hold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Related {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    /// What this place is, e.g. 「自然人列（七）总计」.
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: RuleCode,
    pub severity: Severity,
    pub message: String,
    /// 1-based line of `start`.
    pub line: usize,
    /// Byte offsets into the original text.
    pub start: usize,
    pub end: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// Which of the six parts (1–6) the finding concerns: the part it lies in, or for a missing part,
    /// that part. `None` before the first part (title, preamble).
    pub part: Option<u8>,
    /// For a comparison with last year's report (X rules): the place in that report's text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<Related>,
    /// For a finding on one cell: what the cell should hold and what it holds, as shown to the user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
}

impl Finding {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}
