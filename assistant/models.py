"""The shared vocabulary: every model that crosses a module border lives here.

Units, once for all: line numbers are 1-based and ranges are inclusive. ``page`` is the 1-based
PDF page and ``None`` for every other format. For TXT/MD a line number is the file's own line
number; for PDF it is the line within that page's extracted text; for DOCX it is the paragraph
number (body paragraphs and table-cell paragraphs in document order).
"""

from __future__ import annotations

from typing import Literal

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
    "other",
]
FileFormat = Literal["pdf", "docx", "txt", "md"]


class ResumeLine(BaseModel):
    """One line of a resume exactly as the reader produced it (blank lines included)."""

    model_config = ConfigDict(frozen=True)

    page: int | None = None
    number: int = Field(ge=1)
    text: str
    section: Section = "header"
    heading: bool = Field(False, description="The line is a section heading, not content.")
    suspicious: bool = Field(
        False, description="Reads like an instruction to an AI; never searched, cited or sent."
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
    id: str
    name: str
    named: bool = Field(
        description="False when the resume has no name and the label is the file's."
    )
    email: str | None = None
    phone: str | None = None
    links: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


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
