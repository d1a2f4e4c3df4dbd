//! The tree html5ever builds, kept small and read while it grows.
//!
//! What the import walker reads of a page is its elements' names, four attributes and its text, so a
//! node is those and five u32 links (about 56 bytes; a general-purpose DOM such as scraper's took some
//! 440 bytes for a paragraph and its text, 21 times the page).
//!
//! The walker reads the tree between chunks of input, as far as it is settled, and the nodes it has
//! passed are let go: the tree held is the frontier of the parse, not the page. That reading is
//! optimistic. Every read is remembered on the node read, and a change the tree builder makes later to
//! anything already read (text joined to a text node read, a node put before one handed out, a child
//! put under an element whose end was read, attributes added to an element handed out) marks the
//! tree as diverged: its reading is thrown away and the page read again whole.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{ElemName, ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{local_name, ns, Attribute, LocalName, Namespace, QualName};

use nianbao::import::{MarkupNode, NodeKind, FLAT_ATTRIBUTES};

pub type NodeId = u32;

const NONE: NodeId = NodeId::MAX;

/// Nodes held (some 56 bytes each) past which the walk reads an open table as it is built, rather
/// than wait for it to be closed: under a megabyte, several times what a report's table takes.
pub const CROWDED: usize = 16 * 1024;

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
    /// A slot let go, to be used again.
    Free,
}

/// What the walker has read of a node, and what the tree builder holds of it.
#[derive(Clone, Copy, Default)]
struct Marks(u8);

impl Marks {
    /// The walker was handed the node (as the first child or next sibling of another).
    const HANDED: u8 = 1;
    /// The walker read the node's text.
    const READ: u8 = 2;
    /// The walker read that nothing follows the node's last child.
    const ENDED: u8 = 4;
    /// The walker is done with the node: it is no longer in the tree.
    const PASSED: u8 = 8;
    /// The tree builder holds the node (its stack of open elements, formatting elements, head).
    const HELD: u8 = 16;

    fn has(self, mark: u8) -> bool {
        self.0 & mark != 0
    }
}

struct Node {
    data: Data,
    parent: NodeId,
    previous: NodeId,
    next: NodeId,
    first: NodeId,
    last: NodeId,
    marks: Marks,
}

/// A parsed page, or the part of it not yet passed: its nodes, the document first.
pub struct Tree {
    nodes: Vec<Node>,
    /// Slots let go, to be used again.
    free: Vec<NodeId>,
    /// The nodes marked [`Marks::HELD`].
    held: Vec<NodeId>,
    /// The tree builder is done: nothing grows any more.
    finished: bool,
    /// The tree builder changed something the walker had read.
    diverged: Cell<bool>,
    /// The name given for a node that is no element, should the tree builder ask.
    no_name: (Namespace, LocalName),
}

/// Keeps the values of [`FLAT_ATTRIBUTES`] among `attrs` not yet in `into`; whether there was one.
fn known_attributes(attrs: &[Attribute], into: &mut Option<Box<[Option<StrTendril>; 4]>>) -> bool {
    let mut added = false;
    for attr in attrs {
        let Some(slot) = FLAT_ATTRIBUTES.iter().position(|&n| *attr.name.local == *n) else {
            continue;
        };
        let values = into.get_or_insert_with(Default::default);
        if values[slot].is_none() {
            values[slot] = Some(attr.value.clone());
            added = true;
        }
    }
    added
}

impl Tree {
    pub fn new() -> Self {
        let mut tree = Tree {
            nodes: Vec::new(),
            free: Vec::new(),
            held: Vec::new(),
            finished: false,
            diverged: Cell::new(false),
            no_name: (ns!(), local_name!("")),
        };
        tree.orphan(Data::Document);
        tree
    }

    /// Whether the tree builder changed what the walker had read (so the walk must start again on a
    /// whole tree).
    pub fn diverged(&self) -> bool {
        self.diverged.get()
    }

    /// The tree builder is done.
    pub fn finish(&mut self) {
        self.finished = true;
        self.hold(std::iter::empty());
    }

