"""The labeled question set over sample_docs, with the real embedding model."""

from __future__ import annotations

from functools import cache

import pytest

from assistant.citations import quote
from assistant.models import ResumeLine
from assistant.service import Assistant
from ingest.readers import read_lines
from tests.conftest import SAMPLE_RESUMES
from tests.evaluation import Report, evaluate


@pytest.fixture(scope="module")
def report(sample_assistant: Assistant) -> Report:
    return evaluate(sample_assistant)


@cache
def original_lines(source: str) -> list[ResumeLine]:
    """The file re-read independently of the store."""
    path = SAMPLE_RESUMES / source
    return read_lines(path.name, path.read_bytes())[1]


def test_labeled_questions_meet_the_bar(report: Report) -> None:
    assert len(report.turns) >= 30
    assert report.recall >= 0.95, report.text()
    assert report.precision >= 0.90, report.text()


def test_every_citation_equals_the_source_lines(
    report: Report, sample_assistant: Assistant
) -> None:
    checked = 0
    for turn in report.turns:
        for c in turn.answer.citations:
            source_lines = [
                ln.text
                for ln in original_lines(c.source)
                if ln.page == c.page and c.line_start <= ln.number <= c.line_end
            ]
            assert c.text == "\n".join(source_lines), (turn.question, c)
            resume = sample_assistant.resume_for(c.candidate_id, c.source)
            assert resume is not None
            assert (
                quote(sample_assistant.catalog, resume.id, c.page, c.line_start, c.line_end)
                == c.text
            )
            checked += 1
    assert checked > 100
