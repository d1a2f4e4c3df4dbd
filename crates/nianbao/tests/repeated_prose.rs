//! X03 内容雷同: how much of this year's prose repeats last year's, where, and when it is said.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{next_year_with_new_figures, seed, SEEDS};
use nianbao::compare::{self, RepeatedProse};
use nianbao::parse::parse;
use nianbao::summary::FileSummary;
use nianbao::{Finding, Report, RuleCode, Span};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------------
// Material
// ---------------------------------------------------------------------------------------------------

/// `text` with every 「{from}年」 (or 「{from} 年」) made 「{to}年」.
fn with_year(text: &str, from: u32, to: u32) -> String {
    text.replace(&format!("{from} 年"), &format!("{to}年"))
        .replace(&format!("{from}年"), &format!("{to}年"))
}

fn year_of(text: &str) -> u32 {
    nianbao::check(text).document.year.expect("a year")
}

/// `n` distinct ideographs from `first` on: none is a numeral, so each is one unit of its own.
fn ideographs(first: u32, n: u32) -> String {
    (first..first + n)
        .map(|c| char::from_u32(c).expect("an ideograph"))
        .collect()
}

fn x03(report: &Report) -> Vec<&Finding> {
    report
        .findings
        .iter()
        .filter(|f| f.code == RuleCode::X03)
        .collect()
}

/// The finding on the whole report's prose, and the one on part 五.
fn split_x03(report: &Report) -> (Vec<&Finding>, Vec<&Finding>) {
    x03(report)
        .into_iter()
        .partition(|f| f.message.starts_with("本年报告正文"))
}

fn repeated(report: &Report) -> &RepeatedProse {
    report.repeated.as_ref().expect("compared with last year")
}

