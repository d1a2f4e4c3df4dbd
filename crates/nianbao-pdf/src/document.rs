//! Pages into one document's blocks: tables and lines in reading order, page numbers and the lines
//! repeated at the top or bottom of pages left out, a line that runs to the right margin joined with the
//! next (unless that one is indented or starts a heading), across pages too, and a table that goes on
//! at the top of the next page read as one table.

use std::collections::HashMap;

use nianbao::import::Block;

use crate::lines::{lines, Line};
use crate::play::{Page, Placed};
use crate::tables::{frames, table, Frame};

/// The top and bottom of a page where headers, footers and page numbers stand, as shares of its height.
const HEADER_ZONE: f32 = 0.1;
const FOOTER_ZONE: f32 = 0.12;

enum Item {
    Line(Line),
    Table(Frame),
}

impl Item {
    fn top(&self) -> f32 {
        match self {
            Item::Line(l) => l.y - l.size,
            Item::Table(f) => f.top,
        }
    }
}

/// 「- 4 -」「— 4 —」「第 4 页」「4/12」「第 4 页 共 12 页」, or a bare number.
fn is_page_number(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_matches(|c: char| {
        matches!(
            c,
            '-' | '—' | '–' | '－' | '─' | '·' | '•' | '~' | '_' | '〔' | '〕' | '[' | ']'
        )
    });
    let t = t.strip_prefix('第').unwrap_or(t);
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let (first, rest) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
    if !digits(first) {
        return false;
    }
    let rest = rest.strip_prefix('页').unwrap_or(rest);
    rest.is_empty()
        || rest
            .strip_prefix('/')
            .or_else(|| rest.strip_prefix("共"))
            .is_some_and(|r| digits(r.strip_suffix('页').unwrap_or(r)))
}

/// A line's text with its digits as one mark: a running header keeps its words and changes its numbers.
fn shape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn heading_start(text: &str) -> bool {
    let t = text.trim_start();
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let mut chars = t.chars();
    match chars.next() {
        Some('（' | '(') => chars.next().is_some_and(numeral),
        Some(c) if numeral(c) => t.chars().find(|&c| !numeral(c)) == Some('、'),
        Some(c) if c.is_ascii_digit() => {
            let after = t.trim_start_matches(|c: char| c.is_ascii_digit());
            // The separator may be two or three bytes long (「、」, 「．」): skip it as a character.
            after
                .strip_prefix(['.', '、', '．'])
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()))
        }
        _ => false,
    }
}

struct PageItems {
    items: Vec<Item>,
    height: f32,
}

fn page_items(page: Page) -> PageItems {
    let mut glyphs: Vec<Placed> = page.glyphs;
    let tables = frames(&page.rules, &mut glyphs);
    let refs: Vec<&Placed> = glyphs.iter().collect();
    let mut items: Vec<Item> = lines(&refs).into_iter().map(Item::Line).collect();
    items.extend(tables.into_iter().map(Item::Table));
    items.sort_by(|a, b| a.top().total_cmp(&b.top()));
    PageItems {
        items,
        height: page.height,
    }
}

/// Leaves out page numbers and headers and footers repeated on pages.
fn drop_running_lines(pages: &mut [PageItems]) {
    let zone = |page: &PageItems, line: &Line| {
        line.y <= page.height * HEADER_ZONE
            || line.y - line.size >= page.height * (1.0 - FOOTER_ZONE)
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in pages.iter() {
        let mut shapes: Vec<String> = page
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Line(l) if zone(page, l) => Some(shape(&l.text)),
                _ => None,
            })
            .collect();
        shapes.sort();
        shapes.dedup();
        for s in shapes {
            *seen.entry(s).or_default() += 1;
        }
    }
    let repeated = |s: &str| {
        let n = seen.get(s).copied().unwrap_or(0);
        pages.len() >= 2 && n >= 2 && n * 2 >= pages.len()
    };
    let drop: Vec<Vec<bool>> = pages
        .iter()
        .map(|page| {
            page.items
                .iter()
                .map(|i| match i {
                    Item::Line(l) => {
                        zone(page, l) && (is_page_number(&l.text) || repeated(&shape(&l.text)))
                    }
                    Item::Table(_) => false,
                })
                .collect()
        })
        .collect();
    for (page, drop) in pages.iter_mut().zip(drop) {
        let mut k = 0;
        page.items.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
    }
}

