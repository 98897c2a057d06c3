"""News pages with known body text, for the boilerplate benchmark.

Each page is built from a fictional story (``content.py``) in one of several layouts: semantic
``<article>`` markup, a ``div.story-body`` with JSON-LD, ``<main>`` without ``<article>``, an
old table layout, obfuscated class names, text in ``<div>``s separated by ``<br>``, a blog with
comments, and scraped plain text. Around and inside the story go the usual page furniture:
navigation, cookie banners, breadcrumbs, share bars, ads, newsletter boxes, "Read more" links,
related and most-read lists, figures with captions, author boxes, comments and footers. The
truth of a page is its list of body paragraphs (not the headline, standfirst or captions).
"""

from __future__ import annotations

import html
import json
import random
import re
from dataclasses import dataclass

from content import BOILERPLATE, STORIES

E = html.escape


@dataclass
class Page:
    """A generated page and its truth."""

    name: str
    layout: str
    kind: str  # "html" or "text"
    content: str
    body: list[str]
    scheme: str = "semantic"  # class names: "semantic" or "neutral"
    extra: list[str] = None  # type: ignore[assignment]  # standfirst and caption (not body)


# Class and id names of page furniture. "semantic" pages use the names sites commonly use
# (many of which extractors look for); "neutral" pages use names no extractor's word list
# holds, so that only structure and text can tell furniture from story.
NEUTRAL = {
    "share-tools": "tools-row", "ad-slot": "slot-x", "newsletter-signup": "box-inline", "related": "rail-list",
    "most-read": "rail-top", "trending": "rail-hot", "author-bio": "person-card", "comments": "thread",
    "comment": "entry-item", "comment-author": "entry-name", "cookie-banner": "notice-bar",
    "cookie-consent": "notice", "story-body": "text-col", "entry-content": "post-body", "widget": "col-item",
    "sidebar": "col-side", "widget-area": "col-area", "breadcrumb": "path-row", "read-more": "inline-link",
    "promo": "inline-note", "site-nav": "top-row", "menu": "top-list", "top-menu": "top-row", "site-footer": "bottom",
    "dek": "intro-line", "standfirst": "intro-line", "byline": "names", "author": "name", "story-meta": "meta-row",
}


def neutralise(html_text: str) -> str:
    """The page with its furniture's class and id names replaced by neutral ones."""
    def swap(m: re.Match[str]) -> str:
        names = " ".join(NEUTRAL.get(n, n) for n in m.group(2).split())
        return f'{m.group(1)}="{names}"'

    return re.sub(r'(class|id)="([^"]*)"', swap, html_text)


def _pick(rng: random.Random, key: str, k: int = 1) -> list[str]:
    return rng.sample(BOILERPLATE[key], k=min(k, len(BOILERPLATE[key])))


def _nav(rng: random.Random, cls: str = "site-nav") -> str:
    """A menu with sub-menus (mega menus run to dozens of links)."""
    items = "".join(
        f'<li><a href="/{E(x.lower())}">{E(x)}</a><ul class="sub">'
        + "".join(f'<li><a href="/{E(x.lower())}/{E(y.lower())}">{E(y)}</a></li>' for y in _pick(rng, "nav", 5))
        + "</ul></li>"
        for x in _pick(rng, "nav", 8)
    )
    return f'<nav class="{cls}"><ul>{items}</ul></nav>'


def _cookie(rng: random.Random) -> str:
    return f'<div id="cookie-consent" class="cookie-banner"><p>{E(_pick(rng, "cookie")[0])}</p><button>Accept all</button></div>'


def _share(rng: random.Random) -> str:
    links = " ".join(f'<a href="#">{E(x)}</a>' for x in _pick(rng, "share", 3))
    return f'<div class="share-tools">{links}</div>'


def _related(rng: random.Random, title: str = "Related stories", tag: str = "aside", cls: str = "related") -> str:
    items = "".join(f'<li><a href="/news/{i}">{E(x)}</a></li>' for i, x in enumerate(_pick(rng, "related", 4)))
    return f'<{tag} class="{cls}"><h3>{title}</h3><ul>{items}</ul></{tag}>'


