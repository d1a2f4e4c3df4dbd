//! The page's state, apart from its view: the text being checked, the report the checker gives for it,
//! which problem is selected, and any notice for the user. Every change goes through [`Action`], so the
//! report always belongs to the text. The reducer is pure: the checker and the clock come in through
//! [`Env`], and saving, files and the other tabs are the app's business (they only send actions here),
//! so all of it is tested natively (`cargo test -p nianbao-web`).

use std::rc::Rc;

use yew::{AttrValue, Reducible};

use crate::ignore::{place, Entry, Ignored};
use nianbao::{Report, RuleCode};

/// The example behind 「载入示例」: a real 2021 report (seed 002), compiled into the page so that loading
/// it never touches the network.
pub const EXAMPLE: &str =
    include_str!("../crates/nianbao/tests/fixtures/seeds/002_b422951fb7a0dba1.txt");

/// What the user can do, and what the page learns about the draft's storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The user typed, pasted or deleted: this is the textarea's whole new value, checked at once.
    Edit(AttrValue),
    /// As `Edit`, for a long text: keep the value, check it when typing pauses (`Recheck`).
    EditLater(AttrValue),
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
    /// 「撤销」: put back the text that the last load, 「清空」 or 「载入示例」 replaced.
    Undo,
    /// Last year's report was typed, pasted or dropped (enables X01, X02).
    EditPrevious(AttrValue),
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
    /// Whether the draft could be stored in this browser, after a save.
    Saved(bool),
    /// Another tab of this page stored a draft that differs from this one.
    OtherTab(String),
    /// 「改用另一页的文字」: take the other tab's draft (undoable).
    TakeOtherTab,
    /// 「以本页为准」: keep this tab's text and save it again.
    KeepThisTab,
    /// 「忽略此处」 on the problem at this index.
    Ignore(usize),
    /// 「不再检查此规则」
    Disable(RuleCode),
    /// 「恢复」 an ignored place or rule.
    Restore(Entry),
    /// 「全部修正」 changed this many places (the text itself came as an `Edit`).
    Fixed(usize),
    /// The check worker's answer to the check numbered `serial` (see [`Checker::pending`]). An answer
    /// for an older text is dropped.
    Checked {
        serial: u32,
        answer: WorkerAnswer,
    },
    /// The check numbered `serial` is still running after [`SLOW_CHECK_MS`]: say so, and offer to stop it.
    CheckIsSlow(u32),
    /// 「停止检查」, or the check worker failed (`failed`): the text stays as it is, unchecked.
    CheckStopped {
        serial: u32,
        failed: bool,
    },
}

/// The check worker's report and how long it took, from the request to the answer. Equal only to
/// itself, so that actions stay comparable.
#[derive(Clone, Debug)]
pub struct WorkerAnswer {
    pub report: Rc<Report>,
    pub elapsed_ms: f64,
}

impl PartialEq for WorkerAnswer {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
}

impl Eq for WorkerAnswer {}

/// Texts longer than this are checked when typing pauses rather than on every keystroke, so typing
/// never waits for a check.
pub const CHECK_AT_ONCE_BELOW: usize = 60_000;

/// How long typing must pause before a long text is checked.
pub const PAUSE_MS: u32 = 300;

/// Texts this long or longer are checked off the main thread, by the check worker: a check grows with
/// the text, and the page would freeze for seconds on a text of several MB. Real reports are 10–100 KB
/// and are checked at once, on the page. The same length as the text box's long texts (shown a window
/// at a time), which have no report to wait for there either.
pub const CHECK_IN_WORKER_FROM: usize = nianbao::present::window::LONG_TEXT;

/// After this long, a check still running says so and offers to stop.
pub const SLOW_CHECK_MS: u32 = 2_000;

/// What the page says when the user stopped a long check.
pub const CHECK_STOPPED: &str = "已停止检查，文字保持原样。修改文字后会重新检查。";

/// What the page says when the check worker failed on the text.
pub const WORKER_FAILED: &str =
    "检查程序出错，这段文字没能检查完。您的文字已保存：可以继续编辑，修改后会重新检查。";

/// What the page says after the checker failed on the saved draft and the page was reloaded.
pub const CHECKER_FAILED: &str =
    "检查程序出错，这段文字没能检查完。您的文字已保存：可以继续编辑，修改后会重新检查。";

/// A message shown above the text, e.g. why a file could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
    /// Offer 「撤销」 (the notice says what replaced the draft).
    pub undo: bool,
}

impl Notice {
    fn error(text: impl Into<String>) -> Self {
        Notice {
            text: text.into(),
            is_error: true,
            undo: false,
        }
    }

    fn info(text: impl Into<String>) -> Self {
        Notice {
            text: text.into(),
            is_error: false,
            undo: false,
        }
    }
}

