"""Where the project's bundled files live.

clusterwatch runs from a checkout (installed with ``pip install -e .``), like any Scrapy
project: the bundled configuration, demo sites and Datasette metadata are in ``data/`` at the
project root. ``CLUSTERWATCH_HOME`` points elsewhere when the package is installed apart from
its checkout.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

logger = logging.getLogger(__name__)

PACKAGE_DIR = Path(__file__).resolve().parent


def project_root() -> Path:
    """The directory holding ``scrapy.cfg``, ``data/`` and ``spiders/``."""
    home = os.environ.get("CLUSTERWATCH_HOME")
    if home:
        return Path(home).resolve()
    return PACKAGE_DIR.parent.parent


def data_dir() -> Path:
    return project_root() / "data"


def default_config_path() -> Path:
    return data_dir() / "clusterwatch.toml"


def demo_sites_dir() -> Path:
    return data_dir() / "demo-sites"


def cache_dir() -> Path:
    """Where this user's processes keep what they can rebuild (``CLUSTERWATCH_CACHE``, else
    ``$XDG_CACHE_HOME/clusterwatch`` or ``~/.cache/clusterwatch``); not created here."""
    base = os.environ.get("CLUSTERWATCH_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "clusterwatch"
    )
    return Path(base)


def keep_in_cache(path: Path, data: bytes, what: str) -> None:
    """Write a cache file atomically (a reader sees the old file or the new one). A cache that
    cannot be written (a read-only home) is logged, not raised: it only costs a later process
    the work the file would have saved."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_bytes(data)
        temporary.replace(path)
    except OSError as exc:
        logger.info("cannot keep %s in %s: %s", what, path, exc)
