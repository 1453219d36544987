"""Per-site boilerplate: blocks of text that recur across a source's pages, fingerprinted and
left out.

A single-page extractor cannot tell a site's chrome inside the content area (a sidebar, a
"related" box, a sign-off, a funding or copyright notice) from the article: a crawler sees many
pages of one site, and a block of text that recurs whole on several of them is not any one
article's own. A worker extracting a page fingerprints each line (block) of the text it extracted
(:func:`fingerprints`: the line normalised, a short line's numbers generalised) and drops the
blocks the crawl learned for the page's source (:func:`strip_blocks`). Which blocks a source
repeats is learned from the archive's pages (:mod:`clusterwatch.archive.blocks`).

The article's own text is never dropped: only a whole block counts (a project's name repeated
in each article's first sentence leaves the sentences different), a line naming the article's
original ("Źródło: …") is kept, and when learned blocks would take half a page or more, the page
is a copy of another and keeps its text.
"""

from __future__ import annotations

import hashlib
import re

from clusterwatch.text import named_source

MAX_DROPPED_SHARE = 0.5  # learned blocks taking this share of a page: a copy, not chrome

_NUMBER = re.compile(r"\d+")
_NON_WORD = re.compile(r"[\W_]+")


def _normalise(line: str) -> str:
    line = line.casefold()
    if len(line) <= _SHORT_LINE:  # "© 2024", "PAP, 12.03.2024": the same line, another date
        line = _NUMBER.sub("0", line)
    return _NON_WORD.sub(" ", line).strip()


_SHORT_LINE = 100  # longer lines with other numbers are other sentences


def fingerprint(line: str) -> str | None:
    """The fingerprint of a block of text (None for a line without words)."""
    key = _normalise(line)
    if not key or key == "0":
        return None
    return hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


def fingerprints(text: str) -> tuple[str, ...]:
    """The distinct fingerprints of ``text``'s lines, in order; lines naming the article's
    original (which the archive reads) are never chrome and have none."""
    seen: dict[str, None] = {}
    for line in text.splitlines():
        key = fingerprint(line)
        if key is not None and (":" not in line or named_source(line) is None):
            seen.setdefault(key, None)
    return tuple(seen)


def strip_blocks(text: str, blocks: frozenset[str] | set[str] | None) -> str:
    """``text`` without its lines whose fingerprint is in ``blocks``; unchanged when those lines
    hold :data:`MAX_DROPPED_SHARE` of it or more (a copy of another page, not chrome)."""
    if not blocks or not text:
        return text
    lines = text.splitlines()
    kept = [line for line in lines if fingerprint(line) not in blocks]
    if len(kept) == len(lines):
        return text
    if sum(map(len, kept)) <= (1 - MAX_DROPPED_SHARE) * len(text):
        return text
    return "\n".join(kept)
