"""Evidence -> numbered citations, and the check that every citation quotes the stored lines.

A citation's text is always read from the stored resume, never from an answer, so it can only
show words that are in the resume. :func:`verify` re-checks a finished answer anyway, because
answer strategies (an LLM, later ones) choose which citations to keep.
"""

from __future__ import annotations

from assistant.catalog import Catalog
from assistant.models import Citation, Evidence


def quote(catalog: Catalog, resume_id: str, page: int | None, start: int, end: int) -> str | None:
    """The stored lines ``start..end`` joined by newlines, or None if the range is not stored."""
    resume = catalog.resumes.get(resume_id)
    if resume is None or start > end:
        return None
    lines = resume.line_range(page, start, end)
    if len(lines) != end - start + 1 or any(line.suspicious for line in lines):
        return None  # not stored, or it would quote a line flagged as an instruction to an AI
    return "\n".join(line.text for line in lines)


class CitationBook:
    """Hands out citation numbers, one per distinct line range, in order of first use."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.citations: list[Citation] = []
        self._numbers: dict[tuple[str, int | None, int, int], int] = {}

    def cite(self, evidence: Evidence) -> int:
        key = (evidence.resume_id, evidence.page, evidence.line_start, evidence.line_end)
        if key in self._numbers:
            return self._numbers[key]
        text = quote(self.catalog, *key)
        if text is None:
            raise KeyError(f"evidence outside the stored resume: {key}")
        resume = self.catalog.resumes[evidence.resume_id]
        n = len(self.citations) + 1
        self.citations.append(
            Citation(
                n=n,
                candidate=self.catalog.candidates[resume.candidate_id].name,
                candidate_id=resume.candidate_id,
                source=resume.source,
                page=evidence.page,
                line_start=evidence.line_start,
                line_end=evidence.line_end,
                text=text,
            )
        )
        self._numbers[key] = n
        return n


def verify(citations: list[Citation], catalog: Catalog) -> list[Citation]:
    """The citations whose text equals the stored lines they name; the others are dropped."""
    good = []
    for citation in citations:
        resume = next(
            (r for r in catalog.resumes_of(citation.candidate_id) if r.source == citation.source),
            None,
        )
        if resume is None:
            continue
        stored = quote(catalog, resume.id, citation.page, citation.line_start, citation.line_end)
        if stored is not None and stored == citation.text:
            good.append(citation)
    return good
