"""Tests of clusterwatch.alerts (the package of the same name)."""
