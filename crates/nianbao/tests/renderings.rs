//! Every seed re-rendered the ways real reports arrive: the whole text on one line (line breaks lost,
//! headings inline), table cells glued without separators, Markdown pipe tables from a converter
//! (headers 「数据1 … 数据6」, a header row again after each group, table 4 as three tables, also in
//! reverse order, a row that lost a value), PDF text
//! (`pdftotext -layout`: row labels wrapped over three lines with the numbers on the middle one, header
//! cells split over two lines, page footers and the header repeated between rows, table 4 as one line
//! of 15 numbers; plain `pdftotext`: every cell on a line of its own after its label). Each seed is
//! also rendered with every cell a different number, so that a cell read from the wrong place shows.
//!
//! The renderers only move the seed's own text (its labels, cells and the template's headers): they do
//! not know what the checker should read. On each rendering, no error is raised beyond the seed's own,
//! the parts are found as in the seed (inline, those with a numbered template title), and every table
//! is either read with exactly the seed's values or, where the text does not determine them (`unreadable`
//! says which), reported once as unreadable (T06) with no cell, sum or prose finding drawn from it.

mod common;

use nianbao::model::{Document, TitleMatch, Value};
use nianbao::template::{self, TableId};
use nianbao::{Report, RuleCode, Severity};

/// One table of a seed, as text to lay out again.
struct Grid {
    id: TableId,
    /// The seed's bytes the table takes (its header lines to its last cell).
    start: usize,
    end: usize,
    sections: Vec<Section>,
}

struct Section {
    caption: Option<&'static str>,
    /// The column names, left to right, and the band above each (empty when none).
    columns: Vec<(&'static str, &'static str)>,
    rows: Vec<Line>,
}

enum Line {
    /// A label spanning the rows after it (「（三）不予公开」).
    Group(&'static str),
    /// A row label as the seed writes it (empty for table 4) and its cells.
    Data(String, Vec<String>),
}

/// Where a table's lines start: the first line of its region holding one of these.
fn markers(id: TableId) -> &'static [&'static str] {
    match id {
        TableId::T2 => &["信息内容", "第二十条第"],
        TableId::T3 => &["本列数据", "申请人情况"],
        TableId::T4 => &["行政复议"],
    }
}

fn grids(seed: &str) -> Vec<Grid> {
    let doc = nianbao::check(seed).document;
    let mut out = Vec::new();
    for table in doc.tables.iter().filter(|t| t.found) {
        let spec = template::table(table.id, table.version);
        let end = table
            .rows
            .iter()
            .flat_map(|r| r.cells.iter().map(|c| c.span.end))
            .max()
            .expect("cells");
        let mut start = None;
        let mut at = table.region.start;
        for line in seed[table.region.start..end].split_inclusive('\n') {
            let dense: String = line.chars().filter(|c| !c.is_whitespace()).collect();
            if markers(table.id).iter().any(|m| dense.contains(m)) {
                start = Some(at);
                break;
            }
            at += line.len();
        }
        let sections = spec
            .sections
            .iter()
            .map(|section| Section {
                caption: section.caption,
                columns: section.columns.iter().map(|c| (c.name, c.band)).collect(),
                rows: section
                    .rows
                    .iter()
                    .filter_map(|spec_row| {
                        if !spec_row.has_values {
                            return Some(Line::Group(spec_row.label));
                        }
                        let row = table.rows.iter().find(|r| {
                            r.key == spec_row.key && r.section == section.caption && r.found
                        })?;
                        let label = row
                            .label_span
                            .map_or(String::new(), |s| seed[s.start..s.end].trim().to_string());
                        let cells = row
                            .cells
                            .iter()
                            .map(|c| seed[c.span.start..c.span.end].trim().to_string())
                            .collect();
                        Some(Line::Data(label, cells))
                    })
                    .collect(),
            })
            .collect();
        out.push(Grid {
            id: table.id,
            start: start.expect("the table's first line"),
            end,
            sections,
        });
    }
    out
}

/// `seed` with each table's text replaced by `render(table)`.
fn with_tables(seed: &str, render: impl Fn(&Grid) -> String) -> String {
    let mut grids = grids(seed);
    grids.sort_by_key(|g| std::cmp::Reverse(g.start));
    let mut text = seed.to_string();
    for grid in &grids {
        text.replace_range(grid.start..grid.end, &render(grid));
    }
    text
}

