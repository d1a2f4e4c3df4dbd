use crate::rules::Severity;

/// What a rule checks, why it matters, and two examples: `bad` makes it fire, `good` does not. Its
/// code is the one the registry ([`crate::rules::RULES`]) gives it.
#[derive(Debug)]
pub struct RuleDoc {
    pub severity: Severity,
    /// A few words, e.g. 「缺少部分」.
    pub name: &'static str,
    pub what: &'static str,
    pub why: &'static str,
    /// How to fix the report, in a sentence a drafter can follow in Word (「怎么改」).
    pub fix: &'static str,
    pub bad: &'static str,
    pub good: &'static str,
    /// For a rule that compares the report with last year's (X01, X02): last year's report for the
    /// examples — checked beside it, `bad` fires the rule and `good` does not. Such a rule runs only
    /// when last year's report is given. `None` for a rule that reads this year's report alone.
    pub last_year_example: Option<&'static str>,
}

impl RuleDoc {
    /// Whether the rule needs last year's report to say anything.
    pub fn needs_last_year(&self) -> bool {
        self.last_year_example.is_some()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_rule_says_how_to_fix_it() {
        for rule in crate::rules::RULES.iter() {
            let fix = rule.doc.fix;
            assert!(fix.chars().count() >= 10, "{}: {fix}", rule.code.as_str());
            assert!(fix.ends_with('。'), "{}: {fix}", rule.code.as_str());
        }
    }
}
