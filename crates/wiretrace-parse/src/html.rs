//! HTML articles: main-content extraction and page metadata.
//!
//! The page is parsed with `scraper` (html5ever, the HTML5 parsing algorithm of browsers).
//! Metadata comes from Open Graph and article meta tags, JSON-LD `NewsArticle` objects and
//! `<time>` elements. The story is the largest `<article>` (or `articleBody`/story-body
//! container, or `<main>`, or `<body>`); inside it navigation, asides, forms, ads, share bars,
//! newsletter and comment blocks and link lists are dropped, headings become headline and
//! subheads, figure captions become captions. The extracted text joins the kept blocks with
//! blank lines; every block records the element path it came from.

use crate::assemble::{assemble, Metadata, RawBlock};
use crate::boilerplate::{classify_line, LineKind};
use crate::dates::{parse_date, parse_date_line};
use crate::model::{Article, Role};
use regex::Regex;
use scraper::{ElementRef, Html, Node};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Elements whose content is never story text.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "nav", "aside", "footer", "form", "button",
    "select", "input", "textarea", "label", "menu", "dialog", "object", "embed", "video", "audio", "map", "head",
    "title", "link", "meta",
];
/// Elements that hold blocks rather than inline text.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
];

static BOILERPLATE_ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|sidebar|related|recommended|recirc|advert|advertisement|ad|ads|adslot|ad-slot|dfp|promo|newsletter|subscribe|subscription|signup|comment|comments|share|sharing|share-bar|social|cookie|cookies|consent|banner|popup|modal|most-read|mostread|popular|trending|breadcrumb|breadcrumbs|tags|taglist|author-bio|outbrain|taboola|paywall|skip-link|sr-only|visually-hidden)(?:$|[\s_-])").unwrap()
});
static DEK_ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s_-])(?:dek|standfirst|subtitle|subheadline|sub-headline|strapline)(?:$|[\s_-])").unwrap()
});
/// A box that sums the story up in a few points ("Key points", "At a glance"), named by its
/// class, id, `data-component` or `aria-label`.
static SUMMARY_ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s_-])(?:key-?points|keypoints|key-?facts|keyfacts|at-a-glance|glance|tldr|in-brief|story-summary|article-summary|summary-box)(?:$|[\s_-])|^\s*(?:key points|key facts|at a glance|in brief|the essentials)\s*$").unwrap()
});
static BYLINE_ATTR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|[\s_-])(?:byline|author|authors|by-line|writer)(?:$|[\s_-])").unwrap());
static CAPTION_ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s_-])(?:caption|wp-caption-text|image-caption|photo-caption)(?:$|[\s_-])").unwrap()
});
static CREDIT_ATTR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:^|[\s_-])(?:credit|credits|photo-credit|image-credit)(?:$|[\s_-])").unwrap());
static CONTENT_ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s_-])(?:article-body|articlebody|story-body|storybody|entry-content|post-content|article-content|story-content|article__body|body-text)(?:$|[\s_-])").unwrap()
});

fn attrs_of(el: &ElementRef<'_>) -> String {
    let v = el.value();
    format!("{} {}", v.attr("class").unwrap_or(""), v.attr("id").unwrap_or(""))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_of(el: &ElementRef<'_>) -> String {
    let mut out = String::new();
    collect_text(*el, &mut out);
    collapse(&out)
}

/// The text of an element, `<br>` as a line break, scripts and styles left out. Iterative, so
/// that a page nested thousands of elements deep cannot exhaust the stack.
fn collect_text(el: ElementRef<'_>, out: &mut String) {
    collect_text_counting(el, out);
}

/// Mark the start and end of link text in collected text (private-use characters), so that
/// link density can be measured per paragraph.
const LINK_OPEN: char = '\u{E000}';
const LINK_CLOSE: char = '\u{E001}';

/// [`collect_text`], also returning how many non-space characters of the text are inside links.
fn collect_text_counting(el: ElementRef<'_>, out: &mut String) -> usize {
    collect_text_with(el, out, false)
}

/// [`collect_text`], with link text between [`LINK_OPEN`] and [`LINK_CLOSE`].
fn collect_text_marked(el: ElementRef<'_>, out: &mut String) {
    collect_text_with(el, out, true);
}

fn collect_text_with(el: ElementRef<'_>, out: &mut String, mark_links: bool) -> usize {
    use ego_tree::iter::Edge;
    let mut skipping = 0usize;
    let mut in_link = 0usize;
    let mut link_chars = 0usize;
    for edge in el.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    if skipping > 0 || matches!(e.name(), "script" | "style" | "noscript" | "template" | "button") {
                        skipping += 1;
                    } else if e.name() == "br" {
                        out.push(BR);
                    } else if e.name() == "a" {
                        in_link += 1;
                        if mark_links {
                            out.push(LINK_OPEN);
                        }
                    }
                }
                Node::Text(t) if skipping == 0 => {
                    out.push_str(t);
                    if in_link > 0 {
                        link_chars += t.chars().filter(|c| !c.is_whitespace()).count();
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skipping > 0 {
                        skipping -= 1;
                    } else if e.name() == "a" {
                        in_link = in_link.saturating_sub(1);
                        if mark_links {
                            out.push(LINK_CLOSE);
                        }
                    }
                }
            }
        }
    }
    link_chars
}

