"""The shared vocabulary: every model that crosses a module border lives here.

Units, once for all: line numbers are 1-based and ranges are inclusive. ``page`` is the 1-based
PDF page and ``None`` for every other format. For TXT/MD a line number is the file's own line
number; for PDF it is the line within that page's extracted text; for DOCX it is the paragraph
number (body paragraphs and table-cell paragraphs in document order).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field

Section = Literal[
    "header",
    "summary",
    "experience",
    "education",
    "skills",
    "languages",
    "certifications",
    "projects",
    "interests",  # hobbies and pastimes: "Reading (Kafka, Borges)", "darts league"
    "other",
]
FileFormat = Literal["pdf", "docx", "txt", "md"]
# Why text in a document is invisible to a person reading it.
HiddenReason = Literal[
    "background colour", "tiny text", "invisible render mode", "outside the page", "hidden in Word"
]


class ResumeLine(BaseModel):
    """One line of a resume exactly as the reader produced it (blank lines included)."""

    model_config = ConfigDict(frozen=True)

    page: int | None = None
    number: int = Field(ge=1)
    text: str
    section: Section = "header"
    heading: bool = Field(False, description="The line is a section heading, not content.")
    suspicious: bool = Field(
        False,
        description="Not to be trusted as resume content: reads like an instruction to an AI, or "
        "is hidden from a reader (see ``hidden``). Kept for the record; never searched, "
        "embedded, matched, cited or sent to a model.",
    )
    hidden: HiddenReason | None = Field(
        None,
        description="Why a person cannot see this text in the document (the reader found it); "
        "such a line is also ``suspicious``.",
    )
    columns: tuple[str, str] | None = Field(
        None,
        description="On a PDF page laid out in two columns, the line's text in the left and in "
        "the right column ('' where one has none); None elsewhere. See ingest.columns.",
    )

    @property
    def blank(self) -> bool:
        return not self.text.strip()


class Identity(BaseModel):
    """Who a resume belongs to, as found in its text. ``name`` is None when the resume has none."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    links: list[str] = Field(default_factory=list)


DegreeLevel = Literal["doctorate", "master", "bachelor", "associate", "diploma", "certificate"]
DEGREE_RANK: dict[str, int] = {
    "certificate": 1,
    "diploma": 2,
    "associate": 3,
    "bachelor": 4,
    "master": 5,
    "doctorate": 6,
}


class Fact(BaseModel):
    """Something read from a resume, with the lines it was read from: every fact is a citation.
    ``page`` is None except for PDFs; ``line_end`` >= ``line_start`` (both 1-based, inclusive)."""

    page: int | None = None
    line_start: int = Field(ge=1)
    line_end: int = Field(ge=1)

    @classmethod
    def on(cls, line: ResumeLine, **fields: Any) -> Self:
        """The fact read from one line."""
        return cls(page=line.page, line_start=line.number, line_end=line.number, **fields)

    def where(self) -> str:
        """ "p. 2, lines 3–5" ("line 3" for one line; no page outside PDFs)."""
        page = f"p. {self.page}, " if self.page is not None else ""
        if self.line_start == self.line_end:
            return f"{page}line {self.line_start}"
        return f"{page}lines {self.line_start}–{self.line_end}"


class TextFact(Fact):
    value: str


class Phone(Fact):
    text: str = Field(description="The number as written in the resume.")
    e164: str | None = Field(None, description="The number in E.164 form (+15125550181).")


class Location(Fact):
    text: str = Field(description="The place as written (“Austin, TX”).")
    city: str | None = None
    region: str | None = Field(None, description="State or province, full name (“Texas”).")
    country: str | None = None


class PartialDate(BaseModel):
    """A date as resumes give it: a year, or a year and a month (1-12)."""

    model_config = ConfigDict(frozen=True)

    year: int = Field(ge=1900, le=2200)
    month: int | None = Field(None, ge=1, le=12)

    def ordinal(self, end: bool = False) -> int:
        """Months since year 0. A year alone counts from January, or to December as an end."""
        return self.year * 12 + ((self.month or (12 if end else 1)) - 1)

    def __str__(self) -> str:
        return f"{self.year}-{self.month:02d}" if self.month else str(self.year)


