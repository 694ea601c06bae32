"""Recall-first matching: how near each candidate comes to a requirement, when no line states
it word for word.

The strict matcher in :mod:`assistant.retrieval` asks every word of a requirement to stand in one
line; recruiters' wording ("Who was the lead developer of ...", "on call for production
systems") often vetoes true matches that way. Here every line of every candidate in scope is
scored with signals that generalise:

* ``coverage``: the share of the requirement's rarity (IDF over candidates: how few resumes hold
  the word) that a line (or a line and the next) holds, so a rare project name decides and
  "led" or "systems" barely count; misspelt words are first mapped to the nearest word of the
  resumes' vocabulary;
* ``similarity``: the cosine similarity of the requirement to the candidate's closest chunk, its
  z-score among the candidates in scope, and its ``margin`` over the closest other candidate
  (how much this candidate stands out);
* ``pooled_z``: the z-score of the mean similarity of the candidate's three closest chunks:
  several passages that read like the requirement say more than one lucky chunk;
* ``coverage_margin``: the same for coverage: how far this candidate's best line is ahead of
  everyone else's in the requirement's rare words;
* ``related_coverage``: coverage again, a word close in meaning to a rare term of the requirement
  counting for that term by its similarity (see :mod:`assistant.related_words`), and
  ``related_margin``: how far this candidate's best such line is ahead of everyone else's (when
  a few resumes put the requirement in the same other words, "accessibility" for
  "disabilities", they stand out together from the rest, whose lines hold none);
* ``unknown``: the share of the requirement's rarity carried by words that no resume contains,
  which is what "nobody comes near" looks like.

A requirement that names something no resume holds (a word that is no English word of the
shipped tokenizer's vocabulary, nor two of them joined, and begins no resume word: "ABAP",
"COBOL") is decided before the model: nobody comes near it (``Nearness.ruled_out``), unless
the question offers the name as an example ("Metaflow-like", "or similar").

A small logistic model turns them into a probability. Its weights and threshold are fitted by
``python -m tests.calibrate_matching`` on labelled questions and committed in
``matching_weights.json``; nothing here is tuned by hand.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from assistant.catalog import Catalog
from assistant.related_words import rare_terms
from assistant.terms import normalize

WEIGHTS_FILE = Path(__file__).with_name("matching_weights.json")
# The model's inputs. ``similarity`` and ``unknown`` are computed too, for the "why" and for
# diagnosis, but the fit is better without them on questions it was not fitted on (the raw
# similarity's scale moves with the wording; "unknown" came out with the wrong sign).
FEATURES = (
    "bias",
    "coverage",
    "similarity_z",
    "margin",
    "coverage_margin",
    "related_coverage",
    "related_margin",
    "pooled_z",
    "unshared_z",
)
_MIN_FUZZY_LEN = 5
_LONG_WORD = 8  # from this length a misspelling may hold two slips
_MIN_PREFIX = 3  # the shortest word read as an abbreviation of a longer one
_FUZZY_SCORE = 85
_SPAN_LINES = 3  # most lines one piece of evidence quotes


@dataclass(frozen=True)
class Nearness:
    """How near one candidate comes to a requirement, and the lines that show it."""

    candidate_id: str
    features: dict[str, float]
    probability: float
    lines: tuple[tuple[int, int], ...]  # spans of catalog line positions, best first
    why: str
    ruled_out: bool = False  # a name of the requirement no resume holds: never near


@dataclass(frozen=True)
class Calibration:
    """The fitted model and the decision on its probabilities.

    A candidate comes near when their probability reaches ``threshold``. When nobody reaches
    it, the nearest candidate still comes near from ``nearest_threshold`` on, and with them
    whoever has at least ``nearest_share`` of their probability: a requirement in other words
    than the resumes' ("calming down upset customers") leaves every probability low, and what
    tells who comes near is then how far the nearest stand out from everyone else. The defaults
    turn that second rule off.

    Whoever reaches the threshold still needs ``relative_share`` of the nearest candidate's
    probability: when one candidate's line holds the requirement nearly word for word (0.99),
    one who shares two of its names in another context (0.37) is not a near miss beside them.
    0 turns that rule off."""

    weights: dict[str, float]
    threshold: float
    nearest_threshold: float = 1.0
    nearest_share: float = 1.0
    relative_share: float = 0.0

    def probability(self, features: dict[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * features.get(name, 0.0) for name in FEATURES)
        return 1.0 / (1.0 + math.exp(-z))

    def comes_near(self, probability: float, nearest: float) -> bool:
        """Whether a candidate with ``probability`` comes near, when the nearest candidate of
        the pool has ``nearest`` (0 when others match outright: the threshold alone decides)."""
        if probability >= self.threshold:
            return probability >= self.relative_share * nearest
        return nearest >= self.nearest_threshold and probability >= self.nearest_share * nearest


@cache
def calibration() -> Calibration:
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    return Calibration(
        weights=dict(data["weights"]),
        threshold=float(data["threshold"]),
        nearest_threshold=float(data.get("nearest_threshold", 1.0)),
        nearest_share=float(data.get("nearest_share", 1.0)),
        relative_share=float(data.get("relative_share", 0.0)),
    )


@cache
def vocabulary_words(shortest: int) -> frozenset[str]:
    """Whole lower-case words of ``shortest`` letters or more in the shipped MiniLM tokenizer's
    vocabulary (empty when the model is not installed)."""
    from assistant.embeddings import model_path

    try:
        lines = (model_path() / "vocab.txt").read_text(encoding="utf-8").split()
    except (ImportError, OSError):
        return frozenset()
    return frozenset(w for w in lines if w.isalpha() and w.islower() and len(w) >= shortest)


def _dictionary() -> frozenset[str]:
    """English words, as the shipped MiniLM's tokenizer knows them whole (about 22,000). A word
    found there is a word, not a slip: "patents" is no misspelling of "patients"."""
    return vocabulary_words(_MIN_FUZZY_LEN)


@cache
def _sorted_dictionary() -> list[str]:
    return sorted(_dictionary())


def english_word(term: str) -> bool:
    """Whether a search term is (the stem of) a word of the shipped tokenizer's vocabulary:
    "swift", "react", "rust" are; "kubernetes" and "pytorch" are not."""
    return term in _short_words() or term in _short_stems()


@cache
def _short_stems() -> frozenset[str]:
    return frozenset(normalize(w) for w in _short_words())


def prepare() -> None:
    """Reads the word lists the matcher consults (about 0.1 s once), so that no question
    pays for it."""
    _english_stems()
    _sorted_dictionary()
    _short_words()
    _short_stems()


def _unknown_name(term: str, catalog: Catalog) -> bool:
    """A name no resume holds: a term no line has that begins no English word ("abap",
    "cobol"; not "regul" of "regulators")."""
    return (
        catalog.document_frequency(term) == 0
        and term.isalpha()
        and len(term) >= _MIN_PREFIX
        and bool(_dictionary())
        and term not in _english_stems()
        and not _begins_a_word(term)
        and not _compound(term)
        and not _begins_a_resume_word(term, catalog)
    )


def _begins_a_resume_word(term: str, catalog: Catalog) -> bool:
    """Whether some resume word begins with the term: "scrum" is held in "ScrumMaster"."""
    vocabulary = catalog.vocabulary()
    i = bisect_left(vocabulary, term)
    return i < len(vocabulary) and vocabulary[i].startswith(term)


_MIN_PART = 3


def _compound(term: str) -> bool:
    """Two English words written as one ("salesperson", "timeline")."""
    words = _short_words()
    return any(
        term[:i] in words and (term[i:] in words or _begins_a_word(term[i:]))
        for i in range(_MIN_PART, len(term) - _MIN_PART + 1)
    )


def _short_words() -> frozenset[str]:
    """Whole words of three letters or more in the shipped tokenizer's vocabulary."""
    return vocabulary_words(_MIN_PART)


