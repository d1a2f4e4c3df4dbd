//! C01's lexicon: the figures the prose states about the tables, each a key phrase (in slots of
//! alternative words), the units its count may carry, and the number of the tables it states
//! (declared in the template's facts).

use super::phrase::Word::{self, Many, One, Opt};
use crate::template::facts::{self, Quantity};
use crate::text::chinese::{NONE_HAPPENED, NOT_DONE};

pub(super) struct Figure {
    pub(super) key: &'static [Word],
    /// False when the phrase itself says there were none (「未收到…申请」): no number follows it.
    pub(super) counted: bool,
    pub(super) units: &'static [&'static str],
    /// The number of the tables it states.
    pub(super) target: &'static Quantity,
    /// The sentence up to the end of the key must contain one of these (none: no condition).
    pub(super) context: &'static [&'static str],
    /// Not this year's figure (or not this figure) when one of these comes just before the key.
    pub(super) not_after: &'static [&'static str],
}

const RECEIVE: &[&str] = &["收到", "新收", "接收到", "接收", "接到", "受理"];
/// What may stand between a verb and 申请.
const APPLICATION: &[&str] = &[
    "政府信息公开",
    "信息公开",
    "依申请公开",
    "政府信息",
    "公开",
    "相关",
    "任何",
    "过",
    "了",
    "的",
];
const APPLICATION_OR_SELF: &[&str] = &[
    "政府信息公开",
    "信息公开",
    "依申请公开",
    "政府信息",
    "公开",
    "申请",
    "的",
];
const NOT_THIS_YEAR: &[&str] = &["上年", "去年", "上一年", "同比"];
const ISSUE: &[&str] = &["制定", "制发", "出台", "印发", "发布"];
const APPLICATION_UNITS: &[&str] = &["件", "份", "个", "宗"];
const CASE_UNITS: &[&str] = &["件", "起", "宗", "个"];
const DECISION_UNITS: &[&str] = &["件", "个", "宗", "起"];
const DOCUMENT_UNITS: &[&str] = &["件", "份", "个", "部"];
const DECISION: &[&str] = &["处理决定", "决定", "案件"];

/// Words that may come between a key phrase and its number.
pub(super) const FILLER: &[&str] = &[
    "共计",
    "共",
    "合计",
    "总计",
    "累计",
    "计",
    "总数为",
    "数量为",
    "数为",
    "件数为",
    "总数",
    "数量",
    "为",
    "达",
    "有",
    ":",
];

const fn figure(
    key: &'static [Word],
    units: &'static [&'static str],
    target: &'static Quantity,
    context: &'static [&'static str],
    not_after: &'static [&'static str],
) -> Figure {
    Figure {
        key,
        counted: true,
        units,
        target,
        context,
        not_after,
    }
}

/// How many figures there are: few enough for a bit set in a `u32` (see [`figures_starting_with`]).
pub(super) const FIGURE_COUNT: usize = 21;
const _: () = assert!(FIGURE_COUNT <= u32::BITS as usize);

