//! The findings as a CSV table for a spreadsheet: UTF-8 with a byte-order mark (so that Excel reads
//! the Chinese), one row per finding, numbered as in the 检查意见.

use crate::present::desk::Row;
use crate::present::export::listed;
use crate::present::snippet::snippet;
use crate::report::Report;

/// The columns, in order.
pub const COLUMNS: [&str; 7] = ["序号", "代码", "严重程度", "部分", "行", "原文", "说明"];

fn field(out: &mut String, value: &str) {
    if value.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&value.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(value);
    }
}

fn record(out: &mut String, fields: &[&str]) {
    for (k, v) in fields.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        field(out, v);
    }
    out.push_str("\r\n");
}

/// The findings of `report` (checked from `text`) as the text of a .csv file.
pub fn csv(text: &str, report: &Report) -> String {
    let mut out = String::from("\u{feff}");
    record(&mut out, &COLUMNS);
    let mut n = 0;
    for (part, list) in listed(report) {
        for i in list {
            let f = &report.findings[i];
            n += 1;
            let (number, line, quote) =
                (n.to_string(), f.line.to_string(), snippet(text, f.span()));
            record(
                &mut out,
                &[
                    number.as_str(),
                    f.code.as_str(),
                    f.severity.label_zh(),
                    part.as_str(),
                    line.as_str(),
                    quote.as_str(),
                    f.message.as_str(),
                ],
            );
        }
    }
    out
}

/// The reviewer's desk's columns, in order: the page's table and `nianbao check DIR --format csv`.
pub const DESK_COLUMNS: [&str; 27] = [
    "序号",
    "文件",
    "单位",
    "年度",
    "格式",
    "错误",
    "警告",
    "提示",
    "S 错误",
    "S 警告",
    "S 提示",
    "T 错误",
    "T 警告",
    "T 提示",
    "R 错误",
    "R 警告",
    "R 提示",
    "C 错误",
    "C 警告",
    "C 提示",
    "X 错误",
    "X 警告",
    "X 提示",
    "最严重的问题",
    "上年年报（与上年相同 %）",
    "最相似的其他单位报告（相同 %）",
    "雷同",
];

/// The cells of one desk row, as [`desk`] writes them and the page shows them.
pub fn desk_cells(rows: &[Row], i: usize) -> Vec<String> {
    let row = &rows[i];
    let file_of = |j: usize| rows.get(j).map_or("", |r| r.file.as_str());
    let mut cells = vec![
        (i + 1).to_string(),
        row.file.clone(),
        row.body.clone().unwrap_or_default(),
        row.year.map(|y| y.to_string()).unwrap_or_default(),
        row.format
            .map(|v| v.as_str().to_string())
            .unwrap_or_default(),
    ];
    let unread = row.refused.is_some();
    let number = |n: usize| if unread { String::new() } else { n.to_string() };
    cells.extend(row.counts().map(number));
    cells.extend(row.by_family.iter().flatten().map(|&n| number(n)));
    cells.push(match (&row.refused, &row.worst) {
        (Some(reason), _) => format!("无法读取：{reason}"),
        (None, Some(worst)) => worst.describe(),
        (None, None) => String::new(),
    });
    cells.push(row.last_year.map_or_else(String::new, |j| {
        let share = row
            .repeated
            .map(|p| format!("（{p}%）"))
            .unwrap_or_default();
        format!("{}{share}", file_of(j))
    }));
    cells.push(row.similar.map_or_else(String::new, |s| {
        format!("{}（{}%）", file_of(s.other), s.share.percent)
    }));
    let flagged = row.similar.is_some_and(|s| s.flagged());
    cells.push(if flagged { "是" } else { "" }.to_string());
    cells
}

/// The desk's rows as the text of a .csv file (UTF-8 with a byte-order mark, for Excel and WPS).
pub fn desk(rows: &[Row]) -> String {
    let mut out = String::from("\u{feff}");
    record(&mut out, &DESK_COLUMNS);
    for i in 0..rows.len() {
        let cells = desk_cells(rows, i);
        let fields: Vec<&str> = cells.iter().map(String::as_str).collect();
        record(&mut out, &fields);
    }
    out
}

/// The records of a CSV text as [`csv`] writes it (quoted fields, doubled quotes): for the tests and
/// anyone reading the file back.
pub fn parse(csv: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = csv.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => row.push(std::mem::take(&mut field)),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            c => field.push(c),
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    #[test]
    fn round_trips_every_finding() {
        for (id, text) in crate::present::tests_support::seeds() {
            let report = crate::check(text);
            let written = super::csv(text, &report);
            assert!(written.starts_with('\u{feff}'));
            let rows = super::parse(&written);
            assert_eq!(rows[0], super::COLUMNS);
            assert_eq!(rows.len(), report.findings.len() + 1, "{id}");
            let numbers = crate::present::export::numbers(&report);
            for (i, f) in report.findings.iter().enumerate() {
                let r = &rows[numbers[i]];
                assert_eq!(r[0], numbers[i].to_string());
                assert_eq!(
                    (r[1].as_str(), r[4].as_str()),
                    (f.code.as_str(), f.line.to_string().as_str())
                );
                assert_eq!(r[6], f.message, "{id}");
            }
        }
    }

    #[test]
    fn the_desk_round_trips_with_its_numbers() {
        let mut desk = crate::present::desk::Desk::new(&[]);
        for (id, text) in crate::present::tests_support::seeds() {
            desk.add(format!("{id}, 副本.txt"), Ok(text.to_string()));
        }
        desk.add("坏.doc".into(), Err("无法打开「坏.doc」：旧版".into()));
        let rows = desk.rows();
        let written = super::desk(&rows);
        assert!(written.starts_with('\u{feff}'));
        let read = super::parse(&written);
        assert_eq!(read[0], super::DESK_COLUMNS);
        assert_eq!(read.len(), rows.len() + 1);
        for (row, cells) in rows.iter().zip(&read[1..]) {
            assert_eq!(cells.len(), super::DESK_COLUMNS.len());
            assert_eq!(cells[1], row.file);
            if row.refused.is_some() {
                assert!(cells[5].is_empty() && cells[23].starts_with("无法读取：无法打开"));
                continue;
            }
            let numbers: Vec<usize> = cells[5..23].iter().map(|c| c.parse().unwrap()).collect();
            assert_eq!(numbers[..3], row.counts());
            let families: Vec<usize> = row.by_family.iter().flatten().copied().collect();
            assert_eq!(numbers[3..], families);
        }
    }

    #[test]
    fn quotes_what_needs_quoting() {
        let mut out = String::new();
        super::record(&mut out, &["a,b", "say \"x\"", "plain"]);
        assert_eq!(out, "\"a,b\",\"say \"\"x\"\"\",plain\r\n");
        assert_eq!(super::parse(&out), [["a,b", "say \"x\"", "plain"]]);
    }
}