@cache
def _english_stems() -> frozenset[str]:
    """The search forms of the dictionary's words ("privacy" -> "privaci")."""
    return frozenset(normalize(w) for w in _dictionary())


def _begins_a_word(stem: str) -> bool:
    """Whether an English word (of the shipped tokenizer's vocabulary) begins with the stem:
    "regul" (regulators) does, "abap" does not."""
    words = _sorted_dictionary()
    i = bisect_left(words, stem)
    return i < len(words) and words[i].startswith(stem)


def correct_spelling(
    term: str, catalog: Catalog, typed: str | None = None, name: bool = False
) -> str:
    """A term no resume contains, mapped to the closest resume word ("kubernets" ->
    "kubernet"); the term itself when nothing is close, or when it is an English word (the
    word as typed, else the term). With ``typed``, the word as the user
    typed it, a slip found between stems must also be a slip between the words as written:
    "conferences" stems to "confer", one letter from "conver" ("conversational"), but it is
    no slip of "conversational". With ``name`` (the question writes the word as a name: "Who
    knows Revit?"), only a word some resume writes as a name too: "Kubernets" is a slip of
    "Kubernetes", "Revit" none of "refits"."""
    fixed = _corrected(term, catalog, typed)
    if name and fixed != term and _written_as_plain_word(fixed, catalog):
        return term
    return fixed


