"""Screening the pile against a job description: posting -> rubric -> a candidate x criterion
matrix of cited evidence -> a ranking computed in code.

The rubric is read from the posting's own structure: "Must have" / "Requirements" /
"Qualifications" parts give must-haves, "Nice to have" / "Preferred" / "Bonus" parts give
nice-to-haves, and their items are the bullets, the semicolon-separated parts, or the entries of a
comma list of short phrases. Each criterion is then checked for every candidate in scope with the
same matcher "who has X" questions use (exact lines first, then the calibrated near-match), and
minimum years are checked against the dated roles of the profile. No model scores anyone: the
ranking is the sum of the criteria met, so the same pile and rubric always rank the same way.

Criteria about protected characteristics (age, sex or gender, ethnicity or race, religion,
marital or family status, pregnancy, health or disability, national origin) are refused with
the reason, and a lawful alternative where there is one (a work-permit gate, not a nationality).
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from typing import cast, get_args

from assistant.answering.extractive import md_name, quoted
from assistant.catalog import Catalog, list_items
from assistant.citations import CitationBook, quote
from assistant.models import (
    Answer,
    Cell,
    Criterion,
    CriterionKind,
    CriterionMode,
    Evidence,
    QueryPlan,
    ResumeLine,
    Rubric,
    Screening,
    ScreenRow,
)
from assistant.question import plan_question
from assistant.retrieval import CandidateEvidence, Retriever, fact_evidence, windows_showing

_MUST_HEAD = re.compile(
    r"^\s*(?:#+\s*)?(?:\*\*)?\s*(must[- ]haves?|requirements?|required(?: skills)?|"
    r"(?:minimum |basic )?qualifications|what you(?:'ll| will)? (?:need|bring)|you have|"
    r"you(?:'ll| will)? (?:bring|need)|you should have|"
    r"who you are|essential)\b(?:\*\*)?\s*:?",
    re.IGNORECASE,
)
_NICE_HEAD = re.compile(
    r"^\s*(?:#+\s*)?(?:\*\*)?\s*(nice[- ]to[- ]haves?|preferred(?: qualifications)?|"
    r"bonus(?: points)?|pluses|a plus|desired|desirable|good to have|extra credit)\b(?:\*\*)?\s*:?",
    re.IGNORECASE,
)
# An item that says it is not required: "... preferred", "Kotlin is a plus", "ideally Go".
_NICE_ITEM = re.compile(
    r"^\s*(?:ideally|preferably|bonus(?:\s+points)?(?:\s+for)?|nice\s+to\s+have)\b[\s:,]*|"
    r"[\s,(]*\b(?:(?:is|are|would\s+be)\s+)?(?:preferred|(?:a\s+)?(?:big\s+)?plus|"
    r"nice\s+to\s+have|desirable|a\s+bonus)\b\)?\s*$",
    re.IGNORECASE,
)
_OTHER_HEAD = re.compile(
    r"^\s*(?:#+\s*)?(?:\*\*)?\s*(about (?:us|the role|the team)|responsibilities|what you'?ll do|"
    r"benefits|perks|we offer|compensation|salary|how to apply)\b(?:\*\*)?\s*:?",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*•▪–—]|\d+[.)])\s+")
CRITERION_KINDS: tuple[str, ...] = get_args(CriterionKind)
STRUCTURE = "the posting's structure"  # Rubric.read_by of the rubric read here
_YEARS = re.compile(r"\b(\d{1,2})\s*\+?\s*(?:years?|yrs?)\b", re.IGNORECASE)
_DEGREE = re.compile(
    r"\b(?:bachelor'?s?|master'?s?|ph\.?d|doctorate|degree|b\.?sc?|m\.?sc?|mba|diploma)\b",
    re.IGNORECASE,
)
_CERT = re.compile(r"\b(?:certif\w*|licen[cs]e\w*|licensed)\b", re.IGNORECASE)
_LANGUAGE = re.compile(
    r"\b(?:fluent|native|bilingual|speaks?|spoken)\b|\b(?:english|spanish|french|german|"
    r"portuguese|italian|mandarin|cantonese|japanese|korean|arabic|hindi|russian|polish|dutch|"
    r"swedish|irish|turkish)\b(?!\s+(?:speaking\s+)?(?:market|customers|clients))",
    re.IGNORECASE,
)
_LOCATION = re.compile(
    r"\b(?:based in|located in|relocat\w*|on[- ]?site|work permit|right to work|authori[sz]ed "
    r"to work|visa)\b",
    re.IGNORECASE,
)
_FRAMING = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:(?:currently|now) or recently|strong|solid|proven|demonstrated|"
    r"excellent|good|deep|hands[- ]on|some|working|current(?:ly)?|recent(?:ly)?|active|has|have|"
    r"having|experience (?:with|in)|knowledge of|familiarity with|proficiency (?:in|with))\s+",
    re.IGNORECASE,
)

# Protected characteristics: what the criterion would select on, and the lawful alternative.
_PROTECTED: list[tuple[re.Pattern[str], str, str]] = [
    (
        re.compile(
            r"\b(?:age[ds]?\s+(?:under|over|between|\d)|under\s+\d{2}\b|over\s+\d{2}\b|"
            r"young|younger|youthful|recent(?:ly)? born|digital native|max(?:imum)? age)\b",
            re.I,
        ),
        "age",
        "ask for the skills or experience the role needs instead",
    ),
    (
        re.compile(
            r"\b(?:male|female|man|woman|men|women|gender|sex)\b(?!\s+(?:equality|pay))", re.I
        ),
        "sex or gender",
        "describe the work, not who should do it",
    ),
    (
        re.compile(r"\b(?:race|racial|ethnic\w*|white|black|asian|hispanic|caucasian)\b", re.I),
        "race or ethnicity",
        "describe the work, not who should do it",
    ),
    (
        re.compile(r"\b(?:religio\w*|christian|muslim|jewish|hindu|catholic|church)\b", re.I),
        "religion",
        "describe the work, not who should do it",
    ),
    (
        re.compile(
            r"\b(?:married|single|unmarried|divorced|marital|children|kids|family status|"
            r"no family)\b",
            re.I,
        ),
        "marital or family status",
        "state the hours or travel the role needs instead",
    ),
    (
        re.compile(r"\b(?:pregnan\w*|maternity)\b", re.I),
        "pregnancy",
        "state the hours or duties the role needs instead",
    ),
    (
        re.compile(
            r"\b(?:disabilit\w*|disabled|handicap\w*|healthy|health condition|able[- ]bodied)\b",
            re.I,
        ),
        "health or disability",
        "state the essential duties of the role instead",
    ),
    (
        re.compile(
            r"\b(?:nationality|citizens? of|native[- ]born|born in|national origin|"
            r"(?:american|british|german|french|indian|chinese)\s+(?:citizen|national)s?)\b",
            re.I,
        ),
        "national origin",
        "use a gate on the right to work in the country instead",
    ),
]

# A must-have met adds this much; a nice-to-have its own weight (1 by default).
_MUST_POINTS = 2.0
# Share of the must-haves (a possible one counts half) a candidate needs to be called a fit.
_FIT_SHARE = 0.75
_EVIDENCE_PER_CELL = 2
# A criterion met only by bare skills lists ("Kafka, Spark, SQL"): a name listed is weaker
# evidence than a role or project that shows it used. A nice-to-have adds this share of its
# weight; a must-have still counts as met (the recruiter asked for it and the resume names it)
# and only ranks after equal points shown in use.
LISTED_ONLY = 0.5
LISTED_NOTE = "listed in skills only"
# A skills line this short is a name, not a use ("- Apache Kafka").
_BARE_WORDS = 3
# Share of the must-haves a candidate needs to be among the leaders at all.
_LEADER_SHARE = 0.5
_VERDICT_WORDS = {
    "meets": "meets",
    "possible": "possibly",
    "missing": "not shown",
    "unknown": "unknown",
}


# A heading written inside a line: "Finance Manager, Lagos. Must-haves: ACCA; IFRS. Nice to
# have: SAP." (a posting pasted as one paragraph).
_INLINE_HEAD = re.compile(
    r"(?<=[.;!?])\s+(?=(?:must[- ]haves?|requirements?|required|nice[- ]to[- ]haves?|"
    r"preferred|bonus(?: points)?|desired|good to have)\s*:)",
    re.IGNORECASE,
)


# The ask that ends a posting pasted as one paragraph: "... SAP. Shortlist please."
_TRAILING_ASK = re.compile(r"(?<=[.!?])[ \t]+[A-Z][^.;!?,:\n]{0,40}[.!?][ \t]*$", re.MULTILINE)


def posting_lines(text: str) -> str:
    """A posting with each heading written inside a line put on a line of its own, and the
    short ask at the end of a line ("Shortlist please.", "Who fits?") left out."""
    text = _INLINE_HEAD.sub("\n", text)
    return _TRAILING_ASK.sub(lambda m: m.group(0) if len(m.group(0).split()) > 4 else "", text)


def looks_like_job_description(text: str) -> bool:
    """A pasted posting: several lines with a requirements part, or a long text that says it
    is a role with requirements."""
    lines = [line for line in posting_lines(text).splitlines() if line.strip()]
    heads = sum(bool(_MUST_HEAD.match(line) or _NICE_HEAD.match(line)) for line in lines)
    if heads and len(lines) >= 2:
        return True
    if _bulleted_needs(lines):
        return True
    words = len(text.split())
    return words >= 60 and bool(re.search(r"\b(?:must|requirements?|qualifications)\b", text, re.I))


# A hiring request typed as one sentence or two ("We need a senior backend engineer with Go and
# Kafka, 5+ years, based in the EU. Who fits?", "Rank candidates for a DevOps position requiring
# Terraform"): who is wanted, then what they must have.
_ASKING_ROLE = re.compile(
    r"\b(?:for|fit\s+for|fits?)\s+(?:an?|the|our|this)\s+(?P<title>[^,.;:?()]{2,60}?)\s+"
    r"(?:role|position|job|opening|vacancy)\b",
    re.IGNORECASE,
)
_ASKING_REQUIRES = re.compile(
    r"\s*(?::|\(|\s[-–—]\s|\bwith\b|\bwho\s+(?:knows?|has|have|can|is|speaks?)\b|\brequiring\b|"
    r"\bthat\s+requires?\b|\b(?:must|should)\s+(?:have|know|be|speak)\b|\brequired\b)\s*",
    re.IGNORECASE,
)
_ASKING_NICE = re.compile(
    r"[;,.]?\s*\b(?:nice\s+to\s+have|bonus(?:\s+points?)?(?:\s+for)?|(?:would\s+be\s+)?a\s+plus|"
    r"ideally|preferably|preferred)\b\s*:?\s*",
    re.IGNORECASE,
)
# "Who fits?", "Candidates?", "Any matches?", "Who should I interview?": the ask, not a need.
_ASK_SENTENCE = re.compile(r"^[^.!]{0,40}\?$")
# Seniority in a title ranks within the role; the role is what a resume must show.
_SENIORITY = re.compile(
    r"\b(?:senior|junior|sr\.?|jr\.?|staff|principal|lead|mid[- ]level|entry[- ]level|"
    r"experienced|strong|good|great|solid|talented|full[- ]time|part[- ]time|remote)\s+",
    re.IGNORECASE,
)
_NEEDS_VERB = re.compile(
    r"^(?:and\s+)?(?:you(?:'ve|'re|\s+have|\s+are|\s+know|\s+bring|\s+can)\s+)?"
    r"(?:(?:must|should)\s+)?(?:(?:have|know|be|speak)\s+)?",
    re.IGNORECASE,
)
_BARE_YEARS = re.compile(
    r"^\s*\d{1,2}\s*\+?\s*(?:years?|yrs?)(?:\s+(?:of\s+)?experience)?\s*$", re.I
)


def casual_posting(text: str) -> str | None:
    """A hiring request typed in a sentence or two, written out as the posting it stands for
    (the title line, then "Must have:" and "Nice to have:" lines), or None when the text asks
    for no role. The role itself is the first must-have ("backend engineer"; seniority words
    rank within it and are left out); "5+ years" alone means years of experience; what
    follows "nice to have", "bonus" or "ideally" is a nice-to-have. A single skill ("I need
    someone with Kafka") is a question, not a posting."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > 2 or looks_like_job_description(text):
        return None
    sentences = re.split(r"(?<=[.?!])\s+", " ".join(" ".join(lines).split()))
    body = " ".join(s for s in sentences if not _ASK_SENTENCE.match(s)) or " ".join(sentences)
    body = body.rstrip(" .?!")
    if m := _HIRING.match(body):
        rest = body[m.end() :]
        split = _ASKING_REQUIRES.search(rest)
        if (stop := re.search(r"[.!]\s+", rest)) and (
            split is None or stop.start() < split.start()
        ):
            # "We are hiring an iOS Engineer. You have shipped apps in Swift, care about
            # accessibility, and ...": the title is the first sentence, and each clause of
            # what follows is asked of it.
            split = stop
            rest = rest[: stop.end()] + re.sub(
                r",\s+(?:and\s+)?(?![^()]*\))", "; ", rest[stop.end() :]
            )
        title, needs = (rest[: split.start()], rest[split.end() :]) if split else (rest, "")
        title, *said = re.split(r"[,;]", title)
        if split is not None and said:
            # "senior Python engineer, Django + PostgreSQL, 5+ years, must be able to ...":
            # what the title's commas list is asked too
            needs = ", ".join([*said, needs])
        if split is None and "," in rest:
            needs = rest.split(",", 1)[1]
    elif m := _ASKING_ROLE.search(body):
        title = m.group("title")
        split = _ASKING_REQUIRES.match(body, m.end())
        needs = body[split.end() :] if split else ""
    else:
        return None
    title = re.sub(r"^(?:some(?:one|body)|candidates?|people)\b(?:\s+(?:as|for))?\s*", "", title)
    title = title.strip(" .,:;()")
    role = _SENIORITY.sub("", title).strip()
    if not role or len(role.split()) > 6:
        return None
    needs = needs.replace(")", ",")
    nice = ""
    if n := _ASKING_NICE.search(needs):
        needs, nice = needs[: n.start()], needs[n.end() :]
        if not nice.strip(" .,;:") and (before := _items(needs.strip(" .,;:"))):
            # "..., CKA a plus": the item the marker follows
            nice, needs = before[-1], ", ".join(before[:-1])
    musts = [role]
    for item in _items(needs.strip(" .,;:")):
        item = _NEEDS_VERB.sub("", item).strip(" .,;:")
        if _BARE_YEARS.match(item) and "experience" not in item:
            item = f"{item} of experience"  # "5+ years": of experience, the whole career
        if item:
            musts.append(item)
    if len(musts) < 2 and not nice:
        return None  # a role and nothing asked of it is a question ("Any nurses?")
    posting = [title, "Must have: " + "; ".join(m.strip(" .,;:") for m in musts)]
    if nice.strip(" .,;:"):
        posting.append("Nice to have: " + "; ".join(_items(nice.strip(" .,;:"))))
    return "\n".join(posting)


def protected_reason(text: str) -> str | None:
    """Why a criterion may not be used, or None when it may."""
    for pattern, what, instead in _PROTECTED:
        if pattern.search(text):
            return f"selects on {what}, which may not decide a hiring; {instead}"
    return None


def criterion_kind(text: str) -> CriterionKind:
    """The kind of a requirement, read from its words (a skill unless they say otherwise)."""
    if _LOCATION.search(text):
        return "location"
    if _CERT.search(text):
        return "certification"
    if _DEGREE.search(text):
        return "degree"
    if _YEARS.search(text):
        return "years"
    if _LANGUAGE.search(text):
        return "language"
    return "skill"


def _items(body: str) -> list[str]:
    """The items of one requirements line: semicolon parts, or the entries of a comma list of
    short phrases ("dbt, Snowflake, streaming (Kafka)")."""
    parts = [p.strip(" .;") for p in re.split(r";\s*(?![^()]*\))", body) if p.strip(" .;")]
    out: list[str] = []
    for part in parts:
        pieces = [p.strip(" .") for p in re.split(r",\s*(?![^()]*\))", part) if p.strip(" .")]
        if (
            _is_list(pieces)
            and re.search(r"\bor\b", pieces[-1])
            and not re.search(r"\bor\b", " ".join(pieces[:-1]))
        ):
            out.append(" or ".join(pieces))  # "AWS, GCP or Azure": one criterion, alternatives
        elif _is_list(pieces):
            out.extend(re.sub(r"^(?:and|or)\s+", "", p) for p in pieces)
        else:
            out.append(part)
    return out


_CONTINUES = re.compile(
    r"^(?:including|such as|e\.g\.|especially|ideally|preferably|like|with|using|in|of)\b",
    re.IGNORECASE,
)


def _is_list(pieces: list[str]) -> bool:
    """Comma parts that are separate criteria: mostly short phrases ("Go, Kafka, a bachelor's
    degree in computer science"), none continuing the one before ("SQL, including ...")."""
    if len(pieces) < 2 or any(_CONTINUES.match(p) for p in pieces[1:]):
        return False
    short = sum(len(p.split()) <= 4 for p in pieces)
    return short >= 2 * len(pieces) / 3 and all(len(p.split()) <= 8 for p in pieces)


def make_criterion(
    text: str, mode: CriterionMode, kind: str | None = None, weight: float = 1.0
) -> Criterion | str:
    """A criterion from one requirement as written, or the reason it is refused. ``kind`` is
    kept when it is a criterion kind more specific than a skill that fits the text (a "years"
    criterion states a number of years); otherwise the kind is read from the words. Minimum
    years are always read from the text."""
    text = " ".join(text.split()).strip(" .;:")
    why = protected_reason(text)
    if why:
        return f"“{text}”: {why}."
    years = _YEARS.search(text)
    chosen = (
        cast(CriterionKind, kind)
        if kind in CRITERION_KINDS and kind != "skill" and (kind != "years" or years)
        else criterion_kind(text)
    )
    return Criterion(
        text=text[:300],
        kind=chosen,
        mode=mode,
        weight=weight,
        min_years=int(years.group(1)) if years else None,
    )


# "We are hiring a Staff Engineer", "We need a data engineer", "Job title: Staff Engineer": who
# is wanted is what follows (a posting's title, or the role a typed request asks for).
_HIRING = re.compile(
    r"^\W*(?:(?:(?:we|i)\s*(?:'re|'m|\s+are|\s+am)?\s+)?(?:(?:urgently\s+)?need|want|hiring|"
    r"recruiting|looking\s+for|seeking|searching\s+for)(?:\s*:\s*|\s+)"
    r"(?:(?:an?|one|two|three)\s+|our\s+(?:next|first|new)\s+)?|join\s+us\s+as\s+(?:an?\s+)?|"
    r"(?:job|role|position|opening|vacancy|jd|job\s+description|job\s+spec)(?:\s+title)?\s*:\s*)",
    re.IGNORECASE,
)


_MIN_BULLETS = 3
_MIN_BULLETED_WORDS = 25


def _bulleted_needs(lines: list[str]) -> bool:
    """A posting with no headings: a title, perhaps a sentence, then a bulleted list of what
    the role needs ("- 6+ years of ...", "- Java and Spring Boot")."""
    bullets = [line for line in lines if _BULLET.match(line)]
    return (
        len(bullets) >= _MIN_BULLETS
        and not any(_MUST_HEAD.match(line) or _NICE_HEAD.match(line) for line in lines)
        and sum(len(b.split()) for b in bullets) >= _MIN_BULLETED_WORDS
    )


def read_rubric(posting: str) -> Rubric:
    """The rubric a posting states, read from its structure (see the module docstring). With
    no headings, its bulleted lines are the must-haves."""
    rubric = Rubric(read_by=STRUCTURE)
    bare = _bulleted_needs([line for line in posting.splitlines() if line.strip()])
    mode: str | None = None
    for raw in posting.splitlines():
        line = raw.strip()
        if not line:
            continue
        head = _MUST_HEAD.match(line) or _NICE_HEAD.match(line)
        if head:
            mode = "must" if _MUST_HEAD.match(line) else "nice"
            line = line[head.end() :].strip()
            if not line:
                continue
        elif _OTHER_HEAD.match(line):
            mode = None
            continue
        elif bare and _BULLET.match(line):
            mode = "must"
        elif mode is None or line.endswith("?") or bare:
            if not rubric.title and not line.endswith("?"):
                rubric.title = _HIRING.sub("", line).strip(" #*.:!") or line.strip(" #*.")
            continue
        body = _BULLET.sub("", line)
        for item in _items(body):
            # "Bilingual English/Spanish preferred" under the requirements: a nice-to-have.
            said_nice = _NICE_ITEM.search(item)
            if said_nice and _NICE_ITEM.sub(" ", item).strip(" ,.;:"):
                item = " ".join(_NICE_ITEM.sub(" ", item).split()).strip(" ,.;:")
            found = make_criterion(item, "must" if mode == "must" and not said_nice else "nice")
            if isinstance(found, str):
                rubric.refused.append(found)
            elif all(c.text.lower() != found.text.lower() for c in rubric.criteria):
                rubric.criteria.append(found)
    return rubric


def requirement_words(criterion: Criterion) -> str:
    """The words to match: framing ("strong", "experience with", "currently or recently"), a
    leading "N+ years of" and parenthesised clarifications left out."""
    text = _YEARS.sub(" ", criterion.text)
    # "(direct reports)", "(or compact license)": a clarification, not more to require.
    text = re.sub(r"\s*\([^)]*\)", " ", text).strip() or text
    text = re.sub(r"^\s*(?:of|in|as|with)\s+", "", text.strip(), flags=re.I)
    previous = None
    while previous != text:
        previous, text = text, _FRAMING.sub("", text)
    return text.strip(" ,;:") or criterion.text


class Screener:
    """Checks every candidate in scope against every criterion of a rubric."""

    def __init__(self, retriever: Retriever) -> None:
        self.retriever = retriever

    def screen(
        self, rubric: Rubric, catalog: Catalog, candidate_ids: list[str] | None = None
    ) -> Screening:
        pool = list(candidate_ids or catalog.candidates)
        columns = [self._column(c, catalog, pool) for c in rubric.criteria]
        rows = []
        for cid in pool:
            cells = [column.get(cid, Cell(verdict="missing")) for column in columns]
            rows.append(_row(catalog, cid, rubric, cells))
        # Failed gates last; then points; equal points with fewer criteria only listed among
        # skills first, then by match scores; then the name, so the same pile and rubric always
        # give the same order.
        rows.sort(
            key=lambda r: (r.gates_failed > 0, -r.score, r.listed_only, -r.strength, r.name.lower())
        )
        return Screening(rubric=rubric, considered=len(pool), rows=rows)

    def _column(self, criterion: Criterion, catalog: Catalog, pool: list[str]) -> dict[str, Cell]:
        words = requirement_words(criterion)
        cells: dict[str, Cell] = {}
        if words and not (criterion.kind == "years" and _only_framing(words)):
            plan = plan_question(f"Who has {words}?", catalog, focus=pool)
            plan = plan.model_copy(
                update={"scope": "all", "candidate_ids": pool, "min_years": None}
            )
            if plan.kind == "match":
                retrieved = self.retriever.retrieve(plan, catalog)
                met = [g for g in retrieved.groups if g.matched and g.evidence]
                cells.update(_met_cells(met, plan, catalog))
                if not any(g.possible for g in retrieved.groups):
                    near = self.retriever.possible_matches(plan, catalog, others_match=bool(met))
                    for group in near:
                        if group.candidate_id not in cells and group.evidence:
                            cells[group.candidate_id] = Cell(
                                verdict="possible",
                                evidence=group.evidence[:_EVIDENCE_PER_CELL],
                                note=group.why,
                            )
                else:
                    for group in retrieved.possible:
                        cells.setdefault(
                            group.candidate_id,
                            Cell(
                                verdict="possible",
                                evidence=group.evidence[:_EVIDENCE_PER_CELL],
                                note=group.why,
                            ),
                        )
        else:
            cells = {cid: Cell(verdict="meets") for cid in pool}  # the years decide alone
        if criterion.min_years is not None:
            cells = {cid: _with_years(catalog, cid, criterion, cells.get(cid)) for cid in pool}
        needed = language_level(criterion.text)
        if criterion.kind == "language" and needed:
            cells = {
                cid: _with_level(catalog, cid, criterion, cell, needed)
                for cid, cell in cells.items()
            }
        return cells


def bare_listed(line: ResumeLine) -> bool:
    """A skills-section line that only names things: a comma, pipe or bullet list of short
    terms (the catalog's own list reading), or a few words alone ("- Apache Kafka")."""
    if line.section != "skills" or line.heading:
        return False
    if list_items(line.text) is not None:
        return True
    body = line.text.split(":", 1)[1] if ":" in line.text[:40] else line.text
    return len(_BULLET.sub("", body).split()) <= _BARE_WORDS


def _listed(catalog: Catalog, evidence: Evidence) -> bool:
    resume = catalog.resumes.get(evidence.resume_id)
    if resume is None:
        return False
    lines = resume.line_range(evidence.page, evidence.line_start, evidence.line_end)
    return bool(lines) and all(bare_listed(line) for line in lines)


def _met_cells(
    groups: list[CandidateEvidence], plan: QueryPlan, catalog: Catalog
) -> dict[str, Cell]:
    """The "meets" cells, a line that shows the criterion in use quoted first; a candidate whose
    only lines are bare skills lists meets it with :data:`LISTED_ONLY` strength."""
    cells: dict[str, Cell] = {}
    windows: dict[str, list[Evidence]] | None = None  # read only when some cell needs it
    for group in groups:
        cid, evidence = group.candidate_id, group.evidence
        listed = [_listed(catalog, ev) for ev in evidence]
        strength = 1.0
        if all(listed):
            # The match quotes its best few lines; a role further down may still show it.
            if windows is None:
                windows = windows_showing(plan, catalog)
            used = [ev for ev in windows.get(cid, []) if not _listed(catalog, ev)]
            if used:
                evidence = [used[0], *evidence]
            else:
                strength = LISTED_ONLY
        else:
            evidence = [ev for ev, bare in zip(evidence, listed, strict=True) if not bare] + [
                ev for ev, bare in zip(evidence, listed, strict=True) if bare
            ]
        cells[cid] = Cell(
            verdict="meets",
            evidence=evidence[:_EVIDENCE_PER_CELL],
            strength=strength,
            note=LISTED_NOTE if strength < 1 else "",
        )
    return cells


# Spoken-language levels in three steps (CEFR and the words resumes use): 1 basic, 2 working,
# 3 fluent or better. A posting's "fluent Spanish" is not met by "Spanish (conversational)".
_LEVELS: list[tuple[int, re.Pattern[str]]] = [
    (
        3,
        re.compile(
            r"\b(?:native|mother tongue|bilingual|fluent|fluency|c1|c2|advanced|proficient|"
            r"full professional|professional working|first language)\b",
            re.I,
        ),
    ),
    (
        2,
        re.compile(
            r"\b(?:conversational|intermediate|working|b1|b2|good|business(?: level)?)\b", re.I
        ),
    ),
    (1, re.compile(r"\b(?:basic|beginner|elementary|a1|a2|some|learning)\b", re.I)),
]


def language_level(text: str | None) -> int | None:
    """1 (basic), 2 (working) or 3 (fluent or better) from a level as written; None if none."""
    for level, pattern in _LEVELS:
        if text and pattern.search(text):
            return level
    return None


def _with_level(catalog: Catalog, cid: str, criterion: Criterion, cell: Cell, needed: int) -> Cell:
    """A language criterion with a level: the candidate's stated level must reach it."""
    if cell.verdict not in ("meets", "possible"):
        return cell
    wanted = criterion.text.lower()
    for resume in catalog.resumes_of(cid):
        for spoken in resume.profile.languages:
            if spoken.language.lower() not in wanted:
                continue
            level = language_level(spoken.level)
            if level is not None and level < needed:
                return Cell(
                    verdict="missing",
                    evidence=[fact_evidence(resume, spoken, "level")],
                    note=f"{spoken.language}: {spoken.level}",
                )
            if level is not None:
                return cell
    return cell


def _only_framing(words: str) -> bool:
    rest = re.sub(r"\b(?:industry|experience|work)\b", "", words, flags=re.I)
    return not re.search(r"[a-z]{3,}", rest, flags=re.I)


def _with_years(catalog: Catalog, cid: str, criterion: Criterion, cell: Cell | None) -> Cell:
    """A minimum of years, checked against the span of the dated roles."""
    wanted = criterion.min_years or 0
    months = None
    first: Evidence | None = None
    for resume in catalog.resumes_of(cid):
        span = resume.profile.experience_months(date.today())
        if span is not None and (months is None or span > months):
            months = span
            dated = [p for p in resume.profile.roles if p.start is not None]
            earliest = min(dated, key=lambda p: p.start.ordinal() if p.start else 0)
            first = fact_evidence(resume, earliest, f"roles since {earliest.start}")
    if months is None:
        return Cell(verdict="unknown", note="no dated roles")
    if months < wanted * 12:
        return Cell(verdict="missing", note=f"{months // 12} years of dated roles")
    evidence = [*(cell.evidence if cell else []), *([first] if first else [])]
    verdict = cell.verdict if cell is not None else "missing"
    if verdict == "missing":
        return Cell(verdict="missing", note=f"{months // 12} years, not shown as {criterion.text}")
    return Cell(
        verdict=verdict,
        evidence=evidence[: _EVIDENCE_PER_CELL + 1],
        note=f"{months // 12} years of dated roles",
        strength=cell.strength if cell is not None else 1.0,
    )


def _row(catalog: Catalog, cid: str, rubric: Rubric, cells: list[Cell]) -> ScreenRow:
    score = 0.0
    must = [0.0, 0]
    gates_failed = 0
    for criterion, cell in zip(rubric.criteria, cells, strict=True):
        value = {"meets": 1.0, "possible": 0.5}.get(cell.verdict, 0.0)
        if criterion.mode == "gate":
            gates_failed += cell.verdict == "missing"
            continue
        if criterion.mode == "must":
            must[0] += value
            must[1] += 1
            score += _MUST_POINTS * criterion.weight * value
        else:
            score += criterion.weight * value * cell.strength
    share = must[0] / must[1] if must[1] else 1.0
    met = [cell for cell in cells if cell.verdict in ("meets", "possible")]
    strength = sum(
        (1.0 if cell.verdict == "meets" else 0.5)
        * cell.strength
        * max((ev.score for ev in cell.evidence), default=0)
        for cell in met
    )
    return ScreenRow(
        candidate_id=cid,
        name=catalog.candidates[cid].name,
        cells=cells,
        score=round(score, 2),
        must_share=round(share, 3),
        gates_failed=gates_failed,
        fits=gates_failed == 0 and share >= _FIT_SHARE and score > 0,
        why=_why(rubric, cells, score),
        listed_only=sum(cell.verdict == "meets" and cell.strength < 1 for cell in cells),
        strength=round(strength, 3),
    )


def _why(rubric: Rubric, cells: list[Cell], score: float) -> str:
    """ "fails the gate 'work permit'" or "meets 3 of 4 must-haves (not shown: Spark), ..." """
    failed = [
        c.text
        for c, cell in zip(rubric.criteria, cells, strict=True)
        if c.mode == "gate" and cell.verdict == "missing"
    ]
    if failed:
        return "fails the gate " + ", ".join(f"“{t}”" for t in failed)
    parts = []
    for mode, label in (("must", "must-haves"), ("nice", "nice-to-haves")):
        pairs = [
            (c, cell) for c, cell in zip(rubric.criteria, cells, strict=True) if c.mode == mode
        ]
        if not pairs:
            continue
        met = sum(cell.verdict == "meets" for _, cell in pairs)
        maybe = [c.text for c, cell in pairs if cell.verdict == "possible"]
        text = f"meets {met} of {len(pairs)} {label}"
        if maybe:
            text += " (possibly " + ", ".join(maybe) + ")"
        if mode == "must":
            missing = [c.text for c, cell in pairs if cell.verdict in ("missing", "unknown")]
            if missing:
                text += "; not shown: " + ", ".join(missing)
        parts.append(text)
    parts += [
        f"{requirement_words(c)}: {LISTED_NOTE}"
        for c, cell in zip(rubric.criteria, cells, strict=True)
        if cell.verdict == "meets" and cell.strength < 1
    ]
    return f"{score:g} points: " + "; ".join(parts)


_CLOSEST_SHOWN = 3  # candidates detailed when nobody leads


def leaders(screening: Screening) -> list[ScreenRow]:
    """The leading group: candidates who pass every gate, meet at least half the must-haves
    and are no more than one must-have behind the best score (so the answer shows a group, not
    an arbitrary top N)."""
    ranked = [
        r
        for r in screening.rows
        if r.gates_failed == 0 and r.score > 0 and r.must_share >= _LEADER_SHARE
    ]
    if not ranked:
        return []
    best = ranked[0].score
    return [r for r in ranked if r.score >= best - _MUST_POINTS - 1e-9]


def screening_answer(
    screening: Screening, catalog: Catalog, question: str, blind: bool = False
) -> Answer:
    """The ranking as a cited answer: the leading group with every criterion's verdict and
    quotes, then the next candidates by score (not quoted). ``blind`` shows "Candidate N"
    instead of names."""
    book = CitationBook(catalog)
    rubric = screening.rubric
    top = leaders(screening)
    label = {r.candidate_id: f"Candidate {i + 1}" for i, r in enumerate(screening.rows)}

    def name(row: ScreenRow) -> str:
        return label[row.candidate_id] if blind else md_name(row.name)

    title = f" for {rubric.title}" if rubric.title else ""
    parts = [
        f"**Screening{title}**: {len(rubric.criteria)} criteria "
        f"({sum(c.mode == 'must' for c in rubric.criteria)} must-have, "
        f"{sum(c.mode == 'nice' for c in rubric.criteria)} nice-to-have) checked for all "
        f"{screening.considered} candidates; ranked by points in code (a must-have met counts "
        f"{_MUST_POINTS:g}, a nice-to-have 1, a possible one half, and a nice-to-have only "
        f"listed among skills half)."
    ]
    detailed = top
    if not top:
        # Nobody leads: the closest few, with what they do show, so the gap can be checked.
        detailed = [r for r in screening.rows if r.score > 0][:_CLOSEST_SHOWN]
        parts.append(
            "No candidate passes every gate and meets at least half of the must-haves."
            + (" The closest, with what their resumes show:" if detailed else "")
        )
    else:
        noun = "candidate leads" if len(top) == 1 else "candidates lead"
        parts.append(f"**{len(top)} {noun}** (no one else is within one must-have of the best):")
    for rank, row in enumerate(detailed, 1):
        fit = "fits the must-haves" if row.fits else "misses some must-haves"
        lines = [f"{rank}. **{name(row)}**: {row.score:g} points, {fit}"]
        for criterion, cell in zip(rubric.criteria, row.cells, strict=True):
            verdict = _VERDICT_WORDS[cell.verdict]
            shown = f"   - {criterion.mode} · {criterion.text}: {verdict}"
            if cell.verdict == "meets" and cell.strength < 1:
                shown += f" ({LISTED_NOTE})"
            if cell.evidence and cell.verdict in ("meets", "possible"):
                shown += f": {quoted(book, cell.evidence)}"
            elif cell.note:
                shown += f" ({cell.note})"
            lines.append(shown)
        parts.append("\n".join(lines))
    rest = [r for r in screening.rows if r not in detailed and r.score > 0][:5]
    if rest:
        parts.append("Next by points: " + "; ".join(f"{name(r)} ({r.score:g})" for r in rest) + ".")
    notices = [f"Not used as a criterion: {why}" for why in rubric.refused]
    return Answer(
        question=question,
        answer="\n\n".join(parts),
        citations=book.citations,
        candidates=[label[r.candidate_id] if blind else r.name for r in detailed],
        candidate_ids=[r.candidate_id for r in detailed],
        notices=notices,
    )


def screening_table(
    screening: Screening, catalog: Catalog, blind: bool = False
) -> dict[str, object]:
    """The matrix as plain data (the ``--json`` shape; CSV and tables are made from it).

    ``rubric``: criteria with ids; ``rows``: every candidate in scope, ranked, failed gates at
    the end, each with why it is there and per criterion the verdict and its citations. With
    ``blind``, a row is "Candidate N", and names, emails, phones, links and file names are left
    out of every field (quotes included)."""
    criteria = [
        {"id": f"c{i + 1}", **c.model_dump(include={"text", "kind", "mode", "weight", "min_years"})}
        for i, c in enumerate(screening.rubric.criteria)
    ]
    rows: list[dict[str, object]] = []
    for rank, row in enumerate(screening.rows, 1):
        hide = _Redactor(catalog, row.candidate_id) if blind else None
        sources = catalog.candidates[row.candidate_id].sources
        cells = []
        for i, cell in enumerate(row.cells):
            citations = []
            for ev in cell.evidence:
                text = quote(catalog, ev.resume_id, ev.page, ev.line_start, ev.line_end)
                resume = catalog.resumes.get(ev.resume_id)
                if text is None or resume is None:
                    continue
                source = resume.source
                if hide is not None:
                    source = f"resume {sources.index(source) + 1}"
                    text = hide(text)
                citations.append(
                    {
                        "source": source,
                        "page": ev.page,
                        "line_start": ev.line_start,
                        "line_end": ev.line_end,
                        "text": text,
                    }
                )
            cells.append(
                {
                    "criterion": f"c{i + 1}",
                    "verdict": cell.verdict,
                    "strength": cell.strength,
                    "note": hide(cell.note) if hide else cell.note,
                    "citations": citations,
                }
            )
        rows.append(
            {
                "rank": rank,
                "candidate": f"Candidate {rank}" if blind else row.name,
                "candidate_id": None if blind else row.candidate_id,
                "sources": [f"resume {i + 1}" for i in range(len(sources))] if blind else sources,
                "gates_passed": row.gates_failed == 0,
                "why": row.why,
                "points": row.score,
                "must_share": row.must_share,
                "fits": row.fits,
                "cells": cells,
            }
        )
    return {"rubric": criteria, "rows": rows}


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LINK = re.compile(r"(?:https?://|www\.)\S+|\b(?:linkedin|github)\.com/\S*", re.IGNORECASE)
_PHONE = re.compile(r"\+?\d[\d\s().-]{6,}\d")
HIDDEN = "[hidden]"


def _phone(match: re.Match[str]) -> str:
    """A phone number (nine digits or more) is hidden; a date range such as 2016 - 2020 not."""
    digits = sum(ch.isdigit() for ch in match.group(0))
    return HIDDEN if digits >= 9 else match.group(0)


class _Redactor:
    """Takes a candidate's names, emails, phones and links out of a text (blind mode)."""

    def __init__(self, catalog: Catalog, candidate_id: str) -> None:
        cand = catalog.candidates[candidate_id]
        words = {w for n in [cand.name, *cand.aliases] for w in re.findall(r"[\w'’-]{2,}", n)}
        self.names = (
            re.compile(
                r"(?<!\w)(?:"
                + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                + r")(?!\w)",
                re.IGNORECASE,
            )
            if words
            else None
        )

    def __call__(self, text: str) -> str:
        text = _EMAIL.sub(HIDDEN, text)
        text = _LINK.sub(HIDDEN, text)
        text = _PHONE.sub(_phone, text)
        return self.names.sub(HIDDEN, text) if self.names else text


def _list(data: dict[str, object], key: str) -> list[dict[str, object]]:
    found = data[key]
    assert isinstance(found, list)
    return found


def cell_text(cell: dict[str, object]) -> str:
    """ "meets: “quote” (file p.1 l.3-4)" for one cell of :func:`screening_table`."""
    shown = "; ".join(
        f"“{c['text']}” ({c['source']}"
        + (f" p.{c['page']}" if c["page"] is not None else "")
        + f" l.{c['line_start']}"
        + (f"-{c['line_end']}" if c["line_end"] != c["line_start"] else "")
        + ")"
        for c in _list(cell, "citations")
    )
    verdict = str(cell["verdict"])
    strength = cell.get("strength", 1.0)
    if verdict == "meets" and isinstance(strength, float) and strength < 1:
        verdict += f" ({LISTED_NOTE})"
    return f"{verdict}: {shown}" if shown else verdict


def table_csv(table: dict[str, object]) -> str:
    """One row per candidate: rank, candidate, points, gates, why, then each criterion's cell."""
    out = io.StringIO()
    writer = csv.writer(out)
    criteria = [str(c["text"]) for c in _list(table, "rubric")]
    writer.writerow(["rank", "candidate", "points", "gates_passed", "why", *criteria])
    for row in _list(table, "rows"):
        writer.writerow(
            [row["rank"], row["candidate"], row["points"], row["gates_passed"], row["why"]]
            + [cell_text(cell) for cell in _list(row, "cells")]
        )
    return out.getvalue()


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~$])")


def _md(text: object) -> str:
    """One markdown table cell, shown literally (quotes are resume text: untrusted)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def table_markdown(table: dict[str, object]) -> str:
    """The matrix as a markdown table, one row per candidate."""
    criteria = [str(c["text"]) for c in _list(table, "rubric")]
    head = ["#", "candidate", "points", "why", *criteria]
    lines = ["| " + " | ".join(_md(h) for h in head) + " |", "|" + "---|" * len(head)]
    for row in _list(table, "rows"):
        cells = [_md(cell_text(cell)) for cell in _list(row, "cells")]
        lines.append(
            f"| {row['rank']} | {_md(row['candidate'])} | {row['points']} | {_md(row['why'])} | "
            + " | ".join(cells)
            + " |"
        )
    return "\n".join(lines) + "\n"
