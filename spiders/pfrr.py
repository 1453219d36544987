"""Podlaska Fundacja Rozwoju Regionalnego (pfrr.pl): a WordPress site.

Posts live at ``/<slug>/`` (``/ru/<slug>/``, ``/be/<slug>/`` in other languages), listings at
``/aktualnosci/page/N/`` and ``/category/<name>/``; the body is ``div.entry-content`` and the
date ``time.entry-date``. Seminar programmes are linked as PDF files.
"""

from clusterwatch.extract import SiteRules
from clusterwatch.spiders_base import ClusterwatchSpider


class PfrrSpider(ClusterwatchSpider):
    name = "pfrr"
    article_patterns = (
        r"^https?://[^/]+/(?!(?:ru|be|en)/$)(?:(?:ru|be|en)/)?(?!aktualnosci/|category/|tag/|page/|feed/|wp-|kontakt/|o-fundacji/"
        r"|polityka-prywatnosci/|newsletter/)[a-z0-9-]+/$",
    )
    listing_patterns = (r"/aktualnosci/(?:page/\d+/)?$", r"/category/[a-z0-9-]+/(?:page/\d+/)?$")
    article_links_css = "main"
    next_page_css = "nav.pagination, #primary-menu"
    rules = SiteRules(
        title="h1.entry-title",
        date="time.entry-date",
        author="span.author",
        body="div.entry-content",
        drop=("p.attachment", "figcaption"),
    )
