"""Lines -> the same lines labelled with the resume section they belong to.

A heading is recognised by what it says and how it is written:

* its words: a short line naming a section ("EXPERIENCE", "Work History", "Education &
  Training:"), or a styled line that *contains* a section word ("Selected Experience",
  "Professional Background", "What I've built", "Self-teaching");
* its style: markdown ``#`` to ``######``, setext (a line underlined with ``===`` or ``---``),
  ``**bold**`` alone on a line, ALL CAPS, a bullet before a caps word ("• SUMMARY"),
  ``--- Summary ---``, a trailing colon.

A styled heading whose words name no known section ("Research interests", "Talks") still opens a
section ("other") when it is written in the same style as the document's known headings; a
heading in another style (an employer as a ``####`` under "## Work") does not. Lines before the
first heading are the header (name and contact). Front matter (``+++``/``---`` blocks at the top
of a markdown file) is metadata: its lines are marked as headings so they are never taken for
content. An inline label ("Languages: English, Spanish") labels its own line only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant import places
from assistant.models import ResumeLine, Section
from ingest.positions import is_title

# Exact headings (after lowercasing and dropping decoration) and, below, single words that make
# a short styled line a heading of that section. The order of _WORDS matters: the first word of
# the heading that is known decides ("Summary of Qualifications" is a summary).
_EXACT: dict[str, Section] = {
    "about": "summary",
    "about me": "summary",
    "profile": "summary",
    "objective": "summary",
    "overview": "summary",
    "introduction": "summary",
    "what i'm looking for": "summary",
    "what i am looking for": "summary",
    "qualifications": "education",
    "educational background": "education",
    "research interests": "other",  # topics of research, not pastimes
    "training": "education",
    "stack": "skills",
    "tools": "skills",
    "language": "languages",
    "credentials": "certifications",
    "positions": "experience",
    "career": "experience",
    "work": "experience",
}
_WORDS: dict[str, Section] = {
    "summary": "summary",
    "profile": "summary",
    "objective": "summary",
    "about": "summary",
    "overview": "summary",
    "introduction": "summary",
    "bio": "summary",
    "experience": "experience",
    "experiences": "experience",
    "employment": "experience",
    "work": "experience",
    "career": "experience",
    "positions": "experience",
    "background": "experience",
    "history": "experience",
    "appointments": "experience",
    "education": "education",
    "educational": "education",  # "Educational Qualification(s)", "Educational Details"
    "academic": "education",
    "academics": "education",
    "degrees": "education",
    "studies": "education",
    "schooling": "education",
    "self-teaching": "education",
    "self-taught": "education",
    "training": "education",
    "skills": "skills",
    "skill": "skills",
    "competencies": "skills",
    "technologies": "skills",
    "tools": "skills",
    "stack": "skills",
    "expertise": "skills",
    "proficiencies": "skills",
    "strengths": "skills",
    "languages": "languages",
    "certifications": "certifications",
    "certification": "certifications",
    "certificates": "certifications",
    "licenses": "certifications",
    "licences": "certifications",
    "licensure": "certifications",
    "credentials": "certifications",
    "projects": "projects",
    "built": "projects",
    "portfolio": "projects",
    "publications": "projects",
    "open-source": "projects",
    "source": "projects",
    "worked": "experience",
    "spoken": "languages",
    # Headings of resumes written in French, Spanish, Portuguese and German ...
    "formation": "education",
    "langues": "languages",
    "compétences": "skills",
    "expérience": "experience",
    "expériences": "experience",
    "experiencia": "experience",
    "experiência": "experience",
    "trayectoria": "experience",
    "formación": "education",
    "formação": "education",
    "educación": "education",
    "educação": "education",
    "estudios": "education",
    "idiomas": "languages",
    "habilidades": "skills",
    "competencias": "skills",
    "competências": "skills",
    "berufserfahrung": "experience",
    "ausbildung": "education",
    "studium": "education",
    "sprachen": "languages",
    "sprachkenntnisse": "languages",
    "kenntnisse": "skills",
    "herramientas": "skills",
    "ferramentas": "skills",
    "outils": "skills",
    "certificaciones": "certifications",
    "certificados": "certifications",
    "certificações": "certifications",
    "certificats": "certifications",
    "zertifikate": "certifications",
    "zertifizierungen": "certifications",
    "proyectos": "projects",
    "projetos": "projects",
    "projets": "projects",
    "projekte": "projects",
    "publicaciones": "projects",
    "publicações": "projects",
    "intereses": "interests",
    "aficiones": "interests",
    "interesses": "interests",
    "loisirs": "interests",
    "interessen": "interests",
    "hobbys": "interests",
    "referencias": "other",
    "referências": "other",
    "referenzen": "other",
    "logros": "other",
    "voluntariado": "other",
    "resumen": "summary",
    "resumo": "summary",
    "perfil": "summary",
    "profil": "summary",
    "zusammenfassung": "summary",
    "parcours": "experience",
    "diplômes": "education",
    "weiterbildung": "education",
    # ... Italian and Dutch
    "esperienza": "experience",
    "esperienze": "experience",
    "istruzione": "education",
    "formazione": "education",
    "lingue": "languages",
    "competenze": "skills",
    "certificazioni": "certifications",
    "progetti": "projects",
    "werkervaring": "experience",
    "opleiding": "education",
    "opleidingen": "education",
    "talen": "languages",
    "vaardigheden": "skills",
    "awards": "other",
    "fellowships": "other",
    "scholarships": "other",
    "grants": "other",
    "patents": "other",
    "honors": "other",
    "honours": "other",
    "volunteer": "other",
    "volunteering": "other",
    "interests": "interests",
    "hobbies": "interests",
    "pastimes": "interests",
    "references": "other",
    "activities": "other",
    "leadership": "other",
    "memberships": "other",
    "affiliations": "other",
    "talks": "other",
    "service": "other",
    "additional": "other",
    "contact": "header",
}
# Words that may stand beside a section word in a plain (unstyled) heading line.
_MODIFIERS = set(
    """
    professional work career relevant selected technical core key other additional personal
    academic top teaching clinical research industry recent previous prior employment and of
    the & my what i've i have i am skills tools summary education experience history
    background training certifications licenses languages projects open source side spoken
    related areas area main select highlights qualifications qualification details
    profesional profissional
    academica academico academicos laboral complementaria
    """.split()
)
_SPACED = re.compile(r"[A-Za-z](?: {1,3}[A-Za-z&]){3,}")
_ROLE_SEPARATOR = re.compile(r"\s+(?:—|–|-|\||@|at)\s+")
_MAX_HEADING_CHARS = 60
_MAX_HEADING_WORDS = 6

_MD = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_BOLD = re.compile(r"^(\*\*|__)(.+?)\1\s*:?\s*$")
_BULLETED = re.compile(r"^[•▪●◆■\-*]\s+(.+)$")
_DASHED = re.compile(r"^[-=~]{2,}\s*(.+?)\s*[-=~]{2,}$")
_UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
_FRONT_MATTER = {"---", "+++"}
_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")  # markdown/HTML comments are metadata
_DECOR = re.compile(r"^[#>*_=~\-\s|•▪●◆■:]+|[#*_=~:\-\s|•▪●◆■]+$")


@dataclass(frozen=True)
class Heading:
    section: Section | None  # None: a styled line whose words name no known section
    style: str


def _words(text: str) -> list[str]:
    """The words of a heading, lower case and without accents ("Experiência" -> "experiencia")."""
    cleaned = _DECOR.sub("", text).lower().replace("’", "'").replace("&", " and ")
    return re.findall(r"[a-z][a-z'-]*", places.fold(cleaned))


@lru_cache(maxsize=1)
def _folded_words() -> dict[str, Section]:
    return {places.fold(k): v for k, v in _WORDS.items()}


def _known(word: str) -> Section | None:
    words = _folded_words()
    for form in (word, word.rstrip("s"), *word.split("-")):
        if form in words:
            return words[form]
    return None


def _section_of(words: list[str], styled: bool) -> Section | None:
    if not words or len(words) > _MAX_HEADING_WORDS:
        return None
    key = " ".join(words)
    if key in _EXACT:
        return _EXACT[key]
    if not any(_known(w) for w in words):
        return None
    if not styled and any(w not in _MODIFIERS and _known(w) is None for w in words):
        return None  # a plain line must be all heading words: "Work with teams" is content
    # The head noun decides: the last known word before "of" / "and" ("Career summary",
    # "Summary of qualifications", "Education & certifications"), else any known word.
    head = words
    for stop in ("of", "and"):
        if stop in head[1:]:
            head = head[: head.index(stop, 1)]
    for word in reversed(head):
        if (section := _known(word)) is not None:
            return section
    return next(s for w in words if (s := _known(w)) is not None)


# "01 - Experience", "2. Education", "IV. Skills": a numbered heading
_NUMBERED = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4})\s*(?:[.)]|\s[-–—:]|[-–—:])\s*([A-Za-z].*)$")


def _style(text: str, next_text: str | None) -> tuple[str | None, str]:
    """(style, the heading's words) of a line that is written like a heading, else (None, text)."""
    if (m := _NUMBERED.match(text)) and len(m.group(1).split()) <= 4:
        return "numbered", m.group(1)
    if m := _MD.match(text):
        return f"md{len(m.group(1))}", m.group(2)
    if next_text is not None and _UNDERLINE.match(next_text) and len(next_text.strip()) >= 3:
        return f"setext{next_text.strip()[0]}", text
    if m := _BOLD.match(text):
        return "bold", m.group(2)
    if m := _DASHED.match(text):
        return "dashed", m.group(1)
    if (m := _BULLETED.match(text)) and m.group(1).isupper():
        return "bullet", m.group(1)
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) >= 3:
        return "caps", text
    if text.endswith(":"):
        return "colon", text
    return None, text


