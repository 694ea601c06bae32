"""Resume text as a reader sees it: compatibility forms folded, invisible characters removed, and
letters borrowed from another script to look Latin found (and folded for the injection check).

:func:`normalise` is applied to every line before it is stored (see
:func:`ingest.pipeline.analyse`), so the stored line, the searched and embedded text, the quote
in a citation and the text a citation is verified against are one and the same string. It never
adds or removes a line break, so line numbers do not move. It is idempotent, so re-analysing
stored lines changes nothing.

* NFKC: ligatures that PDF extraction produces ("ﬁ" -> "fi"), full-width letters, non-breaking
  spaces. A "Kubernetes" typed in full-width letters is the word a person reads.
* Zero-width characters (U+200B..U+200D, U+2060, U+FEFF) and the soft hyphen are dropped: they
  print nothing, so "Kuber<U+200B>netes" is "Kubernetes" to a reader, and an instruction split by
  them must not slip past the patterns.

Confusable letters (a Cyrillic "а" inside "Kubernеtes") are *not* folded in the stored text:
:func:`disguised_words` finds them and the injection check flags the line (no honest English word
needs a Cyrillic letter, and a genuine Cyrillic or Greek word is left alone because only words
that are otherwise Latin count). A flagged line is never searched, so keeping its letters as they
are loses no match and keeps the evidence for the recruiter; :func:`fold_confusables` gives the
folded text to the instruction patterns and the embedding check.

No maintained confusables table is installed (``confusable_homoglyphs`` would bring Unicode's
confusables.txt); the table below is a small hand-made subset: the Cyrillic and Greek letters
that render like a Latin letter in common fonts, which is what look-alike stuffing uses.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))

# Cyrillic and Greek letters that look like a Latin letter (Unicode confusables.txt, the subset
# that matters for Latin text).
_CONFUSABLE = {
    # Cyrillic
    "а": "a",
    "в": "b",
    "е": "e",
    "ё": "e",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "і": "i",
    "ї": "i",
    "ј": "j",
    "ѕ": "s",
    "ԁ": "d",
    "ԛ": "q",
    "ԝ": "w",
    "һ": "h",
    "ү": "y",
    "ӏ": "l",
    "А": "A",
    "В": "B",
    "Е": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "У": "Y",
    "Х": "X",
    "І": "I",
    "Ј": "J",
    "Ѕ": "S",
    "Ԁ": "D",
    "Ԛ": "Q",
    "Ԝ": "W",
    "Ү": "Y",
    "Һ": "H",
    # Greek
    "α": "a",
    "ο": "o",
    "ρ": "p",
    "ν": "v",
    "ι": "i",
    "κ": "k",
    "τ": "t",
    "υ": "u",
    "Α": "A",
    "Β": "B",
    "Ε": "E",
    "Ζ": "Z",
    "Η": "H",
    "Ι": "I",
    "Κ": "K",
    "Μ": "M",
    "Ν": "N",
    "Ο": "O",
    "Ρ": "P",
    "Τ": "T",
    "Υ": "Y",
    "Χ": "X",
}
_FOLD = str.maketrans(_CONFUSABLE)
_WORD = re.compile(r"[^\W\d_]+")


def normalise(text: str) -> str:
    """NFKC with zero-width characters and soft hyphens removed; line breaks are kept."""
    text = text.translate(_INVISIBLE)
    return unicodedata.normalize("NFKC", text) if not text.isascii() else text


def _latin(ch: str) -> bool:
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")


def _disguised(word: str) -> bool:
    """A word of Latin letters with at least one look-alike from another script in it."""
    borrowed = [ch for ch in word if not _latin(ch)]
    return (
        bool(borrowed)
        and all(ch in _CONFUSABLE for ch in borrowed)
        and any(ch.isascii() for ch in word)
    )


def disguised_words(text: str) -> list[str]:
    """Words written in Latin letters but for a Cyrillic or Greek look-alike ("Кubernetes")."""
    return [m.group(0) for m in _WORD.finditer(text) if _disguised(m.group(0))]


def fold_confusables(text: str) -> str:
    """``text`` with the look-alike letters of disguised words replaced by their Latin twins;
    words wholly in another script ("Москва", "Ελλάδα") are kept as they are."""
    return _WORD.sub(
        lambda m: m.group(0).translate(_FOLD) if _disguised(m.group(0)) else m.group(0), text
    )
