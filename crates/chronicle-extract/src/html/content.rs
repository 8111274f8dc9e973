//! Main-text selection.
//!
//! One walk over the DOM cuts the page into text blocks (paragraph-level units)
//! and records, for every element, the range of blocks it holds (blocks come in
//! document order, so a subtree's blocks are contiguous). Boilerplate markers
//! (tags such as `nav`, class/id words such as `comments`, hidden elements) mark
//! block ranges as removed. Each block then gets a weight (long, link-poor text
//! is positive; link lists and short fragments negative); with prefix sums every
//! element's score is O(1), and the best element is the article container.
//! Its blocks, less removed and link-heavy ones, are the main text.

use super::dom::{Dom, Element, NodeRef, Tag};
use super::furniture;
use super::meta::MetaCollector;
use aho_corasick::AhoCorasick;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// What the walk produced.
pub(crate) struct Content {
    pub paragraphs: Vec<String>,
    pub boilerplate: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    /// `h1`: the headline, reported as the title rather than as text.
    Title,
    Heading,
    Paragraph,
    ListItem,
    TableRow,
    Quote,
    Pre,
    Other,
}

#[derive(Debug)]
struct Block {
    text: String,
    chars: usize,
    link_chars: usize,
    /// Link text before any plain text: "Headline(link) excerpt" teasers.
    leading_link_chars: usize,
    kind: BlockKind,
    /// Inside an element whose class/id says "article body".
    in_body_hint: bool,
}

/// One element's extent in the block list.
struct ElemRecord {
    start: usize,
    end: usize,
    /// Multiplier for semantic containers (`article`, `itemprop=articleBody`, ...).
    bonus: f64,
    /// Index of the parent element's record.
    parent: Option<usize>,
}

/// A subtree marked as boilerplate.
struct Removal {
    start: usize,
    end: usize,
    /// Soft removals are undone when they would take most of the page's prose
    /// (a page-wide `<form>`, a wrapper class that happens to say "sidebar").
    soft: bool,
    /// The marking element (`tag.class`), kept only for the debug listing.
    label: String,
    /// Opened by a section heading ("Related"): undone when it would take the
    /// article body or when no prose precedes it.
    heading: bool,
    /// A strong marker from class words alone (not hidden): undone when it
    /// wraps most of the page and its prose (`<div id="theme-taboola">`
    /// around everything).
    page_wide_veto: bool,
}

struct Frame {
    record: usize,
    block_level: bool,
    kind: Option<BlockKind>,
    /// This element's kind, else the nearest ancestor's (the kind of blocks
    /// flushed inside it), so a flush need not scan the stack.
    inner_kind: Option<BlockKind>,
    is_link: bool,
    removal: Option<(usize, bool)>,
    body_hint: bool,
    table_cell: bool,
    muted: bool,
    /// Removal opened by a "Related stories" heading inside this element.
    tail_removal: Option<usize>,
    page_root: bool,
}

struct Walker<'m> {
    meta: &'m mut MetaCollector,
    blocks: Vec<Block>,
    records: Vec<ElemRecord>,
    removals: Vec<Removal>,
    stack: Vec<Frame>,
    buf: String,
    buf_link_chars: usize,
    buf_leading_link_chars: usize,
    buf_has_plain: bool,
    link_depth: u32,
    /// Inside an inline element marked as boilerplate: its text is dropped
    /// here, since block ranges cannot cut inside a paragraph.
    muted_depth: u32,
    body_hint_depth: u32,
    article_depth: u32,
    header_depth: u32,
    /// Consecutive `<br>`s with only whitespace between: two make a break.
    pending_br: bool,
    /// Record removal labels for [`debug_listing`].
    debug: bool,
    /// Walking the markup of a `<noscript>` (not nested further).
    in_noscript: bool,
    class_flags: ClassFlagsCache,
}

/// Elements whose content is never text.
fn is_dropped_tag(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Script
            | Tag::Style
            | Tag::Noscript
            | Tag::Template
            | Tag::Svg
            | Tag::Math
            | Tag::Iframe
            | Tag::Object
            | Tag::Embed
            | Tag::Canvas
            | Tag::Select
            | Tag::Option
            | Tag::Button
            | Tag::Textarea
            | Tag::Input
            | Tag::Title
            | Tag::Video
            | Tag::Audio
            | Tag::Picture
            | Tag::Map
            | Tag::Dialog
    )
}

/// Ruby readings (furigana) are set above the base text and left out of
/// its running text, unless `<rp>` parentheses give them an inline fallback
/// ("base（reading）").
fn follows_rp(node: NodeRef<'_>) -> bool {
    node.prev_siblings()
        .find_map(|n| n.name())
        .is_some_and(|name| name == "rp")
}

fn is_block_tag(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Address
            | Tag::Article
            | Tag::Aside
            | Tag::Blockquote
            | Tag::Body
            | Tag::Center
            | Tag::Dd
            | Tag::Details
            | Tag::Div
            | Tag::Dl
            | Tag::Dt
            | Tag::Fieldset
            | Tag::Figcaption
            | Tag::Figure
            | Tag::Footer
            | Tag::Form
            | Tag::H1
            | Tag::H2
            | Tag::H3
            | Tag::H4
            | Tag::H5
            | Tag::H6
            | Tag::Header
            | Tag::Hgroup
            | Tag::Hr
            | Tag::Html
            | Tag::Li
            | Tag::Main
            | Tag::Nav
            | Tag::Ol
            | Tag::P
            | Tag::Pre
            | Tag::Section
            | Tag::Summary
            | Tag::Table
            | Tag::Tbody
            | Tag::Thead
            | Tag::Tfoot
            | Tag::Tr
            | Tag::Ul
            | Tag::Caption
            | Tag::Legend
    )
}

fn block_kind(tag: Tag) -> Option<BlockKind> {
    Some(match tag {
        Tag::H1 => BlockKind::Title,
        Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => BlockKind::Heading,
        Tag::P => BlockKind::Paragraph,
        Tag::Li | Tag::Dd | Tag::Dt => BlockKind::ListItem,
        Tag::Tr => BlockKind::TableRow,
        Tag::Blockquote => BlockKind::Quote,
        Tag::Pre => BlockKind::Pre,
        _ => return None,
    })
}

/// Tags that mark their subtree as page furniture.
fn is_furniture_tag(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Nav | Tag::Aside | Tag::Footer | Tag::Form | Tag::Figure | Tag::Figcaption | Tag::Menu
    )
}

/// Class/id words that mark boilerplate. Matched against the segments of each
/// class token and the id (split on `-`, `_`, camelCase), so `comment-list`
/// and `socialShare` match but `commentary` does not.
fn is_boilerplate_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"nav"
            | b"navbar"
            | b"navigation"
            | b"menu"
            | b"breadcrumb"
            | b"breadcrumbs"
            | b"sidebar"
            | b"footer"
            | b"comment"
            | b"comments"
            | b"disqus"
            | b"social"
            | b"share"
            | b"sharing"
            | b"sharebar"
            | b"shares"
            | b"related"
            | b"recommended"
            | b"recommendations"
            | b"newsletter"
            | b"subscribe"
            | b"subscription"
            | b"cookie"
            | b"cookies"
            | b"consent"
            | b"gdpr"
            | b"advert"
            | b"advertisement"
            | b"ads"
            | b"ad"
            | b"adslot"
            | b"promo"
            | b"sponsored"
            | b"outbrain"
            | b"taboola"
            | b"widget"
            | b"tags"
            | b"tagcloud"
            | b"pagination"
            | b"pager"
            | b"popup"
            | b"popover"
            | b"tooltip"
            | b"rollover"
            | b"hovercard"
            | b"modal"
            | b"toolbar"
            | b"hidden"
            | b"hide"
            | b"sronly"
            | b"masthead"
            | b"signup"
            | b"paywall"
            | b"banner"
            | b"trending"
            | b"popular"
            | b"byline"
            | b"dateline"
            | b"caption"
            | b"credit"
            | b"skip"
            | b"authorbio"
            | b"authorbox"
            | b"authorinfo"
            | b"aboutauthor"
            | b"aboutthe"
            | b"authordescription"
            | b"autorbox"
            | b"bio"
            | b"biography"
    )
}