def classify(text: str, next_text: str | None = None) -> Heading | None:
    """The heading a line is, or None when it is content."""
    stripped = text.strip()
    if _SPACED.fullmatch(stripped):
        # "E X P E R I E N C E", "W O R K  H I S T O R Y": letters spaced out, words by two
        stripped = " ".join(w.replace(" ", "") for w in re.split(r"\s{2,}", stripped))
    if not stripped or len(stripped) > _MAX_HEADING_CHARS:
        return None
    style, inner = _style(stripped, next_text)
    # "Current positions (held at the same time)": the aside says no more about the section
    words = _words(re.sub(r"\s*\([^)]*\)", " ", inner).strip() or inner)
    if not words or (re.search(r"\d", inner) and style is None):
        return None
    pieces = _ROLE_SEPARATOR.split(inner)
    if style is not None and len(pieces) > 1 and any(is_title(p, plural=False) for p in pieces):
        # "### Frontend Engineer — Guild Education": a role, whatever words its employer holds
        return Heading(None, style)
    # a numbered line is a heading only when all its words are heading words ("02 -
    # Experience"; not "1. Built a data platform")
    section = _section_of(words, styled=style not in (None, "numbered"))
    if section is not None:
        return Heading(section, style or "plain")
    if style == "numbered":
        return None
    if (
        style is not None
        and style != "colon"
        and len(words) <= 4
        and not re.search(r"[\d,.;()/@]", inner)  # "AWS (EKS, S3), GCP" is a list item
    ):
        return Heading(None, style)
    return None


