//! Layout independence: one report, pasted in the ways real reports arrive (spec §5), must read to the
//! same values and the same findings; only the positions may differ.
//!
//! The canonical report is built here once: a 2022 report on the 2021 tables, every part present, all
//! numbers non-zero, with exactly three deliberate defects:
//! - R02: T3 row （一）予以公开 has a 总计 one above the sum of its six applicant columns;
//! - R04: T4 group 行政复议 has a 总计 one above 结果维持 + 结果纠正 + 其他结果 + 尚未审结;
//! - T03: T3 row （三）8.属于行政查询事项 has `/` in its 总计 cell.
//!
//! The placeholder sits in the 总计 column of an outcome row on purpose: it takes R03 on the 总计 column
//! out of play, so the R02 error stands alone (without it, one wrong 总计 in an outcome row necessarily
//! breaks a second rule too, R02 on （七）总计 or R03 on the 总计 column).

use std::collections::BTreeMap;
use std::ops::Range;

use nianbao::model::{Fixed, Value};
use nianbao::summary::FileSummary;
use nianbao::RuleCode;

// ---------------------------------------------------------------------------------------------------
// The canonical report
// ---------------------------------------------------------------------------------------------------

const TITLE: &str = "某某市人民政府2022年政府信息公开工作年度报告";
const TITLE_HEAD: &str = "某某市人民政府2022年";
const TITLE_TAIL: &str = "政府信息公开工作年度报告";
const PERIOD: &str = "本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。";
const SIGNATURE: &str = "某某市人民政府";

const HEADINGS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

const PROSE: [&str; 6] = [
    "2022年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，稳步推进政务公开工作。",
    "本年度主动公开的政府信息统计如下表。",
    "本年度依申请公开的统计见下表。",
    "统计见下表。",
    "一是信息公开的及时性有待提高，二是工作人员业务水平有待提升；下一步将加强培训。",
    "本年度共发出收费通知28件，申请人均未按期缴纳；本机关未收取信息处理费。",
];

struct T2Section {
    caption: &'static str,
    headers: &'static [&'static str],
    rows: &'static [(&'static str, &'static [&'static str])],
}

/// T2 of the 2021 format; the amount of 行政事业性收费 has decimals.
const T2: [T2Section; 4] = [
    T2Section {
        caption: "第二十条第（一）项",
        headers: &["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        rows: &[
            ("规章", &["1", "1", "5"]),
            ("行政规范性文件", &["3", "2", "14"]),
        ],
    },
    T2Section {
        caption: "第二十条第（五）项",
        headers: &["信息内容", "本年处理决定数量"],
        rows: &[("行政许可", &["8"])],
    },
    T2Section {
        caption: "第二十条第（六）项",
        headers: &["信息内容", "本年处理决定数量"],
        rows: &[("行政处罚", &["1234"]), ("行政强制", &["2"])],
    },
    T2Section {
        caption: "第二十条第（八）项",
        headers: &["信息内容", "本年收费金额（单位：万元）"],
        rows: &[("行政事业性收费", &["1.5"])],
    },
];

const T3_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
const RESULTS: &str = "三、本年度办理结果";

