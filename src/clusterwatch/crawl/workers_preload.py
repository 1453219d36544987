"""Imported once by the server that forks extraction workers (see :mod:`.workers`).

What every worker needs and takes long to load: the extraction and storage-preparation modules
(trafilatura, datasketch with scipy), py3langid's model and simplemma's Polish dictionary.
Loaded here, before the first fork, the workers share it instead of each loading its own.
multiprocessing ignores an ImportError here; anything else would kill the server, and with it
every worker to come: a failure only leaves the loading to the workers.
"""

from __future__ import annotations

import logging

try:
    from clusterwatch.extract.article import detect_language
    from clusterwatch.search.lemmas import lemma

    from .workers import process_page  # noqa: F401  (imports extraction, dedup, search, alerts)

    detect_language("Klastry przemysłowe na Białorusi")  # py3langid's model
    lemma("klastrów", "pl")  # simplemma reads a language's dictionary on its first word
except Exception:  # noqa: BLE001
    logging.getLogger(__name__).warning("preloading the extraction workers failed", exc_info=True)
