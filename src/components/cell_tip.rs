//! The tip of a flagged table cell: one element for the page, placed near the cell where it covers
//! none of the cells its findings compare (a sum's terms run along the cell's row, its column, or
//! both), and inside the window. It follows the cell when the page or a table scrolls.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// A box in window coordinates (CSS pixels).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    fn intersects(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    fn center(&self) -> (f64, f64) {
        (
            (self.left + self.right) / 2.0,
            (self.top + self.bottom) / 2.0,
        )
    }
}

/// Between the tip and what it must not cover.
const GAP: f64 = 4.0;
/// Between the tip and the window's edges.
const MARGIN: f64 = 8.0;
/// The tip's widest (26rem), and the narrowest worth trying beside a column of cells.
const WIDEST: f64 = 416.0;
const NARROWEST: f64 = 120.0;

/// The top-left corner for a tip of `size` nearest `cell`, inside a window of `window` and clear of
/// `cell` and `cells`: tried against each side of each of them (beside a column of cells, above or
/// below a row), and against the window's edges.
pub fn place(
    cell: Rect,
    cells: &[Rect],
    (width, height): (f64, f64),
    (window_width, window_height): (f64, f64),
) -> Option<(f64, f64)> {
    let mut xs = vec![cell.right - width, MARGIN, window_width - MARGIN - width];
    let mut ys = vec![MARGIN, window_height - MARGIN - height];
    for c in cells.iter().chain([&cell]) {
        xs.extend([c.left, c.right + GAP, c.left - GAP - width]);
        ys.extend([c.top, c.bottom + GAP, c.top - GAP - height]);
    }
    let (cx, cy) = cell.center();
    let mut best: Option<(f64, (f64, f64))> = None;
    for &x in &xs {
        for &y in &ys {
            let tip = Rect {
                left: x,
                top: y,
                right: x + width,
                bottom: y + height,
            };
            let inside = x >= MARGIN - 0.5
                && y >= MARGIN - 0.5
                && tip.right <= window_width - MARGIN + 0.5
                && tip.bottom <= window_height - MARGIN + 0.5;
            if !inside || tip.intersects(&cell) || cells.iter().any(|c| tip.intersects(c)) {
                continue;
            }
            let (tx, ty) = tip.center();
            let distance = (tx - cx) * (tx - cx) + (ty - cy) * (ty - cy);
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, (x, y)));
            }
        }
    }
    best.map(|(_, at)| at)
}

thread_local! {
    /// The cell whose tip is shown.
    static SHOWN: RefCell<Option<Element>> = const { RefCell::new(None) };
}

fn rect_of(element: &Element) -> Rect {
    let r = element.get_bounding_client_rect();
    Rect {
        left: r.left(),
        top: r.top(),
        right: r.right(),
        bottom: r.bottom(),
    }
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// The tip element, made on first use.
fn tip(document: &Document) -> Option<Element> {
    if let Some(tip) = document.get_element_by_id("cell-tip") {
        return Some(tip);
    }
    let tip = document.create_element("div").ok()?;
    tip.set_id("cell-tip");
    tip.set_class_name("cell-tip");
    // The cell's own label says the same to a screen reader.
    let _ = tip.set_attribute("aria-hidden", "true");
    document.body()?.append_child(&tip).ok()?;
    Some(tip)
}

fn style(tip: &Element, x: f64, y: f64, width: f64, visible: bool) {
    let shown = if visible { "" } else { "visibility:hidden;" };
    let _ = tip.set_attribute(
        "style",
        &format!(
            "{shown}left:{}px;top:{}px;max-width:{}px",
            x as i32, y as i32, width as i32
        ),
    );
}

/// Shows the tip of flagged cell `cell` (its `data-tip`), clear of every cell that shares one of
/// its findings (`data-f`).
pub fn show(cell: &Element) {
    let Some(document) = document() else {
        return;
    };
    let Some(tip) = tip(&document) else {
        return;
    };
    let Some(root) = document.document_element() else {
        return;
    };
    let window = (
        f64::from(root.client_width()),
        f64::from(root.client_height()),
    );
    let at = rect_of(cell);
    if at.bottom < 0.0 || at.top > window.1 || at.right < 0.0 || at.left > window.0 {
        hide();
        return;
    }
    let mut cells = Vec::new();
    for finding in cell
        .get_attribute("data-f")
        .unwrap_or_default()
        .split_whitespace()
    {
        let Ok(list) = document.query_selector_all(&format!(".tables td[data-f~=\"{finding}\"]"))
        else {
            continue;
        };
        for i in 0..list.length() {
            if let Some(other) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                cells.push(rect_of(&other));
            }
        }
    }
    tip.set_text_content(cell.get_attribute("data-tip").as_deref());
    let _ = tip.remove_attribute("hidden");
    let widest = WIDEST.min(window.0 - 2.0 * MARGIN);
    // The widest tip first; then as wide as the room beside the cell, wider side first.
    let room_left = at.left - GAP - MARGIN;
    let room_right = window.0 - MARGIN - GAP - at.right;
    let mut widths = vec![widest, room_left.max(room_right), room_left.min(room_right)];
    widths.retain(|&w| w >= NARROWEST);
    let measure = |width: f64| {
        style(&tip, 0.0, 0.0, width, false);
        let r = tip.get_bounding_client_rect();
        (r.width(), r.height())
    };
    let placed = widths.iter().find_map(|&width| {
        let size = measure(width);
        place(at, &cells, size, window).map(|at| (at, width))
    });
    let ((x, y), width) = placed.unwrap_or_else(|| {
        // Nowhere clear (a tiny window): below the cell, kept inside the window.
        let (w, h) = measure(widest);
        let x = (at.right - w).min(window.0 - MARGIN - w).max(MARGIN);
        let below = at.bottom + GAP;
        let y = if below + h <= window.1 {
            below
        } else {
            (at.top - GAP - h).max(MARGIN)
        };
        ((x, y), widest)
    });
    style(&tip, x, y, width, true);
    SHOWN.with(|shown| *shown.borrow_mut() = Some(cell.clone()));
}

