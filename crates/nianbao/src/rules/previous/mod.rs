//! Rules that need last year's report beside this one (X01, X02, X03). Without it they have nothing to
//! compare: [`crate::check`] does not run them, [`crate::check_with_previous`] does.

pub mod x01_carry_over;
pub mod x02_in_force;
pub mod x03_repeated_prose;

use crate::parse::Parsed;

/// Whether `previous` can be last year's report of `parsed`: when both years are known, they must
/// follow each other. Otherwise the comparison would report differences that mean nothing.
pub fn follows(parsed: &Parsed, previous: &Parsed) -> bool {
    match (previous.document.year, parsed.document.year) {
        (Some(last), Some(this)) => last + 1 == this,
        _ => true,
    }
}

/// 「上年年报第 N 行」.
pub(crate) fn where_last_year(previous: &Parsed, offset: usize) -> String {
    format!("上年年报第 {} 行", previous.line_of(offset))
}
