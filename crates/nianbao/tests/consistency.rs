//! Beyond arithmetic (C01–C05, X01–X02): the seeds get only what spec §6 says (C03 on 000 and 002),
//! and seeds changed in one respect — a prose figure, a year, a citation, a township with 规章, last
//! year's report with other numbers — fire exactly the rule for it, at the right place.

mod common;

use common::{line_of, seed, SEEDS};
use nianbao::model::Document;
use nianbao::template::TableId;
use nianbao::{Finding, Report, RuleCode, Span};
use RuleCode::*;

const BEYOND_ARITHMETIC: [RuleCode; 7] = [C01, C02, C03, C04, C05, X01, X02];
const T3_TOTAL: usize = 6;

fn replace(text: &str, span: Span, with: &str) -> String {
    format!("{}{}{}", &text[..span.start], with, &text[span.end..])
}

/// `text` with `from` replaced by `to`, which must be there exactly once.
fn edit(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "「{from}」 occurs once");
    text.replacen(from, to, 1)
}

fn cell_span(doc: &Document, table: TableId, row: &str, column: usize) -> Span {
    let table = doc.table(table).filter(|t| t.found).expect("table found");
    let row = match row {
        "" => &table.rows[0],
        key => table.row(key).expect("row in template"),
    };
    row.cells[column].span
}

/// `text` with table cells set: (table, row key — empty for T4's one row —, column, value).
fn fill(text: &str, cells: &[(TableId, &str, usize, i64)]) -> String {
    let doc = nianbao::check(text).document;
    let mut edits: Vec<(Span, i64)> = cells
        .iter()
        .map(|&(t, row, column, value)| (cell_span(&doc, t, row, column), value))
        .collect();
    edits.sort_by_key(|(span, _)| std::cmp::Reverse(span.start));
    let mut out = text.to_string();
    for (span, value) in edits {
        out = replace(&out, span, &value.to_string());
    }
    out
}

/// T3 filled so that every sum holds: `n` applications from natural persons, received this year and
/// all granted (with `carried` from last year and `forward` to next).
fn applications(n: i64, carried: i64, forward: i64) -> Vec<(TableId, &'static str, usize, i64)> {
    let handled = n + carried - forward;
    let mut cells = Vec::new();
    for (row, value) in [
        ("new", n),
        ("carried", carried),
        ("granted", handled),
        ("total", handled),
        ("forward", forward),
    ] {
        cells.push((TableId::T3, row, 0, value));
        cells.push((TableId::T3, row, T3_TOTAL, value));
    }
    cells
}

fn ours(report: &Report) -> Vec<&Finding> {
    report
        .findings
        .iter()
        .filter(|f| BEYOND_ARITHMETIC.contains(&f.code))
        .collect()
}

/// Every finding of `after` that `before` does not have (by code and message: places move when the
/// text is edited).
fn new_findings<'a>(before: &Report, after: &'a Report) -> Vec<&'a Finding> {
    let mut old: Vec<(RuleCode, &str)> = before
        .findings
        .iter()
        .map(|f| (f.code, f.message.as_str()))
        .collect();
    after
        .findings
        .iter()
        .filter(
            |f| match old.iter().position(|&(c, m)| c == f.code && m == f.message) {
                Some(i) => {
                    old.remove(i);
                    false
                }
                None => true,
            },
        )
        .collect()
}

/// The one finding `after` adds to `before`; it must have `code`.
fn the_new_finding<'a>(before: &Report, after: &'a Report, code: RuleCode) -> &'a Finding {
    let added = new_findings(before, after);
    assert_eq!(
        added.iter().map(|f| f.code).collect::<Vec<_>>(),
        vec![code],
        "{added:#?}"
    );
    assert_eq!(
        after.findings.len(),
        before.findings.len() + 1,
        "nothing else changed"
    );
    added[0]
}

fn at<'t>(text: &'t str, f: &Finding) -> &'t str {
    &text[f.start..f.end]
}

fn at_related<'t>(text: &'t str, r: &nianbao::Label) -> &'t str {
    &text[r.start..r.end]
}

