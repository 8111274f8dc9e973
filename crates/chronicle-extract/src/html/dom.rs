//! A small, fast HTML parser: a byte-level tokenizer feeding a simplified
//! HTML5 tree builder, into an arena of nodes.
//!
//! It follows the HTML5 rules that change which element holds which text
//! (void and raw-text elements, implied end tags, scoped end tags, implied
//! `html`/`head`/`body`) and leaves out the ones that only restyle it
//! (reopening formatting elements, foster parenting, implied `tbody`).
//! `<noscript>` is raw text, as for a browser running scripts. Comments,
//! doctypes and processing instructions are dropped. Linear time; nesting
//! deeper than [`MAX_DEPTH`] attaches to the deepest open element.

use super::entities::decode;
pub use super::tag::Tag;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Open elements beyond this depth take no children of their own.
pub const MAX_DEPTH: usize = 512;

/// Attributes kept per element (the duplicate check is quadratic in them).
const MAX_ATTRS: usize = 64;

const NONE: u32 = u32::MAX;

/// A node's index in its [`Dom`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

#[derive(Debug)]
struct Attr<'s> {
    name: Cow<'s, str>,
    value: Cow<'s, str>,
}

#[derive(Debug)]
enum Kind<'s> {
    Document,
    Element {
        name: Cow<'s, str>,
        tag: Tag,
        attrs_start: u32,
        attrs_end: u32,
    },
    Text(Cow<'s, str>),
}

#[derive(Debug)]
struct NodeData<'s> {
    parent: u32,
    first_child: u32,
    last_child: u32,
    prev: u32,
    next: u32,
    kind: Kind<'s>,
}

/// A parsed document: node 0 is the document, elements and texts below it.
#[derive(Debug)]
pub struct Dom<'s> {
    nodes: Vec<NodeData<'s>>,
    attrs: Vec<Attr<'s>>,
}

/// An element's name (lower case) and attributes (values decoded).
#[derive(Debug, Clone, Copy)]
pub struct Element<'a> {
    name: &'a str,
    tag: Tag,
    attrs: &'a [Attr<'a>],
}

impl<'a> Element<'a> {
    #[inline]
    pub fn name(&self) -> &'a str {
        self.name
    }

    /// The interned name ([`Tag::Other`] for names the parser does not know).
    #[inline]
    pub fn tag(&self) -> Tag {
        self.tag
    }

    /// The value of attribute `name` (lower case).
    #[inline]
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        self.attrs
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.value.as_ref())
    }

    /// `(name, value)` pairs in source order, first occurrence of each name.
    #[inline]
    pub fn attrs(&self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        self.attrs
            .iter()
            .map(|a| (a.name.as_ref(), a.value.as_ref()))
    }

    #[inline]
    pub fn id(&self) -> Option<&'a str> {
        self.attr("id")
    }

    #[inline]
    pub fn classes(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.attr("class").unwrap_or("").split_ascii_whitespace()
    }
}

/// A node of a [`Dom`]: cheap to copy, navigable in every direction.
#[derive(Debug, Clone, Copy)]
pub struct NodeRef<'a> {
    dom: &'a Dom<'a>,
    id: u32,
}

impl PartialEq for NodeRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id && std::ptr::eq(self.dom, other.dom)
    }
}

impl Eq for NodeRef<'_> {}

impl<'a> NodeRef<'a> {
    #[inline]
    fn data(&self) -> &'a NodeData<'a> {
        &self.dom.nodes[self.id as usize]
    }

    #[inline]
    fn at(&self, id: u32) -> Option<NodeRef<'a>> {
        (id != NONE).then_some(NodeRef { dom: self.dom, id })
    }

    #[inline]
    pub fn id(&self) -> NodeId {
        NodeId(self.id)
    }

    #[inline]
    pub fn is_document(&self) -> bool {
        matches!(self.data().kind, Kind::Document)
    }

    #[inline]
    pub fn element(&self) -> Option<Element<'a>> {
        match &self.data().kind {
            Kind::Element {
                name,
                tag,
                attrs_start,
                attrs_end,
            } => Some(Element {
                name: name.as_ref(),
                tag: *tag,
                attrs: self
                    .dom
                    .attrs
                    .get(*attrs_start as usize..*attrs_end as usize)
                    .unwrap_or(&[]),
            }),
            _ => None,
        }
    }

    /// The element's name, when this is an element.
    #[inline]
    pub fn name(&self) -> Option<&'a str> {
        match &self.data().kind {
            Kind::Element { name, .. } => Some(name.as_ref()),
            _ => None,
        }
    }

    /// The element's interned name, when this is an element.
    #[inline]
    pub fn tag(&self) -> Option<Tag> {
        match &self.data().kind {
            Kind::Element { tag, .. } => Some(*tag),
            _ => None,
        }
    }

    /// This text node's text (references decoded).
    #[inline]
    pub fn as_text(&self) -> Option<&'a str> {
        match &self.data().kind {
            Kind::Text(t) => Some(t.as_ref()),
            _ => None,
        }
    }

    #[inline]
    pub fn parent(&self) -> Option<NodeRef<'a>> {
        self.at(self.data().parent)
    }

    #[inline]
    pub fn first_child(&self) -> Option<NodeRef<'a>> {
        self.at(self.data().first_child)
    }

    #[inline]
    pub fn last_child(&self) -> Option<NodeRef<'a>> {
        self.at(self.data().last_child)
    }

    #[inline]
    pub fn next_sibling(&self) -> Option<NodeRef<'a>> {
        self.at(self.data().next)
    }

    #[inline]
    pub fn prev_sibling(&self) -> Option<NodeRef<'a>> {
        self.at(self.data().prev)
    }

    #[inline]
    pub fn children(&self) -> impl Iterator<Item = NodeRef<'a>> {
        std::iter::successors(self.first_child(), |n| n.next_sibling())
    }

    /// Following siblings, nearest first.
    #[inline]
    pub fn next_siblings(&self) -> impl Iterator<Item = NodeRef<'a>> {
        std::iter::successors(self.next_sibling(), |n| n.next_sibling())
    }

    /// Preceding siblings, nearest first.
    #[inline]
    pub fn prev_siblings(&self) -> impl Iterator<Item = NodeRef<'a>> {
        std::iter::successors(self.prev_sibling(), |n| n.prev_sibling())
    }

    /// Parent, grandparent, ... up to the document.
    #[inline]
    pub fn ancestors(&self) -> impl Iterator<Item = NodeRef<'a>> {
        std::iter::successors(self.parent(), |n| n.parent())
    }

    /// This node and everything below it, in document order.
    #[inline]
    pub fn descendants(&self) -> Descendants<'a> {
        Descendants {
            root: *self,
            next: Some(*self),
        }
    }

    /// The texts of all text nodes below this one, in document order.
    #[inline]
    pub fn texts(&self) -> impl Iterator<Item = &'a str> {
        self.descendants().filter_map(|n| n.as_text())
    }

    /// All text below this node, concatenated; borrowed when it is a single
    /// text node (a script, a style: the common case).
    #[inline]
    pub fn text_content(&self) -> Cow<'a, str> {
        if let Some(t) = self.as_text() {
            return Cow::Borrowed(t);
        }
        let only = self.first_child().filter(|c| c.next_sibling().is_none());
        if let Some(t) = only.and_then(|c| c.as_text()) {
            return Cow::Borrowed(t);
        }
        Cow::Owned(self.texts().collect())
    }
}

