//! T05: a row label or column header deviates from the template.

use crate::model::LabelMatch;
use crate::rules::Severity;
use crate::rules::{Context, Fix, RuleDoc, Sink};
use crate::span::Span;
use crate::text::fold::fold_str;

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Warning,
    name: "行列标题与模板不一致",
    what: "表格的行标题或列标题应与格式文件逐字一致。能认出是哪一行或哪一列、但文字有出入（如「本年度止件数」应为「本年废止件数」，2021 版表格中写「规范性文件」而非「行政规范性文件」）时报告。",
    why: "标题的错字和改动往往来自手工重打表格，容易连带数据错位；统一的标题也便于汇总。",
    fix: "把行标题或列标题改为格式文件中的原文，并核对这一行、这一列的数字没有错位。",
    bad: "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年度止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t0\t0\t0\n",
    good: "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t0\t0\t0\n",
    last_year_example: None,
};

/// A table that cannot be read reliably is reported once, by T06, and not here.
pub fn run(context: &Context, out: &mut Sink) {
    let parsed = context.this_year;
    for table in parsed
        .document
        .tables
        .iter()
        .filter(|t| t.found && t.is_reliable())
    {
        let name = table.id.short_name();
        let spec = crate::template::table(table.id, table.version);
        for issue in &table.header_issues {
            // A group label (「（六）其他处理」) heads rows, not a column.
            let heads_rows = spec
                .sections
                .iter()
                .any(|s| s.rows.iter().any(|r| r.label == issue.expected));
            let what = if heads_rows { "行标题" } else { "表头" };
            let message = match &issue.found {
                Some(found) => format!("{name}{what}「{found}」应为「{}」", issue.expected),
                None => format!("{name}表头中没有「{}」", issue.expected),
            };
            let finding = out.report(issue.span, message);
            // A misspelt header (not a missing one) is replaced by the template's.
            let written = parsed.slice(issue.span);
            if let Some(found) = issue.found.as_deref().filter(|f| written.trim() == *f) {
                // Only the header's words: spaces around it stay.
                let start = issue.span.start + written.find(found).unwrap_or(0);
                let span = Span::new(start, start + found.len());
                let fix = format!("改为「{}」", issue.expected);
                finding.fix(Fix::single(fix, span, issue.expected));
            }
        }
        for row in table
            .rows
            .iter()
            .filter(|r| r.label_match == Some(LabelMatch::Deviating))
        {
            let Some(span) = row.label_span else { continue };
            let written = fold_str(parsed.slice(span));
            // A known other wording is certain; a label recognised by its key words only is not.
            let alias = spec
                .data_rows()
                .find(|(_, r)| r.key == row.key)
                .is_some_and(|(_, r)| r.aliases.iter().any(|a| fold_str(a) == written));
            let finding = out.report(
                span,
                format!(
                    "{name}行标题「{}」与格式文件不一致，应为「{}」",
                    parsed.slice(span).trim(),
                    row.label
                ),
            );
            if alias {
                finding.fix(Fix::single(
                    format!("改为「{}」", row.label),
                    span,
                    row.label,
                ));
            }
        }
    }
}
