"""Tests of clusterwatch.schedule (the package of the same name)."""
