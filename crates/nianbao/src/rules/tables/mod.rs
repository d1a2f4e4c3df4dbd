//! Rules on the tables themselves (T01–T06): presence, rows, cells, format version, wording, and
//! whether the text lets the table be read at all.

pub mod t01_missing_table;
pub mod t02_missing_row;
pub mod t03_bad_cell;
pub mod t04_wrong_format;
pub mod t05_label_deviates;
pub mod t06_unreadable_table;

use crate::template::TableId;

/// How a drafter names the table: by the part that holds it.
pub(crate) fn table_name(id: TableId) -> &'static str {
    match id {
        TableId::T2 => "第二部分「主动公开政府信息情况」表",
        TableId::T3 => "第三部分「收到和处理政府信息公开申请情况」表",
        TableId::T4 => "第四部分「行政复议、行政诉讼情况」表",
    }
}

pub(crate) fn short_name(id: TableId) -> &'static str {
    match id {
        TableId::T2 => "表二",
        TableId::T3 => "表三",
        TableId::T4 => "表四",
    }
}
