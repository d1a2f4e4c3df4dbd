//! The reviewer's desk in the page: several files, a folder or a .zip dropped (or chosen with
//! 「审阅多份年报」) are read one by one and put on the core's [`Desk`], then checked in slices of
//! the event loop's time, so that the progress bar moves and the page answers while it works. The
//! table, its CSV and its pairing are the core's, as on the command line.

use std::rc::Rc;

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DataTransfer, File};
use yew::Callback;

use nianbao::import::{self, archive};
use nianbao::present::desk::{Desk, Row};

use crate::app::now_ms;
use crate::files;

#[wasm_bindgen(module = "/src/js/dropped.js")]
extern "C" {
    /// `null` for one plain file; else a promise of `[[path, File], …]`.
    fn dropped(transfer: &DataTransfer) -> JsValue;
    #[wasm_bindgen(js_name = nextTurn)]
    fn next_turn() -> Promise;
}

/// Work at most this long between two turns of the event loop.
const SLICE_MS: f64 = 12.0;

/// The desk as the page shows it.
#[derive(Clone, PartialEq, Default)]
pub struct DeskView {
    /// The table is shown (rather than a report opened from it).
    pub open: bool,
    /// While reports are read and checked: steps done, steps in all.
    pub progress: Option<(usize, usize)>,
    pub rows: Rc<Vec<Row>>,
    /// Each row's text, for opening it (`None` for a file that could not be read).
    pub texts: Rc<Vec<Option<String>>>,
    /// The column sorted by and whether downwards.
    pub sort: Option<(usize, bool)>,
    pub elapsed_ms: u32,
}

/// The files of a drop for the desk, or `None` when it is one plain file (opened as always).
pub fn dropped_files(transfer: &DataTransfer) -> Option<Promise> {
    dropped(transfer).dyn_into::<Promise>().ok()
}

/// What the promise of [`dropped_files`] gives, in path order.
pub async fn files_of(promise: Promise) -> Vec<(String, File)> {
    let Ok(list) = JsFuture::from(promise).await else {
        return Vec::new();
    };
    let mut files: Vec<(String, File)> = Array::from(&list)
        .iter()
        .filter_map(|pair| {
            let pair = Array::from(&pair);
            Some((
                pair.get(0).as_string()?,
                pair.get(1).dyn_into::<File>().ok()?,
            ))
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

/// Lets the browser draw and answer once `SLICE_MS` have passed since `*since`.
async fn pace(since: &mut f64, done: usize, total: usize, show: &Callback<DeskView>) {
    if now_ms() - *since < SLICE_MS {
        return;
    }
    show.emit(DeskView {
        open: true,
        progress: Some((done, total)),
        ..DeskView::default()
    });
    let _ = JsFuture::from(next_turn()).await;
    *since = now_ms();
}

fn is_zip(name: &str) -> bool {
    name.rsplit_once('.')
        .is_some_and(|(_, e)| e.eq_ignore_ascii_case("zip"))
}

/// Reads and checks `files` onto a desk, showing progress through `show` and the table at the end.
pub async fn run(files: Vec<(String, File)>, show: Callback<DeskView>, refuse: Callback<String>) {
    // One .zip that is no archive is refused as before the desk, with the page's notice.
    if let [(name, file)] = &files[..] {
        if is_zip(name) {
            if let Ok(bytes) = files::read_bytes(name, file).await {
                if archive::entries(name, &bytes, &files::gbk_name).is_err() {
                    let refusal = import::classify(name, &bytes).err();
                    refuse.emit(refusal.map_or_else(String::new, |e| e.to_string()));
                    return;
                }
            }
        }
    }
    let started = now_ms();
    let mut since = started;
    let mut desk = Desk::new(&[]);
    // Steps: each file read, then each report checked (an archive's reports counted once read).
    let mut total = files.len() * 2;
    for (k, (name, file)) in files.iter().enumerate() {
        if !is_zip(name) {
            desk.add(name.clone(), files::read_text(file.clone()).await);
        } else {
            let entries = match files::read_bytes(name, file).await {
                Ok(bytes) => {
                    archive::entries(name, &bytes, &files::gbk_name).map_err(|e| e.to_string())
                }
                Err(message) => Err(message),
            };
            match entries {
                Ok(entries) => {
                    total += entries.len().saturating_sub(1) * 2;
                    for entry in entries {
                        let text = match entry.bytes {
                            Ok(bytes) => files::text_of(&entry.name, &bytes).await,
                            Err(e) => Err(e.to_string()),
                        };
                        desk.add(entry.name, text);
                        pace(&mut since, desk.len(), total, &show).await;
                    }
                }
                Err(message) => desk.add(name.clone(), Err(message)),
            }
        }
        pace(&mut since, k + 1, total, &show).await;
    }
    total = desk.len() * 2;
    let mut rows = Vec::with_capacity(desk.len());
    for i in 0..desk.len() {
        rows.extend(desk.check(i));
        pace(&mut since, desk.len() + i + 1, total, &show).await;
    }
    // Each report compared with all the others, a slice of time at a time too.
    let mut similarity = desk.similarity();
    for (i, row) in rows.iter_mut().enumerate() {
        row.similar = similarity.best(i);
        pace(&mut since, total, total, &show).await;
    }
    let texts = (0..desk.len())
        .map(|i| desk.text(i).map(str::to_string))
        .collect();
    show.emit(DeskView {
        open: true,
        progress: None,
        rows: Rc::new(rows),
        texts: Rc::new(texts),
        sort: None,
        elapsed_ms: (now_ms() - started) as u32,
    });
}
