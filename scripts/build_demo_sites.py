"""Render the replica sites in data/demo-sites/ from the content in data/demo-sites/_source/.

A maintainer's tool, not part of the product: the rendered sites are committed, so the demo
and the tests never run this. Rerun it after editing the content or the templates:

    python scripts/build_demo_sites.py          (needs jinja2, and fpdf2 for the PDF attachment)

Each site keeps its real URL shapes and markup as far as known (see the templates below);
manifest.json lists every article (real URL, title, date, language, expected topics, story)
and every non-article page, for the tests.
"""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from datetime import date, datetime
from email.utils import format_datetime
from html import escape
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

ROOT = Path(__file__).resolve().parent.parent
SITES = ROOT / "data" / "demo-sites"
SOURCE = SITES / "_source"
TEMPLATES = SITES / "_templates"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

GOVPL = "https://www.gov.pl"
OLD_POLSKAPOMOC = "https://www.polskapomoc.gov.pl"
PFRR = "https://pfrr.pl"
WKB = "http://www.budowlanyklaster.pl"
KOM = "https://www.metalklaster.pl"
KOM_OLD = "http://metalklaster.pl"

PAGE_SIZE = {"govpl": 10, "pfrr": 6, "budowlanyklaster": 5, "metalklaster": 6}


def body_html(body: str) -> str:
    """The content files' light markup: paragraphs, '- ' lists, '## ' headings, '|' tables."""
    out: list[str] = []
    for block in [b.strip("\n") for b in body.strip().split("\n\n") if b.strip()]:
        lines = [line.rstrip() for line in block.splitlines()]
        if all(line.startswith("- ") for line in lines):
            out.append(
                "<ul>" + "".join(f"<li>{_inline(line[2:])}</li>" for line in lines) + "</ul>"
            )
        elif all(line.startswith("|") for line in lines):
            rows = [[c.strip() for c in line.strip("|").split("|")] for line in lines]
            rows = [r for r in rows if not all(set(c) <= set("-: ") for c in r)]
            head, *rest = rows
            out.append(
                "<table><thead><tr>"
                + "".join(f"<th>{_inline(c)}</th>" for c in head)
                + "</tr></thead><tbody>"
                + "".join(
                    "<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in r) + "</tr>" for r in rest
                )
                + "</tbody></table>"
            )
        elif lines[0].startswith("## "):
            out.append(f"<h3>{_inline(lines[0][3:])}</h3>")
            if len(lines) > 1:
                out.append(f"<p>{_inline(' '.join(lines[1:]))}</p>")
        else:
            out.append("<p>" + "<br>\n".join(_inline(line) for line in lines) + "</p>")
    return "\n".join(out)


def _inline(text: str) -> str:
    """Escape, and link bare URLs (the "Źródło: https://…" lines are links on the real pages)."""

    def link(match: re.Match) -> str:
        url = match.group(0).rstrip(".,;)")
        return f'<a href="{url}">{url}</a>{match.group(0)[len(url) :]}'

    return re.sub(r"https?://[^\s<>\"]+", link, escape(text, quote=False))


def pl_date(iso: str, fmt: str) -> str:
    d = date.fromisoformat(iso)
    return (
        fmt.replace("dd", f"{d.day:02d}")
        .replace("mm", f"{d.month:02d}")
        .replace("yyyy", str(d.year))
    )


def article_path(site: str, a: dict) -> str:
    if site == "govpl":
        return f"/web/polskapomoc/{a['slug']}"
    if site == "pfrr":
        prefix = "" if a.get("lang", "pl") == "pl" else f"/{a['lang']}"
        return f"{prefix}/{a['slug']}/"
    if site == "budowlanyklaster":
        return f"/dziaania-klastra/{a['slug']},{a['num']}.html"
    if site == "metalklaster":
        return f"/news/{a['slug']}"
    raise ValueError(site)


def base_of(site: str) -> str:
    return {"govpl": GOVPL, "pfrr": PFRR, "budowlanyklaster": WKB, "metalklaster": KOM}[site]


def listing_url(site: str, page: int) -> str:
    if site == "govpl":
        return "/web/polskapomoc/aktualnosci" + (f"?page={page}&size=10" if page > 1 else "")
    if site == "pfrr":
        return "/aktualnosci/" + (f"page/{page}/" if page > 1 else "")
    if site == "budowlanyklaster":
        return "/dziaania-klastra/" + (f"strona-{page}.html" if page > 1 else "")
    if site == "metalklaster":
        return "/news" + (f"?page={page}" if page > 1 else "")
    raise ValueError(site)


def write(path: Path, text: str, encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))


def file_for(site_dir: Path, url_path: str) -> Path:
    """Where the server finds a path: `/x/` → x/index.html, `/x` → x.html, `/x.html` → x.html."""
    relative = url_path.lstrip("/")
    if not relative or relative.endswith("/"):
        return site_dir / relative / "index.html"
    if relative.endswith((".html", ".xml", ".txt", ".pdf")):
        return site_dir / relative
    return site_dir / (relative + ".html")


