//! Rules on the six-part structure (S01–S06).

pub mod s01_missing_part;
pub mod s02_part_order;
pub mod s03_heading_numeral;
pub mod s04_part_title;
pub mod s05_extra_part;
pub mod s06_report_title;