class Period(BaseModel):
    """When something must have happened: "before 2018", "since 2020", "between 2015 and 2018",
    "in the last 3 years", "currently". Years are inclusive; ``None`` leaves that side open."""

    model_config = ConfigDict(frozen=True)

    first: int | None = Field(None, description="First year that counts.")
    last: int | None = Field(None, description="Last year that counts.")
    current: bool = Field(False, description="Only what is ongoing now counts.")
    text: str = Field(description="As the question puts it (“before 2018”).")

    def covers(self, start: int | None, end: int | None, ongoing: bool) -> bool:
        """Whether a stretch of time from ``start`` to ``end`` (years; ``ongoing`` when it runs
        to today) meets the period: it overlaps it, or is ongoing when only that counts. A
        stretch without dates never does."""
        if self.current:
            return ongoing
        if start is None and end is None:
            return False
        start = start if start is not None else end
        end = None if ongoing else (end if end is not None else start)
        return (self.last is None or (start is not None and start <= self.last)) and (
            self.first is None or end is None or end >= self.first
        )


class Position(Fact):
    """A role: title at employer from start to end (``current`` when it is ongoing)."""

    title: str | None = None
    employer: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    current: bool = False
    dates_text: str | None = Field(None, description="The dates as written (“Mar 2021 – Present”).")
    note: str | None = Field(None, description="Why dates are missing or uncertain.")

    def months(self, today: date) -> int | None:
        """Length in months (inclusive of both ends); None without a start."""
        if self.start is None:
            return None
        stop = _month_ordinal(today) if self.current or self.end is None else self.end.ordinal(True)
        return max(0, stop - self.start.ordinal() + 1)

    @property
    def is_internship(self) -> bool:
        """A role held while studying ("Data Science Intern", "Summer internship", "Co-op")."""
        return _INTERNSHIP.search(self.title or "") is not None

    @property
    def is_break(self) -> bool:
        """An entry that names a break ("Career break", "Sabbatical"): no work, no employer."""
        return _BREAK.search(f"{self.title or ''} {self.employer or ''}") is not None

    def span(self, today: date) -> tuple[int, int] | None:
        """First and last month (as ordinals); None without a start."""
        months = self.months(today)
        if self.start is None or months is None:
            return None
        return self.start.ordinal(), self.start.ordinal() + months - 1


class Degree(Fact):
    level: DegreeLevel | None = None
    degree: str = Field(description="The degree as written (“M.Sc.”, “Master of Science”).")
    field: str | None = None
    school: str | None = None
    school_aliases: list[str] = Field(
        default_factory=list, description="Short names the school goes by (“UCLA”, “Georgia Tech”)."
    )
    year: int | None = Field(None, description="Graduation (or last) year.")
    completed: bool = True


class SpokenLanguage(Fact):
    language: str
    level: str | None = Field(None, description="As written: native, fluent, C2, basic, ...")


class StatedYears(Fact):
    years: int
    text: str = Field(description="The phrase that states them (“8 years in penetration testing”).")


class Notice(Fact):
    """The notice period a resume states ("Notice Period: 30 days"), in days; 0 is "immediate"."""

    days: int = Field(ge=0)
    text: str = Field(description="The lines as written (“Notice Period: 30 days”).")


class Profile(BaseModel):
    """What a resume says about its candidate, each fact with its lines.

    ``version`` is the extractor's version that produced it; a newer extractor rebuilds profiles
    from the stored lines without re-reading or re-embedding the file."""

    version: int = 0
    name: TextFact | None = None
    headline: TextFact | None = Field(None, description="The title line under the name.")
    emails: list[TextFact] = Field(default_factory=list)
    phones: list[Phone] = Field(default_factory=list)
    links: list[TextFact] = Field(default_factory=list)
    location: Location | None = None
    positions: list[Position] = Field(default_factory=list)
    education: list[Degree] = Field(default_factory=list)
    languages: list[SpokenLanguage] = Field(default_factory=list)
    programming_languages: list[TextFact] = Field(default_factory=list)
    certifications: list[TextFact] = Field(default_factory=list)
    stated_years: list[StatedYears] = Field(default_factory=list)
    notice: Notice | None = None
    notes: list[str] = Field(
        default_factory=list, description="What could not be read, said instead of guessed."
    )

    @property
    def roles(self) -> list[Position]:
        """The positions that are work: an entry naming a career break is none."""
        return [p for p in self.positions if not p.is_break]

    def current_positions(self) -> list[Position]:
        return [p for p in self.roles if p.current]

    def highest_degree(self) -> Degree | None:
        ranked = [d for d in self.education if d.level is not None and d.completed]
        return max(ranked, key=lambda d: DEGREE_RANK[d.level or ""], default=None)

    def employer_months(self, today: date) -> dict[str, int]:
        """Months at each employer, overlapping roles at one employer counted once."""
        spans: dict[str, list[tuple[int, int]]] = {}
        for p in self.roles:
            span = p.span(today)
            if p.employer and span is not None:
                spans.setdefault(p.employer, []).append(span)
        return {employer: union_months(s) for employer, s in spans.items()}

    def experience_months(self, today: date) -> int | None:
        """From the earliest start to the latest end (or today), gaps included; None when no
        role has a start date."""
        dated = [p for p in self.roles if p.start is not None]
        if not dated:
            return None
        first = min(p.start.ordinal() for p in dated if p.start is not None)
        last = max(
            _month_ordinal(today) if p.current or p.end is None else p.end.ordinal(True)
            for p in dated
        )
        return max(0, last - first + 1)


