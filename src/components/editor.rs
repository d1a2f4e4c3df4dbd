//! The text box, with every finding highlighted in place: a backdrop behind the (transparent) textarea
//! repeats the text with marks at the findings' byte ranges, so the drafter sees each problem where
//! they type. Selecting a problem selects its range in the textarea and flashes its mark.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::markup::paste_tables_as_grid;
use nianbao::present::pieces::{pieces, Piece};
use nianbao::present::utf16::{byte_offset, utf16_offset};
use nianbao::{Finding, Report, Severity};

#[derive(Properties)]
pub struct EditorProps {
    pub value: AttrValue,
    pub report: Option<Rc<Report>>,
    pub selected: Option<usize>,
    /// Changes whenever a problem is selected, so the editor moves to it even if it is the same one.
    pub focus_serial: u32,
    /// Where the caret is, as a byte offset; kept up to date for the next/previous shortcuts.
    pub caret: Rc<Cell<usize>>,
    pub on_edit: Callback<String>,
}

impl PartialEq for EditorProps {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
            && same_report(&self.report, &other.report)
            && self.selected == other.selected
            && self.focus_serial == other.focus_serial
            && Rc::ptr_eq(&self.caret, &other.caret)
            && self.on_edit == other.on_edit
    }
}

pub fn same_report(a: &Option<Rc<Report>>, b: &Option<Rc<Report>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Rc::ptr_eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

pub fn severity_class(severity: Severity) -> &'static str {
    severity.as_str()
}

/// `text` with `findings` marked: runs under a span, a bar where something is missing.
pub fn render_pieces(text: &str, findings: &[Finding], selected: Option<usize>) -> Html {
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

/// Scrolls `area` (and the backdrop) so `mark` sits a third of the way down, selects the finding's
/// range and flashes the mark.
fn reveal(
    area: &HtmlTextAreaElement,
    backdrop: &Element,
    text: &str,
    start: usize,
    end: usize,
    index: usize,
) {
    let _ = area.focus();
    let from = utf16_offset(text, start) as u32;
    let to = utf16_offset(text, end) as u32;
    let _ = area.set_selection_range(from, to);
    if let Ok(Some(mark)) = backdrop.query_selector(&format!("[data-f~=\"{index}\"]")) {
        if let Ok(mark) = mark.dyn_into::<HtmlElement>() {
            let top = (mark.offset_top() - area.client_height() / 3).max(0);
            area.set_scroll_top(top);
            backdrop.set_scroll_top(area.scroll_top());
            let classes = mark.class_list();
            let _ = classes.remove_1("flash");
            let _ = mark.offset_width(); // restart the animation
            let _ = classes.add_1("flash");
        }
    }
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let area_ref = use_node_ref();
    let backdrop_ref = use_node_ref();
    // The findings under the caret, shown under the text box.
    let caret_byte = use_state(|| None::<usize>);

    {
        let area_ref = area_ref.clone();
        let backdrop_ref = backdrop_ref.clone();
        let report = props.report.clone();
        let selected = props.selected;
        let text = props.value.clone();
        let caret = props.caret.clone();
        use_effect_with(props.focus_serial, move |serial| {
            if *serial > 0 {
                if let (Some(area), Some(backdrop), Some(report), Some(i)) = (
                    area_ref.cast::<HtmlTextAreaElement>(),
                    backdrop_ref.cast::<Element>(),
                    report,
                    selected,
                ) {
                    if let Some(f) = report.findings.get(i) {
                        reveal(&area, &backdrop, &text, f.start, f.end, i);
                        caret.set(f.start);
                    }
                }
            }
        });
    }

    let oninput = props
        .on_edit
        .reform(|event: InputEvent| event.target_unchecked_into::<HtmlTextAreaElement>().value());
    let onscroll = {
        let backdrop_ref = backdrop_ref.clone();
        Callback::from(move |event: Event| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            if let Some(backdrop) = backdrop_ref.cast::<Element>() {
                backdrop.set_scroll_top(area.scroll_top());
                backdrop.set_scroll_left(area.scroll_left());
            }
        })
    };
    let track_caret = {
        let caret = props.caret.clone();
        let caret_byte = caret_byte.clone();
        let area_ref = area_ref.clone();
        Callback::from(move |_: Event| {
            if let Some(area) = area_ref.cast::<HtmlTextAreaElement>() {
                let unit = area.selection_start().ok().flatten().unwrap_or(0) as usize;
                let byte = byte_offset(&area.value(), unit);
                caret.set(byte);
                caret_byte.set(Some(byte));
            }
        })
    };
    let onkeyup = track_caret.reform(|e: KeyboardEvent| e.into());
    let onclick = track_caret.reform(|e: MouseEvent| e.into());

    let text = props.value.as_str();
    let backdrop = match props.report.as_deref() {
        Some(report) => render_pieces(text, &report.findings, props.selected),
        None => html! { {text} },
    };
    let under_caret: Vec<Html> = match (props.report.as_deref(), *caret_byte) {
        (Some(report), Some(at)) => report
            .findings
            .iter()
            .filter(|f| f.start <= at && at <= f.end && (f.start < f.end || f.start == at))
            .take(3)
            .map(|f| {
                html! {
                    <li class={severity_class(f.severity)}>
                        <span class="caret-code">{f.code.as_str()}</span>{" "}{&f.message}
                    </li>
                }
            })
            .collect(),
        _ => Vec::new(),
    };

    html! {
        <section class="editor" aria-labelledby="report-text-label">
            <label id="report-text-label" for="report-text" class="editor-label">{"年度报告全文"}</label>
            <p id="report-text-hint" class="hint">
                {"从 Word、WPS、PDF 或网页中复制报告全文（包括表格）粘贴到这里，或把 Word 文档（.docx）、文本（.txt / .md）或保存的网页（.html）拖到页面上。表格按原来的行列读入。有问题的地方会直接在文中标出。"}
            </p>
            <div class="textbox">
                <div class="backdrop" ref={backdrop_ref} aria-hidden="true">
                    <div class="backdrop-text">{backdrop}{"\n "}</div>
                </div>
                <textarea
                    id="report-text"
                    class="report-text"
                    ref={area_ref}
                    aria-describedby="report-text-hint"
                    placeholder="在此粘贴年度报告全文……"
                    spellcheck="false"
                    value={props.value.clone()}
                    {oninput}
                    onpaste={Callback::from(|e: Event| paste_tables_as_grid(e.unchecked_ref()))}
                    {onscroll}
                    {onkeyup}
                    {onclick}
                />
            </div>
            <ul class="under-caret" aria-label="光标处的问题">
                for item in under_caret { {item} }
            </ul>
        </section>
    }
}