/// Pre-order walk of a subtree (see [`NodeRef::descendants`]).
pub struct Descendants<'a> {
    root: NodeRef<'a>,
    next: Option<NodeRef<'a>>,
}

impl<'a> Iterator for Descendants<'a> {
    type Item = NodeRef<'a>;

    fn next(&mut self) -> Option<NodeRef<'a>> {
        let node = self.next?;
        self.next = match node.first_child() {
            Some(c) => Some(c),
            None => {
                let mut up = node;
                loop {
                    if up == self.root {
                        break None;
                    }
                    if let Some(s) = up.next_sibling() {
                        break Some(s);
                    }
                    match up.parent() {
                        Some(p) => up = p,
                        None => break None,
                    }
                }
            }
        };
        Some(node)
    }
}

impl<'s> Dom<'s> {
    /// Parses a whole page.
    pub fn parse(src: &'s str) -> Dom<'s> {
        let mut b = Builder::new(src);
        b.run();
        Dom {
            nodes: b.nodes,
            attrs: b.attrs,
        }
    }

    pub fn root(&self) -> NodeRef<'_> {
        NodeRef { dom: self, id: 0 }
    }

    pub fn get(&self, id: NodeId) -> Option<NodeRef<'_>> {
        ((id.0 as usize) < self.nodes.len()).then_some(NodeRef {
            dom: self,
            id: id.0,
        })
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    /// Every node in document order.
    pub fn nodes(&self) -> Descendants<'_> {
        self.root().descendants()
    }
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "basefont"
            | "bgsound"
            | "frame"
            | "image"
    )
}

/// Raw text: no markup inside, no references decoded (`title` and
/// `textarea` are the escapable kind, decoded).
fn raw_text_kind(name: &str) -> Option<bool> {
    match name {
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(false),
        "title" | "textarea" => Some(true),
        _ => None,
    }
}

fn is_head_content(name: &str) -> bool {
    matches!(
        name,
        "title"
            | "meta"
            | "link"
            | "script"
            | "style"
            | "base"
            | "noscript"
            | "template"
            | "noframes"
            | "basefont"
            | "bgsound"
    )
}

/// Start tags that end an open `<p>`.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "header"
            | "hgroup"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "section"
            | "summary"
            | "ul"
            | "pre"
            | "listing"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hr"
            | "xmp"
            | "plaintext"
            | "li"
            | "dd"
            | "dt"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// The HTML5 "special" elements: an unmatched end tag does not close them.
fn is_special(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "applet"
            | "area"
            | "article"
            | "aside"
            | "base"
            | "basefont"
            | "bgsound"
            | "blockquote"
            | "body"
            | "br"
            | "button"
            | "caption"
            | "center"
            | "col"
            | "colgroup"
            | "dd"
            | "details"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "embed"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "frame"
            | "frameset"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "iframe"
            | "img"
            | "input"
            | "li"
            | "link"
            | "listing"
            | "main"
            | "marquee"
            | "menu"
            | "meta"
            | "nav"
            | "noembed"
            | "noframes"
            | "noscript"
            | "object"
            | "ol"
            | "p"
            | "param"
            | "plaintext"
            | "pre"
            | "script"
            | "section"
            | "select"
            | "source"
            | "style"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "template"
            | "textarea"
            | "tfoot"
            | "th"
            | "thead"
            | "title"
            | "tr"
            | "track"
            | "ul"
            | "wbr"
            | "xmp"
    )
}

/// End tags of special block elements, closed when in scope.
fn is_block_end(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "button"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "header"
            | "hgroup"
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "pre"
            | "section"
            | "summary"
            | "ul"
            | "applet"
            | "marquee"
            | "object"
            | "select"
    )
}

