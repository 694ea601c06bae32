"""Plan -> evidence grouped per candidate.

Keyword search (exact terms: tool names, companies, degrees) and vector search (meaning) are
combined, and results are always grouped per candidate. For "who has X" every candidate in scope
is checked through the term postings, so a match is found however many resumes rank above it.
Whether a candidate matches is decided by the words of their resume (stemmed, with aliases):
vector similarity between a short requirement and a resume chunk does not separate "has it" from
"has something like it" (on the sample set an M.S. holder and a B.S. holder score 0.60 and 0.62 for
"master computer science"), so it ranks open questions and never asserts a match.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from itertools import pairwise

import numpy as np
from pydantic import BaseModel, Field

from assistant import places
from assistant.catalog import Catalog, LineRef
from assistant.embeddings import Embedder
from assistant.fields import FIELDS, FieldReader
from assistant.languages import spoken_terms
from assistant.matching import (
    Calibration,
    Nearness,
    calibration,
    correct_spelling,
    derived_base,
    english_word,
    expand_abbreviation,
    names_nobody_holds,
    nearness,
)
from assistant.models import (
    Degree,
    DegreeRequirement,
    Evidence,
    Fact,
    Gap,
    Location,
    Period,
    Position,
    QueryPlan,
    Resume,
    employment_gaps,
    union_months,
    years_months,
)
from assistant.question import (
    ROLE_STEMS,
    TALK_STEMS,
    degree_text,
    names_employer,
    names_org,
    roles_named,
    years_text,
)
from assistant.related_words import RelatedWords, surface_forms
from assistant.settings import Settings
from assistant.store import ChunkHit, ResumeStore
from assistant.terms import compound_parts, fold_terms, normalize, terms


class CandidateEvidence(BaseModel):
    candidate_id: str
    name: str
    matched: bool = True
    possible: bool = Field(
        False, description="No line states the requirement, but the candidate comes close."
    )
    why: str = Field("", description="Why a possible match is unsure.")
    said: str = Field(
        "", description="A fact said before the quotes ('a gap of 9 months, 2019-06 to 2020-02')."
    )
    evidence: list[Evidence] = Field(default_factory=list)


class Retrieved(BaseModel):
    plan: QueryPlan
    considered: int = Field(description="How many candidates were checked.")
    groups: list[CandidateEvidence] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list, description="Caveats the answer must carry.")
    left_out: int = Field(
        0, description="'Python but not Java': how many met the rest but hold the excluded part."
    )

    @property
    def matched(self) -> list[CandidateEvidence]:
        return [g for g in self.groups if g.matched]

    @property
    def possible(self) -> list[CandidateEvidence]:
        return [g for g in self.groups if g.possible]


# How many lines an "about" answer quotes per section.
_SECTION_LINES: dict[str, int] = {
    "education": 6,
    "skills": 8,
    "languages": 4,
    "certifications": 6,
    "experience": 8,
    "summary": 3,
}
_FALLBACK_TERMS: dict[str, str] = {
    "education": "university college school institute bachelor master phd degree diploma",
    "skills": "skills tools technologies proficient",
    "languages": "english spanish french german mandarin portuguese hindi arabic fluent native",
    "certifications": "certified certification certificate license",
}
_SEARCH_CANDIDATES = 5
_SEARCH_LINES = 2
_MATCH_LINES = 3
_RRF_K = 60  # reciprocal-rank fusion constant; 60 is the customary value
# Chunks read from the vector store to find how near each candidate comes (per candidate in
# scope, and at most): enough that every candidate's closest chunk is among them.
_NEAR_CHUNKS_PER_CANDIDATE = 40
_NEAR_MAX_CHUNKS = 1000  # ~3 ms per 100 in Chroma at 12k chunks
# Closest chunks of a candidate quoted for a possible match (the closest in meaning is not
# always the one that says it: a role line can come before the bullet under it).
_NEAR_CHUNKS_QUOTED = 2
# Closest chunks of a candidate whose mean similarity says how much of the resume reads like the
# requirement (the ``pooled_z`` feature of :func:`assistant.matching.nearness`); 3 was the best
# of 2, 3 and 5 by the calibrated matcher's F1 on the devset's two halves.
_NEAR_CHUNKS_POOLED = 3


def pooled_similarity(closest: Sequence[float], floor: float) -> float:
    """The mean similarity of a candidate's :data:`_NEAR_CHUNKS_POOLED` closest chunks, given
    those among the closest hits (best first); a chunk not among them is at most as close as
    the last hit (``floor``)."""
    kept = list(closest[:_NEAR_CHUNKS_POOLED])
    return sum(kept + [floor] * (_NEAR_CHUNKS_POOLED - len(kept))) / _NEAR_CHUNKS_POOLED


class Retriever:
    def __init__(self, store: ResumeStore, embedder: Embedder, settings: Settings) -> None:
        self.store = store
        self.embedder = embedder
        self.settings = settings
        self.fields = FieldReader(embedder)
        self.related_words = RelatedWords(embedder, settings.cache_path)

    def retrieve(self, plan: QueryPlan, catalog: Catalog) -> Retrieved:
        if plan.kind == "match":
            return self._match(plan, catalog)
        if plan.kind == "about":
            return self._about(plan, catalog)
        return self._search(plan, catalog)

    # -- who has ... ---------------------------------------------------------------------------

    def _match(self, plan: QueryPlan, catalog: Catalog, near_misses: bool = True) -> Retrieved:
        """Who matches the plan's requirement; with ``near_misses``, and when nobody does, who
        comes near it."""
        if (
            plan.place_excluded
            or plan.degree_excluded
            or plan.employers_excluded
            or plan.work_place_excluded
            or (plan.excluded and profiled(plan))
        ):
            return self._leaving_out(plan, catalog)
        if plan.order_by == "notice":
            return self._ranked_by_notice(plan, catalog)
        if plan.fields and (
            plan.min_career_years is not None
            or (not plan.concepts and (plan.min_years is not None or plan.max_years is not None))
        ):
            return self._years_in_fields(plan, catalog)
        if plan.operation == "rank" and plan.aspect in COUNTED and plan.order_by is None:
            # "Which nurses speak at least 2 languages?": those who match the rest, counted.
            matching = self._match(
                plan.model_copy(update={"operation": "who", "aspect": None, "min_count": None}),
                catalog,
            )
            ids = [g.candidate_id for g in matching.groups if g.matched]
            counted = _ranked_by_count(
                plan.model_copy(update={"kind": "about", "candidate_ids": ids}), catalog
            )
            return counted.model_copy(
                update={
                    "plan": plan.model_copy(update={"kind": "about"}),
                    "considered": len(ids),
                    "notes": [
                        *matching.notes,
                        f"Counted among the {len(ids)} who match “{plan.requirement}”.",
                        *counted.notes,
                    ],
                }
            )
        if plan.min_career_years is not None:
            return self._with_career(plan, catalog)
        if plan.fields and plan.operation == "rank":
            # "Who has the most experience in sales?": those in the field, by their roles in it
            return self._ranked_in_fields(plan, catalog)
        if plan.fields:
            return self._in_fields(plan, catalog)
        if profiled(plan):
            from_profiles = _profile_match(plan, catalog)
            if plan.order_by == "graduation":
                return _ranked_by_graduation(plan, catalog, from_profiles)
            if plan.relaxed and plan.concepts and not any(g.matched for g in from_profiles.groups):
                return _profile_match(
                    plan.model_copy(update={"concepts": plan.relaxed, "relaxed": []}), catalog
                )
            return from_profiles
        notes = []
        # "kubernets": a word no resume holds is read as the closest word they do hold.
        spelled = _respelled(plan, catalog)
        if spelled:
            notes.append("Read " + ", ".join(f"“{a}” as “{b}”" for a, b in spelled.items()) + ".")
            plan = plan.model_copy(
                update={
                    "concepts": _respell(plan.concepts, spelled),
                    "excluded": _respell(plan.excluded, spelled),
                }
            )
        if (joined := _joined(plan.concepts, catalog)) != plan.concepts:
            plan = plan.model_copy(update={"concepts": joined})
        if plan.optional_terms:
            verbs = {spelled.get(t, t) for t in plan.optional_terms}
            plan = plan.model_copy(
                update={"optional_terms": _commoner_verbs(plan.concepts, verbs, catalog)}
            )
        pool = set(plan.candidate_ids)
        query_terms = [t for concept in plan.concepts for alt in concept for t in alt]
        scores = catalog.keyword_scores(query_terms)
        # concept index -> {first line position: last line position} of the lines that show it
        per_line = [_concept_lines(c, plan, catalog) for c in plan.concepts]
        # "Reading Franz Kafka" under Interests is no Kafka when other resumes show it at work;
        # a hobby asked about ("Who plays chess?") is met there when nowhere else.
        per_line = [_beyond_pastimes(c, catalog) for c in per_line]
        if _asks_languages(plan):
            # "Who speaks French?": a line that lists the language as spoken, not "classical
            # French technique" or "Mandarin Oriental"; and the lines the profiles read the
            # language from, however written ("Português", "Allemand : B2").
            per_line = [
                {**{p: e for p, e in c.items() if _speaks(catalog, p)}, **_listed(catalog, concept)}
                for c, concept in zip(per_line, plan.concepts, strict=True)
            ]
            if _FLUENT_ASKED.search(plan.question):
                # "Who speaks Spanish fluently?": the languages listed at that level
                per_line = [
                    {p: e for p, e in lines.items() if _fluent_in(catalog, p, concept)}
                    for lines, concept in zip(per_line, plan.concepts, strict=True)
                ]
        if plan.max_years is not None and not plan.concepts:
            return _experience_within(plan, catalog)
        if plan.min_years is not None or plan.max_years is not None:
            # Years stated on a line count with the skill on that same line; for a minimum, the
            # dated roles whose lines show the skill count too, added up.
            low, high = plan.fewest_stated(plan.min_years), plan.max_years
            years = {
                p: p
                for p, n in catalog.stated_years().items()
                if n >= low and (high is None or n <= high)
            }
            stated = [{p: e for p, e in c.items() if p in years} for c in per_line]
            if high is None and per_line:
                dated = _lines_in_roles_lasting(
                    per_line, pool, catalog, plan.fewest_months(plan.min_years)
                )
                per_line = [{**a, **b} for a, b in zip(stated, dated, strict=True)]
                notes.append(
                    "Years of a skill: stated beside it (“8 years of Kafka”), or the dated roles "
                    "whose lines mention it, added up (overlapping roles counted once)."
                )
            else:
                per_line = stated or [years]
                notes.append(
                    "Years are counted where a resume states them (“8 years of experience”); "
                    "the dates of past roles are not added up."
                )
        if plan.min_team is not None:
            # "Led a team of more than 10 engineers": the line that states the team, with the
            # rest of the requirement ("engineers") on it.
            sizes = catalog.team_sizes()
            teams = {p: p for p, n in sizes.items() if n >= plan.min_team}
            on_team_lines = [{p: e for p, e in c.items() if p in teams} for c in per_line]
            if on_team_lines and not _someone_has_all(on_team_lines, pool, catalog):
                # "a team of cooks in a restaurant" against "Run a brigade of 22": no line has
                # the team and the rest, so the team's line and the rest anywhere in the resume.
                per_line = [teams, *per_line]
                notes.append(
                    f"No line states a team with “{_concept_words(plan)}” on it: the candidates "
                    "below state a team on one line and the rest on others."
                )
            else:
                per_line = on_team_lines or [teams]
            # A line that states the size ("Manage 6 Android engineers") is quoted before a
            # title that only implies a team ("Engineering Manager").
            scores = scores.copy()
            sized = [p for p in teams if sizes[p] > 1]
            scores[sized] += float(scores.max(initial=0.0)) + 1.0
            notes.append(
                "Team sizes are read where a line states them (“Manage 14 engineers”, “led a "
                "team of 8”); mentoring, hiring or joining a team does not count."
            )
        if plan.period is not None:
            # "Kafka since 2020": the line must sit under a role whose dates meet the period.
            roles: dict[int, Position] = {}
            for cid in pool:
                roles.update(_dated_roles(catalog, cid))
            per_line = [
                {p: e for p, e in c.items() if p in roles and _in_period(plan.period, roles[p])}
                for c in per_line
            ]
            notes.append(
                f"“{plan.period.text}” is checked against the dates of the role each line is "
                "written under; lines outside a dated role (skills lists, summaries) do not count."
            )
        if plan.aspect in ("education", "certifications", "languages"):
            # "Who studied mechanical engineering?": the degree line is quoted before a headline
            # that says the same words.
            scores = scores.copy()
            top = float(scores.max(initial=0.0)) + 1.0
            for p in {p for lines in per_line for p in lines}:
                if catalog.lines[p].line.section == plan.aspect:
                    scores[p] += top
        # candidate -> the same, per concept
        hits: dict[str, list[dict[int, int]]] = defaultdict(lambda: [{} for _ in per_line])
        for i, lines in enumerate(per_line):
            for pos, end in lines.items():
                cid = catalog.lines[pos].candidate_id
                if cid in pool:
                    hits[cid][i][pos] = end

        # "... but not Java": whoever holds any excluded concept is out.
        excluded = {
            catalog.lines[pos].candidate_id
            for concept in plan.excluded
            for pos in _concept_lines(concept, plan, catalog)
        }
        if excluded:
            notes.append(f"Left out: candidates whose resume mentions {plan.excluded_text}.")
        groups: list[tuple[float, CandidateEvidence]] = []
        left_out = 0
        if not plan.concepts and plan.excluded:
            # "Who has never used Java?": everyone whose resume does not mention it. An absence
            # has no line to quote.
            kept = [cid for cid in plan.candidate_ids if cid not in excluded]
            return Retrieved(
                plan=plan,
                considered=len(pool),
                groups=[_group(catalog, cid, []) for cid in kept],
                notes=notes,
                left_out=len(pool) - len(kept),
            )
        for cid in plan.candidate_ids:
            per_concept = hits.get(cid)
            if cid in excluded:
                left_out += per_concept is not None and all(per_concept)
                continue
            if per_concept is None or not all(per_concept):
                if plan.scope in ("named", "follow_up") and len(plan.candidate_ids) <= 3:
                    # "Does Dana know Go?": a plain no is part of the answer; "Does he speak
                    # Spanish?": no, and the languages the resume lists
                    listed = (
                        [
                            fact_evidence(r, fact, "languages listed")
                            for r in catalog.resumes_of(cid)
                            for fact in r.profile.languages
                        ]
                        if _asks_languages(plan)
                        else []
                    )
                    groups.append((-1.0, _group(catalog, cid, _unique(listed)[:3], matched=False)))
                continue
            chosen = _best_per_concept(per_concept, scores, catalog)
            strength = float(sum(scores[p] + scores[e] for p, e in chosen))
            evidence = [
                _window_evidence(catalog, p, e, scores, plan.requirement) for p, e in chosen
            ]
            groups.append((strength, _group(catalog, cid, evidence)))
        groups.sort(key=lambda item: -item[0])
        found = [g for _, g in groups]
        if plan.as_title:
            found = _titled_first(plan, found, catalog, notes)
        if plan.relaxed and not any(g.matched for g in found):
            # Only its matches are used: who comes near is scored once, below, on the whole
            # requirement (scoring it here too cost a second vector search).
            apart = self._match(
                plan.model_copy(update={"concepts": plan.relaxed, "relaxed": []}),
                catalog,
                near_misses=False,
            )
            if any(g.matched for g in apart.groups):
                apart.notes.insert(
                    0,
                    f"No line states “{plan.requirement}” as a whole: the candidates below show "
                    "what it is for on another line.",
                )
                return apart
        if plan.operation == "rank" and any(g.matched for g in found):
            # Whoever matches, ordered: "Who has used React most recently?" by the latest dated
            # role whose lines show it; "Who has the most Python experience?" by the time their
            # dated roles show it; "Who is the most junior engineer?" by their dated roles.
            matched = plan.model_copy(
                update={
                    "kind": "about",
                    "candidate_ids": [g.candidate_id for g in found if g.matched],
                }
            )
            if plan.order_by == "recency":
                ranked = _ranked_by_recency(matched, per_line, scores, catalog)
            elif not plan.shortest_first:
                ranked = _ranked_by_years_with(matched, per_line, scores, catalog)
            else:
                ranked = _ranked_by_experience(matched, catalog)
            ranked.notes.insert(
                0, f"Ranked: the candidates who match “{plan.requirement}”, of {len(pool)}."
            )
            return ranked
        if near_misses and not any(g.matched for g in found) and offers_near_misses(plan):
            near = [
                g for g in self.possible_matches(plan, catalog) if g.candidate_id not in excluded
            ]
            # "Who was the lead developer of X?" asks for one person: the closest.
            found += near[:1] if plan.description else near
        return Retrieved(
            plan=plan, considered=len(pool), groups=found, notes=notes, left_out=left_out
        )

    def _leaving_out(self, plan: QueryPlan, catalog: Catalog) -> Retrieved:
        """ "Which engineers are not in the US?", "Who worked at Amazon but not AWS?": the
        candidates who live there, or whose resume mentions the excluded part, are taken out
        of the pool first; the rest of the question is answered over who is left."""
        out: set[str] = set()
        notes: list[str] = []
        if plan.place_excluded:
            wanted = _place_query(plan.place_excluded)
            unknown = 0
            for cid in plan.candidate_ids:
                where = [r.profile.location for r in catalog.resumes_of(cid) if r.profile.location]
                if not where:
                    unknown += 1
                elif any(_same_place(wanted, w) for w in where):
                    out.add(cid)
            notes.append(f"Left out: {_people(len(out))} based in {plan.place_excluded}.")
            if unknown:
                notes.append(f"Kept: {_people(unknown)} whose resume says nowhere where they are.")
        if plan.degree_excluded:
            holders = {
                cid
                for cid in plan.candidate_ids
                for resume in catalog.resumes_of(cid)
                for degree in resume.profile.education
                if degree.completed and _degree_fits(plan.degree_excluded, degree, resume)
            }
            out |= holders
            lacked = degree_text(plan.degree_excluded)
            article = "" if lacked.startswith("a ") else "a "
            notes.append(f"Left out: {_people(len(holders))} with {article}{lacked}.")
        if plan.employers_excluded:
            asked = plan.model_copy(update={"employers": plan.employers_excluded, "period": None})
            there = {g.candidate_id for g in _profile_match(asked, catalog).groups if g.matched}
            out |= there
            notes.append(
                f"Left out: {_people(len(there))} who worked at "
                f"{' or '.join(plan.employers_excluded)}."
            )
        if plan.work_place_excluded:
            asked = plan.model_copy(
                update={"work_place": plan.work_place_excluded, "concepts": [], "period": None}
            )
            there = {
                cid
                for cid in plan.candidate_ids
                if any(_worked_in(asked, r, unplaced_any=True) for r in catalog.resumes_of(cid))
            }
            out |= there
            notes.append(
                f"Left out: {_people(len(there))} with a role in {plan.work_place_excluded}, or "
                f"living there with a role that names no place."
            )
        if plan.excluded and profiled(plan):
            held = {
                catalog.lines[pos].candidate_id
                for concept in plan.excluded
                for pos in _concept_lines(concept, plan, catalog)
            }
            out |= held
            notes.append(f"Left out: candidates whose resume mentions {plan.excluded_text}.")
        kept = [c for c in plan.candidate_ids if c not in out]
        rest = plan.model_copy(
            update={
                "candidate_ids": kept,
                "place_excluded": None,
                "degree_excluded": None,
                "employers_excluded": [],
                "work_place_excluded": None,
                "excluded": [] if profiled(plan) else plan.excluded,
            }
        )
        if _asks_more(rest) or rest.fields or rest.min_career_years is not None:
            found = self._match(rest, catalog)
        else:  # nothing else asked: who is left, with where they are or what they studied
            shown, none = (
                (_location_lines, "no place given")
                if plan.place_excluded
                else (_current_lines, "no dated role")
                if plan.employers_excluded or plan.work_place_excluded
                else (_education_lines, "no education section found")
            )
            groups = []
            for c in kept:
                group = _group(catalog, c, shown(catalog, c))
                # an absence has no line to quote: said instead
                groups.append(group if group.evidence else group.model_copy(update={"said": none}))
            found = Retrieved(plan=rest, considered=len(kept), groups=groups)
        return found.model_copy(
            update={
                "plan": plan,
                "considered": len(plan.candidate_ids),
                "notes": [*notes, *found.notes],
                "left_out": found.left_out + len(out & set(plan.candidate_ids)),
            }
        )

    def _ranked_by_notice(self, plan: QueryPlan, catalog: Catalog) -> Retrieved:
        """ "Who has the shortest notice period?", "Which nurses can start soonest?": those who
        match the rest of the question (everyone in scope when nothing else is asked), by the
        notice period their resume states, the shortest first (the longest with
        ``shortest_first`` off). A resume that states none is not guessed at: the note says
        how many."""
        rest = plan.model_copy(update={"order_by": None, "operation": "who"})
        if _asks_more(rest) or rest.fields or rest.min_career_years is not None:
            found = self._match(rest, catalog)
            pool = [g.candidate_id for g in found.groups if g.matched]
            notes = [f"Ordered among the {len(pool)} who match “{plan.requirement}”.", *found.notes]
        else:
            pool, notes = list(plan.candidate_ids), []
        stated: list[tuple[int, CandidateEvidence]] = []
        for cid in pool:
            notices = [(r, r.profile.notice) for r in catalog.resumes_of(cid) if r.profile.notice]
            if notices:
                resume, notice = min(notices, key=lambda rn: rn[1].days)
                said = "immediate" if notice.days == 0 else f"{notice.days} days"
                evidence = [fact_evidence(resume, notice, f"notice: {said}")]
                stated.append((notice.days, _group(catalog, cid, evidence)))
        stated.sort(key=lambda item: item[0], reverse=not plan.shortest_first)
        unstated = len(pool) - len(stated)
        notes.append(
            "Ordered by the notice period each resume states, "
            + ("the shortest first" if plan.shortest_first else "the longest first")
            + (
                f"; {_people(unstated)} {'states' if unstated == 1 else 'state'} none, left out."
                if unstated
                else "."
            )
        )
        return Retrieved(
            plan=plan.model_copy(update={"kind": "about"}),
            considered=len(plan.candidate_ids),
            groups=[g for _, g in stated],
            notes=notes,
        )

    def _with_career(self, plan: QueryPlan, catalog: Catalog) -> Retrieved:
        """ "A Python developer with 5+ years of experience": those whose dated roles span the
        years (or who state them: "8 years of experience"), matched on the rest; each match also
        quotes what dates the career."""
        today = date.today()
        wanted = plan.fewest_months(plan.min_career_years)
        fewest_stated = plan.fewest_stated(plan.min_career_years)
        stated = catalog.stated_years()
        spans: dict[str, list[Evidence]] = {}
        career: dict[str, str] = {}
        for cid in plan.candidate_ids:
            for resume in catalog.resumes_of(cid):
                months = resume.profile.experience_months(today)
                if months is not None and months >= wanted:
                    spans[cid] = _span_evidence_of(resume, months)[:1]
                    career[cid] = f"{years_months(months)} of dated roles"
                    break
            else:
                said = [
                    p
                    for p in catalog.by_candidate.get(cid, [])
                    if stated.get(p, 0) >= fewest_stated
                ]
                if said:
                    spans[cid] = [_line_evidence(catalog.lines[said[0]], 1.0, "years stated")]
                    career[cid] = f"{stated[said[0]]} years stated"
        inner = plan.model_copy(
            update={
                "min_career_years": None,
                "candidate_ids": [c for c in plan.candidate_ids if c in spans],
            }
        )
        if _asks_more(inner) or inner.fields:
            found = self._match(inner, catalog)
        else:  # the career alone
            found = Retrieved(
                plan=inner,
                considered=len(plan.candidate_ids),
                groups=[_group(catalog, cid, []) for cid in inner.candidate_ids],
            )
        groups = [
            g.model_copy(
                update={
                    "evidence": [*g.evidence, *spans[g.candidate_id]],
                    "said": "; ".join(x for x in (g.said, career[g.candidate_id]) if x),
                }
            )
            if g.matched and g.candidate_id in spans
            else g
            for g in found.groups
        ]
        if plan.scope in ("named", "follow_up") and len(plan.candidate_ids) <= 3:
            # "Does Kenji have 10+ years of experience?": a plain no is part of the answer.
            groups += [
                _group(catalog, cid, [], matched=False)
                for cid in plan.candidate_ids
                if cid not in spans
            ]
        note = (
            f"Experience: the span of the dated roles, or the years a resume states; "
            f"{len(spans)} of {len(plan.candidate_ids)} candidates have "
            f"{years_text(plan.min_career_years, None, plan.years_over)}."
        )
        return found.model_copy(
            update={
                "plan": plan,
                "groups": groups,
                "considered": len(plan.candidate_ids),
                "notes": [note, *found.notes],
            }
        )

    def _months_in_fields(
        self, plan: QueryPlan, catalog: Catalog
    ) -> dict[str, tuple[int, list[tuple[Resume, Position]]]]:
        """Candidate -> months of their dated roles whose titles are in the plan's fields
        (overlaps counted once), and those roles; candidates with none are left out."""
        today = date.today()
        roles = {
            cid: [rp for rp in _all_roles(catalog, cid) if rp[1].title]
            for cid in plan.candidate_ids
        }
        kinds = iter(
            self.fields.fields_of([p.title or "" for held in roles.values() for _, p in held])
        )
        out: dict[str, tuple[int, list[tuple[Resume, Position]]]] = {}
        for cid, held in roles.items():
            inside = [(r, p) for r, p in held if next(kinds) in plan.fields]
            spans = [s for _, p in inside if (s := p.span(today)) is not None]
            if spans:
                out[cid] = (union_months(spans), inside)
        return out

    def _ranked_in_fields(self, plan: QueryPlan, catalog: Catalog) -> Retrieved:
        """ "Who has the most experience in sales?": by the time their roles in the field add
        up to, what else the question asks holding too."""
        in_field = self._in_fields(plan, catalog)
        ids = {g.candidate_id for g in in_field.groups if g.matched}
        months = {
            cid: found for cid, found in self._months_in_fields(plan, catalog).items() if cid in ids
        }
        ranked = sorted(months, key=lambda c: months[c][0], reverse=not plan.shortest_first)
        groups = []
        for cid in ranked:
            held, inside = months[cid]
            evidence = [
                fact_evidence(r, p, f"{p.title} ({p.dates_text or 'dated'})") for r, p in inside
            ][:_MATCH_LINES]
            evidence[0] = evidence[0].model_copy(update={"reason": years_months(held)})
            groups.append(_group(catalog, cid, evidence))
        return Retrieved(
            plan=plan.model_copy(update={"kind": "about"}),
            considered=len(ids),
            groups=groups,
            notes=[
                *in_field.notes,
                f"Ranked: the {len(ids)} in the field, by their dated roles in it added up.",
            ],
        )

    def _years_in_fields(self, plan: QueryPlan, catalog: Catalog) -> Retrieved:
        """ "Who has 10+ years in hospitality?", "less than 5 years in healthcare": the dated
        roles whose titles are in the field, added up (overlapping roles counted once); what
        else the question asks must hold too."""
        low = plan.min_career_years if plan.min_career_years is not None else plan.min_years
        high = plan.max_years
        members: dict[str, list[Evidence]] = {}
        for cid, (months, inside) in self._months_in_fields(plan, catalog).items():
            if months < plan.fewest_months(low) or (high is not None and months >= (high + 1) * 12):
                continue
            members[cid] = [
                fact_evidence(r, p, f"{p.title} ({p.dates_text or 'dated'})") for r, p in inside
            ][:_MATCH_LINES]
        note = (
            f"Years in {' or '.join(plan.fields)}: the dated roles whose titles are in the field, "
            "added up (overlapping roles counted once)."
        )
        rest = plan.model_copy(
            update={
                "fields": [],
                "min_career_years": None,
                "min_years": None,
                "max_years": None,
                "candidate_ids": [c for c in plan.candidate_ids if c in members],
            }
        )
        return self._members_meeting(plan, catalog, members, rest, note)

    def _members_meeting(
        self,
        plan: QueryPlan,
        catalog: Catalog,
        members: dict[str, list[Evidence]],
        rest: QueryPlan,
        note: str,
    ) -> Retrieved:
        """The ``members`` (a field's, with the lines that put them there) that also meet
        what ``rest`` asks of them, if it asks more."""
        if not _asks_more(rest):
            groups = [_group(catalog, cid, members[cid]) for cid in rest.candidate_ids]
            return Retrieved(
                plan=plan, considered=len(plan.candidate_ids), groups=groups, notes=[note]
            )
        found = self._match(rest, catalog)
        groups = [
            g.model_copy(update={"evidence": _unique(members[g.candidate_id][:1] + g.evidence)})
            if g.matched
            else g
            for g in found.groups
        ]
        return found.model_copy(
            update={
                "plan": plan,
                "considered": len(plan.candidate_ids),
                "groups": groups,
                "notes": [note, *found.notes],
            }
        )

    def _in_fields(self, plan: QueryPlan, catalog: Catalog) -> Retrieved:
        """ "Which of them work in tech?": the candidates whose titles are in the field, each
        with the title that puts them there; what else the question asks must hold too."""
        members = self.field_titles(plan.fields, plan.candidate_ids, catalog, plan.fields_ever)
        held = "of every role" if plan.fields_ever else "of the roles held now"
        note = (
            f"Field of work ({', '.join(plan.fields)}) read from the titles {held} and the "
            "headline under the name."
        )
        if plan.fields_excluded:
            # "non-technical roles": whose titles are read as some other field; a candidate
            # with no title to read is left out, and the note says how many.
            others = [c for c in plan.candidate_ids if c not in members]
            members = self.field_titles(
                [f for f in FIELDS if f not in plan.fields], others, catalog, plan.fields_ever
            )
            unread = len(others) - len(members)
            note = f"Not in {' or '.join(plan.fields)}: " + note[0].lower() + note[1:]
            if unread:
                verb = "is" if unread == 1 else "are"
                note += f" {_people(unread)} with no title to read {verb} left out."
        inside = plan.model_copy(
            update={
                "fields": [],
                "fields_excluded": False,
                "candidate_ids": [c for c in plan.candidate_ids if c in members],
            }
        )
        return self._members_meeting(plan, catalog, members, inside, note)

    def field_titles(
        self, wanted: list[str], pool: list[str], catalog: Catalog, ever: bool = False
    ) -> dict[str, list[Evidence]]:
        """Candidate -> the title lines that put them in one of the ``wanted`` fields: the
        headline and the roles held now (the latest dated role when none is), or every role
        with ``ever``."""
        titles: dict[str, list[tuple[Resume, Fact, str]]] = {}
        for cid in pool:
            held: list[tuple[Resume, Fact, str]] = []
            for resume in catalog.resumes_of(cid):
                if resume.profile.headline is not None:
                    held.append((resume, resume.profile.headline, resume.profile.headline.value))
            roles = _all_roles(catalog, cid) if ever else current_positions(catalog, cid)
            held += [(r, p, p.title) for r, p in roles if p.title]
            titles[cid] = held
        read = self.fields.fields_of([t for held in titles.values() for _, _, t in held])
        out: dict[str, list[Evidence]] = {}
        at = 0
        for cid, held in titles.items():
            kinds = read[at : at + len(held)]
            at += len(held)
            shown = [
                fact_evidence(resume, fact, kind)
                for (resume, fact, _), kind in zip(held, kinds, strict=True)
                if kind in wanted
            ]
            if shown:
                out[cid] = _unique(shown)[:_MATCH_LINES]
        return out

    def nearness(
        self, plan: QueryPlan, catalog: Catalog, model: Calibration | None = None
    ) -> list[Nearness]:
        """How near every candidate in scope comes to the plan's requirement."""
        query = plan.requirement or plan.question
        query_terms = self._query_terms(plan)
        # "Any Rust devs?" asks for Rust: a line that says "devs" comes no nearer for it
        query_terms = _without_role_nouns(query_terms, plan) or query_terms
        pool = set(plan.candidate_ids)
        similarities: dict[str, float] = {}
        closest: dict[str, list[float]] = defaultdict(list)
        chunk_lines: dict[str, list[list[int]]] = defaultdict(list)
        k = min(
            max(self.settings.semantic_k, _NEAR_CHUNKS_PER_CANDIDATE * len(pool)), _NEAR_MAX_CHUNKS
        )
        hits = self._vector_hits(query, catalog, pool, k)
        names = _names_of(
            query_terms or terms(query, query=True), catalog, _asked_names(plan.question)
        )
        # A certification asked for is not met by one being prepared ("PMP, exam in May").
        certified = "certifications" in plan.soft_terms.values()
        # Hits come best first: a candidate's first hit is their closest chunk.
        for hit in hits:
            if hit.section == "header":
                continue
            cid = catalog.resumes[hit.resume_id].candidate_id
            similarities.setdefault(cid, hit.similarity)
            if len(closest[cid]) < _NEAR_CHUNKS_POOLED:
                closest[cid].append(hit.similarity)
            if len(chunk_lines[cid]) < _NEAR_CHUNKS_QUOTED:
                chunk_lines[cid].append(_hit_positions(hit, catalog))
        if hits and len(hits) >= k:
            # Cut off: whoever has no chunk among the k closest is at most as close as the last.
            floor = hits[-1].similarity
            for cid in pool:
                similarities.setdefault(cid, floor)
        else:
            floor = 0.0
        pooled = {cid: pooled_similarity(closest.get(cid, []), floor) for cid in pool}
        written = surface_forms(query)
        named = _asked_names(plan.question)

        def related(rare: list[str]) -> dict[str, list[tuple[str, float]]]:
            # A name is met as written: "Ruby" is no "gem", whatever their vectors say.
            asked = {t: written[t] for t in rare if t in written and t not in named}
            return self.related_words.related(asked, catalog.postings.__contains__, whole=query)

        return nearness(
            query_terms or terms(query, query=True),
            similarities,
            chunk_lines,
            plan.candidate_ids,
            catalog,
            model or calibration(),
            compound_parts(query),
            # "a Metaflow-like tool", "Airflow or similar": the name is an example to go by,
            # not a requirement, so a name nobody holds does not end the search.
            names_decide=not _AN_EXAMPLE.search(plan.question),
            holds=lambda pos, term: (
                _as_name(catalog, pos, term, names)
                and not (certified and _PENDING.search(catalog.lines[pos].line.text))
                and not _hired_for(catalog, pos, term)
            ),
            names=named,
            related=related,
            as_asked=written,
            pooled=pooled,
        )

    def _nobody_near(self, plan: QueryPlan, catalog: Catalog) -> bool:
        """Whether the requirement names something no resume holds, so nobody comes near."""
        if _AN_EXAMPLE.search(plan.question):
            return False
        query_terms = self._query_terms(plan) or terms(
            plan.requirement or plan.question, query=True
        )
        query_terms = _without_role_nouns(query_terms, plan) or query_terms
        if names_nobody_holds(
            query_terms,
            catalog,
            compound_parts(plan.requirement or plan.question),
            _asked_names(plan.question),
        ):
            return True
        # A name asked for ("Dart", "Elixir") that resumes hold only as another word ("darts
        # league", "elixirs"): nobody holds the name, whatever reads alike.
        names = _names_of(query_terms, catalog, _asked_names(plan.question))
        return any(
            catalog.postings.get(t)
            and not any(_as_name(catalog, pos, t, names) for pos in catalog.postings[t])
            for t in names
        )

    @staticmethod
    def _query_terms(plan: QueryPlan) -> list[str]:
        """The words as asked: not the other nouns a role noun stands for ("dev" for
        "engineer")."""
        written = set(terms(plan.requirement, query=True))
        return [
            t
            for concept in plan.concepts
            for alt in concept
            for t in alt
            if t in written or t not in (*ROLE_STEMS, *TALK_STEMS)
        ]

    def possible_matches(
        self,
        plan: QueryPlan,
        catalog: Catalog,
        limit: int | None = None,
        *,
        others_match: bool = False,
    ) -> list[CandidateEvidence]:
        """The candidates that come near a requirement no line of theirs states word for word,
        with the lines that bring them near (the calibrated model decides who comes near; see
        :class:`assistant.matching.Calibration`). With ``others_match`` (a screening criterion
        some candidates meet), only its threshold: the nearest of the rest is no nearer for
        being the nearest. With ``limit``, the ``limit`` nearest instead, whatever their score
        (a shortlist to judge)."""
        model = calibration()
        out: list[CandidateEvidence] = []
        if limit is None and self._nobody_near(plan, catalog):
            return out  # a name no resume holds: the vector search would not change that
        ranked = self.nearness(plan, catalog, model)
        nearest = ranked[0].probability if ranked and not others_match else 0.0
        for near in ranked:
            if limit is not None and len(out) >= limit:
                break
            if not near.lines:
                continue
            if limit is None and not model.comes_near(near.probability, nearest):
                break
            if (
                limit is None
                and not _AN_EXAMPLE.search(plan.question)  # "OSCP or an equivalent"
                and another_credential(catalog, near, plan.question)
            ):
                continue
            evidence = [
                _span_evidence(catalog, span, near.probability, "possible")
                for span in distinct_spans(catalog, near.lines)[:_MATCH_LINES]
            ]
            group = _group(catalog, near.candidate_id, evidence, matched=False)
            out.append(group.model_copy(update={"possible": True, "why": near.why}))
        return out

    # -- about a candidate ---------------------------------------------------------------------

    def _about(self, plan: QueryPlan, catalog: Catalog) -> Retrieved:
        if plan.operation == "count":
            # The pool itself: who is in it (a count has no line to quote).
            groups = [_group(catalog, cid, []) for cid in plan.candidate_ids]
            return Retrieved(plan=plan, considered=len(plan.candidate_ids), groups=groups)
        if plan.operation == "rank" and plan.aspect in COUNTED:
            return _ranked_by_count(plan, catalog)
        if plan.operation == "rank":
            return _ranked_by_experience(plan, catalog)
        if plan.operation == "compare" and plan.scope == "all" and plan.description:
            return self._compare_described(plan, catalog)
        if plan.scope == "all" and (plan.description or plan.place):
            return self._described(plan, catalog)
        groups = []
        # A named few, or everyone's contact details ("list everyone's emails").
        shown = _CONTACTS_SHOWN if plan.aspect == "contact" else 10
        for cid in plan.candidate_ids[:shown]:
            if plan.operation == "compare":
                topic = _topic_lines(plan, catalog, cid) if plan.concepts else []
                groups.append(_group(catalog, cid, topic + _compared_facts(catalog, cid)))
                continue
            evidence = self._aspect_lines(plan, catalog, cid)
            groups.append(_group(catalog, cid, evidence, matched=bool(evidence)))
        return Retrieved(plan=plan, considered=len(plan.candidate_ids), groups=groups)

    def _aspect_lines(self, plan: QueryPlan, catalog: Catalog, cid: str) -> list[Evidence]:
        if plan.aspect is None:
            evidence = self._scoped_search(plan, catalog, cid)
        elif plan.aspect == "contact":
            evidence = _contact_lines(catalog, cid, plan.contact_fields, plan.question)
        elif plan.aspect == "summary":
            evidence = _overview_lines(catalog, cid)
        elif plan.aspect == "years":
            evidence = _years_lines(catalog, cid)
        elif plan.aspect == "location":
            evidence = _location_lines(catalog, cid)
        elif plan.aspect == "current":
            evidence = _current_lines(catalog, cid)
        elif plan.aspect in ("roles", "first_role", "previous_role"):
            evidence = [fact_evidence(r, p, "role") for r, p in roles_asked(catalog, cid, plan)]
        else:
            evidence = _section_lines(catalog, cid, plan.aspect)
            if plan.aspect == "skills":
                evidence = _programming_lines(catalog, cid) + evidence
        return _unique(evidence)

    def _compare_described(self, plan: QueryPlan, catalog: Catalog) -> Retrieved:
        """ "Compare the two nurses": the candidates who match the words, side by side when
        they are two to six; otherwise who matches, with a note to name the ones to compare."""
        asked = plan.model_copy(
            update={"kind": "match", "operation": "who", "requirement": plan.description}
        )
        found = self._match(asked, catalog)
        ids = [g.candidate_id for g in found.matched]
        if 2 <= len(ids) <= _COMPARED_AT_MOST:
            return self._about(
                plan.model_copy(update={"scope": "named", "candidate_ids": ids, "concepts": []}),
                catalog,
            )
        note = (
            f"{len(ids)} candidates match “{plan.description}”: name two to "
            f"{_COMPARED_AT_MOST} of them to compare them side by side."
        )
        return found.model_copy(update={"plan": asked, "notes": [note, *found.notes]})

    def _described(self, plan: QueryPlan, catalog: Catalog) -> Retrieved:
        """The candidate a description fits best ("the email of the ML platform engineer in
        Berlin"), among those based there when a place is given; then the fact asked."""
        pool = list(plan.candidate_ids)
        notes = []
        if plan.place:
            wanted = _place_query(plan.place)
            there = [
                cid
                for cid in pool
                if any(
                    r.profile.location is not None and _same_place(wanted, r.profile.location)
                    for r in catalog.resumes_of(cid)
                )
            ]
            if not there:
                notes.append(f"Nobody is based in {plan.place}; the closest fit anywhere:")
            pool = there or pool
        chosen: list[tuple[str, list[Evidence]]] = []
        if plan.description and plan.each:
            # "Summarize the nurses": every candidate the words describe, with their lines.
            asked = plan.model_copy(
                update={
                    "kind": "match",
                    "operation": "who",
                    "requirement": plan.description,
                    "candidate_ids": pool,
                }
            )
            found = self._match(asked, catalog)
            chosen = [(g.candidate_id, g.evidence[:1]) for g in found.matched][:_EACH_SHOWN]
            notes += found.notes
            if len(found.matched) > _EACH_SHOWN:
                notes.append(
                    f"{len(found.matched)} candidates match “{plan.description}”; the first "
                    f"{_EACH_SHOWN} are shown."
                )
        if plan.description and not chosen:
            scoped = plan.model_copy(update={"candidate_ids": pool})
            best = self.nearness(scoped, catalog)[0]
            why = [
                _span_evidence(catalog, span, best.probability, "described")
                for span in best.lines[:1]
            ]
            chosen.append((best.candidate_id, why))
        elif not plan.description:
            chosen = [(cid, []) for cid in pool[:10]]
        groups = []
        for cid, why in chosen:
            evidence = _unique(why + self._aspect_lines(plan, catalog, cid))
            groups.append(_group(catalog, cid, evidence, matched=bool(evidence)))
        return Retrieved(plan=plan, considered=len(pool), groups=groups, notes=notes)

    def _scoped_search(self, plan: QueryPlan, catalog: Catalog, cid: str) -> list[Evidence]:
        role = _role_block(catalog, cid, plan.asked())
        if role:
            return role  # "What did she do at Cloudflare?": that role and what is under it
        ranked = self._fused_lines(plan, catalog, {cid})
        return _labelled_evidence(catalog, ranked[:3])

    # -- open questions ------------------------------------------------------------------------

    def _search(self, plan: QueryPlan, catalog: Catalog) -> Retrieved:
        pool = set(plan.candidate_ids)
        per_candidate: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for pos, score in self._fused_lines(plan, catalog, pool):
            per_candidate[catalog.lines[pos].candidate_id].append((pos, score))
        ranked = sorted(
            per_candidate.items(), key=lambda kv: (-sum(s for _, s in kv[1][:2]), kv[0])
        )
        groups = [
            _group(
                catalog,
                cid,
                _labelled_evidence(catalog, lines[:_SEARCH_LINES])
                # "The email of the ML engineer in Berlin": who it is, then their contact lines.
                + (
                    _contact_lines(catalog, cid, plan.contact_fields, plan.question)
                    if plan.aspect == "contact"
                    else []
                ),
            )
            for cid, lines in ranked[:_SEARCH_CANDIDATES]
        ]
        return Retrieved(plan=plan, considered=len(pool), groups=groups)

    def _fused_lines(
        self, plan: QueryPlan, catalog: Catalog, pool: set[str]
    ) -> list[tuple[int, float]]:
        """Lines ranked by reciprocal-rank fusion of BM25 and vector similarity."""
        query = plan.requirement or plan.question
        scores = catalog.keyword_scores(terms(query, query=True))
        allowed = [p for cid in pool for p in catalog.by_candidate.get(cid, [])]
        # Ties go to the earlier catalog line: ``pool`` is a set, so its order is the hash seed's.
        keyword = sorted((p for p in allowed if scores[p] > 0), key=lambda p: (-scores[p], p))[:50]
        fused: dict[int, float] = defaultdict(float)
        for rank, pos in enumerate(keyword):
            fused[pos] += 1.0 / (_RRF_K + rank)
        for rank, hit in enumerate(self._vector_hits(query, catalog, pool)):
            if hit.section == "header" and plan.aspect != "contact":
                continue
            for pos in _hit_positions(hit, catalog)[:2]:
                fused[pos] += 1.0 / (_RRF_K + rank) * (0.5 + hit.similarity)
        return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))

    def _vector_hits(
        self, text: str, catalog: Catalog, pool: set[str], k: int | None = None
    ) -> list[ChunkHit]:
        vector = self.embedder.embed([text])[0]
        if k is None:
            k = self.settings.semantic_k
            if len(pool) < len(catalog.candidates):
                k = min(k * 4, 500)  # filtering happens here, in code, not in Chroma
        out = []
        for hit in self.store.search(vector, k):
            resume = catalog.resumes.get(hit.resume_id)
            # The catalog says whose a resume is (files of one person are joined there, and a
            # rebuilt profile may rename a candidate); the chunk's own stamp may be older.
            if resume is None or resume.candidate_id not in pool:
                continue
            if hit.chunk_id.split(":")[1] != resume.content_hash[:16]:
                continue  # a chunk of an older version whose cleanup has not run
            out.append(hit)
        return out


