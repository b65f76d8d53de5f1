"""Find exact and near-duplicate articles: normalised-text hashes plus MinHash LSH over word 5-grams.

Two articles are exact duplicates when their normalised texts (case-folded, punctuation dropped,
whitespace collapsed) are equal, and near duplicates when the MinHash estimate of the Jaccard similarity
of their word 5-gram sets reaches `threshold` (default 0.8: syndicated copies with a changed headline,
byline or closing line stay above it, while two reports of the same event in different words fall far
below). Duplicates are linked transitively into clusters; a cluster's smallest id is its canonical
article and its cluster_id.

Built for a million articles streamed once: per article only a 16-byte text digest, a uint32 signature
(4 * num_perm bytes, 512 bytes at the default) and the LSH band keys (8 bytes per band) are kept.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 5
_WORD_RE = re.compile(r"\w+")


def normalise(text: str) -> str:
    """The text as exact-duplicate detection sees it."""
    return " ".join(_WORD_RE.findall(text.casefold()))


def shingles(normalised: str) -> list[bytes]:
    """Word 5-grams of a normalised text (the whole text when it is shorter than five words)."""
    words = normalised.split(" ")
    if len(words) < SHINGLE_WORDS:
        return [normalised.encode("utf-8")]
    return sorted({" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8")
                   for i in range(len(words) - SHINGLE_WORDS + 1)})


def _band_key(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=8).digest()


class _Clusters:
    """Union-find over article ids whose root is always the smallest id."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, item: str) -> None:
        self.parent.setdefault(item, item)

    def root(self, item: str) -> str:
        path = []
        while self.parent[item] != item:
            path.append(item)
            item = self.parent[item]
        for node in path:
            self.parent[node] = item
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self.parent[high] = low


def find_duplicates(items: Iterable[tuple[str, str]], threshold: float = 0.8, num_perm: int = 128
                    ) -> dict[str, tuple[str | None, str]]:
    """Map each id to (duplicate_of, cluster_id) over a stream of (id, text) pairs.

    duplicate_of is None for the canonical article (the smallest id of its cluster) and for articles
    without duplicates; cluster_id is the smallest id of the cluster (an article alone is its own).
    Near-duplicate candidates come from LSH and are confirmed on the stored signatures, so the
    threshold is applied to the estimated Jaccard similarity itself.
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError("threshold must be in (0, 1]")
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, hashfunc=_band_key)
    first_with_text: dict[bytes, str] = {}
    rows: dict[str, int] = {}
    signatures = np.empty((1024, num_perm), dtype=np.uint32)
    clusters = _Clusters()
    for item_id, text in items:
        if item_id in clusters.parent:
            raise ValueError(f"duplicate id {item_id!r} in find_duplicates input")
        clusters.add(item_id)
        normalised = normalise(text)
        digest = hashlib.blake2b(normalised.encode("utf-8"), digest_size=16).digest()
        twin = first_with_text.get(digest)
        if twin is not None:
            clusters.union(item_id, twin)
            continue
        first_with_text[digest] = item_id
        minhash = MinHash(num_perm=num_perm, seed=1)
        minhash.update_batch(shingles(normalised))
        signature = minhash.hashvalues.astype(np.uint32)
        for candidate in lsh.query(minhash):
            if float(np.mean(signatures[rows[candidate]] == signature)) >= threshold:
                clusters.union(item_id, candidate)
        lsh.insert(item_id, minhash, check_duplication=False)
        if len(rows) == len(signatures):
            signatures = np.concatenate([signatures, np.empty_like(signatures)])
        rows[item_id] = len(rows)
        signatures[rows[item_id]] = signature
    result: dict[str, tuple[str | None, str]] = {}
    for item_id in sorted(clusters.parent):
        root = clusters.root(item_id)
        result[item_id] = (None if root == item_id else root, root)
    return result
