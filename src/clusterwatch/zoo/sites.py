"""A zoo of generated news sites in the CMS families small associations and municipalities use.

It measures the generic spider on sites it was never tuned for (``benchmarks/zoo.py``).

``build_zoo(root, seed=7)`` writes one directory per shape under ``root`` in the format
``clusterwatch.demo.replicas.ReplicaServer`` serves (``_site.json`` with the site's fake real base on an
``.example`` host, routes for every URL with a query string, redirects), and ``root/zoo.json``:
the manifest saying, per shape, its family, fold (``dev`` to work on, ``heldout`` to check on,
``unseen`` for families the rules were neither developed nor checked on: ``unseen``),
languages, charset, start URLs, and every URL the site has, sorted into ``articles`` (exactly as
the site links them, which is what their ``rel=canonical`` says where they have one),
``listings`` (pages whose content is a list of article teasers: news listings and their
pagination, category, tag, author and date archives), ``feeds``, ``sitemaps`` and ``other``
(home pages that are not listings, about, contact, legal pages, galleries, calendars, events,
print versions, comment-reply URLs, the portal's pages around a service…), plus ``listed``:
which articles each listing page shows.

The sites are written from our own word lists and templates (``text``) in Polish, Russian,
Belarusian, Ukrainian and English, in the URL schemes and template structures of WordPress,
Joomla, Drupal, 1C-Bitrix, a Tilda-like builder, a gov.pl-like portal and hand-made sites
(``cms``, ``custom``); nothing is copied from real pages. What counts as an article:
a dated news item that the site's news listings show. Event pages, press contacts, static pages
that share the article template (Joomla's "about" article, Drupal's about node, the portal's
service pages), print views and comment-reply URLs are ``other``.

Deterministic for a seed; the whole zoo takes about a second to write.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import cms, custom, unseen
from .site import SiteBuilder


@dataclass(frozen=True)
class Shape:
    name: str
    family: str
    fold: str
    languages: tuple[str, ...]
    base: str
    build: Callable[[SiteBuilder, random.Random], None]
    charset: str = "utf-8"
    notes: str = ""


SHAPE_SPECS = [
    Shape(
        "wordpress",
        "WordPress",
        "dev",
        ("pl",),
        "https://www.klaster-wp.example",
        cms.wordpress,
        notes="Yoast-like og:type=article on pages too; ?replytocom= URLs serve the post "
        "with noindex; post navigation uses rel=prev/next between articles.",
    ),
    Shape(
        "joomla",
        "Joomla",
        "heldout",
        ("ru",),
        "http://www.soyuz-joomla.example",
        cms.joomla,
        notes="Non-SEF index.php?option=com_content URLs; static pages are view=article too "
        "(undated); print views with tmpl=component&print=1; category RSS; no sitemap, no og.",
    ),
    Shape(
        "drupal",
        "Drupal",
        "dev",
        ("en",),
        "https://www.drupal-network.example",
        cms.drupal,
        notes="/node/N for articles and for the about page; <article> teasers on listings; "
        "?page=0 duplicates the first page of every pager; term feeds.",
    ),
    Shape(
        "bitrix-news",
        "1C-Bitrix",
        "dev",
        ("ru",),
        "https://www.bitrix-assoc.example",
        cms.bitrix_a,
        notes="Div-only markup (no og, JSON-LD or <article>); ?PAGEN_1= pager with "
        "?SHOWALL_1=1; print views ?print=Y disallowed in robots.txt; sitemap index.",
    ),
    Shape(
        "bitrix-detail",
        "1C-Bitrix",
        "heldout",
        ("be",),
        "https://www.bitrix-by.example",
        cms.bitrix_b,
        notes="detail.php?ID= for news and for undated press-contact cards; the h1 is the "
        "section name, the title an h3; /news/index.php duplicates /news/.",
    ),
    Shape(
        "builder",
        "Tilda-like builder",
        "heldout",
        ("uk",),
        "https://builder-ua.example",
        cms.tilda,
        notes="t-rec div soup, og:type=website everywhere; 'show more' as ?tfc_page=N links; "
        "no feed, no sitemap.",
    ),
    Shape(
        "govpl",
        "gov.pl-like portal",
        "dev",
        ("pl",),
        "https://www.portal-gov.example",
        cms.govpl,
        notes="One article template for news (with p.event-date) and every other page of the "
        "service (without); ?page=1&size=10 duplicates the first listing page; the portal's "
        "pages outside the service share the host.",
    ),
    Shape(
        "oldphp",
        "custom PHP (2000s)",
        "dev",
        ("pl",),
        "http://www.stary-klaster.example",
        custom.oldphp,
        charset="windows-1250",
        notes="windows-1250, declared in a meta http-equiv and (the replica server always "
        "sends one) in the Content-Type header; no headings, table layout; static pages at "
        "index.php?art=N&lang=pl; print views drukuj.php?id=N; no robots.txt.",
    ),
    Shape(
        "static",
        "static HTML",
        "heldout",
        ("en",),
        "https://static-news.example",
        custom.static,
        notes="Relative links; /news/indexN.html pagination by numbers only; a month calendar "
        "whose first and last months link months that 404; the sitemap misses the newest "
        "four articles.",
    ),
    Shape(
        "multilingual",
        "custom multilingual",
        "dev",
        ("pl", "ru", "be", "en"),
        "https://www.multi-assoc.example",
        custom.multilingual,
        notes="Four languages, four start URLs; a story exists in some languages only; the "
        "switcher links the language's home when there is no translation.",
    ),
    Shape(
        "agency",
        "news agency",
        "heldout",
        ("uk",),
        "https://agency-ua.example",
        custom.agency,
        notes="No feed, no sitemap, robots.txt with Disallow: /admin/ only; home, rubrics and "
        "tags are listings; a 'popular' box links older stories from every page.",
    ),
    Shape(
        "long-excerpt",
        "custom CMS",
        "dev",
        ("pl",),
        "https://www.dlugie-zajawki.example",
        custom.long_excerpt,
        notes="Listing teasers carry 300+ words of each article, then 'czytaj dalej'; teasers "
        "are <article> elements.",
    ),
    Shape(
        "municipal",
        "municipal CMS",
        "heldout",
        ("pl",),
        "https://www.gmina-zoo.example",
        custom.municipal,
        notes="Events (e,ID,slug.html) are not articles: the news listing never shows them; "
        "calendar months at both ends link months that 404; print views ?print=1.",
    ),
    # the unseen fold: families and styles the rules were never developed or checked on
    Shape(
        "typo3",
        "TYPO3",
        "unseen",
        ("pl",),
        "https://www.euroregion-puszcza.example",
        unseen.typo3,
        notes="No speaking URLs: index.php?id=N under <base href>; news via tx_news on a hidden "
        "detail page (tx_news_pi1[news]=…&cHash=…); category and month filters as "
        "overwriteDemand parameters; print views type=98; RSS type=9818; no sitemap, no "
        "canonical; the news title is an h3.",
    ),
    Shape(
        "joomla-sef",
        "Joomla",
        "unseen",
        ("be",),
        "https://www.pamiezza.example",
        unseen.joomla_sef,
        notes="SEF URLs /naviny/ID-alias.html; blog layout with a leading item and rows of "
        "three columns paged ?start=10, page 1 also linked as ?limitstart=0; print and "
        "/component/mailto/ e-mail views; undated project articles; OSMap XML sitemap.",
    ),
    Shape(
        "blogspot",
        "Blogger",
        "unseen",
        ("ru",),
        "https://ponemanye-assoc.blogspot.example",
        unseen.blogspot,
        notes="Posts /YYYY/MM/slug.html or blog-post_N.html; home and month archives show posts "
        "(most cut at a jump break); /search?updated-max= and label pages, all under /search, "
        "which robots.txt disallows; ?showComment= permalinks; a comment feed per post.",
    ),
    Shape(
        "aspnet",
        "ASP.NET WebForms",
        "unseen",
        ("pl",),
        "http://www.zablocie-podlaskie.example",
        unseen.aspnet,
        notes="Table layout inside one aspnetForm with __VIEWSTATE; spans instead of headings; "
        "page-relative links; /Aktualnosci/Szczegoly.aspx?ID= with Drukuj.aspx print views; "
        "?strona=1 and a lower-case aktualnosci.aspx duplicate the first list page; dated "
        "tenders in the same template; no robots.txt, no sitemap.",
    ),
    Shape(
        "wagtail",
        "Django/Wagtail",
        "unseen",
        ("uk",),
        "https://www.ar-hromady.example",
        unseen.wagtail,
        notes="News /uk/novyny/YYYY/MM/slug/ with JSON-LD NewsArticle; ?page=1 linked by the "
        "pager; ?category= filters; an events section /uk/podiyi/ with dated pages and JSON-LD "
        "Event that are not news.",
    ),
    Shape(
        "elementor",
        "WordPress",
        "unseen",
        ("en",),
        "https://www.civicbridge.example",
        unseen.elementor,
        notes="Elementor Pro: posts at /slug/ like pages at /slug/, both built of Elementor "
        "widgets; /blog/ is a page with a Posts widget (title and date only) paged "
        "/blog/page/N/; Yoast JSON-LD gives pages datePublished too; sitemap_index.xml.",
    ),
]
SHAPES = [shape.name for shape in SHAPE_SPECS]


def build_zoo(root: Path, seed: int = 7) -> dict:
    """Write every shape's site under ``root`` and ``root/zoo.json``; return the manifest
    (shape name -> entry)."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    manifest: dict = {}
    for shape in SHAPE_SPECS:
        site = SiteBuilder(
            shape.name,
            family=shape.family,
            fold=shape.fold,
            languages=list(shape.languages),
            base=shape.base,
            charset=shape.charset,
            notes=shape.notes,
        )
        shape.build(site, random.Random(f"{seed}:{shape.name}"))
        manifest[shape.name] = site.write(root / shape.name)
    (root / "zoo.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return manifest
