"""What a crawl learns of its URLs, and the one record book each crawler shares.

Scrapy components of one crawler (the spider, pipelines, middlewares) share a single
:class:`RecordBook` through :func:`session_for`: fetches, ``pages`` rows and run counters,
batched. Where the rows of earlier runs come from and where a batch goes is the subclass's
business, named by the ``CLUSTERWATCH_SESSION`` setting: the archive
(:class:`clusterwatch.crawl.session.CrawlSession`) or, for a distributed worker, Redis
(:class:`clusterwatch.distributed.worker.RemoteSession`). Both depend on this module, not on
each other.
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from scrapy.utils.misc import load_object

from clusterwatch.archive import store
from clusterwatch.config import load_config

from . import incremental
from .shapes import ShapeBook

_sessions: weakref.WeakKeyDictionary[Any, RecordBook] = weakref.WeakKeyDictionary()

FETCH_BATCH = 50
COUNTERS = (
    "article_links",
    "article_pages",
    "extraction_failures",
    "new_articles",
    "updated_articles",
)


class RecordBook:
    """What a crawl learns of its URLs, batched: fetches, ``pages`` rows and run counters.

    Subclasses say where earlier runs' rows come from (:meth:`_load`) and where the batch goes
    (:meth:`flush`): the archive (:mod:`.session`), or Redis for a distributed worker
    (:mod:`clusterwatch.distributed.worker`).
    """

    source: str
    run_id: int | None

    def __init__(self) -> None:
        self._fetches: list[dict[str, Any]] = []
        self._pages: dict[str, dict[str, Any]] = {}
        self._pending: dict[str, tuple[str | None, str | None]] = {}
        # change signals (sitemap lastmods, feed dates) this run saw, by URL, as pages.signal
        # keeps them: they count as seen at the page's fetch once the page is dealt with, as
        # validators do; _signals_kept: URLs whose row holds this run's signals already
        self._signals: dict[str, str] = {}
        self._signals_kept: set[str] = set()
        self.counters: Counter[str] = Counter()
        # pages fetched but not stored as articles, per reason (the whole run's, not a batch's)
        self.not_stored: Counter[str] = Counter()
        self.closed = False
        # what the source's URL shapes turned out to be (kept in the archive by CrawlSession)
        self.shapes = ShapeBook()

    def _load(self, url: str) -> dict[str, Any] | None:
        raise NotImplementedError

    def flush(self) -> None:
        raise NotImplementedError

    def _article_rows(self, now: str) -> Iterable[dict[str, Any]]:
        """Earlier runs' rows of this source's article pages, at least those due at ``now``."""
        raise NotImplementedError

    # -- what earlier runs learnt --------------------------------------------------------------

    def page(self, url: str) -> dict[str, Any] | None:
        """The record of a (canonical) URL, with this run's changes."""
        if url in self._pages:
            return self._pages[url]
        return self._load(url)

    def due_articles(self, now: datetime | None = None) -> Iterator[dict[str, Any]]:
        """Known article pages due for a check, or never stored (their worker died): the crawl
        asks for them itself, as a listing that shows them may lie past where its pagination
        stops. Pages that were gone last time (404, 410…) are left to the listings; a server
        error or a 429 is tried again when due."""
        now = now or datetime.now(UTC)
        for row in self._article_rows(now.replace(microsecond=0).isoformat()):
            if not _gone(row.get("last_status")) and incremental.is_due(row, now=now):
                yield row

    # -- records ---------------------------------------------------------------------------------

    def record_fetch(self, row: dict[str, Any]) -> None:
        row.setdefault("fetched", store.utcnow())
        row["crawl_run"] = self.run_id
        row["source"] = self.source
        self._fetches.append(row)
        if len(self._fetches) >= FETCH_BATCH:
            self.flush()

    def record_page(self, url: str, kind: str, status: int, headers: Any) -> None:
        """A response for ``url``: remember its validators for a conditional request next time."""
        now = store.utcnow()
        previous = self.page(url) or {}
        row = {
            **previous,
            "url": url,
            "source": self.source,
            "kind": previous.get("kind") if kind == "page" and previous.get("kind") else kind,
            "first_fetched": previous.get("first_fetched") or now,
            "last_fetched": now,
            "last_status": status,
        }
        if 300 <= status < 400 and status != 304:
            row["kind"] = "redirect"
        if status == 200 and kind in ("article", "page"):
            # a page that may be an article: its validators count once its text is stored (or
            # known not to be an article), or a crash in between would turn the next fetch into
            # a 304 for a page the archive never got; until then it stays due
            self._pending[url] = (_header(headers, b"ETag"), _header(headers, b"Last-Modified"))
        else:
            if status == 200:
                row["etag"] = _header(headers, b"ETag")
                row["last_modified"] = _header(headers, b"Last-Modified")
            row["next_check"] = incremental.next_check(row, None)
        self._pages[url] = row

    def settle(self, url: str) -> None:
        """The page fetched from ``url`` was dealt with: its validators and the change signals
        this run saw count from now on."""
        validators = self._pending.pop(url, None)
        row = self._pages.get(url) or self.page(url)
        if validators is not None and row is not None:
            self._pages[url] = with_validators(row, validators)
        self.keep_signals(url)

    def see_signal(self, url: str, value: str | None) -> bool:
        """A sitemap or a feed of this run gives ``value`` (a ``<lastmod>``, an item's date) for
        ``url``: it counts as seen at the page's fetch once the page is dealt with (a fetch that
        fails leaves the difference for the next run). True when the page was dealt with in this
        run already: the value is kept at once."""
        value = incremental.signal_value(value)
        if value is None:
            return False
        values = incremental.signals_of(self._signals.get(url))
        if value not in values:
            self._signals[url] = incremental.stored_signals(values | {value})
        if url not in self._signals_kept:
            return False
        self.keep_signals(url)
        return True

    def keep_signals(self, url: str) -> None:
        """The signals this run saw of ``url``, and those it sees later, count as seen at the
        page's last fetch: the page was dealt with (:meth:`settle`), or it is known, not due and
        its row holds none (last fetched before signals were kept)."""
        self._signals_kept.add(url)
        values = self._signals.get(url)
        row = (self._pages.get(url) or self.page(url)) if values else None
        if row is not None:
            row["signal"] = values
            self._pages[url] = row

    def mark(self, url: str, kind: str, reason: str | None = None) -> None:
        """The page fetched from ``url`` is a listing or another page that is no article (judged
        by its content, for ``reason``): listings are read on every run, other pages once in a
        while."""
        self.settle(url)
        if reason:
            self.not_stored[reason] += 1
        row = self._pages.get(url) or self.page(url)
        if row is not None and row.get("kind") != "redirect":
            row["kind"] = kind
            row["reason"] = reason or row.get("reason")
            row["next_check"] = incremental.next_check(row, None)
            self._pages[url] = row

    def unsettle(self, url: str) -> None:
        """The page fetched from ``url`` could not be dealt with: fetch it in full next time."""
        self._pending.pop(url, None)
        self._signals.pop(url, None)
        row = self._pages.get(url) or self.page(url)
        if row is not None:
            row["kind"] = "article"  # a page that went to extraction (so due_articles finds it)
            row["next_check"] = None
            self._pages[url] = row

    def take(self, url: str) -> tuple[dict[str, Any] | None, tuple[str | None, str | None] | None]:
        """The row of ``url`` and its unsettled validators, out of this batch (for a writer that
        settles them when it stores the article, with the row's change signals)."""
        row = self._pages.pop(url, None) or self._load(url)
        values = self._signals.pop(url, None)
        if row is not None and values:
            row["signal"] = values
        return row, self._pending.pop(url, None)

    def record_article(self, url: str, outcome: str, published: str | None) -> None:
        """What became of an article page: new, updated, unchanged (also a 304) or failed."""
        if outcome == "failed":
            self.not_stored["no text"] += 1
        self.settle(url)
        row = self._pages.get(url) or self.page(url)
        if row is not None:
            self._pages[url] = with_outcome(row, outcome, published)

    def count(self, name: str, amount: int = 1) -> None:
        self.counters[name] += amount


