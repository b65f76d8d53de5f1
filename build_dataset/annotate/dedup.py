"""Find exact and near-duplicate articles: normalised-text hashes plus MinHash LSH over word 5-grams.

Two articles are exact duplicates when their normalised texts (case-folded, punctuation dropped,
whitespace collapsed) are equal, and near duplicates when the MinHash estimate of the Jaccard similarity
of their word 5-gram sets reaches `threshold` (default 0.8: syndicated copies with a changed headline,
byline, date or closing line stay above it; two reports of the same event in different words fall far
below). Duplicates are linked transitively into clusters; a cluster's smallest id is its canonical
article and its cluster_id.

Built for a million articles streamed once. datasketch computes the signatures and chooses the LSH
banding (bands x rows) for the threshold; the bands are then bucketed with numpy instead of
datasketch's MinHashLSH, whose dict-of-sets index costs kilobytes per article. What is kept per
article: its id, an 8-byte text digest and its uint32 signature (4 * num_perm bytes: 512 bytes at the
default, about 0.6 GB for a million articles). Candidates from the buckets are confirmed on the
signatures, so `threshold` applies to the estimated Jaccard similarity itself.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections.abc import Iterable, Iterator
from itertools import combinations

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

SHINGLE_WORDS = 5
# Weights of false positives and false negatives when choosing the banding: candidates are verified on
# the signatures, so a false positive only costs a comparison while a false negative loses a duplicate.
_LSH_WEIGHTS = (0.2, 0.8)
# A bucket this large (boilerplate shared by many pages) is verified member-to-neighbour instead of
# all pairs, to keep the cost linear.
_MAX_BUCKET_PAIRS = 64
_WORD_RE = re.compile(r"\w+")
CHUNK_ROWS = 65536
SHINGLE_BATCH = 8192


def normalise(text: str) -> str:
    """The text as exact-duplicate detection sees it."""
    return " ".join(_WORD_RE.findall(text.casefold()))


def shingle_batches(normalised: str) -> Iterator[list[bytes]]:
    """Word 5-grams of a normalised text (the whole text when it is shorter than five words), in
    batches of at most SHINGLE_BATCH.

    A MinHash is a minimum over the shingles' hashes, so a repeated shingle changes nothing and the
    batches can be fed one by one: datasketch holds a num_perm x shingles matrix of 8-byte hashes per
    batch, which for a whole long page (a million words) was gigabytes.
    """
    words = normalised.split(" ")
    if len(words) < SHINGLE_WORDS:
        yield [normalised.encode("utf-8")]
        return
    count = len(words) - SHINGLE_WORDS + 1
    for first in range(0, count, SHINGLE_BATCH):
        yield [" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8")
               for i in range(first, min(first + SHINGLE_BATCH, count))]


def minhash_signature(normalised: str, num_perm: int) -> np.ndarray:
    """The MinHash signature (num_perm uint32 values) of a normalised text's word 5-grams."""
    minhash = MinHash(num_perm=num_perm, seed=1)
    for batch in shingle_batches(normalised):
        minhash.update_batch(batch)
    return minhash.hashvalues


class _Clusters:
    """Union-find over row numbers whose root is always the row of the smallest id."""

    def __init__(self, ids: list[str]) -> None:
        self.ids = ids
        self.parent = list(range(len(ids)))

    def root(self, row: int) -> int:
        path = []
        while self.parent[row] != row:
            path.append(row)
            row = self.parent[row]
        for node in path:
            self.parent[node] = row
        return row

    def union(self, a: int, b: int) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            low, high = (ra, rb) if self.ids[ra] < self.ids[rb] else (rb, ra)
            self.parent[high] = low


def _groups(keys: np.ndarray, rows: np.ndarray) -> list[np.ndarray]:
    """Rows sharing a key, for every key held by two rows or more."""
    if len(keys) < 2:
        return []
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    ends = np.r_[starts[1:], len(sorted_keys)]
    return [rows[order[starts[i]:ends[i]]] for i in np.flatnonzero(ends - starts > 1)]


