//! The rules. Each lives in its own file with its documentation (what, why, a failing and a passing
//! example); the examples are executed by the tests and shown on the page.

pub mod consistency;
mod doc;
mod finding;
pub mod previous;
mod sink;
pub mod structure;
pub mod sums;
pub mod tables;

pub use doc::RuleDoc;
pub use finding::{Finding, Related, RuleCode, Severity};
pub use sink::Sink;

use crate::parse::Parsed;

pub struct Rule {
    pub doc: &'static RuleDoc,
    pub run: fn(&Parsed, &mut Sink),
}

/// A rule that compares the report with last year's (X01, X02). It is also in [`RULES`], where it
/// does nothing: without last year's report there is nothing to compare.
pub struct PreviousRule {
    pub doc: &'static RuleDoc,
    /// Last year's report for the documentation's examples: checked beside it, `doc.bad` fires the
    /// rule and `doc.good` does not.
    pub previous_example: &'static str,
    /// Runs over this year's report (where findings point) and last year's.
    pub run: fn(&Parsed, &Parsed, &mut Sink),
}

/// Every rule, in code order.
pub static RULES: [Rule; 22] = [
    Rule {
        doc: &structure::s01_missing_part::DOC,
        run: structure::s01_missing_part::run,
    },
    Rule {
        doc: &structure::s02_part_order::DOC,
        run: structure::s02_part_order::run,
    },
    Rule {
        doc: &structure::s03_heading_numeral::DOC,
        run: structure::s03_heading_numeral::run,
    },
    Rule {
        doc: &structure::s04_part_title::DOC,
        run: structure::s04_part_title::run,
    },
    Rule {
        doc: &structure::s05_extra_part::DOC,
        run: structure::s05_extra_part::run,
    },
    Rule {
        doc: &structure::s06_report_title::DOC,
        run: structure::s06_report_title::run,
    },
    Rule {
        doc: &tables::t01_missing_table::DOC,
        run: tables::t01_missing_table::run,
    },
    Rule {
        doc: &tables::t02_missing_row::DOC,
        run: tables::t02_missing_row::run,
    },
    Rule {
        doc: &tables::t03_bad_cell::DOC,
        run: tables::t03_bad_cell::run,
    },
    Rule {
        doc: &tables::t04_wrong_format::DOC,
        run: tables::t04_wrong_format::run,
    },
    Rule {
        doc: &tables::t05_label_deviates::DOC,
        run: tables::t05_label_deviates::run,
    },
    Rule {
        doc: &sums::r01_carry_balance::DOC,
        run: |p, s| sums::run(RuleCode::R01, &crate::template::CARRY_BALANCE, p, s),
    },
    Rule {
        doc: &sums::r02_row_total::DOC,
        run: |p, s| sums::run(RuleCode::R02, &crate::template::ROW_TOTAL, p, s),
    },
    Rule {
        doc: &sums::r03_outcome_total::DOC,
        run: |p, s| sums::run(RuleCode::R03, &crate::template::OUTCOME_TOTAL, p, s),
    },
    Rule {
        doc: &sums::r04_review_total::DOC,
        run: |p, s| sums::run(RuleCode::R04, &crate::template::REVIEW_TOTAL, p, s),
    },
    Rule {
        doc: &consistency::c01_prose_figures::DOC,
        run: consistency::c01_prose_figures::run,
    },
    Rule {
        doc: &consistency::c02_report_year::DOC,
        run: consistency::c02_report_year::run,
    },
    Rule {
        doc: &consistency::c03_processing_fee::DOC,
        run: consistency::c03_processing_fee::run,
    },
    Rule {
        doc: &consistency::c04_rules_below_city::DOC,
        run: consistency::c04_rules_below_city::run,
    },
    Rule {
        doc: &consistency::c05_stale_basis::DOC,
        run: consistency::c05_stale_basis::run,
    },
    Rule {
        doc: &previous::x01_carry_over::DOC,
        run: previous::needs_previous,
    },
    Rule {
        doc: &previous::x02_in_force::DOC,
        run: previous::needs_previous,
    },
];

/// The rules that need last year's report, in code order.
pub static PREVIOUS_RULES: [PreviousRule; 2] = [
    PreviousRule {
        doc: &previous::x01_carry_over::DOC,
        previous_example: previous::x01_carry_over::PREVIOUS_EXAMPLE,
        run: previous::x01_carry_over::run,
    },
    PreviousRule {
        doc: &previous::x02_in_force::DOC,
        previous_example: previous::x02_in_force::PREVIOUS_EXAMPLE,
        run: previous::x02_in_force::run,
    },
];

/// The rule comparing with last year's report that has `code`, if it is one.
pub fn previous_rule(code: RuleCode) -> Option<&'static PreviousRule> {
    PREVIOUS_RULES.iter().find(|r| r.doc.code == code)
}

pub fn doc(code: RuleCode) -> &'static RuleDoc {
    RULES
        .iter()
        .find(|r| r.doc.code == code)
        .map(|r| r.doc)
        .expect("every code has a rule")
}

/// Runs every rule over a parsed report; findings come sorted by position.
pub fn run_all(parsed: &Parsed) -> Vec<Finding> {
    let mut sink = Sink::new(parsed);
    for rule in &RULES {
        (rule.run)(parsed, &mut sink);
    }
    sorted(sink)
}

/// Like [`run_all`], and also compares the report with last year's (`previous`) when their years
/// follow each other (or are not known). Findings point into this year's report only.
pub fn run_all_with_previous(parsed: &Parsed, previous: &Parsed) -> Vec<Finding> {
    let mut sink = Sink::new(parsed);
    for rule in &RULES {
        (rule.run)(parsed, &mut sink);
    }
    if previous::follows(parsed, previous) {
        for rule in &PREVIOUS_RULES {
            (rule.run)(parsed, previous, &mut sink);
        }
    }
    sorted(sink)
}

fn sorted(sink: Sink) -> Vec<Finding> {
    let mut findings = sink.into_findings();
    findings.sort_by_key(|f| (f.start, f.end, f.code));
    findings
}