class Gap(BaseModel):
    """A stretch of months between dated roles (or after the last one, when none is held now)."""

    first: int = Field(description="First month without a role (ordinal: year * 12 + month - 1).")
    last: int = Field(description="Last month without a role.")
    before: Position = Field(description="The role that ended before it.")
    after: Position | None = Field(None, description="The role that began after it, if any.")
    stated: Position | None = Field(
        None, description="An entry that names the break itself ('Career break, 2015 - 2017')."
    )

    @property
    def months(self) -> int:
        return self.last - self.first + 1

    def text(self) -> str:
        def month(n: int) -> str:
            return f"{n // 12}-{n % 12 + 1:02d}"

        until = month(self.last) if self.after is not None else "now"
        return f"a gap of {self.months} months, {month(self.first)} to {until}"


def employment_gaps(positions: list[Position], today: date, at_least: int) -> list[Gap]:
    """Stretches of ``at_least`` months or more that no dated role covers, between the first
    role and today. A year without a month reads as January to December, so "2015 - 2018"
    then "2019 - present" has no gap."""
    spans = [(span, p) for p in positions if (span := p.span(today)) is not None]
    # An entry that names a break ("Career break", "Sabbatical") covers no work.
    breaks = [(span, p) for span, p in spans if p.is_break]
    dated = sorted((item for item in spans if item not in breaks), key=lambda item: item[0])
    gaps: list[Gap] = []
    reach, last_role = -1, None
    for (first, last), role in dated:
        # The months after an internship are study, not time out of work.
        if last_role is not None and first - reach - 1 >= at_least and not last_role.is_internship:
            gaps.append(Gap(first=reach + 1, last=first - 1, before=last_role, after=role))
        if last > reach:
            reach, last_role = last, role
    now = _month_ordinal(today)
    if last_role is not None and now - reach >= at_least:
        gaps.append(Gap(first=reach + 1, last=now, before=last_role))
    for gap in gaps:
        stated = [p for (a, b), p in breaks if a <= gap.last and b >= gap.first]
        gap.stated = stated[0] if stated else None
    return gaps


_INTERNSHIP = re.compile(r"\b(?:intern|internship|co-?op|summer (?:analyst|associate))\b", re.I)
_BREAK = re.compile(
    r"\b(?:career break|sabbatical|gap year|(?:parental|maternity|paternity|family|medical) "
    r"leave|leave of absence|time off)\b",
    re.IGNORECASE,
)


def years_months(months: int) -> str:
    """A length as people say it: "6 years", "3 years 1 month", "7 months"."""
    years, rest = divmod(months, 12)
    parts = [f"{years} year{'s' if years != 1 else ''}"] if years else []
    if rest or not years:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " ".join(parts)


def _month_ordinal(day: date) -> int:
    return day.year * 12 + day.month - 1


def union_months(spans: list[tuple[int, int]]) -> int:
    """Months covered by these (first, last) month spans, overlaps counted once."""
    total, reach = 0, -1
    for first, last in sorted(spans):
        if last > reach:
            total += last - max(first, reach + 1) + 1
            reach = last
    return total


