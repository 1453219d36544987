from clusterwatch.crawl.settings import *  # noqa: F403 (scrapy.cfg and SCRAPY_SETTINGS_MODULE name this)