// ---------------------------------------------------------------------------------------------
// The seeds

#[test]
fn the_seeds_get_c03_on_000_and_002_and_nothing_else_of_these_rules() {
    for (id, text) in SEEDS {
        let report = nianbao::check(text);
        let codes: Vec<RuleCode> = ours(&report).iter().map(|f| f.code).collect();
        let expected = match id {
            "000" | "002" => vec![C03],
            _ => vec![],
        };
        assert_eq!(codes, expected, "seed {id}: {:#?}", ours(&report));
        for f in ours(&report) {
            assert_eq!(at(text, f), "六、其他需要报告的事项", "seed {id}");
        }
        // Beside itself (the same year), there is no last year to compare with.
        let beside = nianbao::check_with_previous(text, text);
        assert_eq!(beside.findings, report.findings, "seed {id}");
    }
}

#[test]
fn the_seeds_unrelated_figures_stay_silent_even_with_non_zero_tables() {
    // Tables no longer zero: T3, T4 and T2 hold numbers that no sentence of the seeds states.
    for (id, text) in SEEDS {
        let mut cells = applications(7, 2, 1);
        cells.extend([
            (TableId::T4, "", 0, 3),
            (TableId::T4, "", 4, 3),
            (TableId::T4, "", 5, 2),
            (TableId::T4, "", 9, 2),
        ]);
        let filled = fill(text, &cells);
        let report = nianbao::check(&filled);
        let c01: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.code == C01)
            .map(|f| at(&filled, f))
            .collect();
        // Only 「未收到…申请」 (000, 002) now contradicts the table: 7 applications came in.
        let expected: Vec<&str> = match id {
            "000" => vec!["未收到政府信息公开申请"],
            "002" => vec!["未收到申请"],
            _ => vec![],
        };
        assert_eq!(c01, expected, "seed {id}");
    }
}

// ---------------------------------------------------------------------------------------------
// C01

#[test]
fn c01_a_stated_count_that_differs_from_t3_points_at_the_prose_and_names_the_cell() {
    let filled = fill(seed("000"), &applications(3, 0, 0));
    // The prose agreeing with the table: nothing but the seed's own C03.
    let text = edit(
        &filled,
        "我街道未收到政府信息公开申请",
        "我街道共收到政府信息公开申请3件",
    );
    let before = nianbao::check(&text);
    assert_eq!(
        ours(&before).iter().map(|f| f.code).collect::<Vec<_>>(),
        vec![C03]
    );
    let stated = edit(
        &text,
        "我街道共收到政府信息公开申请3件",
        "我街道共收到政府信息公开申请5件",
    );
    let after = nianbao::check(&stated);
    let f = the_new_finding(&before, &after, C01);
    assert_eq!(at(&stated, f), "收到政府信息公开申请5件");
    assert_eq!(f.line, line_of(&stated, f.start));
    assert_eq!(
        f.message,
        "正文「收到政府信息公开申请5件」为 5，但表三「一、本年新收政府信息公开申请数量」总计为 3，相差 2"
    );
    let new_total = cell_span(&after.document, TableId::T3, "new", T3_TOTAL);
    assert_eq!(f.related().len(), 1);
    assert_eq!(
        (f.related()[0].start, f.related()[0].end),
        (new_total.start, new_total.end)
    );
    assert_eq!(f.related()[0].line, line_of(&stated, new_total.start));
}