/// The 25 rows of T3: (sub-group label, row label). Rows 2..=23 sit under 「三、本年度办理结果」.
const T3_ROWS: [(Option<&str>, &str); 25] = [
    (None, "一、本年新收政府信息公开申请数量"),
    (None, "二、上年结转政府信息公开申请数量"),
    (None, "（一）予以公开"),
    (
        None,
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ),
    (Some("（三）不予公开"), "1.属于国家秘密"),
    (Some("（三）不予公开"), "2.其他法律行政法规禁止公开"),
    (Some("（三）不予公开"), "3.危及“三安全一稳定”"),
    (Some("（三）不予公开"), "4.保护第三方合法权益"),
    (Some("（三）不予公开"), "5.属于三类内部事务信息"),
    (Some("（三）不予公开"), "6.属于四类过程性信息"),
    (Some("（三）不予公开"), "7.属于行政执法案卷"),
    (Some("（三）不予公开"), "8.属于行政查询事项"),
    (Some("（四）无法提供"), "1.本机关不掌握相关政府信息"),
    (Some("（四）无法提供"), "2.没有现成信息需要另行制作"),
    (Some("（四）无法提供"), "3.补正后申请内容仍不明确"),
    (Some("（五）不予处理"), "1.信访举报投诉类申请"),
    (Some("（五）不予处理"), "2.重复申请"),
    (Some("（五）不予处理"), "3.要求提供公开出版物"),
    (Some("（五）不予处理"), "4.无正当理由大量反复申请"),
    (
        Some("（五）不予处理"),
        "5.要求行政机关确认或重新出具已获取信息",
    ),
    (
        Some("（六）其他处理"),
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    (
        Some("（六）其他处理"),
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    (Some("（六）其他处理"), "3.其他"),
    (None, "（七）总计"),
    (None, "四、结转下年度继续办理"),
];

const T3_NEW: usize = 0;
const T3_CARRIED: usize = 1;
const T3_GRANTED: usize = 2;
const T3_DENIED_QUERY: usize = 11;
const T3_TOTAL: usize = 23;
const T3_FORWARD: usize = 24;
const T3_TOTAL_COLUMN: usize = 6;

/// Whether T3 row `r` sits under 「三、本年度办理结果」.
fn under_results(r: usize) -> bool {
    (T3_GRANTED..=T3_TOTAL).contains(&r)
}

/// Whether T3 row `r` is the first of its sub-group (（三）…（六）).
fn first_of_group(r: usize) -> bool {
    T3_ROWS[r].0.is_some() && (r == 0 || T3_ROWS[r - 1].0 != T3_ROWS[r].0)
}

/// T3 as the drafter typed it: a consistent table, then the R02 and T03 defects.
fn t3_tokens() -> Vec<Vec<String>> {
    let mut rows = vec![[0i64; 7]; 25];
    for (r, row) in rows.iter_mut().enumerate().take(T3_TOTAL).skip(T3_GRANTED) {
        for (c, cell) in row.iter_mut().enumerate().take(6) {
            *cell = ((r as i64 * 7 + c as i64 * 3) % 5) + 1 + if c == 0 { 10 } else { 0 };
        }
    }
    // （七）总计 adds up the outcomes; 一 + 二 = （七） + 四 (R01) fixes 一.
    let totals: [i64; 6] =
        std::array::from_fn(|c| rows[T3_GRANTED..T3_TOTAL].iter().map(|r| r[c]).sum());
    for (c, total) in totals.into_iter().enumerate() {
        let forward = (c as i64 % 3) + 1;
        let carried = ((c as i64 + 1) % 2) + 1;
        rows[T3_TOTAL][c] = total;
        rows[T3_FORWARD][c] = forward;
        rows[T3_CARRIED][c] = carried;
        rows[T3_NEW][c] = total + forward - carried;
    }
    for row in &mut rows {
        row[6] = row[..6].iter().sum();
    }
    let mut tokens: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(i64::to_string).collect())
        .collect();
    // R02: one above the sum of the row.
    tokens[T3_GRANTED][T3_TOTAL_COLUMN] = (rows[T3_GRANTED][6] + 1).to_string();
    // T03: a placeholder where a number is due.
    tokens[T3_DENIED_QUERY][T3_TOTAL_COLUMN] = "/".to_string();
    tokens
}

const T4_HEADER_TOP: [&str; 2] = ["行政复议", "行政诉讼"];
const T4_OUTCOMES: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
const T4_SUITS: [&str; 2] = ["未经复议直接起诉", "复议后起诉"];
/// 行政复议 adds up to 7 but says 8 (R04); the two 行政诉讼 groups hold.
const T4: [&str; 15] = [
    "2", "1", "1", "3", "8", "1", "2", "1", "1", "5", "1", "1", "2", "1", "5",
];
const T4_REVIEW_TOTAL: usize = 4;

fn value_of(token: &str) -> Option<Value> {
    if token == "/" {
        None
    } else if token.contains('.') {
        // Built here, not by the core's own number reader: 「1.5」 is 15 × 10^-1.
        let (whole, fraction) = token.split_once('.').unwrap();
        Some(Value::Decimal(Fixed {
            units: format!("{whole}{fraction}").parse().unwrap(),
            scale: fraction.len() as u32,
        }))
    } else {
        Some(Value::Int(token.parse().unwrap()))
    }
}

/// Which cell, if any, a rendered token is, so each layout can tell where the defects landed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Mark {
    R02,
    T03,
    R04,
}

fn t3_mark(r: usize, c: usize) -> Option<Mark> {
    match (r, c) {
        (T3_GRANTED, T3_TOTAL_COLUMN) => Some(Mark::R02),
        (T3_DENIED_QUERY, T3_TOTAL_COLUMN) => Some(Mark::T03),
        _ => None,
    }
}

fn t4_mark(c: usize) -> Option<Mark> {
    (c == T4_REVIEW_TOTAL).then_some(Mark::R04)
}

// ---------------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------------

/// A text being written, with where each marked cell's token ended up.
#[derive(Default)]
struct Doc {
    text: String,
    marks: BTreeMap<Mark, Range<usize>>,
}

impl Doc {
    fn put(&mut self, s: &str) -> &mut Self {
        self.text.push_str(s);
        self
    }
    fn line(&mut self, s: &str) -> &mut Self {
        self.text.push_str(s);
        self.text.push('\n');
        self
    }
    /// Writes a cell's token, remembering where it is when it is one of the defects.
    fn token(&mut self, mark: Option<Mark>, token: &str) -> &mut Self {
        let start = self.text.len();
        self.text.push_str(token);
        if let Some(m) = mark {
            self.marks.insert(m, start..self.text.len());
        }
        self
    }
}

/// 「１２」 for 「12」: full-width digits, the rest as is.
fn full_width(token: &str) -> String {
    token
        .chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(c as u32 + 0xfee0).unwrap(),
            c => c,
        })
        .collect()
}

/// 「(一)」 for 「（一）」.
fn half_brackets(label: &str) -> String {
    label.replace('（', "(").replace('）', ")")
}

/// Ideographic and no-break spaces around numbers, as Word pastes them (seeds 000, 004).
fn padded(i: usize) -> (&'static str, &'static str) {
    match i % 5 {
        0 => ("\u{3000}\u{3000}", ""),
        1 => ("\u{a0}\u{3000}", ""),
        2 => ("\u{a0}", ""),
        3 => ("", "\u{3000}"),
        _ => (" ", "\u{a0}"),
    }
}

