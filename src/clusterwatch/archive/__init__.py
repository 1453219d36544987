"""The archive stage: extracted articles and crawl records in, one SQLite file out.

Takes what the crawl extracted (an :class:`~clusterwatch.extract.article.Extracted` and what
its text gives, ``prepare``: hashes, MinHash signature, search terms, alert matches) and what
it learned of its URLs; gives the archive every later stage reads: articles and their
revisions, stories of near-duplicates across sites, alerts, search terms, and the crawl's
pages, fetches and runs. ``store`` opens it (``migrations`` own its schema), ``ingest`` stores
one article in one transaction, ``dedup`` and ``urls`` decide what is the same article,
``blocks`` learns each source's chrome, ``topic_state`` and ``rematch`` keep alerts in step
with the topics, ``export`` writes the records other tools read.
"""