#[test]
fn c01_reads_each_declared_figure_against_its_cell() {
    // 4 received, 1 carried over, 3 handled (all granted), 2 carried forward; the prose agrees.
    let agreeing = "我街道收到政府信息公开申请4件";
    let text = edit(
        &fill(seed("000"), &applications(4, 1, 2)),
        "我街道未收到政府信息公开申请",
        agreeing,
    );
    let before = nianbao::check(&text);
    assert!(ours(&before).iter().all(|f| f.code == C03));
    // (sentence put in place of the agreeing one, the phrase reported, the row of T3)
    let cases = [
        ("我街道收到申请五件", "收到申请五件", "new"),
        (
            "我街道上年结转政府信息公开申请3件",
            "上年结转政府信息公开申请3件",
            "carried",
        ),
        ("我街道收到申请4件，已办结4件", "办结4件", "total"),
        ("我街道收到申请4件，按时答复2件", "答复2件", "total"),
        (
            "我街道办理政府信息公开申请9件",
            "办理政府信息公开申请9件",
            "total",
        ),
        (
            "我街道收到申请4件，结转下年度继续办理1件",
            "结转下年度继续办理1件",
            "forward",
        ),
        (
            "我街道收到申请4件，其中予以公开4件",
            "予以公开4件",
            "granted",
        ),
        // A phrase broken over two lines, as PDF viewers do.
        (
            "我街道共收到政府信息公开\n申请6件",
            "收到政府信息公开\n申请6件",
            "new",
        ),
    ];
    for (sentence, phrase, row) in cases {
        let stated = edit(&text, agreeing, sentence);
        let after = nianbao::check(&stated);
        let f = the_new_finding(&before, &after, C01);
        assert_eq!(at(&stated, f), phrase, "{sentence}");
        let cell = cell_span(&after.document, TableId::T3, row, T3_TOTAL);
        assert_eq!(
            f.related()[0].start,
            cell.start,
            "{sentence}: the cell of {row}"
        );
    }
}

#[test]
fn c01_reads_review_litigation_and_t2_figures() {
    // Seed 002 has 行政许可 8 and 行政处罚 50 in T2.
    let text = fill(
        seed("002"),
        &[
            (TableId::T4, "", 0, 1),
            (TableId::T4, "", 4, 1),
            (TableId::T4, "", 8, 1),
            (TableId::T4, "", 9, 1),
        ],
    );
    let before = nianbao::check(&text);
    let anchor = "2021年度街道未收到申请。";
    let cases: [(&str, &str, TableId, &str, usize); 5] = [
        (
            "因政府信息公开被申请行政复议2件。",
            "行政复议2件",
            TableId::T4,
            "",
            4,
        ),
        (
            "因政府信息公开被提起行政诉讼3件。",
            "行政诉讼3件",
            TableId::T4,
            "",
            9,
        ),
        (
            "全年作出行政许可决定9件。",
            "行政许可决定9件",
            TableId::T2,
            "licensing",
            0,
        ),
        (
            "全年作出行政处罚决定49件。",
            "行政处罚决定49件",
            TableId::T2,
            "penalty",
            0,
        ),
        (
            "全年实施行政强制2件。",
            "行政强制2件",
            TableId::T2,
            "enforcement",
            0,
        ),
    ];
    for (sentence, phrase, table, row, column) in cases {
        let stated = edit(&text, anchor, &format!("{anchor}{sentence}"));
        let after = nianbao::check(&stated);
        let f = the_new_finding(&before, &after, C01);
        assert_eq!(at(&stated, f), phrase);
        let cell = cell_span(&after.document, table, row, column);
        assert_eq!(f.related()[0].start, cell.start, "{sentence}");
    }
    // The same figures as the tables: silent.
    for sentence in [
        "因政府信息公开被申请行政复议1件，被提起行政诉讼1件。",
        "全年作出行政许可决定8件、行政处罚决定50件。",
    ] {
        let stated = edit(&text, anchor, &format!("{anchor}{sentence}"));
        assert!(
            new_findings(&before, &nianbao::check(&stated)).is_empty(),
            "{sentence}"
        );
    }
}

#[test]
fn c01_reads_規章_and_normative_documents_in_t2() {
    let text = fill(
        seed("003"),
        &[
            (TableId::T2, "normative", 0, 2),
            (TableId::T2, "normative", 1, 1),
            (TableId::T2, "normative", 2, 6),
        ],
    );
    let before = nianbao::check(&text);
    let anchor = "本年度，本机关未收取信息公开处理费。";
    for (sentence, phrase, column) in [
        ("本年度制发行政规范性文件3件。", "制发行政规范性文件3件", 0),
        ("废止规范性文件2件。", "废止规范性文件2件", 1),
        (
            "现行有效的行政规范性文件5件。",
            "现行有效的行政规范性文件5件",
            2,
        ),
    ] {
        let stated = edit(&text, anchor, &format!("{anchor}{sentence}"));
        let after = nianbao::check(&stated);
        let f = the_new_finding(&before, &after, C01);
        assert_eq!(at(&stated, f), phrase);
        let cell = cell_span(&after.document, TableId::T2, "normative", column);
        assert_eq!(f.related()[0].start, cell.start, "{sentence}");
    }
    let agreeing = edit(
        &text,
        anchor,
        &format!("{anchor}本年度制发行政规范性文件2件，废止1件，现行有效的行政规范性文件6件。"),
    );
    assert!(new_findings(&before, &nianbao::check(&agreeing)).is_empty());
}

