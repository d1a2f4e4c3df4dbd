//! What the page shows, computed without the page: the text cut into highlighted pieces, the problem
//! list grouped by part, the plain-text export, and which table cells a finding marks. Plain Rust, so
//! it is tested natively; the web layer only renders it.

pub mod cells;
pub mod desk;
pub mod export;
pub mod groups;
pub mod navigation;
pub mod official;
pub mod pieces;
pub mod snippet;
pub mod transfer;
pub mod utf16;
pub mod window;

#[cfg(test)]
pub(crate) mod tests_support {
    pub fn seeds() -> [(&'static str, &'static str); 5] {
        [
            (
                "000",
                include_str!("../../tests/fixtures/seeds/000_c430893fbea2ae1b.txt"),
            ),
            (
                "001",
                include_str!("../../tests/fixtures/seeds/001_bafcd2ea084bb138.txt"),
            ),
            (
                "002",
                include_str!("../../tests/fixtures/seeds/002_b422951fb7a0dba1.txt"),
            ),
            (
                "003",
                include_str!("../../tests/fixtures/seeds/003_e2933871b57d250b.txt"),
            ),
            (
                "004",
                include_str!("../../tests/fixtures/seeds/004_d96b637ce0123dd0.txt"),
            ),
        ]
    }

    pub fn seed(id: &str) -> &'static str {
        seeds()
            .into_iter()
            .find(|(i, _)| *i == id)
            .map(|(_, t)| t)
            .expect("known seed")
    }

    /// Seed 000 with its first table-3 cell (自然人 · （一）予以公开) changed to 5, which breaks R02
    /// and R03, and that cell's span in the changed text.
    pub fn seed_000_with_a_changed_cell() -> (String, crate::span::Span) {
        let text = seed("000");
        let doc = crate::check(text).document;
        let cell = doc
            .table(crate::template::TableId::T3)
            .unwrap()
            .row("granted")
            .unwrap()
            .cells[0]
            .span;
        let changed = format!("{}5{}", &text[..cell.start], &text[cell.end..]);
        (changed, crate::span::Span::new(cell.start, cell.start + 1))
    }
}
