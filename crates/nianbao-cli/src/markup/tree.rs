//! The tree html5ever builds, kept small: what the import walker reads of a page is its elements'
//! names, four attributes and its text, so a node is those and five u32 links (about 56 bytes; a
//! general-purpose DOM such as scraper's took some 440 bytes for a paragraph and its text, 21 times
//! the page).

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{local_name, ns, Attribute, LocalName, Namespace, QualName};

use nianbao::import::{MarkupNode, NodeKind, FLAT_ATTRIBUTES};

pub type NodeId = u32;

const NONE: NodeId = NodeId::MAX;

enum Data {
    Document,
    /// A template's contents.
    Fragment,
    Element {
        name: (Namespace, LocalName),
        /// The values of [`FLAT_ATTRIBUTES`] present (the only ones the walker reads).
        attributes: Option<Box<[Option<StrTendril>; 4]>>,
    },
    Text(StrTendril),
    /// Comments, doctypes, processing instructions.
    Other,
}

struct Node {
    data: Data,
    parent: NodeId,
    previous: NodeId,
    next: NodeId,
    first: NodeId,
    last: NodeId,
}

/// A parsed page: its nodes, the document first.
pub struct Tree {
    nodes: Vec<Node>,
    /// The name given for a node that is no element, should the tree builder ask.
    no_name: (Namespace, LocalName),
}

fn known_attributes(attrs: &[Attribute], into: &mut Option<Box<[Option<StrTendril>; 4]>>) {
    for attr in attrs {
        let Some(slot) = FLAT_ATTRIBUTES.iter().position(|&n| *attr.name.local == *n) else {
            continue;
        };
        let values = into.get_or_insert_with(Default::default);
        if values[slot].is_none() {
            values[slot] = Some(attr.value.clone());
        }
    }
}

impl Tree {
    fn new() -> Self {
        let mut tree = Tree {
            nodes: Vec::new(),
            no_name: (ns!(), local_name!("")),
        };
        tree.orphan(Data::Document);
        tree
    }

    fn orphan(&mut self, data: Data) -> NodeId {
        self.nodes.push(Node {
            data,
            parent: NONE,
            previous: NONE,
            next: NONE,
            first: NONE,
            last: NONE,
        });
        (self.nodes.len() - 1) as NodeId
    }

    fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id as usize]
    }

    fn detach(&mut self, id: NodeId) {
        let Node {
            parent,
            previous,
            next,
            ..
        } = *self.node(id);
        if parent == NONE {
            return;
        }
        match previous {
            NONE => self.node_mut(parent).first = next,
            p => self.node_mut(p).next = next,
        }
        match next {
            NONE => self.node_mut(parent).last = previous,
            n => self.node_mut(n).previous = previous,
        }
        let node = self.node_mut(id);
        (node.parent, node.previous, node.next) = (NONE, NONE, NONE);
    }

    /// Puts `id` (detached first) under `parent`, before `before` (at the end when `NONE`).
    fn insert(&mut self, parent: NodeId, id: NodeId, before: NodeId) {
        self.detach(id);
        let previous = match before {
            NONE => self.node(parent).last,
            b => self.node(b).previous,
        };
        {
            let node = self.node_mut(id);
            (node.parent, node.previous, node.next) = (parent, previous, before);
        }
        match previous {
            NONE => self.node_mut(parent).first = id,
            p => self.node_mut(p).next = id,
        }
        match before {
            NONE => self.node_mut(parent).last = id,
            b => self.node_mut(b).previous = id,
        }
    }

    /// Puts `child` under `parent` before `before` (at the end when `NONE`); text joins a text node
    /// right before that place, as the tree builder expects.
    fn put(&mut self, parent: NodeId, child: NodeOrText<NodeId>, before: NodeId) {
        match child {
            NodeOrText::AppendNode(id) => self.insert(parent, id, before),
            NodeOrText::AppendText(text) => {
                let previous = match before {
                    NONE => self.node(parent).last,
                    b => self.node(b).previous,
                };
                if let Some(Data::Text(t)) =
                    (previous != NONE).then(|| &mut self.node_mut(previous).data)
                {
                    t.push_tendril(&text);
                } else {
                    let id = self.orphan(Data::Text(text));
                    self.insert(parent, id, before);
                }
            }
        }
    }

    pub fn root(&self) -> Markup<'_> {
        Markup { tree: self, id: 0 }
    }
}

