"""Tests of clusterwatch.serve (the package of the same name)."""
