"""Hostile files are refused before they are parsed, with a one-line reason, and the batch goes
on. The figures of time and memory are printed by ``python -m tests.hostile_files``; here only
the behaviour (and memory, which does not depend on how busy the machine is) is asserted."""

from __future__ import annotations

import io
import os
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from assistant.models import Resume
from assistant.store import ChromaStore
from ingest.limits import Limits
from ingest.pipeline import Ingestor, SourceFile
from ingest.readers import ReadError, read_lines
from tests.hostile_files import GIB, make_blank_pdf, make_docx_bomb
from tests.test_readers import make_docx, make_pdf

DANA = "Dana Park\ndana@example.com\n\nSkills\nKubernetes, Go, Terraform\n"


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """~1 MB of DOCX whose document part unpacks to 1 GiB (built once: deflating a GiB takes
    seconds)."""
    return make_docx_bomb(tmp_path_factory.mktemp("bomb") / "bomb.docx", GIB)


def test_a_docx_bomb_is_refused_from_its_directory_alone(bomb: Path) -> None:
    data = bomb.read_bytes()
    assert len(data) < 2_000_000
    tracemalloc.start()
    try:
        with pytest.raises(ReadError) as refused:
            read_lines("bomb.docx", data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert str(refused.value) == "word/document.xml would unpack to 1.0 GiB (limit 50 MB)"
    assert peak < 20_000_000  # nothing was unpacked


def zip_of(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("parts", "limits", "reason"),
    [
        (
            {"word/document.xml": b" " * 2_500_000},
            Limits(max_docx_unpacked_mb=2, max_docx_ratio=100_000),
            "word/document.xml would unpack to 2.5 MB (limit 2 MB)",
        ),
        (
            {f"word/media/image{i}.png": os.urandom(400_000) for i in range(3)},
            Limits(max_docx_unpacked_mb=1),
            "the DOCX would unpack to 1.2 MB in all (limit 1 MB)",
        ),
        (
            {f"customXml/item{i}.xml": b"<a/>" for i in range(11)},
            Limits(max_docx_members=10),
            "the DOCX holds 11 parts (limit 10); not a resume",
        ),
        (
            {"word/document.xml": b" " * 3_000_000},
            Limits(max_docx_ratio=100),
            "word/document.xml is compressed",
        ),
    ],
    ids=["one-part", "all-parts", "members", "ratio"],
)
def test_docx_limits(parts: dict[str, bytes], limits: Limits, reason: str) -> None:
    with pytest.raises(ReadError) as refused:
        read_lines("cv.docx", zip_of(parts), limits)
    assert str(refused.value).startswith(reason)
    assert "\n" not in str(refused.value)


def test_a_real_docx_is_within_every_limit() -> None:
    tight = Limits(max_docx_unpacked_mb=1, max_docx_members=20, max_docx_ratio=10)
    _, lines = read_lines("cv.docx", make_docx(["Ada Quint", "Skills: Go"]), tight)
    assert [ln.text for ln in lines] == ["Ada Quint", "Skills: Go"]


def test_a_long_pdf_is_refused_before_extraction(tmp_path: Path) -> None:
    data = make_blank_pdf(tmp_path / "long.pdf", 300).read_bytes()
    with pytest.raises(ReadError) as refused:
        read_lines("long.pdf", data)
    assert str(refused.value) == "the PDF has 300 pages (limit 40, RECRUITER_MAX_PDF_PAGES)"


def test_the_page_limit_is_a_setting() -> None:
    three = make_pdf([["Ada Quint"], ["Skills: Go"], ["Education"]])
    assert len(read_lines("cv.pdf", three, Limits(max_pdf_pages=3))[1]) == 3
    with pytest.raises(ReadError, match=r"has 3 pages \(limit 2,"):
        read_lines("cv.pdf", three, Limits(max_pdf_pages=2))


def test_extraction_stops_when_its_time_is_spent() -> None:
    # A budget already spent when the first page is reached; no clock is raced.
    three = make_pdf([["Ada Quint"], ["Skills: Go"], ["Education"]])
    with pytest.raises(ReadError) as refused:
        read_lines("cv.pdf", three, Limits(extract_timeout_s=1e-9))
    assert str(refused.value) == (
        "reading took longer than 1e-09 s (stopped at page 1 of 3); "
        "limit RECRUITER_EXTRACT_TIMEOUT_S"
    )


def test_limit_refusals_fail_alone_and_leave_the_store_untouched(
    tmp_path: Path, ingestor: Ingestor, store: ChromaStore
) -> None:
    files = [
        SourceFile("bomb.docx", path=make_docx_bomb(tmp_path / "bomb.docx", 60_000_000)),
        SourceFile("long.pdf", path=make_blank_pdf(tmp_path / "long.pdf", 300)),
        SourceFile("dana.txt", data=DANA.encode()),
    ]
    report = ingestor.ingest(files)
    reasons = {o.source: (o.status, o.reason) for o in report.outcomes}
    assert reasons == {
        "bomb.docx": ("failed", "word/document.xml would unpack to 60.0 MB (limit 50 MB)"),
        "long.pdf": ("failed", "the PDF has 300 pages (limit 40, RECRUITER_MAX_PDF_PAGES)"),
        "dana.txt": ("ingested", None),
    }
    stored: list[Resume] = store.load_resumes()
    assert [r.source for r in stored] == ["dana.txt"]
