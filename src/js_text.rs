//! The draft as a JS string, converted from the page's copy once: the save (IndexedDB) and the check
//! worker each took a conversion of the whole text, 80 to 250 ms of the main thread for 19 MB.

use std::cell::RefCell;

use js_sys::JsString;
use yew::AttrValue;

thread_local! {
    /// The last text converted (its copy, so that it is known at a glance) and its JS string.
    static LAST: RefCell<Option<(AttrValue, JsString)>> = const { RefCell::new(None) };
}

fn is_copy(copy: &AttrValue, text: &AttrValue) -> bool {
    std::ptr::eq(copy.as_ptr(), text.as_ptr()) && copy.len() == text.len()
}

/// `text` as a JS string: the one made for the same copy of it, or a new one.
pub fn js_text(text: &AttrValue) -> JsString {
    LAST.with_borrow_mut(|last| match last {
        Some((copy, js)) if is_copy(copy, text) => js.clone(),
        _ => {
            let js = JsString::from(text.as_str());
            *last = Some((text.clone(), js.clone()));
            js
        }
    })
}

/// Lets the JS string (and the copy) of an earlier draft go: a long draft replaced by a short one,
/// which is saved without one, would otherwise be held twice over until the next long one.
pub fn forget_unless(text: &AttrValue) {
    LAST.with_borrow_mut(|last| {
        if last.as_ref().is_some_and(|(copy, _)| !is_copy(copy, text)) {
            *last = None;
        }
    })
}
