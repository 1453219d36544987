"""The served demo archive in a real browser: Debian's chromium driven by Playwright.

`clusterwatch demo` builds the archive and says how to serve it; the test runs exactly that
command on a free port, searches for Białoruś as an analyst would, opens an article, runs the
"alerts by topic" query and looks at the chart, saving a screenshot of each step in
``screenshots/`` (git-ignored).
"""

from __future__ import annotations

import json
import re
import shlex
import sqlite3
import urllib.request
from pathlib import Path

import pytest

from clusterwatch.serve.app import POLISH_FTS_TABLE, has_table

from ..helpers import ROOT, free_port, free_port_block, run_cli, start_server, stop_server
from .test_serve import QUERIES

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "screenshots"
# as the machine notes give them: no sandbox as root, and nothing that reaches out to Google
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium is missing: install Debian's chromium (.ci/run does it)",
)


def article_with_only_inflected_forms(archive: Path) -> tuple[int, str]:
    """An article that mentions Belarus only in inflected forms (Białorusi, białoruskich…)."""
    conn = sqlite3.connect(archive)
    try:
        for article, title, text in conn.execute(
            "select id, title, text from articles order by id"
        ):
            words = f"{title} {text}".casefold()
            if "białoru" in words and "białoruś" not in words:
                return article, title
    finally:
        conn.close()
    raise AssertionError("the demo archive has no article with only inflected forms of Białoruś")


def save(page, name: str) -> Path:
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))  # the window, as the analyst sees it
    return path


def test_an_analyst_searches_opens_an_article_and_runs_alerts_by_topic(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    demo = run_cli(
        "demo", "--workdir", str(tmp_path / "demo"), "--port-base", str(free_port_block(5))
    )
    assert demo.returncode == 0, demo.stdout + demo.stderr
    command = re.search(r"Open the archive in Datasette:\s+(clusterwatch serve .+)", demo.stdout)
    assert command, demo.stdout
    args = shlex.split(command.group(1))
    assert args[:3] == ["clusterwatch", "serve", "--db"]
    archive = Path(args[3])
    article, title = article_with_only_inflected_forms(archive)
    # the Polish-aware index finds Białorusi for Białoruś; SQLite's own only with a prefix
    query = "Białoruś" if has_table(archive, POLISH_FTS_TABLE) else "białoru*"

    SCREENSHOTS.mkdir(exist_ok=True)
    shots = []
    port = free_port()
    server = start_server(archive, port)
    try:
        base = f"http://127.0.0.1:{port}"
        for name in QUERIES:  # every canned query, on the demo archive, through the real server
            with urllib.request.urlopen(f"{base}/archive/{name}.json") as response:
                assert json.load(response)["ok"], name
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch_persistent_context(
                str(tmp_path / "profile"),  # a new, empty profile
                executable_path=str(CHROMIUM),
                args=CHROMIUM_FLAGS,
                headless=True,
                viewport={"width": 1280, "height": 900},
            )
            page = browser.new_page()
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))

            page.goto(f"{base}/archive/articles")
            page.fill("input#_search", query)
            page.press("input#_search", "Enter")
            page.wait_for_url(re.compile(r"_search="))
            results = page.locator("table.rows-and-columns tbody")
            sync_api.expect(results).to_contain_text(title)
            assert re.search(r"\d+ rows? where search matches", page.content())
            shots.append(save(page, "1-search"))
            row = page.locator(f'tr:has(td.col-id a[href$="/archive/articles/{article}"])')
            row.scroll_into_view_if_needed()
            shots.append(save(page, "1-search-found"))

            page.click(f'table.rows-and-columns td.col-id a[href$="/archive/articles/{article}"]')
            page.wait_for_url(re.compile(rf"/archive/articles/{article}$"))
            sync_api.expect(page.locator("article.article h1")).to_have_text(title)
            sync_api.expect(page.locator("article.article .text")).to_contain_text(
                re.compile("białoru", re.I)
            )
            shots.append(save(page, "2-article"))

            page.goto(f"{base}/archive")
            page.click("text=Alerts by topic")
            page.fill("input[name=topic]", "belarus")
            page.click("input[type=submit][value='Run SQL']")
            page.wait_for_url(re.compile(r"alerts_by_topic\?.*topic=belarus"))
            marked = page.locator("table.rows-and-columns td.col-snippet mark")
            sync_api.expect(marked.first).to_be_visible()
            marked.first.scroll_into_view_if_needed()
            topics = page.locator("table.rows-and-columns td.col-topic").all_inner_texts()
            assert topics and set(topics) == {"belarus"}
            shots.append(save(page, "3-alerts-by-topic"))

            page.goto(f"{base}/archive")
            page.click("text=Mentions per topic per week")
            chart = page.locator("canvas, svg.marks").first
            sync_api.expect(chart).to_be_visible()
            chart.scroll_into_view_if_needed()
            shots.append(save(page, "4-chart"))
            browser.close()
            assert not errors, errors
    finally:
        stop_server(server)
    for shot in shots:
        assert shot.stat().st_size > 1000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", shot