pub(super) static FIGURES: [Figure; FIGURE_COUNT] = [
    // 收到政府信息公开申请 5 件
    figure(
        &[One(RECEIVE), Many(APPLICATION), One(&["申请"])],
        APPLICATION_UNITS,
        &facts::NEW_APPLICATIONS,
        &[],
        &["上年", "去年", "上一年", "同比", "未", "没有"],
    ),
    // 未收到政府信息公开申请
    Figure {
        key: &[
            One(NONE_HAPPENED),
            One(RECEIVE),
            Many(APPLICATION),
            One(&["申请"]),
        ],
        counted: false,
        units: &[],
        target: &facts::NEW_APPLICATIONS,
        context: &[],
        not_after: NOT_THIS_YEAR,
    },
    // 上年结转政府信息公开申请 2 件
    figure(
        &[
            One(&[
                "上年结转",
                "上年度结转",
                "上一年度结转",
                "上一年结转",
                "去年结转",
            ]),
            Many(APPLICATION_OR_SELF),
        ],
        APPLICATION_UNITS,
        &facts::CARRIED_APPLICATIONS,
        &[],
        &[],
    ),
    // 办结 5 件; 按时答复 5 件
    figure(
        &[
            One(&["办结", "答复", "办理完毕", "处理完毕"]),
            Many(APPLICATION_OR_SELF),
        ],
        APPLICATION_UNITS,
        &facts::HANDLED_APPLICATIONS,
        &["申请"],
        NOT_DONE,
    ),
    // 办理政府信息公开申请 5 件
    figure(
        &[One(&["办理", "处理"]), Many(APPLICATION), One(&["申请"])],
        APPLICATION_UNITS,
        &facts::HANDLED_APPLICATIONS,
        &[],
        NOT_DONE,
    ),
    // 结转下年度继续办理 1 件
    figure(
        &[
            One(&[
                "结转下年度",
                "结转至下年度",
                "结转到下年度",
                "结转下一年度",
                "结转至下一年度",
                "结转到下一年度",
                "结转下年",
                "结转至下年",
                "结转到下年",
                "顺延至下年度",
                "顺延到下年度",
                "顺延至下一年度",
                "转入下年度",
                "转入下一年度",
            ]),
            Many(&["继续办理", "办理", "继续", "的", "政府信息公开", "申请"]),
        ],
        APPLICATION_UNITS,
        &facts::FORWARDED_APPLICATIONS,
        &[],
        &[],
    ),
    // 予以公开 2 件
    figure(
        &[One(&["予以公开"]), Many(&["的", "申请"])],
        &["件"],
        &facts::GRANTED_APPLICATIONS,
        &["申请"],
        &["不"],
    ),
    // 部分公开 1 件
    figure(
        &[One(&["部分公开"]), Many(&["的", "申请"])],
        &["件"],
        &facts::PARTLY_GRANTED_APPLICATIONS,
        &["申请"],
        &["不"],
    ),
    // 因政府信息公开被申请行政复议 1 件
    figure(
        &[One(&["行政复议"]), Many(&["案件", "申请", "案"])],
        CASE_UNITS,
        &facts::REVIEW_CASES,
        &["信息公开"],
        &["未", "没有"],
    ),
    // 因政府信息公开被提起行政诉讼 1 件
    figure(
        &[One(&["行政诉讼"]), Many(&["案件", "案"])],
        CASE_UNITS,
        &facts::LAWSUITS,
        &["信息公开"],
        &["未", "没有"],
    ),
    // 作出行政许可决定 8 件
    figure(
        &[One(&["行政许可"]), Many(DECISION)],
        DECISION_UNITS,
        &facts::LICENSING_DECISIONS,
        &[],
        &[],
    ),
    figure(
        &[One(&["行政处罚"]), Many(DECISION)],
        DECISION_UNITS,
        &facts::PENALTY_DECISIONS,
        &[],
        &[],
    ),
    figure(
        &[
            One(&["行政强制"]),
            Many(&["措施", "执行", "处理决定", "决定", "案件"]),
        ],
        DECISION_UNITS,
        &facts::ENFORCEMENT_DECISIONS,
        &[],
        &[],
    ),
    // 制发规章 1 件 (「规章制度」 is not 规章: 制度 is no filler, so no number follows)
    figure(
        &[One(ISSUE), Opt(&["了"]), One(&["规章"])],
        DOCUMENT_UNITS,
        &facts::RULES_ISSUED,
        &[],
        &[],
    ),
    // 制发行政规范性文件 3 件
    figure(
        &[
            One(ISSUE),
            Opt(&["了"]),
            Opt(&["行政"]),
            One(&["规范性文件"]),
        ],
        DOCUMENT_UNITS,
        &facts::NORMATIVE_ISSUED,
        &[],
        &[],
    ),
    // 现行有效规章 2 件
    figure(
        &[One(&["现行有效"]), Opt(&["的"]), One(&["规章"])],
        DOCUMENT_UNITS,
        &facts::RULES_IN_FORCE,
        &[],
        &[],
    ),
    // 现行有效的行政规范性文件 12 件
    figure(
        &[
            One(&["现行有效"]),
            Opt(&["的"]),
            Opt(&["行政"]),
            One(&["规范性文件"]),
        ],
        DOCUMENT_UNITS,
        &facts::NORMATIVE_IN_FORCE,
        &[],
        &[],
    ),
    // 废止规章 1 件
    figure(
        &[One(&["废止"]), Opt(&["了"]), One(&["规章"])],
        DOCUMENT_UNITS,
        &facts::RULES_REPEALED,
        &[],
        &[],
    ),
    // 废止行政规范性文件 1 件
    figure(
        &[
            One(&["废止"]),
            Opt(&["了"]),
            Opt(&["行政"]),
            One(&["规范性文件"]),
        ],
        DOCUMENT_UNITS,
        &facts::NORMATIVE_REPEALED,
        &[],
        &[],
    ),
    // 行政规范性文件现行有效 12 件
    figure(
        &[Opt(&["行政"]), One(&["规范性文件"]), One(&["现行有效"])],
        DOCUMENT_UNITS,
        &facts::NORMATIVE_IN_FORCE,
        &[],
        &[],
    ),
    // 规章现行有效 2 件
    figure(
        &[One(&["规章"]), One(&["现行有效"])],
        DOCUMENT_UNITS,
        &facts::RULES_IN_FORCE,
        &[],
        &[],
    ),
];
