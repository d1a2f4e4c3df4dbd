//! One text box with the findings highlighted in place, for this year's report and last year's: a
//! backdrop behind the (transparent) textarea repeats the text with marks at the findings' byte
//! ranges, scrolled with it.
//!
//! A paste whose clipboard holds a table (Word, WPS, a web page) is inserted as the table's grid. It is
//! put in with `setRangeText`, in time proportional to its length (the editing command `insertText`
//! takes seconds to tens of seconds for a few thousand lines), and since that leaves no step in the
//! browser's undo history, the box keeps its own: Ctrl+Z right after the paste restores the exact text
//! before it, in one step.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use crate::markup::table_paste;
use nianbao::present::pieces::{pieces, Piece};
use nianbao::{Finding, Report, Severity};

/// The findings a text box marks: this year's at their place, or those comparing with last year at
/// their place in last year's text.
#[derive(Clone)]
pub struct Marks {
    pub report: Rc<Report>,
    pub last_year: bool,
}

impl PartialEq for Marks {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report) && self.last_year == other.last_year
    }
}

impl Marks {
    /// The findings, placed in the text this box shows.
    fn placed(&self) -> Cow<'_, [Finding]> {
        if !self.last_year {
            return Cow::Borrowed(&self.report.findings);
        }
        self.report
            .findings
            .iter()
            .filter_map(|f| {
                let there = f.in_last_year()?;
                Some(Finding {
                    start: there.start,
                    end: there.end,
                    line: there.line,
                    ..f.clone()
                })
            })
            .collect()
    }
}

/// What [`text_box`] shows and whom it tells. A plain function rather than a component (each
/// component costs the bundle its share of Yew's generic machinery): its one piece of state, the
/// paste's undo step, is kept by the caller (`use_mut_ref(PasteUndo::default)`).
pub struct TextBox {
    pub id: &'static str,
    /// The id of the element naming the box, when no `<label for>` does.
    pub labelled_by: Option<&'static str>,
    pub described_by: &'static str,
    pub placeholder: &'static str,
    pub small: bool,
    pub value: AttrValue,
    pub marks: Option<Marks>,
    pub selected: Option<usize>,
    pub on_edit: Callback<String>,
    /// The caret may have moved (a click or a key).
    pub on_caret: Callback<()>,
    pub area_ref: NodeRef,
    pub backdrop_ref: NodeRef,
    pub paste: Rc<RefCell<PasteUndo>>,
}

pub fn severity_class(severity: Severity) -> &'static str {
    severity.as_str()
}

/// `text` with `findings` marked: runs under a span, a bar where something is missing.
fn render_pieces(text: &str, findings: &[Finding], selected: Option<usize>) -> Html {
    pieces(text, findings)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text { start, end } => html! { {&text[start..end]} },
            Piece::Mark { start, end, severity, findings: covering } => {
                let ids = covering.iter().map(usize::to_string).collect::<Vec<_>>().join(" ");
                let is_selected = selected.is_some_and(|s| covering.contains(&s));
                html! {
                    <mark class={classes!("hl", severity_class(severity), is_selected.then_some("selected"))} data-f={ids}>
                        {&text[start..end]}
                    </mark>
                }
            }
            Piece::Marker { severity, finding, .. } => html! {
                <span class={classes!("insert-marker", severity_class(severity), (selected == Some(finding)).then_some("selected"))}
                      data-f={finding.to_string()}></span>
            },
        })
        .collect()
}

/// The text box's own undo step for its last table paste: the text before and after it, and the
/// selection it replaced (UTF-16 units).
#[derive(Default)]
pub struct PasteUndo {
    step: Option<PasteStep>,
}

struct PasteStep {
    before: String,
    after: String,
    start: u32,
    end: u32,
}

/// Inserts `grid` over the selection of `area` in one step; returns the undo step.
fn insert(area: &HtmlTextAreaElement, grid: &str) -> Option<PasteStep> {
    let start = area.selection_start().ok()??;
    let end = area.selection_end().ok()??;
    let before = area.value();
    area.set_range_text_with_start_and_end(grid, start, end)
        .ok()?;
    let caret = start + grid.encode_utf16().count() as u32;
    let _ = area.set_selection_range(caret, caret);
    Some(PasteStep {
        before,
        after: area.value(),
        start,
        end,
    })
}

/// After a whole report arrives (a paste into the empty box, an opened file), shows its top, not its
/// end where the caret was left: once the browser has put the text in, the caret goes to the start and
/// the box and the page scroll to the top.
pub fn show_top() {
    let once = wasm_bindgen::closure::Closure::once_into_js(|| {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(area) = window
            .document()
            .and_then(|d| d.get_element_by_id("report-text"))
            .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
        {
            let _ = area.set_selection_range(0, 0);
            area.set_scroll_top(0);
        }
        window.scroll_to_with_x_and_y(0.0, 0.0);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(once.unchecked_ref(), 0);
    }
}

pub fn text_box(props: TextBox) -> Html {
    let oninput = props
        .on_edit
        .reform(|event: InputEvent| event.target_unchecked_into::<HtmlTextAreaElement>().value());
    let onpaste = {
        let (on_edit, paste) = (props.on_edit.clone(), props.paste.clone());
        Callback::from(move |event: Event| {
            let event: ClipboardEvent = event.unchecked_into();
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            if area.value().is_empty() {
                show_top();
            }
            let Some(grid) = table_paste(&event) else {
                return;
            };
            if let Some(pasted) = insert(&area, &grid) {
                event.prevent_default();
                on_edit.emit(pasted.after.clone());
                paste.borrow_mut().step = Some(pasted);
            }
        })
    };
    let onkeydown = {
        let (on_edit, paste) = (props.on_edit.clone(), props.paste);
        Callback::from(move |event: KeyboardEvent| {
            let key = event.key();
            if !(event.ctrl_key() || event.meta_key())
                || event.shift_key()
                || !(key == "z" || key == "Z")
            {
                return;
            }
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            // Only right after the paste: any other edit is the browser's to undo.
            let Some(step) = paste.borrow_mut().step.take_if(|s| area.value() == s.after) else {
                return;
            };
            event.prevent_default();
            area.set_value(&step.before);
            let _ = area.set_selection_range(step.start, step.end);
            on_edit.emit(step.before);
        })
    };
    let onscroll = {
        let backdrop_ref = props.backdrop_ref.clone();
        Callback::from(move |event: Event| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            if let Some(backdrop) = backdrop_ref.cast::<web_sys::Element>() {
                backdrop.set_scroll_top(area.scroll_top());
                backdrop.set_scroll_left(area.scroll_left());
            }
        })
    };
    let onkeyup = props.on_caret.reform(|_: KeyboardEvent| ());
    let onclick = props.on_caret.reform(|_: MouseEvent| ());

    let text = props.value.as_str();
    let backdrop = match &props.marks {
        Some(marks) => render_pieces(text, &marks.placed(), props.selected),
        None => html! { {text} },
    };
    html! {
        <div class={classes!("textbox", props.small.then_some("small"))}>
            <div class="backdrop" ref={props.backdrop_ref} aria-hidden="true">
                <div class="backdrop-text">{backdrop}{"\n "}</div>
            </div>
            <textarea
                id={props.id}
                class="report-text"
                ref={props.area_ref}
                aria-labelledby={props.labelled_by}
                aria-describedby={props.described_by}
                placeholder={props.placeholder}
                spellcheck="false"
                value={props.value.clone()}
                {oninput}
                {onpaste}
                {onkeydown}
                {onscroll}
                {onkeyup}
                {onclick}
            />
        </div>
    }
}
