"""Search: SQLite FTS5 over the folded lemmas of each article's title and text.

SQLite's own ``unicode61 remove_diacritics 2`` folds ń and ś but keeps ł, and knows no inflection,
so ``articles_fts`` alone cannot find "Białorusi" for ``bialorus``. Every word of an article is
therefore lemmatised in the page's language (simplemma, case kept) and folded (``text.fold_word``:
case and every diacritic, ł too): "białoruskich" is indexed as ``bialoruski``, "Białorusi" as
``bialorus``. One lemma per word, in order, so phrases still work and a snippet can mark the
original words. The terms live in ``article_terms``, indexed by ``article_terms_fts``.

Sync: ``ingest`` writes an article's terms explicitly, in the same transaction as the article or
its new revision (a trigger cannot call simplemma); sqlite-utils' triggers then keep
``article_terms_fts`` in step with ``article_terms``, so every writer of terms (ingest, the
migration that indexed older archives, a rebuild) keeps the index right without knowing it.

Cost: simplemma loads a language's data on first use, once per process (``lemmas.lemma``), so
only a process that indexes a new or changed article pays it. Searching does not: each (folded
word → folded lemma) pair seen while indexing is kept in ``search_vocabulary``, and a query word is
mapped through the archive's own vocabulary — which also serves words typed without diacritics
("bialorusi"), which simplemma does not know. Only a word the archive has never seen is lemmatised
with simplemma.

The terms are made and stored in ``terms``, queries parsed in ``query``; this
module runs them and ranks, groups and marks the results.

A query word matches its lemmas and itself, and words that begin with them when they have at
least five letters (less a final vowel): ``Białoruś`` → ``bialorus*`` finds Białorusi,
białoruskich and Białorusinów; ``Grodno`` → ``grodn*`` finds Grodnie, and Grodna, which
simplemma leaves as it is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from clusterwatch.text import WORD_RE, fold_word, sentence_around

from .query import Pattern, Query, QueryError, parse_query

TITLE_WEIGHT = 3.0  # bm25 weight of a title hit against a text hit
SNIPPET_CHARS = 280
# bm25 scores every match: a query matching most of a 100k archive would take 70-110 ms. One
# matching more than this many articles is ranked among the newest this many (10-20 ms).
RANK_AT_MOST = 10_000


@dataclass(frozen=True)
class Copy:
    article: int
    source: str
    url: str


@dataclass(frozen=True)
class SearchResult:
    article: int
    url: str
    title: str
    source: str
    published: str | None
    story: int | None
    score: float  # bm25: lower is better
    title_hits: tuple[tuple[int, int], ...]  # character spans in the title
    snippet: str
    snippet_hits: tuple[tuple[int, int], ...]  # character spans in the snippet
    copies: tuple[Copy, ...] = ()  # the story's other articles


def search(
    db: Database,
    typed: str,
    *,
    sources: Sequence[str] = (),
    since: str | None = None,
    topic: str | None = None,
    limit: int = 20,
) -> list[SearchResult]:
    """The best ``limit`` stories for a query, best first: one result per story.

    A story's best-ranked article stands for it; its other articles are listed as copies.
    ``since`` (YYYY-MM-DD) keeps articles published on or after it; ``topic`` those that raised
    an alert on that topic. Raises QueryError on a malformed query.
    """
    query = parse_query(db, typed)
    ranked = _ranked(db, query, sources, since, topic, limit)
    if not ranked:
        return []
    rows = {
        row[0]: row
        for row in db.execute(
            "select a.id, a.url, a.title, a.source, a.published, a.story, a.text, "
            "t.title, t.text from articles a left join article_terms t on t.article = a.id "
            f"where a.id in ({', '.join('?' * len(ranked))})",
            [article for article, _ in ranked],
        )
    }
    copies = _copies(db, [rows[a][5] for a, _ in ranked if rows[a][5] is not None])
    results = []
    for article, score in ranked:
        _, url, title, source, published, story, text, title_terms, text_terms = rows[article]
        snippet, snippet_hits = _snippet(text or "", text_terms, query.patterns)
        results.append(
            SearchResult(
                article=article,
                url=url,
                title=title or "",
                source=source,
                published=published,
                story=story,
                score=score,
                title_hits=tuple(_hits(title or "", title_terms, query.patterns)),
                snippet=snippet,
                snippet_hits=tuple(snippet_hits),
                copies=tuple(c for c in copies.get(story, ()) if c.article != article),
            )
        )
    return results


def _ranked(
    db: Database,
    query: Query,
    sources: Sequence[str],
    since: str | None,
    topic: str | None,
    limit: int,
) -> list[tuple[int, float]]:
    """(article, bm25) of the best article of each of the best ``limit`` stories."""
    where, params = ["article_terms_fts match ?"], [query.fts]
    if sources:
        where.append(f"a.source in ({', '.join('?' * len(sources))})")
        params.extend(sources)
    if since:
        where.append("a.published >= ?")
        params.append(since)
    if topic:
        where.append("exists (select 1 from matches m where m.article = a.id and m.topic = ?)")
        params.append(topic)
    score = f"bm25(article_terms_fts, {TITLE_WEIGHT}, 1.0)"
    try:
        if len(where) == 1:  # rank in the FTS index alone, then look up the few rows it keeps
            floor = db.execute(
                "select rowid from article_terms_fts where article_terms_fts match ? "
                "order by rowid desc limit 1 offset ?",
                [query.fts, RANK_AT_MOST - 1],
            ).fetchone()
            params.append(floor[0] if floor else 0)
            sql = (
                "select f.id, a.story, f.score from ("
                f"  select rowid as id, {score} as score from article_terms_fts"
                "   where article_terms_fts match ? and rowid >= ?"
                "   order by score, rowid limit ? offset ?"
                ") f join articles a on a.id = f.id order by f.score, f.id"
            )
        else:
            sql = (
                f"select a.id, a.story, {score} as score "
                "from article_terms_fts join articles a on a.id = article_terms_fts.rowid "
                f"where {' and '.join(where)} order by score, a.id limit ? offset ?"
            )
        return _best_of_each_story(db, sql, params, limit)
    except sqlite3.OperationalError as exc:  # our parser should leave nothing to FTS5
        raise QueryError(f"cannot search for {query.typed!r}: {exc}") from None


def _best_of_each_story(
    db: Database, sql: str, params: list[object], limit: int
) -> list[tuple[int, float]]:
    """Ranked rows, a batch at a time, until ``limit`` stories have their best article."""
    best: list[tuple[int, float]] = []
    seen_stories: set[int] = set()
    batch, offset = max(limit * 3, 30), 0
    while len(best) < limit:
        rows = db.execute(sql, [*params, batch, offset]).fetchall()
        for article, story, score in rows:
            key = story if story is not None else -article
            if key not in seen_stories:
                seen_stories.add(key)
                best.append((article, score))
                if len(best) == limit:
                    break
        if len(rows) < batch:
            break
        offset += batch
    return best


def _copies(db: Database, stories: list[int]) -> dict[int, list[Copy]]:
    out: dict[int, list[Copy]] = {}
    if not stories:
        return out
    for story, article, source, url in db.execute(
        "select story, id, source, url from articles "
        f"where story in ({', '.join('?' * len(stories))}) order by first_seen, id",
        stories,
    ):
        out.setdefault(story, []).append(Copy(article, source, url))
    return out


def _hits(
    text: str, terms: str | None, patterns: Sequence[Pattern], most: int = 1000
) -> list[tuple[int, int]]:
    """Character spans of the (first ``most``) words of ``text`` whose lemma a pattern matches."""
    exact = {p.term for p in patterns if not p.prefix}
    prefixes = tuple(p.term for p in patterns if p.prefix)
    lemmas = (terms or "").split(" ")
    matches = WORD_RE.finditer(text)
    if len(lemmas) != len(WORD_RE.findall(text)):  # terms of another text: compare the words
        lemmas = [fold_word(m.group(0)) for m in WORD_RE.finditer(text)]
    wanted = [
        i for i, t in enumerate(lemmas) if t in exact or (prefixes and t.startswith(prefixes))
    ][:most]
    spans, position = [], 0
    for index in wanted:
        for match in matches:
            position += 1
            if position - 1 == index:
                spans.append(match.span())
                break
    return spans


def _snippet(
    text: str, terms: str | None, patterns: Sequence[Pattern]
) -> tuple[str, list[tuple[int, int]]]:
    """The sentence with the most hits among the first few hits' sentences, with the hits'
    spans inside it."""
    hits = _hits(text, terms, patterns, most=200)
    if not hits:
        lead = text[:SNIPPET_CHARS]
        return (lead.rsplit(" ", 1)[0] + " …" if len(text) > SNIPPET_CHARS else lead), []
    best: tuple[int, str, int] | None = None  # (hits inside, snippet, its offset in text)
    for start, end in hits[:5]:
        snippet, hit_start, _ = sentence_around(text, start, end, SNIPPET_CHARS)
        offset = start - hit_start
        inside = sum(1 for s, e in hits if s >= offset and e <= offset + len(snippet))
        if best is None or inside > best[0]:
            best = (inside, snippet, offset)
    assert best is not None
    _, snippet, offset = best
    spans = [
        (s - offset, e - offset) for s, e in hits if s >= offset and e <= offset + len(snippet)
    ]
    return snippet, spans
