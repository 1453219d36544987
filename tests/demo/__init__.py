"""Tests of clusterwatch.demo (the package of the same name)."""
