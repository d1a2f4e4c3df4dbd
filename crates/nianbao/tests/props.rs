//! The core never panics (a panic kills the page) and every finding points at a valid place in the
//! text: for arbitrary strings, for strings made of the template's own words and the noise of pasting,
//! for seeds cut, spliced and repeated, and for a few pathological inputs.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::sync::OnceLock;

use nianbao::summary::FileSummary;
use nianbao::template::{self, TableId, Version, PARTS};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

// ---------------------------------------------------------------------------------------------------
// The invariants
// ---------------------------------------------------------------------------------------------------

/// Byte offset to 1-based line, built independently of the core's own index.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Self {
        Lines(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i)
                .collect(),
        )
    }
    /// One more than the number of line breaks before `offset`.
    fn line_of(&self, offset: usize) -> usize {
        1 + self.0.partition_point(|&nl| nl < offset)
    }
}

fn check_span(text: &str, start: usize, end: usize, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        start <= end && end <= text.len(),
        "{what}: span {start}..{end} outside the text (length {})",
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} cuts a character"
    );
    Ok(())
}

/// Runs the checker and asserts everything a caller relies on.
fn check_ok(text: &str) -> Result<(), TestCaseError> {
    let report = nianbao::check(text);
    let lines = Lines::new(text);
    for f in &report.findings {
        let what = format!("{} {:?}", f.code, f.message);
        check_span(text, f.start, f.end, &what)?;
        prop_assert!(f.line >= 1, "{what}: line 0");
        prop_assert_eq!(
            f.line,
            lines.line_of(f.start),
            "{}: line does not match its start {}",
            what,
            f.start
        );
        prop_assert!(
            f.part.is_none_or(|p| (1..=6).contains(&p)),
            "{what}: part {:?}",
            f.part
        );
        for edit in f.fix.iter().flat_map(|fix| &fix.edits) {
            check_span(text, edit.start, edit.end, &format!("{what}, fix"))?;
        }
        for r in f.related() {
            check_span(
                text,
                r.start,
                r.end,
                &format!("{what}, related {}", r.label),
            )?;
            prop_assert_eq!(r.line, lines.line_of(r.start), "{}: related line", what);
        }
    }
    prop_assert!(
        report.findings.windows(2).all(|w| w[0].start <= w[1].start),
        "findings not sorted by start: {:?}",
        report
            .findings
            .iter()
            .map(|f| (f.code, f.start))
            .collect::<Vec<_>>()
    );
    // Every fix applies, together, without a panic.
    nianbao::rules::fix::apply(text, report.findings.iter().filter_map(|f| f.fix.as_ref()));
    let doc = &report.document;
    prop_assert_eq!(doc.parts.len(), 6);
    for part in &doc.parts {
        check_span(
            text,
            part.heading_span.start,
            part.heading_span.end,
            "heading",
        )?;
        check_span(text, part.body.start, part.body.end, "part body")?;
    }
    if let Some(title) = &doc.title {
        check_span(text, title.span.start, title.span.end, "title")?;
    }
    for table in &doc.tables {
        for row in &table.rows {
            if let Some(s) = row.label_span {
                check_span(text, s.start, s.end, row.label)?;
            }
            for cell in &row.cells {
                check_span(text, cell.span.start, cell.span.end, cell.column)?;
            }
        }
    }
    // The JSON shape is built and serialised for every text.
    let summary = FileSummary::new("props", &report);
    prop_assert_eq!(summary.tables.t4.len(), 15);
    prop_assert!(summary.tables.t3.iter().all(|r| r.len() == 7));
    let json = serde_json::to_string(&summary);
    prop_assert!(json.is_ok(), "summary does not serialise: {:?}", json.err());
    Ok(())
}

fn assert_ok(text: &str) {
    if let Err(e) = check_ok(text) {
        let shown: String = text.chars().take(300).collect();
        panic!("{e}\ninput ({} bytes) starts {shown:?}", text.len());
    }
}

// ---------------------------------------------------------------------------------------------------
// Material: the seeds, the template's words, the noise of pasting
// ---------------------------------------------------------------------------------------------------

fn seeds() -> &'static [String] {
    static SEEDS: OnceLock<Vec<String>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("tests/fixtures/seeds")
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        let seeds: Vec<String> = paths
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        assert!(seeds.len() >= 5, "the five seeds");
        seeds
    })
}

