"""One archive, many processes: while a crawl of several hundred pages writes, every other command
runs, again and again, without "database is locked", and the digests made meanwhile hold every
article once.

A real crawl (``clusterwatch crawl`` in its own process) of a generated site served slowly on
127.0.0.1, real commands in other processes, a real SMTP server (aiosmtpd) for ``digest --send``.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

from aiosmtpd.controller import Controller

from clusterwatch.demo.replicas import ReplicaServer
from clusterwatch.demo.sitegen import generate_site

from ..helpers import free_port, run_cli, start_cli

ARTICLES = 360


class Inbox:
    def __init__(self) -> None:
        self.messages: list[str] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(envelope.content.decode("utf-8", "replace"))
        return "250 OK"


def write_config(path: Path, start: str, smtp_port: int) -> Path:
    # no [topics]: the bundled belarus and clusters; a slow crawl (one page at a time, a pause
    # between pages) so that the other commands meet it writing
    path.write_text(
        f"""
[archive]
path = "archive.db"
[crawl]
allow_private_addresses = ["127.0.0.1"]
download_delay = 0.15
autothrottle = false
concurrent_requests_per_domain = 1
[[sources]]
name = "bench"
start_urls = ["{start}"]
[digest]
out_dir = "digests"
[[digest.recipients]]
email = "analyst@example.org"
[digest.smtp]
host = "127.0.0.1"
port = {smtp_port}
""",
        encoding="utf-8",
    )
    return path


COMMANDS = [
    ("digest",),
    ("digest", "--send"),
    ("status",),
    ("sources",),
    ("rematch",),
    ("alerts", "--limit", "5"),
    ("export", "--format", "jsonl", "-o", "{tmp}/export.jsonl"),
    ("search", "klaster"),
]


def test_every_command_works_while_a_crawl_writes(tmp_path):
    site = tmp_path / "sites" / "bench"
    generate_site(site, articles=ARTICLES)
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    failures: list[str] = []
    runs: dict[str, int] = {}
    try:
        with ReplicaServer(tmp_path / "sites") as server:
            config = write_config(
                tmp_path / "clusterwatch.toml", server.sites[0].local_base + "/", port
            )
            crawl = start_cli("crawl", "--config", str(config))
            deadline = time.monotonic() + 600
            while not (tmp_path / "archive.db").exists() and time.monotonic() < deadline:
                time.sleep(0.2)

            def keep_running(offset: int) -> None:
                # each thread goes round the commands from its own place, until the crawl ends
                turn = offset
                while crawl.poll() is None and time.monotonic() < deadline:
                    command = COMMANDS[turn % len(COMMANDS)]
                    turn += 1
                    args = [a.replace("{tmp}", f"{tmp_path}/{offset}") for a in command]
                    result = run_cli(*args, "--config", str(config), cwd=tmp_path)
                    name = " ".join(command[:2])
                    with lock:
                        runs[name] = runs.get(name, 0) + 1
                        # search: 1 is "nothing found", early in the crawl
                        ok = result.returncode == 0 or (
                            command[0] == "search" and result.returncode == 1
                        )
                        if not ok or "locked" in result.stderr:
                            failures.append(f"{name}: {result.returncode} {result.stderr[-300:]}")

            lock = threading.Lock()
            threads = []
            for offset in (0, 3, 6):
                (tmp_path / str(offset)).mkdir()
                threads.append(threading.Thread(target=keep_running, args=(offset,)))
                threads[-1].start()
            for thread in threads:
                thread.join()
            assert crawl.wait(timeout=60) == 0
            crawled_while = dict(runs)
            # after the crawl, one more of each digest: what the crawl stored last
            for command in (("digest",), ("digest", "--send")):
                result = run_cli(*command, "--config", str(config), cwd=tmp_path)
                assert result.returncode == 0, result.stderr
    finally:
        controller.stop()
    assert not failures, failures
    # several times each, while the crawl was writing
    assert min(crawled_while.values()) >= 3, crawled_while
    connection = sqlite3.connect(tmp_path / "archive.db")
    articles = connection.execute("select count(*) from articles").fetchone()[0]
    assert articles == ARTICLES
    alerted = {a for (a,) in connection.execute("select distinct article from matches")}
    assert alerted
    for recipient in ("files", "analyst@example.org"):
        rows = connection.execute(
            "select i.article, i.topic from digest_items i join digests d on d.id = i.digest "
            "where d.recipient = ? and d.status in ('sent', 'written')",
            [recipient],
        ).fetchall()
        # every article with an alert, once per topic, in exactly one of the digests
        assert len(rows) == len(set(rows)), recipient
        assert {article for article, _ in rows} == alerted, recipient
    digests = connection.execute(
        "select count(*) from digests where recipient = 'analyst@example.org' and status = 'sent'"
    ).fetchone()[0]
    connection.close()
    assert len(inbox.messages) == digests >= 2
