//! T2, 主动公开政府信息情况: stacked sub-tables under captions of 第二十条. No arithmetic rule applies.

use super::{ColumnSpec, RowSpec, SectionSpec, TableId, TableSpec, ValueKind, Version};

const fn col(key: &'static str, name: &'static str, kind: ValueKind) -> ColumnSpec {
    ColumnSpec {
        key,
        name,
        band: "",
        kind,
    }
}

const fn row(key: &'static str, label: &'static str, aliases: &'static [&'static str]) -> RowSpec {
    RowSpec {
        key,
        label,
        short: label,
        key_text: "",
        aliases,
        has_values: true,
        tags: &[],
    }
}

use ValueKind::{Amount, Count, Signed};

pub static T2_2021: TableSpec = TableSpec {
    id: TableId::T2,
    version: Version::V2021,
    part: 2,
    name: "主动公开政府信息情况",
    note: None,
    sections: &[
        SectionSpec {
            caption: Some("第二十条第（一）项"),
            headers: &["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            columns: &[
                col("issued", "本年制发件数", Count),
                col("repealed", "本年废止件数", Count),
                col("in_force", "现行有效件数", Count),
            ],
            rows: &[
                row("rules", "规章", &[]),
                row("normative", "行政规范性文件", &["规范性文件"]),
            ],
        },
        SectionSpec {
            caption: Some("第二十条第（五）项"),
            headers: &["信息内容", "本年处理决定数量"],
            columns: &[col("decisions", "本年处理决定数量", Count)],
            rows: &[row("licensing", "行政许可", &[])],
        },
        SectionSpec {
            caption: Some("第二十条第（六）项"),
            headers: &["信息内容", "本年处理决定数量"],
            columns: &[col("decisions", "本年处理决定数量", Count)],
            rows: &[
                row("penalty", "行政处罚", &[]),
                row("enforcement", "行政强制", &[]),
            ],
        },
        SectionSpec {
            caption: Some("第二十条第（八）项"),
            headers: &["信息内容", "本年收费金额（单位：万元）"],
            columns: &[col("amount", "本年收费金额（万元）", Amount)],
            rows: &[row("fees", "行政事业性收费", &[])],
        },
    ],
};

pub static T2_2019: TableSpec = TableSpec {
    id: TableId::T2,
    version: Version::V2019,
    part: 2,
    name: "主动公开政府信息情况",
    note: None,
    sections: &[
        SectionSpec {
            caption: Some("第二十条第（一）项"),
            headers: &[
                "信息内容",
                "本年新制作数量",
                "本年新公开数量",
                "对外公开总数量",
            ],
            columns: &[
                col("made", "本年新制作数量", Count),
                col("published", "本年新公开数量", Count),
                col("total_published", "对外公开总数量", Count),
            ],
            rows: &[
                row("rules", "规章", &[]),
                row("normative", "规范性文件", &[]),
            ],
        },
        SectionSpec {
            caption: Some("第二十条第（五）项"),
            headers: &["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
            columns: &[
                col("previous", "上一年项目数量", Count),
                col("change", "本年增/减", Signed),
                col("decisions", "处理决定数量", Count),
            ],
            rows: &[
                row("licensing", "行政许可", &[]),
                row("other_services", "其他对外管理服务事项", &[]),
            ],
        },
        SectionSpec {
            caption: Some("第二十条第（六）项"),
            headers: &["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
            columns: &[
                col("previous", "上一年项目数量", Count),
                col("change", "本年增/减", Signed),
                col("decisions", "处理决定数量", Count),
            ],
            rows: &[
                row("penalty", "行政处罚", &[]),
                row("enforcement", "行政强制", &[]),
            ],
        },
        SectionSpec {
            caption: Some("第二十条第（八）项"),
            headers: &["信息内容", "上一年项目数量", "本年增/减"],
            columns: &[
                col("previous", "上一年项目数量", Count),
                col("change", "本年增/减", Signed),
            ],
            rows: &[row("fees", "行政事业性收费", &[])],
        },
        SectionSpec {
            caption: Some("第二十条第（九）项"),
            headers: &["信息内容", "采购项目数量", "采购总金额"],
            columns: &[
                col("projects", "采购项目数量", Count),
                col("amount", "采购总金额", Amount),
            ],
            rows: &[row("procurement", "政府集中采购", &[])],
        },
    ],
};
