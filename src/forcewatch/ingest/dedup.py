"""Duplicates: exact (sha256 of normalised text) and near (MinHash LSH on word shingles).

A republished article with a new headline shares almost all its shingles with the first
copy; MinHash estimates that Jaccard similarity from 128 hash values, and LSH finds the
candidates without comparing against every stored document.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # datasketch imports scipy (~0.8 s): loaded when the first signature is needed
    from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 3  # word 3-grams: robust to a changed headline, sensitive to changed facts
THRESHOLD = 0.7
SCHEME = "affine32"  # datasketch's default since 2.0; stored signatures depend on it
MIN_WORDS = 25  # shorter texts share shingles by accident; they get no signature
_WORD = re.compile(r"\w+", re.UNICODE)


def normalise(text: str) -> str:
    """Case-, width- and whitespace-insensitive form of a text, used for hashing."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_hash(text: str, extra: str = "") -> str:
    payload = normalise(text) + ("\x1f" + extra if extra else "")
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@cache
def _template() -> MinHash:
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)


def shingles(text: str) -> list[bytes]:
    words = _WORD.findall(normalise(text))
    return [" ".join(words[i : i + SHINGLE]).encode("utf-8") for i in range(len(words) - SHINGLE + 1)]


def minhash(text: str) -> MinHash | None:
    """The MinHash of `text`, or None when it is too short for a meaningful one."""
    grams = shingles(text)
    if len(grams) < MIN_WORDS:
        return None
    from datasketch import MinHash

    template = _template()
    mh = MinHash(num_perm=NUM_PERM, seed=1, permutations=template.permutations, scheme=SCHEME)  # reuse: permutations are costly
    mh.update_batch(grams)
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return mh.hashvalues.astype("<u8").tobytes()


def from_bytes(data: bytes) -> MinHash:
    import numpy as np
    from datasketch import MinHash

    values = np.frombuffer(data, dtype="<u8").astype(np.uint64)
    return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=values, permutations=_template().permutations,
                   scheme=SCHEME)


@dataclass
class DedupIndex:
    """What the store already holds: hashes by input, and an LSH over signatures.

    The LSH is built on the first near-duplicate query: loading thousands of stored
    signatures costs time that a run of event-table rows (which never ask) should not pay.
    """

    by_hash: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # hash -> [(doc id, input)]
    ids: set[str] = field(default_factory=set)
    signatures: dict[str, MinHash] = field(default_factory=dict)
    _unbuilt: dict[str, MinHash | bytes] = field(default_factory=dict)  # canonical signatures not yet in the LSH
    _lsh: MinHashLSH | None = None

    def add(self, doc_id: str, input: str, digest: str, mh: MinHash | bytes | None, canonical: bool) -> None:
        """Record a document; `mh` may be a MinHash or its stored bytes (decoded when needed)."""
        self.ids.add(doc_id)
        self.by_hash.setdefault(digest, []).append((doc_id, input))
        if mh is None or not canonical:
            return
        if self._lsh is None:
            self._unbuilt[doc_id] = mh
        else:
            self._insert(doc_id, mh)

    def discard(self, doc_id: str, digest: str) -> None:
        """Forget a document added but never committed (its transaction was rolled back)."""
        self.ids.discard(doc_id)
        hits = [hit for hit in self.by_hash.get(digest, []) if hit[0] != doc_id]
        if hits:
            self.by_hash[digest] = hits
        else:
            self.by_hash.pop(digest, None)
        self._unbuilt.pop(doc_id, None)
        if self.signatures.pop(doc_id, None) is not None:
            self._lsh.remove(doc_id)

    def same_input(self, digest: str, input: str) -> str | None:
        """The id of a stored document read from the same input with the same content."""
        return next((doc_id for doc_id, inp in self.by_hash.get(digest, []) if inp == input), None)

    def exact(self, digest: str) -> str | None:
        hits = self.by_hash.get(digest)
        return hits[0][0] if hits else None

    def near(self, mh: MinHash | None) -> str | None:
        """The most similar stored canonical document above the threshold, if any."""
        if mh is None:
            return None
        lsh = self._built()
        scored = [(self.signatures[c].jaccard(mh), c) for c in lsh.query(mh)]
        scored = [(s, c) for s, c in scored if s >= THRESHOLD]
        return max(scored)[1] if scored else None

    def _built(self) -> MinHashLSH:
        if self._lsh is None:
            from datasketch import MinHashLSH

            self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
            for doc_id, mh in self._unbuilt.items():
                self._insert(doc_id, mh)
            self._unbuilt.clear()
        return self._lsh

    def _insert(self, doc_id: str, mh: MinHash | bytes) -> None:
        mh = from_bytes(bytes(mh)) if isinstance(mh, bytes | bytearray | memoryview) else mh
        self._lsh.insert(doc_id, mh)
        self.signatures[doc_id] = mh
