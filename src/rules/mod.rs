//! The rules. Each lives in its own file with its documentation (what, why, a failing and a passing
//! example); the examples are executed by the tests and shown on the page.

mod doc;
mod sink;
pub mod structure;
pub mod sums;
pub mod tables;

pub use doc::RuleDoc;
pub use sink::Sink;

use crate::parse::Parsed;
use crate::report::{Finding, RuleCode};

pub struct Rule {
    pub doc: &'static RuleDoc,
    pub run: fn(&Parsed, &mut Sink),
}

/// Every rule, in code order.
pub static RULES: [Rule; 15] = [
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
        run: |p, s| sums::run(RuleCode::R01, p, s),
    },
    Rule {
        doc: &sums::r02_row_total::DOC,
        run: |p, s| sums::run(RuleCode::R02, p, s),
    },
    Rule {
        doc: &sums::r03_outcome_total::DOC,
        run: |p, s| sums::run(RuleCode::R03, p, s),
    },
    Rule {
        doc: &sums::r04_review_total::DOC,
        run: |p, s| sums::run(RuleCode::R04, p, s),
    },
];

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
    let mut findings = sink.into_findings();
    findings.sort_by_key(|f| (f.start, f.end, f.code));
    findings
}