    /// Marks the nodes the tree builder holds now (and no others).
    pub fn hold(&mut self, held: impl Iterator<Item = NodeId>) {
        for id in std::mem::take(&mut self.held) {
            if let Some(node) = self.nodes.get_mut(id as usize) {
                node.marks.0 &= !Marks::HELD;
            }
        }
        for id in held {
            if let Some(node) = self.nodes.get_mut(id as usize) {
                node.marks.0 |= Marks::HELD;
                self.held.push(id);
            }
        }
    }

    fn orphan(&mut self, data: Data) -> NodeId {
        let node = Node {
            data,
            parent: NONE,
            previous: NONE,
            next: NONE,
            first: NONE,
            last: NONE,
            marks: Marks::default(),
        };
        match self.free.pop() {
            Some(id) => {
                self.nodes[id as usize] = node;
                id
            }
            None => {
                self.nodes.push(node);
                (self.nodes.len() - 1) as NodeId
            }
        }
    }

    fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id as usize]
    }

    /// Whether `id` names a node of the tree; the tree builder asking after one let go means the walk
    /// let go of something the tree builder still wanted.
    fn live(&self, id: NodeId) -> bool {
        let live = self
            .nodes
            .get(id as usize)
            .is_some_and(|n| !matches!(n.data, Data::Free));
        if !live {
            self.diverge();
        }
        live
    }

    fn diverge(&self) {
        self.diverged.set(true);
    }

    fn marked(&self, id: NodeId, mark: u8) -> bool {
        id != NONE && self.node(id).marks.has(mark)
    }

    fn mark(&mut self, id: NodeId, mark: u8) {
        if id != NONE {
            self.node_mut(id).marks.0 |= mark;
        }
    }

    /// Takes `id` out of its parent's children. The walker was handed it, it would now read otherwise.
    fn detach(&mut self, id: NodeId) {
        if self.marked(id, Marks::HANDED) {
            self.diverge();
        }
        self.unlink(id);
    }

    fn unlink(&mut self, id: NodeId) {
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

    /// A node put under `parent` before `before` (at the end when `NONE`) changes a reading the walker
    /// made: before a node it was handed, at the end of children it read to the end, or under a node
    /// it is done with.
    fn check_insert(&self, parent: NodeId, before: NodeId) {
        let changes_a_reading = match before {
            NONE => self.marked(parent, Marks::ENDED),
            b => self.marked(b, Marks::HANDED),
        } || self.marked(parent, Marks::PASSED);
        if changes_a_reading {
            self.diverge();
        }
    }

    /// Puts `id` (detached first) under `parent`, before `before` (at the end when `NONE`).
    fn insert(&mut self, parent: NodeId, id: NodeId, before: NodeId) {
        if !self.live(parent) || !self.live(id) || (before != NONE && !self.live(before)) {
            return;
        }
        self.detach(id);
        self.check_insert(parent, before);
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
                if !self.live(parent) || (before != NONE && !self.live(before)) {
                    return;
                }
                let previous = match before {
                    NONE => self.node(parent).last,
                    b => self.node(b).previous,
                };
                if previous != NONE && matches!(self.node(previous).data, Data::Text(_)) {
                    if self.marked(previous, Marks::READ) {
                        self.diverge();
                    }
                    if let Data::Text(t) = &mut self.node_mut(previous).data {
                        t.push_tendril(&text);
                    }
                } else {
                    let id = self.orphan(Data::Text(text));
                    self.insert(parent, id, before);
                }
            }
        }
    }

    /// Lets go of `id` and everything under it, which the walker is done with. A node the tree
    /// builder still holds keeps its slot, out of the tree, so that it can still be asked after.
    fn pass(&mut self, id: NodeId) {
        self.unlink(id);
        let mut under = vec![id];
        while let Some(id) = under.pop() {
            let mut child = self.node(id).first;
            while child != NONE {
                under.push(child);
                child = self.node(child).next;
            }
            let node = self.node_mut(id);
            (node.parent, node.previous, node.next) = (NONE, NONE, NONE);
            (node.first, node.last) = (NONE, NONE);
            if node.marks.has(Marks::HELD) || id == 0 {
                node.marks.0 |= Marks::PASSED;
            } else {
                node.data = Data::Free;
                node.marks = Marks::default();
                self.free.push(id);
            }
        }
    }

    /// Whether the tree builder may still put something under `id`.
    fn is_open(&self, id: NodeId) -> bool {
        !self.finished && self.marked(id, Marks::HELD)
    }

    /// Whether the walk waits for `id`, an open table, to be closed before it reads it: while the
    /// tree holds fewer than [`CROWDED`] nodes. Text or an element misplaced in a table that the
    /// walk has entered is put before it, and the page is read again whole; a table waited for is
    /// held whole, and a page wrapped in a table for its layout would be.
    fn awaits_close(&self, id: NodeId) -> bool {
        let is_table = matches!(
            &self.node(id).data,
            Data::Element { name, .. } if name.1 == local_name!("table")
        );
        is_table && self.is_open(id) && self.nodes.len() - self.free.len() < CROWDED
    }
}