fn is_body_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"articlebody"
            | b"storybody"
            | b"entrycontent"
            | b"postcontent"
            | b"articlecontent"
            | b"bodytext"
            | b"articletext"
            | b"storycontent"
            | b"postbody"
            | b"entrybody"
            | b"maincontent"
            | b"richtext"
            | b"storytext"
    )
}

/// What the class and id words of one element say.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct ClassFlags {
    pub boilerplate: bool,
    /// Boilerplate that stands whatever it holds (consent boxes, widgets).
    pub strong: bool,
    pub body: bool,
    pub byline: bool,
    pub updated: bool,
    /// `caption` or `credit` anywhere in the id or class attribute, any case.
    pub caption_word: bool,
}

impl ClassFlags {
    fn merge(&mut self, other: ClassFlags) {
        self.boilerplate |= other.boilerplate;
        self.strong |= other.strong;
        self.body |= other.body;
        self.byline |= other.byline;
        self.updated |= other.updated;
        self.caption_word |= other.caption_word;
    }
}

/// Distinctive enough to count inside a glued token (`relatedposts`);
/// `class_substrings` searches for both lists (these stand as its reference).
#[cfg(test)]
const BOILERPLATE_SUBSTRINGS: &[&str] = &[
    "related",
    "sidebar",
    "breadcrumb",
    "cookie",
    "newsletter",
    "outbrain",
    "taboola",
    "disqus",
    "comments",
    "sharing",
    "social",
];
#[cfg(test)]
const STRONG_SUBSTRINGS: &[&str] = &["cookie", "consent", "gdpr", "outbrain", "taboola", "disqus"];

/// What substrings of a lowercased token say.
#[derive(Default)]
struct Substrings {
    /// One of either list.
    boilerplate: bool,
    /// One of the strong list.
    strong: bool,
    /// `caption` or `credit`.
    caption: bool,
}

/// One pass over the lowercased token, keyed on the byte where a substring
/// can start (the lists together start with nine letters).
fn class_substrings(lower: &[u8]) -> Substrings {
    let mut found = Substrings::default();
    for (i, &b) in lower.iter().enumerate() {
        let rest = &lower[i..];
        match b {
            b'r' => found.boilerplate |= rest.starts_with(b"related"),
            b's' => {
                found.boilerplate |= rest.starts_with(b"sidebar")
                    || rest.starts_with(b"sharing")
                    || rest.starts_with(b"social")
            }
            b'b' => found.boilerplate |= rest.starts_with(b"breadcrumb"),
            b'n' => found.boilerplate |= rest.starts_with(b"newsletter"),
            b'c' => {
                if rest.starts_with(b"cookie") || rest.starts_with(b"consent") {
                    found.strong = true;
                } else {
                    found.boilerplate |= rest.starts_with(b"comments");
                    found.caption |= rest.starts_with(b"caption") || rest.starts_with(b"credit");
                }
            }
            b'o' => found.strong |= rest.starts_with(b"outbrain"),
            b't' => found.strong |= rest.starts_with(b"taboola"),
            b'd' => found.strong |= rest.starts_with(b"disqus"),
            b'g' => found.strong |= rest.starts_with(b"gdpr"),
            _ => {}
        }
    }
    found.boilerplate |= found.strong;
    found
}

/// `content-with-sidebar`, `has-comments`, `no-ads`: a wrapper describing its
/// neighbours, not the thing itself.
fn is_negated_token(lower: &[u8]) -> bool {
    lower.split(|&b| b == b'-' || b == b'_').any(|w| {
        matches!(
            w,
            b"with" | b"has" | b"no" | b"without" | b"show" | b"enable" | b"enabled"
        )
    })
}

/// Class words of elements that hold a byline or date.
fn is_byline_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"date"
            | b"time"
            | b"byline"
            | b"published"
            | b"publish"
            | b"pubdate"
            | b"posted"
            | b"dateline"
            | b"timestamp"
            | b"datum"
            | b"meta"
            | b"updated"
            | b"postdate"
            | b"entrydate"
    )
}

fn is_strong_boilerplate_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"cookie"
            | b"cookies"
            | b"consent"
            | b"gdpr"
            | b"newsletter"
            | b"modal"
            | b"popup"
            | b"disqus"
            | b"outbrain"
            | b"taboola"
    )
}

fn flag_word(f: &mut ClassFlags, w: &[u8]) {
    if is_boilerplate_word(w) {
        f.boilerplate = true;
        if is_strong_boilerplate_word(w) {
            f.strong = true;
        }
    }
    if is_body_word(w) {
        f.body = true;
    }
    if is_byline_word(w) {
        f.byline = true;
    }
    if matches!(w, b"updated" | b"modified") {
        f.updated = true;
    }
}

fn has_caption_word(v: &str) -> bool {
    contains_ignore_ascii_case(v, "caption") || contains_ignore_ascii_case(v, "credit")
}

/// Flags are only ever set, token by token, so the flags of an element are
/// those of its id merged with those of its class attribute; pages repeat
/// the same class attribute hundreds of times, so its flags are cached.
struct ClassFlagsCache {
    by_class: HashMap<String, ClassFlags, BuildHasherDefault<FxHasher>>,
}

impl Default for ClassFlagsCache {
    fn default() -> Self {
        // room for a typical page's distinct class attributes
        ClassFlagsCache {
            by_class: HashMap::with_capacity_and_hasher(256, Default::default()),
        }
    }
}

impl ClassFlagsCache {
    fn flags(&mut self, attrs: &WalkAttrs) -> ClassFlags {
        let mut f = ClassFlags::default();
        if let Some(id) = attrs.id {
            f.merge(cached_token_flags(id));
        }
        if let Some(class) = attrs.class {
            // one token: the token memo holds its flags already
            if is_one_token(class) {
                f.merge(cached_token_flags(class));
                return f;
            }
            let cached = match self.by_class.get(class) {
                Some(&c) => c,
                None => {
                    let c = multi_token_flags(class);
                    self.by_class.insert(class.to_string(), c);
                    c
                }
            };
            f.merge(cached);
        }
        f
    }
}

/// How many tokens of a class attribute are read for their words.
const MAX_CLASS_TOKENS: usize = 12;

/// The flags of a class attribute, from those of its first tokens; the
/// tokens' flags hold their caption words, and the rest of the attribute is
/// searched for those alone.
fn multi_token_flags(class: &str) -> ClassFlags {
    let mut c = ClassFlags::default();
    if !class.is_ascii() {
        let mut tokens = class.split_whitespace();
        for token in tokens.by_ref().take(MAX_CLASS_TOKENS) {
            c.merge(cached_token_flags(token));
        }
        c.caption_word |= tokens.any(has_caption_word);
        return c;
    }
    // ASCII: `split_whitespace` over bytes, without decoding chars
    let bytes = class.as_bytes();
    let mut i = 0;
    let mut taken = 0;
    while taken < MAX_CLASS_TOKENS {
        while bytes.get(i).is_some_and(|&b| is_ascii_space(b)) {
            i += 1;
        }
        let start = i;
        while bytes.get(i).is_some_and(|&b| !is_ascii_space(b)) {
            i += 1;
        }
        if start == i {
            break;
        }
        c.merge(cached_token_flags(&class[start..i]));
        taken += 1;
    }
    c.caption_word |= has_caption_word(&class[i..]);
    c
}

/// Whether `s` is one token: not empty, ASCII and no byte at or below the
/// space (so no whitespace). No early exit: the loop vectorizes.
fn is_one_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().fold(true, |ok, b| ok & (b > b' ' && b < 0x80))
}

