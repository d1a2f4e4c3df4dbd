//! Rules beyond arithmetic (C01–C05): the prose against the tables, the year, the 信息处理费 in part 六,
//! 规章 reported by a body that cannot make them, and a stale legal basis.

pub mod c01_prose_figures;
pub mod c02_report_year;
pub mod c03_processing_fee;
pub mod c04_rules_below_city;
pub mod c05_stale_basis;
