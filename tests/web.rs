//! The page in a real browser: renders the app in headless Chromium and checks its DOM.
//! Run with `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`
//! (scripts/test.sh does). On native targets this file compiles to nothing.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use nianbao::web::state::{Action, Checker, EXAMPLE};
use nianbao::web::App;
use nianbao::Severity;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlTextAreaElement};
use yew::Reducible;

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
}

#[wasm_bindgen_test]
async fn the_textarea_is_labelled_and_starts_empty() {
    let root = mount().await;
    let area = textarea(&root);
    assert_eq!(area.value(), "");
    let label = find(&root, "label");
    assert_eq!(
        label.get_attribute("for").as_deref(),
        Some(area.id().as_str())
    );
    assert_eq!(label.text_content().as_deref(), Some("年度报告全文"));
    assert!(text(&root, "#results").contains("尚未输入报告"));
}

#[wasm_bindgen_test]
async fn load_example_fills_the_textarea_with_the_seed_and_checks_it() {
    let root = mount().await;
    click(&root, "载入示例").await;
    assert_eq!(textarea(&root).value(), EXAMPLE);
    assert!(EXAMPLE.contains("一、总体情况"));

    let results = find(&root, "#results");
    assert_eq!(
        results.get_attribute("aria-live").as_deref(),
        Some("polite")
    );
    let counts = text(&root, ".counts");
    for label in ["错误", "警告", "提示"] {
        assert!(counts.contains(label), "the counts show {label}: {counts}");
    }
    // The page shows what the core reports, whatever that is.
    let report = nianbao::check(EXAMPLE);
    for severity in [Severity::Error, Severity::Warning, Severity::Info] {
        let selector = format!(".count.{} .count-value", severity.as_str());
        assert_eq!(text(&root, &selector), report.count(severity).to_string());
    }
    let items = root.query_selector_all(".findings > li").unwrap().length();
    assert_eq!(items as usize, report.findings.len());
    if report.findings.is_empty() {
        assert!(text(&root, "#results").contains("未发现问题"));
    }
}

#[wasm_bindgen_test]
async fn typing_rechecks_and_clear_empties() {
    let root = mount().await;
    type_text(&root, "一、总体情况\n本年度……").await;
    assert!(text(&root, "#results").contains("错误"));
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
fn the_state_checks_text_and_keeps_its_report_while_the_text_stays() {
    let empty = Rc::new(Checker::default());
    assert!(empty.report.is_none());

    let example = empty.reduce(Action::LoadExample);
    assert_eq!(example.text.as_str(), EXAMPLE);
    let report = example.report.clone().expect("the example is checked");
    assert_eq!(report.findings, nianbao::check(EXAMPLE).findings);

    // The same text again: the same state, so Yew skips the render and the check is not repeated.
    let again = example.clone().reduce(Action::Edit(EXAMPLE.to_string()));
    assert!(Rc::ptr_eq(&again, &example));

    // Blank text is not checked.
    let blank = again.reduce(Action::Edit(" \n\t".to_string()));
    assert!(blank.report.is_none());
    assert!(blank.reduce(Action::Clear).text.is_empty());
}
