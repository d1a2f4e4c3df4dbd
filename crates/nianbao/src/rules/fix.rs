//! Fixes as data: when the right text is certain, a finding carries the edits that make it right
//! (byte ranges of the checked text and what replaces them), so the CLI and the page can apply them.

use serde::Serialize;

use crate::span::Span;

/// One replacement in the checked text: `start..end` (byte offsets; equal for an insertion) becomes
/// `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub replacement: String,
}

impl Edit {
    pub fn new(span: Span, replacement: impl Into<String>) -> Self {
        Edit {
            start: span.start,
            end: span.end,
            replacement: replacement.into(),
        }
    }

    fn overlaps(&self, other: &Edit) -> bool {
        // Two insertions at one point, or an insertion inside a replaced range, collide too.
        self.start < other.end && other.start < self.end
            || (self.start == other.start && (self.is_insertion() || other.is_insertion()))
    }

    fn is_insertion(&self) -> bool {
        self.start == self.end
    }
}

/// A certain correction: what the page's button says (「改为 0」) and its edits, applied together.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Fix {
    pub label: String,
    pub edits: Vec<Edit>,
}

impl Fix {
    pub fn new(label: impl Into<String>, edits: Vec<Edit>) -> Self {
        Fix {
            label: label.into(),
            edits,
        }
    }

    /// A fix of one edit.
    pub fn single(label: impl Into<String>, span: Span, replacement: impl Into<String>) -> Self {
        Fix::new(label, vec![Edit::new(span, replacement)])
    }

    /// Can the fix be applied to `text`: its ranges lie in the text and do not collide?
    fn fits(&self, text: &str) -> bool {
        let in_text = self.edits.iter().all(|e| {
            e.start <= e.end && text.is_char_boundary(e.start) && text.is_char_boundary(e.end)
        });
        let apart = self
            .edits
            .iter()
            .enumerate()
            .all(|(i, e)| self.edits[i + 1..].iter().all(|other| !e.overlaps(other)));
        in_text && apart
    }
}

/// `text` with `fixes` applied. Several findings may carry the same fix (one wrong cell breaks
/// several sums): it is applied once. A fix whose edits collide with one already taken, or that does
/// not fit the text, is left out, whole. Returns the new text and the fixes applied, in text order.
pub fn apply<'f>(text: &str, fixes: impl IntoIterator<Item = &'f Fix>) -> (String, Vec<&'f Fix>) {
    let mut taken: Vec<&Fix> = Vec::new();
    let mut edits: Vec<&Edit> = Vec::new();
    for fix in fixes {
        if !fix.fits(text) || taken.contains(&fix) {
            continue;
        }
        if fix
            .edits
            .iter()
            .any(|e| edits.iter().any(|t| t.overlaps(e)))
        {
            continue;
        }
        edits.extend(&fix.edits);
        taken.push(fix);
    }
    // A few edits: sorted by insertion, which needs no sorting code in the page.
    for i in 1..edits.len() {
        let mut j = i;
        while j > 0 && (edits[j - 1].start, edits[j - 1].end) > (edits[j].start, edits[j].end) {
            edits.swap(j - 1, j);
            j -= 1;
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in edits {
        out.push_str(&text[at..edit.start]);
        out.push_str(&edit.replacement);
        at = edit.end;
    }
    out.push_str(&text[at..]);
    let first_edit = |f: &Fix| f.edits.iter().map(|e| e.start).min();
    for i in 1..taken.len() {
        let mut j = i;
        while j > 0 && first_edit(taken[j - 1]) > first_edit(taken[j]) {
            taken.swap(j - 1, j);
            j -= 1;
        }
    }
    (out, taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_each_fix_once_and_skips_colliding_ones() {
        let text = "a 6、其他 b 3";
        let numeral = Fix::single("改为「六、」", Span::new(2, 6), "六、");
        let cell = Fix::single("改为 0", Span::new(15, 16), "0");
        let colliding = Fix::single("改为「五、」", Span::new(2, 3), "5");
        let fixes = [numeral.clone(), cell.clone(), numeral.clone(), colliding];
        let (fixed, applied) = apply(text, &fixes);
        assert_eq!(fixed, "a 六、其他 b 0");
        assert_eq!(applied, vec![&numeral, &cell]);
    }

    #[test]
    fn an_insertion_and_a_fix_outside_the_text() {
        let text = "总体情况";
        let insert = Fix::single("补上「一、」", Span::point(0), "一、");
        let outside = Fix::single("x", Span::new(1, 2), "y");
        let beyond = Fix::single("x", Span::new(3, 300), "y");
        let colliding_within = Fix::new(
            "x",
            vec![
                Edit::new(Span::new(3, 6), "a"),
                Edit::new(Span::new(0, 6), "b"),
            ],
        );
        let (fixed, applied) = apply(text, [&insert, &outside, &beyond, &colliding_within]);
        assert_eq!(fixed, "一、总体情况");
        assert_eq!(applied.len(), 1);
    }
}
