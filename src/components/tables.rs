//! The three tables in the official layout (merged headers, the T3 note), filled with the numbers
//! read from the text. A cell a finding concerns is marked; hovering or focusing it shows the rule,
//! the expected and the actual value (in a tip placed clear of the cells the finding compares,
//! see `cell_tip`). A missing row is shown as missing, never as zeros.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::cell_tip;
use super::editor::{same_report, severity_class};
use crate::state::same_text;
use nianbao::model::{Cell, Row, Table};
use nianbao::present::cells::{findings_by_span, FindingsBySpan};
use nianbao::present::official::t3_label_cells;
use nianbao::template::{self, HeaderRole, TableId, TableSpec, Version};
use nianbao::{Finding, Report};

#[derive(Properties)]
pub struct TablesProps {
    /// The text the report was read from (to show what a bad cell holds).
    pub text: AttrValue,
    pub report: Option<Rc<Report>>,
    /// A click (or Enter) on a flagged cell selects its finding, as a click on its problem does.
    pub on_select: Callback<usize>,
}

impl PartialEq for TablesProps {
    /// `on_select` is left out: the page hands a new but equivalent callback at every draw.
    fn eq(&self, other: &Self) -> bool {
        same_report(&self.report, &other.report) && same_text(&self.text, &other.text)
    }
}

struct Marks<'a> {
    text: &'a str,
    findings: &'a [Finding],
    by_span: FindingsBySpan,
    /// Each finding's number, as the problem list and the print number them.
    numbers: Vec<usize>,
}

/// Where a cell of table 4 is, as its header names it (「行政诉讼·复议后起诉·结果维持：」): fifteen
/// columns under three groups look alike.
fn place(spec: Option<&TableSpec>, column: usize) -> String {
    spec.and_then(|s| s.columns().get(column).map(|c| (s, c)))
        .map(|(s, c)| format!("{}·{}：", s.band_title(c.band), c.name))
        .unwrap_or_default()
}

fn value_cell(cell: &Cell, place: String, marks: &Marks) -> Html {
    let shown = match (cell.value, cell.problem) {
        (Some(v), None) => v.to_string(),
        _ => {
            let raw = marks.text.get(cell.span.start..cell.span.end).unwrap_or("");
            if raw.trim().is_empty() {
                "（空）".to_string()
            } else {
                raw.trim().to_string()
            }
        }
    };
    let concerned = marks.by_span.get(&cell.span).cloned().unwrap_or_default();
    if concerned.is_empty() {
        return html! { <td class="num">{shown}</td> };
    }
    let worst = marks.findings[concerned[0]].severity;
    // The cell a finding points at (a total, a bad cell) stands out; the other terms of a broken sum
    // are only outlined.
    let pointed_at = concerned
        .iter()
        .any(|&i| marks.findings[i].start == cell.span.start);
    // Only this cell's own message: a term of a broken sum names the sum and the problem's number.
    let tip: Vec<String> = concerned
        .iter()
        .map(|&i| {
            let f = &marks.findings[i];
            let n = marks.numbers[i];
            if f.start != cell.span.start {
                return format!(
                    "{n}. {}：这一格是问题 {n} 所说求和中的一项",
                    f.code.as_str()
                );
            }
            let values = match (&f.expected, &f.actual) {
                (Some(e), Some(a)) => format!("（应为 {e}，实为 {a}）"),
                _ => String::new(),
            };
            format!("{n}. {} {}{}", f.code.as_str(), f.message, values)
        })
        .collect();
    let tip = format!("{place}{}", tip.join("\n"));
    // The finding a click selects: the one pointing at this cell, else the first sum it is a term of.
    let chosen = concerned
        .iter()
        .copied()
        .find(|&i| marks.findings[i].start == cell.span.start)
        .unwrap_or(concerned[0]);
    let numbers: String = concerned
        .iter()
        .map(|&i| format!("〔{}〕", marks.numbers[i]))
        .collect();
    // The findings it shares with other cells: the tip keeps clear of all of them.
    let shared: Vec<String> = concerned.iter().map(|i| i.to_string()).collect();
    // The value the diagnosis of the table's sums says the cell should hold (its fix's edit).
    let suggested = concerned.iter().find_map(|&i| {
        let fix = marks.findings[i].fix.as_ref()?;
        fix.edits
            .iter()
            .find(|e| cell.span.start <= e.start && e.end <= cell.span.end)
    });
    html! {
        <td class={classes!("num", "flagged", severity_class(worst), (!pointed_at).then_some("term"), suggested.is_some().then_some("suspect"))} tabindex="0" data-i={chosen.to_string()} data-f={shared.join(" ")} data-tip={tip.clone()} data-n={numbers} aria-label={format!("{shown}：{tip}")}>
            {shown}
            if let Some(edit) = suggested {
                <span class="suggested">{"应为 "}{&edit.replacement}</span>
            }
        </td>
    }
}

