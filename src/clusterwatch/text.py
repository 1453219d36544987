"""Text normalisation shared by dedup, alerts and search, and the original an article names
("Źródło: …"), which extraction keeps and dedup follows.

``fold`` lowercases and removes diacritics, including the Polish ``ł`` that Unicode does not
decompose (SQLite's FTS5 ``remove_diacritics`` keeps it too), so ``Białoruś`` and ``bialorus``
meet. Cyrillic keeps its letters: only combining marks go (``й`` → ``и``, ``ё`` → ``е``),
and Belarusian ``ў`` becomes ``у``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

_EXTRA_FOLDS = str.maketrans(
    {"ł": "l", "ß": "ss", "ø": "o", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe"}
)
WORD_RE = re.compile(r"\w+", re.UNICODE)
_SPACE_RE = re.compile(r"\s+")
# sentence ends: . ! ? … followed by space and an upper-case letter, digit or quote; or a newline
_SOURCE_RE = re.compile(
    r"(?:Źródło|Zrodlo|Source|Источник|Крыніца)\s*:\s*(\S[^\n]*)", re.IGNORECASE
)
_SOURCE_WORDS = ("źródło", "zrodlo", "source", "источник", "крыніца")
_URL_RE = re.compile(r"https?://[^\s<>\"]+")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?…])\s+(?=[\"„«(\[]?[A-ZĄĆĘŁŃÓŚŹŻА-ЯЁІЎЄЇҐ0-9])|\n+")


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """A lowercase word without diacritics; cached because vocabularies are small."""
    lowered = word.lower().translate(_EXTRA_FOLDS)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Fold a whole text, word by word, keeping everything else."""
    return WORD_RE.sub(lambda m: fold_word(m.group(0)), text)


def normalize_space(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """``(word, start, end)`` for each word of ``text``."""
    for match in WORD_RE.finditer(text):
        yield match.group(0), match.start(), match.end()


def sentence_around(text: str, start: int, end: int, max_chars: int = 320) -> tuple[str, int, int]:
    """The sentence holding ``text[start:end]``, with the hit's offsets inside it.

    Long sentences are cut around the hit so that a snippet stays readable.
    """
    # the last sentence end before the hit, looked for in a stretch before it that grows until
    # it holds one, up to 4 × ``max_chars``: a sentence longer than that is cut around the hit
    # anyway (a scan from the text's start made a text's snippets cost the square of its length)
    sentence_start, window = -1, 256
    while sentence_start < 0:
        lower = max(0, start - window)
        while lower > 0 and text[lower - 1].isspace():
            lower -= 1  # not inside a run of spaces: matches then are the full scan's
        for match in _SENTENCE_END_RE.finditer(text, lower, start):
            sentence_start = match.end()
        if sentence_start < 0 and (lower == 0 or window >= 4 * max_chars):
            sentence_start = lower
        window *= 2
    next_end = _SENTENCE_END_RE.search(text, end)
    sentence_end = next_end.start() if next_end else len(text)
    if sentence_end - sentence_start > max_chars:
        half = max_chars // 2
        sentence_start = max(sentence_start, start - half)
        sentence_end = min(sentence_end, end + half)
    raw = text[sentence_start:sentence_end]
    stripped = raw.lstrip()
    offset = sentence_start + (len(raw) - len(stripped))
    snippet = stripped.rstrip()
    return snippet, start - offset, end - offset


def named_source(text: str) -> str | None:
    """The URL or name after "Źródło:" (or "Source:") near the end of an article."""
    lowered = text.lower()
    if not any(word in lowered for word in _SOURCE_WORDS):
        return None  # a tenth of the cost of the case-blind expression on a text without them
    matches = list(_SOURCE_RE.finditer(text))
    if not matches:
        return None
    value = matches[-1].group(1).strip()
    url = _URL_RE.search(value)
    return url.group(0).rstrip(".,;)") if url else value[:200]
