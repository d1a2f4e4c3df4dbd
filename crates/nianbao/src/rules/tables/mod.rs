//! Rules on the tables themselves (T01–T05): presence, rows, cells, format version, wording.

pub mod t01_missing_table;
pub mod t02_missing_row;
pub mod t03_bad_cell;
pub mod t04_wrong_format;
pub mod t05_label_deviates;
