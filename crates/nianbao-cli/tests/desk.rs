//! `nianbao check DIR`, `nianbao check FILE.zip`: the reviewer's desk on the command line — a row per
//! report with the same verdict as checking that file alone (or beside its body's report of the
//! year before), bad files rows with their reason, the CSV the page exports.

#[path = "../../nianbao/tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{next_year_with_new_figures, seed};
use nianbao::export::csv::{parse, DESK_COLUMNS};

const BIN: &str = env!("CARGO_BIN_EXE_nianbao");

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../nianbao/tests/fixtures/imports");
    std::fs::read(dir.join(name)).unwrap()
}

/// The files of the desk: two years of one body, a .docx and a saved page of another, a .doc that
/// cannot be read, and a hidden file that is no report.
fn files() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("城中2021.txt", seed("000").as_bytes().to_vec()),
        (
            "城中2022.txt",
            next_year_with_new_figures(seed("000")).into_bytes(),
        ),
        ("柳影.docx", fixture("004.docx")),
        ("子目录/柳影网页.htm", fixture("004-saved-page-gbk.htm")),
        ("旧版.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest".to_vec()),
    ]
}

fn desk_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nianbao-desk-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (file, bytes) in files() {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    std::fs::write(dir.join(".DS_Store"), b"\0\0\0\x01Bud1").unwrap();
    dir
}

/// The CLI's counts of errors, warnings and notes for `file` checked alone (or beside `previous`).
fn alone(file: &Path, previous: Option<&Path>) -> [usize; 3] {
    let mut args: Vec<&std::ffi::OsStr> =
        vec!["check".as_ref(), "--format".as_ref(), "json".as_ref()];
    if let Some(p) = previous {
        args.extend(["--previous".as_ref(), p.as_os_str()]);
    }
    args.push(file.as_os_str());
    let out = run(&args);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let counts = &json[0]["counts"];
    ["error", "warning", "info"].map(|k| counts[k].as_u64().unwrap() as usize)
}

/// The desk's CSV rows by file name.
fn csv_rows(out: &Output) -> Vec<Vec<String>> {
    let text = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        text.starts_with('\u{feff}'),
        "a byte-order mark for Excel and WPS"
    );
    let rows = parse(&text);
    assert_eq!(rows[0], DESK_COLUMNS);
    rows[1..].to_vec()
}

fn row<'a>(rows: &'a [Vec<String>], file: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r[1] == file)
        .unwrap_or_else(|| panic!("no row for {file}: {rows:?}"))
}

fn counts(row: &[String]) -> [usize; 3] {
    [5, 6, 7].map(|k| row[k].parse().unwrap())
}

/// Every readable row says what checking its file alone says (the next year's beside the last).
fn assert_rows_are_the_cli_verdicts(rows: &[Vec<String>], dir: &Path) {
    assert_eq!(rows.len(), 5, "{rows:?}");
    let last = dir.join("城中2021.txt");
    assert_eq!(counts(row(rows, "城中2021.txt")), alone(&last, None));
    let this = row(rows, "城中2022.txt");
    assert_eq!(counts(this), alone(&dir.join("城中2022.txt"), Some(&last)));
    assert!(this[24].starts_with("城中2021.txt（"), "paired: {this:?}");
    // X03: last year's text with new figures is counted among the X warnings.
    assert!(this[21].parse::<usize>().unwrap() >= 1, "{this:?}");
    assert_eq!(
        counts(row(rows, "柳影.docx")),
        alone(&dir.join("柳影.docx"), None)
    );
    let page = row(rows, "子目录/柳影网页.htm");
    assert_eq!(counts(page), alone(&dir.join("子目录/柳影网页.htm"), None));
    for r in rows.iter().filter(|r| r[2].contains("城中")) {
        assert_eq!(
            r[3],
            if r[1].contains("2021") {
                "2021"
            } else {
                "2022"
            }
        );
    }
    let old = row(rows, "旧版.doc");
    assert!(
        old[5].is_empty() && old[23].contains("另存为 .docx"),
        "{old:?}"
    );
}

