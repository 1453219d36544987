"""What a page is, judged by its content: one article, a listing of teasers, or neither.

A page is a **listing** when its main content is a series of similar teaser blocks — sibling
elements of one shape, each linking to a page of its own and carrying more than its link (a
date, an intro, an excerpt) — and an **article** when its main content is one piece of prose:
paragraphs of running sentences with few links. Everything else (a contact page, a gallery, a
calendar grid, a menu of sections) is **other**. Markup that declares a page an article
(``og:type``, JSON-LD, ``article:published_time``) is evidence the caller may weigh; it is not
needed here.

The judgement reads the page's tree once (the tree Scrapy's selector already parsed):

- page chrome is skipped: ``header``, ``footer``, ``nav``, ``aside``, and elements whose
  role or a class/id token names a menu, sidebar, footer, breadcrumbs, cookie banner or share box;
- a **teaser series** is a group of at least three siblings of one tag and class, of similar
  size or built alike (a blog's home page shows one post whole among excerpts), each holding a link to a distinct in-scope page (not the page itself) and at least
  :data:`TEASER_MIN_TEXT` characters or a date. Menus (link text only), tag clouds and pagers are
  not teasers; a flat series (``h2 > a`` followed by its excerpt paragraphs) counts each heading
  with the siblings up to the next one;
- **prose** is text in block elements outside links and teaser series, in blocks of at least
  :data:`PROSE_MIN_BLOCK` characters with a sentence's end and few links;
- the largest teaser series against the largest prose container (the element whose children
  hold the most prose) decides between listing and article; too little of either is "other".

Written on the zoo's "dev" shapes, checked on its "heldout" and "unseen" ones
(``benchmarks/zoo.py``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from clusterwatch.extract.dates import parse_date

#: a teaser carries at least this much text besides (or with) its link, or a date
TEASER_MIN_TEXT = 25
#: a block of prose: at least this many characters outside links
PROSE_MIN_BLOCK = 50
#: an article's main prose container holds at least this many characters
ARTICLE_MIN_PROSE = 200
#: at least this many teasers make a series
SERIES_MIN = 3
#: a line that gives an article's date is short ("Opublikowano: 28 stycznia 2019 r., 12:30")
DATE_LINE = 40

# not <form>: ASP.NET WebForms pages hold their whole body in one; a search or newsletter form
# has little prose anyway
_CHROME_TAGS = frozenset(
    {"header", "footer", "nav", "aside", "script", "style", "noscript", "template",
     "select", "button", "iframe", "svg", "head", "menu", "dialog", "textarea"}
)  # fmt: skip
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
# a class or id token that starts with one of these words names page chrome (not "widget":
# Blogger's main column is a widget, and page builders call every block one)
_CHROME_TOKEN = re.compile(
    r"^(?:menu|nav|navbar|navigation|sidebar|side-bar|footer|header|breadcrumbs?|cookies?"
    r"|share|sharing|social|skip|topbar|masthead|copyright|pagination|pager)(?:$|[-_])",
    re.I,
)
_INLINE = frozenset(
    {"a", "span", "strong", "em", "b", "i", "u", "small", "big", "sup", "sub", "font", "abbr",
     "cite", "code", "mark", "q", "s", "time", "br", "img", "label", "bdi", "bdo", "wbr", "nobr"}
)  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?…;:](?:\s|$)|[.!?…]$")
_DIGITS = re.compile(r"\d+")
_HEADINGS = ("h1", "h2", "h3")
_SCRIPT = re.compile(r"\.(?:php\d?|aspx?|jsp|cfm|cgi|pl|dll)$|/$(?<=^/)", re.I)


@dataclass
class PageKind:
    """The verdict on a page, with what it was based on."""

    kind: str  # article, listing, other
    reason: str
    prose: int = 0  # characters of prose in the largest prose container
    teasers: int = 0  # characters in the largest teaser series
    teaser_links: list[str] = field(default_factory=list)  # links of every teaser series
    content_links: set[str] = field(default_factory=set)  # in-scope links outside page chrome
    series: list[frozenset[str]] = field(default_factory=list)  # each teaser series' links
    dated: bool = False  # a date printed near the page's heading, or declared in its markup
    declared: bool = False  # markup declares an article (og:type, JSON-LD, published_time)


@dataclass
class _Block:
    text: int = 0
    links: int = 0
    ends: int = 0


class _Reader:
    """One pass over the tree: text sizes of every element, prose blocks, first links."""

    def __init__(self, base: str, page_path: str, in_scope: Any):
        self.base = base
        self.page_path = page_path
        self.in_scope = in_scope
        self.size: dict[Any, tuple[int, int]] = {}  # element -> (text, link text)
        self.links: dict[Any, list[str]] = {}  # element -> distinct in-scope link URLs inside
        self.blocks: dict[Any, _Block] = defaultdict(_Block)
        self.order: list[Any] = []  # elements in document order (not chrome)
        self._resolved: dict[str, str | None] = {}
        self.content: set[str] = set()  # every in-scope link outside chrome, the page's own too

    def url(self, href: str) -> str | None:
        """The in-scope page ``href`` leads to, unless it is this page (then None)."""
        if href in self._resolved:
            return self._resolved[href]
        url: str | None = None
        href = href.strip()
        if href and not href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
            url = urljoin(self.base, href).split("#", 1)[0]
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") and self.in_scope(url):
                self.content.add(url)  # a page of its comments, of its listing: still a link
            if parts.scheme not in ("http", "https") or (
                parts.path == self.page_path
                and not _SCRIPT.search(parts.path)
                and parts.netloc == urlsplit(self.base).netloc
            ):
                # the page itself (a reply link, a page of its comments); not on sites whose
                # pages are a script's query (news.php?id=12), where the path says nothing
                url = None
            elif not self.in_scope(url):
                url = None
        self._resolved[href] = url
        return url

    def walk(self, element: Any, block: Any, in_link: bool) -> tuple[int, int, list[str]]:
        tag = element.tag
        if not isinstance(tag, str):
            return 0, 0, []
        tag = tag.lower()
        if _is_chrome(element, tag):
            return 0, 0, []
        self.order.append(element)
        is_link = tag == "a" and element.get("href") is not None
        linked = in_link or is_link
        own_block = block if tag in _INLINE else element
        links: list[str] = []
        if is_link:
            url = self.url(element.get("href"))
            if url is not None:
                links.append(url)
        text = links_text = 0
        if element.text:
            n = self._count(own_block, element.text, linked)
            text += n
            links_text += n if linked else 0
        for child in element:
            child_text, child_links, child_urls = self.walk(child, own_block, linked)
            text += child_text
            links_text += child_links
            for url in child_urls:
                if url not in links:
                    links.append(url)
            if child.tail:
                n = self._count(own_block, child.tail, in_link)
                text += n
                links_text += n if in_link else 0
        self.size[element] = (text, links_text)
        self.links[element] = links
        return text, links_text, links

    def _count(self, block: Any, text: str, linked: bool) -> int:
        stripped = text.strip()
        if not stripped:
            return 0
        n = len(stripped)
        record = self.blocks[block]
        record.text += n
        if linked:
            record.links += n
        elif _SENTENCE_END.search(stripped):
            record.ends += 1
        return n


def _is_chrome(element: Any, tag: str) -> bool:
    if tag in _CHROME_TAGS:
        return True
    role = element.get("role")
    if role and role.lower() in _CHROME_ROLES:
        return True
    for name in ("class", "id"):
        value = element.get(name)
        if value and any(_CHROME_TOKEN.match(token) for token in value.split()):
            return True
    return False


def _signature(element: Any) -> tuple[str, str]:
    classes = element.get("class") or ""
    # generated or numbered classes (t-rec t396, post-123, item-4) vary between teasers
    tokens = sorted({_DIGITS.sub("", token) for token in classes.split()})
    return element.tag, " ".join(tokens)


@dataclass
class _Series:
    items: list[list[Any]]
    links: list[str]
    text: int


def _series(reader: _Reader, parent: Any) -> list[_Series]:
    """The teaser series among ``parent``'s children."""
    children = [c for c in parent if isinstance(c.tag, str) and c in reader.size]
    if len(children) < SERIES_MIN:
        return []
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, child in enumerate(children):
        groups[_signature(child)].append(index)
    found = []
    for positions in groups.values():
        if len(positions) < SERIES_MIN:
            continue
        # a flat series: each member with the siblings up to the next member
        contiguous = positions[-1] - positions[0] + 1 == len(positions)
        items = []
        for n, start in enumerate(positions):
            if contiguous:
                end = start + 1
            else:
                end = positions[n + 1] if n + 1 < len(positions) else start + 1
                # the last member of a flat series takes as many siblings as the one before it
                if n + 1 == len(positions) and n > 0:
                    end = min(len(children), start + (positions[n] - positions[n - 1]))
            items.append(children[start:end])
        teasers: list[tuple[list[Any], str, int]] = []
        blocks = 0  # items that hold anything (separators, spacers do not count)
        last = -2
        for index, item in enumerate(items):
            text = sum(reader.size[e][0] for e in item)
            link_text = sum(reader.size[e][1] for e in item)
            urls: list[str] = []
            for e in item:
                for url in reader.links[e]:
                    if url not in urls:
                        urls.append(url)
            if not text and not urls:
                continue
            if teasers and last == index - 1 and urls and urls[0] == teasers[-1][1]:
                # the next row of the same teaser (a table row of its intro, its "more" link)
                merged, url, size = teasers[-1]
                teasers[-1] = (merged + item, url, size + text)
                last = index
                continue
            blocks += 1
            if not urls or len(urls) > 6:
                continue  # no page of its own, or a block of many links (a menu column)
            if text - link_text < TEASER_MIN_TEXT and not _has_date(item) and text < 60:
                continue  # a link and little else: a menu entry, a tag, a page number
            teasers.append((item, urls[0], text))
            last = index
        if len(teasers) < SERIES_MIN or len(teasers) < 0.6 * blocks:
            continue
        distinct = {url for _, url, _ in teasers}
        if len(distinct) < max(SERIES_MIN, 0.8 * len(teasers)):
            continue  # the same page linked from every block: not a series of pages
        sizes = sorted(text for _, _, text in teasers)
        median = sizes[len(sizes) // 2]
        if sizes[-1] > 6 * max(median, 40) and not _alike([item for item, _, _ in teasers]):
            # one block far larger than the rest, and built otherwise: page sections (a
            # builder's blocks), not teasers; a blog's home page showing one post whole among
            # excerpts builds them all alike
            continue
        found.append(
            _Series(
                items=[item for item, _, _ in teasers],
                links=[url for _, url, _ in teasers],
                text=sum(sizes),
            )
        )
    return found


def _inner(item: list[Any]) -> frozenset[tuple[str, str]]:
    """The shapes of an item's elements two levels down: what a template repeats."""
    found = set()
    for element in item:
        for child in element:
            if isinstance(child.tag, str):
                found.add(_signature(child))
                for grandchild in child:
                    if isinstance(grandchild.tag, str):
                        found.add(_signature(grandchild))
    return frozenset(found)


def _alike(items: list[list[Any]]) -> bool:
    """Whether most items are built from the same template."""
    shapes = [_inner(item) for item in items]
    common = max(set(shapes), key=shapes.count)
    return bool(common) and shapes.count(common) >= 0.8 * len(shapes)


def _has_date(item: list[Any]) -> bool:
    """A date in the item, printed in one piece of text (cells and spans are read apart: glued
    together, "10.06.2014" and the title after it would be no date)."""
    for element in item:
        for node in element.iter():
            if node.tag == "time" and (node.get("datetime") or (node.text or "").strip()):
                return True
            for piece in (node.text, node.tail if node is not element else None):
                if piece and 6 <= len(piece.strip()) <= 200 and parse_date(piece) is not None:
                    return True
    return False


def classify(
    root: Any,
    url: str,
    in_scope: Any,
    base: str | None = None,
    recurring: Any = None,
) -> PageKind:
    """Judge the page whose parsed tree is ``root`` (an lxml element).

    ``recurring(links)``: whether a teaser series with these links was seen on other pages of
    the site — a "latest news" box in a sidebar the markup does not name, which makes no page
    a listing (its teasers still count as links to articles)."""
    page_path = urlsplit(url).path
    reader = _Reader(base or url, page_path, in_scope)
    body = root.find("body")
    if body is None:
        body = root
    reader.walk(body, body, False)

    # teaser series, outermost first: a series inside a teaser belongs to it
    covered: set[Any] = set()
    all_series: list[_Series] = []
    for element in reader.order:
        if element in covered:
            continue
        for series in _series(reader, element):
            all_series.append(series)
            for item in series.items:
                for member in item:
                    covered.update(member.iter())
    # prose: blocks outside teasers and chrome, summed per parent (a prose container)
    containers: dict[Any, int] = defaultdict(int)
    first_block: dict[Any, Any] = {}
    for block, record in reader.blocks.items():
        if block in covered or not isinstance(block.tag, str):
            continue
        plain = record.text - record.links
        if plain >= PROSE_MIN_BLOCK and record.ends and record.links <= 0.4 * record.text:
            parent = block.getparent()
            parent = parent if parent is not None else block
            containers[parent] += plain
            first_block.setdefault(parent, block)  # blocks are met in document order
    main = max(containers, key=containers.__getitem__, default=None)
    prose = containers[main] if main is not None else 0
    teaser_links = [link for series in all_series for link in series.links]
    own = [s for s in all_series if not (recurring and recurring(frozenset(s.links)))]
    biggest = max(own, key=lambda s: s.text, default=None)
    teasers = biggest.text if biggest else 0
    declared = _declared(root)
    dated = (declared and _declared_date(root)) or (
        main is not None and _dated_heading(reader, first_block[main])
    )
    if biggest is not None and teasers >= prose:
        kind, reason = "listing", f"{len(biggest.items)} teasers"
    elif prose >= ARTICLE_MIN_PROSE:
        kind, reason = "article", "prose"
    elif biggest is not None and teasers >= 0.5 * prose:
        kind, reason = "listing", f"{len(biggest.items)} teasers"
    else:
        kind, reason = "other", "too little prose" if prose else "no prose"
    return PageKind(
        kind=kind,
        reason=reason,
        prose=prose,
        teasers=teasers,
        teaser_links=teaser_links,
        content_links=reader.content,
        series=[frozenset(s.links) for s in all_series],
        dated=bool(dated),
        declared=declared,
    )


def _declared(root: Any) -> bool:
    """The page's markup says it is an article (Open Graph, article:published_time, JSON-LD)."""
    head = root.find("head")
    if head is not None:
        for meta in head.iter("meta"):
            prop = (meta.get("property") or meta.get("name") or "").lower()
            content = (meta.get("content") or "").lower()
            if (prop == "og:type" and content == "article") or prop == "article:published_time":
                return True
    for script in root.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and re.search(
            r'"@type"\s*:\s*"(?:News|Blog|Scholarly|Report)?(?:Article|Posting)"', script.text or ""
        ):
            return True
    return False


def _declared_date(root: Any) -> bool:
    for meta in root.iter("meta"):
        prop = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if prop in ("article:published_time", "datepublished", "date", "dc.date") and meta.get(
            "content"
        ):
            return True
    if root.xpath("//*[@itemprop='datePublished']"):  # schema.org microdata
        return True
    return any(True for _ in root.iter("time"))


def _dated_heading(reader: _Reader, first: Any) -> bool:
    """A date printed between the article's heading and its first paragraph of prose (or in
    that paragraph's opening line): where CMSs print an article's date. A date further down is
    the text's own (a deadline, an event, "Data publikacji strony: …")."""
    position = {element: n for n, element in enumerate(reader.order)}
    end = position.get(first)
    if end is None:
        return False
    start = end
    while start > 0 and reader.order[start - 1].tag not in _HEADINGS and end - start < 40:
        start -= 1
    # a date line above the heading (a blog's date header) or below it, up to the text
    window = (
        reader.order[max(0, start - 8) : end]
        + [e for e in first.iter() if isinstance(e.tag, str) and e is not first][:3]
    )
    for element in window:
        if element.tag == "time":
            return True
        own = (
            (element.text or "")
            + " "
            + " ".join((child.tail or "") for child in element if isinstance(child.tag, str))
        )
        own = own.strip()
        if own and len(own) <= DATE_LINE and parse_date(own) is not None:
            return True
    return False