_AN_EXAMPLE = re.compile(
    r"\w-like\b|\b(?:like|similar(?:\s+to)?|such as|equivalent|comparable|e\.g\.)\b", re.I
)


def _profile_match(plan: QueryPlan, catalog: Catalog) -> Retrieved:
    """Employers and places are facts of the profile: "worked at Target" is a role at Target,
    not the word "target" in a sales line; "based in Washington" is where the candidate lives,
    not a surname or a state agency."""
    wanted_place = _place_query(plan.place) if plan.place else None
    # Words beside a degree must hold too ("data engineers" in "Which data engineers have a
    # PhD?"): candidate -> per concept, the lines that show it.
    # candidate -> per concept, the first window that shows it (quoted beside the fact).
    concept_hits: list[dict[str, tuple[int, int]]] = []
    for concept in plan.concepts:
        first: dict[str, tuple[int, int]] = {}
        for start, end in sorted(_concept_lines(concept, plan, catalog).items()):
            first.setdefault(catalog.lines[start].candidate_id, (start, end))
        concept_hits.append(first)
    groups = []
    for cid in plan.candidate_ids:
        evidence: list[Evidence] = []
        if any(cid not in hits for hits in concept_hits):
            if plan.scope in ("named", "follow_up") and len(plan.candidate_ids) <= 3:
                groups.append(_group(catalog, cid, [], matched=False))
            continue
        said = ""
        if plan.min_gap_months:
            gaps = _gaps(catalog, cid, plan.min_gap_months)
            if plan.gap_between_roles:
                gaps = [(r, g) for r, g in gaps if g.after is not None]
            said = "; ".join(gap.text() for _, gap in gaps)
            for resume, gap in gaps[:2]:
                if gap.stated is not None:
                    evidence.append(fact_evidence(resume, gap.stated, gap.text()))
                evidence.append(fact_evidence(resume, gap.before, gap.text()))
                if gap.after is not None:
                    evidence.append(fact_evidence(resume, gap.after, gap.text()))
        for resume, role in _roles_asked(plan, catalog, cid):
            if _role_as_asked(plan, resume, role):
                evidence.append(fact_evidence(resume, role, plan.requirement))
        # Each fact asked must be met: a degree and a place ("has a master's and lives in the
        # US") are both required, by whichever of the candidate's files shows each.
        met: dict[str, list[Evidence]] = defaultdict(list)
        employers_met: set[str] = set()
        there_now: set[str] = set()  # "former Amazon employees": not those at Amazon now
        for resume in catalog.resumes_of(cid) if not plan.role else []:
            profile = resume.profile
            for degree in profile.education:
                if plan.period is not None and not plan.period.covers(
                    degree.year, degree.year, False
                ):
                    continue
                if plan.school_place and not _school_in(plan.school_place, degree, resume):
                    continue
                # A degree from a school ("a master's in CS from Georgia Tech") is both.
                if (plan.degree or plan.schools) and (
                    (not plan.degree or _degree_fits(plan.degree, degree, resume))
                    and (not plan.schools or _school_fits(plan.schools, degree, resume))
                ):
                    met["degree"].append(fact_evidence(resume, degree, "education"))
            if plan.employers:
                for pos in profile.roles:
                    if not pos.employer or not _in_period(plan.period, pos):
                        continue
                    # The employer, and the line that names it ("Block (formerly Square)").
                    lines = resume.line_range(pos.page, pos.line_start, pos.line_end)
                    own = [ln.text for ln in lines if names_org(pos.employer, ln.text)]
                    text = " ".join([pos.employer, *own])
                    hits = {o for o in plan.employers if names_employer(o, pos.employer, text)}
                    if plan.employers_former and pos.current:
                        there_now |= hits
                        continue
                    if hits - employers_met:
                        employers_met |= hits
                        met["employer"].append(fact_evidence(resume, pos, "employer"))
                        if not plan.employers_all and not plan.employers_former:
                            break
            if (
                wanted_place is not None
                and profile.location is not None
                and _same_place(wanted_place, profile.location, plan.place_near)
            ):
                met["place"].append(fact_evidence(resume, profile.location, "location"))
            if plan.work_place:
                met["work"] += _worked_in(plan, resume)
            notice = profile.notice
            if (
                plan.max_notice_days is not None
                and notice is not None
                and notice.days <= plan.max_notice_days
            ):
                met["notice"].append(fact_evidence(resume, notice, "notice period"))
        if plan.employers_all and employers_met != set(plan.employers):
            met.pop("employer", None)  # "worked at Spotify and Klarna": at each of them
        if plan.employers_former and employers_met and employers_met <= there_now:
            met.pop("employer", None)  # left and came back: there now
        asked = {
            kind
            for kind, on in (
                ("degree", plan.degree or plan.schools),
                ("employer", plan.employers),
                ("place", wanted_place is not None),
                ("work", plan.work_place),
                ("notice", plan.max_notice_days is not None),
            )
            if on
        }
        if not plan.role and all(met.get(kind) for kind in asked):
            evidence += [
                e for kind in ("employer", "degree", "work", "place", "notice") for e in met[kind]
            ]
        if evidence:
            shown = [
                _span_evidence(catalog, hits[cid], 1.0, plan.requirement) for hits in concept_hits
            ]
            kept = _unique(evidence)[: max(1, _MATCH_LINES - len(shown))]
            group = _group(catalog, cid, _unique(kept + shown))
            groups.append(group.model_copy(update={"said": said}) if said else group)
        elif plan.scope in ("named", "follow_up") and len(plan.candidate_ids) <= 3:
            groups.append(_group(catalog, cid, [], matched=False))
    notes = []
    if plan.max_notice_days is not None:
        unstated = sum(
            1
            for cid in plan.candidate_ids
            if not any(r.profile.notice for r in catalog.resumes_of(cid))
        )
        if unstated:
            notes.append(
                f"No notice period stated by {unstated} of the {len(plan.candidate_ids)} "
                "candidates; ask them."
            )
    if plan.min_gap_months or plan.role == "ended":
        notes.append(
            "Time between or after jobs has many reasons (study, caregiving, health, a move); "
            "some places bar turning applicants down for being out of work. The dates are for "
            "reading the timeline, and a question to ask, not a reason to screen anyone out."
        )
    return Retrieved(plan=plan, considered=len(plan.candidate_ids), groups=groups, notes=notes)