/// Every label, caption, header and heading of the template (both versions), the rule examples, and
/// the noise pasted reports carry.
fn fragments() -> &'static [String] {
    static FRAGMENTS: OnceLock<Vec<String>> = OnceLock::new();
    FRAGMENTS.get_or_init(|| {
        let mut out: Vec<String> = Vec::new();
        for part in &PARTS {
            out.push(part.heading.to_string());
            out.push(part.title.to_string());
            out.extend(part.variants.iter().map(|v| v.to_string()));
        }
        for id in TableId::ALL {
            for version in Version::ALL {
                let spec = template::table(id, version);
                out.extend(spec.note.map(str::to_string));
                for section in spec.sections {
                    out.extend(section.caption.map(str::to_string));
                    out.extend(section.headers.iter().map(|h| h.to_string()));
                    out.extend(section.columns.iter().map(|c| c.name.to_string()));
                    for row in section.rows {
                        out.push(row.label.to_string());
                        out.push(row.key_text.to_string());
                        out.extend(row.aliases.iter().map(|a| a.to_string()));
                    }
                }
            }
        }
        for noise in [
            "\t",
            "\t",
            "\t",
            "|",
            " |",
            "|||",
            "\n",
            "\n",
            "\n",
            "\n\n",
            "\r\n",
            " ",
            "  ",
            "\u{a0}",
            "\u{3000}",
            "\u{3000}\u{3000}",
            "\u{feff}",
            "（一）",
            "(一)",
            "（七）",
            "、",
            "．",
            ".",
            "1.",
            "1、",
            "１．",
            "一、",
            "二、",
            "六、",
            "七、",
            "6、",
            "## ",
            "# ",
            "|---|---|",
            "---",
            "- 3 -",
            "/",
            "／",
            "-",
            "—",
            "——",
            "无",
            "+3",
            "-2",
            "1,234",
            "0.35",
            "251000元",
            "3件",
            "１２",
            "０",
            "0",
            "1",
            "7",
            "99999999999999999999",
            "“",
            "”",
            "「",
            "」",
            "2021年",
            "2022年",
            "二〇二二年",
            "年度报告",
            "政府信息公开工作年度报告",
            "统计期限",
            "2021年1月1日",
            "信息处理费",
            "扫一扫在手机上查看当前页面",
            "\u{200b}",
            "\u{0}",
        ] {
            out.push(noise.to_string());
        }
        for rule in nianbao::rules::RULES.iter() {
            out.push(rule.doc.bad.to_string());
            out.push(rule.doc.good.to_string());
        }
        out.retain(|s| !s.is_empty());
        out
    })
}

/// Strings made of the template's words and pasting noise, with the odd arbitrary character.
fn domain_text() -> impl Strategy<Value = String> {
    let n = fragments().len();
    let piece = prop_oneof![
        6 => (0..n).prop_map(|i| fragments()[i].clone()),
        2 => "[0-9０-９]{1,4}",
        1 => any::<char>().prop_map(String::from),
        1 => "[\t\n |\u{a0}\u{3000}]{1,6}",
        1 => "[\u{ff01}-\u{ff5e}]{1,3}",
    ];
    prop::collection::vec(piece, 0..160).prop_map(|pieces| pieces.concat())
}

/// Every row label, group label and caption of every table, in both versions.
fn row_labels() -> &'static [&'static str] {
    static LABELS: OnceLock<Vec<&'static str>> = OnceLock::new();
    LABELS.get_or_init(|| {
        let mut out = Vec::new();
        for id in TableId::ALL {
            for version in Version::ALL {
                for section in template::table(id, version).sections {
                    out.extend(section.caption);
                    out.extend(
                        section
                            .rows
                            .iter()
                            .map(|r| r.label)
                            .filter(|l| !l.is_empty()),
                    );
                }
            }
        }
        out
    })
}

/// Line by line, something shaped like a report: part headings (numbered every which way), table rows
/// (a label, then cells of every kind behind every kind of separator), prose and header lines.
fn report_like() -> impl Strategy<Value = String> {
    let numeral = prop_oneof![
        Just(""),
        Just("一、"),
        Just("二、"),
        Just("三、"),
        Just("四、"),
        Just("五、"),
        Just("六、"),
        Just("七、"),
        Just("6、"),
        Just("## "),
        Just("### 三、"),
    ];
    let heading = (numeral, 0..PARTS.len()).prop_map(|(n, p)| format!("{n}{}", PARTS[p].title));
    let token = prop_oneof![
        4 => "[0-9]{1,3}",
        1 => "[０-９]{1,2}",
        1 => prop::sample::select(vec![
            "/", "-", "—", "无", "", "1.5", "-1", "+3", "1,234", "3件", "0.35", "　　0", "\u{a0}7",
        ])
        .prop_map(str::to_string),
    ];
    let separator = prop::sample::select(vec![
        "\t", " ", " | ", "\n\t", "\u{3000}", "\n", "\t\t", " |\n",
    ]);
    let row = (
        prop::sample::select(row_labels().to_vec()),
        separator,
        prop::collection::vec(token, 0..17),
    )
        .prop_map(|(label, sep, cells)| {
            let mut line = label.to_string();
            for cell in cells {
                line.push_str(sep);
                line.push_str(&cell);
            }
            line
        });
    let n = fragments().len();
    let other = (0..n).prop_map(|i| fragments()[i].clone());
    let line = prop_oneof![2 => heading, 6 => row, 2 => other];
    prop::collection::vec(line, 0..90).prop_map(|lines| lines.join("\n"))
}

