"""Search terms: each article's title and text as folded lemmas, and the archive's vocabulary of
(folded form → folded lemma) pairs (see ``fts`` for the design)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from sqlite_utils import Database

from clusterwatch.text import WORD_RE, fold_word

logger = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "pl"  # pages whose language was not detected are most likely Polish here
_NOT_WORD_RE = re.compile(r"[\W_]+")


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
