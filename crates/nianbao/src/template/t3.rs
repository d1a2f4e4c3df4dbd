//! T3, 收到和处理政府信息公开申请情况: 7 applicant columns, 25 rows (23 in the 2019 format, where
//! （六）其他处理 is one row without sub-items).

use super::{
    ColumnSpec, HeaderCell, HeaderRole, RowSpec, SectionSpec, TableId, TableSpec, ValueKind,
    Version,
};

const LEGAL_PERSONS: &str = "法人或其他组织";

static COLUMNS: [ColumnSpec; 7] = [
    ColumnSpec {
        key: "natural",
        name: "自然人",
        band: "",
        kind: ValueKind::Count,
    },
    ColumnSpec {
        key: "commercial",
        name: "商业企业",
        band: LEGAL_PERSONS,
        kind: ValueKind::Count,
    },
    ColumnSpec {
        key: "research",
        name: "科研机构",
        band: LEGAL_PERSONS,
        kind: ValueKind::Count,
    },
    ColumnSpec {
        key: "public_interest",
        name: "社会公益组织",
        band: LEGAL_PERSONS,
        kind: ValueKind::Count,
    },
    ColumnSpec {
        key: "legal",
        name: "法律服务机构",
        band: LEGAL_PERSONS,
        kind: ValueKind::Count,
    },
    ColumnSpec {
        key: "other",
        name: "其他",
        band: LEGAL_PERSONS,
        kind: ValueKind::Count,
    },
    ColumnSpec {
        key: "total",
        name: "总计",
        band: "",
        kind: ValueKind::Count,
    },
];

static HEADERS: [&str; 9] = [
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];

/// The printed header: the note over the three label columns, 申请人情况 over the seven columns,
/// 法人或其他组织 over the five in its band.
pub(super) static HEADER: [&[HeaderCell]; 3] = [
    &[
        HeaderCell::new(NOTE, 3, 3, HeaderRole::Note),
        HeaderCell::new(HEADERS[0], 7, 1, HeaderRole::Band),
    ],
    &[
        HeaderCell::new(COLUMNS[0].name, 1, 2, HeaderRole::Column),
        HeaderCell::new(LEGAL_PERSONS, 5, 1, HeaderRole::Band),
        HeaderCell::new(COLUMNS[6].name, 1, 2, HeaderRole::Column),
    ],
    &[
        HeaderCell::new(COLUMNS[1].name, 1, 1, HeaderRole::Column),
        HeaderCell::new(COLUMNS[2].name, 1, 1, HeaderRole::Column),
        HeaderCell::new(COLUMNS[3].name, 1, 1, HeaderRole::Column),
        HeaderCell::new(COLUMNS[4].name, 1, 1, HeaderRole::Column),
        HeaderCell::new(COLUMNS[5].name, 1, 1, HeaderRole::Column),
    ],
];

const NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// A data row.
const fn data(
    key: &'static str,
    label: &'static str,
    short: &'static str,
    key_text: &'static str,
    tags: &'static [&'static str],
) -> RowSpec {
    RowSpec {
        key,
        label,
        short,
        key_text,
        aliases: &[],
        has_values: true,
        tags,
    }
}

/// A group label spanning rows, with no numbers of its own.
const fn group(key: &'static str, label: &'static str, key_text: &'static str) -> RowSpec {
    RowSpec {
        key,
        label,
        short: label,
        key_text,
        aliases: &[],
        has_values: false,
        tags: &[],
    }
}

const OUTCOME: &[&str] = &["outcome"];

