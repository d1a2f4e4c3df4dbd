//! The findings as a reader outside the page gets them: the plain-text problem list (copy), and what
//! the 检查意见 documents share (their header, their numbering, their file name).

use super::groups::{by_part, entries};
use super::snippet::snippet;
use crate::report::Report;
use crate::rules::consistency::c04_rules_below_city::name_in_title;

/// The body the report is from, as its title names it (「××街道」), or empty.
pub fn body_name(report: &Report) -> String {
    report
        .document
        .title
        .as_ref()
        .map(|t| name_in_title(&t.text).trim().to_string())
        .unwrap_or_default()
}

/// The file name, without extension, of the 检查意见: 「××街道2024年年报检查意见」.
pub fn file_stem(report: &Report) -> String {
    let year = report
        .document
        .year
        .map(|y| format!("{y}年"))
        .unwrap_or_default();
    format!("{}{year}年报检查意见", body_name(report))
}

/// The 检查意见's header lines: its title, then what was checked and what was found.
pub fn header(report: &Report, date: &str) -> [String; 3] {
    let doc = &report.document;
    let version = doc.format.map_or("未识别", |v| match v {
        crate::template::Version::V2021 => "2021 版",
        crate::template::Version::V2019 => "2019 版",
    });
    let year = doc
        .year
        .map_or_else(|| "未识别".to_string(), |y| y.to_string());
    let body = body_name(report);
    [
        format!(
            "{}检查意见",
            doc.title.as_ref().map_or_else(
                || "政府信息公开工作年度报告".to_string(),
                |t| t.text.split_whitespace().collect::<String>()
            )
        ),
        format!(
            "单位：{}　年度：{year}　格式：{version}　检查日期：{date}",
            if body.is_empty() { "未识别" } else { &body }
        ),
        format!(
            "错误 {}　警告 {}　提示 {}",
            report.count(crate::Severity::Error),
            report.count(crate::Severity::Warning),
            report.count(crate::Severity::Info),
        ),
    ]
}

/// The findings in the order the problem list shows them, by part: each part's title and its
/// findings (indices). A finding's number is its place in this order, from 1.
pub fn listed(report: &Report) -> Vec<(String, Vec<usize>)> {
    let f = &report.findings;
    by_part(&report.document, f)
        .into_iter()
        .map(|g| (g.title, entries(f, &g.findings).concat()))
        .collect()
}

/// Each finding's number (indexed like the findings), as [`listed`] numbers them.
pub fn numbers(report: &Report) -> Vec<usize> {
    let mut out = vec![0; report.findings.len()];
    for (n, i) in listed(report).into_iter().flat_map(|(_, l)| l).enumerate() {
        out[i] = n + 1;
    }
    out
}

/// One finding as a line of the list: number, line, code, severity, message and the quoted text.
pub fn finding_line(text: &str, report: &Report, number: usize, i: usize) -> String {
    let f = &report.findings[i];
    format!(
        "{number}. 第 {} 行　{} {}　{}　原文：「{}」",
        f.line,
        f.code,
        f.severity.label_zh(),
        f.message,
        snippet(text, f.span())
    )
}

/// The problem list as plain text, for pasting into a reply or a work log.
pub fn problem_list(text: &str, report: &Report, date: &str) -> String {
    let mut out = header(report, date).join("\n");
    out.push('\n');
    if report.findings.is_empty() {
        out.push_str("未发现问题。\n");
        return out;
    }
    let mut n = 0;
    for (title, list) in listed(report) {
        out.push_str(&format!("\n{title}\n"));
        for i in list {
            n += 1;
            out.push_str(&format!("  {}\n", finding_line(text, report, n, i)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_every_finding_with_its_line_and_snippet() {
        let text = crate::present::tests_support::seed("001");
        let report = crate::check(text);
        let list = super::problem_list(text, &report, "2026-12-02");
        assert!(
            list.contains("年度：2021　格式：2021 版　检查日期：2026-12-02"),
            "{list}"
        );
        assert!(list.contains("错误 0　警告 2　提示 0"), "{list}");
        assert!(
            list.contains("第 452 行　S03 警告　标题序号「6、」用了阿拉伯数字"),
            "{list}"
        );
        assert!(list.contains("原文：「6、"), "{list}");
        assert!(list.contains("  1. ") && list.contains("  2. "), "{list}");
        assert_eq!(list.matches("　S0").count(), 2);
    }

    #[test]
    fn names_the_file_after_the_body_and_year() {
        let report = crate::check(crate::present::tests_support::seed("004"));
        assert_eq!(
            super::file_stem(&report),
            "宽城区柳影街道办事处2020年年报检查意见"
        );
    }

    #[test]
    fn numbers_every_finding_once() {
        for (_, text) in crate::present::tests_support::seeds() {
            let report = crate::check(text);
            let mut n = super::numbers(&report);
            n.sort();
            assert_eq!(n, (1..=report.findings.len()).collect::<Vec<_>>());
        }
    }
}
