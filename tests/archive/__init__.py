"""Tests of clusterwatch.archive (the package of the same name)."""
