//! The page's views. Each is a function of its props; none holds the checker's state.

mod cell_tip;
mod desk;
mod editor;
mod ignored;
mod intro;
mod notices;
mod previous;
mod problems;
mod rule_help;
mod summary;
mod tables;
mod textbox;
mod toolbar;

pub use desk::{desk, DeskProps};
pub use editor::Editor;
pub use ignored::ignored;
pub use intro::intro;
pub use notices::{notices, Notices};
pub use previous::{previous_report, PreviousReport, TextBoxState};
pub use problems::{problems, severity_bit, Problems};
pub use rule_help::RuleHelp;
pub use summary::{announcement, summary};
pub use tables::Tables;
pub use textbox::{show_top, LONG_TEXT};
pub use toolbar::{toolbar, Toolbar};