def make_pdf(path: Path, title: str, text: str) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creator("PFRR")
    pdf.set_title(title)
    pdf.add_page()
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=14)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("DejaVu", size=10)
    for line in text.strip().splitlines():
        pdf.multi_cell(0, 5.5, line if line.strip() else " ", new_x="LMARGIN", new_y="NEXT")
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))


def build() -> dict:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    env.filters["body_html"] = body_html
    env.filters["pl_date"] = pl_date
    env.filters["rfc822"] = lambda iso: format_datetime(
        datetime.fromisoformat(iso + "T09:30:00+01:00")
    )
    content = {
        name: tomllib.loads((SOURCE / f"{name}.toml").read_text("utf-8")) for name in PAGE_SIZE
    }
    manifest: dict = {"sites": {}, "articles": [], "pages": []}

    for site_dir in SITES.iterdir():
        if site_dir.is_dir() and not site_dir.name.startswith("_"):
            shutil.rmtree(site_dir)

    for site, data in content.items():
        articles = sorted(data["articles"], key=lambda a: (a["date"], a["key"]), reverse=True)
        for a in articles:
            a["path"] = article_path(site, a)
            a["url"] = base_of(site) + a["path"]
        site_dir = SITES / {"govpl": "www.gov.pl"}.get(site, base_of(site).split("://")[1])
        charset = "windows-1250" if site == "budowlanyklaster" else "utf-8"
        spec: dict = {
            "source": {"govpl": "polskapomoc"}.get(site, site),
            "bases": [],
            "charset": charset,
            "routes": {},
            "redirects": {},
        }
        spec["bases"] = {
            "govpl": [GOVPL, "http://www.gov.pl", "https://gov.pl"],
            "pfrr": [PFRR, "http://pfrr.pl", "https://www.pfrr.pl"],
            "budowlanyklaster": [
                WKB,
                "https://www.budowlanyklaster.pl",
                "http://budowlanyklaster.pl",
            ],
            "metalklaster": [KOM, "http://www.metalklaster.pl", KOM_OLD, "https://metalklaster.pl"],
        }[site]
        size = PAGE_SIZE[site]
        pages = [articles[i : i + size] for i in range(0, len(articles), size)]
        common = {"site": site, "recent": articles[:5], "pages_total": len(pages)}

        for index, a in enumerate(articles):
            related = [
                r
                for r in articles
                if r is not a and (set(r.get("tags", [])) & set(a.get("tags", [])))
            ][:3]
            if site == "pfrr" and a.get("pdf_text"):
                pdf_path = (
                    f"/wp-content/uploads/{a['date'][:4]}/{a['date'][5:7]}/{a['slug']}-program.pdf"
                )
                make_pdf(site_dir / pdf_path.lstrip("/"), a["pdf_title"], a["pdf_text"])
                a["pdf_url"] = PFRR + pdf_path
            newer = articles[index - 1] if index > 0 else None
            older = articles[index + 1] if index + 1 < len(articles) else None
            html = env.get_template(f"{site}/article.html").render(
                a=a,
                related=related,
                newer=newer,
                older=older,
                **common,
                old_url=old_url_of(site, a),
            )
            write(file_for(site_dir, a["path"]), html, charset)
            manifest["articles"].append(
                {
                    "key": a["key"],
                    "source": spec["source"],
                    "url": a["url"],
                    "title": a["title"],
                    "published": a["date"],
                    "language": a.get("lang", "pl"),
                    "topics": a.get("topics", []),
                    "story": a.get("story"),
                    "updated": a.get("updated"),
                    "old_url": old_url_of(site, a),
                    "attachment": a.get("pdf_url"),
                }
            )
            if site == "metalklaster" and a.get("num"):
                spec["redirects"][f"/pl/aktualnosci/{a['num']}/{a['slug']}/"] = a["url"]

        for number, items in enumerate(pages, start=1):
            url = listing_url(site, number)
            html = env.get_template(f"{site}/listing.html").render(
                items=items,
                page=number,
                prev_url=listing_url(site, number - 1) if number > 1 else None,
                next_url=listing_url(site, number + 1) if number < len(pages) else None,
                listing_url=lambda n, s=site: listing_url(s, n),
                **common,
            )
            if "?" in url:
                target = f"_listing/page-{number}.html"
                spec["routes"][url] = target
                write(site_dir / target, html, charset)
            else:
                write(file_for(site_dir, url), html, charset)
                if site == "govpl":
                    spec["routes"][url + "?page=1&size=10"] = (
                        file_for(site_dir, url).relative_to(site_dir).as_posix()
                    )
            manifest["pages"].append(
                {"source": spec["source"], "url": base_of(site) + url, "kind": "listing"}
            )

        for page in data.get("pages", []):
            html = env.get_template(f"{site}/page.html").render(p=page, **common)
            write(file_for(site_dir, page["path"]), html, charset)
            manifest["pages"].append(
                {
                    "source": spec["source"],
                    "url": base_of(site) + page["path"],
                    "kind": page["kind"],
                }
            )

        build_extras(site, site_dir, articles, env, common, spec, manifest, charset)
        write(site_dir / "_site.json", json.dumps(spec, ensure_ascii=False, indent=2) + "\n")
        manifest["sites"][site_dir.name] = {
            "source": spec["source"],
            "bases": spec["bases"],
            "charset": charset,
        }

    build_old_polskapomoc(content["govpl"]["articles"], manifest)
    manifest["articles"].sort(key=lambda a: a["url"])
    write(SITES / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    return manifest


def old_url_of(site: str, a: dict) -> str | None:
    if site == "govpl" and a.get("num") and a.get("old_words"):
        return f"{OLD_POLSKAPOMOC}/{a['old_words']},{a['num']}.html"
    if site == "metalklaster" and a.get("num"):
        return f"{KOM_OLD}/pl/aktualnosci/{a['num']}/{a['slug']}/"
    return None


def build_extras(site, site_dir, articles, env, common, spec, manifest, charset) -> None:
    """Home pages, robots.txt, and what each site has besides: feeds, sitemaps, categories."""
    home = env.get_template(f"{site}/home.html").render(items=articles[:4], **common)
    home_path = {
        "govpl": "/web/polskapomoc",
        "pfrr": "/",
        "budowlanyklaster": "/",
        "metalklaster": "/",
    }[site]
    write(file_for(site_dir, home_path), home, charset)
    manifest["pages"].append(
        {"source": spec["source"], "url": base_of(site) + home_path, "kind": "home"}
    )
    robots = {
        "govpl": "User-agent: *\nDisallow: /web/*/szukaj\nDisallow: /api/\n",
        "pfrr": f"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\nSitemap: {PFRR}/wp-sitemap.xml\n",
        "budowlanyklaster": "User-agent: *\nDisallow: /admin/\nDisallow: /szukaj.html\n",
        "metalklaster": f"User-agent: *\nDisallow: /panel/\n\nSitemap: {KOM}/sitemap.xml\n",
    }[site]
    write(site_dir / "robots.txt", robots)
    if site == "pfrr":
        feed = env.get_template("pfrr/feed.xml").render(items=articles[:10], **common)
        write(site_dir / "feed.xml", feed)
        spec["routes"]["/feed/"] = "feed.xml"
        categories: dict[str, list] = {}
        for a in articles:
            categories.setdefault(a.get("category") or "Aktualności", []).append(a)
        for name, items in categories.items():
            slug = category_slug(name)
            html = env.get_template("pfrr/listing.html").render(
                items=items,
                page=1,
                prev_url=None,
                next_url=None,
                category=name,
                listing_url=None,
                **common,
            )
            write(file_for(site_dir, f"/category/{slug}/"), html, charset)
            manifest["pages"].append(
                {"source": "pfrr", "url": f"{PFRR}/category/{slug}/", "kind": "category"}
            )
        sitemap = env.get_template("pfrr/sitemap.xml").render(items=articles)
        write(site_dir / "wp-sitemap-posts-post-1.xml", sitemap)
        index = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{PFRR}/wp-sitemap-posts-post-1.xml</loc></sitemap></sitemapindex>\n"
        )
        write(site_dir / "wp-sitemap.xml", index)
    if site == "metalklaster":
        sitemap = env.get_template("pfrr/sitemap.xml").render(items=articles)
        write(site_dir / "sitemap.xml", sitemap)