/// Stands for `<br>` in collected text (white space to `split_whitespace`).
const BR: char = '\u{2028}';

/// Splits collected text at line breaks — every `<br>` with `every_break`, else only two or
/// more in a row (line breaks in the page's source are only white space) — into paragraphs,
/// each with the number of its non-space characters inside links.
fn split_paragraphs(raw: &str, every_break: bool) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let (mut current, mut links, mut depth) = (String::new(), 0usize, 0usize);
    let mut push = |current: &mut String, links: &mut usize| {
        if !current.trim().is_empty() {
            out.push((collapse(current), *links));
        }
        current.clear();
        *links = 0;
    };
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            LINK_OPEN => depth += 1,
            LINK_CLOSE => depth = depth.saturating_sub(1),
            BR if every_break => push(&mut current, &mut links),
            BR => {
                let mut lookahead = chars.clone();
                while lookahead.peek().is_some_and(|c| c.is_whitespace() && *c != BR) {
                    lookahead.next();
                }
                if lookahead.peek() == Some(&BR) {
                    push(&mut current, &mut links);
                    chars = lookahead;
                    chars.next();
                } else {
                    current.push(c);
                }
            }
            _ => {
                if depth > 0 && !c.is_whitespace() {
                    links += 1;
                }
                current.push(c);
            }
        }
    }
    push(&mut current, &mut links);
    out
}

/// Paragraphs of a text block (text separated by two or more `<br>`), with their link text.
fn paragraphs_of(el: &ElementRef<'_>) -> Vec<(String, usize)> {
    let mut raw = String::new();
    collect_text_marked(*el, &mut raw);
    split_paragraphs(&raw, false)
}

/// Whether a paragraph is mostly link text: a menu, a list of other stories, a tag cloud.
fn mostly_links(text: &str, link_chars: usize) -> bool {
    link_chars * 10 > text.chars().filter(|c| !c.is_whitespace()).count() * 6
}

fn has_block_children(el: &ElementRef<'_>) -> bool {
    el.children().any(|c| matches!(c.value(), Node::Element(e) if BLOCK_TAGS.contains(&e.name())))
}

/// Page metadata gathered from meta tags, JSON-LD and `<time>`.
#[derive(Debug, Default)]
struct PageMeta {
    title: Option<String>,
    description: Option<String>,
    date: Option<String>,
    author: Option<String>,
    section: Option<String>,
    site: Option<String>,
    canonical: Option<String>,
}

fn json_str(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(collapse(s)),
        serde_json::Value::Object(o) => o.get("name").and_then(json_str),
        serde_json::Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(json_str).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

fn find_news_object(v: &serde_json::Value) -> Option<&serde_json::Map<String, serde_json::Value>> {
    match v {
        serde_json::Value::Array(a) => a.iter().find_map(find_news_object),
        serde_json::Value::Object(o) => {
            let is_article = match o.get("@type") {
                Some(serde_json::Value::String(t)) => t.contains("Article"),
                Some(serde_json::Value::Array(ts)) => {
                    ts.iter().any(|t| t.as_str().is_some_and(|t| t.contains("Article")))
                }
                _ => false,
            };
            if is_article {
                Some(o)
            } else {
                o.get("@graph").and_then(find_news_object)
            }
        }
        _ => None,
    }
}

/// What the extraction needs from the whole page, gathered in one walk over the tree
/// (rather than one walk per CSS selector).
#[derive(Default)]
struct PageIndex<'a> {
    /// `<meta>` contents by lower-cased `property`, `name` or `itemprop`.
    metas: HashMap<String, String>,
    /// Whether the metadata (meta tags or JSON-LD) gave a publication date.
    has_meta_date: bool,
    ld_json: Vec<String>,
    time: Option<String>,
    title: Option<String>,
    canonical: Option<String>,
    h1: Option<ElementRef<'a>>,
    articles: Vec<ElementRef<'a>>,
    content_blocks: Vec<ElementRef<'a>>,
    main: Option<ElementRef<'a>>,
    body: Option<ElementRef<'a>>,
}