/// Every place a comparison gives lies inside its own text, on character boundaries, in order.
fn assert_places(this: &str, last: &str, r: &RepeatedProse) {
    for (text, spans) in [(this, &r.this_year), (last, &r.last_year)] {
        for s in spans.iter() {
            assert!(s.start < s.end && s.end <= text.len(), "{s:?}");
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        assert!(
            spans.windows(2).all(|w| w[0].end <= w[1].start),
            "{spans:?}"
        );
    }
    assert_eq!(r.counterparts.len(), r.this_year.len());
    assert!(r
        .counterparts
        .iter()
        .flatten()
        .all(|&i| i < r.last_year.len()));
    assert!(r.share.repeated <= r.share.units && r.share.percent <= 100);
}

// ---------------------------------------------------------------------------------------------------
// The seeds
// ---------------------------------------------------------------------------------------------------

#[test]
fn a_seed_one_year_on_with_every_figure_changed_repeats_nearly_all_of_it() {
    for (id, last) in SEEDS {
        let this = next_year_with_new_figures(last);
        let report = nianbao::check_with_previous(&this, last);
        let r = repeated(&report);
        eprintln!("seed {id} one year on: {:?}", r.share);
        assert!(r.share.percent >= 95, "seed {id}: {:?}", r.share);
        assert!(r.share.units > 500, "seed {id}: {:?}", r.share);
        assert_places(&this, last, r);

        let (whole, problems) = split_x03(&report);
        assert_eq!(whole.len(), 1, "seed {id}");
        let f = whole[0];
        assert_eq!(f.severity, nianbao::Severity::Warning);
        assert!(
            f.message.starts_with(&format!(
                "本年报告正文约 {}% 与上年报告相同或仅改动年份、数字",
                r.share.percent
            )),
            "{}",
            f.message
        );
        // It points at the longest repeated passage, and at the passage of last year's it repeats.
        let (longest, there) = r.longest().expect("a repeated passage");
        assert_eq!(f.span(), longest);
        let label = f.in_last_year().expect("last year's passage");
        assert_eq!(Some(label.span()), there);
        assert_eq!(label.line, common::line_of(last, label.start));
        // Part 五 is copied too.
        assert_eq!(problems.len(), 1, "seed {id}");
        assert_eq!(problems[0].part, Some(5));
    }
}

#[test]
fn two_different_seeds_read_low_and_stay_silent() {
    for (a, this) in SEEDS {
        for (b, other) in SEEDS.iter().filter(|(b, _)| b != &a) {
            // Last year's report of another body, made last year's by its years.
            let last = match (
                nianbao::check(this).document.year,
                nianbao::check(other).document.year,
            ) {
                (Some(now), Some(then)) => with_year(other, then, now - 1),
                _ => other.to_string(),
            };
            let report = nianbao::check_with_previous(this, &last);
            let r = repeated(&report);
            eprintln!("seed {a} beside seed {b}: {:?}", r.share);
            assert!(r.share.percent < 10, "{a} beside {b}: {:?}", r.share);
            assert!(x03(&report).is_empty(), "{a} beside {b}");
            assert_places(this, &last, r);
        }
    }
}

#[test]
fn the_same_body_two_years_apart_in_the_corpus_reads_as_rewritten() {
    // 平潭综合实验区's reports for 2023 and 2021 (real, published): rewritten, with stock phrases.
    let read = |name: &str| {
        std::fs::read_to_string(format!(
            "{}/tests/fixtures/corpus/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("a corpus text")
    };
    let this = read("pingtan-district-2023.txt");
    let last = with_year(&read("pingtan-district-2021.txt"), 2021, 2022);
    let report = nianbao::check_with_previous(&this, &last);
    let r = repeated(&report);
    eprintln!("平潭 2023 beside 2021: {:?}", r.share);
    assert!((10..50).contains(&r.share.percent), "{:?}", r.share);
    assert!(x03(&report).is_empty());
}

#[test]
fn part_five_copied_alone_is_called_out_alone() {
    let this = seed("000");
    let year = year_of(this);
    let doc = nianbao::check(this).document;
    let problems = doc.part(5).body;
    // Last year's report: another body's (seed 004), whose part 五 is this one's with last year's
    // years.
    let other = with_year(seed("004"), year_of(seed("004")), year - 1);
    let other_problems = nianbao::check(&other).document.part(5).body;
    let copied = with_year(&this[problems.start..problems.end], year, year - 1);
    let last = format!(
        "{}{}{}",
        &other[..other_problems.start],
        copied,
        &other[other_problems.end..]
    );

    let report = nianbao::check_with_previous(this, &last);
    let r = repeated(&report);
    eprintln!(
        "seed 000 beside 004 with 000's part 五: {:?} {:?}",
        r.share, r.problems
    );
    assert!(r.share.percent < 50, "{:?}", r.share);
    let part_five = r.problems.expect("part 五 has prose");
    assert!(part_five.percent >= 95, "{part_five:?}");
    let (whole, called_out) = split_x03(&report);
    assert!(whole.is_empty());
    assert_eq!(called_out.len(), 1);
    let f = called_out[0];
    assert_eq!(
        f.message,
        format!(
            "「五、存在的主要问题及改进情况」约 {}% 与上年报告相同或仅改动年份、数字，几乎照搬上年",
            part_five.percent
        )
    );
    // On part 五's body, without the blank lines around it; labels in last year's part 五.
    assert_eq!(
        &this[f.start..f.end],
        this[problems.start..problems.end].trim()
    );
    assert_eq!(f.part, Some(5));
    let copied_at = nianbao::check(&last).document.part(5).body;
    let labels: Vec<_> = f.labels_in(nianbao::Source::LastYear).collect();
    assert!(!labels.is_empty());
    assert!(
        labels.iter().all(|l| copied_at.contains(l.span())),
        "{labels:?}"
    );
}

#[test]
fn a_report_sharing_only_its_tables_and_headings_with_last_years_does_not_fire() {
    // Last year: seed 000. This year: the same headings, sub-headings and tables, one year on,
    // with every sentence of its prose replaced by one of seed 003's.
    let last = seed("000");
    let year = year_of(last);
    let sentences: Vec<&str> = seed("003")
        .lines()
        .filter(|l| l.contains('。') && !l.contains('\t') && !l.contains('|'))
        .collect();
    assert!(sentences.len() >= 5);
    let doc = nianbao::check(last).document;
    let prose_parts: Vec<Span> = [1, 5, 6].iter().map(|&n| doc.part(n).body).collect();
    let mut this = String::new();
    let mut offset = 0;
    let mut next = sentences.iter().cycle();
    for line in last.split_inclusive('\n') {
        let in_prose = prose_parts
            .iter()
            .any(|p| p.start <= offset && offset < p.end);
        offset += line.len();
        if in_prose && line.contains('。') {
            this.push_str(next.next().expect("cycled"));
            this.push('\n');
        } else {
            this.push_str(&with_year(line, year, year + 1));
        }
    }
    // What is left of last year's: the title, every heading and sub-heading, every table.
    let kept = nianbao::check(&this).document;
    assert!(kept.parts.iter().all(|p| p.found));
    assert_eq!(
        nianbao::check(&this).document.tables.len(),
        doc.tables.len()
    );
    let report = nianbao::check_with_previous(&this, last);
    let r = repeated(&report);
    eprintln!(
        "seed 000's tables and headings with 003's prose: {:?}",
        r.share
    );
    assert!(r.share.percent < 10, "{:?}", r.share);
    assert!(x03(&report).is_empty());
    // No repeated passage reaches into a table or a heading.
    for table in &kept.tables {
        let region = table.region;
        assert!(
            r.this_year
                .iter()
                .all(|s| s.end <= region.start || s.start >= region.end || !table.found),
            "{:?} in table {:?}",
            r.this_year,
            table.id
        );
    }
}

// ---------------------------------------------------------------------------------------------------
// Thresholds and shading, on reports built to the character
// ---------------------------------------------------------------------------------------------------

/// A report for `year` whose part 一 is `general` and part 五 is `problems`.
fn report(year: u32, general: &str, problems: &str) -> String {
    format!(
        "某街道{year}年政府信息公开工作年度报告\n一、总体情况\n{general}。\n五、存在的主要问题及改进情况\n{problems}。\n"
    )
}

/// Part 一 of `copied + new` units of which `copied` are last year's, and a part 五 of 100 units of
/// which `problems_copied` are last year's.
fn pair(copied: u32, new: u32, problems_copied: u32) -> (String, String) {
    let kept = ideographs(0x5000, copied);
    let kept_problems = ideographs(0x5100, problems_copied);
    let this = report(
        2022,
        &format!("{kept}。{}", ideographs(0x5200, new)),
        &format!(
            "{kept_problems}。{}",
            ideographs(0x5300, 100 - problems_copied)
        ),
    );
    let last = report(
        2021,
        &format!("{kept}。{}", ideographs(0x5400, 60)),
        &format!("{kept_problems}。{}", ideographs(0x5500, 60)),
    );
    (this, last)
}

#[test]
fn more_than_half_repeated_fires_and_half_does_not() {
    // Part 五 is new: only the whole report's share is at stake. 151 of 300 units repeated: 50.3 %.
    let (this, last) = pair(151, 49, 0);
    let report = nianbao::check_with_previous(&this, &last);
    assert_eq!(repeated(&report).share.repeated, 151);
    assert_eq!(repeated(&report).share.units, 300);
    let (whole, problems) = split_x03(&report);
    assert!(
        whole.is_empty() && problems.is_empty(),
        "50 % is not above half"
    );

    let (this, last) = pair(155, 45, 0);
    let report = nianbao::check_with_previous(&this, &last);
    assert_eq!(repeated(&report).share.percent, 51);
    let (whole, problems) = split_x03(&report);
    assert_eq!(whole.len(), 1);
    assert!(problems.is_empty());
    assert_eq!(
        whole[0].message,
        "本年报告正文约 51% 与上年报告相同或仅改动年份、数字（正文约 300 字，其中约 155 字与上年相同），评议中可能被认定为与往年雷同"
    );
}

#[test]
fn part_five_from_eighty_percent_on_is_called_out() {
    let (this, last) = pair(10, 190, 80);
    let report = nianbao::check_with_previous(&this, &last);
    let r = repeated(&report);
    assert_eq!(r.problems.map(|p| p.percent), Some(80));
    assert!(r.share.percent <= 50);
    let (whole, problems) = split_x03(&report);
    assert!(whole.is_empty());
    assert_eq!(problems.len(), 1);

    let (this, last) = pair(10, 190, 79);
    let report = nianbao::check_with_previous(&this, &last);
    assert_eq!(repeated(&report).problems.map(|p| p.percent), Some(79));
    assert!(x03(&report).is_empty());
}

#[test]
fn the_shading_covers_exactly_the_repeated_sentences() {
    let a1 = ideographs(0x5000, 24);
    let a2 = ideographs(0x5100, 30);
    let b1 = ideographs(0x5200, 20);
    let b2 = ideographs(0x5300, 26);
    let c1 = ideographs(0x5400, 22);
    // A sentence with its figures and year changed is repeated too.
    let this = report(2022, &format!("{a1}。{b1}。{a2}2022年共58件"), &b2);
    let last = report(2021, &format!("{c1}。{a1}。{c1}。{a2}2021年共43件"), &c1);
    let report = nianbao::check_with_previous(&this, &last);
    let r = repeated(&report);
    let shaded = |text: &str, spans: &[Span]| -> Vec<String> {
        spans
            .iter()
            .map(|s| text[s.start..s.end].to_string())
            .collect()
    };
    assert_eq!(
        shaded(&this, &r.this_year),
        [a1.clone(), format!("{a2}2022年共58件")]
    );
    assert_eq!(
        shaded(&last, &r.last_year),
        [a1.clone(), format!("{a2}2021年共43件")]
    );
    assert_eq!(r.counterparts, [Some(0), Some(1)]);
    assert_eq!(r.share.repeated, 24 + 30 + 5);
}

#[test]
fn the_same_text_given_twice_or_a_report_of_another_year_is_not_compared() {
    // Seed 001's title has no year: only the identical text tells it is not last year's.
    let text = seed("001");
    let report = nianbao::check_with_previous(text, text);
    assert!(report.repeated.is_none());
    assert!(x03(&report).is_empty());
    // Two years apart.
    let (this, last) = pair(200, 0, 100);
    let two_years = last.replace("2021年", "2020年");
    let report = nianbao::check_with_previous(&this, &two_years);
    assert!(report.repeated.is_none());
    assert!(x03(&report).is_empty());
}

// ---------------------------------------------------------------------------------------------------
// The output
// ---------------------------------------------------------------------------------------------------

#[test]
fn the_share_and_passages_are_in_the_json_beside_last_year_only() {
    let last = seed("004");
    let this = next_year_with_new_figures(last);
    // What `nianbao check --previous LAST THIS` prints, built as the CLI builds it.
    let beside = FileSummary::new("this.txt", &nianbao::check_with_previous(&this, last));
    let json = serde_json::to_value(&beside).expect("serialisable");
    assert!(json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .any(|f| f["code"] == "X03" && f["previous"]["label"] == "上年报告中的同一段"));
    let repeated = &json["repeated"];
    assert!(repeated["share"]["percent"].as_u64().expect("a percent") >= 95);
    assert!(repeated["problems"]["percent"].as_u64().is_some());
    for (side, text) in [("this_year", this.as_str()), ("last_year", last)] {
        let spans = repeated[side].as_array().expect("passages");
        assert!(!spans.is_empty());
        for s in spans {
            let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            assert!(text.get(start as usize..end as usize).is_some());
        }
    }
    assert!(repeated.get("steps").is_none() && repeated.get("counterparts").is_none());

    // Alone, the report serialises as it always has: no `repeated` key.
    let alone = serde_json::to_value(FileSummary::new("this.txt", &nianbao::check(&this)))
        .expect("serialisable");
    assert!(alone.get("repeated").is_none());
    assert!(serde_json::to_string(&nianbao::check(&this))
        .expect("serialisable")
        .find("\"repeated\"")
        .is_none());
}

// ---------------------------------------------------------------------------------------------------
// Cost and robustness
// ---------------------------------------------------------------------------------------------------

/// The comparison's work per byte of input, for a pair of texts built from `unit` repeated `times`.
fn steps_per_byte(this_unit: &str, last_unit: &str, times: usize) -> (usize, f64) {
    let this = this_unit.repeat(times);
    let last = last_unit.repeat(times);
    let r = compare::repeated(&parse(&this), &parse(&last));
    let steps = r.steps.0;
    (steps, steps as f64 / (this.len() + last.len()) as f64)
}

#[test]
fn the_work_grows_linearly_with_the_length() {
    let prose = |id| -> String {
        seed(id)
            .lines()
            .filter(|l| l.contains('。'))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let this = next_year_with_new_figures(&prose("000"));
    let cases = [
        ("a seed's prose beside itself", this, prose("000")),
        ("two seeds' prose", prose("002"), prose("003")),
        // Worst cases for a quadratic method: one character, one short sentence, over and over.
        ("one character", "政".to_string(), "政".to_string()),
        (
            "one sentence",
            "公开信息。".to_string(),
            "公开信息。".to_string(),
        ),
        (
            "no stops",
            "依申请公开政府信息".to_string(),
            "主动公开政府信息".to_string(),
        ),
    ];
    for (what, a, b) in cases {
        let unit = a.len().max(b.len());
        let times = |bytes: usize| (bytes / unit).max(1);
        let (small, per_small) = steps_per_byte(&a, &b, times(10_000));
        let (large, per_large) = steps_per_byte(&a, &b, times(160_000));
        eprintln!(
            "{what}: {small} steps ({per_small:.2}/byte), 16× longer {large} ({per_large:.2}/byte)"
        );
        assert!(large > small, "{what}");
        // Each unit of text (at least 3 bytes in Chinese, 1 for ASCII) costs at most a shingle's
        // hashing twice and a few steps more.
        assert!(per_large <= 30.0, "{what}: {per_large}");
        assert!(
            per_large <= per_small * 1.1 + 0.5,
            "{what}: {per_small} → {per_large}"
        );
    }
}

#[test]
fn two_reports_of_100_kb_are_compared_quickly() {
    let last = seed("000").repeat(100_000 / seed("000").len() + 1);
    let this = next_year_with_new_figures(&last);
    let started = std::time::Instant::now();
    let (this_parsed, last_parsed) = (parse(&this), parse(&last));
    let parsed = started.elapsed();
    let r = compare::repeated(&this_parsed, &last_parsed);
    let compared = started.elapsed() - parsed;
    eprintln!(
        "two reports of {} and {} bytes: parsed in {parsed:?}, compared in {compared:?} ({} steps, {:?})",
        this.len(),
        last.len(),
        r.steps.0,
        r.share
    );
    assert!(r.share.percent >= 95);
}

fn fragments() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("一、总体情况\n".to_string()),
            Just("五、存在的主要问题及改进情况\n".to_string()),
            Just("六、其他需要报告的事项\n".to_string()),
            Just("某街道2022年政府信息公开工作年度报告\n".to_string()),
            Just("2021年，我街道主动公开信息43条。".to_string()),
            Just("二〇二二年共收到申请三十二件；".to_string()),
            Just("\t0\n".to_string()),
            Just("（一）主动公开\n".to_string()),
            "[\\PC\n。，、\t|#]{0,12}",
        ],
        0..40,
    );
    pieces.prop_map(|p| p.concat())
}

fn seed_piece() -> impl Strategy<Value = String> {
    (0..SEEDS.len(), any::<prop::sample::Index>(), 0usize..3000).prop_map(|(i, at, len)| {
        let text = SEEDS[i].1;
        let start = at.index(text.len());
        let mut start = start;
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + len).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text[start..end].to_string()
    })
}