/// Token flags seen on earlier pages of this thread: sites share their
/// class names (`menu-item`, `clearfix`, `entry-content`) page after page.
/// Bounded: emptied when full.
struct TokenFlagsMemo {
    by_token: HashMap<Box<str>, ClassFlags, BuildHasherDefault<FxHasher>>,
}

impl Default for TokenFlagsMemo {
    fn default() -> Self {
        // a hundred pages' worth at once, rather than growing (and
        // rehashing) through the first pages
        TokenFlagsMemo {
            by_token: HashMap::with_capacity_and_hasher(TOKEN_MEMO_START, Default::default()),
        }
    }
}

const TOKEN_MEMO_CAPACITY: usize = 50_000;
const TOKEN_MEMO_START: usize = 16_384;

thread_local! {
    static TOKEN_FLAGS_MEMO: RefCell<TokenFlagsMemo> = RefCell::new(TokenFlagsMemo::default());
}

/// The flags of one token, `caption_word` included (memoised with the rest:
/// ids are checked for it on every element, and a class attribute's is
/// that of its tokens).
fn cached_token_flags(token: &str) -> ClassFlags {
    let mut f = ClassFlags::default();
    // too long to be a word list's concern: `token_flags` skips them
    if token.len() > MAX_TOKEN_LEN {
        f.caption_word = has_caption_word(token);
        return f;
    }
    TOKEN_FLAGS_MEMO.with(|memo| match memo.try_borrow_mut() {
        Ok(mut memo) => {
            if let Some(&cached) = memo.by_token.get(token) {
                return cached;
            }
            token_flags(&mut f, token);
            if memo.by_token.len() >= TOKEN_MEMO_CAPACITY {
                memo.by_token.clear();
            }
            memo.by_token.insert(token.into(), f);
            f
        }
        Err(_) => {
            token_flags(&mut f, token);
            f
        }
    })
}

/// A small multiplicative hash (class strings are short and not hostile
/// enough to need SipHash).
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Each id and class token is split into words (on
/// `-`, `_`, `:`, `.` and camelCase), and adjacent words are also tried glued
/// (`article-body` gives `articlebody`), so `comment-list` and `socialShare`
/// match but `commentary` does not.
const MAX_TOKEN_LEN: usize = 100;

fn token_flags(f: &mut ClassFlags, token: &str) {
    let bytes = token.as_bytes();
    if bytes.len() > MAX_TOKEN_LEN {
        return;
    }
    // the token lowercased (ASCII only, so offsets stay), and its word
    // spans, found on the original for camelCase
    let mut lower_buf = [0u8; MAX_TOKEN_LEN];
    let lower = &mut lower_buf[..bytes.len()];
    let mut spans: [(usize, usize); 8] = [(0, 0); 8];
    let mut count = 0;
    let mut start: Option<usize> = None;
    let mut prev_lower = false;
    let mut boundary = |i: usize, sep: bool, camel: bool| {
        if sep || camel {
            if let Some(s) = start.take() {
                if count < spans.len() {
                    spans[count] = (s, i);
                    count += 1;
                }
            }
        }
        if !sep && start.is_none() {
            start = Some(i);
        }
    };
    // class names are nearly always ASCII: bytes then, chars otherwise
    if token.is_ascii() {
        for (i, (&b, low)) in bytes.iter().zip(lower.iter_mut()).enumerate() {
            *low = b.to_ascii_lowercase();
            let sep = matches!(b, b'-' | b'_' | b':' | b'.');
            boundary(i, sep, b.is_ascii_uppercase() && prev_lower);
            prev_lower = b.is_ascii_lowercase() || b.is_ascii_digit();
        }
    } else {
        lower.copy_from_slice(bytes);
        lower.make_ascii_lowercase();
        for (i, c) in token.char_indices() {
            let sep = matches!(c, '-' | '_' | ':' | '.');
            boundary(i, sep, c.is_uppercase() && prev_lower);
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
        }
    }
    if let Some(s) = start {
        if count < spans.len() {
            spans[count] = (s, bytes.len());
            count += 1;
        }
    }
    let lower = &*lower;
    let found = class_substrings(lower);
    f.caption_word |= found.caption;
    if is_negated_token(lower) {
        return;
    }
    f.boilerplate |= found.boilerplate;
    f.strong |= found.strong;
    // page builders name every content box `elementor-widget-…`
    let builder = lower.starts_with(b"elementor");
    let mut glued_buf = [0u8; MAX_TOKEN_LEN];
    for k in 0..count {
        let (a, b) = spans[k];
        let Some(w) = lower.get(a..b) else { continue };
        let skip = match w {
            // `field-label-hidden` hides a field's label, not the field
            b"hidden" | b"hide" => {
                k > 0
                    && spans
                        .get(k - 1)
                        .and_then(|&(c, d)| lower.get(c..d))
                        .is_some_and(|p| matches!(p, b"label" | b"title" | b"heading" | b"caption"))
            }
            b"widget" => builder,
            _ => false,
        };
        if !skip {
            flag_word(f, w);
        }
        if let Some(y) = spans
            .get(k + 1)
            .filter(|_| k + 1 < count)
            .and_then(|&(c, d)| lower.get(c..d))
        {
            // the two words are disjoint parts of the token: they fit
            let glued_len = w.len() + y.len();
            if let Some(glued) = glued_buf.get_mut(..glued_len) {
                glued[..w.len()].copy_from_slice(w);
                glued[w.len()..].copy_from_slice(y);
                flag_word(f, glued);
            }
        }
    }
}

/// The attributes the walk reads, found in one pass over the element's
/// attributes instead of one search per question.
#[derive(Default)]
struct WalkAttrs<'a> {
    id: Option<&'a str>,
    class: Option<&'a str>,
    style: Option<&'a str>,
    role: Option<&'a str>,
    itemprop: Option<&'a str>,
    aria_hidden: Option<&'a str>,
    hidden: bool,
    href: bool,
}

impl<'a> WalkAttrs<'a> {
    fn read(el: &Element<'a>) -> Self {
        let mut found = WalkAttrs::default();
        // the parser keeps the first occurrence of each name only
        for (name, value) in el.attrs() {
            match name {
                "id" => found.id = Some(value),
                "class" => found.class = Some(value),
                "style" => found.style = Some(value),
                "role" => found.role = Some(value),
                "itemprop" => found.itemprop = Some(value),
                "aria-hidden" => found.aria_hidden = Some(value),
                "hidden" => found.hidden = true,
                "href" => found.href = true,
                _ => {}
            }
        }
        found
    }

    fn is_article_body(&self) -> bool {
        self.itemprop
            .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
    }
}

