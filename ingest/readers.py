"""File -> numbered lines, one reader per format.

Line numbers are what a person sees in the document, because citations are built from them:
TXT/MD use the file's own 1-based line numbers; PDF uses the page and the line within that page's
extracted text (pypdf); DOCX uses the paragraph number, counting body paragraphs and the
paragraphs inside table cells in document order. Blank lines are kept so numbering never shifts.

Text a person cannot see (see :mod:`ingest.visibility`) is not numbered among what they see: in
a PDF page it follows the page's visible lines, in a DOCX a wholly hidden paragraph keeps its
number and hidden runs of a visible paragraph follow the last paragraph; either way the line is
marked ``hidden`` with the reason.

Every failure is a :class:`ReadError` whose message is one line a recruiter can act on.
"""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.models import FileFormat, HiddenReason, ResumeLine
from ingest.columns import split_columns
from ingest.limits import Deadline, LimitExceeded, Limits, check_docx, check_pdf
from ingest.visibility import (
    docx_page_colour,
    hidden_docx_run,
    hidden_lines,
    hidden_pdf_operations,
    without_operations,
)

# pypdf logs its repairs of malformed files ("EOF marker not found") as warnings; a file it
# cannot read is reported by us with a clear reason, so its own chatter stays out of the output.
logging.getLogger("pypdf").setLevel(logging.ERROR)

SUPPORTED = {".pdf": "pdf", ".docx": "docx", ".txt": "txt", ".md": "md", ".markdown": "md"}
_HINTS = {
    ".doc": "legacy Word .doc is not supported; save it as DOCX or PDF",
    ".rtf": "RTF is not supported; save it as DOCX, PDF or TXT",
    ".odt": "ODT is not supported; save it as DOCX or PDF",
    ".pages": "Pages files are not supported; export to PDF",
}


class ReadError(Exception):
    """A file that cannot be read as a resume; ``str(error)`` is the reason, in one line."""


def file_format(name: str) -> FileFormat:
    suffix = Path(name).suffix.lower()
    if suffix in SUPPORTED:
        return SUPPORTED[suffix]  # type: ignore[return-value]
    if suffix in _HINTS:
        raise ReadError(_HINTS[suffix])
    shown = suffix or "no extension"
    raise ReadError(f"unsupported file type ({shown}); use PDF, DOCX, TXT or Markdown")


def read_lines(
    name: str, data: bytes, limits: Limits | None = None
) -> tuple[FileFormat, list[ResumeLine]]:
    """Read a resume from its bytes; ``name`` picks the format by extension. A file over one of
    the ``limits`` (see :mod:`ingest.limits`) is refused before it is parsed."""
    fmt = file_format(name)
    if not data.strip():
        raise ReadError("empty file")
    limits = limits or Limits()
    deadline = limits.deadline()
    reader: Callable[[bytes], list[ResumeLine]] = {
        "pdf": lambda pdf: _read_pdf(pdf, deadline),
        "docx": _read_docx,
        "txt": _read_text,
        "md": _read_text,
    }[fmt]
    try:
        if fmt == "docx":
            check_docx(data, limits)
        elif fmt == "pdf":
            check_pdf(data, limits)
        lines = reader(data)
    except LimitExceeded as err:
        raise ReadError(str(err)) from err
    if not any(line.text.strip() for line in lines):
        if fmt == "pdf":
            raise ReadError("no extractable text in this PDF (a scanned image?); OCR it first")
        raise ReadError("no text in this file")
    return fmt, lines


def _split(text: str, page: int | None = None) -> list[ResumeLine]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parts = text.split("\n")
    if parts and parts[-1] == "":
        parts.pop()  # a final newline ends the last line; it does not start a new one
    return [ResumeLine(page=page, number=i, text=t.rstrip()) for i, t in enumerate(parts, 1)]


