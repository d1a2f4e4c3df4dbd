//! 「忽略此处」 and 「不再检查此规则」: the findings the drafter chose not to see. A place is remembered by
//! its rule and a hash (FNV-1a, 64 bits) of the text around its finding: a few characters either
//! side and the span's own ends, never its offsets, so it is still the same place after edits
//! elsewhere; and never the text itself, so what this browser keeps holds no words of the report.
//! Kept in localStorage as one line per entry: 「R01」 for a rule turned off, 「R01 12345…」 for a place.
//! Pure (no browser), so it is tested natively.

use nianbao::{Finding, RuleCode};

/// Characters either side of a finding's span that tell its place.
const AROUND: usize = 8;
/// Characters of each end of the span itself (a short span is taken whole).
const WITHIN: usize = 12;

/// One thing ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Entry {
    /// One place: the rule and the hash of the text around the finding.
    Place(RuleCode, u64),
    /// Every finding of the rule.
    Rule(RuleCode),
}

impl Entry {
    pub fn code(self) -> RuleCode {
        match self {
            Entry::Place(code, _) | Entry::Rule(code) => code,
        }
    }
}

/// What is ignored, in the order it was chosen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ignored(pub Vec<Entry>);

fn fnv(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    // A separator, so that moving a character from one piece to the next changes the hash.
    (hash ^ 0xff).wrapping_mul(0x0100_0000_01b3)
}

/// The byte offset `n` characters before `at` (or the start).
fn back(text: &str, at: usize, n: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .nth(n - 1)
        .map_or(0, |(i, _)| i)
}

/// The byte offset `n` characters after `at` (or the end).
fn ahead(text: &str, at: usize, n: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i)
}

/// The hash naming the place of `finding` in `text`.
pub fn place(text: &str, finding: &Finding) -> u64 {
    let clamp = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let (start, end) = (clamp(finding.start), clamp(finding.end.max(finding.start)));
    let mut hash = fnv(0xcbf2_9ce4_8422_2325, finding.code.as_str().as_bytes());
    let bytes = text.as_bytes();
    hash = fnv(hash, &bytes[back(text, start, AROUND)..start]);
    let head = ahead(text, start, WITHIN).min(end);
    let tail = back(text, end, WITHIN).max(head);
    hash = fnv(hash, &bytes[start..head]);
    hash = fnv(hash, &bytes[tail..end]);
    fnv(hash, &bytes[end..ahead(text, end, AROUND)])
}

impl Ignored {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `finding` (in `text`) is not to be shown.
    pub fn hides(&self, text: &str, finding: &Finding) -> bool {
        let mut place_of = None;
        self.0.iter().any(|&e| match e {
            Entry::Rule(code) => code == finding.code,
            Entry::Place(code, hash) => {
                code == finding.code
                    && *place_of.get_or_insert_with(|| place(text, finding)) == hash
            }
        })
    }

    /// With `entry` added (once).
    pub fn with(&self, entry: Entry) -> Ignored {
        let mut next = self.clone();
        if !next.0.contains(&entry) {
            next.0.push(entry);
        }
        next
    }

    /// With `entry` taken away.
    pub fn without(&self, entry: Entry) -> Ignored {
        Ignored(self.0.iter().copied().filter(|&e| e != entry).collect())
    }

    /// The text kept in localStorage: rule codes and numbers only.
    pub fn to_stored(&self) -> String {
        let mut out = String::new();
        for e in &self.0 {
            out.push_str(e.code().as_str());
            if let Entry::Place(_, hash) = e {
                out.push(' ');
                out.push_str(&hash.to_string());
            }
            out.push('\n');
        }
        out
    }

    /// What [`Ignored::to_stored`] kept; lines it cannot read (an unknown rule) are dropped.
    pub fn from_stored(stored: &str) -> Ignored {
        let entry = |line: &str| {
            let (code, hash) = line.split_once(' ').unwrap_or((line, ""));
            let code = *RuleCode::ALL.iter().find(|c| c.as_str() == code)?;
            if hash.is_empty() {
                Some(Entry::Rule(code))
            } else {
                Some(Entry::Place(code, hash.parse().ok()?))
            }
        };
        Ignored(stored.lines().filter_map(entry).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding_at(text: &str, needle: &str, code: RuleCode) -> Finding {
        let start = text.find(needle).unwrap();
        Finding {
            code,
            severity: nianbao::Severity::Error,
            message: String::new(),
            line: 1,
            start,
            end: start + needle.len(),
            part: None,
            labels: Vec::new(),
            expected: None,
            actual: None,
            help: None,
            fix: None,
        }
    }

    #[test]
    fn a_place_survives_edits_elsewhere_but_not_at_it() {
        let code = RuleCode::ALL[0];
        let text = "一、总体情况\n第一段文字。\n6、其他需要报告的事项\n末尾。";
        let f = finding_at(text, "6、", code);
        let key = place(text, &f);
        let edited = "一、总体情况改了\n新的一段。\n第一段文字。\n6、其他需要报告的事项\n末尾。";
        assert_eq!(place(edited, &finding_at(edited, "6、", code)), key);
        let at_it = "一、总体情况\n第一段文字。\n7、其他需要报告的事项\n末尾。";
        assert_ne!(place(at_it, &finding_at(at_it, "7、", code)), key);
        let other_rule = finding_at(text, "6、", RuleCode::ALL[1]);
        assert_ne!(place(text, &other_rule), key);
        // A span at either end of the text, empty or past it, does not panic.
        for (start, end) in [(0, 0), (text.len(), text.len()), (1, 2), (3, 999)] {
            place(
                text,
                &Finding {
                    start,
                    end,
                    ..f.clone()
                },
            );
        }
    }

    #[test]
    fn stored_as_codes_and_numbers_and_read_back() {
        let (a, b) = (RuleCode::ALL[0], RuleCode::ALL[2]);
        let ignored = Ignored::default()
            .with(Entry::Place(a, 1234567890123))
            .with(Entry::Rule(b))
            .with(Entry::Rule(b));
        assert_eq!(ignored.0.len(), 2, "an entry is kept once");
        let stored = ignored.to_stored();
        assert_eq!(
            stored,
            format!("{} 1234567890123\n{}\n", a.as_str(), b.as_str())
        );
        assert_eq!(Ignored::from_stored(&stored), ignored);
        assert_eq!(Ignored::from_stored("Z99\nR01 x\n\n"), Ignored::default());
        assert!(ignored
            .without(Entry::Rule(b))
            .without(Entry::Place(a, 1234567890123))
            .is_empty());
    }
}
