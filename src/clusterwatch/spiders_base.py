from clusterwatch.crawl.spiders import ClusterwatchSpider  # noqa: F401 (spiders/ import it from here)