/// Where a page's prose lines start and end: the leftmost start and rightmost end of its longer lines.
fn margins(items: &[Item]) -> (f32, f32) {
    let (mut left, mut right) = (f32::MAX, f32::MIN);
    for item in items {
        if let Item::Line(l) = item {
            if l.text.chars().count() >= 8 && !l.text.contains('\t') {
                left = left.min(l.x0);
                right = right.max(l.x1);
            }
        }
    }
    (left, right)
}

/// Paragraph being gathered: its text, and the last line's place for deciding whether the next joins.
struct Open {
    text: String,
    last: Line,
    right: f32,
    /// The last line was the last of its page.
    page_end: bool,
}

/// The blocks of pages in reading order.
pub fn blocks_of_pages(pages: Vec<Page>) -> Vec<Block> {
    let mut pages: Vec<PageItems> = pages.into_iter().map(page_items).collect();
    drop_running_lines(&mut pages);
    let mut out: Vec<Block> = Vec::new();
    let mut open: Option<Open> = None;
    let mut frame: Option<Frame> = None;
    let close_paragraph = |open: &mut Option<Open>, out: &mut Vec<Block>| {
        if let Some(o) = open.take() {
            out.push(Block::Paragraph(o.text));
        }
    };
    let close_table = |frame: &mut Option<Frame>, out: &mut Vec<Block>| {
        if let Some(f) = frame.take() {
            out.push(Block::Table(table(&f)));
        }
    };
    for page in pages {
        let (left, right) = margins(&page.items);
        let count = page.items.len();
        for (k, item) in page.items.into_iter().enumerate() {
            let first = k == 0;
            match item {
                Item::Table(next) => {
                    close_paragraph(&mut open, &mut out);
                    match frame.as_mut() {
                        Some(f) if first && f.continues_as(&next) => f.continue_with(next),
                        _ => {
                            close_table(&mut frame, &mut out);
                            frame = Some(next);
                        }
                    }
                }
                Item::Line(line) => {
                    close_table(&mut frame, &mut out);
                    let joins = open.as_ref().is_some_and(|o| {
                        let same_page_next_line = !o.page_end
                            && line.y > o.last.y
                            && line.y - o.last.y <= 2.2 * o.last.size;
                        (same_page_next_line || (o.page_end && first))
                            && o.last.x1 >= o.right - 1.5 * o.last.size
                            && line.x0 <= left + 0.6 * line.size
                            && (line.size - o.last.size).abs() <= 0.15 * o.last.size
                            && !o.last.text.contains('\t')
                            && !line.text.contains('\t')
                            && !heading_start(&line.text)
                    });
                    let last_on_page = k + 1 == count;
                    if joins {
                        let o = open.as_mut().expect("joins only an open paragraph");
                        let glue = o
                            .text
                            .chars()
                            .next_back()
                            .is_some_and(|c| c.is_ascii_alphanumeric())
                            && line.text.starts_with(|c: char| c.is_ascii_alphanumeric());
                        if glue {
                            o.text.push(' ');
                        }
                        o.text.push_str(&line.text);
                        o.last = line;
                        o.right = right;
                        o.page_end = last_on_page;
                    } else {
                        close_paragraph(&mut open, &mut out);
                        open = Some(Open {
                            text: line.text.clone(),
                            last: line,
                            right,
                            page_end: last_on_page,
                        });
                    }
                }
            }
        }
        if let Some(o) = open.as_mut() {
            o.page_end = true;
        }
    }
    close_paragraph(&mut open, &mut out);
    close_table(&mut frame, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the fuzz target: a digit before 「、」 or 「．」 once sliced inside the separator.
    #[test]
    fn a_numbered_line_with_a_wide_separator_is_a_heading() {
        assert!(heading_start("1、 加强学习，强化意识"));
        assert!(heading_start("2．主动公开"));
        assert!(heading_start("3.属于"));
        assert!(!heading_start("1、2"));
        assert!(!heading_start("2024 年"));
    }

    #[test]
    fn page_numbers_are_told() {
        for t in [
            "- 4 -",
            "— 4 —",
            "-3-",
            "第 4 页",
            "4/12",
            "第4页共12页",
            "12",
        ] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["2024 年", "一、总体情况", "4.属于", "-", ""] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    #[test]
    fn headings_start_paragraphs() {
        for t in [
            "一、总体情况",
            "（二）依申请公开",
            "十二、其他",
            "1.属于国家秘密",
        ] {
            assert!(heading_start(t), "{t}");
        }
        for t in ["2024 年", "一般", "12.5 万元", "公开"] {
            assert!(!heading_start(t), "{t}");
        }
    }
}
