//! The draft (and last year's report, when given), kept in this browser's localStorage so a reload
//! loses nothing. They never leave the computer. A save says whether it worked (a full storage or a
//! text too large is told to the user, who can download the draft instead); the draft a load replaced
//! is kept under its own key; and the crash guard in index.html leaves a mark in sessionStorage when
//! the checker failed, so the reloaded page shows the draft without checking it again.

/// The draft's key. index.html's crash guard writes the text box here too, and other tabs see every
/// change to it (the `storage` event).
pub const KEY: &str = "nianbao.draft";
const PREVIOUS_KEY: &str = "nianbao.previous";
/// The draft that the last load, 「清空」 or 「载入示例」 replaced.
const REPLACED_KEY: &str = "nianbao.replaced";
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

pub fn load() -> Option<String> {
    load_key(KEY)
}

/// Stores the draft; false when it could not be stored.
pub fn save(text: &str) -> bool {
    save_key(KEY, text)
}

pub fn load_previous() -> Option<String> {
    load_key(PREVIOUS_KEY)
}

pub fn save_previous(text: &str) {
    save_key(PREVIOUS_KEY, text);
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
}
