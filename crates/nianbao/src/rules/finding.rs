//! What a rule reports: a code, a severity, a message and the places in the text it concerns.

use serde::Serialize;

use super::RuleCode;
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
