"""Tests of clusterwatch.search (the package of the same name)."""
