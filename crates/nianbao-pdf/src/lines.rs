//! Glyphs into lines by where they stand: a line is the glyphs on one baseline, left to right, with a
//! tab where a wide gap parts two columns and a space only where two Latin words or numbers would run
//! together (Chinese has none between its characters, however a line is justified).

use crate::play::Placed;

/// A line of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    /// Baseline.
    pub y: f32,
    pub size: f32,
}

/// Gaps wider than this many font sizes part columns.
const COLUMN_GAP: f32 = 0.6;
/// Between two Latin letters or digits, gaps wider than this many font sizes are a space.
const WORD_GAP: f32 = 0.2;

fn latin(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '%' | '.' | ',' | ')' | '('))
}

/// The glyphs' lines, top to bottom.
pub fn lines(glyphs: &[&Placed]) -> Vec<Line> {
    let mut sorted: Vec<&Placed> = glyphs.to_vec();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut groups: Vec<Vec<&Placed>> = Vec::new();
    let mut line_y = f32::MIN;
    let mut line_size = 0.0f32;
    for g in sorted {
        let tolerance = 0.4 * line_size.max(g.size).max(1.0);
        match groups.last_mut() {
            Some(group) if (g.y - line_y).abs() <= tolerance => {
                group.push(g);
                line_size = line_size.max(g.size);
            }
            _ => {
                groups.push(vec![g]);
                line_y = g.y;
                line_size = g.size;
            }
        }
    }
    groups.into_iter().filter_map(line_of).collect()
}

fn line_of(mut glyphs: Vec<&Placed>) -> Option<Line> {
    glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let size = glyphs
        .iter()
        .map(|g| g.size)
        .fold(0.0f32, f32::max)
        .max(1.0);
    let mut text = String::new();
    let mut end: Option<f32> = None;
    let mut last: Option<&Placed> = None;
    let (mut x0, mut x1) = (f32::MAX, f32::MIN);
    for g in glyphs {
        // A glyph drawn twice over itself (fake bold) is one glyph.
        if last.is_some_and(|l| l.text == g.text && (l.x - g.x).abs() < 0.3 * size) {
            continue;
        }
        let blank = g.text.trim().is_empty();
        if let Some(end) = end {
            let gap = g.x - end;
            if gap >= COLUMN_GAP * size && !blank {
                let trimmed = text.trim_end().len();
                text.truncate(trimmed);
                text.push('\t');
            } else if gap >= WORD_GAP * size
                && latin(text.chars().next_back())
                && latin(g.text.chars().next())
            {
                text.push(' ');
            }
        }
        if blank {
            if !text.is_empty() && !text.ends_with([' ', '\t']) {
                text.push(' ');
            }
        } else {
            text.push_str(&g.text);
            x0 = x0.min(g.x);
            x1 = x1.max(g.x + g.width);
            end = Some(g.x + g.width);
        }
        last = Some(g);
    }
    let text = text.trim_end().to_string();
    if text.is_empty() {
        return None;
    }
    let y = last.map_or(0.0, |g| g.y);
    Some(Line {
        text,
        x0,
        x1,
        y,
        size,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyphs_on_a_baseline_make_a_line_left_to_right() {
        let g = [
            Placed::sample("本", 20.0, 100.5),
            Placed::sample("年", 10.0, 100.0),
            Placed::sample("1", 50.0, 100.0),
            Placed::sample("2", 63.0, 100.0),
            Placed::sample("下", 10.0, 120.0),
        ];
        let refs: Vec<&Placed> = g.iter().collect();
        let lines = lines(&refs);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, "年本\t1 2");
        assert_eq!(lines[1].text, "下");
        assert_eq!((lines[0].x0, lines[0].x1), (10.0, 73.0));
    }
}