/// The tree builder's side of a [`Tree`].
pub struct Sink(RefCell<Tree>);

impl Sink {
    pub fn new() -> Self {
        Sink(RefCell::new(Tree::new()))
    }
}

/// An element's name as the tree builder asks for it.
#[derive(Debug)]
pub struct Name<'a>(Ref<'a, (Namespace, LocalName)>);

impl ElemName for Name<'_> {
    fn ns(&self) -> &Namespace {
        &self.0 .0
    }

    fn local_name(&self) -> &LocalName {
        &self.0 .1
    }
}

impl std::fmt::Debug for Tree {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tree({} nodes)", self.nodes.len())
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Tree;
    type ElemName<'a> = Name<'a>;

    fn finish(self) -> Tree {
        self.0.into_inner()
    }

    fn parse_error(&self, _: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Name<'a> {
        // The tree builder asks only for the names of elements.
        Name(Ref::map(self.0.borrow(), |tree| {
            match &tree.node(*target).data {
                Data::Element { name, .. } => name,
                _ => &tree.no_name,
            }
        }))
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let mut attributes = None;
        known_attributes(&attrs, &mut attributes);
        let mut tree = self.0.borrow_mut();
        let id = tree.orphan(Data::Element {
            name: (name.ns, name.local),
            attributes,
        });
        if flags.template {
            let contents = tree.orphan(Data::Fragment);
            tree.insert(id, contents, NONE);
        }
        id
    }

    fn create_comment(&self, _: StrTendril) -> NodeId {
        self.0.borrow_mut().orphan(Data::Other)
    }

    fn create_pi(&self, _: StrTendril, _: StrTendril) -> NodeId {
        self.0.borrow_mut().orphan(Data::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.0.borrow_mut().put(*parent, child, NONE);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.0.borrow().node(*element).parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let mut tree = self.0.borrow_mut();
        let id = tree.orphan(Data::Other);
        tree.insert(0, id, NONE);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.0.borrow().node(*target).first
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut tree = self.0.borrow_mut();
        let parent = tree.node(*sibling).parent;
        if parent != NONE {
            tree.put(parent, new_node, *sibling);
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        if let Data::Element { attributes, .. } = &mut self.0.borrow_mut().node_mut(*target).data {
            known_attributes(&attrs, attributes);
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.0.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut tree = self.0.borrow_mut();
        while let Some(child) = Some(tree.node(*node).first).filter(|&c| c != NONE) {
            tree.insert(*new_parent, child, NONE);
        }
    }
}

/// A node of a [`Tree`] as the import walker reads it.
pub struct Markup<'t> {
    tree: &'t Tree,
    id: NodeId,
}

impl Markup<'_> {
    fn at(&self, id: NodeId) -> Option<Self> {
        (id != NONE).then_some(Markup {
            tree: self.tree,
            id,
        })
    }
}

impl MarkupNode for Markup<'_> {
    fn kind(&self) -> NodeKind {
        match &self.tree.node(self.id).data {
            Data::Document | Data::Fragment => NodeKind::Root,
            Data::Element { name, .. } => {
                NodeKind::Element(name.1.to_ascii_lowercase().to_string())
            }
            Data::Text(text) => NodeKind::Text(text.to_string()),
            Data::Other => NodeKind::Other,
        }
    }

    fn attribute(&self, name: &str) -> Option<String> {
        let Data::Element { attributes, .. } = &self.tree.node(self.id).data else {
            return None;
        };
        let slot = FLAT_ATTRIBUTES.iter().position(|&known| known == name)?;
        attributes.as_ref()?[slot].as_ref().map(|v| v.to_string())
    }

    fn first_child(&self) -> Option<Self> {
        self.at(self.tree.node(self.id).first)
    }

    fn next_sibling(&self) -> Option<Self> {
        self.at(self.tree.node(self.id).next)
    }
}
