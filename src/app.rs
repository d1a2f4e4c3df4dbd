//! The root component: holds the [`Checker`] state and hands each view what it shows and the callbacks
//! it may call. It also owns what spans the whole page: dropping files anywhere, the F8 shortcuts,
//! saving the draft, and the one live region that announces results.

use std::cell::Cell;

use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, File, KeyboardEvent};
use yew::prelude::*;

use super::components::{
    announcement, Editor, Intro, PreviousReport, Problems, RuleHelp, Summary, Tables, Toolbar,
};
use super::state::{Action, Checker, CHECK_AT_ONCE_BELOW, PAUSE_MS};
use super::{export, files, storage};

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The text to start with (the saved draft).
    #[prop_or_default]
    pub initial: AttrValue,
    /// Last year's report to start with (saved too).
    #[prop_or_default]
    pub initial_previous: AttrValue,
}

/// Reads `file` and hands its text to `loaded`, or tells the user why it cannot.
fn read_file(
    file: File,
    dispatcher: UseReducerDispatcher<Checker>,
    loaded: fn(String, String) -> Action,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let name = file.name();
        match files::read_text(file).await {
            Ok(text) => dispatcher.dispatch(loaded(name, text)),
            Err(message) => dispatcher.dispatch(Action::Notify(message)),
        }
    });
}

fn load_file(file: File, dispatcher: UseReducerDispatcher<Checker>) {
    read_file(file, dispatcher, |name, text| Action::LoadFile {
        name,
        text,
    });
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let (initial, initial_previous) = (props.initial.clone(), props.initial_previous.clone());
    let state = use_reducer(move || Checker::with_previous(initial, initial_previous));
    let dispatcher = state.dispatcher();
    let caret = use_memo((), |_| Cell::new(0usize));
    let dragging = use_state(|| false);

    // Keep the draft in this browser.
    use_effect_with(state.text.clone(), |text| storage::save(text));
    use_effect_with(state.previous.clone(), |text| storage::save_previous(text));

    // F8 / Shift+F8: next / previous problem, from the selected one or the caret.
    {
        let dispatcher = dispatcher.clone();
        let caret = caret.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |event: KeyboardEvent| {
                if event.key() == "F8" {
                    event.prevent_default();
                    dispatcher.dispatch(Action::Step {
                        forward: !event.shift_key(),
                        from: caret.get(),
                    });
                }
            });
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w
                    .add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback(
                        "keydown",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }

    let act = dispatcher.to_callback();
    // Short texts are checked on every keystroke; long ones when typing pauses.
    let pause = use_mut_ref(|| None::<Timeout>);
    let on_edit = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |text: String| {
            if text.len() < CHECK_AT_ONCE_BELOW {
                pause.borrow_mut().take();
                dispatcher.dispatch(Action::Edit(text));
            } else {
                dispatcher.dispatch(Action::EditLater(text));
                let dispatcher = dispatcher.clone();
                *pause.borrow_mut() = Some(Timeout::new(PAUSE_MS, move || {
                    dispatcher.dispatch(Action::Recheck)
                }));
            }
        })
    };
    let on_example = act.reform(|()| Action::LoadExample);
    let on_clear = act.reform(|()| Action::Clear);
    let on_select = act.reform(Action::Select);
    let on_dismiss = act.reform(|_: MouseEvent| Action::DismissNotice);
    let on_file = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |file: File| load_file(file, dispatcher.clone()))
    };
    let on_edit_previous = act.reform(Action::EditPrevious);
    let on_previous_file = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |file: File| {
            read_file(file, dispatcher.clone(), |_, text| {
                Action::EditPrevious(text)
            })
        })
    };
    let on_forget_draft = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_: MouseEvent| {
            storage::clear();
            dispatcher.dispatch(Action::Clear);
            dispatcher.dispatch(Action::EditPrevious(String::new()));
        })
    };
    let report = state.report.clone();
    let on_copy = {
        let report = report.clone();
        let dispatcher = dispatcher.clone();
        Callback::from(move |()| {
            if let Some(r) = &report {
                let message = if export::copy_text(&nianbao::present::export::problem_list(r)) {
                    "问题清单已复制，可以粘贴到其他地方。"
                } else {
                    "浏览器不允许复制，请改用「下载 JSON」或「打印」。"
                };
                dispatcher.dispatch(Action::Notify(message.to_string()));
            }
        })
    };
    let on_download = {
        let report = report.clone();
        Callback::from(move |()| {
            if let Some(r) = &report {
                export::download_json(r);
            }
        })
    };
    let on_print = Callback::from(|()| export::print());

    // Files dropped anywhere on the page.
    let has_files = |event: &DragEvent| {
        event
            .data_transfer()
            .is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            if has_files(&event) {
                event.prevent_default();
                if !*dragging {
                    dragging.set(true);
                }
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            // Only when the pointer leaves the window, not when it crosses between elements.
            if event.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let dragging = dragging.clone();
        let dispatcher = dispatcher.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            if let Some(file) = event
                .data_transfer()
                .and_then(|dt| dt.files())
                .and_then(|files| files.get(0))
            {
                load_file(file, dispatcher.clone());
            }
        })
    };

    let notice = state.notice.clone().map(|n| {
        html! {
            <div class={classes!("notice", n.is_error.then_some("error"))} role={if n.is_error { "alert" } else { "status" }}>
                <span>{n.text}</span>
                <button type="button" class="notice-close" onclick={on_dismiss} aria-label="关闭提示">{"×"}</button>
            </div>
        }
    });

    html! {
        <div class="page" {ondragover} {ondragleave} {ondrop}>
            <Intro />
            if *dragging {
                <div class="drop-overlay" aria-hidden="true">
                    <p>{"松开鼠标，载入这个文件（.docx / .txt / .md / .html）"}</p>
                </div>
            }
            <Toolbar
                has_text={!state.text.is_empty()}
                has_report={state.report.is_some()}
                {on_file}
                {on_example}
                {on_clear}
                {on_copy}
                {on_download}
                {on_print}
            />
            {for notice}
            <Summary report={state.report.clone()} elapsed_ms={state.elapsed_ms} />
            <p class="sr-only" aria-live="polite" id="announcement">{announcement(state.report.as_deref())}</p>
            <main class="workspace">
                <Editor
                    value={state.text.clone()}
                    report={if state.stale { None } else { state.report.clone() }}
                    selected={state.selected}
                    focus_serial={state.focus_serial}
                    caret={caret.clone()}
                    {on_edit}
                />
                <Problems report={state.report.clone()} stale={state.stale} selected={state.selected} {on_select} />
            </main>
            <PreviousReport
                value={state.previous.clone()}
                report={if state.stale { None } else { state.report.clone() }}
                on_edit={on_edit_previous}
                on_file={on_previous_file}
            />
            <Tables text={state.text.clone()} report={state.report.clone()} />
            <RuleHelp />
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
