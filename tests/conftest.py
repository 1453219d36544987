"""Shared fixtures: the replica sites on 127.0.0.1, configurations pointing at them, crawls.

A crawl runs in a subprocess (``python -m clusterwatch crawl``), as the scheduler runs it:
Twisted's reactor cannot be restarted inside one test process.
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

from clusterwatch import paths
from clusterwatch.demo.replicas import ReplicaServer

from .helpers import make_config, run_cli


def pytest_configure(config: pytest.Config) -> None:
    # nothing a test starts may talk to anything but 127.0.0.1: no proxies either
    for name in (
        "http_proxy",
        "https_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "all_proxy",
    ):
        os.environ.pop(name, None)
    os.environ["NO_PROXY"] = "127.0.0.1"


@pytest.fixture(scope="session")
def zoo(tmp_path_factory) -> Any:
    """The zoo of CMS site shapes (``clusterwatch.zoo.sites``), written once and served on 127.0.0.1:
    ``(server, manifest)``; read-only for the tests that share it."""
    from clusterwatch.zoo.sites import build_zoo

    root = tmp_path_factory.mktemp("zoo")
    manifest = build_zoo(root)
    with ReplicaServer(sites_dir=root) as server:
        yield server, manifest


@pytest.fixture(scope="session")
def manifest() -> dict[str, Any]:
    return json.loads((paths.demo_sites_dir() / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def replicas():
    with ReplicaServer() as server:
        yield server


@pytest.fixture(scope="session")
def crawled(replicas, tmp_path_factory):
    """One full crawl of every replica site into a fresh archive, shared by the e2e tests."""
    workdir = tmp_path_factory.mktemp("crawled")
    config = make_config(replicas, workdir)
    result = run_cli("crawl", "--config", str(config))
    assert result.returncode == 0, result.stdout + result.stderr
    return {
        "config": config,
        "db": workdir / "archive.db",
        "workdir": workdir,
        "output": result.stdout,
    }
