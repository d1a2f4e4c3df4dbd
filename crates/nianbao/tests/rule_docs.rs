//! Every rule's documentation is executable: its failing example fires it, its passing example does not.

use nianbao::rules::RULES;
use nianbao::{Report, RuleCode};

/// A rule's example checked as the rule needs it: beside last year's example report for a rule that
/// compares with last year (X01, X02), alone otherwise.
fn check_example(code: RuleCode, text: &str) -> Report {
    match code.doc().last_year_example {
        Some(last_year) => nianbao::check_with_previous(text, last_year),
        None => nianbao::check(text),
    }
}

#[test]
fn every_code_has_exactly_one_documented_rule() {
    let codes: Vec<RuleCode> = RULES.iter().map(|r| r.code).collect();
    assert_eq!(codes, RuleCode::ALL.to_vec());
    for rule in &RULES {
        let doc = rule.doc;
        for (field, text) in [("name", doc.name), ("what", doc.what), ("why", doc.why)] {
            assert!(!text.trim().is_empty(), "{} has no {field}", rule.code);
        }
    }
}

#[test]
fn the_failing_example_fires_the_rule() {
    for rule in &RULES {
        let doc = rule.doc;
        let report = check_example(rule.code, doc.bad);
        let fired: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.code == rule.code)
            .collect();
        assert!(
            !fired.is_empty(),
            "{}: the failing example does not fire it; findings: {:?}",
            rule.code,
            report.codes()
        );
        for f in fired {
            assert_eq!(f.severity, doc.severity, "{}", rule.code);
        }
    }
}

#[test]
fn the_passing_example_does_not() {
    for rule in &RULES {
        let doc = rule.doc;
        let report = check_example(rule.code, doc.good);
        let fired: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.code == rule.code)
            .map(|f| &f.message)
            .collect();
        assert!(
            fired.is_empty(),
            "{}: the passing example fires it: {fired:?}",
            rule.code
        );
    }
}

#[test]
fn rules_that_need_last_years_report_are_documented_and_silent_without_it() {
    let needing: Vec<_> = RULES.iter().filter(|r| r.doc.needs_last_year()).collect();
    let codes: Vec<RuleCode> = needing.iter().map(|r| r.code).collect();
    assert_eq!(codes, vec![RuleCode::X01, RuleCode::X02, RuleCode::X03]);
    for rule in needing {
        let doc = rule.doc;
        assert!(
            RULES.iter().any(|r| std::ptr::eq(r.doc, doc)),
            "{}",
            rule.code
        );
        let previous_example = doc.last_year_example.unwrap_or_default();
        assert!(!previous_example.trim().is_empty(), "{}", rule.code);
        // Alone, the failing example has nothing to be compared with.
        let alone = nianbao::check(doc.bad);
        assert!(
            alone.findings.iter().all(|f| f.code != rule.code),
            "{} fires without last year's report",
            rule.code
        );
        // Last year's example is itself a report the rule does not fire on (it has no previous).
        let last = nianbao::check(previous_example);
        assert!(last.findings.iter().all(|f| f.code != rule.code));
    }
}
