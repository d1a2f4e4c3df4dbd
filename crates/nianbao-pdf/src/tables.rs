//! Tables rebuilt from where things stand on the page: ruling lines that meet make a table's frame;
//! their positions make its grid; a grid line missing between two grid cells merges them (a merged
//! header, a row label spanning rows); each glyph belongs to the cell it stands in, and a cell's lines
//! are one cell's text (a label wrapped over three lines is one label).

use nianbao::import::{Block, Cell, Table};

use crate::lines::lines;
use crate::play::{Placed, Rule};

/// Lines this close (in points) are the same line; lines that come this close meet.
const NEAR: f32 = 2.0;
/// Pages with more ruling lines than this are read as text only: a drawing, not a table.
const MOST_RULES: usize = 4_000;

/// A table's frame: its ruling lines and the glyphs inside, in one coordinate space (a table
/// continued on the next page has that page's part moved up under this one's).
#[derive(Clone, Debug, Default)]
pub struct Frame {
    pub rules: Vec<Rule>,
    pub glyphs: Vec<Placed>,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Frame {
    fn holds(&self, g: &Placed) -> bool {
        let (cx, cy) = (g.x + g.width / 2.0, g.y - g.size * 0.35);
        cx >= self.left - NEAR
            && cx <= self.right + NEAR
            && cy >= self.top - NEAR
            && cy <= self.bottom + NEAR
    }

    /// Appends `next` (the same table's part on the next page) below this part.
    pub fn continue_with(&mut self, next: Frame) {
        let dy = self.bottom - next.top;
        self.rules.extend(next.rules.into_iter().map(|mut r| {
            if r.horizontal {
                r.at += dy;
            } else {
                r.from += dy;
                r.to += dy;
            }
            r
        }));
        self.glyphs.extend(next.glyphs.into_iter().map(|mut g| {
            g.y += dy;
            g
        }));
        self.left = self.left.min(next.left);
        self.right = self.right.max(next.right);
        self.bottom = next.bottom + dy;
    }

    /// Whether `next`, at the top of the next page, carries this table on: the same left and right edges.
    pub fn continues_as(&self, next: &Frame) -> bool {
        (self.left - next.left).abs() <= 3.0 * NEAR && (self.right - next.right).abs() <= 3.0 * NEAR
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

/// Lines on the same line that touch or overlap joined into one.
fn merged(mut rules: Vec<Rule>) -> Vec<Rule> {
    rules.sort_by(|a, b| {
        a.horizontal
            .cmp(&b.horizontal)
            .then(a.at.total_cmp(&b.at))
            .then(a.from.total_cmp(&b.from))
    });
    let mut out: Vec<Rule> = Vec::new();
    // Lines are grouped by direction and position, then joined along their length.
    let mut group: Vec<Rule> = Vec::new();
    let flush = |group: &mut Vec<Rule>, out: &mut Vec<Rule>| {
        group.sort_by(|a, b| a.from.total_cmp(&b.from));
        let mut current: Option<Rule> = None;
        for r in group.drain(..) {
            match current.as_mut() {
                Some(c) if r.from <= c.to + NEAR => c.to = c.to.max(r.to),
                _ => {
                    out.extend(current.take());
                    current = Some(r);
                }
            }
        }
        out.extend(current);
    };
    for r in rules {
        if let Some(first) = group.first() {
            if first.horizontal != r.horizontal || r.at - first.at > NEAR {
                flush(&mut group, &mut out);
            }
        }
        group.push(r);
    }
    flush(&mut group, &mut out);
    out
}

fn meet(h: &Rule, v: &Rule) -> bool {
    v.at >= h.from - NEAR && v.at <= h.to + NEAR && h.at >= v.from - NEAR && h.at <= v.to + NEAR
}

/// The frames of a page's tables: ruling lines that meet, at least two each way, with glyphs inside.
/// The glyphs inside a frame are taken out of `glyphs`.
pub fn frames(rules: &[Rule], glyphs: &mut Vec<Placed>) -> Vec<Frame> {
    if rules.len() > MOST_RULES {
        return Vec::new();
    }
    let rules = merged(rules.to_vec());
    let mut sets = UnionFind::new(rules.len());
    for (i, a) in rules.iter().enumerate() {
        for (j, b) in rules.iter().enumerate().skip(i + 1) {
            let touch = match (a.horizontal, b.horizontal) {
                (true, false) => meet(a, b),
                (false, true) => meet(b, a),
                _ => false,
            };
            if touch {
                sets.union(i, j);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<Rule>> = Default::default();
    for (i, r) in rules.iter().enumerate() {
        groups.entry(sets.find(i)).or_default().push(*r);
    }
    let mut out = Vec::new();
    for rules in groups.into_values() {
        let distinct = |horizontal: bool| {
            let mut at: Vec<f32> = rules
                .iter()
                .filter(|r| r.horizontal == horizontal)
                .map(|r| r.at)
                .collect();
            at.sort_by(f32::total_cmp);
            at.dedup_by(|a, b| (*a - *b).abs() <= NEAR);
            at.len()
        };
        if distinct(true) < 2 || distinct(false) < 2 {
            continue;
        }
        let mut frame = Frame {
            left: f32::MAX,
            right: f32::MIN,
            top: f32::MAX,
            bottom: f32::MIN,
            ..Frame::default()
        };
        for r in &rules {
            let (x0, x1, y0, y1) = if r.horizontal {
                (r.from, r.to, r.at, r.at)
            } else {
                (r.at, r.at, r.from, r.to)
            };
            frame.left = frame.left.min(x0);
            frame.right = frame.right.max(x1);
            frame.top = frame.top.min(y0);
            frame.bottom = frame.bottom.max(y1);
        }
        frame.rules = rules;
        let (inside, outside): (Vec<Placed>, Vec<Placed>) = std::mem::take(glyphs)
            .into_iter()
            .partition(|g| frame.holds(g));
        *glyphs = outside;
        if inside.is_empty() {
            continue;
        }
        frame.glyphs = inside;
        out.push(frame);
    }
    out.sort_by(|a, b| a.top.total_cmp(&b.top));
    out
}

/// Positions within `NEAR` of each other as one, in order.
fn positions(mut at: Vec<f32>) -> Vec<f32> {
    at.sort_by(f32::total_cmp);
    let mut out: Vec<(f32, usize)> = Vec::new();
    for a in at {
        match out.last_mut() {
            Some((sum, n)) if a - *sum / *n as f32 <= NEAR => {
                *sum += a;
                *n += 1;
            }
            _ => out.push((a, 1)),
        }
    }
    out.into_iter().map(|(sum, n)| sum / n as f32).collect()
}

fn index_of(bounds: &[f32], at: f32) -> usize {
    // The band between bounds[k] and bounds[k + 1] holding `at`, clamped to the grid.
    let k = bounds.partition_point(|&b| b <= at);
    k.saturating_sub(1).min(bounds.len().saturating_sub(2))
}

/// The frame as a table: grid, merged cells and each cell's text.
pub fn table(frame: &Frame) -> Table {
    let xs = positions(
        frame
            .rules
            .iter()
            .filter(|r| !r.horizontal)
            .map(|r| r.at)
            .chain([frame.left, frame.right])
            .collect(),
    );
    let ys = positions(
        frame
            .rules
            .iter()
            .filter(|r| r.horizontal)
            .map(|r| r.at)
            .chain([frame.top, frame.bottom])
            .collect(),
    );
    let (rows, columns) = (
        ys.len().saturating_sub(1).max(1),
        xs.len().saturating_sub(1).max(1),
    );
    let (vertical, horizontal): (Vec<&Rule>, Vec<&Rule>) =
        frame.rules.iter().partition(|r| !r.horizontal);
    // A line at `at` crossing the middle of the band from..to.
    let ruled = |lines: &[&Rule], at: f32, from: f32, to: f32| {
        let mid = (from + to) / 2.0;
        lines
            .iter()
            .any(|r| (r.at - at).abs() <= NEAR && r.from <= mid + NEAR && r.to >= mid - NEAR)
    };
    let id = |r: usize, c: usize| r * columns + c;
    let mut sets = UnionFind::new(rows * columns);
    for r in 0..rows {
        for c in 0..columns {
            let (top, bottom) = (ys[r], *ys.get(r + 1).unwrap_or(&ys[r]));
            let (left, right) = (xs[c], *xs.get(c + 1).unwrap_or(&xs[c]));
            if c + 1 < columns && !ruled(&vertical, right, top, bottom) {
                sets.union(id(r, c), id(r, c + 1));
            }
            if r + 1 < rows && !ruled(&horizontal, bottom, left, right) {
                sets.union(id(r, c), id(r + 1, c));
            }
        }
    }
    // Each merged cell's extent; a merge that is not a rectangle is undone into its grid cells.
    let mut extent: std::collections::HashMap<usize, (usize, usize, usize, usize, usize)> =
        Default::default();
    for r in 0..rows {
        for c in 0..columns {
            let root = sets.find(id(r, c));
            let e = extent.entry(root).or_insert((r, c, r, c, 0));
            e.0 = e.0.min(r);
            e.1 = e.1.min(c);
            e.2 = e.2.max(r);
            e.3 = e.3.max(c);
            e.4 += 1;
        }
    }
    let mut owner: Vec<usize> = vec![0; rows * columns];
    for r in 0..rows {
        for c in 0..columns {
            let root = sets.find(id(r, c));
            let (r0, c0, r1, c1, n) = extent[&root];
            owner[id(r, c)] = if n == (r1 - r0 + 1) * (c1 - c0 + 1) {
                id(r0, c0)
            } else {
                id(r, c)
            };
        }
    }
    let span = |start: usize| -> (usize, usize) {
        let (r0, c0) = (start / columns, start % columns);
        let mut r1 = r0;
        while r1 + 1 < rows && owner[id(r1 + 1, c0)] == start {
            r1 += 1;
        }
        let mut c1 = c0;
        while c1 + 1 < columns && owner[id(r0, c1 + 1)] == start {
            c1 += 1;
        }
        (r1 - r0 + 1, c1 - c0 + 1)
    };
    let mut contents: Vec<Vec<&Placed>> = vec![Vec::new(); rows * columns];
    for g in &frame.glyphs {
        let (cx, cy) = (g.x + g.width / 2.0, g.y - g.size * 0.35);
        let at = id(index_of(&ys, cy), index_of(&xs, cx));
        contents[owner[at]].push(g);
    }
    let mut table = Table::default();
    for r in 0..rows {
        let mut row = Vec::new();
        for c in 0..columns {
            let at = id(r, c);
            if owner[at] != at {
                continue;
            }
            let (row_span, column_span) = span(at);
            let paragraphs = lines(&contents[at])
                .into_iter()
                .map(|l| Block::Paragraph(l.text))
                .collect();
            row.push(Cell::new(paragraphs, column_span, row_span));
        }
        table.rows.push(row);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(at: f32, from: f32, to: f32) -> Rule {
        Rule {
            horizontal: true,
            at,
            from,
            to,
        }
    }
    fn v(at: f32, from: f32, to: f32) -> Rule {
        Rule {
            horizontal: false,
            at,
            from,
            to,
        }
    }

    /// | 三、结果 (2 rows) | （一）公开 | 5 |
    /// |                   | （二）部分 | 6 |
    #[test]
    fn a_missing_line_merges_cells_and_a_wrapped_label_is_one_cell() {
        let rules = vec![
            h(0.0, 0.0, 300.0),
            h(20.0, 100.0, 300.0),
            h(40.0, 0.0, 300.0),
            v(0.0, 0.0, 40.0),
            v(100.0, 0.0, 40.0),
            v(200.0, 0.0, 40.0),
            v(300.0, 0.0, 40.0),
        ];
        let mut glyphs = vec![
            Placed::sample("三", 5.0, 12.0),
            Placed::sample("结", 5.0, 24.0),
            Placed::sample("公", 105.0, 14.0),
            Placed::sample("5", 205.0, 14.0),
            Placed::sample("部", 105.0, 34.0),
            Placed::sample("6", 205.0, 34.0),
            Placed::sample("外", 5.0, 80.0),
        ];
        let frames = frames(&rules, &mut glyphs);
        assert_eq!(frames.len(), 1);
        assert_eq!(glyphs.len(), 1, "the glyph outside stays outside");
        let table = table(&frames[0]);
        let texts = table.cell_texts();
        assert_eq!(
            texts,
            vec![
                vec![(0, "三结".to_string()), (1, "公".into()), (2, "5".into())],
                vec![(1, "部".to_string()), (2, "6".into())],
            ]
        );
    }

    #[test]
    fn a_frame_continued_on_the_next_page_is_one_table() {
        let rules = |top: f32| {
            vec![
                h(top, 0.0, 200.0),
                h(top + 20.0, 0.0, 200.0),
                v(0.0, top, top + 20.0),
                v(100.0, top, top + 20.0),
                v(200.0, top, top + 20.0),
            ]
        };
        let mut first = frames(
            &rules(700.0),
            &mut vec![
                Placed::sample("甲", 5.0, 714.0),
                Placed::sample("1", 105.0, 714.0),
            ],
        );
        let second = frames(
            &rules(50.0),
            &mut vec![
                Placed::sample("乙", 5.0, 64.0),
                Placed::sample("2", 105.0, 64.0),
            ],
        );
        assert!(first[0].continues_as(&second[0]));
        let mut frame = first.remove(0);
        frame.continue_with(second.into_iter().next().unwrap());
        let texts = table(&frame).cell_texts();
        assert_eq!(texts.len(), 2);
        assert_eq!(texts[1], vec![(0, "乙".to_string()), (1, "2".into())]);
    }
}