#[test]
fn c01_says_未收到申请_contradicts_a_non_zero_first_row() {
    let text = fill(seed("002"), &applications(2, 0, 0));
    let report = nianbao::check(&text);
    let c01: Vec<_> = report.findings.iter().filter(|f| f.code == C01).collect();
    assert_eq!(c01.len(), 1);
    assert_eq!(at(&text, c01[0]), "未收到申请");
    assert_eq!(
        c01[0].message,
        "正文称「未收到申请」，即 0 件，但表三「一、本年新收政府信息公开申请数量」总计为 2"
    );
    // The rest is what the seed has: S06 and C03.
    let others: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.code != C01)
        .map(|f| f.code)
        .collect();
    assert_eq!(others, vec![S06, C03]);
}

#[test]
fn c01_stays_silent_on_figures_about_other_things() {
    let text = fill(seed("000"), &applications(3, 0, 0));
    let text = edit(
        &text,
        "我街道未收到政府信息公开申请",
        "我街道收到政府信息公开申请3件",
    );
    let before = nianbao::check(&text);
    for sentence in [
        "通过微信公众号推送政务信息文章共计34条。",
        "已及时处置反馈群众信访投诉件12345平台690件、省平台87件。",
        "阅读量约为180170人次，关注人数1867人。",
        "办理人大建议5件，收到群众来信20件。",
        "受理市民热线诉求50件，全部按时答复50件。",
        "建立规章制度5项，梳理行政许可事项52项，公开行政处罚信息50条。",
        "答复群众咨询120次，办结率100%。",
        "全年办理行政复议案件12件。",
        "收到政府信息公开申请5件（含补正后重新提交的2件）。",
        "上年收到政府信息公开申请9件。",
        "不予处理2件。",
        "未收到投诉、咨询和建议。",
        "2022年收到政府信息公开申请的答复期限顺延至下年度1次。",
    ] {
        let stated = edit(
            &text,
            "没有收到被投诉、提起行政复议、诉讼等情况。",
            &format!("没有收到被投诉、提起行政复议、诉讼等情况。{sentence}"),
        );
        let after = nianbao::check(&stated);
        let added = new_findings(&before, &after);
        assert!(added.is_empty(), "{sentence}: {added:#?}");
    }
}

#[test]
fn c01_leaves_a_table_that_breaks_its_own_sum_to_the_sum_rules() {
    // 「未收到申请」 and a first row whose 总计 (1) is not the sum of its columns (0): R02's finding.
    let text = seed("000");
    let doc = nianbao::check(text).document;
    let total = cell_span(&doc, TableId::T3, "new", T3_TOTAL);
    let report = nianbao::check(&replace(text, total, "1"));
    assert!(report.findings.iter().any(|f| f.code == R02));
    assert!(report.findings.iter().all(|f| f.code != C01));
}

// ---------------------------------------------------------------------------------------------
// C02

#[test]
fn c02_a_year_changed_in_the_statistical_period() {
    let text = seed("000");
    let before = nianbao::check(text);
    let changed = edit(text, "统计期限自2021年1月1日", "统计期限自2022年1月1日");
    let after = nianbao::check(&changed);
    let f = the_new_finding(&before, &after, C02);
    assert_eq!(at(&changed, f), "2022年");
    assert_eq!(f.line, 5);
    assert_eq!(
        f.message,
        "统计期限写的是 2022 年，但标题为 2021 年度，年度不一致"
    );
    let title = after.document.title.as_ref().unwrap();
    assert_eq!(f.related()[0].start, title.span.start);
}

