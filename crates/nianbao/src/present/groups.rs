//! The problem list, grouped by the part each finding concerns, in text order.

use crate::model::{Document, Table};
use crate::rules::Finding;
use crate::template::TableId;

/// The part that holds a table.
fn part_of(table: TableId) -> u8 {
    match table {
        TableId::T2 => 2,
        TableId::T3 => 3,
        TableId::T4 => 4,
    }
}

/// Where a table's read rows lie in the text: from its first label to its last cell.
fn extent(table: &Table) -> Option<(usize, usize)> {
    let spans = table.rows.iter().flat_map(|row| {
        row.label_span
            .into_iter()
            .chain(row.cells.iter().map(|cell| cell.span))
    });
    spans.fold(None, |hull, span| {
        Some(
            hull.map_or((span.start, span.end), |(a, b): (usize, usize)| {
                (a.min(span.start), b.max(span.end))
            }),
        )
    })
}

/// The part a finding is filed under: its own, or when it has none (the headings were not found),
/// the part of the table it lies in or names (「表三缺少……行」), so table findings do not land under
/// 「标题与开头」.
fn filed_part(doc: &Document, finding: &Finding) -> u8 {
    if let Some(part) = finding.part {
        return part;
    }
    let inside = doc.tables.iter().find(|t| {
        extent(t).is_some_and(|(start, end)| start <= finding.start && finding.start < end)
    });
    let named = || {
        doc.tables
            .iter()
            .find(|t| finding.message.starts_with(t.id.short_name()))
    };
    inside.or_else(named).map_or(0, |t| part_of(t.id))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// 0 for the title and preamble, else the part's number.
    pub part: u8,
    pub title: String,
    /// Indices into the findings, by position.
    pub findings: Vec<usize>,
}

pub fn by_part(doc: &Document, findings: &[Finding]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let parts: Vec<u8> = findings.iter().map(|f| filed_part(doc, f)).collect();
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| {
        (
            parts[i],
            findings[i].start,
            findings[i].end,
            findings[i].code,
        )
    });
    for i in order {
        let part = parts[i];
        if groups.last().is_none_or(|g| g.part != part) {
            let title = match part {
                0 => "标题与开头".to_string(),
                n => {
                    let p = doc.part(n);
                    if p.found {
                        p.standard.to_string()
                    } else {
                        format!("{}（缺失）", p.standard)
                    }
                }
            };
            groups.push(Group {
                part,
                title,
                findings: Vec::new(),
            });
        }
        groups.last_mut().expect("pushed above").findings.push(i);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_004_groups_by_part_with_missing_parts_under_their_own_name() {
        let text = crate::present::tests_support::seed("004");
        let report = crate::check(text);
        let groups = by_part(&report.document, &report.findings);
        let titles: Vec<&str> = groups.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "一、总体情况（缺失）",
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况",
                "五、存在的主要问题及改进情况",
                "六、其他需要报告的事项（缺失）"
            ]
        );
        assert_eq!(
            groups.iter().map(|g| g.findings.len()).sum::<usize>(),
            report.findings.len()
        );
    }

    #[test]
    fn table_findings_go_under_their_tables_part_when_no_heading_was_found() {
        // Seed 002 with one cell changed, every part heading and a row of table 3 taken out.
        let text: String = crate::present::tests_support::seed("002")
            .replacen(
                "\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n||\n7.",
                "\n0 |\n5 |\n0 |\n0 |\n0 |\n0 |\n||\n7.",
                1,
            )
            .lines()
            .filter(|line| {
                ![
                    "一、总体情况",
                    "二、主动公开",
                    "三、收到和处理",
                    "四、政府信息公开行政",
                    "五、存在",
                    "六、其他",
                    "四、结转下年度",
                ]
                .iter()
                .any(|heading| line.starts_with(heading))
            })
            .map(|line| format!("{line}\n"))
            .collect();
        let report = crate::check(&text);
        let groups = by_part(&report.document, &report.findings);
        let group_of = |code: &str| {
            let i = report
                .findings
                .iter()
                .position(|f| f.code.as_str() == code && f.part.is_none())
                .unwrap_or_else(|| panic!("a {code} finding without a part"));
            groups
                .iter()
                .find(|g| g.findings.contains(&i))
                .unwrap()
                .part
        };
        assert_eq!(group_of("R02"), 3, "a sum in table 3, by where it lies");
        assert_eq!(group_of("R03"), 3);
        assert_eq!(
            group_of("T02"),
            3,
            "「表三缺少……行」, by the table it names"
        );
        assert_eq!(group_of("S06"), 0, "the title stays under 标题与开头");
        assert_eq!(
            groups.iter().map(|g| g.findings.len()).sum::<usize>(),
            report.findings.len()
        );
    }
}
