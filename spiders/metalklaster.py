"""Klaster Obróbki Metali (metalklaster.pl): news at ``/news/<slug>``, listed at ``/news?page=N``.

Links into the old CMS (``/pl/aktualnosci/<id>/<slug>/``) still sit in the site's own boxes
and redirect to the new address.
"""

from clusterwatch.extract import SiteRules
from clusterwatch.spiders_base import ClusterwatchSpider


class MetalklasterSpider(ClusterwatchSpider):
    name = "metalklaster"
    article_patterns = (r"/news/[a-z0-9-]+/?$", r"/pl/aktualnosci/\d+/[^/]+/?$")
    listing_patterns = (r"/news(?:\?page=\d+)?$",)
    article_links_css = "main"
    next_page_css = "ul.pagination, nav.nav-main"
    rules = SiteRules(
        title="h1.news-single__title",
        date="div.news-single__meta time",
        author="div.news-single__meta span.author",
        body="div.news-single__content",
        drop=("a.skip-link", "figcaption"),
    )
