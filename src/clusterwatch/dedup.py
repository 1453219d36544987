"""Three layers of deduplication: canonical URL, exact text hash, near-duplicate MinHash.

Near-duplicates use datasketch's MinHash over word shingles of the folded text. The signature
and its LSH band keys are stored in the archive (``article_signatures``, ``lsh_bands``,
indexed), so checking a new article costs a few indexed lookups and never needs an in-memory
index rebuilt at start-up.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash
from sqlite_utils import Database

from .text import WORD_RE, fold_word

NUM_PERM = 128
BANDS = 32  # 32 bands of 4 rows: pairs above Jaccard ~0.4 collide in some band almost surely
ROWS = NUM_PERM // BANDS
SHINGLE = 3
NEAR_DUPLICATE_JACCARD = 0.35
_DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−"), "-")
_QUOTES = dict.fromkeys(map(ord, "„“”«»‚‘’`´"), '"')
_SOURCE_RE = re.compile(
    r"(?:Źródło|Zrodlo|Source|Источник|Крыніца)\s*:\s*(\S[^\n]*)", re.IGNORECASE
)
_URL_RE = re.compile(r"https?://[^\s<>\"]+")


def normalise(text: str) -> str:
    """Text for exact comparison: NFC, one kind of dash and quote, single spaces, lowercase."""
    text = unicodedata.normalize("NFC", text).translate(_DASHES).translate(_QUOTES)
    return " ".join(text.split()).casefold()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = [fold_word(w) for w in WORD_RE.findall(text)]
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


@dataclass(frozen=True)
class Signature:
    minhash: LeanMinHash

    @classmethod
    def of(cls, text: str) -> Signature | None:
        grams = shingles(text)
        if not grams:
            return None
        minhash = MinHash(num_perm=NUM_PERM, seed=1)
        minhash.update_batch([g.encode("utf-8") for g in grams])
        return cls(LeanMinHash(minhash))

    @classmethod
    def from_bytes(cls, blob: bytes) -> Signature:
        values = np.frombuffer(blob, dtype=np.uint64)
        return cls(LeanMinHash(seed=1, hashvalues=values))

    def to_bytes(self) -> bytes:
        return np.asarray(self.minhash.hashvalues, dtype=np.uint64).tobytes()

    def band_keys(self) -> list[str]:
        values = np.asarray(self.minhash.hashvalues, dtype=np.uint64)
        return [
            hashlib.blake2b(values[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).hexdigest()
            for b in range(BANDS)
        ]

    def jaccard(self, other: Signature) -> float:
        return float(self.minhash.jaccard(other.minhash))


def find_near_duplicate(
    db: Database, signature: Signature, exclude_article: int | None = None
) -> tuple[int, float] | None:
    """The stored article most similar to ``signature`` above the threshold, with its score."""
    keys = signature.band_keys()
    placeholders = " or ".join("(band = ? and key = ?)" for _ in keys)
    params: list[object] = []
    for band, key in enumerate(keys):
        params.extend([band, key])
    candidates = [
        row[0]
        for row in db.execute(
            f"select distinct article from lsh_bands where {placeholders}", params
        )
    ]
    best: tuple[int, float] | None = None
    for article in candidates:
        if article == exclude_article:
            continue
        row = db.execute(
            "select minhash from article_signatures where article = ?", [article]
        ).fetchone()
        if row is None:
            continue
        score = signature.jaccard(Signature.from_bytes(row[0]))
        if score >= NEAR_DUPLICATE_JACCARD and (best is None or score > best[1]):
            best = (article, score)
    return best


def save_signature(db: Database, article: int, signature: Signature) -> None:
    db["article_signatures"].upsert(
        {"article": article, "minhash": signature.to_bytes()}, pk="article"
    )
    db.execute("delete from lsh_bands where article = ?", [article])
    db["lsh_bands"].insert_all(
        {"band": band, "key": key, "article": article}
        for band, key in enumerate(signature.band_keys())
    )


def named_source(text: str) -> str | None:
    """The URL or name after "Źródło:" (or "Source:") near the end of an article."""
    matches = list(_SOURCE_RE.finditer(text))
    if not matches:
        return None
    value = matches[-1].group(1).strip()
    url = _URL_RE.search(value)
    return url.group(0).rstrip(".,;)") if url else value[:200]
