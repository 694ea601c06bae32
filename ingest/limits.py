"""Bounds on what one file may cost to read, checked before the expensive work starts.

A resume is small; a file that is not (a DOCX whose parts unpack to gigabytes, a PDF of hundreds
of pages, a file whose extraction never ends) is refused with a one-line reason, and the batch
goes on. The checks read only what the file declares about itself (a zip's directory, a PDF's
page count), so refusing a hostile file costs milliseconds and no memory.
"""

from __future__ import annotations

import io
import time
import zipfile
from dataclasses import dataclass

from assistant.settings import Settings

_MB = 1000 * 1000
# Small parts (styles, settings, relationships) are highly compressible XML; the ratio limit is
# only applied to parts big enough to matter.
_RATIO_FLOOR = 1 * _MB


class LimitExceeded(Exception):
    """A file over one of the limits; ``str(error)`` is the reason, in one line. The readers turn
    it into their :class:`~ingest.readers.ReadError`."""


@dataclass(frozen=True)
class Limits:
    """Per-file limits; the defaults are those of :class:`Settings`."""

    max_pdf_pages: int = 40
    extract_timeout_s: float = 20.0
    max_docx_unpacked_mb: int = 50
    max_docx_ratio: int = 100
    max_docx_members: int = 1000

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(
            max_pdf_pages=settings.max_pdf_pages,
            extract_timeout_s=settings.extract_timeout_s,
            max_docx_unpacked_mb=settings.max_docx_unpacked_mb,
            max_docx_ratio=settings.max_docx_ratio,
            max_docx_members=settings.max_docx_members,
        )

    def deadline(self) -> Deadline:
        return Deadline(self.extract_timeout_s)


def size_text(n: float) -> str:
    """Bytes for a person: GiB from about a gigabyte up (how a bomb's size reads), else MB/KB."""
    if n >= 1e9:
        return f"{n / 1024**3:.1f} GiB"
    if n >= _MB:
        return f"{n / _MB:.1f} MB"
    return f"{n / 1000:.0f} KB"


def check_docx(data: bytes, limits: Limits) -> None:
    """Refuse a DOCX whose zip directory declares too many parts, too many unpacked bytes, or a
    part compressed beyond any real document. Nothing is decompressed here.

    The declared sizes can be trusted as a bound: :mod:`zipfile`, which python-docx reads
    through, stops a part at its declared size and fails its CRC check if the data goes on."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a zip at all: the reader says so in its own words
    if len(members) > limits.max_docx_members:
        raise LimitExceeded(
            f"the DOCX holds {len(members):,} parts (limit {limits.max_docx_members:,}); "
            "not a resume"
        )
    limit = limits.max_docx_unpacked_mb * _MB
    for member in sorted(members, key=lambda m: m.file_size, reverse=True):
        if member.file_size > limit:
            raise LimitExceeded(
                f"{member.filename} would unpack to {size_text(member.file_size)} "
                f"(limit {limits.max_docx_unpacked_mb} MB)"
            )
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > _RATIO_FLOOR and ratio > limits.max_docx_ratio:
            raise LimitExceeded(
                f"{member.filename} is compressed {ratio:,.0f}:1 (limit "
                f"{limits.max_docx_ratio}:1); a zip bomb, not a resume"
            )
    total = sum(m.file_size for m in members)
    if total > limit:
        raise LimitExceeded(
            f"the DOCX would unpack to {size_text(total)} in all "
            f"(limit {limits.max_docx_unpacked_mb} MB)"
        )


def check_pdf(data: bytes, limits: Limits) -> None:
    """Refuse a PDF with more pages than the limit, before any page's text is extracted.
    Counting walks only the page tree. A PDF that cannot be opened is left to the reader, which
    explains why (corrupt, encrypted, ...)."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = len(reader.pages)
    except Exception:  # pypdf raises many kinds on malformed files; the reader reports them
        return
    if pages > limits.max_pdf_pages:
        raise LimitExceeded(
            f"the PDF has {pages:,} pages (limit {limits.max_pdf_pages}, RECRUITER_MAX_PDF_PAGES)"
        )


class Deadline:
    """A time budget for extracting one file, checked between units of work (PDF pages).

    Checked cooperatively rather than by killing a worker: a process per file would cost more
    than most files take to read, and a thread cannot be stopped. One unit that alone runs past
    the budget is therefore only stopped after it ends."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.started = time.monotonic()

    def check(self, done: str = "") -> None:
        spent = time.monotonic() - self.started
        if spent > self.seconds:
            where = f" ({done})" if done else ""
            raise LimitExceeded(
                f"reading took longer than {self.seconds:g} s{where}; "
                "limit RECRUITER_EXTRACT_TIMEOUT_S"
            )