fn index_page(doc: &Html) -> PageIndex<'_> {
    let mut ix = PageIndex::default();
    for node in doc.root_element().descendants() {
        let Some(el) = ElementRef::wrap(node) else { continue };
        let v = el.value();
        match v.name() {
            "meta" => {
                if let Some(content) = v.attr("content") {
                    for key in ["property", "name", "itemprop"] {
                        if let Some(k) = v.attr(key) {
                            ix.metas.entry(k.to_ascii_lowercase()).or_insert_with(|| collapse(content));
                        }
                    }
                }
            }
            "script" if v.attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) => {
                ix.ld_json.push(el.text().collect());
            }
            "time" if ix.time.is_none() => ix.time = v.attr("datetime").map(str::to_string),
            "title" if ix.title.is_none() => ix.title = Some(collapse(&el.text().collect::<String>())),
            "link" if ix.canonical.is_none() && v.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                ix.canonical = v.attr("href").map(str::to_string);
            }
            "h1" if ix.h1.is_none() => ix.h1 = Some(el),
            "article" => ix.articles.push(el),
            "main" if ix.main.is_none() => ix.main = Some(el),
            "body" if ix.body.is_none() => ix.body = Some(el),
            name => {
                if v.attr("itemprop") == Some("articleBody") {
                    ix.articles.push(el);
                } else if matches!(name, "div" | "section") && CONTENT_ATTR.is_match(&attrs_of(&el)) {
                    ix.content_blocks.push(el);
                }
            }
        }
    }
    ix
}

fn page_meta(ix: &mut PageIndex<'_>) -> PageMeta {
    let meta = |keys: &[&str]| keys.iter().find_map(|k| ix.metas.get(*k).filter(|v| !v.is_empty()).cloned());
    let mut m = PageMeta {
        title: meta(&["og:title", "twitter:title"]),
        description: meta(&["og:description", "description"]),
        date: meta(&["article:published_time", "datepublished", "date", "pubdate", "publish-date"])
            .and_then(|d| parse_date(&d)),
        author: meta(&["author", "article:author"]).filter(|a| !a.starts_with("http")),
        section: meta(&["article:section", "section"]),
        site: meta(&["og:site_name", "application-name"]),
        canonical: ix.canonical.clone().or_else(|| meta(&["og:url"])),
    };
    for raw in &ix.ld_json {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(raw) else { continue };
        if let Some(o) = find_news_object(&v) {
            m.title = m.title.or_else(|| o.get("headline").and_then(json_str));
            m.description = m.description.or_else(|| o.get("description").and_then(json_str));
            m.date = m.date.or_else(|| o.get("datePublished").and_then(json_str).and_then(|d| parse_date(&d)));
            m.author = m.author.or_else(|| o.get("author").and_then(json_str));
            m.section = m.section.or_else(|| o.get("articleSection").and_then(json_str));
            m.site = m.site.or_else(|| o.get("publisher").and_then(json_str));
        }
    }
    ix.has_meta_date = m.date.is_some();
    if m.date.is_none() {
        m.date = ix.time.as_deref().and_then(parse_date);
    }
    if m.title.is_none() {
        m.title = ix.title.clone().filter(|t| !t.is_empty());
    }
    m
}

/// The candidate with the most paragraph text.
/// Non-space text of an element outside links, in characters: how much reading it holds.
fn own_text(e: &ElementRef<'_>) -> usize {
    let mut text = String::new();
    let links = collect_text_counting(*e, &mut text);
    text.chars().filter(|c| !c.is_whitespace()).count().saturating_sub(links)
}

/// An `<article>` with less text than this, inside the page, is a teaser card.
const TEASER_CHARS: usize = 300;

/// A story container must hold at least this share of the page body's own text; a teaser
/// card in an `<article>` of its own does not.
const CONTAINER_SHARE: f64 = 0.25;

/// Picks the element holding the story.
fn main_container<'a>(ix: &PageIndex<'a>) -> Option<ElementRef<'a>> {
    let body_text = ix.body.map(|b| own_text(&b)).unwrap_or(0) as f64;
    let best = ix
        .articles
        .iter()
        .chain(&ix.content_blocks)
        .chain(ix.main.iter())
        .map(|e| (own_text(e), *e))
        .max_by_key(|(n, _)| *n);
    match best {
        Some((n, e)) if n as f64 >= CONTAINER_SHARE * body_text => Some(e),
        _ => ix.body.or(best.map(|(_, e)| e)),
    }
}

struct Piece {
    role: Role,
    text: String,
    source: String,
    /// What the line patterns say of the text (computed once).
    kind: Option<LineKind>,
}

/// The recorded path keeps this many innermost elements (more only on pathological pages).
const PATH_ELEMENTS: usize = 32;

/// The path of an element from the document root: `html:nth-of-type(1) > body:nth-of-type(1) > …`.
fn absolute_path(el: ElementRef<'_>) -> String {
    let mut parts = Vec::new();
    let mut node = Some(*el);
    while let Some(n) = node {
        if let Some(e) = n.value().as_element() {
            let name = e.name();
            let nth =
                1 + n.prev_siblings().filter(|s| s.value().as_element().is_some_and(|x| x.name() == name)).count();
            parts.push(format!("{name}:nth-of-type({nth})"));
        }
        node = n.parent();
    }
    parts.reverse();
    if parts.len() > PATH_ELEMENTS {
        parts.drain(..parts.len() - PATH_ELEMENTS);
        parts.insert(0, "…".to_string());
    }
    parts.join(" > ")
}

