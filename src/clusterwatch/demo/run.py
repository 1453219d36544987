"""The offline demo: the replica sites on 127.0.0.1, the real spiders, the whole chain.

``configure(server, workdir)`` derives a configuration from the bundled one: every real URL
becomes its replica's local URL, every source's allowed domains become its replicas' host and
port, and private addresses are allowed for 127.0.0.1 only. The tests use the same function.
A base without ``[topics]`` gets the bundled topics written in, so that the demo's configuration
is a whole file to copy and edit.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import tomli_w

from clusterwatch import paths
from clusterwatch.config import bundled_topics_path

from .replicas import ReplicaServer

DEMO_BASE_PORT = 18470


def demo_config_dict(server: ReplicaServer, base_config: Path | None = None) -> dict[str, Any]:
    raw = tomllib.loads((base_config or paths.default_config_path()).read_text(encoding="utf-8"))
    sources = []
    for source in raw.get("sources", []):
        netlocs = server.netlocs_of_source(source["name"])
        if not netlocs:
            continue
        sources.append(
            {
                **source,
                "start_urls": [server.local_url(url) for url in source["start_urls"]],
                "allowed_domains": netlocs,
            }
        )
    raw["sources"] = sources
    raw["archive"] = {"path": "archive.db"}
    raw["crawl"] = {
        **raw.get("crawl", {}),
        "allow_private_addresses": ["127.0.0.1"],
        "download_delay": 0.0,
        "autothrottle": False,
        "state_dir": "crawl-state",
    }
    raw["digest"] = {**raw.get("digest", {}), "out_dir": "digests"}
    if "topics" not in raw:
        bundled = tomllib.loads(bundled_topics_path().read_text(encoding="utf-8"))["topics"]
        digest = raw.pop("digest")
        # before [digest], where the bundled configuration had them
        raw |= {"topics": bundled, "digest": digest}
    return raw


def write_demo_config(
    server: ReplicaServer, workdir: Path, overrides: dict[str, Any] | None = None
) -> Path:
    raw = demo_config_dict(server)
    for section, values in (overrides or {}).items():
        raw[section] = {**raw.get(section, {}), **values} if isinstance(values, dict) else values
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / "clusterwatch.toml"
    header = (
        "# Written by `clusterwatch demo`: the bundled configuration pointed at the replica sites"
        " (with the bundled topics of data/topics.toml written in).\n"
    )
    path.write_text(header + tomli_w.dumps(raw), encoding="utf-8")
    return path


def demo_workdir() -> Path:
    return paths.data_dir() / "demo-run"