/// The bands of a section in order, each with its columns.
fn bands(section: &Section) -> Vec<(&'static str, Vec<&'static str>)> {
    let mut out: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    for &(name, band) in &section.columns {
        match out.last_mut() {
            Some((b, names)) if *b == band => names.push(name),
            _ => out.push((band, vec![name])),
        }
    }
    out
}

/// Header lines as PDF text lays them out: the bands on one line, the column names split over the
/// next two (「商业    科研⏎企业    机构」).
fn header_lines(section: &Section) -> String {
    let bands: Vec<&str> = bands(section)
        .iter()
        .map(|(b, _)| *b)
        .filter(|b| !b.is_empty())
        .collect();
    let mut out = String::new();
    if !bands.is_empty() {
        out += &format!("{}\n", bands.join("    "));
    }
    let halves: Vec<(String, String)> = section
        .columns
        .iter()
        .map(|(name, _)| {
            let chars: Vec<char> = name.chars().collect();
            let cut = chars.len() / 2;
            (chars[..cut].iter().collect(), chars[cut..].iter().collect())
        })
        .collect();
    let line = |pick: fn(&(String, String)) -> &String| {
        halves
            .iter()
            .map(pick)
            .cloned()
            .collect::<Vec<_>>()
            .join("    ")
    };
    out + &format!("{}\n{}\n", line(|h| &h.0), line(|h| &h.1))
}

/// Markdown pipe tables as converters write them: generic headers, a group's label as a heading
/// followed by the header row again, table 4 as three tables under their bands.
fn pipes(grid: &Grid) -> String {
    pipes_with_groups(grid, false)
}

/// Markdown with table 4's three tables in reverse order: each group is found by its own header.
fn pipes_groups_reversed(grid: &Grid) -> String {
    pipes_with_groups(grid, true)
}

fn pipes_with_groups(grid: &Grid, reversed: bool) -> String {
    let mut out = String::new();
    let rule = |n: usize| format!("|{}\n", "---|".repeat(n));
    for section in &grid.sections {
        if let Some(caption) = section.caption {
            out += &format!("### {caption}\n");
        }
        if grid.id == TableId::T4 {
            let Some(Line::Data(_, cells)) = section.rows.first() else {
                continue;
            };
            let mut cells = cells.iter();
            let mut tables: Vec<String> = bands(section)
                .into_iter()
                .map(|(band, names)| {
                    let values: Vec<&str> = cells
                        .by_ref()
                        .take(names.len())
                        .map(|s| s.as_str())
                        .collect();
                    format!("### {band}\n| {} |\n", names.join(" | "))
                        + &rule(names.len())
                        + &format!("| {} |\n\n", values.join(" | "))
                })
                .collect();
            if reversed {
                tables.reverse();
            }
            out += &tables.concat();
            continue;
        }
        let n = section.columns.len();
        let header = |out: &mut String| {
            let mut names: Vec<String> = (1..n).map(|i| format!("数据{i}")).collect();
            names.push(section.columns[n - 1].0.to_string());
            *out += &format!("| 类别 | {} |\n", names.join(" | "));
            *out += &rule(n + 1);
        };
        header(&mut out);
        for line in &section.rows {
            match line {
                Line::Group(label) => {
                    out += &format!("\n### {label}\n");
                    header(&mut out);
                }
                Line::Data(label, cells) => {
                    out += &format!("| {label} | {} |\n", cells.join(" | "));
                }
            }
        }
        out += "\n";
    }
    out
}

/// Splits a label into three pieces of about equal length (a narrow PDF column).
fn thirds(label: &str) -> [String; 3] {
    let chars: Vec<char> = label.chars().collect();
    let third = chars.len().div_ceil(3);
    let piece = |k: usize| -> String {
        chars[(k * third).min(chars.len())..((k + 1) * third).min(chars.len())]
            .iter()
            .collect()
    };
    [piece(0), piece(1), piece(2)]
}

