//! The draft (and last year's report, when given), kept in this browser's localStorage so a reload
//! loses nothing. They never leave the computer.

const KEY: &str = "nianbao.draft";
const PREVIOUS_KEY: &str = "nianbao.previous";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load_key(key: &str) -> Option<String> {
    storage()?
        .get_item(key)
        .ok()
        .flatten()
        .filter(|t| !t.is_empty())
}

/// Saves under `key`; a full or disabled storage only means there is no saved draft.
fn save_key(key: &str, text: &str) {
    if let Some(s) = storage() {
        let _ = if text.is_empty() {
            s.remove_item(key)
        } else {
            s.set_item(key, text)
        };
    }
}

pub fn load() -> Option<String> {
    load_key(KEY)
}

pub fn save(text: &str) {
    save_key(KEY, text);
}

pub fn load_previous() -> Option<String> {
    load_key(PREVIOUS_KEY)
}

pub fn save_previous(text: &str) {
    save_key(PREVIOUS_KEY, text);
}

pub fn clear() {
    save_key(KEY, "");
    save_key(PREVIOUS_KEY, "");
}