def with_validators(
    row: dict[str, Any], validators: tuple[str | None, str | None]
) -> dict[str, Any]:
    row["etag"], row["last_modified"] = validators
    row["next_check"] = incremental.next_check(row, None)
    return row


def with_outcome(row: dict[str, Any], outcome: str, published: str | None) -> dict[str, Any]:
    row["kind"] = "article"
    row["reason"] = "no text" if outcome == "failed" else None
    if outcome in ("new", "updated"):
        row["last_changed"] = store.utcnow()
        row["unchanged_checks"] = 0
    elif outcome == "unchanged":
        row["unchanged_checks"] = (row.get("unchanged_checks") or 0) + 1
    row["next_check"] = incremental.next_check(row, published)
    return row


def session_for(crawler: Any) -> RecordBook:
    """The crawler's record book, opened on first use: an instance of the class that the
    ``CLUSTERWATCH_SESSION`` setting names, for the spider's configuration and source."""
    session = _sessions.get(crawler)
    if session is None:
        spider = crawler.spider
        config = getattr(spider, "config", None) or load_config(
            crawler.settings.get("CLUSTERWATCH_CONFIG"), db=crawler.settings.get("CLUSTERWATCH_DB")
        )
        source = getattr(spider, "source_name", None) or spider.name
        session = load_object(crawler.settings["CLUSTERWATCH_SESSION"])(crawler, config, source)
        _sessions[crawler] = session
    return session


def session_of(crawler: Any) -> RecordBook | None:
    """The crawler's record book if it was opened."""
    return _sessions.get(crawler)


def _gone(status: int | None) -> bool:
    """The page's last answer said it is not there (a 4xx, but for a timeout or a rate limit)."""
    return status is not None and 400 <= status < 500 and status not in (408, 429)


def _header(headers: Any, name: bytes) -> str | None:
    value = headers.get(name) if headers is not None else None
    return value.decode("latin-1") if value else None
