"""The extraction stage: from a page's HTML (or a PDF) to an article's text and metadata.

Takes HTML, its URL and optional per-site rules (:class:`~clusterwatch.extract.article.SiteRules`);
gives an :class:`~clusterwatch.extract.article.Extracted`: title, text, date, author, language
and the fingerprints of the text's blocks, or None for a page without article text. Pure: no
network, no archive. ``article`` runs trafilatura and the fallbacks; ``clean``, ``meta``,
``thread`` and ``dates`` are its rules; ``boilerplate`` leaves out the blocks a site repeats;
``evaluation`` scores it on labelled pages.
"""

from .article import SiteRules  # noqa: F401 (spiders/ import it from here)
