"""One crawl per source, and one digest, at a time across processes: advisory lock files.

``fcntl.flock`` locks belong to the open file: the kernel releases them when the process ends,
however it ends, so a killed crawl never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def source_locks(state_dir: Path, sources: list[str]) -> Iterator[dict[str, int | None]]:
    """Lock each source; yields ``{source: pid}`` for those another process holds (pid if known)."""
    directory = state_dir / "locks"
    directory.mkdir(parents=True, exist_ok=True)
    held = []
    busy: dict[str, int | None] = {}
    try:
        for source in sources:
            handle = open(directory / f"{source}.lock", "a+")  # noqa: SIM115 - held open on purpose
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.seek(0)
                text = handle.read().strip()
                busy[source] = int(text) if text.isdigit() else None
                handle.close()
                continue
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            held.append(handle)
        yield busy
    finally:
        for handle in held:
            handle.close()


@contextmanager
def held_lock(state_dir: Path, name: str) -> Iterator[None]:
    """Wait for the lock ``name``, then hold it: one holder at a time across processes (the
    digests: a digest another process is sending is not one a crashed run left unsent)."""
    directory = state_dir / "locks"
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / f"{name}.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
