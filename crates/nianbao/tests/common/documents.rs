//! Seeds rebuilt as the documents users really have: the report's prose as paragraphs and its three
//! tables as real tables in the official layout (merged header cells, vertical group labels), holding
//! the seed's own labels, headers and cell text. Written out as a .docx, as the HTML Word puts on the
//! clipboard, and as a saved GBK web page.

use nianbao::import::{Block, Cell, Table};
use nianbao::model;
use nianbao::present::official::t3_label_cells;
use nianbao::template::{self, HeaderRole, RowSpec, TableId, TableSpec};
use nianbao::Span;

fn p(text: &str) -> Block {
    Block::Paragraph(text.to_string())
}

fn cell(text: &str, columns: usize, rows: usize) -> Cell {
    Cell::new(vec![p(text)], columns, rows)
}

fn slice(text: &str, span: Span) -> &str {
    text[span.start..span.end].trim()
}

/// What the seed has for the template header `expected` (its own wording where it deviates).
fn header(table: &model::Table, expected: &'static str) -> String {
    table
        .header_issues
        .iter()
        .find(|h| h.expected == expected)
        .and_then(|h| h.found.clone())
        .unwrap_or_else(|| expected.to_string())
}

fn label(text: &str, row: Option<&model::Row>, spec: &RowSpec) -> String {
    row.and_then(|r| r.label_span)
        .map_or_else(|| spec.label.to_string(), |s| slice(text, s).to_string())
}

/// The row's cells as the seed has them (an empty cell stays empty).
fn values(text: &str, row: &model::Row) -> Vec<Cell> {
    row.cells
        .iter()
        .map(|c| cell(slice(text, c.span), 1, 1))
        .collect()
}

fn t2(text: &str, table: &model::Table, spec: &TableSpec) -> Table {
    let width = spec
        .sections
        .iter()
        .map(|s| s.columns.len())
        .max()
        .unwrap_or(1);
    let mut rows = Vec::new();
    for section in spec.sections {
        if let Some(caption) = section.caption {
            rows.push(vec![cell(&header(table, caption), width + 1, 1)]);
        }
        let stretch = width + 1 - section.headers.len();
        let mut heads: Vec<Cell> = section
            .headers
            .iter()
            .map(|h| cell(&header(table, h), 1, 1))
            .collect();
        if let Some(last) = heads.last_mut() {
            last.columns += stretch;
        }
        rows.push(heads);
        for spec_row in section.rows {
            let Some(row) = table.rows.iter().find(|r| r.key == spec_row.key && r.found) else {
                continue;
            };
            let mut cells = vec![cell(&label(text, Some(row), spec_row), 1, 1)];
            cells.extend(values(text, row));
            if let Some(last) = cells.last_mut() {
                last.columns += width - section.columns.len();
            }
            rows.push(cells);
        }
    }
    Table { rows }
}

/// The header rows of T3 or T4 as the template lays them out, in the seed's own wording.
fn header_rows(table: &model::Table, spec: &TableSpec) -> Vec<Vec<Cell>> {
    spec.header_layout()
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| match c.role {
                    HeaderRole::Note => cell(c.text, c.columns, c.rows),
                    HeaderRole::Band | HeaderRole::Column => {
                        cell(&header(table, c.text), c.columns, c.rows)
                    }
                })
                .collect()
        })
        .collect()
}

fn t3(text: &str, table: &model::Table, spec: &TableSpec) -> Table {
    let rows = spec.sections[0].rows;
    let mut out = header_rows(table, spec);
    for (i, labels) in t3_label_cells(rows) {
        let Some(row) = table.row(rows[i].key).filter(|r| r.found) else {
            continue;
        };
        let mut cells: Vec<Cell> = labels
            .into_iter()
            .map(|c| {
                cell(
                    &label(text, table.row(rows[c.row].key), &rows[c.row]),
                    c.columns,
                    c.rows,
                )
            })
            .collect();
        cells.extend(values(text, row));
        out.push(cells);
    }
    Table { rows: out }
}

fn t4(text: &str, table: &model::Table, spec: &TableSpec) -> Table {
    let mut rows = header_rows(table, spec);
    if let Some(row) = table.rows.first().filter(|r| r.found) {
        rows.push(values(text, row));
    }
    Table { rows }
}

/// Where the table's own lines are: from the first line in its region that starts its header to the
/// line of its last cell.
fn extent(text: &str, table: &model::Table) -> Option<(usize, usize)> {
    let end = table
        .rows
        .iter()
        .flat_map(|r| {
            r.cells
                .iter()
                .map(|c| c.span.end)
                .chain(r.label_span.map(|s| s.end))
        })
        .max()?;
    let markers: &[&str] = match table.id {
        TableId::T2 => &["信息内容", "第二十条第"],
        TableId::T3 => &["本列数据", "申请人情况"],
        TableId::T4 => &["行政复议"],
    };
    let mut at = table.region.start;
    let mut start = None;
    for line in text[table.region.start..end].split_inclusive('\n') {
        let dense: String = line
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '|' && *c != '#')
            .collect();
        if markers.iter().any(|m| dense.contains(m)) {
            start = Some(at);
            break;
        }
        at += line.len();
    }
    Some((start?, end))
}

/// `seed` as a document: its paragraphs, with each table's lines replaced by a real table.
pub fn document(seed: &str) -> Vec<Block> {
    let parsed = nianbao::parse::parse(seed);
    let mut tables: Vec<(usize, usize, Table)> = parsed
        .document
        .tables
        .iter()
        .filter(|t| t.found)
        .filter_map(|t| {
            let (start, end) = extent(seed, t)?;
            let spec = template::table(t.id, t.version);
            let table = match t.id {
                TableId::T2 => t2(seed, t, spec),
                TableId::T3 => t3(seed, t, spec),
                TableId::T4 => t4(seed, t, spec),
            };
            Some((start, end, table))
        })
        .collect();
    tables.sort_by_key(|t| t.0);
    let mut blocks = Vec::new();
    let mut at = 0;
    let mut next = tables.into_iter().peekable();
    for line in seed.split_inclusive('\n') {
        let (line_start, line_end) = (at, at + line.len());
        at = line_end;
        if let Some((start, end, _)) = next.peek() {
            if line_end > *start && line_start < *end {
                if line_end >= *end {
                    let (_, _, table) = next.next().unwrap();
                    blocks.push(Block::Table(table));
                }
                continue;
            }
        }
        blocks.push(p(line.trim_end_matches(['\n', '\r'])));
    }
    blocks
}