fn is_hidden(attrs: &WalkAttrs) -> bool {
    if attrs.hidden || attrs.aria_hidden == Some("true") {
        return true;
    }
    // most styles say nothing about visibility: skip the squeezed copy
    let style = attrs.style.filter(|s| mentions_display_or_visibility(s));
    if let Some(style) = style {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// Whether `style` holds `display` or `visibility` (ASCII case ignored), in
/// one scan: both words have an `i` second.
fn mentions_display_or_visibility(style: &str) -> bool {
    let bytes = style.as_bytes();
    let word_at = |start: usize, word: &[u8]| {
        bytes
            .get(start..start + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    memchr::memchr2_iter(b'i', b'I', bytes)
        .any(|i| i >= 1 && (word_at(i - 1, b"display") || word_at(i - 1, b"visibility")))
}

fn role_is_furniture(attrs: &WalkAttrs) -> bool {
    matches!(
        attrs.role,
        Some("navigation" | "banner" | "contentinfo" | "complementary" | "menu" | "menubar")
    )
}

/// Elements that are never removed by class words: the page and the article.
fn is_protected(tag: Tag, attrs: &WalkAttrs) -> bool {
    matches!(tag, Tag::Html | Tag::Body | Tag::Article | Tag::Main) || attrs.is_article_body()
}

fn body_bonus(tag: Tag, attrs: &WalkAttrs, flags: ClassFlags) -> f64 {
    if attrs.is_article_body() {
        return 1.5;
    }
    let mut bonus: f64 = 1.0;
    if tag == Tag::Article {
        bonus = 1.15;
    } else if tag == Tag::Main || attrs.role == Some("main") {
        bonus = 1.05;
    }
    if flags.body {
        bonus = bonus.max(1.3);
    }
    bonus
}

impl<'m> Walker<'m> {
    fn flush(&mut self) {
        self.pending_br = false;
        if is_blank(&self.buf) {
            self.clear_buf();
            return;
        }
        let (text, chars) = normalize_ws_counted(&self.buf);
        let kind = self
            .stack
            .last()
            .and_then(|f| f.inner_kind)
            .unwrap_or(BlockKind::Other);
        self.blocks.push(Block {
            link_chars: self.buf_link_chars.min(chars),
            leading_link_chars: self.buf_leading_link_chars.min(chars),
            chars,
            text,
            kind,
            in_body_hint: self.body_hint_depth > 0,
        });
        self.clear_buf();
    }

    fn clear_buf(&mut self) {
        self.buf.clear();
        self.buf_link_chars = 0;
        self.buf_leading_link_chars = 0;
        self.buf_has_plain = false;
    }

    fn push_text(&mut self, t: &str) {
        if self.muted_depth > 0 {
            return;
        }
        let blank = is_blank(t);
        if self.pending_br && !blank {
            self.pending_br = false;
        }
        if self.link_depth > 0 {
            let n = normalized_len(t);
            self.buf_link_chars += n;
            if !self.buf_has_plain {
                self.buf_leading_link_chars += n;
            }
        } else if !blank {
            self.buf_has_plain = true;
        }
        self.buf.push_str(t);
    }

    /// Returns whether to descend into the element.
    fn open(&mut self, node: NodeRef<'_>) -> bool {
        let Some(el) = node.element() else {
            return false;
        };
        let el = &el;
        let name = el.name();
        let tag = el.tag();
        let attrs = WalkAttrs::read(el);
        let flags = self.class_flags.flags(&attrs);
        self.meta.element(
            node,
            super::meta::Context {
                class: flags,
                itemprop: attrs.itemprop,
                in_article: self.article_depth > 0,
                in_header: self.header_depth > 0,
                block_index: self.blocks.len(),
            },
        );
        if tag == Tag::Br {
            if self.pending_br {
                self.flush();
            } else {
                self.buf.push(' ');
                self.pending_br = true;
            }
            return false;
        }
        if tag == Tag::Noscript && !self.in_noscript {
            self.walk_noscript(node);
            return false;
        }
        if is_dropped_tag(tag) || (tag == Tag::Rt && !follows_rp(node)) {
            return false;
        }
        let block_level = is_block_tag(tag);
        if block_level {
            self.flush();
        } else if matches!(tag, Tag::Td | Tag::Th) {
            self.buf.push(' ');
        }
        let hidden = is_hidden(&attrs);
        let boilerplate = !is_protected(tag, &attrs)
            && (hidden
                || is_furniture_tag(tag)
                || role_is_furniture(&attrs)
                || (tag == Tag::Header && self.article_depth == 0)
                || flags.boilerplate);
        // hidden elements and consent/newsletter/widget boxes stand whatever
        // they hold; other markers are soft (undone for a wrapper holding
        // most of the prose)
        let strong = boilerplate && (hidden || flags.strong);
        let removal = boilerplate.then_some(!strong);
        let muted = removal.is_some() && !block_level && tag != Tag::A;
        if muted {
            self.muted_depth += 1;
        }
        let is_link = tag == Tag::A && attrs.href;
        if is_link {
            self.link_depth += 1;
        }
        let body_hint = flags.body || attrs.is_article_body();
        if body_hint {
            self.body_hint_depth += 1;
        }
        if tag == Tag::Article {
            self.article_depth += 1;
        }
        if tag == Tag::Header {
            self.header_depth += 1;
        }
        let record = self.records.len();
        self.records.push(ElemRecord {
            start: self.blocks.len(),
            end: self.blocks.len(),
            bonus: body_bonus(tag, &attrs, flags),
            parent: self.stack.last().map(|f| f.record),
        });
        let label = if self.debug && removal.is_some() {
            format!(
                "{}.{}#{}",
                name,
                attrs.class.unwrap_or(""),
                attrs.id.unwrap_or("")
            )
        } else {
            String::new()
        };
        let removal = removal.map(|soft| {
            self.removals.push(Removal {
                start: self.blocks.len(),
                end: self.blocks.len(),
                soft,
                heading: false,
                page_wide_veto: !soft && !hidden,
                label,
            });
            (self.removals.len() - 1, soft)
        });
        let kind = block_kind(tag);
        self.stack.push(Frame {
            record,
            block_level,
            kind,
            inner_kind: kind.or_else(|| self.stack.last().and_then(|f| f.inner_kind)),
            is_link,
            removal,
            body_hint,
            table_cell: matches!(tag, Tag::Td | Tag::Th),
            muted,
            tail_removal: None,
            page_root: matches!(tag, Tag::Html | Tag::Body),
        });
        true
    }

    /// Blogger and some CMSs render the post with a script and repeat it,
    /// as markup, in `<noscript>` (raw text to a scripting parser): a
    /// sizeable one holding paragraphs is parsed and walked in place.
    fn walk_noscript(&mut self, node: NodeRef<'_>) {
        let markup = node.text_content();
        if markup.len() < 300 || !(markup.contains("<p") || markup.contains("<P")) {
            return;
        }
        let fragment = Dom::parse(&markup);
        self.flush();
        self.in_noscript = true;
        walk_tree(&fragment, self);
        self.in_noscript = false;
    }

    fn close(&mut self, tag: Tag) {
        let Some(frame) = self.stack.pop() else {
            return;
        };
        if frame.block_level {
            // flush while the frame's kind is still visible
            let is_heading = matches!(frame.kind, Some(BlockKind::Heading | BlockKind::Title));
            self.stack.push(frame);
            self.flush();
            let Some(f) = self.stack.pop() else { return };
            if is_heading {
                self.check_section_heading(f.record);
            }
            return self.finish_frame(f, tag);
        }
        self.finish_frame(frame, tag);
    }

    /// After a heading such as "Related stories" or "Comments", the rest of
    /// the enclosing section is boilerplate.
    fn check_section_heading(&mut self, record: usize) {
        let Some(start) = self.records.get(record).map(|r| r.start) else {
            return;
        };
        if start + 1 != self.blocks.len() {
            return;
        }
        let Some(b) = self.blocks.last() else { return };
        if b.chars > 60
            || !(is_section_boilerplate_heading(&b.text) || furniture::is_exact_label(&b.text))
        {
            return;
        }
        // the nearest ancestor holding content before the heading (not just a
        // wrapper around the heading), at most a few levels up
        let depth = self.stack.len();
        for k in (depth.saturating_sub(4)..depth).rev() {
            if self.stack[k].page_root {
                return;
            }
            let rec_start = self.records.get(self.stack[k].record).map(|r| r.start);
            if rec_start.is_some_and(|s| s < start) || k == depth.saturating_sub(4) {
                // a heading inside a box already removed ("related" box) has
                // done its work; the rest of the article stays
                let inside_removed = self.stack[k + 1..].iter().any(|f| f.removal.is_some());
                if self.stack[k].tail_removal.is_none() && !inside_removed {
                    self.removals.push(Removal {
                        start,
                        end: self.blocks.len(),
                        soft: false,
                        heading: true,
                        page_wide_veto: false,
                        label: String::new(),
                    });
                    self.stack[k].tail_removal = Some(self.removals.len() - 1);
                }
                return;
            }
        }
    }

    fn finish_frame(&mut self, frame: Frame, tag: Tag) {
        if frame.table_cell {
            self.buf.push(' ');
        }
        let end = self.blocks.len();
        if let Some(r) = self.records.get_mut(frame.record) {
            r.end = end;
        }
        for i in frame
            .removal
            .map(|(i, _)| i)
            .into_iter()
            .chain(frame.tail_removal)
        {
            if let Some(r) = self.removals.get_mut(i) {
                r.end = end;
            }
        }
        if frame.is_link {
            self.link_depth = self.link_depth.saturating_sub(1);
        }
        if frame.muted {
            self.muted_depth = self.muted_depth.saturating_sub(1);
        }
        if frame.body_hint {
            self.body_hint_depth = self.body_hint_depth.saturating_sub(1);
        }
        if tag == Tag::Article {
            self.article_depth = self.article_depth.saturating_sub(1);
        }
        if tag == Tag::Header {
            self.header_depth = self.header_depth.saturating_sub(1);
        }
    }
}

/// Words of headings that open a section of links or comments, lowercase.
const SECTION_HEADING_WORDS: &[&str] = &[
    "related",
    "you may also like",
    "you might also like",
    "you may like",
    "more from",
    "more stories",
    "more news",
    "read more",
    "read next",
    "recommended",
    "also read",
    "see also",
    "more on this",
    "most popular",
    "most read",
    "trending",
    "comments",
    "leave a reply",
    "leave a comment",
    "share this",
    "lesen sie auch",
    "mehr zum thema",
    "könnte sie auch interessieren",
    "auch interessant",
    "weitere artikel",
    "meistgelesen",
    "kommentare",
    "vous aimerez aussi",
    "lire aussi",
    "sur le même sujet",
    "te puede interesar",
    "noticias relacionadas",
    "leia também",
    "você pode gostar",
    "veja também",
    "potrebbe interessarti",
    "articoli correlati",
    "leggi anche",
];

/// All of them in one automaton: one scan of a heading instead of one each.
static SECTION_HEADING_AUTOMATON: LazyLock<AhoCorasick> =
    LazyLock::new(|| AhoCorasick::new(SECTION_HEADING_WORDS).expect("static patterns"));

fn is_section_boilerplate_heading(text: &str) -> bool {
    let lower = text.to_lowercase();
    SECTION_HEADING_AUTOMATON.is_match(lower.as_str())
        || (text.chars().count() <= 40
            && (lower.starts_with("more ") || lower.starts_with("mehr ")))
}

/// `hay` contains `needle` (lower-case ASCII letters) in any ASCII case.
pub(crate) fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return true;
    };
    let Some(last_start) = h.len().checked_sub(n.len()) else {
        return false;
    };
    let matches_at = |i: usize| {
        h.get(i + 1..i + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(rest))
    };
    if h.len() > 32 {
        // long styles: let memchr find the first letter
        return memchr::memchr2_iter(first, first.to_ascii_uppercase(), &h[..=last_start])
            .any(matches_at);
    }
    // `| 0x20` folds an ASCII capital onto its small letter
    (0..=last_start).any(|i| h[i] | 0x20 == first && matches_at(i))
}

fn is_ascii_space(b: u8) -> bool {
    // what `char::is_whitespace` accepts below 0x80
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// How many of the 8 bytes from `i` are, from the first on, ASCII above the
/// space (word chars of one byte each); 0 when fewer than 8 bytes remain.
#[inline]
fn plain_ascii_run(bytes: &[u8], i: usize) -> usize {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let Some(chunk) = bytes.get(i..i + 8) else {
        return 0;
    };
    let mut w = [0u8; 8];
    w.copy_from_slice(chunk);
    let w = u64::from_le_bytes(w);
    // a byte below 0x21 sets its high bit in `w - 0x21…` where `w` lacks it
    // (borrows can mark later bytes too, never an earlier one); non-ASCII
    // bytes have it already
    let special = (w.wrapping_sub(ONES * 0x21) & !w & HIGH) | (w & HIGH);
    (special.trailing_zeros() / 8) as usize
}

/// Whether 8 spaces start at `i` (indentation: skipped a word at a time).
#[inline]
pub(crate) fn eight_spaces_at(bytes: &[u8], i: usize) -> bool {
    let Some(chunk) = bytes.get(i..i + 8) else {
        return false;
    };
    let mut w = [0u8; 8];
    w.copy_from_slice(chunk);
    u64::from_le_bytes(w) == u64::from_le_bytes([b' '; 8])
}

/// `t.trim().is_empty()`, reading ASCII bytewise (pages are full of
/// indentation between tags).
fn is_blank(t: &str) -> bool {
    let bytes = t.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if eight_spaces_at(bytes, i) {
            i += 8;
            continue;
        }
        let b = bytes[i];
        if !is_ascii_space(b) {
            // only ASCII before `i`: a char boundary
            return b >= 0x80 && t.get(i..).is_some_and(|r| r.trim().is_empty());
        }
        i += 1;
    }
    true
}

/// Whether the text at byte `i` of `s` is whitespace, and how many bytes
/// that covers: eight spaces at once, else one char. Always inlined: it is
/// the inner step of two per-byte loops.
#[inline(always)]
fn space_step(s: &str, i: usize) -> (bool, usize) {
    let bytes = s.as_bytes();
    if eight_spaces_at(bytes, i) {
        return (true, 8);
    }
    match bytes.get(i) {
        Some(&b) if b < 0x80 => (is_ascii_space(b), 1),
        _ => {
            let c = s.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        }
    }
}

/// Length in chars of `t` whitespace-normalised (words and the single
/// spaces between them), without building it.
fn normalized_len(t: &str) -> usize {
    let (mut chars, mut words, mut in_word) = (0usize, 0usize, false);
    let bytes = t.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = plain_ascii_run(bytes, i);
        if run > 0 {
            if !in_word {
                words += 1;
                in_word = true;
            }
            chars += run;
            i += run;
            continue;
        }
        let (space, len) = space_step(t, i);
        if space {
            in_word = false;
        } else {
            chars += 1;
            if !in_word {
                words += 1;
                in_word = true;
            }
        }
        i += len;
    }
    chars + words.saturating_sub(1)
}

pub(crate) fn normalize_ws(s: &str) -> String {
    normalize_ws_counted(s).0
}

/// Words of `s` joined by single spaces (Unicode whitespace, as
/// `split_whitespace`), and the result's length in chars. One pass over
/// the bytes, copying runs of words already single-spaced in one go.
pub(crate) fn normalize_ws_counted(s: &str) -> (String, usize) {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut chars = 0;
    let mut words = 0usize;
    let mut pending: Option<(usize, usize)> = None;
    let mut word_start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let run = plain_ascii_run(bytes, i);
        if run > 0 {
            if word_start.is_none() {
                word_start = Some(i);
            }
            chars += run;
            i += run;
            continue;
        }
        let (space, len) = space_step(s, i);
        if space {
            if let Some(start) = word_start.take() {
                take_word(s, &mut out, &mut pending, (start, i));
                words += 1;
            }
        } else {
            if word_start.is_none() {
                word_start = Some(i);
            }
            // count chars by their first bytes
            chars += 1;
        }
        i += len;
    }
    if let Some(start) = word_start {
        take_word(s, &mut out, &mut pending, (start, s.len()));
        words += 1;
    }
    if let Some((start, end)) = pending {
        push_words(&mut out, &s[start..end]);
    }
    // the single spaces between words
    (out, chars + words.saturating_sub(1))
}

