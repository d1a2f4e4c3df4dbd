//! The user's text cut into pieces: plain text, highlighted runs (with the findings that cover them),
//! and insertion markers where a missing part should be.

use crate::rules::{Finding, Severity};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Text {
        start: usize,
        end: usize,
    },
    /// Text covered by one or more findings; `severity` is the most severe of them.
    Mark {
        start: usize,
        end: usize,
        severity: Severity,
        findings: Vec<usize>,
    },
    /// An empty finding span: where something is missing.
    Marker {
        at: usize,
        severity: Severity,
        finding: usize,
    },
}

/// Cuts `text` by the spans of `findings` (indices into `findings`). Spans must lie on char boundaries
/// within `text`, as every finding's does.
pub fn pieces(text: &str, findings: &[Finding]) -> Vec<Piece> {
    let len = text.len();
    let mut cuts: Vec<usize> = vec![0, len];
    for f in findings {
        cuts.push(f.start.min(len));
        cuts.push(f.end.min(len));
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut markers: Vec<(usize, usize)> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.start == f.end)
        .map(|(i, f)| (f.start.min(len), i))
        .collect();
    markers.sort_unstable();
    let mut markers = markers.into_iter().peekable();

    let mut out = Vec::new();
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        while let Some(&(at, i)) = markers.peek() {
            if at > start {
                break;
            }
            out.push(Piece::Marker {
                at,
                severity: findings[i].severity,
                finding: i,
            });
            markers.next();
        }
        let covering: Vec<usize> = findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.start <= start && end <= f.end && f.start < f.end)
            .map(|(i, _)| i)
            .collect();
        match covering.iter().map(|&i| findings[i].severity).min() {
            Some(severity) => out.push(Piece::Mark {
                start,
                end,
                severity,
                findings: covering,
            }),
            None => out.push(Piece::Text { start, end }),
        }
    }
    for (at, i) in markers {
        out.push(Piece::Marker {
            at,
            severity: findings[i].severity,
            finding: i,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleCode;

    fn finding(start: usize, end: usize, severity: Severity) -> Finding {
        Finding {
            code: RuleCode::S03,
            severity,
            message: String::new(),
            line: 1,
            start,
            end,
            part: None,
            labels: Vec::new(),
            expected: None,
            actual: None,
            help: None,
            fix: None,
        }
    }

    #[test]
    fn cuts_overlapping_findings_into_runs() {
        let text = "abcdefghij";
        let findings = [
            finding(2, 6, Severity::Warning),
            finding(4, 8, Severity::Error),
            finding(9, 9, Severity::Error),
        ];
        let got = pieces(text, &findings);
        assert_eq!(
            got,
            vec![
                Piece::Text { start: 0, end: 2 },
                Piece::Mark {
                    start: 2,
                    end: 4,
                    severity: Severity::Warning,
                    findings: vec![0]
                },
                Piece::Mark {
                    start: 4,
                    end: 6,
                    severity: Severity::Error,
                    findings: vec![0, 1]
                },
                Piece::Mark {
                    start: 6,
                    end: 8,
                    severity: Severity::Error,
                    findings: vec![1]
                },
                Piece::Text { start: 8, end: 9 },
                Piece::Marker {
                    at: 9,
                    severity: Severity::Error,
                    finding: 2
                },
                Piece::Text { start: 9, end: 10 },
            ]
        );
    }

    #[test]
    fn pieces_cover_the_text_exactly_once() {
        for (_, text) in crate::present::tests_support::seeds() {
            let report = crate::check(text);
            let mut at = 0;
            for piece in pieces(text, &report.findings) {
                match piece {
                    Piece::Text { start, end } | Piece::Mark { start, end, .. } => {
                        assert_eq!(start, at);
                        at = end;
                    }
                    Piece::Marker { at: m, .. } => assert_eq!(m, at),
                }
            }
            assert_eq!(at, text.len());
        }
    }

    #[test]
    fn a_marker_at_the_end_is_kept() {
        let got = pieces("ab", &[finding(2, 2, Severity::Error)]);
        assert_eq!(
            got.last(),
            Some(&Piece::Marker {
                at: 2,
                severity: Severity::Error,
                finding: 0
            })
        );
    }
}
