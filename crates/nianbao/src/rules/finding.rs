//! What a rule reports: a code, a severity, a message and the places in the text it concerns.

use serde::Serialize;

use super::{Fix, RuleCode};
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

/// Which report's text a label points into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The report checked, where the finding itself is.
    ThisYear,
    /// Last year's report, given beside it (X rules).
    LastYear,
}

/// A place the finding also concerns, with what it is: every cell of a sum that does not hold, or
/// the cell of last year's report a figure is compared with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub start: usize,
    pub end: usize,
    /// 1-based line of `start` in its report.
    pub line: usize,
    /// What this place is, e.g. 「自然人列（七）总计」.
    pub label: String,
    pub source: Source,
}

impl Label {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// One diagnostic: a code and severity, a message, the primary place (`start..end`, on `line`), the
/// labelled places it also concerns, and for a finding on one value what it should be and is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub code: RuleCode,
    pub severity: Severity,
    pub message: String,
    /// 1-based line of `start`.
    pub line: usize,
    /// The primary place: byte offsets into this year's text.
    pub start: usize,
    pub end: usize,
    /// Which of the six parts (1–6) the finding concerns: the part it lies in, or for a missing part,
    /// that part. `None` before the first part (title, preamble).
    pub part: Option<u8>,
    /// The secondary places, in this year's text or last year's.
    pub labels: Vec<Label>,
    /// For a finding on one cell: what the cell should hold and what it holds, as shown to the user.
    pub expected: Option<String>,
    pub actual: Option<String>,
    /// What to do about it, when the message does not already say.
    pub help: Option<String>,
    /// The correction, when the right text is certain.
    pub fix: Option<Fix>,
}

impl Finding {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    /// The places in this year's text the finding also concerns.
    pub fn related(&self) -> Vec<&Label> {
        self.labels_in(Source::ThisYear).collect()
    }

    pub fn labels_in(&self, source: Source) -> impl Iterator<Item = &Label> {
        self.labels.iter().filter(move |l| l.source == source)
    }

    /// For a comparison with last year's report (X rules): the place in that report's text.
    pub fn in_last_year(&self) -> Option<&Label> {
        self.labels_in(Source::LastYear).next()
    }
}
