"""URL shapes: what a site's URLs look like once their ids, dates and slugs are generalised, and
what the pages of each shape turned out to be.

``/ru/news/1287/`` and ``/ru/news/1290/`` share the shape ``/ru/news/{n}/``;
``/2019/01/28/some-post/`` is ``/{yyyy}/{n}/{n}/{slug}/``; ``news.php?id=12&lang=pl`` is
``/news.php?id={n}&lang=pl``. A crawl counts, per source and shape, the pages it judged to be
articles, listings and other pages (by their content, :mod:`.pagekind`). Once a shape has
:data:`LEARNED_AFTER` pages and one kind holds at least :data:`PURITY` of them, the shape is
learned: links of an "other" shape are no longer fetched (but one per run, to notice a change),
links of a "listing" shape are read as listings. The counts live in the archive (table
``site_shapes``), so the next crawl starts with what this one learned; a site that changes
changes the counts, and a shape that stops being pure is no longer learned.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, urlsplit

LEARNED_AFTER = 3
PURITY = 0.9
KINDS = ("article", "listing", "other")

_YEAR = re.compile(r"^(?:19|20)\d\d$")
_NUMBER = re.compile(r"^\d+$")
_HAS_DIGIT = re.compile(r"\d")
_EXTENSION = re.compile(r"^(.*?)(\.[a-z0-9]{1,5})$", re.I)
_WORDY = re.compile(r"[-_,+ ]|%20")
_NUMBERED = re.compile(r"^([^\W\d_]+)([-_]?)(\d+)$")  # strona-2, page_3, index2


def _segment(segment: str) -> str:
    stem, extension = segment, ""
    match = _EXTENSION.match(segment)
    if match and not _NUMBER.match(segment):
        stem, extension = match.group(1), match.group(2).lower()
    if not stem:
        return extension
    if _YEAR.match(stem):
        return "{yyyy}" + extension
    if _NUMBER.match(stem):
        return "{n}" + extension
    numbered = _NUMBERED.match(stem)
    if numbered:  # a word and a number: a page of a listing, a photo of a gallery
        return numbered.group(1).lower() + numbered.group(2) + "{n}" + extension
    if _HAS_DIGIT.search(stem) or _WORDY.search(stem):
        return "{slug}" + extension  # a slug, an id with words, a hash
    return stem.lower() + extension  # a word: a section name (news, aktualnosci, tag)


def _value(value: str) -> str:
    if _NUMBER.match(value):
        return "{n}"
    if _HAS_DIGIT.search(value) or len(value) > 24:
        return "{id}"
    return value.lower()


# language prefixes of multilingual sites (/ru/…, /be/…): ISO 639-1 codes of the languages seen
# here and their neighbours, and the country-code spellings sites use for them
LANGUAGE_PREFIX = re.compile(r"^/(?:pl|ru|be|by|uk|ua|en|de|fr|lt|lv|cs|sk|es|it)(?=/)")


def news_shape_of(url: str) -> str:
    """The shape of ``url`` without a language prefix: ``/ru/{slug}/`` is ``/{slug}/`` in
    another language of the site."""
    return LANGUAGE_PREFIX.sub("", shape_of(url), count=1)


@lru_cache(maxsize=16384)  # a page's links are asked about several times, menus on every page
def shape_of(url: str) -> str:
    """The shape of ``url`` (host left out: a source's shapes are its own)."""
    parts = urlsplit(url)
    segments = parts.path.split("/")
    path = "/".join(_segment(s) if s else "" for s in segments) or "/"
    if not parts.query:
        return path
    query = sorted(parse_qsl(parts.query, keep_blank_values=True))
    return path + "?" + "&".join(f"{k}={_value(v)}" for k, v in query)


@dataclass
class Shape:
    shape: str
    article: int = 0
    listing: int = 0
    other: int = 0
    changed: bool = False

    @property
    def total(self) -> int:
        return self.article + self.listing + self.other

    @property
    def learned(self) -> str | None:
        """The kind of this shape's pages, once enough of them agree; else None."""
        total = self.total
        if total < LEARNED_AFTER:
            return None
        for kind in KINDS:
            if getattr(self, kind) >= PURITY * total:
                return kind
        return None


class ShapeBook:
    """A source's shapes and their counts: loaded from the archive, updated as pages are judged."""

    def __init__(self, rows: Iterable[dict] = ()):
        self.shapes: dict[str, Shape] = {}
        for row in rows:
            self.shapes[row["shape"]] = Shape(
                row["shape"], row["articles"], row["listings"], row["others"]
            )
        self._probed: set[str] = set()

    def learned(self, url: str) -> str | None:
        shape = self.shapes.get(shape_of(url))
        return shape.learned if shape else None

    def like_listing(self, url: str) -> bool:
        """Whether pages of the shape of ``url`` were judged listings more than anything else,
        even one (a second category of a site looks like the first)."""
        shape = self.shapes.get(shape_of(url))
        return shape is not None and shape.listing > shape.article + shape.other

    def total(self, url: str) -> int:
        shape = self.shapes.get(shape_of(url))
        return shape.total if shape else 0

    def count(self, url: str, kind: str) -> None:
        key = shape_of(url)
        shape = self.shapes.get(key)
        if shape is None:
            shape = self.shapes[key] = Shape(key)
        setattr(shape, kind, getattr(shape, kind) + 1)
        shape.changed = True

    def skip(self, url: str) -> bool:
        """Whether a link to ``url`` need not be fetched: its shape is learned as "other". One
        link of each such shape is fetched per run all the same, so a change is noticed."""
        key = shape_of(url)
        shape = self.shapes.get(key)
        if shape is None or shape.learned != "other":
            return False
        if key not in self._probed:
            self._probed.add(key)
            return False
        return True

    def changed_rows(self, source: str, now: str) -> list[dict]:
        rows = []
        for shape in self.shapes.values():
            if shape.changed:
                rows.append(
                    {
                        "source": source,
                        "shape": shape.shape,
                        "articles": shape.article,
                        "listings": shape.listing,
                        "others": shape.other,
                        "kind": shape.learned,
                        "updated": now,
                    }
                )
                shape.changed = False
        return rows
