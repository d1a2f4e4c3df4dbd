//! This year's report: the text box with every finding highlighted in place, so the drafter sees each
//! problem where they type. Selecting a problem selects its range in the textarea and flashes its
//! mark; the problems under the caret are listed below the box.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, FocusOptions, HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

pub use super::textbox::severity_class;
use super::textbox::{text_box, Marks, TextBox, TextBoxState};
use crate::state::same_text;
use nianbao::present::navigation::selection;
use nianbao::present::utf16::{byte_offset, utf16_offset};
use nianbao::Report;

#[derive(Properties)]
pub struct EditorProps {
    pub value: AttrValue,
    pub report: Option<Rc<Report>>,
    pub selected: Option<usize>,
    /// Changes whenever a problem is selected, so the editor moves to it even if it is the same one.
    pub focus_serial: u32,
    /// Where the caret is, as a byte offset; kept up to date for the next/previous shortcuts.
    pub caret: Rc<Cell<usize>>,
    pub on_edit: Callback<AttrValue>,
    /// Something the user did was refused (a paste too large): why.
    pub on_notice: Callback<String>,
}

impl PartialEq for EditorProps {
    fn eq(&self, other: &Self) -> bool {
        same_text(&self.value, &other.value)
            && same_report(&self.report, &other.report)
            && self.selected == other.selected
            && self.focus_serial == other.focus_serial
            && Rc::ptr_eq(&self.caret, &other.caret)
            && self.on_edit == other.on_edit
            && self.on_notice == other.on_notice
    }
}

