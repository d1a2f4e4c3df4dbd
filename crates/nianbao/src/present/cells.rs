//! Which table cells each finding marks: the cell it points at, and the cells of a sum it names.

use crate::rules::{Finding, Source};
use crate::span::Span;

/// The findings concerned by each span, sorted by span. A table has a few dozen marked cells: a
/// sorted list searched by halves keeps a hash map's code out of the page.
#[derive(Debug, Default)]
pub struct FindingsBySpan(Vec<(Span, Vec<usize>)>);

impl FindingsBySpan {
    /// The findings concerned by `span` (indices), most severe first.
    pub fn get(&self, span: &Span) -> Option<&Vec<usize>> {
        let at = self.0.binary_search_by_key(span, |(s, _)| *s).ok()?;
        self.0.get(at).map(|(_, list)| list)
    }

    fn entry(&mut self, span: Span) -> &mut Vec<usize> {
        let at = match self.0.binary_search_by_key(&span, |(s, _)| *s) {
            Ok(at) => at,
            Err(at) => {
                self.0.insert(at, (span, Vec::new()));
                at
            }
        };
        &mut self.0[at].1
    }
}

impl std::ops::Index<&Span> for FindingsBySpan {
    type Output = Vec<usize>;

    fn index(&self, span: &Span) -> &Vec<usize> {
        self.get(span).expect("a span some finding concerns")
    }
}

/// For every span a finding points at or names, the findings concerned (indices), most severe first.
pub fn findings_by_span(findings: &[Finding]) -> FindingsBySpan {
    let mut map = FindingsBySpan::default();
    for (i, f) in findings.iter().enumerate() {
        map.entry(f.span()).push(i);
        for r in f.labels_in(Source::ThisYear) {
            let list = map.entry(Span::new(r.start, r.end));
            if !list.contains(&i) {
                list.push(i);
            }
        }
    }
    for (_, list) in &mut map.0 {
        list.sort_by_key(|&i| (findings[i].severity, findings[i].start));
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_cell_is_marked_by_each_rule_it_breaks() {
        let (changed, cell) = crate::present::tests_support::seed_000_with_a_changed_cell();
        let report = crate::check(&changed);
        let map = findings_by_span(&report.findings);
        let codes: Vec<_> = map[&cell]
            .iter()
            .map(|&i| report.findings[i].code.as_str())
            .collect();
        assert_eq!(codes, ["R02", "R03"]);
    }
}
