"""The labeled question set over sample_docs, with the real embedding model."""

from __future__ import annotations

from assistant.citations import quote
from assistant.service import Assistant
from ingest.readers import read_lines
from tests.conftest import SAMPLE_RESUMES
from tests.evaluation import evaluate


def test_labeled_questions_meet_the_bar(sample_assistant: Assistant) -> None:
    report = evaluate(sample_assistant)
    assert len(report.turns) >= 30
    assert report.recall >= 0.95, report.text()
    assert report.precision >= 0.90, report.text()


def test_every_citation_equals_the_source_lines(sample_assistant: Assistant) -> None:
    report = evaluate(sample_assistant)
    checked = 0
    for turn in report.turns:
        for c in turn.answer.citations:
            path = SAMPLE_RESUMES / c.source
            # Re-read the original file independently of the store.
            _, lines = read_lines(path.name, path.read_bytes())
            source_lines = [
                ln.text
                for ln in lines
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
