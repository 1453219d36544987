"""Article text and metadata from HTML: trafilatura, with per-site rules where a site needs them.

Pure: no Scrapy, no network, no archive. ``extract_article(html, url)`` returns an
:class:`Extracted` or None when the page holds no article (too little text).
Site spiders pass :class:`SiteRules` (CSS selectors for title, date, author and body, and
chrome to drop); whatever a rule does not find falls back to trafilatura.

Without rules the page is parsed once and goes through:

1. :func:`.extract_meta.page_metadata`: title, author, description, tags and date as declared;
2. :func:`.extract_clean.prune_tree`: boilerplate elements out (captions, share boxes, …), and
   tables used for page layout read as plain blocks;
3. :func:`.extract_thread.find_thread`: on a forum the posts are the content;
4. trafilatura in its fast mode (as precise as the default here, and a third cheaper), its
   fallbacks (readability, jusText) only when the fast result looks like menus or misses most
   of the page; the article's lead when trafilatura left it in the header. When the page marks
   its article plainly (:func:`content_frame`), trafilatura reads that element only rather
   than the whole page with its menus and teasers: the same text at half the cost. Its
   precision mode reads the same input too, and its text is kept when it agrees with the
   default's (:func:`_precise`);
5. :func:`.extract_clean.clean_text`: lines of chrome out;
6. :func:`.extract_meta.publication_date`: the date stated by the page, Polish formats
   included, never one in the future.

Whatever the page, the blocks the crawl learned as the site's chrome go last
(:mod:`.boilerplate`).

``benchmarks/extraction_quality.py`` and ``tests/test_extraction_quality.py`` measure the result
against trafilatura's defaults; ``benchmarks/extraction_speed.py`` its cost.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import lxml.etree
import lxml.html
import py3langid
import trafilatura
from bs4 import BeautifulSoup
from lxml.html import HtmlElement
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html
from trafilatura.xpaths import BODY_XPATH

from .boilerplate import fingerprints, strip_blocks
from .clean import clean_text, find_lead, prune_tree, unwrap_layout_tables, with_lead
from .dates import parse_date, sane_date
from .meta import heading_title, may_label_byline, may_mark_author, page_metadata, publication_date
from .thread import PROSE_LINE, find_thread, post_text, posts_are_content, text_chars

logger = logging.getLogger(__name__)

MIN_ARTICLE_CHARS = 250
LANGUAGES = ["pl", "ru", "be", "uk", "en", "de", "lt", "lv", "cs", "sk", "fr"]


@cache
def _identifier() -> py3langid.langid.LanguageIdentifier:
    # loaded where languages are detected (the extraction workers), not in every importer
    identifier = py3langid.langid.LanguageIdentifier.from_pickled_model(
        py3langid.langid.MODEL_FILE, norm_probs=True
    )
    identifier.set_languages(LANGUAGES)
    return identifier


@dataclass(frozen=True)
class SiteRules:
    """CSS selectors for what a site's markup says plainly."""

    title: str | None = None
    date: str | None = None
    author: str | None = None
    body: str | None = None
    drop: tuple[str, ...] = ()


@dataclass
class Extracted:
    title: str
    text: str
    published: str | None = None  # YYYY-MM-DD
    published_from: str | None = None  # "page" when the page states it
    author: str | None = None
    language: str | None = None
    description: str | None = None
    tags: list[str] = field(default_factory=list)
    # fingerprints of the text's blocks before the site's learned chrome went (boilerplate.py)
    blocks: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return {
            "title": self.title,
            "text": self.text,
            "published": self.published,
            "published_from": self.published_from,
            "author": self.author,
            "language": self.language,
            "description": self.description,
            "tags": self.tags,
        }


def detect_language(text: str) -> str | None:
    # py3langid walks every byte in Python; 1000 characters tell pl, ru, be, uk and en apart as
    # well as 4000 on the evaluation pages
    sample = text[:1000]
    if len(sample.strip()) < 20:
        return None
    language, _probability = _identifier().classify(sample)
    return language


def _select_text(soup: BeautifulSoup, selector: str | None) -> str | None:
    if not selector:
        return None
    element = soup.select_one(selector)
    if element is None:
        return None
    text = " ".join(element.get_text(" ").split())
    return text or None