#[test]
fn c02_a_sentence_about_last_years_work_in_this_years_report() {
    let text = seed("003");
    let before = nianbao::check(text);
    let changed = edit(text, "2023 年，南关街道", "2022 年，南关街道");
    let after = nianbao::check(&changed);
    let f = the_new_finding(&before, &after, C02);
    assert_eq!(at(&changed, f), "2022 年");
    assert_eq!(f.line, 7);
    assert!(f.message.contains("2022 年") && f.message.contains("标题为 2023 年度"));

    // Plans for next year are not a slip; dates and 「以来」 are not the report year.
    for sentence in [
        "2024年，我街道将进一步加强政务公开工作。",
        "2022年以来，我街道持续推进政务公开。",
        "2023年12月，我街道召开政务公开推进会。",
    ] {
        let added = edit(
            text,
            "4、强化工作创新，优化公开质量。",
            &format!("4、强化工作创新，优化公开质量。{sentence}"),
        );
        assert!(
            new_findings(&before, &nianbao::check(&added)).is_empty(),
            "{sentence}"
        );
    }
}

#[test]
fn c02_without_a_title_the_period_is_the_reference() {
    // Seed 002 has no title; its period says 2021, and so does its prose.
    let text = seed("002");
    let before = nianbao::check(text);
    let changed = edit(text, "2021年,街道深入贯彻", "2020年,街道深入贯彻");
    let after = nianbao::check(&changed);
    let f = the_new_finding(&before, &after, C02);
    assert_eq!(at(&changed, f), "2020年");
    assert!(f.message.contains("统计期限为 2021 年"), "{}", f.message);
}

// ---------------------------------------------------------------------------------------------
// C03

#[test]
fn c03_fee_notices_in_t3_but_none_reported_in_part_six() {
    // Seed 001 says 「本机关未收取信息处理费」: enough, until T3 shows a fee notice went unpaid.
    let text = seed("001");
    let cells = [
        (TableId::T3, "new", 0, 1),
        (TableId::T3, "new", T3_TOTAL, 1),
        (TableId::T3, "other_unpaid", 0, 1),
        (TableId::T3, "other_unpaid", T3_TOTAL, 1),
        (TableId::T3, "total", 0, 1),
        (TableId::T3, "total", T3_TOTAL, 1),
    ];
    let filled = fill(text, &cells);
    let before = nianbao::check(text);
    let after = nianbao::check(&filled);
    let f = the_new_finding(&before, &after, C03);
    let unpaid = cell_span(&after.document, TableId::T3, "other_unpaid", T3_TOTAL);
    assert_eq!((f.start, f.end), (unpaid.start, unpaid.end));
    assert!(f.message.contains("总计为 1"), "{}", f.message);
    assert_eq!(
        at_related(&filled, f.related()[0]),
        "6、 其他需要报告的事项"
    );

    // Part 六 reporting the notice: silent.
    let reported = edit(
        &filled,
        "截至目前，本机关未收取信息处理费。",
        "本年度发出收费通知1件，申请人逾期未缴纳，本机关未收取信息处理费。",
    );
    assert!(ours(&nianbao::check(&reported)).is_empty());

    // Part 六 saying nothing of fees, and no notice in T3: the plain finding at the heading.
    let silent = edit(text, "截至目前，本机关未收取信息处理费。", "无。");
    let f = ours(&nianbao::check(&silent))
        .into_iter()
        .find(|f| f.code == C03)
        .cloned()
        .expect("C03");
    assert_eq!(at(&silent, &f), "6、 其他需要报告的事项");
    assert!(f.message.contains("「无。」"), "{}", f.message);
}

#[test]
fn c03_t2_administrative_fees_are_not_the_processing_fee() {
    let text = edit(
        seed("001"),
        "截至目前，本机关未收取信息处理费。",
        "本年度行政事业性收费为0。",
    );
    let report = nianbao::check(&text);
    assert_eq!(
        ours(&report).iter().map(|f| f.code).collect::<Vec<_>>(),
        vec![C03]
    );
}

