//! The draft (and last year's report, when given), kept in this browser's localStorage so a reload
//! loses nothing. They never leave the computer. A draft localStorage refuses (full, or the text too
//! large) goes to IndexedDB (src/js/large_draft.js), and is taken from there on the next start: a
//! successful localStorage save deletes it, so when it is there it is the newer one. A save says
//! whether it worked, so a draft stored nowhere is told to the user, who can download it instead. The
//! draft a load replaced is kept under its own key; and the crash guard (crash-guard.js) leaves a mark
//! in sessionStorage when the checker failed, so the reloaded page shows the draft unchecked.
//!
//! src/js/large_draft.js (uncommented to stay small): one IndexedDB store, one record per key; its
//! functions resolve, never reject (false or null when IndexedDB is not there or refuses; reading gives
//! up after 2 s, so a stuck IndexedDB cannot keep the page from starting), over one connection opened
//! once, so that writes run in the order they were asked for. (localStorage holds about 5 M characters
//! in Chromium.)

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/js/large_draft.js")]
extern "C" {
    fn put_large(key: &str, text: &js_sys::JsString) -> js_sys::Promise;
    fn get_large(key: &str) -> js_sys::Promise;
    fn delete_large(key: &str) -> js_sys::Promise;
}

/// The draft's key. index.html's crash guard writes the text box here too, and other tabs see every
/// change to it (the `storage` event).
pub const KEY: &str = "nianbao.draft";
const PREVIOUS_KEY: &str = "nianbao.previous";
/// The draft that the last load, 「清空」 or 「载入示例」 replaced.
const REPLACED_KEY: &str = "nianbao.replaced";
/// What 「忽略此处」 and 「不再检查此规则」 keep: rule codes and hashes, never the report's text
/// ([`crate::ignore`]).
const IGNORED_KEY: &str = "nianbao.ignored";
/// Set by index.html's crash guard (the time of the failure) before it reloads the page.
const CRASHED_KEY: &str = "nianbao.crashed";

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

fn load_key(key: &str) -> Option<String> {
    local()?
        .get_item(key)
        .ok()
        .flatten()
        .filter(|t| !t.is_empty())
}

/// Saves under `key`: false when the browser refused (storage full or disabled, text too large).
fn save_key(key: &str, text: &str) -> bool {
    let Some(s) = local() else {
        return false;
    };
    if text.is_empty() {
        s.remove_item(key).is_ok()
    } else {
        s.set_item(key, text).is_ok()
    }
}

thread_local! {
    /// IndexedDB may hold a draft (so a localStorage save must delete it); spares every keystroke a
    /// transaction when it does not.
    static LARGE_STORED: Cell<bool> = const { Cell::new(true) };
}

/// The saved draft: the one in IndexedDB when there is one (it is newer), else localStorage's.
pub async fn load() -> Option<String> {
    let large = JsFuture::from(get_large(KEY))
        .await
        .ok()
        .and_then(|v| v.as_string())
        .filter(|t| !t.is_empty());
    LARGE_STORED.set(large.is_some());
    large.or_else(|| load_key(KEY))
}

/// Drafts this long or longer go to IndexedDB at once: localStorage holds about 5 million UTF-16 units
/// in all, and a failed attempt still copies the text out of the page's wasm.
const LOCAL_STORAGE_BELOW: usize = 4 * 1024 * 1024;

/// Stores the draft in localStorage, or else in IndexedDB; true when it is stored.
pub async fn save(text: &yew::AttrValue) -> bool {
    if text.len() < LOCAL_STORAGE_BELOW && save_key(KEY, text) {
        crate::js_text::forget_unless(text);
        if LARGE_STORED.replace(false) {
            JsFuture::from(delete_large(KEY)).await.is_ok()
        } else {
            true
        }
    } else {
        LARGE_STORED.set(true);
        JsFuture::from(put_large(KEY, &crate::js_text::js_text(text)))
            .await
            .is_ok_and(|stored| stored.is_truthy())
    }
}

pub fn load_previous() -> Option<String> {
    load_key(PREVIOUS_KEY)
}

pub fn save_previous(text: &str) {
    save_key(PREVIOUS_KEY, text);
}

pub fn load_ignored() -> crate::ignore::Ignored {
    crate::ignore::Ignored::from_stored(&load_key(IGNORED_KEY).unwrap_or_default())
}

pub fn save_ignored(ignored: &crate::ignore::Ignored) {
    save_key(IGNORED_KEY, &ignored.to_stored());
}

/// Keeps the draft a load replaced (until another load replaces the draft again).
pub fn save_replaced(text: &str) {
    if !text.is_empty() {
        save_key(REPLACED_KEY, text);
    }
}

/// Whether the checker failed on the saved draft (index.html reloaded the page after it did).
pub fn checker_failed() -> bool {
    session().is_some_and(|s| s.get_item(CRASHED_KEY).ok().flatten().is_some())
}

/// The user changed the text the checker failed on: the next check is a new attempt.
pub fn forget_failure() {
    if let Some(s) = session() {
        let _ = s.remove_item(CRASHED_KEY);
    }
}

pub fn clear() {
    for key in [KEY, PREVIOUS_KEY, REPLACED_KEY] {
        save_key(key, "");
    }
    let _ = delete_large(KEY);
}