#[test]
fn a_directory_is_a_row_per_report_with_each_files_verdict() {
    let dir = desk_dir("dir");
    let out = run(&[
        "check".as_ref(),
        "--format".as_ref(),
        "csv".as_ref(),
        dir.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2), "one file cannot be read");
    let rows = csv_rows(&out);
    assert_rows_are_the_cli_verdicts(&rows, &dir);

    // Readable: a line per report, then the total.
    let out = run(&["check".as_ref(), dir.as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "{text}");
    assert!(
        lines[0].starts_with("城中2021.txt：单位：城中街道办，年度：2021"),
        "{text}"
    );
    assert!(
        lines[1].contains("上年年报（与上年相同 %）：城中2021.txt（"),
        "{text}"
    );
    assert!(
        lines[5].starts_with("共 5 份：") && lines[5].contains("1 份无法读取"),
        "{text}"
    );
}

#[test]
fn a_zip_reads_as_its_directory_and_refuses_names_outside_it() {
    let dir = desk_dir("zip");
    let mut entries = files();
    entries.push(("../逃出.txt", seed("000").as_bytes().to_vec()));
    let listed: Vec<(&str, &[u8])> = entries.iter().map(|(n, b)| (*n, &b[..])).collect();
    let zip = dir.join("年报.zip");
    std::fs::write(&zip, nianbao::export::zip::stored(&listed)).unwrap();
    let out = run(&[
        "check".as_ref(),
        "--format".as_ref(),
        "csv".as_ref(),
        zip.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let mut rows = csv_rows(&out);
    let escaped = rows.pop().unwrap();
    assert_eq!(escaped[1], "../逃出.txt");
    assert!(escaped[23].contains("压缩包以外"), "{escaped:?}");
    assert_rows_are_the_cli_verdicts(&rows, &dir);
}

#[test]
fn a_desk_with_no_unreadable_file_exits_as_its_errors_say() {
    let dir = desk_dir("clean");
    std::fs::remove_file(dir.join("旧版.doc")).unwrap();
    let out = run(&["check".as_ref(), dir.as_os_str()]);
    let rows_with_errors = run(&[
        "check".as_ref(),
        "--format".as_ref(),
        "csv".as_ref(),
        dir.as_os_str(),
    ]);
    let any_error = csv_rows(&rows_with_errors).iter().any(|r| r[5] != "0");
    assert_eq!(out.status.code(), Some(i32::from(any_error)));
    // Last year's report is paired by the desk itself.
    let out = run(&[
        "check".as_ref(),
        "--previous".as_ref(),
        dir.join("城中2021.txt").as_os_str(),
        dir.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("自动配对"));
}

#[test]
fn a_zip_from_windows_with_gbk_names_shows_them_in_chinese() {
    let dir = desk_dir("gbk");
    let placeholder = "abcdefghijkl.txt";
    let (gbk, _, _) = encoding_rs::GBK.encode("城中街道年报.txt");
    assert_eq!(gbk.len(), placeholder.len());
    // Windows' zip writes the system code page; the stand-in name is swapped for it (no checksum
    // covers names).
    let utf8 = nianbao::export::zip::stored(&[(placeholder, seed("000").as_bytes())]);
    let mut zip = Vec::new();
    let mut rest = &utf8[..];
    while let Some(at) = rest
        .windows(placeholder.len())
        .position(|w| w == placeholder.as_bytes())
    {
        zip.extend_from_slice(&rest[..at]);
        zip.extend_from_slice(&gbk);
        rest = &rest[at + placeholder.len()..];
    }
    zip.extend_from_slice(rest);
    let path = dir.join("windows.zip");
    std::fs::write(&path, zip).unwrap();
    let out = run(&[
        "check".as_ref(),
        "--format".as_ref(),
        "csv".as_ref(),
        path.as_os_str(),
    ]);
    let rows = csv_rows(&out);
    assert_eq!(rows.len(), 1);
    assert!(rows[0][1].ends_with("城中街道年报.txt"), "{:?}", rows[0]);
}
