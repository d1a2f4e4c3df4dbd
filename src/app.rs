//! The root component: holds the [`Checker`] state and hands each view what it shows and the callbacks
//! it may call. What spans the whole page (files dropped anywhere, the F8 shortcuts, typing, keeping the
//! draft) is in [`crate::hooks`]; the one live region that announces results is here.

use std::cell::Cell;

use web_sys::File;
use yew::prelude::*;

use super::components::LONG_TEXT;
use super::components::{
    announcement, desk, ignored, intro, notices, previous_report, problems, severity_bit, summary,
    toolbar, DeskProps, Editor, Notices, PreviousReport, Problems, RuleHelp, Tables, TextBoxState,
    Toolbar,
};
use super::desk::DeskView;
use super::hooks::{
    load_file, read_file, use_check_worker, use_debounced_edit, use_draft_storage,
    use_f8_navigation, use_file_drop,
};
use super::state::{Action, Checker, Env};
use super::{export, fixes, storage};
use nianbao::Report;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The text to start with (the saved draft).
    #[prop_or_default]
    pub initial: AttrValue,
    /// Last year's report to start with (saved too).
    #[prop_or_default]
    pub initial_previous: AttrValue,
    /// The checker failed on the saved draft (and the page was reloaded): show it without checking.
    #[prop_or_default]
    pub checker_failed: bool,
}

