"""Page metadata for extraction: title, author, date, description and tags.

trafilatura's own ``extract_metadata`` also searches the page for bylines, categories, a site name
and a licence: that search costs as much as the rest of the metadata and its bylines are often
wrong ("Źródło Statista com", "Ursa Minor napisał"). Here the page's declared metadata (meta tags,
OpenGraph, JSON-LD) is read with trafilatura's helpers, the date with htmldate without its
extensive search (:func:`.dates.find_page_date` reads dates written in Polish instead), and an
author only from markup that names one (``rel="author"``, ``itemprop="author"``, author pages).
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
    tree: HtmlElement, url: str | None, today: date, frame: HtmlElement | None = None
) -> Document:
    """The metadata a page declares, in trafilatura's :class:`Document` (body fields empty).

    ``frame`` is the article's element, when the page marks one: a date printed there is the
    article's, where one printed elsewhere on the page may be a teaser's or an event's.
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
    if not metadata.author:
        metadata.author = _marked_author(tree)
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


def _marked_author(tree: HtmlElement) -> str | None:
    for element in _AUTHOR_MARKUP(tree)[:5]:
        name = " ".join(element.text_content().split())
        if _NAME.fullmatch(name) and any(part[0].isupper() for part in name.split()):
            return name
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
