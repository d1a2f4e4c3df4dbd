//! Moving through the problems with the keyboard (F8 / Shift+F8 on the page).

use crate::Finding;

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
}
