"""The scheduler: the configuration's schedules in, crawls and digests run on time out.

Takes each source's crawl schedule and the digest time; runs them with APScheduler 3
(``scheduler``), one crawl per source at a time, alongside the other commands on one archive.
"""