def _written_as_plain_word(term: str, catalog: Catalog) -> bool:
    """Whether the resumes write a word with search term ``term`` only as a plain word: in
    lower case inside a line ("full bathroom refits"), and nowhere capitalised inside one (as
    "Kubernetes" or "Python" are). A word seen only where a line starts tells nothing."""
    lower = False
    for pos in catalog.postings.get(term, [])[:_NEAR_SCAN]:
        for m in re.finditer(r"(?<=[\w,;(/] )[A-Za-z][A-Za-z0-9+#]*", catalog.lines[pos].line.text):
            if normalize(m.group(0)) != term:
                continue
            if m.group(0)[0].isupper():
                return False
            lower = True
    return lower


def _corrected(term: str, catalog: Catalog, typed: str | None) -> str:
    # A short stem of a longer word ("lern" of "lerning") is read by the word as typed.
    if term in catalog.postings or len(typed or term) < _MIN_FUZZY_LEN or not term.isalpha():
        return term
    if (typed or term).lower() in _dictionary():
        return term
    found = process.extractOne(
        term, catalog.vocabulary(), scorer=fuzz.ratio, score_cutoff=_FUZZY_SCORE
    )
    if found:
        return str(found[0])
    # One slip (two in a long word), a swap of neighbours counting as one ("pyhton"), with the
    # first letter kept, as typing slips go; among equals, the word more resumes use.
    # a long word as typed ("kubernates", stemmed to "kubern") may hold two slips
    edits = 1 if len(typed or term) < _LONG_WORD else 2
    vocabulary = catalog.vocabulary()
    close = [
        (distance, -catalog.document_frequency(vocabulary[i]), vocabulary[i])
        for _, distance, i in process.extract(
            term,
            catalog.stemmed_vocabulary(),
            scorer=DamerauLevenshtein.distance,
            score_cutoff=edits,
            limit=None,
        )
        if vocabulary[i][:1] == term[:1]
    ]
    for _, _, word in sorted(close):
        if typed is None or _written_near(typed, word, catalog, edits + 1):
            return str(word)
    if typed is not None and len(typed) >= _LONG_WORD - 1:
        # A slip before the ending the stemmer would have cut: "hosptial" is no stem of
        # "hospital" ("hospit"), but its first letters are one slip from it.
        for cut in range(1, 5):
            head = term[:-cut]
            if len(head) < _MIN_FUZZY_LEN:
                break
            same = [w for w in vocabulary if len(w) == len(head) and w[:1] == head[:1]]
            near = [
                (-catalog.document_frequency(word), str(word))
                for word, _, _ in process.extract(
                    head, same, scorer=DamerauLevenshtein.distance, score_cutoff=1, limit=None
                )
            ]
            for _, word in sorted(near):
                if _written_near(typed, word, catalog, 1):
                    return str(word)
    return term


_NEAR_SCAN = 200  # lines read to find how a resume word is written


def _written_near(typed: str, term: str, catalog: Catalog, edits: int) -> bool:
    """Whether some resume writes a word with search term ``term`` within ``edits`` slips of
    ``typed`` (one more than between the stems, for an ending: "kubernets", "Kubernetes")."""
    typed = typed.lower()
    for pos in catalog.postings.get(term, [])[:_NEAR_SCAN]:
        for word in re.findall(r"[a-z0-9+#]+", catalog.lines[pos].line.text.lower()):
            if abs(len(word) - len(typed)) <= edits and (
                DamerauLevenshtein.distance(typed, word, score_cutoff=edits) <= edits
            ):
                return True
    return False


# Suffixes that make a word about a person or a state out of another (stems as the stemmer
# leaves them): "internship" is about being an "intern", "auditor" about an "audit".
_DERIVING_SUFFIXES = ("ships", "ship", "hood", "ment", "ness", "ism", "ist", "er", "or")
_MIN_BASE = 5


