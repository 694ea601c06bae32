"""A cited PDF page as an image, with the cited lines highlighted.

The page is rendered by PDFium (``pypdfium2``) and each cited line is found on it by its text:
the stored line was extracted by pypdf and normalised at ingest (NFKC, so "ﬁ" is "fi"), while
PDFium has its own idea of spaces and line breaks, so both sides are folded the same way (NFKC,
case, dashes and quotes, every space and control character dropped) before the line is looked
for; icon glyphs and bullets, which one extractor maps and the other not, are dropped too, and a
long line whose first and last thirds are found about a line's length apart counts as found. A
line found gets a translucent band over its characters' boxes (one band per printed row); a line
not found is simply not highlighted. Units: PDF points for character boxes, pixels for the image
(:data:`WIDTH` wide, at most :data:`MAX_HEIGHT` tall).
"""

from __future__ import annotations

import ctypes
import functools
import io
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WIDTH = 900  # rendered page width in pixels: sharp at half a wide screen
MAX_HEIGHT = 2000  # pixels: a page many times taller than wide is drawn narrower instead
PALETTE = 64  # colours of the PNG
HIGHLIGHT = (255, 200, 0)  # the colour of the text viewer's <mark> (ui.markup._MARK_STYLE)
ALPHA = 110  # of 255: the text stays readable under the band
PAD = 2  # pixels around each band
_CACHED_PAGES = 64
_MIN_NEAR = 18  # folded characters a line needs before a near match is tried

# PDFium is not thread-safe, and Streamlit serves each session from its own thread.
_PDFIUM = threading.Lock()

# Characters PDF producers and extractors disagree on; the fold maps them to one form.
_SAME = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
    }
)


# Control and format characters print nothing; private-use ones are icon-font glyphs that
# one extractor maps and the other not, as are bullets drawn from symbol fonts.
_DROPPED = ("Cc", "Cf", "Co")
_BULLETS = frozenset("•◦▪▫●○■□◆◇►▸‣⁃∙·")


@dataclass(frozen=True)
class PageImage:
    """One rendered page: ``page`` is 1-based; ``found`` of the ``cited`` lines were located
    and highlighted."""

    page: int
    png: bytes
    width: int
    height: int
    cited: int
    found: int


def fold(text: str) -> str:
    """``text`` as it is compared: NFKC, case-folded, dashes and quotes unified, and without
    spaces, control and format characters (which PDFium and pypdf place differently), icon
    glyphs or bullets."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_SAME)
    return "".join(
        ch
        for ch in folded
        if not ch.isspace() and unicodedata.category(ch) not in _DROPPED and ch not in _BULLETS
    )


def render_cited_page(
    path: Path, page: int, lines: Sequence[str], content_hash: str = ""
) -> PageImage | None:
    """Page ``page`` (1-based) of the PDF at ``path`` with ``lines`` highlighted, or None when
    the file or the page is missing or PDFium cannot read it. ``content_hash`` keys the cache
    with the file's content, so a replaced file is rendered afresh."""
    try:
        if not path.is_file():  # erased, perhaps by another process: no cached page either
            return None
        return _render(str(path), content_hash, page, tuple(lines))
    except Exception:  # a damaged or vanished file: the viewer shows the text alone
        return None


def forget_rendered() -> None:
    """Drop every cached page (after an erasure: no page of a removed person stays in memory)."""
    _render.cache_clear()


