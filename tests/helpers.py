"""Helpers for the tests: configurations for the replica sites, running the command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from clusterwatch.demo import write_demo_config
from clusterwatch.replicas import ReplicaServer
from clusterwatch.urls import canonical_url

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = Path(os.environ.get("CLUSTERWATCH_EVAL_DIR", ROOT.parent / "shared" / "eval"))


def local_canonical(server: ReplicaServer, real_url: str) -> str:
    return canonical_url(server.local_url(real_url))


def make_config(server: ReplicaServer, workdir: Path, **overrides: Any) -> Path:
    return write_demo_config(server, workdir, overrides)


def run_cli(
    *args: str, cwd: Path | None = None, timeout: float = 600, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run ``python -m clusterwatch ARGS`` in a subprocess; returns the completed process."""
    return subprocess.run(
        [sys.executable, "-m", "clusterwatch", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
    )
