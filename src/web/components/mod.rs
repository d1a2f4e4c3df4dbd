//! The page's views. Each is a function of its props; none holds the checker's state.

mod editor;
mod intro;
mod results;

pub use editor::Editor;
pub use intro::Intro;
pub use results::Results;
