"""Wschodni Klaster Budowlany (budowlanyklaster.pl): an old CMS served in windows-1250.

News sit at ``/dziaania-klastra/<slug>,<id>.html`` (the section name lost its "ł" in the URL),
listed at ``/dziaania-klastra/`` and ``/dziaania-klastra/strona-N.html``. The menu
("Nasze publikacje / Newsletter / Sonda / Działania klastra") stands above every article.
"""

from clusterwatch.extract import SiteRules
from clusterwatch.spiders_base import ClusterwatchSpider


class BudowlanyklasterSpider(ClusterwatchSpider):
    name = "budowlanyklaster"
    article_patterns = (r"/dziaania-klastra/[^/?#]+,\d+\.html$",)
    listing_patterns = (r"/dziaania-klastra/(?:strona-\d+\.html)?$",)
    article_links_css = "#content"
    next_page_css = "div.stronicowanie, #menu"
    rules = SiteRules(
        title="div.news h2.news-title",
        date="div.news div.news-date",
        body="div.news div.news-body",
        drop=("#menu", "p.powrot", "div.box-newsletter"),
    )
