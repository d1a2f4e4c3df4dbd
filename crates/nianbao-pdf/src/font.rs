//! A page's font as far as reading needs it: how a string splits into codes, which text each code
//! shows (its ToUnicode map, or the standard Latin encodings for simple fonts), and each glyph's
//! width and writing direction to place the next glyph.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use crate::cmap::ToUnicode;
use crate::object::{dict, float, name, resolve, stream_data};

/// What a code stands for, and how far the pen moves after it (in thousandths of the font size).
pub struct Glyph {
    /// The text shown, or `None` when the font gives no way to know.
    pub text: Option<String>,
    pub width: f32,
    /// A single-byte code 32, which word spacing (`Tw`) applies to.
    pub is_space: bool,
}

/// How codes are read from strings.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Codes {
    /// A simple font: one byte a code.
    OneByte,
    /// A composite font: two bytes (Identity-H/V), or as the ToUnicode code space says.
    Composite,
}

pub struct Font {
    codes: Codes,
    to_unicode: Option<ToUnicode>,
    /// A simple font without a map: printable ASCII stands for itself (the standard encodings agree).
    ascii: bool,
    widths: HashMap<u32, f32>,
    default_width: f32,
    pub vertical: bool,
}

impl Font {
    /// A font that maps nothing: for a `Tf` naming a font the page does not have.
    pub fn missing() -> Self {
        Font {
            codes: Codes::OneByte,
            to_unicode: None,
            ascii: false,
            widths: HashMap::new(),
            default_width: 500.0,
            vertical: false,
        }
    }

    pub fn load(doc: &Document, font: &Dictionary) -> Self {
        let subtype = font.get(b"Subtype").ok().and_then(|o| name(doc, o));
        let to_unicode = font
            .get(b"ToUnicode")
            .ok()
            .and_then(|o| stream_data(doc, o))
            .map(|data| ToUnicode::parse(&data))
            .filter(|m| !m.is_empty());
        if subtype == Some(b"Type0".as_slice()) {
            let encoding = font.get(b"Encoding").ok().and_then(|o| name(doc, o));
            let vertical = encoding.is_some_and(|e| e.ends_with(b"-V"));
            let descendant = font
                .get(b"DescendantFonts")
                .ok()
                .and_then(|o| resolve(doc, o))
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| dict(doc, o));
            let (widths, default_width) = match descendant {
                Some(d) => cid_widths(doc, d),
                None => (HashMap::new(), 1000.0),
            };
            // UCS-2 and UTF-16 encodings carry Unicode in the codes themselves.
            let unicode_codes = encoding.is_some_and(|e| {
                e.starts_with(b"Uni") && (e.contains_str(b"UCS2") || e.contains_str(b"UTF16"))
            });
            let to_unicode = to_unicode.or_else(|| unicode_codes.then(ucs2_map));
            return Font {
                codes: Codes::Composite,
                to_unicode,
                ascii: false,
                widths,
                default_width: if vertical { 1000.0 } else { default_width },
                vertical,
            };
        }
        let first = font
            .get(b"FirstChar")
            .ok()
            .and_then(|o| float(doc, o))
            .unwrap_or(0.0) as u32;
        let mut widths = HashMap::new();
        if let Some(list) = font
            .get(b"Widths")
            .ok()
            .and_then(|o| resolve(doc, o))
            .and_then(|o| o.as_array().ok())
        {
            for (k, w) in list.iter().take(256).enumerate() {
                if let Some(w) = float(doc, w) {
                    widths.insert(first + k as u32, w);
                }
            }
        }
        let missing = font
            .get(b"FontDescriptor")
            .ok()
            .and_then(|o| dict(doc, o))
            .and_then(|d| d.get(b"MissingWidth").ok())
            .and_then(|o| float(doc, o));
        Font {
            codes: Codes::OneByte,
            to_unicode,
            ascii: true,
            widths,
            default_width: missing.unwrap_or(if first == 0 { 500.0 } else { 0.0 }),
            vertical: false,
        }
    }

    /// The glyphs a shown string stands for, in order.
    pub fn glyphs(&self, bytes: &[u8]) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let n = match self.codes {
                Codes::OneByte => 1,
                Codes::Composite => self
                    .to_unicode
                    .as_ref()
                    .and_then(|m| m.code_length(&bytes[i..]))
                    .unwrap_or(2),
            }
            .clamp(1, 4)
            .min(bytes.len() - i);
            let code = bytes[i..i + n]
                .iter()
                .fold(0u32, |acc, &b| acc << 8 | u32::from(b));
            i += n;
            // A glyph shared by an ideograph and its radical is often mapped to the radical.
            let mapped = self
                .to_unicode
                .as_ref()
                .and_then(|m| m.get(code))
                .map(|text| text.chars().map(nianbao::text::radicals::unify).collect());
            let text = mapped.or_else(|| {
                (self.ascii && (0x20..0x7f).contains(&code))
                    .then(|| char::from(code as u8).to_string())
            });
            out.push(Glyph {
                text,
                width: self
                    .widths
                    .get(&code)
                    .copied()
                    .unwrap_or(self.default_width),
                is_space: n == 1 && code == 32,
            });
        }
        out
    }
}

trait ContainsStr {
    fn contains_str(&self, needle: &[u8]) -> bool;
}

impl ContainsStr for [u8] {
    fn contains_str(&self, needle: &[u8]) -> bool {
        self.windows(needle.len()).any(|w| w == needle)
    }
}

/// A map for fonts whose codes are UCS-2 themselves.
fn ucs2_map() -> ToUnicode {
    ToUnicode::parse(
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange \
          2 beginbfrange <0000> <D7FF> <0000> <E000> <FFFF> <E000> endbfrange",
    )
}

/// A CID font's widths: `/W [c [w1 w2 …] c_first c_last w …]` and `/DW`.
fn cid_widths(doc: &Document, font: &Dictionary) -> (HashMap<u32, f32>, f32) {
    let default = font
        .get(b"DW")
        .ok()
        .and_then(|o| float(doc, o))
        .unwrap_or(1000.0);
    let mut widths = HashMap::new();
    let Some(list) = font
        .get(b"W")
        .ok()
        .and_then(|o| resolve(doc, o))
        .and_then(|o| o.as_array().ok())
    else {
        return (widths, default);
    };
    let mut i = 0;
    // Bounded: no font has more glyphs than two-byte codes reach.
    const MOST: usize = 0x1_0000;
    while i < list.len() && widths.len() < MOST {
        let Some(first) = float(doc, &list[i]) else {
            break;
        };
        let first = first.max(0.0) as u32;
        match list.get(i + 1).and_then(|o| resolve(doc, o)) {
            Some(Object::Array(each)) => {
                for (k, w) in each.iter().enumerate().take(MOST) {
                    if let Some(w) = float(doc, w) {
                        widths.insert(first.saturating_add(k as u32), w);
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(w)) = (
                    float(doc, last),
                    list.get(i + 2).and_then(|o| float(doc, o)),
                ) else {
                    break;
                };
                let last = (last.max(0.0) as u32).min(first.saturating_add(MOST as u32));
                for c in first..=last {
                    widths.insert(c, w);
                }
                i += 3;
            }
            None => break,
        }
    }
    (widths, default)
}