class Resume(BaseModel):
    """One ingested file. A candidate may have several resumes (one person, two files)."""

    id: str = Field(description="Stable id derived from the source name.")
    source: str = Field(description="File name (or path below the ingested folder) shown to users.")
    format: FileFormat
    content_hash: str = Field(description="sha256 of the file bytes; a new hash replaces the old.")
    candidate_id: str
    candidate_name: str = Field(
        description="The name in the resume, or a label from the file name."
    )
    identity: Identity
    profile: Profile = Field(default_factory=Profile)
    lines: list[ResumeLine]
    warnings: list[str] = Field(default_factory=list)

    def line_range(self, page: int | None, start: int, end: int) -> list[ResumeLine]:
        """Lines ``start..end`` (inclusive) of ``page``; empty when the range is not stored."""
        return [ln for ln in self.lines if ln.page == page and start <= ln.number <= end]


class Chunk(BaseModel):
    """A few consecutive lines of one section, the unit that is embedded and searched."""

    id: str
    resume_id: str
    candidate_id: str
    section: Section
    page: int | None
    line_start: int
    line_end: int
    text: str = Field(description="The text that is embedded (may be a window of a long line).")


class Candidate(BaseModel):
    """One person: one or more resumes (files) taken to be theirs."""

    id: str
    name: str
    named: bool = Field(
        description="False when no resume has a name and the label is made up (email user, ...)."
    )
    email: str | None = None
    phone: str | None = None
    links: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    resume_ids: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    title: str | None = Field(None, description="Current title (of the first ongoing role).")
    employer: str | None = Field(None, description="Current employer(s), joined by “; ”.")
    location: str | None = None
    profile_resume_id: str | None = Field(
        None, description="The resume whose profile represents the candidate (the fullest one)."
    )
    merged: list[str] = Field(
        default_factory=list,
        description="Why several files are taken as this one person (beyond the same name).",
    )
    aliases: list[str] = Field(
        default_factory=list,
        description="Other labels a user may call an unnamed candidate by (from file names).",
    )


class Evidence(BaseModel):
    """A contiguous run of lines of one resume offered to an answer strategy."""

    candidate_id: str
    resume_id: str
    page: int | None
    line_start: int
    line_end: int
    score: float = 0.0
    reason: str = Field("", description="What this evidence shows, e.g. the matched requirement.")


class Citation(BaseModel):
    """A checked pointer into a stored resume; ``text`` is the cited lines joined by newlines."""

    n: int = Field(ge=1)
    candidate: str
    candidate_id: str
    source: str
    page: int | None
    line_start: int
    line_end: int
    text: str


class Answer(BaseModel):
    question: str
    answer: str = Field(description="Markdown; refers to citations as [n].")
    citations: list[Citation] = Field(default_factory=list)
    candidates: list[str] = Field(
        default_factory=list, description="Names of the candidates the answer is about."
    )
    candidate_ids: list[str] = Field(default_factory=list)
    notices: list[str] = Field(default_factory=list, description="Things the user should know.")
    strategy: str = "extractive"
    model: str | None = Field(None, description="The chat model that wrote the answer, if any.")
    unmatched: str | None = Field(
        None,
        description="The requirement of a “who has” question that no candidate states (possible "
        "matches aside), so a reader can be offered a next step; None otherwise.",
    )

    def public(self) -> dict[str, object]:
        """The ``--json`` shape: question, answer and citations."""
        return {
            "question": self.question,
            "answer": self.answer,
            "citations": [
                c.model_dump(
                    include={"n", "candidate", "source", "page", "line_start", "line_end", "text"}
                )
                for c in self.citations
            ],
        }


class Turn(BaseModel):
    question: str
    answer: Answer
    kind: str | None = Field(None, description="The kind of question (match, about, search).")
    scope_ids: list[str] = Field(default_factory=list, description="Candidates it considered.")
    employers: list[str] = Field(
        default_factory=list,
        description="Employers it asked about, for 'there' in the next question ('How long "
        "were they there?').",
    )
    operation: str | None = Field(
        None, description="What it did (rank, compare, ...): 'his' after a ranking is the first."
    )


class Conversation(BaseModel):
    """The chat so far; follow-ups resolve against the candidates of the last turn."""

    turns: list[Turn] = Field(default_factory=list)

    @property
    def last(self) -> Turn | None:
        return self.turns[-1] if self.turns else None

    @property
    def last_candidate_ids(self) -> list[str]:
        for turn in reversed(self.turns):
            if turn.answer.candidate_ids:
                return turn.answer.candidate_ids
        return []