def _band_hashes(signatures: np.ndarray, bands: int, rows_per_band: int) -> np.ndarray:
    """One uint64 hash per (article, band): a polynomial over the band's signature values."""
    multiplier = np.uint64(0x9E3779B97F4A7C15)
    hashes = np.zeros((signatures.shape[0], bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for band in range(bands):
            block = signatures[:, band * rows_per_band:(band + 1) * rows_per_band].astype(np.uint64)
            value = np.full(signatures.shape[0], np.uint64(band + 1), dtype=np.uint64)
            for column in range(block.shape[1]):
                value = value * multiplier + block[:, column]
            hashes[:, band] = value
    return hashes


NUM_PERM = 128
"""MinHash permutations: 512 bytes of signature per article, Jaccard estimates within about 0.09."""
Signature = tuple[int, np.ndarray]
"""What the index needs of one article: its normalised text's 8-byte digest and its MinHash signature."""


def text_signature(text: str, num_perm: int = NUM_PERM) -> Signature:
    """An article's digest and signature, computed where the article is made.

    This is most of the cost of duplicate detection (a few milliseconds per article), so the build's
    workers compute it beside the annotations and the build's own process only indexes the result:
    done there, it was serial work that a pool or a Ray cluster could not share.
    """
    normalised = normalise(text)
    digest = int.from_bytes(hashlib.blake2b(normalised.encode("utf-8"), digest_size=8).digest(), "little")
    return digest, minhash_signature(normalised, num_perm)


class DuplicateIndex:
    """Articles' signatures, added one at a time, then linked into duplicate clusters by `clusters`.

    Signatures are stored in chunks of CHUNK_ROWS rows, so nothing is copied as the corpus grows.
    """

    def __init__(self, threshold: float = 0.8, num_perm: int = NUM_PERM) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold, self.num_perm = threshold, num_perm
        self.bands, self.rows_per_band = _optimal_param(threshold, num_perm, *_LSH_WEIGHTS)
        self.ids: list[str] = []
        self._seen: set[str] = set()
        self._digests = array("Q")
        self._chunks: list[np.ndarray] = []
        self._band_chunks: list[np.ndarray] = []

    def add(self, item_id: str, signature: Signature) -> None:
        """Index one article; ids must be unique."""
        if item_id in self._seen:
            raise ValueError(f"duplicate id {item_id!r} in find_duplicates input")
        digest, values = signature
        if len(values) != self.num_perm:
            raise ValueError(f"{item_id}: a signature of {len(values)} values, not {self.num_perm}")
        self._seen.add(item_id)
        self._digests.append(digest)
        offset = len(self.ids) % CHUNK_ROWS
        if offset == 0:
            if self._chunks:
                self._band_chunks.append(_band_hashes(self._chunks[-1], self.bands, self.rows_per_band))
            self._chunks.append(np.empty((CHUNK_ROWS, self.num_perm), dtype=np.uint32))
        self._chunks[-1][offset] = values
        self.ids.append(item_id)

    def clusters(self) -> dict[str, tuple[str | None, str]]:
        """Map each id to (duplicate_of, cluster_id); see `find_duplicates`."""
        ids, chunks, band_chunks = self.ids, self._chunks, list(self._band_chunks)
        if chunks:
            filled = len(ids) - (len(chunks) - 1) * CHUNK_ROWS
            chunks = [*chunks[:-1], chunks[-1][:filled]]
            band_chunks.append(_band_hashes(chunks[-1], self.bands, self.rows_per_band))

        def signature(row: int) -> np.ndarray:
            return chunks[row // CHUNK_ROWS][row % CHUNK_ROWS]

        clusters = _Clusters(ids)
        all_rows = np.arange(len(ids))

        # Exact duplicates: equal digests. Only one row of each exact group goes on to the LSH.
        representative = np.ones(len(ids), dtype=bool)
        for group in _groups(np.frombuffer(self._digests, dtype=np.uint64), all_rows):
            for row in group[1:]:
                clusters.union(int(group[0]), int(row))
                representative[row] = False

        # Near duplicates: rows sharing any band are candidates, confirmed on their signatures.
        rows = all_rows[representative]
        hashes = (np.concatenate(band_chunks)[representative] if band_chunks
                  else np.empty((0, self.bands), np.uint64))
        checked: set[tuple[int, int]] = set()
        for band in range(self.bands):
            for group in _groups(hashes[:, band], rows):
                members = sorted((int(r) for r in group), key=ids.__getitem__)
                pairs = (combinations(members, 2) if len(members) <= _MAX_BUCKET_PAIRS
                         else zip(members, members[1:], strict=False))
                for a, b in pairs:
                    if (a, b) in checked:
                        continue
                    checked.add((a, b))
                    if float(np.mean(signature(a) == signature(b))) >= self.threshold:
                        clusters.union(a, b)

        result: dict[str, tuple[str | None, str]] = {}
        for row in sorted(range(len(ids)), key=ids.__getitem__):
            root = clusters.root(row)
            result[ids[row]] = (None if root == row else ids[root], ids[root])
        return result


def find_duplicates(items: Iterable[tuple[str, str]], threshold: float = 0.8, num_perm: int = NUM_PERM
                    ) -> dict[str, tuple[str | None, str]]:
    """Map each id to (duplicate_of, cluster_id) over a stream of (id, text) pairs.

    duplicate_of is None for the canonical article (the smallest id of its cluster) and for articles
    without duplicates; cluster_id is the smallest id of the cluster (an article alone is its own).
    The result does not depend on the order of the items.
    """
    index = DuplicateIndex(threshold, num_perm)
    for item_id, text in items:
        index.add(item_id, text_signature(text, num_perm))
    return index.clusters()
