"""Which text in a PDF or DOCX a person can see: what the reader sees is what gets searched.

Applicants hide text for machines: white on a white page, a 1 pt font, PDF render mode 3
("invisible", as OCR layers use), text placed outside the page, Word's "hidden" font effect.
Text extraction reads it all, so it is found here and set apart: the reader
(:mod:`ingest.readers`) numbers only the visible lines, and stores the hidden text after them as
lines marked ``hidden`` (with the reason), for the recruiter to see and never to be searched.

PDF: pypdf, not pdfplumber. pdfplumber would give each character's colour and size, but it is not
installed, and pypdf is what reads the text already. pypdf's ``visitor_text`` hands over text
when its buffer is flushed, which can be after the fill colour has changed again (one ``BT`` with
a black ``Tj`` then a white ``Tj`` flushes once), so it cannot say which words were white.
Instead :func:`hidden_pdf_operations` walks the page's content stream itself, keeping the
graphics state that decides visibility (fill and stroke colour, render mode, font size, text and
current matrices, and the filled shapes drawn so far, which are the background), and marks each
text-showing operator. The reader then lets pypdf extract the page twice, once without the hidden
operators and once with only them, so the words themselves are always decoded by pypdf.

Not covered: text inside form XObjects (pypdf extracts it as visible), text clipped away or
covered by a shape drawn later, optional content layers switched off.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any

from assistant.models import HiddenReason

TINY_PT = 4.0  # text under this height in points is not read by a person
_NEAR = 0.1  # colours closer than this in every RGB channel (0..1) are the same to the eye
_WHITE = (1.0, 1.0, 1.0)

Matrix = tuple[float, float, float, float, float, float]
RGB = tuple[float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_SHOW = {b"Tj", b"TJ", b"'", b'"'}
_PAINT_FILL = {b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}


def _mult(m: Matrix, n: Matrix) -> Matrix:
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _num(value: Any, default: float = 0.0) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return default
    return number if math.isfinite(number) else default


def _colour(operands: list[Any]) -> RGB | None:
    """Gray, RGB or CMYK operands as RGB; None for a pattern or an unknown space."""
    values = [_num(v, -1.0) for v in operands]
    if any(v < 0 for v in values):
        return None  # a pattern name or junk: its look is unknown
    if len(values) == 1:
        return (values[0],) * 3
    if len(values) == 3:
        return values[0], values[1], values[2]
    if len(values) == 4:
        c, m, y, k = values
        return (1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k)
    return None


def _near(a: RGB | None, b: RGB | None) -> bool:
    return (
        a is not None
        and b is not None
        and all(abs(x - y) <= _NEAR for x, y in zip(a, b, strict=True))
    )


@dataclass
class _State:
    ctm: Matrix = _IDENTITY
    fill: RGB | None = (0.0, 0.0, 0.0)
    stroke: RGB | None = (0.0, 0.0, 0.0)
    render: int = 0
    size: float = 0.0
    scale: float = 1.0  # Tz / 100
    leading: float = 0.0


@dataclass
class _Walker:
    box: tuple[float, float, float, float]
    state: _State = field(default_factory=_State)
    stack: list[_State] = field(default_factory=list)
    tm: Matrix = _IDENTITY
    tlm: Matrix = _IDENTITY
    path: list[tuple[float, float]] = field(default_factory=list)
    # Painted areas in page space, latest last: (x0, y0, x1, y1, colour or None for an image)
    painted: list[tuple[float, float, float, float, RGB | None]] = field(default_factory=list)

    def background(self, x: float, y: float) -> RGB | None:
        for x0, y0, x1, y1, colour in reversed(self.painted):
            if x0 <= x <= x1 and y0 <= y <= y1:
                return colour
        return _WHITE

    def move(self, tx: float, ty: float) -> None:
        self.tlm = _mult((1.0, 0.0, 0.0, 1.0, tx, ty), self.tlm)
        self.tm = self.tlm

    def paint(self, colour: RGB | None) -> None:
        if self.path:
            xs, ys = [p[0] for p in self.path], [p[1] for p in self.path]
            self.painted.append((min(xs), min(ys), max(xs), max(ys), colour))

    def show(self, glyphs: int, offset: float) -> tuple[HiddenReason | None, float]:
        """Why text shown now is invisible, then advance the pen (roughly: half an em per
        glyph, as the widths of the font are not read here)."""
        s = self.state
        trm = _mult(self.tm, s.ctm)
        height = abs(s.size) * math.hypot(trm[2], trm[3])
        width = abs(s.size) * s.scale * math.hypot(trm[0], trm[1])
        x, y = trm[4], trm[5]
        run = (glyphs * 0.5 * s.size - offset / 1000 * s.size) * s.scale
        self.tm = _mult((1.0, 0.0, 0.0, 1.0, run, 0.0), self.tm)
        x0, y0, x1, y1 = self.box
        end_x, _ = _apply(_mult(self.tm, s.ctm), 0.0, 0.0)
        background = self.background(x, y + height / 3)
        # Invisible text over an image is an OCR layer: the image shows what it says.
        if s.render in (3, 7) and background is not None:
            return "invisible render mode", y
        if glyphs and (height < TINY_PT or width < TINY_PT / 4):
            return "tiny text", y
        if max(x, end_x) < x0 or min(x, end_x) > x1 or y + height < y0 or y > y1:
            return "outside the page", y
        filled = s.render in (0, 2, 4, 6)
        stroked = s.render in (1, 2, 5, 6)
        if (
            (filled or stroked)
            and (not filled or _near(s.fill, background))
            and (not stroked or _near(s.stroke, background))
        ):
            return "background colour", y
        return None, y


def _glyphs(value: Any) -> int:
    if isinstance(value, bytes):
        return len(value)
    if isinstance(value, str):
        return len(value)
    return 0


def hidden_pdf_operations(
    operations: list[tuple[list[Any], bytes]],
    box: tuple[float, float, float, float],
    images: set[str],
) -> dict[int, tuple[HiddenReason, float]]:
    """The index of every text-showing operator (``Tj``, ``TJ``, ``'``, ``"``) of a page's content
    stream whose text a person cannot see, with the reason and its height on the page (points).
    ``box`` is the visible page box (x0, y0, x1, y1); ``images`` are the names of the page's image
    XObjects (an image behind the text is a background of unknown colour, so colour says nothing
    there, and invisible text over it is an OCR layer)."""
    w = _Walker(box=box)
    hidden: dict[int, tuple[HiddenReason, float]] = {}
    for index, (operands, operator) in enumerate(operations):
        s = w.state
        if operator == b"q":
            w.stack.append(replace(s))
        elif operator == b"Q":
            w.state = w.stack.pop() if w.stack else _State()
        elif operator == b"cm" and len(operands) >= 6:
            m = tuple(_num(v) for v in operands[:6])
            s.ctm = _mult(m, s.ctm)  # type: ignore[arg-type]
        elif operator in (b"g", b"rg", b"k", b"sc", b"scn"):
            s.fill = _colour(operands)
        elif operator in (b"G", b"RG", b"K", b"SC", b"SCN"):
            s.stroke = _colour(operands)
        elif operator == b"cs":
            s.fill = (0.0, 0.0, 0.0)  # a new colour space starts at its initial colour
        elif operator == b"CS":
            s.stroke = (0.0, 0.0, 0.0)
        elif operator == b"Tr" and operands:
            s.render = int(_num(operands[0]))
        elif operator == b"Tf" and len(operands) >= 2:
            s.size = _num(operands[1])
        elif operator == b"Tz" and operands:
            s.scale = _num(operands[0], 100.0) / 100
        elif operator == b"TL" and operands:
            s.leading = _num(operands[0])
        elif operator == b"BT":
            w.tm = w.tlm = _IDENTITY
        elif operator == b"Td" and len(operands) >= 2:
            w.move(_num(operands[0]), _num(operands[1]))
        elif operator == b"TD" and len(operands) >= 2:
            s.leading = -_num(operands[1])
            w.move(_num(operands[0]), _num(operands[1]))
        elif operator == b"Tm" and len(operands) >= 6:
            w.tm = w.tlm = tuple(_num(v) for v in operands[:6])  # type: ignore[assignment]
        elif operator == b"T*":
            w.move(0.0, -s.leading)
        elif operator in _SHOW:
            if operator in (b"'", b'"'):
                w.move(0.0, -s.leading)
            reason: HiddenReason | None = None
            y = 0.0
            items = operands[0] if operator == b"TJ" and operands else operands[-1:]
            for item in items if isinstance(items, list) else [items]:
                if isinstance(item, (int, float)):
                    w.show(0, _num(item))
                elif _glyphs(item):
                    why, y = w.show(_glyphs(item), 0.0)
                    if why is None:
                        reason = None
                        break  # some of it is seen: the operator is visible
                    reason = reason or why
            if reason is not None:
                hidden[index] = (reason, y)
        elif operator == b"re" and len(operands) >= 4:
            x, y, dx, dy = (_num(v) for v in operands[:4])
            w.path.extend(_apply(s.ctm, px, py) for px, py in ((x, y), (x + dx, y + dy)))
        elif operator in (b"m", b"l") and len(operands) >= 2:
            w.path.append(_apply(s.ctm, _num(operands[0]), _num(operands[1])))
        elif operator in (b"c", b"v", b"y") and len(operands) >= 2:
            w.path.append(_apply(s.ctm, _num(operands[-2]), _num(operands[-1])))
        elif operator in _PAINT_FILL:
            w.paint(s.fill)
            w.path = []
        elif operator in (b"n", b"S", b"s"):
            w.path = []
        elif operator == b"sh":
            w.painted.append((*box, None))  # a shading fills the clip: colour unknown
        elif operator == b"INLINE IMAGE" or (
            operator == b"Do" and operands and str(operands[0]) in images
        ):
            w.path = [_apply(s.ctm, 0.0, 0.0), _apply(s.ctm, 1.0, 1.0)]
            w.paint(None)
            w.path = []
    return hidden


def without_operations(
    operations: list[tuple[list[Any], bytes]], drop: set[int]
) -> list[tuple[list[Any], bytes]]:
    """The content stream with the text of the operators ``drop`` taken out; the line moves of
    ``'`` and ``"`` are kept, so the text after them stays on its lines."""
    from pypdf.generic import TextStringObject

    # An empty string is shown in place of the text, so pypdf still sees the pen move there and
    # breaks lines where the page does.
    empty = [TextStringObject("")]
    out: list[tuple[list[Any], bytes]] = []
    for index, (operands, operator) in enumerate(operations):
        if index not in drop:
            out.append((operands, operator))
        elif operator == b"'":
            out.extend([([], b"T*"), (empty, b"Tj")])
        elif operator == b'"' and len(operands) >= 3:
            out.extend([([operands[0]], b"Tw"), ([operands[1]], b"Tc"), ([], b"T*")])
            out.append((empty, b"Tj"))
        else:
            out.append((empty, b"Tj"))
    return out


def hidden_lines(
    hidden: dict[int, tuple[HiddenReason, float]],
) -> list[tuple[set[int], HiddenReason]]:
    """Hidden operators grouped into lines: consecutive hidden ones of one reason within 2 pt of
    height of each other. pypdf's own line breaks cannot be used for them, as the visible text
    it decides by is gone."""
    groups: list[tuple[set[int], HiddenReason]] = []
    last: tuple[HiddenReason, float] | None = None
    for index in sorted(hidden):
        reason, y = hidden[index]
        if last is not None and last[0] == reason and abs(last[1] - y) < 2:
            groups[-1][0].add(index)
        else:
            groups.append(({index}, reason))
        last = (reason, y)
    return groups


# DOCX -------------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _hex(value: str | None) -> RGB | None:
    if not value or len(value) != 6:
        return None
    try:
        return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)
    except ValueError:
        return None