def extract_article(
    html: str,
    url: str | None = None,
    rules: SiteRules | None = None,
    today: date | None = None,
    min_chars: int = MIN_ARTICLE_CHARS,
    boilerplate: frozenset[str] | None = None,
) -> Extracted | None:
    """Extract one article; None when the page is not one (or unusable).

    ``published`` is None when the page states no date (the archive then uses the date the
    page was first seen); ``today`` bounds dates (none in the future). ``boilerplate``: the
    fingerprints of the blocks learned as the site's chrome, dropped from the text
    (:mod:`.boilerplate`); the result's ``blocks`` are those of the text before.
    """
    today = today or date.today()
    try:
        if rules is not None:
            result = _extract_with_rules(html, url, rules, today, min_chars)
        else:
            result = _extract_generic(html, url, today, min_chars)
    except Exception:  # trafilatura raises on some malformed input: one page must not stop a crawl
        logger.warning("extraction failed for %s", url, exc_info=True)
        return None
    if result is None:
        return None
    result.blocks = fingerprints(result.text)
    if boilerplate:
        result.text = strip_blocks(result.text, boilerplate)
        if len(result.text) < min_chars:
            return None
    return result


def _extract_generic(html: str, url: str | None, today: date, min_chars: int) -> Extracted | None:
    tree = load_html(html)
    if tree is None:
        return None
    # the article element, when the page marks it plainly: its date is the page's, and it is
    # what trafilatura reads (found before pruning, which changes it on almost no page)
    frame = content_frame(tree)
    # before pruning, which drops author boxes; a byline is looked for in the frame, else in
    # the page if its HTML holds a label at all (a search of a whole page costs 1.5 ms)
    bylines = frame is not None or may_label_byline(html)
    metadata = page_metadata(tree, url, today, frame, bylines=bylines, marked=may_mark_author(html))
    prune_tree(tree)
    # read as tables, page frames come out as one line per row with paragraphs and lists run
    # together; data tables stay tables
    unwrap_layout_tables(tree)
    thread = find_thread(tree)
    options = dict(url=url, include_comments=False, include_tables=True)
    if thread is not None or (frame is not None and frame.getroottree().getroot() is not tree):
        frame = None  # a thread of posts, or a frame that went with what pruning dropped
    document, source = None, tree
    if frame is not None:
        source = _alone(frame)
        document = trafilatura.bare_extraction(source, fast=True, **options)
        if document is None or not _kept_paragraphs(document.text, frame):
            document = None  # read alone, the frame lost its paragraphs: read the whole page
    if document is None:
        source = tree
        document = trafilatura.bare_extraction(tree, fast=True, **options)
    main_text = (document.text if document is not None else "") or ""
    if thread is None and main_text:
        main_text = _precise(source, main_text, options)
    if thread is None and _worth_fallbacks(main_text, tree):
        # trafilatura's fast heuristics took a menu for the content: its fallbacks (readability,
        # jusText) judge by other signals; worth their cost on such pages only
        fallback = trafilatura.bare_extraction(tree, fast=False, **options)
        if fallback is not None and _text_score(fallback.text) > _text_score(main_text):
            main_text = fallback.text or ""
    title = heading_title(tree, " ".join((metadata.title or "").split()))
    forum = thread is not None and posts_are_content(thread, main_text)
    if forum:
        text = "\n".join(post_text(post) for post in thread.posts)
    else:
        text = with_lead(main_text, find_lead(tree, metadata.description))
    text = clean_text(text, title=title, author=metadata.author, forum=forum)
    if len(text) < min_chars:
        return None
    published = publication_date(
        tree, metadata, thread.opening_post if thread else None, url, today
    )
    return Extracted(
        title=title,
        text=text,
        published=published.isoformat() if published else None,
        published_from="page" if published else None,
        author=metadata.author,
        language=detect_language(f"{title}\n{text}"),
        description=metadata.description,
        tags=list(metadata.tags or []),
    )


