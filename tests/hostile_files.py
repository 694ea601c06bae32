"""Hostile files for the ingest limits, and how long and how much memory refusing them takes.

``python -m tests.hostile_files`` builds, in a temporary folder, a ~1 MB DOCX whose
``word/document.xml`` unpacks to 1 GiB and a 300-page PDF, reads each the way ingest does, and
prints the reason, the time and the peak memory (the process's peak RSS from ``getrusage``,
and the peak of Python allocations while reading, from ``tracemalloc``). The tests use the same
builders but never assert a time.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

from pypdf import PdfWriter

GIB = 1024**3
_CHUNK = 1024 * 1024

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def make_docx_bomb(path: Path, unpacked: int = GIB) -> Path:
    """A DOCX-shaped zip whose ``word/document.xml`` unpacks to ``unpacked`` bytes of spaces.
    Written in streamed chunks, so building it never holds more than a chunk in memory."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        with zf.open("word/document.xml", "w", force_zip64=True) as part:
            head = b'<?xml version="1.0"?><w:document>'
            part.write(head)
            chunk = b" " * _CHUNK
            left = unpacked - len(head)
            while left > 0:
                part.write(chunk[: min(left, _CHUNK)])
                left -= _CHUNK
    return path


def make_blank_pdf(path: Path, pages: int = 300) -> Path:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=612, height=792)
    with path.open("wb") as out:
        writer.write(out)
    return path


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def measure(path: Path) -> tuple[str, float, float]:
    """Read ``path`` as ingest does: (the outcome, seconds, peak MB of Python allocations)."""
    from ingest.readers import ReadError, read_lines

    data = path.read_bytes()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        read_lines(path.name, data)
        outcome = "read (not refused)"
    except ReadError as err:
        outcome = f"refused: {err}"
    seconds = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return outcome, seconds, peak / 1e6


def main() -> None:
    import ingest.readers  # noqa: F401  (imported before timing, as in a running ingest)

    with tempfile.TemporaryDirectory() as tmp:
        cases = [
            ("DOCX bomb (1 GiB unpacked)", make_docx_bomb(Path(tmp) / "bomb.docx")),
            ("PDF of 300 blank pages", make_blank_pdf(Path(tmp) / "long.pdf")),
        ]
        for label, path in cases:
            outcome, seconds, traced = measure(path)
            size = path.stat().st_size / 1e6
            print(f"{label}: {size:.1f} MB file, {outcome}")
            print(f"    {seconds:.3f} s to refuse, {traced:.1f} MB peak Python allocations")
    print(f"process peak RSS (building the files included): {_peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
