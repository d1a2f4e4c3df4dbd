//! `nianbao fix` and `check --ignore`, run as a reviewer runs them.

mod support;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use support::{seed_path, BIN};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// (code, message) of every finding.
fn findings(report: &nianbao::Report) -> Vec<(nianbao::RuleCode, String)> {
    report
        .findings
        .iter()
        .map(|f| (f.code, f.message.clone()))
        .collect()
}

#[test]
fn fix_removes_the_heading_findings_of_seeds_001_and_004_and_adds_none() {
    for (seed, changes) in [("001", 1), ("004", 4)] {
        let path = seed_path(seed);
        let original = std::fs::read_to_string(&path).unwrap();
        let out = run(&["fix", &path], b"");
        assert_eq!(out.status.code(), Some(0));
        let fixed = text(&out.stdout);
        let before = nianbao::check(&original);
        let after = nianbao::check(&fixed);
        assert!(before
            .codes()
            .iter()
            .any(|c| matches!(c, nianbao::RuleCode::S03 | nianbao::RuleCode::S04)));
        let kept: Vec<_> = findings(&before)
            .into_iter()
            .filter(|(c, _)| !matches!(c, nianbao::RuleCode::S03 | nianbao::RuleCode::S04))
            .collect();
        assert_eq!(findings(&after), kept, "seed {seed}: only S03/S04 go");
        // Only the heading lines change.
        assert_eq!(fixed.lines().count(), original.lines().count());
        let changed = original
            .lines()
            .zip(fixed.lines())
            .filter(|(a, b)| a != b)
            .count();
        assert!(changed <= changes, "seed {seed}");
        let said = text(&out.stderr);
        assert!(
            said.contains(&format!("修正了 {changes} 处")),
            "seed {seed}: {said}"
        );
    }
    let said = text(&run(&["fix", &seed_path("001")], b"").stderr);
    assert!(said.contains("第 452 行 S03：改为「六、」"), "{said}");
}

#[test]
fn fix_reads_standard_input_and_puts_back_the_one_wrong_cell() {
    let original = std::fs::read_to_string(seed_path("000")).unwrap();
    let at = original.find("一、本年新收政府信息公开申请数量").unwrap();
    let zero = at + original[at..].find('0').unwrap();
    let mutated = format!("{}5{}", &original[..zero], &original[zero + 1..]);
    let out = run(&["fix", "-"], mutated.as_bytes());
    assert_eq!(
        text(&out.stdout).replacen("一、总体情况", "总体情况", 1),
        original
    );
    let said = text(&out.stderr);
    // One cell breaks R01 and R02: one fix, told once.
    assert_eq!(said.matches("改为 0").count(), 1, "{said}");
    assert!(said.contains("修正了 2 处"), "{said}");
}

#[test]
fn fix_needs_one_readable_file() {
    assert_eq!(run(&["fix"], b"").status.code(), Some(2));
    assert_eq!(run(&["fix", "a", "b"], b"").status.code(), Some(2));
    assert_eq!(
        run(&["fix", "/no/such/file.txt"], b"").status.code(),
        Some(2)
    );
}

#[test]
fn the_json_carries_the_fix() {
    let out = run(&["check", "--format", "json", &seed_path("001")], b"");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json[0]["findings"].as_array().unwrap();
    let s03 = findings.iter().find(|f| f["code"] == "S03").unwrap();
    assert_eq!(s03["fix"]["label"], "改为「六、」");
    let edit = &s03["fix"]["edits"][0];
    let original = std::fs::read_to_string(seed_path("001")).unwrap();
    let (start, end) = (
        edit["start"].as_u64().unwrap() as usize,
        edit["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&original[start..end], "6、 ");
    assert_eq!(edit["replacement"], "六、");
    let s06 = findings.iter().find(|f| f["code"] == "S06").unwrap();
    assert!(s06.get("fix").is_none(), "no fix, no key");
}

#[test]
fn ignored_codes_leave_the_output_the_counts_and_the_exit_status() {
    let path = seed_path("004");
    assert_eq!(run(&["check", &path], b"").status.code(), Some(1));
    let out = run(&["check", "--ignore", "S01,s05", &path], b"");
    assert_eq!(out.status.code(), Some(0), "S01 was the only error");
    let said = text(&out.stdout);
    assert!(!said.contains(" S01 ") && !said.contains(" S05 "), "{said}");
    assert!(said.contains("0 处错误，4 处警告"), "{said}");
    let out = run(&["check", "--format=json", "--ignore=S03", &path], b"");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = json[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert!(
        !codes.contains(&"S03") && codes.contains(&"S04"),
        "{codes:?}"
    );
    assert_eq!(json[0]["counts"]["warning"], 2);
    let unknown = run(&["check", "--ignore", "Z99", &path], b"");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("没有代码为「Z99」的规则"));
}
