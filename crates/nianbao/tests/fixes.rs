//! Certain fixes: applying them removes the findings that carry them and adds none, on the rules'
//! own failing examples, the seeds and the corpus.

mod common;

use std::collections::BTreeSet;

use common::SEEDS;
use nianbao::rules::fix::apply;
use nianbao::{Report, RuleCode};

/// `text` with every fix its check offers applied.
fn fixed(text: &str) -> String {
    let report = nianbao::check(text);
    apply(text, report.findings.iter().filter_map(|f| f.fix.as_ref())).0
}

fn said(report: &Report) -> BTreeSet<(RuleCode, String)> {
    report
        .findings
        .iter()
        .map(|f| (f.code, f.message.clone()))
        .collect()
}

/// After the fixes: the findings without a fix, and nothing else.
fn assert_fixes_remove_only_their_findings(name: &str, text: &str) {
    let before = nianbao::check(text);
    let after = nianbao::check(&fixed(text));
    let unfixed: BTreeSet<(RuleCode, String)> = before
        .findings
        .iter()
        .filter(|f| f.fix.is_none())
        .map(|f| (f.code, f.message.clone()))
        .collect();
    assert_eq!(said(&after), unfixed, "{name}");
}

#[test]
fn the_failing_example_of_each_fixable_rule_is_fixed() {
    for code in [RuleCode::S03, RuleCode::S04, RuleCode::T05, RuleCode::C05] {
        let bad = code.doc().bad;
        let report = nianbao::check(bad);
        assert!(
            report
                .findings
                .iter()
                .any(|f| f.code == code && f.fix.is_some()),
            "{code} offers a fix on its failing example"
        );
        let after = nianbao::check(&fixed(bad));
        assert!(
            !after.codes().contains(&code),
            "{code}: {:?}",
            after.findings
        );
        assert_fixes_remove_only_their_findings(code.as_str(), bad);
    }
}

#[test]
fn fixes_on_the_seeds_and_the_corpus_remove_their_findings_and_add_none() {
    let corpus = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    let mut texts: Vec<(String, String)> = SEEDS
        .iter()
        .map(|(id, t)| (format!("seed {id}"), t.to_string()))
        .collect();
    for entry in std::fs::read_dir(corpus).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            texts.push((path.display().to_string(), text));
        }
    }
    for (name, text) in &texts {
        assert_fixes_remove_only_their_findings(name, text);
    }
}

#[test]
fn the_numeral_fix_keeps_the_title_and_the_title_fix_keeps_the_numeral() {
    let text = "## 总体情况\n二、主动公开信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n6、 其他需要报告的事项\n";
    assert_eq!(
        fixed(text),
        "## 一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n"
    );
}

#[test]
fn statements_only_the_drafter_knows_are_not_fixed() {
    // C03 (part 六 silent on 信息处理费) and S01 (a missing part) carry no fix.
    let report = nianbao::check(SEEDS[0].1);
    assert!(report
        .findings
        .iter()
        .filter(|f| matches!(f.code, RuleCode::C03 | RuleCode::S01 | RuleCode::S05))
        .all(|f| f.fix.is_none()));
    let c03 = nianbao::check(SEEDS[4].1);
    assert!(c03
        .findings
        .iter()
        .filter(|f| f.code == RuleCode::S01)
        .all(|f| f.fix.is_none()));
}

#[test]
fn a_known_other_wording_of_a_row_label_is_fixed_and_a_label_known_by_key_words_is_not() {
    let text = "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n规范性文件\t0\t0\t0\n";
    let report = nianbao::check(text);
    let t05 = report
        .findings
        .iter()
        .find(|f| f.code == RuleCode::T05)
        .expect("T05 on 规范性文件");
    assert_eq!(
        t05.fix.as_ref().map(|f| f.label.as_str()),
        Some("改为「行政规范性文件」")
    );
    assert!(fixed(text).contains("\n行政规范性文件\t0\t0\t0\n"));
    // hongze's misspelt 「2.其他法律行政止公开」 is recognised by its key words only: no fix.
    let corpus = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus/hongze-2024.layout.txt");
    let hongze = std::fs::read_to_string(corpus).unwrap();
    let report = nianbao::check(&hongze);
    let row = report
        .findings
        .iter()
        .find(|f| f.code == RuleCode::T05 && f.message.contains("行标题"))
        .expect("a row label by key words");
    assert!(row.fix.is_none(), "{}", row.message);
}
