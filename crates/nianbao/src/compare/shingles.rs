//! Overlapping shingles: every run of [`SHINGLE`] consecutive units of normalised prose, hashed.
//! A unit of one text is *repeated* when some shingle covering it also occurs in the other text.
//!
//! Why this is robust to small edits: a changed, inserted or deleted unit spoils only the shingles
//! that contain it, and the units beside it are still covered by the shingles just before and just
//! after; so one edited character in a copied sentence costs that character, not the sentence.
//! Figures and years are already one unit each ([`super::normal`]), so changing them costs nothing.
//!
//! Cost: one hash of [`SHINGLE`] units per position, one insertion and one look-up in a hash table
//! per position,
//! and each unit is marked at most once — linear in the length of both texts. [`Steps`] counts this
//! work so that a test can check it grows linearly without timing anything.

/// Units per shingle: long enough that the stock phrases every report shares rarely make two
/// unrelated reports look alike, short enough that a copied sentence with one word changed is still
/// mostly covered.
pub const SHINGLE: usize = 10;

/// Shingle hash → the position of its first occurrence: open addressing with linear probing, at
/// most half full. The hashes are already well mixed, so their low bits pick the slot; and a few
/// lines here keep the standard map's generic machinery out of the page.
pub struct Index {
    /// (hash, position + 1) per slot; 0 marks an empty slot.
    slots: Vec<(u64, u32)>,
    mask: usize,
}

impl Index {
    fn with_room_for(n: usize) -> Index {
        let size = n.saturating_mul(2).next_power_of_two().max(16);
        Index {
            slots: vec![(0, 0); size],
            mask: size - 1,
        }
    }

    /// The slot holding `hash`, or the empty one where it would go.
    fn slot(&self, hash: u64, steps: &mut Steps) -> usize {
        let mut i = (hash as usize) & self.mask;
        loop {
            steps.0 += 1;
            let (h, at) = self.slots[i];
            if at == 0 || h == hash {
                return i;
            }
            i = (i + 1) & self.mask;
        }
    }

    fn insert_first(&mut self, hash: u64, at: usize, steps: &mut Steps) {
        let i = self.slot(hash, steps);
        if self.slots[i].1 == 0 {
            self.slots[i] = (hash, u32::try_from(at + 1).unwrap_or(u32::MAX));
        }
    }

    /// Where the shingle `hash` first occurs.
    pub fn get(&self, hash: u64, steps: &mut Steps) -> Option<u32> {
        let (_, at) = self.slots[self.slot(hash, steps)];
        at.checked_sub(1)
    }
}

/// Work done, in elementary steps (a unit hashed, a look-up, a unit marked).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Steps(pub usize);

/// The hash of one shingle (FNV-1a over the units, then a final mix so that every bit of the result
/// depends on every unit).
pub fn hash(window: &[char], steps: &mut Steps) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in window {
        h ^= u64::from(c as u32);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    steps.0 += window.len();
    // The finaliser of SplitMix64.
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The hash of the shingle starting at each unit of `units` (none when it is shorter than one).
pub fn hashes(units: &[char], steps: &mut Steps) -> Vec<u64> {
    units.windows(SHINGLE).map(|w| hash(w, steps)).collect()
}

/// Every shingle of a text, by the [`hashes`] of its shingles, with where it first starts.
pub fn index(hashes: &[u64], steps: &mut Steps) -> Index {
    let mut index = Index::with_room_for(hashes.len());
    for (at, &h) in hashes.iter().enumerate() {
        index.insert_first(h, at, steps);
    }
    index
}

/// Which of the `units` units of a text (whose shingles' [`hashes`] are given) some shingle found
/// in `other` covers, and for each covered unit the position in `other` of the unit it was matched
/// with (through the first shingle covering it).
pub fn covered(
    hashes: &[u64],
    units: usize,
    other: &Index,
    steps: &mut Steps,
) -> (Vec<bool>, Vec<Option<u32>>) {
    let mut covered = vec![false; units];
    let mut origins = vec![None; units];
    // Units before this are already marked where they should be.
    let mut marked_until = 0;
    for (at, &h) in hashes.iter().enumerate() {
        if let Some(there) = other.get(h, steps) {
            for unit in marked_until.max(at)..(at + SHINGLE).min(units) {
                covered[unit] = true;
                origins[unit] = u32::try_from(unit - at)
                    .ok()
                    .and_then(|d| there.checked_add(d));
                steps.0 += 1;
            }
            marked_until = at + SHINGLE;
        }
    }
    (covered, origins)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn one_changed_character_costs_only_itself() {
        let last = chars("我街道严格落实政府信息公开保密审查制度做到应公开尽公开");
        let this = chars("我街道严格落实政府信息公开保密审核制度做到应公开尽公开");
        let mut steps = Steps::default();
        let last = index(&hashes(&last, &mut steps), &mut steps);
        let (cover, _) = covered(&hashes(&this, &mut steps), this.len(), &last, &mut steps);
        let changed = this.iter().position(|&c| c == '核').unwrap();
        let uncovered: Vec<usize> = (0..this.len()).filter(|&i| !cover[i]).collect();
        assert_eq!(uncovered, [changed]);
    }

    #[test]
    fn shorter_than_a_shingle_is_never_repeated() {
        let mut steps = Steps::default();
        let short = chars("政府信息");
        let short = hashes(&short, &mut steps);
        assert_eq!(
            covered(&short, 4, &index(&short, &mut steps), &mut steps).0,
            [false; 4]
        );
    }
}
