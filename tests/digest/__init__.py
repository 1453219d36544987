"""Tests of clusterwatch.digest (the package of the same name)."""
