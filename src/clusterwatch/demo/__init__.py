"""The offline demo: replica sites on 127.0.0.1 and the whole chain over them.

Takes the bundled replica sites (``data/demo-sites``, served by ``replicas``); gives a crawl
with the real spiders, alerts, a digest and an archive to serve (``run``). ``sitegen``
generates large sites in the replica format for benchmarks and tests at scale.
"""