/// PDF text (`pdftotext -layout`): long labels wrapped over three lines, the numbers on the middle
/// one; a page footer and the header again every few rows; table 4's numbers on one line.
fn pdf_layout(grid: &Grid) -> String {
    let mut out = String::new();
    for section in &grid.sections {
        if let Some(caption) = section.caption {
            out += &format!("{caption}\n");
        }
        out += &header_lines(section);
        let mut rows = 0;
        for line in &section.rows {
            match line {
                Line::Group(label) => out += &format!("{label}\n"),
                Line::Data(label, cells) => {
                    let numbers = cells.join("     ");
                    if label.chars().count() > 9 {
                        let [a, b, c] = thirds(label);
                        out += &format!("  {a}\n  {b}     {numbers}\n  {c}\n");
                    } else {
                        out += &format!("  {label}     {numbers}\n");
                    }
                    rows += 1;
                    if rows % 6 == 0 {
                        let footer = if rows % 12 == 0 { "— 5 —" } else { "- 4 -" };
                        out += &format!("\n                    {footer}\n\u{c}");
                        out += &header_lines(section);
                    }
                }
            }
        }
    }
    out
}

/// Plain `pdftotext` (content order): a table's text cell after cell, each on a line of its own
/// with a blank line after it, long labels wrapped over two lines.
fn content_order(grid: &Grid) -> String {
    let mut out = String::new();
    for section in &grid.sections {
        if let Some(caption) = section.caption {
            out += &format!("{caption}\n");
        }
        out += &header_lines(section);
        for line in &section.rows {
            match line {
                Line::Group(label) => out += &format!("{label}\n"),
                Line::Data(label, cells) => {
                    let chars: Vec<char> = label.chars().collect();
                    let cut = chars.len().min(12);
                    let (a, b): (String, String) =
                        (chars[..cut].iter().collect(), chars[cut..].iter().collect());
                    out += &format!("{a}\n");
                    if !b.is_empty() {
                        out += &format!("{b}\n");
                    }
                    for cell in cells {
                        out += &format!("{cell}\n\n");
                    }
                }
            }
        }
    }
    out
}

/// Markdown from a converter that lost a value: table 3's first row one cell short.
fn pipes_value_lost(grid: &Grid) -> String {
    let mut rows = grid.sections.iter().flat_map(|s| &s.rows);
    let Some(Line::Data(label, cells)) = rows.find(|l| matches!(l, Line::Data(..))) else {
        return pipes(grid);
    };
    if grid.id != TableId::T3 {
        return pipes(grid);
    }
    let short = format!("| {label} | {} |", cells.join(" | "));
    let lost = format!("| {label} | {} |", cells[1..].join(" | "));
    pipes(grid).replacen(&short, &lost, 1)
}

/// Cells run together with nothing between them, as a page's `textContent` has them.
fn glued(grid: &Grid) -> String {
    let mut out = String::new();
    for section in &grid.sections {
        if let Some(caption) = section.caption {
            out += caption;
        }
        let names: Vec<&str> = section.columns.iter().map(|(n, _)| *n).collect();
        out += &names.concat();
        for line in &section.rows {
            match line {
                Line::Group(label) => out += label,
                Line::Data(label, cells) => out += &format!("{label}{}", cells.concat()),
            }
        }
    }
    out
}

/// The text with every line break lost.
fn one_line(text: &str) -> String {
    text.replace(['\n', '\r'], "")
}

fn renderings(seed: &str) -> Vec<(&'static str, String)> {
    vec![
        ("one line", one_line(seed)),
        ("one line, cells glued", one_line(&with_tables(seed, glued))),
        ("Markdown pipe tables", with_tables(seed, pipes)),
        (
            "Markdown, a value lost",
            with_tables(seed, pipes_value_lost),
        ),
        (
            "Markdown, table 4's groups reversed",
            with_tables(seed, pipes_groups_reversed),
        ),
        ("PDF layout text", with_tables(seed, pdf_layout)),
        ("PDF content order", with_tables(seed, content_order)),
    ]
}

fn values(doc: &Document, id: TableId) -> Vec<(&'static str, Vec<Option<Value>>)> {
    doc.table(id)
        .map(|t| {
            t.rows
                .iter()
                .filter(|r| r.found)
                .map(|r| (r.key, r.cells.iter().map(|c| c.value).collect()))
                .collect()
        })
        .unwrap_or_default()
}

/// Findings a misread table would raise.
fn drawn_from_cells(code: RuleCode) -> bool {
    use RuleCode::*;
    matches!(code, T02 | T03 | R01 | R02 | R03 | R04 | C01)
}

/// Parts a text without line breaks cannot show: inline, only a numbered standard title (or accepted
/// variant) marks a heading, since nothing marks where the title ends. The seeds have headings
/// without a numeral (「总体情况」) and 2019-format titles recognised by key words only.
fn needs_a_line_of_its_own(doc: &Document) -> Vec<u8> {
    doc.parts
        .iter()
        .filter(|p| {
            p.found
                && (p.numeral.as_deref() == Some("") || p.title_match == Some(TitleMatch::Renamed))
        })
        .map(|p| p.number)
        .collect()
}

