"""The blocks of text each source repeats, learned from its pages in the archive.

The crawl process counts, per source, on how many stored pages each block (a line's
fingerprint: :func:`clusterwatch.extract.boilerplate.fingerprints`) occurred
(:class:`BlockBook`, kept in the archive's ``boilerplate_blocks`` table, so later runs, the
worker processes and ``clusterwatch extract --config`` share it). A block found on
:data:`MIN_PAGES` distinct pages is chrome; one not seen among the source's last :data:`WINDOW`
pages is forgotten, so a redesigned site is relearned. The articles this run stored before a
block was learned lose it then (:meth:`BlockBook.observe` returns them, :func:`strip_stored`
rewrites their current text).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from clusterwatch.extract.boilerplate import fingerprint, strip_blocks
from clusterwatch.search import terms as search_terms

from . import dedup
from .urls import Scope

logger = logging.getLogger(__name__)

MIN_PAGES = 3  # distinct pages of a source a block must occur on to be its chrome
WINDOW = 500  # a block not seen among the source's last WINDOW pages is forgotten
RECENT_PAGES = 50  # stored pages of a run that a block learned later is taken out of
TABLE = "boilerplate_blocks"


def learned_blocks(db: Database, source: str) -> frozenset[str]:
    """The blocks learned as ``source``'s chrome (empty for an archive without the table)."""
    if TABLE not in db.table_names():
        return frozenset()
    return BlockBook(db, source).learned


class BlockBook:
    """What the crawl learned of one source's blocks; the crawl process's only, written through
    its archive connection (inside the write batch of the article that taught it)."""

    def __init__(self, db: Database, source: str):
        self.db = db
        self.source = source
        self.counts: dict[str, list[int]] = {}  # fingerprint: [pages, last page]
        for key, pages, last in db.execute(
            f"select fingerprint, pages, last_page from {TABLE} where source = ?", [source]
        ):
            self.counts[key] = [pages, last]
        self.page = max((last for _, last in self.counts.values()), default=0)
        self.recent: deque[tuple[int, frozenset[str]]] = deque(maxlen=RECENT_PAGES)
        self._learned: frozenset[str] | None = None

    @property
    def learned(self) -> frozenset[str]:
        if self._learned is None:
            oldest = self.page - WINDOW
            self._learned = frozenset(
                key
                for key, (pages, last) in self.counts.items()
                if pages >= MIN_PAGES and last > oldest
            )
        return self._learned

    def observe(
        self, blocks: Iterable[str], text: str, article: int | None
    ) -> list[tuple[int, frozenset[str]]]:
        """Count the blocks of a newly stored page (``text`` as stored, ``article`` its id).

        Returns the stored articles of this run holding blocks learned just now, with those
        blocks, for :func:`strip_stored`.
        """
        self.page += 1
        samples: dict[str | None, str] | None = None
        now_learned: set[str] = set()
        rows = []
        for key in blocks:
            pages, last = self.counts.get(key, (0, 0))
            if last <= self.page - WINDOW:
                pages = 0  # forgotten: counted afresh
            self.counts[key] = [pages + 1, self.page]
            if pages + 1 == MIN_PAGES:
                now_learned.add(key)
            sample = ""
            if pages + 1 > 1:  # a block's text is kept once it recurs (most lines never do)
                if samples is None:
                    samples = {fingerprint(line): line for line in text.splitlines()}
                sample = samples.get(key, "")[:300]
            rows.append((self.source, key, pages + 1, self.page, sample))
        self.db.conn.executemany(
            f"insert into {TABLE} (source, fingerprint, pages, last_page, text, first_seen,"
            " last_seen) values (?, ?, ?, ?, nullif(?, ''), strftime('%Y-%m-%dT%H:%M:%S', 'now'),"
            " strftime('%Y-%m-%dT%H:%M:%S', 'now')) on conflict (source, fingerprint) do update"
            " set pages = excluded.pages, last_page = excluded.last_page,"
            " text = coalesce(excluded.text, text), last_seen = excluded.last_seen",
            rows,
        )
        if self.page % WINDOW == 0:
            self._forget()
        if now_learned:
            self._learned = None
            logger.info("%s: %d blocks learned as chrome", self.source, len(now_learned))
        held = [
            (stored, frozenset(now_learned & keys))
            for stored, keys in self.recent
            if now_learned & keys
        ]
        if article is not None:
            self.recent.append((article, frozenset(blocks)))
        return held

    def _forget(self) -> None:
        oldest = self.page - WINDOW
        self.db.execute(
            f"delete from {TABLE} where source = ? and last_page <= ?", [self.source, oldest]
        )
        self.counts = {key: value for key, value in self.counts.items() if value[1] > oldest}
        self._learned = None


def strip_stored(db: Database, article: int, blocks: frozenset[str]) -> bool:
    """Take ``blocks`` out of a stored article's current text (its row, current revision and
    search terms); returns whether it changed. Its alert matches stay as they were."""
    row = db.execute(
        "select title, text, language, revision from articles where id = ?", [article]
    ).fetchone()
    if row is None:
        return False
    title, text, language, revision = row
    stripped = strip_blocks(text or "", blocks)
    if stripped == text:
        return False
    digest = dedup.content_hash(stripped)
    db.execute(
        "update articles set text = ?, content_hash = ? where id = ?", [stripped, digest, article]
    )
    db.execute(
        "update revisions set text = ?, content_hash = ? where article = ? and number = ?",
        [stripped, digest, article, revision],
    )
    if "article_terms" in db.table_names():
        search_terms.save_terms(db, article, search_terms.terms_of(title, stripped, language))
    return True


_books: dict[tuple[int, str], BlockBook] = {}


def book_for(db: Database, source: str) -> BlockBook:
    """The crawl process's book of ``source`` for the archive connection ``db``."""
    key = (id(db), source)
    book = _books.get(key)
    if book is None or book.db is not db:
        book = _books[key] = BlockBook(db, source)
    return book


def source_of(config: Any, url: str | None) -> str | None:
    """The configured source whose crawl scope holds ``url``, else None."""
    if not url:
        return None
    for source in config.sources:
        if url in Scope.of(source.start_urls, source.scope, source.allowed_domains):
            return source.name
    return None


def learned_for_url(config: Any, url: str | None) -> frozenset[str] | None:
    """The blocks learned as chrome of the configured source ``url`` belongs to, read from the
    configuration's archive (None without one)."""
    import sqlite3
    from pathlib import Path

    source = source_of(config, url)
    path = Path(config.db_path)
    if source is None or not path.is_file():
        return None
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)  # never creates the file
    try:
        return learned_blocks(Database(connection), source)
    except sqlite3.DatabaseError:  # not an archive, or one being migrated: extract without
        return None
    finally:
        connection.close()
