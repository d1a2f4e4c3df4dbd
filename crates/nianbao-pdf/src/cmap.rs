//! A font's ToUnicode CMap: which characters each code shows (`bfchar`, `bfrange`), and how long
//! its codes are (`codespacerange`: one or two bytes, or mixed as in GBK-style encodings).

use std::collections::{BTreeMap, HashMap};

/// Ranges wider than this are not taken: no font has this many glyphs, and a hostile range must not
/// make each lookup slow or each string long.
const WIDEST_RANGE: u32 = 0x1_0000;

/// What a `bfrange` maps to: a first destination that counts up, or one destination per code.
#[derive(Clone, Debug)]
enum Destination {
    Counting(Vec<u16>),
    Each(Vec<String>),
}

/// A ToUnicode map.
#[derive(Clone, Debug, Default)]
pub struct ToUnicode {
    single: HashMap<u32, String>,
    /// First code → (last code, destination).
    ranges: BTreeMap<u32, (u32, Destination)>,
    /// Code spaces: (byte length, first, last).
    spaces: Vec<(usize, u32, u32)>,
}

#[derive(Debug, PartialEq)]
enum Token<'a> {
    Hex(Vec<u8>),
    Open,
    Close,
    Word(&'a [u8]),
}

fn tokens(data: &[u8]) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        match b {
            b'%' => {
                while i < data.len() && data[i] != b'\n' && data[i] != b'\r' {
                    i += 1;
                }
            }
            b'<' if data.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if data.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let mut digits = Vec::new();
                i += 1;
                while i < data.len() && data[i] != b'>' {
                    if let Some(d) = (data[i] as char).to_digit(16) {
                        digits.push(d as u8);
                    }
                    i += 1;
                }
                i += 1;
                if digits.len() % 2 == 1 {
                    digits.push(0);
                }
                out.push(Token::Hex(
                    digits.chunks(2).map(|p| p[0] << 4 | p[1]).collect(),
                ));
            }
            b'[' => {
                out.push(Token::Open);
                i += 1;
            }
            b']' => {
                out.push(Token::Close);
                i += 1;
            }
            b'(' => {
                // A literal string (a CMap's name or registry): skipped, nesting and escapes kept.
                let mut depth = 0;
                while i < data.len() {
                    match data[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            _ if b.is_ascii_whitespace() => i += 1,
            _ => {
                let start = i;
                while i < data.len()
                    && !data[i].is_ascii_whitespace()
                    && !b"<>[]()%/".contains(&data[i])
                {
                    i += 1;
                }
                if i == start {
                    i += 1;
                }
                out.push(Token::Word(&data[start..i]));
            }
        }
    }
    out
}

fn code_of(bytes: &[u8]) -> Option<(usize, u32)> {
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    Some((
        bytes.len(),
        bytes.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b)),
    ))
}

fn utf16(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| u16::from_be_bytes([p[0], *p.get(1).unwrap_or(&0)]))
        .collect()
}

fn text_of(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied())
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

impl ToUnicode {
    /// Parses a ToUnicode CMap stream; what it cannot read is left out.
    pub fn parse(data: &[u8]) -> Self {
        let mut map = ToUnicode::default();
        let tokens = tokens(data);
        let mut i = 0;
        let hex = |t: Option<&Token>| match t {
            Some(Token::Hex(h)) => Some(h.clone()),
            _ => None,
        };
        while i < tokens.len() {
            match &tokens[i] {
                Token::Word(b"begincodespacerange") => {
                    i += 1;
                    while let (Some(lo), Some(hi)) = (hex(tokens.get(i)), hex(tokens.get(i + 1))) {
                        if let (Some((n, lo)), Some((_, hi))) = (code_of(&lo), code_of(&hi)) {
                            map.spaces.push((n, lo, hi));
                        }
                        i += 2;
                    }
                }
                Token::Word(b"beginbfchar") => {
                    i += 1;
                    while let (Some(src), Some(dst)) = (hex(tokens.get(i)), hex(tokens.get(i + 1)))
                    {
                        if let Some((_, code)) = code_of(&src) {
                            map.single.insert(code, text_of(&utf16(&dst)));
                        }
                        i += 2;
                    }
                }
                Token::Word(b"beginbfrange") => {
                    i += 1;
                    while let (Some(lo), Some(hi)) = (hex(tokens.get(i)), hex(tokens.get(i + 1))) {
                        i += 2;
                        let destination = match tokens.get(i) {
                            Some(Token::Hex(d)) => {
                                i += 1;
                                Destination::Counting(utf16(d))
                            }
                            Some(Token::Open) => {
                                i += 1;
                                let mut each = Vec::new();
                                while let Some(Token::Hex(d)) = tokens.get(i) {
                                    each.push(text_of(&utf16(d)));
                                    i += 1;
                                }
                                if tokens.get(i) == Some(&Token::Close) {
                                    i += 1;
                                }
                                Destination::Each(each)
                            }
                            _ => break,
                        };
                        if let (Some((_, lo)), Some((_, hi))) = (code_of(&lo), code_of(&hi)) {
                            if lo <= hi && hi - lo < WIDEST_RANGE {
                                map.ranges.insert(lo, (hi, destination));
                            }
                        }
                    }
                }
                _ => i += 1,
            }
        }
        map
    }

