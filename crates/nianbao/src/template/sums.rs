//! The sum rules (勾稽关系) of spec §4, as data.

use super::TableId;
use crate::report::RuleCode;

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
    pub code: RuleCode,
    pub table: TableId,
    pub shape: SumShape,
    pub left: Pick,
    pub right: Pick,
    /// The key (row for `EachColumn`, column for `EachRow`) of the cell the finding points at.
    pub anchor: &'static str,
    /// How to name the right side when it has too many terms to list.
    pub right_name: &'static str,
}

pub static SUM_RULES: [SumRule; 4] = [
    SumRule {
        code: RuleCode::R01,
        table: TableId::T3,
        shape: SumShape::EachColumn,
        left: Pick::Keys(&["new", "carried"]),
        right: Pick::Keys(&["total", "forward"]),
        anchor: "total",
        right_name: "",
    },
    SumRule {
        code: RuleCode::R02,
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
    },
    SumRule {
        code: RuleCode::R03,
        table: TableId::T3,
        shape: SumShape::EachColumn,
        left: Pick::Keys(&["total"]),
        right: Pick::Tagged("outcome"),
        anchor: "total",
        right_name: "（一）至（六）各项办理结果之和",
    },
    SumRule {
        code: RuleCode::R04,
        table: TableId::T4,
        shape: SumShape::EachRow { per_band: true },
        left: Pick::Keys(&["total"]),
        right: Pick::Keys(&["upheld", "corrected", "other", "pending"]),
        anchor: "total",
        right_name: "",
    },
];
