"""What an article's text gives without the database, ready for :mod:`.ingest` to store.

Hashes, shingles, the MinHash signature, search terms and alert matches: pure, and picklable,
so that crawl workers compute them off the writer's thread (see :mod:`clusterwatch.crawl.workers`).
"""

from __future__ import annotations

from dataclasses import dataclass

from clusterwatch.alerts.topics import TopicMatcher, snippet_for
from clusterwatch.extract.article import Extracted
from clusterwatch.search import terms as search_terms
from clusterwatch.text import named_source

from . import dedup


@dataclass(frozen=True)
class Match:
    """One alert hit, ready to store: where it is and the sentence around it."""

    field: str  # title or text
    topic: str
    term: str
    snippet: str
    hit_start: int
    hit_end: int


@dataclass(frozen=True)
class Prepared:
    """What an article's text gives without the database: hashes, shingles, the MinHash
    signature, search terms and alert matches. Pure and picklable, so that crawl workers can
    compute it off the writer's thread (see :mod:`clusterwatch.crawl.workers`)."""

    text_hash: str
    grams: frozenset[str]
    signature: dedup.Signature | None
    terms: search_terms.Terms
    matches: tuple[Match, ...] | None  # None: no matcher was given
    named_source: str | None = None  # "Źródło: …" at the end of the text

    @classmethod
    def of(cls, extracted: Extracted, matcher: TopicMatcher | None = None) -> Prepared:
        grams = dedup.shingles(extracted.text)
        signature = dedup.Signature.of(grams)
        if signature is not None:
            signature.band_keys()  # kept on the signature: the writer only looks them up
        return cls(
            dedup.content_hash(extracted.text),
            grams,
            signature,
            search_terms.terms_of(extracted.title, extracted.text, extracted.language),
            None if matcher is None else tuple(find_matches(matcher, extracted)),
            named_source(extracted.text),
        )


def find_matches(matcher: TopicMatcher, extracted: Extracted) -> list[Match]:
    found = []
    for field, text in (("title", extracted.title), ("text", extracted.text)):
        for hit in matcher.match(text):
            snippet, start, end = snippet_for(text, hit)
            found.append(Match(field, hit.topic, hit.term, snippet, start, end))
    return found
