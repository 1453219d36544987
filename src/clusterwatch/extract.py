"""Article text and metadata from HTML: trafilatura, with per-site rules where a site needs them.

Pure: no Scrapy, no network, no archive. ``extract_article(html, url)`` returns an
:class:`Extracted` or None when the page holds no article (too little text).
Site spiders pass :class:`SiteRules` (CSS selectors for title, date, author and body, and
chrome to drop); whatever a rule does not find falls back to trafilatura.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date

import py3langid
import trafilatura
from bs4 import BeautifulSoup
from trafilatura.metadata import extract_metadata

from .dates import parse_date, sane_date

logger = logging.getLogger(__name__)

MIN_ARTICLE_CHARS = 250
LANGUAGES = ["pl", "ru", "be", "uk", "en", "de", "lt", "lv", "cs", "sk", "fr"]
_identifier = py3langid.langid.LanguageIdentifier.from_pickled_model(
    py3langid.langid.MODEL_FILE, norm_probs=True
)
_identifier.set_languages(LANGUAGES)

# Lines of site chrome that survive extraction on Polish sites: navigation, newsletter boxes,
# "back" links, cookie notices. Matched against whole lines, at the start or end of the text.
_CHROME_LINES = re.compile(
    r"^(?:powrót|wróć|przejdź do (?:treści|menu)|zobacz (?:pozostałe|wszystkie|więcej)(?: artykuły| aktualności)?"
    r"|zapisz się do newslettera.*|newsletter|nasze publikacje|sonda|w górę|do góry|tagi:?|udostępnij.*"
    r"|drukuj|czytaj (?:więcej|dalej)|więcej informacji:?|skip to (?:main )?content|back to top"
    r"|.*(?:pliki cookies|plików cookies|ciasteczk|cookie policy|polityk\w* cookies).*)$",
    re.IGNORECASE,
)


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
    sample = text[:4000]
    if len(sample.strip()) < 20:
        return None
    language, _probability = _identifier.classify(sample)
    return language


def _clean_lines(text: str) -> str:
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    while lines and _CHROME_LINES.match(lines[0]):
        lines.pop(0)
    while lines and _CHROME_LINES.match(lines[-1]):
        lines.pop()
    return "\n".join(lines)


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
) -> Extracted | None:
    """Extract one article; None when the page is not one (or unusable)."""
    today = today or date.today()
    date_params = {"max_date": today.isoformat(), "extensive_search": True, "original_date": True}
    options = dict(include_comments=False, include_tables=True, with_metadata=True)
    rule_title = rule_date = rule_author = None
    body_html = None
    if rules is not None:
        soup = BeautifulSoup(html, "lxml")
        for selector in rules.drop:
            for element in soup.select(selector):
                element.decompose()
        rule_title = _select_text(soup, rules.title)
        rule_date = _select_text(soup, rules.date)
        rule_author = _select_text(soup, rules.author)
        if rules.body:
            element = soup.select_one(rules.body)
            if element is not None:
                body_html = f"<html><body><article>{element}</article></body></html>"
        html = str(soup)
    try:
        if body_html is not None:
            document = trafilatura.bare_extraction(body_html, url=url, favor_recall=True, **options)
            metadata = extract_metadata(html, default_url=url, date_config=date_params)
        else:
            document = trafilatura.bare_extraction(
                html, url=url, date_extraction_params=date_params, **options
            )
            metadata = document
    except (
        Exception
    ):  # trafilatura raises on some malformed input; a bad page must not stop a crawl
        logger.warning("extraction failed for %s", url, exc_info=True)
        return None
    if document is None or not document.text:
        return None
    text = _clean_lines(document.text)
    if len(text) < min_chars:
        return None
    title = rule_title or (metadata.title if metadata else None) or document.title or ""
    published = parse_date(rule_date, today) if rule_date else None
    published_from = "page" if published else None
    if published is None and metadata is not None:
        published = sane_date(metadata.date, today)
        published_from = "page" if published else None
    language = detect_language(f"{title}\n{text}")
    return Extracted(
        title=" ".join(title.split()),
        text=text,
        published=published.isoformat() if published else None,
        published_from=published_from,
        author=rule_author or (metadata.author if metadata else None),
        language=language,
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