_HIGHLIGHT: dict[str, RGB] = {"white": _WHITE, "black": (0.0, 0.0, 0.0)}


def _shading(element: Any) -> RGB | bool | None:
    """The fill of a ``w:shd`` under ``element``'s properties: a colour, None for a colour we do
    not know (a theme fill), False when there is no shading."""
    if element is None:
        return False
    shd = element.find(f"{_W}shd")
    if shd is None:
        return False
    fill = shd.get(f"{_W}fill")
    if fill in (None, "auto"):
        return False
    return _hex(fill)


def _docx_background(run: Any, document_background: RGB | None) -> RGB | None:
    r = run._r
    rpr = r.find(f"{_W}rPr")
    if rpr is not None:
        highlight = rpr.find(f"{_W}highlight")
        if highlight is not None and highlight.get(f"{_W}val") not in (None, "none"):
            return _HIGHLIGHT.get(highlight.get(f"{_W}val"))
        shade = _shading(rpr)
        if shade is not False:
            return shade  # type: ignore[return-value]
    node = r.getparent()
    while node is not None:
        tag = node.tag
        props = None
        if tag == f"{_W}p":
            props = node.find(f"{_W}pPr")
        elif tag == f"{_W}tc":
            props = node.find(f"{_W}tcPr")
        if props is not None:
            shade = _shading(props)
            if shade is not False:
                return shade  # type: ignore[return-value]
        node = node.getparent()
    return document_background


