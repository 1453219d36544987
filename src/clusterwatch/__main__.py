"""``python -m clusterwatch``: the same as the ``clusterwatch`` command."""

from clusterwatch.cli.main import cli

cli(prog_name="clusterwatch")