/// Adds the word `s[start..end]` to the words not yet copied (`pending`):
/// joined to them when one ASCII space separates them in `s`, else the
/// pending words are copied to `out` and the word starts a new run.
fn take_word(
    s: &str,
    out: &mut String,
    pending: &mut Option<(usize, usize)>,
    word: (usize, usize),
) {
    let (start, end) = word;
    *pending = match *pending {
        Some((p_start, p_end)) if start == p_end + 1 && s.as_bytes().get(p_end) == Some(&b' ') => {
            Some((p_start, end))
        }
        Some((p_start, p_end)) => {
            push_words(out, &s[p_start..p_end]);
            Some(word)
        }
        None => Some(word),
    };
}

fn push_words(out: &mut String, words: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(words);
}

/// Walks the tree, then ends the last block.
fn walk(doc: &Dom<'_>, w: &mut Walker<'_>) {
    walk_tree(doc, w);
    w.flush();
}

/// Walks the tree without recursion (pages nest thousands deep).
fn walk_tree(doc: &Dom<'_>, w: &mut Walker<'_>) {
    let root = doc.root();
    let mut node = root;
    'outer: loop {
        let mut descend = false;
        if node.element().is_some() {
            descend = w.open(node);
        } else if let Some(t) = node.as_text() {
            w.push_text(t);
        } else if node.is_document() {
            descend = true;
        }
        if descend {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
        }
        loop {
            if descend {
                if let Some(tag) = node.tag() {
                    w.close(tag);
                }
            }
            if node == root {
                break 'outer;
            }
            if let Some(sib) = node.next_sibling() {
                node = sib;
                break;
            }
            match node.parent() {
                Some(p) => node = p,
                None => break 'outer,
            }
            // every ancestor we climb back to was descended into
            descend = true;
        }
    }
}