def _titled_first(
    plan: QueryPlan, found: list[CandidateEvidence], catalog: Catalog, notes: list[str]
) -> list[CandidateEvidence]:
    """ "Which candidates are teachers?": those whose role titles or headline hold the words
    match; when some do, whoever only mentions them elsewhere ("sold to accounting firms") is
    named in a note instead of being listed."""
    alternatives = [set(alt) for concept in plan.concepts for alt in concept]

    def titled(cid: str) -> bool:
        # What they are is what they do now and did just before: the roles held today (else
        # the latest), the one before them ("Head of Chemistry" after "Teacher of Science") and
        # the headline; not a title held roles ago ("Documentation Engineer, 2017 - 2018" of a
        # technical writer).
        now = current_positions(catalog, cid)
        held = {id(p) for _, p in now}
        titles = [p.title or "" for _, p in now]
        for resume, _ in now[:1]:
            earlier = [
                (p.start.ordinal(), p.title or "")
                for p in resume.profile.roles
                if id(p) not in held and p.start is not None
            ]
            if earlier:
                titles.append(max(earlier)[1])
        titles += [r.profile.headline.value for r in catalog.resumes_of(cid) if r.profile.headline]
        if not now:
            titles += [p.title or "" for r in catalog.resumes_of(cid) for p in r.profile.roles]
        return any(any(alt <= set(terms(t)) for alt in alternatives) for t in titles)

    matched = [g for g in found if g.matched]
    kept = [g for g in matched if titled(g.candidate_id)]
    if not kept or len(kept) == len(matched):
        return found
    others = [g.name for g in matched if g not in kept]
    notes.append(
        f"Listed: the candidates with “{plan.requirement}” in the title of the role they hold "
        "now or held before it, or in their headline. "
        f"Mentioned elsewhere in the resumes of {', '.join(others)}."
    )
    return kept + [g for g in found if not g.matched]