/// Layout A (seeds 000, 004): one cell per line, each line starting with a tab, rows separated by blank
/// lines, merged label cells as lone tabs, padding around numbers, a page number between two rows.
fn layout_a() -> Doc {
    let mut d = Doc::default();
    let mut n = 0usize;
    let mut number = |d: &mut Doc, mark: Option<Mark>, token: &str| {
        let (before, after) = padded(n);
        n += 1;
        d.put("\t")
            .put(before)
            .token(mark, token)
            .put(after)
            .put("\n");
    };
    d.line(TITLE).line("").line(PERIOD).line("");
    for part in 0..2 {
        d.line(HEADINGS[part]).line("").line(PROSE[part]).line("");
    }
    for section in &T2 {
        d.put("\t").line(section.caption).line("");
        for h in section.headers {
            d.put("\t").line(h);
        }
        d.line("");
        for (label, values) in section.rows {
            d.put("\t").line(label);
            for v in *values {
                number(&mut d, None, v);
            }
            d.line("");
        }
    }
    d.line("").line(HEADINGS[2]).line(PROSE[2]);
    d.put("\t")
        .line(T3_NOTE)
        .put("\t")
        .line("申请人情况")
        .line("");
    d.line("\t")
        .line("\t自然人")
        .line("\t法人或其他组织")
        .line("\t总计")
        .line("");
    d.line("\t").line("\t");
    for h in [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ] {
        d.put("\t").line(h);
    }
    d.line("\t").line("");
    let t3 = t3_tokens();
    for (r, (group, label)) in T3_ROWS.iter().enumerate() {
        if under_results(r) {
            // The vertical group label is repeated at each sub-group, as in seed 000.
            if r == T3_GRANTED || first_of_group(r) {
                d.put("\t").line(RESULTS);
            } else {
                d.line("\t");
            }
        }
        if let Some(g) = group {
            if first_of_group(r) {
                d.put("\t").line(g);
            } else {
                d.line("\t");
            }
        }
        d.put("\t").line(label);
        for (c, v) in t3[r].iter().enumerate() {
            number(&mut d, t3_mark(r, c), v);
        }
        d.line("");
        if r == 13 {
            d.line("- 2 -").line("");
        }
    }
    d.line("").line(HEADINGS[3]).line("");
    for h in T4_HEADER_TOP {
        d.put("\t").line(h);
    }
    d.line("");
    for h in T4_OUTCOMES {
        d.put("\t").line(h);
    }
    for h in T4_SUITS {
        d.put("\t").line(h);
    }
    d.line("");
    for _ in 0..5 {
        d.line("\t");
    }
    for _ in 0..2 {
        for h in T4_OUTCOMES {
            d.put("\t").line(h);
        }
    }
    d.line("");
    for (c, v) in T4.iter().enumerate() {
        number(&mut d, t4_mark(c), v);
    }
    d.line("").line("");
    for part in 4..6 {
        d.line(HEADINGS[part]).line(PROSE[part]);
    }
    d.line("")
        .line(&format!("                            {SIGNATURE}"));
    d
}

/// Layout B (seed 002): one cell per line ending in ` |`, lines of bare pipes between rows, half-width
/// brackets in captions, a thousands separator, a web-page footer.
fn layout_b() -> Doc {
    let mut d = Doc::default();
    let cell = |d: &mut Doc, mark: Option<Mark>, token: &str| {
        d.token(mark, token).put(" |\n");
    };
    for part in 0..2 {
        if part == 0 {
            d.line(TITLE).line(PERIOD);
        }
        d.line(HEADINGS[part]).line(PROSE[part]);
    }
    for section in &T2 {
        d.put(&half_brackets(section.caption))
            .line(" |")
            .line("|||");
        for h in section.headers {
            d.put(&half_brackets(h).replace('：', ":")).line(" |");
        }
        let single = section.headers.len() == 2;
        if single {
            d.line("||");
        }
        for (i, (label, values)) in section.rows.iter().enumerate() {
            d.put(label).line(" |");
            for v in *values {
                // A thousands separator, and a unit typed into the cell.
                let shown = match *v {
                    "1234" => "1,234",
                    "8" => "8件",
                    v => v,
                };
                cell(&mut d, None, shown);
            }
            if single && i + 1 < section.rows.len() {
                d.line("||");
            }
        }
    }
    d.line(HEADINGS[2]).line(PROSE[2]);
    d.put(&half_brackets(T3_NOTE)).line(" |");
    d.line("申请人情况 |").line("||||||||");
    d.line("自然人 |")
        .line("法人或其他组织 |")
        .line("总计 |")
        .line("|||||||");
    for h in [
        "商业 企业",
        "科研 机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ] {
        d.put(h).line(" |");
    }
    d.line("|||||");
    let t3 = t3_tokens();
    for (r, (group, label)) in T3_ROWS.iter().enumerate() {
        let opens_group = r == T3_GRANTED || first_of_group(r);
        if r == T3_GRANTED {
            d.put(RESULTS).line(" |");
        }
        if let (Some(g), true) = (group, first_of_group(r)) {
            d.put(&half_brackets(g)).line(" |");
        }
        d.put(&half_brackets(label)).line(" |");
        for (c, v) in t3[r].iter().enumerate() {
            cell(&mut d, t3_mark(r, c), v);
        }
        d.line(if opens_group { "|" } else { "||" });
    }
    d.line(HEADINGS[3]).line(PROSE[3]);
    d.line("行政复议 |")
        .line("行政诉讼 |")
        .line("|||||||||||||");
    for h in ["结果维持", "结果 纠正", "其他 结果", "尚未 审结", "总计"] {
        d.put(h).line(" |");
    }
    d.line("未经复议直接起诉 |")
        .line("复议后起诉 |")
        .line("||||||||");
    for _ in 0..2 {
        for h in ["结果 维持", "结果 纠正", "其他 结果", "尚未 审结", "总计"] {
            d.put(h).line(" |");
        }
    }
    d.line("|||||");
    for (c, v) in T4.iter().enumerate() {
        cell(&mut d, t4_mark(c), v);
    }
    for part in 4..6 {
        d.line(HEADINGS[part]).line(PROSE[part]);
    }
    d.line(SIGNATURE).line("扫一扫在手机上查看当前页面");
    d
}

