"""lines -> profile: the parts assembled, stated years, certifications, and notes instead of
guesses when a resume cannot be read."""

from __future__ import annotations

import pytest

from assistant.models import Profile, ResumeLine
from ingest.pipeline import parse_resume
from ingest.profile import build_profile
from ingest.sections import label_sections


def profile_of(text: str) -> Profile:
    lines = [ResumeLine(number=i, text=t) for i, t in enumerate(text.splitlines(), 1)]
    return build_profile(label_sections(lines))[0]


def test_a_paragraph_without_sections_or_dates_still_gets_a_profile_and_notes() -> None:
    resume = parse_resume(
        "blob.txt",
        b"I have worked in kitchens for a long time and I love pasta, bread and my team. "
        b"Before that I studied history for a while.\n",
    )
    assert resume.profile.positions == [] and resume.profile.name is None
    assert "No experience section found; roles and employers are not known." in resume.profile.notes
    assert "No section headings found." in resume.profile.notes
    assert resume.candidate_name == "Blob"


def test_undated_experience_is_said_not_guessed() -> None:
    profile = profile_of("Wren Calloway\nExperience\nFjordline — Staff Engineer\n- Built things")
    assert profile.positions == []
    assert any("no dates" in note for note in profile.notes)


def test_stated_years_certifications_and_cited_lines() -> None:
    profile = profile_of(
        "Marit Ellery, RN, CCRN\n"
        "Summary\nICU nurse with 9 years of experience in adult ICU; ten years in Spain.\n"
        "Certifications\nBLS · ACLS · PALS\n"
        "Education\nBSN, Lakeshore University, 2014\n"
    )
    assert [(y.years, y.line_start) for y in profile.stated_years] == [(9, 3), (10, 3)]
    assert [c.value for c in profile.certifications] == ["BLS", "ACLS", "PALS", "RN", "CCRN"]
    assert profile.certifications[-1].line_start == 1
    degree = profile.highest_degree()
    assert degree is not None and (degree.level, degree.line_start) == ("bachelor", 7)
    assert "LU" in degree.school_aliases


def test_a_year_after_a_certification_stays_with_it() -> None:
    profile = profile_of(
        "Wren Calloway\nCertifications\nProject Management Professional (PMP), 2018\n"
        "CKA, 2021 · Terraform Associate\n"
    )
    assert [c.value for c in profile.certifications] == [
        "Project Management Professional (PMP), 2018",
        "CKA, 2021",
        "Terraform Associate",
    ]


@pytest.mark.parametrize(
    ("text", "days", "lines"),
    [
        ("Notice Period: 30 days", 30, (2, 2)),
        ("**Notice period:** 2 months (negotiable)", 60, (2, 2)),
        ("Notice - one month", 30, (2, 2)),
        ("Availability: immediate", 0, (2, 2)),
        ("Available to start: 2 weeks' notice", 14, (2, 2)),
        ("Immediate joiner; open to relocation", 0, (2, 2)),
        ("Can join immediately", 0, (2, 2)),
        ("Notice Period\n90 days", 90, (2, 3)),  # a table's cells, one per line
        # no notice stated
        ("Noticed a 20% drop in 3 months and fixed it", None, None),
        ("Notice period: serving, last working day 15 Jan", None, None),
        ("Availability\nWeekends and evenings", None, None),
        ("Available from January 2027", None, None),
    ],
)
def test_the_notice_period_a_resume_states(
    text: str, days: int | None, lines: tuple[int, int] | None
) -> None:
    notice = profile_of(f"Wren Calloway\n{text}\nExperience\nFjordline — Engineer").notice
    if days is None:
        assert notice is None
    else:
        assert notice is not None
        assert (notice.days, (notice.line_start, notice.line_end)) == (days, lines)
