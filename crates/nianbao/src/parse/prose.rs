//! A parsed report's prose, built on first use and shared by the rules that read it.

use super::Parsed;
use crate::span::Span;
use crate::text::prose::{table_span, Prose};

impl<'a> Prose<'a> {
    /// Everything in `parsed` but its title and tables, built once per check for all the rules that
    /// read prose.
    pub fn of<'p>(parsed: &'p Parsed<'a>) -> &'p Prose<'a> {
        parsed.prose.get_or_init(|| Prose::build(parsed))
    }

    fn build(parsed: &Parsed<'a>) -> Prose<'a> {
        let mut skip: Vec<Span> = parsed
            .document
            .tables
            .iter()
            .filter_map(table_span)
            .collect();
        if let Some(title) = &parsed.document.title {
            skip.push(title.span);
        }
        Prose::new(parsed.text, &skip)
    }
}
