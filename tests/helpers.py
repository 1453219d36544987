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


def free_port() -> int:
    """A TCP port nobody listens on at 127.0.0.1 (for a server a test starts)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid: int) -> list[int]:
    """The child processes of ``pid`` (Linux /proc)."""
    found = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found.extend(int(t) for t in (task / "children").read_text().split())
    except FileNotFoundError:  # the process or a thread ended meanwhile
        pass
    return found


def is_worker(pid: int) -> bool:
    """Whether ``pid`` is a live multiprocessing worker (a spawned Python)."""
    try:
        return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except FileNotFoundError:
        return False
