"""Tests of clusterwatch.zoo (the package of the same name)."""
