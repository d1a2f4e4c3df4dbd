//! A saved page is read in memory in proportion to it (issue 17): the heap held at the peak of
//! reading a report's page repeated to 4 MB, counted by a global allocator of this test binary.
//! The reader's own tree (src/markup/tree.rs) holds 56 bytes a node, against some 220 in scraper's
//! DOM (a report's page repeated to 19 MB: 21 times the page resident before, 10 now). A report's
//! lines as paragraphs are mostly one cell each (`<p>0</p>` and the line break after it: three nodes
//! for nine bytes), so this page is the hard case: measured 21.9 times the page. Not yet in
//! proportion (issue 17 aims at 4): a page would have to be walked as the tree builder closes its
//! blocks, not after.

#[path = "../../nianbao/tests/common/peak_heap.rs"]
mod peak_heap;

/// Measured 21.9; the bound keeps it from growing.
const MOST_FOR_A_PAGE: f64 = 24.0;

#[test]
fn a_page_is_read_in_a_few_times_its_size() {
    let seed = std::fs::read_dir(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../nianbao/tests/fixtures/seeds"
    ))
    .unwrap()
    .map(|e| e.unwrap().path())
    .find(|p| p.to_string_lossy().contains("/004_"))
    .unwrap();
    let report = std::fs::read_to_string(seed).unwrap();
    let paragraphs: String = report.lines().map(|l| format!("<p>{l}</p>\n")).collect();
    let mut page =
        String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n");
    while page.len() < 4 << 20 {
        page.push_str(&paragraphs);
    }
    page.push_str("</body></html>\n");
    let bytes = page.into_bytes();
    let mut text = String::new();
    let peak =
        peak_heap::peak_of(|| text = nianbao_cli::read_report("report.htm", &bytes).unwrap());
    let ratio = peak as f64 / bytes.len() as f64;
    println!(
        "a page of {} bytes: peak heap {ratio:.2} × the page",
        bytes.len()
    );
    assert!(text.len() > bytes.len() / 2, "the page's text is read");
    assert!(ratio <= MOST_FOR_A_PAGE, "peak heap {ratio:.2} × the page");
}
