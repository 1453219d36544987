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

A query word matches its lemmas and itself, and words that begin with them when they have at
least five letters (less a final vowel): ``Białoruś`` → ``bialorus*`` finds Białorusi,
białoruskich and Białorusinów; ``Grodno`` → ``grodn*`` finds Grodnie, and Grodna, which
simplemma leaves as it is.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product

from sqlite_utils import Database

from .text import WORD_RE, fold_word, sentence_around

logger = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "pl"  # pages whose language was not detected are most likely Polish here
AUTO_PREFIX_MIN_CHARS = 5  # shorter lemmas match exactly: "rus*" would find "ruszyć"
_STEM_VOWELS = "aeiouyаеиоуыэюяь"  # a final vowel dropped: grodno → grodn*, finds "Grodna"
TITLE_WEIGHT = 3.0  # bm25 weight of a title hit against a text hit
SNIPPET_CHARS = 280
MAX_PHRASE_VARIANTS = 16
# bm25 scores every match: a query matching most of a 100k archive would take 70-110 ms. One
# matching more than this many articles is ranked among the newest this many (10-20 ms).
RANK_AT_MOST = 10_000
_NOT_WORD_RE = re.compile(r"[\W_]+")
_CYRILLIC_RE = re.compile(r"[\u0400-\u04ff]")
_QUERY_TOKEN_RE = re.compile(
    r'"(?P<phrase>[^"]*)"(?P<star>\*?)|(?P<open>\()|(?P<close>\))|(?P<bare>[^\s"()]+)'
    r'|(?P<quote>")|\s+'
)
_OPERATORS = ("AND", "OR", "NOT")


class QueryError(ValueError):
    """A query that cannot be searched for; the message says why, in one line."""


# indexing


@dataclass(frozen=True)
class Terms:
    """An article's words as folded lemmas, in order, and the (form, lemma) pairs seen."""

    title: str
    text: str
    vocabulary: frozenset[tuple[str, str]]


@lru_cache(maxsize=200_000)
def lemma_token(word: str, lang: str | None) -> tuple[str, str]:
    """``word`` folded, and its lemma in ``lang`` (as written: case matters) folded into one
    index token."""
    form = fold_word(word)
    if lang is None or any(ch.isdigit() for ch in word):
        return form, form
    from .lemmas import lemma  # simplemma loads its data on the first call, once per process

    return form, _NOT_WORD_RE.sub("", fold_word(lemma(word, lang))) or form


def terms_of(title: str, text: str, language: str | None) -> Terms:
    """Lemmatise and fold an article's title and text (pure; loads simplemma when first used)."""
    from .lemmas import SUPPORTED

    lang = language or DEFAULT_LANGUAGE
    lang = lang if lang in SUPPORTED else None
    vocabulary: set[tuple[str, str]] = set()

    def lemmatised(value: str) -> str:
        pairs = [lemma_token(word, lang) for word in WORD_RE.findall(value or "")]
        vocabulary.update(pairs)
        return " ".join(token for _, token in pairs)

    return Terms(lemmatised(title), lemmatised(text), frozenset(vocabulary))


def save_terms(db: Database, article: int, terms: Terms) -> None:
    """Store an article's terms; the triggers of ``article_terms`` update the FTS index.

    An upsert, not ``insert or replace``: a replace deletes without firing the delete trigger.
    """
    db.execute(
        "insert into article_terms (article, title, text) values (?, ?, ?) "
        "on conflict (article) do update set title = excluded.title, text = excluded.text",
        [article, terms.title, terms.text],
    )
    db.conn.executemany(
        "insert or ignore into search_vocabulary (form, lemma) values (?, ?)",
        sorted(terms.vocabulary),
    )


def index_all(db: Database) -> int:
    """Terms for every stored article (for archives created before search existed)."""
    count, last = 0, 0
    while rows := db.execute(
        "select id, title, text, language from articles where id > ? order by id limit 200",
        [last],
    ).fetchall():
        for article, title, text, language in rows:
            save_terms(db, article, terms_of(title or "", text or "", language))
        count, last = count + len(rows), rows[-1][0]
    if count:
        logger.info("search terms indexed for %d stored articles", count)
    return count


# queries


@dataclass(frozen=True)
class Pattern:
    """A folded lemma a query looks for; ``prefix`` when longer words starting with it count."""

    term: str
    prefix: bool

    def fts(self) -> str:
        quoted = self.term.replace('"', '""')
        return f'"{quoted}"' + ("*" if self.prefix else "")

    def matches(self, token: str) -> bool:
        return token.startswith(self.term) if self.prefix else token == self.term


@dataclass(frozen=True)
class Query:
    typed: str
    fts: str  # the FTS5 expression over article_terms_fts
    patterns: tuple[Pattern, ...]  # every word it looks for, to mark in snippets


@dataclass
class _Token:
    kind: str  # op, open, close, term
    value: str = ""
    words: list[str] = field(default_factory=list)
    prefix: bool = False


