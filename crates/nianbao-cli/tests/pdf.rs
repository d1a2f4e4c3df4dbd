//! Issue 13 on the command line: `nianbao text` and `nianbao check` read a PDF with the same code as
//! the page's worker (nianbao-pdf), so the text shown equals the library's; a PDF that cannot be read
//! is refused with the advice and exit status 2.

#[path = "../../nianbao-pdf/tests/common/mod.rs"]
mod common;

use std::path::PathBuf;
use std::process::Command;

use nianbao::import::ImportError;

fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../nianbao/tests/fixtures")
        .join(path)
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .output()
        .expect("the CLI runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn text_and_check_read_a_pdf_as_the_library_does() {
    let path = fixture("corpus/hongze-2024.pdf");
    let bytes = std::fs::read(&path).expect("the fixture");
    let library = nianbao_pdf::pdf_to_text(&bytes).expect("readable");
    let (status, text, _) = run(&["text", path.to_str().unwrap()]);
    assert_eq!(status, 0);
    assert_eq!(text, library);
    let (status, json, _) = run(&["check", "--format", "json", path.to_str().unwrap()]);
    // The mixed template is reported (T04, a warning) and every sum holds: no error, exit status 0.
    assert_eq!(status, 0, "{json}");
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let summary = &json[0];
    assert_eq!(summary["format"], "2021");
    assert_eq!(summary["year"], 2024);
    assert_eq!(
        summary["tables"]["t4"],
        serde_json::json!([1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3])
    );
    let expected =
        nianbao::summary::FileSummary::new(path.to_str().unwrap(), &nianbao::check(&library));
    assert_eq!(
        summary["findings"],
        serde_json::to_value(&expected.findings).unwrap()
    );
}

/// A scan (only an image), an encrypted file and a cut one: each refused on stderr with the core's
/// advice (the message the page shows), nothing on stdout, exit status 2, by `text` and by `check`.
#[test]
fn a_pdf_that_cannot_be_read_is_refused_with_exit_status_2() {
    let bytes = std::fs::read(fixture("corpus/hongze-2024.pdf")).expect("the fixture");
    let dir = std::env::temp_dir().join(format!("nianbao-pdf-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases = [
        (
            "scanned.pdf",
            common::scanned(),
            ImportError::ScannedPdf,
            "扫描件",
        ),
        (
            "encrypted.pdf",
            common::encrypted(),
            ImportError::EncryptedPdf,
            "加密",
        ),
        (
            "cut.pdf",
            bytes[..bytes.len() / 2].to_vec(),
            ImportError::BrokenPdf,
            "PDF 文件已损坏或不完整",
        ),
    ];
    for (name, pdf, error, words) in cases {
        let path = dir.join(name);
        std::fs::write(&path, &pdf).unwrap();
        let advice = error.to_string();
        assert!(advice.contains(words), "{name}: {advice}");
        for command in ["text", "check"] {
            let (status, out, err) = run(&[command, path.to_str().unwrap()]);
            assert_eq!(status, 2, "{name} {command}: {out}{err}");
            assert!(out.is_empty(), "{name} {command}: {out}");
            assert!(err.contains(&advice), "{name} {command}: {err}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
