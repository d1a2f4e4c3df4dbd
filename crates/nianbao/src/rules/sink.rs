use crate::parse::Parsed;
use crate::rules::{Finding, Related, RuleCode};
use crate::span::Span;

/// Collects findings, filling in severity (from the rule's doc), line numbers and the part they lie in.
pub struct Sink<'p> {
    lines: &'p crate::text::LineIndex,
    /// Where each found part's heading starts, in text order.
    part_starts: Vec<(usize, u8)>,
    findings: Vec<Finding>,
}

impl<'p> Sink<'p> {
    pub fn new(parsed: &'p Parsed) -> Self {
        let mut part_starts: Vec<(usize, u8)> = parsed
            .document
            .parts
            .iter()
            .filter(|p| p.found)
            .map(|p| (p.heading_span.start, p.number))
            .collect();
        part_starts.sort_unstable();
        Sink {
            lines: &parsed.lines,
            part_starts,
            findings: Vec::new(),
        }
    }

    pub fn push(&mut self, code: RuleCode, span: Span, message: String) -> &mut Finding {
        self.push_related(code, span, message, Vec::new())
    }

    /// Adds a finding that also concerns other places (e.g. every cell of a sum); returns it so the
    /// caller may add a cell's expected and actual values.
    pub fn push_related(
        &mut self,
        code: RuleCode,
        span: Span,
        message: String,
        related: Vec<(Span, String)>,
    ) -> &mut Finding {
        let related = related
            .into_iter()
            .map(|(s, label)| Related {
                start: s.start,
                end: s.end,
                line: self.lines.line_of(s.start),
                label,
            })
            .collect();
        let part = self
            .part_starts
            .iter()
            .rev()
            .find(|(start, _)| *start <= span.start)
            .map(|&(_, number)| number);
        self.findings.push(Finding {
            code,
            severity: super::doc(code).severity,
            message,
            line: self.lines.line_of(span.start),
            start: span.start,
            end: span.end,
            related,
            part,
            previous: None,
            expected: None,
            actual: None,
        });
        self.findings.last_mut().expect("just pushed")
    }

    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }
}
