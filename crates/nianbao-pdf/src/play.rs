//! Plays a page's content stream far enough to know where each glyph stands and where the straight
//! lines are drawn: the text operators (BT/ET, Tf, Tm, Td, TD, T*, Tj, TJ, ', ", Tc, Tw, Tz, TL, Ts),
//! the graphics state (cm, q/Q), paths (m, l, re, h and the painting operators) and form XObjects.
//! Colours, clipping, curves and images are not drawn; an image is counted (a scan is one).
//!
//! Coordinates come out in points from the page's top left corner, y growing downwards.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use crate::font::Font;
use crate::lex::{operations, Operand, Operation};
use crate::object::{dict, name, numbers, resolve, stream_data};

/// A glyph placed on the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub text: String,
    /// Left end of the glyph's baseline.
    pub x: f32,
    pub y: f32,
    pub width: f32,
    /// The font size as drawn.
    pub size: f32,
}

#[cfg(test)]
impl Placed {
    /// A 10-point glyph 10 points wide, for tests.
    pub fn sample(text: &str, x: f32, y: f32) -> Self {
        Placed {
            text: text.into(),
            x,
            y,
            width: 10.0,
            size: 10.0,
        }
    }
}

/// A horizontal or vertical straight line: at `at` (y or x), from `from` to `to` along it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    pub horizontal: bool,
    pub at: f32,
    pub from: f32,
    pub to: f32,
}

