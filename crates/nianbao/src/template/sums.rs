//! The sum rules (勾稽关系) of spec §4, as data: one declaration each, named by the R rule that
//! evaluates it (`rules::sums`), and all of them together for the diagnosis, which solves a table's
//! sums as one system.

use super::TableId;

/// Which rows (for a per-column rule) or columns (for a per-row rule) make up one side.
#[derive(Debug)]
pub enum Pick {
    Keys(&'static [&'static str]),
    /// Every row carrying this tag, in template order.
    Tagged(&'static str),
}

#[derive(Debug)]
pub enum SumShape {
    /// One check per column: the picked rows on the left add up to those on the right.
    EachColumn,
    /// One check per row (and per header band when `per_band`): the picked columns add up.
    EachRow { per_band: bool },
}

#[derive(Debug)]
pub struct SumRule {
    pub table: TableId,
    pub shape: SumShape,
    pub left: Pick,
    pub right: Pick,
    /// The key (row for `EachColumn`, column for `EachRow`) of the cell the finding points at.
    pub anchor: &'static str,
    /// How to name the right side when it has too many terms to list.
    pub right_name: &'static str,
}

/// R01: 第一项 + 第二项 = （七）总计 + 第四项, in each column of T3.
pub static CARRY_BALANCE: SumRule = SumRule {
    table: TableId::T3,
    shape: SumShape::EachColumn,
    left: Pick::Keys(&["new", "carried"]),
    right: Pick::Keys(&["total", "forward"]),
    anchor: "total",
    right_name: "",
};

/// R02: each row of T3, 总计 = the six applicant columns.
pub static ROW_TOTAL: SumRule = SumRule {
    table: TableId::T3,
    shape: SumShape::EachRow { per_band: false },
    left: Pick::Keys(&["total"]),
    right: Pick::Keys(&[
        "natural",
        "commercial",
        "research",
        "public_interest",
        "legal",
        "other",
    ]),
    anchor: "total",
    right_name: "各类申请人之和",
};

/// R03: （七）总计 = the outcome rows, in each column of T3.
pub static OUTCOME_TOTAL: SumRule = SumRule {
    table: TableId::T3,
    shape: SumShape::EachColumn,
    left: Pick::Keys(&["total"]),
    right: Pick::Tagged("outcome"),
    anchor: "total",
    right_name: "（一）至（六）各项办理结果之和",
};

/// R04: in each band of T4, 总计 = its four outcomes.
pub static REVIEW_TOTAL: SumRule = SumRule {
    table: TableId::T4,
    shape: SumShape::EachRow { per_band: true },
    left: Pick::Keys(&["total"]),
    right: Pick::Keys(&["upheld", "corrected", "other", "pending"]),
    anchor: "total",
    right_name: "",
};

/// Every sum the template declares, for the diagnosis of a table as a whole.
pub static SUM_RULES: [&SumRule; 4] = [&CARRY_BALANCE, &ROW_TOTAL, &OUTCOME_TOTAL, &REVIEW_TOTAL];
