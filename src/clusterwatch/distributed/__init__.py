"""Distributed crawling: one crawl shared by workers on several machines through Redis.

Takes sources and a Redis URL; gives the same archive as a crawl in one process. Workers share
the request queues (``queues``: scrapy-redis with leases) and send what they learn as JSON
(``codec``) over a link that rides out outages (``link``); a worker's record book
(``worker.RemoteSession``) implements :class:`clusterwatch.crawl.records.RecordBook`, and one
``writer`` stores everything into the archive. ``runner`` starts a seeding crawl or a worker.
"""