def _style_value(run: Any, paragraph_style: Any, read: Any) -> Any:
    """A run property as Word applies it: the run's own, else its character style's (and their
    base styles), else the paragraph style's chain."""
    value = read(run.font)
    if value is not None:
        return value
    for style in (run.style, paragraph_style):
        while style is not None:
            value = read(style.font)
            if value is not None:
                return value
            style = style.base_style
    return None


def hidden_docx_run(
    run: Any, paragraph_style: Any, document_background: RGB | None
) -> HiddenReason | None:
    """Why a python-docx run cannot be seen in Word: the hidden effect (``w:vanish``), a size under
    4 pt, or a colour equal to what is behind it (run highlight or shading, the paragraph's or
    the table cell's shading, the page colour, else white)."""
    if _style_value(run, paragraph_style, lambda f: f.hidden):
        return "hidden in Word"
    rpr = run._r.find(f"{_W}rPr")
    if rpr is not None and rpr.find(f"{_W}specVanish") is not None:
        return "hidden in Word"
    size = _style_value(run, paragraph_style, lambda f: f.size)
    if size is not None and size.pt < TINY_PT and run.text.strip():
        return "tiny text"
    colour = _style_value(
        run,
        paragraph_style,
        lambda f: f.color.rgb if f.color is not None and f.color.type is not None else None,
    )
    if (
        colour is not None
        and run.text.strip()
        and _near(_hex(str(colour)), _docx_background(run, document_background))
    ):
        return "background colour"
    return None


def docx_page_colour(document: Any) -> RGB | None:
    """The page colour of a document (``w:background``), white when it sets none."""
    background = document.element.find(f"{_W}background")
    if background is None:
        return _WHITE
    colour = background.get(f"{_W}color")
    return _WHITE if colour in (None, "auto") else _hex(colour)
