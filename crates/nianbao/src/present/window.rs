//! The stretch of a long text a text box shows and edits. Chromium lays a textarea's whole text out
//! again on every change: about a second a megabyte, so 19 MB froze the tab for 20 s and more per edit.
//! A text of [`LONG_TEXT`] or more is therefore shown a window at a time, about [`WINDOW_BYTES`] of
//! whole lines, and an edit in the box is spliced back into the whole text.

use crate::report::Finding;

/// Texts this long or longer are shown and edited a window at a time.
pub const LONG_TEXT: usize = 256 * 1024;

/// About how much of a long text one window holds.
pub const WINDOW_BYTES: usize = 64 * 1024;

/// How far past [`WINDOW_BYTES`] a window looks for the end of its last line before it cuts the line.
const LINE_END_SEARCH: usize = 4 * 1024;

/// Bytes `start..end` of a text, on character boundaries, from a line's start to a line's end where
/// the text has lines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Window {
    pub start: usize,
    pub end: usize,
}

/// The largest character boundary of `text` at or before `at`.
fn boundary_before(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

impl Window {
    /// The window that starts with the line holding byte `at` (or a little before `at` on a line
    /// longer than a window), and holds about [`WINDOW_BYTES`] of whole lines.
    pub fn at(text: &str, at: usize) -> Window {
        // The end of the text is in its last line, not in an empty one after it.
        let at = boundary_before(text, at.min(text.len().saturating_sub(1)));
        let reach = at.saturating_sub(WINDOW_BYTES / 2);
        let start = match text.as_bytes()[reach..at].iter().rposition(|&b| b == b'\n') {
            Some(i) => reach + i + 1,
            None => boundary_before(text, reach),
        };
        Window {
            start,
            end: Window::end_after(text, start),
        }
    }

    /// Where a window starting at `start` ends: the end of the line that crosses [`WINDOW_BYTES`], or
    /// a character boundary a little further when that line is very long.
    fn end_after(text: &str, start: usize) -> usize {
        let full = start + WINDOW_BYTES;
        if full >= text.len() {
            return text.len();
        }
        let from = boundary_before(text, full);
        let limit = boundary_before(text, from + LINE_END_SEARCH);
        match text.as_bytes()[from..limit]
            .iter()
            .position(|&b| b == b'\n')
        {
            Some(i) => from + i + 1,
            None => limit.max(from),
        }
    }

    /// Whether this window can show `text`: inside it, on its character boundaries.
    pub fn fits(&self, text: &str) -> bool {
        self.start <= self.end
            && self.end <= text.len()
            && text.is_char_boundary(self.start)
            && text.is_char_boundary(self.end)
    }

    /// The window before this one, if this is not the first.
    pub fn previous(&self, text: &str) -> Option<Window> {
        (self.start > 0).then(|| Window::at(text, self.start.saturating_sub(WINDOW_BYTES / 2)))
    }

    /// The window after this one, if this is not the last.
    pub fn next(&self, text: &str) -> Option<Window> {
        (self.end < text.len()).then(|| Window {
            start: self.end,
            end: Window::end_after(text, self.end),
        })
    }

    /// Whether bytes `start..end` of the text lie in this window.
    pub fn holds(&self, start: usize, end: usize) -> bool {
        self.start <= start && end <= self.end
    }

    /// The whole text after the box showing this window came to hold `shown`, and the window over
    /// `shown` in it.
    pub fn splice(&self, text: &str, shown: &str) -> (String, Window) {
        let mut whole = String::with_capacity(text.len() - (self.end - self.start) + shown.len());
        whole.push_str(&text[..self.start]);
        whole.push_str(shown);
        whole.push_str(&text[self.end..]);
        let window = Window {
            start: self.start,
            end: self.start + shown.len(),
        };
        (whole, window)
    }

    /// 1-based numbers of the first and last line in the window, and of the text's lines.
    pub fn lines(&self, text: &str) -> (usize, usize, usize) {
        let count = |s: &str| s.bytes().filter(|&b| b == b'\n').count();
        let first = 1 + count(&text[..self.start]);
        let shown = &text[self.start..self.end];
        let last = first + count(shown.strip_suffix('\n').unwrap_or(shown));
        (first, last, 1 + count(text))
    }

    /// The findings in the window, moved to its offsets, each with its index among `findings`.
    pub fn findings_in(&self, findings: &[Finding]) -> (Vec<Finding>, Vec<usize>) {
        findings
            .iter()
            .enumerate()
            .filter(|(_, f)| self.holds(f.start, f.end))
            .map(|(i, f)| {
                let moved = Finding {
                    start: f.start - self.start,
                    end: f.end - self.start,
                    labels: Vec::new(),
                    ..f.clone()
                };
                (moved, i)
            })
            .unzip()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::present::tests_support::seed;

    fn long_report() -> String {
        format!("{}\n", seed("002")).repeat(40)
    }

    #[test]
    fn windows_hold_whole_lines_and_tile_the_text() {
        let text = long_report();
        assert!(text.len() >= LONG_TEXT);
        let mut window = Window::at(&text, 0);
        assert_eq!(window.start, 0);
        let mut covered = String::new();
        let mut count = 0;
        loop {
            assert!(window.fits(&text));
            let shown = &text[window.start..window.end];
            assert!(shown.len() >= WINDOW_BYTES || window.end == text.len());
            assert!(shown.len() <= WINDOW_BYTES + LINE_END_SEARCH);
            assert!(window.start == 0 || text.as_bytes()[window.start - 1] == b'\n');
            assert!(shown.ends_with('\n') || window.end == text.len());
            covered.push_str(shown);
            count += 1;
            match window.next(&text) {
                Some(next) => window = next,
                None => break,
            }
        }
        assert_eq!(
            covered, text,
            "the windows, one after another, are the text"
        );
        assert!(count <= text.len().div_ceil(WINDOW_BYTES));
        assert!(count >= text.len() / (WINDOW_BYTES + LINE_END_SEARCH));
        assert!(window
            .previous(&text)
            .is_some_and(|p| p.end > p.start && p.start < window.start));
        assert_eq!(Window::at(&text, 0).previous(&text), None);
    }

    #[test]
    fn a_window_at_a_place_holds_it_with_its_line_and_some_lines_before() {
        let text = long_report();
        for at in [1, 1000, text.len() / 2, text.len() - 1, text.len()] {
            let window = Window::at(&text, at);
            assert!(window.holds(at.min(text.len()), at.min(text.len())), "{at}");
            assert!(window.start == 0 || text.as_bytes()[window.start - 1] == b'\n');
        }
    }

    #[test]
    fn text_without_lines_or_of_wide_characters_is_cut_on_character_boundaries() {
        for text in [
            "字".repeat(300_000),
            "7".repeat(300_000),
            "字\n".repeat(100_000),
        ] {
            for at in [0, 7, 150_001, text.len()] {
                let window = Window::at(&text, at);
                assert!(window.fits(&text), "{at}");
                assert!(window.end > window.start);
                if let Some(next) = window.next(&text) {
                    assert!(next.fits(&text) && next.start == window.end);
                }
            }
        }
    }

    #[test]
    fn an_edit_in_the_window_is_spliced_into_the_whole_text() {
        let text = long_report();
        let window = Window::at(&text, text.len() / 2);
        let shown = &text[window.start..window.end];
        let edited = shown.replacen("总体情况", "总体情况（修改）", 1);
        let (whole, after) = window.splice(&text, &edited);
        assert_eq!(whole.len(), text.len() + "（修改）".len());
        assert_eq!(&whole[..window.start], &text[..window.start]);
        assert_eq!(&whole[after.end..], &text[window.end..]);
        assert_eq!(&whole[after.start..after.end], edited);
    }

    #[test]
    fn the_findings_in_a_window_keep_their_index_and_move_to_its_offsets() {
        let text = long_report();
        let report = crate::check(&text);
        let last = report.findings.last().expect("the example has findings");
        let window = Window::at(&text, last.start);
        let (moved, index) = window.findings_in(&report.findings);
        assert!(!moved.is_empty());
        for (f, &i) in moved.iter().zip(&index) {
            let original = &report.findings[i];
            assert_eq!(
                &text[original.start..original.end],
                &text[window.start..window.end][f.start..f.end]
            );
        }
        let (first, last, all) = window.lines(&text);
        assert!(first < last && last < all);
        assert_eq!(all, text.lines().count() + 1);
    }
}
