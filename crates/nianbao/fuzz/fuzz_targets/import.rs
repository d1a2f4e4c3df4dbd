//! Fuzzes reading a file: whatever the bytes and whatever the file's name says it is (.docx, a saved
//! page, text), reading either gives text the checker then checks, or a message in Chinese. Start it
//! from the committed import fixtures (zips, HTML, GBK and UTF-16 text), so that it mutates real
//! Word packages: `cargo +nightly fuzz run import fuzz/corpus/import` after copying
//! tests/fixtures/imports/**/* into that folder.
#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 6] = ["report.docx", "report.htm", "report.txt", "report", "report.md", "-"];

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(which) % NAMES.len()];
    // A page read as it is parsed reads as the whole tree does.
    if let (true, Ok(html)) = (name == "report.htm", std::str::from_utf8(bytes)) {
        if let Ok(streamed) = nianbao_cli::html_to_text(name, html) {
            assert_eq!(Some(streamed), nianbao_cli::html_to_text_parsed_whole(html));
        }
    }
    match nianbao_cli::read_report(name, bytes) {
        Ok(text) => {
            nianbao::check(&text);
        }
        Err(error) => {
            let message = error.to_string();
            assert!(message.starts_with("无法打开") || message.contains("docx") || message.contains("编码"), "{message}")
        }
    }
});
