//! Cost linear in the input on degenerate texts (issue 17): for each family of
//! `common/degenerate.rs`, checking four times the text may take at most about four times as long.
//! A quadratic scan (10 MB of digits once ran for more than five minutes: every digit restarted a
//! label search over the rest of the run) takes sixteen times as long and fails here.

#[path = "common/degenerate.rs"]
mod degenerate;

use std::time::{Duration, Instant};

use degenerate::{repeated, FAMILIES};

const KB: usize = 1024;

/// The shorter of three checks of `text` (the least disturbed by other work on the machine).
fn check_time(text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let started = Instant::now();
            std::hint::black_box(nianbao::check(text));
            started.elapsed()
        })
        .min()
        .expect("three runs")
}

#[test]
fn checking_four_times_the_text_takes_at_most_about_four_times_as_long() {
    let mut slow = Vec::new();
    for (name, unit) in FAMILIES {
        let small = check_time(&repeated(unit, 64 * KB));
        let large = check_time(&repeated(unit, 256 * KB));
        // Linear is 4×; 8× leaves room for caches and a busy machine, the slack for tiny times.
        let bound = small * 8 + Duration::from_millis(50);
        eprintln!("{name}: 64 KB {small:?}, 256 KB {large:?}");
        if large > bound {
            slow.push(format!("{name}: 64 KB {small:?} → 256 KB {large:?}"));
        }
    }
    assert!(slow.is_empty(), "super-linear: {slow:#?}");
}
