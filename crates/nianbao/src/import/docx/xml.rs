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

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// Reads a part a batch of elements at a time: the elements under its root (or, with `inside`, under
/// the root's child of that local name, e.g. `body`), each batch parsed as a document of its own whose
/// root is the part's root (and `inside`) around those elements, so that the namespaces declared there
/// still hold. `visit` is given each batch's parent of the elements (the copy of the root, or of
/// `inside`), in order. `None` when the part is not well-formed where it was read.
pub fn in_batches(bytes: &[u8], inside: Option<&str>, mut visit: impl FnMut(Node)) -> Option<()> {
    let text = std::str::from_utf8(bytes).ok()?;
    // The start tags around the elements read, with their names: the root, then `inside`.
    let mut around: Vec<(&str, &str)> = Vec::new();
    let levels = 1 + usize::from(inside.is_some());
    let mut depth = 0;
    // Inside a child of the root that is not `inside`, skipped whole.
    let mut skipping = false;
    let (mut batch_start, mut batch_end) = (None::<usize>, 0);
    let mut flush = |from: Option<usize>, to: usize, around: &[(&str, &str)]| {
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
        visit(parent);
        Some(())
    };
    let mut at = 0;
    while let Some(lt) = text[at..].find('<').map(|i| at + i) {
        crate::work::add(1);
        let (tag, end) = tag_at(text, lt)?;
        at = end;
        match tag {
            Tag::Other => {}
            Tag::Start { name, empty } if !skipping && depth < levels => {
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
            }
            Tag::Start { empty, .. } => {
                let child = !skipping && depth == levels;
                if child && batch_start.is_none() {
                    batch_start = Some(lt);
                }
                if !empty {
                    depth += 1;
                } else if child {
                    batch_end = end;
                }
            }
            Tag::End => {
                depth = depth.checked_sub(1)?;
                if skipping {
                    skipping = depth > 1;
                } else if depth == levels {
                    batch_end = end;
                    if batch_end - batch_start.unwrap_or(batch_end) >= BATCH_BYTES {
                        flush(batch_start.take(), batch_end, &around)?;
                    }
                } else if depth < levels {
                    // The end of `inside`, or of the root: the rest of the batch is read. A root
                    // closed without `inside` in it is not the part expected.
                    if around.len() < levels {
                        return None;
                    }
                    return flush(batch_start.take(), batch_end, &around);
                }
            }
        }
    }
    None
}
