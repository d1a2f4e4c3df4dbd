//! Applying fixes to the text box as typing would: the changed stretch is selected and replaced with
//! the editing command `insertText`, so the browser keeps it as one step of its undo history (Ctrl+Z
//! takes it back), the caret ends after it, and the box's `input` event re-checks the text. One fix
//! or all of them ([`nianbao::rules::fix::apply`]) is one step: the stretch from the first change to
//! the last. Over a long stretch the command is slow (seconds for a few thousand lines), so each fix
//! is typed on its own, and the steps are bound together: when the browser undoes the last of them
//! (Ctrl+Z, the menu), the others are undone with it, and the same for redo (see [`Group`]).

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlTextAreaElement};

use nianbao::present::utf16::utf16_offset;
use nianbao::rules::Fix;

/// Where `new` differs from `old`: the byte range of `old` and what replaces it (on character
/// boundaries; the common start and end are left out).
pub fn changed<'n>(old: &str, new: &'n str) -> (usize, usize, &'n str) {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let mut start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    while !old.is_char_boundary(start) || !new.is_char_boundary(start) {
        start -= 1;
    }
    let most = a.len().min(b.len()) - start;
    let mut tail = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(most)
        .take_while(|(x, y)| x == y)
        .count();
    while !old.is_char_boundary(a.len() - tail) || !new.is_char_boundary(b.len() - tail) {
        tail -= 1;
    }
    (start, a.len() - tail, &new[start..b.len() - tail])
}

/// Applies `fixes` to the text box, which must hold `text` (the text they were found in). Returns how
/// many were applied.
pub fn apply(text: &str, fixes: &[&Fix]) -> usize {
    let (new, applied) = nianbao::rules::fix::apply(text, fixes.iter().copied());
    let document = web_sys::window().and_then(|w| w.document());
    let Some(area) = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("report-text"))
        .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
    else {
        return 0;
    };
    if applied.is_empty() || area.value() != text {
        return 0;
    }
    let (start, end, replacement) = changed(text, &new);
    // The editing command takes time with the lines it types (seconds for a few thousand): over a
    // long stretch, each fix is typed on its own, from the last, one undo step each.
    if applied.len() > 1 && replacement.matches('\n').count() > LONG_STRETCH_LINES {
        let each: Vec<String> = applied
            .iter()
            .rev()
            .map(|fix| {
                nianbao::rules::fix::apply(text, std::slice::from_ref(fix).iter().copied()).0
            })
            .collect();
        let steps: Vec<_> = each.iter().map(|one| changed(text, one)).collect();
        let typed = type_steps(&area, document, text, &new, &steps, applied.len());
        if area.value() == new {
            let all_but = |skip: usize| {
                let rest = applied.iter().enumerate().filter(|&(i, _)| i != skip);
                nianbao::rules::fix::apply(text, rest.map(|(_, f)| *f)).0
            };
            bind(
                &area,
                Group {
                    steps: applied.len(),
                    // The steps are typed from the last fix: the first fix is typed last.
                    first_undone: all_but(0),
                    first_redone: each.first().cloned().unwrap_or_default(),
                },
            );
        }
        return typed;
    }
    type_steps(
        &area,
        document,
        text,
        &new,
        &[(start, end, replacement)],
        applied.len(),
    )
}

/// The undo steps of one 「全部修正」 typed fix by fix: how many, and the text after its first step is
/// undone (the last one typed) or, once all are, redone.
struct Group {
    steps: usize,
    first_undone: String,
    first_redone: String,
}

/// A text box and the listener [`bind`] gave it.
type Listening = (HtmlTextAreaElement, Closure<dyn Fn(web_sys::Event)>);

thread_local! {
    /// The last group, and the text box whose `input` events it listens to.
    static GROUP: RefCell<Option<Group>> = const { RefCell::new(None) };
    static LISTENING: RefCell<Option<Listening>> = const { RefCell::new(None) };
    /// While the group's other steps are undone or redone (their `input` events are theirs).
    static UNWINDING: Cell<bool> = const { Cell::new(false) };
}

