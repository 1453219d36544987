"""One crawl of one source as the archive sees it: a ``crawl_runs`` row, its fetches, counters.

Scrapy components (pipelines, middlewares) of one crawler share a single :class:`CrawlSession`
through :meth:`CrawlSession.for_crawler`, so the run is opened once and closed once, with
Scrapy's stats, when the spider closes.
"""

from __future__ import annotations

import logging
import weakref
from typing import Any

from scrapy import signals

from . import store
from .alerts import TopicMatcher
from .config import Config, load_config

logger = logging.getLogger(__name__)

_sessions: weakref.WeakKeyDictionary[Any, CrawlSession] = weakref.WeakKeyDictionary()

FETCH_BATCH = 50
# outcomes of our own rules, not failures of the site
POLICY_OUTCOMES = ("robots", "offsite", "private-address", "scheme", "page-limit")


class CrawlSession:
    def __init__(self, crawler: Any, config: Config, source: str):
        self.crawler = crawler
        self.config = config
        self.source = source
        self.db = store.open_db(config.db_path)
        store.save_sources(self.db, config.sources)
        store.mark_stale_runs(self.db, source)
        self.run_id = store.start_run(self.db, source)
        self.matcher = TopicMatcher.from_config(config.topics)
        self.source_domains = {s.name: list(s.allowed_domains) for s in config.sources}
        self._fetches: list[dict[str, Any]] = []
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
            )
            source = getattr(spider, "source_name", None) or spider.name
            session = cls(crawler, config, source)
            _sessions[crawler] = session
        return session

    def record_fetch(self, row: dict[str, Any]) -> None:
        row.setdefault("fetched", store.utcnow())
        row["crawl_run"] = self.run_id
        row["source"] = self.source
        self._fetches.append(row)
        if len(self._fetches) >= FETCH_BATCH:
            self.flush()

    def count(self, **increments: int) -> None:
        store.count_run(self.db, self.run_id, **increments)

    def flush(self) -> None:
        fetches, self._fetches = self._fetches, []
        store.save_fetches(self.db, fetches)

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
            "select count(status), count(*) filter (where status >= 400 or (error is not null "
            f"and error not in ({', '.join(repr(k) for k in POLICY_OUTCOMES)}))) "
            "from fetches where crawl_run = ?",
            [self.run_id],
        ).fetchone()
        self.db["crawl_runs"].update(self.run_id, {"pages": pages, "errors": errors})
        store.finish_run(self.db, self.run_id, status=status, reason=reason, stats=stats)
        logger.info("crawl run %s of %s: %s (%s)", self.run_id, self.source, status, reason)
