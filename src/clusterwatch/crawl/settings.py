"""Scrapy settings for clusterwatch (``scrapy.cfg`` names ``clusterwatch.settings``, which re-exports them).

Values that depend on the configuration file (user agent, politeness, limits, private
addresses) are applied by the spiders from ``clusterwatch.toml`` (see ``spiders``); what is
here holds for every crawl. Our own settings share the ``CLUSTERWATCH_`` prefix.
"""

import sys

from clusterwatch.paths import project_root

# `spiders/` sits at the project root; `scrapy` adds that root to sys.path itself, the
# `clusterwatch` command and the tests rely on this line.
if str(project_root()) not in sys.path:
    sys.path.append(str(project_root()))

BOT_NAME = "clusterwatch"
SPIDER_MODULES = ["clusterwatch.crawl.spiders", "spiders"]
NEWSPIDER_MODULE = "spiders"

# Which configuration and archive to use; None means: discover (see clusterwatch.config).
CLUSTERWATCH_CONFIG = None
CLUSTERWATCH_DB = None
# where a crawler's records go (crawl.records.session_for): the archive; Redis for a worker
CLUSTERWATCH_SESSION = "clusterwatch.crawl.session.CrawlSession"

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
# outputs of one response handled at once: Scrapy starts this many asyncio tasks per response
# (100 by default, ~10 % of the crawl process's CPU here); a page gives one article
CONCURRENT_ITEMS = 16
# bytes of responses waiting for their items to be extracted and stored before Scrapy stops
# taking new requests (5 MB by default). Each waiting page also holds its parsed tree and its
# text: at 5 MB, a crawl that fetches faster than its workers extract held ~540 MB; at 1 MB
# (about 13 pages of 75 kB, enough to keep the workers busy) 335 MB, and ran as fast
SCRAPER_SLOT_MAX_ACTIVE_SIZE = 1_000_000
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOADER = (
    "clusterwatch.crawl.downloader.SlotReservingDownloader"  # stock one ignores the limit above
)
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
RETRY_BACKOFF_BASE = 1.0  # seconds before the first retry, doubling for each further one
RETRY_AFTER_MAX = 120.0  # a longer Retry-After leaves the URL for the next run
REDIRECT_MAX_TIMES = 10
# Depth is bounded by the spiders, which do not count pagination hops (see spiders_base).
DEPTH_LIMIT = 0
DEPTH_PRIORITY = 0
# Network requests per crawl of a source (robots.txt aside; 0: no bound): spiders set it from
# the configuration, `crawl --max-pages` overrides it (clusterwatch.crawl.middlewares.PageBudgetMiddleware)
CLUSTERWATCH_MAX_PAGES = 0
# Refuses host names that resolve to private addresses (clusterwatch.crawl.middlewares).
TWISTED_DNS_RESOLVER = "clusterwatch.crawl.middlewares.PublicAddressResolver"
# None: read [crawl] allow_private_addresses from the configuration
CLUSTERWATCH_ALLOW_PRIVATE_ADDRESSES = None
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"

DOWNLOADER_MIDDLEWARES = {
    # Scrapy's offsite check ignores ports, which tell replica sites on one address apart:
    # ScopeMiddleware replaces it and also refuses private addresses and non-http(s) schemes.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "clusterwatch.crawl.middlewares.ScopeMiddleware": 50,
    # after robots.txt (100): a request robots.txt refuses costs nothing of the page budget
    "clusterwatch.crawl.middlewares.PageBudgetMiddleware": 110,
    # 585: after HttpCompression (590) has decompressed, before MetaRefresh (580) reads the text
    "clusterwatch.crawl.encoding.CharsetMiddleware": 585,
    # retries with backoff and Retry-After; redirects that name their loops
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "clusterwatch.crawl.middlewares.PoliteRetryMiddleware": 550,
    "scrapy.downloadermiddlewares.redirect.RedirectMiddleware": None,
    "clusterwatch.crawl.middlewares.LoopAwareRedirectMiddleware": 600,
    # next to the downloader: sees every network attempt, retries and redirects included
    "clusterwatch.crawl.middlewares.FetchLogMiddleware": 990,
}
ITEM_PIPELINES = {
    "clusterwatch.crawl.pipelines.ExtractPipeline": 300,
    "clusterwatch.crawl.pipelines.StorePipeline": 800,
}