/// A row's cells; `spec` names table 4's groups in the tips.
fn value_cells(row: Option<&Row>, width: usize, spec: Option<&TableSpec>, marks: &Marks) -> Html {
    match row.filter(|r| r.found) {
        Some(row) => row
            .cells
            .iter()
            .enumerate()
            .map(|(i, c)| value_cell(c, place(spec, i), marks))
            .collect(),
        None => {
            html! { <td class="missing" colspan={width.to_string()}>{"（报告中缺少此行）"}</td> }
        }
    }
}

fn t2(table: &Table, spec: &TableSpec, marks: &Marks) -> Html {
    html! {
        <div class="t2">
            <h3 class="table-title">{caption(spec)}</h3>
            for section in spec.sections {
                <table class="report-table">
                    <caption>{section.caption.unwrap_or("")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{section.headers.first().copied().unwrap_or("")}</th>
                            for column in section.columns { <th scope="col">{column.name}</th> }
                        </tr>
                    </thead>
                    <tbody>
                        for row in section.rows {
                            <tr>
                                <th scope="row">{row.label}</th>
                                { value_cells(table.row(row.key), section.columns.len(), None, marks) }
                            </tr>
                        }
                    </tbody>
                </table>
            }
        </div>
    }
}

/// 「表三　收到和处理政府信息公开申请情况」.
fn caption(spec: &TableSpec) -> String {
    format!("{}　{}", spec.id.short_name(), spec.name)
}

/// The header rows of T3 or T4 as the template lays them out.
fn header(spec: &TableSpec) -> Html {
    let rows = spec.header_layout().iter().map(|row| {
        let cells = row.iter().map(|c| {
            let (columns, rows) = (c.columns.to_string(), c.rows.to_string());
            match c.role {
                HeaderRole::Note => {
                    html! { <th class="note" colspan={columns} rowspan={rows}>{c.text}</th> }
                }
                HeaderRole::Band => html! { <th colspan={columns} rowspan={rows}>{c.text}</th> },
                HeaderRole::Column => {
                    html! { <th scope="col" colspan={columns} rowspan={rows}>{c.text}</th> }
                }
            }
        });
        html! { <tr>{for cells}</tr> }
    });
    html! { <thead>{for rows}</thead> }
}

fn t3(table: &Table, spec: &TableSpec, marks: &Marks) -> Html {
    let section = &spec.sections[0];
    let rows = section.rows;
    let outer = TableSpec::outer_group(rows).map(|(group, _)| group);
    let body = t3_label_cells(rows).into_iter().map(|(i, labels)| {
        let heads = labels.into_iter().map(|cell| {
            let label = rows[cell.row].label;
            if cell.row != i {
                // A group label beside the rows it spans; the outer one is written vertically.
                let vertical = outer == Some(cell.row);
                html! { <th class={classes!("group", vertical.then_some("vertical"))} rowspan={cell.rows.to_string()}>{label}</th> }
            } else if cell.columns > 1 {
                html! { <th scope="row" colspan={cell.columns.to_string()}>{label}</th> }
            } else {
                html! { <th scope="row">{label}</th> }
            }
        });
        html! {
            <tr>
                {for heads}
                { value_cells(table.row(rows[i].key), section.columns.len(), None, marks) }
            </tr>
        }
    });
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={caption(spec)}>
        <table class="report-table t3">
            <caption class="table-title">{caption(spec)}</caption>
            { header(spec) }
            <tbody>{for body}</tbody>
        </table>
        </div>
    }
}