/// Work for the iterative walk: an element to look into, or a block already found.
enum Step<'a> {
    Expand(ElementRef<'a>, String),
    Emit(Piece),
}

/// Collects the blocks under `root` in document order, with an explicit stack (no recursion).
fn walk(root: ElementRef<'_>, root_path: &str, out: &mut Vec<Piece>) {
    let mut stack = vec![Step::Expand(root, root_path.to_string())];
    while let Some(step) = stack.pop() {
        match step {
            Step::Emit(p) => out.push(p),
            Step::Expand(el, path) => {
                let mut steps = Vec::new();
                expand(el, &path, &mut steps);
                stack.extend(steps.into_iter().rev());
            }
        }
    }
}

fn child_path(path: &str, name: &str, nth: usize) -> String {
    let full = format!("{path} > {name}:nth-of-type({nth})");
    let parts: Vec<&str> = full.split(" > ").collect();
    if parts.len() > PATH_ELEMENTS {
        format!("… > {}", parts[parts.len() - PATH_ELEMENTS..].join(" > "))
    } else {
        full
    }
}

/// Elements that carry no readable text of their own.
const NO_TEXT: &[&str] = &["img", "picture", "svg", "video", "audio", "canvas", "iframe", "input", "source", "track"];

/// Emits loose text gathered between blocks as body paragraphs, one a line (`<br>`).
fn flush<'a>(pending: &mut String, path: &str, steps: &mut Vec<Step<'a>>) {
    for (text, links) in split_paragraphs(pending, true) {
        if !mostly_links(&text, links) {
            steps.push(Step::Emit(Piece { role: Role::Body, text, source: format!("{path} > text()"), kind: None }));
        }
    }
    pending.clear();
}

fn expand<'a>(el: ElementRef<'a>, path: &str, steps: &mut Vec<Step<'a>>) {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut pending = String::new();
    for child in el.children() {
        if let Node::Text(t) = child.value() {
            pending.push_str(t);
            continue;
        }
        let Some(c) = ElementRef::wrap(child) else {
            continue;
        };
        {
            let name = c.value().name();
            if name == "br" {
                pending.push(BR);
                continue;
            }
            let inline = !BLOCK_TAGS.contains(&name) && !SKIP_TAGS.contains(&name) && !NO_TEXT.contains(&name);
            if inline && !BOILERPLATE_ATTR.is_match(&attrs_of(&c)) && !CAPTION_ATTR.is_match(&attrs_of(&c)) {
                collect_text_marked(c, &mut pending);
                continue;
            }
            flush(&mut pending, path, steps);
        }
        let name = c.value().name();
        let nth = counts.entry(name).or_insert(0);
        *nth += 1;
        if SKIP_TAGS.contains(&name) {
            continue;
        }
        // A small <article> inside the page that is mostly a link is a teaser card for another
        // story (a live blog's short entries are articles too, but not links).
        if name == "article" {
            let mut text = String::new();
            let links = collect_text_counting(c, &mut text);
            let chars = text.chars().filter(|c| !c.is_whitespace()).count();
            if chars.saturating_sub(links) < TEASER_CHARS && links * 10 >= chars * 3 {
                continue;
            }
        }
        let cpath = child_path(path, name, *nth);
        let attrs = attrs_of(&c);
        if c.value().attr("hidden").is_some() || c.value().attr("aria-hidden") == Some("true") {
            continue;
        }
        let boiler_attr = BOILERPLATE_ATTR.is_match(&attrs);
        let leaf = !has_block_children(&c);
        // A summary box: each of its points is a summary of the story, not the story itself.
        let labels = [c.value().attr("data-component"), c.value().attr("aria-label")];
        if !leaf && (SUMMARY_ATTR.is_match(&attrs) || labels.into_iter().flatten().any(|l| SUMMARY_ATTR.is_match(l))) {
            let point = |e: &ElementRef<'_>| matches!(e.value().name(), "li" | "p");
            // Innermost points only: an <li> holding a <p> is one point.
            let points: Vec<ElementRef<'_>> = c
                .descendants()
                .filter_map(ElementRef::wrap)
                .filter(|e| point(e) && !e.descendants().skip(1).filter_map(ElementRef::wrap).any(|d| point(&d)))
                .collect();
            for point in points {
                let text = text_of(&point);
                if !text.is_empty() {
                    steps.push(Step::Emit(Piece { role: Role::Summary, text, source: cpath.clone(), kind: None }));
                }
            }
            continue;
        }
        let role = match name {
            "h1" => Some(Role::Headline),
            "h2" | "h3" | "h4" | "h5" | "h6" => Some(Role::Subhead),
            "figcaption" => Some(Role::Caption),
            // A caption container is a caption, whatever it holds (<div class=caption><p>…).
            _ if CAPTION_ATTR.is_match(&attrs) => Some(Role::Caption),
            _ if CREDIT_ATTR.is_match(&attrs) && leaf => Some(Role::Credit),
            _ if BYLINE_ATTR.is_match(&attrs) && leaf && !boiler_attr => Some(Role::Byline),
            _ if DEK_ATTR.is_match(&attrs) && leaf => Some(Role::Dek),
            _ if boiler_attr => None,
            "p" | "li" | "dd" | "pre" | "address" => Some(Role::Body),
            _ if leaf
                && !matches!(
                    name,
                    "figure" | "ul" | "ol" | "table" | "img" | "picture" | "hr" | "time" | "span" | "a"
                ) =>
            {
                Some(Role::Body)
            }
            _ => {
                if !boiler_attr || name == "header" {
                    steps.push(Step::Expand(c, cpath));
                }
                continue;
            }
        };
        if boiler_attr && matches!(role, Some(Role::Body) | None) {
            continue;
        }
        let Some(role) = role else { continue };
        let texts = if role == Role::Body { paragraphs_of(&c) } else { vec![(text_of(&c), 0)] };
        for (text, links) in texts {
            if text.is_empty() || (role == Role::Body && mostly_links(&text, links)) {
                continue;
            }
            steps.push(Step::Emit(Piece { role, text, source: cpath.clone(), kind: None }));
        }
    }
    flush(&mut pending, path, steps);
}