def _precise(source: HtmlElement, text: str, options: dict) -> str:
    """trafilatura's precision mode on the same input, when it agrees with the default result.

    Precision mode leaves out the blocks trafilatura doubts (teasers, link lists, notices at
    the edges of the content), which the default keeps. Where it keeps less than
    :data:`_PRECISE_SHARE` of the default's text, it misjudged the page (a forum thread, an
    article in short paragraphs taken for a list) and the default's text stands.
    """
    document = trafilatura.bare_extraction(source, fast=True, favor_precision=True, **options)
    precise = (document.text if document is not None else "") or ""
    return precise if len(precise) >= _PRECISE_SHARE * len(text) else text


_PRECISE_SHARE = 0.6


def content_frame(tree: HtmlElement) -> HtmlElement | None:
    """The element holding the article, when the page marks it plainly; else None.

    The element is the one trafilatura itself would read first: the first that its markup names
    the article's content (``articleBody``, ``entry-content``, ``post-content`` …), or else the
    first ``<article>``. It counts as the article when it holds enough paragraph text for
    trafilatura to take it as the content, and a fair share of all the page's text (less, and
    trafilatura would look beyond it for more).
    """
    body = tree.find("body")
    if body is None:
        return None
    for expression in _FRAME_XPATHS:
        if expression is _FRAME_XPATHS[0] and not _may_name_content(body):
            continue  # the same outcome, without running its regular expressions on every element
        frame = next(iter(expression(body)), None)
        if frame is None:
            continue
        if _IN_CHROME(frame):
            return None
        prose = sum(map(len, _PARAGRAPH_TEXT(frame)))
        if prose < _FRAME_MIN_PROSE or prose < _FRAME_SHARE * _page_chars(body):
            return None
        return frame
    return None


def _kept_paragraphs(text: str | None, frame: HtmlElement) -> bool:
    """Whether an extraction from ``frame`` kept its paragraphs apart (at least half of them)."""
    paragraphs = sum(len(p.text_content()) >= PROSE_LINE for p in frame.iter("p"))
    return len((text or "").splitlines()) * 2 >= paragraphs


def _may_name_content(body: HtmlElement) -> bool:
    """Whether an attribute of the page may name an element as the article's content, as
    trafilatura's first expression looks for it (its own words): when not, that expression
    finds nothing. Run on the attribute values at once, this costs a tenth of the expression."""
    if _CONTENT_ID is None:
        return True
    classes = _CLASS_VALUES(body)
    ids = _ID_VALUES(body)
    return bool(
        "post" in classes
        or "entry" in classes
        or "articleContent" in ids
        or "articleBody" in _ITEMPROP_VALUES(body)
        or _CONTENT_ID.search("\n".join(ids))
        or _CONTENT_CLASS.search("\n".join(classes))
    )


def _page_chars(body: HtmlElement) -> int:
    """Characters of the page's readable text (without scripts, asides and footers)."""
    chars = len(body.text_content())
    for element in _NOT_PAGE_TEXT(body):
        chars -= len(element.text_content())
    return chars


def _alone(frame: HtmlElement) -> HtmlElement:
    """A page holding a copy of ``frame`` only."""
    page = lxml.html.Element("html")
    lxml.etree.SubElement(page, "body").append(copy.deepcopy(frame))
    return page


# trafilatura's first two choices of content element (its own expressions: same choice)
_FRAME_XPATHS = BODY_XPATH[:2]
_IN_CHROME = lxml.etree.XPath(
    "ancestor::aside or ancestor::nav or ancestor::footer or ancestor::header"
)
_CLASS_VALUES = lxml.etree.XPath(".//@class", smart_strings=False)
_ID_VALUES = lxml.etree.XPath(".//@id", smart_strings=False)
_ITEMPROP_VALUES = lxml.etree.XPath(".//@itemprop", smart_strings=False)
try:  # the words of trafilatura's first expression; without them, the expression always runs
    from trafilatura.xpaths import _ARTICLE_CONTENT_CLASS_TOKENS, _ARTICLE_CONTENT_ID_TOKENS

    _CONTENT_ID = re.compile("|".join(_ARTICLE_CONTENT_ID_TOKENS))
    _CONTENT_CLASS = re.compile("|".join(_ARTICLE_CONTENT_CLASS_TOKENS))
