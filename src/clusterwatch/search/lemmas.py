"""Lemmas through simplemma, loaded once per process and cached per word.

simplemma's default dictionaries are Python dicts: Polish alone takes about 5 s and 390 MB. Its
``low_memory`` backend reads the same data into a compact structure: 1.6 s and about 50 MB for
Polish, under 100 MB for pl + ru + uk + en together (measured here), at about 0.7 ms per look-up
of a word not seen before — which the per-word cache below makes rare, as a news vocabulary
repeats itself. Most of the 1.6 s is indexing the data, the same every time: the index is kept
in the cache folder, and later processes read Polish in 0.2 s (see ``_indexed_factory``).
simplemma knows pl, ru, uk and en, not Belarusian; it guesses badly on words it does not know
(klastrowy → "klastrów"), and case matters (``Mińsku`` → Mińsk, ``mińsku`` → miński): lemmatise
words as written.
"""

from __future__ import annotations

import logging
import marshal
import sys
import zlib
from collections.abc import Mapping
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path

from clusterwatch.paths import cache_dir, keep_in_cache

logger = logging.getLogger(__name__)

SUPPORTED = ("pl", "ru", "uk", "en")


@cache
def _lemmatizer():  # built on first use: importing this module costs nothing
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    factory = _indexed_factory()
    strategy = (
        DefaultStrategy(low_memory=True)
        if factory is None
        else DefaultStrategy(dictionary_factory=factory)
    )
    return Lemmatizer(lemmatization_strategy=strategy)


def _indexed_factory():
    """simplemma's ``low_memory`` dictionaries with their look-up index kept on disk.

    Of the 1.6 s that reading the Polish dictionary costs, 0.1 s is decompressing it and 1.5 s
    is one pass over its 3.7 million records in Python to index where each block of 32 starts.
    The index depends on the data alone: kept in the cache folder (``paths.cache_dir``, per
    simplemma and Python version, checked against the data's length and CRC), it loads in
    0.05 s. The classes used are simplemma's private ones: with another layout, None (the
    ordinary ``low_memory`` backend); any trouble with the file rebuilds the index.
    """
    try:
        from simplemma.strategies.dictionaries import frontcode
        from simplemma.strategies.dictionaries.dictionary_factory import _read_decompressed
        from simplemma.strategies.dictionaries.stream_dictionary_factory import (
            StreamDictionaryFactory,
            StreamMap,
        )
    except ImportError:
        return None
    if not {"_data", "_rev", "_count", "_pos", "_firsts", "_blocks"} <= set(StreamMap.__slots__):
        return None

    class IndexedStreamMap(StreamMap):
        __slots__ = ()

        def __init__(self, lang: str) -> None:
            data = _read_decompressed(lang)
            check = [len(data), zlib.crc32(data)]
            path = _index_file(lang)
            try:
                stored = marshal.loads(path.read_bytes())
                if stored[0] != check:
                    raise ValueError("index of other data")
                _, firsts, blocks = stored
            except (OSError, ValueError, EOFError, TypeError):
                super().__init__(lang)  # builds the index from the data
                index = [check, self._firsts, self._blocks]
                keep_in_cache(path, marshal.dumps(index), "simplemma's index")
                return
            self._data = data
            self._rev, self._count, self._pos = frontcode._read_header(data)
            self._firsts, self._blocks = firsts, blocks

    class IndexedStreamDictionaryFactory(StreamDictionaryFactory):
        __slots__ = ()

        def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
            return IndexedStreamMap(lang)

    return IndexedStreamDictionaryFactory()


def _index_file(lang: str) -> Path:
    python = "".join(map(str, sys.version_info[:2]))  # marshal's format is Python's own
    return cache_dir() / f"simplemma-{version('simplemma')}-py{python}-{lang}.index"


@lru_cache(maxsize=500_000)
def lemma(word: str, lang: str = "pl") -> str:
    """The lemma of ``word`` (as written, case kept) in ``lang``; the word itself when unknown."""
    if lang not in SUPPORTED:
        return word
    return _lemmatizer().lemmatize(word, lang=lang)
