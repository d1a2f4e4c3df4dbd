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

/// The lines of a text: the line of a byte offset.
#[derive(Clone, Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    /// How many line breaks precede each [`BLOCK`] of the text: four bytes a block, not four a line
    /// (a text of blank lines has a line every two bytes, and its index was twice the text). The
    /// core reads texts of at most 20 MB, and offsets are u32 throughout.
    breaks_before: Vec<u32>,
}

/// Bytes of text a count of breaks covers: a line is found by counting the breaks of at most one
/// block, a few word compares.
const BLOCK: usize = 64;

fn breaks_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b == b'\n').count()
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut breaks_before = Vec::with_capacity(text.len() / BLOCK + 1);
        let mut breaks = 0;
        for block in text.as_bytes().chunks(BLOCK) {
            breaks_before.push(breaks as u32);
            breaks += breaks_in(block);
        }
        // For an offset at the end of a text that fills its last block.
        breaks_before.push(breaks as u32);
        LineIndex {
            text,
            breaks_before,
        }
    }

    /// The 1-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let block = offset / BLOCK;
        let before = self.breaks_before.get(block).map_or(0, |&n| n as usize);
        let counted = self
            .text
            .as_bytes()
            .get(block * BLOCK..offset)
            .map_or(0, breaks_in);
        before + counted + 1
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

    #[test]
    fn counts_lines_across_blocks() {
        // Ends inside a block, at the end of one, and at the first.
        for len in [1000, 1024, 64, 0] {
            let text: String = (0..len)
                .map(|i| if i % 7 == 0 { '\n' } else { 'a' })
                .collect();
            let idx = LineIndex::new(&text);
            for offset in 0..=text.len() + 3 {
                let want = 1 + text.as_bytes()[..offset.min(text.len())]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count();
                assert_eq!(idx.line_of(offset), want, "offset {offset} of {len}");
            }
        }
    }
}
