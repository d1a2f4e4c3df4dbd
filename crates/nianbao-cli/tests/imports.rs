//! Issue 5: every way a draft arrives — a .docx with real Word tables, Word's clipboard HTML, a saved
//! GBK web page, GBK and UTF-16 text — gives the same check as the plain seed: the same values in
//! every table, and the same findings (code, severity, message) at the same places in the text shown.
//!
//! The documents are made from the seeds by `common/documents.rs` (each table in the official layout,
//! merged cells included) and written by `common/writers.rs`. Those the browser tests drop and paste
//! are committed in tests/fixtures/imports/; `NIANBAO_WRITE_FIXTURES=1 cargo test --test imports`
//! rewrites them, and a test fails while they differ from what the writers make.

#[path = "../../nianbao/tests/common/mod.rs"]
mod common;
#[path = "../../nianbao/tests/common/documents.rs"]
mod documents;
#[path = "../../nianbao/tests/common/writers.rs"]
mod writers;

use std::path::PathBuf;

use nianbao::summary::FileSummary;
use nianbao::{Finding, Report};
use nianbao_cli::{html_to_text, read_report};

/// Text without any kind of space: what a place "says" whatever the layout did to its spacing.
fn dense(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{3000}' | '\u{a0}' | '|'))
        .collect()
}

/// What a finding points at: its text, or for an insertion point the line it stands before.
fn place(text: &str, f: &Finding) -> String {
    if f.end > f.start {
        return dense(&text[f.start..f.end]);
    }
    let rest = &text[f.start..];
    let line = rest.lines().map(dense).find(|l| !l.is_empty());
    format!("before {}", line.unwrap_or_default())
}

/// Asserts that `converted` checks exactly as `plain` does.
fn assert_same_check(what: &str, plain: &str, converted: &str) {
    let (a, b) = (nianbao::check(plain), nianbao::check(converted));
    let (sa, sb) = (
        FileSummary::new("plain", &a),
        FileSummary::new("converted", &b),
    );
    assert_eq!(sa.format, sb.format, "{what}: format");
    assert_eq!(sa.year, sb.year, "{what}: year");
    let parts = |r: &Report| r.document.parts.iter().map(|p| p.found).collect::<Vec<_>>();
    assert_eq!(parts(&a), parts(&b), "{what}: parts found");
    assert_eq!(
        serde_json::to_value(&sa.tables).unwrap(),
        serde_json::to_value(&sb.tables).unwrap(),
        "{what}: table values"
    );
    let findings = |r: &Report, text: &str| {
        r.findings
            .iter()
            .map(|f| (f.code, f.severity, f.message.clone(), place(text, f)))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        findings(&a, plain),
        findings(&b, converted),
        "{what}: findings"
    );
}

#[test]
fn a_docx_of_each_seed_checks_as_the_seed() {
    for (id, seed) in common::SEEDS {
        let docx = writers::docx(&documents::document(seed));
        let text = read_report("报告.docx", &docx).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_same_check(&format!("seed {id} as .docx"), seed, &text);
    }
}

/// Headings numbered by Word (a heading style with a 「%1、」 list) have no numeral in their text: the
/// reader puts Word's numbers back, so nothing changes.
#[test]
fn a_docx_whose_headings_word_numbers_checks_as_the_seed() {
    let mut numbered = Vec::new();
    for (id, seed) in common::SEEDS {
        let (docx, headings) = writers::docx_with_numbered_headings(&documents::document(seed));
        numbered.push(headings);
        let text = read_report("报告.docx", &docx).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_same_check(
            &format!("seed {id} as .docx with numbered headings"),
            seed,
            &text,
        );
    }
    // 000 starts with an unnumbered heading, 003 writes 「### 一、」, 004 numbers its parts out of order.
    assert_eq!(
        numbered,
        [0, 5, 6, 0, 0],
        "headings numbered by Word, per seed"
    );
}

#[test]
fn word_clipboard_html_of_each_seed_checks_as_the_seed() {
    for (id, seed) in common::SEEDS {
        let html = writers::word_clipboard_html(&documents::document(seed));
        assert_same_check(
            &format!("seed {id} as Word clipboard HTML"),
            seed,
            &html_to_text("剪贴板.html", &html).expect("not too deep"),
        );
    }
}

#[test]
fn a_saved_gbk_web_page_of_each_seed_checks_as_the_seed() {
    for (id, seed) in common::SEEDS {
        let page = writers::saved_gbk_page(&documents::document(seed));
        assert!(std::str::from_utf8(&page).is_err(), "the page is not UTF-8");
        let text = read_report("年报.htm", &page).unwrap_or_else(|e| panic!("{id}: {e}"));
        assert_same_check(&format!("seed {id} as a saved GBK page"), seed, &text);
    }
}

