//! The command-line checker, run as a reviewer runs it.

#[path = "../../nianbao/tests/common/mod.rs"]
mod common;

mod support;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use support::{seed_path, BIN};

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.unwrap_or_default())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn temp_file(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("nianbao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn text_output_is_one_line_per_finding_then_a_summary() {
    let path = seed_path("004");
    let out = run(&["check", &path], None);
    assert_eq!(out.status.code(), Some(1), "seed 004 has errors");
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 8, "{text}");
    assert_eq!(
        lines[0],
        format!("{path}:4: S01 error 缺少第一部分「一、总体情况」：报告中找不到这一部分的标题")
    );
    assert!(lines[1].starts_with(&format!("{path}:12: S03 warning ")));
    assert_eq!(
        lines[7],
        format!("{path}: 2 处错误，5 处警告，0 处提示（格式：2019，年度：2020）")
    );
}

#[test]
fn exit_status_is_zero_without_errors() {
    let out = run(&["check", &seed_path("000"), &seed_path("003")], None);
    assert_eq!(out.status.code(), Some(0));
    // Seed 000: S03 and C03 (part 六 is only 「无。」), then its summary; seed 003: T05, summary.
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 5);
    assert!(
        text.lines().nth(1).unwrap().contains(": C03 warning "),
        "{text}"
    );
}

#[test]
fn json_output_has_the_documented_shape() {
    let paths: Vec<String> = ["000", "002", "004"].iter().map(|s| seed_path(s)).collect();
    let mut args = vec!["check", "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let out = run(&args, None);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let files = json.as_array().unwrap();
    assert_eq!(files.len(), 3);
    let f002 = &files[1];
    assert_eq!(f002["file"], paths[1].as_str());
    assert_eq!(f002["format"], "2021");
    assert_eq!(f002["year"], 2021);
    assert_eq!(f002["parts"].as_array().unwrap().len(), 6);
    assert_eq!(f002["parts"][0]["found"], true);
    assert_eq!(f002["parts"][0]["heading"], "一、总体情况");
    assert_eq!(f002["parts"][0]["line"], 2);
    assert_eq!(f002["tables"]["t2"]["行政许可"], serde_json::json!([8]));
    assert_eq!(f002["tables"]["t2"]["行政处罚"], serde_json::json!([50]));
    assert_eq!(f002["tables"]["t3"].as_array().unwrap().len(), 25);
    assert!(f002["tables"]["t3"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r.as_array().unwrap().len() == 7));
    assert_eq!(f002["tables"]["t4"].as_array().unwrap().len(), 15);
    let finding = &f002["findings"][0];
    for key in ["code", "severity", "message", "line", "start", "end"] {
        assert!(finding.get(key).is_some(), "finding has {key}");
    }
    assert_eq!(finding["code"], "S06");
    assert_eq!(finding["severity"], "warning");
    let f004 = &files[2];
    assert_eq!(f004["format"], "2019");
    assert_eq!(f004["parts"][0]["found"], false);
    assert_eq!(f004["tables"]["t3"].as_array().unwrap().len(), 23);
    // Seed 000: S03 and C03.
    assert_eq!(files[0]["findings"].as_array().unwrap().len(), 2);
    assert_eq!(files[0]["findings"][1]["code"], "C03");
}

#[test]
fn a_missing_cell_is_null_in_json() {
    let text = common::seed("003").replacen("规章\t0\t0\t0", "规章\t0\t/\t0", 1);
    let out = run(&["check", "--format", "json", "-"], Some(text.as_bytes()));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json[0]["file"], "-");
    assert_eq!(
        json[0]["tables"]["t2"]["规章"],
        serde_json::json!([0, null, 0])
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "a placeholder is an error (T03)"
    );
}

#[test]
fn reads_gbk_utf16_and_bom_files_like_utf8() {
    let text = common::seed("001");
    let reference = stdout(&run(
        &["check", "--format", "json", "-"],
        Some(text.as_bytes()),
    ));
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut bom = vec![0xef, 0xbb, 0xbf];
    bom.extend_from_slice(text.as_bytes());
    for (name, bytes) in [
        ("gbk.txt", gbk.into_owned()),
        ("utf16.txt", utf16),
        ("bom.txt", bom),
    ] {
        let path = temp_file(name, &bytes);
        let out = run(&["check", "--format", "json", &path], None);
        assert_eq!(out.status.code(), Some(0), "{name}");
        let got = stdout(&out).replace(&path, "-");
        assert_eq!(got, reference, "{name}");
    }
}

