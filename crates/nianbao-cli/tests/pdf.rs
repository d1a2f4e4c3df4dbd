//! Issue 13 on the command line: `nianbao text` and `nianbao check` read a PDF with the same code as
//! the page's worker (nianbao-pdf), so the text shown equals the library's; a PDF that cannot be read
//! is refused with the advice and exit status 2.

use std::path::PathBuf;
use std::process::Command;

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
    // T04 (the mixed template) is an error: exit status 1, as the README says of this report.
    assert_eq!(status, 1, "{json}");
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

#[test]
fn a_pdf_that_cannot_be_read_is_refused_with_exit_status_2() {
    let bytes = std::fs::read(fixture("corpus/hongze-2024.pdf")).expect("the fixture");
    let dir = std::env::temp_dir().join(format!("nianbao-pdf-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cut = dir.join("cut.pdf");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    for command in ["text", "check"] {
        let (status, out, err) = run(&[command, cut.to_str().unwrap()]);
        assert_eq!(status, 2, "{command}: {out}{err}");
        assert!(err.contains("PDF 文件已损坏或不完整"), "{command}: {err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
