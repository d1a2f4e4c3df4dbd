//! One diagnostic shape: a finding's labels may point into this year's text or last year's, and the
//! JSON keeps its contract (`related` for this year's places, `previous` for last year's).

use nianbao::rules::RULES;
use nianbao::summary::FileSummary;
use nianbao::{RuleCode, Source};

#[test]
fn a_comparison_with_last_year_labels_a_place_in_last_years_text() {
    let doc = RuleCode::X02.doc();
    let last_year = doc.last_year_example.expect("X02 has last year's example");
    let report = nianbao::check_with_previous(doc.bad, last_year);
    let f = report
        .findings
        .iter()
        .find(|f| f.code == RuleCode::X02)
        .expect("X02 fires");
    let there = f.in_last_year().expect("a label in last year's report");
    assert_eq!(there.source, Source::LastYear);
    assert!(there.label.starts_with("上年"));
    assert!(last_year.get(there.start..there.end).is_some());
    // Its two cells of this year are this year's labels.
    assert_eq!(f.related().len(), 2);
    assert!(f.related().iter().all(|l| l.source == Source::ThisYear));

    let json = serde_json::to_value(FileSummary::new("x", &report)).expect("serialisable");
    let finding = json["findings"]
        .as_array()
        .and_then(|all| all.iter().find(|f| f["code"] == "X02"))
        .expect("X02 in the JSON");
    // The keys in the order scripts have always seen them.
    let written = serde_json::to_string(f).expect("serialisable");
    let places: Vec<usize> = [
        "code", "severity", "message", "line", "start", "end", "related", "part", "previous",
        "expected", "actual",
    ]
    .iter()
    .map(|k| written.find(&format!("\"{k}\":")).expect(k))
    .collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "{written}");
    assert!(!written.contains("\"help\""), "{written}");
    assert_eq!(finding["previous"]["label"], there.label.as_str());
    assert_eq!(finding["related"].as_array().map(Vec::len), Some(2));
}

#[test]
fn no_rule_example_labels_last_year_without_last_years_report() {
    for rule in &RULES {
        for text in [rule.doc.bad, rule.doc.good] {
            let report = nianbao::check(text);
            assert!(report.findings.iter().all(|f| f.in_last_year().is_none()));
        }
    }
}