except ImportError:  # pragma: no cover
    _CONTENT_ID = _CONTENT_CLASS = None
_PARAGRAPH_TEXT = lxml.etree.XPath(".//p//text()")
# outermost elements whose text html2txt (trafilatura's measure of a page) leaves out
_NOT_PAGE_TEXT = lxml.etree.XPath(
    "(.//script | .//style | .//noscript | .//template | .//aside | .//footer)"
    "[not(ancestor::script or ancestor::style or ancestor::noscript or ancestor::template"
    " or ancestor::aside or ancestor::footer)]"
)
# trafilatura takes a frame with this much paragraph text as the content (3 × its minimum)
_FRAME_MIN_PROSE = 3 * MIN_ARTICLE_CHARS
# below this share of the page's text, trafilatura would retry in recall mode
_FRAME_SHARE = 0.2


def _prose(text: str | None) -> int:
    """Characters in lines of prose (long, or sentences), as opposed to menu items."""
    return sum(
        len(line)
        for line in (text or "").splitlines()
        if len(line) >= PROSE_LINE or (len(line) >= 40 and line.rstrip().endswith((".", "?", "!")))
    )


def _worth_fallbacks(text: str, tree: HtmlElement) -> bool:
    """Whether trafilatura's fast result looks like menus (little prose), or is short on a page
    that has much more text: then its fallbacks may find the article."""
    if _prose(text) < _MENU_PROSE * len(text):
        return True
    if len(text) >= 2 * MIN_ARTICLE_CHARS:
        return False
    body = tree.find("body")
    return body is not None and text_chars(body) >= _MISSED_TEXT * len(text)


_MENU_PROSE = 0.5  # share of prose lines below which a text is menus
_MISSED_TEXT = 4  # times more text on the page than extracted


def _text_score(text: str | None) -> float:
    prose = _prose(text)
    return prose - 0.2 * (len(text or "") - prose)


def _extract_with_rules(
    html: str, url: str | None, rules: SiteRules, today: date, min_chars: int
) -> Extracted | None:
    date_params = {"max_date": today.isoformat(), "extensive_search": True, "original_date": True}
    options = dict(include_comments=False, include_tables=True, with_metadata=True)
    soup = BeautifulSoup(html, "lxml")
    for selector in rules.drop:
        for element in soup.select(selector):
            element.decompose()
    rule_title = _select_text(soup, rules.title)
    rule_date = _select_text(soup, rules.date)
    rule_author = _select_text(soup, rules.author)
    body_html = None
    if rules.body:
        element = soup.select_one(rules.body)
        if element is not None:
            body_html = f"<html><body><article>{element}</article></body></html>"
    html = str(soup)
    if body_html is not None:
        document = trafilatura.bare_extraction(body_html, url=url, favor_recall=True, **options)
        metadata = extract_metadata(html, default_url=url, date_config=date_params)
    else:
        document = trafilatura.bare_extraction(
            html, url=url, date_extraction_params=date_params, **options
        )
        metadata = document
    if document is None or not document.text:
        return None
    title = rule_title or (metadata.title if metadata else None) or document.title or ""
    title = " ".join(title.split())
    author = rule_author or (metadata.author if metadata else None)
    text = clean_text(document.text, title=title, author=author)
    if len(text) < min_chars:
        return None
    published = parse_date(rule_date, today) if rule_date else None
    if published is None and metadata is not None:
        published = sane_date(metadata.date, today)
    return Extracted(
        title=title,
        text=text,
        published=published.isoformat() if published else None,
        published_from="page" if published else None,
        author=author,
        language=detect_language(f"{title}\n{text}"),
        description=metadata.description if metadata else None,
        tags=list((metadata.tags or []) if metadata else []),
    )


def extract_pdf_text(body: bytes, max_pages: int = 200) -> tuple[str | None, str | None]:
    """Text of a PDF document, or ``(None, error)``; never raises."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted:
            return None, "encrypted PDF"
        pages = [page.extract_text() or "" for page in reader.pages[:max_pages]]
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        return None, f"unreadable PDF: {exc}"[:300]
    text = "\n".join(line.rstrip() for page in pages for line in page.splitlines()).strip()
    return (text or None), (None if text else "no text layer")
