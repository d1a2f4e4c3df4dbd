//! Fuzzes reading PDF files (crates/nianbao-pdf): whatever the bytes, reading gives text the checker then
//! checks, or one of the core's PDF refusals, never a panic, a hang or unbounded memory. Start it from the
//! committed PDFs so that it mutates real files (objects, xref streams, Flate content, ToUnicode maps):
//! `cargo +nightly fuzz run pdf fuzz/corpus/pdf` after copying tests/fixtures/corpus/*.pdf and
//! tests/fixtures/pdf-text/*.pdf into that folder.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match nianbao_pdf::pdf_to_text(data) {
        Ok(text) => {
            nianbao::check(&text);
        }
        Err(error) => {
            let message = error.to_string();
            assert!(message.contains("PDF") || message.contains("扫描件"), "{message}")
        }
    }
});