fn has_sentence_end(t: &str) -> bool {
    t.contains(['.', '!', '?', '。', '!', '?', ':', ';'])
}

/// A short table row that opens with a plain quantity and links the rest
/// ("2 tbsp [brown sugar]"): an item of the article's own table (a recipe's
/// ingredients), not a link list, so its links do not count. (List items are
/// left out: numbered link lists are common furniture.)
fn is_linked_item_row(b: &Block) -> bool {
    b.kind == BlockKind::TableRow
        && b.chars <= 80
        && b.leading_link_chars == 0
        && b.text.starts_with(|c: char| c.is_numeric())
}

fn link_density(b: &Block) -> f64 {
    if b.chars == 0 || is_linked_item_row(b) {
        0.0
    } else {
        b.link_chars as f64 / b.chars as f64
    }
}

/// Content weight of one block, before headings are resolved.
fn block_weight(b: &Block) -> f64 {
    let len = b.chars as f64;
    let ld = link_density(b);
    if ld > 0.5 {
        return -len;
    }
    let prose = len * (1.0 - ld);
    if is_teaser(b) {
        return -0.5 * len;
    }
    match b.kind {
        BlockKind::Heading if !is_long_heading(b) => 0.0,
        BlockKind::TableRow if ld < 0.3 && b.chars >= 5 => 0.4 * len,
        _ if b.chars >= 100 => prose,
        _ if b.chars >= 40 => {
            if has_sentence_end(&b.text) {
                prose * 0.6
            } else {
                prose * 0.1
            }
        }
        _ => -3.0 - len * 0.2,
    }
}

pub(crate) fn extract(doc: &Dom<'_>, meta: &mut MetaCollector) -> Content {
    extract_with(doc, meta, None)
}

/// One line a block: kept flag, removed flag, weight, kind, text head.
pub(crate) fn debug_listing(doc: &Dom<'_>) -> String {
    let mut meta = MetaCollector::default();
    let mut out = String::new();
    extract_with(doc, &mut meta, Some(&mut out));
    out
}

fn extract_with(doc: &Dom<'_>, meta: &mut MetaCollector, debug: Option<&mut String>) -> Content {
    let mut w = Walker {
        meta,
        // typical pages' needs from the start: growing costs copies
        blocks: Vec::with_capacity(256),
        // one per element: at most one per node
        records: Vec::with_capacity(doc.len()),
        removals: Vec::with_capacity(64),
        stack: Vec::with_capacity(64),
        buf: String::with_capacity(1024),
        buf_link_chars: 0,
        buf_leading_link_chars: 0,
        buf_has_plain: false,
        link_depth: 0,
        muted_depth: 0,
        body_hint_depth: 0,
        article_depth: 0,
        header_depth: 0,
        pending_br: false,
        debug: debug.is_some(),
        in_noscript: false,
        class_flags: ClassFlagsCache::default(),
    };
    walk(doc, &mut w);
    let Walker {
        meta,
        blocks,
        records,
        removals,
        ..
    } = w;
    meta.set_blocks(blocks.iter().map(|b| b.text.as_str()));
    select(blocks, records, removals, debug)
}

/// Fenwick tree over block prose, for "prose already removed inside a range".
struct Fenwick(Vec<f64>);

impl Fenwick {
    fn add(&mut self, i: usize, v: f64) {
        let mut i = i + 1;
        while i < self.0.len() {
            self.0[i] += v;
            i += i & i.wrapping_neg();
        }
    }
    fn prefix(&self, i: usize) -> f64 {
        let (mut i, mut s) = (i, 0.0);
        while i > 0 {
            s += self.0[i];
            i -= i & i.wrapping_neg();
        }
        s
    }
    fn range(&self, a: usize, b: usize) -> f64 {
        self.prefix(b) - self.prefix(a)
    }
}

/// Decides which boilerplate markers stand. Markers are taken smallest first;
/// a soft one is undone when the prose it alone would remove exceeds 60% of
/// the prose still left on the page, after the smaller markers inside it
/// have taken theirs (a wrapper whose class happens to say "sidebar" around
/// the article and its comments, a page-wide `<form>`). A strong class-word
/// marker is undone likewise when it also spans most of the page's blocks.
/// Heading-opened removals are undone when they would take the article body.
fn resolve_removals(
    removals: &[Removal],
    blocks: &[Block],
    prose_prefix: &[f64],
    hint_prefix: &[usize],
) -> Vec<bool> {
    let n = blocks.len();
    let total_prose = prose_prefix[n];
    let mut order: Vec<usize> = (0..removals.len())
        .filter(|&i| removals[i].start < removals[i].end && removals[i].end <= n)
        .collect();
    order.sort_by_key(|&i| removals[i].end - removals[i].start);
    let mut covered = Fenwick(vec![0.0; n + 1]);
    let mut covered_total = 0.0;
    // next_free[i]: the first block at or after i not yet removed
    let mut next_free: Vec<usize> = (0..=n).collect();
    fn find(next_free: &mut [usize], mut i: usize) -> usize {
        while next_free[i] != i {
            let up = next_free[next_free[i]];
            next_free[i] = up;
            i = up;
        }
        i
    }
    let mut removed = vec![false; n];
    for i in order {
        let r = &removals[i];
        let inside = covered.range(r.start, r.end);
        let own = prose_prefix[r.end] - prose_prefix[r.start] - inside;
        let remaining = total_prose - covered_total;
        let takes_most = remaining > 0.0 && own > 0.6 * remaining;
        if takes_most && (r.soft || (r.page_wide_veto && (r.end - r.start) * 2 > n)) {
            continue;
        }

        if r.heading
            && ((takes_most && prose_prefix[r.start] < 300.0)
                || hint_prefix[r.end] > hint_prefix[r.start])
        {
            continue;
        }
        let mut j = find(&mut next_free, r.start);
        while j < r.end {
            removed[j] = true;
            let p = prose_prefix[j + 1] - prose_prefix[j];
            covered.add(j, p);
            covered_total += p;
            next_free[j] = j + 1;
            j = find(&mut next_free, j + 1);
        }
    }
    removed
}

