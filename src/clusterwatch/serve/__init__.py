"""The query stage: the archive in Datasette (``clusterwatch serve``).

Takes the archive file; gives Datasette with canned queries, Polish-aware search through
:mod:`clusterwatch.search` (``app``) and facets: articles per month, and per value of a related table (``facets``).
"""
