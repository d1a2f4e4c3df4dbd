//! Text handling: folding for tolerant matching with a map back to original byte offsets, line numbers,
//! and reading the cells that follow a table label.

pub mod cells;
pub mod chinese;
pub mod dense;
pub mod fold;
pub mod lines;
pub mod number;
pub(crate) mod prose;
pub mod radicals;

pub use dense::Dense;
pub use fold::{fold_char, fold_str, Folded};
pub use lines::LineIndex;
