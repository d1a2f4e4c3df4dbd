//! Issue 18: content nested 10,000 and 100,000 deep, and tables with extreme spans, end the CLI
//! cleanly (0, 1 or 2), within seconds and in bounded memory: a .docx's tables, content controls,
//! tracked insertions and hyperlinks are read (deeper than the readers nest, flat), HTML nested
//! deeper than browsers nest is refused with a message. And reading never recurses with the depth:
//! it runs on a small stack whatever the nesting.

mod support;

use proptest::prelude::*;

use support::{docx, nested, paragraph, text_of};

const HEADING: &str = "一、总体情况";

const DEPTHS: [usize; 2] = [10_000, 100_000];

fn deep_docx(kind: &str, depth: usize) -> Vec<u8> {
    let body = match kind {
        "table" => nested(
            "<w:tbl><w:tr><w:tc>",
            "</w:tc></w:tr></w:tbl>",
            depth,
            &paragraph(HEADING),
        ),
        "content control" => nested(
            "<w:sdt><w:sdtContent>",
            "</w:sdtContent></w:sdt>",
            depth,
            &paragraph(HEADING),
        ),
        "tracked insertion" => nested("<w:ins>", "</w:ins>", depth, &paragraph(HEADING)),
        "hyperlink" => format!(
            "<w:p>{}</w:p>",
            nested(
                "<w:hyperlink>",
                "</w:hyperlink>",
                depth,
                &format!("<w:r><w:t>{HEADING}</w:t></w:r>")
            )
        ),
        // Cells holding a content control holding a table, and so on.
        "mixed" => nested(
            "<w:tbl><w:tr><w:tc><w:sdt><w:sdtContent><w:customXml>",
            "</w:customXml></w:sdtContent></w:sdt></w:tc></w:tr></w:tbl>",
            depth,
            &paragraph(HEADING),
        ),
        _ => unreachable!(),
    };
    docx(&body, None)
}

#[test]
fn a_docx_nested_any_deep_is_read_flat_beyond_the_limit() {
    for depth in DEPTHS {
        for kind in [
            "table",
            "content control",
            "tracked insertion",
            "hyperlink",
            "mixed",
        ] {
            let run = text_of("深.docx", &deep_docx(kind, depth));
            assert_eq!(run.status, 0, "{kind} × {depth}: {}", run.stderr);
            assert_eq!(run.stdout.trim(), HEADING, "{kind} × {depth}");
            eprintln!("{kind} × {depth}: {:?}", run.took);
        }
    }
}

fn deep_html(kind: &str, depth: usize) -> String {
    let inner = HEADING.to_string();
    let body = match kind {
        "table" => nested("<table><tr><td>", "</td></tr></table>", depth, &inner),
        "div" => nested("<div>", "</div>", depth, &inner),
        "span" => nested("<span>", "</span>", depth, &inner),
        "b" => nested("<b>", "</b>", depth, &inner),
        // Formatting elements that differ are all kept in the list of formatting elements.
        "distinct b" => {
            let mut out = String::new();
            for i in 0..depth {
                out.push_str(&format!("<b id=b{i}>"));
            }
            out + &inner
        }
        _ => unreachable!(),
    };
    format!("<!DOCTYPE html><html><body>{body}</body></html>")
}

#[test]
fn html_nested_deeper_than_browsers_nest_is_refused_with_a_message() {
    for depth in DEPTHS {
        for kind in ["table", "div", "span", "b", "distinct b"] {
            let run = text_of("深.html", deep_html(kind, depth).as_bytes());
            assert_eq!(run.status, 2, "{kind} × {depth}: {}", run.stdout);
            assert!(
                run.stderr.contains("嵌套超过 512 层"),
                "{kind} × {depth}: {}",
                run.stderr
            );
            eprintln!("{kind} × {depth}: {:?}", run.took);
        }
    }
}

