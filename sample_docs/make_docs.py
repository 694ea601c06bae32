"""Build the sample resumes in ``sample_docs/resumes/`` from the hand-written sources.

How the files are made
----------------------
Every resume is written by hand as plain text or Markdown in ``sample_docs/sources/``
(one source file per resume file). This script turns them into the files the
product ingests:

* PDF resumes are drawn with fpdf2 using the core Helvetica font (latin-1 text only).
  Each non-empty source line becomes one line of text in the PDF; the first line is
  the name, known section names become headings, lines starting with "- " are bullets.
  A few layout presets ("classic", "modern", "narrative", "banded", "ledger",
  "compact", "slate") make the PDFs look different from each other. Creation date,
  title, author, creator and producer are fixed so re-running gives byte-identical PDFs.
* A source line starting with ``[hidden] `` is drawn in a PDF as small white text on
  the white page (without the marker): invisible to a reader, but read by text
  extraction. It imitates applicants who hide instructions to AI screeners in their
  resume (``declan_ashby.txt``), so the product's injection check has real data.
* DOCX resumes are written with python-docx: one paragraph per non-empty source
  line (name as Title, section names as Heading 1 paragraphs, "- " lines as
  "List Bullet" paragraphs without the dash). Core properties and the zip entry
  timestamps are fixed so re-running gives identical files.
* TXT and Markdown resumes are copied unchanged.

The mapping source -> output is the ``RESUMES`` table below. The people, companies,
schools, emails (example.com/.org/.net) and phone numbers (555-01xx) are fictional.

Regenerate
----------
From the repository root::

    .venv/bin/python sample_docs/make_docs.py

The script rewrites ``sample_docs/resumes/`` (files there that are not produced by
the table are removed) and prints a warning if a PDF line is too wide and wraps.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.shared import Pt
from fpdf import FPDF
from fpdf.enums import XPos, YPos

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
OUTPUT = HERE / "resumes"

FIXED_DATE = dt.datetime(2024, 5, 1, 9, 0, 0, tzinfo=dt.UTC)
ZIP_DATE = (2024, 5, 1, 9, 0, 0)

# (source file in sources/, output file in resumes/, kind, options)
RESUMES: list[tuple[str, str, str, dict]] = [
    (
        "marisol_vega.txt",
        "marisol_vega.pdf",
        "pdf",
        {"style": "classic", "page_break_before": ["EDUCATION"]},
    ),
    ("grace_okafor.txt", "grace_okafor.pdf", "pdf", {"style": "narrative"}),
    ("meiling_chen.txt", "meiling_chen.pdf", "pdf", {"style": "modern"}),
    ("fatima_al_sayed.txt", "fatima_al_sayed.pdf", "pdf", {"style": "banded"}),
    ("oliver_brennan.txt", "oliver_brennan.pdf", "pdf", {"style": "ledger"}),
    ("jamal_washington_onepage.txt", "jamal_washington_onepage.pdf", "pdf", {"style": "compact"}),
    ("declan_ashby.txt", "declan_ashby.pdf", "pdf", {"style": "slate"}),
    ("kwame_mensah.txt", "kwame_mensah.docx", "docx", {}),
    ("rachel_goldberg.txt", "rachel_goldberg.docx", "docx", {}),
    ("tomasz_nowak.txt", "tomasz_nowak.txt", "copy", {}),
    ("luis_fernandez.txt", "luis_fernandez.txt", "copy", {}),
    ("diego_carvalho.txt", "diego_carvalho.txt", "copy", {}),
    ("priyanka_iyer.txt", "priyanka_iyer.txt", "copy", {}),
    ("candidate_0427.txt", "candidate_0427.txt", "copy", {}),
    ("anika_sharma.md", "anika_sharma.md", "copy", {}),
    ("samuel_adeyemi.md", "samuel_adeyemi.md", "copy", {}),
    ("ingrid_solberg.md", "ingrid_solberg.md", "copy", {}),
    ("jamal_washington.md", "jamal_washington.md", "copy", {}),
]

# Marks a source line drawn as invisible white-on-white text in PDFs.
HIDDEN_MARK = "[hidden] "

# Section names recognised as headings in PDF/DOCX sources (compared upper-case,
# without a trailing colon).
HEADINGS = {
    "SUMMARY",
    "PROFILE",
    "OBJECTIVE",
    "ABOUT",
    "CAREER",
    "EXPERIENCE",
    "PROFESSIONAL EXPERIENCE",
    "WORK HISTORY",
    "EDUCATION",
    "EDUCATION & TRAINING",
    "SKILLS",
    "TECHNICAL SKILLS",
    "CERTIFICATIONS",
    "LANGUAGES",
    "PROJECTS",
}

# Layout presets for the PDFs. Sizes in points, colours as RGB.
STYLES: dict[str, dict] = {
    "classic": dict(
        page="Letter",
        margin=20,
        name_size=20,
        name_align="C",
        header_size=9.5,
        header_align="C",
        head_size=11.5,
        head_color=(0, 0, 0),
        head_rule=True,
        head_upper=True,
        body_size=10,
        line_h=5.0,
        bullet_indent=4,
        entry_bold=True,
    ),
    "narrative": dict(
        page="Letter",
        margin=22,
        name_size=18,
        name_align="L",
        header_size=10,
        header_align="L",
        head_size=12.5,
        head_color=(60, 60, 60),
        head_rule=False,
        head_upper=False,
        body_size=10.5,
        line_h=5.6,
        bullet_indent=0,
        entry_bold=False,
    ),
    "modern": dict(
        page="A4",
        margin=18,
        name_size=22,
        name_align="L",
        header_size=9.5,
        header_align="L",
        head_size=12,
        head_color=(20, 70, 140),
        head_rule=False,
        head_upper=False,
        body_size=10,
        line_h=5.0,
        bullet_indent=5,
        entry_bold=True,
    ),
    "banded": dict(
        page="Letter",
        margin=18,
        name_size=19,
        name_align="L",
        header_size=9.5,
        header_align="L",
        head_size=11,
        head_color=(255, 255, 255),
        head_fill=(90, 40, 60),
        head_rule=False,
        head_upper=True,
        body_size=9.8,
        line_h=4.9,
        bullet_indent=3,
        entry_bold=True,
    ),
    "ledger": dict(
        page="Letter",
        margin=19,
        name_size=21,
        name_align="L",
        header_size=9.5,
        header_align="L",
        head_size=11,
        head_color=(30, 30, 30),
        head_rule=True,
        head_upper=True,
        body_size=9.8,
        line_h=4.9,
        bullet_indent=4,
        entry_bold=True,
        right_dates=True,
    ),
    "compact": dict(
        page="A4",
        margin=16,
        name_size=17,
        name_align="L",
        header_size=8.8,
        header_align="L",
        head_size=10.5,
        head_color=(0, 90, 80),
        head_rule=True,
        head_upper=False,
        body_size=9.5,
        line_h=4.6,
        bullet_indent=3,
        entry_bold=True,
    ),
    "slate": dict(
        page="A4",
        margin=17,
        name_size=20,
        name_align="C",
        header_size=9.2,
        header_align="C",
        head_size=11,
        head_color=(47, 62, 78),
        head_rule=True,
        head_upper=True,
        body_size=9.6,
        line_h=4.8,
        bullet_indent=4,
        entry_bold=True,
    ),
}


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def is_heading(line: str) -> bool:
    return line.strip().rstrip(":").upper() in HEADINGS


def classify(lines: list[str]) -> list[tuple[str, str]]:
    """Return (kind, text) for every non-empty line; kind is one of
    name, header, heading, bullet, entry, text, hidden, blank."""
    out: list[tuple[str, str]] = []
    seen_name = False
    seen_heading = False
    stripped = [ln.rstrip() for ln in lines]
    for i, line in enumerate(stripped):
        text = line.strip()
        if not text:
            if out and out[-1][0] != "blank":
                out.append(("blank", ""))
            continue
        if text.startswith(HIDDEN_MARK):
            out.append(("hidden", text[len(HIDDEN_MARK) :].strip()))
        elif not seen_name:
            out.append(("name", text))
            seen_name = True
        elif is_heading(text):
            out.append(("heading", text))
            seen_heading = True
        elif not seen_heading:
            out.append(("header", text))
        elif text.startswith("- "):
            out.append(("bullet", text))
        else:
            nxt = next((s.strip() for s in stripped[i + 1 :] if s.strip()), "")
            out.append(("entry" if nxt.startswith("- ") else "text", text))
    return out


class ResumePDF(FPDF):
    def __init__(self, style: dict):
        super().__init__(orientation="P", unit="mm", format=style["page"])
        self.rs = style
        self.set_margins(style["margin"], style["margin"], style["margin"])
        self.set_auto_page_break(True, margin=style["margin"])
        self.wrapped: list[str] = []

    def text_line(
        self,
        text: str,
        size: float,
        bold: bool = False,
        align: str = "L",
        indent: float = 0,
        color=(0, 0, 0),
        h: float | None = None,
    ) -> None:
        self.set_font("Helvetica", "B" if bold else "", size)
        self.set_text_color(*color)
        width = self.epw - indent
        if self.get_string_width(text) > width:
            self.wrapped.append(text)
        self.set_x(self.l_margin + indent)
        self.multi_cell(
            width, h or self.rs["line_h"], text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )


def build_pdf(src: Path, dst: Path, opts: dict) -> list[str]:
    st = STYLES[opts["style"]]
    items = classify(read_lines(src))
    name = next(t for k, t in items if k == "name")
    for _, t in items:
        t.encode("latin-1")  # core fonts only support latin-1

    pdf = ResumePDF(st)
    pdf.set_title(f"{name} - Resume")
    pdf.set_author(name)
    pdf.set_subject("Sample resume (fictional person)")
    pdf.set_creator("sample_docs/make_docs.py")
    pdf.set_producer("fpdf2")
    pdf.creation_date = FIXED_DATE
    pdf.add_page()

    breaks = {b.upper() for b in opts.get("page_break_before", [])}
    for kind, text in items:
        if kind == "blank":
            pdf.ln(st["line_h"] * 0.5)
        elif kind == "name":
            pdf.text_line(
                text, st["name_size"], bold=True, align=st["name_align"], h=st["name_size"] * 0.45
            )
            pdf.ln(1)
        elif kind == "header":
            pdf.text_line(
                text,
                st["header_size"],
                align=st["header_align"],
                color=(70, 70, 70),
                h=st["header_size"] * 0.5,
            )
        elif kind == "heading":
            if text.rstrip(":").upper() in breaks:
                pdf.add_page()
            label = text.upper() if st["head_upper"] else text
            pdf.ln(1.5)
            if st.get("head_fill"):
                pdf.set_fill_color(*st["head_fill"])
                pdf.set_font("Helvetica", "B", st["head_size"])
                pdf.set_text_color(*st["head_color"])
                pdf.cell(
                    pdf.epw,
                    st["head_size"] * 0.6,
                    label,
                    fill=True,
                    new_x=XPos.LMARGIN,
                    new_y=YPos.NEXT,
                )
            else:
                pdf.text_line(
                    label,
                    st["head_size"],
                    bold=True,
                    color=st["head_color"],
                    h=st["head_size"] * 0.55,
                )
            if st["head_rule"]:
                y = pdf.get_y() + 0.3
                pdf.set_draw_color(*st["head_color"])
                pdf.set_line_width(0.3)
                pdf.line(pdf.l_margin, y, pdf.l_margin + pdf.epw, y)
            pdf.ln(1.5)
        elif kind == "hidden":
            # White on white, small: invisible on the page, still in the extracted text.
            pdf.text_line(text, 7, color=(255, 255, 255), h=3.5)
        elif kind == "bullet":
            pdf.text_line(text, st["body_size"], indent=st["bullet_indent"])
        elif kind == "entry":
            parts = text.split("      ") if st.get("right_dates") else [text]
            if len(parts) > 1:
                left, right = parts[0].strip(), parts[-1].strip()
                pdf.set_font("Helvetica", "B", st["body_size"])
                pdf.set_text_color(0, 0, 0)
                pdf.cell(pdf.epw * 0.75, st["line_h"] + 0.6, left)
                pdf.set_font("Helvetica", "", st["body_size"])
                pdf.cell(
                    pdf.epw * 0.25,
                    st["line_h"] + 0.6,
                    right,
                    align="R",
                    new_x=XPos.LMARGIN,
                    new_y=YPos.NEXT,
                )
            else:
                pdf.text_line(text, st["body_size"], bold=st["entry_bold"], h=st["line_h"] + 0.6)
        else:
            pdf.text_line(text, st["body_size"])

    pdf.output(str(dst))
    return pdf.wrapped


def build_docx(src: Path, dst: Path, opts: dict) -> None:
    items = classify(read_lines(src))
    name = next(t for k, t in items if k == "name")
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)

    for kind, text in items:
        if kind == "blank":
            continue
        if kind == "hidden":
            raise ValueError(f"{src.name}: hidden lines are only supported in PDFs")
        if kind == "name":
            doc.add_paragraph(text, style="Title")
        elif kind == "heading":
            doc.add_paragraph(text, style="Heading 1")
        elif kind == "bullet":
            doc.add_paragraph(text[2:], style="List Bullet")
        elif kind == "entry":
            p = doc.add_paragraph()
            p.add_run(text).bold = True
        else:
            doc.add_paragraph(text)

    cp = doc.core_properties
    cp.title = f"{name} - Resume"
    cp.author = name
    cp.subject = "Sample resume (fictional person)"
    cp.comments = "Generated by sample_docs/make_docs.py"
    cp.last_modified_by = name
    cp.revision = 1
    cp.created = FIXED_DATE.replace(tzinfo=None)
    cp.modified = FIXED_DATE.replace(tzinfo=None)
    cp.last_printed = FIXED_DATE.replace(tzinfo=None)

    buf = io.BytesIO()
    doc.save(buf)
    # Re-pack the zip with fixed timestamps so the output is reproducible.
    buf.seek(0)
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            new = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            new.compress_type = zipfile.ZIP_DEFLATED
            new.external_attr = 0o644 << 16
            zout.writestr(new, zin.read(info.filename))


def main() -> int:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    expected = {out for _, out, _, _ in RESUMES}
    for stale in sorted(OUTPUT.iterdir()):
        if stale.name not in expected:
            print(f"removing {stale.name} (not in RESUMES table)")
            if stale.is_dir():
                shutil.rmtree(stale)
            else:
                stale.unlink()

    problems = 0
    for src_name, out_name, kind, opts in RESUMES:
        src, dst = SOURCES / src_name, OUTPUT / out_name
        if kind == "pdf":
            wrapped = build_pdf(src, dst, opts)
            for text in wrapped:
                problems += 1
                print(f"WARNING {out_name}: line wraps in the PDF: {text!r}")
        elif kind == "docx":
            build_docx(src, dst, opts)
        elif kind == "copy":
            shutil.copyfile(src, dst)
        else:
            raise ValueError(f"unknown kind {kind!r}")
        print(f"wrote resumes/{out_name}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
