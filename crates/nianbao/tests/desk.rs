//! The reviewer's desk: many reports, one row each, a body's consecutive years paired for the X
//! rules, and 雷同 between units; and how fast all pairs of 100 reports are compared.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{next_year_with_new_figures, seed};
use nianbao::compare::bodies::SIMILAR;
use nianbao::present::desk::{Desk, Row};
use nianbao::rules::families::FAMILIES;
use nianbao::Severity;

/// The seeds with a body's name and year in their title, and the part of the name that differs
/// between bodies.
const NAMED: [(&str, &str); 3] = [("000", "城中"), ("003", "南关"), ("004", "柳影")];
const PLACES: [&str; 12] = [
    "河西", "河东", "江南", "江北", "城东", "城西", "湖滨", "山前", "桥头", "新城", "白沙", "青山",
];

/// Seed `NAMED[s]` as the report of `place`, a year on when `later`.
fn report_of(s: usize, place: &str, later: bool) -> String {
    let (id, core) = NAMED[s];
    let text = seed(id).replace(core, place);
    if later {
        next_year_with_new_figures(&text)
    } else {
        text
    }
}

/// Counts by family and severity of the findings of `text` checked beside `last`.
fn by_family(text: &str, last: Option<&str>) -> [[usize; 3]; 5] {
    let report = match last {
        Some(last) => nianbao::check_with_previous(text, last),
        None => nianbao::check(text),
    };
    let mut counts = [[0; 3]; 5];
    for f in &report.findings {
        let family = FAMILIES
            .iter()
            .position(|fam| f.code.as_str().starts_with(fam.letter))
            .unwrap();
        let severity = [Severity::Error, Severity::Warning, Severity::Info]
            .iter()
            .position(|s| *s == f.severity)
            .unwrap();
        counts[family][severity] += 1;
    }
    counts
}

#[test]
fn twenty_reports_pair_each_bodys_years_and_flag_units_sharing_one_text() {
    // Three texts, each filled in by three bodies for two years (18), and two reports of their own.
    let mut texts = Vec::new();
    for s in 0..NAMED.len() {
        for place in &PLACES[s * 3..s * 3 + 3] {
            for later in [true, false] {
                texts.push((s, place.to_string(), later, report_of(s, place, later)));
            }
        }
    }
    let mut desk = Desk::new(&[]);
    for (k, (_, place, later, text)) in texts.iter().enumerate() {
        desk.add(format!("{k:02}-{place}-{later}.txt"), Ok(text.clone()));
    }
    desk.add("001.txt".into(), Ok(seed("001").to_string()));
    desk.add("002.txt".into(), Ok(seed("002").to_string()));
    let rows: Vec<Row> = desk.rows();
    assert_eq!(rows.len(), 20);
    for (k, (s, place, later, text)) in texts.iter().enumerate() {
        let row = &rows[k];
        assert!(
            row.body.as_deref().unwrap().contains(place.as_str()),
            "{row:?}"
        );
        // This year's is paired with the same body's last year's, the row after it.
        let expected_pair = later.then_some(k + 1);
        assert_eq!(row.last_year, expected_pair, "{}", row.file);
        let last = expected_pair.map(|j| texts[j].3.as_str());
        assert_eq!(row.by_family, by_family(text, last), "{}", row.file);
        if *later {
            // Last year's text with new figures: X03 warns, and the share is shown.
            assert!(row.repeated.is_some_and(|p| p >= 95), "{row:?}");
            assert!(row.by_family[4][1] >= 1, "{row:?}");
        }
        // The most similar report is another body's filling of the same text, flagged.
        let similar = row.similar.expect("another body's copy");
        let (other_s, other_place, ..) = &texts[similar.other];
        assert_eq!(other_s, s, "{}", row.file);
        assert_ne!(
            other_place, place,
            "{}: its own body is not another unit",
            row.file
        );
        assert!(similar.share.percent > SIMILAR, "{}: {similar:?}", row.file);
        assert!(similar.flagged());
    }
    for row in &rows[18..] {
        eprintln!("{}: most similar {:?}", row.file, row.similar);
        assert!(!row.similar.is_some_and(|s| s.flagged()), "{row:?}");
        assert_eq!(row.last_year, None);
    }
}

#[test]
fn all_pairs_of_a_hundred_reports_are_compared_within_a_second() {
    // Three texts filled in by 33 or 34 bodies each, the figures of every other one changed.
    let mut desk = Desk::new(&[]);
    let started = std::time::Instant::now();
    for n in 0..100 {
        let place = format!("{}{}", PLACES[n % 12], n);
        let text = report_of(n % 3, &place, n % 2 == 1);
        desk.add(format!("{n}.txt"), Ok(text));
    }
    let added = started.elapsed();
    let started = std::time::Instant::now();
    let similar = desk.similar();
    let compared = started.elapsed();
    let started = std::time::Instant::now();
    let checked: Vec<Row> = (0..desk.len()).filter_map(|i| desk.check(i)).collect();
    let check_time = started.elapsed();
    let build = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    eprintln!(
        "100 reports ({build}): read (parse + fingerprint) in {added:?}, all pairwise similarities in {compared:?}, checked in {check_time:?}"
    );
    for (n, found) in similar.iter().enumerate() {
        let found = found.expect("a copy");
        assert_eq!(found.other % 3, n % 3, "report {n}: {found:?}");
        assert!(found.flagged(), "report {n}: {found:?}");
    }
    assert_eq!(checked.len(), 100);
    // The bound is the for an optimised build; an unoptimised one is given ten times as long.
    let bound = if cfg!(debug_assertions) { 10.0 } else { 1.0 };
    assert!(
        compared.as_secs_f64() <= bound,
        "all pairs took {compared:?} ({build})"
    );
}