def _newsletter(rng: random.Random) -> str:
    return (
        f'<div class="newsletter-signup"><p>{E(_pick(rng, "newsletter")[0])}</p>'
        '<form><input type="email" placeholder="Email address"><button>Sign up</button></form></div>'
    )


def _ad(rng: random.Random) -> str:
    return f'<div class="ad-slot" data-ad="inline">{E(_pick(rng, "ads")[0])}</div>'


def _comments(rng: random.Random) -> str:
    items = "".join(
        f'<li class="comment"><span class="comment-author">Reader{rng.randint(10, 99)}</span><p>{E(c)}</p></li>'
        for c in _pick(rng, "comments", 3)
    )
    return f'<section id="comments" class="comments"><h2>Comments</h2><ol>{items}</ol></section>'


def _footer(rng: random.Random) -> str:
    lines = "".join(f"<p>{E(x)}</p>" for x in _pick(rng, "footer", 3))
    return f'<footer class="site-footer">{lines}</footer>'


def _head_weight(site: str, rng: random.Random) -> str:
    """What a news page's head carries besides the title: meta and link tags, inline CSS and
    configuration scripts (tens of kilobytes on real pages)."""
    metas = "".join(
        f'<meta name="{n}" content="{E(site)} {n} {rng.randint(1000, 9999)}">'
        for n in ("viewport", "robots", "theme-color", "twitter:card", "twitter:site", "fb:app_id", "apple-itunes-app",
                  "msapplication-TileColor", "google-site-verification", "referrer", "format-detection", "keywords")
    )
    links = "".join(f'<link rel="preload" href="/static/{h:x}.woff2" as="font" crossorigin>' for h in rng.sample(range(10**6), 6))
    css = "".join(f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{rng.randint(0, 0xFFFFFF):06x};display:flex}}" for i in range(140))
    config = json.dumps({"site": site, "section": "news", "ads": [{"slot": f"div-gpt-{i}", "sizes": [[300, 250], [728, 90]],
                         "targeting": {"pos": i, "kw": ["news", "world", "region"]}} for i in range(24)],
                         "experiments": {f"exp{i}": rng.random() < 0.5 for i in range(40)}})
    script = "".join(f"function f{i}(a,b){{return a*{i}+b;}} " for i in range(120))
    return f"{metas}{links}<style>{css}</style><script>window.__CONFIG__={config};</script><script>{script}</script>"


def _body_weight(rng: random.Random) -> str:
    """An icon sprite and trailing scripts, as on most news pages."""
    icons = "".join(
        f'<symbol id="i{i}" viewBox="0 0 24 24"><path d="M{rng.randint(0, 9)} {rng.randint(0, 9)}L{rng.randint(10, 24)} '
        f'{rng.randint(10, 24)}Z"/></symbol>' for i in range(60)
    )
    tail = "".join(f"<script>(function(){{var q{i}=[{','.join(str(rng.randint(0, 999)) for _ in range(30))}];}})();</script>"
                   for i in range(8))
    return f'<svg style="display:none">{icons}</svg>', tail


def _head(story: dict, site: str, rng: random.Random, jsonld: bool = False) -> str:
    ld = ""
    if jsonld:
        data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": story["headline"],
                "datePublished": "2025-11-04T09:00:00Z", "author": {"@type": "Person", "name": story["byline"][3:]}}
        ld = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    return (
        f'<head><meta charset="utf-8"><title>{E(story["headline"])} | {E(site)}</title>'
        f'<meta property="og:site_name" content="{E(site)}"><meta name="description" content="{E(story["dek"])}">'
        f'<meta property="article:published_time" content="2025-11-04T09:00:00Z">{ld}{_head_weight(site, rng)}'
        '<script>window.dataLayer = window.dataLayer || []; function track(){ return 1; }</script>'
        "<style>.ad-slot{min-height:250px}</style></head>"
    )