def _worked_in(plan: QueryPlan, resume: Resume, unplaced_any: bool = False) -> list[Evidence]:
    """The roles of a resume in the place a plan asks about ("worked in India"), as the role's
    own lines say ("Ola — Android Developer · Bengaluru"); a role held now whose lines name no
    place is where the candidate lives (with ``unplaced_any``, any role that names none: to
    leave out whoever may have worked there)."""
    asked = plan.work_place or ""
    wanted = _place_query(asked)
    said = f"worked in {asked}"
    found: list[Evidence] = []
    for pos in resume.profile.roles:
        if pos.is_break or not _in_period(plan.period, pos):
            continue
        lines = resume.line_range(pos.page, pos.line_start, pos.line_end)
        text = " ".join([pos.employer or "", *(ln.text for ln in lines)])
        named = [p for ln in lines for p in _places_in(ln.text)]  # line by line
        if isinstance(wanted, str):
            there = names_org(wanted, text)
        else:
            there = any(_same_place(wanted, p) for p in named)
        if there:
            found.append(fact_evidence(resume, pos, said))
        elif (
            not named
            and (pos.current or unplaced_any)
            and resume.profile.location is not None
            and _same_place(wanted, resume.profile.location)
        ):
            found.append(fact_evidence(resume, pos, said + " (the role held now, where they live)"))
    return found


def _work_countries(resume: Resume) -> list[Location]:
    """Where the roles of a resume were, one place per role line that names a country ("Ola —
    Android Developer · Bengaluru": India); a role held now that names none is where they live."""
    found: list[Location] = []
    for pos in resume.profile.roles:
        lines = resume.line_range(pos.page, pos.line_start, pos.line_end)
        named = [(ln, p) for ln in lines for p in _places_in(ln.text) if p.country]
        for line, place in named[:1]:
            found.append(
                Location.on(
                    line,
                    text=line.text,
                    city=place.city,
                    region=place.region,
                    country=place.country,
                )
            )
        if not named and pos.current and (home := resume.profile.location) and home.country:
            found.append(home)
    return found


@lru_cache(maxsize=65536)
def _places_in(text: str) -> tuple[places.Place, ...]:
    return tuple(places.in_line(text))


def _all_roles(catalog: Catalog, cid: str) -> list[tuple[Resume, Position]]:
    """Every role of a candidate, over all their files, with the file it is in."""
    return [(r, p) for r in catalog.resumes_of(cid) for p in r.profile.roles]


def _gaps(catalog: Catalog, cid: str, at_least: int) -> list[tuple[Resume, Gap]]:
    """The employment gaps of a candidate, over the dated roles of all their files."""
    # Every entry, breaks included: a break written out says why the gap is there.
    roles = [(r, p) for r in catalog.resumes_of(cid) for p in r.profile.positions]
    owner = {id(pos): resume for resume, pos in roles}
    gaps = employment_gaps([pos for _, pos in roles], date.today(), at_least)
    return [(owner.get(id(gap.before), roles[0][0]), gap) for gap in gaps]


def _roles_asked(plan: QueryPlan, catalog: Catalog, cid: str) -> list[tuple[Resume, Position]]:
    """The role a question is about: the earliest dated one over all the candidate's files
    (``first``), or the ones held now (``current``); none when the plan asks of any role."""
    held_now = [(r, p) for r, p in current_positions(catalog, cid) if p.current]
    if plan.role in ("current", "current_employer"):
        out: list[tuple[Resume, Position]] = []
        seen: set[tuple[str, str]] = set()
        for resume, pos in held_now:
            if plan.role == "current_employer" and pos.employer:
                # The time at the employer starts with the first role there, and lasts to now.
                there = [
                    p
                    for p in resume.profile.roles
                    if p.start is not None and _bare(p.employer or "") == _bare(pos.employer)
                ]
                first = min(there, key=lambda p: p.start.ordinal() if p.start else 0, default=pos)
                pos = first.model_copy(update={"current": True, "end": None})
            key = (_bare(pos.employer or ""), _bare(pos.title or ""))
            if key not in seen:  # the same role in two files of one person: once
                seen.add(key)
                out.append((resume, pos))
        return out
    if (
        plan.role == "held"
        and plan.employers
        and (plan.min_years is not None or plan.max_years is not None)
    ):
        # "worked at Amazon for more than 3 years": the time at each employer, its roles
        # joined from the first start to the last end.
        return _stays(_all_roles(catalog, cid))
    if plan.role in ("started", "held"):
        return _all_roles(catalog, cid)  # any role: the period or length decides
    if plan.role == "returned":
        return _returned_to(_all_roles(catalog, cid))
    if plan.role == "promoted":
        employers = (
            {_bare(p.employer or "") for _, p in held_now}
            if plan.period is not None and plan.period.current
            else None
        )
        return _promoted_at(_all_roles(catalog, cid), employers)
    if plan.role not in ("first", "ended") or (plan.role == "ended" and held_now):
        return []
    today = date.today()
    dated = [(span, r, p) for r, p in _all_roles(catalog, cid) if (span := p.span(today))]
    if not dated:
        return []
    if plan.role == "ended":  # the role that ended last
        _, resume, pos = max(dated, key=lambda item: item[0][1])
    else:  # the role that began first
        _, resume, pos = min(dated, key=lambda item: item[0][0])
    return [(resume, pos)]


def _returned_to(roles: list[tuple[Resume, Position]]) -> list[tuple[Resume, Position]]:
    """The roles at an employer someone left for another and came back to (two stints with
    a role elsewhere between them)."""
    dated = sorted(
        ((r, p) for r, p in roles if p.start is not None and p.employer),
        key=lambda rp: rp[1].start.ordinal() if rp[1].start else 0,
    )
    out: list[tuple[Resume, Position]] = []
    for i, (_, first) in enumerate(dated):
        here = _bare(first.employer or "")
        later = [j for j in range(i + 1, len(dated)) if _bare(dated[j][1].employer or "") == here]
        between = (
            any(_bare(dated[k][1].employer or "") != here for k in range(i + 1, later[0]))
            if later
            else False
        )
        if between:
            out += [dated[i], dated[later[0]]]
    return _unique_roles(out)


def _promoted_at(
    roles: list[tuple[Resume, Position]], employers: set[str] | None
) -> list[tuple[Resume, Position]]:
    """The roles at an employer where someone held two titles one after the other, with no
    role elsewhere between them (at the ``employers`` given, when given)."""
    dated = sorted(
        ((r, p) for r, p in roles if p.employer and p.title and p.start is not None),
        key=lambda rp: rp[1].start.ordinal() if rp[1].start else 0,
    )
    out: list[tuple[Resume, Position]] = []
    for (r1, p1), (r2, p2) in pairwise(dated):
        here = _bare(p1.employer or "")
        if (
            here == _bare(p2.employer or "")
            and _bare(p1.title or "") != _bare(p2.title or "")
            and (employers is None or here in employers)
        ):
            out += [(r1, p1), (r2, p2)]
    return _unique_roles(out)


def _unique_roles(roles: list[tuple[Resume, Position]]) -> list[tuple[Resume, Position]]:
    seen: set[tuple[str, int, int | None]] = set()
    out = []
    for r, p in roles:
        key = (r.id, p.line_start, p.page)
        if key not in seen:
            seen.add(key)
            out.append((r, p))
    return out


def _stays(roles: list[tuple[Resume, Position]]) -> list[tuple[Resume, Position]]:
    """The roles at one employer (in one file) joined into one, from the first start to the
    last end; a role without an employer or a start stays as it is."""
    joined: dict[tuple[str, str], tuple[Resume, Position]] = {}
    out: list[tuple[Resume, Position]] = []
    for resume, role in roles:
        if not role.employer or role.start is None:
            out.append((resume, role))
            continue
        key = (resume.id, _bare(role.employer))
        if key not in joined:
            joined[key] = (resume, role)
            continue
        first = joined[key][1]
        start = min(first.start, role.start, key=lambda d: d.ordinal()) if first.start else None
        ends = [p for p in (first, role)]
        current = any(p.current for p in ends)
        end = (
            None
            if current
            else max((p.end for p in ends if p.end), key=lambda d: d.ordinal(True), default=None)
        )
        joined[key] = (
            resume,
            first.model_copy(update={"start": start, "end": end, "current": current}),
        )
    return out + list(joined.values())


def _role_as_asked(plan: QueryPlan, resume: Resume, role: Position) -> bool:
    """ "Started their career before 2010", "joined their current employer in 2021": the role
    began in the period; "first job at Stripe": it was at one of the employers; "at their
    current company for 5+ years": it has lasted that long."""
    if plan.period is not None and plan.role == "held":
        if role.start is None or not _in_period(plan.period, role):
            return False  # "was working in 2015": any part of the role in the period
    elif plan.period is not None:
        # when it began; for a role that ended ("left their last job in 2024"), when it ended
        when = role.end if plan.role == "ended" else role.start
        if when is None:
            return False
        year = when.year
        if (plan.period.first is not None and year < plan.period.first) or (
            plan.period.last is not None and year > plan.period.last
        ):
            return False
    if plan.min_years is not None or plan.max_years is not None:
        months = role.months(date.today())
        high = plan.max_years if plan.max_years is not None else 99
        if months is None or not plan.fewest_months(plan.min_years) <= months < (high + 1) * 12:
            return False
    if plan.employers:
        lines = resume.line_range(role.page, role.line_start, role.line_end)
        text = " ".join([role.employer or "", *(ln.text for ln in lines)])
        return any(names_employer(org, role.employer, text) for org in plan.employers)
    return True


def _in_period(period: Period | None, position: Position) -> bool:
    if period is None:
        return True
    return period.covers(
        position.start.year if position.start else None,
        position.end.year if position.end else None,
        position.current,
    )


