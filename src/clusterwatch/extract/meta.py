"""Page metadata for extraction: title, author, date, description and tags.

trafilatura's own ``extract_metadata`` also searches the page for bylines, categories, a site name
and a licence: that search costs as much as the rest of the metadata and its bylines are often
wrong ("Źródło Statista com", "Ursa Minor napisał"). Here the page's declared metadata (meta tags,
OpenGraph, JSON-LD) is read with trafilatura's helpers, the date with htmldate without its
extensive search (:func:`.dates.find_page_date` reads dates written in Polish instead), and an
author only from markup that names one (``rel="author"``, ``itemprop="author"``, author pages)
or from a short line that labels a byline ("Autor: Jan Kowalski", "Tekst: Anna Nowak").
"""

from __future__ import annotations

import copy
import logging
import re
from datetime import date

import lxml.etree
import lxml.html
from htmldate import find_date
from lxml.etree import XPath
from lxml.html import HtmlElement
from trafilatura.metadata import examine_meta, extract_meta_json, extract_title
from trafilatura.settings import Document

from .dates import find_page_date, parse_date, sane_date

logger = logging.getLogger(__name__)

_AUTHOR_MARKUP = XPath(
    "//*[@rel='author'] | //*[@itemprop='author'][not(@content)]"
    " | //a[contains(@href, '/autor/') or contains(@href, '/author/')]"
)
_NAME = re.compile(r"[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){1,3}")


def page_metadata(
    tree: HtmlElement,
    url: str | None,
    today: date,
    frame: HtmlElement | None = None,
    *,
    bylines: bool = True,
    marked: bool = True,
) -> Document:
    """The metadata a page declares, in trafilatura's :class:`Document` (body fields empty).

    ``frame`` is the article's element, when the page marks one: a date printed there is the
    article's, where one printed elsewhere on the page may be a teaser's or an event's.
    ``bylines``: whether the page may label one in its text (:func:`may_label_byline`);
    ``marked``: whether its markup may name one (:func:`may_mark_author`).
    """
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None  # a user name or a site name, not a person
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception:  # trafilatura's JSON-LD reader fails on some malformed blocks
        logger.debug("unreadable JSON-LD metadata on %s", url, exc_info=True)
    if not metadata.title:
        metadata.title = extract_title(tree)
    if not metadata.author and marked:
        metadata.author = _marked_author(tree)
    if not metadata.author and bylines:
        metadata.author = _labelled_author(frame if frame is not None else tree)
    metadata.url = metadata.url or url
    options = dict(url=url, extensive_search=False, original_date=True, max_date=today.isoformat())
    metadata.date = None
    if frame is not None:
        metadata.date = find_date(_date_scope(tree, frame), **options)
    if metadata.date is None:
        metadata.date = find_date(tree, **options)
    metadata.clean_and_trim()
    return metadata


def _date_scope(tree: HtmlElement, frame: HtmlElement) -> HtmlElement:
    """A page of what htmldate reads ahead of the text (the title, every ``<meta>``, JSON-LD)
    and a copy of the article's element: the whole page's metadata, the article's text only.
    Searching it costs a fraction of searching the page, which htmldate copies whole first."""
    page = lxml.html.Element("html")
    head = lxml.etree.SubElement(page, "head")
    for element in _DECLARED(tree):
        declared = copy.deepcopy(element)
        declared.tail = None
        head.append(declared)
    lxml.etree.SubElement(page, "body").append(copy.deepcopy(frame))
    return page


_DECLARED = XPath(
    "//title | //meta | //script[@type='application/ld+json' or @type='application/settings+json']"
)


def may_mark_author(html: str) -> bool:
    """Whether ``html`` may mark an author (``rel="author"``, ``itemprop="author"``, a link to
    an author page): each needs one of these words, and a look at the string costs a tenth of
    the search of the parsed page (0.5 ms), which two pages in three would make for nothing."""
    return "author" in html or "autor" in html


def _marked_author(tree: HtmlElement) -> str | None:
    for element in _AUTHOR_MARKUP(tree)[:5]:
        name = " ".join(element.text_content().split())
        if _NAME.fullmatch(name) and any(part[0].isupper() for part in name.split()):
            return name
    return None


