"""clusterwatch: news monitoring for Polish–Belarusian economic cooperation.

Crawl the monitored sites, extract article text, deduplicate it into a SQLite archive,
raise keyword alerts and send digests. The core modules are importable without Scrapy running.
"""

__version__ = "0.1.0"