/// What the reducer needs from outside: the checker and a clock in milliseconds.
#[derive(Clone, Copy, Debug)]
pub struct Env {
    /// Checks this year's text beside last year's (blank when not given).
    pub check: fn(&str, &str) -> Report,
    pub now: fn() -> f64,
    /// Texts this long or longer are left to the check worker ([`Checker::pending`]).
    pub check_in_worker_from: usize,
}

/// The core's check, with last year's report when there is one.
pub fn check_beside(text: &str, previous: &str) -> Report {
    if previous.trim().is_empty() {
        nianbao::check(text)
    } else {
        nianbao::check_with_previous(text, previous)
    }
}

impl Default for Env {
    /// The real checker and a stopped clock (the page passes the browser's clock).
    fn default() -> Self {
        Env {
            check: check_beside,
            now: || 0.0,
            check_in_worker_from: CHECK_IN_WORKER_FROM,
        }
    }
}

/// Whether `a` and `b` are the same text: at a glance when they are one copy (the page passes one copy
/// of the draft around: compared byte by byte, a 19 MB draft took 20 to 70 ms at each draw), else byte
/// by byte.
pub fn same_text(a: &str, b: &str) -> bool {
    (std::ptr::eq(a.as_ptr(), b.as_ptr()) && a.len() == b.len()) || a == b
}

/// A text as what an effect depends on: it runs again for another text, found at a glance for the
/// same copy ([`same_text`]).
#[derive(Clone)]
pub struct SameText(pub AttrValue);

impl PartialEq for SameText {
    fn eq(&self, other: &Self) -> bool {
        same_text(&self.0, &other.0)
    }
}

#[derive(Clone, Debug, Default)]
pub struct Checker {
    pub env: Env,
    pub text: AttrValue,
    /// Last year's report, if the user gave it.
    pub previous: AttrValue,
    /// What the page shows: the report without the ignored findings. `None` while the text is blank
    /// (or not checked, see `unchecked`).
    pub report: Option<Rc<Report>>,
    /// The findings of the text left out of the report, as what tells where an ignored place is: rule,
    /// place ([`place`]), line.
    pub hidden: Rc<Vec<(RuleCode, u64, usize)>>,
    /// The places and rules the user chose to ignore (kept in this browser).
    pub ignored: Ignored,
    /// The report belongs to an earlier text (typing in a long text is checked when it pauses, and a
    /// text for the check worker is checked while the page goes on).
    pub stale: bool,
    /// The number of the check the worker is running on this text; the app starts it when this changes.
    pub pending: Option<u32>,
    /// The worker's check has run longer than [`SLOW_CHECK_MS`].
    pub slow: bool,
    /// The number of the last check handed to the worker (the next one takes the next number).
    pub serial: u32,
    /// The checker failed on this text (the page was reloaded): it is shown unchecked until edited.
    pub unchecked: bool,
    /// How long the last check took, in milliseconds.
    pub elapsed_ms: f64,
    pub selected: Option<usize>,
    /// Bumped on every selection, so selecting the same problem again still moves to it.
    pub focus_serial: u32,
    pub notice: Option<Notice>,
    /// The draft that the last load, 「清空」 or 「载入示例」 replaced, for 「撤销」.
    pub replaced: Option<AttrValue>,
    /// The last attempt to store the draft in this browser failed.
    pub save_failed: bool,
    /// A different draft saved by another tab: this tab does not save until the user chooses.
    pub other_tab: Option<AttrValue>,
}

impl Checker {
    /// `text` beside last year's report, checked (blank text is not: there is nothing to report on yet).
    /// A text for the check worker is not checked here: it is left pending, as check number 1.
    pub fn checked(env: Env, text: AttrValue, previous: AttrValue) -> Self {
        Checker::checked_after(env, text, previous, 0)
    }

    /// As [`Checker::checked`], after the check numbered `serial`.
    fn checked_after(env: Env, text: AttrValue, previous: AttrValue, serial: u32) -> Self {
        if text.len() >= env.check_in_worker_from {
            let serial = serial.wrapping_add(1);
            return Checker {
                env,
                text,
                previous,
                stale: true,
                pending: Some(serial),
                serial,
                ..Checker::default()
            };
        }
        let started = (env.now)();
        let report = (!text.trim().is_empty()).then(|| Rc::new((env.check)(&text, &previous)));
        let elapsed_ms = (env.now)() - started;
        Checker {
            env,
            text,
            previous,
            report,
            elapsed_ms,
            serial,
            ..Checker::default()
        }
    }

    /// The saved draft after the checker failed on it: shown, not checked again until it is edited.
    pub fn unchecked(env: Env, text: AttrValue, previous: AttrValue) -> Self {
        Checker {
            env,
            text,
            previous,
            unchecked: true,
            notice: Some(Notice::error(CHECKER_FAILED)),
            ..Checker::default()
        }
    }

