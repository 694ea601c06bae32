"""sections -> chunks that carry their line ranges and stay small enough for MiniLM."""

from __future__ import annotations

from assistant.models import Identity, Resume, ResumeLine
from ingest.chunking import chunk_resume
from ingest.sections import label_sections


def resume(texts: list[str], page: int | None = None) -> Resume:
    lines = label_sections(
        [ResumeLine(page=page, number=i, text=t) for i, t in enumerate(texts, 1)]
    )
    return Resume(
        id="r-1",
        source="x.txt",
        format="txt",
        content_hash="ab" * 32,
        candidate_id="name:x",
        candidate_name="Xavi Roe",
        identity=Identity(name="Xavi Roe"),
        lines=lines,
    )


def test_chunks_stay_within_sections_and_keep_line_ranges() -> None:
    r = resume(["Xavi Roe", "", "Skills", "Python", "Go", "", "Education", "B.S. Math"])
    chunks = chunk_resume(r, max_words=60)
    assert [(c.section, c.line_start, c.line_end) for c in chunks] == [
        ("header", 1, 1),
        ("skills", 3, 5),
        ("education", 7, 8),
    ]
    assert chunks[1].text.startswith("Xavi Roe (skills):")
    assert len({c.id for c in chunks}) == len(chunks)


def test_chunks_are_capped_by_words() -> None:
    bullets = [f"- did task number {i} with care" for i in range(20)]  # 7 words each
    chunks = chunk_resume(resume(["Experience", *bullets]), max_words=30)
    assert all(len(c.text.split(":", 1)[1].split()) <= 30 for c in chunks)
    covered = [n for c in chunks for n in range(c.line_start, c.line_end + 1)]
    assert covered == list(range(1, 22))  # every line once, in order


def test_a_very_long_line_becomes_windows_citing_that_line() -> None:
    long_line = " ".join(f"word{i}" for i in range(200))
    chunks = chunk_resume(resume(["Summary", long_line]), max_words=60)
    windows = [c for c in chunks if c.line_start == 2]
    assert len(windows) >= 3
    assert all(c.line_end == 2 for c in windows)
    assert all(len(c.text.split()) <= 60 + 3 for c in windows)
    assert "word199" in windows[-1].text


def test_chunk_ids_change_with_content() -> None:
    a = resume(["Xavi Roe", "Skills", "Go"])
    b = a.model_copy(update={"content_hash": "cd" * 32})
    assert {c.id for c in chunk_resume(a, 60)}.isdisjoint({c.id for c in chunk_resume(b, 60)})