def _lines_in_roles_lasting(
    per_line: list[dict[int, int]], pool: set[str], catalog: Catalog, months: int
) -> list[dict[int, int]]:
    """Per concept, the lines (of candidates in ``pool``) written under dated roles that,
    added up, last at least ``months``: "5+ years of Kafka" from the roles that mention it."""
    today = date.today()
    out: list[dict[int, int]] = [{} for _ in per_line]
    candidates = {catalog.lines[p].candidate_id for c in per_line for p in c} & pool
    for cid in sorted(candidates):
        roles = _dated_roles(catalog, cid)
        for i, lines in enumerate(per_line):
            held = {p: e for p, e in lines.items() if p in roles}
            spans = [s for p in held if (s := roles[p].span(today)) is not None]
            if spans and union_months(spans) >= months:
                out[i].update(held)
    return out


def _dated_roles(catalog: Catalog, cid: str) -> dict[int, Position]:
    """Line position -> the role it is written under: from a role's first line up to the next
    role or the end of its section (so "Built Kafka pipelines" under "Stripe, 2019-2021" is
    dated 2019-2021)."""
    out: dict[int, Position] = {}
    for resume in catalog.resumes_of(cid):
        roles = sorted(
            (p for p in resume.profile.roles),
            key=lambda p: (p.page or 0, p.line_start),
        )
        for i, role in enumerate(roles):
            first = catalog.position(resume.id, role.page, role.line_start)
            if first is None:
                continue
            nxt = roles[i + 1] if i + 1 < len(roles) else None
            stop = (
                catalog.position(resume.id, nxt.page, nxt.line_start) if nxt is not None else None
            )
            section = catalog.lines[first].line.section
            pos = first
            while (
                pos < len(catalog.lines)
                and (stop is None or pos < stop)
                and catalog.lines[pos].resume.id == resume.id
                and catalog.lines[pos].line.section == section
                and not (pos > first and catalog.lines[pos].line.heading)
            ):
                out[pos] = role
                pos += 1
    return out


def _fact_text(resume: Resume, fact: Fact) -> str:
    return " ".join(ln.text for ln in resume.line_range(fact.page, fact.line_start, fact.line_end))


def _bare(text: str) -> str:
    return re.sub(r"[^a-z]", "", places.fold(text))


def _degree_fits(wanted: DegreeRequirement, degree: Degree, resume: Resume) -> bool:
    if not degree.completed:
        return False
    named = bool(wanted.names) and (
        _bare(degree.degree) in {_bare(n) for n in wanted.names}
        # "Master of Business Administration (MBA)", read as "Master of": the line names it
        or (
            degree.degree.lower().endswith((" of", " in"))
            and any(
                re.search(rf"(?<!\w){re.escape(n)}(?!\w)", _fact_text(resume, degree), re.I)
                for n in wanted.names
                if len(n) > 2
            )
        )
    )
    if wanted.names and not wanted.levels and not named:
        return False  # "an MBA": that degree by name
    if wanted.levels and not named and degree.level not in wanted.levels:
        return False  # "a master's", or "a master's or an MBA": the level, or the name
    if wanted.field:
        asked = _FIELD_SHORT.get(" ".join(wanted.field.lower().split()), wanted.field)
        held = set(terms(" ".join([degree.field or "", degree.degree, _fact_text(resume, degree)])))
        if all(t in held for t in terms(asked, query=True)):
            return True
        # "B.Com", "B.Pharm", "M.Ed": the degree's own letters begin the field asked
        # ("commerce", "pharmacy", "education").
        if (subject := _SUBJECT_IN_DEGREE.fullmatch(degree.degree.strip())) and not degree.field:
            first = asked.lower().split()[0] if asked.split() else ""
            if first.startswith(subject.group(1).lower()):
                return True
        # Another name of the field counts when it is the whole field: "M.Sc. Informatik", not
        # "Nursing Informatics".
        field = terms(degree.field or "", query=True)
        return any(field == terms(name, query=True) for name in _field_names(asked)[1:])
    return True


_SUBJECT_IN_DEGREE = re.compile(r"[BM]\.?\s?([A-Z][a-z]{1,5})\.?")

# A field of study as recruiters shorten it: "a master's in CS".
_FIELD_SHORT = {
    "cs": "computer science",
    "comp sci": "computer science",
    "compsci": "computer science",
    "ee": "electrical engineering",
    "ece": "electrical and computer engineering",
    "econ": "economics",
    "poli sci": "political science",
    "polisci": "political science",
    "psych": "psychology",
    "bio": "biology",
    "chem": "chemistry",
    "math": "mathematics",
    "maths": "mathematics",
    "stats": "statistics",
    "mech e": "mechanical engineering",
}


# Other names of a field of study, as European and Latin American degrees write it
# ("M.Sc. Informatik", "Ingeniería Informática").
_FIELD_NAMES = {
    "computer science": (
        "informatics",
        "informatik",
        "informatique",
        "informatica",
        "computing science",
    ),
}


def _field_names(field: str) -> list[str]:
    key = " ".join(terms(field, query=True))
    for name, others in _FIELD_NAMES.items():
        if " ".join(terms(name, query=True)) == key:
            return [field, *others]
    return [field]


_SCHOOL_STOP = {"the", "of", "at", "an", "a", "and", "de", "university", "college"}


_NAMED_SCHOOL = re.compile(r"\b(?:universit\w*|college|institute|school|academy)\b", re.I)


def _school_fits(schools: list[str], degree: Degree, resume: Resume) -> bool:
    aliases = {_bare(a) for a in degree.school_aliases}
    text = places.fold(_fact_text(resume, degree) + " " + (degree.school or ""))
    for school in schools:
        if _bare(school) in aliases:
            return True
        phrase = " ".join(re.findall(r"\w+", places.fold(school))).removeprefix("the ")
        flat = " ".join(re.findall(r"\w+", text))
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", flat):
            return True
        if _NAMED_SCHOOL.search(school) and len(phrase.split()) >= 2:
            # "the University of Michigan" is that name, not "Michigan State University"; the
            # name in another language is the same name ("Universidade de Lisboa")
            if degree.school and _school_key(school) in _school_key(degree.school):
                return True
            continue
        words = [w for w in re.findall(r"\w+", places.fold(school)) if w not in _SCHOOL_STOP]
        if words and all(_school_word_in(w, text) for w in words):
            return True
    return False


# "University" and "of" in the languages schools are named in: the words that differ when a
# school's name is translated word for word ("Universidade de Lisboa", "University of Lisbon").
_UNIVERSITY = re.compile(r"universi\w*|uniwersytet|univerzit\w*")
_OF = frozenset({"de", "di", "da", "do", "du", "der", "des", "del", "della", "van", "von"})


def _school_key(name: str) -> str:
    """A school's name with "university", "of" and its city in one language each."""
    words = re.findall(r"\w+", places.fold(name))
    out = []
    for word in words:
        if _UNIVERSITY.fullmatch(word):
            out.append("university")
        elif word in _OF:
            out.append("of")
        else:
            out.append(places.city_key(word) or word if len(word) > 3 else word)
    return " " + " ".join(out).removeprefix("the ") + " "


_SHORT_FORM = 4  # the longest word read as the initials of the school's words ("TU", "IIT")


def _school_word_in(word: str, text: str) -> bool:
    """Whether a word of a school's name as asked stands in the school's line: as written, as
    another name of the same city ("Munich" for "München", "Lisbon" for "Lisboa"), or as the
    initials of words in a row ("TU" for "Technische Universität")."""
    if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text):
        return True
    if any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) for name in places.city_names(word)):
        return True
    if 2 <= len(word) <= _SHORT_FORM and word.isalpha():
        written = [w for w in re.findall(r"\w+", text) if w not in _SCHOOL_STOP]
        starts = "".join(w[0] for w in written)
        return word in starts and any(
            "".join(w[0] for w in written[i : i + len(word)]) == word
            for i in range(len(written) - len(word) + 1)
        )
    return False


# The rows of a side-by-side comparison, in order (the evidence ``reason`` names the row).
COMPARED = ("current role", "first dated role", "highest degree", "spoken languages", "skills")


TOPIC = "topic"  # the reason of the lines that show what a comparison is about


def _topic_lines(plan: QueryPlan, catalog: Catalog, cid: str) -> list[Evidence]:
    """ "Compare Dana and Omar on Kafka": the candidate's best lines that show every concept
    of the topic (none when the resume does not mention it)."""
    own = set(catalog.by_candidate.get(cid, []))
    per_concept = [
        {p: e for p, e in _concept_lines(c, plan, catalog).items() if p in own}
        for c in plan.concepts
    ]
    if not all(per_concept):
        return []
    scores = catalog.keyword_scores([t for c in plan.concepts for alt in c for t in alt])
    chosen = _best_per_concept(per_concept, scores, catalog)[:2]
    return [_window_evidence(catalog, p, e, scores, TOPIC) for p, e in chosen]


def _compared_facts(catalog: Catalog, cid: str) -> list[Evidence]:
    """One cited fact per row of :data:`COMPARED`, from the candidate's profile."""
    out: list[Evidence] = []
    for resume in catalog.resumes_of(cid)[:1] or []:
        profile = resume.profile
        current = profile.current_positions()
        if current:
            out.append(fact_evidence(resume, current[0], COMPARED[0]))
        dated = [p for p in profile.roles if p.start is not None]
        if dated:
            first = min(dated, key=lambda p: p.start.ordinal() if p.start else 0)
            out.append(fact_evidence(resume, first, COMPARED[1]))
        degree = profile.highest_degree()
        if degree is not None:
            out.append(fact_evidence(resume, degree, COMPARED[2]))
        for language in profile.languages[:1]:
            out.append(fact_evidence(resume, language, COMPARED[3]))
    skills = _programming_lines(catalog, cid) or _section_lines(catalog, cid, "skills", limit=1)
    out += [ev.model_copy(update={"reason": COMPARED[4]}) for ev in skills[:1]]
    return out


def _span_evidence_of(resume: Resume, months: int) -> list[Evidence]:
    """The earliest dated role (labelled with the span of all of them) and the current one."""
    dated = [p for p in resume.profile.roles if p.start is not None]
    first = min(dated, key=lambda p: p.start.ordinal() if p.start else 0)
    evidence = [fact_evidence(resume, first, f"{years_months(months)}")]
    evidence += [
        fact_evidence(resume, p, "current role")
        for p in resume.profile.current_positions()[:1]
        if p is not first
    ]
    return evidence


def _experience_within(plan: QueryPlan, catalog: Catalog) -> Retrieved:
    """ "Less than 5 years of experience": the span of the candidate's dated roles, since a
    stated "3 years of Kubernetes" says nothing of a whole career. Candidates without dated
    roles are left out, and the answer says so."""
    today = date.today()
    low, high = (
        plan.fewest_months(plan.min_years),
        plan.max_years if plan.max_years is not None else 99,
    )
    groups: list[tuple[int, CandidateEvidence]] = []
    undated = 0
    for cid in plan.candidate_ids:
        spans = [
            (months, resume)
            for resume in catalog.resumes_of(cid)
            if (months := resume.profile.experience_months(today)) is not None
        ]
        if not spans:
            undated += 1
            continue
        months, resume = max(spans, key=lambda item: (item[0], item[1].source))
        if low <= months < (high + 1) * 12:
            groups.append((months, _group(catalog, cid, _span_evidence_of(resume, months))))
    groups.sort(key=lambda item: (item[0], item[1].name))
    notes = ["Experience is the span of the dated roles, gaps included."]
    if undated:
        notes.append(f"{undated} candidates have no dated roles and are not counted.")
    return Retrieved(
        plan=plan, considered=len(plan.candidate_ids), groups=[g for _, g in groups], notes=notes
    )


# What a "the most ..." ranking counts, by the aspect it asks about.
COUNTED = {
    "languages": "spoken languages",
    "skills": "programming languages",
    "certifications": "certifications",
    "education": "degrees",
    "experience": "employers",
    "location": "countries worked in",
}


def _counted_facts(resume: Resume, aspect: str) -> Sequence[Fact]:
    profile = resume.profile
    if aspect == "location":
        return _work_countries(resume)
    if aspect == "languages":
        return profile.languages
    if aspect == "skills":
        return profile.programming_languages
    if aspect == "certifications":
        return profile.certifications
    if aspect == "experience":
        return [p for p in profile.roles if p.employer]
    done = [d for d in profile.education if d.completed]
    # "a data scientist with a Ph.D. in statistics" in the summary is the Ph.D. the education
    # section lists: a mention with no school or year is no degree of its own when one of the
    # same level is listed with them.
    return [
        d
        for d in done
        if d.school or d.year or not any(o.level == d.level and (o.school or o.year) for o in done)
    ]


def _ranked_by_count(plan: QueryPlan, catalog: Catalog) -> Retrieved:
    """Candidates ordered by how many spoken languages (certifications, degrees, programming
    languages) their profiles hold, the same one in two files counted once; those with none
    stated come last."""
    what = COUNTED[plan.aspect or ""]
    ranked: list[tuple[int, CandidateEvidence]] = []
    for cid in plan.candidate_ids:
        seen: dict[str, Evidence] = {}
        for resume in catalog.resumes_of(cid):
            for fact in _counted_facts(resume, plan.aspect or ""):
                named = (
                    getattr(fact, "country", None)
                    or getattr(fact, "language", None)
                    or getattr(fact, "value", None)
                    or getattr(fact, "employer", None)  # two roles at one employer: one
                )
                key = _bare(named or _fact_text(resume, fact))
                seen.setdefault(key, fact_evidence(resume, fact, plan.aspect or ""))
        count = len(seen)
        # Several languages often share a line: each line is quoted once.
        evidence = _unique(list(seen.values()))[:3]
        if evidence:
            said = f"{count} {what if count > 1 else what[:-1]}"
            evidence[0] = evidence[0].model_copy(update={"reason": said})
        ranked.append((count, _group(catalog, cid, evidence, matched=bool(evidence))))
    counted = sorted((r for r in ranked if r[0]), key=lambda r: r[0], reverse=True)
    if plan.shortest_first:
        counted.reverse()
    notes = [f"Counted from the profiles: each of the {what} a resume lists, once per person."]
    if plan.min_count is not None:
        # "Three or more companies": only those who reach the number, most first.
        groups = [g for n, g in counted if n >= plan.min_count]
        return Retrieved(plan=plan, considered=len(plan.candidate_ids), groups=groups, notes=notes)
    groups = [g for _, g in counted] + [g for n, g in ranked if not n]
    return Retrieved(plan=plan, considered=len(plan.candidate_ids), groups=groups, notes=notes)


def _ranked_by_graduation(plan: QueryPlan, catalog: Catalog, found: Retrieved) -> Retrieved:
    """Whoever holds the degree asked for, ordered by the year of their latest such degree,
    most recent first (by their earliest, earliest first, when the plan asks for the earliest
    graduate); a degree with no year comes last."""
    wanted = plan.degree or DegreeRequirement()
    dated: list[tuple[int, CandidateEvidence]] = []
    undated: list[CandidateEvidence] = []
    for group in found.groups:
        if not group.matched:
            continue
        held = [
            (d.year, resume, d)
            for resume in catalog.resumes_of(group.candidate_id)
            for d in resume.profile.education
            if d.completed and d.year is not None and _degree_fits(wanted, d, resume)
        ]
        if not held:
            undated.append(group.model_copy(update={"evidence": []}))
            continue
        year, resume, degree = (min if plan.shortest_first else max)(held, key=lambda h: h[0])
        evidence = [fact_evidence(resume, degree, f"graduated {year}")]
        dated.append((year, _group(catalog, group.candidate_id, evidence)))
    dated.sort(key=lambda item: item[0], reverse=not plan.shortest_first)
    notes = [
        "Ordered by the year of "
        + ("their earliest degree" if plan.shortest_first else "their latest degree")
        + " that fits; a degree with no year comes last."
    ]
    return Retrieved(
        plan=plan.model_copy(update={"kind": "about"}),
        considered=found.considered,
        groups=[g for _, g in dated] + undated,
        notes=notes,
        left_out=found.left_out,
    )


