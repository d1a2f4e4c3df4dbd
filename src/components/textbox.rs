//! One text box with the findings highlighted in place, for this year's report and last year's: a
//! backdrop behind the (transparent) textarea repeats the text with marks at the findings' byte
//! ranges, scrolled with it.
//!
//! A text of [`LONG_TEXT`] or more is shown and edited a window at a time
//! ([`nianbao::present::window`]): Chromium lays a textarea's whole text out again on every change, about
//! a second a megabyte. The box then holds one window, with the marks that fall in it, and a bar to move
//! to the lines before or after; an edit in it is spliced into the whole text. A long paste is spliced
//! in the same way without passing through the box. Selecting all the box shows (Ctrl+A) and typing,
//! deleting or pasting over it replaces the whole text, as 「全选」 means.
//!
//! A paste over 20 MB is refused with the message a file that size gets, and the text stays as it was.
//!
//! A paste whose clipboard holds a table (Word, WPS, a web page) is inserted as the table's grid. It is
//! put in with `setRangeText`, in time proportional to its length (the editing command `insertText`
//! takes seconds to tens of seconds for a few thousand lines), and since that leaves no step in the
//! browser's undo history, the box keeps its own: Ctrl+Z right after the paste restores the exact text
//! before it, in one step.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, HtmlTextAreaElement, KeyboardEvent};
use yew::prelude::*;

use crate::markup::table_paste;
use crate::state::same_text;
use nianbao::import::{ImportError, LARGEST_FILE};
use nianbao::present::pieces::{pieces, Piece};
use nianbao::present::utf16::byte_offset;
use nianbao::present::window::Window;
pub use nianbao::present::window::LONG_TEXT;
use nianbao::{Finding, Report, Severity};

/// The findings a text box marks: this year's at their place, or those comparing with last year at
/// their place in last year's text.
#[derive(Clone)]
pub struct Marks {
    pub report: Rc<Report>,
    pub last_year: bool,
}

impl PartialEq for Marks {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report) && self.last_year == other.last_year
    }
}

impl Marks {
    /// The findings, placed in the text this box shows.
    fn placed(&self) -> Cow<'_, [Finding]> {
        if !self.last_year {
            return Cow::Borrowed(&self.report.findings);
        }
        self.report
            .findings
            .iter()
            .filter_map(|f| {
                let there = f.in_last_year()?;
                Some(Finding {
                    start: there.start,
                    end: there.end,
                    line: there.line,
                    ..f.clone()
                })
            })
            .collect()
    }
}

/// What [`text_box`] shows and whom it tells. A plain function rather than a component (each
/// component costs the bundle its share of Yew's generic machinery): its state, the paste's undo step
/// and the window of a long text, is kept by the caller (`use_mut_ref(TextBoxState::default)`), who
/// draws it again on `redraw`.
pub struct TextBox {
    pub id: &'static str,
    /// The id of the element naming the box, when no `<label for>` does.
    pub labelled_by: Option<&'static str>,
    pub described_by: &'static str,
    pub placeholder: &'static str,
    pub small: bool,
    pub value: AttrValue,
    pub marks: Option<Marks>,
    pub selected: Option<usize>,
    /// The whole text after an edit: the one copy the box keeps of it, when it is long.
    pub on_edit: Callback<AttrValue>,
    /// A paste was refused: why, in Chinese.
    pub on_refuse: Callback<String>,
    /// The caret may have moved (a click or a key).
    pub on_caret: Callback<()>,
    pub area_ref: NodeRef,
    pub backdrop_ref: NodeRef,
    pub state: Rc<RefCell<TextBoxState>>,
    /// The window of a long text moved: draw the box again.
    pub redraw: Callback<()>,
}

/// What a paste too large to be a report is told: what a file that size is told.
fn refused_paste() -> String {
    ImportError::TooLarge {
        name: "粘贴的内容".to_string(),
        size: None,
    }
    .to_string()
}

pub fn severity_class(severity: Severity) -> &'static str {
    severity.as_str()
}

