"""Words the resumes use for what a question's word means: "accessibility" for "disabilities",
"mobile" for "smartphones", "coached" for "mentored".

A requirement put in other words than the resumes' shares no term with the line that answers
it, so term coverage cannot bring that candidate near, and the chunk similarity alone rarely
does. Here each word of the embedding model's own vocabulary is embedded once, on its own, and
a question's rare word is met by the vocabulary words whose vectors lie close to its vector,
and by those close to the vector of the whole requirement, which reads its words in context
("breathing machines": "ventilation").
:func:`assistant.matching.nearness` counts a line holding such a word as holding part of the
requirement, in proportion to the similarity (the ``related_coverage`` feature of the calibrated
model).

Only the model's vocabulary is embedded (about 21,000 whole words), never a resume's words: the
vectors depend on the model alone, hold nothing of any candidate, and are computed once per
machine (about 20 s) and kept in ``Settings.cache_path``. Single words read out of context are
a noisy signal (antonyms lie close: "junior" and "senior"), which is why they only add a feature
the calibration weighs, and only for words few resumes hold.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path

import numpy as np

from assistant.embeddings import Embedder
from assistant.terms import normalize, terms

# Chosen among 0.4, 0.5 and 0.6 by the matcher's mean F1 on the devset's fitting half and on
# the project's calibration sets (the rows of tests/calibrate_matching.py).
THRESHOLD = 0.5
# Chosen by the same sweep, of 0.03, 0.1, 0.2 and every term: the share of the candidates a
# question's term may be held by and still be looked up (see :func:`rare_terms`).
RARE_SHARE = 0.1
PER_WORD = 12  # the closest vocabulary words looked at for each question word
_SEEN_AT_MOST = 4096  # question words whose neighbours are kept
_SHORTEST = 3
_LOCK = threading.Lock()
_LOADED: dict[tuple[str, Path | None], tuple[list[str], np.ndarray, list[str]]] = {}
_WORD = re.compile(r"[A-Za-z][A-Za-z]+(?:-[A-Za-z]+)*")


def vocabulary() -> list[str]:
    """The embedding model's whole lower-case words of three letters or more, sorted."""
    from assistant.matching import vocabulary_words

    return sorted(vocabulary_words(_SHORTEST))


def surface_forms(text: str) -> dict[str, str]:
    """Search term -> the word as a question writes it ("disabl" -> "disabilities"); a
    hyphenated word under its joined term and under each part's."""
    out: dict[str, str] = {}
    for word in _WORD.findall(text):
        out.setdefault(normalize(word.replace("-", "")), word.lower())
        if "-" in word:
            for part in word.split("-"):
                out.setdefault(normalize(part), part.lower())
    return out


