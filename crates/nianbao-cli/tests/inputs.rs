//! Issue 18: any file name, and no input read past the size limit. A GBK-named file is read and its
//! name shown as bytes; `/dev/zero`, an endless pipe and a file over 20 MB end in the same refusal,
//! fast and in bounded memory; names with control characters stay on one line.

#[path = "../../nianbao/tests/common/mod.rs"]
mod common;
mod support;

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::process::{Command, Stdio};
use std::time::Duration;

use support::{run_bounded, temp_file};

const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn a_file_whose_name_is_not_utf8_is_read_and_named_as_bytes() {
    // 「报告」 in GBK, as a Chinese Windows share names it.
    let path = temp_file("placeholder", b"");
    let gbk = path.with_file_name(OsStr::from_bytes(b"\xb1\xa8\xb8\xe6.txt"));
    std::fs::write(&gbk, common::seed("000")).unwrap();
    let run = run_bounded(&["check".as_ref(), gbk.as_os_str()], Stdio::null(), LIMIT);
    assert_eq!(run.status, 0, "{}", run.stderr);
    let last = run.stdout.lines().last().unwrap();
    assert!(
        last.contains("\\xB1\\xA8\\xB8\\xE6.txt: 0 处错误"),
        "{last}"
    );

    let run = run_bounded(
        &["check".as_ref(), "--format=json".as_ref(), gbk.as_os_str()],
        Stdio::null(),
        LIMIT,
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert!(json[0]["file"]
        .as_str()
        .unwrap()
        .ends_with("\\xB1\\xA8\\xB8\\xE6.txt"));

    let missing = gbk.with_file_name(OsStr::from_bytes(b"\xff\xfe.txt"));
    let run = run_bounded(
        &["check".as_ref(), missing.as_os_str()],
        Stdio::null(),
        LIMIT,
    );
    assert_eq!(run.status, 2);
    assert!(
        run.stderr.contains("\\xFF\\xFE.txt: 文件不存在"),
        "{}",
        run.stderr
    );
}

fn assert_refused_as_too_large(run: &support::Run, what: &str) {
    assert_eq!(run.status, 2, "{what}: {}", run.stderr);
    assert!(
        run.stderr.contains("超过 20 MB，不像是一份年度报告"),
        "{what}: {}",
        run.stderr
    );
    eprintln!("{what}: refused in {:?}", run.took);
}

#[test]
fn dev_zero_and_an_endless_pipe_are_refused_at_the_limit() {
    for args in [["check", "/dev/zero"], ["text", "/dev/zero"]] {
        let args: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
        let run = run_bounded(&args, Stdio::null(), LIMIT);
        assert_refused_as_too_large(&run, "/dev/zero");
    }
    let mut endless = Command::new("yes")
        .arg("一、总体情况")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let pipe = Stdio::from(endless.stdout.take().unwrap());
    let run = run_bounded(&["check".as_ref(), "-".as_ref()], pipe, LIMIT);
    endless.kill().unwrap();
    endless.wait().unwrap();
    assert_refused_as_too_large(&run, "an endless pipe");
    assert!(run.stderr.contains("无法读取 -: "), "{}", run.stderr);
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let path = temp_file("大.txt", b"");
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(21 * 1024 * 1024)
        .unwrap();
    let run = run_bounded(&["check".as_ref(), path.as_os_str()], Stdio::null(), LIMIT);
    assert_refused_as_too_large(&run, "a 21 MB file");
    assert!(run.stderr.contains("文件有 21.0 MB"), "{}", run.stderr);
    // Exactly the limit is read, from a file and from a stream.
    let path = temp_file("20.txt", &vec![b'a'; 20 * 1024 * 1024]);
    let run = run_bounded(&["text".as_ref(), path.as_os_str()], Stdio::null(), LIMIT);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout.len(), 20 * 1024 * 1024);
    let stdin = Stdio::from(std::fs::File::open(&path).unwrap());
    let run = run_bounded(&["text".as_ref(), "-".as_ref()], stdin, LIMIT);
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout.len(), 20 * 1024 * 1024);
}

#[test]
fn names_with_control_characters_stay_on_one_line() {
    let path = temp_file("年报\n2023\t\u{1b}[2J.txt", common::seed("004").as_bytes());
    let run = run_bounded(&["check".as_ref(), path.as_os_str()], Stdio::null(), LIMIT);
    assert_eq!(run.status, 1);
    let shown = format!(
        "{}/年报\\n2023\\t\\u{{1b}}[2J.txt:",
        path.parent().unwrap().display()
    );
    assert!(!run.stdout.contains('\u{1b}'));
    for line in run.stdout.lines() {
        assert!(line.starts_with(&shown), "{line}");
    }
    let run = run_bounded(
        &["check".as_ref(), "--format=json".as_ref(), path.as_os_str()],
        Stdio::null(),
        LIMIT,
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json[0]["file"].as_str(), path.to_str());
}

#[test]
fn exit_statuses_rank_cannot_read_over_errors_found() {
    use nianbao_cli::Exit;
    assert_eq!(
        [Exit::NoErrors, Exit::ErrorsFound, Exit::CannotRead].map(Exit::code),
        [0, 1, 2]
    );
    assert_eq!(Exit::ErrorsFound.max(Exit::CannotRead), Exit::CannotRead);
    let mut out = Vec::new();
    let mut err = Vec::new();
    let exit = nianbao_cli::main_with(&["check", "/nonexistent/a.txt", "-"], &mut out, &mut err);
    assert_eq!(exit, Exit::CannotRead);
    assert!(String::from_utf8_lossy(&err).contains("/nonexistent/a.txt: 文件不存在"));
}
