"""Three layers of deduplication: canonical URL, exact text hash, near-duplicate MinHash.

Near-duplicates are found in two steps. MinHash LSH (datasketch) over word shingles of the folded
text proposes candidates: each article's signature and its band keys are stored in the archive
(``article_signatures``, ``lsh_bands``, indexed), so checking a new article costs one indexed query
and never needs an in-memory index rebuilt at start-up. Each candidate is then compared on the
exact shingle sets of both texts, so the MinHash estimate's noise (±0.04 at 128 permutations)
never decides.

The thresholds were chosen on the real pairs of the evaluation set (``pages.jsonl``; word
4-grams): the copies score Jaccard 1.00, 0.66 and 0.42 (a republication with a rewritten lead),
while different articles on one subject (the pfrr.pl seminar series) score at most 0.14, and at
most 0.48 in containment (a short note that repeats the series' template sentence). So two texts
are near-duplicates when

- their Jaccard similarity is at least 0.30 (an edited or updated copy), the shorter having at
  least 10 shingles (on a few words, one changed date is a different notice), or
- at least 80% of the shorter text's shingles are in the longer one, the shorter having at least
  30 shingles (a trimmed copy, or one with a source line or a few sentences added).

LSH uses 64 bands of 2 rows and asks for at least 2 colliding bands: a pair at Jaccard 0.30 is
proposed with probability 0.982, at 0.35 with 0.998, at 0.42 with 0.9999, while one at 0.02 (two
articles sharing a site's footer) is proposed with probability 0.0003, which keeps the number of
candidates flat as the archive grows. (The 32 bands of 4 rows used before found the real 0.42 pair
with probability 0.64.) A trimmed copy is proposed reliably while it keeps about 40% of the text.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import cache, cached_property

import numpy as np
from datasketch import LeanMinHash, MinHash
from sqlite_utils import Database

from clusterwatch.text import _EXTRA_FOLDS, WORD_RE

logger = logging.getLogger(__name__)

NUM_PERM = 128
BANDS = 64
ROWS = NUM_PERM // BANDS
MIN_BAND_HITS = 2
SHINGLE = 4
NEAR_DUPLICATE_JACCARD = 0.30
NEAR_DUPLICATE_CONTAINMENT = 0.80
CONTAINMENT_MIN_SHINGLES = 30
MIN_SHINGLES = 10  # shorter texts ("Zapraszamy 12 maja" / "… 19 maja") are grouped only if equal
_SEED = 1
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=_SEED).permutations  # made once, not per text


def _hash32(data: bytes) -> int:
    # CRC-32 as the base hash (10x faster than datasketch's SHA-1): the random (a*x + b) mod p
    # permutations on top of it do the MinHash work, and distinct shingles rarely collide
    return zlib.crc32(data)


_DASHES_RE = re.compile("[‐‑‒–—―−]")
_QUOTES_RE = re.compile("[„“”«»‚‘’`´]")


def normalise(text: str) -> str:
    """Text for exact comparison: NFC, one kind of dash and quote, single spaces, lowercase."""
    text = _QUOTES_RE.sub('"', _DASHES_RE.sub("-", unicodedata.normalize("NFC", text)))
    return " ".join(text.split()).casefold()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


@cache
def _fold_table() -> dict[int, str]:
    """``text.fold_word`` as a table, character by character (the BMP; built once, 0.1 s)."""
    table = {}
    for code in range(0x80, 0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        decomposed = unicodedata.normalize("NFKD", char.lower().translate(_EXTRA_FOLDS))
        folded = "".join(c for c in decomposed if not unicodedata.combining(c))
        if folded != char:
            table[code] = folded
    return table


def folded_words(text: str) -> list[str]:
    """The words of ``text`` folded as ``text.fold_word`` folds them, the whole text at once
    (``fold_word`` caches per word, and an archive's vocabulary outgrows its cache). A character
    that decomposes into several words (½ → 1⁄2) is the only difference."""
    return WORD_RE.findall(text.lower().translate(_fold_table()))


def shingles(text: str, size: int = SHINGLE) -> frozenset[str]:
    """Word ``size``-grams of the folded text (case, diacritics and punctuation ignored)."""
    words = folded_words(text)
    if len(words) < size:
        return frozenset({" ".join(words)}) if words else frozenset()
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


@dataclass(frozen=True)
class Similarity:
    """How much two shingle sets overlap."""

    jaccard: float
    containment: float  # of the smaller set in the larger
    smaller: int  # shingles in the smaller set

    @classmethod
    def of(cls, a: frozenset[str], b: frozenset[str]) -> Similarity:
        if not a or not b:
            return cls(0.0, 0.0, 0)
        shared = len(a & b)
        smaller = min(len(a), len(b))
        return cls(shared / (len(a) + len(b) - shared), shared / smaller, smaller)

    @property
    def near_duplicate(self) -> bool:
        return (self.jaccard >= NEAR_DUPLICATE_JACCARD and self.smaller >= MIN_SHINGLES) or (
            self.containment >= NEAR_DUPLICATE_CONTAINMENT
            and self.smaller >= CONTAINMENT_MIN_SHINGLES
        )

    @property
    def score(self) -> float:
        """For choosing among several near-duplicates: the Jaccard similarity."""
        return self.jaccard


def similarity(text_a: str, text_b: str) -> Similarity:
    return Similarity.of(shingles(text_a), shingles(text_b))


@dataclass(frozen=True)
class Signature:
    minhash: LeanMinHash

    @classmethod
    def of(cls, text_or_shingles: str | frozenset[str]) -> Signature | None:
        grams = (
            shingles(text_or_shingles) if isinstance(text_or_shingles, str) else text_or_shingles
        )
        if not grams:
            return None
        minhash = MinHash(
            num_perm=NUM_PERM, seed=_SEED, hashfunc=_hash32, permutations=_PERMUTATIONS
        )
        minhash.update_batch([g.encode("utf-8") for g in grams])
        return cls(LeanMinHash(minhash))

    @classmethod
    def from_bytes(cls, blob: bytes) -> Signature:
        values = np.frombuffer(blob, dtype=np.uint64)
        return cls(LeanMinHash(seed=_SEED, hashvalues=values))

    def to_bytes(self) -> bytes:
        return np.asarray(self.minhash.hashvalues, dtype=np.uint64).tobytes()

    def band_keys(self) -> list[int]:
        """One signed 64-bit key per band: the band's number and its rows, hashed."""
        return list(self._band_keys)

    @cached_property
    def _band_keys(self) -> tuple[int, ...]:
        # computed once (looked up, then stored), and pickled along: a crawl worker computes
        # them, not the archive's writer
        values = np.asarray(self.minhash.hashvalues, dtype=np.uint64).reshape(BANDS, ROWS)
        return tuple(
            int.from_bytes(
                hashlib.blake2b(
                    band.tobytes(), digest_size=8, person=number.to_bytes(2, "little")
                ).digest(),
                "little",
                signed=True,
            )
            for number, band in enumerate(values)
        )

    def jaccard(self, other: Signature) -> float:
        """The MinHash estimate of the Jaccard similarity (for diagnostics)."""
        return float(self.minhash.jaccard(other.minhash))


@dataclass(frozen=True)
class NearDuplicate:
    article: int
    similarity: Similarity


def candidates(db: Database, signature: Signature) -> list[int]:
    """Stored articles sharing at least ``MIN_BAND_HITS`` band keys with ``signature``."""
    keys = signature.band_keys()
    rows = db.execute(
        f"select article from lsh_bands where key in ({', '.join('?' * len(keys))}) "
        "group by article having count(*) >= ? order by article",
        [*keys, MIN_BAND_HITS],
    ).fetchall()
    return [row[0] for row in rows]


def find_near_duplicates(
    db: Database,
    grams: frozenset[str],
    signature: Signature,
    exclude_article: int | None = None,
) -> list[NearDuplicate]:
    """The stored near-duplicates of the text with these ``grams``, most similar first.

    Candidates come from the LSH bands; each is compared on its exact shingles.
    """
    found = [a for a in candidates(db, signature) if a != exclude_article]
    out = []
    for start in range(0, len(found), 500):
        chunk = found[start : start + 500]
        rows = db.execute(
            f"select id, text from articles where id in ({', '.join('?' * len(chunk))})", chunk
        )
        for article, text in rows:
            measured = Similarity.of(grams, shingles(text or ""))
            if measured.near_duplicate:
                out.append(NearDuplicate(article, measured))
    return sorted(out, key=lambda near: (-near.similarity.score, near.article))


def find_near_duplicate(
    db: Database,
    grams: frozenset[str],
    signature: Signature,
    exclude_article: int | None = None,
) -> NearDuplicate | None:
    """The most similar stored near-duplicate (the earliest stored on a tie), if any."""
    found = find_near_duplicates(db, grams, signature, exclude_article)
    return found[0] if found else None


def save_signature(db: Database, article: int, signature: Signature | None) -> None:
    """Store (or replace) an article's signature and band keys; None removes them."""
    db.execute("delete from lsh_bands where article = ?", [article])
    if signature is None:
        db.execute("delete from article_signatures where article = ?", [article])
        return
    db.execute(
        "insert or replace into article_signatures (article, minhash) values (?, ?)",
        [article, signature.to_bytes()],
    )
    db.conn.executemany(
        "insert or ignore into lsh_bands (key, article) values (?, ?)",
        [(key, article) for key in signature.band_keys()],
    )


def index_all(db: Database) -> int:
    """Signatures and band keys for every stored article (after a change of the scheme)."""
    count, last = 0, 0
    while rows := db.execute(
        "select id, text from articles where id > ? order by id limit 500", [last]
    ).fetchall():
        for article, text in rows:
            save_signature(db, article, Signature.of(text or ""))
        count, last = count + len(rows), rows[-1][0]
    if count:
        logger.info("near-duplicate signatures computed for %d stored articles", count)
    return count
