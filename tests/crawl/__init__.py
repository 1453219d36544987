"""Tests of clusterwatch.crawl (the package of the same name)."""
