"""Lemma terms (``~klaster``) expanded into the word forms simplemma's dictionaries list.

Matching a lemma by lemmatising every word of every article would cost a dictionary look-up
per word and keep the dictionary in memory; instead the matcher asks once, when it is built,
which forms the dictionary maps to the lemma (``klastra``, ``klastrów``, ``klasterze``…) and
matches those as plain words. What that gives and what it does not:

- a language's dictionary is read once per process, when a matcher with a lemma term of that
  language is built (a configuration check reads nothing), and let go once the forms are
  known: Polish takes about 4–5 s and 370 MB at that moment, and the matcher then keeps only
  the forms (a few kB); the forms stay cached for later matchers of the process;
- the lemma is written as the dictionary writes it, with its diacritics (``~Mińsk``, not
  ``~minsk``); case does not matter;
- words the dictionary does not list are not guessed (simplemma guesses badly, e.g.
  ``klastrowy`` → "klastrów"): write a prefix for those (``klastrow*``);
- forms are compared folded, so a form of two lemmas matches both (``Mińsku``, ``mińsku``):
  recall over precision, and ``exclude`` handles the traps;
- the dictionary has its own errors (``Mińska`` → "Mińska", ``Grodna`` → "Grodna"): places
  come from the gazetteer, whose forms are generated from SGJP, not from lemma terms.
"""

from __future__ import annotations

import gc
import json
import logging
import resource
import time
from collections.abc import Iterable
from pathlib import Path

from clusterwatch.paths import cache_dir, keep_in_cache

from .rules import fold_chars

logger = logging.getLogger(__name__)

_FORMS: dict[tuple[str, str], frozenset[str]] = {}
LOADS: dict[str, dict[str, float]] = {}  # lang -> seconds, forms, peak RSS (for the benchmark)


def _read_dictionary(lang: str) -> dict[bytes, bytes]:
    """simplemma's form → lemma dictionary for ``lang``, read afresh (not kept by simplemma)."""
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import (
            _load_dictionary_from_disk,
        )
    except ImportError:  # another simplemma 2.x layout: go through the public factory
        from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

        mapping = DefaultDictionaryFactory(cache_max_size=1).get_dictionary(lang)
        return {key.encode(): value.encode() for key, value in mapping.items()}
    return _load_dictionary_from_disk(lang)


def _cache_file() -> Path:
    """Forms found earlier, shared by the processes of this user (per simplemma version)."""
    from importlib.metadata import version

    return cache_dir() / f"lemma-forms-simplemma-{version('simplemma')}.json"


def _load_cache() -> None:
    try:
        cached = json.loads(_cache_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    for key, forms in cached.items():
        lang, _, lemma = key.partition("\t")
        _FORMS.setdefault((lang, lemma), frozenset(forms))


def _save_cache() -> None:
    data = {f"{lang}\t{lemma}": sorted(forms) for (lang, lemma), forms in _FORMS.items()}
    keep_in_cache(_cache_file(), json.dumps(data, ensure_ascii=False).encode(), "lemma forms")


def expand(lemmas: Iterable[tuple[str, str]]) -> dict[tuple[str, str], frozenset[str]]:
    """``(lang, lemma as written)`` → the folded forms of that lemma (itself included).

    Forms found once are kept in a small cache file (see ``_cache_file``), so that only the first
    process that meets a lemma reads simplemma's dictionary (seconds, hundreds of MB at that
    moment); later processes, crawl workers among them, read a few kB.
    """
    wanted = set(lemmas)
    if wanted - set(_FORMS):
        _load_cache()
    missing = sorted(wanted - set(_FORMS))
    for lang in sorted({lang for lang, _ in missing}):
        started = time.perf_counter()
        dictionary = _read_dictionary(lang)
        lemmas_of_lang = [lemma for code, lemma in missing if code == lang]
        variants: dict[bytes, str] = {}
        for lemma in lemmas_of_lang:
            for variant in {lemma, lemma.lower(), lemma.capitalize(), lemma.upper()}:
                variants[variant.encode()] = lemma
        found: dict[str, set[str]] = {lemma: {fold_chars(lemma)} for lemma in lemmas_of_lang}
        for form, stored in dictionary.items():
            lemma = variants.get(stored)
            if lemma is not None:
                found[lemma].add(fold_chars(form.decode()))
        LOADS[lang] = {
            "seconds": time.perf_counter() - started,
            "forms": len(dictionary),
            "peak_rss_mb": peak_rss_mb(),
        }
        del dictionary
        gc.collect()
        logger.info(
            "simplemma %s dictionary read in %.1f s for %d lemmas, then let go (peak RSS %d MB)",
            lang,
            LOADS[lang]["seconds"],
            len(lemmas_of_lang),
            LOADS[lang]["peak_rss_mb"],
        )
        for lemma, forms in found.items():
            if len(forms) == 1:
                logger.warning(
                    "lemma ~%s (%s): simplemma's dictionary lists no forms of it; only the word "
                    "itself matches (check its spelling, or use a prefix)",
                    lemma,
                    lang,
                )
            _FORMS[(lang, lemma)] = frozenset(forms)
    if missing:
        _save_cache()
    return {key: _FORMS[key] for key in wanted}


def peak_rss_mb() -> int:
    """The process's peak resident memory in MB (Linux reports kB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