/// What a page shows, as far as reading needs.
#[derive(Clone, Debug, Default)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub glyphs: Vec<Placed>,
    pub rules: Vec<Rule>,
    /// Glyphs whose font says nothing of what they show.
    pub unmapped: usize,
    pub images: usize,
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a` then `b`.
fn multiply(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

/// Pages reached through forms nested deeper than this, or more operations than this in a page,
/// are not played: a hostile file must not take long.
const DEEPEST_FORM: usize = 8;
const MOST_OPERATIONS: usize = 2_000_000;
const DEEPEST_STATE: usize = 256;
const MOST_GLYPHS: usize = 500_000;
const MOST_RULES: usize = 50_000;

struct Player<'a> {
    doc: &'a Document,
    fonts: &'a mut HashMap<ObjectId, Rc<Font>>,
    page: Page,
    top: f32,
    left: f32,
    operations: usize,
}

fn number(operands: &[Operand], i: usize) -> f32 {
    match operands.get(i) {
        Some(Operand::Number(n)) => *n,
        _ => 0.0,
    }
}

/// The last `n` operands as numbers, if they are.
fn last_numbers<const N: usize>(operands: &[Operand]) -> Option<[f32; N]> {
    let start = operands.len().checked_sub(N)?;
    let mut out = [0.0; N];
    for (k, o) in operands[start..].iter().enumerate() {
        match o {
            Operand::Number(n) => out[k] = *n,
            _ => return None,
        }
    }
    Some(out)
}

/// A path being built: subpaths of points in page space, straight segments only.
#[derive(Default)]
struct Path {
    segments: Vec<((f32, f32), (f32, f32))>,
    start: Option<(f32, f32)>,
    current: Option<(f32, f32)>,
}

impl Player<'_> {
    fn font(&mut self, resources: Option<&Dictionary>, key: &[u8]) -> Option<Rc<Font>> {
        let doc = self.doc;
        let fonts = resources?.get(b"Font").ok().and_then(|o| dict(doc, o))?;
        let object = fonts.get(key).ok()?;
        let id = match object {
            Object::Reference(id) => Some(*id),
            _ => None,
        };
        if let Some(font) = id.and_then(|id| self.fonts.get(&id)) {
            return Some(font.clone());
        }
        let font = Rc::new(Font::load(doc, dict(doc, object)?));
        if let Some(id) = id {
            self.fonts.insert(id, font.clone());
        }
        Some(font)
    }

    /// Converts a point in page space (PDF's, y up) to reading space (y down from the top).
    fn flip(&self, (x, y): (f32, f32)) -> (f32, f32) {
        (x - self.left, self.top - y)
    }

    fn paint(&mut self, path: &mut Path, stroke_or_fill: bool) {
        let segments = std::mem::take(&mut path.segments);
        path.start = None;
        path.current = None;
        if !stroke_or_fill {
            return;
        }
        for (a, b) in segments {
            if self.page.rules.len() >= MOST_RULES {
                return;
            }
            let (a, b) = (self.flip(a), self.flip(b));
            let (dx, dy) = ((b.0 - a.0).abs(), (b.1 - a.1).abs());
            if dy <= 0.5 && dx > 0.5 {
                self.page.rules.push(Rule {
                    horizontal: true,
                    at: (a.1 + b.1) / 2.0,
                    from: a.0.min(b.0),
                    to: a.0.max(b.0),
                });
            } else if dx <= 0.5 && dy > 0.5 {
                self.page.rules.push(Rule {
                    horizontal: false,
                    at: (a.0 + b.0) / 2.0,
                    from: a.1.min(b.1),
                    to: a.1.max(b.1),
                });
            }
        }
    }

    /// A filled rectangle thinner than this is a line; a larger one stands for its four edges
    /// (a cell's shading or border box), unless it covers most of the page (a background).
    fn rectangle(&mut self, path: &mut Path, ctm: &Matrix, r: [f32; 4]) {
        let [x, y, w, h] = r;
        let corners =
            [(x, y), (x + w, y), (x + w, y + h), (x, y + h)].map(|(px, py)| apply(ctm, px, py));
        let (min_x, max_x) = corners.iter().fold((f32::MAX, f32::MIN), |(lo, hi), c| {
            (lo.min(c.0), hi.max(c.0))
        });
        let (min_y, max_y) = corners.iter().fold((f32::MAX, f32::MIN), |(lo, hi), c| {
            (lo.min(c.1), hi.max(c.1))
        });
        let (width, height) = (max_x - min_x, max_y - min_y);
        if width >= self.page.width * 0.95 && height >= self.page.height * 0.9 {
            return;
        }
        const THIN: f32 = 2.0;
        if height <= THIN && width > THIN {
            let mid = (min_y + max_y) / 2.0;
            path.segments.push(((min_x, mid), (max_x, mid)));
        } else if width <= THIN && height > THIN {
            let mid = (min_x + max_x) / 2.0;
            path.segments.push(((mid, min_y), (mid, max_y)));
        } else {
            for k in 0..4 {
                path.segments.push((corners[k], corners[(k + 1) % 4]));
            }
        }
        path.start = Some(corners[0]);
        path.current = Some(corners[0]);
    }

    fn show(&mut self, state: &State, tm: &mut Matrix, bytes: &[u8]) {
        let Some(font) = state.font.clone() else {
            return;
        };
        for glyph in font.glyphs(bytes) {
            let size_matrix = [
                state.size * state.scale,
                0.0,
                0.0,
                state.size,
                0.0,
                state.rise,
            ];
            let to_page = multiply(tm, &state.ctm);
            let trm = multiply(&size_matrix, &to_page);
            let (x, y) = self.flip((trm[4], trm[5]));
            let drawn_size = state.size * to_page[2].hypot(to_page[3]);
            let advance = glyph.width / 1000.0 * state.size;
            let spacing = state.char_spacing
                + if glyph.is_space {
                    state.word_spacing
                } else {
                    0.0
                };
            let width = advance * state.scale * to_page[0].hypot(to_page[1]);
            match glyph.text {
                Some(text)
                    if text
                        .chars()
                        .all(|c| !c.is_control() && c != char::REPLACEMENT_CHARACTER) =>
                {
                    if self.page.glyphs.len() < MOST_GLYPHS && x.is_finite() && y.is_finite() {
                        self.page.glyphs.push(Placed {
                            text,
                            x,
                            y,
                            width,
                            size: drawn_size,
                        });
                    }
                }
                _ => self.page.unmapped += 1,
            }
            let shift = if font.vertical {
                [1.0, 0.0, 0.0, 1.0, 0.0, -state.size + spacing]
            } else {
                [1.0, 0.0, 0.0, 1.0, (advance + spacing) * state.scale, 0.0]
            };
            *tm = multiply(&shift, tm);
        }
    }

    fn play(&mut self, content: &[u8], resources: Option<&Dictionary>, ctm: Matrix, depth: usize) {
        let ops: Vec<Operation> = operations(content);
        let mut state = State {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let mut stack: Vec<State> = Vec::new();
        let (mut tm, mut tlm) = (IDENTITY, IDENTITY);
        let mut path = Path::default();
        for op in ops {
            self.operations += 1;
            if self.operations > MOST_OPERATIONS {
                return;
            }
            let o = &op.operands;
            match op.operator.as_slice() {
                b"q" if stack.len() < DEEPEST_STATE => stack.push(state.clone()),
                b"Q" => {
                    if let Some(s) = stack.pop() {
                        state = s;
                    }
                }
                b"cm" => {
                    if let Some(m) = last_numbers::<6>(o) {
                        state.ctm = multiply(&m, &state.ctm);
                    }
                }
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"Tf" => {
                    state.size = number(o, 1);
                    state.font = match o.first() {
                        Some(Operand::Name(key)) => Some(
                            self.font(resources, key)
                                .unwrap_or_else(|| Rc::new(Font::missing())),
                        ),
                        _ => None,
                    };
                }
                b"Tc" => state.char_spacing = number(o, 0),
                b"Tw" => state.word_spacing = number(o, 0),
                b"Tz" => state.scale = number(o, 0) / 100.0,
                b"TL" => state.leading = number(o, 0),
                b"Ts" => state.rise = number(o, 0),
                b"Td" | b"TD" => {
                    let (tx, ty) = (number(o, 0), number(o, 1));
                    if op.operator == b"TD" {
                        state.leading = -ty;
                    }
                    tlm = multiply(&[1.0, 0.0, 0.0, 1.0, tx, ty], &tlm);
                    tm = tlm;
                }
                b"Tm" => {
                    if let Some(m) = last_numbers::<6>(o) {
                        tlm = m;
                        tm = m;
                    }
                }
                b"T*" => {
                    tlm = multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" => {
                    if op.operator == b"\"" {
                        state.word_spacing = number(o, 0);
                        state.char_spacing = number(o, 1);
                    }
                    if op.operator != b"Tj" {
                        tlm = multiply(&[1.0, 0.0, 0.0, 1.0, 0.0, -state.leading], &tlm);
                        tm = tlm;
                    }
                    if let Some(Operand::Text(bytes)) = o.last() {
                        self.show(&state, &mut tm, bytes);
                    }
                }
                b"TJ" => {
                    let Some(Operand::Array(items)) = o.last() else {
                        continue;
                    };
                    for item in items {
                        match item {
                            Operand::Text(bytes) => self.show(&state, &mut tm, bytes),
                            Operand::Number(n) => {
                                let shift = -n / 1000.0 * state.size;
                                let vertical = state.font.as_ref().is_some_and(|f| f.vertical);
                                let m = if vertical {
                                    [1.0, 0.0, 0.0, 1.0, 0.0, shift]
                                } else {
                                    [1.0, 0.0, 0.0, 1.0, shift * state.scale, 0.0]
                                };
                                tm = multiply(&m, &tm);
                            }
                            _ => {}
                        }
                    }
                }
                b"m" => {
                    if let Some([x, y]) = last_numbers::<2>(o) {
                        let p = apply(&state.ctm, x, y);
                        path.start = Some(p);
                        path.current = Some(p);
                    }
                }
                b"l" => {
                    if let (Some([x, y]), Some(from)) = (last_numbers::<2>(o), path.current) {
                        let p = apply(&state.ctm, x, y);
                        path.segments.push((from, p));
                        path.current = Some(p);
                    }
                }
                b"c" | b"v" | b"y" => {
                    // A curve: not a ruling line; the pen moves to its end.
                    if let Some([x, y]) = last_numbers::<2>(o) {
                        path.current = Some(apply(&state.ctm, x, y));
                    }
                }
                b"h" => {
                    if let (Some(from), Some(to)) = (path.current, path.start) {
                        path.segments.push((from, to));
                        path.current = Some(to);
                    }
                }
                b"re" => {
                    if let Some(r) = last_numbers::<4>(o) {
                        let ctm = state.ctm;
                        self.rectangle(&mut path, &ctm, r);
                    }
                }
                b"S" | b"s" | b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*" => {
                    if matches!(op.operator.as_slice(), b"s" | b"b" | b"b*") {
                        if let (Some(from), Some(to)) = (path.current, path.start) {
                            path.segments.push((from, to));
                        }
                    }
                    self.paint(&mut path, true);
                }
                b"n" => self.paint(&mut path, false),
                b"BI" => self.page.images += 1,
                b"Do" => {
                    if let Some(Operand::Name(key)) = o.last() {
                        self.draw_object(resources, key, &state.ctm, depth);
                    }
                }
                _ => {}
            }
        }
    }

    fn draw_object(
        &mut self,
        resources: Option<&Dictionary>,
        key: &[u8],
        ctm: &Matrix,
        depth: usize,
    ) {
        let doc = self.doc;
        let Some(object) = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|o| dict(doc, o))
            .and_then(|x| x.get(key).ok())
        else {
            return;
        };
        let Some(Object::Stream(stream)) = resolve(doc, object) else {
            return;
        };
        match stream.dict.get(b"Subtype").ok().and_then(|o| name(doc, o)) {
            Some(b"Image") => self.page.images += 1,
            Some(b"Form") if depth < DEEPEST_FORM => {
                let matrix = stream
                    .dict
                    .get(b"Matrix")
                    .ok()
                    .and_then(|o| numbers(doc, o))
                    .and_then(|m| <[f32; 6]>::try_from(m).ok())
                    .unwrap_or(IDENTITY);
                let own = stream
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|o| dict(doc, o));
                let Some(content) = stream_data(doc, object) else {
                    return;
                };
                self.play(
                    &content,
                    own.or(resources),
                    multiply(&matrix, ctm),
                    depth + 1,
                );
            }
            _ => {}
        }
    }
}

/// An inherited page attribute: on the page or the nearest of its parents.
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..32 {
        if let Ok(value) = node.get(key) {
            return Some(value);
        }
        node = node.get(b"Parent").ok().and_then(|o| dict(doc, o))?;
    }
    None
}

/// Plays page `id` of `doc`.
pub fn play_page(doc: &Document, id: ObjectId, fonts: &mut HashMap<ObjectId, Rc<Font>>) -> Page {
    let Ok(Object::Dictionary(page)) = doc.get_object(id) else {
        return Page::default();
    };
    let media = inherited(doc, page, b"MediaBox")
        .and_then(|o| numbers(doc, o))
        .filter(|b| b.len() == 4)
        .unwrap_or_else(|| vec![0.0, 0.0, 595.0, 842.0]);
    let (left, bottom, right, top) = (
        media[0].min(media[2]),
        media[1].min(media[3]),
        media[0].max(media[2]),
        media[1].max(media[3]),
    );
    let resources = inherited(doc, page, b"Resources").and_then(|o| dict(doc, o));
    let mut content = Vec::new();
    match page.get(b"Contents").ok().and_then(|o| resolve(doc, o)) {
        Some(Object::Array(parts)) => {
            for part in parts {
                if let Some(data) = stream_data(doc, part) {
                    content.extend_from_slice(&data);
                    content.push(b'\n');
                }
            }
        }
        Some(object @ Object::Stream(_)) => {
            content = stream_data(doc, object).unwrap_or_default();
        }
        _ => {}
    }
    let mut player = Player {
        doc,
        fonts,
        page: Page {
            width: right - left,
            height: top - bottom,
            ..Page::default()
        },
        top,
        left,
        operations: 0,
    };
    player.play(&content, resources, IDENTITY, 0);
    player.page
}
