"""``python -m clusterwatch``: the same as the ``clusterwatch`` command."""

from .cli import cli

cli(prog_name="clusterwatch")
