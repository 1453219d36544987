"""Tests of clusterwatch.extract (the package of the same name)."""
