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
from typing import Any

from scrapy import signals
from sqlite_utils.db import NotFoundError

from . import incremental, store
from .alerts import TopicMatcher
from .config import Config, load_config

logger = logging.getLogger(__name__)

_sessions: weakref.WeakKeyDictionary[Any, CrawlSession] = weakref.WeakKeyDictionary()

FETCH_BATCH = 50
# outcomes of our own rules, not failures of the site
POLICY_OUTCOMES = ("robots", "offsite", "private-address", "scheme", "page-limit")
COUNTERS = (
    "article_links",
    "article_pages",
    "extraction_failures",
    "new_articles",
    "updated_articles",
)


class CrawlSession:
    def __init__(self, crawler: Any, config: Config, source: str):
        self.crawler = crawler
        self.config = config
        self.source = source
        self.db = store.open_db(config.db_path)
        store.save_sources(self.db, config.sources)
        store.mark_stale_runs(self.db, source)
        # an earlier run that went through every listing lets this one stop at known articles
        self.has_complete_run = bool(
            self.db.execute(
                "select 1 from crawl_runs where source = ? and complete = 1 limit 1", [source]
            ).fetchone()
        )
        self.run_id = store.start_run(self.db, source)
        self.matcher = matcher_for(config)
        self.source_domains = {s.name: list(s.allowed_domains) for s in config.sources}
        self._fetches: list[dict[str, Any]] = []
        self._pages: dict[str, dict[str, Any]] = {}
        self.counters: Counter[str] = Counter()
        self.closed = False
        crawler.signals.connect(self._spider_closed, signal=signals.spider_closed)

    @classmethod
    def for_crawler(cls, crawler: Any) -> CrawlSession:
        session = _sessions.get(crawler)
        if session is None:
            spider = crawler.spider
            config = getattr(spider, "config", None) or load_config(
                crawler.settings.get("CLUSTERWATCH_CONFIG"),
                db=crawler.settings.get("CLUSTERWATCH_DB"),
                check_spiders=False,
            )
            source = getattr(spider, "source_name", None) or spider.name
            session = cls(crawler, config, source)
            _sessions[crawler] = session
        return session

    # -- what earlier runs learnt --------------------------------------------------------------

    def page(self, url: str) -> dict[str, Any] | None:
        """The archive's record of a (canonical) URL, with this run's changes."""
        if url in self._pages:
            return self._pages[url]
        try:
            return self.db["pages"].get(url)
        except NotFoundError:
            return None

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
        if status == 200:
            row["etag"] = _header(headers, b"ETag")
            row["last_modified"] = _header(headers, b"Last-Modified")
        if 300 <= status < 400 and status != 304:
            row["kind"] = "redirect"
        row["next_check"] = incremental.next_check(row, None)
        self._pages[url] = row

    def record_article(self, url: str, outcome: str, published: str | None) -> None:
        """What became of an article page: new, updated, unchanged (also a 304) or failed."""
        row = self._pages.get(url) or self.page(url)
        if row is None:
            return
        now = store.utcnow()
        row["kind"] = "article"
        if outcome in ("new", "updated"):
            row["last_changed"] = now
            row["unchanged_checks"] = 0
        elif outcome == "unchanged":
            row["unchanged_checks"] = (row.get("unchanged_checks") or 0) + 1
        row["next_check"] = incremental.next_check(row, published)
        self._pages[url] = row

    def count(self, name: str, amount: int = 1) -> None:
        self.counters[name] += amount

    def flush(self) -> None:
        fetches, self._fetches = self._fetches, []
        pages, self._pages = list(self._pages.values()), {}
        counters, self.counters = self.counters, Counter()
        with self.db.atomic():
            if fetches:
                self.db["fetches"].insert_all(fetches)
            if pages:
                self.db["pages"].upsert_all(pages, pk="url")
            if counters:
                store.count_run(
                    self.db, self.run_id, **{k: counters[k] for k in COUNTERS if counters[k]}
                )

    def _spider_closed(self, spider: Any, reason: str) -> None:
        if self.closed:
            return
        self.closed = True
        self.flush()
        stats = self.crawler.stats.get_stats() if self.crawler.stats else {}
        status = (
            "finished"
            if reason in ("finished", "closespider_pagecount", "closespider_itemcount")
            else ("interrupted" if reason == "shutdown" else "failed")
        )
        pages, errors = self.db.execute(
            "select count(status), count(*) filter (where (status >= 400 and coalesce(kind, '') != 'probe') "
            f"or (error is not null and error not in ({', '.join(repr(k) for k in POLICY_OUTCOMES)}))) "
            "from fetches where crawl_run = ?",
            [self.run_id],
        ).fetchone()
        # a finished run went through every listing (or stopped where all was known already)
        complete = reason == "finished"
        self.db["crawl_runs"].update(
            self.run_id, {"pages": pages, "errors": errors, "complete": int(complete)}
        )
        store.finish_run(self.db, self.run_id, status=status, reason=reason, stats=stats)
        logger.info("crawl run %s of %s: %s (%s)", self.run_id, self.source, status, reason)


_matchers: dict[str, TopicMatcher] = {}


def matcher_for(config: Config) -> TopicMatcher:
    """One matcher per process and topic set: building one reads simplemma's dictionaries."""
    key = json.dumps(
        {name: spec.model_dump() for name, spec in config.topics.items()}, sort_keys=True
    )
    if key not in _matchers:
        _matchers[key] = TopicMatcher.from_config(config.topics)
    return _matchers[key]


def _header(headers: Any, name: bytes) -> str | None:
    value = headers.get(name) if headers is not None else None
    return value.decode("latin-1") if value else None
