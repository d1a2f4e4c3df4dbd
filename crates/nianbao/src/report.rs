//! What a check produces: findings that point into the user's text, and the shape the CLI, the page and
//! `window.nianbao.check` all share. The top of the stack: it gathers the parsed document and the
//! rules' findings, and nothing below imports it.

use serde::Serialize;

use crate::compare::RepeatedProse;
use crate::model::Document;
pub use crate::rules::{Finding, Label, RuleCode, Severity, Source};
pub use crate::span::Span;

/// The result of checking one text: the parsed document and every finding, sorted by position.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub document: Document,
    pub findings: Vec<Finding>,
    /// Checked beside last year's report: the prose this year's repeats from it (X03). Left out of
    /// the JSON when there is none, so that a report checked alone serialises as it always has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeated: Option<RepeatedProse>,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
    pub fn codes(&self) -> Vec<RuleCode> {
        self.findings.iter().map(|f| f.code).collect()
    }
}
