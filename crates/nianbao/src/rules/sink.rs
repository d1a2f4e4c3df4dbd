use crate::parse::Parsed;
use crate::rules::{Finding, Fix, Label, RuleCode, Source};
use crate::span::Span;
use crate::text::LineIndex;

/// Collects findings for the rule that runs, filling in its code and severity, line numbers and the
/// part they lie in.
pub struct Sink<'p> {
    /// The rule whose findings are pushed now (set by the runner before each rule).
    rule: RuleCode,
    lines: &'p LineIndex<'p>,
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
            rule: RuleCode::ALL[0],
            lines: parsed.lines(),
            part_starts,
            findings: Vec::new(),
        }
    }

    /// Findings from now on are the rule `code`'s.
    pub(crate) fn start(&mut self, code: RuleCode) {
        self.rule = code;
    }

    /// Reports a finding of the running rule at `span` (its primary place); the builder returned
    /// adds its labelled places, values and help.
    pub fn report(&mut self, span: Span, message: String) -> FindingBuilder<'_> {
        let part = self
            .part_starts
            .iter()
            .rev()
            .find(|(start, _)| *start <= span.start)
            .map(|&(_, number)| number);
        let at = self.findings.len();
        self.findings.push(Finding {
            code: self.rule,
            severity: self.rule.doc().severity,
            message,
            line: self.lines.line_of(span.start),
            start: span.start,
            end: span.end,
            part,
            labels: Vec::new(),
            expected: None,
            actual: None,
            help: None,
            fix: None,
        });
        FindingBuilder {
            finding: &mut self.findings[at],
            lines: self.lines,
        }
    }

    pub fn into_findings(self) -> Vec<Finding> {
        self.findings
    }
}

/// A finding just reported, being completed (each call adds to it; dropping the builder keeps it).
pub struct FindingBuilder<'s> {
    finding: &'s mut Finding,
    lines: &'s LineIndex<'s>,
}

impl FindingBuilder<'_> {
    /// Another place in this year's text the finding concerns, and what it is.
    pub fn label(self, span: Span, label: String) -> Self {
        let line = self.lines.line_of(span.start);
        self.push_label(span, line, label, Source::ThisYear)
    }

    pub fn labels(mut self, labels: Vec<(Span, String)>) -> Self {
        for (span, label) in labels {
            self = self.label(span, label);
        }
        self
    }

    /// The place in last year's report (`last_year`) the finding compares with.
    pub fn label_in_last_year(self, last_year: &Parsed, span: Span, label: String) -> Self {
        let line = last_year.line_of(span.start);
        self.push_label(span, line, label, Source::LastYear)
    }

    fn push_label(self, span: Span, line: usize, label: String, source: Source) -> Self {
        self.finding.labels.push(Label {
            start: span.start,
            end: span.end,
            line,
            label,
            source,
        });
        self
    }

    /// What the value at the primary place should be, and what it is, as shown to the user.
    pub fn expected_actual(self, expected: String, actual: String) -> Self {
        self.finding.expected = Some(expected);
        self.finding.actual = Some(actual);
        self
    }

    pub fn help(self, help: String) -> Self {
        self.finding.help = Some(help);
        self
    }

    /// The correction, when the right text is certain.
    pub fn fix(self, fix: Fix) -> Self {
        self.finding.fix = Some(fix);
        self
    }

    /// The part the finding concerns, when it is not the one its place lies in (a missing part).
    pub fn part(self, number: u8) -> Self {
        self.finding.part = Some(number);
        self
    }
}
