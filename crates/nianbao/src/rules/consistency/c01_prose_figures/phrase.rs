//! Matching a key phrase, then its count, in the prose: slots of alternative words, line breaks
//! skipped between them.

use super::lexicon::FILLER;
use crate::text::prose::Prose;
use Word::{Many, One, Opt};

/// One slot of a key phrase.
pub enum Word {
    /// One of these words.
    One(&'static [&'static str]),
    /// One of these words, or nothing.
    Opt(&'static [&'static str]),
    /// Any number of these words, one after another.
    Many(&'static [&'static str]),
}

/// The index after the key phrase `key` written at `at`.
pub fn match_key(prose: &Prose, at: usize, key: &[Word]) -> Option<usize> {
    let mut i = at;
    for (n, word) in key.iter().enumerate() {
        let from = if n == 0 { i } else { prose.skip_breaks(i) };
        match word {
            One(words) => i = prose.eat_any(from, words)?,
            Opt(words) => {
                if let Some(end) = prose.eat_any(from, words) {
                    i = end;
                }
            }
            Many(words) => {
                let mut cursor = from;
                while let Some(end) = prose.eat_any(prose.skip_breaks(cursor), words) {
                    cursor = end;
                    i = end;
                }
            }
        }
    }
    Some(i)
}

/// Filler, a number and a unit after a key phrase: the count and the index after the unit.
pub fn match_count(prose: &Prose, mut at: usize, units: &[&str]) -> Option<(i64, usize)> {
    while let Some(end) = prose.eat_any(prose.skip_breaks(at), FILLER) {
        at = end;
    }
    let (value, after) = prose.number(prose.skip_breaks(at))?;
    let end = prose.eat_any(prose.skip_breaks(after), units)?;
    // 「5件（含上年结转…）」 is not the figure alone; 「5件次」 counts something else.
    let rest = prose.text(end, end + 4);
    if ["(含", "(包括", "含", "包括", "次"]
        .iter()
        .any(|w| rest.starts_with(w))
    {
        return None;
    }
    Some((value, end))
}
