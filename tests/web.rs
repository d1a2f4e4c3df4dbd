//! The page in a real browser: renders the app in headless Chromium and checks its DOM.
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`
//! (scripts/test.sh does). On native targets this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use nianbao::present::utf16::utf16_offset;
use nianbao::{RuleCode, Severity};
use nianbao_web::state::EXAMPLE;
use nianbao_web::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Renders a fresh app into its own element and waits for the first render.
async fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

fn count(root: &Element, selector: &str) -> usize {
    root.query_selector_all(selector).unwrap().length() as usize
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn textarea(root: &Element) -> HtmlTextAreaElement {
    find(root, "textarea").dyn_into().unwrap()
}

/// The button whose label is `label`.
fn button(root: &Element, label: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .find(|b| b.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no button 「{label}」"))
}

async fn click(root: &Element, label: &str) {
    button(root, label).click();
    yew::scheduler::flush().await;
}

/// Types `value` the way the browser reports it: the new value, then a bubbling `input` event.
async fn type_text(root: &Element, value: &str) {
    let area = textarea(root);
    area.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict("input", &init).unwrap();
    area.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn shows_the_title_the_explanation_and_the_privacy_note() {
    let root = mount().await;
    assert_eq!(text(&root, "h1"), "政府信息公开工作年度报告检查");
    let intro = text(&root, ".intro");
    for words in ["六个部分", "三张表格", "勾稽关系"] {
        assert!(intro.contains(words), "the introduction names {words}");
    }
    assert!(text(&root, ".privacy").contains("不会离开这台电脑"));
    assert!(text(&root, ".footer").contains("清除本地草稿"));
}

#[wasm_bindgen_test]
async fn the_textarea_is_labelled_and_starts_empty() {
    let root = mount().await;
    let area = textarea(&root);
    assert_eq!(area.value(), "");
    let label = find(&root, "label[for='report-text']");
    assert_eq!(area.id(), "report-text");
    assert_eq!(label.text_content().as_deref(), Some("年度报告全文"));
    assert!(text(&root, "#results").contains("尚未输入报告"));
    assert_eq!(
        count(&root, "#announcement[aria-live='polite']"),
        1,
        "one polite live region"
    );
}

#[wasm_bindgen_test]
async fn load_example_fills_the_textarea_with_the_seed_and_checks_it() {
    let root = mount().await;
    click(&root, "载入示例").await;
    assert_eq!(textarea(&root).value(), EXAMPLE);

    // The page shows what the core reports.
    let report = nianbao::check(EXAMPLE);
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let selector = format!(".summary .count.{}", severity.as_str());
        let shown = text(&root, &selector);
        assert!(
            shown.ends_with(&format!(" {}", report.count(severity))),
            "{selector}: {shown}"
        );
    }
    assert!(text(&root, ".summary").contains("2021 版格式"));
    assert!(text(&root, ".summary").contains("2021 年度"));
    assert_eq!(count(&root, ".problem"), report.findings.len());
    assert!(text(&root, "#announcement").starts_with("检查完成"));
    // Seed 002 has no title: S06 is highlighted at the start of the text, as an insertion point.
    assert_eq!(count(&root, ".backdrop .insert-marker.warning"), 1);
}

#[wasm_bindgen_test]
async fn every_problem_is_highlighted_in_the_text_and_missing_parts_are_marked() {
    let root = mount().await;
    let seed = include_str!("../crates/nianbao/tests/fixtures/seeds/004_d96b637ce0123dd0.txt");
    type_text(&root, seed).await;
    let report = nianbao::check(seed);
    // S01 for parts 一 and 六: two insertion markers; every other finding has a mark over its text.
    assert_eq!(count(&root, ".backdrop .insert-marker.error"), 2);
    let marks = root.query_selector_all(".backdrop mark.hl").unwrap();
    let mut covered = std::collections::BTreeSet::new();
    for i in 0..marks.length() {
        let mark: Element = marks.item(i).unwrap().dyn_into().unwrap();
        for id in mark.get_attribute("data-f").unwrap().split(' ') {
            covered.insert(id.parse::<usize>().unwrap());
        }
    }
    let spanned: std::collections::BTreeSet<usize> = report
        .findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.start < f.end)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(covered, spanned);
    // The backdrop repeats the text exactly, so the marks sit under the right characters.
    let backdrop = text(&root, ".backdrop-text");
    assert_eq!(backdrop.strip_suffix("\n "), Some(seed));
    // The problem list is grouped by part, missing parts under their own name.
    let groups = text(&root, "#results");
    assert!(groups.contains("一、总体情况（缺失）"));
    assert!(groups.contains("六、其他需要报告的事项（缺失）"));
}

#[wasm_bindgen_test]
async fn choosing_a_problem_selects_its_text_and_f8_moves_on() {
    let root = mount().await;
    let seed = include_str!("../crates/nianbao/tests/fixtures/seeds/004_d96b637ce0123dd0.txt");
    type_text(&root, seed).await;
    let report = nianbao::check(seed);
    let (index, finding) = report
        .findings
        .iter()
        .enumerate()
        .find(|(_, f)| f.code == RuleCode::S04)
        .unwrap();
    let go: HtmlElement = find(&root, &format!(".problem-go[data-index='{index}']"))
        .dyn_into()
        .unwrap();
    go.click();
    yew::scheduler::flush().await;
    let area = textarea(&root);
    let document = web_sys::window().unwrap().document().unwrap();
    assert_eq!(
        document.active_element().unwrap().id(),
        "report-text",
        "focus moved to the text"
    );
    // Only the faulty part is selected (issue 12): for S04, the title its fix rewrites.
    let (start, end) = nianbao::present::navigation::selection(finding, seed);
    assert!(finding.start <= start && end <= finding.end && start < end);
    assert_eq!(
        area.selection_start().unwrap(),
        Some(utf16_offset(seed, start) as u32)
    );
    assert_eq!(
        area.selection_end().unwrap(),
        Some(utf16_offset(seed, end) as u32)
    );
    assert_eq!(count(&root, ".problem.selected"), 1);
    assert!(find(&root, ".backdrop mark.selected")
        .get_attribute("data-f")
        .unwrap()
        .split(' ')
        .any(|i| i == index.to_string()));

    // F8: the next problem in text order.
    let init = web_sys::KeyboardEventInit::new();
    init.set_key("F8");
    init.set_bubbles(true);
    let key = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&key).unwrap();
    yew::scheduler::flush().await;
    let next = &report.findings[(index + 1) % report.findings.len()];
    let (next_start, _) = nianbao::present::navigation::selection(next, seed);
    assert_eq!(
        area.selection_start().unwrap(),
        Some(utf16_offset(seed, next_start) as u32)
    );
}

#[wasm_bindgen_test]
async fn the_tables_show_the_numbers_and_mark_a_broken_sum() {
    let root = mount().await;
    let seed = include_str!("../crates/nianbao/tests/fixtures/seeds/000_c430893fbea2ae1b.txt");
    let doc = nianbao::check(seed).document;
    let cell = doc
        .table(nianbao::template::TableId::T3)
        .unwrap()
        .row("granted")
        .unwrap()
        .cells[0]
        .span;
    let changed = format!("{}4{}", &seed[..cell.start], &seed[cell.end..]);
    type_text(&root, &changed).await;
    assert_eq!(count(&root, ".t3 tbody tr"), 25);
    assert_eq!(count(&root, ".t4 tbody td"), 15);
    assert_eq!(count(&root, ".t2 table"), 4, "the four sub-tables of T2");
    // The changed cell and the totals it breaks are marked, with the rule in their tip.
    let flagged = root.query_selector_all(".t3 td.flagged").unwrap();
    assert!(
        flagged.length() >= 3,
        "the cell, its row total and its column total"
    );
    let tips: Vec<String> = (0..flagged.length())
        .map(|i| {
            flagged
                .item(i)
                .unwrap()
                .dyn_into::<Element>()
                .unwrap()
                .get_attribute("data-tip")
                .unwrap()
        })
        .collect();
    assert!(
        tips.iter()
            .any(|t| t.contains(". R02 ") && t.contains("应为 4，实为 0")),
        "{tips:?}"
    );
    assert!(tips.iter().any(|t| t.contains("R03")), "{tips:?}");
    // The totals the rules point at stand out; the changed cell is outlined as a term of both sums.
    let cells: Vec<Element> = (0..flagged.length())
        .map(|i| flagged.item(i).unwrap().dyn_into().unwrap())
        .collect();
    // Its own value, then what the diagnosis of the table says it should hold (issue 14).
    let changed_cell = cells
        .iter()
        .find(|c| c.text_content().as_deref().map(str::trim) == Some("4应为 0"))
        .unwrap();
    assert!(changed_cell.class_list().contains("term"));
    assert!(changed_cell.class_list().contains("suspect"));
    let pointed: Vec<_> = cells
        .iter()
        .filter(|c| !c.class_list().contains("term"))
        .collect();
    assert_eq!(
        pointed.len(),
        2,
        "the row total (R02) and the column total (R03)"
    );
}

#[wasm_bindgen_test]
async fn typing_rechecks_and_clear_empties() {
    let root = mount().await;
    type_text(&root, "一、总体情况\n本年度……").await;
    assert!(text(&root, "#results").contains("缺少第二部分"));
    assert!(!text(&root, "#results").contains("尚未输入报告"));

    click(&root, "清空").await;
    assert_eq!(textarea(&root).value(), "");
    assert!(text(&root, "#results").contains("尚未输入报告"));
    assert!(
        button(&root, "清空").has_attribute("disabled"),
        "nothing left to clear"
    );
}

#[wasm_bindgen_test]
async fn a_long_text_is_checked_when_typing_pauses() {
    let root = mount().await;
    let seed = include_str!("../crates/nianbao/tests/fixtures/seeds/004_d96b637ce0123dd0.txt");
    // Pad a real report past the point where every keystroke would be checked.
    let long = format!(
        "{seed}{}",
        "\n本段为填充文字。".repeat(nianbao_web::state::CHECK_AT_ONCE_BELOW / 20)
    );
    assert!(long.len() > nianbao_web::state::CHECK_AT_ONCE_BELOW);
    type_text(&root, &long).await;
    assert_eq!(
        count(&root, ".results.stale"),
        1,
        "not checked yet while typing goes on"
    );
    assert_eq!(
        count(&root, ".backdrop mark"),
        0,
        "no highlights from an older text"
    );
    gloo_timers::future::TimeoutFuture::new(nianbao_web::state::PAUSE_MS + 200).await;
    yew::scheduler::flush().await;
    assert_eq!(count(&root, ".results.stale"), 0);
    assert_eq!(
        count(&root, ".backdrop .insert-marker.error"),
        2,
        "checked after the pause"
    );
}

#[wasm_bindgen_test]
async fn last_years_report_enables_the_year_over_year_check_on_both_texts() {
    use nianbao::rules::previous::x01_carry_over::{DOC, LAST_YEAR_EXAMPLE};
    let root = mount().await;
    type_text(&root, DOC.bad).await;
    assert!(
        !text(&root, "#results").contains("X01"),
        "nothing to compare with yet"
    );

    let previous: HtmlTextAreaElement = find(&root, "#previous-text").dyn_into().unwrap();
    previous.set_value(LAST_YEAR_EXAMPLE);
    let init = EventInit::new();
    init.set_bubbles(true);
    previous
        .dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    yew::scheduler::flush().await;

    let report = nianbao::check_with_previous(DOC.bad, LAST_YEAR_EXAMPLE);
    let x01: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.code == RuleCode::X01)
        .collect();
    assert!(!x01.is_empty());
    assert!(text(&root, "#results").contains("X01"));
    // Shown in both texts: this year's cell in the main text, last year's in the second one.
    let marks_here = root
        .query_selector_all(".editor .backdrop mark.hl")
        .unwrap();
    let here: Vec<String> = (0..marks_here.length())
        .map(|i| marks_here.item(i).unwrap().text_content().unwrap())
        .collect();
    assert!(
        x01.iter()
            .all(|f| here.contains(&DOC.bad[f.start..f.end].to_string())),
        "{here:?}"
    );
    let marks_there = root
        .query_selector_all(".previous .backdrop mark.hl")
        .unwrap();
    assert_eq!(marks_there.length() as usize, x01.len());
    for (i, f) in x01.iter().enumerate() {
        let place = f.in_last_year().unwrap();
        let shown = marks_there.item(i as u32).unwrap().text_content().unwrap();
        assert_eq!(shown, LAST_YEAR_EXAMPLE[place.start..place.end]);
    }
}

// The state's own tests (the reducer, with the checker and the clock injected) run natively:
// src/state/tests.rs (`cargo test -p nianbao-web`).

#[wasm_bindgen_test]
fn window_nianbao_check_returns_the_cli_shape() {
    let value = nianbao_web::api::check_to_js(EXAMPLE);
    let json = js_sys::JSON::stringify(&value)
        .unwrap()
        .as_string()
        .unwrap();
    for key in [
        "\"file\"",
        "\"format\":\"2021\"",
        "\"year\":2021",
        "\"findings\"",
        "\"t3\"",
        "\"t4\"",
    ] {
        assert!(json.contains(key), "{key} in {json}");
    }
}
