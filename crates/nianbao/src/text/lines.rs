//! Lines: a text split into lines with their offsets, and byte offset to 1-based line number.

/// The lines of `text` as `str::split('\n')` gives them (the last one possibly empty), each with the
/// byte offset where it starts, counted from `offset` (where `text` starts in the document).
pub fn lines_from(text: &str, offset: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut next = Some(0);
    std::iter::from_fn(move || {
        let start = next?;
        let rest = text.get(start..)?;
        // Most lines are short (a cell, a label): a plain scan beats setting up a memchr per line.
        let end = rest.bytes().position(|b| b == b'\n');
        next = end.map(|end| start + end + 1);
        crate::work::add(end.map_or(rest.len(), |end| end + 1));
        Some((offset + start, &rest[..end.unwrap_or(rest.len())]))
    })
}

#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Where each line starts: four bytes a line, not eight (a text of blank lines has a line
    /// every two bytes; the core reads texts of at most 20 MB, and offsets are u32 throughout).
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        // Counted first: grown by doubling, the starts of a text of blank lines would be held
        // twice, and three times while being copied.
        let mut starts = Vec::with_capacity(text.bytes().filter(|&b| b == b'\n').count() + 1);
        starts.push(0);
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| (i + 1) as u32),
        );
        LineIndex { starts }
    }

    /// Each line of a text of `len` bytes as the byte range it spans, without its line break.
    pub fn spans(&self, len: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let ends = self.starts[1..]
            .iter()
            .map(|&s| s as usize - 1)
            .chain([len]);
        self.starts.iter().map(|&s| s as usize).zip(ends)
    }

    /// The 1-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s as usize <= offset)
            .max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_like_str_split() {
        for text in ["", "\n", "ab", "ab\ncd\n\nef", "ab\r\n字\n"] {
            let want: Vec<&str> = text.split('\n').collect();
            let got: Vec<(usize, &str)> = lines_from(text, 10).collect();
            assert_eq!(got.iter().map(|l| l.1).collect::<Vec<_>>(), want);
            for (at, line) in got {
                assert_eq!(&text[at - 10..at - 10 + line.len()], line);
            }
        }
    }

    #[test]
    fn numbers_lines_from_one() {
        let idx = LineIndex::new("ab\ncd\n\nef");
        assert_eq!(idx.line_of(0), 1);
        assert_eq!(idx.line_of(2), 1);
        assert_eq!(idx.line_of(3), 2);
        assert_eq!(idx.line_of(6), 3);
        assert_eq!(idx.line_of(7), 4);
        assert_eq!(idx.line_of(100), 4);
    }
}