def category_slug(name: str) -> str:
    table = str.maketrans("ąćęłńóśźż", "acelnoszz")
    return "-".join(name.lower().translate(table).split())


def build_old_polskapomoc(articles: list[dict], manifest: dict) -> None:
    """The old polskapomoc.gov.pl host: every old article URL redirects to its gov.pl page."""
    site_dir = SITES / "www.polskapomoc.gov.pl"
    spec = {
        "source": "polskapomoc",
        "bases": [
            OLD_POLSKAPOMOC,
            "http://www.polskapomoc.gov.pl",
            "https://polskapomoc.gov.pl",
            "http://polskapomoc.gov.pl",
        ],
        "charset": "utf-8",
        "routes": {},
        "redirects": {"/": f"{GOVPL}/web/polskapomoc"},
    }
    for a in articles:
        if a.get("num") and a.get("old_words"):
            spec["redirects"][f"/{a['old_words']},{a['num']}.html"] = (
                f"{GOVPL}/web/polskapomoc/{a['slug']}"
            )
    write(site_dir / "robots.txt", "User-agent: *\nDisallow:\n")
    write(site_dir / "_site.json", json.dumps(spec, ensure_ascii=False, indent=2) + "\n")
    manifest["sites"][site_dir.name] = {
        "source": "polskapomoc",
        "bases": spec["bases"],
        "charset": "utf-8",
    }


if __name__ == "__main__":
    result = build()
    print(
        f"{len(result['articles'])} articles, {len(result['pages'])} other pages, {len(result['sites'])} sites"
    )
