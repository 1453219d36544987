"""The crawl stage: from the configured sources to pages fetched and articles handed to the archive.

Takes a :class:`~clusterwatch.config.Config` (its sources, politeness and schedule); gives, per
source and run, the fetched pages' records (``pages``, ``fetches``, ``crawl_runs``) and each
article page's text, extracted in worker processes and stored through
:mod:`clusterwatch.archive.ingest`.

A newcomer starts at ``runner`` (one process crawling many sources), then ``spiders`` (the base
and the generic spider; ``links`` finds sitemaps, feeds and listings; ``pagekind`` and
``shapes`` judge pages and URL shapes), ``middlewares`` / ``downloader`` / ``encoding`` (where
a request may go and what came back), ``pipelines`` (``PageItem`` → ``workers`` → ingest) and
``records`` (what a crawl learns of its URLs; ``session`` keeps it in the archive).
``incremental`` says when a known page is due again; ``trial`` is ``clusterwatch try``,
``fetch`` one page outside a crawl.
"""