/// Layout C (seed 003): Markdown headings, one row per line with tab-separated cells, empty cells for
/// merged columns, trailing and misaligned empty cells.
fn layout_c() -> Doc {
    let mut d = Doc::default();
    d.line("")
        .line("")
        .put("# ")
        .line(TITLE)
        .line("")
        .line(PERIOD)
        .line("");
    for part in 0..2 {
        d.put("## ")
            .line(HEADINGS[part])
            .line("")
            .line(PROSE[part])
            .line("");
    }
    for (i, section) in T2.iter().enumerate() {
        d.put(section.caption).line("\t\t\t");
        d.put(&section.headers.join("\t"));
        d.line(&"\t".repeat(4 - section.headers.len()));
        if i == 3 {
            d.line("");
        }
        for (label, values) in section.rows {
            d.put(label);
            for v in *values {
                d.put("\t").token(None, v);
            }
            if i != 3 {
                d.put(&"\t".repeat(3 - values.len()));
            }
            d.line("");
        }
    }
    d.line("---------\t---").line("");
    d.put("### ")
        .line(HEADINGS[2])
        .line("")
        .line(PROSE[2])
        .line("");
    d.put(&half_brackets(T3_NOTE))
        .line("\t\t申请人情况\t\t\t\t\t\t总计\t");
    d.line("\t\t自然人\t法人或其他组织\t\t\t\t\t\t");
    d.line("\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t\t");
    let t3 = t3_tokens();
    for (r, (group, label)) in T3_ROWS.iter().enumerate() {
        let label = half_brackets(label).replacen(')', ") ", 1);
        let values = |d: &mut Doc| {
            for (c, v) in t3[r].iter().enumerate() {
                d.put("\t").token(t3_mark(r, c), v);
            }
        };
        match r {
            T3_GRANTED => {
                d.put(RESULTS).put("\t").put(&label);
                values(&mut d);
                d.line("\t");
            }
            22 => {
                // Misaligned as in seed 003: the label in the first column.
                d.put(&label).put("\t");
                values(&mut d);
                d.line("\t");
            }
            T3_TOTAL => {
                d.put(&label);
                values(&mut d);
                d.line("\t\t");
            }
            _ if group.is_some() => {
                d.put("\t");
                if first_of_group(r) {
                    d.put(&half_brackets(group.unwrap()).replacen(')', ") ", 1));
                }
                d.put("\t").put(&label);
                values(&mut d);
                d.line("");
            }
            _ if under_results(r) => {
                d.put("\t").put(&label);
                values(&mut d);
                d.line("\t");
            }
            _ => {
                d.put(&label).put("\t");
                values(&mut d);
                d.line("\t");
            }
        }
    }
    d.line("")
        .put("#### ")
        .line(HEADINGS[3])
        .line("")
        .line(PROSE[3])
        .line("");
    d.line("行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t");
    d.line("结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t");
    d.line("\t\t\t\t\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计\t结果 维持\t结果 纠正\t其他 结果\t尚未 审结\t总计");
    for (c, v) in T4.iter().enumerate() {
        if c > 0 {
            d.put("\t");
        }
        d.token(t4_mark(c), v);
    }
    d.line("").line("");
    for part in 4..6 {
        d.put("#### ")
            .line(HEADINGS[part])
            .line("")
            .line(PROSE[part])
            .line("");
    }
    d
}

/// Writes one Markdown pipe row: `| a | b | c |`.
fn pipe_row(d: &mut Doc, cells: &[(Option<Mark>, &str)]) {
    d.put("|");
    for (mark, text) in cells {
        d.put(" ").token(*mark, text).put(" |");
    }
    d.line("");
}

fn pipe_rule(d: &mut Doc, columns: usize) {
    d.put("|");
    for _ in 0..columns {
        d.put("---|");
    }
    d.line("");
}

