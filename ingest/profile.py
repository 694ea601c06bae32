"""Labelled lines -> the candidate profile: identity, positions, education, languages,
certifications and the years a resume states, every fact with its lines.

Each part has its own extractor module (identity, positions, education, languages); this module
adds certifications and stated years, and says in ``notes`` what could not be read instead of
guessing. Bump ``PROFILE_VERSION`` whenever an extractor changes what it reads: stored resumes
with an older version get their profile rebuilt from their stored lines (no re-embedding).
"""

from __future__ import annotations

import re

from assistant.availability import stated_notice
from assistant.models import Notice, Profile, ResumeLine, StatedYears, TextFact
from ingest.education import read_education
from ingest.identity import Contact, read_contact
from ingest.languages import read_languages
from ingest.positions import read_positions

PROFILE_VERSION = 42

_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
_STATED = re.compile(
    r"\b(?P<n>\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")\s*\+?\s*(?:years?|yrs?)(?:['’])?"
    r"(?P<what>(?:\s+(?!and\b|but\b)[\w/&+#.-]+){0,6})",
    re.IGNORECASE,
)
_LIST_SPLIT = re.compile(r"\s*(?:·|•|;|\|)\s*|,\s+(?![^()]*\))")
# Credentials written after a name ("Rosa M. Delgado, BSN, RN, CCRN"): licences and
# certifications, not degrees (those are read as education).
_DEGREE_CREDENTIALS = {"phd", "md", "mba", "msc", "ms", "bsn", "ba", "bs", "ma", "msn", "dnp"}


def read_stated_years(lines: list[ResumeLine]) -> list[StatedYears]:
    """ "8 years of experience in penetration testing", "Ten years in Spain": the number and
    the words after it."""
    found: list[StatedYears] = []
    for line in lines:
        if line.blank or line.heading or line.suspicious:
            continue
        for m in _STATED.finditer(line.text):
            raw = m.group("n").lower()
            years = _NUMBER_WORDS.get(raw) or int(raw)
            if not 1 <= years <= 50:
                continue
            found.append(StatedYears.on(line, years=years, text=" ".join(m.group(0).split())))
    return found


def read_certifications(lines: list[ResumeLine], contact: Contact) -> list[TextFact]:
    certs: list[TextFact] = []
    for line in lines:
        if line.blank or line.heading or line.suspicious or line.section != "certifications":
            continue
        text = re.sub(r"\*\*|__|^\s*[-•*◦]\s+", "", line.text).strip()
        items = [i.strip() for i in _LIST_SPLIT.split(text) if i.strip()]
        if len(items) < 2 or any(len(i.split()) > 8 for i in items):
            items = [text]
        kept: list[str] = []
        for item in items:
            if kept and not re.search(r"[^\W\d_]", item):
                kept[-1] = f"{kept[-1]}, {item}"  # "PMP, 2018": the year of the one before
            else:
                kept.append(item)
        certs.extend(TextFact.on(line, value=i) for i in kept)
    if contact.name is not None:
        name_line = next(
            (
                ln
                for ln in lines
                if ln.page == contact.name.page and ln.number == contact.name.line_start
            ),
            None,
        )
        if name_line is not None:
            tail = name_line.text.split(",", 1)[1] if "," in name_line.text else ""
            for token in re.findall(r"\b[A-Z][A-Z.-]{1,8}\b", tail):
                if token.replace(".", "").lower() not in _DEGREE_CREDENTIALS:
                    certs.append(TextFact.on(name_line, value=token))
    return certs


def read_notice(lines: list[ResumeLine]) -> Notice | None:
    """The first notice period the resume states ("Notice Period: 30 days", "Immediate
    joiner"), with the line under a label that stands alone ("Notice Period" over "90 days")."""
    shown = [ln for ln in lines if not ln.blank and not ln.suspicious]
    for i, line in enumerate(shown):
        below = shown[i + 1] if i + 1 < len(shown) else None
        days = stated_notice(line.text, below.text if below is not None else None)
        if days is None:
            continue
        same_value = below is not None and stated_notice(line.text) is None
        end = below if same_value and below is not None else line
        return Notice(
            page=line.page,
            line_start=line.number,
            line_end=end.number if end.page == line.page else line.number,
            days=days,
            text=" ".join([line.text.strip(), *([end.text.strip()] if end is not line else [])]),
        )
    return None


def build_profile(lines: list[ResumeLine]) -> tuple[Profile, Contact]:
    contact = read_contact(lines)
    spoken, programming = read_languages(lines)
    profile = Profile(
        version=PROFILE_VERSION,
        name=contact.name,
        headline=contact.headline,
        emails=contact.emails,
        phones=contact.phones,
        links=contact.links,
        location=contact.location,
        positions=read_positions(lines),
        education=read_education(lines),
        languages=spoken,
        programming_languages=programming,
        certifications=read_certifications(lines, contact),
        stated_years=read_stated_years(lines),
        notice=read_notice(lines),
    )
    profile.notes = _notes(lines, profile)
    return profile, contact


def _notes(lines: list[ResumeLine], profile: Profile) -> list[str]:
    notes = []
    sections = {ln.section for ln in lines if not ln.blank}
    if profile.name is None:
        notes.append("No name found.")
    if "experience" not in sections:
        notes.append("No experience section found; roles and employers are not known.")
    elif not profile.positions:
        notes.append("The experience section has no dates; roles and their dates are not known.")
    elif any(p.start and p.start.month is None for p in profile.positions):
        notes.append("Some roles give years only; times at employers are approximate.")
    if not any(d.level for d in profile.education):
        notes.append("No degree found.")
    if sections <= {"header"}:
        notes.append("No section headings found.")
    return notes
