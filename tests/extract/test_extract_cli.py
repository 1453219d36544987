"""`clusterwatch extract`: the JSON contract, from a saved file and from a URL, under the crawl's
address policy."""

from __future__ import annotations

import json

from clusterwatch import paths

from ..helpers import make_config, run_cli

FIELDS = {"title", "text", "published", "author", "language"}


def test_extract_a_saved_windows_1250_page(tmp_path):
    page = (
        paths.demo_sites_dir()
        / "www.budowlanyklaster.pl/dziaania-klastra/polsko-bialoruskie-rozmowy-w-klastrach-i-o-klastrach-,425.html"
    )
    # the bundled configuration knows the site: --url selects its extraction rules
    url = "http://www.budowlanyklaster.pl/dziaania-klastra/polsko-bialoruskie-rozmowy-w-klastrach-i-o-klastrach-,425.html"
    result = run_cli("extract", str(page), "--url", url)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert set(record) >= FIELDS
    assert record["title"] == "Polsko-białoruskie rozmowy w klastrach i o klastrach."
    assert record["published"] == "2017-12-13" and record["language"] == "pl"
    assert record["text"].startswith("To był tydzień")


def test_extract_a_url_with_the_site_rules_of_its_source(replicas, tmp_path):
    config = make_config(replicas, tmp_path)
    url = replicas.local_url("https://www.polskapomoc.gov.pl/Klastry,na,Bialorusi,2827.html")
    result = run_cli("extract", url, "--config", str(config))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["url"] == replicas.local_url(
        "https://www.gov.pl/web/polskapomoc/klastry-na-bialorusi"
    )
    assert record["title"] == "Klastry na Białorusi" and record["published"] == "2018-10-10"
    text = run_cli("extract", url, "--config", str(config), "--format", "text")
    assert text.stdout.startswith("Klastry na Białorusi\n2018-10-10")


def test_extract_refuses_private_addresses_by_default(replicas, tmp_path):
    config = tmp_path / "clusterwatch.toml"
    config.write_text("", encoding="utf-8")  # defaults: allow_private_addresses = false
    url = replicas.local_url("https://pfrr.pl/wizyta-studyjna-delegacji-z-bialorusi/")
    result = run_cli("extract", url, "--config", str(config))
    assert result.returncode == 1
    assert "private address" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_extract_says_so_when_there_is_no_article(tmp_path):
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav>Menu</nav></body></html>", encoding="utf-8")
    result = run_cli("extract", str(empty))
    assert result.returncode == 1 and "no article text found" in result.stderr
    missing = run_cli("extract", str(tmp_path / "nope.html"))
    assert missing.returncode == 1 and "nope.html" in missing.stderr
    binary = tmp_path / "scan.html"
    binary.write_bytes(bytes(range(256)) * 8)  # not HTML at all: trafilatura logs an error
    result = run_cli("extract", str(binary))
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: {binary}: no article text found"