/// One edit of a seed, with positions as fractions of its length (in characters).
#[derive(Clone, Debug)]
enum Edit {
    Delete {
        at: f64,
        len: usize,
    },
    Duplicate {
        at: f64,
        len: usize,
        to: f64,
    },
    Splice {
        at: f64,
        from_seed: usize,
        from: f64,
        len: usize,
    },
    Insert {
        at: f64,
        fragment: usize,
    },
    Swap {
        a: f64,
        b: f64,
        len: usize,
    },
}

fn edit() -> impl Strategy<Value = Edit> {
    let frac = 0.0..1.0f64;
    let len = 0..400usize;
    prop_oneof![
        (frac.clone(), len.clone()).prop_map(|(at, len)| Edit::Delete { at, len }),
        (frac.clone(), len.clone(), frac.clone()).prop_map(|(at, len, to)| Edit::Duplicate {
            at,
            len,
            to
        }),
        (frac.clone(), 0..5usize, frac.clone(), len.clone()).prop_map(
            |(at, from_seed, from, len)| Edit::Splice {
                at,
                from_seed,
                from,
                len
            }
        ),
        (frac.clone(), 0..fragments().len())
            .prop_map(|(at, fragment)| Edit::Insert { at, fragment }),
        (frac.clone(), frac, len).prop_map(|(a, b, len)| Edit::Swap { a, b, len }),
    ]
}

fn index(chars: &[char], frac: f64) -> usize {
    ((chars.len() as f64) * frac) as usize
}

fn apply(mut chars: Vec<char>, edit: &Edit) -> Vec<char> {
    let range = |chars: &[char], at: f64, len: usize| {
        let start = index(chars, at).min(chars.len());
        start..(start + len).min(chars.len())
    };
    match *edit {
        Edit::Delete { at, len } => {
            let r = range(&chars, at, len);
            chars.drain(r);
        }
        Edit::Duplicate { at, len, to } => {
            let r = range(&chars, at, len);
            let copy: Vec<char> = chars[r].to_vec();
            let to = index(&chars, to);
            chars.splice(to..to, copy);
        }
        Edit::Splice {
            at,
            from_seed,
            from,
            len,
        } => {
            let other: Vec<char> = seeds()[from_seed % seeds().len()].chars().collect();
            let r = range(&other, from, len);
            let at = index(&chars, at);
            chars.splice(at..at, other[r].iter().copied());
        }
        Edit::Insert { at, fragment } => {
            let at = index(&chars, at);
            chars.splice(at..at, fragments()[fragment].chars());
        }
        Edit::Swap { a, b, len } => {
            let ra = range(&chars, a, len);
            let rb = range(&chars, b, len);
            if ra.end <= rb.start || rb.end <= ra.start {
                let (first, second) = if ra.start < rb.start {
                    (ra, rb)
                } else {
                    (rb, ra)
                };
                let mut out: Vec<char> = chars[..first.start].to_vec();
                out.extend_from_slice(&chars[second.clone()]);
                out.extend_from_slice(&chars[first.end..second.start]);
                out.extend_from_slice(&chars[first.clone()]);
                out.extend_from_slice(&chars[second.end..]);
                chars = out;
            }
        }
    }
    chars
}

/// A seed after a few random edits.
fn edited_seed() -> impl Strategy<Value = String> {
    (0..5usize, prop::collection::vec(edit(), 1..8)).prop_map(|(seed, edits)| {
        let chars: Vec<char> = seeds()[seed % seeds().len()].chars().collect();
        edits.iter().fold(chars, apply).into_iter().collect()
    })
}

/// A seed with one number replaced by another token (exercises the sum rules and cell problems).
fn seed_with_changed_cell() -> impl Strategy<Value = String> {
    (
        0..5usize,
        0.0..1.0f64,
        prop_oneof![
            "[0-9]{1,3}",
            Just("/".to_string()),
            Just("-1".to_string()),
            Just("1.5".to_string()),
            Just(String::new()),
            "[０-９]{1,2}",
            Just("1,234".to_string()),
        ],
    )
        .prop_map(|(seed, at, token)| {
            let text = &seeds()[seed % seeds().len()];
            let digits: Vec<usize> = text
                .char_indices()
                .filter(|(_, c)| c.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            let i = digits[((digits.len() as f64) * at) as usize % digits.len()];
            format!("{}{}{}", &text[..i], token, &text[i + 1..])
        })
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        // Failures are printed; no regression file is written next to the tests.
        failure_persistence: None,
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(512))]
    #[test]
    fn any_string(text in any::<String>()) {
        check_ok(&text)?;
    }
}