def _ranked_by_recency(
    plan: QueryPlan,
    per_line: list[dict[int, int]],
    scores: np.ndarray,
    catalog: Catalog,
) -> Retrieved:
    """Candidates who match, ordered by the latest dated role whose lines show the requirement
    (one held now first); those whose lines sit under no dated role (a skills list) come last,
    as their lines give no date."""
    today = date.today()
    windows = {p: e for concept in per_line for p, e in concept.items()}
    dated: list[tuple[int, CandidateEvidence]] = []
    undated: list[CandidateEvidence] = []
    for cid in plan.candidate_ids:
        roles = _dated_roles(catalog, cid)
        mine = sorted(p for p in windows if catalog.lines[p].candidate_id == cid)
        ends = {p: span[1] for p in mine if p in roles and (span := roles[p].span(today))}
        if not ends:
            evidence = [
                _window_evidence(catalog, p, windows[p], scores, "in no dated role")
                for p in mine[:_MATCH_LINES]
            ]
            undated.append(_group(catalog, cid, evidence))
            continue
        shown = sorted(ends, key=lambda p: (-ends[p], p))[:_MATCH_LINES]
        role = roles[shown[0]]
        said = (
            "in the role held now"
            if role.current or role.end is None
            else f"in a role that ended {role.end}"
        )
        said += f" ({role.title or role.employer or 'a role'}"
        said += f" at {role.employer})" if role.title and role.employer else ")"
        evidence = [_window_evidence(catalog, p, windows[p], scores, said) for p in shown]
        dated.append((ends[shown[0]], _group(catalog, cid, evidence)))
    dated.sort(key=lambda item: -item[0])
    notes = [
        f"Ordered by the latest dated role whose lines mention “{plan.requirement}”; lines in "
        "a skills list carry no date and come last."
    ]
    return Retrieved(
        plan=plan,
        considered=len(plan.candidate_ids),
        groups=[g for _, g in dated] + undated,
        notes=notes,
    )


def _ranked_by_years_with(
    plan: QueryPlan,
    per_line: list[dict[int, int]],
    scores: np.ndarray,
    catalog: Catalog,
) -> Retrieved:
    """Candidates who match, ordered by how long they have done it: the dated roles whose lines
    show the requirement, added up (overlaps once), or the years a line states beside it
    ("8 years of Python"), whichever is more. Those whose lines sit under no dated role (a
    skills list) come last, by the span of all their roles."""
    today = date.today()
    stated = catalog.stated_years()
    windows = {p: e for concept in per_line for p, e in concept.items()}
    ranked: list[tuple[int, int, CandidateEvidence]] = []
    for cid in plan.candidate_ids:
        roles = _dated_roles(catalog, cid)
        mine = sorted(p for p in windows if catalog.lines[p].candidate_id == cid)
        spans = {p: s for p in mine if p in roles and (s := roles[p].span(today)) is not None}
        months = max(
            union_months(list(spans.values())),
            max((stated.get(p, 0) * 12 for p in mine), default=0),
        )
        # The lines that show it: those under the longest roles first.
        shown = sorted(mine, key=lambda p: (-(spans[p][1] - spans[p][0]) if p in spans else 0, p))
        label = f"{years_months(months)}" if months else "in no dated role"
        evidence = [
            _window_evidence(catalog, p, windows[p], scores, label) for p in shown[:_MATCH_LINES]
        ]
        whole = max(
            (m for r in catalog.resumes_of(cid) if (m := r.profile.experience_months(today))),
            default=0,
        )
        ranked.append((months, whole, _group(catalog, cid, evidence)))
    ranked.sort(key=lambda item: (-item[0], -item[1]))
    notes = [
        f"Time with “{plan.requirement}”: the dated roles whose lines mention it, added up "
        "(overlapping roles counted once), or the years a line states beside it."
    ]
    return Retrieved(
        plan=plan, considered=len(plan.candidate_ids), groups=[g for _, _, g in ranked], notes=notes
    )


def _ranked_by_experience(plan: QueryPlan, catalog: Catalog) -> Retrieved:
    """Candidates ordered by the span of their dated roles, longest first (shortest first when
    the plan asks for the most junior), each with the earliest dated role and the current one as
    evidence; those without dates come last."""
    today = date.today()
    ranked: list[tuple[int, CandidateEvidence]] = []
    for cid in plan.candidate_ids:
        best: tuple[int, list[Evidence]] = (-1, [])
        if plan.role == "held":
            # "the longest tenure at one company": each employer's roles added up (overlaps
            # once), the longest of them.
            at: dict[str, list[tuple[Resume, Position]]] = {}
            for resume, role in _all_roles(catalog, cid):
                if role.employer and role.span(today) is not None:
                    at.setdefault(_bare(role.employer), []).append((resume, role))
            for roles in at.values():
                stay = union_months([s for _, r in roles if (s := r.span(today)) is not None])
                if stay > best[0]:
                    said = f"{years_months(stay)} at {roles[0][1].employer}"
                    # the roles of one file: a second file of the person repeats them
                    shown = [(r, p) for r, p in roles if r is roles[0][0]][:2]
                    best = (stay, [fact_evidence(r, p, said) for r, p in shown])
        elif plan.role in ("current", "current_employer"):
            # "at their current company the longest": the time in the role held now (at the
            # employer, from the first role there).
            for resume, role in _roles_asked(plan, catalog, cid):
                months = role.months(today)
                if months is not None and months > best[0]:
                    best = (months, [fact_evidence(resume, role, years_months(months))])
        else:
            for resume in catalog.resumes_of(cid):
                months = resume.profile.experience_months(today)
                if months is None or months <= best[0]:
                    continue
                best = (months, _span_evidence_of(resume, months))
        ranked.append((best[0], _group(catalog, cid, best[1], matched=bool(best[1]))))
    dated = sorted((r for r in ranked if r[0] >= 0), key=lambda item: -item[0])
    if plan.shortest_first:
        dated.reverse()
    ranked = dated + [r for r in ranked if r[0] < 0]
    notes = (
        ["Time in the role held now, from its start date; a role with no date comes last."]
        if plan.role in ("current", "current_employer")
        else [
            "Time at one employer: its dated roles added up (overlapping roles counted once); "
            "the employer where each candidate stayed longest."
        ]
        if plan.role == "held"
        else ["Experience is the span of the dated roles, gaps included."]
    )
    return Retrieved(
        plan=plan, considered=len(plan.candidate_ids), groups=[g for _, g in ranked], notes=notes
    )


_ROLE_LINES = 5  # lines quoted under a role line


def _role_block(catalog: Catalog, cid: str, question: str) -> list[Evidence]:
    """The role line of the candidate's position at an employer the question names, and the
    lines under it up to the next role (empty when the question names none of their
    employers)."""
    named = roles_named(catalog, cid, question)
    for resume in catalog.resumes_of(cid):
        # Where every entry starts, breaks too: a role's lines end where the next entry begins.
        starts = {(p.page, p.line_start) for p in resume.profile.positions}
        for position in resume.profile.roles:
            if (resume, position) not in named or not position.employer:
                continue
            first = catalog.position(resume.id, position.page, position.line_start)
            if first is None:
                continue
            end = catalog.position(resume.id, position.page, position.line_end) or first
            evidence = [_span_evidence(catalog, (first, end), 1.0, position.employer)]
            last = end
            while (
                (pos := last + 1) < len(catalog.lines)
                and pos - end <= _ROLE_LINES
                and catalog.lines[pos].resume.id == resume.id
                and catalog.lines[pos].line.page == catalog.lines[end].line.page
                and catalog.lines[pos].line.section == catalog.lines[first].line.section
                and not catalog.lines[pos].line.heading
                and (catalog.lines[pos].line.page, catalog.lines[pos].line.number) not in starts
            ):
                last = pos
            if last > end:  # what is under the role, as one quote
                evidence.append(_span_evidence(catalog, (end + 1, last), 1.0, position.employer))
            return evidence
    return []


def _place_query(text: str) -> places.Place | str:
    """The place a question names: parsed when it can be ("Texas", "Dublin, Ireland"), else
    its words ("Washington, D.C.")."""
    if (region := places.region(text)) is not None:
        return places.Place(region=region[0], country=region[1])
    if (continent := places.continent(text)) is not None:
        return places.Place(continent=continent[0])
    return places.parse(text) or text


def _school_in(asked: str, degree: Degree, resume: Resume) -> bool:
    """Whether the school of a degree is in the place asked about, as its name and line say
    ("University of Edinburgh" is in the UK); the subject studied is left out of the reading."""
    text = _fact_text(resume, degree)
    if degree.field:
        text = text.replace(degree.field, " ")
    text = f"{degree.school or ''} {text}"
    wanted = _place_query(asked)
    if isinstance(wanted, str):
        return names_org(wanted, text)
    return any(_same_place(wanted, found) for found in places.mentioned(text))


NEAR_REACH = 2.0  # "near Sydney": twice the reach of the city's own parts


def _same_place(
    wanted: places.Place | str, where: Location | places.Place, near: bool = False
) -> bool:
    if isinstance(wanted, str):
        return isinstance(where, Location) and places.fold(wanted) == places.fold(where.text)
    if wanted.continent:
        if (states := places.state_group(wanted.continent)) is not None:
            # "west coast ppl": the states of that part of the US
            return where.region is not None and any(
                places.fold(where.region) == places.fold(s) for s in states
            )
        return where.country is not None and places.in_area(where.country, wanted.continent)
    pairs = [(wanted.city, where.city), (wanted.region, where.region)]
    if wanted.country and not (wanted.city or wanted.region):
        pairs.append((wanted.country, where.country))
    given = [(a, b) for a, b in pairs if a]
    return bool(given) and all(
        b is not None
        and (
            places.same_city(_AREA.sub("", a), _AREA.sub("", b))
            # "based in New York City": Brooklyn is a part of it
            or (
                a == wanted.city
                and places.part_of(b, _AREA.sub("", a), NEAR_REACH if near else 1.0)
            )
        )
        for a, b in given
    )


_AREA = re.compile(r"\s+(?:bay\s+)?area$", re.IGNORECASE)


def fact_evidence(resume: Resume, fact: Fact, reason: str) -> Evidence:
    return Evidence(
        candidate_id=resume.candidate_id,
        resume_id=resume.id,
        page=fact.page,
        line_start=fact.line_start,
        line_end=fact.line_end,
        score=1.0,
        reason=reason,
    )


def windows_showing(plan: QueryPlan, catalog: Catalog) -> dict[str, list[Evidence]]:
    """Per candidate in the plan's scope, every window of lines that shows one of the plan's
    concepts, unranked (a match answer quotes only the best few; screening asks whether any of
    them is more than a skills list)."""
    pool = set(plan.candidate_ids)
    out: dict[str, list[Evidence]] = defaultdict(list)
    for concept in plan.concepts:
        for pos, end in sorted(_concept_lines(concept, plan, catalog).items()):
            cid = catalog.lines[pos].candidate_id
            if cid in pool:
                out[cid].append(_span_evidence(catalog, (pos, end), 1.0, plan.requirement))
    return dict(out)


def _concept_lines(
    concept: list[tuple[str, ...]], plan: QueryPlan, catalog: Catalog
) -> dict[int, int]:
    """Line position -> last position of the evidence (the same line, or the next one when a
    requirement wraps onto it) for every line that satisfies one of the alternatives."""
    soft = plan.soft_terms
    asked = _asked_names(plan.question)
    found: dict[int, int] = {}
    for alternative in concept:
        hard = [t for t in alternative if t not in soft]
        # "run A/B tests": "Design and read out A/B tests" shows it; the verb may be another.
        # A candidate whose line holds the verb too is quoted from that line.
        loose = [t for t in hard if t not in plan.optional_terms]
        if loose and len(loose) < len(hard):
            full = _windows_with(hard, catalog, asked)
            whose = {catalog.lines[p].candidate_id for p in full}
            windows = {
                **{
                    p: e
                    for p, e in _windows_with(loose, catalog, asked).items()
                    if catalog.lines[p].candidate_id not in whose
                },
                **full,
            }
        else:
            windows = _windows_with(hard, catalog, asked)
        needs = [t for t in alternative if t in soft]
        if not hard:
            # Only soft words ("certifications"): every content line of that section.
            for p, ref in enumerate(catalog.lines):
                if not ref.line.heading and any(
                    ref.line.section == soft[t] or t in catalog.line_terms[p] for t in needs
                ):
                    found.setdefault(p, p)
            continue
        for pos, end in windows.items():
            ref = catalog.lines[pos]
            if ref.line.section == "languages" and set(alternative) & set(TALK_STEMS):
                continue  # "Turkish (heritage speaker)" speaks a language, gave no talk
            held = catalog.line_terms[pos] | catalog.line_terms[end]
            if any(soft[t] == "certifications" for t in needs) and _PENDING.search(ref.line.text):
                continue  # "PMP (exam scheduled for May)" is no certification held yet
            if all(
                t in held or ref.line.section == soft[t] or _heading_holds(catalog, pos, t)
                for t in needs
            ):
                found[pos] = min(found.get(pos, end), end)
    for pos, end in found.items():
        if end == pos and catalog.lines[pos].line.heading:
            found[pos] = _first_under(catalog, pos)
    return found


_HEADING_REACH = 80  # most lines looked back for the heading a line sits under


def _heading_holds(catalog: Catalog, pos: int, term: str) -> bool:
    """Whether the heading a line sits under holds ``term``: a section named for two things
    ("Education & certificates") is labelled as the first, and its lines are the second's too."""
    resume_id = catalog.lines[pos].resume.id
    for back in range(pos - 1, max(pos - _HEADING_REACH, -1), -1):
        ref = catalog.lines[back]
        if ref.resume.id != resume_id:
            return False
        if ref.line.heading:
            return term in catalog.line_terms[back]
    return False


def another_credential(catalog: Catalog, near: Nearness, question: str) -> bool:
    """Whether what brings a candidate near is a line of their certifications that misses a
    name the question writes: another credential ("Lean Six Sigma Yellow Belt" for "a Six Sigma
    Green Belt", "AAT Level 4 Diploma" for "a qualified ACCA accountant"), never the one asked
    for. A word the question does not write as a name ("an active Texas RN license") may be
    missing."""
    if near.features.get("coverage", 0.0) <= 0 or not near.lines:
        return False
    pos = near.lines[0][0]
    if catalog.lines[pos].line.section != "certifications" and not any(
        _heading_holds(catalog, pos, t) for t in _CREDENTIAL_STEMS
    ):
        return False
    # Two letters ("RN") may stand for words the line spells out ("Registered Nurse"): only
    # longer names are told missing.
    names = {normalize(w) for w in _A_NAME_WRITTEN.findall(question) if len(w) > 2}
    # held as the matcher reads it, on this line or the next
    return any(
        t not in catalog.line_terms[pos] and not {pos, pos - 1} & set(_windows_with([t], catalog))
        for t in names
    )


_CREDENTIAL_STEMS = ("certif", "cert", "licens", "qualif")
# A word written as a name: capitalised where no sentence starts ("Green", "ACCA").
_A_NAME_WRITTEN = re.compile(r"(?<=[\w,] )[A-Z][\w+&-]*")


# A certification not held yet: "PMP (in progress)", "CFA Level II candidate", "PMP coursework
# (exam not yet taken)", "en preparación".
_PENDING = re.compile(
    r"\b(?:in progress|pursuing|preparing|in preparation|studying for|expected|scheduled|"
    r"working towards?|studying towards?|"
    r"planned|ongoing|candidate|not yet|coursework|registered for|enrolled in|exam window|"
    r"en preparaci[oó]n|en curso|em andamento|"
    r"en cours|in vorbereitung)\b",
    re.IGNORECASE,
)


# Words that say a language is spoken, and how well: "French (B1)", "fluent in Spanish".
_SPOKEN = re.compile(
    r"\b(?:fluent|fluency|native|bilingual|trilingual|conversational|proficien\w*|speak\w*|"
    r"spoken|mother tongue|working knowledge|basic|intermediate|advanced|elementary|"
    r"limited|professional|[ABC][12])\b",
    re.IGNORECASE,
)