/// Hides the tip.
pub fn hide() {
    SHOWN.with(|shown| *shown.borrow_mut() = None);
    if let Some(tip) = document().and_then(|d| d.get_element_by_id("cell-tip")) {
        let _ = tip.set_attribute("hidden", "");
    }
}

/// After a scroll: the tip follows its cell, or goes when the cell has gone.
pub fn follow() {
    let Some(cell) = SHOWN.with(|shown| shown.borrow().clone()) else {
        return;
    };
    if cell.is_connected() {
        show(&cell);
    } else {
        hide();
    }
}

#[cfg(test)]
mod tests {
    use super::{place, Rect};

    fn rect(left: f64, top: f64, width: f64, height: f64) -> Rect {
        Rect {
            left,
            top,
            right: left + width,
            bottom: top + height,
        }
    }

    #[test]
    fn the_tip_clears_a_row_and_a_column_of_compared_cells() {
        // A cell at (400, 300) in a grid of 40 × 20 cells; its row and its column are compared.
        let cell = rect(400.0, 300.0, 40.0, 20.0);
        let mut cells: Vec<Rect> = (0..7)
            .map(|c| rect(200.0 + 40.0 * c as f64, 300.0, 40.0, 20.0))
            .collect();
        cells.extend((0..20).map(|r| rect(400.0, 100.0 + 20.0 * r as f64, 40.0, 20.0)));
        let size = (300.0, 60.0);
        let (x, y) = place(cell, &cells, size, (1366.0, 657.0)).expect("room");
        let tip = rect(x, y, size.0, size.1);
        assert!(
            cells.iter().chain([&cell]).all(|c| !tip.intersects(c)),
            "{tip:?}"
        );
        assert!(x >= 8.0 && y >= 8.0 && tip.right <= 1358.0 && tip.bottom <= 649.0);
        // Near the cell: in a quadrant beside it, not at the window's far edge.
        assert!(
            (tip.left - cell.right).abs() <= 10.0 || (cell.left - tip.right).abs() <= 10.0,
            "{tip:?}"
        );
    }

    #[test]
    fn a_row_of_compared_cells_puts_the_tip_above_or_below_it() {
        let cells: Vec<Rect> = (0..5)
            .map(|c| rect(100.0 + 60.0 * c as f64, 200.0, 60.0, 24.0))
            .collect();
        let (x, y) = place(cells[2], &cells, (400.0, 80.0), (420.0, 657.0)).expect("room");
        let tip = rect(x, y, 400.0, 80.0);
        assert!(tip.top >= 224.0 || tip.bottom <= 200.0, "{tip:?}");
        assert!(tip.left >= 8.0 && tip.right <= 412.0, "{tip:?}");
    }

    #[test]
    fn no_room_anywhere_gives_no_place() {
        let cell = rect(0.0, 0.0, 100.0, 100.0);
        assert_eq!(place(cell, &[], (200.0, 200.0), (150.0, 150.0)), None);
    }
}
