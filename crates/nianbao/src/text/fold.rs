//! Folding: the many ways pasted text writes the same label reduced to one spelling.
//!
//! Folding drops every kind of space, tabs, pipes and Markdown marks (labels arrive broken across lines
//! and cells), maps full-width ASCII to half-width, unifies list separators (`1.`/`1、`/`1．`) and drops
//! quotation marks. The template's labels are folded the same way before matching.

/// What one character of the input becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Folded {
    Keep(char),
    Drop,
}

#[inline]
pub fn fold_char(c: char) -> Folded {
    // Nearly every character of a report is ASCII or a Chinese ideograph: answered before the long
    // match below, ASCII by a bit mask worked out from it.
    if c.is_ascii() {
        return if DROPPED_ASCII >> (c as u32) & 1 == 1 {
            Folded::Drop
        } else {
            Folded::Keep(c)
        };
    }
    if ('\u{3400}'..='\u{9fff}').contains(&c) {
        return Folded::Keep(c);
    }
    if super::radicals::is_radical(c) {
        return Folded::Keep(super::radicals::unify(c));
    }
    fold_other(c)
}

/// Bit `b` is set when folding drops ASCII character `b`.
const DROPPED_ASCII: u128 = {
    let mut mask = 0;
    let mut b: u8 = 0;
    while b < 128 {
        match fold_other(b as char) {
            Folded::Drop => mask |= 1 << b,
            // The mask can only say "kept as it is" for the others.
            Folded::Keep(kept) => assert!(kept == b as char),
        }
        b += 1;
    }
    mask
};

// Kept out of line so that the tests above are inlined where text is folded.
#[inline(never)]
const fn fold_other(c: char) -> Folded {
    match c {
        // Every space a paste can carry, plus cell separators and Markdown marks.
        ' '
        | '\t'
        | '\n'
        | '\r'
        | '\u{0b}'
        | '\u{0c}'
        | '|'
        | '#'
        | '*'
        | '`'
        | '>'
        | '\u{00a0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200f}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202f}'
        | '\u{205f}'
        | '\u{2060}'
        | '\u{3000}'
        | '\u{feff}' => Folded::Drop,
        // Quotation marks come in a dozen shapes and are often lost.
        c if is_quote(c) => Folded::Drop,
        '、' | '．' | '｡' => Folded::Keep('.'),
        '〔' | '［' | '【' => Folded::Keep('['),
        '〕' | '］' | '】' => Folded::Keep(']'),
        // Full-width ASCII (！ to ～) to half-width.
        '\u{ff01}'..='\u{ff5e}' => match char::from_u32(c as u32 - 0xfee0) {
            Some(half) => Folded::Keep(half),
            None => Folded::Keep(c),
        },
        _ => Folded::Keep(c),
    }
}

pub const fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' | '〝' | '〞'
    )
}

/// The folded form of a template string, folded once and kept: labels are looked up many times in
/// every check.
pub fn fold_static(s: &'static str) -> &'static str {
    use std::collections::HashMap;
    use std::hash::BuildHasherDefault;
    use std::sync::{Mutex, OnceLock};
    type Cache = HashMap<(usize, usize), &'static str, BuildHasherDefault<AddressHasher>>;
    // Process-wide, so the folded labels stay reachable for as long as the program runs.
    static FOLDED: OnceLock<Mutex<Cache>> = OnceLock::new();
    let cache = FOLDED.get_or_init(|| Mutex::new(Cache::default()));
    let mut cache = cache
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    // Keyed by address and length: template strings are 'static and never move.
    let key = (s.as_ptr() as usize, s.len());
    cache
        .entry(key)
        .or_insert_with(|| Box::leak(fold_str(s).into_boxed_str()))
}

/// Hashes [`fold_static`]'s keys, addresses and lengths of distinct strings: a multiply per word
/// spreads them well enough, at a fraction of the default hasher's cost.
#[derive(Default)]
struct AddressHasher(u64);

impl std::hash::Hasher for AddressHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        // The table picks buckets by the low bits, which a multiply mixes least.
        self.0 ^ (self.0 >> 32)
    }
}

/// Folds a whole string (used for template labels and short lines).
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    out.extend(fold_chars(s));
    out
}

/// The characters `s` folds to.
pub fn fold_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter_map(|c| match fold_char(c) {
        Folded::Keep(k) => Some(k),
        Folded::Drop => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_the_spellings_of_one_label() {
        let want = fold_str("（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
        for variant in [
            "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
            "（二） 部分公开 （区分处理的， 只计这\n一情形，不计其他情形）",
            "| （二）部分公开（区分处理的，只计这一情形，不计其他情形） |",
        ] {
            assert_eq!(fold_str(variant), want, "{variant}");
        }
        assert_eq!(fold_str("1、属于国家秘密"), fold_str("1．属于国家秘密"));
        assert_eq!(fold_str("１.属于国家秘密"), "1.属于国家秘密");
        assert_eq!(fold_str("结  果  维  持"), "结果维持");
        assert_eq!(fold_str("3.危及“三安全一稳定”"), "3.危及三安全一稳定");
        assert_eq!(fold_str("## 一、总体情况"), "一.总体情况");
    }
}