/// The tables a rendering leaves unreadable. Glued cells cannot be told apart (「0000000」); seed
/// 003 is Markdown, and with its line breaks lost a rule runs into table 2's last cell (「0---------」).
fn unreadable(seed: &str, rendering: &str) -> &'static [TableId] {
    match (seed, rendering) {
        (_, "one line, cells glued") => &TableId::ALL,
        // Which of the seven values was lost, the text does not say.
        (_, "Markdown, a value lost") => &[TableId::T3],
        ("003", "one line") => &[TableId::T2],
        _ => &[],
    }
}

fn problems(seed_report: &Report, name: &str, report: &Report, unread: &[TableId]) -> Vec<String> {
    let mut out = Vec::new();
    let (seed_doc, doc) = (&seed_report.document, &report.document);
    let exempt = if name.contains("one line") {
        needs_a_line_of_its_own(seed_doc)
    } else {
        Vec::new()
    };
    let errors = |r: &Report| {
        r.findings
            .iter()
            .filter(|f| f.severity == Severity::Error && !drawn_from_cells(f.code))
            .filter(|f| !(f.code == RuleCode::S01 && f.part.is_some_and(|p| exempt.contains(&p))))
            .map(|f| (f.code, f.message.clone()))
            .collect::<Vec<_>>()
    };
    // Seed 004, in the 2019 format, lacks two parts' headings; the cells' findings come below.
    let (got, seed) = (errors(report), errors(seed_report));
    if got != seed {
        let new: Vec<_> = got.iter().filter(|e| !seed.contains(e)).collect();
        out.push(format!(
            "{name}: {} errors, new: {:?}",
            got.len(),
            new.first()
        ));
    }
    for (seed_part, part) in seed_doc.parts.iter().zip(&doc.parts) {
        if seed_part.found != part.found && !exempt.contains(&part.number) {
            out.push(format!("{name}: part {} found {}", part.number, part.found));
        }
    }
    // Sum findings are compared by table: one that cannot be read raises none.
    let drawn = |r: &Report, skip: &[TableId]| {
        let regions: Vec<_> = skip
            .iter()
            .filter_map(|&id| r.document.table(id).map(|t| t.region))
            .collect();
        r.findings
            .iter()
            .filter(|f| drawn_from_cells(f.code))
            .filter(|f| !regions.iter().any(|g| f.start >= g.start && f.end <= g.end))
            // The prose is compared with table 3.
            .filter(|f| !(f.code == RuleCode::C01 && skip.contains(&TableId::T3)))
            .map(|f| f.code)
            .collect::<Vec<_>>()
    };
    let unreliable: Vec<TableId> = TableId::ALL
        .into_iter()
        .filter(|&id| doc.table(id).is_some_and(|t| !t.is_reliable()))
        .collect();
    if drawn(report, &[]) != drawn(seed_report, &unreliable) {
        let mut codes = drawn(report, &[]);
        codes.dedup();
        out.push(format!("{name}: cell findings {codes:?}"));
    }
    for id in TableId::ALL {
        let table = doc.table(id).expect("looked for");
        if table.is_reliable() == unread.contains(&id) {
            out.push(format!("{name}: {id:?} reliable: {}", table.is_reliable()));
        }
        if table.is_reliable() {
            let (got, want) = (values(doc, id), values(seed_doc, id));
            let rows: Vec<&str> = want
                .iter()
                .filter(|w| !got.contains(w))
                .map(|(key, _)| *key)
                .collect();
            if got.len() != want.len() || !rows.is_empty() {
                out.push(format!(
                    "{name}: {id:?} rows read otherwise or missing: {rows:?}"
                ));
            }
        }
    }
    let t06 = report
        .findings
        .iter()
        .filter(|f| f.code == RuleCode::T06)
        .count();
    if t06 != unreliable.len() {
        out.push(format!(
            "{name}: {t06} T06 for {} unreadable tables",
            unreliable.len()
        ));
    }
    out
}

