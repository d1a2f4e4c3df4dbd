//! Which figures' key phrases can start with a character: the scan asks about every character of the
//! prose, so the answer is a bit set read from a small hash table built once.

use std::sync::OnceLock;

use super::lexicon::FIGURES;
use super::phrase::Word::{Many, One, Opt};

/// The figures (as bits of their index in [`FIGURES`]) whose key phrase can start with `c`: the scan
/// tries every character of the prose, and few start any key phrase.
pub(super) fn figures_starting_with(c: char) -> u32 {
    static INDEX: OnceLock<FirstChars> = OnceLock::new();
    INDEX.get_or_init(FirstChars::new).figures(c)
}

/// The first characters of the key phrases and the figures each can start, in a small open-addressed
/// hash table: the scan asks about every character of the prose, and many are such first characters.
struct FirstChars {
    /// `(character, figures)`, at the slot the character hashes to or the next free one after it; an
    /// empty slot has no figures. Its length is a power of two, a few times the number of characters.
    slots: Vec<(char, u32)>,
}

impl FirstChars {
    fn new() -> FirstChars {
        let firsts: Vec<(char, u32)> = FIGURES
            .iter()
            .enumerate()
            .flat_map(|(n, figure)| {
                let (One(words) | Opt(words) | Many(words)) = &figure.key[0];
                words
                    .iter()
                    .filter_map(move |w| Some((w.chars().next()?, 1 << n)))
            })
            .collect();
        let mut index = FirstChars {
            slots: vec![('\0', 0); (firsts.len() * 4).next_power_of_two()],
        };
        for (first, figure) in firsts {
            let at = index.slot(first);
            index.slots[at].0 = first;
            index.slots[at].1 |= figure;
        }
        index
    }

    /// The slot holding `c`, or the empty one where it would go.
    fn slot(&self, c: char) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = ((c as usize).wrapping_mul(0x9e37_79b9) >> 8) & mask;
        while self.slots[at].1 != 0 && self.slots[at].0 != c {
            at = (at + 1) & mask;
        }
        at
    }

    fn figures(&self, c: char) -> u32 {
        self.slots[self.slot(c)].1
    }
}

/// The set bits of `mask`, lowest first.
pub(super) fn set_bits(mut mask: u32) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (mask != 0).then(|| {
            let n = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            n
        })
    })
}
