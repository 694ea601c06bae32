"""lines -> sections: headings recognised by their words and their style (table-driven)."""

from __future__ import annotations

import pytest

from assistant.models import ResumeLine
from ingest.sections import classify, label_sections


def lines(*texts: str) -> list[ResumeLine]:
    return [ResumeLine(number=i, text=t) for i, t in enumerate(texts, 1)]


@pytest.mark.parametrize(
    ("text", "section"),
    [
        ("EXPERIENCE", "experience"),
        ("## Work History", "experience"),
        ("Selected Experience", "experience"),
        ("Professional Background", "experience"),
        ("Teaching experience", "experience"),
        ("#### Experience", "experience"),
        ("• EXPERIENCE", "experience"),
        ("--- Work History ---", "experience"),
        ("**Kitchen experience**", "experience"),
        ("## Where I've worked", "experience"),
        ("Career summary", "summary"),
        ("SUMMARY OF QUALIFICATIONS", "summary"),
        ("## About me", "summary"),
        ("What I'm looking for", "summary"),
        ("Education & Certifications", "education"),
        ("Self-teaching", "education"),
        ("FORMATION", "education"),
        ("Licenses & Certifications", "certifications"),
        ("LICENSURE", "certifications"),
        ("Technical Skills:", "skills"),
        ("Top Skills", "skills"),
        ("## What I've built", "projects"),
        ("OPEN SOURCE & TALKS", "projects"),
        ("Spoken languages", "languages"),
        ("Honors-Awards", "other"),
        ("Awards and fellowships", "other"),
        ("02 - Experience", "experience"),
        ("E X P E R I E N C E", "experience"),
        ("## Experiência Profissional", "experience"),
        ("Formación académica", "education"),
        ("BERUFSERFAHRUNG", "experience"),
        ("## CERTIFICACIONES", "certifications"),
        ("Zertifikate", "certifications"),
        ("ESPERIENZA PROFESSIONALE", "experience"),
        ("Werkervaring", "experience"),
        ("LOISIRS", "interests"),
        ("W O R K  H I S T O R Y", "experience"),
        ("IV. Education", "education"),
        ("Interests", "interests"),
        ("Research interests", "other"),
        ("EDUCATIONAL QUALIFICATION", "education"),
        ("Educational Background", "education"),
    ],
)
def test_headings_by_their_words(text: str, section: str) -> None:
    heading = classify(text)
    assert heading is not None and heading.section == section


@pytest.mark.parametrize(
    "text",
    [
        "Work with teams across the company",
        "Ten years of experience in payments and risk.",
        "Python, Go, SQL",
        "AWS (EKS, S3), GCP",
        "Led the migration of 40 services",
        "1. Built a data platform",
        "OSCP (2017) · OSWE (2020) · CRTO (2022)",
    ],
)
def test_content_is_not_a_heading(text: str) -> None:
    assert classify(text) is None


def test_setext_headings_and_their_underlines() -> None:
    labelled = label_sections(
        lines("Wren Calloway", "=============", "", "Experience", "----------", "- Built a thing")
    )
    assert [(ln.section, ln.heading) for ln in labelled] == [
        ("header", False),
        ("header", False),
        ("header", False),
        ("experience", True),
        ("experience", True),
        ("experience", False),
    ]


def test_front_matter_is_metadata() -> None:
    labelled = label_sections(lines("+++", 'title = "cv"', "+++", "", "# cv", "## Work", "x"))
    assert [ln.heading for ln in labelled[:3]] == [True, True, True]
    assert labelled[6].section == "experience"


def test_unknown_heading_opens_other_only_in_the_known_style() -> None:
    labelled = label_sections(
        lines("## Experience", "### Fjordline", "- did things", "## Research interests", "NLP")
    )
    assert labelled[1].section == "experience" and not labelled[1].heading
    assert labelled[3].heading and labelled[4].section == "other"


def test_a_role_heading_opens_no_section_whatever_its_employer_is_called() -> None:
    labelled = label_sections(
        lines(
            "## Experience",
            "### Frontend Engineer — Guild Education",
            "- Built React features",
            "### Teacher — Hill Public Schools",
            "- Taught algebra",
            "## Education",
            "B.S. Mathematics, Lakeshore University",
        )
    )
    assert [line.section for line in labelled[:5]] == ["experience"] * 5
    assert labelled[6].section == "education"


def test_an_aside_in_a_heading_says_no_more() -> None:
    heading = classify("Current positions (held at the same time)", "=" * 40)
    assert heading is not None and heading.section == "experience"
