//! Text from PDF files made by Chrome and similar producers, and text copied out of them, writes an
//! ideograph that shares its glyph with a Kangxi radical as the radical (「⼀、总体情况」, 「⼯作」). Every
//! seed with every such ideograph written as its radical is checked exactly as the seed is: the same
//! findings at the same places (each radical is three bytes, as its ideograph).

use std::collections::HashMap;

use nianbao::text::radicals::unify;

fn findings(text: &str) -> Vec<(String, usize, usize)> {
    let mut found: Vec<_> = nianbao::check(text)
        .findings
        .iter()
        .map(|f| (f.code.as_str().to_string(), f.start, f.end))
        .collect();
    found.sort();
    found
}

#[test]
fn a_seed_written_with_radicals_checks_as_the_seed() {
    let radical_of: HashMap<char, char> =
        ('\u{2f00}'..='\u{2fd5}').map(|r| (unify(r), r)).collect();
    let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
    let mut checked = 0;
    for entry in std::fs::read_dir(seeds).unwrap() {
        let path = entry.unwrap().path();
        let seed = std::fs::read_to_string(&path).unwrap();
        let written: String = seed
            .chars()
            .map(|c| *radical_of.get(&c).unwrap_or(&c))
            .collect();
        let replaced = seed
            .chars()
            .zip(written.chars())
            .filter(|(a, b)| a != b)
            .count();
        assert!(replaced > 100, "{path:?}: only {replaced} radicals");
        assert_eq!(findings(&written), findings(&seed), "{path:?}");
        checked += 1;
    }
    assert_eq!(checked, 5);
}
