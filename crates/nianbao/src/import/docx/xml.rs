//! Reading WordprocessingML with roxmltree: elements of the `w:` namespace and their `w:val`. A large
//! part (the body, the numbering) is parsed a batch of elements at a time ([`in_batches`]): a tree of
//! the whole part took 695 MB for 60 MB of paragraphs.

use roxmltree::{Document, Node, ParsingOptions};

const WORDML: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    // Strict Open XML, which Word writes when asked to.
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// Parses a part; `None` when it is not well-formed XML in UTF-8.
pub fn parse(bytes: &[u8]) -> Option<Document<'_>> {
    let text = std::str::from_utf8(bytes).ok()?;
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: 20_000_000,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(text, options).ok()
}

pub fn in_wordml(node: &Node) -> bool {
    node.tag_name()
        .namespace()
        .is_some_and(|ns| WORDML.contains(&ns))
}

/// Is `node` the WordprocessingML element `name`?
pub fn is(node: &Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && in_wordml(node)
}

/// The `w:val` attribute.
pub fn val<'a>(node: &Node<'a, '_>) -> Option<&'a str> {
    node.attributes()
        .find(|a| a.name() == "val" && a.namespace().is_some_and(|ns| WORDML.contains(&ns)))
        .map(|a| a.value())
}

/// The first child element `name`.
pub fn child<'a, 'i>(node: &Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| is(n, name))
}

/// The `w:val` of the child at `path` (e.g. `["tcPr", "gridSpan"]`).
pub fn val_at<'a>(node: &Node<'a, '_>, path: &[&str]) -> Option<&'a str> {
    let mut at = *node;
    for name in path {
        at = child(&at, name)?;
    }
    val(&at)
}

/// The `w:val` at `path` as a number.
pub fn number_at(node: &Node, path: &[&str]) -> Option<usize> {
    val_at(node, path).and_then(|v| v.trim().parse().ok())
}

/// About how much XML one parsed batch holds: a part is parsed a batch of whole elements at a time, so
/// the tree in memory follows this (or the largest single element), not the part's size.
const BATCH_BYTES: usize = 16 * 1024;

/// A tag found by [`tag_at`]: a start tag (its qualified name, whether it closes itself), an end tag,
/// or something else (a comment, CDATA, a processing instruction).
enum Tag<'a> {
    Start { name: &'a str, empty: bool },
    End,
    Other,
}

/// The markup starting at the `<` at byte `lt`, and the byte after it; `None` for markup that does not
/// end, and for a DTD (refused, as the whole-part parser refuses it).
fn tag_at(text: &str, lt: usize) -> Option<(Tag<'_>, usize)> {
    let rest = &text[lt..];
    for (open, close) in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>")] {
        if let Some(inner) = rest.strip_prefix(open) {
            let end = inner.find(close)?;
            return Some((Tag::Other, lt + open.len() + end + close.len()));
        }
    }
    if rest.starts_with("<!") {
        return None;
    }
    let bytes = rest.as_bytes();
    let mut quote = None;
    let mut i = 1;
    while i < bytes.len() {
        match (quote, bytes[i]) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b @ (b'"' | b'\'')) => quote = Some(b),
            (None, b'>') => break,
            _ => {}
        }
        i += 1;
    }
    if i == bytes.len() {
        return None;
    }
    let end = lt + i + 1;
    if rest.starts_with("</") {
        return Some((Tag::End, end));
    }
    let name = rest[1..i]
        .split(|c: char| c.is_ascii_whitespace() || c == '/')
        .next()
        .unwrap_or_default();
    Some((
        Tag::Start {
            name,
            empty: bytes[i - 1] == b'/',
        },
        end,
    ))
}

/// A part's markup, a tag at a time.
struct Tags<'t> {
    text: &'t str,
    /// Where the last tag ended.
    at: usize,
}

