"""Lines -> the same lines labelled with the resume section they belong to.

A heading is a short line whose words name a section ("EXPERIENCE", "## Work History",
"Education & Training:", "**Technical Skills**"). Lines before the first heading are the header
(name and contact). An inline label ("Languages: English, Spanish") labels its own line only.
"""

from __future__ import annotations

import re

from assistant.models import ResumeLine, Section

_HEADINGS: dict[Section, tuple[str, ...]] = {
    "summary": (
        "summary",
        "professional summary",
        "profile",
        "professional profile",
        "objective",
        "career objective",
        "about",
        "about me",
        "overview",
        "career summary",
        "introduction",
    ),
    "experience": (
        "experience",
        "work experience",
        "professional experience",
        "work history",
        "employment",
        "employment history",
        "career history",
        "relevant experience",
        "professional background",
        "career",
        "positions held",
        "clinical experience",
        "research experience",
        "industry experience",
        "experience highlights",
    ),
    "education": (
        "education",
        "education and training",
        "education & training",
        "academic background",
        "academics",
        "qualifications",
        "academic qualifications",
        "education and certifications",
        "degrees",
        "training",
    ),
    "skills": (
        "skills",
        "technical skills",
        "core skills",
        "key skills",
        "core competencies",
        "competencies",
        "tools",
        "technologies",
        "tech stack",
        "skills and tools",
        "skills & tools",
        "tools and technologies",
        "tools & technologies",
        "expertise",
        "areas of expertise",
        "strengths",
        "skills summary",
        "technical proficiencies",
    ),
    "languages": ("languages", "spoken languages", "language skills", "language"),
    "certifications": (
        "certifications",
        "certificates",
        "licenses",
        "licenses and certifications",
        "licenses & certifications",
        "certifications and licenses",
        "credentials",
        "certification",
    ),
    "projects": (
        "projects",
        "selected projects",
        "personal projects",
        "side projects",
        "open source",
        "publications",
        "key projects",
    ),
    "other": (
        "awards",
        "honors",
        "honours",
        "volunteer",
        "volunteering",
        "interests",
        "hobbies",
        "references",
        "activities",
        "leadership",
        "memberships",
        "affiliations",
        "additional information",
        "other",
    ),
}
_LOOKUP = {name: section for section, names in _HEADINGS.items() for name in names}
_DECOR = re.compile(r"^[#>*_=\-\s|]+|[#*_=:\-\s|]+$")


def _key(text: str) -> str:
    cleaned = _DECOR.sub("", text).lower().replace("&", "and")
    return " ".join(cleaned.replace(" and ", " and ").split())


def heading_section(text: str) -> Section | None:
    """The section a line opens, or None if the line is not a heading."""
    stripped = text.strip()
    if not stripped or len(stripped) > 48:
        return None
    key = _key(stripped)
    return _LOOKUP.get(key) or _LOOKUP.get(key.replace(" and ", " & "))


def inline_section(text: str) -> Section | None:
    """``Skills: Python, SQL`` -> "skills": a label with content after it on the same line."""
    label, sep, rest = text.partition(":")
    if not sep or not rest.strip() or len(label) > 32:
        return None
    return heading_section(label)


def label_sections(lines: list[ResumeLine]) -> list[ResumeLine]:
    current: Section = "header"
    out = []
    for line in lines:
        section = heading_section(line.text)
        if section is not None:
            current = section
            out.append(line.model_copy(update={"section": section, "heading": True}))
            continue
        own = inline_section(line.text) if current in ("header", "skills", "other") else None
        out.append(line.model_copy(update={"section": own or current}))
    return out
