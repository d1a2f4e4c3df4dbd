//! T4, 政府信息公开行政复议、行政诉讼情况: one unlabelled row of 15 numbers in three bands of five. The
//! same in both format versions.

use super::{
    ColumnSpec, HeaderCell, HeaderRole, RowSpec, SectionSpec, TableId, TableSpec, ValueKind,
    Version,
};

macro_rules! band {
    ($band:expr) => {
        [
            ColumnSpec {
                key: "upheld",
                name: "结果维持",
                band: $band,
                kind: ValueKind::Count,
            },
            ColumnSpec {
                key: "corrected",
                name: "结果纠正",
                band: $band,
                kind: ValueKind::Count,
            },
            ColumnSpec {
                key: "other",
                name: "其他结果",
                band: $band,
                kind: ValueKind::Count,
            },
            ColumnSpec {
                key: "pending",
                name: "尚未审结",
                band: $band,
                kind: ValueKind::Count,
            },
            ColumnSpec {
                key: "total",
                name: "总计",
                band: $band,
                kind: ValueKind::Count,
            },
        ]
    };
}

pub(super) const REVIEW: &str = "行政复议";
pub(super) const DIRECT_SUIT: &str = "未经复议直接起诉";
pub(super) const SUIT_AFTER_REVIEW: &str = "复议后起诉";
/// Each band as messages name it, with the header above it: 「行政诉讼·复议后起诉」.
pub(super) static BAND_TITLES: [(&str, &str); 3] = [
    (REVIEW, "行政复议"),
    (DIRECT_SUIT, "行政诉讼·未经复议直接起诉"),
    (SUIT_AFTER_REVIEW, "行政诉讼·复议后起诉"),
];
static COLUMNS: [ColumnSpec; 15] = {
    let [a0, a1, a2, a3, a4] = band!(REVIEW);
    let [b0, b1, b2, b3, b4] = band!(DIRECT_SUIT);
    let [c0, c1, c2, c3, c4] = band!(SUIT_AFTER_REVIEW);
    [a0, a1, a2, a3, a4, b0, b1, b2, b3, b4, c0, c1, c2, c3, c4]
};

const LAWSUITS: &str = "行政诉讼";

const fn name(at: usize, rows: usize) -> HeaderCell {
    HeaderCell::new(COLUMNS[at].name, 1, rows, HeaderRole::Column)
}

/// The printed header: 行政复议 over its five columns, 行政诉讼 over the two bands of five, each
/// band's five column names under it (行政复议's spanning down).
pub(super) static HEADER: [&[HeaderCell]; 3] = [
    &[
        HeaderCell::new(REVIEW, 5, 1, HeaderRole::Band),
        HeaderCell::new(LAWSUITS, 10, 1, HeaderRole::Band),
    ],
    &[
        name(0, 2),
        name(1, 2),
        name(2, 2),
        name(3, 2),
        name(4, 2),
        HeaderCell::new(DIRECT_SUIT, 5, 1, HeaderRole::Band),
        HeaderCell::new(SUIT_AFTER_REVIEW, 5, 1, HeaderRole::Band),
    ],
    &[
        name(5, 1),
        name(6, 1),
        name(7, 1),
        name(8, 1),
        name(9, 1),
        name(10, 1),
        name(11, 1),
        name(12, 1),
        name(13, 1),
        name(14, 1),
    ],
];

static SECTIONS: [SectionSpec; 1] = [SectionSpec {
    caption: None,
    headers: &[
        "行政复议",
        "行政诉讼",
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
        DIRECT_SUIT,
        SUIT_AFTER_REVIEW,
    ],
    columns: &COLUMNS,
    // The data row has no label: its numbers follow the header.
    rows: &[RowSpec {
        key: "cases",
        label: "",
        short: "行政复议、行政诉讼",
        key_text: "",
        aliases: &[],
        has_values: true,
        tags: &[],
    }],
}];

pub static T4_2021: TableSpec = TableSpec {
    id: TableId::T4,
    version: Version::V2021,
    part: 4,
    name: "政府信息公开行政复议、行政诉讼情况",
    note: None,
    sections: &SECTIONS,
};

pub static T4_2019: TableSpec = TableSpec {
    id: TableId::T4,
    version: Version::V2019,
    part: 4,
    name: "政府信息公开行政复议、行政诉讼情况",
    note: None,
    sections: &SECTIONS,
};
