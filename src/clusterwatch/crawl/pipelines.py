"""Item pipelines: extract article text, then store it through :mod:`clusterwatch.archive.ingest`."""

from __future__ import annotations

import json
import logging
from typing import Any

from scrapy.exceptions import DropItem

from clusterwatch.archive import store
from clusterwatch.archive.blocks import BlockBook, book_for, strip_stored
from clusterwatch.archive.ingest import ingest_article
from clusterwatch.archive.urls import canonical_url
from clusterwatch.extract.article import extract_pdf_text
from clusterwatch.extract.boilerplate import strip_blocks

from . import workers as work
from .items import ArticleItem, AttachmentItem, PageItem
from .records import session_for

logger = logging.getLogger(__name__)


class ExtractPipeline:
    """PageItem → ArticleItem, in a worker process (see ``workers``); a page without article text,
    or whose worker died, is dropped and counted."""

    def __init__(self, crawler: Any):
        self.crawler = crawler
        self.pool: work.WorkerPool | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> ExtractPipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        config = session_for(self.crawler).config
        topics = {name: spec.model_dump() for name, spec in config.topics.items()}
        self.pool_key = json.dumps(topics, sort_keys=True)
        workers = (
            config.crawl.workers if config.crawl.workers is not None else work.default_workers()
        )
        if workers:
            work.start_server()  # already running when the crawl command started it
        self.pool = work.acquire(self.pool_key, workers, topics)

    def close_spider(self) -> None:
        if self.pool is not None:
            work.release(self.pool_key)
            self.pool = None

    async def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageItem):
            return item
        session = session_for(self.crawler)
        rules = getattr(self.crawler.spider, "rules", None)
        book = _block_book(session, item.source)
        try:
            extracted, prepared = await self.pool.process(
                item.html, item.url, rules, book.learned if book is not None else None
            )
        except work.WorkerCrashed as exc:
            self.crawler.stats.inc_value("clusterwatch/worker_crashed")
            session.count("extraction_failures")
            session.unsettle(canonical_url(item.fetched_url))
            session.record_fetch(
                {
                    "url": item.fetched_url,
                    "kind": "article",
                    "error": "worker-crashed",
                    "error_detail": str(exc),
                }
            )
            raise DropItem(str(exc)) from None
        if extracted is None:
            self.crawler.stats.inc_value("clusterwatch/extraction_failed")
            session.count("extraction_failures")
            session.record_article(canonical_url(item.fetched_url), "failed", None)
            raise DropItem(f"no article text: {item.url}")
        self.crawler.stats.inc_value("clusterwatch/extracted")
        return ArticleItem(
            url=item.url,
            fetched_url=item.fetched_url,
            source=item.source,
            extracted=extracted,
            prepared=prepared,
        )


class StorePipeline:
    """Stores articles (revisions, stories, matches) and attachments in the archive."""

    def __init__(self, crawler: Any):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        return cls(crawler)

    def open_spider(self) -> None:
        session_for(self.crawler)  # opens the run before the first request

    def close_spider(self) -> None:
        batch = getattr(session_for(self.crawler), "batch", None)
        if batch is not None:
            batch.commit()  # before the run is closed, in a transaction of its own

    def process_item(self, item: Any) -> Any:
        session = session_for(self.crawler)
        if isinstance(item, ArticleItem):
            batch = getattr(session, "batch", None)  # a distributed worker's session has none
            if batch is not None:
                batch.begin()
            result = ingest_article(
                session.db,
                item.extracted,
                url=item.url,
                source=item.source,
                matcher=None,  # the matches came with the worker's prepared text
                crawl_run=session.run_id,
                fetched_url=item.fetched_url,
                source_domains=session.source_domains,
                prepared=item.prepared,
            )
            self.crawler.stats.inc_value(f"clusterwatch/articles_{result.status}")
            book = _block_book(session, item.source)
            if book is not None and result.status == "new":
                _learn_blocks(session.db, book, item.extracted, result.article)
            if result.status in ("new", "updated"):
                session.count(f"{result.status}_articles")
            session.record_article(
                canonical_url(item.fetched_url), result.status, item.extracted.published
            )
            if batch is not None:
                batch.stored()
        elif isinstance(item, AttachmentItem):
            text, error = (
                extract_pdf_text(item.body) if b"%PDF" in item.body[:1024] else (None, "not a PDF")
            )
            store.save_attachment(session.db, item, text, error)
        return item


def _block_book(session: Any, source: str) -> BlockBook | None:
    """The source's learned chrome, where the session writes the archive itself (a distributed
    worker's does not: it extracts without)."""
    db = getattr(session, "db", None)
    return book_for(db, source) if db is not None else None


def _learn_blocks(db: Any, book: BlockBook, extracted: Any, article: int) -> None:
    """Count a new page's blocks; take the blocks learned just now out of this run's articles."""
    for stored, blocks in book.observe(extracted.blocks, extracted.text, article):
        strip_stored(db, stored, blocks)
    # the page itself, extracted before its blocks were learned (by this page, or by pages
    # stored while it was in a worker)
    left = book.learned & frozenset(extracted.blocks)
    if left and strip_blocks(extracted.text, left) != extracted.text:
        strip_stored(db, article, left)