def _paragraphs(story: dict, rng: random.Random, tag: str = "p", inserts: bool = True) -> str:
    """The body paragraphs, with page furniture between some of them."""
    out = []
    paras = story["paragraphs"]
    for i, p in enumerate(paras):
        text = f'{story["dateline"]} – {p}' if i == 0 else p
        out.append(f"<{tag}>{E(text)}</{tag}>")
        if inserts and 0 < i < len(paras) - 1:
            roll = rng.random()
            if roll < 0.15:
                out.append(_ad(rng))
            elif roll < 0.25:
                out.append(f'<p class="read-more"><strong>Read more:</strong> <a href="/x">{E(_pick(rng, "related")[0])}</a></p>')
            elif roll < 0.33:
                out.append(_newsletter(rng))
            elif roll < 0.40:
                out.append(f'<p class="promo"><em>{E(_pick(rng, "promo")[0])}</em></p>')
    return "".join(out)


def _truth(story: dict) -> list[str]:
    return [f'{story["dateline"]} – {p}' if i == 0 else p for i, p in enumerate(story["paragraphs"])]


def _figure(story: dict) -> str:
    return f'<figure><img src="/img/1.jpg" alt=""><figcaption>{E(story["caption"])}</figcaption></figure>'


def semantic_article(story: dict, site: str, rng: random.Random) -> str:
    return (
        f"<!DOCTYPE html><html lang=en>{_head(story, site, rng)}<body>{_cookie(rng)}<header>{_nav(rng)}</header>"
        f'<main><article><h1>{E(story["headline"])}</h1><p class="dek">{E(story["dek"])}</p>'
        f'<p class="byline">{E(story["byline"])}</p>{_share(rng)}{_figure(story)}'
        f"{_paragraphs(story, rng)}{_share(rng)}</article>{_related(rng)}</main>{_comments(rng)}{_footer(rng)}</body></html>"
    )


def story_body_div(story: dict, site: str, rng: random.Random) -> str:
    return (
        f"<!DOCTYPE html><html>{_head(story, site, rng, jsonld=True)}<body><div class=\"page\">{_nav(rng, 'menu')}"
        f'<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/world">World</a></div>'
        f'<div class="headline-wrap"><h1 class="title">{E(story["headline"])}</h1></div>'
        f'<div class="story-meta"><span class="author">{E(story["byline"])}</span> <time datetime="2025-11-04">4 Nov 2025</time></div>'
        f'<div class="story-body">{_figure(story)}{_paragraphs(story, rng)}</div>'
        f'<div class="author-bio"><p>{E(_pick(rng, "author_bio")[0])}</p></div>'
        f"{_related(rng, 'Most read', 'div', 'most-read')}{_footer(rng)}</div></body></html>"
    )


def main_without_article(story: dict, site: str, rng: random.Random) -> str:
    return (
        f"<!DOCTYPE html><html>{_head(story, site, rng)}<body>{_nav(rng)}<main id=\"main\">"
        f'<h1>{E(story["headline"])}</h1><h2 class="standfirst">{E(story["dek"])}</h2>{_figure(story)}'
        f"{_paragraphs(story, rng)}{_newsletter(rng)}</main><aside>{_related(rng, 'Trending', 'div', 'trending')}</aside>"
        f"{_footer(rng)}</body></html>"
    )


def table_layout(story: dict, site: str, rng: random.Random) -> str:
    menu = "".join(f'<a href="/{E(x.lower())}">{E(x)}</a> | ' for x in _pick(rng, "nav", 5))
    related = "".join(f'<a href="/r/{i}">{E(x)}</a><br>' for i, x in enumerate(_pick(rng, "related", 4)))
    return (
        f"<html>{_head(story, site, rng)}<body><table width=100%><tr><td colspan=2>{menu}</td></tr><tr>"
        f'<td width=160 valign=top class="left">{related}</td><td valign=top>'
        f'<font size=5><b>{E(story["headline"])}</b></font><br><i>{E(story["byline"])}</i>'
        f"{_paragraphs(story, rng, inserts=False)}</td></tr><tr><td colspan=2><small>{E(_pick(rng, 'footer')[0])}</small></td></tr>"
        "</table></body></html>"
    )