def derived_base(term: str, catalog: Catalog) -> str:
    """A term no resume holds, read as the word it is derived from when some resume holds that
    ("internship" -> "intern", "mentorship" -> "mentor"); the term itself otherwise."""
    if term in catalog.postings or not term.isalpha():
        return term
    if term.endswith("s") and term[:-1] in catalog.postings and len(term) <= _MIN_BASE:
        return term[:-1]  # "sres", "cpas": an acronym's plural typed in lower case
    for suffix in _DERIVING_SUFFIXES:
        base = term.removesuffix(suffix)
        if base != term and len(base) >= _MIN_BASE and base in catalog.postings:
            return base
    return term


def expand_abbreviation(term: str, beside: Sequence[str], catalog: Catalog) -> str:
    """A short word no resume holds, read as the resume word it begins that shares the most
    lines with all the words ``beside`` it ("pen" beside "test" -> "penetr", from "penetration
    tests"); the term itself when no such word shares a line with them. Alone, a short prefix
    says too little to expand."""
    if not _MIN_PREFIX <= len(term) < _MIN_FUZZY_LEN or not term.isalpha() or not beside:
        return term
    if term in catalog.postings:
        return term
    # The lines that hold every other word: the expansion must stand beside all of them.
    near = set(catalog.postings.get(beside[0], ())).intersection(
        *(catalog.postings.get(t, ()) for t in beside[1:])
    )
    if not near:
        return term
    vocabulary = catalog.vocabulary()
    best, shared = term, 0
    for word in vocabulary[bisect_left(vocabulary, term) :]:
        if not word.startswith(term):
            break
        n = len(near.intersection(catalog.postings[word]))
        if n > shared:
            best, shared = word, n
    return best


def _read_terms(
    query_terms: list[str],
    catalog: Catalog,
    compounds: Mapping[str, list[str]] | None,
    names: Collection[str] = (),
) -> list[str]:
    """The requirement's terms as the resumes hold them: a joined word no resume holds as its
    parts, a derived form as its base, a misspelling as the word meant (a word the question
    writes as a name, in ``names``, only as a name: see :func:`correct_spelling`)."""
    split: list[str] = []
    for t in query_terms:
        parts = (compounds or {}).get(t)
        if parts and catalog.document_frequency(t) == 0:
            split.extend(parts)
        else:
            split.append(t)
    return list(
        dict.fromkeys(
            correct_spelling(derived_base(t, catalog), catalog, name=t in names) for t in split
        )
    )


def names_nobody_holds(
    query_terms: list[str],
    catalog: Catalog,
    compounds: Mapping[str, list[str]] | None = None,
    names: Collection[str] = (),
) -> list[str]:
    """The names in a requirement that no resume holds ("COBOL", "ABAP"): when there is one,
    :func:`nearness` rules every candidate out, whatever the vector search finds. A word
    the question writes as a name (in ``names``) counts too when it is all that is asked,
    English word or not: "Any Flutter devs?", "Who has Swift experience?"."""
    read = _read_terms(query_terms, catalog, compounds, names)
    lone = read if len(read) == 1 and len(query_terms) == 1 and query_terms[0] in names else []
    return [
        t
        for t in read
        if _unknown_name(t, catalog) or (t in lone and catalog.document_frequency(t) == 0)
    ]


