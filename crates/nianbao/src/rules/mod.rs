//! The rules. Each lives in its own file: its documentation (severity, name, what, why, a failing and
//! a passing example, and last year's report for a rule that compares with it) and its `run`. The
//! examples are executed by the tests and shown on the page.
//!
//! `registry!` below lists every rule once, by code and file; the code enum, its strings, the list
//! of all rules (the page's help, the CLI's list) and the lookups come from that list. Adding a rule
//! (say T06): write its file `tables/t06_….rs` with a `DOC` and a `run`, declare it in
//! `tables/mod.rs`, and add `T06 => tables::t06_…` to the registry; nothing else names it.

pub mod consistency;
mod doc;
pub mod families;
mod finding;
pub mod fix;
pub mod lookup;
pub mod previous;
mod sink;
pub mod structure;
pub mod sums;
pub mod tables;

pub use doc::RuleDoc;
pub use finding::{Finding, Label, Severity, Source};
pub use fix::{Edit, Fix};
pub use sink::Sink;

use crate::compare::{self, RepeatedProse};
use crate::parse::Parsed;

/// What every rule reads: this year's report, where findings point, and last year's when given and
/// it can be last year's (see [`previous::follows`]).
///
/// `'t` and `'l`: the lifetimes of this year's text and last year's, kept apart (a parsed report
/// holds its prose, which borrows the text, in a cell: it cannot be taken for a shorter-lived one).
pub struct Context<'c, 't, 'l> {
    pub this_year: &'c Parsed<'t>,
    pub last_year: Option<&'c Parsed<'l>>,
    /// How this year's prose repeats last year's: computed once, for X03 and for the report that
    /// shows it (the comparison is the costliest step with last year's report).
    pub repeated: Option<RepeatedProse>,
}

/// One rule of the registry.
pub struct Rule {
    pub code: RuleCode,
    pub doc: &'static RuleDoc,
    pub run: fn(&Context, &mut Sink),
}

/// Declares every rule once: `CODE => module` (the module holding the rule's `DOC` and `run`).
macro_rules! registry {
    ($($code:ident => $($module:ident)::+),+ $(,)?) => {
        /// The stable rule codes of spec §4. They are the contract between the core, the page, the
        /// JSON output and the tests: add new ones, never renumber.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum RuleCode {
            $($code),+
        }

        impl RuleCode {
            /// Every code, in order.
            pub const ALL: [RuleCode; RULE_COUNT] = [$(RuleCode::$code),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(RuleCode::$code => stringify!($code)),+
                }
            }
        }

        const RULE_COUNT: usize = [$(stringify!($code)),+].len();

        /// Every rule, in code order.
        pub static RULES: [Rule; RULE_COUNT] = [$(Rule {
            code: RuleCode::$code,
            doc: &$($module)::+::DOC,
            run: $($module)::+::run,
        }),+];
    };
}

registry! {
    S01 => structure::s01_missing_part,
    S02 => structure::s02_part_order,
    S03 => structure::s03_heading_numeral,
    S04 => structure::s04_part_title,
    S05 => structure::s05_extra_part,
    S06 => structure::s06_report_title,
    T01 => tables::t01_missing_table,
    T02 => tables::t02_missing_row,
    T03 => tables::t03_bad_cell,
    T04 => tables::t04_wrong_format,
    T05 => tables::t05_label_deviates,
    T06 => tables::t06_unreadable_table,
    R01 => sums::r01_carry_balance,
    R02 => sums::r02_row_total,
    R03 => sums::r03_outcome_total,
    R04 => sums::r04_review_total,
    C01 => consistency::c01_prose_figures,
    C02 => consistency::c02_report_year,
    C03 => consistency::c03_processing_fee,
    C04 => consistency::c04_rules_below_city,
    C05 => consistency::c05_stale_basis,
    X01 => previous::x01_carry_over,
    X02 => previous::x02_in_force,
    X03 => previous::x03_repeated_prose,
}

impl RuleCode {
    /// The rule with this code.
    pub fn rule(self) -> &'static Rule {
        // The registry lists the rules in the order of the enum.
        &RULES[self as usize]
    }

    pub fn doc(self) -> &'static RuleDoc {
        self.rule().doc
    }
}

impl serde::Serialize for RuleCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for RuleCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Rule {
    /// One line of the list of rules: 「S01　错误　缺少部分」.
    pub fn list_line(&self) -> String {
        format!(
            "{}　{}　{}",
            self.code,
            self.doc.severity.label_zh(),
            self.doc.name
        )
    }
}

pub fn doc(code: RuleCode) -> &'static RuleDoc {
    code.doc()
}

/// Runs every rule over a parsed report; findings come sorted by position.
pub fn run_all(parsed: &Parsed) -> Vec<Finding> {
    run(&Context {
        this_year: parsed,
        last_year: None,
        repeated: None,
    })
}

/// Like [`run_all`], and also compares the report with last year's (`previous`) when their years
/// follow each other (or are not known). Findings point into this year's report only; the prose
/// comparison is returned beside them.
pub fn run_all_with_previous(
    parsed: &Parsed,
    previous: &Parsed,
) -> (Vec<Finding>, Option<RepeatedProse>) {
    let last_year = Some(previous).filter(|p| previous::follows(parsed, p));
    let context = Context {
        this_year: parsed,
        last_year,
        repeated: last_year.and_then(|last| compare::repeated_from(parsed, last)),
    };
    (run(&context), context.repeated)
}

/// Runs every rule that has what it needs in `context`.
fn run(context: &Context) -> Vec<Finding> {
    let mut sink = Sink::new(context.this_year);
    for rule in &RULES {
        if rule.doc.needs_last_year() && context.last_year.is_none() {
            continue;
        }
        sink.start(rule.code);
        (rule.run)(context, &mut sink);
    }
    let mut findings = sink.into_findings();
    findings.sort_by_key(|f| (f.start, f.end, f.code));
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_finds_its_own_rule() {
        for code in RuleCode::ALL {
            assert_eq!(code.rule().code, code);
        }
        assert_eq!(RULES[0].list_line(), "S01　错误　缺少部分");
    }
}