/// Keeps `group` for `area`, listening to its `input` events (the first time).
fn bind(area: &HtmlTextAreaElement, group: Group) {
    GROUP.with(|g| *g.borrow_mut() = Some(group));
    LISTENING.with(|listening| {
        let mut listening = listening.borrow_mut();
        if listening.as_ref().is_some_and(|(a, _)| a == area) {
            return;
        }
        let listener = Closure::<dyn Fn(web_sys::Event)>::new(on_input);
        let _ = area.add_event_listener_with_callback("input", listener.as_ref().unchecked_ref());
        *listening = Some((area.clone(), listener));
    });
}

/// An undo (or redo) of the browser's that took back the group's first step takes back the rest:
/// the text box then holds the text before (after) 「全部修正」, one step as the user sees it. The
/// box's own `input` listener (the page's, higher up) sees the text each step leaves.
fn on_input(event: web_sys::Event) {
    if UNWINDING.get() {
        return;
    }
    let kind = js_sys::Reflect::get(&event, &JsValue::from_str("inputType"))
        .ok()
        .and_then(|k| k.as_string());
    let command = match kind.as_deref() {
        Some("historyUndo") => "undo",
        Some("historyRedo") => "redo",
        _ => return,
    };
    let Some(area) = event
        .target()
        .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
    else {
        return;
    };
    let steps = GROUP.with(|g| {
        let group = g.borrow();
        let group = group.as_ref()?;
        let value = area.value();
        let first = if command == "undo" {
            &group.first_undone
        } else {
            &group.first_redone
        };
        (value == *first).then_some(group.steps)
    });
    let Some(steps) = steps else {
        return;
    };
    let document = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.dyn_into::<HtmlDocument>().ok());
    let Some(document) = document else {
        return;
    };
    UNWINDING.set(true);
    for _ in 1..steps {
        let _ = document.exec_command(command);
    }
    UNWINDING.set(false);
}

/// A stretch of more lines than this is typed one fix at a time.
const LONG_STRETCH_LINES: usize = 800;

/// Types `steps` (byte ranges of `text`, last first) into `area`, which must end up holding `new`.
fn type_steps(
    area: &HtmlTextAreaElement,
    document: Option<web_sys::Document>,
    text: &str,
    new: &str,
    steps: &[(usize, usize, &str)],
    applied: usize,
) -> usize {
    let document = document.and_then(|d| d.dyn_into::<HtmlDocument>().ok());
    let _ = area.focus();
    let mut typed = true;
    let mut caret = 0;
    for &(start, end, replacement) in steps {
        let (from, to) = (
            utf16_offset(text, start) as u32,
            utf16_offset(text, end) as u32,
        );
        let _ = area.set_selection_range(from, to);
        typed &= document
            .as_ref()
            .and_then(|d| {
                d.exec_command_with_show_ui_and_value("insertText", false, replacement)
                    .ok()
            })
            .unwrap_or(false);
        caret = from + replacement.encode_utf16().count() as u32;
    }
    if !typed || area.value() != new {
        // No editing command (or it did not take): put the text in and tell the page, without an
        // undo step.
        area.set_value(new);
        let _ = area.set_selection_range(caret, caret);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
            let _ = area.dispatch_event(&event);
        }
    }
    applied
}

#[cfg(test)]
mod tests {
    use super::changed;

    #[test]
    fn the_changed_stretch_lies_on_character_boundaries() {
        assert_eq!(changed("a 6、其他", "a 六、其他"), (2, 3, "六"));
        assert_eq!(changed("x 3\ty", "x 0\ty"), (2, 3, "0"));
        assert_eq!(changed("abc", "abc"), (3, 3, ""));
        assert_eq!(changed("总体", "一、总体"), (0, 0, "一、"));
        assert_eq!(changed("aa", "aaa"), (2, 2, "a"));
        // 「一」 and 「七」 share their first two bytes: the change is the whole character.
        assert_eq!(changed("第一段", "第七段"), (3, 6, "七"));
        assert_eq!(changed("x12y", "x1y"), (2, 3, ""));
    }
}
