//! Which table cells each finding marks: the cell it points at, and the cells of a sum it names.

use std::collections::HashMap;

use crate::rules::{Finding, Source};
use crate::span::Span;

/// For every span a finding points at or names, the findings concerned (indices), most severe first.
pub fn findings_by_span(findings: &[Finding]) -> HashMap<Span, Vec<usize>> {
    let mut map: HashMap<Span, Vec<usize>> = HashMap::new();
    for (i, f) in findings.iter().enumerate() {
        map.entry(f.span()).or_default().push(i);
        for r in f.labels_in(Source::ThisYear) {
            let list = map.entry(Span::new(r.start, r.end)).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
    }
    for list in map.values_mut() {
        list.sort_by_key(|&i| (findings[i].severity, findings[i].start));
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::TableId;

    #[test]
    fn a_changed_cell_is_marked_by_each_rule_it_breaks() {
        let text = crate::present::tests_support::seed("000");
        let doc = crate::check(text).document;
        let cell = doc
            .table(TableId::T3)
            .unwrap()
            .row("granted")
            .unwrap()
            .cells[0]
            .span;
        let changed = format!("{}5{}", &text[..cell.start], &text[cell.end..]);
        let report = crate::check(&changed);
        let map = findings_by_span(&report.findings);
        let codes: Vec<_> = map[&cell]
            .iter()
            .map(|&i| report.findings[i].code.as_str())
            .collect();
        assert_eq!(codes, ["R02", "R03"]);
    }
}
