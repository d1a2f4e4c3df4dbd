//! The problem list as plain text, for pasting into a reply or a work log.

use super::groups::by_part;
use crate::report::Report;

pub fn problem_list(report: &Report) -> String {
    let doc = &report.document;
    let mut out = String::from("政府信息公开工作年度报告检查结果\n");
    out.push_str(&format!(
        "格式：{}　年度：{}　错误 {}　警告 {}　提示 {}\n",
        doc.format.map_or("未识别", |v| match v {
            crate::template::Version::V2021 => "2021 版",
            crate::template::Version::V2019 => "2019 版",
        }),
        doc.year
            .map_or_else(|| "未识别".to_string(), |y| y.to_string()),
        report.count(crate::Severity::Error),
        report.count(crate::Severity::Warning),
        report.count(crate::Severity::Info),
    ));
    if report.findings.is_empty() {
        out.push_str("未发现问题。\n");
        return out;
    }
    for group in by_part(doc, &report.findings) {
        out.push_str(&format!("\n{}\n", group.title));
        for i in group.findings {
            let f = &report.findings[i];
            out.push_str(&format!(
                "  第 {} 行　{} {}　{}\n",
                f.line,
                f.code,
                f.severity.label_zh(),
                f.message
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_every_finding_with_its_line() {
        let report = crate::check(crate::present::tests_support::seed("001"));
        let text = super::problem_list(&report);
        assert!(
            text.contains("格式：2021 版　年度：2021　错误 0　警告 2　提示 0"),
            "{text}"
        );
        assert!(
            text.contains("  第 452 行　S03 警告　标题序号「6、」用了阿拉伯数字"),
            "{text}"
        );
        assert_eq!(text.matches("　S0").count(), 2);
    }
}
