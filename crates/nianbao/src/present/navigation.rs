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
    if findings.is_empty() {
        return None;
    }
    let n = findings.len();
    let on_selected =
        selected.filter(|&i| i < n && findings[i].start <= caret && caret <= findings[i].end);
    if let Some(i) = on_selected {
        return Some(if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        });
    }
    if forward {
        Some(findings.iter().position(|f| f.start > caret).unwrap_or(0))
    } else {
        Some(
            findings
                .iter()
                .rposition(|f| f.start < caret)
                .unwrap_or(n - 1),
        )
    }
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
}