fn select(
    blocks: Vec<Block>,
    records: Vec<ElemRecord>,
    removals: Vec<Removal>,
    debug: Option<&mut String>,
) -> Content {
    let n = blocks.len();
    // prose measure for vetoing soft removals
    let mut prose_prefix = vec![0.0f64; n + 1];
    for (i, b) in blocks.iter().enumerate() {
        let p = if b.chars >= 100 && link_density(b) < 0.3 {
            b.chars as f64
        } else {
            0.0
        };
        prose_prefix[i + 1] = prose_prefix[i] + p;
    }
    let mut hint_prefix = vec![0usize; n + 1];
    for (i, b) in blocks.iter().enumerate() {
        hint_prefix[i + 1] = hint_prefix[i] + usize::from(b.in_body_hint);
    }
    let removed = resolve_removals(&removals, &blocks, &prose_prefix, &hint_prefix);
    let mut weights: Vec<f64> = blocks
        .iter()
        .zip(&removed)
        .map(|(b, &r)| if r { 0.0 } else { block_weight(b) })
        .collect();
    // a heading counts as content when prose follows it
    // next kept block after each index, for the heading rule below
    let mut next_kept = vec![None; n + 1];
    for i in (0..n).rev() {
        next_kept[i] = if removed[i] {
            next_kept[i + 1]
        } else {
            Some(i)
        };
    }
    for i in 0..n {
        if removed[i]
            || !matches!(blocks[i].kind, BlockKind::Heading | BlockKind::Title)
            || is_long_heading(&blocks[i])
        {
            continue;
        }
        let next = next_kept[i + 1];
        let len = blocks[i].chars as f64;
        weights[i] = match next {
            Some(j) if weights[j] > 0.0 => 0.5 * len,
            _ => -0.5 * len,
        };
    }
    let mut prefix = vec![0.0f64; n + 1];
    for i in 0..n {
        prefix[i + 1] = prefix[i] + weights[i];
    }

    let mut best: Option<(f64, usize)> = None;
    for (idx, r) in records.iter().enumerate() {
        if r.start >= r.end {
            continue;
        }
        let raw = prefix[r.end] - prefix[r.start];
        if raw <= 0.0 {
            continue;
        }
        let score = raw * r.bonus;
        // on ties the outer element (seen first) stays
        if best.is_none_or(|(s, _)| score > s + 1e-9) {
            best = Some((score, idx));
        }
    }

    let mut paragraphs = Vec::new();
    let mut boilerplate = Vec::new();
    let (start, core_start, end) =
        match best.and_then(|(_, idx)| records.get(idx).map(|r| (r, idx))) {
            Some((r, idx)) => {
                // a lead paragraph often sits just before the body container,
                // in the parent or grandparent: extend leftwards over net prose
                let mut start = r.start;
                let mut up = records[idx].parent;
                for _ in 0..2 {
                    let Some(p) = up.and_then(|p| records.get(p)) else {
                        break;
                    };
                    if p.start < start && prefix[start] - prefix[p.start] > 0.0 {
                        start = p.start;
                    }
                    up = p.parent;
                }
                (start, r.start, r.end)
            }
            None => (0, 0, n),
        };
    let mut keep = vec![false; n];
    for i in start..end {
        if removed[i] {
            continue;
        }
        let b = &blocks[i];
        let ld = link_density(b);
        let ok = match b.kind {
            _ if looks_like_markup(&b.text) || is_byline_or_notice(b) || is_furniture_line(b) => {
                false
            }
            // from the leftward extension only prose is taken
            _ if i < core_start => {
                weights[i] > 0.0 && !matches!(b.kind, BlockKind::Heading | BlockKind::Title)
            }
            BlockKind::Title => false,
            BlockKind::Heading => weights[i] > 0.0,
            _ if b.in_body_hint => ld < 0.8,
            _ => ld <= 0.5 && !is_teaser(b),
        };
        keep[i] = ok;
    }
    cut_after_tail_label(&blocks, &removed, &mut keep, core_start, end);
    // trim short non-prose blocks at the edges (bylines, dates, "Share")
    let mut first = start;
    while first < end && (!keep[first] || is_edge_noise(&blocks[first])) {
        keep[first] = false;
        first += 1;
    }
    let mut last = end;
    while last > first && (!keep[last - 1] || is_edge_noise(&blocks[last - 1])) {
        keep[last - 1] = false;
        last -= 1;
    }
    if let Some(out) = debug {
        use std::fmt::Write;
        for (i, b) in blocks.iter().enumerate() {
            let head: String = b.text.chars().take(2000).collect();
            let _ = writeln!(
                out,
                "{} {} {} {:>8.1} {:?} ld={:.2} {}",
                if (start..end).contains(&i) {
                    "in "
                } else {
                    "out"
                },
                if keep[i] { "KEEP" } else { "    " },
                if removed[i] { "rm" } else { "  " },
                weights[i],
                b.kind,
                link_density(b),
                head
            );
        }
        let _ = writeln!(out, "container blocks {start}..{end}");
        for r in &removals {
            if r.end > r.start {
                let _ = writeln!(
                    out,
                    "removal {}..{} soft={} heading={} {}",
                    r.start, r.end, r.soft, r.heading, r.label
                );
            }
        }
    }
    for (i, b) in blocks.into_iter().enumerate() {
        if keep[i] {
            paragraphs.push(b.text);
        } else if boilerplate.len() < 200 {
            boilerplate.push(b.text);
        }
    }
    Content {
        paragraphs,
        boilerplate,
    }
}

/// Short lines that carry a date, an author credit or a copyright notice
/// rather than article text ("By Jane Roe - Nov 19, 2019, 10:31 pm").
fn is_byline_or_notice(b: &Block) -> bool {
    if b.chars > 160 || b.kind == BlockKind::Heading {
        return false;
    }
    let t = b.text.as_str();
    if t.starts_with('©') || t.starts_with("Copyright") || t.contains("All rights reserved") {
        return true;
    }
    if b.chars <= 80
        && ["By ", "Posted by ", "Von ", "Par ", "Por "]
            .iter()
            .any(|p| t.starts_with(p))
        && !has_sentence_end(t.trim_end_matches('.'))
    {
        return true;
    }
    let dates = super::dates::find_dates(t, false);
    let Some(d) = dates.first() else {
        return false;
    };
    let rest = t.len() - (d.span.1 - d.span.0);
    rest <= 60 && b.link_chars * 2 < b.chars.max(1) + 60
}

/// Contact lines, reference numbers, credits, calls to action and section
/// labels: furniture inside the article container.
fn is_furniture_line(b: &Block) -> bool {
    let (t, n) = (b.text.as_str(), b.chars);
    match b.kind {
        BlockKind::Heading | BlockKind::Title => furniture::is_exact_label(t),
        _ => {
            furniture::is_tail_label(t, n)
                || furniture::is_call_to_action(t, n)
                || (b.kind != BlockKind::TableRow && furniture::is_contact_line(t, n))
                || furniture::is_reference_line(t, n)
                || furniture::is_credit_line(t, n)
        }
    }
}

/// A label such as "Weitere Informationen:" or "About the author" after most
/// of the kept prose opens the furniture that ends the article: the rest goes.
fn cut_after_tail_label(
    blocks: &[Block],
    removed: &[bool],
    keep: &mut [bool],
    from: usize,
    end: usize,
) {
    let prose = |b: &Block| if b.chars >= 80 { b.chars } else { 0 };
    let total: usize = (from..end)
        .filter(|&i| keep[i])
        .map(|i| prose(&blocks[i]))
        .sum();
    let mut before = 0usize;
    for i in from..end {
        let b = &blocks[i];
        // most of the article is above, and less prose below than above
        if !removed[i]
            && before > 0
            && before * 3 >= total * 2
            && furniture::is_cut_label(&b.text, b.chars)
        {
            keep[i..end].iter_mut().for_each(|k| *k = false);
            return;
        }
        if keep[i] {
            before += prose(b);
        }
    }
}

/// Escaped tags shown as text (`&lt;img ...&gt;` in the source).
fn looks_like_markup(t: &str) -> bool {
    t.starts_with('<') && t.ends_with('>') && t.contains('=')
}

/// A "heading" holding a paragraph of prose (a lead set in `<h2>`).
fn is_long_heading(b: &Block) -> bool {
    b.kind == BlockKind::Heading && b.chars >= 120 && has_sentence_end(&b.text)
}

/// Builds every pattern of this module now rather than on first use.
pub(crate) fn compile_patterns() {
    LazyLock::force(&SECTION_HEADING_AUTOMATON);
}

