//! Rules on the tables themselves (T01–T06): presence, rows, cells, format version, wording, and
//! whether the text lets the table be read at all.

pub mod t01_missing_table;
pub mod t02_missing_row;
pub mod t03_bad_cell;
pub mod t04_wrong_format;
pub mod t05_label_deviates;
pub mod t06_unreadable_table;
