//! What the root component does beside drawing the views, one hook each: the F8 shortcuts, files
//! dropped anywhere, typing checked at once or when it pauses, long texts checked by the check worker,
//! and the draft kept in this browser (saved after each change, watched for other tabs).

use std::cell::Cell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, File, KeyboardEvent, StorageEvent};
use yew::prelude::*;

use crate::components::LONG_TEXT;
use crate::state::{
    Action, Checker, SameText, WorkerAnswer, CHECK_AT_ONCE_BELOW, PAUSE_MS, SLOW_CHECK_MS,
};
use crate::{check, files, storage};

type Dispatcher = UseReducerDispatcher<Checker>;

/// Listens to `event` on the window while the component lives.
#[hook]
fn use_window_listener<E: JsCast + 'static>(event: &'static str, listener: impl Fn(E) + 'static) {
    use_effect_with((), move |_| {
        let listener =
            Closure::<dyn Fn(JsValue)>::new(move |e: JsValue| listener(e.unchecked_into()));
        let window = web_sys::window();
        if let Some(w) = &window {
            let _ = w.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        }
        move || {
            if let Some(w) = window {
                let _ =
                    w.remove_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
            }
        }
    });
}

/// F8 / Shift+F8: next / previous problem, from the selected one or the caret (a byte offset).
#[hook]
pub fn use_f8_navigation(dispatcher: Dispatcher, caret: Rc<Cell<usize>>) {
    use_window_listener(
        "keydown",
        Box::new(move |event: JsValue| {
            let event: KeyboardEvent = event.unchecked_into();
            if event.key() == "F8" {
                event.prevent_default();
                dispatcher.dispatch(Action::Step {
                    forward: !event.shift_key(),
                    from: caret.get(),
                });
            }
        }),
    );
}

/// The text box's edits: short texts are checked on every keystroke, long ones when typing pauses.
#[hook]
pub fn use_debounced_edit(dispatcher: Dispatcher) -> Callback<AttrValue> {
    let pause = use_mut_ref(|| None::<Timeout>);
    Callback::from(move |text: AttrValue| {
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
}

/// Reads `file` and hands its text to `loaded`, or tells the user why it cannot.
pub fn read_file(file: File, dispatcher: Dispatcher, loaded: fn(String, String) -> Action) {
    wasm_bindgen_futures::spawn_local(async move {
        let name = file.name();
        match files::read_text(file).await {
            Ok(text) => dispatcher.dispatch(loaded(name, text)),
            Err(message) => dispatcher.dispatch(Action::Notify(message)),
        }
    });
}

/// This year's report from a file.
pub fn load_file(file: File, dispatcher: Dispatcher) {
    read_file(file, dispatcher, |name, text| {
        // The report arrives whole: show its top.
        crate::components::show_top();
        Action::LoadFile { name, text }
    });
}

/// Files dropped anywhere on the page: whether one is being dragged over it, and the page's handlers.
pub struct FileDrop {
    pub dragging: bool,
    pub ondragover: Callback<DragEvent>,
    pub ondragleave: Callback<DragEvent>,
    pub ondrop: Callback<DragEvent>,
}

/// One plain file dropped is opened as always; several, a folder or a .zip go to `on_desk`.
#[hook]
pub fn use_file_drop(dispatcher: Dispatcher, on_desk: Callback<Vec<(String, File)>>) -> FileDrop {
    let dragging = use_state(|| false);
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
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            let transfer = event.data_transfer();
            if let Some(many) = transfer.as_ref().and_then(crate::desk::dropped_files) {
                let on_desk = on_desk.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let files = crate::desk::files_of(many).await;
                    if !files.is_empty() {
                        on_desk.emit(files);
                    }
                });
            } else if let Some(file) = transfer
                .and_then(|dt| dt.files())
                .and_then(|files| files.get(0))
            {
                load_file(file, dispatcher.clone());
            }
        })
    };
    FileDrop {
        dragging: *dragging,
        ondragover,
        ondragleave,
        ondrop,
    }
}

/// Keeps the draft in this browser: the draft a load replaced first, then the text after every
/// change (telling the state whether it could be stored), unless another tab's draft is waiting for
/// the user's choice; and watches other tabs saving theirs.
/// A long text (shown a window at a time) is saved when typing pauses, not on every keystroke: each
/// save copies the whole text out of the page's wasm. One that arrives to be checked (a paste, a file) is
/// saved at once, before its check starts.
#[hook]
pub fn use_draft_storage(state: &Checker, dispatcher: Dispatcher) {
    let pause = use_mut_ref(|| None::<Timeout>);
    let checking = state.pending;
    use_effect_with(state.replaced.clone().map(SameText), |replaced| {
        if let Some(SameText(text)) = replaced {
            storage::save_replaced(text);
        }
    });
    {
        let dispatcher = dispatcher.clone();
        use_effect_with(
            (
                SameText(state.text.clone()),
                state.other_tab.is_some(),
                state.unchecked,
            ),
            move |(SameText(text), waiting, unchecked)| {
                let typing = checking.is_none();
                pause.borrow_mut().take();
                if !*waiting {
                    let (long, text, dispatcher) =
                        (text.len() >= LONG_TEXT, text.clone(), dispatcher.clone());
                    let save = move || {
                        wasm_bindgen_futures::spawn_local(async move {
                            let stored = storage::save(&text).await;
                            dispatcher.dispatch(Action::Saved(stored));
                        })
                    };
                    if long && typing {
                        *pause.borrow_mut() = Some(Timeout::new(PAUSE_MS, save));
                    } else {
                        save();
                    }
                }
                if !*unchecked {
                    // The text the checker failed on was edited: the next failure is a new one.
                    storage::forget_failure();
                }
            },
        );
    }
    use_effect_with(SameText(state.previous.clone()), |SameText(text)| {
        storage::save_previous(text)
    });
    use_window_listener(
        "storage",
        Box::new(move |event: JsValue| {
            let event: StorageEvent = event.unchecked_into();
            if event.key().as_deref() == Some(storage::KEY) {
                dispatcher.dispatch(Action::OtherTab(event.new_value().unwrap_or_default()));
            }
        }),
    );
}

/// Hands a long text to the check worker when the state asks for a check (a new [`Checker::pending`]),
/// gives its answer back, and after [`SLOW_CHECK_MS`] tells the state the check is slow. Call it after
/// [`use_draft_storage`]: the draft is saved before the check starts.
#[hook]
pub fn use_check_worker(state: &Checker, dispatcher: Dispatcher) {
    let (text, previous) = (state.text.clone(), state.previous.clone());
    use_effect_with(state.pending, move |pending| {
        let slow = pending.map(|serial| {
            let answer = dispatcher.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let started = crate::app::now_ms();
                answer.dispatch(match check::check(serial, &text, &previous).await {
                    Ok(report) => Action::Checked {
                        serial,
                        answer: WorkerAnswer {
                            report: Rc::new(report),
                            elapsed_ms: crate::app::now_ms() - started,
                        },
                    },
                    Err(()) => Action::CheckStopped {
                        serial,
                        failed: true,
                    },
                });
            });
            Timeout::new(SLOW_CHECK_MS, move || {
                dispatcher.dispatch(Action::CheckIsSlow(serial))
            })
        });
        move || drop(slow)
    });
}