/// Parses an HTML page into an article.
pub fn parse_html(id: &str, html: &str) -> Article {
    parse_html_with(id, None, html)
}

/// Parses an HTML page into an article, recording where it was read from.
pub fn parse_html_with(id: &str, path: Option<String>, html: &str) -> Article {
    parse_html_meta(id, path, html, Metadata::default())
}

/// Parses a page and finds its blocks and metadata.
fn extract_page(html: &str) -> (Vec<Piece>, PageMeta) {
    let doc = Html::parse_document(html);
    let mut ix = index_page(&doc);
    let mut meta = page_meta(&mut ix);
    let container = main_container(&ix);
    // Without a date in the page's metadata, a <time> inside the story beats one in the page's
    // top bar (which shows today's date).
    if !ix.has_meta_date {
        if let Some(d) = container.and_then(|c| {
            c.descendants()
                .filter_map(ElementRef::wrap)
                .find(|e| e.value().name() == "time")
                .and_then(|t| t.value().attr("datetime").and_then(parse_date).or_else(|| parse_date(&text_of(&t))))
        }) {
            meta.date = Some(d);
        }
    }
    let mut pieces = Vec::new();
    if let Some(container) = container {
        let root = absolute_path(container);
        walk(container, &root, &mut pieces);
    }
    // Pattern-level clean-up and roles the page gave no markup for (old layouts set the
    // headline and byline in <font>, <b> and <i> rather than <h1> and a byline class).
    let title = meta.title.as_deref().map(|t| collapse(t).to_lowercase());
    for p in &mut pieces {
        if p.role == Role::Body {
            let lower = p.text.to_lowercase();
            if title.as_deref().is_some_and(|t| {
                t == lower || t.starts_with(&format!("{lower} |")) || t.starts_with(&format!("{lower} -"))
            }) {
                p.role = Role::Headline;
                continue;
            }
            if crate::plain::is_byline(&p.text) {
                p.role = Role::Byline;
                continue;
            }
            if parse_date_line(&p.text).is_some() {
                p.role = Role::Date;
                continue;
            }
            p.kind = classify_line(&p.text);
            match p.kind {
                Some(LineKind::Boilerplate | LineKind::Footer | LineKind::ListHeader) => p.role = Role::Boilerplate,
                Some(LineKind::Caption) => p.role = Role::Caption,
                Some(LineKind::Credit) => p.role = Role::Credit,
                None => {}
            }
        }
    }
    // A list title inside the story ("Related coverage") and the list items under it; a footer
    // heading ("Comments", "About the author") and the short blocks after it.
    let mut in_list = false;
    let mut in_footer = false;
    for p in &mut pieces {
        let is_item = p.source.contains("> li:");
        let kind = match p.role {
            Role::Subhead => classify_line(&p.text),
            _ => p.kind,
        };
        if kind == Some(LineKind::Footer) {
            in_footer = true;
        }
        if in_footer && p.text.split_whitespace().count() < 40 {
            p.role = Role::Boilerplate;
            continue;
        }
        if kind == Some(LineKind::ListHeader) {
            p.role = Role::Boilerplate;
            in_list = true;
        } else if in_list && is_item {
            p.role = Role::Boilerplate;
        } else if !is_item {
            in_list = false;
        }
    }
    pieces.retain(|p| p.role != Role::Boilerplate);
    // Only the first h1 is the headline; later ones are subheads.
    let mut seen_h1 = false;
    for p in &mut pieces {
        if p.role == Role::Headline {
            if seen_h1 {
                p.role = Role::Subhead;
            }
            seen_h1 = true;
        }
    }
    // Short labels above the headline ("Marrovia", "Updated") are the page's section line,
    // not the story.
    if let Some(h) = pieces.iter().position(|p| p.role == Role::Headline) {
        for p in &mut pieces[..h] {
            let t = p.text.trim_end();
            if p.role == Role::Body && t.split_whitespace().count() <= 6 && !t.ends_with(['.', '!', '?', '”', '"']) {
                p.role = Role::Section;
            }
        }
    }
    if !seen_h1 {
        let h1 = ix.h1.map(|h| (text_of(&h), "h1".to_string()));
        if let Some((t, src)) =
            h1.or_else(|| meta.title.clone().map(|t| (t, "page metadata (og:title, JSON-LD or <title>)".to_string())))
        {
            if !t.is_empty() {
                pieces.insert(0, Piece { role: Role::Headline, text: t, source: src, kind: None });
            }
        }
    }
    (pieces, meta)
}

