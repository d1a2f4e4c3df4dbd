//! The 检查意见 as files to hand over, written by the core so that the page and the CLI write the same
//! bytes: a Word document ([`docx`], in a minimal [`zip`]) and a spreadsheet-friendly table ([`csv`]).
//! Their header, numbering and snippets are the problem list's ([`crate::present::export`]).

pub mod csv;
pub mod docx;
pub mod zip;