def heading_section(text: str) -> Section | None:
    """The section a line opens when read alone, or None if it is not a known heading."""
    heading = classify(text)
    return heading.section if heading else None


def inline_section(text: str) -> Section | None:
    """``Skills: Python, SQL`` -> "skills": a label with content after it on the same line."""
    label, sep, rest = text.partition(":")
    if not sep or not rest.strip() or len(label) > 32:
        return None
    return _section_of(_words(label), styled=True)


def _front_matter_end(lines: list[ResumeLine]) -> int:
    """Index just past a front-matter block at the top (0 when there is none)."""
    first = next((i for i, ln in enumerate(lines) if not ln.blank), None)
    if first is None or lines[first].text.strip() not in _FRONT_MATTER:
        return 0
    fence = lines[first].text.strip()
    for i in range(first + 1, min(len(lines), first + 40)):
        if lines[i].text.strip() == fence:
            return i + 1
    return 0


def label_sections(lines: list[ResumeLine]) -> list[ResumeLine]:
    current: Section = "header"
    known_styles: set[str] = set()
    out: list[ResumeLine] = []
    skip = _front_matter_end(lines)
    underline_of: int | None = None
    for i, line in enumerate(lines):
        if i < skip:
            out.append(line.model_copy(update={"section": "header", "heading": True}))
            continue
        if underline_of == i or _COMMENT.match(line.text):
            out.append(line.model_copy(update={"section": current, "heading": True}))
            continue
        next_text = lines[i + 1].text if i + 1 < len(lines) else None
        heading = classify(line.text, next_text)
        # An unknown styled heading opens "other" only in the style of the known ones.
        if (
            heading is not None
            and heading.section is None
            and (current == "header" or heading.style not in known_styles)
        ):
            heading = None
        if heading is not None:
            current = heading.section or "other"
            if heading.section is not None:
                known_styles.add(heading.style)
            if heading.style.startswith("setext"):
                underline_of = i + 1
            out.append(line.model_copy(update={"section": current, "heading": True}))
            continue
        own = inline_section(line.text) if current in ("header", "skills", "other") else None
        out.append(line.model_copy(update={"section": own or current}))
    return out
