use crate::rules::{RuleCode, Severity};

/// What a rule checks, why it matters, and two examples: `bad` makes it fire, `good` does not.
#[derive(Debug)]
pub struct RuleDoc {
    pub code: RuleCode,
    pub severity: Severity,
    /// A few words, e.g. 「缺少部分」.
    pub name: &'static str,
    pub what: &'static str,
    pub why: &'static str,
    pub bad: &'static str,
    pub good: &'static str,
}
