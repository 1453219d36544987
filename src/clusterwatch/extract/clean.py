"""Cleaning rules for extracted text: page chrome that trafilatura lets through.

Two kinds of rules, both general (no site is named here):

- :func:`prune_tree` drops elements before extraction: photo captions, reading-time badges,
  sharing, newsletter and related-posts boxes, cookie banners, breadcrumbs, link-preview cards.
- :func:`clean_text` drops lines after extraction: navigation words ("Powrót", "Sonda"), cookie
  notices, "Czytaj też: …" links, "REKLAMA", photo credits, separators, agency signatures at the
  end ("PAP", "red."), an author's bio closing the text, and on forums the quote headers
  ("X napisał(a):"), edit notes and "Wysłane z mojego …" signatures.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

# Elements that are never article text, whatever the site, by their (lowercased) class names.
# Matched without re.IGNORECASE, which costs ten times as much on the thousands of class
# attributes of a page.
_BOILERPLATE_CLASS = re.compile(
    r"reading-?time|read-time|czas-czytania|newsletter|share-buttons|social-share|sharing"
    r"|udostepnij|author-bio|about-author|author-box|related-posts|read-also|czytaj-tez|zobacz-tez"
    r"|polecane|cookie|gdpr|breadcrumb|unfurl"
)
_MAX_PRUNED_CHARS = 3000
_CLASS_VALUES = etree.XPath("//@class")
_CAPTIONS = etree.XPath("//figcaption")


def prune_tree(tree: HtmlElement) -> HtmlElement:
    """Drop boilerplate elements in place (keeping the text that follows each); returns the tree."""
    doomed = _CAPTIONS(tree)
    for names in _CLASS_VALUES(tree):
        if _BOILERPLATE_CLASS.search(names.lower()):
            doomed.append(names.getparent())
    for element in doomed:
        if element.getparent() is None or element.tag in ("html", "body"):
            continue
        # a class word can also sit on a wrapper of the article ("has-sharing", "cookie-ok")
        if len(element.text_content()) > _MAX_PRUNED_CHARS or _holds_an_article(element):
            continue
        element.drop_tree()
    return tree


# a table laid out as a page (its cells hold paragraphs, lists, headings or other tables): read
# as a table it would come out as one line per row, the article's paragraphs and lists run together
_LAYOUT_TABLES = etree.XPath(
    "//table[./*/td[.//p or .//div or .//ul or .//ol or .//table or .//h1 or .//h2 or .//h3]"
    " or ./td[.//p or .//div or .//ul or .//ol or .//table or .//h1 or .//h2 or .//h3]]"
)
_TABLE_PARTS = frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"})


def unwrap_layout_tables(tree: HtmlElement) -> HtmlElement:
    """Turn layout tables into plain blocks in place (data tables stay); returns the tree."""
    for table in _LAYOUT_TABLES(tree):
        parts = [table]
        while parts:
            element = parts.pop()
            element.tag = "div"
            parts.extend(child for child in element if child.tag in _TABLE_PARTS)
    return tree


def _holds_an_article(element: HtmlElement) -> bool:
    if element.find(".//h1") is not None:
        return True
    paragraphs = (p for p in element.iter("p") if len(p.text_content()) >= 150)
    return next(paragraphs, None) is not None and next(paragraphs, None) is not None


# --- line rules -------------------------------------------------------------------------------

# whole lines of navigation and boxes
_CHROME_LINE = re.compile(
    r"(?:powrót|wróć|przejdź do (?:treści|menu|nawigacji)|zobacz (?:pozostałe|wszystkie|więcej)"
    r"(?: artykuły| aktualności| wpisy| zdjęcia)?|zapisz się do newslettera.*|newsletter"
    r"|nasze publikacje|sonda|w górę|do góry|tagi:?|udostępnij.*|drukuj|czytaj (?:więcej|dalej)"
    r"|więcej informacji:?|reklama|komentarze(?: \(\d+\))?|dodaj komentarz|otwórz galerię.*"
    r"|podziel się:?|polecamy:?|najnowsze(?: artykuły| wiadomości)?|najczęściej czytane"
    r"|może cię (?:też |także )?zainteresować:?"
    r"|skip to (?:main )?content|back to top|advertisement|share(?: this)?:?|print|comments?"
    r"|you (?:may|might) also like.*|don'?t miss|more stories|like this story\?.*"
    r"|.*(?:pliki cookies|plików cookies|ciasteczk|cookie policy|polityk\w* cookies).*)"
)
# "Czytaj też: <title of another article>"; the label alone is followed by the link line
_SEE_ALSO = re.compile(
    r"(?:(?:czytaj|przeczytaj|zobacz|sprawdź)(?: też| także| również| więcej)?"
    r"|(?:read|see) (?:more|also)|also read|related(?: articles?| stories)?)\s*:(.*)"
)
_READING_TIME = re.compile(
    r"(?:(?:ten )?(?:tekst|artykuł) przeczytasz w .*|czas czytania:?.*|\d+\s*min(?:ut[ay]?|\.)? czytania.*"
    r"|\d+ min(?:ute)? read)"
)
_CREDIT = re.compile(
    r"(?:fot\.|fot:|foto:|fotografia:|zdjęcie(?: tytułowe| główne)?:|zdjęcia:|źródło zdjęcia:"
    r"|ilustracja:|grafika:|photo:|image:|credit:|photo credit:).{0,120}"
)
# a signature closing a news item: "PAP", "red.", "(mp)", "oprac. AB"; never "Źródło: …", which
# names the original of a republished article (ingest.py reads it)
_SIGNATURE = re.compile(
    r"\(?(?:red\.?|oprac\.?.{0,40}|autor(?:ka)?:.{0,60}|tekst:.{0,60}|\w{1,4}/\w{1,4}"
    r"|[A-ZŁŚŻŹĆŃÓĘĄ]{2,6}(?:/[A-ZŁŚŻŹĆŃÓĘĄ]{2,6})*)\)?\.?",
)
_NO_WORDS = re.compile(r"[^\w|]*")  # separators ("* * *"), not table rules ("|---|")
_READ_MORE = re.compile(r"\s*\[(?:czytaj |zobacz )?(?:więcej|dalej|więcej\.\.\.)\]", re.IGNORECASE)
_TWEET_BYLINE = re.compile(r"[—–-] .{1,80} \(@\w+\) \w+ \d{1,2}, \d{4}")

# forum posts
_QUOTE_HEADER = re.compile(
    r"^(?:(?:cytat|quote|cytuj)(?: \(.{0,60}\))?:?|(?:napisane przez|originally posted by|cytat z:?)"
    r" .{0,60}|.{0,60}\b(?:napisał\(a\)|napisał|napisała|pisze|wrote|said|pisał\(a\)):)\s*",
    re.IGNORECASE,
)
_EDIT_NOTE = re.compile(
    r"(?:ostatnio )?(?:edytowan[ey]|edytowano|zmieniony|zmieniona|edited|last edited)\b.{0,100}",
    re.IGNORECASE,
)
_SENT_FROM = re.compile(
    r"(?:wysłane z (?:mojego|mojej|aplikacji)|sent from my|sent using) .{0,100}", re.IGNORECASE
)


# one pattern over the lowercased line: re.IGNORECASE would cost several times as much
_CHROME = re.compile(
    "|".join(
        f"(?:{pattern.pattern})"
        for pattern in (_CHROME_LINE, _READING_TIME, _CREDIT, _NO_WORDS, _TWEET_BYLINE)
    )
)


def _is_chrome(line: str) -> bool:
    return _CHROME.fullmatch(line.lower()) is not None


def clean_text(
    text: str, title: str | None = None, author: str | None = None, forum: bool = False
) -> str:
    """The extracted text without the lines of page chrome described in the module docstring."""
    title_key = _key(title) if title else None
    lines: list[str] = []
    skip_next = False
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if "[" in line:
            line = _READ_MORE.sub("", line)
        if not line:
            continue
        if skip_next:
            skip_next = False
            if len(line) <= 160 and not line.endswith((".", ":")):
                continue
        see_also = _SEE_ALSO.fullmatch(line.lower())
        if see_also:
            skip_next = not see_also.group(1).strip()
            continue
        if _is_chrome(line) or (title_key and len(lines) < 3 and _key(line) == title_key):
            continue
        if forum:
            line = _QUOTE_HEADER.sub("", line)
            if not line or _EDIT_NOTE.fullmatch(line) or _SENT_FROM.fullmatch(line):
                continue
        lines.append(line)
    while lines and _is_closing_line(lines[-1], author):
        lines.pop()
    return "\n".join(lines)


def _is_closing_line(line: str, author: str | None) -> bool:
    if len(line) <= 60 and _SIGNATURE.fullmatch(line):
        return True
    if author and len(line) < 600:
        # an author's bio closing the text: "Jan Kowalski, doktor nauk …", "Jan Kowalski – dziennikarz"
        name = author.split(";")[0].strip()
        return (
            len(name) > 4 and re.match(re.escape(name) + r"\s*(?:[,–—-]|jest\b)", line) is not None
        )
    return False


def _key(line: str) -> str:
    return re.sub(r"\W+", " ", line).strip().casefold()


_LEAD_CLASS = re.compile(
    r"(?:^|[-_])(?:lead|lede|standfirst|intro|excerpt|summary|dek)(?:$|[-_](?:text|inner|content))",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")


def find_lead(tree: HtmlElement, description: str | None) -> str | None:
    """The article's lead paragraph, which trafilatura often leaves in the page header: an
    element marked as a lead (``art-lead``, ``article__lead``, ``standfirst``) saying what the
    page's own description says."""
    if not description:
        return None
    wanted = _word_pairs(description)
    if len(wanted) < 4:
        return None
    for element in _LEAD_CANDIDATES(tree):
        names = element.get("class")
        if not any(_LEAD_CLASS.search(token) for token in names.split()):
            continue
        text = " ".join(element.text_content().split())
        if not 40 <= len(text) <= 1500:
            continue
        found = _word_pairs(text)
        if len(found & wanted) >= 0.6 * min(len(found), len(wanted)):
            return text
    return None


_LEAD_CANDIDATES = etree.XPath(
    "(//p | //div | //section | //h2 | //span | //header)[@class]["
    + " or ".join(
        f"contains(@class, '{word}')"
        for word in ("lead", "Lead", "standfirst", "intro", "Intro", "excerpt", "summary", "dek")
    )
    + "]"
)


def _word_pairs(text: str) -> set[tuple[str, str]]:
    words = _WORD.findall(text.lower())
    return set(zip(words, words[1:], strict=False))


def with_lead(text: str, lead: str | None) -> str:
    """``text`` opening with ``lead`` unless it already holds it."""
    if not lead:
        return text
    if " ".join(lead.split())[:80] in " ".join(text.split()):
        return text
    return f"{lead}\n{text}"