/// Layout D: Markdown headings and pipe tables with `|---|` rules.
fn layout_d() -> Doc {
    let mut d = Doc::default();
    d.put("# ").line(TITLE).line("").line(PERIOD).line("");
    for part in 0..2 {
        d.put("## ")
            .line(HEADINGS[part])
            .line("")
            .line(PROSE[part])
            .line("");
    }
    for (i, section) in T2.iter().enumerate() {
        let pad = |cells: &mut Vec<(Option<Mark>, &'static str)>| cells.resize(4, (None, ""));
        let mut caption = vec![(None, section.caption)];
        pad(&mut caption);
        pipe_row(&mut d, &caption);
        if i == 0 {
            pipe_rule(&mut d, 4);
        }
        let mut headers: Vec<_> = section.headers.iter().map(|h| (None, *h)).collect();
        pad(&mut headers);
        pipe_row(&mut d, &headers);
        for (label, values) in section.rows {
            let mut cells = vec![(None, *label)];
            cells.extend(values.iter().map(|v| (None, *v)));
            pad(&mut cells);
            pipe_row(&mut d, &cells);
        }
    }
    d.line("")
        .put("## ")
        .line(HEADINGS[2])
        .line("")
        .line(PROSE[2])
        .line("");
    let mut note = vec![(None, T3_NOTE), (None, ""), (None, "申请人情况")];
    note.resize(10, (None, ""));
    pipe_row(&mut d, &note);
    pipe_rule(&mut d, 10);
    let mut band = vec![(None, ""); 10];
    band[3] = (None, "自然人");
    band[4] = (None, "法人或其他组织");
    band[9] = (None, "总计");
    pipe_row(&mut d, &band);
    let mut names = vec![(None, ""); 10];
    for (i, h) in [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    .into_iter()
    .enumerate()
    {
        names[4 + i] = (None, h);
    }
    pipe_row(&mut d, &names);
    let t3 = t3_tokens();
    for (r, (group, label)) in T3_ROWS.iter().enumerate() {
        let mut cells: Vec<(Option<Mark>, &str)> = Vec::new();
        if !under_results(r) {
            cells.extend([(None, *label), (None, ""), (None, "")]);
        } else {
            cells.push((None, if r == T3_GRANTED { RESULTS } else { "" }));
            match group {
                Some(g) => {
                    cells.push((None, if first_of_group(r) { g } else { "" }));
                    cells.push((None, label));
                }
                None => cells.extend([(None, *label), (None, "")]),
            }
        }
        cells.extend(
            t3[r]
                .iter()
                .enumerate()
                .map(|(c, v)| (t3_mark(r, c), v.as_str())),
        );
        pipe_row(&mut d, &cells);
    }
    d.line("")
        .put("## ")
        .line(HEADINGS[3])
        .line("")
        .line(PROSE[3])
        .line("");
    let mut top = vec![(None, ""); 15];
    top[0] = (None, T4_HEADER_TOP[0]);
    top[5] = (None, T4_HEADER_TOP[1]);
    pipe_row(&mut d, &top);
    pipe_rule(&mut d, 15);
    let mut second: Vec<(Option<Mark>, &str)> = T4_OUTCOMES.iter().map(|h| (None, *h)).collect();
    second.resize(15, (None, ""));
    second[5] = (None, T4_SUITS[0]);
    second[10] = (None, T4_SUITS[1]);
    pipe_row(&mut d, &second);
    let mut third = vec![(None, ""); 5];
    for _ in 0..2 {
        third.extend(T4_OUTCOMES.iter().map(|h| (None, *h)));
    }
    pipe_row(&mut d, &third);
    let data: Vec<_> = T4
        .iter()
        .enumerate()
        .map(|(c, v)| (t4_mark(c), *v))
        .collect();
    pipe_row(&mut d, &data);
    d.line("");
    for part in 4..6 {
        d.put("## ")
            .line(HEADINGS[part])
            .line("")
            .line(PROSE[part])
            .line("");
    }
    d
}

/// Layout E: one row per line, cells separated by spaces.
fn layout_e() -> Doc {
    let mut d = Doc::default();
    d.line(TITLE).line(PERIOD);
    for part in 0..2 {
        d.line(HEADINGS[part]).line(PROSE[part]);
    }
    for section in &T2 {
        d.line(section.caption).line(&section.headers.join(" "));
        for (label, values) in section.rows {
            d.put(label);
            for v in *values {
                // The amount with its unit typed in.
                let shown = if *v == "1.5" { "1.5万元" } else { v };
                d.put(" ").token(None, shown);
            }
            d.line("");
        }
    }
    d.line(HEADINGS[2]).line(PROSE[2]).line(T3_NOTE);
    d.line("申请人情况 自然人 法人或其他组织 总计");
    d.line("商业企业 科研机构 社会公益组织 法律服务机构 其他");
    let t3 = t3_tokens();
    for (r, (group, label)) in T3_ROWS.iter().enumerate() {
        if r == T3_GRANTED {
            d.put(RESULTS).put(" ");
        }
        if let (Some(g), true) = (group, first_of_group(r)) {
            d.put(g).put(" ");
        }
        d.put(label);
        for (c, v) in t3[r].iter().enumerate() {
            d.put(" ").token(t3_mark(r, c), v);
        }
        d.line("");
    }
    d.line(HEADINGS[3]).line(PROSE[3]);
    d.line(&T4_HEADER_TOP.join(" "));
    d.put(&T4_OUTCOMES.join(" "))
        .put(" ")
        .line(&T4_SUITS.join(" "));
    d.put(&T4_OUTCOMES.join(" "))
        .put(" ")
        .line(&T4_OUTCOMES.join(" "));
    for (c, v) in T4.iter().enumerate() {
        if c > 0 {
            d.put(" ");
        }
        d.token(t4_mark(c), v);
    }
    d.line("");
    for part in 4..6 {
        d.line(HEADINGS[part]).line(PROSE[part]);
    }
    d
}

/// How seed 001 breaks and spaces the labels of layout F.
fn broken(label: &str) -> String {
    let s = match label {
        "行政规范性文件" => "行政规范性\n文件",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" => {
            "(二) 部分公开 (区分处理的， 只计这\n一情形，不计其他情形)"
        }
        "2.其他法律行政法规禁止公开" => "2.其他法律行政法规禁止公\n开",
        "1.本机关不掌握相关政府信息" => "1.本机关不掌握相关政府信\n息",
        "2.没有现成信息需要另行制作" => "2.没有现成信息需要另行制\n作",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" => {
            "1.申请人无正当理由逾期不补\n正、行政机关不再处理其政府信息公开申请"
        }
        "（三）不予公开" => "(三) 不\n予公开",
        "（四）无法提供" => "(四) 无\n法提供",
        "（五）不予处理" => "(五) 不 予处理",
        "一、本年新收政府信息公开申请数量" => "一、本年新收政府信息公开申\n请数量",
        other => other,
    };
    half_brackets(s)
}

