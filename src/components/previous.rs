//! 上年年报: an optional second text, last year's report. With it, the check also compares the two
//! years (X01, X02), and each such finding is highlighted in both texts.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{DragEvent, File};
use yew::prelude::*;

pub use super::textbox::TextBoxState;
use super::textbox::{text_box, Marks, TextBox};
use nianbao::Report;

/// What [`previous_report`] shows and whom it tells.
pub struct PreviousReport {
    pub value: AttrValue,
    pub report: Option<Rc<Report>>,
    pub on_edit: Callback<AttrValue>,
    pub on_file: Callback<File>,
    /// A paste was refused: why.
    pub on_notice: Callback<String>,
    /// The text box's state (paste undo step, window of a long text), kept by the caller.
    pub state: Rc<RefCell<TextBoxState>>,
    /// Draws the box again (its window moved).
    pub redraw: Callback<()>,
}

/// A plain function, not a component (its one piece of state is the caller's): each component costs
/// the bundle its share of Yew's generic code.
pub fn previous_report(props: PreviousReport) -> Html {
    // A file dropped here is last year's report, not this year's.
    let ondragover = Callback::from(|e: DragEvent| {
        e.prevent_default();
        e.stop_propagation();
    });
    let ondrop = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            e.stop_propagation();
            if let Some(file) = e
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|f| f.get(0))
            {
                on_file.emit(file);
            }
        })
    };
    let text = props.value.as_str();
    let compared = props
        .report
        .as_deref()
        .filter(|_| !text.trim().is_empty())
        .map(|r| {
            r.findings
                .iter()
                .filter(|f| f.in_last_year().is_some())
                .count()
        });
    html! {
        <section class="previous" aria-labelledby="previous-label">
            <details open={!text.is_empty()}>
                <summary id="previous-label">{"上年年报（可选）"}</summary>
                <p id="previous-hint" class="hint">
                    {"粘贴或把上一年度的年报拖到这里，就能核对两年的衔接：本年「上年结转」是否等于上年「结转下年度继续办理」（X01），现行有效件数是否接得上（X02）。"}
                </p>
                <div {ondragover} {ondrop}>
                    {text_box(TextBox {
                        id: "previous-text",
                        labelled_by: Some("previous-label"),
                        described_by: "previous-hint",
                        placeholder: "在此粘贴上一年度的年度报告全文（可选）……",
                        small: true,
                        value: props.value.clone(),
                        marks: props.report.clone().map(|report| Marks { report, last_year: true }),
                        selected: None,
                        on_edit: props.on_edit.clone(),
                        on_refuse: props.on_notice.clone(),
                        on_caret: Callback::noop(),
                        area_ref: NodeRef::default(),
                        backdrop_ref: NodeRef::default(),
                        state: props.state,
                        redraw: props.redraw,
                    })}
                </div>
                if let Some(count) = compared {
                    <p class="status">{format!("已与上年年报对照：发现 {count} 处不衔接。")}</p>
                }
            </details>
        </section>
    }
}