// ---------------------------------------------------------------------------------------------
// C04

#[test]
fn c04_a_street_office_with_规章() {
    let text = seed("000");
    let before = nianbao::check(text);
    let changed = fill(
        text,
        &[(TableId::T2, "rules", 0, 1), (TableId::T2, "rules", 2, 1)],
    );
    let after = nianbao::check(&changed);
    let f = the_new_finding(&before, &after, C04);
    let issued = cell_span(&after.document, TableId::T2, "rules", 0);
    assert_eq!((f.start, f.end), (issued.start, issued.end));
    assert_eq!(f.severity, nianbao::Severity::Info);
    assert!(
        f.message.contains("「城中街道办」）是街道机关"),
        "{}",
        f.message
    );
    let title = after.document.title.as_ref().unwrap();
    assert_eq!(f.related()[0].start, title.span.start);
}

#[test]
fn c04_names_the_body_from_the_contact_sentence_not_the_address() {
    // Seed 002 has no title; it asks readers to contact 「鲤城区开元街道办事处」 at 「县后街77号」.
    let text = seed("002");
    let before = nianbao::check(text);
    let changed = fill(text, &[(TableId::T2, "rules", 2, 3)]);
    let after = nianbao::check(&changed);
    let f = the_new_finding(&before, &after, C04);
    assert!(
        f.message.contains("「鲤城区开元街道办事处」）是街道机关"),
        "{}",
        f.message
    );
    assert_eq!(at_related(&changed, f.related()[0]), "鲤城区开元街道办事处");

    // 「县后街77号」 in the address does not make it a county.
    assert!(!f.message.contains("县级"), "{}", f.message);
}

#[test]
fn c04_is_silent_for_a_city_government_and_fires_for_a_county_or_township() {
    let text = "某某市人民政府2023年政府信息公开工作年度报告\n请与某某市人民政府办公室联系（地址：某县后街1号）。\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t2\t0\t2\n行政规范性文件\t0\t0\t0\n";
    assert!(nianbao::check(text).findings.iter().all(|f| f.code != C04));
    let county = text.replace("某某市人民政府", "某某县人民政府");
    assert!(nianbao::check(&county)
        .findings
        .iter()
        .any(|f| f.code == C04));
}

// ---------------------------------------------------------------------------------------------
// C05

#[test]
fn c05_the_2019_trial_format_cited_in_a_2023_report() {
    let text = seed("003");
    let before = nianbao::check(text);
    let anchor = "本年度，本机关未收取信息公开处理费。";
    let cited = edit(
        text,
        anchor,
        &format!("{anchor}本报告按照国办公开办函〔2019〕60号的要求编制。"),
    );
    let after = nianbao::check(&cited);
    let f = the_new_finding(&before, &after, C05);
    assert_eq!(at(&cited, f), "国办公开办函〔2019〕60号");
    assert!(f.message.contains("2023 年度"));

    // In the 2020 report it is the right basis.
    let old = seed("004");
    let cited_2020 = edit(
        old,
        "现将柳影街道2020年度政务信息公开情况报告如下：",
        "根据国办公开办函〔2019〕60号，现将柳影街道2020年度政务信息公开情况报告如下：",
    );
    assert!(new_findings(&nianbao::check(old), &nianbao::check(&cited_2020)).is_empty());
}

// ---------------------------------------------------------------------------------------------
// X01, X02

/// Seed 000 as next year's report: the same text, one year on.
fn next_year(text: &str) -> String {
    text.replace("2021年", "2022年")
}

/// `this` checked beside `last`, whose prose it copies: X03 (内容雷同) says so, and is set aside for
/// the X01/X02 comparisons below.
fn beside_its_copy(this: &str, last: &str) -> Report {
    let mut report = nianbao::check_with_previous(this, last);
    assert!(report.codes().contains(&X03), "{:?}", report.codes());
    report.findings.retain(|f| f.code != X03);
    report
}

