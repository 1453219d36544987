"""Default topics: a configuration without ``[topics]`` alerts on the bundled topics of
``data/topics.toml``; a ``[topics]`` table replaces them, an empty one turns alerts off. Unit
cases of ``load_config``, then real crawls of a replica site, a real archive and a real SMTP
server."""

from __future__ import annotations

import sqlite3
import tomllib
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
import tomli_w
from aiosmtpd.controller import Controller

from clusterwatch import paths
from clusterwatch.config import ConfigError, TopicConfig, bundled_topics_path, load_config
from clusterwatch.demo.replicas import ReplicaServer
from clusterwatch.demo.run import demo_config_dict

from ..helpers import free_port, run_cli

SOURCE = """
[[sources]]
name = "blog"
start_urls = ["https://example.org/news/"]
"""
RECIPIENT = """
[[digest.recipients]]
email = "analityk@example.org"
topics = ["belarus"]
"""
ANALYST = "analityk@example.org"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "clusterwatch.toml"
    path.write_text(text, encoding="utf-8")
    return path


def bundled() -> dict:
    return tomllib.loads(bundled_topics_path().read_text(encoding="utf-8"))["topics"]


def test_without_topics_the_bundled_ones_apply(tmp_path):
    config = load_config(write(tmp_path, SOURCE))
    assert list(config.topics) == ["belarus", "clusters"]
    assert config.topics_origin == "bundled"
    assert config.topics == {
        name: TopicConfig.model_validate(spec) for name, spec in bundled().items()
    }
    assert config.topics_description == (
        "belarus, clusters — bundled defaults (data/topics.toml); add [topics] to replace them"
    )


def test_the_bundled_configuration_relies_on_the_bundled_topics():
    raw = tomllib.loads(paths.default_config_path().read_text(encoding="utf-8"))
    assert "topics" not in raw
    assert load_config(paths.default_config_path()).topics_origin == "bundled"


def test_a_topics_table_replaces_the_bundled_topics_wholly(tmp_path):
    config = load_config(write(tmp_path, SOURCE + '[topics.x]\nterms = ["klaster"]\n'))
    assert list(config.topics) == ["x"] and config.topics["x"].terms == ["klaster"]
    assert config.topics_origin == "configuration"
    assert config.topics_description == f"x — [topics] of {config.path}"


def test_an_empty_topics_table_turns_alerts_off(tmp_path):
    config = load_config(write(tmp_path, SOURCE + "[topics]\n"))
    assert config.topics == {} and config.topics_origin == "off"
    assert "alerts off" in config.topics_description


def test_a_recipient_of_a_bundled_topic_needs_no_topics_table(tmp_path):
    config = load_config(write(tmp_path, SOURCE + RECIPIENT))
    assert config.digest.recipients[0].topics == ["belarus"]
    assert "belarus" in config.topics


def test_a_recipient_of_a_topic_turned_off_is_one_clear_line(tmp_path):
    path = write(tmp_path, SOURCE + "[topics]\n" + RECIPIENT)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    message = str(error.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: digest.recipients[0].topics: unknown topic 'belarus'")
    assert "an empty [topics] table turns alerts off" in message


def test_a_recipient_of_a_bundled_topic_hidden_by_the_configured_ones_is_told_why(tmp_path):
    path = write(tmp_path, SOURCE + '[topics.x]\nterms = ["klaster"]\n' + RECIPIENT)
    with pytest.raises(ConfigError, match=r"unknown topic 'belarus' \(defined: x; \[topics\] "):
        load_config(path)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[topics.x\n", "invalid TOML"),
        ('[topics.x]\nterms = ["a*"]\n', "topics.x: term 'a*': a prefix needs at least 3 letters"),
        ('[topics.x]\nterms = ["klaster"]\ncolour = "red"\n', "topics.x.colour: unknown key"),
        ('[crawl]\nmax_pages = 5\n[topics.x]\nterms = ["klaster"]\n', "crawl: unknown key"),
        ("[topics]\n", "topics: must not be empty"),
    ],
)
def test_a_broken_bundled_file_is_an_error_naming_it(tmp_path, monkeypatch, text, expected):
    data = tmp_path / "data"
    data.mkdir()
    (data / "topics.toml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(paths, "data_dir", lambda: data)
    with pytest.raises(ConfigError) as error:
        load_config(write(tmp_path, SOURCE))
    assert str(error.value).startswith(f"{data / 'topics.toml'}: ")
    assert expected in str(error.value) and "\n" not in str(error.value)
    # a configuration with topics of its own does not need the bundled file
    assert load_config(write(tmp_path, SOURCE + "[topics]\n")).topics == {}


class Inbox:
    """An aiosmtpd handler keeping every message."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted"


def replica_config(server: ReplicaServer, workdir: Path, **changes) -> Path:
    """The demo's configuration for one replica site, without the topics written in."""
    raw = demo_config_dict(server)
    del raw["topics"]
    raw["sources"] = [s for s in raw["sources"] if s["name"] == "budowlanyklaster"]
    raw |= changes
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / "clusterwatch.toml"
    path.write_text(tomli_w.dumps(raw), encoding="utf-8")
    return path


def alerts(db: Path) -> dict[str, set[tuple[int, str]]]:
    """The archive's matches by topic: (revision, article title)."""
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "select m.topic, m.revision, a.title from matches m join articles a on a.id = m.article"
        ).fetchall()
    found: dict[str, set[tuple[int, str]]] = {}
    for topic, revision, title in rows:
        found.setdefault(topic, set()).add((revision, title))
    return found