fn assert_comparison_ok(this: &str, last: &str) -> Result<(), TestCaseError> {
    let r = compare::repeated(&parse(this), &parse(last));
    for (text, spans) in [(this, &r.this_year), (last, &r.last_year)] {
        for s in spans.iter() {
            prop_assert!(
                s.start < s.end && text.get(s.start..s.end).is_some(),
                "{:?}",
                s
            );
        }
        prop_assert!(spans.windows(2).all(|w| w[0].end <= w[1].start));
    }
    prop_assert!(r.share.repeated <= r.share.units && r.share.percent <= 100);
    let report = nianbao::check_with_previous(this, last);
    for f in x03(&report) {
        prop_assert!(this.get(f.start..f.end).is_some());
        for l in f.labels_in(nianbao::Source::LastYear) {
            prop_assert!(last.get(l.start..l.end).is_some());
        }
    }
    prop_assert!(serde_json::to_string(&FileSummary::new("p", &report)).is_ok());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_pairs(this in any::<String>(), last in any::<String>()) {
        assert_comparison_ok(&this, &last)?;
    }

    #[test]
    fn never_panics_on_report_like_pairs(this in fragments(), last in fragments()) {
        assert_comparison_ok(&this, &last)?;
    }

    #[test]
    fn never_panics_on_seed_pieces(this in seed_piece(), last in seed_piece(), year in any::<bool>()) {
        let this = if year { next_year_with_new_figures(&this) } else { this };
        assert_comparison_ok(&this, &last)?;
    }
}