# a byline the text labels: "Autor: Jan Kowalski | 12.03.2024", "Tekst: Anna Nowak", "Автор: …";
# not "Opracowanie:" (an office, or initials) nor "fot." (who took the photo)
_BYLINE_LABELS = ("Autor", "AUTOR", "Tekst:", "Napisał", "Author", "Автор", "Аўтар")
_BYLINE_TEXT = XPath(
    ".//text()[" + " or ".join(f"contains(., '{label}')" for label in _BYLINE_LABELS) + "]"
)
_LABEL = r"(?:autor(?:ka)?|tekst|napisał(?:a)?|author|автор|аўтар)"
# the label opens the line ("Autor Jan Kowalski"), or follows a date or a separator with a colon
# ("12.03.2024 | Autor: Jan Kowalski"); a name of two or three words ends the line or a field
_BYLINE = re.compile(
    rf"(?:^{_LABEL}\b\s*[:\-–—]?|(?<=[\s|•·,;]){_LABEL}\s*:)\s*"
    r"(?P<name>[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){1,2})\s*(?:$|[|,;(•·/–—]|\s-\s)",
    re.IGNORECASE,
)


def may_label_byline(html: str) -> bool:
    """Whether ``html`` holds a byline label at all: a look at the string costs a fifth of a
    search of the whole parsed page, which most pages would make for nothing."""
    return any(label in html for label in _BYLINE_LABELS)


def _labelled_author(scope: HtmlElement) -> str | None:
    """A person's name after a byline label, in a short line of ``scope``."""
    for node in _BYLINE_TEXT(scope)[:10]:
        element = node.getparent()  # of a tail, the element it follows: its parent holds it
        if element is not None and node.is_tail:
            element = element.getparent()
        if element is None:
            continue
        line = " ".join(element.text_content().split())
        if len(line) <= 12 and element.getparent() is not None:  # "<b>Autor:</b> Jan Kowalski"
            line = " ".join(element.getparent().text_content().split())
        if len(line) > 120:
            continue
        match = _BYLINE.search(line)
        if match and all(part[0].isupper() for part in match.group("name").split()):
            return match.group("name").rstrip(".")
    return None


def publication_date(
    tree: HtmlElement,
    metadata: Document,
    opening_post: HtmlElement | None,
    url: str | None,
    today: date,
) -> date | None:
    """The page's publication date, from the most to the least explicit statement of it: the
    metadata, the opening post of a thread, elements named for dates, htmldate's search of the
    whole page. None when the page states none (the caller then uses the date first seen)."""
    found = sane_date(metadata.date, today)
    if found is None and opening_post is not None:
        found = parse_date(opening_post.text_content()[:_OPENING_POST_CHARS], today)
    if found is None:
        found = find_page_date(tree, today)
    if found is None:
        searched = find_date(
            tree, url=url, extensive_search=True, original_date=True, max_date=today.isoformat()
        )
        # a bare year ("© 2019" in the footer) comes back as 1 January: no date is better
        if searched and not searched.endswith("-01-01"):
            found = sane_date(searched, today)
    return found


_OPENING_POST_CHARS = 3000


# what sites put between an article's title and their own name in <title> and og:title
_TITLE_SEPARATOR = re.compile(r"\s+[-–—|:·•»«/]{1,2}\s+")


def heading_title(tree: HtmlElement, title: str) -> str:
    """The article's own heading when the declared title is that heading with the site's or
    section's name around it ("Title - Unit - Portal Gov.pl", "Site | Title"): a general rule
    of how CMSs build ``<title>``, checked against the page's own ``h1``–``h3`` headings."""
    if not title or not _TITLE_SEPARATOR.search(title):
        return title
    best = ""
    for element in tree.iter("h1", "h2", "h3"):
        text = " ".join(element.text_content().split())
        if len(text) < 4 or len(text) >= len(title) or len(text) <= len(best):
            continue
        if _is_masthead(element):
            continue  # the site's name or logo, in the page header or linking home
        if (title.startswith(text) and _TITLE_SEPARATOR.match(title, len(text))) or (
            title.endswith(text) and _SEPARATOR_END.search(title[: -len(text)])
        ):
            best = text  # the longest: a site's name may be a heading too (a logo)
    return best or title


_SEPARATOR_END = re.compile(r"\s+[-–—|:·•»«/]{1,2}\s+$")


def _is_masthead(heading: HtmlElement) -> bool:
    links = heading.findall(".//a")
    if links and sum(len(a.text_content().strip()) for a in links) >= len(
        heading.text_content().strip()
    ):
        return True
    return any(ancestor.tag in ("header", "nav") for ancestor in heading.iterancestors())