/// Layout F (seed 001): one cell per line, labels broken across lines and spaced out, full-width
/// digits, half-width brackets, a title over two lines.
fn layout_f() -> Doc {
    let mut d = Doc::default();
    let cell = |d: &mut Doc, mark: Option<Mark>, token: &str| {
        d.put("\t").token(mark, &full_width(token)).put("\n");
    };
    d.line(TITLE_HEAD).line(TITLE_TAIL).line("").line(PERIOD);
    for part in 0..2 {
        d.line(HEADINGS[part]).line(PROSE[part]);
    }
    for section in &T2 {
        d.put("\t").line(&section.caption.replace("）项", "） 项"));
        d.line("");
        for h in section.headers {
            d.put("\t").line(&half_brackets(h));
        }
        d.line("");
        for (label, values) in section.rows {
            d.put("\t").line(&broken(label));
            for v in *values {
                cell(&mut d, None, v);
            }
            d.line("");
        }
    }
    d.line("")
        .line("")
        .line(HEADINGS[2])
        .line(PROSE[2])
        .line("\t")
        .line("");
    d.line(&half_brackets(
        "（本列数据的勾稽关系为： 第一项加第二项之 和，等于第三项加第四项之和）",
    ));
    d.line("\t申请人情况")
        .line("")
        .line("\t")
        .line("\t")
        .line("");
    d.line("自然 人")
        .line("\t法人或其他组织")
        .line("\t")
        .line("")
        .line("总计")
        .line("");
    d.line("\t")
        .line("\t")
        .line("\t")
        .line("商业\n企业")
        .line("\t")
        .line("科研 机构");
    d.line("\t社会 公益\n组织")
        .line("\t法律 服务\n机构")
        .line("\t")
        .line("")
        .line("其他");
    d.line("\t").line("");
    let t3 = t3_tokens();
    for (r, (group, label)) in T3_ROWS.iter().enumerate() {
        if under_results(r) {
            if r == T3_GRANTED {
                // The vertical group label, one character per line.
                d.line("\t")
                    .line("")
                    .line("\t三\n、\n本\n年\n度\n办\n理\n结\n果");
            } else {
                d.line("\t");
            }
        }
        if let Some(g) = group {
            if first_of_group(r) {
                d.put("\t").line(&broken(g));
            } else {
                d.line("\t");
            }
        }
        d.put("\t").line(&broken(label));
        for (c, v) in t3[r].iter().enumerate() {
            cell(&mut d, t3_mark(r, c), v);
        }
        d.line("");
    }
    d.line("").line(HEADINGS[3]).line(PROSE[3]).line("");
    d.line("\t行政复议").line("\t行政诉讼").line("");
    d.line("\t结  果  维  持")
        .line("\t结果\n纠正")
        .line("\t其他\n结果");
    d.line("\t尚未\n审结")
        .line("\t总计")
        .line("\t未经复议直接起诉")
        .line("\t复议后起诉");
    d.line("");
    for _ in 0..5 {
        d.line("\t");
    }
    for _ in 0..2 {
        d.line("\t结果\n维持")
            .line("\t结果\n纠正")
            .line("\t其他\n结果");
        d.line("\t尚未\n审结").line("\t总计");
    }
    d.line("");
    for (c, v) in T4.iter().enumerate() {
        cell(&mut d, t4_mark(c), v);
    }
    d.line("");
    d.line(HEADINGS[4]).line(PROSE[4]);
    d.line(&HEADINGS[5].replace("六、", "六、 ")).line(PROSE[5]);
    d
}

/// Rewrites a rendered text character by character, keeping the marks on the same cells.
fn rewrite(doc: &Doc, mut f: impl FnMut(&str, usize, char) -> Option<&'static str>) -> Doc {
    let mut text = String::with_capacity(doc.text.len() * 2);
    // New offset of every old char boundary.
    let mut moved = vec![0; doc.text.len() + 1];
    for (at, c) in doc.text.char_indices() {
        moved[at] = text.len();
        match f(&doc.text, at, c) {
            Some(replacement) => text.push_str(replacement),
            None => text.push(c),
        }
    }
    moved[doc.text.len()] = text.len();
    let marks = doc
        .marks
        .iter()
        .map(|(m, r)| (*m, moved[r.start]..moved[r.end]))
        .collect();
    Doc { text, marks }
}

/// Layout G: layout C as saved on Windows (CRLF line breaks), with list numbers written 「1、」.
fn layout_g() -> Doc {
    rewrite(&layout_c(), |text, at, c| match c {
        '\n' => Some("\r\n"),
        '.' => {
            let before = text[..at].chars().next_back();
            let after = text[at + 1..].chars().next();
            (before.is_some_and(|b| b.is_ascii_digit()) && after.is_some_and(|a| !a.is_ascii()))
                .then_some("、")
        }
        _ => None,
    })
}

fn layouts() -> Vec<(&'static str, Doc)> {
    vec![
        ("A (tab-led cell per line)", layout_a()),
        ("B (` |`-terminated cells)", layout_b()),
        ("C (tab-separated rows, Markdown headings)", layout_c()),
        ("D (Markdown pipe tables)", layout_d()),
        ("E (space-separated rows)", layout_e()),
        ("F (broken labels, full-width digits)", layout_f()),
        ("G (CRLF, list numbers with 、)", layout_g()),
    ]
}

// ---------------------------------------------------------------------------------------------------
// Checking
// ---------------------------------------------------------------------------------------------------

fn expected_t2() -> Vec<(&'static str, Vec<Option<Value>>)> {
    T2.iter()
        .flat_map(|s| s.rows.iter())
        .map(|(label, values)| (*label, values.iter().map(|v| value_of(v)).collect()))
        .collect()
}

fn expected_t3() -> Vec<Vec<Option<Value>>> {
    t3_tokens()
        .iter()
        .map(|row| row.iter().map(|v| value_of(v)).collect())
        .collect()
}

fn expected_t4() -> Vec<Option<Value>> {
    T4.iter().map(|v| value_of(v)).collect()
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'
}