#[test]
fn html_nested_as_deep_as_browsers_nest_is_read() {
    // html, body and the text's parent count too.
    for kind in ["table", "div", "span", "b"] {
        let depth = if kind == "table" { 150 } else { 500 };
        let run = text_of("深.html", deep_html(kind, depth).as_bytes());
        assert_eq!(run.status, 0, "{kind} × {depth}: {}", run.stderr);
        assert_eq!(run.stdout.trim(), HEADING, "{kind} × {depth}");
    }
}

#[test]
fn extreme_spans_build_no_huge_grid() {
    let rows = 20_000;
    let tall = format!(
        "<table>{}</table>",
        "<tr><td rowspan=65534>1</td><td>2</td></tr>".repeat(rows)
    );
    let huge = format!(
        "<table>{}</table>",
        "<tr><td rowspan=18446744073709551615 colspan=18446744073709551615>1</td><td rowspan=99999999999999999999999>2</td><td colspan=1000000>3</td></tr>".repeat(rows)
    );
    for (what, html) in [("tall", tall), ("huge", huge)] {
        let run = text_of("跨.html", html.as_bytes());
        assert_eq!(run.status, 0, "{what}: {}", run.stderr);
        assert_eq!(run.stdout.lines().count(), rows, "{what}: a line a row");
        eprintln!("{what}: {:?}", run.took);
    }
    // Word: a column merged down 20,000 rows, beside cells spanning the widest grid.
    let row = "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p/></w:tc><w:tc><w:tcPr><w:gridSpan w:val=\"4294967295\"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr>";
    let body = format!("<w:tbl>{}</w:tbl>", row.repeat(rows));
    let run = text_of("跨.docx", &docx(&body, None));
    assert_eq!(run.status, 0, "{}", run.stderr);
}

/// Markup that nests within the limit but is long as well costs html5ever depth × tags: such a page
/// is refused once that work passes a budget, in about a second instead of a minute.
#[test]
fn html_both_deep_and_long_is_refused_in_bounded_time() {
    for (what, body) in [
        (
            "sibling divs 500 deep",
            nested("<div>", "", 500, &"<div></div>".repeat(1_800_000)),
        ),
        (
            "paragraphs under 500 fonts",
            nested("<font size=1>", "", 500, &"<p>x</p>".repeat(2_000_000)),
        ),
    ] {
        let run = text_of("繁.html", format!("<html><body>{body}").as_bytes());
        assert_eq!(run.status, 2, "{what}");
        assert!(
            run.stderr.contains("读取需时过长"),
            "{what}: {}",
            run.stderr
        );
        eprintln!("{what}: {:?}", run.took);
    }
    // As long, but as deep as a report's page: read.
    let report_like = nested(
        "<div>",
        "</div>",
        20,
        &"<p>（一）予以公开</p>".repeat(100_000),
    );
    let run = text_of("长.html", format!("<html><body>{report_like}").as_bytes());
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 100_000);
}

/// A paragraph of many text nodes that each hold a space: each gap in it is looked at once (the
/// reader once looked ahead from every gap to the next letter: 200,000 took 36 s).
#[test]
fn a_paragraph_of_many_gaps_is_read_in_linear_time() {
    let html = format!(
        "<html><body><p>一{}二</p><p>三{}四</p>",
        "<span> </span>".repeat(100_000),
        "<span>\n</span>".repeat(100_000)
    );
    let run = text_of("空.html", html.as_bytes());
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "一 二\n三四\n");
    eprintln!("200,000 gaps: {:?}", run.took);
}

/// Reading `bytes` as `name` on a stack of 256 KB: a reader that recursed with the nesting would
/// overflow it.
fn read_on_a_small_stack(name: &'static str, bytes: Vec<u8>) -> Result<String, String> {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || nianbao_cli::read_report(name, &bytes).map_err(|e| e.to_string()))
        .unwrap()
        .join()
        .expect("no overflow")
}