/// `text` with `findings` marked: runs under a span, a bar where something is missing. `index` gives
/// each finding's number in the report, when `findings` are only some of its findings.
fn render_pieces(
    text: &str,
    findings: &[Finding],
    index: Option<&[usize]>,
    selected: Option<usize>,
) -> Html {
    let number = |i: usize| index.map_or(i, |index| index[i]);
    pieces(text, findings)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text { start, end } => html! { {&text[start..end]} },
            Piece::Mark { start, end, severity, findings: covering } => {
                let covering: Vec<usize> = covering.iter().map(|&i| number(i)).collect();
                let ids = covering.iter().map(usize::to_string).collect::<Vec<_>>().join(" ");
                let is_selected = selected.is_some_and(|s| covering.contains(&s));
                html! {
                    <mark class={classes!("hl", severity_class(severity), is_selected.then_some("selected"))} data-f={ids}>
                        {&text[start..end]}
                    </mark>
                }
            }
            Piece::Marker { severity, finding, .. } => { let finding = number(finding); html! {
                <span class={classes!("insert-marker", severity_class(severity), (selected == Some(finding)).then_some("selected"))}
                      data-f={finding.to_string()}></span>
            }},
        })
        .collect()
}

/// What a text box keeps between draws: its own undo step for its last table or long paste, and the
/// window it shows of a long text.
#[derive(Default)]
pub struct TextBoxState {
    step: Option<PasteStep>,
    long: Option<LongView>,
    /// The key pressed (until it is let go) edits over all the box shows of a long text (Ctrl+A, then
    /// typing, Delete or a paste): its edit replaces the whole text, as 「全选」 means.
    replacing_all: bool,
}

/// The undo step of a paste: the box's value before and after it, and the selection it replaced (UTF-16
/// units); for a long paste (`whole`), the whole texts before and after.
struct PasteStep {
    before: AttrValue,
    after: AttrValue,
    start: u32,
    end: u32,
    whole: bool,
}

/// The window a long text is shown in, and the text it is a window of.
struct LongView {
    text: AttrValue,
    window: Window,
    /// The line breaks before the window and in the whole text, once counted: kept up to date by an
    /// edit in the window, so a key typed counts the window's, not those of the whole text (tens of
    /// milliseconds for 19 MB in wasm).
    breaks: Option<(usize, usize)>,
}

/// The line breaks in `s`, counted eight bytes at a time (a byte at a time took 50 to 80 ms for
/// 19 MB in wasm): a byte of `word ^ 0x0a0a…` is zero where `word` holds a line break.
fn line_breaks(s: &str) -> usize {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let words = s.as_bytes().chunks_exact(8);
    let rest = words.remainder().iter().filter(|&&b| b == b'\n').count();
    let zeros = |word: &[u8]| {
        let y = u64::from_le_bytes(word.try_into().unwrap_or_default()) ^ 0x0a0a_0a0a_0a0a_0a0a;
        // The high bit of each byte set where it is not zero: no carry crosses a byte.
        (!(((y & LOW) + LOW) | y) & !LOW).count_ones() as usize
    };
    words.map(zeros).sum::<usize>() + rest
}

/// Whether the selection of `area` is all it holds.
fn selects_all(area: &HtmlTextAreaElement) -> bool {
    let length = area.text_length();
    length > 0
        && area.selection_start().ok().flatten() == Some(0)
        && area.selection_end().ok().flatten() == Some(length)
}

impl TextBoxState {
    /// The window to show of `text`, when it is long: the one shown if it is still of this text; after
    /// an edit elsewhere (a fix, an undo) the window from the same place; for another text (a file, the
    /// example), its top.
    pub fn window(&mut self, text: &AttrValue) -> Option<Window> {
        if text.len() < LONG_TEXT {
            self.long = None;
            return None;
        }
        let window = match &self.long {
            // The same text (the one just edited in the box, drawn again): its count of lines stays.
            Some(view) if same_text(&view.text, text) => return Some(view.window),
            Some(view)
                if view.window.start < text.len()
                    && text
                        .as_bytes()
                        .starts_with(&view.text.as_bytes()[..view.window.start]) =>
            {
                Window::at(text, view.window.start)
            }
            _ => Window::at(text, 0),
        };
        self.show(text.clone(), window);
        Some(window)
    }

    /// For a long text, the window that holds bytes `start..end`: the one shown if it does, else one
    /// around them, shown from now on (`true`).
    pub fn window_holding(
        &mut self,
        text: &AttrValue,
        start: usize,
        end: usize,
    ) -> Option<(Window, bool)> {
        let shown = self.window(text)?;
        if shown.holds(start, end) {
            return Some((shown, false));
        }
        let around = Window::at(text, start);
        self.show(text.clone(), around);
        Some((around, true))
    }

