//! T04: the tables follow the other format version for the report's year, or mix both.

use crate::parse::Parsed;
use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};
use crate::span::Span;
use crate::template::{TableId, Version};

// A warning, not an error: the numbers of either version's tables still add up and can be checked,
// and a correct report with one old-style row (「（六）其他处理」 as one row, hongze 2024) must not
// show an error; the drafter is still told to change the table.
pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Warning,
    name: "表格格式版本不符",
    what: "2021 年及以后的年报应使用国办公开办函〔2021〕30号的表格（如「本年制发件数」「本年收费金额」，「（六）其他处理」下分三项）；2019、2020 年的年报使用国办公开办函〔2019〕60号的试行表格（如「本年新制作数量」「第二十条第（九）项」）。表格版本与报告年度不符，或新旧两版表格混用时报告。",
    why: "套用旧模板是常见错误：旧表缺少新格式要求统计的项目，数据无法与其他机关汇总比较。",
    fix: "换用国办公开办函〔2021〕30号的表格重新填写（2020 年度及以前的报告用 2019 年试行格式）。",
    bad: "2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t0\t0\t0\n",
    good: "2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t0\t0\t0\n",
    last_year_example: None,
};

/// Where a table visibly starts: its first label found.
fn table_start(parsed: &Parsed, id: TableId) -> Option<Span> {
    let table = parsed.document.table(id)?;
    table
        .rows
        .iter()
        .find_map(|r| r.label_span)
        .or(Some(Span::point(table.region.start)))
}

pub fn run(context: &Context, out: &mut Sink) {
    let parsed = context.this_year;
    let doc = &parsed.document;
    let found: Vec<_> = doc
        .tables
        .iter()
        .filter(|t| t.found && t.id != TableId::T4)
        .collect();
    if doc.mixed_format {
        let describe: Vec<String> = found
            .iter()
            .map(|t| format!("{}为 {} 版", t.id.short_name(), t.version.as_str()))
            .collect();
        let minority = found
            .iter()
            .find(|t| Some(t.version) != doc.format)
            .map_or(TableId::T3, |t| t.id);
        if let Some(at) = table_start(parsed, minority) {
            out.report(at, format!("新旧两版表格混用：{}", describe.join("，")));
        }
        return;
    }
    let (Some(year), Some(format)) = (doc.year, doc.format) else {
        return;
    };
    let expected = Version::for_year(year);
    if format == expected {
        return;
    }
    let Some(first) = found.first() else { return };
    if let Some(at) = table_start(parsed, first.id) {
        let message = match expected {
            Version::V2021 => format!("{year} 年的年报使用了 2019 版试行格式的表格，应使用 2021 版格式（国办公开办函〔2021〕30号）"),
            Version::V2019 => format!("{year} 年的年报应使用 2019 版试行格式的表格，这里用的是 2021 版格式"),
        };
        out.report(at, message);
    }
}
