//! From text to a [`Document`]: title and year, the six parts, then the tables read by the template.

mod confidence;
mod content_order;
mod headings;
mod parts;
mod prose;
mod tables;
mod title;

use crate::model::Document;
use crate::span::Span;
use crate::template::{self, TableId, Version};
use crate::text::{Dense, LineIndex};

pub use crate::text::chinese::year_in;
pub use title::report_start;

/// A parsed report and what the rules need to point into its text.
pub struct Parsed<'a> {
    pub text: &'a str,
    pub document: Document,
    /// The folded text, shared by the table reader and the prose.
    pub(crate) dense: Dense<'a>,
    /// The prose (text without title and tables), built on first use and shared by the rules that read it.
    pub(crate) prose: std::cell::OnceCell<crate::text::prose::Prose<'a>>,
}

pub fn parse(text: &str) -> Parsed<'_> {
    let dense = Dense::new(text);
    let lines = dense.line_index();
    let outline = parts::find_parts(text, &dense, lines);
    let mut part_list = outline.parts;

    let first_heading = part_list
        .iter()
        .filter(|p| p.found)
        .map(|p| p.heading_span.start)
        .min()
        .unwrap_or(text.len());
    let title = title::find_title(text, first_heading, lines);
    let title_end = title.as_ref().map_or(0, |t| t.span.end);
    parts::place_first_part_after(&mut part_list, title_end, lines, text);

    let year = title
        .as_ref()
        .and_then(|t| year_in(&crate::text::fold_str(&t.text)))
        .or_else(|| title::period_year_in_folded(dense.folded()))
        .or_else(|| {
            // The prose of part 一 says which year it reports on; failing that, the whole report.
            let first = &part_list[0];
            let from = dense.to_folded(first.body.start);
            let to = dense.to_folded(first.body.end);
            let part_one = dense.folded().get(from..to).filter(|_| first.found);
            part_one
                .and_then(title::prose_year_in_folded)
                .or_else(|| title::prose_year_in_folded(dense.folded()))
        });

    let preferred = year.map_or(Version::V2021, Version::for_year);
    let tables: Vec<_> = TableId::ALL
        .iter()
        .map(|&id| {
            let part = &part_list[usize::from(template::table(id, preferred).part - 1)];
            tables::read(text, &dense, id, part.body, preferred)
        })
        .collect();

    // T4 is the same in both versions, so only T2 and T3 tell the format.
    let voters: Vec<Version> = tables
        .iter()
        .filter(|t| t.found && t.id != TableId::T4)
        .map(|t| t.version)
        .collect();
    let format = voters.first().copied();
    let mixed_format = voters.iter().any(|v| Some(*v) != format);

    Parsed {
        text,
        dense,
        prose: std::cell::OnceCell::new(),
        document: Document {
            format,
            mixed_format,
            year,
            title,
            parts: part_list,
            extra_headings: outline.extras,
            tables,
        },
    }
}

impl<'a> Parsed<'a> {
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines().line_of(offset)
    }

    /// The text's lines.
    pub fn lines(&self) -> &LineIndex<'a> {
        self.dense.line_index()
    }
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }
}
