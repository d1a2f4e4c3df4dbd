//! The official template as data (国办公开办函〔2021〕30号 and the 2019 trial format): the six parts, the rows
//! and columns of every table in each version, and the sum rules. Parsing and checking are driven by
//! these declarations; a rule never names a cell in code.

mod parts;
mod sums;
mod t2;
mod t3;
mod t4;

use serde::Serialize;

pub use parts::PARTS;
pub use sums::{
    Pick, SumRule, SumShape, CARRY_BALANCE, OUTCOME_TOTAL, REVIEW_TOTAL, ROW_TOTAL, SUM_RULES,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Version {
    V2021,
    V2019,
}

impl Version {
    pub const ALL: [Version; 2] = [Version::V2021, Version::V2019];

    pub fn as_str(self) -> &'static str {
        match self {
            Version::V2021 => "2021",
            Version::V2019 => "2019",
        }
    }
    /// The version a report for `year` must use.
    pub fn for_year(year: u32) -> Version {
        if year >= 2021 {
            Version::V2021
        } else {
            Version::V2019
        }
    }
    pub fn label_zh(self) -> &'static str {
        match self {
            Version::V2021 => "2021 版格式（国办公开办函〔2021〕30号）",
            Version::V2019 => "2019 版试行格式（国办公开办函〔2019〕60号）",
        }
    }
}

impl Serialize for Version {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One of the six parts of the report.
#[derive(Debug)]
pub struct PartSpec {
    pub number: u8,
    /// The numeral of the standard heading, e.g. 「一」.
    pub numeral: &'static str,
    /// The standard heading, e.g. 「一、总体情况」.
    pub heading: &'static str,
    /// The standard title without its numeral.
    pub title: &'static str,
    /// Wordings the spec accepts for this part (recognised, reported as a style warning).
    pub variants: &'static [&'static str],
    /// A heading is also this part when its title contains every word of one of these sets.
    pub keywords: &'static [&'static [&'static str]],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TableId {
    T2,
    T3,
    T4,
}

impl TableId {
    pub const ALL: [TableId; 3] = [TableId::T2, TableId::T3, TableId::T4];

    pub fn as_str(self) -> &'static str {
        match self {
            TableId::T2 => "t2",
            TableId::T3 => "t3",
            TableId::T4 => "t4",
        }
    }
}

impl Serialize for TableId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// What a cell may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// A non-negative whole number (件).
    Count,
    /// A non-negative amount that may have decimals (万元).
    Amount,
    /// A whole number that may carry a sign (本年增/减 in 2019 tables).
    Signed,
}

#[derive(Debug)]
pub struct ColumnSpec {
    pub key: &'static str,
    pub name: &'static str,
    /// The header band above the column (「法人或其他组织」, 「行政复议」…); empty when none.
    pub band: &'static str,
    pub kind: ValueKind,
}

#[derive(Debug)]
pub struct RowSpec {
    pub key: &'static str,
    /// The label as the template prints it.
    pub label: &'static str,
    /// The row's name in messages, e.g. 「第一项」 or 「（三）1.属于国家秘密」.
    pub short: &'static str,
    /// A distinctive fragment that still identifies a reworded label (at least three characters).
    pub key_text: &'static str,
    /// Other wordings seen in real reports, each reported as a deviation.
    pub aliases: &'static [&'static str],
    /// False for a group label that spans rows and holds no numbers.
    pub has_values: bool,
    pub tags: &'static [&'static str],
}

impl RowSpec {
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.contains(&tag)
    }
}

/// A stacked sub-table (T2) or a whole table (T3, T4).
#[derive(Debug)]
pub struct SectionSpec {
    /// The caption row, e.g. 「第二十条第（一）项」.
    pub caption: Option<&'static str>,
    pub headers: &'static [&'static str],
    pub columns: &'static [ColumnSpec],
    pub rows: &'static [RowSpec],
}

#[derive(Debug)]
pub struct TableSpec {
    pub id: TableId,
    pub version: Version,
    /// The part that holds the table.
    pub part: u8,
    pub name: &'static str,
    /// The note printed in the table, if any.
    pub note: Option<&'static str>,
    pub sections: &'static [SectionSpec],
}

impl TableSpec {
    /// Every data row with the section it belongs to, in template order.
    pub fn data_rows(&self) -> impl Iterator<Item = (&'static SectionSpec, &'static RowSpec)> + '_ {
        self.sections
            .iter()
            .flat_map(|s| s.rows.iter().filter(|r| r.has_values).map(move |r| (s, r)))
    }
}

/// The declaration of `table` in `version`.
pub fn table(id: TableId, version: Version) -> &'static TableSpec {
    match (id, version) {
        (TableId::T2, Version::V2021) => &t2::T2_2021,
        (TableId::T2, Version::V2019) => &t2::T2_2019,
        (TableId::T3, Version::V2021) => &t3::T3_2021,
        (TableId::T3, Version::V2019) => &t3::T3_2019,
        (TableId::T4, Version::V2021) => &t4::T4_2021,
        (TableId::T4, Version::V2019) => &t4::T4_2019,
    }
}

pub fn part(number: u8) -> &'static PartSpec {
    &PARTS[usize::from(number - 1)]
}