    /// For a long text, the 1-based numbers of the first and last line shown, and of the text's lines.
    pub fn lines(&mut self) -> Option<(usize, usize, usize)> {
        let view = self.long.as_mut()?;
        let text = view.text.as_str();
        let window = view.window;
        if !window.fits(text) {
            return None;
        }
        let (before, all) = *view
            .breaks
            .get_or_insert_with(|| (line_breaks(&text[..window.start]), line_breaks(text)));
        let shown = &text[window.start..window.end];
        let first = 1 + before;
        Some((
            first,
            first + line_breaks(shown.strip_suffix('\n').unwrap_or(shown)),
            1 + all,
        ))
    }

    /// Where what the box shows starts in the whole text.
    pub fn shown_from(&self) -> usize {
        self.long.as_ref().map_or(0, |view| view.window.start)
    }

    /// Shows `window` of `text` from now on.
    pub fn show(&mut self, text: AttrValue, window: Window) {
        self.long = Some(LongView {
            text,
            window,
            breaks: None,
        });
    }

    /// The whole text once the box holds `value`: `value` itself, or for a long text, `value` spliced
    /// into it in place of the window (which now covers `value`).
    fn whole(&mut self, value: String) -> AttrValue {
        if std::mem::take(&mut self.replacing_all) {
            self.long = None;
            return AttrValue::from(value);
        }
        match &mut self.long {
            Some(view) if view.window.fits(&view.text) => {
                let (whole, window) = view.window.splice(&view.text, &value);
                let was_shown = &view.text[view.window.start..view.window.end];
                view.breaks = view.breaks.map(|(before, all)| {
                    (before, all - line_breaks(was_shown) + line_breaks(&value))
                });
                view.text = AttrValue::from(whole);
                view.window = window;
                view.text.clone()
            }
            _ => AttrValue::from(value),
        }
    }

    /// Puts `pasted` over bytes `start..end` of what the box shows, without passing it through the box,
    /// and shows the window where it starts; returns the whole text and keeps the undo step.
    fn paste_whole(&mut self, shown: &str, start: usize, end: usize, pasted: &str) -> AttrValue {
        let (offset, before) = match &self.long {
            Some(view) => (view.window.start, view.text.clone()),
            None => (0, AttrValue::from(shown.to_string())),
        };
        let (start, end) = if std::mem::take(&mut self.replacing_all) {
            (0, before.len())
        } else {
            (offset + start, offset + end)
        };
        let whole = AttrValue::from([&before[..start], pasted, &before[end..]].concat());
        if whole.len() >= LONG_TEXT {
            self.show(whole.clone(), Window::at(&whole, start));
        } else {
            self.long = None;
        }
        self.step = Some(PasteStep {
            before,
            after: whole.clone(),
            start: 0,
            end: 0,
            whole: true,
        });
        whole
    }
}

/// Inserts `grid` over the selection of `area` in one step; returns the undo step.
fn insert(area: &HtmlTextAreaElement, grid: &str) -> Option<PasteStep> {
    let start = area.selection_start().ok()??;
    let end = area.selection_end().ok()??;
    let before = area.value();
    area.set_range_text_with_start_and_end(grid, start, end)
        .ok()?;
    let caret = start + grid.encode_utf16().count() as u32;
    let _ = area.set_selection_range(caret, caret);
    Some(PasteStep {
        before: AttrValue::from(before),
        after: AttrValue::from(area.value()),
        start,
        end,
        whole: false,
    })
}

/// After a whole report arrives (a paste into the empty box, an opened file), shows its top, not its
/// end where the caret was left: once the browser has put the text in, the caret goes to the start and
/// the box and the page scroll to the top.
pub fn show_top() {
    let once = wasm_bindgen::closure::Closure::once_into_js(|| {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(area) = window
            .document()
            .and_then(|d| d.get_element_by_id("report-text"))
            .and_then(|e| e.dyn_into::<HtmlTextAreaElement>().ok())
        {
            let _ = area.set_selection_range(0, 0);
            area.set_scroll_top(0);
        }
        window.scroll_to_with_x_and_y(0.0, 0.0);
    });
    if let Some(w) = web_sys::window() {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(once.unchecked_ref(), 0);
    }
}