    /// Whether the map maps anything.
    pub fn is_empty(&self) -> bool {
        self.single.is_empty() && self.ranges.is_empty()
    }

    /// The text code `code` shows, if the map says.
    pub fn get(&self, code: u32) -> Option<String> {
        if let Some(text) = self.single.get(&code) {
            return Some(text.clone());
        }
        let (&lo, (hi, destination)) = self.ranges.range(..=code).next_back()?;
        if code > *hi {
            return None;
        }
        let offset = (code - lo) as usize;
        match destination {
            Destination::Counting(units) => {
                let mut units = units.clone();
                let last = units.last_mut()?;
                *last = last.checked_add(u16::try_from(offset).ok()?)?;
                Some(text_of(&units))
            }
            Destination::Each(each) => each.get(offset).cloned(),
        }
    }

    /// How many bytes the code starting `bytes` takes, by the code spaces (`None` without any).
    pub fn code_length(&self, bytes: &[u8]) -> Option<usize> {
        if self.spaces.is_empty() {
            return None;
        }
        for &(n, lo, hi) in &self.spaces {
            if let Some((_, code)) = bytes.get(..n).and_then(code_of) {
                // Each byte within the range's bytes, as the CMap specification matches them.
                let within = (0..n).all(|k| {
                    let shift = 8 * (n - 1 - k);
                    let (b, l, h) = (code >> shift & 0xff, lo >> shift & 0xff, hi >> shift & 0xff);
                    l <= b && b <= h
                });
                if within {
                    return Some(n);
                }
            }
        }
        Some(self.spaces.iter().map(|s| s.0).min().unwrap_or(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CMAP: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def
2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange
2 beginbfchar <0013> <0030> <41> <4E00> endbfchar
2 beginbfrange <0020> <0022> <0041> <0100> <0101> [<201C> <201D>] endbfrange
endcmap";

    #[test]
    fn chars_ranges_and_lists_are_read() {
        let map = ToUnicode::parse(CMAP);
        assert_eq!(map.get(0x13).as_deref(), Some("0"));
        assert_eq!(map.get(0x41).as_deref(), Some("一"));
        assert_eq!(map.get(0x22).as_deref(), Some("C"));
        assert_eq!(map.get(0x101).as_deref(), Some("\u{201d}"));
        assert_eq!(map.get(0x23), None);
    }

    #[test]
    fn one_and_two_byte_codes_are_told_apart() {
        let map = ToUnicode::parse(CMAP);
        assert_eq!(map.code_length(b"\x41\x81"), Some(1));
        assert_eq!(map.code_length(b"\x81\x41"), Some(2));
        assert_eq!(ToUnicode::default().code_length(b"ab"), None);
    }

    #[test]
    fn hostile_maps_are_bounded() {
        let map =
            ToUnicode::parse(b"beginbfrange <0000> <FFFFFF> <0041> <00> <FF> <FFFF> endbfrange");
        assert_eq!(map.get(0x10), None);
        assert_eq!(map.get(0xfe), None, "counting past U+FFFF is no character");
        let _ = ToUnicode::parse(b"<<<<[[[(((\\");
    }
}