// ---------------------------------------------------------------------------------------------------
// 雷同 between bodies
// ---------------------------------------------------------------------------------------------------

use nianbao::compare::bodies::{most_similar, Fingerprint, Similar};

/// The part of each seed's body name that differs between bodies (seed 002 has no title).
const NAME_CORES: [&str; 5] = ["城中", "八卦洲", "开元", "南关", "柳影"];
const PLACES: [&str; 20] = [
    "河西", "河东", "江南", "江北", "城东", "城西", "湖滨", "山前", "桥头", "新城", "白沙", "青山",
    "黄石", "长林", "松岗", "石桥", "清水", "金沙", "红星", "柳江",
];

/// Seed `s` as the report of the body `PLACES[k]`, with its figures changed `k` times.
fn another_body(s: usize, k: usize) -> String {
    let mut text = SEEDS[s].1.replace(NAME_CORES[s], PLACES[k]);
    for _ in 0..k % 3 {
        text = next_year_with_new_figures(&text);
    }
    text
}

fn fingerprints(texts: &[String]) -> Vec<Fingerprint> {
    texts.iter().map(|t| Fingerprint::of(&parse(t))).collect()
}

#[test]
fn bodies_filling_one_text_with_their_names_and_figures_are_found_as_copies() {
    for (s, (id, text)) in SEEDS.iter().enumerate() {
        let texts = [text.to_string(), another_body(s, 1)];
        let (best, _) = most_similar(&fingerprints(&texts));
        eprintln!("seed {id} beside itself for another body: {best:?}");
        for (me, found) in best.iter().enumerate() {
            let found = found.expect("the other one");
            assert_eq!(found.other, 1 - me);
            assert!(found.share.percent >= 98, "seed {id}: {found:?}");
            assert!(found.flagged());
        }
    }
}

