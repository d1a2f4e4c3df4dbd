//! Tests that the work of the readers and the checker is bounded by the input (issue 17), kept
//! apart from [`crate::work`] so that the meter, which every layer imports, imports no layer.

#[path = "../tests/common/degenerate.rs"]
mod degenerate;

/// The Word packages and HTML trees of the same shapes, shared with the benchmark.
#[path = "../tests/common/degenerate_files.rs"]
mod degenerate_files;

use crate::export::zip::stored as zip_stored;

/// Work bounded by the input on degenerate inputs: the checker on each family of
/// `tests/common/degenerate.rs` and on generated ones, the Word reader on documents of many
/// numbering definitions, paragraphs, runs, wrappers and merged rows, and the HTML reader on flat
/// trees of the same shapes. Each is bounded twice: a·len + b steps and bytes allocated, and four
/// times the input doing at most about four times the work (a quadratic path does sixteen).
mod tests {
    use super::degenerate::{repeated, FAMILIES};
    use super::degenerate_files::{html_trees, word_documents};
    use crate::import::{docx_to_text, html_to_text, FlatTree};
    use crate::work::meter::counted;
    use proptest::prelude::*;

    const KB: usize = 1024;

    /// Work of one kind: metered steps and bytes allocated.
    #[derive(Clone, Copy, Debug)]
    struct Work {
        steps: u64,
        allocated: u64,
    }

    fn work(f: impl FnOnce()) -> Work {
        let ((), steps, allocated) = counted(f);
        Work { steps, allocated }
    }

    fn work_of_check(text: &str) -> Work {
        // Folded labels and titles are cached process-wide on first use: fill the caches first.
        let _ = crate::check("一、总体情况\n");
        work(|| {
            std::hint::black_box(crate::check(text));
        })
    }

    /// At most `per_byte` steps and bytes allocated for each byte of input, and `fixed` more.
    fn assert_within(what: &str, len: usize, done: Work, per_byte: (u64, u64), fixed: u64) {
        let len = len as u64;
        assert!(
            done.steps <= per_byte.0 * len + fixed,
            "{what}: {} steps for {len} bytes ({:.1} a byte)",
            done.steps,
            done.steps as f64 / len as f64
        );
        assert!(
            done.allocated <= per_byte.1 * len + fixed,
            "{what}: {} bytes allocated for {len} bytes ({:.1} a byte)",
            done.allocated,
            done.allocated as f64 / len as f64
        );
    }

    /// Four times the input (`small` → `large`) does at most five times the work, and a little
    /// fixed work more: linear is four; a quadratic path does sixteen.
    fn assert_linear(what: &str, small: Work, large: Work) {
        for (name, s, l) in [
            ("steps", small.steps, large.steps),
            ("bytes allocated", small.allocated, large.allocated),
        ] {
            assert!(
                l <= 5 * s + 4096,
                "{what}: {name} {s} → {l} for four times the input ({:.1}×)",
                l as f64 / s.max(1) as f64
            );
        }
    }

    /// Whether four times the input did at most five times the work (see [`assert_linear`]).
    fn is_linear(small: Work, large: Work) -> bool {
        large.steps <= 5 * small.steps + 4096 && large.allocated <= 5 * small.allocated + 4096
    }

    /// Steps and bytes allocated a byte of text the checker may take. Each of the template's
    /// labels is searched for through the text, so a byte costs a few hundred steps, linearly: the
    /// families measured 150 to 290 steps and 15 to 140 bytes allocated a byte at 64 KB, and lines
    /// of one digit (「0⏎」) up to 360 bytes allocated a byte (a few hundred bytes a line). A
    /// quadratic scan of 64 KB takes tens of thousands a byte (and fails `assert_linear` first).
    const CHECK_PER_BYTE: (u64, u64) = (400, 600);
    const CHECK_FIXED: u64 = 200_000;

    #[test]
    fn checking_a_degenerate_family_grows_linearly() {
        for (name, unit) in FAMILIES {
            let small = repeated(unit, 16 * KB);
            let large = repeated(unit, 64 * KB);
            let (s, l) = (work_of_check(&small), work_of_check(&large));
            eprintln!("{name}: 16 KB {s:?}, 64 KB {l:?}");
            assert_within(name, large.len(), l, CHECK_PER_BYTE, CHECK_FIXED);
            assert_linear(name, s, l);
        }
    }