/// HTML start tags that end foreign (SVG/MathML) content.
fn breaks_out_of_foreign(name: &str) -> bool {
    matches!(
        name,
        "b" | "big"
            | "blockquote"
            | "body"
            | "br"
            | "center"
            | "code"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "em"
            | "embed"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "hr"
            | "i"
            | "img"
            | "li"
            | "listing"
            | "menu"
            | "meta"
            | "nobr"
            | "ol"
            | "p"
            | "pre"
            | "ruby"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "strike"
            | "sub"
            | "sup"
            | "table"
            | "tt"
            | "u"
            | "ul"
            | "var"
    )
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// applet, caption, html, table, td, th, marquee, object, template.
    Default,
    /// Default plus `button`.
    Button,
    /// Default plus `ol`, `ul`.
    ListItem,
    /// html, table, template.
    Table,
}

/// Category bits of a tag (see [`TAG_CLASSES`]).
const SPECIAL: u32 = 1;
const DEFAULT_BOUNDARY: u32 = 1 << 1;
const BUTTON_BOUNDARY: u32 = 1 << 2;
const LIST_BOUNDARY: u32 = 1 << 3;
const TABLE_BOUNDARY: u32 = 1 << 4;
const VOID: u32 = 1 << 5;
const RAW_TEXT: u32 = 1 << 6;
const ESCAPABLE_RAW_TEXT: u32 = 1 << 7;
const HEAD_CONTENT: u32 = 1 << 8;
const CLOSES_P: u32 = 1 << 9;
const HEADING: u32 = 1 << 10;
const BLOCK_END: u32 = 1 << 11;
const BREAKS_FOREIGN: u32 = 1 << 12;

/// The categories of every known tag, worked out once from the name
/// predicates above (unknown names belong to none).
static TAG_CLASSES: LazyLock<Vec<u32>> = LazyLock::new(|| {
    let mut classes = vec![0; super::tag::KNOWN_TAGS.len() + 1];
    for &(name, tag) in super::tag::KNOWN_TAGS.iter() {
        let checks = [
            (is_special(name), SPECIAL),
            (is_scope_boundary(name, Scope::Default), DEFAULT_BOUNDARY),
            (is_scope_boundary(name, Scope::Button), BUTTON_BOUNDARY),
            (is_scope_boundary(name, Scope::ListItem), LIST_BOUNDARY),
            (is_scope_boundary(name, Scope::Table), TABLE_BOUNDARY),
            (is_void(name), VOID),
            (raw_text_kind(name) == Some(false), RAW_TEXT),
            (raw_text_kind(name) == Some(true), ESCAPABLE_RAW_TEXT),
            (is_head_content(name), HEAD_CONTENT),
            (closes_p(name), CLOSES_P),
            (is_heading(name), HEADING),
            (is_block_end(name), BLOCK_END),
            (breaks_out_of_foreign(name), BREAKS_FOREIGN),
        ];
        if let Some(slot) = classes.get_mut(tag as usize) {
            *slot = checks
                .iter()
                .filter(|(yes, _)| *yes)
                .fold(0, |acc, (_, bit)| acc | bit);
        }
    }
    classes
});

fn tag_classes(tag: Tag) -> u32 {
    TAG_CLASSES.get(tag as usize).copied().unwrap_or(0)
}

impl Scope {
    fn bit(self) -> u32 {
        match self {
            Scope::Default => DEFAULT_BOUNDARY,
            Scope::Button => BUTTON_BOUNDARY,
            Scope::ListItem => LIST_BOUNDARY,
            Scope::Table => TABLE_BOUNDARY,
        }
    }
}

fn is_scope_boundary(name: &str, scope: Scope) -> bool {
    match scope {
        Scope::Table => matches!(name, "html" | "table" | "template"),
        _ => {
            matches!(
                name,
                "applet"
                    | "caption"
                    | "html"
                    | "table"
                    | "td"
                    | "th"
                    | "marquee"
                    | "object"
                    | "template"
                    | "foreignobject"
                    | "desc"
                    | "annotation-xml"
                    | "mi"
                    | "mo"
                    | "mn"
                    | "ms"
                    | "mtext"
            ) || (scope == Scope::Button && name == "button")
                || (scope == Scope::ListItem && matches!(name, "ol" | "ul"))
        }
    }
}

#[derive(Clone, Copy)]
struct Open {
    id: u32,
    tag: Tag,
    /// In SVG or MathML (not below an HTML integration point).
    foreign: bool,
    /// [`tag_classes`] of the element.
    class: u32,
}

impl Open {
    fn is_special(&self) -> bool {
        self.class & SPECIAL != 0
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum HeadState {
    NotYet,
    Open,
    Closed,
}

struct Builder<'s> {
    src: &'s str,
    pos: usize,
    nodes: Vec<NodeData<'s>>,
    attrs: Vec<Attr<'s>>,
    stack: Vec<Open>,
    html: Option<u32>,
    body: Option<u32>,
    head: HeadState,
    /// Without a doctype, `<table>` does not end a `<p>`.
    quirks: bool,
    doctype_seen: bool,
    /// The element the last start tag created, and whether it is foreign.
    last_inserted: Option<(u32, bool)>,
}

fn lower<'s>(s: &'s str) -> Cow<'s, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Whether every byte is HTML whitespace; runs of 8 spaces (indentation)
/// are checked a word at a time.
fn is_all_space(bytes: &[u8]) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        if super::content::eight_spaces_at(bytes, i) {
            i += 8;
        } else if is_space(bytes[i]) {
            i += 1;
        } else {
            return false;
        }
    }
    true
}

/// Position of the first `needle` (ASCII) at or after `from`.
fn find_from(src: &str, from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(src.as_bytes().get(from..)?, needle).map(|k| from + k)
}

