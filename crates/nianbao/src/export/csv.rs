//! The findings as a CSV table for a spreadsheet: UTF-8 with a byte-order mark (so that Excel reads
//! the Chinese), one row per finding, numbered as in the 检查意见.

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
    fn quotes_what_needs_quoting() {
        let mut out = String::new();
        super::record(&mut out, &["a,b", "say \"x\"", "plain"]);
        assert_eq!(out, "\"a,b\",\"say \"\"x\"\"\",plain\r\n");
        assert_eq!(super::parse(&out), [["a,b", "say \"x\"", "plain"]]);
    }
}
