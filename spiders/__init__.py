"""Site spiders: one module per monitored site, each overriding only what its site does plainly.

Every spider's ``name`` is the name of its source in the configuration; ``scrapy list`` shows
them beside the generic spider. URL patterns are paths only, never host names, so the same
spider crawls the real site and its replica on 127.0.0.1.
"""
