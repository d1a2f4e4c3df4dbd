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

/// The part a finding is filed under: the part of the table it lies in (when headings are missing, the
/// part around a table may be the wrong one or none); else its own; else, when it has none, the part
/// of the table it names (「表三缺少……行」); so table findings do not land under 「标题与开头」.
fn filed_part(doc: &Document, finding: &Finding) -> u8 {
    let inside = doc.tables.iter().find(|t| {
        extent(t).is_some_and(|(start, end)| start <= finding.start && finding.start < end)
    });
    if let Some(table) = inside {
        return part_of(table.id);
    }
    if let Some(part) = finding.part {
        return part;
    }
    doc.tables
        .iter()
        .find(|t| finding.message.starts_with(t.id.short_name()))
        .map_or(0, |t| part_of(t.id))
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

/// Findings of one rule and severity in one part collapse into one expandable entry from this many.
pub const COLLAPSE_FROM: usize = 4;

/// The entries of one part's list, in text order: each one finding, or (more than one) the findings
/// of the same rule and severity there, placed where the first of them is.
pub fn entries(findings: &[Finding], group: &[usize]) -> Vec<Vec<usize>> {
    let same = |a: usize, b: usize| {
        findings[a].code == findings[b].code && findings[a].severity == findings[b].severity
    };
    let mut out: Vec<Vec<usize>> = Vec::new();
    for &i in group {
        let alike = group.iter().filter(|&&j| same(i, j)).count();
        if alike >= COLLAPSE_FROM {
            if let Some(entry) = out.iter_mut().find(|e| same(e[0], i)) {
                entry.push(i);
                continue;
            }
        }
        out.push(vec![i]);
    }
    out
}

/// What the list should say first because other findings follow from it: the parts could not be
/// found (S01 for several), or a table could not be read (T06). Each with the finding to go to.
pub fn root_causes(findings: &[Finding]) -> Vec<(String, usize)> {
    let missing: Vec<usize> = (0..findings.len())
        .filter(|&i| findings[i].code.as_str() == "S01")
        .collect();
    let mut out = Vec::new();
    if missing.len() >= 2 {
        out.push((
            format!(
                "先看这里：有 {} 个部分找不到标题。请先核对各部分标题的写法，标题找到后，不少问题可能随之消失。",
                missing.len()
            ),
            missing[0],
        ));
    }
    for (i, f) in findings.iter().enumerate() {
        if f.code.as_str() == "T06" {
            out.push((format!("先看这里：{}。", f.message), i));
        }
    }
    out
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

    #[test]
    fn a_table_finding_goes_under_its_tables_part_when_another_part_swallowed_the_table() {
        // Parts 二 and 三 without headings: part 一 runs on over table 3.
        let text: String = crate::present::tests_support::seed("002")
            .replacen(
                "\n0 |\n0 |\n0 |\n0 |\n0 |\n0 |\n||\n7.",
                "\n0 |\n5 |\n0 |\n0 |\n0 |\n0 |\n||\n7.",
                1,
            )
            .lines()
            .filter(|line| !line.starts_with("二、主动公开") && !line.starts_with("三、收到和处理"))
            .map(|line| format!("{line}\n"))
            .collect();
        let report = crate::check(&text);
        let r02 = report
            .findings
            .iter()
            .position(|f| f.code.as_str() == "R02")
            .expect("R02");
        let groups = by_part(&report.document, &report.findings);
        let group = groups.iter().find(|g| g.findings.contains(&r02)).unwrap();
        assert_eq!(
            group.part, 3,
            "R02 of table 3 under part 3, whatever part the text around it fell in"
        );
    }

    #[test]
    fn many_findings_of_one_rule_in_a_part_collapse_into_one_entry() {
        // Every zero of seed 002 made a 7: sums break all over tables 2 and 3.
        let text = crate::present::tests_support::seed("002").replace("\n0 |", "\n7 |");
        let report = crate::check(&text);
        let f = &report.findings;
        for group in by_part(&report.document, f) {
            let entries = entries(f, &group.findings);
            let flat: Vec<usize> = entries.iter().flatten().copied().collect();
            let mut sorted = flat.clone();
            sorted.sort_unstable();
            let mut expected = group.findings.clone();
            expected.sort_unstable();
            assert_eq!(sorted, expected, "every finding once");
            for entry in &entries {
                assert!(entry.iter().all(|&i| f[i].code == f[entry[0]].code));
                let alike = group
                    .findings
                    .iter()
                    .filter(|&&j| {
                        f[j].code == f[entry[0]].code && f[j].severity == f[entry[0]].severity
                    })
                    .count();
                assert_eq!(entry.len() > 1, alike >= COLLAPSE_FROM);
            }
        }
        let part3 = by_part(&report.document, f)
            .into_iter()
            .find(|g| g.part == 3)
            .unwrap();
        let collapsed = entries(f, &part3.findings);
        assert!(
            collapsed.len() < part3.findings.len(),
            "{} findings in {} entries",
            part3.findings.len(),
            collapsed.len()
        );
        // One of a kind stays as it is.
        let one = crate::check(crate::present::tests_support::seed("002"));
        let g = by_part(&one.document, &one.findings);
        assert!(g.iter().all(|g| entries(&one.findings, &g.findings)
            .iter()
            .all(|e| e.len() == 1)));
    }

    #[test]
    fn the_root_cause_comes_first_when_the_parts_or_a_table_could_not_be_read() {
        let seed = crate::present::tests_support::seed("002");
        assert!(root_causes(&crate::check(seed).findings).is_empty());
        let without: String = seed
            .lines()
            .filter(|line| !line.starts_with("二、主动公开") && !line.starts_with("三、收到和处理"))
            .map(|line| format!("{line}\n"))
            .collect();
        let report = crate::check(&without);
        let causes = root_causes(&report.findings);
        assert_eq!(causes.len(), 1, "{causes:?}");
        assert!(
            causes[0].0.contains("有 2 个部分找不到标题"),
            "{}",
            causes[0].0
        );
        assert_eq!(report.findings[causes[0].1].code.as_str(), "S01");
        // A published report whose tables came out of a web page flattened: three T06, all first.
        let flattened = include_str!("../../tests/fixtures/corpus/pingtan-district-2021.txt");
        let report = crate::check(flattened);
        let causes = root_causes(&report.findings);
        let t06: Vec<usize> = (0..report.findings.len())
            .filter(|&i| report.findings[i].code.as_str() == "T06")
            .collect();
        assert_eq!(t06.len(), 3);
        assert_eq!(causes.iter().map(|c| c.1).collect::<Vec<_>>(), t06);
        assert!(causes.iter().all(|(text, _)| text.contains("无法可靠读取")));
    }
}