fn t4(table: &Table, spec: &TableSpec, marks: &Marks) -> Html {
    let section = &spec.sections[0];
    html! {
        <div class="table-scroll t4-page" tabindex="0" role="region" aria-label={caption(spec)}>
        <table class="report-table t4">
            <caption class="table-title">{caption(spec)}</caption>
            { header(spec) }
            <tbody>
                <tr>{ value_cells(table.rows.first(), section.columns.len(), Some(spec), marks) }</tr>
            </tbody>
        </table>
        </div>
    }
}

/// The tip of the focused flagged cell, or none.
fn focused_tip() {
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .filter(|e| e.matches(".tables td.flagged").unwrap_or(false));
    match focused {
        Some(cell) => cell_tip::show(&cell),
        None => cell_tip::hide(),
    }
}

/// The finding a flagged cell selects (its `data-i`), for the one listener of all the cells.
fn pick(event: &Event) -> Option<usize> {
    let target: web_sys::Element = event.target_unchecked_into();
    let cell = target.closest("[data-i]").ok().flatten()?;
    cell.get_attribute("data-i")?.parse().ok()
}

/// The flagged cell an event happened in.
fn flagged_cell(event: &Event) -> Option<web_sys::Element> {
    let target: web_sys::Element = event.target_unchecked_into();
    target.closest("td.flagged").ok().flatten()
}

/// While the tables are shown, their tip follows its cell through any scroll (a scroll does not
/// bubble: the window hears it while capturing).
#[hook]
fn use_tip_following_scrolls() {
    use_effect_with((), |_| {
        let listener = Closure::<dyn Fn()>::new(cell_tip::follow);
        let window = web_sys::window();
        if let Some(w) = &window {
            let _ = w.add_event_listener_with_callback_and_bool(
                "scroll",
                listener.as_ref().unchecked_ref(),
                true,
            );
        }
        move || {
            cell_tip::hide();
            if let Some(w) = window {
                let _ = w.remove_event_listener_with_callback_and_bool(
                    "scroll",
                    listener.as_ref().unchecked_ref(),
                    true,
                );
            }
        }
    });
}

#[component]
pub fn Tables(props: &TablesProps) -> Html {
    use_tip_following_scrolls();
    let Some(report) = props.report.as_deref() else {
        return html! {};
    };
    let marks = Marks {
        text: props.text.as_str(),
        findings: &report.findings,
        by_span: findings_by_span(&report.findings),
        numbers: nianbao::present::export::numbers(report),
    };
    let doc = &report.document;
    let render = |id: TableId, draw: fn(&Table, &TableSpec, &Marks) -> Html| -> Html {
        match doc.table(id) {
            Some(table) if table.found => draw(table, template::table(id, table.version), &marks),
            _ => html! {
                <p class="missing-table">{format!("{}：报告中没有找到这张表。", caption(template::table(id, Version::V2021)))}</p>
            },
        }
    };
    let on_select = props.on_select.clone();
    let onclick = Callback::from(move |event: MouseEvent| {
        if let Some(i) = pick(&event) {
            on_select.emit(i);
        }
    });
    let on_select = props.on_select.clone();
    let onkeydown = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Enter" {
            if let Some(i) = pick(&event) {
                event.prevent_default();
                on_select.emit(i);
            }
        }
    });
    // The tip of the cell under the mouse, else of the focused cell.
    let onmouseover = Callback::from(|event: MouseEvent| match flagged_cell(&event) {
        Some(cell) => cell_tip::show(&cell),
        None => focused_tip(),
    });
    let onmouseleave = Callback::from(|_: MouseEvent| focused_tip());
    let onfocusin = Callback::from(|event: FocusEvent| match flagged_cell(&event) {
        Some(cell) => cell_tip::show(&cell),
        None => cell_tip::hide(),
    });
    let onfocusout = Callback::from(|_: FocusEvent| cell_tip::hide());
    html! {
        <section class="tables" aria-labelledby="tables-title" {onclick} {onkeydown} {onmouseover} {onmouseleave} {onfocusin} {onfocusout}>
            <h2 id="tables-title">{"表格"}</h2>
            <p class="hint">{"以下是从报告中读出的三张表，按格式文件的版式排列。标色的格子有问题，把鼠标移到格子上（或用 Tab 键选中）可看到原因；点击（或按回车）跳到原文和问题清单。"}</p>
            { render(TableId::T2, t2) }
            { render(TableId::T3, t3) }
            { render(TableId::T4, t4) }
        </section>
    }
}
