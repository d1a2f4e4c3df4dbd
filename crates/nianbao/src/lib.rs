//! nianbao (年报): checks a 政府信息公开工作年度报告 against the official template.
//!
//! The core is plain Rust with no web imports: text in, a [`Report`] out (the parsed [`model::Document`]
//! and every [`Finding`], each pointing at a byte range of the input). The web page (`web`, wasm32
//! only) and the command-line checker (`cli`, native only) are thin layers over [`check`].

pub mod compare;
#[cfg(test)]
mod docx_batches;
pub mod export;
pub mod import;
pub mod model;
pub mod parse;
pub mod present;
pub mod report;
pub mod rules;
pub mod span;
pub mod summary;
pub mod template;
pub mod text;
mod work;
#[cfg(test)]
mod work_bounds;

pub use report::{Finding, Label, Report, RuleCode, Severity, Source, Span};

/// Checks one report given as text.
pub fn check(text: &str) -> Report {
    let parsed = parse::parse(text);
    let findings = rules::run_all(&parsed);
    Report {
        document: parsed.document,
        findings,
        repeated: None,
    }
}

/// Checks one report with last year's report beside it: everything [`check`] does, and also that the
/// two reports follow on (X01, X02) and how much of its prose repeats last year's (X03, and
/// [`Report::repeated`] for showing it). Findings point into `text`; a place in `previous` is named in
/// the message by its line. The rules stay silent when both years are known and do not follow each
/// other.
pub fn check_with_previous(text: &str, previous: &str) -> Report {
    let parsed = parse::parse(text);
    let last = parse::parse(previous);
    let (findings, repeated) = rules::run_all_with_previous(&parsed, &last);
    Report {
        document: parsed.document,
        findings,
        repeated,
    }
}