#[test]
fn unreadable_input_exits_2_with_a_message() {
    let out = run(&["check", "/nonexistent/report.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("无法读取"));
    let binary = temp_file(
        "zip.txt",
        &[0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x80, 0x81, 0xc0],
    );
    let out = run(&["check", &binary], None);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["check", "--format", "yaml", "x"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("用法"));
}

/// Seed 000 one year on (2022), and the seed as last year's report with one application from a
/// natural person carried forward to 2022 (the carried-forward row and the new row both 1).
fn this_and_last_year() -> (String, String) {
    let seed = common::seed("000");
    let this = seed.replace("2021年", "2022年");
    let doc = nianbao::check(seed).document;
    let t3 = doc.table(nianbao::template::TableId::T3).unwrap();
    let mut spans: Vec<nianbao::Span> = ["new", "forward"]
        .iter()
        .flat_map(|key| {
            let cells = &t3.row(key).unwrap().cells;
            [cells[0].span, cells[6].span]
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.start));
    let mut last = seed.to_string();
    for span in spans {
        last.replace_range(span.start..span.end, "1");
    }
    (this, last)
}

#[test]
fn previous_compares_each_file_with_last_years_report() {
    let (this, last) = this_and_last_year();
    let this_path = temp_file("2022.txt", this.as_bytes());
    let last_path = temp_file("2021.txt", last.as_bytes());

    let alone = stdout(&run(&["check", &this_path], None));
    assert!(!alone.contains("X01"), "{alone}");

    let out = run(&["check", "--previous", &last_path, &this_path], None);
    assert_eq!(out.status.code(), Some(1), "X01 is an error");
    let text = stdout(&out);
    let x01: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(": X01 error "))
        .collect();
    assert_eq!(x01.len(), 2, "自然人 and 总计: {text}");
    assert!(x01[0].contains("上年年报第 "), "{}", x01[0]);
    // This year's text is last year's one year on: X03 (内容雷同) says so too.
    assert!(text.contains(": X03 warning 本年报告正文约 100%"), "{text}");
    assert_eq!(
        text.lines().filter(|l| !l.contains(": X03 ")).count(),
        alone.lines().count() + 2,
        "only the X01 lines are new"
    );

    // The same with JSON, and with --previous=FILE after the file.
    let arg = format!("--previous={last_path}");
    let out = run(&["check", "--format", "json", &this_path, &arg], None);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let codes: Vec<&str> = json[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes.iter().filter(|c| **c == "X01").count(), 2);
    assert_eq!(json[0]["counts"]["error"], 2);

    // A report that does not follow last year's: said on stderr, not compared.
    let out = run(
        &["check", "--previous", &last_path, &seed_path("000")],
        None,
    );
    assert!(!stdout(&out).contains("X01"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("未做跨年核对"));
}

#[test]
fn previous_is_documented_and_its_file_must_be_readable() {
    let help = stdout(&run(&["--help"], None));
    assert!(help.contains("--previous FILE"), "{help}");
    let out = run(
        &[
            "check",
            "--previous",
            "/nonexistent/2021.txt",
            &seed_path("000"),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("无法读取上年年报"));
    let out = run(&["check", "--previous", "-", "-"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn writes_the_findings_as_a_word_document_and_a_csv_table() {
    let path = seed_path("004");
    let out_path = temp_file("意见.docx", b"");
    let out = run(&["check", "--format", "docx", "-o", &out_path, &path], None);
    assert_eq!(out.status.code(), Some(1), "seed 004 has errors");
    let back = nianbao::import::docx_to_text(&std::fs::read(&out_path).unwrap()).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let report = nianbao::check(&text);
    assert!(back.contains("宽城区柳影街道办事处"), "{back}");
    for f in &report.findings {
        assert!(back.contains(&f.message), "{}: {back}", f.code);
    }
    let out = run(&["check", "--format", "csv", "-o", "-", &path], None);
    let rows = nianbao::export::csv::parse(&stdout(&out));
    assert_eq!(rows.len(), report.findings.len() + 1);
    assert_eq!(rows[0][0], "序号");
    // Without -o, the file is named after the body and year, in the current directory.
    let dir = std::path::Path::new(&out_path)
        .parent()
        .unwrap()
        .to_path_buf();
    let status = Command::new(BIN)
        .args(["check", "--format", "csv", &path])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(1));
    assert!(dir
        .join("宽城区柳影街道办事处2020年年报检查意见.csv")
        .exists());
}
