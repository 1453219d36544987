"""Scrapy settings for clusterwatch (``scrapy.cfg`` points here).

Values that depend on the configuration file (user agent, politeness, limits, private
addresses) are applied by the spiders from ``clusterwatch.toml`` (see ``spiders_base``); what is
here holds for every crawl. Our own settings share the ``CLUSTERWATCH_`` prefix.
"""

import sys

from clusterwatch.paths import project_root

# `spiders/` sits at the project root; `scrapy` adds that root to sys.path itself, the
# `clusterwatch` command and the tests rely on this line.
if str(project_root()) not in sys.path:
    sys.path.append(str(project_root()))

BOT_NAME = "clusterwatch"
SPIDER_MODULES = ["clusterwatch.spiders_base", "spiders"]
NEWSPIDER_MODULE = "spiders"

# Which configuration and archive to use; None means: discover (see clusterwatch.config).
CLUSTERWATCH_CONFIG = None
CLUSTERWATCH_DB = None

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
DOWNLOAD_DELAY_JITTER = 0.5  # ±50% around DOWNLOAD_DELAY, as browsers are irregular
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10_000_000
DOWNLOAD_WARNSIZE = 2_000_000
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
REDIRECT_MAX_TIMES = 10
DEPTH_LIMIT = 8
DEPTH_PRIORITY = 0
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"

DOWNLOADER_MIDDLEWARES = {
    # Scrapy's offsite check ignores ports, which tell replica sites on one address apart:
    # ScopeMiddleware replaces it and also refuses private addresses and non-http(s) schemes.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "clusterwatch.middlewares.ScopeMiddleware": 50,
    # next to the downloader: sees every network attempt, retries and redirects included
    "clusterwatch.middlewares.FetchLogMiddleware": 990,
}
ITEM_PIPELINES = {
    "clusterwatch.pipelines.ExtractPipeline": 300,
    "clusterwatch.pipelines.StorePipeline": 800,
}