    /// The state just checked, with the findings `ignored` hides taken out of its report (a report of
    /// its own: taking them out clones nothing).
    pub fn ignoring(mut self, ignored: Ignored) -> Self {
        if let Some(report) = self.report.as_mut().and_then(Rc::get_mut) {
            let mut hidden = Vec::new();
            report.findings.retain(|f| {
                let hides = ignored.hides(&self.text, f);
                if hides {
                    hidden.push((f.code, place(&self.text, f), f.line));
                }
                !hides
            });
            self.hidden = Rc::new(hidden);
        }
        self.ignored = ignored;
        self
    }

    /// The same state with `text` checked, keeping what is not about the text.
    fn rechecked(&self, text: AttrValue) -> Self {
        self.rechecked_ignoring(text, self.ignored.clone())
    }

    fn rechecked_ignoring(&self, text: AttrValue, ignored: Ignored) -> Self {
        let next = Checker {
            replaced: self.replaced.clone(),
            save_failed: self.save_failed,
            other_tab: self.other_tab.clone(),
            ..Checker::checked_after(self.env, text, self.previous.clone(), self.serial)
        };
        if next.pending.is_some() {
            // The last report stays in view, marked as belonging to an earlier text, until the worker's.
            return Checker {
                report: self.report.clone(),
                hidden: self.hidden.clone(),
                elapsed_ms: self.elapsed_ms,
                ignored,
                ..next
            };
        }
        next.ignoring(ignored)
    }

    /// Ignores or restores: the text checked again (a check is quick) and its findings left out anew.
    fn ignore(self: Rc<Self>, ignored: Ignored) -> Rc<Self> {
        if ignored == self.ignored {
            return self;
        }
        let mut next = self.rechecked_ignoring(self.text.clone(), ignored);
        next.notice = self.notice.clone();
        Rc::new(next)
    }

    fn with_text(self: Rc<Self>, text: AttrValue, notice: Option<Notice>) -> Rc<Self> {
        if same_text(&text, &self.text) && notice == self.notice && !self.stale {
            // Same text, same report: returning the same Rc lets Yew skip the render.
            return self;
        }
        let mut next = if same_text(&text, &self.text) && !self.stale {
            (*self).clone()
        } else {
            self.rechecked(text)
        };
        next.notice = notice;
        Rc::new(next)
    }

    /// Replaces the draft with `text` (a file, the example, nothing, another tab's draft), keeping the
    /// draft it replaces for 「撤销」. `told` says what happened: always for a file, otherwise only when
    /// there is something to undo.
    fn replace(self: Rc<Self>, text: AttrValue, told: String, always_told: bool) -> Rc<Self> {
        let keeps = !self.text.trim().is_empty() && self.text != text;
        let replaced = if keeps {
            Some(self.text.clone())
        } else {
            self.replaced.clone()
        };
        let notice = (keeps || always_told).then_some(Notice {
            text: told,
            is_error: false,
            undo: keeps,
        });
        let mut next = (*self.with_text(text, notice)).clone();
        next.replaced = replaced;
        Rc::new(next)
    }

    fn changed(self: Rc<Self>, change: impl FnOnce(&mut Checker)) -> Rc<Self> {
        let mut next = (*self).clone();
        change(&mut next);
        Rc::new(next)
    }
}

/// What a loaded file's notice says.
fn loaded_file(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    let structured = [".docx", ".htm", ".html"]
        .iter()
        .any(|e| lower.ends_with(e));
    let how = if structured {
        "表格已按原来的行列读入：每行一行，单元格之间用制表符分隔。"
    } else {
        ""
    };
    format!("已载入文件「{name}」。{how}")
}

/// The notice F8 leaves when it goes round an end of the list; the next step that does not wrap
/// takes it away.
fn is_wrap_notice(notice: &Notice) -> bool {
    notice.text.contains("问题，回到")
}

