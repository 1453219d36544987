"""The site zoo (``clusterwatch.zoo.sites``) itself: deterministic, served as its manifest says, every
article reachable from a listing, the manifest's sets disjoint, charsets right.

Tests of the generator only; how the crawler does on the zoo is ``benchmarks/zoo.py``'s business.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import re
import urllib.error
import urllib.request
from datetime import date
from pathlib import Path
from urllib.parse import urljoin

import pytest
from lxml import html as lxml_html

from clusterwatch.demo.replicas import ReplicaServer
from clusterwatch.zoo.sites import SHAPE_SPECS, SHAPES, build_zoo
from clusterwatch.zoo.text import PACKS, Writer, split_sentences

KINDS = ("articles", "listings", "feeds", "sitemaps", "other")


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def real_links(server: ReplicaServer, site_name: str, real_url: str) -> set[str]:
    """The links of a page, resolved (``<base href>`` too) and mapped back to real URLs."""
    site = server.site(site_name)
    _, _, body = fetch(server.local_url(real_url))
    document = lxml_html.fromstring(body)
    base = (document.xpath("//base/@href") or [server.local_url(real_url)])[0]
    found = set()
    for href in document.xpath("//a/@href"):
        url = urljoin(base, href.strip()).split("#", 1)[0]
        if url.startswith(site.local_base):
            url = site.bases[0] + url[len(site.local_base) :]
        found.add(url)
    return found


def tree_digest(root: Path) -> str:
    digest = hashlib.sha256()
    for file in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(file.relative_to(root).as_posix().encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def test_the_same_seed_writes_the_same_zoo(tmp_path):
    first = build_zoo(tmp_path / "a", seed=3)
    second = build_zoo(tmp_path / "b", seed=3)
    other = build_zoo(tmp_path / "c", seed=4)
    assert first == second
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")
    assert first != other
    assert json.loads((tmp_path / "a" / "zoo.json").read_text(encoding="utf-8")) == first


def test_shapes_folds_and_sizes(zoo):
    _, manifest = zoo
    assert list(manifest) == SHAPES and len(SHAPES) >= 19
    folds = [entry["fold"] for entry in manifest.values()]
    assert folds.count("dev") == 7 and folds.count("heldout") == 6
    assert folds.count("unseen") == 6 and set(folds) == {"dev", "heldout", "unseen"}
    families = {
        fold: {e["family"] for e in manifest.values() if e["fold"] == fold}
        for fold in ("dev", "heldout", "unseen")
    }
    assert "1C-Bitrix" in families["dev"] and "1C-Bitrix" in families["heldout"]
    unseen_languages = {
        lang for e in manifest.values() if e["fold"] == "unseen" for lang in e["languages"]
    }
    assert unseen_languages == {"pl", "ru", "be", "uk", "en"}
    languages = {lang for entry in manifest.values() for lang in entry["languages"]}
    assert languages == {"pl", "ru", "be", "uk", "en"}
    for name, entry in manifest.items():
        assert 20 <= len(entry["articles"]) <= 45, name
        assert entry["start_urls"] and set(entry["start_urls"]) <= set(entry["listings"]), name
        for start in entry["start_urls"]:
            assert 8 <= len(entry["listed"][start]) <= 12, (name, start)
        for url in itertools.chain.from_iterable(entry[k] for k in KINDS):
            assert url.startswith(entry["base"] + "/") and ".example" in entry["base"], url
            assert "#" not in url


def test_the_sets_are_disjoint(zoo):
    _, manifest = zoo
    for name, entry in manifest.items():
        seen: set[str] = set()
        for kind in KINDS:
            assert len(set(entry[kind])) == len(entry[kind]), (name, kind)
            assert not seen & set(entry[kind]), (name, kind, sorted(seen & set(entry[kind]))[:3])
            seen |= set(entry[kind])


def test_every_manifest_url_is_served(zoo):
    server, manifest = zoo
    for entry in manifest.values():
        for url in itertools.chain.from_iterable(entry[k] for k in KINDS):
            status, headers, body = fetch(server.local_url(url))
            assert status == 200 and body, url
            if url in entry["feeds"] or url in entry["sitemaps"]:
                assert headers["Content-Type"].startswith("application/xml"), url
            else:
                assert headers["Content-Type"].startswith("text/html"), url
        robots = server.local_url(entry["base"] + "/robots.txt")
        if entry["robots_txt"]:
            assert fetch(robots)[0] == 200
        else:
            with pytest.raises(urllib.error.HTTPError):
                fetch(robots)


def test_listings_link_their_articles_and_every_article_is_listed(zoo):
    server, manifest = zoo
    for name, entry in manifest.items():
        reached: set[str] = set()
        assert set(entry["listed"]) == set(entry["listings"]), name
        for listing, articles in entry["listed"].items():
            assert articles, (name, listing)
            assert set(articles) <= set(entry["articles"]), (name, listing)
            links = real_links(server, name, listing)
            assert set(articles) <= links, (name, listing, sorted(set(articles) - links)[:3])
            reached |= links
        missing = set(entry["articles"]) - reached
        assert not missing, (name, sorted(missing)[:3])


def test_article_pages_say_their_own_url_when_they_name_one(zoo):
    server, manifest = zoo
    for name, entry in manifest.items():
        for url in entry["articles"][:5]:
            _, _, body = fetch(server.local_url(url))
            canonical = lxml_html.fromstring(body).xpath('//link[@rel="canonical"]/@href')
            if canonical:
                assert canonical[0] == server.local_url(url), (name, url)


def test_the_windows_1250_site_reads_as_polish(zoo):
    server, manifest = zoo
    entry = manifest["oldphp"]
    assert entry["charset"] == "windows-1250"
    status, headers, body = fetch(server.local_url(entry["articles"][0]))
    assert headers["Content-Type"] == "text/html; charset=windows-1250"
    assert b'content="text/html; charset=windows-1250"' in body
    text = body.decode("windows-1250")
    assert "Strona główna" in text and "Aktualności" in text and "powrót" in text
    assert "główna".encode() not in body  # not UTF-8 on the wire
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    assert re.search(r"[ąćęłńóśźż]", text.split("tresc_newsa", 1)[1])


def test_every_shape_has_its_notes_and_a_fake_host():
    for shape in SHAPE_SPECS:
        assert shape.base.endswith(".example") and shape.notes


@pytest.mark.parametrize("lang", sorted(PACKS))
def test_articles_differ_from_each_other(lang):
    writer = Writer(lang, random.Random(11), owner=("X", "X", "m"))
    stories = writer.stories(45, date(2024, 5, 1))
    assert len({s.title for s in stories}) == 45
    # sentences of the prose (lists draw their items from a short list of phrases)
    sentences = [
        {t for kind, text in s.blocks if kind in ("p", "q") for t in split_sentences(str(text))}
        for s in stories
    ]
    for (i, a), (j, b) in itertools.combinations(enumerate(sentences), 2):
        assert len(a & b) <= 2, (lang, stories[i].title, stories[j].title, sorted(a & b))
    for story in stories:
        assert 120 <= story.words() <= 650, (lang, story.words())
