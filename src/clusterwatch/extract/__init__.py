"""TODO"""

from .article import SiteRules  # noqa: F401 (spiders/ import it from here)