/// The tree builder's side of a [`Tree`].
pub struct Sink<'t>(pub &'t RefCell<Tree>);

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

impl TreeSink for Sink<'_> {
    type Handle = NodeId;
    type Output = ();
    type ElemName<'a>
        = Name<'a>
    where
        Self: 'a;

    fn finish(self) {}

    fn parse_error(&self, _: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Name<'a> {
        // The tree builder asks only for the names of elements (and of none let go).
        Name(Ref::map(self.0.borrow(), |tree| {
            match tree.live(*target).then(|| &tree.node(*target).data) {
                Some(Data::Element { name, .. }) => name,
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
        let has_parent = {
            let tree = self.0.borrow();
            tree.live(*element) && tree.node(*element).parent != NONE
        };
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
        let tree = self.0.borrow();
        match tree.live(*target).then(|| tree.node(*target).first) {
            Some(first) if first != NONE => first,
            _ => {
                tree.diverge();
                0
            }
        }
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let mut tree = self.0.borrow_mut();
        if !tree.live(*sibling) {
            return;
        }
        let parent = tree.node(*sibling).parent;
        if parent != NONE {
            tree.put(parent, new_node, *sibling);
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut tree = self.0.borrow_mut();
        if !tree.live(*target) {
            return;
        }
        let handed = tree.marked(*target, Marks::HANDED);
        if let Data::Element { attributes, .. } = &mut tree.node_mut(*target).data {
            if known_attributes(&attrs, attributes) && handed {
                tree.diverge();
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        let mut tree = self.0.borrow_mut();
        if tree.live(*target) {
            tree.detach(*target);
        }
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut tree = self.0.borrow_mut();
        if !tree.live(*node) || !tree.live(*new_parent) {
            return;
        }
        while let Some(child) = Some(tree.node(*node).first).filter(|&c| c != NONE) {
            tree.insert(*new_parent, child, NONE);
        }
    }
}

/// A node of a [`Tree`] as the import walker reads it: each reading is marked on the node read.
#[derive(Clone)]
pub struct Markup<'t> {
    tree: &'t RefCell<Tree>,
    id: NodeId,
}

impl<'t> Markup<'t> {
    pub fn root(tree: &'t RefCell<Tree>) -> Self {
        tree.borrow_mut().mark(0, Marks::HANDED);
        Markup { tree, id: 0 }
    }

    /// The node `id`, handed to the walker; or, when there is none, the end of `parent`'s children
    /// read (unless more may still come).
    fn hand(&self, id: NodeId, parent: NodeId) -> Option<Self> {
        let mut tree = self.tree.borrow_mut();
        if id == NONE {
            if parent != NONE && !tree.is_open(parent) {
                tree.mark(parent, Marks::ENDED);
            }
            return None;
        }
        tree.mark(id, Marks::HANDED);
        Some(Markup {
            tree: self.tree,
            id,
        })
    }
}

impl MarkupNode for Markup<'_> {
    fn kind(&self) -> NodeKind {
        let mut tree = self.tree.borrow_mut();
        tree.mark(self.id, Marks::READ);
        match &tree.node(self.id).data {
            Data::Document | Data::Fragment => NodeKind::Root,
            Data::Element { name, .. } => {
                NodeKind::Element(name.1.to_ascii_lowercase().to_string())
            }
            Data::Text(text) => NodeKind::Text(text.to_string()),
            Data::Other | Data::Free => NodeKind::Other,
        }
    }

    fn attribute(&self, name: &str) -> Option<String> {
        let tree = self.tree.borrow();
        let Data::Element { attributes, .. } = &tree.node(self.id).data else {
            return None;
        };
        let slot = FLAT_ATTRIBUTES.iter().position(|&known| known == name)?;
        attributes.as_ref()?[slot].as_ref().map(|v| v.to_string())
    }

    fn first_child(&self) -> Option<Self> {
        let first = self.tree.borrow().node(self.id).first;
        self.hand(first, self.id)
    }

    fn next_sibling(&self) -> Option<Self> {
        let (next, parent) = {
            let tree = self.tree.borrow();
            let node = tree.node(self.id);
            (node.next, node.parent)
        };
        self.hand(next, parent)
    }

    fn is_element(&self) -> bool {
        matches!(self.tree.borrow().node(self.id).data, Data::Element { .. })
    }

    fn may_grow(&self) -> bool {
        let tree = self.tree.borrow();
        let node = tree.node(self.id);
        match node.next {
            // More siblings, or more text, may come while the parent is open.
            NONE => node.parent != NONE && tree.is_open(node.parent),
            // What the tree builder finds misplaced in an open table it puts before the table.
            next => tree.awaits_close(next),
        }
    }

    fn is_open(&self) -> bool {
        self.tree.borrow().is_open(self.id)
    }

    fn awaits_close(&self) -> bool {
        self.tree.borrow().awaits_close(self.id)
    }

    fn passed(&self) {
        if self.id != 0 {
            self.tree.borrow_mut().pass(self.id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use html5ever::tendril::StrTendril;

    /// A document with a `<body>` (held open) under it, and its sink.
    fn body(tree: &RefCell<Tree>) -> (Sink<'_>, NodeId) {
        let sink = Sink(tree);
        let body = element(&sink, "body");
        sink.append(&0, NodeOrText::AppendNode(body));
        tree.borrow_mut().hold([0, body].into_iter());
        (sink, body)
    }

    fn element(sink: &Sink<'_>, name: &str) -> NodeId {
        let name = QualName::new(None, ns!(html), LocalName::from(name));
        sink.create_element(name, Vec::new(), ElementFlags::default())
    }

    fn text(s: &str) -> NodeOrText<NodeId> {
        NodeOrText::AppendText(StrTendril::from_slice(s))
    }

    /// The walker's reading of the body's first child.
    fn first_of_body(tree: &RefCell<Tree>) -> Markup<'_> {
        let root = Markup::root(tree);
        root.first_child().unwrap().first_child().unwrap()
    }

    #[test]
    fn what_comes_after_what_was_read_is_no_change() {
        let tree = RefCell::new(Tree::new());
        let (sink, body) = body(&tree);
        sink.append(&body, text("一"));
        let first = first_of_body(&tree);
        assert!(
            first.may_grow(),
            "the last text under an open body may grow"
        );
        assert!(first.next_sibling().is_none());
        let p = element(&sink, "p");
        sink.append(&body, NodeOrText::AppendNode(p));
        sink.append(&p, text("二"));
        assert!(!first.may_grow());
        assert!(!tree.borrow().diverged());
    }

    #[test]
    fn text_joined_to_text_read_is_a_change() {
        let tree = RefCell::new(Tree::new());
        let (sink, body) = body(&tree);
        sink.append(&body, text("一"));
        assert!(matches!(first_of_body(&tree).kind(), NodeKind::Text(t) if t == "一"));
        sink.append(&body, text("二"));
        assert!(tree.borrow().diverged());
    }

    #[test]
    fn a_node_put_before_one_handed_out_is_a_change() {
        let tree = RefCell::new(Tree::new());
        let (sink, body) = body(&tree);
        let table = element(&sink, "table");
        sink.append(&body, NodeOrText::AppendNode(table));
        tree.borrow_mut().hold([0, body, table].into_iter());
        let first = first_of_body(&tree);
        assert!(first.is_open(), "the table is open");
        sink.append_before_sibling(&table, text("错放"));
        assert!(tree.borrow().diverged());
    }

    #[test]
    fn a_child_after_the_end_read_is_a_change() {
        let tree = RefCell::new(Tree::new());
        let (sink, body) = body(&tree);
        let p = element(&sink, "p");
        sink.append(&body, NodeOrText::AppendNode(p));
        let first = first_of_body(&tree);
        assert!(
            first.first_child().is_none(),
            "the paragraph is closed and empty"
        );
        sink.append(&p, text("迟到"));
        assert!(tree.borrow().diverged());
    }

    #[test]
    fn an_empty_open_element_is_not_read_as_ended() {
        let tree = RefCell::new(Tree::new());
        let (sink, body) = body(&tree);
        let p = element(&sink, "p");
        sink.append(&body, NodeOrText::AppendNode(p));
        tree.borrow_mut().hold([0, body, p].into_iter());
        assert!(first_of_body(&tree).first_child().is_none());
        sink.append(&p, text("正文"));
        assert!(!tree.borrow().diverged());
    }

    #[test]
    fn moving_a_node_handed_out_is_a_change() {
        let tree = RefCell::new(Tree::new());
        let (sink, body) = body(&tree);
        let b = element(&sink, "b");
        sink.append(&body, NodeOrText::AppendNode(b));
        let _ = first_of_body(&tree);
        sink.remove_from_parent(&b);
        assert!(tree.borrow().diverged());
    }

    #[test]
    fn attributes_added_to_an_element_handed_out_are_a_change_unless_nothing_is_added() {
        let tree = RefCell::new(Tree::new());
        let (sink, body) = body(&tree);
        let _ = Markup::root(&tree).first_child().unwrap();
        let attribute = |name: &str, value: &str| Attribute {
            name: QualName::new(None, ns!(), LocalName::from(name)),
            value: StrTendril::from_slice(value),
        };
        sink.add_attrs_if_missing(&body, vec![attribute("onload", "x()")]);
        assert!(
            !tree.borrow().diverged(),
            "not an attribute the walker reads"
        );
        sink.add_attrs_if_missing(&body, vec![attribute("hidden", "")]);
        assert!(tree.borrow().diverged());
    }

    #[test]
    fn what_the_walker_passed_is_let_go_and_its_slots_used_again() {
        let tree = RefCell::new(Tree::new());
        let (sink, body) = body(&tree);
        let p = element(&sink, "p");
        sink.append(&body, NodeOrText::AppendNode(p));
        sink.append(&p, text("一"));
        let slots = tree.borrow().nodes.len();
        first_of_body(&tree).passed();
        assert!(tree.borrow().node(body).first == NONE);
        assert_eq!(tree.borrow().free.len(), 2, "the paragraph and its text");
        assert!(!tree.borrow().diverged());
        // The tree builder asking after a node let go (which it does not hold) is a change.
        sink.append(&p, text("三"));
        assert!(tree.borrow().diverged());
        let again = element(&sink, "p");
        sink.append(&again, text("二"));
        assert_eq!(tree.borrow().nodes.len(), slots, "no new slot");
    }

    #[test]
    fn a_node_the_tree_builder_holds_keeps_its_slot_when_passed() {
        let tree = RefCell::new(Tree::new());
        let (sink, body) = body(&tree);
        let b = element(&sink, "b");
        sink.append(&body, NodeOrText::AppendNode(b));
        tree.borrow_mut().hold([0, body, b].into_iter());
        first_of_body(&tree).passed();
        assert_eq!(sink.elem_name(&b).local_name(), &LocalName::from("b"));
        assert!(!tree.borrow().diverged());
        sink.append(&b, text("迟到"));
        assert!(
            tree.borrow().diverged(),
            "put under what the walker is done with"
        );
    }
}