/// "Headline(link) excerpt": a teaser for another page.
fn is_teaser(b: &Block) -> bool {
    b.leading_link_chars >= 25 && b.chars >= b.leading_link_chars + 20
}

fn is_edge_noise(b: &Block) -> bool {
    !matches!(b.kind, BlockKind::Heading) && b.chars < 40 && !has_sentence_end(&b.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixture page opens with `<!-- keep: TEXT -->` and `<!-- drop: TEXT -->`
    /// lines: each TEXT must (keep) or must not (drop) be in the main text.
    fn check(name: &str, html: &str) {
        let doc = Dom::parse(html);
        let mut meta = MetaCollector::default();
        let text = extract(&doc, &mut meta).paragraphs.join("\n");
        let mut expectations = 0;
        for line in html.lines() {
            let Some(rest) = line
                .trim()
                .strip_prefix("<!--")
                .and_then(|l| l.strip_suffix("-->"))
            else {
                continue;
            };
            let rest = rest.trim();
            if let Some(want) = rest.strip_prefix("keep:") {
                assert!(
                    text.contains(want.trim()),
                    "{name}: missing {want:?} in\n{text}"
                );
            } else if let Some(unwanted) = rest.strip_prefix("drop:") {
                assert!(
                    !text.contains(unwanted.trim()),
                    "{name}: kept {unwanted:?} in\n{text}"
                );
            } else {
                continue;
            }
            expectations += 1;
        }
        assert!(expectations > 0, "{name}: no expectations");
    }

    #[test]
    fn plain_ascii_runs_match_a_byte_scan() {
        let text = "ab cd\u{a0}efghijkl\tmnopqrstuvwxyz0123456789-é.";
        let bytes = text.as_bytes();
        for i in 0..bytes.len() {
            let plain = bytes[i..]
                .iter()
                .take_while(|&&b| b > b' ' && b < 0x80)
                .count()
                .min(8);
            let want = if i + 8 <= bytes.len() { plain } else { 0 };
            assert_eq!(plain_ascii_run(bytes, i), want, "at {i}");
        }
    }

    #[test]
    fn whitespace_and_case_helpers() {
        for input in [
            "",
            "   ",
            "one",
            "  two  words ",
            "a\u{a0}b\u{3000}c\u{2009}\td\r\ne",
            "caf\u{e9}  \u{1F600} x",
            " \u{a0}\u{3000} ",
            "\u{b}x",
            "                ",
            "\n                \t        word   ",
            "a        b                c",
            "        \u{a0}        ",
            "  x             y\u{3000}                z",
            "one two  three four five\tsix seven",
            " é à\u{a0}ü ö ß\n\nend of the line ",
            "single spaced words only, long enough for the word-at-a-time scan",
        ] {
            let want = input.split_whitespace().collect::<Vec<_>>().join(" ");
            let (got, chars) = normalize_ws_counted(input);
            assert_eq!(got, want, "{input:?}");
            assert_eq!(chars, want.chars().count(), "{input:?}");
            assert_eq!(normalized_len(input), chars, "{input:?}");
            assert_eq!(is_blank(input), input.trim().is_empty(), "{input:?}");
        }
        assert!(contains_ignore_ascii_case("wp-Caption-text", "caption"));
        assert!(contains_ignore_ascii_case("DISPLAY:none", "display"));
        assert!(!contains_ignore_ascii_case("capti", "caption"));
        assert!(!contains_ignore_ascii_case("c@ption", "caption"));
        for style in [
            "",
            "i",
            "color:red",
            "Display: none",
            "margin:0;VISIBILITY:hidden",
            "dsplay:none;visibilit:hidden",
            "xdisplayx",
            "font-family:serif;opacity:0.5;width:100%;height:auto;display",
            "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiivisibility",
            "d\u{e9}isplay visib\u{e9}lity",
        ] {
            let want = contains_ignore_ascii_case(style, "display")
                || contains_ignore_ascii_case(style, "visibility");
            assert_eq!(mentions_display_or_visibility(style), want, "{style:?}");
        }
    }

    /// The substring scan against the lists searched one by one.
    fn check_substrings(token: &str) {
        let lower = token.to_ascii_lowercase();
        let found = class_substrings(lower.as_bytes());
        let any = BOILERPLATE_SUBSTRINGS
            .iter()
            .chain(STRONG_SUBSTRINGS)
            .any(|w| lower.contains(w));
        let strong = STRONG_SUBSTRINGS.iter().any(|w| lower.contains(w));
        assert_eq!(found.boilerplate, any, "boilerplate substring in {token:?}");
        assert_eq!(found.strong, strong, "strong substring in {token:?}");
        assert_eq!(
            found.caption,
            has_caption_word(token),
            "caption in {token:?}"
        );
    }

    #[test]
    fn class_flags_are_those_of_the_tokens() {
        let data = include_str!("../../tests/fixtures/class_tokens.txt");
        let mut n = 0;
        // whitespace that a line cannot hold
        let odd = [
            "a\u{b}sidebar",
            "x\tphoto-caption",
            "\u{c}related\r\n",
            "one\u{a0}cookie",
        ];
        let lines = data
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        for class in lines.chain(odd) {
            let mut want = ClassFlags::default();
            for token in class.split_whitespace() {
                check_substrings(token);
            }
            for token in class.split_whitespace().take(12) {
                want.merge(cached_token_flags(token));
            }
            want.caption_word |= has_caption_word(class);
            let attrs = WalkAttrs {
                class: Some(class),
                ..Default::default()
            };
            let got = ClassFlagsCache::default().flags(&attrs);
            let fields = |f: ClassFlags| {
                [
                    f.boilerplate,
                    f.strong,
                    f.body,
                    f.byline,
                    f.updated,
                    f.caption_word,
                ]
            };
            assert_eq!(fields(got), fields(want), "{class:?}");
            n += 1;
        }
        assert!(n > 30);
        // every listed word at the start, middle and end of a token
        for w in BOILERPLATE_SUBSTRINGS.iter().chain(STRONG_SUBSTRINGS) {
            for token in [
                w.to_string(),
                format!("x{w}y"),
                format!("pre-{w}"),
                w.to_uppercase(),
            ] {
                check_substrings(&token);
            }
        }
        assert!(cached_token_flags("siteCookieBox").strong);
        assert!(!cached_token_flags("no-sidebar").boilerplate);
        assert!(cached_token_flags("no-caption").caption_word);
    }

    #[test]
    fn one_token_means_no_whitespace() {
        for (s, want) in [
            ("", false),
            ("main", true),
            ("a-b_c:d.e", true),
            ("two words", false),
            ("tab\tbed", false),
            ("nbsp\u{a0}split", false),
            ("caf\u{e9}", false),
        ] {
            assert_eq!(is_one_token(s), want, "{s:?}");
            if want {
                assert_eq!(s.split_whitespace().collect::<Vec<_>>(), [s]);
            }
        }
    }

    #[test]
    fn section_headings_hold_a_listed_phrase() {
        for (heading, want) in [
            ("Related articles", true),
            ("YOU MAY ALSO LIKE", true),
            ("Lesen Sie auch", true),
            ("Sur le même sujet", true),
            ("More from the desk", true),
            ("Mehr Politik", true),
            ("The council meeting", false),
            ("Unrelated", true),
            (
                "Weather for the weekend in the northern valleys and the coast",
                false,
            ),
        ] {
            assert_eq!(is_section_boilerplate_heading(heading), want, "{heading:?}");
            let lower = heading.to_lowercase();
            let listed = SECTION_HEADING_WORDS.iter().any(|w| lower.contains(w));
            assert_eq!(SECTION_HEADING_AUTOMATON.is_match(lower.as_str()), listed);
        }
    }

    #[test]
    fn content_fixtures() {
        let dir = std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/content"
        ));
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .expect("fixture dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .collect();
        names.sort();
        assert!(names.len() >= 4);
        for path in names {
            let html = std::fs::read_to_string(&path).expect("fixture");
            check(&path.display().to_string(), &html);
        }
    }
}