def obfuscated_classes(story: dict, site: str, rng: random.Random) -> str:
    c = lambda: "css-" + "".join(rng.choice("abcdefghijk0123456789") for _ in range(6))  # noqa: E731
    paras = "".join(f'<p class="{c()}">{E(t)}</p>' for t in _truth(story))
    return (
        f"<!DOCTYPE html><html>{_head(story, site, rng, jsonld=True)}<body><div class=\"{c()}\">{_nav(rng, c())}</div>"
        f'<div class="{c()}"><div class="{c()}"><h1 class="{c()}">{E(story["headline"])}</h1>'
        f'<div class="{c()}"><div class="{c()}">{paras}</div></div></div>'
        f'<div class="{c()}"><h3>Most read</h3><ul>'
        + "".join(f'<li><a href="/m/{i}">{E(x)}</a></li>' for i, x in enumerate(_pick(rng, "related", 5)))
        + f"</ul></div></div>{_footer(rng)}</body></html>"
    )


def br_separated(story: dict, site: str, rng: random.Random) -> str:
    text = "<br><br>".join(E(t) for t in _truth(story))
    return (
        f"<html>{_head(story, site, rng)}<body>{_nav(rng)}<div id=\"content\"><h1>{E(story['headline'])}</h1>"
        f'<div class="text">{text}</div></div>{_related(rng)}{_footer(rng)}</body></html>'
    )


def blog_with_comments(story: dict, site: str, rng: random.Random) -> str:
    return (
        f"<!DOCTYPE html><html>{_head(story, site, rng)}<body><div id=\"wrapper\"><div id=\"header\">{_nav(rng, 'top-menu')}</div>"
        f'<div class="post"><h2 class="post-title">{E(story["headline"])}</h2><div class="entry-content">'
        f"{_paragraphs(story, rng)}</div>{_share(rng)}</div>"
        f'<div class="sidebar widget-area">{_related(rng, "Recent posts", "div", "widget")}</div>'
        f"{_comments(rng)}{_footer(rng)}</div></body></html>"
    )


def scraped_text(story: dict, site: str, rng: random.Random) -> str:
    lines = [
        f"HOME > {rng.choice(BOILERPLATE['nav']).upper()}",
        story["headline"],
        f"{rng.randint(2, 9)} min read",
        story["byline"],
        "Published 4 November 2025",
        " | ".join(_pick(rng, "share", 3)),
    ]
    for i, t in enumerate(_truth(story)):
        lines.append(t)
        if 0 < i < len(story["paragraphs"]) - 1 and rng.random() < 0.3:
            lines.append(rng.choice([f"Read more: {_pick(rng, 'related')[0]}", _pick(rng, "newsletter")[0], "Advertisement"]))
    lines += ["Most read", *_pick(rng, "related", 3), *_pick(rng, "footer", 2), "Leave a comment"]
    return "\n".join(lines) + "\n"


HTML_LAYOUTS = [semantic_article, story_body_div, main_without_article, table_layout, obfuscated_classes,
                br_separated, blog_with_comments]
SITES = ["The Havenport Herald", "Northgate Times", "Valley Post", "Coastline News", "The Daily Ledger",
         "Estaria Today", "Kessmark Observer"]


def generate(n_html: int = 56, n_text: int = 14, seed: int = 7) -> list[Page]:
    """``n_html`` HTML pages (the layouts in turn) and ``n_text`` plain-text pages."""
    rng = random.Random(seed)
    pages = []
    for i in range(n_html):
        story = STORIES[i % len(STORIES)]
        layout = HTML_LAYOUTS[i % len(HTML_LAYOUTS)]
        content = layout(story, SITES[i % len(SITES)], rng)
        sprite, tail = _body_weight(rng)
        body_at = content.index("<body")
        body_at = content.index(">", body_at) + 1
        content = content[:body_at] + sprite + content[body_at:].replace("</body>", tail + "</body>", 1)
        scheme = "neutral" if i % 2 else "semantic"
        if scheme == "neutral":
            content = neutralise(content)
        extra = [story["dek"], story["caption"]]
        pages.append(Page(f"page-{i:03d}.html", layout.__name__, "html", content, _truth(story), scheme, extra))
    for i in range(n_text):
        story = STORIES[(i * 5 + 3) % len(STORIES)]
        text = scraped_text(story, SITES[i % len(SITES)], rng)
        pages.append(Page(f"page-{i:03d}.txt", "scraped_text", "text", text, _truth(story), "semantic", []))
    return pages
