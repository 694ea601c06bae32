"""lines -> sections and the candidate's identity."""

from __future__ import annotations

from assistant.models import ResumeLine
from ingest.identity import candidate_of, file_label, find_identity
from ingest.sections import label_sections


def lines(*texts: str) -> list[ResumeLine]:
    return [ResumeLine(number=i, text=t) for i, t in enumerate(texts, 1)]


def test_headings_in_many_styles_open_sections() -> None:
    labelled = label_sections(
        lines(
            "Dana Park",
            "dana@example.com",
            "## Work History",
            "- Built things",
            "EDUCATION & TRAINING",
            "B.S. Physics",
            "**Technical Skills:**",
            "Python, Go",
            "Languages: English, Spanish",
        )
    )
    assert [(ln.section, ln.heading) for ln in labelled] == [
        ("header", False),
        ("header", False),
        ("experience", True),
        ("experience", False),
        ("education", True),
        ("education", False),
        ("skills", True),
        ("skills", False),
        ("languages", False),  # an inline label inside the skills section
    ]


def test_a_sentence_mentioning_experience_is_not_a_heading() -> None:
    labelled = label_sections(lines("Summary", "Ten years of experience in payments and risk."))
    assert labelled[1].section == "summary" and not labelled[1].heading


def test_identity_from_header() -> None:
    labelled = label_sections(
        lines(
            "# Dana Park",
            "Senior Engineer | dana.park@example.com | +1 (206) 555-0143",
            "linkedin.com/in/dana-park-example · github.com/danapark-example",
            "## Experience",
            "- Shipped a thing; call 555 0100 1000 ext",
        )
    )
    ident = find_identity(labelled)
    assert ident.name == "Dana Park"
    assert ident.email == "dana.park@example.com"
    assert ident.phone == "+1 (206) 555-0143"
    assert ident.links == ["linkedin.com/in/dana-park-example", "github.com/danapark-example"]


def test_all_caps_name_with_title_after_it() -> None:
    ident = find_identity(label_sections(lines("OLIVER BRENNAN - Lead Engineer", "x@example.org")))
    assert ident.name == "Oliver Brennan"


def test_resume_without_a_name_is_labelled_by_file() -> None:
    ident = find_identity(
        label_sections(lines("Contact: applicant.0427@example.net | (503) 555-0104", "Summary"))
    )
    assert ident.name is None
    cid, name, named = candidate_of(ident, "candidate_0427.txt")
    assert (name, named) == ("Candidate 0427", False)
    assert cid.startswith("file:")
    assert file_label("senior-data_engineer.v2.md") == "Senior Data Engineer V2"


def test_same_name_means_same_candidate() -> None:
    a = find_identity(label_sections(lines("Jamal Washington", "one@example.com")))
    b = find_identity(label_sections(lines("# Jamal Washington", "Full-stack engineer")))
    assert candidate_of(a, "a.pdf")[0] == candidate_of(b, "b.md")[0]