impl Reducible for Checker {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(text) => self.with_text(text, None),
            Action::EditLater(text) => {
                if same_text(&self.text, &text) {
                    return self;
                }
                self.changed(|next| {
                    next.text = text;
                    next.stale = true;
                    // The worker's answer, if one is coming, is for the text before this edit.
                    next.pending = None;
                    next.slow = false;
                    next.unchecked = false;
                    next.selected = None;
                    next.notice = None;
                })
            }
            Action::Recheck => {
                if !self.stale {
                    return self;
                }
                Rc::new(self.rechecked(self.text.clone()))
            }
            Action::EditPrevious(previous) => {
                if same_text(&self.previous, &previous) {
                    return self;
                }
                let mut next = Checker {
                    previous,
                    ..(*self).clone()
                }
                .rechecked(self.text.clone());
                next.notice = self.notice.clone();
                Rc::new(next)
            }
            Action::LoadExample => {
                self.replace(AttrValue::Static(EXAMPLE), "已载入示例报告。".into(), false)
            }
            Action::Clear => self.replace(AttrValue::Static(""), "已清空文字。".into(), false),
            Action::LoadFile { name, text } if text.trim().is_empty() => self.changed(|next| {
                next.notice = Some(Notice::error(format!(
                    "文件「{name}」里没有可读的文字，原来的文字保持不变。"
                )))
            }),
            Action::LoadFile { name, text } => {
                self.replace(AttrValue::from(text), loaded_file(&name), true)
            }
            Action::Undo => match self.replaced.clone() {
                Some(text) => {
                    let mut next =
                        (*self.with_text(text, Some(Notice::info("已恢复原来的文字。")))).clone();
                    next.replaced = None;
                    Rc::new(next)
                }
                None => self,
            },
            Action::Notify(text) => self.changed(|next| next.notice = Some(Notice::error(text))),
            Action::DismissNotice => {
                if self.notice.is_none() {
                    return self;
                }
                self.changed(|next| next.notice = None)
            }
            Action::Select(index) => {
                let count = self.report.as_ref().map_or(0, |r| r.findings.len());
                if index >= count {
                    return self;
                }
                self.changed(|next| {
                    next.selected = Some(index);
                    next.focus_serial = next.focus_serial.wrapping_add(1);
                })
            }
            Action::Step { forward, from } => match self.report.as_deref().and_then(|r| {
                nianbao::present::navigation::jump(&r.findings, self.selected, forward, from)
            }) {
                Some(jump) => {
                    let wrapped = jump.wrapped.then(|| {
                        Notice::info(if forward {
                            "已到最后一个问题，回到第一个。"
                        } else {
                            "已到第一个问题，回到最后一个。"
                        })
                    });
                    let mut next = (*self.reduce(Action::Select(jump.index))).clone();
                    if wrapped.is_some() || next.notice.as_ref().is_some_and(is_wrap_notice) {
                        next.notice = wrapped;
                    }
                    Rc::new(next)
                }
                None => self,
            },
            Action::Saved(stored) => {
                if self.save_failed != stored {
                    return self;
                }
                self.changed(|next| next.save_failed = !stored)
            }
            Action::OtherTab(text) => {
                let other = (text != self.text.as_str()).then(|| AttrValue::from(text));
                if other == self.other_tab {
                    return self;
                }
                self.changed(|next| next.other_tab = other)
            }
            Action::TakeOtherTab => match self.other_tab.clone() {
                Some(text) => {
                    let mut next =
                        (*self.replace(text, "已改用另一个标签页里的文字。".into(), true)).clone();
                    next.other_tab = None;
                    Rc::new(next)
                }
                None => self,
            },
            Action::KeepThisTab => {
                if self.other_tab.is_none() {
                    return self;
                }
                self.changed(|next| next.other_tab = None)
            }
            Action::Ignore(index) => {
                // A report of an earlier text does not lie where its offsets say.
                let found = self.report.as_ref().filter(|_| !self.stale);
                match found.and_then(|r| r.findings.get(index)) {
                    Some(f) => {
                        let entry = Entry::Place(f.code, place(&self.text, f));
                        let ignored = self.ignored.with(entry);
                        self.ignore(ignored)
                    }
                    None => self,
                }
            }
            Action::Disable(code) => {
                let ignored = self.ignored.with(Entry::Rule(code));
                self.ignore(ignored)
            }
            Action::Restore(entry) => {
                let ignored = self.ignored.without(entry);
                self.ignore(ignored)
            }
            Action::Checked { serial, answer } => {
                if self.pending != Some(serial) {
                    return self;
                }
                let next = Checker {
                    report: Some(answer.report),
                    elapsed_ms: answer.elapsed_ms,
                    stale: false,
                    pending: None,
                    slow: false,
                    selected: None,
                    ..(*self).clone()
                };
                let ignored = next.ignored.clone();
                Rc::new(next.ignoring(ignored))
            }
            Action::CheckIsSlow(serial) => {
                if self.pending != Some(serial) || self.slow {
                    return self;
                }
                self.changed(|next| next.slow = true)
            }
            Action::CheckStopped { serial, failed } => {
                if self.pending != Some(serial) {
                    return self;
                }
                self.changed(|next| {
                    next.pending = None;
                    next.slow = false;
                    next.notice = Some(Notice::error(if failed {
                        WORKER_FAILED
                    } else {
                        CHECK_STOPPED
                    }));
                })
            }
            Action::Fixed(count) => self.changed(|next| {
                next.notice = Some(Notice::info(if count == 0 {
                    "没有可以自动修正的地方。".to_string()
                } else {
                    ["已自动修正 ", &count.to_string(), " 处，可按 Ctrl+Z 撤销。"].concat()
                }))
            }),
        }
    }
}

#[cfg(test)]
mod tests;