fn line_of(text: &str, offset: usize) -> usize {
    1 + text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// The findings as a sorted multiset of (code, message).
fn finding_set(report: &nianbao::Report) -> Vec<(RuleCode, String)> {
    let mut set: Vec<_> = report
        .findings
        .iter()
        .map(|f| (f.code, f.message.clone()))
        .collect();
    set.sort();
    set
}

/// The same facts as the scripts and the page see them, in the JSON shape.
#[cfg(not(target_arch = "wasm32"))]
fn json_problems(summary: &FileSummary) -> Vec<String> {
    let json = serde_json::to_value(summary).expect("the summary serialises");
    let mut out = Vec::new();
    if json["format"] != "2021" || json["year"] != 2022 {
        out.push(format!(
            "JSON format {} year {}, expected \"2021\" 2022",
            json["format"], json["year"]
        ));
    }
    let t2_keys: Vec<&str> = json["tables"]["t2"]
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let want: Vec<&str> = T2.iter().flat_map(|s| s.rows.iter().map(|r| r.0)).collect();
    if t2_keys.len() != want.len() || want.iter().any(|k| !t2_keys.contains(k)) {
        out.push(format!("JSON t2 keys {t2_keys:?}, expected {want:?}"));
    }
    let placeholder = &json["tables"]["t3"][T3_DENIED_QUERY][T3_TOTAL_COLUMN];
    if !placeholder.is_null() {
        out.push(format!(
            "JSON t3 placeholder cell is {placeholder}, expected null"
        ));
    }
    if json["tables"]["t4"].as_array().map(Vec::len) != Some(15) {
        out.push(format!("JSON t4 {}", json["tables"]["t4"]));
    }
    out
}

/// Everything one layout must satisfy on its own; returns the problems found, so that a single test can
/// name every failing layout at once.
fn problems(name: &str, doc: &Doc) -> Vec<String> {
    let text = doc.text.as_str();
    let report = nianbao::check(text);
    let summary = FileSummary::new(name, &report);
    let mut out = Vec::new();
    let mut fail = |what: String| out.push(format!("layout {name}: {what}"));

    if summary.format.map(|v| v.as_str()) != Some("2021") {
        fail(format!("format {:?}, expected 2021", summary.format));
    }
    #[cfg(not(target_arch = "wasm32"))]
    for problem in json_problems(&summary) {
        fail(problem);
    }
    if summary.year != Some(2022) {
        fail(format!("year {:?}, expected 2022", summary.year));
    }
    if summary.title.as_deref() != Some(TITLE) {
        fail(format!("title {:?}", summary.title));
    }
    if summary.tables.t2.0 != expected_t2() {
        fail(format!(
            "t2 {:?}\n  expected {:?}",
            summary.tables.t2.0,
            expected_t2()
        ));
    }
    let t3 = expected_t3();
    if summary.tables.t3 != t3 {
        let mut diff = String::new();
        for (r, want) in t3.iter().enumerate() {
            let got = summary.tables.t3.get(r);
            if got != Some(want) {
                diff.push_str(&format!(
                    "\n  row {r} {}: got {got:?}, expected {want:?}",
                    T3_ROWS[r].1
                ));
            }
        }
        fail(format!(
            "t3 differs ({} rows read):{diff}",
            summary.tables.t3.len()
        ));
    }
    if summary.tables.t4 != expected_t4() {
        fail(format!(
            "t4 {:?}\n  expected {:?}",
            summary.tables.t4,
            expected_t4()
        ));
    }

    // Every finding points at a real place.
    for f in &report.findings {
        let ok = f.start <= f.end
            && f.end <= text.len()
            && text.is_char_boundary(f.start)
            && text.is_char_boundary(f.end);
        if !ok {
            fail(format!(
                "{} span {}..{} is not a valid span",
                f.code, f.start, f.end
            ));
            continue;
        }
        if f.line != line_of(text, f.start) {
            fail(format!(
                "{} on line {}, its start is on line {}",
                f.code,
                f.line,
                line_of(text, f.start)
            ));
        }
    }

    // Exactly the three defects, each pointing at its cell.
    let codes: Vec<RuleCode> = report.findings.iter().map(|f| f.code).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    if sorted != [RuleCode::T03, RuleCode::R02, RuleCode::R04] {
        let listed: Vec<String> = report
            .findings
            .iter()
            .map(|f| {
                format!(
                    "\n  {} line {} {:?}: {}",
                    f.code,
                    f.line,
                    &text[f.start.min(text.len())..f.end.min(text.len())],
                    f.message
                )
            })
            .collect();
        fail(format!(
            "findings {codes:?}, expected exactly T03, R02, R04:{}",
            listed.concat()
        ));
    }
    for (code, mark, must_mention) in [
        (RuleCode::R02, Mark::R02, "（一）予以公开"),
        (RuleCode::R04, Mark::R04, "行政复议"),
        (RuleCode::T03, Mark::T03, "8.属于行政查询事项"),
    ] {
        let Some(f) = report.findings.iter().find(|f| f.code == code) else {
            continue;
        };
        // (Only a text the harness tampered with has lost its marks.)
        let Some(cell) = doc.marks.get(&mark).cloned() else {
            continue;
        };
        let covers = f.start <= cell.start && cell.end <= f.end && f.end <= text.len();
        if !covers {
            fail(format!(
                "{code} points at {}..{} {:?}, not at the cell {}..{} {:?}",
                f.start,
                f.end,
                text.get(f.start..f.end),
                cell.start,
                cell.end,
                &text[cell.clone()]
            ));
        } else if text[f.start..f.end].trim_matches(is_space) != &text[cell.clone()] {
            fail(format!(
                "{code} span {:?} is wider than the cell {:?}",
                &text[f.start..f.end],
                &text[cell]
            ));
        }
        if !f.message.contains(must_mention) {
            fail(format!(
                "{code} message {:?} does not name {must_mention}",
                f.message
            ));
        }
        if code != RuleCode::T03 && !f.message.contains("相差 1") {
            fail(format!(
                "{code} message {:?} does not give the difference 1",
                f.message
            ));
        }
    }
    out
}

fn assert_layout(index: usize) {
    let (name, doc) = &layouts()[index];
    let problems = problems(name, doc);
    assert!(
        problems.is_empty(),
        "{}\n--- text of layout {name} ---\n{}",
        problems.join("\n"),
        doc.text
    );
}

#[test]
fn layout_a_tab_led_cell_per_line() {
    assert_layout(0);
}

#[test]
fn layout_b_pipe_terminated_cells() {
    assert_layout(1);
}

#[test]
fn layout_c_tab_separated_rows_with_markdown_headings() {
    assert_layout(2);
}

#[test]
fn layout_d_markdown_pipe_tables() {
    assert_layout(3);
}

#[test]
fn layout_e_space_separated_rows() {
    assert_layout(4);
}

#[test]
fn layout_f_broken_labels_and_full_width_digits() {
    assert_layout(5);
}

#[test]
fn layout_g_crlf_and_enumeration_commas() {
    assert_layout(6);
}

#[test]
fn findings_are_the_same_in_every_layout_apart_from_positions() {
    let all: Vec<(&str, Vec<(RuleCode, String)>)> = layouts()
        .iter()
        .map(|(name, doc)| (*name, finding_set(&nianbao::check(&doc.text))))
        .collect();
    let mut distinct: Vec<&Vec<(RuleCode, String)>> = Vec::new();
    for (_, set) in &all {
        if !distinct.contains(&set) {
            distinct.push(set);
        }
    }
    if distinct.len() > 1 {
        let listing: Vec<String> = all
            .iter()
            .map(|(name, set)| format!("layout {name}:\n    {set:?}"))
            .collect();
        panic!(
            "the layouts give {} different sets of findings:\n{}",
            distinct.len(),
            listing.join("\n")
        );
    }
}

/// The layouts really are different texts, and the renderings put every defect where a cell is.
#[test]
fn the_layouts_are_distinct_and_mark_every_defect() {
    let all = layouts();
    // `NIANBAO_LAYOUT_DIR=/some/dir cargo test --test layouts` writes the six texts there, to try by hand.
    if let Ok(dir) = std::env::var("NIANBAO_LAYOUT_DIR") {
        for (name, doc) in &all {
            let file = format!("{dir}/layout_{}.txt", &name[..1]);
            std::fs::write(file, &doc.text).expect("writable NIANBAO_LAYOUT_DIR");
        }
    }
    for (i, (name, doc)) in all.iter().enumerate() {
        assert_eq!(doc.marks.len(), 3, "layout {name} lost a defect cell");
        assert_eq!(&doc.text[doc.marks[&Mark::T03].clone()], "/");
        for (other, d) in &all[i + 1..] {
            assert_ne!(
                doc.text, d.text,
                "layouts {name} and {other} are the same text"
            );
        }
    }
    // The canonical table obeys every sum rule except the two planted errors.
    let t3 = t3_tokens();
    let n = |r: usize, c: usize| t3[r][c].parse::<i64>().ok();
    for c in 0..7 {
        let (Some(a), Some(b), Some(t), Some(f)) = (
            n(T3_NEW, c),
            n(T3_CARRIED, c),
            n(T3_TOTAL, c),
            n(T3_FORWARD, c),
        ) else {
            panic!("R01 cells of column {c} must be numbers");
        };
        assert_eq!(a + b, t + f, "R01 column {c}");
    }
    for (r, row) in t3.iter().enumerate() {
        if r == T3_GRANTED || r == T3_DENIED_QUERY {
            continue;
        }
        let sum: i64 = row[..6].iter().map(|v| v.parse::<i64>().unwrap()).sum();
        assert_eq!(row[6].parse::<i64>().unwrap(), sum, "R02 row {r}");
    }
    for c in 0..6 {
        let sum: i64 = (T3_GRANTED..T3_TOTAL).filter_map(|r| n(r, c)).sum();
        assert_eq!(n(T3_TOTAL, c), Some(sum), "R03 column {c}");
    }
    assert!(
        t3.iter().flatten().all(|v| v != "0"),
        "all numbers non-zero"
    );
    // Part 六 reports the fee notices that row （六）2 counts (C03), with the same figure (C01).
    assert!(PROSE[5].contains(&format!("收费通知{}件", t3[21][6])));
}

/// The harness itself notices a layout read wrongly: a changed cell, or a lost row.
#[test]
fn the_harness_catches_a_wrong_reading() {
    let doc = layout_c();
    let cell = doc.marks[&Mark::R02].clone();
    let mut changed = Doc {
        text: doc.text.clone(),
        marks: doc.marks.clone(),
    };
    changed.text.replace_range(cell.clone(), "30");
    let found = problems("C, 总计 fixed", &changed);
    assert!(
        found.iter().any(|p| p.contains("t3 differs")) && found.iter().any(|p| p.contains("R02")),
        "{found:?}"
    );
    let row = doc.text.find("2.重复申请").unwrap();
    let line_end = row + doc.text[row..].find('\n').unwrap() + 1;
    let mut lost = doc.text.clone();
    lost.replace_range(row..line_end, "");
    let lost = Doc {
        text: lost,
        marks: BTreeMap::new(),
    };
    let found = problems("C, row lost", &lost);
    assert!(found.iter().any(|p| p.contains("T02")), "{found:?}");
}
