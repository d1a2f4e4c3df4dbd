//! Whatever arrives, reading it never panics (a panic kills the page): arbitrary and damaged bytes
//! under every file name, damaged copies of a real .docx, arbitrary markup, tables with any spans.
//! And whatever text a file gives, the checker can check it.

use proptest::prelude::*;

use nianbao::import::{render, Block, Cell, Table};
use nianbao_cli::{html_to_text, read_report};

const DOCX: &[u8] = include_bytes!("../../nianbao/tests/fixtures/imports/004.docx");

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn name() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "a.docx", "a.htm", "a.txt", "a.pdf", "a.doc", "a", "-", "a.zip", "a.md",
    ])
    .prop_map(str::to_string)
}

/// Markup made of the tags that matter, nested and broken at random.
fn markup() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "<table>",
        "</table>",
        "<tr>",
        "</tr>",
        "<td rowspan=3>",
        "<td colspan=999999>",
        "<td rowspan=0>",
        "</td>",
        "<th>",
        "<p>",
        "</p>",
        "<br>",
        "<pre>",
        "</pre>",
        "<div style='display:none'>",
        "</div>",
        "<tbody>",
        "<script>",
        "</script>",
        "一、总体情况",
        "12",
        "&nbsp;",
        "\r\n",
        "（一）予以公开",
        "<o:p>",
        "<![if !supportLists]>",
        "<![endif]>",
        "<!--",
        "-->",
        "<meta charset=gbk>",
    ]);
    prop::collection::vec(piece, 0..200).prop_map(|pieces| pieces.concat())
}

fn table() -> impl Strategy<Value = Table> {
    let cell = (any::<String>(), 0usize..5, 0usize..8)
        .prop_map(|(text, columns, rows)| Cell::new(vec![Block::Paragraph(text)], columns, rows));
    prop::collection::vec(prop::collection::vec(cell, 0..8), 0..12).prop_map(|rows| Table { rows })
}

/// Where each cell starts, by the HTML table model spelled out: a grid of covered positions, every
/// position a cell spans marked. Rows × columns of work, for small tables only.
fn placed_by_the_book(table: &Table) -> Vec<Vec<usize>> {
    let height = table.rows.len();
    let mut covered = vec![Vec::<bool>::new(); height];
    let mut out = Vec::new();
    for (r, row) in table.rows.iter().enumerate() {
        let mut starts = Vec::new();
        let mut c = 0;
        for cell in row {
            while covered[r].get(c).copied().unwrap_or(false) {
                c += 1;
            }
            for cover in covered.iter_mut().take((r + cell.rows).min(height)).skip(r) {
                if cover.len() < c + cell.columns {
                    cover.resize(c + cell.columns, false);
                }
                cover[c..c + cell.columns].fill(true);
            }
            starts.push(c);
            c += cell.columns;
        }
        out.push(starts);
    }
    out
}

proptest! {
    #![proptest_config(config(300))]

    /// The reader's placement (a column's covered-until row, bounded work) is the table model's.
    #[test]
    fn cells_are_placed_as_the_table_model_places_them(table in table()) {
        let placed: Vec<Vec<usize>> = table
            .placed()
            .iter()
            .map(|row| row.iter().map(|&(c, _)| c).collect())
            .collect();
        prop_assert_eq!(placed, placed_by_the_book(&table));
    }

    #[test]
    fn any_bytes_under_any_name(name in name(), bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        if let Ok(text) = read_report(&name, &bytes) {
            nianbao::check(&text);
        }
    }

    #[test]
    fn a_damaged_docx_is_refused_or_read(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..20), cut in any::<prop::sample::Index>()) {
        let mut bytes = DOCX.to_vec();
        for (at, byte) in &flips {
            let i = at.index(bytes.len());
            bytes[i] = *byte;
        }
        for candidate in [&bytes[..], &DOCX[..cut.index(DOCX.len())]] {
            match read_report("a.docx", candidate) {
                Ok(text) => { nianbao::check(&text); }
                Err(message) => { let message = message.to_string(); prop_assert!(message.contains("docx") || message.contains("Word"), "{message}") }
            }
        }
    }

    /// The charset prescan, on the pieces it reads, never panics and always answers a label.
    #[test]
    fn the_prescan_reads_any_head(pieces in prop::collection::vec(prop::sample::select(vec![
        "<meta", " charset", "=", "\"", "'", "utf-16", "gbk", " http-equiv=content-type", " content=",
        "text/html; charset=", ";", ">", "/", "<!--", "-->", "<!", "</", "<?", "<p", " ", "\n", "x", "一",
    ]), 0..80)) {
        let head = pieces.concat();
        prop_assert!(!nianbao::import::charset::of_html(head.as_bytes()).label.is_empty());
    }

    #[test]
    fn any_markup(html in markup()) {
        let text = html_to_text("a.html", &html).expect("200 pieces do not nest too deep");
        nianbao::check(&text);
    }

    #[test]
    fn any_table(tables in prop::collection::vec(table(), 1..3)) {
        let blocks: Vec<Block> = tables.into_iter().map(Block::Table).collect();
        nianbao::check(&render(&blocks));
    }
}
