"""How soon a candidate can start: the notice period a resume states, and the bound a question
asks for, both read as days.

Resumes from India, the UK and much of Europe state it ("Notice Period: 30 days", "Notice: 1
month", "Availability: immediate", a table cell "Notice Period" over "90 days"); recruiters ask
"Which of them can join within 30 days?", "immediate joiners", "notice period under 2 months".
A month counts as 30 days and a week as 7, as notice periods are quoted. A resume that states no
notice period is not guessed at: the answer says how many candidates state none.
"""

from __future__ import annotations

import re

from assistant.terms import NUMBER_WORDS, number

_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}
_COUNT = r"(?P<n>\d{1,3}|an?|" + "|".join(NUMBER_WORDS) + r")"
_SPAN = re.compile(
    _COUNT + r"[\s-]*(?P<unit>days?|weeks?|wks?|months?|mos?)\b(?!\s+ago)", re.IGNORECASE
)
_NOW = re.compile(
    r"\b(?:immediate(?:ly)?|immediate\s+joiner|right away|at once|asap|available now)\b",
    re.IGNORECASE,
)
# The label a resume gives it: "Notice Period", "Notice", "Availability", "Available to start",
# "Joining time"; written in a line's first words, before its value or alone on its line.
_LABEL = re.compile(
    r"^\W*(?:notice(?:\s+period)?|availability(?:\s+to\s+(?:start|join))?|"
    r"available\s+(?:to\s+(?:start|join)|from|in)|joining(?:\s+(?:time|period))?|"
    r"(?:can|able to)\s+(?:join|start))\b\s*(?:[:\-–—|]\s*)?",
    re.IGNORECASE,
)
# "Immediate joiner", "Can join immediately" said without a label.
_SAID = re.compile(
    r"\b(?:immediate\s+joiner|(?:can|able to)\s+(?:join|start)\s+immediately|"
    r"available\s+(?:to\s+(?:start|join)\s+)?immediately)\b",
    re.IGNORECASE,
)
# Words that turn a value into something else: a notice already served ("last working day"),
# a period that is over ("served").
_NOT_A_NOTICE = re.compile(r"\b(?:served|serving|last working day|lwd)\b", re.IGNORECASE)


def span_days(text: str) -> int | None:
    """ "30 days" -> 30, "2 weeks" -> 14, "one month" -> 30, "immediate" -> 0; None when the
    text says no span."""
    if _NOW.search(text):
        return 0
    m = _SPAN.search(text)
    if m is None:
        return None
    n = number(m.group("n"))
    unit = m.group("unit").lower()
    key = "day" if unit.startswith("d") else "week" if unit.startswith("w") else "month"
    return n * _UNIT_DAYS[key]


def labelled(text: str) -> tuple[bool, str]:
    """Whether a line begins with a notice label, and what follows the label."""
    m = _LABEL.match(text)
    if m is None:
        return False, ""
    return True, text[m.end() :]


def stated_notice(text: str, below: str | None = None) -> int | None:
    """The notice period a line states, in days: from its value after a label ("Notice Period:
    30 days"), from the line under a label that stands alone (``below``), or from a phrase
    such as "immediate joiner". None when the line states none."""
    if _NOT_A_NOTICE.search(text):
        return None
    found, value = labelled(text)
    if found:
        if value.strip():
            return span_days(value)
        if below is not None and len(below.split()) <= 6 and not _NOT_A_NOTICE.search(below):
            return span_days(below)
        return None
    if _SAID.search(text):
        return 0
    return None


# A question's bound: "join within 30 days", "start in two weeks", "notice period of less than
# 60 days", "immediate joiners", "available to start immediately".
_ASK_WITHIN = re.compile(
    r"\b(?:join|joining|start|starting|begin|onboard|available|availability|notice(?:\s+period)?"
    r"|serve)\b[^.?!]{0,40}?\b(?P<bound>with\s*in|in|under|below|less than|at most|up to|"
    r"no more than|not more than|max(?:imum)?(?: of)?|of|<=?)\s+"
    + _COUNT
    + r"[\s-]*(?P<unit>days?|weeks?|months?)\b",
    re.IGNORECASE,
)
_ASK_NOW = re.compile(
    r"\b(?:immediate\s+(?:joiners?|start(?:ers?)?|availability)|"
    r"(?:join|start|available|begin)\s+(?:to\s+(?:start|join)\s+)?"
    r"(?:immediately|right away|now|asap|at once))\b",
    re.IGNORECASE,
)


def asked_notice(text: str) -> tuple[int | None, str]:
    """The longest notice a question accepts, in days, and the question without those words;
    (None, text) when it asks none. "less than 30 days" accepts 29; "within 30 days" 30."""
    m = _ASK_NOW.search(text)
    if m is not None:
        return 0, (text[: m.start()] + " " + text[m.end() :]).strip()
    m = _ASK_WITHIN.search(text)
    if m is None:
        return None, text
    days = span_days(f"{m.group('n')} {m.group('unit')}")
    if days is None:
        return None, text
    bound = m.group("bound").lower()
    if bound == "of" and not re.search(r"notice", m.group(0), re.IGNORECASE):
        return None, text  # "started a team of 5 months" is no notice asked
    strict = bound in ("under", "below", "less than", "<")
    return (days - 1 if strict else days), (text[: m.start()] + " " + text[m.end() :]).strip()


def notice_text(days: int) -> str:
    """How an answer names a bound: "can start immediately", "notice of at most 30 days"."""
    return "can start immediately" if days == 0 else f"notice of at most {days} days"
