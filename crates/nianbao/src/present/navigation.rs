//! Moving through the problems with the keyboard (F8 / Shift+F8 on the page), and what a jump to one
//! selects.

use crate::Finding;

/// A selection longer than this many characters is not made: typing would replace it.
const LONGEST_SELECTION: usize = 8;

/// What a jump to `finding` selects in `text` (byte offsets): only the faulty part, so typing (or
/// Enter twice) does not replace a whole heading; the mark shows the rest. The part its fix would
/// change when that lies inside the finding (the numeral 「6、」 of a heading); else the finding's
/// own place when it is one short piece on one line (a table cell's number); else a caret at its start.
pub fn selection(finding: &Finding, text: &str) -> (usize, usize) {
    let (start, end) = (finding.start, finding.end);
    let inside = finding
        .fix
        .iter()
        .flat_map(|fix| &fix.edits)
        .filter(|e| start <= e.start && e.end <= end && (e.start, e.end) != (start, end));
    let hull = inside.fold(None, |hull: Option<(usize, usize)>, e| {
        Some(hull.map_or((e.start, e.end), |(a, b)| (a.min(e.start), b.max(e.end))))
    });
    if let Some(range) = hull {
        return range;
    }
    match text.get(start..end) {
        Some(piece) if !piece.contains('\n') && piece.chars().count() <= LONGEST_SELECTION => {
            (start, end)
        }
        _ => (start, start),
    }
}

/// The problem after (or before) the current one. The current one is the selected problem while the
/// caret is still on it, else the caret itself. Findings are in text order; the ends wrap around.
pub fn step(
    findings: &[Finding],
    selected: Option<usize>,
    forward: bool,
    caret: usize,
) -> Option<usize> {
    jump(findings, selected, forward, caret).map(|j| j.index)
}

/// Where a step lands, and whether it went round an end of the list (the page says so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Jump {
    pub index: usize,
    pub wrapped: bool,
}

/// [`step`], telling whether it wrapped around.
pub fn jump(
    findings: &[Finding],
    selected: Option<usize>,
    forward: bool,
    caret: usize,
) -> Option<Jump> {
    if findings.is_empty() {
        return None;
    }
    let n = findings.len();
    let on_selected =
        selected.filter(|&i| i < n && findings[i].start <= caret && caret <= findings[i].end);
    if let Some(i) = on_selected {
        let (index, wrapped) = if forward {
            ((i + 1) % n, i + 1 == n)
        } else {
            ((i + n - 1) % n, i == 0)
        };
        return Some(Jump { index, wrapped });
    }
    Some(if forward {
        match findings.iter().position(|f| f.start > caret) {
            Some(index) => Jump {
                index,
                wrapped: false,
            },
            None => Jump {
                index: 0,
                wrapped: true,
            },
        }
    } else {
        match findings.iter().rposition(|f| f.start < caret) {
            Some(index) => Jump {
                index,
                wrapped: false,
            },
            None => Jump {
                index: n - 1,
                wrapped: true,
            },
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_from_the_selection_or_the_caret_and_wraps() {
        let report = crate::check(crate::present::tests_support::seed("004"));
        let f = &report.findings;
        assert!(f.len() >= 3);
        // From the top: the first problem.
        assert_eq!(
            step(f, None, true, 0),
            Some(if f[0].start > 0 { 0 } else { 1 })
        );
        // From the selected one, while the caret is on it.
        assert_eq!(step(f, Some(1), true, f[1].start), Some(2));
        assert_eq!(step(f, Some(1), false, f[1].start), Some(0));
        // The caret moved elsewhere: from the caret.
        let last = f.len() - 1;
        assert_eq!(
            step(f, Some(0), true, f[last].start),
            Some(0),
            "past the last one wraps to the first"
        );
        assert_eq!(
            step(f, None, false, 0),
            Some(last),
            "before the first one wraps to the last"
        );
        assert_eq!(step(&[], None, true, 0), None);
    }

    #[test]
    fn tells_when_a_step_wraps_around() {
        let report = crate::check(crate::present::tests_support::seed("004"));
        let f = &report.findings;
        let last = f.len() - 1;
        let at = |i: usize| f[i].start;
        assert_eq!(
            jump(f, Some(last), true, at(last)),
            Some(Jump {
                index: 0,
                wrapped: true
            })
        );
        assert_eq!(
            jump(f, Some(0), false, at(0)),
            Some(Jump {
                index: last,
                wrapped: true
            })
        );
        assert_eq!(
            jump(f, Some(0), true, at(0)),
            Some(Jump {
                index: 1,
                wrapped: false
            })
        );
        assert_eq!(
            jump(f, None, true, f[last].end + 1).map(|j| j.wrapped),
            Some(true),
            "from a caret past the last problem"
        );
        assert_eq!(
            jump(f, None, false, 0),
            Some(Jump {
                index: last,
                wrapped: true
            })
        );
        assert_eq!(
            jump(f, Some(1), true, at(1)).map(|j| j.wrapped),
            Some(false)
        );
    }

    /// Seed 002 (the page's example) with one change, checked.
    fn checked(from: &str, to: &str) -> (String, crate::Report) {
        let text = crate::present::tests_support::seed("002").replacen(from, to, 1);
        let report = crate::check(&text);
        (text, report)
    }

    fn selected<'t>(text: &'t str, report: &crate::Report, code: &str) -> &'t str {
        let finding = report
            .findings
            .iter()
            .find(|f| f.code.as_str() == code)
            .unwrap_or_else(|| panic!("a {code} finding"));
        let (start, end) = selection(finding, text);
        assert!(
            finding.start <= start && end <= finding.end,
            "inside the finding"
        );
        &text[start..end]
    }

    #[test]
    fn a_jump_selects_the_wrong_numeral_not_the_heading() {
        let (text, report) = checked("六、其他需要报告的事项", "6、其他需要报告的事项");
        assert_eq!(selected(&text, &report, "S03"), "6、");
    }

    #[test]
    fn a_jump_selects_a_cell_and_only_a_caret_on_a_long_place() {
        let (text, report) = checked(
            "\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n||\n7.",
            "\n0 |\n5 |\n0 |\n0 |\n0 |\n0 |\n||\n7.",
        );
        assert_eq!(selected(&text, &report, "R02"), "0", "the total's cell");
        // C03 points at the whole heading of part 6: a caret at its start, nothing to overwrite.
        assert_eq!(selected(&text, &report, "C03"), "");
        let c03 = report
            .findings
            .iter()
            .find(|f| f.code.as_str() == "C03")
            .unwrap();
        assert_eq!(selection(c03, &text), (c03.start, c03.start));
    }

    #[test]
    fn a_selection_never_leaves_the_finding_or_the_text() {
        for (_, seed) in crate::present::tests_support::seeds() {
            let report = crate::check(seed);
            for f in &report.findings {
                let (start, end) = selection(f, seed);
                assert!(f.start <= start && start <= end && end <= f.end);
                assert!(seed.is_char_boundary(start) && seed.is_char_boundary(end));
            }
        }
    }
}
