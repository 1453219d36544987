"""Running crawls: Scrapy settings for a configuration, and one process crawling many sources."""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from scrapy.settings import Settings
from scrapy.spiderloader import SpiderLoader

from clusterwatch.archive import topic_state
from clusterwatch.config import Config, SourceConfig

from .locks import source_locks

logger = logging.getLogger(__name__)


def project_settings(
    config: Config | None = None, overrides: dict[str, Any] | None = None
) -> Settings:
    settings = Settings()
    settings.setmodule("clusterwatch.crawl.settings", priority="project")
    if config is not None:
        settings.set("CLUSTERWATCH_CONFIG", str(config.path), priority="cmdline")
        settings.set("CLUSTERWATCH_DB", str(config.db_path), priority="cmdline")
        allow = config.crawl.allow_private_addresses
        settings.set("CLUSTERWATCH_ALLOW_PRIVATE_ADDRESSES", allow, priority="cmdline")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def spider_loader(settings: Settings | None = None) -> SpiderLoader:
    return SpiderLoader.from_settings(settings or project_settings())


def known_spiders() -> list[str]:
    """Names of the spiders Scrapy can load: the generic one and those in ``spiders/``; what
    :func:`clusterwatch.config.load_config` checks each source's ``spider`` against."""
    return sorted(spider_loader().list())


@dataclass
class RunSummary:
    source: str
    run_id: int | None
    status: str
    pages: int
    new_articles: int
    updated_articles: int
    errors: int
    health: str
    # pages fetched but not stored as articles, per reason (listing, navigation, too short…)
    not_stored: dict[str, int] = field(default_factory=dict)


def crawl_sources(
    config: Config,
    sources: Sequence[SourceConfig],
    *,
    max_pages: int | None = None,
    full: bool = False,
    progress: bool = False,
    log_level: str = "WARNING",
    extra_settings: dict[str, Any] | None = None,
) -> list[RunSummary]:
    """Crawl ``sources`` concurrently in this process (once: Twisted's reactor cannot restart)."""
    from scrapy.crawler import CrawlerProcess

    from clusterwatch.archive.store import open_db

    from .records import session_of

    # the archive first: a file that cannot be one (ArchiveError) stops the crawl before any
    # request, and before Scrapy would report it from inside its pipelines
    archive = open_db(config.db_path)
    # before anything is stored: on an empty archive, these topics are the ones applied to it
    topics = topic_state.check(archive, config.topics)
    archive.conn.close()
    # the command line owns logging (one handler, its level): Scrapy adds no handler of its own
    overrides: dict[str, Any] = {
        "LOG_LEVEL": log_level,
        "LOG_INSTALL_ROOT_HANDLER": False,
        **(extra_settings or {}),
    }
    if max_pages:
        overrides["CLUSTERWATCH_MAX_PAGES"] = max_pages
    settings = project_settings(config, overrides)
    loader = spider_loader(settings)
    if config.crawl.workers != 0:
        from .workers import start_server

        start_server()
    with source_locks(config.state_dir, [s.name for s in sources]) as busy:
        runnable = [s for s in sources if s.name not in busy]
        process = CrawlerProcess(settings)
        crawlers = []
        for source in runnable:
            crawler = process.create_crawler(loader.load(source.spider))
            crawlers.append((source, crawler))
            process.crawl(crawler, source=source.name, full=full)
        if crawlers:
            with CrawlProgress(crawlers, enabled=progress):
                process.start()

    for state in topics:
        if state.stale:
            logger.warning(state.advice())
    db = open_db(config.db_path)
    summaries = []
    for name, pid in busy.items():
        holder = f"pid {pid}" if pid else "another process"
        summaries.append(
            RunSummary(name, None, f"skipped: {holder} is crawling it", 0, 0, 0, 0, "-")
        )
    for source, crawler in crawlers:
        session = session_of(crawler)
        run = db["crawl_runs"].get(session.run_id) if session else None
        health = db.execute(
            "select health from source_health where source = ?", [source.name]
        ).fetchone()
        summaries.append(
            RunSummary(
                source=source.name,
                run_id=run["id"] if run else None,
                status=run["status"] if run else "not started",
                pages=run["pages"] if run else 0,
                new_articles=run["new_articles"] if run else 0,
                updated_articles=run["updated_articles"] if run else 0,
                errors=run["errors"] if run else 0,
                health=health[0] if health else "unknown",
                not_stored=json.loads(run["not_stored"] or "{}") if run else {},
            )
        )
    return summaries


class CrawlProgress:
    """A Rich progress display: one line per source with pages, new and updated articles.

    Refreshed from Scrapy's stats twice a second by a reactor timer, so it costs the crawl nothing
    it would notice; shown only on a terminal.
    """

    def __init__(self, crawlers: list[tuple[SourceConfig, Any]], enabled: bool):
        self.crawlers = crawlers
        self.enabled = enabled
        self.progress: Any = None

    def __enter__(self) -> CrawlProgress:
        if not self.enabled:
            return self
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
        from twisted.internet import task

        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description:<18}"),
            TextColumn(
                "{task.fields[pages]:>5} pages  {task.fields[new]:>4} new  {task.fields[updated]:>3} updated"
                "  {task.fields[errors]:>3} errors  {task.fields[state]}"
            ),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self.tasks = {
            source.name: self.progress.add_task(
                source.name, total=None, pages=0, new=0, updated=0, errors=0, state=""
            )
            for source, _ in self.crawlers
        }
        self.progress.start()
        self.loop = task.LoopingCall(self.refresh)
        self.loop.start(0.5, now=False)
        return self

    def refresh(self) -> None:
        for source, crawler in self.crawlers:
            stats = crawler.stats.get_stats() if crawler.stats else {}
            done = "finish_reason" in stats
            self.progress.update(
                self.tasks[source.name],
                pages=stats.get("response_received_count", 0),
                new=stats.get("clusterwatch/articles_new", 0),
                updated=stats.get("clusterwatch/articles_updated", 0),
                errors=stats.get("log_count/ERROR", 0) + stats.get("downloader/exception_count", 0),
                state=stats.get("finish_reason", "") if done else "",
                total=1 if done else None,
                completed=1 if done else 0,
            )

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            if self.loop.running:
                self.loop.stop()
            self.refresh()
            self.progress.stop()
