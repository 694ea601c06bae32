"""PDF pages laid out in two columns, read column by column for the profile.

pypdf's plain text extraction, which the lines, their numbers and every citation follow, joins
the two columns of a page row by row: "London, United Kingdom EXPERIENCE", "SKILLS - Own the
ledger services". Its layout extraction keeps them apart by position. A page is read as two
columns when a gutter of blank space runs down its layout text, at least
:data:`_MIN_TWO_SIDED` rows hold text on both sides of it, and each side has a section heading
of its own (dates aligned to the right margin of a one-column resume are no column: they hold
no heading). Each of the page's lines then keeps its text in each column
(``ResumeLine.columns``), and :func:`reading_order` gives the profile the left column and then
the right one; what a profile fact cites is still the whole line.

A page whose layout rows cannot be matched to its plain lines one for one is left as it is.
"""

from __future__ import annotations

from assistant.models import ResumeLine
from ingest.sections import heading_section

_MIN_TWO_SIDED = 4
_GUTTER = 2  # blank characters a gutter needs on each side of its centre
_MAX_CROSSING = 0.2  # share of rows that may run across the gutter (a full-width header)


def _bare(text: str) -> str:
    return "".join(text.split())


def _gutter(rows: list[str]) -> int | None:
    """The character column of a gutter: blank in (nearly) every row, with text on both sides
    in the most rows; None when there is none."""
    width = max((len(r) for r in rows), default=0)
    best: tuple[int, int] | None = None
    for c in range(8, width - 8):
        two_sided = crossing = 0
        for row in rows:
            if row[c - _GUTTER : c + _GUTTER + 1].strip():
                crossing += 1
            elif row[: c - _GUTTER].strip() and row[c + _GUTTER + 1 :].strip():
                two_sided += 1
        if crossing <= _MAX_CROSSING * len(rows) and (best is None or two_sided > best[0]):
            best = (two_sided, c)
    return best[1] if best and best[0] >= _MIN_TWO_SIDED else None


def split_columns(layout: str, lines: list[ResumeLine]) -> list[ResumeLine]:
    """One page's lines, each with its text per column when the page is laid out in two
    (``layout`` is the page's layout-mode text); the lines unchanged otherwise."""
    rows = [r.rstrip() for r in layout.split("\n") if r.strip()]
    c = _gutter(rows)
    if c is None:
        return lines
    parts: list[tuple[str, str] | None] = []
    for row in rows:
        if row[c - _GUTTER : c + _GUTTER + 1].strip():
            parts.append(None)  # runs across the page: a header line
        else:
            parts.append((" ".join(row[:c].split()), " ".join(row[c:].split())))
    left = [p[0] for p in parts if p and p[0]]
    right = [p[1] for p in parts if p and p[1]]
    if not (any(heading_section(t) for t in left) and any(heading_section(t) for t in right)):
        return lines
    # Match the layout rows to the plain lines, in order, by their text without spaces.
    content = [i for i, ln in enumerate(lines) if ln.text.strip()]
    if len(content) != len(rows):
        return lines
    out = list(lines)
    for i, row, part in zip(content, rows, parts, strict=True):
        if _bare(lines[i].text) != _bare(row):
            return lines
        if part is not None:
            out[i] = lines[i].model_copy(update={"columns": part})
    return out


def reading_order(lines: list[ResumeLine]) -> list[ResumeLine]:
    """The lines as a reader reads them: on a page in two columns, the lines that run across it
    before the columns, then the left column's text and then the right's, each piece keeping
    its line's page and number (so a fact read from it cites that line)."""
    out: list[ResumeLine] = []
    pages: dict[int | None, list[ResumeLine]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    for page_lines in pages.values():
        if not any(ln.columns for ln in page_lines):
            out.extend(page_lines)
            continue
        first = next(i for i, ln in enumerate(page_lines) if ln.columns)
        out.extend(page_lines[:first])
        for side in (0, 1):
            for line in page_lines[first:]:
                if line.columns is None:
                    if side == 0:
                        out.append(line)  # a full-width line below the columns
                    continue
                if text := line.columns[side]:
                    out.append(line.model_copy(update={"text": text, "columns": None}))
    return out