#[test]
fn the_seeds_of_five_bodies_are_not_copies_of_each_other() {
    let texts: Vec<String> = SEEDS.iter().map(|(_, t)| t.to_string()).collect();
    let (best, _) = most_similar(&fingerprints(&texts));
    for (me, found) in best.iter().enumerate() {
        eprintln!("seed {}: most similar {:?}", SEEDS[me].0, found);
        if let Some(Similar { share, .. }) = found {
            assert!(share.percent < 10, "seed {}: {share:?}", SEEDS[me].0);
        }
    }
}

#[test]
fn a_hundred_reports_are_compared_pairwise_in_near_linear_work() {
    // Five texts, each filled in by twenty bodies: every report's most similar is one of its text's.
    let texts: Vec<String> = (0..100).map(|n| another_body(n % 5, n / 5)).collect();
    let started = std::time::Instant::now();
    let prints = fingerprints(&texts);
    let fingerprinted = started.elapsed();
    let (best, steps) = most_similar(&prints);
    let compared = started.elapsed() - fingerprinted;
    let units: usize = prints.iter().map(Fingerprint::units).sum();
    eprintln!(
        "100 reports ({units} units of prose): parsed and fingerprinted in {fingerprinted:?}, all pairs in {compared:?}, {} steps",
        steps.0
    );
    for (me, found) in best.iter().enumerate() {
        let found = found.expect("a copy");
        assert_eq!(found.other % 5, me % 5, "report {me}: {found:?}");
        assert!(found.share.percent >= 98, "report {me}: {found:?}");
    }
    // Every shingle is held by the 20 reports of its text (and a few stock phrases by more): the
    // work is about units × 20, not units × 100.
    assert!(steps.0 < units * 30, "{} steps for {units} units", steps.0);

    // Five texts of different bodies: each shingle is mostly its own report's, the work about
    // twice the length (one pass to index, one to cover).
    let prints = fingerprints(&SEEDS.iter().map(|(_, t)| t.to_string()).collect::<Vec<_>>());
    let units: usize = prints.iter().map(Fingerprint::units).sum();
    let (_, steps) = most_similar(&prints);
    assert!(steps.0 < units * 3, "{} steps for {units} units", steps.0);
}

#[test]
fn a_bodys_reports_of_several_years_share_its_name() {
    let read = |name: &str| {
        std::fs::read_to_string(format!(
            "{}/tests/fixtures/corpus/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("a corpus text")
    };
    let name = |text: &str| compare::body_name(&parse(text));
    let years: Vec<Option<String>> = ["2021", "2023", "2025"]
        .iter()
        .map(|y| name(&read(&format!("pingtan-district-{y}.txt"))))
        .collect();
    assert_eq!(years, vec![Some("平潭综合实验区".to_string()); 3]);
    assert_eq!(
        name(&read("pingtan-market-regulation-2019.txt")).as_deref(),
        Some("平潭综合实验区市场监督管理局")
    );
    let seeds: Vec<Option<String>> = SEEDS.iter().map(|(_, t)| name(t)).collect();
    assert_eq!(
        seeds,
        [
            Some("城中街道办"),
            Some("八卦洲街道"),
            None,
            Some("文峰区南关街道办事处"),
            Some("宽城区柳影街道办事处"),
        ]
        .map(|n| n.map(str::to_string))
    );
    // One year on, the same body.
    assert_eq!(
        name(&next_year_with_new_figures(seed("000"))),
        name(seed("000"))
    );
}
