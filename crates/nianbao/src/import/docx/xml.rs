//! Reading WordprocessingML with roxmltree: elements of the `w:` namespace and their `w:val`.

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