def _beyond_pastimes(lines: dict[int, int], catalog: Catalog) -> dict[int, int]:
    """The lines of a concept outside interests sections, when there are any; else all."""
    kept = {p: e for p, e in lines.items() if catalog.lines[p].line.section != "interests"}
    return kept or lines


_FLUENT_ASKED = re.compile(r"\b(?:fluent(?:ly)?|native(?:ly)?|bilingual|mother tongue)\b", re.I)
_FLUENT_LEVEL = re.compile(
    r"\b(?:fluent|fluency|native|bilingual|mother tongue|first language|full professional|"
    r"[C][12])\b",
    re.IGNORECASE,
)


def _listed(catalog: Catalog, concept: list[tuple[str, ...]]) -> dict[int, int]:
    """The lines of the profiles' spoken languages that are the concept's language."""
    spoken = catalog.spoken_lines()
    return {pos: pos for alt in concept for t in alt for pos in spoken.get(t, [])}


def _fluent_in(catalog: Catalog, pos: int, concept: list[tuple[str, ...]]) -> bool:
    """Whether the line lists a language of the concept at a fluent or native level."""
    ref = catalog.lines[pos]
    wanted = {t for alt in concept for t in alt}
    return any(
        fact.page == ref.line.page
        and fact.line_start <= ref.line.number <= fact.line_end
        and set(terms(fact.language, query=True)) & wanted
        and bool(_FLUENT_LEVEL.search(fact.level or ""))
        for fact in ref.resume.profile.languages
    )


# The people a requirement is about, as typed ("Rust devs", "Kotlin developers"), not a field
# ("platform engineering", "web development").
_ROLE_NOUN = re.compile(r"\b(?:devs?|developers?|engineers?|programmers?|coders?)\b", re.I)


def _without_role_nouns(query_terms: list[str], plan: QueryPlan) -> list[str]:
    """The terms, once each, less those of the role nouns the requirement types: what is
    asked of them."""
    roles = {t for m in _ROLE_NOUN.finditer(plan.requirement) for t in terms(m.group(0))}
    return list(dict.fromkeys(t for t in query_terms if t not in roles))


def offers_near_misses(plan: QueryPlan) -> bool:
    """Whether candidates who come near a requirement no line states are offered as possible
    matches. Not for a named candidate (the answer is yes or no), nor where coming near means
    nothing: a number asked is a bound no "near" answer meets ("managed people", a team of 1+,
    is not); a spoken language is listed or not ("Mandarin Oriental" comes near no Mandarin);
    and so is a credential: a registered nurse is no nurse practitioner, and a line that says
    "pilot" and "licence" is no pilot's licence."""
    if plan.scope == "named":
        return False
    example = bool(_AN_EXAMPLE.search(plan.question))
    return not (
        plan.min_years is not None
        or plan.max_years is not None
        or (plan.min_team is not None and plan.min_team > 1)
        or plan.period
        or (_asks_languages(plan) and not example)
        # "Is she licensed to practise in Quebec?" of one candidate: her nearest lines are
        # the answer to read
        or (asks_credential(plan) and not example and len(plan.candidate_ids) > 1)
    )


def asks_credential(plan: QueryPlan) -> bool:
    """Whether a plan asks for a certification or licence ("a certified PMP", "a licensed
    plumber", "a CFA charterholder")."""
    return plan.aspect == "certifications" or "certifications" in plan.soft_terms.values()


def _asks_languages(plan: QueryPlan) -> bool:
    """Whether a plan asks who speaks languages: each requirement names one ("Who speaks
    French?"; not "What about Kafka?" after it)."""
    names = spoken_terms()
    return (
        plan.aspect == "languages"
        and bool(plan.concepts)
        and all(any(t in names for t in alt) for c in plan.concepts for alt in c)
    )


def _speaks(catalog: Catalog, pos: int) -> bool:
    """Whether a line says its candidate speaks a language: a line of a languages section, one
    the profile read spoken languages from, or one that says how well."""
    ref = catalog.lines[pos]
    if ref.line.section == "languages" or _SPOKEN.search(ref.line.text):
        return True
    return any(
        fact.page == ref.line.page and fact.line_start <= ref.line.number <= fact.line_end
        for fact in ref.resume.profile.languages
    )


def _first_under(catalog: Catalog, pos: int) -> int:
    """A heading that names what was asked ("Talks", "Volunteering") is quoted with the first
    entry under it, which shows what the heading only names; ``pos`` itself when none follows
    on the same page."""
    if pos + 1 < len(catalog.lines):
        a, b = catalog.lines[pos], catalog.lines[pos + 1]
        if (
            a.resume.id == b.resume.id
            and a.line.page == b.line.page
            and not b.line.heading
            and b.line.number - a.line.number <= 2  # a blank line between at most
        ):
            return pos + 1
    return pos


def _continues(catalog: Catalog, pos: int) -> bool:
    """Whether the next indexed line continues the one at ``pos``: the very next line of the
    same resume, section and page."""
    if pos + 1 >= len(catalog.lines):
        return False
    a, b = catalog.lines[pos], catalog.lines[pos + 1]
    return (
        a.resume.id == b.resume.id
        and a.line.section == b.line.section
        and a.line.page == b.line.page
        and b.line.number == a.line.number + 1  # never across a blank or a flagged line
        and not b.line.heading
    )


@lru_cache(maxsize=256)
def _asked_names(question: str) -> dict[str, str]:
    """Search term -> word, for the words a question writes as names: capitalised where no
    sentence starts ("anyone with Elixir experience?", "who knows Dart?")."""
    out: dict[str, str] = {}
    for m in re.finditer(r"(?<=[\w,] )[A-Z][a-z][A-Za-z]*", question):
        out[normalize(m.group(0))] = m.group(0).lower()
    return out


def _windows_with(
    hard: list[str], catalog: Catalog, asked: dict[str, str] | None = None
) -> dict[int, int]:
    """Start -> end position of one- or two-line windows that hold the terms.

    A window must hold every term, within a few words of each other on one line; with three or
    more terms it may span a wrapped line and miss one term, provided the terms it holds carry
    at least 3/4 of the rarity (IDF) weight, so "build iOS apps in Swift" meets "I lead the iOS
    side of the patient app, written in Swift".
    """
    n_lines = max(len(catalog.lines), 1)
    weight = {t: float(np.log((n_lines + 1) / (catalog.document_frequency(t) + 0.5))) for t in hard}
    total = sum(weight.values())
    need = len(hard) if len(hard) <= 2 else len(hard) - 1
    starts: set[int] = set()
    for t in hard:
        for pos in catalog.postings.get(t, []):
            starts.add(pos)
            if pos > 0 and _continues(catalog, pos - 1):
                starts.add(pos - 1)
    out: dict[int, int] = {}
    for pos in starts:
        # Only longer requirements may wrap onto the next line; two words belong together.
        for end in (pos, pos + 1) if len(hard) >= 3 else (pos,):
            if end != pos and not _continues(catalog, pos):
                break
            if end == pos and pos in catalog.items and len(hard) > 1:
                # In a list ("English (native), Spanish (basic)") one item must hold the terms.
                held = max(([t for t in hard if t in item] for item in catalog.items[pos]), key=len)
            else:
                held_terms = catalog.line_terms[pos] | catalog.line_terms[end]
                held = [t for t in hard if t in held_terms]
                if end == pos and not _close_together(held, catalog.line_tokens[pos]):
                    continue
            if len(held) >= need and sum(weight[t] for t in held) >= 0.75 * total - 1e-9:
                out[pos] = end
                break
    # A window whose first line alone holds nothing is reported from its second line already.
    out = {p: e for p, e in out.items() if any(t in catalog.line_terms[p] for t in hard)}
    names = _names_of(hard, catalog, asked or {})
    return {
        p: e
        for p, e in out.items()
        if all(
            t not in (catalog.line_terms[p] | catalog.line_terms[e])
            or any(_as_name(catalog, q, t, names) for q in {p, e})
            for t in names
        )
        and not any(_hired_for(catalog, q, t) for q in {p, e} for t in hard)
    }


# "hire backend (Java, Go) and SRE/Kubernetes talent", "Recruited React developers": what a
# recruiter hires for, not what they know. The words from the hiring verb to the people hired.
_HIRING = re.compile(
    r"\b(?:hir(?:e|ed|es|ing)|recruit(?:ed|s|ing|ers?)?|sourc(?:e|ed|es|ing)|staffed|staffing)"
    r"\b(?P<object>[^.;]{0,160}?)\b(?:talent|engineers?|developers?|devs|candidates?|roles?|"
    r"positions?|hires|profiles?|specialists?|experts?|professionals?|openings?|reqs?)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z0-9][\w+#./-]*")


@lru_cache(maxsize=1 << 16)
def _hiring_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span("object") for m in _HIRING.finditer(text))


def _hired_for(catalog: Catalog, pos: int, term: str) -> bool:
    """Whether every mention of ``term`` in line ``pos`` is among the people someone hires for
    ("hire backend (Java, Go) talent"): the line shows a recruiter's work, not the skill."""
    if term not in catalog.line_terms[pos]:
        return False
    text = catalog.lines[pos].line.text
    spans = _hiring_spans(text)
    if not spans:
        return False
    at = [m.start() for m in _WORD.finditer(text) if term in terms(m.group(0))]
    return bool(at) and all(any(a <= i < b for a, b in spans) for i in at)


_Names = dict[str, tuple[str, bool, bool]]


def _names_of(hard: Sequence[str], catalog: Catalog, asked: dict[str, str]) -> _Names:
    """The terms that are names: the word, whether its case tells the name from the plain
    word, and whether only that word is the name. A name that is also a word ("React",
    "Swift", "Dart") is met where it is written as the name, not as the word ("reacted", "a
    swift turnaround", "darts league"): the resumes' own way of writing it decides, else the
    question's, which only tells the name from its plural ("Elixir" is no "elixirs") and says
    nothing of case (people type "Python" and write "python scripts", or "Management" of
    resumes that say "managed")."""
    out: _Names = {}
    for t in hard:
        name = catalog.name_form(t)
        if name is not None:
            out[t] = (name, english_word(t), True)
        elif t in asked and catalog.writes_as_name(t, asked[t]):
            # the resumes write the very word asked as a name, and other words of its stem
            # plainly: only that word is meant ("Relativity", not "relations")
            out[t] = (asked[t], english_word(t), True)
        elif t in asked:
            out[t] = (asked[t], False, False)
    return out


def _as_name(catalog: Catalog, pos: int, term: str, names: _Names) -> bool:
    """Whether line ``pos`` holds ``term`` as it is meant (see :func:`_names_of`)."""
    if term not in names:
        return term in catalog.line_terms[pos]
    return term in catalog.line_terms[pos] and catalog.written_as_name(pos, term, *names[term])


_NEAR = 3  # words allowed between the terms of one requirement in a line


def _close_together(held: list[str], tokens: list[str]) -> bool:
    """Whether the terms occur within a few words of each other: "data engineering" in
    "Senior Data Engineer", not in "engineering, data and ML teams at startups"."""
    if len(held) < 2:
        return True
    at = [[i for i, tok in enumerate(tokens) if tok == term] for term in held]
    limit = len(held) - 1 + _NEAR
    if held[-1] in ROLE_STEMS:
        # A job title reads in order: "Senior Data Platform Engineer" is a data engineer,
        # "hiring for engineering, data and ML teams" is not.
        return any(all(any(0 < i - j <= limit for j in o) for o in at[:-1]) for i in at[-1])
    return any(
        max(abs(i - j) for j in (min(o, key=lambda k: abs(k - i)) for o in at)) <= limit
        for i in at[0]
    )


def _commoner_verbs(
    concepts: list[list[tuple[str, ...]]], verbs: set[str], catalog: Catalog
) -> list[str]:
    """The leading verbs a line may lack: those at least twice as common across the resumes as
    the rarest other word of their alternative ("run" in "run A/B tests", where the test
    decides, whatever verb a resume uses). A verb about as rare as what it acts on ("taught
    Python") stays required."""
    out: set[str] = set()
    for concept in concepts:
        for alt in concept:
            rest = [catalog.candidate_frequency(t) for t in alt if t not in verbs]
            rarest = min((f for f in rest if f > 0), default=0)
            out |= {
                t
                for t in alt
                if t in verbs and rarest and catalog.candidate_frequency(t) >= 2 * rarest
            }
    return sorted(out)


def _respelled(plan: QueryPlan, catalog: Catalog) -> dict[str, str]:
    """Query terms no resume holds -> the closest term that some resume does hold: a
    misspelling's nearest word, or the word a short abbreviation begins ("pen testing")."""
    out: dict[str, str] = {}
    # The words as typed, by their search form: a slip is checked on what was written.
    typed: dict[str, str] = {}
    asked = _asked_names(plan.question)
    for word in f"{plan.requirement} {plan.excluded_text}".split():
        for t in terms(word, query=True):
            typed.setdefault(t, word.strip("()[],.;:?!\"'"))
    for concept in [*plan.concepts, *plan.excluded]:
        for alternative in concept:
            for term in alternative:
                if term in out or term in plan.soft_terms or catalog.document_frequency(term):
                    continue
                if term not in typed and term in (*ROLE_STEMS, *TALK_STEMS):
                    continue  # another way to say what was typed, which no resume uses
                fixed = derived_base(term, catalog)
                if fixed == term:
                    fixed = correct_spelling(term, catalog, typed.get(term), term in asked)
                if fixed == term:
                    beside = [t for t in alternative if t != term]
                    fixed = expand_abbreviation(term, beside, catalog)
                if fixed != term:
                    out[term] = fixed
    return out


def _joined(concepts: list[list[tuple[str, ...]]], catalog: Catalog) -> list[list[tuple[str, ...]]]:
    """Two words of a requirement that the resumes write as one ("ML ops" and "MLOps", "data
    base" and "database") more often than as two words on one line also match as that word
    ("set up" stays two words where "setup" is rarer than lines with both). Three or more
    words may stand for their initials in the same way ("natural language processing" and
    "NLP"), when some line holds those words together: a stem keeps its word's first letter,
    and initials met by chance ("SAP" for "Salesforce Apex programmer") are let through only
    where the words themselves are attested."""
    out = []
    for concept in concepts:
        alternatives = list(concept)
        for alt in concept:
            for i in range(len(alt) - 1):
                for size in range(2, min(5, len(alt) - i) + 1):
                    one = _one_word(alt[i : i + size], catalog)
                    if one is not None:
                        wider = (*alt[:i], one, *alt[i + size :])
                        if wider not in alternatives:
                            alternatives.append(wider)
        out.append(alternatives)
    return out


def _one_word(words: tuple[str, ...], catalog: Catalog) -> str | None:
    """The one word the resumes write for ``words`` (see :func:`_joined`), if any."""
    joined = terms(words[0] + words[1]) if len(words) == 2 else ["".join(w[0] for w in words)]
    if len(joined) != 1 or not catalog.document_frequency(joined[0]):
        return None  # checked first: most words have no such form, and the sets below cost
    together = set(catalog.postings.get(words[0], ()))
    for w in words[1:]:
        together &= set(catalog.postings.get(w, ()))
    if len(words) == 2:
        return joined[0] if catalog.document_frequency(joined[0]) > len(together) else None
    # Initials count where some resume holds the words together and another line the initials.
    if together and set(catalog.postings[joined[0]]) - together:
        return joined[0]
    return None


def _respell(
    concepts: list[list[tuple[str, ...]]], spelled: dict[str, str]
) -> list[list[tuple[str, ...]]]:
    return [
        [fold_terms(tuple(spelled.get(t, t) for t in alt)) for alt in concept]
        for concept in concepts
    ]