def test_a_crawl_without_topics_alerts_on_both_bundled_topics_and_digests_them(tmp_path):
    port = free_port()
    with ReplicaServer(latency=0.0) as server:
        config = replica_config(
            server,
            tmp_path,
            digest={
                "from": "clusterwatch@example.org",
                "out_dir": "digests",
                "recipients": [{"email": ANALYST, "topics": ["belarus"]}],
                "smtp": {"host": "127.0.0.1", "port": port, "security": "none", "timeout": 5.0},
            },
        )
        assert "topics" not in tomllib.loads(config.read_text(encoding="utf-8"))
        crawl = run_cli("crawl", "--config", str(config))
        assert crawl.returncode == 0, crawl.stdout + crawl.stderr

    found = alerts(tmp_path / "archive.db")
    assert set(found) == {"belarus", "clusters"}
    assert found["belarus"] and found["clusters"]

    origin = "topics: belarus, clusters — bundled defaults (data/topics.toml)"
    for command in ("status", "sources"):
        shown = run_cli(command, "--config", str(config))
        assert shown.returncode == 0, shown.stdout + shown.stderr
        assert origin in shown.stdout, shown.stdout

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        sent = run_cli("digest", "--config", str(config), "--send")
    finally:
        controller.stop()
    assert sent.returncode == 0, sent.stdout + sent.stderr
    assert [m["To"] for m in inbox.messages] == [ANALYST]
    message = inbox.messages[0]
    html = message.get_body(("html",)).get_content()
    plain = message.get_body(("plain",)).get_content()
    assert "belarus (" in html and "clusters (" not in html
    titles = {title for _, title in found["belarus"]}
    assert titles and all(title in plain for title in titles)
    with sqlite3.connect(tmp_path / "archive.db") as connection:
        given = set(
            connection.execute(
                "select revision, topic from digest_items where recipient = ?", [ANALYST]
            ).fetchall()
        )
    assert given == {(revision, "belarus") for revision, _ in found["belarus"]}


def test_a_crawl_with_an_empty_topics_table_stores_no_alerts(tmp_path):
    with ReplicaServer(latency=0.0) as server:
        config = replica_config(server, tmp_path, digest={"out_dir": "digests"})
        config.write_text(config.read_text(encoding="utf-8") + "\n[topics]\n", encoding="utf-8")
        crawl = run_cli("crawl", "--config", str(config))
        assert crawl.returncode == 0, crawl.stdout + crawl.stderr

    with sqlite3.connect(tmp_path / "archive.db") as connection:
        assert connection.execute("select count(*) from articles").fetchone()[0] > 0
        assert connection.execute("select count(*) from matches").fetchone()[0] == 0
    status = run_cli("status", "--config", str(config))
    assert status.returncode == 0, status.stdout + status.stderr
    assert "topics: none — alerts off" in status.stdout
