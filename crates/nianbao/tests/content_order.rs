//! Table 3 from PDF text in content order (plain `pdftotext`), and labels wrapped among their group
//! label's characters (tests/fixtures/pdf-text).

use nianbao::template::TableId;
use nianbao::RuleCode;

fn fixture(name: &str) -> String {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf-text")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn expected_t3(source: &str) -> Vec<Vec<Option<i64>>> {
    let json: serde_json::Value =
        serde_json::from_str(&fixture(&format!("{source}.expected.json"))).expect("JSON");
    json["t3"]
        .as_array()
        .expect("t3")
        .iter()
        .map(|r| {
            r.as_array()
                .expect("a row")
                .iter()
                .map(|v| v.as_i64())
                .collect()
        })
        .collect()
}

#[test]
fn table_3_in_content_order_is_read_and_a_typo_fires_its_row_sum() {
    for source in ["seed000-filled", "seed004-filled"] {
        let text = fixture(&format!("{source}.raw.txt"));
        let report = nianbao::check(&text);
        let t3 = report
            .document
            .table(TableId::T3)
            .filter(|t| t.found)
            .expect("table 3");
        assert!(t3.unreliable.is_none(), "{source}: {:?}", t3.unreliable);
        let got: Vec<Vec<Option<i64>>> = t3
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.count()).collect())
            .collect();
        assert_eq!(got, expected_t3(source), "{source}");
        // Every cell's span is its own number.
        for row in &t3.rows {
            for cell in &row.cells {
                let raw = text[cell.span.start..cell.span.end].trim();
                assert_eq!(raw.parse::<i64>().ok(), cell.count(), "{source}: {raw}");
            }
        }
        // One number changed: read still, and its row's total is flagged there.
        let cell = t3.rows[0].cells[0].span;
        let total = t3.rows[0].cells[6].span.start;
        let old: i64 = text[cell.start..cell.end].parse().expect("a number");
        let new = (old + 1).to_string();
        let mutated = format!("{}{}{}", &text[..cell.start], new, &text[cell.end..]);
        let shift = new.len() - (cell.end - cell.start);
        let after = nianbao::check(&mutated);
        assert!(
            after
                .findings
                .iter()
                .any(|f| f.code == RuleCode::R02 && f.start == total + shift),
            "{source}: R02 at the row total"
        );
    }
}

#[test]
fn a_label_wrapped_among_its_group_labels_characters_reads_as_the_label() {
    let report = nianbao::check(&fixture("seed004-filled.layout.txt"));
    let t05: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.code == RuleCode::T05)
        .map(|f| f.message.clone())
        .collect();
    assert!(t05.is_empty(), "{t05:#?}");
}

#[test]
fn numbers_in_another_content_order_make_table_3_unreadable_not_wrong() {
    let text = fixture("seed000-filled.raw.txt");
    let report = nianbao::check(&text);
    let t3 = report.document.table(TableId::T3).expect("table 3");
    let cells: Vec<(nianbao::Span, i64)> = t3
        .rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .map(|c| (c.span, c.count().expect("a count")))
        .collect();
    let columns = t3.rows[0].cells.len();
    let rows = t3.rows.len();
    // The same numbers written column by column (as a columns-first extraction would give them).
    let column_major: Vec<i64> = (0..columns)
        .flat_map(|c| (0..rows).map(move |r| (r, c)))
        .map(|(r, c)| cells[r * columns + c].1)
        .collect();
    let mut mutated = text.clone();
    for ((span, _), value) in cells.iter().zip(&column_major).rev() {
        mutated.replace_range(span.start..span.end, &value.to_string());
    }
    let after = nianbao::check(&mutated);
    let t3 = after.document.table(TableId::T3).expect("table 3");
    assert!(t3.unreliable.is_some(), "table 3 read column by column");
    let sums: Vec<_> = after
        .findings
        .iter()
        .filter(|f| matches!(f.code, RuleCode::R01 | RuleCode::R02 | RuleCode::R03))
        .map(|f| f.message.clone())
        .collect();
    assert!(sums.is_empty(), "{sums:#?}");
}

#[test]
fn table_2_sub_tables_in_content_order_are_read() {
    // seed004's 2019 table 2 in content order is still unreadable (T06).
    for source in ["seed000-filled"] {
        let text = fixture(&format!("{source}.raw.txt"));
        let report = nianbao::check(&text);
        let t2 = report
            .document
            .table(TableId::T2)
            .filter(|t| t.found)
            .expect("table 2");
        assert!(t2.unreliable.is_none(), "{source}: {:?}", t2.unreliable);
        let json: serde_json::Value =
            serde_json::from_str(&fixture(&format!("{source}.expected.json"))).expect("JSON");
        for (label, values) in json["t2"].as_object().expect("t2") {
            let row = t2
                .rows
                .iter()
                .find(|r| r.label == label.as_str())
                .unwrap_or_else(|| panic!("{source}: {label}"));
            let got: Vec<String> = row
                .cells
                .iter()
                .map(|c| c.value.as_ref().map(|v| v.to_string()).unwrap_or_default())
                .collect();
            let want: Vec<String> = values
                .as_array()
                .expect("values")
                .iter()
                .map(|v| match v {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect();
            assert_eq!(got, want, "{source}: {label}");
        }
    }
}
