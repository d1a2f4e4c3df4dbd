//! 上年年报: an optional second text, last year's report. With it, the check also compares the two
//! years (X01, X02), and each such finding is highlighted in both texts.

use std::rc::Rc;

use wasm_bindgen::JsCast;

use web_sys::{DragEvent, File, HtmlTextAreaElement};
use yew::prelude::*;

use super::editor::{render_pieces, same_report};
use crate::markup::paste_tables_as_grid;
use nianbao::{Finding, Report};

#[derive(Properties)]
pub struct PreviousProps {
    pub value: AttrValue,
    pub report: Option<Rc<Report>>,
    pub on_edit: Callback<String>,
    pub on_file: Callback<File>,
}

impl PartialEq for PreviousProps {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
            && same_report(&self.report, &other.report)
            && self.on_edit == other.on_edit
            && self.on_file == other.on_file
    }
}

/// The findings that compare with last year, placed in last year's text.
fn placed_in_previous(report: &Report) -> Vec<Finding> {
    report
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

#[component]
pub fn PreviousReport(props: &PreviousProps) -> Html {
    let oninput = props
        .on_edit
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
    let backdrop_ref = use_node_ref();
    let onscroll = {
        let backdrop_ref = backdrop_ref.clone();
        Callback::from(move |e: Event| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            if let Some(b) = backdrop_ref.cast::<web_sys::Element>() {
                b.set_scroll_top(area.scroll_top());
            }
        })
    };
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
    let placed = props
        .report
        .as_deref()
        .map(placed_in_previous)
        .unwrap_or_default();
    let compared = props.report.is_some() && !text.trim().is_empty();
    html! {
        <section class="previous" aria-labelledby="previous-label">
            <details open={!text.is_empty()}>
                <summary id="previous-label">{"上年年报（可选）"}</summary>
                <p id="previous-hint" class="hint">
                    {"粘贴或把上一年度的年报拖到这里，就能核对两年的衔接：本年「上年结转」是否等于上年「结转下年度继续办理」（X01），现行有效件数是否接得上（X02）。"}
                </p>
                <div class="textbox small" {ondragover} {ondrop}>
                    <div class="backdrop" ref={backdrop_ref} aria-hidden="true">
                        <div class="backdrop-text">{render_pieces(text, &placed, None)}{"\n "}</div>
                    </div>
                    <textarea
                        id="previous-text"
                        class="report-text"
                        aria-labelledby="previous-label"
                        aria-describedby="previous-hint"
                        placeholder="在此粘贴上一年度的年度报告全文（可选）……"
                        spellcheck="false"
                        value={props.value.clone()}
                        {oninput}
                        onpaste={Callback::from(|e: Event| paste_tables_as_grid(e.unchecked_ref()))}
                        {onscroll}
                    />
                </div>
                if compared {
                    <p class="status">{format!("已与上年年报对照：发现 {} 处不衔接。", placed.len())}</p>
                }
            </details>
        </section>
    }
}
