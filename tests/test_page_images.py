"""A cited PDF page rendered with its cited lines highlighted: the band lands on the line's row.

PDFs are written by fpdf2 in points (origin at the top left, y is the text baseline), so each
line's position on the rendered image is known: ``y * scale`` pixels from the top.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
from fpdf import FPDF
from PIL import Image
from pypdf import PdfWriter

from assistant.page_images import ALPHA, HIGHLIGHT, MAX_HEIGHT, WIDTH, fold, render_cited_page

FONT_SIZE = 11  # points
LEFT = 72  # points from the left edge
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # has the "ﬁ" glyph


def highlight_mask(png: bytes) -> np.ndarray:
    """Pixels of the band over white paper: white blended with the highlight colour."""
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)
    band = [round(255 + (c - 255) * ALPHA / 255) for c in HIGHLIGHT]
    return np.all(np.abs(pixels - np.array(band, dtype=np.int16)) <= 6, axis=2)


def bands(png: bytes) -> list[tuple[int, int]]:
    """The pixel rows (first, last) of each horizontal highlight band. Rows through the
    letters of a short word hold few band pixels, so a gap of a few rows does not end a band."""
    rows = np.flatnonzero(highlight_mask(png).sum(axis=1) >= 10)
    found: list[tuple[int, int]] = []
    for row in rows:
        if found and row <= found[-1][1] + 8:
            found[-1] = (found[-1][0], int(row))
        else:
            found.append((int(row), int(row)))
    return found


@dataclass
class Case:
    pages: list[list[tuple[float, str]]]  # per page: (baseline y in points, text)
    page: int  # the page rendered, 1-based
    cited: list[str]  # the cited lines as stored (after ingest's normalisation)
    expected_y: list[float] = field(default_factory=list)  # baselines that must be highlighted
    unicode_font: bool = False
    rotate: int = 0  # the page's /Rotate, in degrees clockwise


BODY = [
    (100, "Dana Park"),
    (140, "Platform engineer at Bluefin"),
    (180, "Kubernetes, Go, Terraform"),
]
CASES = {
    "plain line": Case([BODY], 1, ["Platform engineer at Bluefin"], [140]),
    "two lines": Case([BODY], 1, ["Dana Park", "Kubernetes, Go, Terraform"], [100, 180]),
    "line on page 2": Case(
        [BODY, [(120, "Education"), (300, "M.S. Computer Science, Lakeshore University")]],
        2,
        ["M.S. Computer Science, Lakeshore University"],
        [300],
    ),
    "extra spaces in the PDF": Case(
        [[(100, "Dana Park"), (220, "Senior    Data   Engineer ,  Lakeshore")]],
        1,
        ["Senior Data Engineer, Lakeshore"],
        [220],
    ),
    "ligature in the PDF, NFKC in the store": Case(
        [[(100, "Dana Park"), (260, "Certiﬁed ﬁnancial analyst, ofﬁce lead")]],
        1,
        ["Certified financial analyst, office lead"],
        [260],
        unicode_font=True,
    ),
    "the whole printed line wins over a part of another": Case(
        [[(100, "Python, Go"), (160, "Skills"), (200, "Python")]],
        1,
        ["Python"],
        [200],
    ),
    "a character read differently mid-line": Case(
        [[(100, "Dana Park"), (240, "Ran Kafka clusters at Bluefin for five years")]],
        1,
        ["Ran Kafka clusters @ Bluefin for five years"],
        [240],
    ),
    "an upside-down page (/Rotate 180)": Case(
        [BODY], 1, ["Platform engineer at Bluefin"], [140], rotate=180
    ),
    "a line not on the page": Case([BODY], 1, ["Fortran 77 and MPI"], []),
    "a long line whose middle differs": Case(
        [BODY], 1, ["Platform engineer at Kubernetes, Go, Terraform"], []
    ),
    "a line on another page": Case(
        [BODY, [(120, "Only on the second page")]], 1, ["Only on the second page"], []
    ),
}


def make_pdf(path: Path, case: Case) -> Path:
    pdf = FPDF(unit="pt", format="letter")
    if case.unicode_font:
        if not DEJAVU.exists():
            pytest.skip(f"{DEJAVU} (a font with ligature glyphs) is not installed")
        pdf.add_font("DejaVu", fname=str(DEJAVU))
        pdf.set_font("DejaVu", size=FONT_SIZE)
    else:
        pdf.set_font("Helvetica", size=FONT_SIZE)
    for lines in case.pages:
        pdf.add_page()
        for y, text in lines:
            pdf.text(LEFT, y, text)
    pdf.output(str(path))
    if case.rotate:
        writer = PdfWriter(clone_from=str(path))
        for page in writer.pages:
            page.rotate(case.rotate)
        writer.write(str(path))
    return path


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_the_highlight_lands_on_the_cited_line(tmp_path: Path, case: Case) -> None:
    path = make_pdf(tmp_path / "resume.pdf", case)

    image = render_cited_page(path, case.page, case.cited, "hash-" + str(id(case)))

    assert image is not None
    assert abs(image.width - WIDTH) <= 1  # rounded up by the renderer
    assert Image.open(io.BytesIO(image.png)).size == (image.width, image.height)
    scale = image.width / 612  # letter: 612 points wide
    found = bands(image.png)
    assert len(found) == len(case.expected_y), found
    assert image.found == len(case.expected_y)
    for (top, bottom), y in zip(found, case.expected_y, strict=True):
        # The middle of the lower-case letters, a third of the font size above the baseline.
        middle = (y - FONT_SIZE / 3) * scale
        if case.rotate == 180:
            middle = image.height - middle
        assert top <= middle <= bottom, (top, bottom, middle)
        assert bottom - top <= 2.5 * FONT_SIZE * scale  # one row, not the page


def test_a_missing_file_or_page_gives_no_image(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "resume.pdf", CASES["plain line"])
    assert render_cited_page(tmp_path / "gone.pdf", 1, ["Dana Park"]) is None
    assert render_cited_page(path, 2, ["Dana Park"]) is None
    assert render_cited_page(path, 0, ["Dana Park"]) is None
    # A file deleted after it was rendered (an erasure) is not served from the cache.
    assert render_cited_page(path, 1, ["Dana Park"], "h") is not None
    path.unlink()
    assert render_cited_page(path, 1, ["Dana Park"], "h") is None
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    assert render_cited_page(broken, 1, ["Dana Park"]) is None


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Certiﬁed  ofﬁce", "certifiedoffice"),
        ("2019 – present", "2019-present"),
        ("“Quoted”\u00a0text\u200b", '"quoted"text'),
        ("Kubernetes,\tGo\r\n", "kubernetes,go"),
        ("• Led \uf0b7 a team", "ledateam"),
    ],
)
def test_fold_ignores_what_extractors_disagree_on(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_a_page_of_any_size_stays_within_the_image_bounds(tmp_path: Path) -> None:
    pdf = FPDF(unit="pt", format=(612, 30_000))  # a file says what size its pages are
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.text(LEFT, 100, "Dana Park")
    pdf.output(str(tmp_path / "tall.pdf"))

    image = render_cited_page(tmp_path / "tall.pdf", 1, ["Dana Park"])

    assert image is not None and image.found == 1
    assert image.height <= MAX_HEIGHT and image.width <= WIDTH