pub fn same_report(a: &Option<Rc<Report>>, b: &Option<Rc<Report>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Rc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// Selects `start..end` (the faulty part of finding `index`), scrolls `area` (and the backdrop) so its mark sits a third of the way
/// down, then scrolls the page so the mark is in the window, and flashes it. The selection is set
/// before the box takes focus, and focus does not scroll: focusing first would scroll the page to the
/// old caret (after a paste, the end of the text).
fn reveal(
    area: &HtmlTextAreaElement,
    backdrop: &Element,
    text: &str,
    start: usize,
    end: usize,
    index: usize,
) {
    let from = utf16_offset(text, start) as u32;
    let to = utf16_offset(text, end) as u32;
    let _ = area.set_selection_range(from, to);
    let options = FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = area.focus_with_options(&options);
    let Ok(Some(mark)) = backdrop.query_selector(&format!("[data-f~=\"{index}\"]")) else {
        // A long text has no marks (no backdrop): scroll to where the place lies in proportion.
        let share = f64::from(from) / f64::from(utf16_offset(text, text.len()).max(1) as u32);
        let top = (f64::from(area.scroll_height()) * share) as i32 - area.client_height() / 3;
        area.set_scroll_top(top.max(0));
        return;
    };
    let Ok(mark) = mark.dyn_into::<HtmlElement>() else {
        return;
    };
    let top = (mark.offset_top() - area.client_height() / 3).max(0);
    area.set_scroll_top(top);
    backdrop.set_scroll_top(area.scroll_top());
    if let Some(window) = web_sys::window() {
        let height = window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        let rect = mark.get_bounding_client_rect();
        if rect.top() < 0.0 || rect.bottom() > height {
            window.scroll_by_with_x_and_y(0.0, rect.top() - height / 3.0);
        }
    }
    let classes = mark.class_list();
    let _ = classes.remove_1("flash");
    let _ = mark.offset_width(); // restart the animation
    let _ = classes.add_1("flash");
}

/// Scrolls the problem list, when it is a scroll box of its own, so the selected problem is in the
/// part of it on screen; the page itself is left where the jump put it.
fn show_in_list(index: usize) {
    let document = web_sys::window().and_then(|w| w.document());
    let found = document.and_then(|d| {
        let list = d.query_selector(".results").ok()??;
        let go = d
            .query_selector(&format!("[data-index=\"{index}\"]"))
            .ok()??;
        // The whole card, with its buttons under the problem.
        Some((list, go.parent_element().unwrap_or(go)))
    });
    let Some((list, item)) = found else {
        return;
    };
    if list.scroll_height() <= list.client_height() {
        return;
    }
    let (box_, at) = (
        list.get_bounding_client_rect(),
        item.get_bounding_client_rect(),
    );
    // The part of the list on screen: it may reach below the window on a short screen.
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok()?.as_f64())
        .unwrap_or(f64::MAX);
    let (top, bottom) = (box_.top().max(0.0), box_.bottom().min(height));
    let margin = 8.0;
    if at.top() < top + margin {
        list.set_scroll_top(list.scroll_top() - (top - at.top() + margin) as i32);
    } else if at.bottom() > bottom - margin {
        list.set_scroll_top(list.scroll_top() + (at.bottom() - bottom + margin) as i32);
    }
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let area_ref = use_node_ref();
    let backdrop_ref = use_node_ref();
    // The findings under the caret, shown under the text box.
    let caret_byte = use_state(|| None::<usize>);
    let box_state = use_mut_ref(TextBoxState::default);
    let redraw = use_force_update();

    {
        let area_ref = area_ref.clone();
        let backdrop_ref = backdrop_ref.clone();
        let (box_state, redraw) = (box_state.clone(), redraw.clone());
        let report = props.report.clone();
        let selected = props.selected;
        let text = props.value.clone();
        let caret = props.caret.clone();
        let caret_byte = caret_byte.clone();
        use_effect_with(props.focus_serial, move |serial| {
            if *serial > 0 {
                if let (Some(area), Some(backdrop), Some(report), Some(i)) = (
                    area_ref.cast::<HtmlTextAreaElement>(),
                    backdrop_ref.cast::<Element>(),
                    report,
                    selected,
                ) {
                    if let Some(f) = report.findings.get(i) {
                        let (start, end) = selection(f, &text);
                        // In a long text, the window that holds it, moved to if need be.
                        let held = box_state.borrow_mut().window_holding(&text, start, end);
                        let (shown, from) = match held {
                            Some((w, moved)) => {
                                if moved {
                                    area.set_value(&text[w.start..w.end]);
                                    redraw.force_update();
                                }
                                (&text[w.start..w.end], w.start)
                            }
                            None => (text.as_str(), 0),
                        };
                        reveal(&area, &backdrop, shown, start - from, end - from, i);
                        show_in_list(i);
                        caret.set(f.start);
                        caret_byte.set(Some(f.start));
                    }
                }
            }
        });
    }

    {
        // A new report redraws the marks; the backdrop must keep the text's scroll (a redraw that
        // shortens it for a moment resets its scrollTop, painting the marks over the wrong lines).
        let (area_ref, backdrop_ref) = (area_ref.clone(), backdrop_ref.clone());
        use_effect(move || {
            if let (Some(area), Some(backdrop)) =
                (area_ref.cast::<Element>(), backdrop_ref.cast::<Element>())
            {
                backdrop.set_scroll_top(area.scroll_top());
                backdrop.set_scroll_left(area.scroll_left());
            }
        });
    }

    let track_caret = {
        let caret = props.caret.clone();
        let caret_byte = caret_byte.clone();
        let area_ref = area_ref.clone();
        let box_state = box_state.clone();
        Callback::from(move |()| {
            if let Some(area) = area_ref.cast::<HtmlTextAreaElement>() {
                let unit = area.selection_start().ok().flatten().unwrap_or(0) as usize;
                let byte = box_state.borrow().shown_from() + byte_offset(&area.value(), unit);
                caret.set(byte);
                caret_byte.set(Some(byte));
            }
        })
    };
    let under_caret: Vec<Html> = match (props.report.as_deref(), *caret_byte) {
        (Some(report), Some(at)) => {
            let mut here: Vec<(usize, &nianbao::Finding)> = report
                .findings
                .iter()
                .enumerate()
                .filter(|(_, f)| f.start <= at && at <= f.end && (f.start < f.end || f.start == at))
                .collect();
            // The selected problem first: after a jump, the line names it.
            if let Some(p) = here.iter().position(|(i, _)| Some(*i) == props.selected) {
                let chosen = here.remove(p);
                here.insert(0, chosen);
            }
            here.into_iter()
                .take(3)
                .map(|(_, f)| {
                    html! {
                        <li class={severity_class(f.severity)}>
                            <span class="caret-code">{f.code.as_str()}</span>{" "}{&f.message}
                        </li>
                    }
                })
                .collect()
        }
        _ => Vec::new(),
    };

    html! {
        <section class="editor" aria-labelledby="report-text-label">
            <label id="report-text-label" for="report-text" class="editor-label">{"年度报告全文"}</label>
            <p id="report-text-hint" class="hint">
                {"从 Word、WPS、PDF 或网页中复制报告全文（包括表格）粘贴到这里，或把 Word 文档（.docx）、PDF、文本（.txt / .md）或保存的网页（.html）拖到页面上。表格按原来的行列读入。有问题的地方会直接在文中标出。"}
            </p>
            {text_box(TextBox {
                id: "report-text",
                labelled_by: None,
                described_by: "report-text-hint",
                placeholder: "在此粘贴年度报告全文……",
                small: false,
                value: props.value.clone(),
                marks: props.report.clone().map(|report| Marks { report, last_year: false }),
                selected: props.selected,
                on_edit: props.on_edit.clone(),
                on_refuse: props.on_notice.clone(),
                on_caret: track_caret,
                area_ref,
                backdrop_ref,
                state: box_state,
                redraw: Callback::from(move |()| redraw.force_update()),
            })}
            <ul class="under-caret" aria-label="光标处的问题">
                for item in under_caret { {item} }
            </ul>
        </section>
    }
}
