//! The page's state, apart from its view: the text being checked, the report [`nianbao::check`] gives for
//! it, which problem is selected, and any notice for the user. Every change goes through [`Action`], so
//! the report always belongs to the text.

use std::rc::Rc;

use yew::{AttrValue, Reducible};

use nianbao::Report;

/// The example behind 「载入示例」: a real 2021 report (seed 002), compiled into the page so that loading
/// it never touches the network.
pub const EXAMPLE: &str =
    include_str!("../crates/nianbao/tests/fixtures/seeds/002_b422951fb7a0dba1.txt");

/// What the user can do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The user typed, pasted or deleted: this is the textarea's whole new value, checked at once.
    Edit(String),
    /// As `Edit`, for a long text: keep the value, check it when typing pauses (`Recheck`).
    EditLater(String),
    /// Check the text now, if it changed since the last check.
    Recheck,
    /// 「载入示例」
    LoadExample,
    /// 「清空」
    Clear,
    /// A file was opened or dropped and read as text.
    LoadFile {
        name: String,
        text: String,
    },
    /// Last year's report was typed, pasted or dropped (enables X01, X02).
    EditPrevious(String),
    /// Something could not be done (e.g. an unsupported file); the text stays as it is.
    Notify(String),
    DismissNotice,
    /// Select a problem (index into the report's findings) and show it in the text.
    Select(usize),
    /// Select the next (or previous) problem after the selected one, or after byte `from` of the text
    /// when the caret has moved away from it.
    Step {
        forward: bool,
        from: usize,
    },
}

/// Texts longer than this are checked when typing pauses rather than on every keystroke, so typing
/// never waits for a check.
pub const CHECK_AT_ONCE_BELOW: usize = 60_000;

/// How long typing must pause before a long text is checked.
pub const PAUSE_MS: u32 = 300;

/// A message shown above the text, e.g. why a file could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

#[derive(Clone, Debug, Default)]
pub struct Checker {
    pub text: AttrValue,
    /// Last year's report, if the user gave it.
    pub previous: AttrValue,
    /// `None` while the text is blank.
    pub report: Option<Rc<Report>>,
    /// The report belongs to an earlier text (typing in a long text is checked when it pauses).
    pub stale: bool,
    /// How long the last check took, in milliseconds.
    pub elapsed_ms: f64,
    pub selected: Option<usize>,
    /// Bumped on every selection, so selecting the same problem again still moves to it.
    pub focus_serial: u32,
    pub notice: Option<Notice>,
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

impl Checker {
    /// Checks `text` (blank text is not checked: there is nothing to report on yet).
    pub fn new(text: AttrValue) -> Self {
        Checker::with_previous(text, AttrValue::default())
    }

    /// Checks `text` beside last year's report, when there is one.
    pub fn with_previous(text: AttrValue, previous: AttrValue) -> Self {
        let started = now_ms();
        let report = match (text.trim().is_empty(), previous.trim().is_empty()) {
            (true, _) => None,
            (false, true) => Some(Rc::new(nianbao::check(&text))),
            (false, false) => Some(Rc::new(nianbao::check_with_previous(&text, &previous))),
        };
        let elapsed_ms = now_ms() - started;
        Checker {
            text,
            previous,
            report,
            elapsed_ms,
            ..Checker::default()
        }
    }

    fn with_text(self: Rc<Self>, text: AttrValue, notice: Option<Notice>) -> Rc<Self> {
        if text == self.text && notice == self.notice && !self.stale {
            // Same text, same report: returning the same Rc lets Yew skip the render.
            return self;
        }
        let mut next = if text == self.text && !self.stale {
            (*self).clone()
        } else {
            Checker::with_previous(text, self.previous.clone())
        };
        next.notice = notice;
        Rc::new(next)
    }
}

impl Reducible for Checker {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(text) => self.with_text(AttrValue::from(text), None),
            Action::EditLater(text) => {
                if self.text == text.as_str() {
                    return self;
                }
                let mut next = (*self).clone();
                next.text = AttrValue::from(text);
                next.stale = true;
                next.selected = None;
                next.notice = None;
                Rc::new(next)
            }
            Action::Recheck => {
                if !self.stale {
                    return self;
                }
                Rc::new(Checker::with_previous(
                    self.text.clone(),
                    self.previous.clone(),
                ))
            }
            Action::EditPrevious(previous) => {
                if self.previous == previous.as_str() {
                    return self;
                }
                let mut next = Checker::with_previous(self.text.clone(), AttrValue::from(previous));
                next.notice = self.notice.clone();
                Rc::new(next)
            }
            Action::LoadExample => self.with_text(AttrValue::Static(EXAMPLE), None),
            Action::Clear => self.with_text(AttrValue::Static(""), None),
            Action::LoadFile { name, text } => {
                let lower = name.to_ascii_lowercase();
                let structured = [".docx", ".htm", ".html"]
                    .iter()
                    .any(|e| lower.ends_with(e));
                let how = if structured {
                    "表格已按原来的行列读入：每行一行，单元格之间用制表符分隔。"
                } else {
                    ""
                };
                let notice = Notice {
                    text: format!("已载入文件「{name}」。{how}"),
                    is_error: false,
                };
                self.with_text(AttrValue::from(text), Some(notice))
            }
            Action::Notify(text) => {
                let mut next = (*self).clone();
                next.notice = Some(Notice {
                    text,
                    is_error: true,
                });
                Rc::new(next)
            }
            Action::DismissNotice => {
                if self.notice.is_none() {
                    return self;
                }
                let mut next = (*self).clone();
                next.notice = None;
                Rc::new(next)
            }
            Action::Select(index) => {
                let count = self.report.as_ref().map_or(0, |r| r.findings.len());
                if index >= count {
                    return self;
                }
                let mut next = (*self).clone();
                next.selected = Some(index);
                next.focus_serial = self.focus_serial.wrapping_add(1);
                Rc::new(next)
            }
            Action::Step { forward, from } => match self.report.as_deref().and_then(|r| {
                nianbao::present::navigation::step(&r.findings, self.selected, forward, from)
            }) {
                Some(index) => self.reduce(Action::Select(index)),
                None => self,
            },
        }
    }
}