/// The browser's clock, in milliseconds.
pub(crate) fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The page's checker and clock.
fn browser_env() -> Env {
    Env {
        now: now_ms,
        ..Env::default()
    }
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let (initial, initial_previous, failed) = (
        props.initial.clone(),
        props.initial_previous.clone(),
        props.checker_failed,
    );
    let state = use_reducer(move || {
        if failed {
            Checker::unchecked(browser_env(), initial, initial_previous)
        } else {
            Checker::checked(browser_env(), initial, initial_previous)
        }
        .ignoring(storage::load_ignored())
    });
    let dispatcher = state.dispatcher();
    let caret = use_memo((), |_| Cell::new(0usize));
    let previous_box = use_mut_ref(TextBoxState::default);
    let redraw = use_force_update();
    // The severities the summary's filters hide from the problem list, a bit each.
    let hidden = use_state(|| 0u8);
    let on_toggle = {
        let hidden = hidden.clone();
        Callback::from(move |severity| hidden.set(*hidden ^ severity_bit(severity)))
    };

    use_draft_storage(&state, dispatcher.clone());
    use_check_worker(&state, dispatcher.clone());
    let on_stop = {
        let (dispatcher, pending) = (dispatcher.clone(), state.pending);
        Callback::from(move |()| {
            super::check::stop_check();
            if let Some(serial) = pending {
                dispatcher.dispatch(Action::CheckStopped {
                    serial,
                    failed: false,
                });
            }
        })
    };
    use_effect_with(state.ignored.clone(), |ignored| {
        storage::save_ignored(ignored)
    });
    use_f8_navigation(dispatcher.clone(), caret.clone());
    let desk_view = use_state(DeskView::default);
    let on_desk = {
        let (desk_view, dispatcher) = (desk_view.clone(), dispatcher.clone());
        Callback::from(move |files: Vec<(String, File)>| {
            let desk_view = desk_view.clone();
            let show = Callback::from(move |view: DeskView| desk_view.set(view));
            let refuse = dispatcher.to_callback().reform(Action::Notify);
            wasm_bindgen_futures::spawn_local(super::desk::run(files, show, refuse));
        })
    };
    let drop = use_file_drop(dispatcher.clone(), on_desk.clone());
    // The desk's buttons: each makes a new view from the one shown.
    let desk_change = |change: fn(&mut DeskView, usize)| {
        let desk_view = desk_view.clone();
        Callback::from(move |n: usize| {
            let mut next = (*desk_view).clone();
            change(&mut next, n);
            desk_view.set(next);
        })
    };
    let on_sort = desk_change(|view, column| {
        view.sort = Some((column, view.sort == Some((column, false))));
    });
    let on_desk_open = desk_change(|view, open| view.open = open == 1);
    let on_open_row = {
        let (desk_view, dispatcher) = (desk_view.clone(), dispatcher.clone());
        let on_desk_open = on_desk_open.clone();
        Callback::from(move |i: usize| {
            let (rows, texts) = (&desk_view.rows, &desk_view.texts);
            let (Some(row), Some(Some(text))) = (rows.get(i), texts.get(i)) else {
                return;
            };
            // Beside the report the desk paired it with (or none), so that the view says what the row says.
            let last = row.last_year.and_then(|j| texts.get(j).cloned().flatten());
            dispatcher.dispatch(Action::EditPrevious(last.unwrap_or_default().into()));
            dispatcher.dispatch(Action::LoadFile {
                name: row.file.clone(),
                text: text.clone(),
            });
            on_desk_open.emit(0);
        })
    };
    let on_desk_csv = {
        let rows = desk_view.rows.clone();
        Callback::from(move |()| export::download_desk_csv(&rows))
    };
    let on_edit = use_debounced_edit(dispatcher.clone());

    let act = dispatcher.to_callback();
    let on_file = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |file: File| load_file(file, dispatcher.clone()))
    };
    let on_previous_file = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |file: File| {
            read_file(file, dispatcher.clone(), |_, text| {
                Action::EditPrevious(text.into())
            })
        })
    };
    let on_forget_draft = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_: MouseEvent| {
            storage::clear();
            dispatcher.dispatch(Action::Clear);
            dispatcher.dispatch(Action::EditPrevious(AttrValue::default()));
        })
    };
    let report = state.report.clone();
    // Copies what `what` makes of the text and its report, and says whether it could.
    let copier = |what: fn(&str, &Report) -> String, done: &'static str| {
        let (report, text) = (report.clone(), state.text.clone());
        let dispatcher = dispatcher.clone();
        Callback::from(move |()| {
            if let Some(r) = &report {
                let message = if export::copy_text(&what(&text, r)) {
                    done
                } else {
                    "浏览器不允许复制，请改用「检查意见（Word）」或「打印」。"
                };
                dispatcher.dispatch(Action::Notify(message.to_string()));
            }
        })
    };
    let on_copy = copier(
        |text, r| nianbao::present::export::problem_list(text, r, &export::today()),
        "问题清单已复制，可以粘贴到其他地方。",
    );
    let on_copy_text = copier(
        |text, _| text.to_string(),
        "修改后的全文已复制，可以粘贴回 Word。",
    );
    // Offers what `what` writes of the text and its report.
    let exporter = |what: fn(&str, &Report)| {
        let (report, text) = (report.clone(), state.text.clone());
        Callback::from(move |()| {
            if let Some(r) = &report {
                what(&text, r);
            }
        })
    };
    let on_download = exporter(|_, r| export::download_json(r));
    let on_docx = exporter(export::download_docx);
    let on_csv = exporter(export::download_csv);
    let on_download_draft = {
        let text = state.text.clone();
        Callback::from(move |()| export::download_draft(&text))
    };
    let on_act = {
        let (report, text, entries) = (
            state.report.clone(),
            state.text.clone(),
            state.ignored.clone(),
        );
        let dispatcher = dispatcher.clone();
        Callback::from(move |(kind, n): (u8, usize)| {
            let findings = report.as_ref().map_or(&[][..], |r| &r.findings[..]);
            // A long text is shown a window at a time: its fixes are made in the text, not typed in the box.
            let long = text.len() >= LONG_TEXT;
            let fix_long = |chosen: Vec<&nianbao::rules::Fix>| {
                let (fixed, applied) = nianbao::rules::fix::apply(&text, chosen);
                if !applied.is_empty() {
                    dispatcher.dispatch(Action::Edit(fixed.into()));
                }
                applied.len()
            };
            let action = match kind {
                b'a' => {
                    let all: Vec<_> = findings.iter().filter_map(|f| f.fix.as_ref()).collect();
                    Action::Fixed(if long {
                        fix_long(all)
                    } else {
                        fixes::apply(&text, &all)
                    })
                }
                b'f' => {
                    if let Some(fix) = findings.get(n).and_then(|f| f.fix.as_ref()) {
                        if long {
                            fix_long(vec![fix]);
                        } else {
                            fixes::apply(&text, &[fix]);
                        }
                    }
                    return;
                }
                b'i' => Action::Ignore(n),
                b'd' => match findings.get(n) {
                    Some(f) => Action::Disable(f.code),
                    None => return,
                },
                b'r' => match entries.0.get(n) {
                    Some(&entry) => Action::Restore(entry),
                    None => return,
                },
                _ => return,
            };
            dispatcher.dispatch(action);
        })
    };
    let below = ignored(&state.ignored, &state.hidden);
    let current = if state.stale {
        None
    } else {
        state.report.clone()
    };

    html! {
        <div class={classes!("page", (!state.text.is_empty()).then_some("has-text"))} ondragover={drop.ondragover} ondragleave={drop.ondragleave} ondrop={drop.ondrop}>
            if let (Some(r), false) = (state.report.as_deref(), desk_view.open) {
                <header class="print-header">
                    for line in nianbao::present::export::header(r, &export::today()) { <p>{line}</p> }
                </header>
            }
            <a class="skip-link" href="#report-text">{"跳到报告全文"}</a>
            {intro()}
            if drop.dragging {
                <div class="drop-overlay" aria-hidden="true">
                    <p>{"松开鼠标，载入这个文件（.docx / .txt / .md / .html）"}</p>
                </div>
            }
            if desk_view.open {
                {desk(DeskProps {
                    view: &desk_view,
                    on_sort,
                    on_open: on_open_row,
                    on_csv: on_desk_csv,
                    on_print: Callback::from(|()| export::print()),
                    on_close: on_desk_open.reform(|()| 0),
                })}
            } else {
            if !desk_view.rows.is_empty() {
                <p class="desk-return"><button type="button" class="button" onclick={on_desk_open.reform(|_: MouseEvent| 1)}>{"返回审阅列表"}</button></p>
            }
            <div class="bar">
            {toolbar(Toolbar {
                has_text: !state.text.is_empty(),
                has_report: state.report.is_some(),
                on_file,
                on_files: on_desk,
                on_example: act.reform(|()| Action::LoadExample),
                on_clear: act.reform(|()| Action::Clear),
                on_copy,
                on_copy_text,
                on_download,
                on_docx,
                on_csv,
                on_print: Callback::from(|()| export::print()),
            })}
            {summary(state.report.as_deref(), state.elapsed_ms, *hidden, &on_toggle)}
            </div>
            {notices(Notices {
                notice: state.notice.clone(),
                save_failed: state.save_failed,
                other_tab: state.other_tab.is_some(),
                checking: state.pending.map(|_| state.text.len()),
                slow: state.slow,
                on_stop,
                on_undo: act.reform(|()| Action::Undo),
                on_dismiss: act.reform(|()| Action::DismissNotice),
                on_download_draft,
                on_take_other_tab: act.reform(|()| Action::TakeOtherTab),
                on_keep_this_tab: act.reform(|()| Action::KeepThisTab),
            })}
            <p class="sr-only" aria-live="polite" id="announcement">{announcement(state.report.as_deref())}</p>
            // After a jump, the problem jumped to (the text box takes the focus, so its message is said here).
            <p class="sr-only" aria-live="polite" id="selected-announcement">
                {state.selected.and_then(|i| current.as_ref()?.findings.get(i).map(|f| format!("第 {} 行，{} {}：{}", f.line, f.code.as_str(), f.severity.label_zh(), f.message))).unwrap_or_default()}
            </p>
            <main class="workspace">
                <Editor
                    value={state.text.clone()}
                    report={current.clone()}
                    selected={state.selected}
                    focus_serial={state.focus_serial}
                    caret={caret.clone()}
                    {on_edit}
                    on_notice={act.reform(Action::Notify)}
                />
                {problems(Problems {
                    report: state.report.clone(),
                    text: state.text.clone(),
                    stale: state.stale,
                    unchecked: state.unchecked,
                    checking: state.pending.is_some(),
                    selected: state.selected,
                    on_select: act.reform(Action::Select),
                    hidden: *hidden,
                    on_act,
                    below,
                })}
            </main>
            {previous_report(PreviousReport {
                value: state.previous.clone(),
                report: current,
                on_edit: act.reform(Action::EditPrevious),
                on_file: on_previous_file,
                on_notice: act.reform(Action::Notify),
                state: previous_box,
                redraw: Callback::from(move |()| redraw.force_update()),
            })}
            <Tables text={state.text.clone()} report={state.report.clone()} on_select={act.reform(Action::Select)} />
            <RuleHelp />
            }
            <footer class="footer">
                <p>
                    {"草稿只保存在这台电脑的浏览器里，报告内容不会上传。"}
                    <button type="button" class="link-button" onclick={on_forget_draft}>{"清除本地草稿"}</button>
                </p>
                <p>{"nianbao（年报）· 对照国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》检查"}</p>
            </footer>
        </div>
    }
}
