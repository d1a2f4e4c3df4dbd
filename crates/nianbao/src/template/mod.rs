//! The official template as data (国办公开办函〔2021〕30号 and the 2019 trial format): the six parts, the rows
//! and columns of every table in each version, and the sum rules. Parsing and checking are driven by
//! these declarations; a rule never names a cell in code.

pub mod facts;
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

impl TableId {
    /// How messages name the table: 「表三」.
    pub fn short_name(self) -> &'static str {
        match self {
            TableId::T2 => "表二",
            TableId::T3 => "表三",
            TableId::T4 => "表四",
        }
    }

    /// How a drafter names the table: by the part that holds it.
    pub fn drafter_name(self) -> &'static str {
        match self {
            TableId::T2 => "第二部分「主动公开政府信息情况」表",
            TableId::T3 => "第三部分「收到和处理政府信息公开申请情况」表",
            TableId::T4 => "第四部分「行政复议、行政诉讼情况」表",
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

impl TableSpec {
    /// The columns of a one-section table (T3, T4), or of T2's first sub-table.
    pub fn columns(&self) -> &'static [ColumnSpec] {
        self.sections[0].columns
    }

    /// How many numbers a row of a one-section table (T3, T4) holds.
    pub fn width(&self) -> usize {
        self.columns().len()
    }

    /// The row `key`, with the section it is in.
    pub fn row(&self, key: &str) -> Option<(&'static SectionSpec, &'static RowSpec)> {
        self.sections
            .iter()
            .find_map(|s| s.rows.iter().find(|r| r.key == key).map(|r| (s, r)))
    }

    /// Where, among the cells of row `row`, the first of `columns` that this version has is.
    pub fn column_of(&self, row: &str, columns: &[&str]) -> Option<(usize, &'static ColumnSpec)> {
        let (section, _) = self.row(row)?;
        columns.iter().find_map(|key| {
            section
                .columns
                .iter()
                .enumerate()
                .find(|(_, c)| c.key == *key)
        })
    }

    /// The 总计 column of a one-section table's rows (T3) and the columns it adds up, when the
    /// table has one outside any band.
    pub fn row_total(&self) -> Option<Total> {
        self.total_in("")
    }

    /// The 总计 column of header band `band` (T4) and the columns of that band it adds up.
    pub fn band_total(&self, band: &str) -> Option<Total> {
        self.total_in(band).filter(|_| !band.is_empty())
    }

    fn total_in(&self, band: &str) -> Option<Total> {
        let columns = self.columns();
        // A row total adds up every other column; a band's total, the others of its band.
        let in_band = |c: &ColumnSpec| band.is_empty() || c.band == band;
        let total = columns
            .iter()
            .position(|c| c.key == TOTAL && c.band == band)?;
        let parts = (0..columns.len())
            .filter(|&i| i != total && in_band(&columns[i]))
            .collect();
        Some(Total { total, parts })
    }

    /// The header band as messages name it, with the header above it (「行政诉讼·复议后起诉」).
    pub fn band_title(&self, band: &'static str) -> &'static str {
        t4::BAND_TITLES
            .iter()
            .find(|(b, _)| *b == band)
            .map_or(band, |(_, title)| title)
    }

    /// The rows of the printed header of a one-section table (T3, T4), top first; empty for T2,
    /// whose sub-tables print their `headers` in one row.
    pub fn header_layout(&self) -> &'static [&'static [HeaderCell]] {
        match self.id {
            TableId::T2 => &[],
            TableId::T3 => &t3::HEADER,
            TableId::T4 => &t4::HEADER,
        }
    }

    /// The group label row that spans the outcome rows (T3's 「三、本年度办理结果」) and the index of
    /// the last row it spans (（七）总计), in `rows`.
    pub fn outer_group(rows: &[RowSpec]) -> Option<(usize, usize)> {
        let group = rows.iter().position(|r| !r.has_values)?;
        let last = rows.iter().rposition(|r| r.has_tag(TOTAL))?;
        (group < last).then_some((group, last))
    }
}

/// The key of a 总计 column, and the tag of a 总计 row.
const TOTAL: &str = "total";

/// What a cell of a printed header is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeaderRole {
    /// The table's note (T3's 勾稽关系), over the label columns.
    Note,
    /// A caption over several columns (「法人或其他组织」).
    Band,
    /// A column's own name.
    Column,
}

/// One cell of the header as the official layout prints it, spanning `columns` and `rows`.
#[derive(Debug)]
pub struct HeaderCell {
    pub text: &'static str,
    pub columns: usize,
    pub rows: usize,
    pub role: HeaderRole,
}

impl HeaderCell {
    pub const fn new(text: &'static str, columns: usize, rows: usize, role: HeaderRole) -> Self {
        HeaderCell {
            text,
            columns,
            rows,
            role,
        }
    }
}

/// A 总计 cell's column and the columns it is the sum of, as indices into a row's cells.
#[derive(Debug, PartialEq, Eq)]
pub struct Total {
    pub total: usize,
    pub parts: Vec<usize>,
}

impl facts::RowRef {
    /// The row's label as the template prints it in `version`.
    pub fn label(&self, version: Version) -> Option<&'static str> {
        table(self.table, version)
            .row(self.row)
            .map(|(_, r)| r.label)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_are_read_from_the_columns() {
        let t3 = table(TableId::T3, Version::V2021);
        assert_eq!(
            t3.row_total(),
            Some(Total {
                total: 6,
                parts: (0..6).collect()
            })
        );
        let t4 = table(TableId::T4, Version::V2019);
        assert_eq!(t4.row_total(), None);
        let bands: Vec<&str> = t4.columns().iter().map(|c| c.band).collect();
        assert_eq!(
            t4.band_total(bands[14]),
            Some(Total {
                total: 14,
                parts: (10..14).collect()
            })
        );
        assert_eq!(t4.band_title(bands[14]), "行政诉讼·复议后起诉");
    }

    #[test]
    fn each_header_layout_covers_every_column_once() {
        for version in Version::ALL {
            for id in [TableId::T3, TableId::T4] {
                let spec = table(id, version);
                // Column names in the layout, left to right per row, are the template's columns.
                let names: Vec<&str> = spec
                    .header_layout()
                    .iter()
                    .flat_map(|row| row.iter())
                    .filter(|c| c.role == HeaderRole::Column)
                    .map(|c| c.text)
                    .collect();
                let mut expected: Vec<&str> = spec.columns().iter().map(|c| c.name).collect();
                let mut got = names.clone();
                expected.sort_unstable();
                got.sort_unstable();
                assert_eq!(got, expected, "{id:?} {version:?}");
                let top: usize = spec.header_layout()[0]
                    .iter()
                    .filter(|c| c.role != HeaderRole::Note)
                    .map(|c| c.columns)
                    .sum();
                assert_eq!(top, spec.width(), "{id:?} {version:?}");
            }
        }
    }

    #[test]
    fn the_outer_group_of_t3_spans_the_outcomes_down_to_the_total() {
        for version in Version::ALL {
            let rows = table(TableId::T3, version).sections[0].rows;
            let (group, last) = TableSpec::outer_group(rows).expect("T3 has one");
            assert_eq!(rows[group].label, "三、本年度办理结果");
            assert_eq!(rows[last].label, "（七）总计");
        }
    }
}
