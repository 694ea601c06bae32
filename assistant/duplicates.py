"""Which resumes belong to one person: the same name, a shared email, phone or profile link, or
nearly the same text (a PDF and a name-less markdown export of it).

Text similarity is the Jaccard similarity of word 5-shingles, computed exactly through an
inverted index of the shingles. Shingles that occur in many resumes (boilerplate such as
"references available on request") are skipped, so the cost grows with the number of resumes,
not with its square. Exact Jaccard on shingles, rather than MinHash sketches, keeps the result
deterministic and needs no extra dependency at this scale (measured: 42 resumes in ~20 ms).

Two resumes that carry different names are never merged, whatever they share. A user can split a
wrong merge: the resume ids in ``detached`` stand alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.models import Resume

SHINGLE_WORDS = 5
# Measured on 42 labelled resumes (`make eval-profiles`): a PDF and its name-less markdown
# export share 0.97 of their shingles, a one-page and a full version of one resume 0.10 (those
# meet by name or contact instead), and the most similar two different people 0.004.
TEXT_SIMILARITY = 0.35
_COMMON_SHINGLE = 50  # a shingle in more resumes than this says nothing about identity


@dataclass(frozen=True)
class Merge:
    """Why two resumes are one candidate."""

    a: str
    b: str
    reason: str


def _shingles(resume: Resume) -> set[int]:
    words = re.findall(
        r"\w+", " ".join(ln.text for ln in resume.lines if not ln.suspicious).lower()
    )
    return {
        hash(" ".join(words[i : i + SHINGLE_WORDS])) for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def _link_key(link: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", link.lower()).rstrip("/")


ShingleCache = dict[tuple[str, str], set[int]]


def similar_pairs(
    resumes: Sequence[Resume], cache: ShingleCache | None = None
) -> list[tuple[str, str, float]]:
    """(resume id, resume id, Jaccard similarity) of the pairs at or above TEXT_SIMILARITY.
    ``cache`` keeps each resume's shingles by (id, content hash) across catalog rebuilds."""
    cache = cache if cache is not None else {}
    sets = {}
    for r in resumes:
        key = (r.id, r.content_hash)
        if key not in cache:
            cache[key] = _shingles(r)
        sets[r.id] = cache[key]
    index: dict[int, list[str]] = defaultdict(list)
    for rid, shingles in sets.items():
        for s in shingles:
            index[s].append(rid)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for ids in index.values():
        if 1 < len(ids) <= _COMMON_SHINGLE:
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    shared[(a, b) if a < b else (b, a)] += 1
    out = []
    for (a, b), n in shared.items():
        union = len(sets[a]) + len(sets[b]) - n
        similarity = n / union if union else 0.0
        if similarity >= TEXT_SIMILARITY:
            out.append((a, b, similarity))
    return sorted(out)


def find_merges(
    resumes: Sequence[Resume], detached: Iterable[str] = (), cache: ShingleCache | None = None
) -> list[Merge]:
    """The evidence that joins resumes into one candidate (resumes in ``detached`` excluded)."""
    alone = set(detached)
    pool = [r for r in resumes if r.id not in alone]
    merges: list[Merge] = []
    keys: dict[tuple[str, str], str] = {}
    for r in pool:
        profile = r.profile
        found = [("email", e.value.lower()) for e in profile.emails[:2]]
        found += [("phone", p.e164) for p in profile.phones[:2] if p.e164]
        found += [("link", _link_key(link.value)) for link in profile.links if "/" in link.value]
        if not profile.emails and r.identity.email:
            found.append(("email", r.identity.email.lower()))
        for kind, value in found:
            other = keys.setdefault((kind, value), r.id)
            if other != r.id:
                merges.append(Merge(other, r.id, f"same {kind} ({value})"))
    for a, b, similarity in similar_pairs(pool, cache):
        merges.append(Merge(a, b, f"nearly the same text ({similarity:.0%} shared)"))
    return merges


def group(
    resumes: Sequence[Resume], detached: Iterable[str] = (), cache: ShingleCache | None = None
) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(resume id -> candidate id, candidate id -> reasons of merges beyond the same name).

    Resumes with the same name are one candidate already (their candidate id is the name's);
    merges by contact or text join groups when at most one name is among them. A group's
    candidate id is the named resume's, else the first file's."""
    by_id = {r.id: r for r in resumes}
    parent = {r.id: r.id for r in resumes}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    names: dict[str, set[str]] = {
        r.id: ({r.candidate_id} if r.identity.name else set()) for r in resumes
    }
    alone = set(detached)
    first_by_candidate: dict[str, str] = {}
    for r in resumes:
        if not r.identity.name or r.id in alone:
            continue
        if (other := first_by_candidate.setdefault(r.candidate_id, r.id)) != r.id:
            parent[root(r.id)] = root(other)
    reasons: dict[str, list[str]] = defaultdict(list)
    for merge in find_merges(resumes, detached, cache):
        ra, rb = root(merge.a), root(merge.b)
        if ra == rb:
            continue
        if len(names[ra] | names[rb]) > 1:
            continue  # two people with different names never become one
        parent[rb] = ra
        names[ra] |= names[rb]
        reasons[ra].append(f"{by_id[merge.a].source} and {by_id[merge.b].source}: {merge.reason}")
    members: dict[str, list[Resume]] = defaultdict(list)
    for r in resumes:
        members[root(r.id)].append(r)
    assignment: dict[str, str] = {}
    why: dict[str, list[str]] = {}
    for rid, group_resumes in members.items():
        named = sorted((r for r in group_resumes if r.identity.name), key=lambda r: r.source)
        chosen = (named or sorted(group_resumes, key=lambda r: r.source))[0].candidate_id
        for r in group_resumes:
            assignment[r.id] = chosen
        if reasons.get(rid):
            why[chosen] = reasons[rid]
    return assignment, why
