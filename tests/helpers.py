"""Helpers for the tests: configurations for the replica sites, running the command."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from clusterwatch.archive.urls import canonical_url
from clusterwatch.demo.replicas import ReplicaServer
from clusterwatch.demo.run import write_demo_config

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


def start_cli(*args: str, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) -> subprocess.Popen:
    """Start ``python -m clusterwatch ARGS`` in the background (text mode); the caller waits."""
    return subprocess.Popen(
        [sys.executable, "-m", "clusterwatch", *args],
        cwd=ROOT,
        stdout=stdout,
        stderr=stderr,
        text=True,
    )


def free_port() -> int:
    """A TCP port nobody listens on at 127.0.0.1 (for a server a test starts)."""
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


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except (FileNotFoundError, ProcessLookupError):
        return b""


def is_worker(pid: int) -> bool:
    """Whether ``pid`` is a live multiprocessing process (spawned, or forked by a forkserver,
    whose command line it keeps)."""
    command = _cmdline(pid)
    return b"spawn_main" in command or b"multiprocessing.forkserver" in command


def workers_of(pid: int) -> list[int]:
    """The extraction workers of the crawl process ``pid``: its spawned children, or the
    children of its forkserver."""
    found = []
    for child in children(pid):
        command = _cmdline(child)
        if b"spawn_main" in command:
            found.append(child)
        elif b"multiprocessing.forkserver" in command:
            found.extend(worker for worker in children(child) if is_worker(worker))
    return found


def helper_processes(pid: int) -> list[int]:
    """Every multiprocessing process the crawl process ``pid`` started, workers and forkserver."""
    forkservers = [c for c in children(pid) if b"multiprocessing.forkserver" in _cmdline(c)]
    return forkservers + workers_of(pid)


def free_port_block(size: int) -> int:
    """The first of ``size`` consecutive free ports on 127.0.0.1, for a demo's replica sites."""
    for start in range(30000, 60000, 89):
        sockets = []
        try:
            for offset in range(size):
                sockets.append(socket.create_server(("127.0.0.1", start + offset)))
            return start
        except OSError:
            continue
        finally:
            for s in sockets:
                s.close()
    raise RuntimeError("no block of free ports")


def start_server(db: Path, port: int, *extra: str) -> subprocess.Popen:
    """``clusterwatch serve`` in a subprocess, returned once it answers on 127.0.0.1:port."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "clusterwatch",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            *extra,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"serve exited with {process.returncode}: {process.stderr.read()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=2):
                return process
        except OSError:
            time.sleep(0.2)
    stop_server(process)
    raise AssertionError("serve did not answer within 60 s")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def query(db: Path, sql: str, params: Any = ()) -> list[tuple]:
    """Rows of ``sql`` on the archive file ``db``, through a connection of its own (a statement
    that writes is committed)."""
    connection = sqlite3.connect(db)
    try:
        with connection:
            return connection.execute(sql, params).fetchall()
    finally:
        connection.close()
