//! The kinds of rules, by the letter their codes start with: what the page's rule help and its
//! "nothing found" note say was checked, derived from the registry so that they name every rule.

use super::{Rule, RULES};

pub struct Family {
    /// The letter the family's codes start with.
    pub letter: char,
    /// What its rules check, as the end of 「…开头的规则」.
    pub checks: &'static str,
}

pub static FAMILIES: [Family; 5] = [
    Family {
        letter: 'S',
        checks: "检查六个部分是否齐全、顺序和标题是否规范",
    },
    Family {
        letter: 'T',
        checks: "检查三张表格的行、列和每个单元格",
    },
    Family {
        letter: 'R',
        checks: "检查表中数字的勾稽关系",
    },
    Family {
        letter: 'C',
        checks: "核对正文与表格、年度、信息处理费等内容是否一致",
    },
    Family {
        letter: 'X',
        checks: "与上年年报核对是否衔接（同时给出上年年报时）",
    },
];

impl Family {
    pub fn rules(&self) -> impl Iterator<Item = &'static Rule> + '_ {
        RULES
            .iter()
            .filter(move |r| r.code.as_str().starts_with(self.letter))
    }
}

/// 「S 开头的规则检查……；T 开头的……。」 for the rule help.
pub fn code_letters_note() -> String {
    let kinds: Vec<String> = FAMILIES
        .iter()
        .map(|f| format!("{} 开头的规则{}", f.letter, f.checks))
        .collect();
    format!("每个问题都带有规则编号。{}。", kinds.join("；"))
}

/// What the C and X rules are, in plain words, for the top of the rule help.
pub const C_AND_X_NOTE: &str = "C 开头的规则看「与正文一致」：正文里写的数字、年度、收费等，要和表格及格式要求对得上，\
例如正文说收到申请 12 件、表三却填了 10 件。X 开头的规则看「与上年对照」：本年年报要和上一年的年报接得上，\
例如本年表三的「上年结转」应等于上年的「结转下年度继续办理」；这些规则只在页面上同时给出「上年年报」时才检查。";

/// 「已检查 22 条规则：…（6 条）；…」 for a report with no findings.
pub fn checked_note() -> String {
    let kinds: Vec<String> = FAMILIES
        .iter()
        .map(|f| format!("{}（{} 条）", f.checks, f.rules().count()))
        .collect();
    format!("已检查 {} 条规则：{}。", RULES.len(), kinds.join("；"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_in_exactly_one_family() {
        for rule in &RULES {
            let families = FAMILIES
                .iter()
                .filter(|f| f.rules().any(|r| r.code == rule.code))
                .count();
            assert_eq!(families, 1, "{}", rule.code);
        }
        let counted: usize = FAMILIES.iter().map(|f| f.rules().count()).sum();
        assert_eq!(counted, RULES.len());
    }

    #[test]
    fn the_notes_name_every_family() {
        let (letters, checked) = (code_letters_note(), checked_note());
        for f in &FAMILIES {
            assert!(letters.contains(&format!("{} 开头的规则", f.letter)));
            assert!(checked.contains(f.checks));
        }
        assert!(checked.starts_with(&format!("已检查 {} 条规则", RULES.len())));
    }
}
