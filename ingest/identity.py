"""Who a resume belongs to: name, email, phone and links, and the candidate id built from them.

The name is the first line near the top that reads like a person's name. Resumes without one
get a readable label from the file name ("candidate_0427.txt" -> "Candidate 0427"), and keep a
candidate of their own: only resumes that carry the same name are treated as one person.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePath

from assistant.models import Identity, ResumeLine

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
PHONE = re.compile(
    r"(?<![\w/])(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)|\d{2,4})[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?![\w/])"
)
LINK = re.compile(
    r"(?:https?://)?(?:www\.)?(?:linkedin\.com|github\.com|gitlab\.com|[a-z0-9-]+\.(?:dev|io|me))"
    r"(?:/[\w./%-]*)?",
    re.IGNORECASE,
)
_NAME_PREFIX = re.compile(r"^(?:#+\s*|name\s*:\s*|\*\*)", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[A-ZÀ-Þ][a-zà-ÿ'’.-]*(?:-[A-ZÀ-Þ][a-zà-ÿ'’.-]*)?$|^[A-Z]\.$")
# Words that open a resume but are not names.
_NOT_NAME = {
    "resume",
    "curriculum",
    "vitae",
    "cv",
    "profile",
    "summary",
    "contact",
    "engineer",
    "developer",
    "manager",
    "analyst",
    "scientist",
    "designer",
    "consultant",
    "senior",
    "junior",
    "lead",
    "objective",
    "experience",
    "education",
    "skills",
    "candidate",
    "applicant",
    "confidential",
    "page",
    "references",
    "the",
    "and",
    "of",
    "at",
}
_NAME_SEARCH_LINES = 6


def _looks_like_name(text: str) -> str | None:
    candidate = _NAME_PREFIX.sub("", text.strip()).strip(" *_|")
    # "Dana Park | dana@example.com" or "Dana Park, Senior Engineer": the name comes first.
    candidate = re.split(r"\s[|•·–—-]\s|,|\t", candidate)[0].strip()
    words = candidate.split()
    if not 2 <= len(words) <= 4 or len(candidate) > 40:
        return None
    if candidate.isupper():
        words = [w.capitalize() for w in words]
    if any(w.lower().strip(".") in _NOT_NAME for w in words):
        return None
    if all(_NAME_WORD.match(w) for w in words):
        return " ".join(words)
    return None


def find_identity(lines: list[ResumeLine]) -> Identity:
    identity = Identity()
    seen_text = 0
    for line in lines:
        if line.blank:
            continue
        seen_text += 1
        if identity.name is None and seen_text <= _NAME_SEARCH_LINES and line.section == "header":
            identity.name = _looks_like_name(line.text)
        if identity.email is None and (m := EMAIL.search(line.text)):
            identity.email = m.group(0)
        if identity.phone is None and line.section == "header" and (m := PHONE.search(line.text)):
            identity.phone = m.group(0).strip()
        if line.section == "header" or seen_text <= 12:
            for m in LINK.finditer(EMAIL.sub(" ", line.text)):
                link = m.group(0).rstrip("./")
                if "/" in link and link not in identity.links:
                    identity.links.append(link)
    return identity


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def file_label(source: str) -> str:
    stem = PurePath(source).stem
    words = re.split(r"[\s_.-]+", stem)
    return " ".join(w.capitalize() if not w.isupper() else w for w in words if w) or stem


def candidate_of(identity: Identity, source: str) -> tuple[str, str, bool]:
    """(candidate id, display name, named) for a resume."""
    if identity.name:
        return f"name:{slug(identity.name)}", identity.name, True
    return f"file:{slug(source)}", file_label(source), False