def _related_coverage(
    terms: list[str],
    weight: Mapping[str, float],
    related: Callable[[list[str]], Mapping[str, Sequence[tuple[str, float]]]] | None,
    catalog: Catalog,
    held: Collection[int],
    written: Mapping[int, float],
) -> tuple[dict[str, float], dict[str, tuple[int, list[str]]]]:
    """Candidate -> the weight of the requirement's terms their best line holds, a term
    written there counting in full (``written``: those sums, by line) and one met by a related
    word ("accessibility" for "disabilities") by that word's similarity to it. Of the lines
    holding no related word, only those that hold a term as asked count (``held``: not a
    hiring line, "Recruited React developers", for React). Also, for whoever's best line holds
    a related word, that line and the related words it holds (to quote and to say why)."""
    best: dict[str, float] = {}
    for pos in held:
        cid = catalog.lines[pos].candidate_id
        best[cid] = max(best.get(cid, 0.0), written[pos])
    rare = rare_terms(terms, catalog.candidate_frequency, len(catalog.candidates))
    found = related(rare) if related is not None and rare else {}
    met: dict[int, dict[str, tuple[float, str]]] = defaultdict(dict)
    spelt_at: dict[str, list[int]] = {}  # a word close to several terms is looked for once
    for term, words in found.items():
        for word, similarity in words:
            if word not in spelt_at:
                # The word itself, not every word of its stem ("accessibility", not "access")
                spelt = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE)
                spelt_at[word] = [
                    pos
                    for pos in catalog.postings.get(normalize(word), ())
                    if spelt.search(catalog.lines[pos].line.text)
                ]
            for pos in spelt_at[word]:
                if similarity > met[pos].get(term, (0.0, ""))[0]:
                    met[pos][term] = (similarity, word)
    shown: dict[str, tuple[int, list[str]]] = {}
    for pos, held_related in sorted(met.items()):
        line = catalog.line_terms[pos]
        # a term held word for word is already counted in full
        used = {t: h for t, h in held_related.items() if t not in line}
        if not used:
            continue
        got = written.get(pos, 0.0) + sum(weight[t] * sim for t, (sim, _) in used.items())
        cid = catalog.lines[pos].candidate_id
        if got > best.get(cid, 0.0):
            best[cid] = got
            shown[cid] = (pos, [word for _, word in used.values()])
    return best, shown


def _z_scores(values: Mapping[str, float]) -> dict[str, float]:
    """Each value's z-score among them all."""
    array = np.array(list(values.values()), dtype=np.float64)
    mean, std = (float(array.mean()), float(array.std()) + 1e-6) if len(array) else (0.0, 1.0)
    return {key: (value - mean) / std for key, value in values.items()}


def _margins(values: Mapping[str, float]) -> dict[str, float]:
    """Each value less the best of the others (positive only for the first)."""
    first, second = [*sorted(values.values(), reverse=True), 0.0, 0.0][:2]
    return {key: value - (second if value >= first else first) for key, value in values.items()}