/// `seed` with every table cell a different number (10, 11, …): a cell read from the wrong place
/// shows, as it would not among the seeds' zeros. The sums no longer hold.
fn numbered(seed: &str) -> String {
    let doc = nianbao::check(seed).document;
    let mut spans: Vec<_> = doc
        .tables
        .iter()
        .flat_map(|t| &t.rows)
        .flat_map(|r| &r.cells)
        .map(|c| c.span)
        .filter(|s| !s.is_empty())
        .collect();
    spans.sort_by_key(|s| s.start);
    let mut text = seed.to_string();
    for (i, span) in spans.iter().enumerate().rev() {
        text.replace_range(span.start..span.end, &(10 + i).to_string());
    }
    text
}

fn check_renderings(id: &str, seed: &str, what: &str) -> Vec<String> {
    let seed_report = nianbao::check(seed);
    let mut out = Vec::new();
    for (name, text) in renderings(seed) {
        let report = nianbao::check(&text);
        let label = format!("seed {id}{what}, {name}");
        out.extend(problems(
            &seed_report,
            &label,
            &report,
            unreadable(id, name),
        ));
    }
    out
}

#[test]
fn every_seed_in_every_rendering_reads_exactly_or_says_t06_once() {
    let mut all = Vec::new();
    for (id, seed) in common::SEEDS {
        all.extend(check_renderings(id, seed, ""));
    }
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn numbered_seeds_in_every_rendering_read_each_cell_from_its_place() {
    let mut all = Vec::new();
    for (id, seed) in common::SEEDS {
        let text = numbered(seed);
        assert!(
            nianbao::check(&text)
                .findings
                .iter()
                .any(|f| f.code == RuleCode::R02),
            "seed {id} numbered breaks its sums"
        );
        all.extend(check_renderings(id, &text, " numbered"));
    }
    assert!(all.is_empty(), "{all:#?}");
}

/// The renderings keep the seed's numbers and change the layout: a harness that compared a text with
/// itself would prove nothing.
#[test]
fn the_renderings_change_the_layout_and_keep_the_numbers() {
    for (id, seed) in common::SEEDS {
        let digits = |t: &str| t.chars().filter(char::is_ascii_digit).count();
        for (name, text) in renderings(seed) {
            assert_ne!(text, seed, "seed {id}, {name}");
            if name.starts_with("one line") {
                assert!(!text.contains('\n'), "seed {id}, {name}");
            }
            if name.starts_with("Markdown") {
                assert!(text.contains("| 数据1 |"), "seed {id}, {name}");
                assert_eq!(text.matches("| 结果维持 |").count(), 3, "seed {id}, {name}");
            }
            if name == "PDF layout text" {
                assert!(text.contains("- 4 -"), "seed {id}, {name}");
            }
            if name == "Markdown, table 4's groups reversed" {
                let review = text.find("### 行政复议").expect("行政复议");
                let after = text.find("### 复议后起诉").expect("复议后起诉");
                assert!(after < review, "seed {id}, {name}");
            }
            if name == "Markdown, a value lost" {
                assert_ne!(text, with_tables(seed, pipes), "seed {id}, {name}");
            }
            if name == "PDF content order" {
                assert!(text.contains("\n0\n\n0\n"), "seed {id}, {name}");
            }
            // The tables' digits are all still there (headers and prose are unchanged or dropped).
            let table_digits: usize = grids(seed)
                .iter()
                .flat_map(|g| &g.sections)
                .flat_map(|s| &s.rows)
                .map(|l| match l {
                    Line::Data(_, cells) => cells.iter().map(|c| digits(c)).sum(),
                    Line::Group(_) => 0,
                })
                .sum();
            assert!(digits(&text) >= table_digits, "seed {id}, {name}");
        }
    }
}

/// Two cells swapped in a rendering are caught: the comparison looks at every cell.
#[test]
fn the_harness_catches_two_cells_swapped() {
    let seed = numbered(common::seed("000"));
    let text = with_tables(&seed, pipes);
    let row = text
        .lines()
        .find(|l| l.contains("本年新收"))
        .expect("table 3's first row");
    let cells: Vec<&str> = row.split(" | ").collect();
    let swapped = format!(
        "{} | {} | {} | {}",
        cells[0],
        cells[2],
        cells[1],
        cells[3..].join(" | ")
    );
    let report = nianbao::check(&text.replacen(row, &swapped, 1));
    let found = problems(&nianbao::check(&seed), "swapped", &report, &[]);
    assert!(
        found.iter().any(|p| p.contains("T3 rows read otherwise")),
        "{found:#?}"
    );
}
