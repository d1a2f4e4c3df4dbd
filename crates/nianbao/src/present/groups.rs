//! The problem list, grouped by the part each finding concerns, in text order.

use crate::model::Document;
use crate::rules::Finding;

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
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| {
        (
            findings[i].part.unwrap_or(0),
            findings[i].start,
            findings[i].end,
            findings[i].code,
        )
    });
    for i in order {
        let part = findings[i].part.unwrap_or(0);
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
}
