"""Discussion threads (forum pages): the text of each post, without author panes and signatures.

On a forum page the posts *are* the content, while trafilatura treats all but one as comments.
Forum engines (phpBB, vBulletin, XenForo, Invision, and home-grown ones alike) give each post an
``id`` carrying its number (``p40412``, ``post_message_87870586``, ``js-post-3374362``), so a
thread shows up as a group of elements whose ids differ only in their digits and which together
hold most of the page's text. Inside each post, the body is the element kind (a class or id
pattern) that the posts share and that holds most of their text while leaving out the author
pane, dates, controls and signature.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from lxml.etree import XPath
from lxml.html import HtmlElement

_NOT_TEXT = frozenset(
    {"script", "style", "noscript", "template", "svg", "head", "iframe", "button", "select"}
)
_DIGITS = re.compile(r"\d+")
# class/id words of what surrounds a post body, never the body itself
_META = re.compile(
    r"author|user|profile|avatar|signature|sig$|^sig|date|time|meta|info|foot|head|control|action"
    r"|button|quote|cite|rank|reput|like|share|vote|report|menu|nav|title|subject|tool|attach",
    re.IGNORECASE,
)
_POST_CHROME = re.compile(
    r"author|user|avatar|profile|signature|postdetails|postinfo|post-info|post_info|date|time"
    r"|header|footer|controls",
    re.IGNORECASE,
)
_QUOTE_TAGS = frozenset({"blockquote", "cite", "q"})
_QUOTE_NAMES = re.compile(r"quote|citation|cytat", re.IGNORECASE)
MIN_SHARE = 0.35  # of the page's text that the posts hold
MIN_BODY_SHARE = 0.5  # of the text of the largest kind of post body, for an inner kind
_SUBSTANTIAL_POST = 25  # characters


@dataclass
class Thread:
    posts: list[HtmlElement]  # post bodies in page order
    share: float  # of the page's non-link text inside the posts
    opening_post: HtmlElement  # the first post's whole element (author, date, body)


def _measure(
    root: HtmlElement, barrier: frozenset | set = frozenset()
) -> tuple[dict[HtmlElement, int], dict[HtmlElement, int]]:
    """Characters of text and of link text under each element; ``barrier`` elements do not
    count towards their ancestors (so a post's own text leaves out the replies nested in it)."""
    text: dict[HtmlElement, int] = {}
    links: dict[HtmlElement, int] = {}
    for element in reversed(list(root.iter())):
        tag = element.tag
        if not isinstance(tag, str) or tag in _NOT_TEXT:
            text[element] = links[element] = 0
            continue
        total = len((element.text or "").strip())
        linked = 0
        for child in element:
            total += len((child.tail or "").strip())
            if child not in barrier:
                total += text[child]
                linked += links[child]
        text[element] = total
        links[element] = total if tag == "a" else linked
    return text, links


def _id_pattern(element: HtmlElement) -> str | None:
    identifier = element.get("id")
    if not identifier or not _DIGITS.search(identifier):
        return None
    return _DIGITS.sub("#", identifier)


def _keys(element: HtmlElement) -> Iterator[tuple[str, str]]:
    pattern = _id_pattern(element)
    if pattern:
        yield ("#", pattern)
    for token in (element.get("class") or "").split():
        if not _DIGITS.search(token):
            yield (element.tag, token)


def _outermost(members: list[HtmlElement]) -> list[HtmlElement]:
    chosen = set(members)
    result = []
    for member in members:
        parent = member.getparent()
        while parent is not None and parent not in chosen:
            parent = parent.getparent()
        if parent is None:
            result.append(member)
    return result


def _is_quote(element: HtmlElement) -> bool:
    return element.tag in _QUOTE_TAGS or bool(_QUOTE_NAMES.search(element.get("class") or ""))


def _own_descendants(
    record: HtmlElement, records: set, skip_quotes: bool = False
) -> Iterator[HtmlElement]:
    """Elements inside ``record`` but not inside a post nested in it (nor in a quoted post)."""
    stack = list(reversed(record))
    while stack:
        element = stack.pop()
        if not isinstance(element.tag, str) or element.tag in _NOT_TEXT or element in records:
            continue
        if skip_quotes and _is_quote(element):
            continue
        yield element
        stack.extend(reversed(element))


def text_chars(element: HtmlElement) -> int:
    """Characters (spaces aside) of an element's text that is not link text nor script."""
    total = _count(element.text_content())
    for inner in element.iterdescendants("a", *_NOT_TEXT):
        total -= _count(inner.text_content())
    return total


def _count(text: str) -> int:
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t") - text.count("\r")


def _records(root: HtmlElement) -> tuple[list[HtmlElement], float] | None:
    """The largest group of elements whose ids differ only in their digits, and the share of
    the page's text they hold."""
    groups: dict[str, list[HtmlElement]] = defaultdict(list)
    for element in _WITH_ID(root):
        pattern = _id_pattern(element)
        if pattern:
            groups[pattern].append(element)
    best, best_text = None, 0
    for members in groups.values():
        top = _outermost(members)
        if len({m.get("id") for m in top}) < 2:
            continue
        amount = sum(text_chars(m) for m in top)
        if amount > best_text:
            best, best_text = members, amount
    if best is None:
        return None
    body = root.find("body")
    page = text_chars(body if body is not None else root)
    return (best, best_text / page) if page > 0 else None


_WITH_ID = XPath("//*[@id]")


def _body_key(records: list[HtmlElement], own, own_links) -> tuple[str, str] | None:
    """The class or id pattern of the post bodies: present in most posts, holding no author
    pane, date or signature (quoted posts aside), and of those holding most of the posts' text
    the innermost (a wrapper around the body may still hold the post's title or an unmarked
    signature)."""
    recset = set(records)
    amounts: dict[tuple[str, str], int] = defaultdict(int)
    present: dict[tuple[str, str], int] = defaultdict(int)
    unclean: set[tuple[str, str]] = set()
    for record in records:
        inside: dict[tuple[str, str], list[HtmlElement]] = defaultdict(list)
        for element in _own_descendants(record, recset, skip_quotes=True):
            for key in _keys(element):
                if not _META.search(key[1]):
                    inside[key].append(element)
        for key, elements in inside.items():
            present[key] += 1
            for element in _outermost(elements):
                amounts[key] += own[element] - own_links[element]
                if key not in unclean and _holds_post_chrome(element):
                    unclean.add(key)
    needed = max(2, (len(records) + 1) // 2)
    candidates = [
        (amount, key)
        for key, amount in amounts.items()
        if present[key] >= needed and key not in unclean and amount > 0
    ]
    if not candidates:
        return None
    most = max(candidates)[0]
    return min(c for c in candidates if c[0] >= MIN_BODY_SHARE * most)[1]


def _holds_post_chrome(element: HtmlElement) -> bool:
    """Whether an author pane, date or signature sits inside (quoted posts do not count)."""
    stack = list(element)
    while stack:
        child = stack.pop()
        if not isinstance(child.tag, str) or _is_quote(child):
            continue
        names = f"{child.get('class') or ''} {child.get('id') or ''}"
        if _POST_CHROME.search(names):
            return True
        stack.extend(child)
    return False


def _fallback_body(record: HtmlElement, records: set, own, own_links) -> HtmlElement:
    """The deepest element holding most of a post's text, for a post whose body is marked
    differently from the others' (often the thread's opening post)."""
    whole = own[record] - own_links[record]
    body = record
    for element in _own_descendants(record, records):
        amount = own[element] - own_links[element]
        names = " ".join(k[1] for k in _keys(element))
        if amount >= 0.6 * whole and not (names and _META.search(names)):
            body = element  # document order: a later match is nested deeper
    return body


def find_thread(root: HtmlElement, min_share: float = MIN_SHARE) -> Thread | None:
    """The posts of a discussion thread on this page, or None when it does not look like one."""
    found = _records(root)
    if found is None or found[1] < min_share:
        return None
    records, share = found
    recset = set(records)
    own, own_links = _measure(root, barrier=recset)
    key = _body_key(records, own, own_links)
    posts: list[HtmlElement] = []
    for record in records:
        if key is not None:
            matches = [
                element
                for element in _own_descendants(record, recset)
                if key in set(_keys(element))
            ]
            if matches:
                posts.extend(_outermost(matches))
                continue
        body = _fallback_body(record, recset, own, own_links)
        if own[body] - own_links[body] > 0:
            posts.append(body)
    # two posts saying something, or it is an article among teasers of others ("post-123")
    if sum(text_chars(post) >= _SUBSTANTIAL_POST for post in posts) < 2:
        return None
    return Thread(posts=posts, share=share, opening_post=records[0])


def posts_are_content(thread: Thread, main_text: str) -> bool:
    """Whether the thread's posts are the page's content: a forum, not an article with reader
    comments below it (those are left out).

    They are when trafilatura's main text and the posts largely overlap (it found one post, or
    all of them), or when its main text holds no prose outside the posts (it found only menus).
    """
    posts = _shingles(" ".join(post_text(post) for post in thread.posts))
    main = _shingles(main_text)
    if not main:
        return True
    common = len(main & posts)
    if common >= _SAME_CONTENT * len(main) or common >= _SAME_CONTENT * len(posts):
        return True
    prose_outside = 0
    for line in main_text.splitlines():
        if len(line) >= PROSE_LINE:
            words = _shingles(line)
            if len(words & posts) < _SAME_CONTENT * len(words):
                prose_outside += len(line)
    return prose_outside < _ARTICLE_CHARS


_WORD = re.compile(r"\w+")
_SAME_CONTENT = 0.5
PROSE_LINE = 80  # characters: a line of prose, not a menu item
_ARTICLE_CHARS = 300  # of prose outside the posts: an article that the posts comment on


def _shingles(text: str) -> set[tuple[str, str, str]]:
    words = _WORD.findall(text.lower())
    return set(zip(words, words[1:], words[2:], strict=False))


_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "cite", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip


def post_text(element: HtmlElement) -> str:
    """The text of one post, a line per block (paragraph, line break, quote, list item)."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        tag = node.tag
        if isinstance(tag, str) and tag not in _NOT_TEXT:
            block = tag in _BLOCKS
            if block:
                parts.append("\n")
            if node.text:
                parts.append(node.text)
            for child in node:
                walk(child)
            if block:
                parts.append("\n")
        if node is not element and node.tail:
            parts.append(node.tail)

    walk(element)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