#[test]
fn x01_last_years_carry_forward_differs_from_this_years_carried() {
    let this = next_year(seed("000"));
    // Last year (the seed itself): one application from a natural person carried forward.
    let last = fill(seed("000"), &applications(1, 0, 1));
    let alone = nianbao::check(&this);
    let beside = beside_its_copy(&this, &last);
    let added = new_findings(&alone, &beside);
    assert_eq!(
        added.iter().map(|f| f.code).collect::<Vec<_>>(),
        vec![X01, X01]
    );
    assert_eq!(beside.findings.len(), alone.findings.len() + 2);
    let last_doc = nianbao::check(&last).document;
    for (f, column) in added.iter().zip([0, T3_TOTAL]) {
        let carried = cell_span(&beside.document, TableId::T3, "carried", column);
        assert_eq!((f.start, f.end), (carried.start, carried.end));
        let forward = cell_span(&last_doc, TableId::T3, "forward", column);
        let line = line_of(&last, forward.start);
        // The place in last year's text, for showing the finding there too.
        let there = f.in_last_year().expect("points into last year's report");
        assert_eq!(
            (there.start, there.end, there.line),
            (forward.start, forward.end, line)
        );
        assert!(
            f.message.contains(&format!("上年年报第 {line} 行")),
            "{}",
            f.message
        );
        assert_eq!(f.severity, nianbao::Severity::Error);
    }
    assert_eq!(
        added[0].message,
        format!(
            "自然人列：本年「二、上年结转政府信息公开申请数量」为 0，但上年年报「四、结转下年度继续办理」为 1（上年年报第 {} 行），相差 1",
            line_of(&last, cell_span(&last_doc, TableId::T3, "forward", 0).start)
        )
    );

    // This year carrying over what last year carried forward: silent.
    let carried = fill(&this, &applications(0, 1, 0));
    let alone = nianbao::check(&carried);
    let beside = beside_its_copy(&carried, &last);
    assert_eq!(beside.findings, alone.findings);

    // A "last year" that is the same year is not last year: no comparison.
    let same_year = nianbao::check_with_previous(seed("000"), &last);
    assert_eq!(same_year.findings, nianbao::check(seed("000")).findings);
}

#[test]
fn x02_documents_in_force_do_not_follow_from_last_year() {
    let this = fill(
        &next_year(seed("000")),
        &[
            (TableId::T2, "normative", 0, 2),
            (TableId::T2, "normative", 1, 0),
            (TableId::T2, "normative", 2, 2),
        ],
    );
    let last = fill(seed("000"), &[(TableId::T2, "normative", 2, 1)]);
    let alone = nianbao::check(&this);
    let beside = beside_its_copy(&this, &last);
    let f = the_new_finding(&alone, &beside, X02);
    let in_force = cell_span(&beside.document, TableId::T2, "normative", 2);
    assert_eq!((f.start, f.end), (in_force.start, in_force.end));
    let last_cell = cell_span(&nianbao::check(&last).document, TableId::T2, "normative", 2);
    assert_eq!(
        f.message,
        format!(
            "「行政规范性文件」现行有效件数为 2，但上年年报现行有效 1（上年年报第 {} 行）+ 本年制发 2 − 本年废止 0 = 3，相差 1",
            line_of(&last, last_cell.start)
        )
    );
    assert_eq!(f.severity, nianbao::Severity::Info);

    // Last year with none in force: 0 + 2 − 0 = 2, silent.
    let beside = beside_its_copy(&this, seed("000"));
    assert_eq!(beside.findings, alone.findings);
}

#[test]
fn long_text_without_sentence_stops_is_read_in_linear_time() {
    // Noise a paste can produce: phrases these rules read, repeated with no 。 between them.
    let unit = "收到政府信息公开申请1件统计期限2021年1月1日2022年我街道请与某街道办事处联系国办公开办函〔2019〕60号";
    let text = format!(
        "某街道2021年政府信息公开工作年度报告\n一、总体情况\n{}",
        unit.repeat(4000)
    );
    let started = std::time::Instant::now();
    let report = nianbao::check(&text);
    assert!(report.findings.iter().any(|f| f.code == C05));
    // Quadratic look-arounds would take minutes here; linear ones well under a second in release.
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
}