def parse_query(db: Database, typed: str) -> Query:
    """Turn what a user typed into an FTS5 expression over folded lemmas.

    Words (implicitly AND-ed), "quoted phrases", a trailing * for a prefix, AND / OR / NOT
    (upper case, as in FTS5) and parentheses. Raises QueryError on a malformed query.
    """
    lexed = _lex(typed)
    if not any(t.kind == "term" for t in lexed):
        raise QueryError("nothing to search for: give at least one word")
    depth = 0
    for token in lexed:
        depth += {"open": 1, "close": -1}.get(token.kind, 0)
        if depth < 0:
            raise QueryError("a closing parenthesis has no opening one")
    if depth:
        raise QueryError("an opening parenthesis is not closed")
    parser = _Parser(db, lexed)
    expression = parser.expression()
    if parser.position < len(parser.tokens):  # pragma: no cover - the checks above prevent it
        raise QueryError(f"unexpected {parser.tokens[parser.position].value!r}")
    return Query(typed, expression, tuple(dict.fromkeys(parser.patterns)))


def _lex(typed: str) -> list[_Token]:
    out: list[_Token] = []
    for match in _QUERY_TOKEN_RE.finditer(typed):
        if match.group("quote"):
            raise QueryError('a quotation mark is not closed: phrases go "in quotes"')
        if match.group("open"):
            out.append(_Token("open", "("))
        elif match.group("close"):
            out.append(_Token("close", ")"))
        elif match.group("phrase") is not None:
            words = WORD_RE.findall(match.group("phrase"))
            if words:
                out.append(_Token("term", words=words, prefix=bool(match.group("star"))))
        elif (bare := match.group("bare")) is not None:
            if bare in _OPERATORS:
                out.append(_Token("op", bare))
            elif words := WORD_RE.findall(bare):  # "polsko-białoruskie" is a phrase of two
                out.append(_Token("term", words=words, prefix=bare.endswith("*")))
    return out


class _Parser:
    """expression := all (OR all)*; all := one (AND? one)*; one := item (NOT item)*;
    item := term | ( expression )"""

    def __init__(self, db: Database, tokens: list[_Token]):
        self.db = db
        self.tokens = tokens
        self.position = 0
        self.patterns: list[Pattern] = []
        self.lemmas = _vocabulary_lemmas(db, {w for t in tokens for w in t.words})

    def peek(self) -> _Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def expression(self) -> str:
        parts = [self.all_of()]
        while (token := self.peek()) and token.kind == "op" and token.value == "OR":
            self.take()
            parts.append(self.all_of("OR"))
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def all_of(self, after: str | None = None) -> str:
        parts = [self.one(after)]
        while (token := self.peek()) and token.kind != "close" and token.value != "OR":
            if token.kind == "op" and token.value == "AND":
                self.take()
                parts.append(self.one("AND"))
            elif token.kind == "op":  # NOT is handled in one(); anything else starts an item
                break
            else:
                parts.append(self.one())
        return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"

    def one(self, after: str | None = None) -> str:
        expression = self.item(after)
        while (token := self.peek()) and token.kind == "op" and token.value == "NOT":
            self.take()
            expression = f"({expression} NOT {self.item('NOT')})"
        return expression

    def item(self, after: str | None) -> str:
        token = self.peek()
        if token is None or token.kind in ("close", "op"):
            operator = token.value if token is not None and token.kind == "op" else after
            if operator:
                raise QueryError(f"{operator} needs a search term on both sides")
            raise QueryError("empty parentheses: put a search term inside")
        self.take()
        if token.kind == "open":
            expression = self.expression()
            self.take()  # the closing parenthesis: parse_query checked that there is one
            return expression
        return self.term(token)

    def term(self, token: _Token) -> str:
        """A word: any of its lemmas, or the word itself (simplemma may give a form of it a
        lemma other than the one it gave the rest). A phrase (or a hyphenated word): its words
        in order, written ``"a"* + "b"`` so that each may be a prefix."""
        last = len(token.words) - 1
        choices = []
        for i, word in enumerate(token.words):
            form = fold_word(word)
            if token.prefix and i == last:  # "semin*": a prefix as typed, not a word to lemmatise
                choices.append([Pattern(form, True)])
                continue
            lemmas = self.lemmas.get(form) or [_fallback_lemma(word)]
            choices.append(list(dict.fromkeys(_pattern(t) for t in [*lemmas, form])))
        self.patterns.extend(p for c in choices for p in c)
        variants = list(product(*choices))[:MAX_PHRASE_VARIANTS]
        alternatives = [" + ".join(p.fts() for p in variant) for variant in variants]
        return alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")"


def _pattern(lemma: str) -> Pattern:
    """Lemmas of five letters or more also match longer words (Białoruś → białoruski), less a
    final vowel (simplemma leaves some forms as they are: Grodna)."""
    if len(lemma) < AUTO_PREFIX_MIN_CHARS:
        return Pattern(lemma, False)
    return Pattern(lemma[:-1] if lemma[-1] in _STEM_VOWELS else lemma, True)


def _vocabulary_lemmas(db: Database, words: Iterable[str]) -> dict[str, list[str]]:
    """Folded form → its lemmas as the archive's vocabulary knows them (folded, sorted)."""
    forms = sorted({fold_word(w) for w in words})
    found: dict[str, set[str]] = {}
    if forms:
        for form, lemma in db.execute(
            "select form, lemma from search_vocabulary "
            f"where form in ({', '.join('?' * len(forms))})",
            forms,
        ):
            found.setdefault(form, set()).add(lemma)
    return {form: sorted(lemmas) for form, lemmas in found.items()}


def _fallback_lemma(word: str) -> str:
    """A word the archive has never seen: simplemma's lemma (loading it), folded."""
    logger.info("%r is not in the archive's vocabulary: lemmatising it with simplemma", word)
    return lemma_token(word, "ru" if _CYRILLIC_RE.search(word) else DEFAULT_LANGUAGE)[1]


# results


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