@functools.lru_cache(maxsize=_CACHED_PAGES)
def _render(path: str, content_hash: str, page: int, lines: tuple[str, ...]) -> PageImage | None:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c
    from PIL import Image, ImageDraw

    if not Path(path).is_file():
        return None
    with _PDFIUM:
        document = pdfium.PdfDocument(path)
        try:
            if not 1 <= page <= len(document):
                return None
            pdf_page = document[page - 1]
            width_pt, height_pt = pdf_page.get_size()
            if width_pt <= 0 or height_pt <= 0:
                return None
            # A page's size is whatever the file says: the image stays within WIDTH x MAX_HEIGHT.
            scale = min(WIDTH / width_pt, MAX_HEIGHT / height_pt)
            image = pdf_page.render(scale=scale).to_pil().convert("RGB")
            text_page = pdf_page.get_textpage()
            rows = _find_lines(text_page, lines)

            def to_pixels(x: float, y: float) -> tuple[int, int]:
                # The page's own crop box and rotation, as the render applied them.
                px, py = ctypes.c_int(), ctypes.c_int()
                pdfium_c.FPDF_PageToDevice(
                    pdf_page.raw, 0, 0, image.width, image.height, 0, x, y, px, py
                )
                return px.value, py.value

            bands = []
            for left, bottom, right, top in (box for found in rows for box in found):
                (x0, y0), (x1, y1) = to_pixels(left, top), to_pixels(right, bottom)
                bands.append(
                    (min(x0, x1) - PAD, min(y0, y1) - PAD, max(x0, x1) + PAD, max(y0, y1) + PAD)
                )
        finally:
            document.close()
    if bands:
        overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(overlay)
        for band in bands:
            draw.rectangle(band, fill=(*HIGHLIGHT, ALPHA))
        image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    out = io.BytesIO()
    # A page is text on paper: 64 colours keep it sharp and the PNG a third of full colour's
    # size (~45 kB instead of ~150 kB for a sample page), which matters as every rerun of the
    # app sends the images of every answer shown.
    image.quantize(colors=PALETTE, method=Image.Quantize.MEDIANCUT).save(
        out, format="PNG", optimize=True
    )
    return PageImage(
        page=page,
        png=out.getvalue(),
        width=image.width,
        height=image.height,
        cited=len(lines),
        found=sum(1 for found in rows if found),
    )


Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF points
# pypdfium2 ships no type information: its objects are Any here.


def _find_lines(text_page: Any, lines: Sequence[str]) -> list[list[Box]]:
    """For each of ``lines``, the boxes of its printed rows on the page (empty: not found).
    When a line's text occurs more than once, an occurrence that fills a whole printed line is
    preferred, then one after the previous cited line (cited lines are consecutive)."""
    import pypdfium2.raw as pdfium_c

    raw = text_page.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    # The folded page text, and for each of its characters the PDFium character it came from
    # and the printed row (PDFium's line breaks) it is on.
    folded: list[str] = []
    owner: list[int] = []
    row_of: list[int] = []
    row = 0
    for index in range(count):
        char = chr(pdfium_c.FPDFText_GetUnicode(raw, index))
        if char == "\n":
            row += 1
        for piece in fold(char):
            folded.append(piece)
            owner.append(index)
            row_of.append(row)
    haystack = "".join(folded)

    def whole_row(start: int, end: int) -> bool:
        return (start == 0 or row_of[start - 1] != row_of[start]) and (
            end == len(haystack) or row_of[end] != row_of[end - 1]
        )

    found: list[list[Box]] = []
    previous_end = 0
    for line in lines:
        needle = fold(line)
        spans = _occurrences(haystack, needle) or _near_occurrences(haystack, needle)
        if not spans:
            found.append([])
            continue
        start, previous_end = min(
            spans, key=lambda span: (not whole_row(*span), span[0] < previous_end, span[0])
        )
        chars = sorted(set(owner[start:previous_end]))
        found.append(_row_boxes(text_page, chars))
    return found


def _occurrences(haystack: str, needle: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of ``needle``."""
    spans = []
    at = haystack.find(needle) if needle else -1
    while at != -1:
        spans.append((at, at + len(needle)))
        at = haystack.find(needle, at + 1)
    return spans


def _near_occurrences(haystack: str, needle: str) -> list[tuple[int, int]]:
    """Where a line's first and last thirds stand in order, about a line's length apart: the
    line with a few characters the two extractors read differently in its middle (a glyph
    without a Unicode mapping, a symbol). Short lines must match exactly."""
    if len(needle) < _MIN_NEAR:
        return []
    third = len(needle) // 3
    head, tail = needle[:third], needle[-third:]
    spans = []
    for start, _ in _occurrences(haystack, head):
        end = haystack.find(tail, start + third)
        if end != -1 and abs(end + third - start - len(needle)) <= len(needle) // 6:
            spans.append((start, end + third))
    return spans


def _row_boxes(text_page: Any, chars: Sequence[int]) -> list[Box]:
    """One box per printed row over these characters: a new row starts where a character's
    middle is outside the current row's height."""
    boxes: list[list[float]] = []
    for index in chars:
        left, bottom, right, top = text_page.get_charbox(index, loose=True)
        if right <= left or top <= bottom:
            continue  # a generated character (a space PDFium added) has no real box
        middle = (bottom + top) / 2
        if boxes and boxes[-1][1] <= middle <= boxes[-1][3]:
            box = boxes[-1]
            box[0], box[1] = min(box[0], left), min(box[1], bottom)
            box[2], box[3] = max(box[2], right), max(box[3], top)
        else:
            boxes.append([left, bottom, right, top])
    return [(b[0], b[1], b[2], b[3]) for b in boxes]
