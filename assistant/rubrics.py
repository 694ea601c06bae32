"""Posting -> rubric by the configured chat model, checked in code, with the posting's structure
as the fallback.

The structure reader (:func:`assistant.screening.read_rubric`) needs "Must have" / "Nice to
have" parts; a model also reads postings written as prose. Through structured output it proposes
a :class:`RubricDraft`: each criterion's text, kind, mode and weight. It never sees a resume and
never scores anyone: code then checks every criterion the way it checks the structure reader's:

* the kind must be one of the criterion kinds and fit the text, else it is read from the words
  (as it is for "skill", the kind of anything not more specific); minimum years are read from
  the text, never taken from the model;
* criteria about protected characteristics are refused by the same check, with the reason;
* a criterion whose words are nowhere in the posting is left out (a model may invent);
* a gate (pass or fail, ranked last when failed) is kept only for a licence or a degree, which
  a resume states when it has them; any other gate becomes a must-have, since a resume that
  does not mention a permit or a word the matcher misses would drop a candidate to the end
  (the recruiter can still make it a gate in review);
* alternatives the posting writes as one ("Go or Rust", "AWS, GCP or Azure") stay one
  criterion even when the model splits them; duplicates are merged, keeping the stronger mode.

A reply out of shape, a model without structured output, a model that cannot be reached or a
draft with no usable criterion give the structure reader's rubric, with a note saying why. Either
way the rubric is shown for review before anyone is screened.
"""

from __future__ import annotations

import logging
import math
import re
from itertools import pairwise
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from assistant.models import Criterion, CriterionMode, Rubric
from assistant.screening import CRITERION_KINDS, make_criterion, read_rubric, requirement_words

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage

log = logging.getLogger(__name__)

# LangChain is imported only when a model reads a rubric (see assistant.planning).

_MODES = ("gate", "must", "nice")
# Words a model may use for a mode in spite of the schema.
_MODE_WORDS = {
    "required": "must",
    "requirement": "must",
    "essential": "must",
    "mandatory": "must",
    "must-have": "must",
    "must have": "must",
    "nice-to-have": "nice",
    "nice to have": "nice",
    "preferred": "nice",
    "optional": "nice",
    "bonus": "nice",
    "plus": "nice",
    "desirable": "nice",
    "knockout": "gate",
}


class CriterionDraft(BaseModel):
    """One requirement as a model reads it from a posting."""

    text: str = Field(
        description="The requirement in the posting's own words, without framing such as "
        "'experience with'; alternatives stay together ('Go or Rust')."
    )
    # Plain strings with the choices in the schema: one odd kind or mode is corrected in code
    # for that criterion instead of failing the whole reply.
    kind: str = Field(
        "skill",
        description="What the requirement is about.",
        json_schema_extra={"enum": list(CRITERION_KINDS)},
    )
    mode: str = Field(
        "must",
        description="must: required; nice: preferred, a plus, bonus; gate: a pass-or-fail "
        "condition such as a licence the role cannot be done without.",
        json_schema_extra={"enum": list(_MODES)},
    )
    weight: float = Field(
        1.0, description="1 normally; up to 3 for what the posting stresses most; 0.5 for minor."
    )


class RubricDraft(BaseModel):
    """The requirements a job posting states."""

    title: str = Field("", description="The role's title as the posting gives it.")
    criteria: list[CriterionDraft] = Field(default_factory=list)


_SYSTEM = """\
You read a job posting and list the requirements it states, each as one criterion. Use the \
posting's words. Keep alternatives as one criterion ("Go or Rust", "AWS, GCP or Azure"). Mark \
what is required as must, what is preferred or a plus as nice, and as gate only a licence or \
degree the role cannot be done without. Leave out anything about age, sex or gender, race or \
ethnicity, religion, marital or family status, pregnancy, health or disability, or nationality. \
Do not assess or mention any candidate."""

# Postings longer than this are cut: the requirements are in the first pages.
_MAX_POSTING_CHARS = 12_000
_WEIGHT_RANGE = (0.5, 3.0)  # no single criterion outweighs three ordinary ones
# Kinds a gate may have: facts a resume states when it has them.
_GATE_KINDS = {"certification", "degree"}
_STOP = set(
    """a an and or the of in on for to with as at by be is are experience experienced years year
    strong solid good deep proven knowledge ability skills skill plus preferred required must
    have has nice""".split()
)
_STRENGTH = {"gate": 3, "must": 2, "nice": 1}


def _messages(posting: str) -> list[BaseMessage]:
    from langchain_core.messages import HumanMessage, SystemMessage

    return [SystemMessage(_SYSTEM), HumanMessage(f"Job posting:\n{posting[:_MAX_POSTING_CHARS]}")]


def read_rubric_with_model(posting: str, model: BaseChatModel, model_name: str) -> Rubric:
    """The rubric the model reads in ``posting``, checked in code (see the module docstring);
    the structure reader's rubric, with a note, when the model gives none it can use."""
    from assistant.answering.llm import structured_reply

    try:
        draft = structured_reply(model, RubricDraft, _messages(posting), "rubric reading")
    except Exception as err:  # ModelUnreachable, or anything a provider raises
        why = str(err) or type(err).__name__
        return _fallback(posting, f"The model ({model_name}) was not used because {why}")
    if draft is None:
        return _fallback(posting, f"The model ({model_name}) gave no rubric in the expected shape")
    rubric = rubric_from_draft(draft, posting)
    if not rubric.criteria:
        return _fallback(posting, f"The model ({model_name}) found no usable criterion")
    rubric.read_by = model_name
    return rubric


