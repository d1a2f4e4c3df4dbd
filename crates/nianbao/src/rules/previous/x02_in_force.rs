//! X02: 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数 (2021-format T2, rows 规章 and
//! 行政规范性文件, when both reports have them).

use super::where_last_year;
use crate::model::Table;
use crate::parse::Parsed;
use crate::rules::lookup;
use crate::rules::Severity;
use crate::rules::{Context, RuleDoc, Sink};
use crate::template::facts::{RunningTotal, DOCUMENTS_IN_FORCE};

pub static DOC: RuleDoc = RuleDoc {
    severity: Severity::Info,
    name: "现行有效件数与上年不衔接",
    what: "与上一年度的年报一起检查时：表二第二十条第（一）项「规章」「行政规范性文件」两行，本年现行有效件数一般应等于上年年报的现行有效件数加本年制发件数、减本年废止件数。两份报告都是 2021 版表格时才检查；不等时提示。只给出本年报告时不检查。",
    why: "现行有效件数是逐年累计的，与上年衔接不上，可能是漏报了制发或废止的文件，也可能是清理文件后没有说明。因失效、修改等原因也可能合理地不等，所以只作提示。",
    fix: "核对上年年报的现行有效件数与本年制发、废止的件数，改正本年数字；文件清理造成的差额在正文中说明。",
    bad: "某街道2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t2\t1\t3\n",
    good: "某街道2022年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t2\t1\t6\n",
    last_year_example: Some(LAST_YEAR_EXAMPLE),
};

/// Last year's report for the examples: five 行政规范性文件 in force.
pub const LAST_YEAR_EXAMPLE: &str = "某街道2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t1\t0\t5\n";

/// The T2 of a report, in the format version the running total is declared for.
fn t2<'p>(parsed: &'p Parsed, running: &RunningTotal) -> Option<&'p Table> {
    lookup::table(&parsed.document, running.table)
        .map(|(t, _)| t)
        .filter(|t| t.version == running.version)
}

pub fn run(context: &Context, out: &mut Sink) {
    let Some(previous) = context.last_year else {
        return;
    };
    let parsed = context.this_year;
    let running = &DOCUMENTS_IN_FORCE;
    let (Some(now), Some(then)) = (t2(parsed, running), t2(previous, running)) else {
        return;
    };
    for &key in running.rows {
        let (Some(issued), Some(repealed), Some(in_force), Some(last)) = (
            lookup::cell(now, key, running.added),
            lookup::cell(now, key, running.removed),
            lookup::cell(now, key, running.total),
            lookup::cell(then, key, running.total),
        ) else {
            continue;
        };
        let (Some(i), Some(r), Some(n), Some(l)) = (
            issued.count(),
            repealed.count(),
            in_force.count(),
            last.count(),
        ) else {
            continue;
        };
        let expected = i128::from(l) + i128::from(i) - i128::from(r);
        if i128::from(n) == expected {
            continue;
        }
        let label = now.row(key).map_or(key, |r| r.label);
        let message = format!(
            "「{label}」现行有效件数为 {n}，但上年年报现行有效 {l}（{}）+ 本年制发 {i} − 本年废止 {r} = {expected}，相差 {}",
            where_last_year(previous, last.span.start),
            (i128::from(n) - expected).unsigned_abs()
        );
        let related = vec![
            (issued.span, format!("「{label}」本年制发件数")),
            (repealed.span, format!("「{label}」本年废止件数")),
        ];
        out.report(in_force.span, message)
            .labels(related)
            .label_in_last_year(previous, last.span, format!("上年「{label}」现行有效件数"))
            .expected_actual(expected.to_string(), n.to_string());
    }
}