class RelatedWords:
    """The vocabulary's vectors, loaded or computed on first use, and the neighbours of words.

    ``cache_dir`` None keeps the vectors in memory only."""

    def __init__(self, embedder: Embedder, cache_dir: Path | None) -> None:
        self.embedder = embedder
        self.cache_dir = cache_dir
        self._words: list[str] | None = None
        self._vectors: np.ndarray | None = None
        self._stems: list[str] | None = None
        self._seen: dict[str, list[tuple[int, float]]] = {}

    def _cache_file(self, words: list[str]) -> Path | None:
        if self.cache_dir is None:
            return None
        safe = re.sub(r"[^\w.-]", "_", self.embedder.name)
        return self.cache_dir / f"vocabulary-vectors-{safe}-{len(words)}.npy"

    def prepare(self, compute: bool = True) -> None:
        """Load the vectors, computing and caching them when missing (once per machine; once
        per process for every instance with the same model and folder). Without ``compute``,
        only load them when they are kept: a first catalog is not held up for 20 s; the first
        question that needs them computes them."""
        if self._vectors is not None:
            return
        words = vocabulary()
        path = self._cache_file(words)
        key = (self.embedder.name, path)
        with _LOCK:
            if key not in _LOADED or path is None:
                vectors = _read(path, len(words))
                if vectors is None and not compute:
                    return
                if vectors is None:
                    vectors = np.asarray(self.embedder.embed(words), dtype=np.float32)
                    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
                    # half the disk; the cosine moves by about 0.001
                    _write(path, vectors.astype(np.float16))
                _LOADED[key] = (words, vectors.astype(np.float32), [normalize(w) for w in words])
            self._words, self._vectors, self._stems = _LOADED[key]

    def related(
        self,
        asked: Mapping[str, str],
        present: Callable[[str], bool],
        whole: str | None = None,
    ) -> dict[str, list[tuple[str, float]]]:
        """Search term -> (vocabulary word, cosine similarity) of the closest words to the word
        as asked (``asked`` maps a term to it), best first: at least :data:`THRESHOLD`, not the
        term itself, and ``present`` (held by some resume) for its stem. Function words are not
        left out: they are only looked up where few resumes hold them, in a pile of a few, and
        leaving out the vocabulary's English stop words there moved the calibrated threshold
        from 0.27 to 0.42 and lowered every figure (measured).

        With ``whole`` (the requirement as written), the words closest to it as a whole are
        added to every term asked, on the same terms, but for words of the requirement itself
        (met as written): a phrase's vector reads its words in context ("breathing machines"
        comes close to "ventilation", "made software usable, disabilities" to "accessibility"),
        which the vector of none of its words does alone."""
        wanted = [(t, w) for t, w in asked.items() if w]
        if not wanted:
            return {}
        self.prepare()
        own = set(terms(whole, query=True)) if whole else set()
        closest = self._closest([w for _, w in wanted] + ([whole] if whole else []))
        out = {term: self._present(closest[written], present, {term}) for term, written in wanted}
        if whole:
            context = self._present(closest[whole], present, own)
            for term, found in out.items():
                have = {word for word, _ in found}
                added = [(w, s) for w, s in context if w not in have and normalize(w) != term]
                out[term] = sorted(found + added, key=lambda pair: -pair[1])
        return out

    def _present(
        self,
        closest: list[tuple[int, float]],
        present: Callable[[str], bool],
        excluded: Collection[str],
    ) -> list[tuple[str, float]]:
        """The first :data:`PER_WORD` of ``closest`` that some resume holds, as (word,
        similarity), but for the words whose stems are ``excluded``."""
        assert self._words is not None and self._stems is not None
        found: list[tuple[str, float]] = []
        for i, similarity in closest:
            if len(found) >= PER_WORD:
                break
            stem = self._stems[i]
            if stem in excluded or not present(stem):
                continue
            found.append((self._words[i], similarity))
        return found

    def _closest(self, written: list[str]) -> dict[str, list[tuple[int, float]]]:
        """Word -> (vocabulary index, similarity) of every vocabulary word within THRESHOLD of it,
        closest first; a word asked before is not embedded again (a question may be scored
        more than once, and recruiters ask alike)."""
        assert self._vectors is not None and self._words is not None
        # Read into a dict of this call's own: another session's question may clear the shared one
        found = {w: seen for w in dict.fromkeys(written) if (seen := self._seen.get(w)) is not None}
        new = [w for w in dict.fromkeys(written) if w not in found]
        if new:
            query = np.asarray(self.embedder.embed(new), dtype=np.float32)
            query /= np.linalg.norm(query, axis=1, keepdims=True) + 1e-9
            for word, row in zip(new, query @ self._vectors.T, strict=True):
                close = np.flatnonzero(row >= THRESHOLD)
                found[word] = [
                    (int(i), float(row[i])) for i in close[np.argsort(-row[close], kind="stable")]
                ]
            if len(self._seen) + len(new) > _SEEN_AT_MOST:
                self._seen = {}
            self._seen.update((w, found[w]) for w in new)
        return found


def _read(path: Path | None, rows: int) -> np.ndarray | None:
    if path is None or not path.is_file():
        return None
    try:
        vectors = np.load(path, allow_pickle=False)
    except (OSError, ValueError):
        return None  # a damaged cache is computed again
    return vectors if vectors.ndim == 2 and vectors.shape[0] == rows else None


def _write(path: Path | None, vectors: np.ndarray) -> None:
    """Write atomically (another process may read it meanwhile); a cache that cannot be
    written is only kept in memory."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".npy.tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as out:
            np.save(out, vectors, allow_pickle=False)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)


def rare_terms(
    read: Sequence[str], candidate_frequency: Callable[[str], int], pool: int
) -> list[str]:
    """The terms few resumes hold (at most :data:`RARE_SHARE` of the candidates): the ones
    put in other words than the resumes'. A common term is met word for word already, and its
    neighbours would only spread credit thin ("product" -> "manufacturing")."""
    return [t for t in read if candidate_frequency(t) <= RARE_SHARE * pool]
