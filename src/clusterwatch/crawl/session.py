"""One crawl of one source as the archive sees it: a ``crawl_runs`` row, its fetches, counters,
and what the crawler knows of each URL from earlier runs (``pages``).

Scrapy components (spider, pipelines, middlewares) of one crawler share a single
:class:`CrawlSession` through :meth:`CrawlSession.for_crawler`: the run is opened once and
closed once, with Scrapy's stats, when the spider closes. Writes are batched: fetch records
and counters reach the archive every ``FETCH_BATCH`` fetches and at the end.
"""

from __future__ import annotations

import json
import logging
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from scrapy import signals

from clusterwatch.archive import store
from clusterwatch.config import Config, load_config

from . import incremental
from .shapes import ShapeBook

logger = logging.getLogger(__name__)

_sessions: weakref.WeakKeyDictionary[Any, CrawlSession] = weakref.WeakKeyDictionary()

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
    (:meth:`flush`): the archive here, Redis for a distributed worker (``distributed``).
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


class CrawlSession(RecordBook):
    def __init__(self, crawler: Any, config: Config, source: str):
        super().__init__()
        self.crawler = crawler
        self.config = config
        self.source = source
        self.db, self.batch = store.crawl_writer(config.db_path)
        store.save_sources(self.db, config.sources)
        store.mark_stale_runs(self.db, source)
        # a last run that went through every listing lets this one stop at known articles
        self.last_run_complete = store.last_run_complete(self.db, source)
        self.run_id = store.start_run(self.db, source)
        self.shapes = ShapeBook(store.load_shapes(self.db, source))
        self.source_domains = {s.name: list(s.allowed_domains) for s in config.sources}
        crawler.signals.connect(self._spider_closed, signal=signals.spider_closed)

    @classmethod
    def for_crawler(cls, crawler: Any) -> RecordBook:
        session = _sessions.get(crawler)
        if session is None:
            spider = crawler.spider
            config = getattr(spider, "config", None) or load_config(
                crawler.settings.get("CLUSTERWATCH_CONFIG"),
                db=crawler.settings.get("CLUSTERWATCH_DB"),
                check_spiders=False,
            )
            source = getattr(spider, "source_name", None) or spider.name
            if crawler.settings.get("CLUSTERWATCH_REDIS_URL"):
                from clusterwatch.distributed.worker import RemoteSession

                session = RemoteSession(crawler, config, source)
            else:
                session = cls(crawler, config, source)
            _sessions[crawler] = session
        return session

    def _load(self, url: str) -> dict[str, Any] | None:
        cursor = self.db.execute("select * from pages where url = ?", [url])
        row = cursor.fetchone()
        return dict(zip([c[0] for c in cursor.description], row, strict=True)) if row else None

    def _article_rows(self, now: str) -> Iterable[dict[str, Any]]:
        # a thousand at a time, in the order of the (source, kind) index: the crawl takes start
        # requests as it has room for them
        after = 0
        while True:
            rows = self.db.execute(
                "select rowid, url, kind, last_status, last_fetched, next_check from pages "
                "where source = ? and kind = 'article' and rowid > ? "
                "and (next_check is null or next_check <= ?) order by rowid limit 1000",
                [self.source, after, now],
            ).fetchall()
            for _, url, kind, last_status, last_fetched, next_check in rows:
                yield {
                    "url": url,
                    "kind": kind,
                    "last_status": last_status,
                    "last_fetched": last_fetched,
                    "next_check": next_check,
                }
            if len(rows) < 1000:
                return
            after = rows[-1][0]

    def flush(self) -> None:
        fetches, self._fetches = self._fetches, []
        pages, self._pages = list(self._pages.values()), {}
        counters, self.counters = self.counters, Counter()
        shapes = self.shapes.changed_rows(self.source, store.utcnow())
        with self.db.atomic():
            if shapes:
                self.db["site_shapes"].upsert_all(shapes, pk=("source", "shape"))
            if fetches:
                self.db["fetches"].insert_all(fetches)
            if pages:
                self.db["pages"].upsert_all(pages, pk="url")
            if counters:
                store.count_run(
                    self.db, self.run_id, **{k: counters[k] for k in COUNTERS if counters[k]}
                )
            if self.not_stored:
                self.db["crawl_runs"].update(
                    self.run_id, {"not_stored": json.dumps(dict(self.not_stored.most_common()))}
                )

    def _spider_closed(self, spider: Any, reason: str) -> None:
        if self.closed:
            return
        self.closed = True
        self.flush()
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        close_run(self.db, self.run_id, self.source, reason, stats)


def close_run(db: Any, run_id: int, source: str, reason: str, stats: dict[str, Any]) -> None:
    """Finish run ``run_id``: its page and error counts from its fetches, status from ``reason``."""
    status = (
        "finished"
        if reason in ("finished", "closespider_pagecount", "closespider_itemcount")
        else ("interrupted" if reason == "shutdown" else "failed")
    )
    # the article counters are complete here (a crawl flushed them just before, a distributed
    # writer commits them with the articles); a run killed before this point is recounted from
    # its revisions when the next run of its source starts (store.mark_stale_runs)
    counts = store.run_fetch_counts(db, run_id)
    # a finished run went through every listing (or stopped where all was known already),
    # unless the page limit left some of them unfetched
    complete = reason == "finished" and not stats.get("clusterwatch/page_limit")
    db["crawl_runs"].update(run_id, {**counts, "complete": int(complete)})
    store.finish_run(db, run_id, status=status, reason=reason, stats=stats)
    logger.info("crawl run %s of %s: %s (%s)", run_id, source, status, reason)


def _gone(status: int | None) -> bool:
    """The page's last answer said it is not there (a 4xx, but for a timeout or a rate limit)."""
    return status is not None and 400 <= status < 500 and status not in (408, 429)


def _header(headers: Any, name: bytes) -> str | None:
    value = headers.get(name) if headers is not None else None
    return value.decode("latin-1") if value else None