def _best_per_concept(
    per_concept: list[dict[int, int]], scores: np.ndarray, catalog: Catalog
) -> list[tuple[int, int]]:
    """Per concept, the best-scoring window, then the best one in the summary or header (how
    the candidates describe themselves) if another, else the next best. A line that only lists
    names ("Go, Python, SQL" under any heading) comes after one that shows the skill in use
    ("Rewrote the ledger service in Go"), whatever their scores: a short list outscores a
    sentence on the word alone, and says less. A header's list ("iOS Engineer / Tokyo") is
    how the candidates describe themselves, and keeps its place."""
    chosen: list[tuple[int, int]] = []
    for windows in per_concept:
        ranked = sorted(
            windows.items(),
            key=lambda pe: (
                pe[0] in catalog.items
                and catalog.lines[pe[0]].line.section not in ("header", "summary"),
                -scores[pe[0]] - scores[pe[1]],
                pe[0],
            ),
        )
        seconds = [w for w in ranked[1:] if not _overlaps(w, ranked[0])]
        described = [
            w for w in seconds if catalog.lines[w[0]].line.section in ("summary", "header")
        ]
        for window in ranked[:1] + (described[:1] or seconds[:1]):
            if not any(_overlaps(window, c) for c in chosen):
                chosen.append(window)
    return chosen[:_MATCH_LINES]


def _people(n: int) -> str:
    return f"{n} candidate{'' if n == 1 else 's'}"


def profiled(plan: QueryPlan) -> bool:
    """Whether a match plan is answered from the profiles (employers, places, degrees, ...)."""
    return bool(
        plan.employers
        or plan.place
        or plan.work_place
        or plan.degree
        or plan.schools
        or plan.role
        or plan.min_gap_months
        or plan.max_notice_days is not None
    )


def _asks_more(plan: QueryPlan) -> bool:
    """Whether a match plan asks for anything besides its fields of work and career length."""
    return bool(
        plan.concepts
        or plan.excluded
        or profiled(plan)
        or plan.period
        or plan.min_years is not None
        or plan.max_years is not None
        or plan.min_team is not None
    )


def _someone_has_all(per_line: list[dict[int, int]], pool: set[str], catalog: Catalog) -> bool:
    """Whether some candidate in ``pool`` has a line for every concept."""
    having = pool
    for lines in per_line:
        having = having & {catalog.lines[p].candidate_id for p in lines}
    return bool(having)


def _concept_words(plan: QueryPlan) -> str:
    """The words of a plan's concepts as asked (the first way of saying each)."""
    return ", ".join(" ".join(concept[0]) for concept in plan.concepts if concept)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two windows (first and last catalog position) share a line."""
    return a[0] <= b[1] and b[0] <= a[1]


def _group(
    catalog: Catalog, cid: str, evidence: list[Evidence], matched: bool = True
) -> CandidateEvidence:
    return CandidateEvidence(
        candidate_id=cid, name=catalog.candidates[cid].name, matched=matched, evidence=evidence
    )


def _line_evidence(ref: LineRef, score: float, reason: str) -> Evidence:
    return Evidence(
        candidate_id=ref.resume.candidate_id,
        resume_id=ref.resume.id,
        page=ref.line.page,
        line_start=ref.line.number,
        line_end=ref.line.number,
        score=score,
        reason=reason,
    )


def _window_evidence(
    catalog: Catalog, pos: int, end: int, scores: np.ndarray, reason: str
) -> Evidence:
    ev = _line_evidence(catalog.lines[pos], float(scores[pos] + scores[end]), reason)
    return ev.model_copy(update={"line_end": catalog.lines[end].line.number})


# A label on a line of its own, its value on the next (a table's cells, one per line): "Notice
# Period" / "90 days".
_LABEL_ALONE = re.compile(r"[A-Za-z][A-Za-z/&'’ -]{1,40}:?")
_LABEL_WORDS = 4
_VALUE_WORDS = 8


def _labelled_evidence(catalog: Catalog, lines: list[tuple[int, float]]) -> list[Evidence]:
    """Evidence of the lines found, a label alone on its line quoted with the value under it
    ("Current CTC" / "21 LPA"); a value already quoted with its label is not quoted again."""
    out: list[Evidence] = []
    covered: set[int] = set()
    for pos, score in lines:
        if pos in covered:
            continue
        ref, end = catalog.lines[pos], pos
        nxt = pos + 1
        if (
            nxt < len(catalog.lines)
            and _LABEL_ALONE.fullmatch(ref.line.text.strip())
            and len(ref.line.text.split()) <= _LABEL_WORDS
            and not ref.line.heading
            and catalog.lines[nxt].resume.id == ref.resume.id
            and catalog.lines[nxt].line.page == ref.line.page
            and not catalog.lines[nxt].line.heading
            and len(catalog.lines[nxt].line.text.split()) <= _VALUE_WORDS
        ):
            end = nxt
        covered.update(range(pos, end + 1))
        out.append(_span_evidence(catalog, (pos, end), score, ""))
    return out


def distinct_spans(catalog: Catalog, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans (catalog positions) without those that say what an earlier one says: two
    resumes of one person (a PDF and its export) often hold the same line, written with other
    marks ("#### Tidewell — Engineer" and "Tidewell — Engineer")."""
    seen: set[str] = set()
    out = []
    for start, end in spans:
        text = " ".join(catalog.lines[p].line.text for p in range(start, end + 1))
        key = " ".join(re.findall(r"\w+", text.casefold()))
        if key not in seen:
            seen.add(key)
            out.append((start, end))
    return out


def _span_evidence(catalog: Catalog, span: tuple[int, int], score: float, reason: str) -> Evidence:
    """Evidence of the lines from ``span[0]`` to ``span[1]`` (catalog positions, one resume)."""
    ev = _line_evidence(catalog.lines[span[0]], score, reason)
    return ev.model_copy(update={"line_end": catalog.lines[span[1]].line.number})


def _hit_positions(hit: ChunkHit, catalog: Catalog) -> list[int]:
    """The content lines of a chunk (headings left out)."""
    positions = []
    for number in range(hit.line_start, hit.line_end + 1):
        pos = catalog.position(hit.resume_id, hit.page, number)
        if pos is not None and not catalog.lines[pos].line.heading:
            positions.append(pos)
    return positions


def _candidate_lines(catalog: Catalog, cid: str) -> list[LineRef]:
    return [catalog.lines[p] for p in catalog.by_candidate.get(cid, [])]


def _dedupe(refs: Iterable[LineRef]) -> list[LineRef]:
    seen: set[str] = set()
    out = []
    for ref in refs:
        key = " ".join(ref.line.text.lower().split())
        if key not in seen:
            seen.add(key)
            out.append(ref)
    return out


def _section_lines(
    catalog: Catalog, cid: str, section: str, limit: int | None = None
) -> list[Evidence]:
    refs = _candidate_lines(catalog, cid)
    chosen = _dedupe(r for r in refs if r.line.section == section and not r.line.heading)
    if not chosen and section in _FALLBACK_TERMS:
        wanted = set(terms(_FALLBACK_TERMS[section]))
        chosen = _dedupe(
            r
            for p, r in zip(catalog.by_candidate.get(cid, []), refs, strict=True)
            if wanted & catalog.line_terms[p] and not r.line.heading
        )
    cap = limit or _SECTION_LINES.get(section, 6)
    return [_line_evidence(r, 1.0, section) for r in chosen[:cap]]


def _summary_lines(catalog: Catalog, cid: str) -> list[Evidence]:
    evidence = _section_lines(catalog, cid, "summary")
    if not evidence:
        # Narrative resumes: the first lines after the header say who the person is.
        refs = [
            r
            for r in _candidate_lines(catalog, cid)
            if r.line.section != "header" and not r.line.heading
        ]
        evidence = [_line_evidence(r, 1.0, "summary") for r in _dedupe(refs)[:2]]
    evidence += _section_lines(catalog, cid, "experience", limit=2)
    evidence += _section_lines(catalog, cid, "education", limit=1)
    evidence += _section_lines(catalog, cid, "skills", limit=1)
    return _unique(evidence)


_OVERVIEW_ROLES = 8  # role lines quoted when a candidate is summarised


def _overview_lines(catalog: Catalog, cid: str) -> list[Evidence]:
    """ "Summarize Dana": how they describe themselves, then every role (latest first, its line
    and, for the latest, the first line under it), the highest degree and the skills line."""
    head = _summary_lines(catalog, cid)
    roles = all_roles(catalog, cid)
    if not roles:
        return head
    said = [fact_evidence(r, p, "role") for r, p in roles[:_OVERVIEW_ROLES]]
    return _unique(
        [e for e in head if e.reason == "summary"][:2]
        + said[:1]
        + _section_lines(catalog, cid, "experience", limit=2)
        + said[1:]
        + _section_lines(catalog, cid, "education", limit=1)
        + _section_lines(catalog, cid, "skills", limit=1)
    )


def _programming_lines(catalog: Catalog, cid: str) -> list[Evidence]:
    """Programming languages listed under a "Languages" heading (the profile keeps them apart
    from spoken languages)."""
    return [
        fact_evidence(resume, fact, "programming languages")
        for resume in catalog.resumes_of(cid)
        for fact in resume.profile.programming_languages[:1]
    ]


def _unique(evidence: list[Evidence]) -> list[Evidence]:
    seen: set[tuple[str, int | None, int]] = set()
    out = []
    for ev in evidence:
        key = (ev.resume_id, ev.page, ev.line_start)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out


def _years_lines(catalog: Catalog, cid: str) -> list[Evidence]:
    """What says how long a candidate has worked: the years the resume states, then the first
    and the latest dated roles (their span is computed from the profile in the answer)."""
    out: list[Evidence] = []
    for resume in catalog.resumes_of(cid):
        profile = resume.profile
        for stated in profile.stated_years[:2]:
            out.append(fact_evidence(resume, stated, "years"))
        dated = sorted(
            (p for p in profile.roles if p.start is not None),
            key=lambda p: p.start.ordinal() if p.start is not None else 0,
        )
        ends = dated[:1] + (dated[-1:] if len(dated) > 1 else [])
        out.extend(fact_evidence(resume, pos, "role dates") for pos in ends)
        if out:
            break
    return out


def current_positions(catalog: Catalog, cid: str) -> list[tuple[Resume, Position]]:
    """The roles a candidate holds today (every one marked current, from the richest resume
    that has any); without one, the latest dated role."""
    latest: list[tuple[Resume, Position]] = []
    for resume in catalog.resumes_of(cid):
        if now := resume.profile.current_positions():
            return [(resume, p) for p in now]
        dated = [(p.end or p.start, p) for p in resume.profile.roles if p.start is not None]
        if dated and not latest:
            latest = [(resume, max(dated, key=lambda dp: dp[0].ordinal())[1])]
    return latest


_COMPARED_AT_MOST = 6  # candidates a comparison puts side by side
_EACH_SHOWN = 10  # candidates "Summarize the nurses" describes one by one
_CONTACTS_SHOWN = 100  # candidates listed when everyone's contact details are asked for
_BEFORE_AFTER = re.compile(r"\b(?:before|prior to|after)\b", re.IGNORECASE)


def roles_asked(catalog: Catalog, cid: str, plan: QueryPlan) -> list[tuple[Resume, Position]]:
    """The roles a fact question asks for, from the resume with the most dated roles: every
    role, latest first ("roles"); the earliest dated one ("first_role"); or the latest one that
    has ended, before the current ("previous_role")."""
    named = roles_named(catalog, cid, plan.asked()) if plan.aspect == "roles" else []
    named = [rp for rp in named if rp[0].id == named[0][0].id] if named else []
    relative = _BEFORE_AFTER.search(plan.question) if named else None
    if named and relative is None:
        # "How long was Arjun at Ola?": the roles at the employer named.
        return named
    every = all_roles(catalog, cid)
    dated = [rp for rp in every if rp[1].start is not None][::-1]  # earliest first
    if plan.aspect == "first_role":
        return dated[:1]
    if plan.aspect == "previous_role":
        ended = [rp for rp in dated if not rp[1].current]
        return ended[-1:]
    if relative is not None and (pivots := [p.start for _, p in named if p.start is not None]):
        # "Where did Dana work before Fjordline?": the dated roles that began before (or after).
        if relative.group(0).lower() == "after":
            pivot = max(d.ordinal() for d in pivots)
            return [rp for rp in dated[::-1] if rp[1].start and rp[1].start.ordinal() > pivot]
        pivot = min(d.ordinal() for d in pivots)
        return [rp for rp in dated[::-1] if rp[1].start and rp[1].start.ordinal() < pivot]
    return every


def all_roles(catalog: Catalog, cid: str) -> list[tuple[Resume, Position]]:
    """Every role of the candidate, from their resume with the most dated roles: the dated ones
    latest first, then the undated ones as written."""
    best: list[tuple[Resume, Position]] = []
    for resume in catalog.resumes_of(cid):
        roles = [(resume, p) for p in resume.profile.roles]
        if sum(p.start is not None for _, p in roles) > sum(p.start is not None for _, p in best):
            best = roles
    dated = sorted(
        (rp for rp in best if rp[1].start is not None),
        key=lambda rp: -rp[1].start.ordinal() if rp[1].start else 0,
    )
    return dated + [rp for rp in best if rp[1].start is None]


def _current_lines(catalog: Catalog, cid: str) -> list[Evidence]:
    """The line of each role held today. Without one, the latest dated role and the summary
    lines, which often say what the candidate does now."""
    held = current_positions(catalog, cid)
    found = [fact_evidence(r, p, "current role") for r, p in held]
    if any(p.current for _, p in held):
        return found
    return _unique(found + _summary_lines(catalog, cid))


def _education_lines(catalog: Catalog, cid: str) -> list[Evidence]:
    """The degrees a profile holds, cited; with none, what its education section says instead
    ("Mesa Community College - general studies coursework (no degree)"); nothing when there is
    no such section (an absence has no line)."""
    degrees = [
        fact_evidence(resume, degree, "education")
        for resume in catalog.resumes_of(cid)
        for degree in resume.profile.education
    ]
    if degrees:
        return degrees[:_MATCH_LINES]
    return [
        _line_evidence(catalog.lines[pos], 1.0, "education, no degree")
        for pos in catalog.by_candidate.get(cid, [])
        if catalog.lines[pos].line.section == "education" and not catalog.lines[pos].line.heading
    ][:_MATCH_LINES]


_SITE_ASKED = re.compile(r"\b(?:linkedin|github|gitlab|bitbucket|behance|dribbble)\b", re.I)


def site_asked(question: str) -> str | None:
    """The profile site a contact question names ("What's Leo's LinkedIn?" -> "LinkedIn")."""
    found = _SITE_ASKED.search(question)
    return found.group(0) if found else None


def _location_lines(catalog: Catalog, cid: str) -> list[Evidence]:
    """Where the candidate is, from their profile; a resume that states no place gives its
    header lines instead, where a place would be."""
    found = [
        fact_evidence(resume, resume.profile.location, "location")
        for resume in catalog.resumes_of(cid)
        if resume.profile.location is not None
    ]
    return found[:1] or _summary_lines(catalog, cid)


def _contact_lines(
    catalog: Catalog, cid: str, fields: Sequence[str], asked: str = ""
) -> list[Evidence]:
    """The lines that hold the contact details asked for; for a site the question names
    ("her LinkedIn", "his GitHub"), only a link to that site (none when the resume has none)."""
    cand = catalog.candidates[cid]
    wanted = fields or ["email", "phone", "links"]
    needles: list[str] = []
    if "email" in wanted and cand.email:
        needles.append(cand.email)
    if "phone" in wanted and cand.phone:
        needles.append(cand.phone)
    if "links" in wanted:
        site = site_asked(asked)
        needles.extend(link for link in cand.links if site is None or site.lower() in link.lower())
        if site is not None and not needles:
            return []  # "What's Leo's LinkedIn?": no LinkedIn on the resume
    out: list[Evidence] = []
    covered: set[str] = set()
    for ref in _candidate_lines(catalog, cid):
        found = [n for n in needles if n not in covered and n.lower() in ref.line.text.lower()]
        if found:
            covered.update(found)
            out.append(_line_evidence(ref, 1.0, "contact"))
    if not out and "phone" in wanted:
        digits = re.compile(r"\d[\d\s().-]{8,}\d")
        out = [
            _line_evidence(r, 1.0, "contact")
            for r in _candidate_lines(catalog, cid)
            if digits.search(r.line.text)
        ][:1]
    return out