impl<'t> Tags<'t> {
    /// The next tag, where it starts and where it ends; `Some(None)` at the end of the text, `None`
    /// for markup that does not end.
    #[allow(clippy::option_option)]
    fn next(&mut self) -> Option<Option<(Tag<'t>, usize, usize)>> {
        let Some(lt) = self.text[self.at..].find('<').map(|i| self.at + i) else {
            return Some(None);
        };
        crate::work::add(1);
        let (tag, end) = tag_at(self.text, lt)?;
        self.at = end;
        Some(Some((tag, lt, end)))
    }
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// What [`in_batches_split`] hands on, in the part's order.
pub enum Batch<'a, 'i> {
    /// Whole elements, in a copy of their parent.
    Elements(Node<'a, 'i>),
    /// An element too long for one batch begins (a long table): its children follow.
    LongStart,
    /// Some of the long element's children (a table's rows, mostly), in a copy of it.
    LongChildren(Node<'a, 'i>),
    LongEnd,
}

/// Reads a part a batch of elements at a time: the elements under its root (or, with `inside`, under
/// the root's child of that local name, e.g. `body`), each batch parsed as a document of its own whose
/// root is the part's root (and `inside`) around those elements, so that the namespaces declared there
/// still hold. `visit` is given each batch's parent of the elements (the copy of the root, or of
/// `inside`), in order. `None` when the part is not well-formed where it was read.
pub fn in_batches(bytes: &[u8], inside: Option<&str>, mut visit: impl FnMut(Node)) -> Option<()> {
    in_batches_split(bytes, inside, None, |batch| {
        if let Batch::Elements(parent) = batch {
            visit(parent)
        }
    })
}

/// [`in_batches`], and an element of the local name `split` longer than a batch (a table of a few
/// hundred rows is a third of a report's body) is read a batch of its children at a time, so that
/// the tree held stays the size of a batch.
pub fn in_batches_split(
    bytes: &[u8],
    inside: Option<&str>,
    split: Option<&str>,
    mut visit: impl FnMut(Batch),
) -> Option<()> {
    let text = std::str::from_utf8(bytes).ok()?;
    // The start tags around the elements read, with their names: the root, then `inside`.
    let mut around: Vec<(&str, &str)> = Vec::new();
    let levels = 1 + usize::from(inside.is_some());
    let mut depth = 0;
    // Inside a child of the root that is not `inside`, skipped whole.
    let mut skipping = false;
    let mut tags = Tags { text, at: 0 };
    while let Some((tag, lt, end)) = tags.next()? {
        match tag {
            Tag::Other => {}
            Tag::Start { name, empty } if !skipping => {
                if depth == 1 && Some(local(name)) != inside {
                    skipping = !empty;
                    depth += usize::from(!empty);
                    continue;
                }
                if empty {
                    // An empty root or `inside`: nothing to read, if it was the one wanted.
                    return (around.len() + 1 == levels).then_some(());
                }
                around.push((&text[lt..end], name));
                depth += 1;
                if depth == levels {
                    return children_in_batches(text, end, &mut around, split, &mut visit)
                        .map(|_| ());
                }
            }
            Tag::Start { empty, .. } => depth += usize::from(!empty),
            Tag::End => {
                depth = depth.checked_sub(1)?;
                if !skipping {
                    // The root closed without `inside` in it: not the part expected.
                    return None;
                }
                skipping = depth > 1;
            }
        }
    }
    None
}

/// Reads the children of the element whose start tag ends at `from` (that tag and those around it in
/// `around`) in batches of about [`BATCH_BYTES`], a child named `split` that is longer by its own
/// children; returns where the element's end tag ends.
fn children_in_batches<'t>(
    text: &'t str,
    from: usize,
    around: &mut Vec<(&'t str, &'t str)>,
    split: Option<&str>,
    visit: &mut dyn FnMut(Batch),
) -> Option<usize> {
    // 0 at the children's level.
    let mut depth = 0usize;
    let (mut batch_start, mut batch_end) = (None::<usize>, 0);
    let mut tags = Tags { text, at: from };
    while let Some((tag, lt, end)) = tags.next()? {
        match tag {
            Tag::Other => {}
            Tag::Start { name, empty } => {
                if depth == 0 && !empty && split == Some(local(name)) {
                    let close = element_end(text, end)?;
                    if close - lt > BATCH_BYTES {
                        flush(text, batch_start.take(), batch_end, around, visit)?;
                        visit(Batch::LongStart);
                        around.push((&text[lt..end], name));
                        let mut children = |batch: Batch| {
                            if let Batch::Elements(parent) = batch {
                                visit(Batch::LongChildren(parent))
                            }
                        };
                        tags.at = children_in_batches(text, end, around, None, &mut children)?;
                        around.pop();
                        visit(Batch::LongEnd);
                        continue;
                    }
                }
                if depth == 0 && batch_start.is_none() {
                    batch_start = Some(lt);
                }
                if !empty {
                    depth += 1;
                } else if depth == 0 {
                    batch_end = end;
                }
            }
            Tag::End if depth == 0 => {
                // The element's own end: the rest of the batch is read.
                flush(text, batch_start.take(), batch_end, around, visit)?;
                return Some(end);
            }
            Tag::End => {
                depth -= 1;
                if depth == 0 {
                    batch_end = end;
                    if batch_end - batch_start.unwrap_or(batch_end) >= BATCH_BYTES {
                        flush(text, batch_start.take(), batch_end, around, visit)?;
                    }
                }
            }
        }
    }
    None
}

/// Where the element whose start tag ends at `from` ends (after its end tag).
fn element_end(text: &str, from: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut tags = Tags { text, at: from };
    while let Some((tag, _, end)) = tags.next()? {
        match tag {
            Tag::Start { empty: false, .. } => depth += 1,
            Tag::End if depth == 0 => return Some(end),
            Tag::End => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Parses the elements in `text[from..to]` inside copies of the start tags `around` and hands on
/// the copy of their parent.
fn flush(
    text: &str,
    from: Option<usize>,
    to: usize,
    around: &[(&str, &str)],
    visit: &mut dyn FnMut(Batch),
) -> Option<()> {
    let Some(from) = from else {
        return Some(());
    };
    let mut xml = String::with_capacity(to - from + 512);
    for (tag, _) in around {
        xml.push_str(tag);
    }
    xml.push_str(&text[from..to]);
    for (_, name) in around.iter().rev() {
        xml.push_str("</");
        xml.push_str(name);
        xml.push('>');
    }
    let doc = parse(xml.as_bytes())?;
    let mut parent = doc.root_element();
    for _ in 1..around.len() {
        parent = parent.first_element_child()?;
    }
    visit(Batch::Elements(parent));
    Some(())
}