pub fn text_box(props: TextBox) -> Html {
    let oninput = {
        let (on_edit, state) = (props.on_edit.clone(), props.state.clone());
        Callback::from(move |event: InputEvent| {
            let value = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            let whole = state.borrow_mut().whole(value);
            on_edit.emit(whole);
        })
    };
    let onpaste = {
        let (on_edit, state) = (props.on_edit.clone(), props.state.clone());
        let (on_refuse, redraw) = (props.on_refuse.clone(), props.redraw.clone());
        Callback::from(move |event: Event| {
            let event: ClipboardEvent = event.unchecked_into();
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            let plain = event
                .clipboard_data()
                .and_then(|data| data.get_data("text/plain").ok())
                .unwrap_or_default();
            if plain.len() as u64 > LARGEST_FILE {
                event.prevent_default();
                on_refuse.emit(refused_paste());
                return;
            }
            if area.text_length() == 0 {
                show_top();
            }
            let grid = table_paste(&event);
            let pasted = grid.as_deref().unwrap_or(&plain);
            let all = state.borrow().long.is_some() && selects_all(&area);
            state.borrow_mut().replacing_all = all;
            if pasted.len() >= LONG_TEXT || all {
                // Through the box it would be laid out whole: spliced into the text instead.
                let (Ok(Some(start)), Ok(Some(end))) =
                    (area.selection_start(), area.selection_end())
                else {
                    return;
                };
                event.prevent_default();
                let shown = area.value();
                let (start, end) = (
                    byte_offset(&shown, start as usize),
                    byte_offset(&shown, end as usize),
                );
                let whole = state.borrow_mut().paste_whole(&shown, start, end, pasted);
                on_edit.emit(whole);
                redraw.emit(());
                return;
            }
            let Some(grid) = grid else {
                return;
            };
            if let Some(pasted) = insert(&area, &grid) {
                event.prevent_default();
                let mut state = state.borrow_mut();
                let whole = state.whole(pasted.after.to_string());
                state.step = Some(pasted);
                drop(state);
                on_edit.emit(whole);
            }
        })
    };
    let onkeydown = {
        let (on_edit, state) = (props.on_edit.clone(), props.state.clone());
        Callback::from(move |event: KeyboardEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            {
                let mut state = state.borrow_mut();
                // Typing or deleting; not a shortcut (an undo, or a cut: the clipboard holds only what
                // the box shows).
                let plain = !(event.ctrl_key() || event.meta_key() || event.alt_key());
                state.replacing_all = plain && state.long.is_some() && selects_all(&area);
            }
            let key = event.key();
            if !(event.ctrl_key() || event.meta_key())
                || event.shift_key()
                || !(key == "z" || key == "Z")
            {
                return;
            }
            let mut state = state.borrow_mut();
            // Only right after the paste: any other edit is the browser's to undo.
            let whole_now = state.long.as_ref().map(|view| view.text.clone());
            let is_after = |step: &PasteStep| match (&whole_now, step.whole) {
                (Some(text), true) => same_text(text, &step.after),
                _ => area.value() == step.after.as_str(),
            };
            let Some(step) = state.step.take_if(|step| is_after(step)) else {
                return;
            };
            event.prevent_default();
            if step.whole {
                state.long = None;
                drop(state);
                on_edit.emit(step.before);
                return;
            }
            area.set_value(&step.before);
            let _ = area.set_selection_range(step.start, step.end);
            let whole = state.whole(step.before.to_string());
            drop(state);
            on_edit.emit(whole);
        })
    };
    let onscroll = {
        let backdrop_ref = props.backdrop_ref.clone();
        Callback::from(move |event: Event| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            if let Some(backdrop) = backdrop_ref.cast::<web_sys::Element>() {
                backdrop.set_scroll_top(area.scroll_top());
                backdrop.set_scroll_left(area.scroll_left());
            }
        })
    };
    let onkeyup = {
        let (on_caret, state) = (props.on_caret.clone(), props.state.clone());
        Callback::from(move |_: KeyboardEvent| {
            state.borrow_mut().replacing_all = false;
            on_caret.emit(());
        })
    };
    let onclick = props.on_caret.reform(|_: MouseEvent| ());

    let window = props.state.borrow_mut().window(&props.value);
    let text = props.value.as_str();
    let (shown, value) = match window {
        Some(w) => {
            let shown = &text[w.start..w.end];
            (shown, AttrValue::from(shown.to_string()))
        }
        None => (text, props.value.clone()),
    };
    let backdrop = match (&props.marks, window) {
        (Some(marks), Some(w)) => {
            let (moved, index) = w.findings_in(&marks.placed());
            render_pieces(shown, &moved, Some(&index), props.selected)
        }
        (Some(marks), None) => render_pieces(text, &marks.placed(), None, props.selected),
        (None, _) => html! { {shown} },
    };
    let pager = window.map(|w| {
        let counted = props.state.borrow_mut().lines();
        let (first, last, all) = counted.unwrap_or_else(|| w.lines(text));
        let go = |to: Option<Window>, label: &'static str| {
            let (state, redraw, text) = (props.state.clone(), props.redraw.clone(), props.value.clone());
            let onclick = Callback::from(move |_: MouseEvent| {
                if let Some(to) = to {
                    state.borrow_mut().show(text.clone(), to);
                    redraw.emit(());
                }
            });
            html! { <button type="button" class="link-button" disabled={to.is_none()} {onclick}>{label}</button> }
        };
        html! {
            <p class="window-bar">
                <span>{format!("文字很长，分段显示：第 {first}–{last} 行，共 {all} 行。")}</span>
                {go(w.previous(text), "上一段")}
                {go(w.next(text), "下一段")}
            </p>
        }
    });
    html! {
        <>
        {for pager}
        <div class={classes!("textbox", props.small.then_some("small"))}>
            <div class="backdrop" ref={props.backdrop_ref} aria-hidden="true">
                <div class="backdrop-text">{backdrop}{"\n "}</div>
            </div>
            <textarea
                id={props.id}
                class="report-text"
                ref={props.area_ref}
                aria-labelledby={props.labelled_by}
                aria-describedby={props.described_by}
                placeholder={props.placeholder}
                spellcheck="false"
                {value}
                {oninput}
                {onpaste}
                {onkeydown}
                {onscroll}
                {onkeyup}
                {onclick}
            />
        </div>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn long_text() -> String {
        format!("{}\n", crate::state::EXAMPLE).repeat(40)
    }

    #[test]
    fn line_breaks_are_counted_as_a_byte_at_a_time_counts_them() {
        let texts = [
            String::new(),
            "\n".repeat(17),
            long_text(),
            "甲\n\n乙\u{a}\u{b}\u{8a}\u{10a}一二三四五六七\n\u{b}".repeat(9),
        ];
        for text in texts {
            for start in 0..8.min(text.len()) {
                let Some(piece) = text.get(start..) else {
                    continue;
                };
                let counted = piece.bytes().filter(|&b| b == b'\n').count();
                assert_eq!(line_breaks(piece), counted, "{piece:?}");
            }
        }
    }

    #[test]
    fn a_short_text_is_shown_whole_and_edited_as_it_is() {
        let mut state = TextBoxState::default();
        let text = AttrValue::from("一、总体情况\n");
        assert_eq!(state.window(&text), None);
        assert_eq!(
            state.whole("一、总体情况\n本年度".to_string()),
            "一、总体情况\n本年度"
        );
    }

    #[test]
    fn the_lines_shown_are_counted_once_and_kept_up_to_date_by_edits() {
        let text = long_text();
        let mut state = TextBoxState::default();
        let middle = Window::at(&text, text.len() / 2);
        state.show(AttrValue::from(text.clone()), middle);
        assert_eq!(state.lines(), Some(middle.lines(&text)));
        // Two lines more, then one less, typed in the window.
        let shown = &text[middle.start..middle.end];
        let mut whole = state.whole(format!("甲\n乙\n{shown}"));
        let grown = state.long.as_ref().unwrap().window;
        assert_eq!(state.lines(), Some(grown.lines(&whole)));
        // Drawn again with the text the edit made, the box keeps its window and its count.
        assert_eq!(state.window(&AttrValue::from(whole.clone())), Some(grown));
        assert!(state.long.as_ref().unwrap().breaks.is_some());
        assert_eq!(state.lines().unwrap().2, middle.lines(&text).2 + 2);
        let now = whole[grown.start..grown.end].to_string();
        let one_less = now.replacen('\n', "", 1);
        whole = state.whole(one_less);
        let shrunk = state.long.as_ref().unwrap().window;
        assert_eq!(state.lines(), Some(shrunk.lines(&whole)));
        assert_eq!(state.lines().unwrap().2, middle.lines(&text).2 + 1);
    }

    #[test]
    fn an_edit_in_a_window_is_spliced_in_and_the_window_stays() {
        let text = long_text();
        let mut state = TextBoxState::default();
        let first = state
            .window(&AttrValue::from(text.clone()))
            .expect("a long text is windowed");
        assert_eq!(first.start, 0);
        // Move to the middle, as 「下一段」 does, and type there.
        let middle = Window::at(&text, text.len() / 2);
        state.show(AttrValue::from(text.clone()), middle);
        let typed = format!("{}又", &text[middle.start..middle.end]);
        let whole = state.whole(typed.clone());
        assert_eq!(whole.len(), text.len() + "又".len());
        assert_eq!(&whole[..middle.end], &text[..middle.end]);
        assert_eq!(&whole[middle.end..middle.end + "又".len()], "又");
        // The page comes back with the edited text: the same window, now over what was typed.
        let again = state.window(&AttrValue::from(whole.clone())).unwrap();
        assert_eq!(&whole[again.start..again.end], typed);
    }

    #[test]
    fn another_text_goes_to_its_top_and_a_fix_elsewhere_keeps_the_place() {
        let text = long_text();
        let mut state = TextBoxState::default();
        let middle = Window::at(&text, text.len() / 2);
        state.show(AttrValue::from(text.clone()), middle);
        // A fix after the window (the text before it unchanged): the window keeps its start.
        let fixed = format!("{text}六、其他需要报告的事项\n");
        assert_eq!(
            state.window(&AttrValue::from(fixed)).unwrap().start,
            middle.start
        );
        // Another report (a file, the example): its top.
        let other = format!("（一）{text}");
        assert_eq!(state.window(&AttrValue::from(other)).unwrap().start, 0);
    }

    #[test]
    fn a_long_paste_is_spliced_at_the_selection_and_undone_whole() {
        let mut state = TextBoxState::default();
        let draft = "一、总体情况\n";
        let pasted = long_text();
        let whole = state.paste_whole(draft, draft.len(), draft.len(), &pasted);
        assert_eq!(whole, format!("{draft}{pasted}"));
        let window = state.window(&AttrValue::from(whole.clone())).unwrap();
        assert!(
            window.holds(draft.len(), draft.len()),
            "shown where the paste starts"
        );
        let step = state.step.as_ref().expect("an undo step");
        assert!(step.whole && step.before == draft && step.after == whole);
    }

    /// A long text is kept once: the copy the box shows a window of is the one it hands the page, so
    /// that every later comparison of the two is at a glance.
    #[test]
    fn a_long_text_is_one_copy_the_box_and_the_page_share() {
        let one_copy = |a: &AttrValue, b: &AttrValue| std::ptr::eq(a.as_ptr(), b.as_ptr());
        let mut state = TextBoxState::default();
        let whole = state.paste_whole("", 0, 0, &long_text());
        let view = state.long.as_ref().unwrap();
        assert!(one_copy(&view.text, &whole));
        let step = state.step.as_ref().unwrap();
        assert!(one_copy(&step.after, &whole), "the undo step holds it too");
        let shown = &whole[view.window.start..view.window.end];
        let edited = state.whole(format!("{shown}又"));
        assert!(one_copy(&state.long.as_ref().unwrap().text, &edited));
        let window = state.long.as_ref().unwrap().window;
        assert_eq!(
            state.window(&edited),
            Some(window),
            "the same text: the same window"
        );
        // Another copy of the same text is still the same text.
        let copy = AttrValue::from(edited.to_string());
        assert!(!one_copy(&copy, &edited) && same_text(&copy, &edited));
        let mut other = edited.to_string();
        assert_eq!(other.pop(), Some('\n'));
        other.push('x');
        assert!(other.len() == edited.len() && !same_text(&other, &edited));
    }

    #[test]
    fn an_edit_over_all_the_window_shows_replaces_the_whole_text() {
        let text = long_text();
        let mut state = TextBoxState::default();
        state.window(&AttrValue::from(text.clone())).unwrap();
        state.replacing_all = true;
        assert_eq!(state.whole("新".to_string()), "新");
        assert_eq!(state.window(&AttrValue::from("新")), None);
        // And a paste over all of it, once more from a long text.
        state.window(&AttrValue::from(text.clone())).unwrap();
        state.replacing_all = true;
        assert_eq!(state.paste_whole("", 0, 0, "二、主动公开"), "二、主动公开");
        // Without it, only the window is replaced.
        state.window(&AttrValue::from(text.clone())).unwrap();
        let whole = state.whole("新\n".to_string());
        assert!(whole.starts_with("新\n") && whole.len() > text.len() / 2);
    }
}