/// The body paragraphs of an HTML page — what [`parse_html`] gives the `body` role, the
/// dateline prefix left out — without building the whole article (no sentences or offsets).
pub fn html_body(html: &str) -> Vec<String> {
    let (pieces, _) = extract_page(html);
    let mut out: Vec<String> = pieces.into_iter().filter(|p| p.role == Role::Body).map(|p| p.text).collect();
    if let Some(i) = out.iter().position(|t| t.split_whitespace().count() >= 12) {
        if let Some(d) = crate::dateline::split_dateline(&out[i]) {
            if d.len < out[i].len() {
                out[i] = out[i][d.len..].to_string();
            }
        }
    }
    out
}

/// Blocks after the headline within which a standfirst is looked for.
const DEK_REACH: usize = 4;

/// Parses an HTML page; metadata given by the data overrides what the page says.
pub fn parse_html_meta(id: &str, path: Option<String>, html: &str, given: Metadata) -> Article {
    let (pieces, meta) = extract_page(html);
    let mut text = String::new();
    let mut raw = Vec::with_capacity(pieces.len());
    for p in pieces {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&p.text);
        raw.push(RawBlock { role: p.role, start, end: text.len(), source: Some(p.source) });
    }
    let headline = raw.iter().find(|b| b.role == Role::Headline).map(|b| text[b.start..b.end].to_string());
    // The standfirst under the headline, when the page's description repeats it and its
    // markup does not name it. Pages often give their lede as their description too: a
    // paragraph that ends like a sentence is the standfirst only when the story's dateline
    // opens the next paragraph.
    let has_dek = raw.iter().any(|b| b.role == Role::Dek);
    let headline_at = raw.iter().position(|b| b.role == Role::Headline).filter(|_| !has_dek);
    if let (Some(h), Some(description)) = (headline_at, &meta.description) {
        let folded = |t: &str| collapse(t).trim_end_matches(['.', '!', ' ']).to_lowercase();
        let wanted = folded(description);
        let candidate = (h + 1..raw.len())
            .take(DEK_REACH)
            .take_while(|&k| raw[k].role != Role::Body || folded(&text[raw[k].start..raw[k].end]) == wanted)
            .find(|&k| raw[k].role == Role::Body);
        if let Some(k) = candidate {
            let own = &text[raw[k].start..raw[k].end];
            let closed = crate::plain::ends_like_sentence(own);
            let dateline_next = raw[k + 1..]
                .iter()
                .find(|b| b.role == Role::Body)
                .is_some_and(|b| crate::dateline::split_dateline(&text[b.start..b.end]).is_some());
            if !closed || dateline_next {
                raw[k].role = Role::Dek;
            }
        }
    }
    let metadata = Metadata {
        outlet: given.outlet.or(meta.site),
        headline: given.headline.or(headline).or(meta.title),
        dek: given.dek,
        date: given.date.or(meta.date),
        byline: given.byline.or(meta.author),
        section: given.section.or(meta.section),
        url: given.url.or(meta.canonical),
    };
    let mut article = assemble(id.to_string(), path, text, raw, metadata);
    if article.dek.is_none() {
        article.dek = meta.description;
    }
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!doctype html><html><head><title>Ferry capsizes | The Post</title>
<meta property="og:site_name" content="The Post"><meta property="article:published_time" content="2025-11-04T11:05:00Z">
<meta name="description" content="Rescuers searched through the night.">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","author":{"@type":"Person","name":"Ana Ruiz"},"articleSection":"World"}</script>
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><header><h1>Ferry capsizes off Lindqvist Island</h1><p class="standfirst">Rescuers searched through the night.</p></header>
<figure><img src="x.jpg"><figcaption>Rescuers at the port in 2019 (file photo)</figcaption></figure>
<p>LINDQVIST, Norland – A ferry carrying 120 passengers capsized on Tuesday, the coast guard said.</p>
<div class="ad">Advertisement</div>
<h2>Search continues</h2><p>Divers searched the hull &amp; the coast guard said 30 people were missing.</p>
<div class="share-bar"><a href="#">Facebook</a> <a href="#">X</a></div>
<ul class="related"><li><a href="/a">Other story</a></li></ul></article>
<aside><h3>Most read</h3><p>Something else entirely happened elsewhere.</p></aside>
<footer>© 2025 The Post</footer></body></html>"##;

    #[test]
    fn extracts_story_and_metadata() {
        let a = parse_html("post", PAGE);
        let roles: Vec<(Role, &str)> = a.blocks.iter().map(|b| (b.role, b.text.as_str())).collect();
        assert_eq!(
            roles,
            vec![
                (Role::Headline, "Ferry capsizes off Lindqvist Island"),
                (Role::Dek, "Rescuers searched through the night."),
                (Role::Caption, "Rescuers at the port in 2019 (file photo)"),
                (Role::Dateline, "LINDQVIST, Norland –"),
                (Role::Body, "A ferry carrying 120 passengers capsized on Tuesday, the coast guard said."),
                (Role::Subhead, "Search continues"),
                (Role::Body, "Divers searched the hull & the coast guard said 30 people were missing."),
            ]
        );
        assert_eq!(a.outlet.as_deref(), Some("The Post"));
        assert_eq!(a.date.as_deref(), Some("2025-11-04"));
        assert_eq!(a.byline.as_deref(), Some("Ana Ruiz"));
        assert_eq!(a.section.as_deref(), Some("World"));
        assert_eq!(a.dateline.as_deref(), Some("Lindqvist, Norland"));
        for b in &a.blocks {
            assert_eq!(a.slice(b.start, b.end), b.text);
            assert!(
                b.source.as_deref().is_some_and(|s| s.starts_with("html:nth-of-type(1) > body:nth-of-type(1) > ")),
                "{:?}",
                b.source
            );
        }
    }

    #[test]
    fn double_line_breaks_separate_paragraphs_and_deep_nesting_is_fine() {
        let a = parse_html("b", "<html><body><div id=content><h1>Flood waters rise in the port</h1><div class=text>First paragraph of the story,\n\nstill the first.<br><br>Second paragraph.<br>Same line group.</div></div></body></html>");
        let body: Vec<&str> = a.blocks.iter().filter(|b| b.role == Role::Body).map(|b| b.text.as_str()).collect();
        assert_eq!(body, vec!["First paragraph of the story, still the first.", "Second paragraph. Same line group."]);
        let deep = format!(
            "<html><body>{}<p>Deep text, officials said.</p>{}</body></html>",
            "<div>".repeat(20_000),
            "</div>".repeat(20_000)
        );
        let a = parse_html("d", &deep);
        assert_eq!(a.sentences[0].text, "Deep text, officials said.");
        assert!(a.blocks[a.blocks.len() - 1].source.as_deref().is_some_and(|s| s.len() < 1_500));
    }

    #[test]
    fn link_density_is_measured_per_paragraph() {
        let page = "<html><body><div id=x><h1>Ferry sinks off the coast of Lindqvist</h1><div class=text>\
            A ferry carrying 120 passengers sank on Tuesday, the coast guard said.<br><br>\
            <a href=/a>Ferry operator cancels winter timetable</a> <a href=/b>Harbour festival returns after three years</a>\
            <br><br>Divers searched the hull.</div></div></body></html>";
        let body: Vec<String> = html_body(page);
        assert_eq!(
            body,
            vec!["A ferry carrying 120 passengers sank on Tuesday, the coast guard said.", "Divers searched the hull."]
        );
    }

    #[test]
    fn a_teaser_card_does_not_hide_the_story() {
        let page = "<html><body><div class=teasers><article><h3><a href=/tram>Tram plan for the city</a></h3><p>Two new tram lines are planned.</p></article></div>\
            <div id=story><h1>Flood hits the port town of Lindqvist</h1>\
            <div>Floodwater swept through the old port of Lindqvist on Monday night, forcing about 300 people from their homes, officials said.</div>\
            <div>The water rose by almost two metres within an hour, residents said, and several cars were carried into the harbour basin.</div>\
            <div>Emergency crews worked through the night to pump water out of the houses along the quay.</div></div></body></html>";
        let a = parse_html("t", page);
        let body: Vec<&str> = a.blocks.iter().filter(|b| b.role == Role::Body).map(|b| b.text.as_str()).collect();
        assert_eq!(body.len(), 3, "{body:?}");
        assert!(body[0].starts_with("Floodwater swept"));
        assert!(!a.text.contains("tram lines"));
    }

    #[test]
    fn loose_text_between_blocks_is_kept() {
        let page = "<html><body><div class=content><h1>Council approves the cycling budget</h1>\
            The council voted on Monday to fund new cycling lanes, the mayor said.<br><br>\
            Work will start in <a href=/spring>spring</a> and last two years.\
            <div class=ad-slot>Advertisement</div>Residents welcomed the plan at a meeting on Tuesday.</div></body></html>";
        let a = parse_html("t", page);
        let body: Vec<&str> = a.blocks.iter().filter(|b| b.role == Role::Body).map(|b| b.text.as_str()).collect();
        assert_eq!(
            body,
            vec![
                "The council voted on Monday to fund new cycling lanes, the mayor said.",
                "Work will start in spring and last two years.",
                "Residents welcomed the plan at a meeting on Tuesday."
            ]
        );
    }

    #[test]
    fn html_body_matches_the_parsed_body() {
        let a = parse_html("post", PAGE);
        let parsed: Vec<String> = a.blocks.iter().filter(|b| b.role == Role::Body).map(|b| b.text.clone()).collect();
        assert_eq!(html_body(PAGE), parsed);
    }

    #[test]
    fn short_labels_above_the_headline_are_its_section_line() {
        let page = "<html><body><article><div class=top><a href=/m>Marrovia</a> <span>Updated</span></div>\
            <h1>Ferry capsizes in the Brannel Strait</h1><p>At least 23 people were killed when a ferry capsized on Saturday, the coast guard said.</p></article></body></html>";
        let a = parse_html("s", page);
        let roles: Vec<(Role, &str)> = a.blocks.iter().map(|b| (b.role, b.text.as_str())).collect();
        assert_eq!(roles[0], (Role::Section, "Marrovia Updated"), "{roles:?}");
        assert_eq!(roles[1].0, Role::Headline);
        assert!(a.sentences[0].text.starts_with("At least 23 people"));
    }

    #[test]
    fn a_standfirst_the_description_repeats_and_key_points_are_not_the_story() {
        let page = "<html><head><meta property=\"og:description\" content=\"Early findings point to a drain on the ward; 14 patients infected.\"></head>\
            <body><article><h1>Hospital outbreak: what the inquiry found</h1>\
            <p class=piece-sub>Early findings point to a drain on the ward; 14 patients infected</p>\
            <section class=story-keypoints data-component=key-points><h2>Key points</h2><ul><li>The ward is shut</li><li>14 patients were infected</li></ul></section>\
            <p>The inquiry said on Wednesday that the bacterium may have spread through a drain on the ward.</p>\
            <p>Fourteen patients have been infected since August, the hospital said.</p></article></body></html>";
        let a = parse_html("h", page);
        let roles: Vec<(Role, &str)> = a.blocks.iter().map(|b| (b.role, b.text.as_str())).collect();
        assert_eq!(
            roles[1],
            (Role::Dek, "Early findings point to a drain on the ward; 14 patients infected"),
            "{roles:?}"
        );
        assert!(roles.contains(&(Role::Summary, "The ward is shut")), "{roles:?}");
        assert!(roles.contains(&(Role::Summary, "14 patients were infected")), "{roles:?}");
        assert!(a.sentences[0].text.starts_with("The inquiry said"), "{:?}", a.sentences[0]);
        // A lede the description repeats, ending like a sentence, is the story.
        let lede_described = page
            .replace(
                "Early findings point to a drain on the ward; 14 patients infected.\"",
                "The inquiry said on Wednesday that the bacterium may have spread through a drain on the ward.\"",
            )
            .replace("<p class=piece-sub>Early findings point to a drain on the ward; 14 patients infected</p>", "");
        let a = parse_html("h", &lede_described);
        assert!(a.blocks.iter().all(|b| b.role != Role::Dek), "{:?}", a.blocks);
        assert!(a.sentences[0].text.starts_with("The inquiry said"), "{:?}", a.sentences[0]);
        // A standfirst ending like a sentence, over the paragraph with the story's dateline.
        let dated = page
            .replace("infected.\"", "infected so far.\"")
            .replace("14 patients infected</p>", "14 patients infected so far.</p>")
            .replace("<p>The inquiry said", "<p>PORT CALDEN, Lisoria (Sarrow Wire) – The inquiry said");
        let a = parse_html("h", &dated);
        assert_eq!(a.blocks[1].role, Role::Dek, "{:?}", a.blocks);
        // A first paragraph the description does not repeat is the story.
        let lede =
            page.replace("Early findings point to a drain on the ward; 14 patients infected.", "Something else.");
        let a = parse_html("h", &lede);
        assert_eq!(a.blocks[1].role, Role::Body);
    }

    #[test]
    fn malformed_html_still_parses() {
        let a = parse_html("m", "<html><body><article><h1>Title of the story here</h2><p>First paragraph of the body text, said officials.<p>Second one<div>unclosed <b>bold");
        assert_eq!(a.headline.as_deref(), Some("Title of the story here"));
        assert!(a.blocks.iter().any(|b| b.role == Role::Body));
    }
}