IngestStatus = Literal["ingested", "replaced", "unchanged", "failed", "skipped"]


class IngestOutcome(BaseModel):
    source: str
    status: IngestStatus
    reason: str | None = None
    candidate: str | None = None
    lines: int = 0
    chunks: int = 0
    warnings: list[str] = Field(default_factory=list)


class IngestReport(BaseModel):
    outcomes: list[IngestOutcome] = Field(default_factory=list)

    def count(self, status: IngestStatus) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[IngestOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def summary(self) -> str:
        new = self.count("ingested") + self.count("replaced")
        text = f"{new} ingested, {self.count('unchanged')} unchanged, {len(self.failed)} failed"
        if skipped := self.count("skipped"):
            text += f", {skipped} skipped"
        return text


# -- screening against a job description ------------------------------------------------------

CriterionKind = Literal[
    "skill", "years", "degree", "language", "certification", "location", "employer"
]
CriterionMode = Literal["gate", "must", "nice"]
Verdict = Literal["meets", "possible", "missing", "unknown"]


class Criterion(BaseModel):
    """One requirement of a job description. A gate passes or fails and never adds points; a
    must-have and a nice-to-have add ``weight`` when met (half of it when possibly met)."""

    text: str = Field(min_length=1, max_length=300)
    kind: CriterionKind = "skill"
    mode: CriterionMode = "must"
    weight: float = Field(1.0, ge=0.0, le=10.0)
    min_years: int | None = Field(None, ge=0, le=60)


class Rubric(BaseModel):
    title: str = ""
    criteria: list[Criterion] = Field(default_factory=list)
    refused: list[str] = Field(
        default_factory=list,
        description="Lines of the posting not used as criteria, each with the reason.",
    )
    read_by: str = Field(
        "",
        description="Who read the criteria from the posting: its structure, or the model named.",
    )
    notes: list[str] = Field(
        default_factory=list, description="How the rubric was read (a model not used, and why)."
    )


class Cell(BaseModel):
    """One candidate against one criterion."""

    verdict: Verdict
    evidence: list[Evidence] = Field(default_factory=list)
    note: str = ""
    strength: float = Field(
        1.0,
        ge=0.0,
        le=1.0,
        description="How strongly a met criterion is shown: 1 in a role, project or other "
        "sentence, 0.5 when the only lines are bare skills lists (a nice-to-have then adds half "
        "its weight).",
    )


class ScreenRow(BaseModel):
    candidate_id: str
    name: str
    cells: list[Cell]
    score: float = Field(description="Points from must-haves and nice-to-haves.")
    must_share: float = Field(description="Share of the must-haves met (possible counts half).")
    gates_failed: int = 0
    fits: bool = False
    why: str = Field("", description="Why the row is where it is, in words.")
    listed_only: int = Field(
        0, description="Criteria met only in bare skills lists: fewer first among equal points."
    )
    strength: float = Field(0.0, description="Match scores of the evidence: orders what is left.")


class Screening(BaseModel):
    rubric: Rubric
    considered: int
    rows: list[ScreenRow] = Field(default_factory=list, description="Ranked, best first.")


# -- the question plan: what a question asks, shared by the planners, retrieval and answers --

Kind = Literal["match", "about", "search"]
Aspect = Literal[
    "summary",
    "experience",
    "education",
    "skills",
    "languages",
    "certifications",
    "contact",
    "years",
    "location",
    "current",
    "roles",  # every role: "Which companies has Dana worked for?"
    "first_role",  # "What was Dana's first job?"
    "previous_role",  # "Who was Dana's previous employer?"
]
ContactField = Literal["email", "phone", "links"]
# The role a question asks about: the first one, the one held now, the time at the current
# employer (all its roles: "joined their current company in 2019"), the last one when none
# is held now ("left their last job in 2024", "not working at the moment"), one that began
# then ("started a new job in 2024") or any role held ("was working in 2015", "the longest
# tenure at one company").
RoleAsked = Literal[
    "first", "current", "current_employer", "ended", "started", "held", "returned", "promoted"
]
Scope = Literal["named", "follow_up", "focus", "all"]
# What the answer does with the candidates in scope: who matches, how many, side by side,
# ordered by experience, one fact or section, or the closest passages.
Operation = Literal["who", "count", "compare", "rank", "fact", "search"]


class DegreeRequirement(BaseModel):
    """A degree a question asks for: any of ``levels``, or one of ``names`` ("MBA", "MD"),
    optionally in a field ("computer science")."""

    levels: list[DegreeLevel] = Field(default_factory=list)
    names: list[str] = Field(default_factory=list)
    field: str | None = None


class QueryPlan(BaseModel):
    question: str
    kind: Kind
    scope: Scope
    operation: Operation = "search"
    candidate_ids: list[str] = Field(
        description="Candidates in scope (all of them when scope=all)."
    )
    aspect: Aspect | None = None
    contact_fields: list[ContactField] = Field(default_factory=list)
    requirement: str = Field(
        "", description="The words of the requirement, as the user wrote them."
    )
    concepts: list[list[tuple[str, ...]]] = Field(default_factory=list)
    relaxed: list[list[tuple[str, ...]]] = Field(
        default_factory=list,
        description="'Swift for iOS': the requirement read apart at 'for', each part met on any "
        "line; tried when no line holds it whole.",
    )
    optional_terms: list[str] = Field(
        default_factory=list,
        description="The requirement's leading verbs ('run' in 'run A/B tests'); a line may lack "
        "one that is much commoner across the resumes than what it acts on.",
    )
    soft_terms: dict[str, Section] = Field(
        default_factory=dict,
        description="Terms a line may lack when it is in this section (certif: certifications).",
    )
    min_years: int | None = Field(
        None, description="'More than 5 years ...': a line must state at least this many years."
    )
    max_years: int | None = Field(
        None, description="'Less than 5 years ...': a line must state at most this many years."
    )
    min_career_years: int | None = Field(
        None,
        description="'A Python developer with 5+ years of experience': the whole career, from the "
        "dated roles or a stated 'N years of experience', beside the other requirements.",
    )
    years_over: bool = Field(
        False,
        description="'More than 5 years', 'over 5 years': strictly more than the minimum (5 years "
        "and a month of dated roles; a stated 6 years), not 'at least'.",
    )
    min_team: int | None = Field(
        None,
        description="'Led a team of more than 10': a line must state leading at least this many "
        "people ('Manage 14 engineers', 'a team of 12').",
    )
    min_count: int | None = Field(
        None,
        description="'Worked at three or more companies', 'speaks at least 3 languages': the "
        "profile must list at least this many of what ``aspect`` counts.",
    )
    fields: list[str] = Field(
        default_factory=list,
        description="'Which of them work in tech?', 'healthcare candidates': fields of work "
        "(assistant.fields), read from the titles of the roles the candidates hold now.",
    )
    fields_ever: bool = Field(
        False,
        description="'Who has worked in sales?', 'a background in finance': the titles of every "
        "role count, not only the ones held now.",
    )
    fields_excluded: bool = Field(
        False,
        description="'Who is not in tech?', 'non-technical roles': the candidates whose titles "
        "are outside ``fields``.",
    )
    min_gap_months: int | None = Field(
        None,
        description="'Who has gaps in their employment?', 'a career break of over a year': a "
        "stretch of at least this many months that no dated role covers.",
    )
    max_notice_days: int | None = Field(
        None,
        ge=0,
        description="'Which of them can join within 30 days?', 'immediate joiners': the longest "
        "notice period the resume may state, in days (0: immediately).",
    )
    gap_between_roles: bool = Field(
        False,
        description="'a gap between two jobs': only gaps that a role ends and another begins "
        "(not the time since the last role ended).",
    )
    role: RoleAsked | None = Field(
        None,
        description="'Started their career before 2010', 'first job at Stripe' (first); "
        "'in their current role since 2020' (current); 'joined their current employer in "
        "2021', 'at their current company for 5+ years' (current_employer, from the first role "
        "there); 'left their last job in 2024', 'not currently working' (ended: no role held "
        "now, the period checked against the end of the last): the period, employers and years "
        "are checked against that role only.",
    )
    period: Period | None = Field(
        None,
        description="'Worked at Stripe before 2020', 'graduated after 2015', 'Kafka since 2021', "
        "'currently at Block': the role, degree or lines that show the requirement must fall in "
        "it.",
    )
    employers: list[str] = Field(
        default_factory=list,
        description="'Worked at Block or Square', 'anyone from Stripe': checked against the "
        "employers of the candidates' roles, never against loose words.",
    )
    employers_all: bool = Field(
        False,
        description="'Worked at Spotify and Klarna': every one of the employers, not any.",
    )
    employers_former: bool = Field(
        False,
        description="'Former Amazon employees', 'who left Amazon', 'used to work at Stripe': "
        "a role there that has ended, and none there now.",
    )
    place: str | None = Field(
        None, description="'Based in Ohio': checked against the candidates' locations."
    )
    place_near: bool = Field(
        False,
        description="'near Sydney', 'around Boston': the place's surroundings count too (twice "
        "the reach of a city's own parts; see assistant.places.part_of).",
    )
    degree: DegreeRequirement | None = Field(
        None, description="'A master's in computer science', 'an MBA': checked against education."
    )
    place_excluded: str | None = Field(
        None,
        description="'Which engineers are not in the US?', 'based outside the EU': whoever lives "
        "there is left out (a candidate whose resume gives no place is kept, and counted).",
    )
    employers_excluded: list[str] = Field(
        default_factory=list,
        description="'Who hasn't worked at Google?': whoever held a role there is left out.",
    )
    work_place_excluded: str | None = Field(
        None,
        description="'Which candidates never worked in the US?': whoever held a role there (as "
        "``work_place`` reads it) is left out.",
    )
    degree_excluded: DegreeRequirement | None = Field(
        None,
        description="'Who doesn't have a degree?', 'without a master's': whoever holds such a "
        "completed degree is left out.",
    )
    school_place: str | None = Field(
        None,
        description="'Studied in the UK', 'went to college in Texas': where a school of theirs "
        "is, read from the school's name and line, not where they live.",
    )
    work_place: str | None = Field(
        None,
        description="'Who has worked in India?', 'work experience in the UK': a role there, from "
        "the places its own lines name (where they live counts for a role held now that names "
        "none).",
    )
    schools: list[str] = Field(
        default_factory=list,
        description="'Studied at KTH', 'graduated from an IIT or an NIT': checked against schools.",
    )
    excluded: list[list[tuple[str, ...]]] = Field(
        default_factory=list,
        description="'Python but not Java': concepts a matching candidate must not have.",
    )
    excluded_text: str = Field("", description="The words of the excluded part, as written.")
    shortest_first: bool = Field(
        False,
        description="A ranking asks for the least experienced first ('the most junior').",
    )
    each: bool = Field(
        False,
        description="'Summarize the nurses', 'the email of each data engineer': the fact about "
        "every candidate the description fits, not only the one it fits best.",
    )
    as_title: bool = Field(
        False,
        description="'Which candidates are teachers?', 'list the accountants', 'How many nurses "
        "do we have?': the requirement is what they are, met by a role title or the headline; "
        "a candidate who only mentions it elsewhere ('sold to accounting firms') is named in a "
        "note, not listed.",
    )
    order_by: Literal["graduation", "recency", "notice"] | None = Field(
        None,
        description="'Who has the shortest notice period?', 'Who can start soonest?' (notice): "
        "by the notice period the resume states, the shortest first (the longest with "
        "shortest_first False). A ranking by a date: 'Who graduated most recently?', 'the earliest "
        "graduate' by the year of the latest degree that fits ``degree`` (the earliest, with "
        "shortest_first); 'Who has used React most recently?' by the end of the latest dated "
        "role whose lines show the requirement.",
    )
    description: str = Field(
        "",
        description="'The email of the ML engineer in Berlin', 'Who was the lead developer of "
        "X?': one candidate described, not named; the answer is about the one who fits best.",
    )

    there: str | None = Field(
        None,
        description="The employer 'there' stands for, from the question before ('How long were "
        "they there?' after 'Who worked at Spotify?').",
    )

    def asked(self) -> str:
        """The question, with the employer "there" stands for named."""
        return f"{self.question} (at {self.there})" if self.there else self.question

    def fewest_months(self, years: int | None) -> int:
        """The fewest months of dated roles that meet a minimum of ``years``: one more than
        the years themselves when the question said "more than"."""
        return (years or 0) * 12 + (1 if self.years_over and years else 0)

    def fewest_stated(self, years: int | None) -> int:
        """The fewest whole years a resume must state to meet a minimum of ``years``."""
        return (years or 0) + (1 if self.years_over and years else 0)