def nearness(
    query_terms: list[str],
    similarities: dict[str, float],
    chunk_lines: Mapping[str, list[list[int]]],
    pool: list[str],
    catalog: Catalog,
    model: Calibration | None = None,
    compounds: Mapping[str, list[str]] | None = None,
    names_decide: bool = True,
    holds: Callable[[int, str], bool] | None = None,
    names: Collection[str] = (),
    related: Callable[[list[str]], Mapping[str, Sequence[tuple[str, float]]]] | None = None,
    as_asked: Mapping[str, str] | None = None,
    pooled: Mapping[str, float] | None = None,
) -> list[Nearness]:
    """Every candidate in ``pool`` scored against a requirement.

    ``similarities`` holds each candidate's best chunk similarity to the requirement and
    ``chunk_lines`` the line positions of their closest chunks, best first; both come from the
    vector store. ``compounds`` maps a query's hyphenated words to their parts
    (:func:`assistant.terms.compound_parts`): a joined word no resume holds counts as its
    parts. ``related`` gives the words related to some of the requirement's terms (see
    :mod:`assistant.related_words`), with their similarity: a line holding one holds that
    much of the term, for the ``related_coverage`` feature. ``as_asked`` maps a term to the word
    as the question writes it, to say why ("shares kernel", not "contribut"). ``pooled`` holds
    each candidate's mean similarity over their few closest chunks (without it, the closest
    chunk's similarity stands for it)."""
    model = model or calibration()
    terms = _read_terms(query_terms, catalog, compounds, names)
    # Rarity across candidates: a word most resumes use ("systems", "led") says little of who
    # has the requirement; one only a few resumes hold ("recommendation") says most.
    n_people = max(len(catalog.candidates), 1)
    weight = {t: math.log((n_people + 1) / (catalog.candidate_frequency(t) + 0.5)) for t in terms}
    total = sum(weight.values()) or 1.0
    unknown = sum(w for t, w in weight.items() if catalog.document_frequency(t) == 0) / total
    # The same for a name no resume holds (a tool, a language, an employer): a word that begins
    # no English word. Nobody comes near "ABAP" by holding words like it; a description
    # ("regulators", "disabilities") can be met in other words.
    unknown_name = sum(w for t, w in weight.items() if _unknown_name(t, catalog)) / total
    # Coverage of each line that holds any term, through the postings (never a full scan).
    per_line: dict[int, float] = {}
    written: dict[int, float] = {}  # the same, of every word as written (for related_coverage)
    for t in terms:
        for pos in catalog.postings.get(t, []):
            written[pos] = written.get(pos, 0.0) + weight[t]
            if holds is None or holds(pos, t):
                per_line[pos] = per_line.get(pos, 0.0) + weight[t]
    best_related, related_lines = _related_coverage(
        terms, weight, related, catalog, per_line.keys(), written
    )
    best_line: dict[str, tuple[float, int]] = {}
    for pos, held in per_line.items():
        window = held
        nxt = pos + 1
        if nxt in per_line and catalog.lines[nxt].resume.id == catalog.lines[pos].resume.id:
            extra = sum(
                weight[t]
                for t in terms
                if t in catalog.line_terms[nxt]
                and t not in catalog.line_terms[pos]
                and (holds is None or holds(nxt, t))
            )
            window = held + extra
        cid = catalog.lines[pos].candidate_id
        if window > best_line.get(cid, (-1.0, 0))[0]:
            best_line[cid] = (window, pos)
    similarity = {cid: similarities.get(cid, 0.0) for cid in pool}
    coverage = {cid: min(best_line.get(cid, (0.0, -1))[0] / total, 1.0) for cid in pool}
    related_coverage = {cid: min(best_related.get(cid, 0.0) / total, 1.0) for cid in pool}
    # The same over a few chunks: a resume with several passages that read like the requirement
    # (an incident rotation, a paging tool, postmortems) over one with a single lucky one.
    pooled_z = _z_scores({cid: (pooled or similarities).get(cid, 0.0) for cid in pool})
    similarity_z = _z_scores(similarity)
    # How far ahead of everyone else (positive only for the first): in meaning, in the rare
    # words a line holds alone, and in the words close in meaning to them.
    margin = _margins(similarity)
    coverage_margin = _margins(coverage)
    related_margin = _margins(related_coverage)
    out = []
    for cid in pool:
        features = {
            "bias": 1.0,
            "coverage": coverage[cid],
            "similarity": similarity[cid],
            "similarity_z": similarity_z[cid],
            "margin": margin[cid],
            "coverage_margin": min(coverage_margin[cid], 1.0),
            "related_coverage": related_coverage[cid],
            "related_margin": related_margin[cid],
            "pooled_z": pooled_z[cid],
            # Reading alike counts for more when the words are not shared: meaning is then
            # the only evidence (a model of sums alone cannot weigh one input by another).
            "unshared_z": max(similarity_z[cid], 0.0) * (1.0 - coverage[cid]),
            "unknown": unknown,
            "unknown_name": unknown_name,
        }
        spans: list[tuple[int, int]] = []
        if cid in best_line and coverage[cid] > 0:
            pos = best_line[cid][1]
            spans.append((pos, pos))
        near_words: list[str] = []
        if cid in related_lines:
            # the line that holds words close in meaning to the requirement's is quoted too
            pos, near_words = related_lines[cid]
            if not any(a <= pos <= b for a, b in spans):
                spans.append((pos, pos))
        for chunk in chunk_lines.get(cid, []):
            if not chunk:
                continue
            # The chunk's contiguous run of lines from its first content line.
            end = chunk[0]
            while end + 1 in chunk and end + 1 - chunk[0] < _SPAN_LINES:
                end += 1
            if not any(a <= chunk[0] <= b or chunk[0] <= a <= end for a, b in spans):
                spans.append((chunk[0], end))
        shared = [
            t for t in terms if cid in best_line and t in catalog.line_terms[best_line[cid][1]]
        ]
        why = (
            f"shares {', '.join((as_asked or {}).get(t, t) for t in shared[:4])} and reads "
            f"alike ({similarity[cid]:.2f})"
            if shared
            else f"reads alike ({similarity[cid]:.2f}) without the same words"
        )
        # (a word of the requirement itself is said among the shared ones)
        near_words = [w for w in dict.fromkeys(near_words) if normalize(w) not in terms]
        if near_words:
            said = ", ".join(f"“{w}”" for w in near_words[:3])
            why += f"; holds {said}, close in meaning to the words asked"
        ruled_out = names_decide and unknown_name > 0
        if ruled_out:
            # A name nobody holds ("SAP ABAP"): nobody comes near by holding other words.
            why = f"no resume holds {', '.join(t for t in terms if _unknown_name(t, catalog))}"
        probability = 0.0 if ruled_out else model.probability(features)
        out.append(Nearness(cid, features, probability, tuple(spans), why, ruled_out))
    return sorted(out, key=lambda n: -n.probability)
