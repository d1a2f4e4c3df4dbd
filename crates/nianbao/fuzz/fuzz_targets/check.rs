//! Fuzzes `nianbao::check`: whatever the bytes, the checker returns, every finding points at a valid
//! place in the text it was given, and the report crosses to the page in the transfer form unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// 1-based line of byte `offset`, counted the slow and obvious way.
fn line_of(text: &str, offset: usize) -> usize {
    1 + text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

fn assert_span(text: &str, start: usize, end: usize, what: &str) {
    assert!(
        start <= end && end <= text.len(),
        "{what}: span {start}..{end} out of bounds (len {})",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} not on char boundaries"
    );
}

fn check_text(text: &str) {
    let report = nianbao::check(text);
    let mut previous = 0;
    for f in &report.findings {
        assert_span(text, f.start, f.end, f.code.as_str());
        assert!(f.line >= 1, "{}: line 0", f.code);
        assert_eq!(f.line, line_of(text, f.start), "{}: wrong line", f.code);
        assert!(f.start >= previous, "findings not sorted by start");
        previous = f.start;
        for r in f.related() {
            assert_span(text, r.start, r.end, "related");
            assert_eq!(r.line, line_of(text, r.start), "related: wrong line");
        }
    }
    // The JSON shape must be buildable for any report.
    let summary = nianbao::summary::FileSummary::new("fuzz", &report);
    assert!(summary.tables.t4.len() == 15);
    // The page's check worker hands any report over in the transfer form, and it reads back whole.
    use nianbao::present::transfer;
    let back = transfer::decode(&transfer::encode(&report)).expect("the transfer form reads back");
    assert_eq!(back.findings, report.findings);
    // And the page's reader refuses, without a panic, whatever else comes.
    let _ = transfer::decode(text);
}

fuzz_target!(|data: &[u8]| {
    match std::str::from_utf8(data) {
        Ok(text) => check_text(text),
        Err(_) => check_text(&String::from_utf8_lossy(data)),
    }
});
