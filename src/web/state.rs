//! The page's state, apart from its view: the text being checked and the report [`crate::check`] gives
//! for it. Every change of the text goes through [`Action`], so the report always belongs to the text.

use std::rc::Rc;

use yew::{AttrValue, Reducible};

use crate::Report;

/// The example behind 「载入示例」: a real 2021 report (seed 002), compiled into the page so that loading
/// it never touches the network.
pub const EXAMPLE: &str = include_str!("../../tests/fixtures/seeds/002_b422951fb7a0dba1.txt");

/// What the user can do to the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The user typed, pasted or deleted: this is the textarea's whole new value.
    Edit(String),
    /// 「载入示例」
    LoadExample,
    /// 「清空」
    Clear,
}

/// The text in the textarea and its report; `report` is `None` while the text is blank.
#[derive(Clone, Debug, Default)]
pub struct Checker {
    pub text: AttrValue,
    pub report: Option<Rc<Report>>,
}

impl Checker {
    /// Checks `text` (blank text is not checked: there is nothing to report on yet).
    pub fn new(text: AttrValue) -> Self {
        let report = if text.trim().is_empty() {
            None
        } else {
            Some(Rc::new(crate::check(&text)))
        };
        Checker { text, report }
    }
}

impl Reducible for Checker {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let text = match action {
            Action::Edit(text) => AttrValue::from(text),
            Action::LoadExample => AttrValue::Static(EXAMPLE),
            Action::Clear => AttrValue::Static(""),
        };
        if text == self.text {
            // Same text, same report: returning the same Rc lets Yew skip the render.
            return self;
        }
        Rc::new(Checker::new(text))
    }
}
