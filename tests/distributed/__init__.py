"""Tests of clusterwatch.distributed (the package of the same name)."""