def decode_text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise ReadError("cannot decode this UTF-16 text file") from err
    if b"\x00" in data:
        raise ReadError("binary data, not a text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        # Many resumes are saved from Windows editors; cp1252 is the usual other encoding, but
        # it maps almost every byte, so only accept it when the result reads like text.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = ""
        control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
        if text and control == 0:
            return text
        raise ReadError(
            f"cannot decode the text: not UTF-8 (bad byte 0x{data[err.start]:02x} at offset "
            f"{err.start}); save the file as UTF-8"
        ) from err


def _read_text(data: bytes) -> list[ResumeLine]:
    return _split(decode_text(data))


def _read_pdf(data: bytes, deadline: Deadline | None = None) -> list[ResumeLine]:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ReadError("not a PDF file (no %PDF header); the file is corrupt or misnamed")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many "protected" PDFs only restrict printing and open with an empty password.
            try:
                if not reader.decrypt(""):
                    raise ReadError("encrypted PDF (password protected); remove the password")
            except FileNotDecryptedError as err:
                raise ReadError("encrypted PDF (password protected); remove the password") from err
            except NotImplementedError as err:
                raise ReadError(f"encrypted PDF with unsupported encryption ({err})") from err
        lines: list[ResumeLine] = []
        for number, page in enumerate(reader.pages, 1):
            if deadline is not None:
                deadline.check(f"stopped at page {number} of {len(reader.pages)}")
            lines.extend(_pdf_page_lines(reader, page, number))
        return lines
    except (ReadError, LimitExceeded):
        raise
    except FileNotDecryptedError as err:
        raise ReadError("encrypted PDF (password protected); remove the password") from err
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as err:
        raise ReadError(f"corrupt or unreadable PDF ({_one_line(err)})") from err
    except Exception as err:  # pypdf raises many kinds on malformed files
        raise ReadError(f"corrupt or unreadable PDF ({type(err).__name__})") from err


_MAX_HIDDEN_LINES = 200


def _pdf_page_lines(reader: Any, page: Any, number: int) -> list[ResumeLine]:
    """One page's lines, those holding text a person cannot see (white on white, a 1 pt font,
    invisible render mode, outside the page) marked ``hidden``."""
    from pypdf import PageObject
    from pypdf.generic import ContentStream, NameObject

    try:
        contents = page.get_contents()
        operations = contents.operations if contents is not None else []
        box = tuple(float(v) for v in page.cropbox)
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        images = {
            str(name)
            for name, ref in (xobjects.get_object().items() if xobjects is not None else [])
            if ref.get_object().get("/Subtype") == "/Image"
        }
        hidden = hidden_pdf_operations(operations, box, images)  # type: ignore[arg-type]
    except Exception:  # an odd content stream: read the page as before, all of it visible
        hidden = {}
    if not hidden:
        return _columns(page, _split(page.extract_text() or "", page=number))

    def text_without(drop: set[int]) -> str:
        view = PageObject(pdf=reader)
        view.update(page.items())
        stream = ContentStream(None, reader)
        stream.operations = without_operations(operations, drop)
        view[NameObject("/Contents")] = stream
        return view.extract_text() or ""

    # Line numbers stay those of the whole page's text (what score keepers and the viewer count,
    # see the README); a line is marked hidden when it is not one of the lines a person sees and
    # holds hidden text. A line mixing both is marked hidden whole: flagged, never searched.
    lines = _split(page.extract_text() or "", page=number)
    seen: dict[str, int] = {}
    for line in _split(text_without(set(hidden)), page=number):
        key = " ".join(line.text.split())
        seen[key] = seen.get(key, 0) + 1
    everything = set(range(len(operations)))
    groups = hidden_lines(hidden)
    if len(groups) > _MAX_HIDDEN_LINES:  # one extraction per line would take too long
        reasons = dict.fromkeys(r for r, _ in hidden.values())
        groups = [({i for i, (r, _) in hidden.items() if r == why}, why) for why in reasons]
    parts = [
        (" ".join(part.split()), reason)
        for own, reason in groups
        for part in text_without(everything - own).split("\n")
        if part.strip()
    ]
    out = []
    for line in lines:
        key = " ".join(line.text.split())
        if seen.get(key, 0) > 0:
            seen[key] -= 1
            out.append(line)
            continue
        reason = next((why for part, why in parts if part and part in key), None)
        out.append(line.model_copy(update={"hidden": reason}) if reason else line)
    return _columns(page, out)


def _columns(page: Any, lines: list[ResumeLine]) -> list[ResumeLine]:
    """The page's lines with their text per column when it is laid out in two (see
    :mod:`ingest.columns`)."""
    try:
        layout = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # layout mode fails on some odd pages: the page is read as one column
        return lines
    return split_columns(layout, lines)


def _read_docx(data: bytes) -> list[ResumeLine]:
    import docx
    from docx.table import Table
    from docx.text.hyperlink import Hyperlink
    from docx.text.paragraph import Paragraph

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReadError("not a DOCX file (not a zip archive); the file is corrupt or misnamed")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:
        raise ReadError(f"corrupt or unreadable DOCX ({_one_line(err)})") from err

    texts: list[str] = []
    # Text in runs Word does not show (hidden effect, white on white, under 4 pt): a paragraph of
    # it alone keeps its number and is marked; hidden runs inside a visible paragraph are taken
    # out of it and stored after the last paragraph.
    hidden_at: dict[int, HiddenReason] = {}
    hidden_parts: list[tuple[str, HiddenReason]] = []
    page_colour = docx_page_colour(document)

    def paragraph_text(paragraph: Paragraph) -> str:
        runs = [
            run
            for inner in paragraph.iter_inner_content()
            for run in (inner.runs if isinstance(inner, Hyperlink) else [inner])
        ]
        reasons = [hidden_docx_run(run, paragraph.style, page_colour) for run in runs]
        if not any(reasons):
            return paragraph.text
        seen = "".join(run.text for run, why in zip(runs, reasons, strict=True) if not why)
        unseen = [(run.text, why) for run, why in zip(runs, reasons, strict=True) if why]
        if not seen.strip():
            hidden_at[len(texts) + 1] = unseen[0][1]
            return paragraph.text
        for reason in dict.fromkeys(why for _, why in unseen):
            part = " ".join("".join(t for t, why in unseen if why == reason).split())
            if part:
                hidden_parts.append((part, reason))
        return seen

    def walk(items: list[Paragraph | Table]) -> None:
        for item in items:
            if isinstance(item, Paragraph):
                texts.append(paragraph_text(item))
            else:
                for row in item.rows:
                    seen: set[int] = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:  # merged cells repeat; read them once
                            continue
                        seen.add(id(cell._tc))
                        walk(list(cell.iter_inner_content()))

    walk(list(document.iter_inner_content()))
    # A paragraph with soft line breaks is still one paragraph, hence one citable line.
    lines = [
        ResumeLine(number=i, text=" ".join(t.split("\n")).rstrip(), hidden=hidden_at.get(i))
        for i, t in enumerate(texts, 1)
    ]
    for text, reason in hidden_parts:
        lines.append(ResumeLine(number=len(lines) + 1, text=text, hidden=reason))
    return lines


def _one_line(err: BaseException) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return text[:160]
