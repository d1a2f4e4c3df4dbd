//! Byte offsets (the core's) to UTF-16 offsets (the browser's text fields).

pub fn utf16_offset(text: &str, byte: usize) -> usize {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    text[..byte].encode_utf16().count()
}

/// The byte offset of UTF-16 offset `unit` (rounded down to a character boundary).
pub fn byte_offset(text: &str, unit: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units + c.len_utf16() > unit {
            return i;
        }
        units += c.len_utf16();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways() {
        let text = "一、a𝄞b";
        assert_eq!(utf16_offset(text, 0), 0);
        assert_eq!(utf16_offset(text, 6), 2);
        assert_eq!(utf16_offset(text, 7), 3);
        assert_eq!(utf16_offset(text, 11), 5);
        assert_eq!(utf16_offset(text, 12), 6);
        assert_eq!(byte_offset(text, 2), 6);
        assert_eq!(byte_offset(text, 5), 11);
        assert_eq!(byte_offset(text, 4), 7);
        assert_eq!(byte_offset(text, 99), text.len());
    }
}