macro_rules! t3_rows {
    ($($other_handling:expr),+ $(,)?) => {
        [
            data("new", "一、本年新收政府信息公开申请数量", "第一项", "本年新收", &[]),
            data("carried", "二、上年结转政府信息公开申请数量", "第二项", "上年结转", &[]),
            group("results", "三、本年度办理结果", "本年度办理结果"),
            data("granted", "（一）予以公开", "（一）予以公开", "予以公开", OUTCOME),
            data(
                "partial",
                "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
                "（二）部分公开",
                "部分公开",
                OUTCOME,
            ),
            group("denied", "（三）不予公开", "不予公开"),
            data("denied_secret", "1.属于国家秘密", "（三）1.属于国家秘密", "国家秘密", OUTCOME),
            data("denied_law", "2.其他法律行政法规禁止公开", "（三）2.其他法律行政法规禁止公开", "法律行政法规禁止", OUTCOME),
            data("denied_security", "3.危及“三安全一稳定”", "（三）3.危及“三安全一稳定”", "三安全一稳定", OUTCOME),
            data("denied_third_party", "4.保护第三方合法权益", "（三）4.保护第三方合法权益", "第三方合法权益", OUTCOME),
            data("denied_internal", "5.属于三类内部事务信息", "（三）5.属于三类内部事务信息", "内部事务信息", OUTCOME),
            data("denied_process", "6.属于四类过程性信息", "（三）6.属于四类过程性信息", "过程性信息", OUTCOME),
            data("denied_enforcement", "7.属于行政执法案卷", "（三）7.属于行政执法案卷", "行政执法案卷", OUTCOME),
            data("denied_query", "8.属于行政查询事项", "（三）8.属于行政查询事项", "行政查询事项", OUTCOME),
            group("unable", "（四）无法提供", "无法提供"),
            data("unable_not_held", "1.本机关不掌握相关政府信息", "（四）1.本机关不掌握相关政府信息", "不掌握相关", OUTCOME),
            data("unable_not_existing", "2.没有现成信息需要另行制作", "（四）2.没有现成信息需要另行制作", "另行制作", OUTCOME),
            data("unable_unclear", "3.补正后申请内容仍不明确", "（四）3.补正后申请内容仍不明确", "仍不明确", OUTCOME),
            group("not_handled", "（五）不予处理", "不予处理"),
            data("not_handled_petition", "1.信访举报投诉类申请", "（五）1.信访举报投诉类申请", "信访举报投诉", OUTCOME),
            data("not_handled_repeat", "2.重复申请", "（五）2.重复申请", "重复申请", OUTCOME),
            data("not_handled_publication", "3.要求提供公开出版物", "（五）3.要求提供公开出版物", "公开出版物", OUTCOME),
            data("not_handled_mass", "4.无正当理由大量反复申请", "（五）4.无正当理由大量反复申请", "大量反复申请", OUTCOME),
            data(
                "not_handled_confirm",
                "5.要求行政机关确认或重新出具已获取信息",
                "（五）5.要求行政机关确认或重新出具已获取信息",
                "重新出具",
                OUTCOME,
            ),
            $($other_handling,)+
            data("total", "（七）总计", "第三项（七）总计", "", &["total"]),
            data("forward", "四、结转下年度继续办理", "第四项", "结转下年度", &[]),
        ]
    };
}

static ROWS_2021: [RowSpec; 30] = t3_rows![
    group("other_handling", "（六）其他处理", "其他处理"),
    data(
        "other_no_correction",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "（六）1.逾期不补正",
        "逾期不补正",
        OUTCOME,
    ),
    data(
        "other_unpaid",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "（六）2.逾期未缴纳费用",
        "逾期未按收费通知",
        OUTCOME,
    ),
    data("other_other", "3.其他", "（六）3.其他", "", OUTCOME),
];

static ROWS_2019: [RowSpec; 27] = t3_rows![data(
    "other_handling",
    "（六）其他处理",
    "（六）其他处理",
    "其他处理",
    OUTCOME
)];

pub static T3_2021: TableSpec = TableSpec {
    id: TableId::T3,
    version: Version::V2021,
    part: 3,
    name: "收到和处理政府信息公开申请情况",
    note: Some(NOTE),
    sections: &[SectionSpec {
        caption: None,
        headers: &HEADERS,
        columns: &COLUMNS,
        rows: &ROWS_2021,
    }],
};

pub static T3_2019: TableSpec = TableSpec {
    id: TableId::T3,
    version: Version::V2019,
    part: 3,
    name: "收到和处理政府信息公开申请情况",
    note: Some(NOTE),
    sections: &[SectionSpec {
        caption: None,
        headers: &HEADERS,
        columns: &COLUMNS,
        rows: &ROWS_2019,
    }],
};
