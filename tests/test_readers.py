"""file -> lines: numbering matches what a person sees, and bad files fail with a clear reason."""

from __future__ import annotations

import io

import docx
import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from ingest.readers import ReadError, read_lines
from tests.conftest import SAMPLE_RESUMES


def make_pdf(pages: list[list[str]]) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for lines in pages:
        pdf.add_page()
        for text in lines:
            pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def make_docx(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_text_lines_keep_the_files_own_numbers_including_blank_lines() -> None:
    fmt, lines = read_lines("a.txt", b"Dana Park\r\n\r\nSkills: Go\nLast line")
    assert fmt == "txt"
    assert [(ln.number, ln.text) for ln in lines] == [
        (1, "Dana Park"),
        (2, ""),
        (3, "Skills: Go"),
        (4, "Last line"),
    ]
    assert all(ln.page is None for ln in lines)


def test_markdown_and_utf8_bom() -> None:
    fmt, lines = read_lines("a.md", "\ufeff# Zoë Brandt\n## Skills\n".encode())
    assert fmt == "md"
    assert lines[0].text == "# Zoë Brandt" and lines[1].number == 2


def test_cp1252_text_is_decoded() -> None:
    _, lines = read_lines("a.txt", "José Núñez\nCafé".encode("cp1252"))
    assert lines[0].text == "José Núñez"


def test_pdf_lines_are_numbered_per_page() -> None:
    data = make_pdf([["Ada Quint", "Backend Engineer"], ["EDUCATION", "B.S. Physics, 2015"]])
    fmt, lines = read_lines("cv.pdf", data)
    assert fmt == "pdf"
    assert [(ln.page, ln.number, ln.text) for ln in lines] == [
        (1, 1, "Ada Quint"),
        (1, 2, "Backend Engineer"),
        (2, 1, "EDUCATION"),
        (2, 2, "B.S. Physics, 2015"),
    ]


def test_committed_two_page_pdf_matches_pypdf_extraction() -> None:
    path = SAMPLE_RESUMES / "marisol_vega.pdf"
    _, lines = read_lines(path.name, path.read_bytes())
    reader = PdfReader(path)
    assert len(reader.pages) == 2
    for page_no, page in enumerate(reader.pages, 1):
        expected = page.extract_text().split("\n")
        got = [ln.text for ln in lines if ln.page == page_no]
        assert got == [t.rstrip() for t in expected]


def test_docx_paragraph_numbers() -> None:
    fmt, lines = read_lines("cv.docx", make_docx(["Ravi Tan", "", "Skills", "Rust, Go"]))
    assert fmt == "docx"
    assert [(ln.number, ln.text) for ln in lines] == [
        (1, "Ravi Tan"),
        (2, ""),
        (3, "Skills"),
        (4, "Rust, Go"),
    ]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.md", b"  \n\n ", "empty file"),
        ("broken.pdf", b"%PDF-1.4\n this is not really a pdf", "corrupt or unreadable PDF"),
        ("fake.pdf", b"hello, I am text", "not a PDF file"),
        ("broken.docx", b"PK\x03\x04 truncated zip", "DOCX"),
        ("photo.png", b"\x89PNG\r\n", "unsupported file type (.png)"),
        ("old.doc", b"\xd0\xcf\x11\xe0", "legacy Word .doc"),
        ("binary.txt", b"abc\x00\x01\x02def", "binary data"),
        ("bad.txt", b"caf\xe9 \x81\x8d\x8f\x90\x9d", "cannot decode"),
    ],
)
def test_bad_files_get_a_one_line_reason(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(ReadError) as err:
        read_lines(name, data)
    assert reason in str(err.value)
    assert "\n" not in str(err.value)


def test_encrypted_pdf_is_refused() -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Secret Person"]]))))
    writer.encrypt(user_password="hunter2", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(ReadError, match="encrypted PDF"):
        read_lines("locked.pdf", buffer.getvalue())


def test_pdf_with_only_an_empty_user_password_is_read() -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["Open Person"]]))))
    writer.encrypt(user_password="", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    _, lines = read_lines("open.pdf", buffer.getvalue())
    assert lines[0].text == "Open Person"


def test_scanned_pdf_without_text_is_refused() -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # an "image" with no text layer
    with pytest.raises(ReadError, match="no extractable text"):
        read_lines("scan.pdf", bytes(pdf.output()))


def _two_columns(rows: list[tuple[str, str]]) -> bytes:
    """A page whose rows hold a left and a right column, drawn row by row (so pypdf's plain
    extraction joins them, as it does for many two-column resumes)."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    for left, right in rows:
        y = pdf.get_y()
        if left:
            pdf.set_xy(10, y)
            pdf.cell(60, 6, left)
        if right:
            pdf.set_xy(90, y)
            pdf.cell(110, 6, right)
        pdf.set_xy(10, y + 6)
    return bytes(pdf.output())


def test_a_two_column_page_is_read_column_by_column_for_the_profile() -> None:
    from ingest.pipeline import analyse

    data = _two_columns(
        [
            ("Ines Varga", ""),
            ("CONTACT", "PROFILE"),
            ("ines.varga@example.com", "Backend engineer who builds payment systems."),
            ("Lisbon, Portugal", "EXPERIENCE"),
            ("SKILLS", "Tallow - Lisbon"),
            ("Go, Python", "Backend Engineer, Jan 2019 - Present"),
            ("EDUCATION", "- Built Go services for card payments."),
            ("BSc Physics", "Quire - Porto"),
            ("Hill University, 2014", "Software Engineer, Jun 2014 - Dec 2018"),
            ("LANGUAGES", "- Wrote Python reports."),
            ("Portuguese (native)", ""),
        ]
    )
    fmt, lines = read_lines("ines.pdf", data)
    # the lines are pypdf's plain extraction, rows joined, as citations quote them
    plain = PdfReader(io.BytesIO(data)).pages[0].extract_text().split("\n")
    assert [ln.text for ln in lines] == plain
    assert lines[3].columns == ("Lisbon, Portugal", "EXPERIENCE")
    profile = analyse("ines.pdf", fmt, "x", lines).profile
    assert profile.location is not None and profile.location.city == "Lisbon"
    assert profile.location.line_start == 4  # the whole line is what is cited
    assert [(d.level, d.school) for d in profile.education] == [("bachelor", "Hill University")]
    assert [(p.title, p.employer) for p in profile.positions] == [
        ("Backend Engineer", "Tallow"),
        ("Software Engineer", "Quire"),
    ]
    assert [s.language for s in profile.languages] == ["Portuguese"]


def test_dates_at_the_right_margin_are_no_second_column() -> None:
    data = _two_columns(
        [
            ("Ines Varga", ""),
            ("EXPERIENCE", ""),
            ("Backend Engineer, Tallow", "Jan 2019 - Present"),
            ("- Built Go services", ""),
            ("Software Engineer, Quire", "Jun 2014 - Dec 2018"),
            ("- Wrote Python reports", ""),
            ("Data Analyst, Harbor", "2012 - 2014"),
            ("Intern, Fernway", "2011 - 2012"),
        ]
    )
    _, lines = read_lines("ines.pdf", data)
    assert not any(ln.columns for ln in lines)