proptest! {
    #![proptest_config(config(192))]
    #[test]
    fn template_words_and_paste_noise(text in domain_text()) {
        check_ok(&text)?;
    }
}

proptest! {
    #![proptest_config(config(128))]
    #[test]
    fn report_shaped_lines(text in report_like()) {
        check_ok(&text)?;
    }
}

proptest! {
    #![proptest_config(config(64))]
    #[test]
    fn seeds_cut_spliced_and_duplicated(text in edited_seed()) {
        check_ok(&text)?;
    }

    #[test]
    fn seeds_with_one_cell_changed(text in seed_with_changed_cell()) {
        check_ok(&text)?;
    }
}

// ---------------------------------------------------------------------------------------------------
// Explicit cases
// ---------------------------------------------------------------------------------------------------

const MB: usize = 1 << 20;

#[test]
fn empty_and_blank_texts() {
    for text in [
        "", " ", "\n", "\t", "\r\n", "\u{3000}", "\u{feff}", "|", "||\n||",
    ] {
        assert_ok(text);
    }
}

#[test]
fn one_huge_line_of_one_character() {
    let text: String = std::iter::repeat_n('字', MB / 3 + 1).collect();
    assert!(text.len() >= MB);
    assert_ok(&text);
    // Smaller lines of characters the cell reader treats specially.
    for c in ['a', '0', '|', '\t', '/'] {
        assert_ok(&c.to_string().repeat(MB / 8));
    }
}

#[test]
fn a_megabyte_of_repeated_seeds() {
    let mut text = String::new();
    while text.len() < MB {
        for seed in seeds() {
            text.push_str(seed);
        }
    }
    assert_ok(&text);
}

#[test]
fn a_hundred_thousand_newlines() {
    assert_ok(&"\n".repeat(100_000));
    assert_ok(&"\r\n".repeat(100_000));
    assert_ok(&"\t\n".repeat(100_000));
}

#[test]
fn binary_looking_text() {
    let controls: String = (0u32..0x20)
        .chain(0x7f..0xa0)
        .filter_map(char::from_u32)
        .collect();
    assert_ok(&controls);
    assert_ok(&controls.repeat(2_000));
    // Every character of the Basic Multilingual Plane once.
    let bmp: String = (0u32..0x1_0000).filter_map(char::from_u32).collect();
    assert_ok(&bmp);
}

#[test]
fn deeply_repetitive_labels() {
    assert_ok(&"（七）总计".repeat(100_000));
    // The same label one per line, as a table row, and every part heading over and over. These grow
    // quadratically in the core today (see benches/check.rs, group `pathological`), so they are kept
    // to sizes a debug build gets through in seconds.
    assert_ok(&"（七）总计\n".repeat(10_000));
    let in_part_three = format!(
        "三、收到和处理政府信息公开申请情况\n{}",
        "（七）总计\t1\t2\t3\n".repeat(10_000)
    );
    assert_ok(&in_part_three);
    let headings: String = PARTS.iter().map(|p| format!("{}\n", p.heading)).collect();
    assert_ok(&headings.repeat(300));
    assert_ok(&"第二十条第（一）项\n规章\t0\t0\t0\n".repeat(5_000));
    assert_ok(&"1.".repeat(100_000));
}

#[test]
fn every_seed_truncated_at_every_97th_character() {
    for seed in seeds() {
        let boundaries: Vec<usize> = seed
            .char_indices()
            .map(|(i, _)| i)
            .chain([seed.len()])
            .collect();
        for &cut in boundaries.iter().step_by(97) {
            assert_ok(&seed[..cut]);
            assert_ok(&seed[cut..]);
        }
    }
}

#[test]
fn every_rule_example() {
    for rule in nianbao::rules::RULES.iter() {
        assert_ok(rule.doc.bad);
        assert_ok(rule.doc.good);
    }
}

/// Inputs the fuzzer found that once panicked the checker (tests/fixtures/fuzz/, each decoded as the
/// fuzz target decodes bytes): they must check without a panic.
#[test]
fn inputs_that_once_panicked_check_cleanly() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/fixtures/fuzz") {
        let path = entry.expect("a directory entry").path();
        let text = std::fs::read_to_string(&path).expect("UTF-8");
        let report = nianbao::check(&text);
        for f in &report.findings {
            assert!(
                text.get(f.start..f.end).is_some(),
                "{}: {}",
                path.display(),
                f.code
            );
        }
        checked += 1;
    }
    assert!(checked >= 1);
}
