//! Every rule's documentation is executable: its failing example fires it, its passing example does not.

use nianbao::rules::RULES;
use nianbao::RuleCode;

#[test]
fn every_code_has_exactly_one_documented_rule() {
    let codes: Vec<RuleCode> = RULES.iter().map(|r| r.doc.code).collect();
    assert_eq!(codes, RuleCode::ALL.to_vec());
    for rule in &RULES {
        let doc = rule.doc;
        for (field, text) in [("name", doc.name), ("what", doc.what), ("why", doc.why)] {
            assert!(!text.trim().is_empty(), "{} has no {field}", doc.code);
        }
    }
}

#[test]
fn the_failing_example_fires_the_rule() {
    for rule in &RULES {
        let doc = rule.doc;
        let report = nianbao::check(doc.bad);
        let fired: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.code == doc.code)
            .collect();
        assert!(
            !fired.is_empty(),
            "{}: the failing example does not fire it; findings: {:?}",
            doc.code,
            report.codes()
        );
        for f in fired {
            assert_eq!(f.severity, doc.severity, "{}", doc.code);
        }
    }
}

#[test]
fn the_passing_example_does_not() {
    for rule in &RULES {
        let doc = rule.doc;
        let report = nianbao::check(doc.good);
        let fired: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.code == doc.code)
            .map(|f| &f.message)
            .collect();
        assert!(
            fired.is_empty(),
            "{}: the passing example fires it: {fired:?}",
            doc.code
        );
    }
}