#[test]
fn gbk_and_utf16_text_decode_to_the_seed_exactly() {
    for (id, seed) in common::SEEDS {
        // Seed 000 has NBSP and EN SPACE, which GBK lacks: its GB18030 superset has them.
        let (gbk, _, unmappable) = encoding_rs::GBK.encode(seed);
        let bytes = if unmappable {
            encoding_rs::GB18030.encode(seed).0
        } else {
            gbk
        };
        assert_eq!(
            id == "000",
            unmappable,
            "only seed 000 has characters outside GBK"
        );
        assert_eq!(
            read_report("a.txt", &bytes).unwrap(),
            seed,
            "seed {id} in GBK/GB18030"
        );
        let mut le = vec![0xff, 0xfe];
        le.extend(seed.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            read_report("a.txt", &le).unwrap(),
            seed,
            "seed {id} in UTF-16LE"
        );
        let mut be = vec![0xfe, 0xff];
        be.extend(seed.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(
            read_report("a.md", &be).unwrap(),
            seed,
            "seed {id} in UTF-16BE"
        );
    }
}

/// The files the browser tests drop and paste, made from seed 004 (six findings of five kinds, the
/// 2019 tables), seed 000 (a 2021 report) and seed 002 (its headings numbered by Word).
fn fixtures() -> Vec<(&'static str, Vec<u8>)> {
    let (s000, s002, s004) = (
        common::seed("000"),
        common::seed("002"),
        common::seed("004"),
    );
    let d004 = documents::document(s004);
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(s004.encode_utf16().flat_map(u16::to_le_bytes));
    vec![
        ("000.docx", writers::docx(&documents::document(s000))),
        (
            "002-numbered-headings.docx",
            writers::docx_with_numbered_headings(&documents::document(s002)).0,
        ),
        ("004.docx", writers::docx(&d004)),
        (
            "004-word-clipboard.html",
            writers::word_clipboard_html(&d004).into_bytes(),
        ),
        ("004-saved-page-gbk.htm", writers::saved_gbk_page(&d004)),
        ("004-gbk.txt", encoding_rs::GBK.encode(s004).0.into_owned()),
        ("004-utf16le.txt", utf16),
    ]
}

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../nianbao/tests/fixtures/imports")
}

#[test]
fn committed_fixtures_are_what_the_writers_make() {
    let dir = fixture_dir();
    let write = std::env::var_os("NIANBAO_WRITE_FIXTURES").is_some();
    for (name, bytes) in fixtures() {
        let path = dir.join(name);
        if write {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &bytes).unwrap();
        }
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(
            committed == bytes,
            "{} differs from what the writers make: NIANBAO_WRITE_FIXTURES=1 cargo test --test imports",
            path.display()
        );
    }
}

/// The CLI on the committed files: the same findings as on the plain seed, exit status 1 (004 has errors).
#[test]
fn the_cli_checks_every_committed_file_as_the_seed() {
    let codes = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .args(["check", "--format", "json"])
            .args(args)
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let findings: Vec<String> = json[0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{} {}",
                    f["code"].as_str().unwrap(),
                    f["message"].as_str().unwrap()
                )
            })
            .collect();
        (out.status.code(), findings, json[0]["tables"].clone())
    };
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../nianbao/tests/fixtures/seeds");
    let seed_file = |id: &str| {
        std::fs::read_dir(&seeds)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(id))
            .unwrap()
    };
    for (name, _) in fixtures() {
        let seed = seed_file(&name[..3]);
        let expected = codes(&[seed.to_str().unwrap()]);
        let actual = codes(&[fixture_dir().join(name).to_str().unwrap()]);
        assert_eq!(actual, expected, "{name}");
    }
}

/// Files a real word processor wrote: LibreOffice 7.4 (`soffice --headless --convert-to docx`) saving
/// the committed .docx files, Word's clipboard HTML and the saved page as Word documents. Its tables
/// have their own grids (a data cell spanning two grid columns) and its own numbering definitions.
#[test]
fn documents_libreoffice_wrote_check_as_the_seeds() {
    let dir = fixture_dir().join("libreoffice");
    let files = [
        ("000.docx", "000"),
        ("002-numbered-headings.docx", "002"),
        ("004.docx", "004"),
        ("004-from-word-clipboard-html.docx", "004"),
        ("004-from-saved-page.docx", "004"),
    ];
    for (name, id) in files {
        let bytes = std::fs::read(dir.join(name)).unwrap();
        let text = read_report(name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_same_check(&format!("libreoffice/{name}"), common::seed(id), &text);
    }
}