fn docx_wrapper() -> impl Strategy<Value = (&'static str, &'static str)> {
    prop::sample::select(vec![
        ("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>"),
        (
            "<w:tbl><w:sdt><w:sdtContent><w:tr><w:tc>",
            "</w:tc></w:tr></w:sdtContent></w:sdt></w:tbl>",
        ),
        ("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"),
        ("<w:customXml>", "</w:customXml>"),
        ("<w:ins>", "</w:ins>"),
        ("<w:moveTo>", "</w:moveTo>"),
    ])
}

fn html_wrapper() -> impl Strategy<Value = (&'static str, &'static str)> {
    prop::sample::select(vec![
        ("<table><tr><td>", "</td></tr></table>"),
        ("<table><caption>", "</caption></table>"),
        ("<div>", "</div>"),
        ("<span>", "</span>"),
        ("<b>", "</b>"),
        ("<p>", "</p>"),
        ("<pre>", "</pre>"),
        ("<td>", "</td>"),
    ])
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 64,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    /// Whatever wraps it, however deep, a .docx paragraph is read, once.
    #[test]
    fn a_docx_paragraph_at_any_depth_is_read(wrappers in prop::collection::vec(docx_wrapper(), 0..3000)) {
        let mut body = paragraph(HEADING);
        for (open, close) in &wrappers {
            body = format!("{open}{body}{close}");
        }
        let text = read_on_a_small_stack("a.docx", docx(&body, None)).unwrap();
        prop_assert_eq!(text.trim(), HEADING);
    }

    /// HTML is read when it nests no deeper than browsers nest, and refused with a message otherwise.
    #[test]
    fn html_at_any_depth_is_read_or_refused(wrappers in prop::collection::vec(html_wrapper(), 0..1500)) {
        let mut body = HEADING.to_string();
        for (open, close) in &wrappers {
            body = format!("{open}{body}{close}");
        }
        let html = format!("<html><body>{body}</body></html>");
        match read_on_a_small_stack("a.html", html.into_bytes()) {
            Ok(text) => prop_assert!(text.contains(HEADING), "{}", text),
            Err(message) => {
                prop_assert!(wrappers.len() > 150, "{} wrappers refused: {}", wrappers.len(), message);
                prop_assert!(message.contains("嵌套超过"), "{}", message);
            }
        }
    }
}

/// html5ever parses without recursion, and the reader's tree (a vector of nodes linked by index) is
/// dropped without it: 100,000 nested elements on a small stack, refused past 512 levels.
#[test]
fn a_deep_parsed_tree_drops_on_a_small_stack() {
    let html = nested("<span>", "</span>", 100_000, HEADING);
    let read = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || nianbao_cli::html_to_text("deep.htm", &html).is_err())
        .unwrap()
        .join()
        .expect("no overflow");
    assert!(read, "nesting that deep is refused");
}

/// Issue 17: 100,000 numbering definitions, each used, are read in seconds (they took minutes).
#[test]
fn a_hundred_thousand_numbering_definitions_are_read_in_seconds() {
    let n = 100_000;
    let mut numbering = String::new();
    let mut body = String::new();
    for i in 0..n {
        numbering.push_str(&format!("<w:abstractNum w:abstractNumId=\"{i}\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl></w:abstractNum>"));
        body.push_str(&format!(
            "<w:p><w:pPr><w:numPr><w:numId w:val=\"{i}\"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>"
        ));
    }
    for i in 0..n {
        numbering.push_str(&format!(
            "<w:num w:numId=\"{i}\"><w:abstractNumId w:val=\"{i}\"/></w:num>"
        ));
    }
    // The release build takes 2.6 s; the debug build about 10.
    let run = support::text_within(
        "编号.docx",
        &docx(&body, Some(&numbering)),
        std::time::Duration::from_secs(60),
    );
    assert_eq!(run.status, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), n);
    assert!(run.stdout.lines().all(|l| l == "一、总体情况"));
    eprintln!("{n} numbering definitions: {:?}", run.took);
}
