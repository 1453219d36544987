"""One crawl of one source as the archive sees it: a ``crawl_runs`` row, its fetches, counters,
and what the crawler knows of each URL from earlier runs (``pages``).

The crawl's :class:`~clusterwatch.crawl.records.RecordBook` kept in the archive (the default
``CLUSTERWATCH_SESSION``): the run is opened once and closed once, with Scrapy's stats, when
the spider closes. Writes are batched: fetch records and counters reach the archive every
``FETCH_BATCH`` fetches and at the end.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from scrapy import signals

from clusterwatch.archive import store
from clusterwatch.config import Config

from .records import COUNTERS, RecordBook
from .shapes import ShapeBook


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
        store.close_run(self.db, self.run_id, self.source, reason, stats)
