"""Questions that select or rank candidates by a protected characteristic are not answered.

Gender, age, race or ethnicity, religion, marital or family status, pregnancy, disability and
sexual orientation say nothing about fitness for a job, and choosing candidates by them is
unlawful discrimination in most places. Resumes often let them be guessed (a name, a graduation
year, a club), so a question that asks for them ("Which candidates are women?", "Who is the
youngest?") gets a plain refusal instead of a guess, whatever the answer strategy.

The patterns ask for the characteristic *of the candidate* ("are women", "the youngest", "how
old"), so a requirement that only mentions such a word ("software usable for people with
disabilities", "Women in Tech mentor", "10+ years old codebase") is still answered. The list of
characteristics is a policy, not a tuned vocabulary: it follows the categories equal-employment
law protects.
"""

from __future__ import annotations

import re

# "are women", "is Dana married", "is he gay": a form of "be", then at most two words naming
# who (a capitalised name or a pronoun), then the characteristic.
_BE = (
    r"(?:are|is|was|were|'s|’s)"
    r"(?:\s+(?:(?-i:[A-Z])[\w'’-]*|he|she|they|this candidate|the candidate)){0,2}"
)
_CATEGORIES: list[tuple[str, re.Pattern[str]]] = [
    (
        "gender",
        re.compile(
            rf"\b{_BE}\s+(?:a\s+)?(?:women|woman|female|females|men|man|male|males|girls?|guys?|"
            r"non-?binary|trans(?:gender)?)\b|"
            r"\b(?:female|male|women|woman)\s+(?:candidates?|applicants?|engineers?|developers?|"
            r"people|ones)\b|\bgender\b(?!-)(?!\s+\w)",
            re.IGNORECASE,
        ),
    ),
    (
        "age",
        re.compile(
            r"\b(?:youngest|oldest)\b|\bhow old\b|"
            r"\b(?:are|is|who(?:'s)?)\s+(?:\w+\s+)?(?:younger|older)\s+than\b|"
            # "Who is older, Leo or Ewan?", "Which of them is younger?"
            r"\b(?:who|which(?:\s+\w+){0,2})(?:'s|\s+is|\s+are)\s+(?:the\s+)?(?:younger|older)\b|"
            r"\b(?:are|is|who(?:'s)?)\s+(?:(?:over|under|above|below|at least)\s+)?\d{2}\s*"
            r"(?:years?|yrs?)\s+old\b|\bdate of birth\b|\bborn\s+(?:in|before|after)\s+"
            r"(?:19|20)\d\d\b|\b(?:their|his|her|candidates'?|'s|’s)\s+ages?\b|"
            r"\bages?\s+(?:under|over|above|below)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "race or ethnicity",
        re.compile(
            r"\b(?:race|racial|ethnicity|ethnic background)\b|"
            rf"\b{_BE}\s+(?:white|black|asian|hispanic|latino|latina|latinx|caucasian|"
            r"african[- ]american)\b|"
            r"\b(?:white|black|asian|hispanic|latino|latina|caucasian)\s+(?:candidates?|"
            r"applicants?|engineers?|developers?|people|ones)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "religion",
        re.compile(
            rf"\breligio(?:n|us)\b|\b{_BE}\s+(?:a\s+)?(?:christian|muslim|jewish|jew|hindu|"
            r"buddhist|catholic|protestant|atheist|sikh)s?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "marital or family status",
        re.compile(
            rf"\b{_BE}\s+(?:married|single|divorced|widowed|pregnant)\b|\bpregnan\w*\b|"
            r"\bmarital status\b|\b(?:has|have)\s+(?:kids|children|a family)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "disability",
        re.compile(
            rf"\b{_BE}\s+(?:disabled|handicapped)\b|\b(?:has|have)\s+(?:a\s+)?disabilit(?:y|ies)\b",
            re.IGNORECASE,
        ),
    ),
    (
        "sexual orientation",
        re.compile(
            rf"\bsexual orientation\b|\b{_BE}\s+(?:gay|lesbian|straight|bisexual|queer)\b",
            re.IGNORECASE,
        ),
    ),
]


# A posting's equal-opportunity statement names the characteristics in order to rule them out:
# it asks nothing of anyone ("... without regard to race, color, religion, sex, ...").
_EEO = re.compile(
    r"[^.\n]*\b(?:equal (?:employment )?opportunit(?:y|ies)|do(?:es)? not discriminate|"
    r"without regard to|regardless of|affirmative action|all qualified applicants|"
    r"committed to (?:diversity|inclusion))\b[^.\n]*[.\n]?",
    re.IGNORECASE,
)


def protected_reason(question: str) -> str | None:
    """Why the question is not answered, or None when it may be. A posting's
    equal-opportunity statement asks nothing and is read past."""
    question = _EEO.sub(" ", question)
    for category, pattern in _CATEGORIES:
        if pattern.search(question):
            return (
                f"I don't select or rank candidates by {category}: it says nothing about how "
                "well someone can do the job, and choosing by it is discrimination (unlawful "
                "in most places). Ask about skills, experience, qualifications, languages or "
                "location instead."
            )
    return None
