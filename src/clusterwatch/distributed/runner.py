"""Running a distributed crawl in this process: seeding the Redis queues, or working on them.

The same Scrapy project as :mod:`clusterwatch.crawl.runner`, with the settings of
:func:`~clusterwatch.distributed.queues.distributed_settings` on top: the shared queues, and a
record book that sends what it learns to the writer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from scrapy.crawler import CrawlerProcess

from clusterwatch.config import Config, SourceConfig
from clusterwatch.crawl.runner import CrawlProgress, project_settings, spider_loader

from .queues import distributed_settings


def crawl_with_redis(
    config: Config,
    sources: Sequence[SourceConfig],
    url: str,
    *,
    role: str,
    idle_exit: float | None = None,
    progress: bool = False,
    log_level: str = "WARNING",
    extra_settings: dict[str, Any] | None = None,
) -> list[Any]:
    """Seed (``role="seed"``) or work on (``"worker"``) the Redis queues of ``sources``.

    A seeding crawl only queues each spider's start requests; a worker crawls whatever the
    queues hold until stopped, or until its queues stayed empty ``idle_exit`` seconds.
    Returns the crawlers (their stats are what happened).
    """

    overrides: dict[str, Any] = {
        "LOG_LEVEL": log_level,
        "LOG_INSTALL_ROOT_HANDLER": False,
        **distributed_settings(url, role, config, CLUSTERWATCH_IDLE_EXIT=idle_exit or 0),
        **(extra_settings or {}),
    }
    settings = project_settings(config, overrides)
    loader = spider_loader(settings)
    process = CrawlerProcess(settings)
    crawlers = []
    for source in sources:
        crawler = process.create_crawler(loader.load(source.spider))
        crawlers.append((source, crawler))
        process.crawl(crawler, source=source.name)
    with CrawlProgress(crawlers, enabled=progress):
        process.start()
    return [crawler for _, crawler in crawlers]