def _fallback(posting: str, why: str) -> Rubric:
    log.warning("rubric reading: %s", why)
    rubric = read_rubric(posting)
    rubric.notes.append(f"{why}; the rubric was read from the posting's structure.")
    return rubric


def rubric_from_draft(draft: RubricDraft, posting: str) -> Rubric:
    """The model's draft, checked against the posting: kinds, protected characteristics,
    invented criteria, gates, alternatives and duplicates."""
    rubric = Rubric(title=" ".join(draft.title.split())[:200] or read_rubric(posting).title)
    said = _tokens(posting)
    kept: list[Criterion] = []
    for item in draft.criteria:
        text = " ".join(item.text.split()).strip(" .;:")
        if not text:
            continue
        mode = item.mode.strip().lower()
        mode = _MODE_WORDS.get(mode, mode)
        if mode not in _MODES:
            rubric.refused.append(f"“{text}”: no mode (must, nice or gate) was given for it.")
            continue
        found = make_criterion(text, _mode(mode), item.kind.strip().lower(), _weight(item.weight))
        if isinstance(found, str):
            rubric.refused.append(found)
        elif not _grounded(found, said):
            rubric.refused.append(f"“{text}”: the posting does not say it.")
        else:
            if found.mode == "gate" and found.kind not in _GATE_KINDS:
                found.mode = "must"
            kept.append(found)
    rubric.criteria = _deduplicated(_alternatives_joined(kept, posting))
    return rubric


def _mode(mode: str) -> CriterionMode:
    return "gate" if mode == "gate" else "nice" if mode == "nice" else "must"


def _weight(weight: float) -> float:
    if not math.isfinite(weight):
        return 1.0
    return round(min(max(weight, _WEIGHT_RANGE[0]), _WEIGHT_RANGE[1]), 2)


_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*", re.IGNORECASE)


def _tokens(text: str) -> set[str]:
    return {t.lower() for t in _TOKEN.findall(text)}


def _grounded(criterion: Criterion, said: set[str]) -> bool:
    """Whether a word of the criterion is in the posting: exactly, or by its first five letters
    ("engineering" for "engineer") since a model may inflect what it copies."""
    words = [t for t in _tokens(criterion.text) if t not in _STOP] or list(_tokens(criterion.text))
    stems = {t[:5] for t in said if len(t) >= 5}
    return any(w in said or (len(w) >= 5 and w[:5] in stems) for w in words)


# Between two alternatives of one requirement: commas, slashes, "or", "and/or".
_OR_GAP = re.compile(r"[\s,()]*(?:(?:and/)?or\b|/)?[\s,()]*", re.IGNORECASE)
_CLAUSE = re.compile(r"[\n;.](?!\w)")


def _alternatives_joined(criteria: list[Criterion], posting: str) -> list[Criterion]:
    """Criteria that the posting writes as alternatives of one requirement ("Go or Rust", "AWS,
    GCP or Azure") joined back into one: "Go or Rust", in the posting's order."""
    joined: dict[int, list[int]] = {}  # first index -> the indexes joined into it
    absorbed: set[int] = set()
    for clause in _CLAUSE.split(posting):
        hits = []
        for i, c in enumerate(criteria):
            if i in absorbed or " or " in f" {c.text.lower()} ":
                continue
            words = requirement_words(c)
            m = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", clause, re.IGNORECASE)
            if m:
                hits.append((m.start(), m.end(), i))
        hits.sort()
        chain: list[tuple[int, int, int]] = []
        for hit in [*hits, None]:
            if hit is not None and chain and hit[0] >= chain[-1][1]:
                gap = clause[chain[-1][1] : hit[0]]
                if _OR_GAP.fullmatch(gap) and criteria[hit[2]].mode == criteria[chain[0][2]].mode:
                    chain.append(hit)
                    continue
            if len(chain) >= 2 and _has_or(clause, chain):
                joined[chain[0][2]] = [i for _, _, i in chain]
                absorbed.update(i for _, _, i in chain)
            chain = [hit] if hit is not None else []
    out = []
    for i, c in enumerate(criteria):
        if i in joined:
            parts = [criteria[j] for j in joined[i]]
            kinds = {p.kind for p in parts}
            out.append(
                c.model_copy(
                    update={
                        "text": " or ".join(p.text for p in parts)[:300],
                        "kind": kinds.pop() if len(kinds) == 1 else "skill",
                        "weight": max(p.weight for p in parts),
                    }
                )
            )
        elif i not in absorbed:
            out.append(c)
    return out


def _has_or(clause: str, chain: list[tuple[int, int, int]]) -> bool:
    """A run of terms is alternatives when a gap says "or" (or a slash); "Go, Kafka" is not."""
    gaps = [clause[a[1] : b[0]] for a, b in pairwise(chain)]
    return any(re.search(r"\bor\b|/", gap, re.IGNORECASE) for gap in gaps)


def _deduplicated(criteria: list[Criterion]) -> list[Criterion]:
    """One criterion per requirement: the same words (framing aside) and the same minimum years
    are one, with the stronger mode and the larger weight."""
    out: list[Criterion] = []
    seen: dict[tuple[str, int | None], int] = {}
    for c in criteria:
        key = (" ".join(requirement_words(c).lower().split()), c.min_years)
        if key not in seen:
            seen[key] = len(out)
            out.append(c)
            continue
        first = out[seen[key]]
        mode = max(first.mode, c.mode, key=_STRENGTH.__getitem__)
        out[seen[key]] = first.model_copy(
            update={"mode": mode, "weight": max(first.weight, c.weight)}
        )
    return out
