"""Configuration: discovery, validation, and one clear line (exit 2) for every mistake."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from clusterwatch.cli.main import cli
from clusterwatch.config import ConfigError, load_config, parse_schedule
from clusterwatch.crawl.runner import known_spiders

MINIMAL = """
[[sources]]
name = "blog"
start_urls = ["https://example.org/news/"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "clusterwatch.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_source_gets_defaults(tmp_path):
    config = load_config(write(tmp_path, MINIMAL))
    source = config.source("blog")
    assert source.spider == "generic"
    assert source.allowed_domains == []
    assert config.crawl.allow_private_addresses is False
    assert config.crawl.concurrent_requests_per_domain == 2
    assert config.db_path == tmp_path / "archive.db"
    assert "clusterwatch/" in config.user_agent and config.crawl.contact_url in config.user_agent


def test_bundled_config_lists_the_real_sources():
    config = load_config(Path(__file__).parent.parent / "data" / "clusterwatch.toml")
    names = {s.name: s for s in config.sources}
    assert set(names) == {"polskapomoc", "pfrr", "budowlanyklaster", "metalklaster"}
    assert "https://www.gov.pl/web/polskapomoc/aktualnosci" in names["polskapomoc"].start_urls
    assert "polskapomoc.gov.pl" in names["polskapomoc"].scope
    assert set(config.topics) == {"belarus", "clusters"}
    assert config.digest.recipients and config.digest.timezone == "Europe/Warsaw"


def test_precedence_flag_then_env_then_working_directory(tmp_path, monkeypatch):
    local = write(tmp_path, MINIMAL)
    other = tmp_path / "other.toml"
    other.write_text(MINIMAL.replace("blog", "other"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLUSTERWATCH_CONFIG", raising=False)
    monkeypatch.delenv("CLUSTERWATCH_DB", raising=False)
    assert load_config().path.resolve() == local
    monkeypatch.setenv("CLUSTERWATCH_CONFIG", str(other))
    assert load_config().sources[0].name == "other"
    assert load_config(local).sources[0].name == "blog"
    monkeypatch.setenv("CLUSTERWATCH_DB", str(tmp_path / "env.db"))
    assert load_config(local).db_path == tmp_path / "env.db"
    assert load_config(local, db=tmp_path / "flag.db").db_path == tmp_path / "flag.db"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[[sources]\nname = 'x'", "invalid TOML"),
        (
            '[[sources]]\nname = "blog"\nstart_urls = ["https://e.org/"]\nspider = "nope"',
            "sources[0] (blog).spider: unknown spider 'nope'",
        ),
        ('[[sources]]\nname = "blog"', "sources[0] (blog).start_urls: missing"),
        (
            '[[sources]]\nname = "blog"\nstart_urls = []',
            "sources[0] (blog).start_urls: must not be empty",
        ),
        (
            '[[sources]]\nname = "blog"\nstart_urls = "https://e.org/"',
            "sources[0] (blog).start_urls: must be a list",
        ),
        ('[[sources]]\nname = "blog"\nstart_urls = ["ftp://e.org/"]', "is not an http(s) URL"),
        (
            '[[sources]]\nname = "blog"\nstart_urls = ["https://e.org/"]\nmax_pages = "ten"',
            "sources[0] (blog).max_pages: must be an integer",
        ),
        (
            '[[sources]]\nname = "blog"\nstart_urls = ["https://e.org/"]\nstart_url = 1',
            "sources[0] (blog).start_url: unknown key",
        ),
        (
            '[[sources]]\nname = "Blog Name"\nstart_urls = ["https://e.org/"]',
            "sources[0] (Blog Name).name: must be lowercase",
        ),
        (
            '[[sources]]\nname = "blog"\nstart_urls = ["https://e.org/"]\nschedule = "sometimes"',
            "sources[0] (blog).schedule",
        ),
        ('[crawl]\nallow_private_addresses = "yes"', "crawl.allow_private_addresses"),
        ("[crawl]\nconcurrent_requests_per_domain = 50", "crawl.concurrent_requests_per_domain"),
        ('[topics.x]\nterms = ["a*"]', "topics.x: term 'a*': a prefix needs at least 3 letters"),
        (
            '[topics.x]\nrules = ["klaster AND (obliczeniowy"]',
            "topics.x: rule 'klaster AND (obliczeniowy': missing ')'",
        ),
        ('[topics.x]\ndescription = "nothing"', "topics.x: has neither terms nor rules"),
        (
            '[[digest.recipients]]\nemail = "a@b.org"\ntopics = ["ghost"]',
            "digest.recipients[0].topics: unknown topic 'ghost'",
        ),
        ('[digest]\ntime = "7am"', "digest.time: must be HH:MM"),
    ],
)
def test_bad_configuration_names_file_key_and_problem(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path, spiders=known_spiders())
    message = str(info.value)
    assert message.startswith(str(path)), message
    assert expected in message, message
    assert "\n" not in message


def test_bad_configuration_exits_2_with_one_line_and_writes_nothing(tmp_path):
    path = write(
        tmp_path, '[[sources]]\nname = "blog"\nstart_urls = ["https://e.org/"]\nspider = "nope"\n'
    )
    db = tmp_path / "archive.db"
    for command in (["crawl"], ["export"], ["sources"], ["digest"]):
        result = CliRunner().invoke(cli, [*command, "--config", str(path), "--db", str(db)])
        assert result.exit_code == 2, result.output
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert len(lines) == 1 and "unknown spider 'nope'" in lines[0], result.output
        assert not db.exists()


def test_missing_configuration_file_is_reported(tmp_path):
    result = CliRunner().invoke(cli, ["sources", "--config", str(tmp_path / "absent.toml")])
    assert result.exit_code == 2
    assert "absent.toml: configuration file not found" in result.output


def test_schedules():
    assert parse_schedule("every 6h") == {"interval": {"hours": 6}}
    assert parse_schedule("every 30 min") == {"interval": {"minutes": 30}}
    assert parse_schedule("15 */6 * * *") == {"cron": "15 */6 * * *"}
    with pytest.raises(ValueError):
        parse_schedule("61 * * * *")


def test_the_benchmark_site_config_can_carry_the_shipped_topics(tmp_path):
    from types import SimpleNamespace

    from clusterwatch.demo.sitegen import site_config
    from clusterwatch.paths import default_config_path

    server = SimpleNamespace(sites=[SimpleNamespace(local_base="http://127.0.0.1:8765")])
    config = load_config(site_config(server, tmp_path, topics=True))
    shipped = load_config(default_config_path())
    assert config.topics == shipped.topics and set(config.topics) == {"belarus", "clusters"}
    assert config.sources[0].start_urls == ["http://127.0.0.1:8765/"]
    assert load_config(site_config(server, tmp_path)).topics == {}