impl<'s> Builder<'s> {
    fn new(src: &'s str) -> Self {
        let mut nodes = Vec::with_capacity(src.len() / 40 + 16);
        nodes.push(NodeData {
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            kind: Kind::Document,
        });
        Builder {
            src,
            pos: 0,
            nodes,
            attrs: Vec::with_capacity(src.len() / 60 + 16),
            stack: Vec::with_capacity(64),
            html: None,
            body: None,
            head: HeadState::NotYet,
            quirks: true,
            doctype_seen: false,
            last_inserted: None,
        }
    }

    fn bytes(&self) -> &'s [u8] {
        self.src.as_bytes()
    }

    fn run(&mut self) {
        let len = self.src.len();
        let mut text_start = self.pos;
        let mut scan = self.pos;
        while scan < len {
            let Some(lt) = memchr::memchr(b'<', &self.bytes()[scan..]).map(|k| scan + k) else {
                break;
            };
            let next = self.bytes().get(lt + 1).copied();
            let is_markup = match next {
                Some(b) if b.is_ascii_alphabetic() => true,
                Some(b'/' | b'!' | b'?') => true,
                _ => false,
            };
            if !is_markup {
                scan = lt + 1;
                continue;
            }
            self.text(text_start, lt);
            self.pos = lt;
            match next {
                Some(b'/') => self.end_tag_token(),
                Some(b'!') => self.bang(),
                Some(b'?') => self.bogus_comment(lt + 2),
                _ => self.start_tag_token(),
            }
            text_start = self.pos;
            scan = self.pos;
        }
        self.text(text_start, len);
    }

    /// Skips to just past the next `>`.
    fn bogus_comment(&mut self, from: usize) {
        self.pos = match memchr::memchr(b'>', self.bytes().get(from..).unwrap_or(&[])) {
            Some(k) => from + k + 1,
            None => self.src.len(),
        };
    }

    /// `<!--`, `<!DOCTYPE`, `<![CDATA[` or a bogus comment.
    fn bang(&mut self) {
        let p = self.pos;
        let rest = &self.bytes()[p + 2..];
        if rest.starts_with(b"--") {
            let body = p + 4;
            // `<!-->` and `<!--->` are empty comments
            for short in [&b">"[..], b"->"] {
                if self.bytes()[body..].starts_with(short) {
                    self.pos = body + short.len();
                    return;
                }
            }
            let mut from = body;
            loop {
                match find_from(self.src, from, b"--") {
                    Some(k) => {
                        let after = &self.bytes()[k + 2..];
                        if after.starts_with(b">") {
                            self.pos = k + 3;
                            return;
                        }
                        if after.starts_with(b"!>") {
                            self.pos = k + 4;
                            return;
                        }
                        from = k + 1;
                    }
                    None => {
                        self.pos = self.src.len();
                        return;
                    }
                }
            }
        }
        if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
            let end = memchr::memchr(b'>', rest).map_or(self.src.len(), |k| p + 2 + k + 1);
            if !self.doctype_seen && self.nodes.len() == 1 {
                let text = self.src.get(p..end).unwrap_or("").to_ascii_lowercase();
                self.quirks = is_quirks_doctype(&text);
            }
            self.doctype_seen = true;
            self.pos = end;
            return;
        }
        if rest.starts_with(b"[CDATA[") && self.current_foreign() {
            let start = p + 9;
            let end = find_from(self.src, start, b"]]>").unwrap_or(self.src.len());
            self.text(start, end);
            self.pos = (end + 3).min(self.src.len());
            return;
        }
        self.bogus_comment(p + 2);
    }

    fn current_foreign(&self) -> bool {
        self.stack.last().is_some_and(|o| o.foreign)
    }

    /// Reads a start tag at `self.pos` (`<` then a letter).
    fn start_tag_token(&mut self) {
        let bytes = self.bytes();
        let len = bytes.len();
        let name_start = self.pos + 1;
        let mut i = name_start;
        while i < len && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
            i += 1;
        }
        let name = lower(&self.src[name_start..i]);
        let attrs_start = self.attrs.len();
        let mut self_closing = false;
        loop {
            while i < len && (is_space(bytes[i]) || bytes[i] == b'/') {
                self_closing = bytes[i] == b'/';
                i += 1;
            }
            if i >= len {
                // a tag cut off by the end of input is dropped
                self.attrs.truncate(attrs_start);
                self.pos = len;
                return;
            }
            if bytes[i] == b'>' {
                i += 1;
                break;
            }
            self_closing = false;
            let an_start = i;
            i += 1; // the first character may be `=`
            while i < len && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            let an_end = i;
            while i < len && is_space(bytes[i]) {
                i += 1;
            }
            let mut value: &'s str = "";
            if i < len && bytes[i] == b'=' {
                i += 1;
                while i < len && is_space(bytes[i]) {
                    i += 1;
                }
                if i < len && (bytes[i] == b'"' || bytes[i] == b'\'') {
                    let q = bytes[i];
                    match memchr::memchr(q, &bytes[i + 1..]) {
                        Some(k) => {
                            value = &self.src[i + 1..i + 1 + k];
                            i = i + 1 + k + 1;
                        }
                        None => {
                            self.attrs.truncate(attrs_start);
                            self.pos = len;
                            return;
                        }
                    }
                } else {
                    let v_start = i;
                    while i < len && !is_space(bytes[i]) && bytes[i] != b'>' {
                        i += 1;
                    }
                    value = &self.src[v_start..i];
                }
            }
            let an = lower(&self.src[an_start..an_end]);
            let kept = &self.attrs[attrs_start..];
            if kept.len() < MAX_ATTRS && !kept.iter().any(|a| a.name == an) {
                self.attrs.push(Attr {
                    name: an,
                    value: decode(value, true),
                });
            }
        }
        self.pos = i;
        let attrs = (attrs_start as u32, self.attrs.len() as u32);
        let tag = Tag::from_name(&name);
        let class = tag_classes(tag);
        self.last_inserted = None;
        self.start_tag(name, tag, attrs, self_closing);
        // raw text even when the depth cap kept the element off the stack
        if let Some((id, false)) = self.last_inserted {
            if class & (RAW_TEXT | ESCAPABLE_RAW_TEXT) != 0 {
                self.raw_text(id, class & ESCAPABLE_RAW_TEXT != 0);
            } else if tag == Tag::Plaintext {
                let start = self.pos;
                if start < len {
                    self.append_text(id, Cow::Borrowed(&self.src[start..]));
                }
                self.pos = len;
            }
        }
    }

    /// Text up to the matching end tag of element `top`, just opened.
    fn raw_text(&mut self, top: u32, escapable: bool) {
        let name = self.name_of(top).unwrap_or("").as_bytes();
        let start = self.pos;
        let bytes = self.bytes();
        let mut from = start;
        let end = loop {
            let Some(k) = find_from(self.src, from, b"</") else {
                break bytes.len();
            };
            let after = k + 2;
            let candidate = bytes.get(after..after + name.len());
            let closes = candidate.is_some_and(|c| c.eq_ignore_ascii_case(name))
                && bytes
                    .get(after + name.len())
                    .is_none_or(|&b| is_space(b) || b == b'/' || b == b'>');
            if closes {
                break k;
            }
            from = after;
        };
        if end > start {
            let text = &self.src[start..end];
            let value = if escapable {
                decode(text, false)
            } else {
                Cow::Borrowed(text)
            };
            self.append_text(top, value);
        }
        // the end tag itself is read by the main loop
        self.pos = end;
    }

    /// Reads `</...` at `self.pos`.
    fn end_tag_token(&mut self) {
        let bytes = self.bytes();
        let len = bytes.len();
        let p = self.pos;
        match bytes.get(p + 2) {
            Some(b) if b.is_ascii_alphabetic() => {}
            Some(b'>') => {
                self.pos = p + 3;
                return;
            }
            _ => return self.bogus_comment(p + 2),
        }
        let name_start = p + 2;
        let mut i = name_start;
        while i < len && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
            i += 1;
        }
        let name = lower(&self.src[name_start..i]);
        // attributes on end tags are skipped, quotes respected
        while i < len && bytes[i] != b'>' {
            if bytes[i] == b'"' || bytes[i] == b'\'' {
                match memchr::memchr(bytes[i], &bytes[i + 1..]) {
                    Some(k) => i = i + 1 + k + 1,
                    None => i = len,
                }
            } else {
                i += 1;
            }
        }
        if i >= len {
            self.pos = len;
            return;
        }
        self.pos = i + 1;
        let tag = Tag::from_name(&name);
        self.end_tag(&name, tag);
    }

    fn text(&mut self, start: usize, end: usize) {
        if end <= start {
            return;
        }
        let Some(raw) = self.src.get(start..end) else {
            return;
        };
        let blank = is_all_space(raw.as_bytes());
        if self.html.is_none() {
            if blank {
                return;
            }
            self.ensure_html();
        }
        if !blank && (self.head == HeadState::Open || self.body.is_none()) && !self.in_template() {
            self.ensure_body();
        }
        let parent = self.current();
        let text = if blank {
            Cow::Borrowed(raw)
        } else if memchr::memchr(0, raw.as_bytes()).is_some() {
            // browsers drop NUL characters from text
            Cow::Owned(decode(raw, false).replace('\0', ""))
        } else {
            decode(raw, false)
        };
        self.append_text(parent, text);
    }

    /// Template contents are a tree of their own: no implied `body`.
    fn in_template(&self) -> bool {
        self.stack.iter().any(|o| o.tag == Tag::Template)
    }

    fn current(&self) -> u32 {
        self.stack.last().map_or(0, |o| o.id)
    }

    fn name_of(&self, id: u32) -> Option<&str> {
        match &self.nodes.get(id as usize)?.kind {
            Kind::Element { name, .. } => Some(name.as_ref()),
            _ => None,
        }
    }

    fn append_text(&mut self, parent: u32, text: Cow<'s, str>) {
        let last = self.nodes[parent as usize].last_child;
        if last != NONE {
            if let Kind::Text(t) = &mut self.nodes[last as usize].kind {
                t.to_mut().push_str(&text);
                return;
            }
        }
        self.append(parent, Kind::Text(text));
    }

    fn append(&mut self, parent: u32, kind: Kind<'s>) -> u32 {
        let id = self.nodes.len() as u32;
        let prev = self.nodes[parent as usize].last_child;
        self.nodes.push(NodeData {
            parent,
            first_child: NONE,
            last_child: NONE,
            prev,
            next: NONE,
            kind,
        });
        if prev == NONE {
            self.nodes[parent as usize].first_child = id;
        } else {
            self.nodes[prev as usize].next = id;
        }
        self.nodes[parent as usize].last_child = id;
        id
    }

    /// Adds an element under the current node; pushes it unless `leaf`.
    /// Returns whether it was pushed.
    fn insert(&mut self, name: Cow<'s, str>, tag: Tag, attrs: (u32, u32), leaf: bool) -> bool {
        let parent_open = self.stack.last().copied();
        let foreign = matches!(tag, Tag::Svg | Tag::Math)
            || parent_open.is_some_and(|o| {
                o.foreign && !matches!(o.tag, Tag::Foreignobject | Tag::Desc | Tag::AnnotationXml)
            });
        let parent = parent_open.map_or(0, |o| o.id);
        let id = self.append(
            parent,
            Kind::Element {
                name,
                tag,
                attrs_start: attrs.0,
                attrs_end: attrs.1,
            },
        );
        self.last_inserted = Some((id, foreign));
        if leaf || self.stack.len() >= MAX_DEPTH {
            return false;
        }
        self.stack.push(Open {
            id,
            tag,
            foreign,
            class: tag_classes(tag),
        });
        true
    }

    /// Inserts an element the markup implies (`html`, `head`, `body`, `p`).
    fn insert_implied(&mut self, tag: Tag, name: &'static str, leaf: bool) -> bool {
        self.insert(Cow::Borrowed(name), tag, (0, 0), leaf)
    }

    fn ensure_html(&mut self) {
        if self.html.is_none() {
            self.insert_implied(Tag::Html, "html", false);
            self.html = self.stack.last().map(|o| o.id);
        }
    }

    fn ensure_body(&mut self) {
        if self.body.is_some() {
            return;
        }
        self.ensure_html();
        if self.head == HeadState::NotYet {
            // an empty `<head>`, as browsers make
            self.insert_implied(Tag::Head, "head", true);
        }
        if self.head == HeadState::Open {
            self.close_head();
        }
        self.head = HeadState::Closed;
        self.insert_implied(Tag::Body, "body", false);
        self.body = self.stack.last().map(|o| o.id);
    }

    fn close_head(&mut self) {
        if let Some(i) = self.find_open(|o| o.tag == Tag::Head, Scope::Table) {
            self.stack.truncate(i);
        }
        self.head = HeadState::Closed;
    }

    /// Index in the stack of the nearest open element matching `pred`,
    /// unless a boundary of `scope` comes first.
    fn find_open(&self, pred: impl Fn(&Open) -> bool, scope: Scope) -> Option<usize> {
        let boundary = scope.bit();
        for i in (0..self.stack.len()).rev() {
            let open = &self.stack[i];
            if pred(open) {
                return Some(i);
            }
            if open.class & boundary != 0 {
                return None;
            }
        }
        None
    }

    fn pop_to(&mut self, index: usize) {
        self.stack.truncate(index);
    }

    fn top_tag(&self) -> Option<Tag> {
        self.stack.last().map(|o| o.tag)
    }

    fn close_p(&mut self) {
        if let Some(i) = self.find_open(|o| o.tag == Tag::P, Scope::Button) {
            self.pop_to(i);
        }
    }

    /// Attributes a repeated `<html>`/`<body>` adds to the first one.
    fn merge_attrs(&mut self, target: u32, attrs: (u32, u32)) {
        let Some(Kind::Element {
            attrs_start,
            attrs_end,
            ..
        }) = self.nodes.get(target as usize).map(|n| &n.kind)
        else {
            return;
        };
        let (old_start, old_end) = (*attrs_start as usize, *attrs_end as usize);
        if old_end - old_start >= MAX_ATTRS {
            return;
        }
        let new: Vec<usize> = (attrs.0 as usize..attrs.1 as usize)
            .filter(|&k| {
                !self.attrs[old_start..old_end]
                    .iter()
                    .any(|a| a.name == self.attrs[k].name)
            })
            .collect();
        if new.is_empty() {
            return;
        }
        // copy old and new into a fresh range at the end of the table
        let start = self.attrs.len();
        for k in (old_start..old_end).chain(new) {
            let a = Attr {
                name: self.attrs[k].name.clone(),
                value: self.attrs[k].value.clone(),
            };
            self.attrs.push(a);
        }
        let end = self.attrs.len();
        if let Some(Kind::Element {
            attrs_start,
            attrs_end,
            ..
        }) = self.nodes.get_mut(target as usize).map(|n| &mut n.kind)
        {
            *attrs_start = start as u32;
            *attrs_end = end as u32;
        }
    }

    fn start_tag(&mut self, name: Cow<'s, str>, tag: Tag, attrs: (u32, u32), self_closing: bool) {
        let class = tag_classes(tag);
        match tag {
            Tag::Html => {
                match self.html {
                    Some(h) => self.merge_attrs(h, attrs),
                    None => {
                        self.insert(name, tag, attrs, false);
                        self.html = self.stack.last().map(|o| o.id);
                    }
                }
                return;
            }
            Tag::Head => {
                self.ensure_html();
                if self.head == HeadState::NotYet && self.body.is_none() {
                    self.insert(name, tag, attrs, false);
                    self.head = HeadState::Open;
                }
                return;
            }
            Tag::Body => {
                match self.body {
                    Some(b) => self.merge_attrs(b, attrs),
                    None => {
                        self.ensure_html();
                        if self.head == HeadState::NotYet {
                            self.insert_implied(Tag::Head, "head", true);
                        }
                        if self.head == HeadState::Open {
                            self.close_head();
                        }
                        self.head = HeadState::Closed;
                        self.insert(name, tag, attrs, false);
                        self.body = self.stack.last().map(|o| o.id);
                    }
                }
                return;
            }
            _ => {}
        }
        self.ensure_html();
        if class & HEAD_CONTENT != 0 {
            if self.body.is_none() && self.head == HeadState::NotYet {
                self.insert_implied(Tag::Head, "head", false);
                self.head = HeadState::Open;
            }
        } else if (self.head == HeadState::Open || self.body.is_none()) && !self.in_template() {
            self.ensure_body();
        }
        if self.current_foreign() {
            if class & BREAKS_FOREIGN != 0 {
                while self.current_foreign() {
                    self.stack.pop();
                }
            } else {
                self.insert(name, tag, attrs, self_closing);
                return;
            }
        }
        match tag {
            Tag::Li => self.close_list_item(|t| t == Tag::Li),
            Tag::Dd | Tag::Dt => self.close_list_item(|t| matches!(t, Tag::Dd | Tag::Dt)),
            // a form inside a form is dropped (its content stays)
            Tag::Form
                if self
                    .find_open(|o| o.tag == Tag::Form, Scope::Table)
                    .is_some() =>
            {
                return
            }
            Tag::A => {
                // an open link is closed by a new one, when only inline
                // elements lie between
                for i in (0..self.stack.len()).rev() {
                    if self.stack[i].tag == Tag::A {
                        self.pop_to(i);
                        break;
                    }
                    if self.stack[i].is_special() {
                        break;
                    }
                }
            }
            Tag::Option if self.top_tag() == Some(Tag::Option) => {
                self.stack.pop();
            }
            Tag::Optgroup => {
                if self.top_tag() == Some(Tag::Option) {
                    self.stack.pop();
                }
                if self.top_tag() == Some(Tag::Optgroup) {
                    self.stack.pop();
                }
            }
            Tag::Rp | Tag::Rt | Tag::Rb | Tag::Rtc => {
                if matches!(self.top_tag(), Some(Tag::Rp | Tag::Rt | Tag::Rb)) {
                    self.stack.pop();
                }
            }
            Tag::Td | Tag::Th => self.clear_table_context(|t| {
                matches!(
                    t,
                    Tag::Tr | Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Table
                )
            }),
            Tag::Tr => self.clear_table_context(|t| {
                matches!(t, Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Table)
            }),
            Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Caption | Tag::Colgroup => {
                self.clear_table_context(|t| t == Tag::Table)
            }
            Tag::Table => {
                // a table directly inside a table (not in a cell) ends it
                for i in (0..self.stack.len()).rev() {
                    let t = self.stack[i].tag;
                    if t == Tag::Table {
                        self.pop_to(i);
                        break;
                    }
                    if matches!(
                        t,
                        Tag::Td | Tag::Th | Tag::Caption | Tag::Html | Tag::Template
                    ) {
                        break;
                    }
                }
            }
            Tag::Select => {
                if let Some(i) = self.find_open(|o| o.tag == Tag::Select, Scope::Table) {
                    self.pop_to(i);
                    return;
                }
            }
            _ => {}
        }
        if class & CLOSES_P != 0 || (tag == Tag::Table && !self.quirks) {
            self.close_p();
        }
        if class & HEADING != 0 && self.stack.last().is_some_and(|o| o.class & HEADING != 0) {
            self.stack.pop();
        }
        if tag == Tag::Image {
            self.insert_implied(Tag::Img, "img", true);
        } else {
            self.insert(name, tag, attrs, class & VOID != 0);
        }
    }

    /// Closes an open `li` (or `dd`/`dt`) unless a special element other
    /// than `address`, `div`, `p` comes first.
    fn close_list_item(&mut self, pred: impl Fn(Tag) -> bool) {
        for i in (0..self.stack.len()).rev() {
            let open = self.stack[i];
            if pred(open.tag) {
                self.pop_to(i);
                return;
            }
            if open.is_special() && !matches!(open.tag, Tag::Address | Tag::Div | Tag::P) {
                return;
            }
        }
    }

    /// Inside a table, pops back to the nearest element `keep` accepts
    /// (a row, a table section...).
    fn clear_table_context(&mut self, keep: impl Fn(Tag) -> bool) {
        if self
            .find_open(|o| o.tag == Tag::Table, Scope::Table)
            .is_none()
        {
            return;
        }
        while let Some(top) = self.stack.last() {
            if keep(top.tag) || matches!(top.tag, Tag::Html | Tag::Template) {
                return;
            }
            self.stack.pop();
        }
    }

    fn end_tag(&mut self, name: &str, tag: Tag) {
        let class = tag_classes(tag);
        match tag {
            Tag::Html | Tag::Body => {}
            Tag::Template => {
                let open = (0..self.stack.len())
                    .rev()
                    .find(|&i| self.stack[i].tag == Tag::Template);
                if let Some(i) = open {
                    self.pop_to(i);
                }
            }
            Tag::Head => {
                if self.head == HeadState::Open {
                    self.close_head();
                }
            }
            Tag::Br => self.start_tag(Cow::Borrowed("br"), Tag::Br, (0, 0), false),
            Tag::P => match self.find_open(|o| o.tag == Tag::P, Scope::Button) {
                Some(i) => self.pop_to(i),
                None => {
                    // `</p>` alone stands for an empty paragraph
                    self.ensure_body();
                    self.insert_implied(Tag::P, "p", true);
                }
            },
            Tag::Li => {
                if let Some(i) = self.find_open(|o| o.tag == Tag::Li, Scope::ListItem) {
                    self.pop_to(i);
                }
            }
            Tag::Dd | Tag::Dt => {
                if let Some(i) = self.find_open(|o| o.tag == tag, Scope::Default) {
                    self.pop_to(i);
                }
            }
            _ if class & HEADING != 0 => {
                if let Some(i) = self.find_open(|o| o.class & HEADING != 0, Scope::Default) {
                    self.pop_to(i);
                }
            }
            Tag::Form => {
                // the form leaves the stack; elements opened inside stay open
                if let Some(i) = self.find_open(|o| o.tag == Tag::Form, Scope::Default) {
                    self.stack.remove(i);
                }
            }
            Tag::Table
            | Tag::Tr
            | Tag::Td
            | Tag::Th
            | Tag::Tbody
            | Tag::Thead
            | Tag::Tfoot
            | Tag::Caption => {
                if let Some(i) = self.find_open(|o| o.tag == tag, Scope::Table) {
                    self.pop_to(i);
                }
            }
            _ if class & BLOCK_END != 0 => {
                if let Some(i) = self.find_open(|o| o.tag == tag, Scope::Default) {
                    self.pop_to(i);
                }
            }
            _ => {
                // any other: close the nearest match unless a special
                // element comes first
                for i in (0..self.stack.len()).rev() {
                    let open = self.stack[i];
                    let same = open.tag == tag
                        && (tag != Tag::Other || self.name_of(open.id) == Some(name));
                    if same {
                        self.pop_to(i);
                        return;
                    }
                    if open.is_special() && !open.foreign {
                        return;
                    }
                }
            }
        }
    }
}

