//! The draft, kept in this browser's localStorage so a reload loses nothing. It never leaves the
//! computer.

const KEY: &str = "nianbao.draft";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load() -> Option<String> {
    storage()?
        .get_item(KEY)
        .ok()
        .flatten()
        .filter(|t| !t.is_empty())
}

/// Saves the draft; a full or disabled storage only means there is no saved draft.
pub fn save(text: &str) {
    if let Some(s) = storage() {
        let _ = if text.is_empty() {
            s.remove_item(KEY)
        } else {
            s.set_item(KEY, text)
        };
    }
}

pub fn clear() {
    if let Some(s) = storage() {
        let _ = s.remove_item(KEY);
    }
}
