//! The table facts the rules read, named once here: which cell a figure in the prose describes (C01),
//! which row C03 and C04 look at, and how one year's report follows on from last year's (X01, X02).
//! The rules name these declarations, never a row or column key; shared code in `rules::lookup`
//! evaluates them against a parsed table.

use super::t4::{DIRECT_SUIT, REVIEW, SUIT_AFTER_REVIEW};
use super::{TableId, Version};

/// A number the report's tables hold, as the prose may state it.
#[derive(Debug)]
pub enum Quantity {
    /// The 总计 column of a row (whose other columns are its parts).
    RowTotal(RowRef),
    /// The 总计 of each of these header bands, added up (each band's other columns are its parts).
    BandTotals {
        table: TableId,
        bands: &'static [&'static str],
        /// How the messages name the sum of several bands.
        name: &'static str,
    },
    /// One cell: the row, in the first of these columns its format version has.
    Cell {
        table: TableId,
        row: &'static str,
        columns: &'static [&'static str],
    },
}

impl Quantity {
    /// The table the number is read from.
    pub fn table(&self) -> TableId {
        match *self {
            Quantity::RowTotal(ref row) => row.table,
            Quantity::BandTotals { table, .. } | Quantity::Cell { table, .. } => table,
        }
    }
}

const fn t3_total(row: &'static str) -> Quantity {
    Quantity::RowTotal(RowRef {
        table: TableId::T3,
        row,
    })
}

const fn t2_cell(row: &'static str, columns: &'static [&'static str]) -> Quantity {
    Quantity::Cell {
        table: TableId::T2,
        row,
        columns,
    }
}

/// The 2021 and the 2019 name of the T2 column counting documents issued.
const ISSUED: &[&str] = &["issued", "made"];
const IN_FORCE: &[&str] = &["in_force"];
const REPEALED: &[&str] = &["repealed"];
const DECISIONS: &[&str] = &["decisions"];

pub static NEW_APPLICATIONS: Quantity = t3_total("new");
pub static CARRIED_APPLICATIONS: Quantity = t3_total("carried");
pub static HANDLED_APPLICATIONS: Quantity = t3_total("total");
pub static FORWARDED_APPLICATIONS: Quantity = t3_total("forward");
pub static GRANTED_APPLICATIONS: Quantity = t3_total("granted");
pub static PARTLY_GRANTED_APPLICATIONS: Quantity = t3_total("partial");

pub static REVIEW_CASES: Quantity = Quantity::BandTotals {
    table: TableId::T4,
    bands: &[REVIEW],
    name: "",
};
pub static LAWSUITS: Quantity = Quantity::BandTotals {
    table: TableId::T4,
    bands: &[DIRECT_SUIT, SUIT_AFTER_REVIEW],
    name: "行政诉讼（未经复议直接起诉与复议后起诉）",
};

pub static LICENSING_DECISIONS: Quantity = t2_cell("licensing", DECISIONS);
pub static PENALTY_DECISIONS: Quantity = t2_cell("penalty", DECISIONS);
pub static ENFORCEMENT_DECISIONS: Quantity = t2_cell("enforcement", DECISIONS);
pub static RULES_ISSUED: Quantity = t2_cell("rules", ISSUED);
pub static NORMATIVE_ISSUED: Quantity = t2_cell("normative", ISSUED);
pub static RULES_IN_FORCE: Quantity = t2_cell("rules", IN_FORCE);
pub static NORMATIVE_IN_FORCE: Quantity = t2_cell("normative", IN_FORCE);
pub static RULES_REPEALED: Quantity = t2_cell("rules", REPEALED);
pub static NORMATIVE_REPEALED: Quantity = t2_cell("normative", REPEALED);

/// A row of a table.
#[derive(Debug)]
pub struct RowRef {
    pub table: TableId,
    pub row: &'static str,
}

/// T3's （六）2. 申请人逾期未按收费通知要求缴纳费用: its 总计 counts fee notices that went unpaid (C03).
pub static UNPAID_FEE_NOTICES: RowRef = RowRef {
    table: TableId::T3,
    row: "other_unpaid",
};

/// T2's 行政事业性收费 row: the body's own administrative fees, which part 六's 信息处理费 is not (C03).
pub static ADMINISTRATIVE_FEES: RowRef = RowRef {
    table: TableId::T2,
    row: "fees",
};

/// T2's 规章 row: only bodies that may make 规章 should fill it (C04).
pub static RULES_ROW: RowRef = RowRef {
    table: TableId::T2,
    row: "rules",
};

/// A count that carries over: this year's `this_year` row equals last year's `last_year` row, column
/// by column (X01).
#[derive(Debug)]
pub struct CarriedOver {
    pub table: TableId,
    pub this_year: &'static str,
    pub last_year: &'static str,
}

/// 二、上年结转 this year = 四、结转下年度继续办理 last year.
pub static APPLICATIONS_CARRIED_OVER: CarriedOver = CarriedOver {
    table: TableId::T3,
    this_year: "carried",
    last_year: "forward",
};

/// A running total: in each of `rows`, this year's `total` = last year's `total` + this year's
/// `added` − this year's `removed` (X02). Only between reports of `version`.
#[derive(Debug)]
pub struct RunningTotal {
    pub table: TableId,
    pub version: Version,
    pub rows: &'static [&'static str],
    pub total: &'static str,
    pub added: &'static str,
    pub removed: &'static str,
}

/// 现行有效件数 of 规章 and 行政规范性文件 = last year's + 本年制发 − 本年废止.
pub static DOCUMENTS_IN_FORCE: RunningTotal = RunningTotal {
    table: TableId::T2,
    version: Version::V2021,
    rows: &["rules", "normative"],
    total: "in_force",
    added: "issued",
    removed: "repealed",
};