/// Doctypes that put a page in quirks mode (only what changes the tree
/// here: whether `<table>` ends a `<p>`).
fn is_quirks_doctype(lower: &str) -> bool {
    let Some(rest) = lower.strip_prefix("<!doctype") else {
        return true;
    };
    let rest = rest.trim_start();
    if !rest.starts_with("html") {
        return true;
    }
    let has_system = rest.contains("http://www.w3.org/tr/") || rest.contains("\"http");
    if rest.contains("-//w3c//dtd html 4.01 transitional")
        || rest.contains("-//w3c//dtd html 4.01 frameset")
    {
        return !has_system;
    }
    rest.contains("-//w3c//dtd html 3")
        || rest.contains("-//w3c//dtd html 4.0 transitional")
        || rest.contains("-//ietf//dtd html")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write;

    fn outline(dom: &Dom<'_>) -> String {
        let mut out = String::new();
        for node in dom.nodes() {
            let depth = node.ancestors().count().saturating_sub(1);
            let indent = "  ".repeat(depth);
            if let Some(el) = node.element() {
                let _ = write!(out, "{indent}<{}", el.name());
                for (k, v) in el.attrs() {
                    let _ = write!(out, " {k}={v:?}");
                }
                out.push_str(">\n");
            } else if let Some(t) = node.as_text() {
                if !t.trim().is_empty() {
                    let _ = writeln!(out, "{indent}{t:?}");
                }
            }
        }
        out
    }

    fn check(name: &str, fixture: &str) {
        let Some((input, want)) = fixture.split_once("\n----\n") else {
            panic!("{name}: no ---- separator");
        };
        let dom = Dom::parse(input);
        assert_eq!(outline(&dom).trim_end(), want.trim_end(), "{name}");
    }

    #[test]
    fn all_space_matches_a_byte_scan() {
        for text in [
            "",
            " ",
            "\n                \t        ",
            "                x",
            "        \u{b}        ",
            "\r\n\x0c                                ",
        ] {
            let want = text.bytes().all(is_space);
            assert_eq!(is_all_space(text.as_bytes()), want, "{text:?}");
        }
    }

    #[test]
    fn outline_fixtures() {
        let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/dom"));
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("fixture dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        assert!(paths.len() >= 4);
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("fixture");
            check(&path.display().to_string(), &text);
        }
    }

    #[test]
    fn tags_are_interned() {
        for (name, tag) in super::super::tag::KNOWN_TAGS {
            assert_eq!(Tag::from_name(name), tag);
        }
        assert_eq!(Tag::from_name("custom-element"), Tag::Other);
        // every name a category test knows is a known tag
        for name in [
            "plaintext",
            "annotation-xml",
            "foreignobject",
            "listing",
            "xmp",
        ] {
            assert_ne!(Tag::from_name(name), Tag::Other, "{name}");
        }
        assert_ne!(tag_classes(Tag::Br) & VOID, 0);
        assert_ne!(tag_classes(Tag::Textarea) & ESCAPABLE_RAW_TEXT, 0);
        assert_eq!(tag_classes(Tag::Other), 0);
    }

    #[test]
    fn navigation() {
        let dom = Dom::parse("<div id=a class='x  y'><p>one</p><!-- c --><p>two</p>tail</div>");
        let div = dom.nodes().find(|n| n.name() == Some("div")).expect("div");
        let el = div.element().expect("element");
        assert_eq!(el.id(), Some("a"));
        assert_eq!(el.classes().collect::<Vec<_>>(), ["x", "y"]);
        assert_eq!(div.texts().collect::<String>(), "onetwotail");
        let second = div.children().nth(1).expect("second p");
        assert_eq!(second.texts().collect::<String>(), "two");
        assert_eq!(second.prev_siblings().count(), 1);
        assert_eq!(second.next_siblings().count(), 1);
        let names: Vec<_> = second.ancestors().filter_map(|a| a.name()).collect();
        assert_eq!(names, ["div", "body", "html"]);
        assert!(second.ancestors().last().is_some_and(|r| r.is_document()));
        assert_eq!(div.descendants().count(), 6);
    }

    #[test]
    fn depth_is_capped_and_odd_input_survives() {
        let many_attrs: String = (0..5000).map(|i| format!(" a{i}=x")).collect();
        let page = format!("<p{many_attrs}>t</p><body{many_attrs}><body{many_attrs}>");
        let dom = Dom::parse(&page);
        let p = dom.nodes().find(|n| n.name() == Some("p")).expect("p");
        assert_eq!(p.element().map(|e| e.attrs().count()), Some(MAX_ATTRS));
        let deep = "<div>".repeat(5000) + "deep text" + &"</div>".repeat(5000);
        let dom = Dom::parse(&deep);
        let text = dom.nodes().find_map(|n| n.as_text()).expect("text");
        assert_eq!(text, "deep text");
        let max = dom
            .nodes()
            .map(|n| n.ancestors().count())
            .max()
            .unwrap_or(0);
        assert!(max <= MAX_DEPTH + 2, "depth {max}");
        for odd in [
            "",
            "<",
            "</",
            "<a",
            "<a href='x",
            "<!--",
            "<!doctype",
            "&",
            "&#x",
            "<p>é&",
            "<script>never closed",
            "<title>t",
            "<![CDATA[",
            "</ >",
            "<a\u{e9}b>x</a\u{e9}b>",
        ] {
            let dom = Dom::parse(odd);
            let _ = outline(&dom);
        }
    }
}
