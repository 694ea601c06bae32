"""Spoken language names: ISO 639-1 (``pycountry``) and the endonyms and common names resumes
use ("Español", "Mandarin"). Ingest reads a resume's languages with them; a question that asks
who speaks one reads the lines that list it."""

from __future__ import annotations

from functools import cache

_EXTRA_NAMES = {
    "mandarin": "Mandarin",
    "cantonese": "Cantonese",
    "farsi": "Persian",
    "tagalog": "Tagalog",
    "filipino": "Filipino",
    "français": "French",
    "francais": "French",
    "español": "Spanish",
    "espanol": "Spanish",
    "castellano": "Spanish",
    "deutsch": "German",
    "português": "Portuguese",
    "portugues": "Portuguese",
    "italiano": "Italian",
    "nederlands": "Dutch",
    "polski": "Polish",
    "svenska": "Swedish",
    "gaeilge": "Irish",
    "catalan": "Catalan",
    "valencian": "Catalan",
    "swahili": "Swahili",
    "kiswahili": "Swahili",
    "isizulu": "Zulu",
    "isixhosa": "Xhosa",
    "setswana": "Tswana",
    "sesotho": "Sotho",
    "gikuyu": "Kikuyu",
    "dholuo": "Luo",
    "bisaya": "Cebuano",
    "sign language": "Sign language",
    "asl": "American Sign Language",
}
# ISO names that are also everyday words or tool names in resumes.
_NOT_LANGUAGES = {"ido", "interlingua", "volapük", "avaric", "ewe", "herero", "kongo", "sango"}


@cache
def _names() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for lang in pycountry.languages:
        if not hasattr(lang, "alpha_2"):
            continue
        name = lang.name.split(";")[0].split(",")[0].strip()
        key = name.lower()
        if key not in _NOT_LANGUAGES:
            names[key] = name
    for key, name in _EXTRA_NAMES.items():
        names[key] = name
    # The names resumes written in other languages give them ("Alemán", "Allemand",
    # "Portugués", "Englisch"), from pycountry's own translations of ISO 639.
    import gettext

    from assistant.terms import english_words

    words = english_words()
    for locale in _RESUME_LOCALES:
        try:
            translated = gettext.translation("iso639-3", pycountry.LOCALES_DIR, [locale])
        except OSError:
            continue
        for english in list(dict.fromkeys(names.values())):
            local = translated.gettext(english).split(" (")[0].strip().lower()
            # ("pools" is Dutch for Polish and an English word: not read as a language)
            if local and " " not in local and local not in _NOT_LANGUAGES and local not in words:
                names.setdefault(local, english)
    return names


_RESUME_LOCALES = ("es", "pt", "fr", "de", "it", "nl", "pl", "sv")


def spoken(name: str) -> str | None:
    """The language a word names ("english" -> "English", "Español" -> "Spanish")."""
    return _names().get(name.strip().lower())


@cache
def _living_names() -> dict[str, str]:
    """Every living language ISO 639-3 names (some 7,000: "Cebuano", "Hiligaynon")."""
    import pycountry

    names: dict[str, str] = {}
    for lang in pycountry.languages:
        if getattr(lang, "type", None) != "L":
            continue
        name = lang.name.split(" (")[0].strip()
        if " " not in name and name.lower() not in _NOT_LANGUAGES:
            names.setdefault(name.lower(), name)
    return names


def listed_language(name: str) -> str | None:
    """A language an item of a languages list names with its level ("Cebuano
    (conversational)"): any living language, as the list and the level say it is spoken."""
    return spoken(name) or _living_names().get(name.strip().lower())


@cache
def spoken_terms() -> frozenset[str]:
    """The search terms of every one-word spoken language name ("spanish", "mandarin")."""
    from assistant.terms import terms

    return frozenset(t for name in _names() if " " not in name for t in terms(name, query=True))
