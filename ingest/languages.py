"""Spoken languages with their level, kept apart from programming languages (both may sit under
a "Languages" heading).

A spoken language is a name in ISO 639-1 (``pycountry``), or one of the endonyms and common
names resumes use ("Español", "Mandarin"). Items under a languages heading that name a
programming language ("Go", "Rust", "a bit of Zig") are programming languages; what names
neither ("Outside work", "Youth soccer coach", lines a missed heading left in the section) is
neither. "Bilingual (English/Spanish)"
anywhere in the resume counts too.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.languages import listed_language, spoken
from assistant.models import ResumeLine, SpokenLanguage, TextFact

_ITEM = re.compile(r"\s*(?:,|;|·|•|\||/|\band\b)\s*(?![^()]*\))")
# "Bilingual (English/Spanish)", "bilingual in English and French", "Bilingual: English and
# Spanish (fluent)", "Bilingual English/Spanish"
_BILINGUAL = re.compile(
    r"\bbilingual\b\s*(?:\(|:|[-–—]|\bin\b)?\s*([A-Za-z]+\s*(?:/|,|&|\band\b)\s*[A-Za-z]+)",
    re.IGNORECASE,
)
_LEVEL_SEP = re.compile(r"\s*(?:\(|:|\s[-–—]\s)\s*")


@cache
def _programming_names() -> frozenset[str]:
    # Pygments (installed with rich) knows the names and aliases of some 600 programming,
    # markup and configuration languages, which is the list this needs; written out here it
    # would only be a shorter copy of theirs.
    from pygments.lexers import get_all_lexers

    names: set[str] = set()
    for name, aliases, _, _ in get_all_lexers():
        names.add(name.lower())
        names.update(a.lower() for a in aliases)
    return frozenset(names)


def programming(name: str) -> bool:
    """Whether an item names a programming language ("Python", "C++", "a bit of Zig")."""
    words = name.lower().split()
    return bool(words) and len(words) <= 4 and words[-1] in _programming_names()


def _split_item(item: str) -> tuple[str, str | None]:
    """ "English (native)" -> ("English", "native"); "German: B2" -> ("German", "B2")."""
    parts = _LEVEL_SEP.split(item.strip(), maxsplit=1)
    level = parts[1].strip(" )") if len(parts) > 1 else None
    return parts[0].strip(" *_-"), level or None


def _items(text: str) -> list[str]:
    # "Languages: English, Spanish": a label before the items; "Español: nativo" is an item
    # with its level.
    label = re.match(r"^\s*([\w ]{2,25}):", text)
    named = label is not None and spoken(label.group(1).strip()) is not None
    body = text.split(":", 1)[1] if label and not named else text
    body = re.sub(r"\*\*|__|^\s*[-•*◦]\s+", "", body)
    return [i.strip() for i in _ITEM.split(body) if i and i.strip()]


def read_languages(lines: list[ResumeLine]) -> tuple[list[SpokenLanguage], list[TextFact]]:
    spoken_found: dict[str, SpokenLanguage] = {}
    found_programming: list[TextFact] = []
    for line in lines:
        if line.blank or line.heading or line.suspicious:
            continue
        labelled = re.match(r"^\s*\**\s*(spoken\s+)?languages?\s*\**\s*:", line.text, re.I)
        if line.section == "languages" or labelled:
            for item in _items(line.text):
                name, level = _split_item(item)
                # with a level beside it, any living language ("Cebuano (conversational)")
                found = listed_language(name) if level else spoken(name)
                if found is None:
                    # "Spanish (heritage speaker, fluent)" and "a bit of Zig" read the same way.
                    words = name.split()
                    found = spoken(words[-1]) if words and len(words) <= 3 else None
                if found is not None:
                    spoken_found.setdefault(
                        found, SpokenLanguage.on(line, language=found, level=level)
                    )
                elif programming(name):
                    found_programming.append(TextFact.on(line, value=name))
        for m in _BILINGUAL.finditer(line.text):
            for word in re.split(r"\s*(?:/|,|&|\band\b)\s*", m.group(1)):
                if (found := spoken(word)) is not None:
                    spoken_found.setdefault(
                        found, SpokenLanguage.on(line, language=found, level="bilingual")
                    )
    return list(spoken_found.values()), found_programming