    /// Pieces of reports that scans match on: labels, numerals, headings, digits, separators.
    const PIECES: [&str; 16] = [
        "（七）总计",
        "一、总体情况",
        "三、收到和处理政府信息公开申请情况",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "7.属于行政查询事项",
        "自然人",
        "商业企业",
        "（一）",
        "1.",
        "一.",
        "0",
        "713",
        "\t",
        "\n",
        " ",
        "。",
    ];

    fn degenerate_unit() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(&PIECES[..]), 1..6)
            .prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        /// A unit of report pieces repeated to 8 and 32 KB: the checker's work stays within a·len + b
        /// and grows linearly.
        ///
        /// A short text can read as less of a report than a longer one of the same unit (「自然人⏎
        /// 一、总体情况自然人（七）总计」: at 8 KB no part one, so no tables, 1 step a byte; at 32 KB,
        /// 222): a cheaper path, not a quadratic one. Then growth is judged from 32 to 128 KB.
        #[test]
        fn checking_generated_degenerate_text_is_linear(unit in degenerate_unit()) {
            let small = repeated(&unit, 8 * KB);
            let large = repeated(&unit, 32 * KB);
            let (mut s, mut l) = (work_of_check(&small), work_of_check(&large));
            assert_within(&format!("{unit:?}"), large.len(), l, CHECK_PER_BYTE, CHECK_FIXED);
            if !is_linear(s, l) {
                let larger = repeated(&unit, 128 * KB);
                (s, l) = (l, work_of_check(&larger));
                assert_within(&format!("{unit:?}"), larger.len(), l, CHECK_PER_BYTE, CHECK_FIXED);
            }
            assert_linear(&format!("{unit:?}"), s, l);
        }
    }

    /// Steps and bytes allocated a byte of package (stored, not deflated) the Word reader may take.
    const DOCX_PER_BYTE: (u64, u64) = (4, 64);

    #[test]
    fn reading_a_degenerate_word_document_grows_linearly() {
        let (small, large) = (word_documents(1000), word_documents(4000));
        for ((what, s), (_, l)) in small.iter().zip(&large) {
            let read = |bytes: &[u8]| {
                work(|| {
                    assert!(docx_to_text(bytes).is_ok(), "{what}: not read");
                })
            };
            let (ws, wl) = (read(s), read(l));
            eprintln!("{what}: {} bytes {ws:?}, {} bytes {wl:?}", s.len(), l.len());
            assert_within(what, l.len(), wl, DOCX_PER_BYTE, 4096);
            assert_linear(what, ws, wl);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

        /// Any of the degenerate documents at any size from 100 to 3,000 stays within a·len + b.
        #[test]
        fn reading_word_documents_stays_within_a_bound(n in 100usize..3000) {
            for (what, bytes) in word_documents(n) {
                let done = work(|| {
                    let _ = docx_to_text(&bytes);
                });
                assert_within(what, bytes.len(), done, DOCX_PER_BYTE, 4096);
            }
        }
    }

    const HTML_PER_BYTE: (u64, u64) = (8, 160);

    fn read_html(flat: &str) -> Work {
        work(|| {
            let tree = FlatTree::parse(flat);
            std::hint::black_box(html_to_text(&tree.root()));
        })
    }

    #[test]
    fn reading_a_degenerate_html_tree_grows_linearly() {
        let (small, large) = (html_trees(1000), html_trees(4000));
        for ((what, s), (_, l)) in small.iter().zip(&large) {
            let (ws, wl) = (read_html(s), read_html(l));
            eprintln!("{what}: {} bytes {ws:?}, {} bytes {wl:?}", s.len(), l.len());
            assert_within(what, l.len(), wl, HTML_PER_BYTE, 4096);
            assert_linear(what, ws, wl);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

        #[test]
        fn reading_html_trees_stays_within_a_bound(n in 100usize..3000) {
            for (what, flat) in html_trees(n) {
                assert_within(what, flat.len(), read_html(&flat), HTML_PER_BYTE, 4096);
            }
        }
    }
}
