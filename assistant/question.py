"""Question -> plan: which candidates it is about, what kind of answer it wants, and the
requirement a "who has ..." question asks for.

Kinds of question:

* ``match``: "Who has Kubernetes experience?", "Which of them speak Spanish?", "Does Dana know
  Go?" -- every candidate in scope is checked against the requirement.
* ``about``: "Where did Omar study?", "Summarize Dana Park", "What is her email?" -- answered from
  the named (or previously discussed) candidates' own sections.
* ``search``: anything else; the best evidence across the candidates in scope.

A requirement is a list of concepts that must all hold ("Python and AWS" is two concepts); a
concept is a list of alternatives ("Java or Kotlin"); an alternative is a tuple of terms that must
occur in one resume line ("machine learning", "AWS certified solutions architect").
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Literal

from rapidfuzz import fuzz, process

from assistant import places
from assistant.availability import asked_notice, notice_text
from assistant.catalog import Catalog
from assistant.fields import asked_fields, asks_ever, excluded_fields
from assistant.matching import correct_spelling
from assistant.models import (
    Aspect,
    ContactField,
    Conversation,
    DegreeLevel,
    DegreeRequirement,
    Kind,
    Operation,
    Period,
    Position,
    QueryPlan,
    Resume,
    RoleAsked,
    Scope,
    Section,
)
from assistant.terms import (
    NUMBER_WORDS,
    SHORT_PAIR,
    SLASHED,
    fold_letters,
    normalize,
    number,
    singular_acronyms,
    terms,
)

_MATCH_START = re.compile(
    r"^\s*(who|whom|whose|which|does anyone|does anybody|do any|is there anyone|is anyone|"
    r"are there any|is there an?|are there|do we have|have we got|got any\w*|i need|we need|"
    r"need an?|"
    r"(?:i'?m |we'?re )?looking for|any1|ppl|people who|who'?s|"
    r"anyone|anybody|any|list|find|show|name|give me|get me|how many|what number of|count|"
    r"(has|have|is|are|does|do|can|did) (anyone|anybody|any\w*))\b",
    re.IGNORECASE,
)
_MATCH_ANYWHERE = re.compile(
    r"\b((which|what) (candidates?|people|persons|applicants|ones|of (them|these|those))|"
    r"(?:number|count) of (?:candidates|people|applicants)|"
    r"(?:what|which) (?:percentage|percent|proportion|share|fraction) of|"
    r"candidates? (with|who|that)|anyone|anybody)\b",
    re.IGNORECASE,
)
_YES_NO = re.compile(r"^\s*(does|do|did|has|have|is|are|was|can|could)\b", re.IGNORECASE)
_PRONOUN = re.compile(
    r"\b(he|she|they|him|her|hers|his|them|their|theirs|this (candidate|person|one)|"
    r"that (candidate|person|one)|these (candidates|people)|those (candidates|people)|"
    r"the candidate|the same (candidate|person)|(of|among) (these|those|them))\b",
    re.IGNORECASE,
)
# "Who started their current job after 2022?": in a "who" question, "their" and "they" stand
# for the people asked about, not for an earlier answer's candidates; unless "they" is the
# subject an auxiliary asks about ("Which programming languages do they use?").
_BOUND_PRONOUNS = {"their", "theirs", "they", "themselves"}
_AUXILIARY = re.compile(
    r"\b(?:do|does|did|has|have|had|is|are|was|were|can|could|will|would|should)\s*$", re.I
)


def _refers_back(text: str, asks_who: bool) -> bool:
    """Whether a pronoun in ``text`` points at the previous answer's candidates."""
    for m in _PRONOUN.finditer(text):
        bound = (
            asks_who
            and m.group(0).lower() in _BOUND_PRONOUNS
            and not _AUXILIARY.search(text[: m.start()])
        )
        if not bound:
            return True
    return False


_PROGRAMMING = re.compile(
    r"\b(?:programming|coding|computer|software|scripting)\s+languages?\b", re.IGNORECASE
)
# Speaking at events, not a spoken language: "spoken at conferences", "speaks at meetups",
# "public speaking", "gave talks". Read as talks; where they were given, when the question
# names it only as "conferences" or "events", is left to the lines ("Speaker at PyCon").
_SPEAKING = re.compile(
    r"\b(?:(?:speak|speaks|spoke|spoken|speaking)\s+(?:at|about|before|in\s+front\s+of)\b|"
    r"public[\s-]+speaking\b|conference\s+(?:talks?|speakers?|speaking)\b|"
    r"(?:gave|give|gives|given|giving|delivered)\s+(?:a\s+|any\s+)?talks?\b|"
    r"present(?:ed|s|ing)?\s+at\b)"
    r"(?:\s+(?:at\s+|in\s+)?(?:(?:the|a|an|any|some)\s+)?(?:(?:tech|technical|industry|"
    r"international|academic|professional|public)\s+)?"
    r"(?:conferences?|events?|meetups?|summits?)\b)?",
    re.IGNORECASE,
)
_HOW_LONG = re.compile(
    r"\bhow (?:many|much) (?:years?|experience)\b|\bhow long\b|\byears of experience\b", re.I
)
# "And which have a master's?", "Which one speaks Spanish?": a choice among the last answer.
_NARROWS = re.compile(
    r"^\s*(?:and|also|now|then|so)\s+which\b|^\s*which\s+(?:one|ones|two|three)\b"
    r"(?!\s+of\s+(?:the|all|our)\s+candidates)|"
    r"^\s*(?:and\s+)?(?:only|just)\s+(?:those|the\s+ones|them)\b",
    re.IGNORECASE,
)
# "there" standing for the employer asked about last ("How long were they there?").
_THERE = re.compile(r"\bthere(?=\s*[?.!]*\s*$)|\bthere(?=\s+(?:for|before|after|in)\b)", re.I)
_CONTINUATION = re.compile(r"^\s*(and|also|what about|how about|and what about)\b", re.IGNORECASE)

# "mobile" or "cell" as a phone, not as a word that qualifies the next ("mobile app", "cell
# biology"): only when no other word follows, or a phone word does.
_DEVICE = r"\b(?:mobile|cell)(?=\s*(?:[?.!,;:)]|$|(?:phone|number|no)\b))"
# A phone or a number asked for, not one in a requirement: "apps for phones", "repaired
# phones", "good with numbers" and "crunch numbers" ask for no one's phone. The plural counts
# only as someone's ("their phones") or as phone or contact numbers; "number of" is a count.
_PHONE = (
    r"(?:phone|contact|mobile|cell|telephone)\s+numbers?|phone(?!s)|"
    r"(?:'s|s'|\b(?:their|his|her|your|my))\s+phones|number(?!s)(?!\s+of)"
)
_ASPECT_WORDS: list[tuple[Aspect, re.Pattern[str]]] = [
    (
        "contact",
        re.compile(
            r"\b(e-?mails?|telephone|contact|linkedin|github|websites?|portfolio|links?)\b|"
            r"(?:\b(?:" + _PHONE + r")\b)|" + _DEVICE + "|"
            # "How can I reach Dana?", "reach her": someone reached, not a target reached
            # ("Did she reach quota?", "What percentage of quota did Simone reach?")
            r"(?:(?<=\bi\s)|(?<=\bwe\s)|(?<=\byou\s))reach\b|\breach(?=\s+(?:him|her|them|out)\b)",
            re.I,
        ),
    ),
    (
        "education",
        re.compile(
            r"\b(stud(y|ied|ies)|school|university|college|degrees?|education(al)?|educated|"
            r"graduat\w*|"
            r"alma mater|academic\w*)\b",
            re.I,
        ),
    ),
    (
        "certifications",
        re.compile(r"\b(certifications?|certificates?|certified|certs?|licen[cs]es?)\b", re.I),
    ),
    (
        "languages",
        re.compile(
            r"\b((?<!natural\s)languages?(?!\s+(?:models?|processing|understanding))|speaks?|"
            # "fluent in Mandarin", "a native speaker of Polish"
            r"spoken|fluent(?:ly)?\s+in|fluency\s+in|native\s+speakers?)\b",
            re.I,
        ),
    ),
    (
        "skills",
        re.compile(
            r"\b(skills?|skillset|tech stack|(?<!-)(?<!full )stack|technologies|tools|good at|"
            r"strengths?)\b",
            re.I,
        ),
    ),
    (
        "experience",
        re.compile(
            r"\b(experience|work history|work|works|working|worked|jobs?|roles?|career|employers?|"
            r"employment|"
            r"positions?|"
            r"companies|currently|"
            # "her current employer", "current role"; not "current CTC" or "current salary"
            r"current(?!\s+(?!(?:role|job|employer|position|title|company|firm|team|work|"
            r"organi[sz]ation)s?\b)[a-z]))\b",
            re.I,
        ),
    ),
    (
        "summary",
        re.compile(
            r"\b(summar\w*|background|overview|profile|tell me about|who is|describe|introduce|"
            r"about)\b",
            re.I,
        ),
    ),
]
_CONTACT_FIELDS: list[tuple[ContactField, re.Pattern[str]]] = [
    ("email", re.compile(r"\be-?mails?\b", re.I)),
    ("phone", re.compile(r"\b(?:telephone|" + _PHONE + r")\b|" + _DEVICE, re.I)),
    ("links", re.compile(r"\b(linkedin|github|websites?|portfolio|links?)\b", re.I)),
]

# Words that frame a question rather than state what is asked for. Compared in lowercase before
# stemming. Deliberately absent: "go", "r", "c" (languages) and anything naming a skill.
_FRAME_WORDS = """
    a an the of in on at to for from by with within into about as is are was were be been
    being am do does did done has have had having can could would should will shall may
    might must who whom whose which what where when why how whoever any anyone anybody some
    whats whos wheres hows percentage percent proportion fraction share
    someone somebody all every each either neither both none no not there here that this
    these those it its i me my we us our you your he him his she her they them their one
    ones person people everyone everybody mention mentions mentioned mentioning
    candidate candidates applicant applicants resume resumes cv profile
    profiles pool list show find give get tell name names please among between across throughout out
    experience experienced experiences expertise background knowledge knows know knowing
    familiar familiarity proficient proficiency skilled skill skills strong solid hands-on
    worked work works working used use uses using speak speaks speaking spoken fluent
    fluency language languages level years year studied study studies graduated attended
    holds hold qualification qualifications credential credentials based located live lives
    living speaker speakers native-level kind kinds sort type types went gone written write
    writes wrote built build builds developed develop coded code also too ever currently still
    current previously previous good great deep professional
    fit fits suitable ideal best better role roles position positions job jobs opening
    openings would
    match matches many much number count total two three four five six seven eight nine ten
    also too either
    got need needs needed looking look seeking any1 ppl folks who's i'm we're asap pls plz
    w/ exp xp
    stuff things
    responsible accountable
    willing keen interested happy able only just title titles titled overall altogether
    brief one-line quick most fewest
    others setting settings
    ok okay so alright thanks hmm actually really
    doing sometime later onwards onward industry
    play plays playing likes enjoy enjoys enjoying loves into
    wizard wizards guru gurus ninja ninjas rockstar rockstars whiz whizzes expert experts pros
    users fluently natively earned obtained received held ago
    several various other
"""
_FRAME = set(_FRAME_WORDS.split())
# The frame words that are verbs: what may follow the people a "which" question is about.
_FRAME_VERBS = set(
    """is are was were be been has have had do does did can could would should will know knows
    work works worked use uses used speak speaks hold holds mention mentions built build builds
    developed develop wrote write writes coded code studied study graduated attended lives live
    got need needs""".split()
)
_SOFT: dict[str, Section] = {
    "certif": "certifications",
    "cert": "certifications",
    "licens": "certifications",
    # "a CFA charterholder", "accredited": a credential held, as a certification is
    "charterhold": "certifications",
    "accredit": "certifications",
    # "Gas Safe registered", "HCPC-registered": on a register of the trade or profession
    "regist": "certifications",
    "degre": "education",
}
_SPLIT_AND = re.compile(
    r"\s*(?:,|;|&|(?<=\s)\+(?=\s)|\band\b|\bn\b|\bas well as\b|\bplus\b|\balong with\b)\s*",
    re.I,
)
_SPLIT_OR = re.compile(r"\s*(?:\bor\b|/)\s*", re.I)


# Abbreviations recruiters type ("eng mgr w/ k8s", "sr devs", "5+ yrs").
_SHORT_FOR = {
    "mgr": "manager",
    "mgrs": "managers",
    "eng": "engineering",
    "engr": "engineer",
    "engrs": "engineers",
    "sr": "senior",
    "sr.": "senior",
    "jr": "junior",
    "jr.": "junior",
    "yr": "year",
    "yrs": "years",
    "biz": "business",
    # negations typed without their apostrophe
    "doesnt": "doesn't",
    "dont": "don't",
    "didnt": "didn't",
    "hasnt": "hasn't",
    "havent": "haven't",
    "hadnt": "hadn't",
    "isnt": "isn't",
    "arent": "aren't",
    "wasnt": "wasn't",
    "werent": "weren't",
    "cant": "can't",
    "wont": "won't",
    "mktg": "marketing",
    "dept": "department",
}
_SHORTHAND = re.compile(
    r"(?<![\w.])(?:" + "|".join(re.escape(k) for k in _SHORT_FOR) + r")(?![\w])", re.IGNORECASE
)


# An aside that only says how to read the question: "(actual Java, not JavaScript)",
# "(internships included)", ", internships included", "(including contract work)". Roles of
# every kind count already, and Java is never JavaScript. A trailing "and how well?" or "and
# for how long?" asks for what the quoted lines show.
_ASIDE = re.compile(
    r"\s*\((?=[^)]*\b(?:not|included|including|incl|counted|counts)\b)[^)]*\)|"
    r",\s*(?:\w+\s+){1,2}(?:included|counted)(?=\s*[?.!]*\s*$)|"
    r",\s*(?:including|incl\.?)\s+(?:\w+\s*){1,2}(?=[?.!]*\s*$)|"
    # "..., and how well?", "... and for how long?": the quoted lines say it
    r",?\s+and\s+(?:how\s+(?:well|fluently|fluent|good|strong|long|recently)|"
    r"(?:at\s+)?what\s+level|for\s+how\s+long|since\s+when|where|when)(?=\s*[?.!]*\s*$)",
    re.IGNORECASE,
)


_RETURNED = re.compile(
    r"\b(?:(?:worked|been)\s+(?:at|for)\s+the\s+same\s+(?:company|employer|firm)\s+"
    r"(?:twice|two times|more than once)|went\s+back\s+to|returned\s+to|re-?joined|"
    r"boomerang(?:\s+hires?)?)\b(?:\s+(?:an?|their|a)\s+(?:former|previous|old)\s+"
    r"(?:employer|company|firm))?",
    re.IGNORECASE,
)
_PROMOTED = re.compile(
    r"\b(?:(?:been|got|gotten|was|were)\s+)?(?:promoted|a\s+promotion|promotions?)\b",
    re.IGNORECASE,
)


# "When was he promoted?", "Was Tobias ever promoted?", "Has she had a promotion?": the same
# two titles at one employer, asked of someone
_ASKS_PROMOTED = re.compile(
    r"^\W*(?:when|was|were|has|have|did|is|how\s+(?:long|often|many))\b.*\bpromot", re.IGNORECASE
)


def plan_question(
    question: str,
    catalog: Catalog,
    conversation: Conversation | None = None,
    focus: list[str] | None = None,
) -> QueryPlan:
    text = " ".join(question.split())
    # "nurses w/ ICU", "w/o a degree", "grads": as they are short for
    text = re.sub(r"(?<!\w)w/o(?!\w)", "without", text, flags=re.IGNORECASE)
    text = re.sub(r"(?<!\w)w/(?=\s|\w)", "with ", text, flags=re.IGNORECASE)
    text = re.sub(r"\bgrads\b", "graduates", text, flags=re.IGNORECASE)
    # "SREs", "CPAs": the plural of an acronym, told by its case before any step lowers it
    text = singular_acronyms(text)
    text = _SHORTHAND.sub(lambda m: _SHORT_FOR[m.group(0).lower()], text)
    text = _ASIDE.sub("", text)
    if _POOL_SIZE.match(text):
        # "How many resumes are there?": the pool itself, counted.
        return QueryPlan(
            question=question,
            kind="about",
            scope="all",
            operation="count",
            candidate_ids=list(catalog.candidates),
        )
    if (again := _asked_again(text, catalog, conversation)) is not None:
        # "What about Austin?" after "Who is in Seattle?": the same question about Austin.
        assert conversation is not None
        earlier = Conversation(turns=conversation.turns[:-1])
        plan = plan_question(again, catalog, earlier, focus)
        plan.question = question
        return plan
    if (other := _same_for_another(text, catalog, conversation)) is not None:
        # "And Jonas?", "Same question for Imogen", "What about the other one?": the last
        # question, about them.
        assert conversation is not None and conversation.last is not None
        earlier = Conversation(turns=conversation.turns[:-1])
        plan = plan_question(conversation.last.question, catalog, earlier, focus)
        return plan.model_copy(
            update={"question": question, "scope": "named", "candidate_ids": other}
        )
    if (said := _it_said(text, catalog, conversation)) is not None:
        # "Who's the best at it?" after "Who knows Python?": "it" is what was asked for.
        plan = plan_question(said, catalog, conversation, focus)
        plan.question = question
        return plan
    # "Who is the candidate with the email dana@example.com?": whoever's contact details hold it.
    owners = contact_owners(text, catalog)
    last_turn = conversation.last if conversation else None
    there: str | None = None
    if last_turn is not None and last_turn.employers and _THERE.search(text):
        # "How long were they there?" after "Who worked at Spotify?": there is Spotify.
        there = last_turn.employers[0]
        text = _THERE.sub(f"at {there}", text)
    # "Show the lines closest to fortran": the passages nearest to the words, not who has them.
    closest = _CLOSEST.match(text)
    if closest:
        text = text[closest.end() :].strip(" “”\"'")
    asks_who = not closest and bool(
        _MATCH_START.search(text) or _MATCH_ANYWHERE.search(text) or _NARROWS.search(text)
    )
    if asks_who:
        # "Who speaks a second language?", "more than one language": a count of languages.
        text = _SECOND_LANGUAGE.sub("at least 2 languages", text)
        # "more than one degree", "multiple employers": at least two of what the profile lists.
        text = _SEVERAL.sub(lambda m: m.group(0) if _of_clients(m, text) else "at least 2 ", text)
        # "Who has changed jobs most often?": the most employers.
        text = _JOB_CHANGES.sub(
            lambda m: f"worked at the {m.group('dir') or m.group('dir2')} companies", text
        )
    # "Who graduated most recently?", "the earliest graduate": ordered by the year of a degree;
    # what is left asks who has one ("Which nurse graduated most recently?").
    graduation = _GRADUATION_ORDER.search(text) if asks_who else None
    if graduation is not None:
        order = "order" if graduation.group("order") else "order2"
        text = text[: graduation.start(order)] + " " + text[graduation.end(order) :]
    # "Who has used React most recently?": who has it, the latest dated role showing it first.
    recency = _RECENCY_ORDER.search(text) if asks_who and graduation is None else None
    if recency is not None:
        text = text[: recency.start()] + " " + text[recency.end() :]
    # "Who has the shortest notice period?", "Who can start soonest?": by the notice stated.
    notice_order = _NOTICE_ORDER.search(text) if asks_who and not (graduation or recency) else None
    if notice_order is not None:
        text = text[: notice_order.start()] + " " + text[notice_order.end() :]
    order_by: Literal["graduation", "recency", "notice"] | None = (
        "graduation" if graduation else "recency" if recency else "notice" if notice_order else None
    )
    # "Who worked at Stripe before 2020?": the dates apply to what the rest asks for.
    # ... and in bare search words ("grads from 2020 or later", "kafka since 2021")
    bare_words = not closest and not _ASKS.search(text)
    period, dated = _period(text, date.today()) if asks_who or bare_words else (None, text)
    # "Who started their career before 2010?", "whose first job was at Stripe": the earliest
    # dated role, not any role; what is left reads as any role ("worked at Stripe"). "Who
    # joined their current employer in 2021?": the role held now.
    # "Which of them work in tech?", "healthcare candidates": the field of their titles.
    fields_ever = asks_who and asks_ever(dated)
    fields_out, dated = excluded_fields(dated) if asks_who else ([], dated)
    fields, dated = (
        (fields_out, dated) if fields_out else asked_fields(dated) if asks_who else ([], dated)
    )
    # "Which of them can join within 30 days?", "immediate joiners": the notice they state.
    max_notice, dated = asked_notice(dated) if asks_who else (None, dated)
    # "Which candidates have gaps in their employment?": months no dated role covers.
    min_gap: int | None = None
    gap_between = False
    if asks_who and _GAP.search(dated):
        gap_between = bool(_BETWEEN_ROLES.search(dated))
        min_gap, dated = _gap_months(dated), _GAP_SIZE.sub(" ", _GAP.sub(" ", dated))
        dated = _BETWEEN_ROLES.sub(" ", dated)
    role: RoleAsked | None = None
    if asks_who and _RETURNED.search(dated):
        # "Who has worked at the same company twice?", "boomerang hires", "rejoined Google"
        role, dated = "returned", _RETURNED.sub(" worked at ", dated)
    elif (asks_who or _ASKS_PROMOTED.search(dated)) and _PROMOTED.search(dated):
        # "Who has been promoted at their current employer?": two titles at one employer
        role, dated = "promoted", _PROMOTED.sub(" ", dated)
        if _CURRENT_JOB.search(dated):
            # "... at their current employer": there, not at any employer
            dated = _CURRENT_JOB.sub(" ", dated)
            period = Period(current=True, text="at the current employer")
    elif asks_who and _CAREER_START.search(dated):
        role, dated = "first", _CAREER_START.sub("worked", dated)
    elif asks_who and (_LEFT.search(dated) or _NOT_WORKING.search(dated)):
        # "Who left their last job in 2024?", "Who is not working at the moment?"
        role, dated = "ended", _NOT_WORKING.sub(" ", _LEFT.sub(" ", dated))
        if period is not None and period.current:
            period = None  # "not currently working": the "currently" is the question itself
    elif asks_who and (now := _CURRENT_JOB.search(dated)):
        at_employer = now.group("what").lower() in ("employer", "company", "workplace")
        role = "current_employer" if at_employer else "current"
        dated = _CURRENT_JOB.sub(" ", dated)
    elif asks_who and _NEW_JOB.search(dated):
        role, dated = "started", _NEW_JOB.sub(" ", dated)  # "Who started a new job in 2024?"
    elif asks_who and _HELD_JOB.search(dated):
        # "Who was working in 2015?", "Who has had the same job for over 5 years?"
        role, dated = "held", _HELD_JOB.sub(" ", dated)
    elif asks_who and _ONE_EMPLOYER_TENURE.search(dated):
        # "Who has the longest tenure at a single company?": any employer, the time there.
        role, dated = "held", _ONE_EMPLOYER_TENURE.sub(" longest ", dated)
    # A place at the end is read in a question that asks who, or in bare search words
    # ("python developers in Texas"), not in one about a candidate ("What did Dana do in
    # Austin?").
    # "Who hasn't worked at Google?", "never worked in the US": an employer or a place of work
    # to leave out (only when one is named: "never worked in sales" is a negated requirement).
    # "former Amazon employees", "who left Amazon": an employer they are no longer at.
    who_or_bare = asks_who or not (closest or _ASKS.search(text))  # "ex-Google folks?"
    former, dated = _former_employer(dated, catalog) if who_or_bare else (False, dated)
    not_worked = _NOT_WORKED_AT.search(dated) if asks_who else None
    if not_worked is not None:
        trial = dated[: not_worked.start()] + " worked " + dated[not_worked.start("prep") :]
        found_work = _work_place(trial)[0] or _structured(_named_groups(trial), catalog)[0]
        dated, not_worked = (trial, not_worked) if found_work else (dated, None)
    school_place, dated = _school_place(dated)
    degree_schools, dated = _degree_school(dated) if school_place is None else ([], dated)
    work_place, dated = _work_place(dated) if asks_who else (None, dated)
    place_excluded, dated = _place_left_out(dated)
    employers, place, unnamed = _structured(
        _named_groups(dated),
        catalog,
        asks_who or not (closest or _ASKS.search(text)),
    )
    # "worked at Spotify and Klarna": both, where each is an employer some resume names and
    # the whole is none ("Johnson & Johnson", "Marks and Spencer" are one).
    employers, employers_all = _each_employer(employers, catalog)
    # "a FAANG company": the employers the acronym is made of.
    employers = [
        e for org in employers for e in _EMPLOYER_GROUPS.get(org.upper(), (None, [org]))[1]
    ]
    if asks_who and not employers:
        # "faang experience", "anyone with Big 4 experience?"
        for pattern, members in _EMPLOYER_GROUPS.values():
            if pattern.search(unnamed):
                employers, unnamed = list(members), pattern.sub(" ", unnamed)
                break
    employers_excluded: list[str] = []
    work_place_excluded: str | None = None
    if not_worked is not None:
        employers_excluded, employers = employers, []
        work_place_excluded, work_place = work_place, None
    # "Amazon but not AWS": the employer, place or degree is what is asked before the "not";
    # what follows the "not" is read apart ("Who doesn't have a master's?" asks for no degree).
    unnamed, negative = _negation(
        unnamed,
        catalog,
        bool(employers or place or place_excluded or any(_education(unnamed)[:2])),
    )
    degree, schools, unnamed = _education(unnamed)
    schools = schools or degree_schools
    if degree is not None and degree.field:
        degree = degree.model_copy(update={"field": _respelled_field(degree.field, catalog)})
    if len(schools) == 1 and school_place is None and _known_country(schools[0]):
        school_place, schools = schools[0], []  # "graduated from the UK": a country, no school
    if school_place is not None and degree is None and not schools:
        degree = DegreeRequirement()  # "Who studied in Canada?": any degree, from there
    degree_excluded: DegreeRequirement | None = None
    if negative:
        # "Who doesn't have a degree?", "... but no master's": a degree to lack, from the profile.
        lacked, _, rest_of_it = _education(negative)
        if lacked is None and (degree_said := _ANY_DEGREE.search(negative)):
            # A degree is academic: a diploma or a certificate is none ("HND", "High School
            # Diploma"); a university degree is a bachelor's or more.
            university = "universit" in degree_said.group(0).lower()
            lacked = DegreeRequirement(levels=_UNIVERSITY if university else _ACADEMIC)
        if lacked is not None and not _requirement_text(_ANY_DEGREE.sub(" ", rest_of_it)):
            degree_excluded, negative = lacked, ""
    named, residual = named_candidates(unnamed, catalog)
    named = owners + [c for c in named if c not in owners]
    # "... except Omar" leaves a candidate out; "... but not Java" a requirement.
    left_out, negative = named_candidates(negative, catalog) if negative else ([], "")
    previous = [
        c
        for c in (conversation.last_candidate_ids if conversation else [])
        if c in catalog.candidates
    ]
    focus_ids = [c for c in (focus or []) if c in catalog.candidates]
    if asks_who and _ELSE.search(residual):
        # "Who else knows Swift?": everyone but the candidates of the last answer.
        residual = _ELSE.sub(" ", residual)
        left_out += [c for c in previous if c not in left_out]

    last = conversation.last if conversation else None
    continues = bool(_CONTINUATION.search(text))
    scope: Scope
    if named:
        scope, ids = "named", named
    elif (
        previous
        and conversation
        and not asks_who  # "Who was the first one to use Kafka?" asks who
        and (pick := _NTH_ONE.search(text))
        and (chosen := _nth(pick, _last_list(conversation, catalog)))
    ):
        # "Tell me more about the first one", "the second candidate's email": that one of the
        # last answer that named several, in its order; the words then read as "them".
        scope, ids = "follow_up", [chosen]
        text, residual = _NTH_ONE.sub(_as_pronoun, text), _NTH_ONE.sub(_as_pronoun, residual)
    elif (
        previous
        and last is not None
        and _THE_OTHERS.search(text)
        and (others := [c for c in last.scope_ids if c in catalog.candidates and c not in previous])
    ):
        # "and the other two - what do they do?" after "Which of them are engineers?": the
        # candidates the last question considered that its answer did not name.
        scope, ids = "follow_up", others
    elif previous and _refers_back(text, asks_who):
        # "And which of those have been on call?": the previous answer's candidates.
        scope, ids = "follow_up", previous
    elif (
        previous
        and _NARROWS.search(text)
        and last is not None
        and last.kind == "match"
        and set(previous) != set(catalog.candidates)
    ):
        # "And which have a master's?": which of the previous answer's candidates.
        scope, ids = "follow_up", previous
    elif continues and last is not None and last.kind == "match":
        # "What about Mandarin?" after "Who speaks Japanese?": same question, same pool.
        scope = "follow_up" if set(last.scope_ids) != set(catalog.candidates) else "all"
        ids = [c for c in last.scope_ids if c in catalog.candidates]
    elif previous and (_refers_back(text, asks_who) or continues):
        scope, ids = "follow_up", previous
    elif (
        last is not None
        and (last.kind == "about" or last.operation == "compare")
        and 2 <= len(previous) <= _FEW_COMPARED
        and (_BETTER.search(text) or _RANK.search(text) or _MOST_OF.search(text))
    ):
        # "Who's better at Terraform?", "Who has more years of experience?" after "Compare Leo
        # and Ewan": the two compared.
        scope, ids = "follow_up", previous
    elif focus_ids:
        scope, ids = "focus", focus_ids
    else:
        scope, ids = "all", list(catalog.candidates)
    if scope == "follow_up" and conversation and (several := _THOSE_N.search(text)):
        # "Which of those three speaks French?" after three questions about one person each:
        # the candidates of the last answers, back until there are that many.
        wanted = number(several.group(1))
        gathered = list(ids)
        for turn in reversed(conversation.turns):
            if len(gathered) >= wanted:
                break
            gathered += [
                c
                for c in turn.answer.candidate_ids
                if c in catalog.candidates and c not in gathered
            ]
        if len(gathered) == wanted:
            ids = gathered
    if (
        scope == "follow_up"
        and len(ids) > 1
        and last is not None
        and last.operation == "rank"
        and _ONE_PERSON.search(text)
        and not _SEVERAL_PEOPLE.search(text)
    ):
        # "What's his current title?" after "Who has the most experience in sales?": the first
        ids = ids[:1]
    if scope == "follow_up" and len(ids) == 1 and conversation and _COMPARE.search(text):
        # "Compare them" after "Tell me about Yusuf" and "What about Priya?": the candidates
        # of the last answers, one by one, back to the first that named several.
        for turn in reversed(conversation.turns[:-1]):
            found = [c for c in turn.answer.candidate_ids if c in catalog.candidates]
            if not found or len(found) > 2:
                break
            ids += [c for c in found if c not in ids]
            if len(ids) >= 2:
                break

    residual = _SPEAKING.sub(" talks ", _unqualified_numbers(residual))
    aspect = _aspect(residual)
    if _PROGRAMMING.search(residual):
        aspect = "skills"  # "What programming languages does Dana know?" is not about Spanish
    elif _WHERE_BASED.search(text):
        aspect = "location"  # "Where does Dana live?" asks for the place, not a summary
    elif (
        aspect in (None, "experience", "summary")
        and _CURRENT_ROLE.search(residual)
        # "Where did she work before her current job?" asks for the role before it
        and not re.search(r"\b(?:before|prior to|previous to)\b", residual, re.IGNORECASE)
    ):
        aspect = "current"  # "What is Dana's current title?": the role, not the whole history
    elif (
        scope in ("named", "follow_up")
        and not re.search(r"\b(?:of|among) (?:them|those|these)\b", text, re.IGNORECASE)
        and (which := _ROLE_FACT.search(residual))
    ):
        # "What was Dana's first job?", "her previous employer", "Which companies has Dana
        # worked for?": roles from the profile, the fact first.
        aspect = (
            "first_role"
            if which.group("first")
            else "previous_role"
            if which.group("previous") or which.group("before") or _BEFORE_CURRENT.search(residual)
            else "roles"
        )
    role_time = bool(
        scope in ("named", "follow_up")
        and 1 <= len(ids) <= _FEW
        and _ROLE_TIME.search(text)
        and all(roles_named(catalog, cid, text) for cid in ids)
    )
    if role_time:
        aspect = "roles"  # "How long was Arjun at Ola?": that role, with its dates
    contact_fields = [f for f, pattern in _CONTACT_FIELDS if pattern.search(residual)]
    career = _CAREER_YEARS.search(residual)
    min_years, max_years, years_over, residual = _years(residual)
    min_team, residual = _team_size(residual)
    excluded_text = _requirement_text(negative)
    ids = [c for c in ids if c not in left_out]
    requirement = _without_misspelt_framing(
        _requirement_text(_JOINED_BY.sub(" , ", _subject_apart(residual))), catalog
    )
    if _IS_A_TITLE.search(text) and _TITLES_LISTED.fullmatch(requirement):
        # "How many nurses and teachers are there?": no one is both; either title counts.
        requirement = re.sub(r"\s*(?:,|\band\b)\s*", " or ", requirement)
    concepts = _concepts(requirement)
    has_bound = min_years is not None or max_years is not None
    tenure_rank = role in ("current", "current_employer", "held") and bool(
        _TENURE_RANK.search(dated if role == "held" else text)
    )
    if tenure_rank:
        # "Who has been at their current company the longest?": ordered by the time there.
        requirement, concepts = "", []
    elif role not in (None, "ended", "returned", "promoted") and not (
        period or employers or (role != "first" and has_bound)
    ):
        if role in ("current", "current_employer") and scope in ("named", "follow_up"):
            aspect = "current"  # "Who is Derek's current employer?": a fact about Derek
        elif role in ("current", "current_employer") and concepts:
            # "Who uses Python in their current job?": the lines of the roles held now.
            period = Period(current=True, text="in the current role")
        role = None  # "Who started their career in nursing?": the words, as asked
    if role is not None:
        # "joined", "started", "been at": how the role is asked about, not a requirement.
        requirement = " ".join(w for w in requirement.split() if w not in _TENURE_WORDS)
        concepts = _concepts(requirement)
    # "Swift for iOS", "workflow tools for data scientists": what the skill is for, met on
    # any line, should no line hold both.
    relaxed: list[list[tuple[str, ...]]] = []
    if role is None and _SETTING.search(residual):
        # ("cooks in a restaurant": the setting, likewise; "Kubernetes in production" is one.)
        apart = _SETTING.sub(",", _subject_apart(residual))
        relaxed = _concepts(_without_misspelt_framing(_requirement_text(apart), catalog))
    # "a react dev", "java developers": someone who develops, on one line, and React on another,
    # should no line hold both. ("Data engineers" and "civil engineers" are job titles: read as
    # written.)
    if not set(terms(requirement, query=True)) & {"engin"}:
        relaxed = [part for c in relaxed or concepts for part in _role_apart(c)]
    if len(relaxed) <= len(concepts) or role is not None:
        relaxed = []
    if employers and role is None and not career and (min_years or max_years) is not None:
        # "Who has worked at Amazon for more than 3 years?": the time there, not the career.
        role = "held"
    min_career: int | None = None
    if (
        min_years is not None
        and max_years is None
        and role is None
        and min_team is None
        and (career or not concepts)
    ):
        # "a Python developer with 5+ years of experience": the career, and Python besides;
        # "Who has more than 5 years of experience?": the career alone.
        min_career, min_years = min_years, None
        said = f"{years_text(min_career, None, years_over)} of experience"
        requirement = f"{requirement}, {said}" if requirement else said
    if (min_years is not None or max_years is not None) and role in (None, "first"):
        said = years_text(min_years, max_years, years_over)
        requirement = said + (f" of {requirement}" if requirement else "")
    if min_team is not None:
        led = f"led a team of {min_team}+" if min_team > 1 else "led or managed people"
        requirement = led + (f" ({requirement})" if requirement else "")
    if (
        degree is None
        and not schools
        and (graduation is not None or (period is not None and aspect == "education"))
    ):
        # "Who graduated before 2015?": any degree, dated; "Who graduated most recently?": any
        # degree, by its year.
        degree = DegreeRequirement()
    wants_match = asks_who
    if (
        not (wants_match or closest)
        and scope == "all"
        and aspect in (None, "experience", "skills", "certifications", "languages", "education")
    ):
        # "kubernetes experience?", "senior java devs", "devops folks with aws certs": search
        # words typed as they are, with no question around them, ask who has them.
        wants_match = not _ASKS.search(text)
    if continues and not named and last is not None and last.kind == "match":
        wants_match = True
    selects = re.search(r"\b(?:of|among) (?:them|those|these)\b", text, re.IGNORECASE)
    if (
        scope in ("named", "follow_up")
        and len(ids) == 1
        and not _YES_NO.search(text)
        and not selects
    ):
        # "Which certifications does Rosa hold?" asks about Rosa, not who holds them.
        wants_match = False
    has_years = (
        min_years is not None
        or max_years is not None
        or min_team is not None
        or min_career is not None
    )
    if scope in ("named", "follow_up") and _YES_NO.search(text) and (concepts or has_years):
        wants_match = True  # "Does Dana know Go?", "Has she worked with Kafka?"
    if scope in ("named", "follow_up") and role == "promoted":
        # "Was Tobias promoted?", "When was he promoted?": the two titles at one employer
        wants_match = True
    if role_time:
        wants_match = False  # "How long has Tomasz been at Amazon?": the role, not yes or no
    elif (
        _HOW_LONG.search(text)
        and scope in ("named", "follow_up")
        and (not wants_match or not (concepts or has_years))
    ):
        # "How many years of experience do they have?": each one's years, not who has some.
        aspect, wants_match = "years", False

    asked_place = place
    if work_place is not None and (wants_match or scope in ("named", "follow_up")):
        # "Who has worked in India?": a role there; what is left must hold too.
        wants_match = True
        rest = re.sub(r"^(?:(?:and|or|,)\s+)+|(?:\s+(?:and|or|,))+$", "", requirement).strip()
        requirement = f"worked in {work_place}" + (f" ({rest})" if rest else "")
    else:
        work_place = None
    if (employers or place) and (wants_match or scope in ("named", "follow_up")) and not role_time:
        # The place or employer is the whole requirement; the rest of the words are framing.
        # What is left must hold too ("Who has Java and lives in Texas?"); framing words and
        # words that only qualify the place ("Washington state") are not left.
        concepts = [c for c in concepts if not _qualifies_place(c)] if place else concepts
        if role != "held":
            if min_years is not None and max_years is None and min_career is None:
                # "Python developers in Europe with 5+ years": the career, checked beside
                min_career = min_years
            wants_match, min_years, max_years, has_years = True, None, None, False
        wants_match, min_team = True, None
        near = place is not None and _near(text, place)
        asked = (
            (" and " if employers_all else " or ").join(employers)
            if employers
            else (f"near {place}" if near else place) or ""
        )
        if employers and place:
            asked += f", in {place}"  # "worked at Spotify and lives in Sweden"
        rest = re.sub(r"^(?:(?:and|or|,)\s+)+|(?:\s+(?:and|or|,))+$", "", requirement).strip()
        requirement = asked + (f" ({rest})" if concepts and rest else "")
    else:
        employers, place = [], None
    if (degree or schools) and (wants_match or scope in ("named", "follow_up")):
        # What is left ("data engineers" in "Which data engineers have a PhD?") must hold too.
        if min_years is not None and max_years is None and min_career is None:
            min_career = min_years  # "an engineer with a master's and 5+ years": the career
        wants_match, min_years, max_years, has_years = True, None, None, False
        min_team = None
        asked = degree_text(degree) if degree else " or ".join(schools)
        if degree and schools:
            asked += f" from {' or '.join(schools)}"  # "a master's in CS from Georgia Tech"
        if school_place:
            asked += f" from a school in {school_place}"
        requirement = asked + (f" ({requirement})" if requirement else "")
    else:
        degree, schools, school_place = None, [], None

    kind: Kind
    # "Who has GitHub Actions experience?" is a match; "Who has an email at example.org?" not.
    asks_contact = aspect == "contact" and any(f != "links" for f in contact_fields)
    structured = bool(
        employers
        or place
        or work_place
        or degree
        or schools
        or role
        or min_gap
        or max_notice is not None
        or fields
        or place_excluded
        or degree_excluded
        or employers_excluded
        or work_place_excluded
    )
    if wants_match and (concepts or has_years or structured or excluded_text) and not asks_contact:
        kind = "match"
    elif scope in ("named", "follow_up") or (scope == "focus" and aspect is not None):
        kind = "about"
        if aspect is None and not concepts:
            aspect = "summary"  # "Tell me about Dana Park", "And him?"
    else:
        kind = "search"
    described = _requirement_text(
        _EACH.sub(" ", _EVERYONE.sub(" ", _without_aspect_words(residual)))
    )
    if aspect == "contact" and scope == "all" and _EVERYONE.search(text) and not described:
        # "list everyone's emails": the contact details of every candidate.
        kind, requirement, concepts = "about", "", []
    asked_aspect = aspect
    if kind == "match" and aspect in ("summary", "experience"):
        aspect = None  # the requirement, not a section, decides a match
    operation: Operation = "who" if kind == "match" else "fact" if kind == "about" else "search"
    description = ""
    shortest_first = False
    min_count: int | None = None
    each = False
    if (
        kind == "search"
        and scope == "all"
        and aspect is not None
        and (_THE.search(text) or _EACH.search(text))
    ) or (
        kind == "match"
        and scope == "all"
        and asked_aspect in ("summary", "contact")
        and _EACH.search(text)
        and not _MATCH_ANYWHERE.search(text)
    ):
        aspect = asked_aspect
        # "What's the email of the ML platform engineer in Berlin?": a fact about one
        # candidate, the one the rest of the words describe; "Summarize the nurses", "the
        # email of each data engineer": about every one they describe.
        description = _requirement_text(
            _EACH.sub(" ", _SUMMARY_LENGTH.sub(" ", _without_aspect_words(residual)))
        )
        place = asked_place
        if description or place:
            kind, operation, requirement = "about", "fact", description
            concepts = _concepts(description)
            each = bool(_EACH.search(text)) or _plural(description)
    elif kind == "match" and _ONE.search(text):
        description = requirement  # "Who was the lead developer of X?": one person
    if tenure_rank and len(ids) >= 2:
        kind, aspect, operation = "about", None, "rank"
        requirement = {
            "current": "time in the current role",
            "held": "the longest time at one employer",
        }.get(role or "", "time at the current employer")
        shortest_first = bool(re.search(r"\bshortest\b", text, re.IGNORECASE))
    elif graduation is not None and kind == "match":
        operation = "rank"  # who has such a degree, the latest (or earliest) graduate first
        shortest_first = bool(_EARLIEST.search(graduation.group(0)))
    elif recency is not None and kind == "match" and concepts:
        operation = "rank"
    elif notice_order is not None and kind in ("match", "search"):
        # the shortest notice first ("the longest notice" the other way), of everyone in scope
        # when nothing else is asked
        kind, operation = "match", "rank"
        shortest_first = notice_order.group("longest") is None
        requirement = requirement or (
            "the longest notice period" if not shortest_first else "the shortest notice period"
        )
    elif kind == "match" and _COUNT.search(text) and not (_AT_LEAST_OF.search(text) and ids):
        operation = "count"
    elif (_COMPARE.search(text) or _BETTER.search(text)) and len(ids) >= 2 and scope != "all":
        # "Compare Dana and Omar on Kafka", "Who's better at Go, Leo or Ewan?": side by side,
        # with what the comparison is about as a row of its own.
        kind, aspect, operation = "about", None, "compare"
        requirement = _requirement_text(_BETTER.sub(" ", _COMPARE.sub(" ", residual)))
        concepts = _concepts(requirement)
    elif (
        _COMPARE.search(text)
        and scope == "all"
        and (
            described := _requirement_text(
                _COMPARE.sub(" ", re.sub(r"\b(?:two|three|four)\b", " ", residual))
            )
        )
    ):
        # "Compare the two nurses": the candidates the words describe, side by side.
        kind, aspect, operation, description = "about", None, "compare", described
        requirement, concepts = "", _concepts(described)
    elif (least := _AT_LEAST_OF.search(text)) and ids and not _of_clients(least, text):
        # "Who has worked at three or more companies?": those whose profile lists that many.
        # What else the question asks narrows who is counted ("Which nurses speak at least 2
        # languages?", "who's in healthcare and speaks a second language?").
        # ("worked at 3 or more companies" names no employer)
        employers = [e for e in employers if e.lower() not in least.group(0).lower()]
        narrowed = bool(fields or place or employers or degree or schools or work_place)
        kind, requirement, concepts, aspect = _counted(
            least, _AT_LEAST_OF, residual, text, narrowed, place, employers
        )
        operation = "rank"
        min_count = number(least.group("n") or least.group("n2"))
        if (least.group("bound") or "").lower() in ("more than", "over"):
            min_count += 1
    elif (most := _MOST_OF.search(text)) and len(ids) >= 2 and not _of_clients(most, text):
        # "Who speaks the most languages?": ordered by how many the profile holds; among those
        # the rest describes ("Which engineer has the most certifications?").
        employers = [e for e in employers if e.lower() not in most.group(0).lower()]
        narrowed = bool(fields or place or employers or degree or schools or work_place)
        kind, requirement, concepts, aspect = _counted(
            most, _MOST_OF, residual, text, narrowed, place, employers
        )
        operation = "rank"
        shortest_first = most.group("dir").lower() in ("fewest", "least")
    elif (rank := _RANK.search(text)) and len(ids) >= 2:
        # "Rank the data engineers by experience": who is ranked stands between the words.
        by = _RANK_BY.search(residual) or _MOST_SKILL.search(residual)
        # "Rank X by experience" names X between the words; "X, sorted by experience" before
        what = (by.group("what") or residual[: by.start()]) if by else _RANK.sub(" ", residual)
        rest = _requirement_text(what)
        if by and set(rest.split()) - {"and", "or", ",", "&"}:
            kind, aspect = "match", None
        if fields and kind == "match" and not set(rest.split()) - {"and", "or", ",", "&"}:
            # "Who has the most experience in sales?": those in the field, by their dated roles.
            operation, requirement, concepts = "rank", "", []
            shortest_first = bool(_SHORTEST_FIRST.search(text))
        elif kind != "match" or not set(rest.split()) - {"and", "or", ",", "&"}:
            # "Which of them is the most senior?": ordered by their dated roles.
            kind, aspect, operation, requirement = "about", None, "rank", rank.group(0)
            concepts = []
            shortest_first = bool(_SHORTEST_FIRST.search(text))
        elif not (employers or place or degree or schools or has_years):
            # "Who is the most senior engineer?": those who match, ordered the same way.
            operation, requirement, concepts = "rank", rest, _concepts(rest)
            description = ""
            shortest_first = bool(_SHORTEST_FIRST.search(text))
    if fields and kind == "match":
        where = ("not in " if fields_out else "in ") + " or ".join(fields)
        requirement = f"{requirement} ({where})" if requirement else where
    if place_excluded and kind == "match":
        where = f"not in {place_excluded}"
        requirement = f"{requirement} ({where})" if requirement else where
    if (employers_excluded or work_place_excluded) and kind == "match":
        never = (
            f"never at {' or '.join(employers_excluded)}"
            if employers_excluded
            else f"never worked in {work_place_excluded}"
        )
        requirement = f"{requirement} ({never})" if requirement else never
    if degree_excluded and kind == "match":
        lacking = f"no {degree_text(degree_excluded).removeprefix('a ')}"
        requirement = f"{requirement} ({lacking})" if requirement else lacking
    if min_gap is not None and kind == "match":
        gap = f"an employment gap of {min_gap}+ months"
        requirement = f"{requirement}, {gap}" if requirement else gap
    if max_notice is not None and kind == "match":
        soon = notice_text(max_notice)
        requirement = f"{requirement}, {soon}" if requirement else soon
    if role is not None and kind == "match":
        said = {
            "first": "first role",
            "current": "current role",
            "ended": "last role ended" if period else "no role held now",
            "started": "a role that began",
            "held": "a role held",
            "returned": "back at an employer they had left",
            "promoted": "two titles at one employer",
        }.get(role, "current employer")
        if role == "held" and employers and (min_years is not None or max_years is not None):
            said = f"{years_text(min_years, max_years, years_over)} there"  # "Amazon, 3+ years"
        elif role != "first" and (min_years is not None or max_years is not None):
            said += f", {years_text(min_years, max_years, years_over)}"
        requirement = f"{requirement}, {said}" if requirement else said
    if period is not None and kind == "match":
        requirement = f"{requirement} ({period.text})"
    employers_former = former and bool(employers) and kind == "match"
    if employers_former:
        requirement = f"{requirement} (no longer there)"
    return QueryPlan(
        question=question,
        kind=kind,
        scope=scope,
        operation=operation,
        candidate_ids=ids,
        aspect=aspect,
        contact_fields=contact_fields if aspect == "contact" else [],
        requirement=requirement,
        concepts=concepts,
        optional_terms=leading_verb_terms(requirement) if kind == "match" else [],
        relaxed=relaxed if kind == "match" else [],
        # "certification" is met by a certifications section, in what is left out too
        soft_terms={
            t: s
            for t, s in _SOFT.items()
            if any(
                t in alt
                for c in [*concepts, *(_concepts(excluded_text) if excluded_text else [])]
                for alt in c
            )
        },
        min_years=min_years if kind == "match" else None,
        max_years=max_years if kind == "match" else None,
        min_team=min_team if kind == "match" else None,
        min_career_years=min_career if kind == "match" else None,
        years_over=years_over and kind == "match" and (min_years or min_career) is not None,
        min_count=min_count,
        role=role if kind == "match" or (tenure_rank and operation == "rank") else None,
        min_gap_months=min_gap if kind == "match" else None,
        gap_between_roles=gap_between and min_gap is not None and kind == "match",
        max_notice_days=max_notice if kind == "match" else None,
        fields=fields if kind == "match" else [],
        fields_ever=bool(fields) and fields_ever and kind == "match",
        fields_excluded=bool(fields_out) and kind == "match",
        period=period if kind == "match" else None,
        employers=employers if kind == "match" else [],
        employers_all=employers_all and kind == "match",
        employers_former=employers_former,
        place=place if kind == "match" or (kind == "about" and scope == "all") else None,
        place_near=place is not None and _near(text, place),
        degree=degree if kind == "match" else None,
        school_place=school_place if kind == "match" else None,
        work_place=work_place if kind == "match" else None,
        place_excluded=place_excluded if kind == "match" else None,
        employers_excluded=employers_excluded if kind == "match" else [],
        work_place_excluded=work_place_excluded if kind == "match" else None,
        degree_excluded=degree_excluded if kind == "match" else None,
        schools=schools if kind == "match" else [],
        excluded=_concepts(excluded_text) if kind == "match" and excluded_text else [],
        excluded_text=excluded_text if kind == "match" else "",
        description=description,
        shortest_first=shortest_first,
        order_by=order_by if operation == "rank" else None,
        each=each,
        as_title=kind == "match"
        and bool(_IS_A_TITLE.search(text))
        and len(concepts) == 1
        and 1 <= len(requirement.split()) <= 3
        # a noun: "teachers", "a nurse"; not what they are like ("Which candidates are bilingual?")
        and (_plural(requirement.split(" or ")[-1]) or bool(_A_TITLE.search(text)))
        and not structured,
        there=there,
    )


def _without_aspect_words(text: str) -> str:
    for _, pattern in [*_ASPECT_WORDS, *_CONTACT_FIELDS]:
        text = pattern.sub(" ", text)
    return text


CLOSEST_LINES = "Show the lines closest to"
_CLOSEST = re.compile(
    r"^\W*(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:lines|passages)\s+(?:closest|nearest)\s+to\b",
    re.IGNORECASE,
)
# How a question or a request starts; a text that starts otherwise is search words.
_ONE_PERSON = re.compile(r"\b(?:he|she|him|his|her|hers)\b", re.IGNORECASE)
# "those three", "these 2", "the four of them": how many people an answer back names
# "the other one", "the other two", "the others", "the rest of them", "the remaining ones"
_THE_OTHERS = re.compile(
    r"\bthe\s+(?:other\s+(?:" + "|".join(NUMBER_WORDS) + r"|\d+|candidates?|people|ones)|others|"
    r"rest(?:\s+of\s+them)?|remaining(?:\s+(?:ones?|candidates?|people|\w+))?)\b",
    re.IGNORECASE,
)
# "the first one", "the 2nd candidate's", "the last person": one of the previous answer's
# candidates by their place in it.
_NTH_ONE = re.compile(
    r"\bthe\s+(?P<nth>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last|top)\s+"
    r"(?:one|candidate|person|applicant|guy|woman|man|match|result|profile|resume)"
    r"(?P<own>['’]s)?(?!\w)",
    re.IGNORECASE,
)
_NTH = {"first": 0, "1st": 0, "top": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2}
_NTH |= {"fourth": 3, "4th": 3, "fifth": 4, "5th": 4, "last": -1}


def _nth(pick: re.Match[str], previous: list[str]) -> str | None:
    at = _NTH[pick.group("nth").lower()]
    return previous[at] if -len(previous) <= at < len(previous) else None


def _last_list(conversation: Conversation, catalog: Catalog) -> list[str]:
    """The candidates of the last answer that named several (after "Tell me more about the
    first one", "the second one" is still of that list), else of the last answer."""
    named = [
        [c for c in turn.answer.candidate_ids if c in catalog.candidates]
        for turn in reversed(conversation.turns)
    ]
    named = [ids for ids in named if ids]
    return next((ids for ids in named if len(ids) > 1), named[0] if named else [])


def _as_pronoun(pick: re.Match[str]) -> str:
    return " their " if pick.group("own") else " them "


_THOSE_N = re.compile(
    r"\b(?:those|these|the)\s+(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b"
    r"(?!\s+(?:years?|months?|weeks?|days?|languages?|roles?|jobs?)\b)",
    re.IGNORECASE,
)


_SEVERAL_PEOPLE = re.compile(r"\b(?:they|them|their|those|these|each|both|all)\b", re.IGNORECASE)
_ASKS = re.compile(
    r"^\W*(?:what|what's|whats|how|why|when|where|which|who|whom|whose|tell|explain|describe|"
    r"show|summari[sz]e|give|list|find|compare|rank|is|are|was|were|does|do|did|can|could|"
    r"should|would|will|has|have|had|please|i|i'm|we|we're|my|our|hi|hello|thanks?)\b",
    re.IGNORECASE,
)
_THE = re.compile(r"\b(?:the|this|that)\b", re.IGNORECASE)
# "a short summary", "a one-line overview": how long the answer is, not who it is about
_SUMMARY_LENGTH = re.compile(r"\b(?:short|brief|quick|one[- ]line|two[- ]line)\b", re.IGNORECASE)
_EACH = re.compile(r"\b(?:each|every|all(?:\s+(?:of\s+)?the)?)\b", re.IGNORECASE)


def _plural(description: str) -> bool:
    """Whether a description ends in a plural noun ("the nurses", "data engineers")."""
    words = description.split()
    last = words[-1] if words else ""
    return (
        len(last) > 3
        and last.endswith("s")
        and not last.endswith("ss")
        and terms(last) == terms(last[:-1])
    )


_ONE = re.compile(
    r"^\s*(?:who|which (?:candidate|person|one|applicant))\s+(?:is|was)\s+the\b", re.IGNORECASE
)
_COUNT = re.compile(
    r"\b(?:how many|number of|count|percentage|percent|proportion|share of|fraction)\b",
    re.IGNORECASE,
)
# "How many resumes are there?", "How many candidates do we have?": the size of the pool.
_POOL_SIZE = re.compile(
    r"^\s*(?:how many|(?:what is |what's )?the (?:number|count) of)\s+(?:candidates|resumes|"
    r"applicants|people|cvs|profiles|files)\s*(?:are there|do (?:we|i) have|have (?:we|i) got|"
    r"(?:are |do we have )?in (?:total|the pool|the system|here)|total|overall|"
    r"(?:are|were) (?:uploaded|loaded|ingested))?\s*(?:in total|altogether)?\s*[?.!]*\s*$",
    re.IGNORECASE,
)
_COMPARE = re.compile(
    r"\b(?:compare|comparison|versus|vs\.?|side[- ]by[- ]side|difference between|"
    r"how do .+ differ)\b",
    re.IGNORECASE,
)
_BETTER = re.compile(r"\b(?:better|stronger|best|strongest)\b", re.IGNORECASE)
# "Where is Dana based?", "Where does Dana live?", "Dana's location": where the candidate is.
_WHERE_BASED = re.compile(
    r"^\s*where\b.*\b(?:live[sd]?|living|based|located|from|resid\w*)\b|"
    r"\b(?:location|whereabouts|city of residence)\b",
    re.IGNORECASE,
)
# "What is Dana's current title?", "Where does Dana work now?": the role held today.
_ROLE_WORD = r"(?:title|role|job|position|employer|company|work(?:s|ing)?|do(?:es|ing)?)"
_NOW_WORD = r"(?:current(?:ly)?|now|at present|presently|these days|today|most recent|latest)"
_ROLE_NOUN = r"(?:jobs?|roles?|positions?|employers?|compan(?:y|ies)|workplaces?)"
_ROLE_FACT = re.compile(
    rf"\b(?P<first>first|earliest)\s+(?:full[\s-]time\s+|real\s+)?{_ROLE_NOUN}\b|"
    rf"\b(?P<previous>previous|prior|former|last)\s+{_ROLE_NOUN}\b|"
    # "What did he do before that?", "and before this role?": the roles before the latest
    r"\b(?P<before>(?:before|prior\s+to)\s+(?:that|this|then|it)(?:\s+(?:job|role|position))?)\W*$|"
    rf"\b(?:which|what|list)\s+(?:the\s+|all\s+)?(?:companies|employers|organi[sz]ations|firms)\b|"
    # "Which schools has Oliver taught at?", "Which hospitals did she work for?": the employers
    # (not "worked with" or "worked on": tools and projects)
    r"\b(?:which|what)\s+[a-z]+s\s+(?:has|have|had|did)\s+[^?]{0,40}?\b(?:worked|work|taught|"
    r"teach|served|serve|practi[sc]ed|practi[sc]e|interned)\s+(?:at|for)\b|"
    r"\bwhere\s+(?:else\s+)?(?:has|have|had|did)\b.*\bwork(?:ed)?\b|"
    r"\bwhat\s+did\b.*\bdo\s+(?:before|prior\s+to|after)\s+(?!that\b|this\b|then\b|it\b)\w|"
    r"\b(?:employment|work|job)\s+history\b",
    re.IGNORECASE,
)
# "Where did she work before her current job?": the role before it
_BEFORE_CURRENT = re.compile(
    rf"\b(?:before|prior\s+to)\s+(?:(?:his|her|their|the)\s+)?(?:current|present)\s+"
    rf"{_ROLE_NOUN}\b",
    re.IGNORECASE,
)
_FEW = 3  # candidates a follow-up about one role of each answers side by side
_FEW_COMPARED = 6  # candidates a comparison puts side by side
_ROLE_TIME = re.compile(
    r"\bhow long\b|\bhow many (?:years|months)\b|\bwhen\b|\bwhat (?:year|date)s?\b|"
    r"\bwhich years?\b|\bdates?\b|\bsince\b",
    re.IGNORECASE,
)
# "worked as an SRE", "been a charge nurse": the title a question names, up to what follows it.
_AS_TITLE = re.compile(
    r"\b(?:as|been)\s+(?:an?\s+)?(?P<title>[\w][\w .&/+-]*?)\s*"
    r"(?=\?|$|\b(?:at|for|in|since|before|after|with|and)\b)",
    re.IGNORECASE,
)


def roles_named(catalog: Catalog, candidate_id: str, text: str) -> list[tuple[Resume, Position]]:
    """The candidate's roles at an employer the text names ("at Ola", "at Amazon" for "Amazon
    Fulfillment Poland"), or else with the title it names ("as an SRE" for "Site Reliability
    Engineer II", "as a nurse"), from each of their resumes."""
    found = []
    # "at Rush" for "Medical-Surgical Unit Rush University Medical Center": a run of capitalised
    # words the question writes after "at" that the employer's name holds
    said = [m.group(1) for m in _AT_NAME.finditer(text)]
    loose = []  # the employer's first word alone ("at Amazon" for "Amazon Fulfillment Poland")
    for resume in catalog.resumes_of(candidate_id):
        for position in resume.profile.roles:
            org = position.employer or ""
            first = org.split()[0] if org.split() else ""
            if org and (names_org(org, text) or any(names_org(run, org) for run in said)):
                found.append((resume, position))
            elif org and len(first) >= 4 and names_org(first, text):
                loose.append((resume, position))
    found = found or loose
    if found or not (asked := _AS_TITLE.search(text)):
        return found
    wanted = set(terms(asked.group("title"), query=True)) - _TITLE_FILLER
    for resume in catalog.resumes_of(candidate_id):
        for position in resume.profile.roles:
            if wanted and wanted <= set(terms(position.title or "")):
                found.append((resume, position))
    return found


_AT_NAME = re.compile(
    r"\b(?i:at|for|join|joined)\s+(?:(?i:the)\s+)?([A-Z][\w&'’-]{2,}(?:\s+[A-Z][\w&'’-]*){0,4})"
)
# Words around a title that no title needs to hold: "worked as a nurse", "been an engineer".
_TITLE_FILLER = frozenset({"a", "an", "the", "work", "job", "role", "position"})


def names_employer(org: str, employer: str | None, text: str) -> bool:
    """Whether an employer asked for ("TCS", "Stripe") is this role's: named in the text, or
    the initials of the employer's name ("Tata Consultancy Services")."""
    if names_org(org, text):
        return True
    asked = org.replace(".", "")
    if not employer or not (2 <= len(asked) <= 6 and asked.isupper()):
        return False
    words = [
        w
        for w in re.findall(r"[A-Za-z][\w'’-]*", employer)
        if w.lower() not in _ORG_LINKS and not _CORPORATE_SUFFIX.fullmatch(w)
    ]
    return len(words) >= 2 and "".join(w[0] for w in words).upper() == asked


_ORG_LINKS = frozenset({"of", "and", "the", "for", "de", "&"})
_CORPORATE_SUFFIX = re.compile(r"(?i:inc|llc|llp|ltd|limited|gmbh|ag|plc|corp|co|sa|se)\.?")


def names_org(org: str, text: str) -> bool:
    """Whether the text names the organisation, as a whole word, accents and case aside."""
    return re.search(rf"(?<!\w){re.escape(places.fold(org))}(?!\w)", places.fold(text)) is not None


_CURRENT_ROLE = re.compile(
    rf"\b{_NOW_WORD}\b(?:\W+\w+){{0,4}}?\W+{_ROLE_WORD}\b|"
    rf"\b{_ROLE_WORD}\b(?:\W+\w+){{0,4}}?\W+{_NOW_WORD}\b|"
    r"^\s*(?:where|who)\s+(?:does|do|is)\b.*\bwork(?:s|ing)?(?:\s+for)?\W*$|"
    r"^\s*what(?:'s|\s+is)\b.*\b(?:job\s+)?title\W*$",  # "What is Oluwaseun's job title?"
    re.IGNORECASE,
)
_RANK = re.compile(
    r"\b(?:most|least) (?:senior|experienced|junior)\b|\b(?:more|less) (?:senior|experienced)\b|"
    r"\b(?:rank|order|sort)(?:ed)?\b.*\b(?:experience|seniority|years)\b|"
    r"\b(?:longest|shortest) (?:career|experience)\b|"
    r"\b(?:most|fewest|least) (?:years|experience)(?: of| with| in| using)?\b|"
    r"\b(?:most|least|more|less) (?:years|experience)\b|"
    r"(?<!\bat )\b(?:most|more)\s+(?!than\b)(?:[A-Za-z][\w+#./-]*\s+){1,3}?"
    r"(?:experience|years)\b|"
    # "Who's the best at Python?", "the strongest in SQL", "Who knows Go best?": the most
    # experience with it, as the dated roles show.
    r"\b(?:best|strongest|most (?:skilled|proficient|knowledgeable|accomplished))\s+"
    r"(?:at|in|with|on)\b|(?<=\w\s)best\s*[?!.]*$|"
    # "top sql people", "our top Python devs"
    r"\btop\s+(?!\d|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)"
    r"(?=(?:[\w+#.]+\s+){1,3}?(?:people|ppl|folks|candidates|devs|developers|"
    r"engineers|talent)\b)",
    re.IGNORECASE,
)
# "the most Python experience", "the most hands-on AWS years": the skill between the words.
_MOST_SKILL = re.compile(
    r"(?<!\bat )\b(?:most|more)\s+(?!than\b)(?P<what>(?:[A-Za-z][\w+#./-]*\s+){1,3}?)"
    r"(?:experience|years)\b",
    re.IGNORECASE,
)
_RANK_BY = re.compile(
    r"(?:\b(?:rank|order|sort)\b(?P<what>.*?)|,?\s*\b(?:ranked|ordered|sorted)\s+)"
    r"\b(?:by|on|according to)\s+(?:their\s+)?"
    r"(?:experience|seniority|years)\b",
    re.IGNORECASE,
)
# "the most languages", "fewest certifications": a ranking by how many the profile holds.
_MOST_OF = re.compile(
    r"\b(?P<dir>most|fewest|least|more)\s+(?:(?:spoken|foreign|programming)\s+)?"
    r"(?P<what>languages|certifications|certificates|certs|degrees|employers|companies|jobs|"
    r"countries)\b",
    re.IGNORECASE,
)
_JOB_CHANGES = re.compile(
    r"\b(?:changed|switched|moved|hopped|changes|switches)\s+(?:jobs|employers|companies)\s+"
    r"(?:the\s+)?(?P<dir>most|least)(?:\s+(?:often|times))?\b|"
    r"\b(?:the\s+)?(?P<dir2>most|fewest)\s+job\s+(?:changes|switches|moves)\b",
    re.IGNORECASE,
)
_COUNTED: dict[str, Aspect] = {
    "lang": "languages",
    "cert": "certifications",
    "degr": "education",
    "empl": "experience",  # "worked at the most companies": the employers of the dated roles
    "comp": "experience",
    "jobs": "experience",
    "coun": "location",  # "worked in two or more countries"
}
# The least experienced first: "the most junior", "least experience with Go", "fewest years".
_SHORTEST_FIRST = re.compile(
    r"\b(?:most junior|least (?:senior|experienced|experience|years)|"
    r"less (?:senior|experienced|experience|years)|"
    r"fewest years|shortest (?:career|experience))\b",
    re.IGNORECASE,
)
_UNIVERSITY: list[DegreeLevel] = ["bachelor", "master", "doctorate"]
_ACADEMIC: list[DegreeLevel] = ["associate", *_UNIVERSITY]
_ANY_DEGREE = re.compile(r"\b(?:an?|any)?\s*(?:college\s+|university\s+)?degrees?\b", re.I)
# A verb said with "not", "never" or "no": "isn't", "does not", "has never", "Which candidates
# have no certifications?" ("no more than 5 years" is a bound).
_VERB_NOT = (
    r"(?:(?:is|are|was|were|does|do|did|has|have)\s*n[o']t|"
    r"(?:is|are|was|were|does|do|did|has|have)\s+not|(?:(?:has|have|had)\s+)?never|"
    r"(?:has|have|had)\s+no(?!\s+(?:more|less|fewer|longer|later|earlier)\b)(?=\s+\w))"
)
_NEGATION = re.compile(
    r"\s*(?:,\s*)?\b(?:(?:but|and|yet)\s+(?:(?:has|have|with)\s+)?(?:not|no|without)|without|"
    r"except(?:\s+for)?|excluding|other than|minus|^\s*not(?=\s+\w)|"
    # "... but isn't a nurse", "and doesn't know Java", "who has never used Java", "Which
    # candidates don't have a degree?"
    rf"(?:(?:but|and|yet|who)\s+{_VERB_NOT}|"
    r"(?:has|have|had)\s+no(?!\s+(?:more|less|fewer|longer|later|earlier)\b)(?=\s+\w)|"
    r"(?:do|does|did)(?:\s*n[o']t|\s+not)(?=\s+(?:have|know|speak|hold)\b)|"
    # "Which data engineers haven't used Spark?": the verb said with "not" after its subject
    r"(?:is|are|was|were|does|do|did|has|have)(?:\s*n[o']t|\s+not)|(?:has|have|had)\s+never)"
    r"(?:\s+(?:an?|know|knows|use|uses|used|have|has|had|speak|speaks|worked\s+(?:with|in)|"
    r"been))?)\b",
    re.IGNORECASE,
)


_EVERYONE = re.compile(
    r"\b(?:every(?:one|body)|all(?:\s+(?:the|of\s+the|of\s+them))?(?:\s+(?:candidates|"
    r"applicants|people|resumes))?|each\s+(?:candidate|applicant|person))\b",
    re.IGNORECASE,
)
# "a Python developer with AWS", "an ICU nurse who speaks Spanish": what the person has besides
# is a requirement of its own, met on any line ("experience with Kafka" is one: the frame word
# before it leaves nothing).
_JOINED_BY = re.compile(r"(?<=[\w+#])\s+(?:with|who|that)\s+(?=[\w\"“])", re.IGNORECASE)
# "5+ years of experience" said of a whole career (not "5 years of Python experience" nor
# "5 years of experience in Python"), next to what else is asked.
_CAREER_YEARS = re.compile(
    r"\d+\s*\+?\s*(?:years?|yrs?)\s+(?:of\s+)?(?:professional\s+|work\s+|industry\s+|total\s+)?"
    r"(?:experience|exp)\b(?!\s+(?:in|with|using|of|on|as|at)\b)",
    re.IGNORECASE,
)
# What a requirement is for, or the setting it was in: met on any line when no line holds both.
_SETTING = re.compile(r"\bfor\b|\bin\s+(?=(?:a|an|the)\b)", re.IGNORECASE)
_PEOPLE_WITHOUT = re.compile(
    r"(?:^|\b(?:anyone|anybody|people|ppl|folks|candidates?|applicants?|those|ones|someone|"
    r"everyone))\s*(?:without|not)\s*$",
    re.IGNORECASE,
)
_ONLY_NOT = re.compile(rf"\s*(?:who\s+)?{_VERB_NOT}\b", re.IGNORECASE)


def _negation(text: str, catalog: Catalog, asked: bool = False) -> tuple[str, str]:
    """ "Python but not Java" -> ("Python", "Java"); no negation: (text, ""). Only when
    something is asked for before it (``asked``: an employer, place or degree already read
    from the question): "worked without supervision" is one requirement."""
    found = _NEGATION.search(text)
    if found is None:
        return text, ""
    _, before = named_candidates(text[: found.start()], catalog)
    if not _requirement_text(before) and not asked:
        if (
            (
                _ONLY_NOT.match(text, found.start())
                # "people without a degree", "anyone w/o Java", "not java": who lacks it
                or _PEOPLE_WITHOUT.search(text[: found.end()])
            )
            and _requirement_text(text[found.end() :])
        ):
            # "Who has never used Java?", "Who doesn't know SQL?": everyone but them.
            return text[: found.start()], text[found.end() :]
        return text, ""
    return text[: found.start()], text[found.end() :]


_DEGREES: list[tuple[re.Pattern[str], list[DegreeLevel], list[str]]] = [
    (
        re.compile(r"\b(?:md|m\.d\.|medical degree|doctor of medicine)(?!\w)", re.I),
        [],
        ["MD", "M.D.", "Doctor of Medicine"],
    ),
    (re.compile(r"\bmbas?\b", re.I), [], ["MBA", "M.B.A.", "Master of Business Administration"]),
    (
        re.compile(r"\bb\.?\s?tech\b", re.I),
        [],
        ["B.Tech", "BTech", "B. Tech", "Bachelor of Technology"],
    ),
    (
        re.compile(r"\bm\.?\s?tech\b", re.I),
        [],
        ["M.Tech", "MTech", "M. Tech", "Master of Technology"],
    ),
    (
        # "a PhD": the research doctorate by name, not a J.D. or a PharmD; "a doctorate" is
        # any doctorate.
        re.compile(r"\b(?:ph\.?\s?d\.?s?|d\.?phil\.?)(?!\w)", re.I),
        [],
        [
            "PhD",
            "Ph.D.",
            "DPhil",
            "Doctor of Philosophy",
            "EngD",
            "DEng",
            "Doctor of Engineering",
            "DSc",
            "Doctor of Science",
        ],
    ),
    (re.compile(r"\b(?:doctorates?|doctoral degrees?)(?!\w)", re.I), ["doctorate"], []),
    (
        re.compile(r"\b(?:graduate|postgraduate|post-graduate|advanced) degrees?\b", re.I),
        ["master", "doctorate"],
        [],
    ),
    (
        # "an MS in CS", "an MA from Leeds": bare letters only after "a"/"an" ("MS" alone may be
        # Microsoft, "MA" Massachusetts)
        re.compile(
            r"\bmaster(?:'s|’s|s)?\b|\b(?:msc|m\.sc\.|m\.s\.)(?!\w)"
            r"|(?<=\ban\s)(?:MS|MA|ms|ma)\b(?=\s+(?:in|from|at|degree|or)\b|\s*[?.,!]|\s*$)",
            re.I,
        ),
        ["master"],
        [],
    ),
    (
        re.compile(
            r"\bbachelor(?:'s|’s|s)?\b|\bundergraduate degrees?\b"
            r"|\b(?:bsc|b\.sc\.|b\.s\.|b\.a\.)(?!\w)"
            r"|(?<=\ba\s)(?:BS|BA|bs|ba)\b(?=\s+(?:in|from|at|degree|or)\b|\s*[?.,!]|\s*$)",
            re.I,
        ),
        ["bachelor"],
        [],
    ),
    (re.compile(r"\bassociate(?:'s|’s)? degrees?\b", re.I), ["associate"], []),
    # "went to a two-year college", "a 2-year degree": what a two-year college gives
    (
        re.compile(r"\b(?:two|2)[- ]year\s+(?:college|degree)s?\b", re.I),
        ["associate"],
        [],
    ),
]
_FIELD = re.compile(
    r"\s*(?:degree\s+)?(?:in|of)\s+(?P<field>[A-Za-z][\w &/-]*?)\s*(?:\?|$|,|\bfrom\b|\bat\b)",
    re.I,
)
_SCHOOL = re.compile(
    r"\b(?i:studied|study|studies|went|graduated|graduates?|attended|alumn\w*|degrees?)\s+"
    r"(?i:at|to|from|of)\s+(?i:the\s+|an?\s+)?"
    r"(?P<school>[A-Z][\w.&'’-]*(?:,?\s+(?:[A-Z][\w.&'’-]*|of|or|an?|the|de|at)){0,8})"
)


# "a CS degree", "any nursing degree": the field said before the word "degree" (not "a college
# degree" or "a relevant degree", which name no field).
_FIELD_FIRST = re.compile(
    r"\b(?:an?|any)\s+(?P<field>(?!(?:college|university|uni|graduate|postgraduate|"
    r"post-graduate|advanced|undergraduate|higher|first|second|professional|relevant|related|"
    r"good|proper|formal|real|technical|four-year|4-year|two-year|2-year|honou?rs|academic)\b)"
    r"[A-Za-z][\w&/+-]*(?:\s+[A-Za-z][\w&/+-]*){0,2}?)\s+degrees?\b",
    re.IGNORECASE,
)


_MAJOR = re.compile(
    r"\b(?P<field>(?!(?:any|the|our|who|which)\b)[A-Za-z][\w&/+-]*(?:\s+[A-Za-z][\w&/+-]*)?)"
    r"\s+majors?\b|\bmajored\s+in\s+(?P<field2>[A-Za-z][\w&/+-]*(?:\s+[A-Za-z][\w&/+-]*)?)",
    re.IGNORECASE,
)


# "Who studied math?", "anyone with a degree in stats": a field of study, met by a degree in it
# (which reads "math" as mathematics); not "studied at", "studied in", "studied abroad". Two
# fields ("nursing or medicine") are left to the words: a degree requirement holds one field.
_STUDIED_FIELD = re.compile(
    r"\b(?:studied|studying|(?:an?|any|the|some)\s+(?:college\s+|university\s+)?degrees?\s+in)"
    r"\s+(?!(?:at|in|to|from|abroad|under|with|for|there|here|part|full|online|hard|"
    r"the|a|an|it|this|that|them|what|how|where|when|while|and|or)\b)"
    r"(?P<field>[A-Za-z][\w&/+-]*(?:\s+(?!(?:at|in|from|or|and|but|before|after|since|"
    r"until|with|who|which)\b)[A-Za-z][\w&/+-]*){0,2})\s*(?=[?.!,]|$|\s+(?:at|in|from|but|"
    r"before|after|since|until|with)\b)",
    re.IGNORECASE,
)


def _education(text: str) -> tuple[DegreeRequirement | None, list[str], str]:
    """A degree ("a master's in computer science", "an MBA", "a PhD") or schools ("studied at
    KTH", "an IIT or an NIT") a question asks about, and the question without them."""
    if m := _SCHOOL.search(text):
        found = m.group("school").strip(" .?!,")
        schools = [
            re.sub(r"^(?:the|an?)\s+", "", s.strip(), flags=re.I)
            for s in re.split(r"\s+or\s+", found)
            if s.strip()
        ]
        return None, schools, text[: m.start()] + " " + text[m.end() :]
    if (studied := _STUDIED_FIELD.search(text)) and not any(p.search(text) for p, _, _ in _DEGREES):
        # "Who studied math?": a degree in that field, whatever its level
        named = " ".join(studied.group("field").split())
        rest = text[: studied.start()] + " " + text[studied.end() :]
        return DegreeRequirement(field=named), [], rest
    major = _MAJOR.search(text)
    words = (major.group("field") or major.group("field2")).split() if major else []
    while words and words[0].lower() in _FRAME:
        words.pop(0)  # "which candidates are math majors"
    if major and words:
        # "econ majors", "who majored in finance?": a degree in that field
        named = " ".join(words)
        return DegreeRequirement(field=named), [], text[: major.start()] + " " + text[major.end() :]
    if (m := _FIELD_FIRST.search(text)) and not any(p.search(text) for p, _, _ in _DEGREES):
        # "a CS degree", "an accounting degree": any degree in that field
        named = " ".join(m.group("field").split())
        return DegreeRequirement(field=named), [], text[: m.start()] + " " + text[m.end() :]
    # The degree said first ("a master's or an MBA"); among those at one place, the longest.
    said = [
        (m.start(), m.start() - m.end(), i, m)
        for i, (pattern, _, _) in enumerate(_DEGREES)
        if (m := pattern.search(text))
    ]
    if not said:
        return None, [], text
    *_, first, m = min(said, key=lambda item: item[:3])
    levels, names = list(_DEGREES[first][1]), list(_DEGREES[first][2])
    start, end = m.start(), m.end()
    # "a PhD or a master's (in computer science)": either degree will do.
    while alt := _OR_DEGREE.match(text, end):
        other = next(
            ((lv, nm, o) for p2, lv, nm in _DEGREES if (o := p2.match(text, alt.end()))), None
        )
        if other is None:
            break
        levels += [lv for lv in other[0] if lv not in levels]
        names += [nm for nm in other[1] if nm not in names]
        end = other[2].end()
    if word := _DEGREE_WORD.match(text, end):
        end = word.end()  # "a masters degre": the degree, however the word is typed
    field = None
    if f := _FIELD.match(text, end):
        field, end = f.group("field").strip(), f.end("field")
    rest = text[:start] + " " + text[end:]
    return DegreeRequirement(levels=levels, names=names, field=field), [], rest


_DEGREE_WORD = re.compile(r"\s+(?:degrees?|degre|dgree|degee|deg)\b", re.IGNORECASE)
_OR_DEGREE = re.compile(r"\s*(?:,|/|\bor\b)\s*(?:an?\s+)?", re.IGNORECASE)


# "studied in the UK", "went to college in Texas", "a degree from Canada": where the school is.
_SCHOOL_PLACE = re.compile(
    r"\b(?:(?:(?:studied|study|studies|studying|educated|schooled|graduated)|"
    r"(?:went|go|gone|going)\s+to\s+(?:a\s+)?(?:school|college|uni(?:versity)?|grad\s+school)|"
    r"(?:universit(?:y|ies)|colleges?|schools?))"
    r"(?:\s+(?:at|in|from)\s+(?:an?\s+)?(?:universit(?:y|ies)|colleges?|schools?))?"
    r"\s+(?:in|from)|"
    r"degrees?\s+from)"  # "a degree in X" is a field, not a place
    r"\s+(?P<the>the\s+)?(?P<place>[a-z][\w.'’-]*(?:,?\s+[a-z][\w.'’-]*){0,2})",
    re.IGNORECASE,
)


# "a master's in CS from Georgia Tech", "studied law at Trinity": after a degree or a field of
# study, a capitalised name after "from" or "at" is the school, not where anyone lives or works.
_SCHOOL_AFTER = re.compile(
    r"(?:['’]s)?(?:\s+(?i:degrees?))?"  # "a master's degree"
    r"(?:\s+(?i:in|of)\s+[A-Za-z][\w&/+-]*(?:\s+(?!(?i:from|at)\b)[A-Za-z][\w&/+-]*){0,3})?"
    r"(?P<prep>\s+(?i:from|at))\s+(?:the\s+)?"
    r"(?P<school>[A-Z][\w.&'’-]*(?:\s+(?:[A-Z][\w.&'’-]*|of|de|the|and|&)){0,6})"
)


def _degree_school(text: str) -> tuple[list[str], str]:
    """The school a degree said in ``text`` is from, and the text without it."""
    for pattern in (*(p for p, _, _ in _DEGREES), _STUDIED_FIELD, _MAJOR, _ANY_DEGREE):
        if (said := pattern.search(text)) and (m := _SCHOOL_AFTER.match(text, said.end())):
            break
    else:
        return [], text
    school = re.sub(r"\s+(?:of|de|the|and|&)$", "", m.group("school").strip(" .?!,"))
    return [school], text[: m.start("prep")] + " " + text[m.end() :]


def _school_place(text: str) -> tuple[str | None, str]:
    """The place a question puts a school in ("Who studied in the UK?", "went to a university
    in India"), and the question without it; the longest run of words that is a known place."""
    m = _SCHOOL_PLACE.search(text)
    return (None, text) if m is None else _longest_place(m, text, " studied ")


# "hasn't worked at", "has never worked in", "did not work for": an employer or place left out.
_NOT_WORKED_AT = re.compile(
    rf"\b{_VERB_NOT}\s+(?:ever\s+)?(?:worked|work|been\s+employed|been)\s+"
    r"(?P<prep>at|for|in|with)\b",
    re.IGNORECASE,
)
# "worked in India", "work experience in the UK", "had jobs in Germany": where a role was.
_WORK_PLACE = re.compile(
    r"\b(?:worked|working|works|employed|work\s+(?:experience|history)|experience\s+working|"
    r"(?:had|held)\s+(?:a\s+)?(?:jobs?|roles?|positions?))"
    r"\s+(?:in|from)\s+(?P<the>the\s+)?(?P<place>[a-z][\w.'’-]*(?:,?\s+[a-z][\w.'’-]*){0,2})",
    re.IGNORECASE,
)


def _work_place(text: str) -> tuple[str | None, str]:
    """The place a question puts a role in ("Who has worked in India?"), and the question
    without it; the longest run of words that is a known place ("worked in sales" is none)."""
    m = _WORK_PLACE.search(text)
    return (None, text) if m is None else _longest_place(m, text, " worked ")


def _longest_place(m: re.Match[str], text: str, instead: str) -> tuple[str | None, str]:
    """The longest run of the words a pattern read as a place (its ``place`` group) that is a
    known place, and the text with the match up to it replaced by ``instead``."""
    ends = [w.end() for w in re.finditer(r"\S+", m.group("place"))]
    for end in reversed(ends):
        found = m.group("place")[:end].rstrip(" ?!.,")
        if _school_country(found, bool(m.group("the"))):
            if not found[:1].isupper():
                found = found.upper() if len(found) <= 3 else found.title()  # "uk", "texas"
            return found, text[: m.start()] + instead + text[m.start("place") + end :]
    return None, text


# "are not in the US", "not based in Texas", "outside the EU", "who don't live in Canada"
_PLACE_LEFT_OUT = re.compile(
    r"\b(?:(?:(?:is|are)\s+not|isn't|aren't|not|(?:do|does)\s+not|don't|doesn't)\s+"
    r"(?:(?:based|located|living|live|lives|residing)\s+)?(?:in|from)|"
    r"(?:(?:based|located|living|who\s+live|who\s+lives)\s+)?outside(?:\s+of)?)\s+"
    r"(?P<the>the\s+)?(?P<place>[a-z][\w.'’-]*(?:,?\s+[a-z][\w.'’-]*){0,2})",
    re.IGNORECASE,
)


def _place_left_out(text: str) -> tuple[str | None, str]:
    """A place the candidates must not be in ("Which engineers are not in the US?"), and the
    question without it; the longest run of words that is a country, continent or state."""
    m = _PLACE_LEFT_OUT.search(text)
    return (None, text) if m is None else _longest_place(m, text, " ")


def _school_country(text: str, after_the: bool) -> bool:
    """A place a school may be in: a country, continent, state or a large city ("Mumbai"),
    not a small town that shares its name with a subject."""
    if text.lower() == "us" and not after_the:
        return False
    if _known_country(text):
        return True
    found = places.city(text)
    return found is not None and places.population(found[0]) >= _BIG_CITY


def _known_country(text: str) -> bool:
    """A country, continent, state or province ("graduated from the UK"), not a school."""
    return bool(places.country(text) or places.continent(text) or places.region(text))


def _respelled_field(field: str, catalog: Catalog) -> str:
    """A field of study as the resumes spell it: "bachelor of comerce" asks for commerce."""
    words = []
    for word in field.split():
        stem = normalize(word)
        fixed = correct_spelling(stem, catalog, typed=word) if word.isalpha() else stem
        written = catalog.written_word(fixed) if fixed != stem else None
        words.append(written or word)
    return " ".join(words)


def degree_text(degree: DegreeRequirement) -> str:
    if not degree.names and degree.levels in (_ACADEMIC, _UNIVERSITY):
        what = "a degree" if degree.levels == _ACADEMIC else "a university degree"
        return what + (f" in {degree.field}" if degree.field else "")
    what = " or ".join([*degree.levels, *degree.names[:1]]) or "a degree"
    return what + (f" in {degree.field}" if degree.field else "")


# The acronym recruiters use for a fixed group of employers, and the employers it stands for.
# Employers recruiters name as a group: "a FAANG company", "Big 4 experience". Each is read as
# a name of its own (the key) and then as the firms it stands for.
_EMPLOYER_GROUPS: dict[str, tuple[re.Pattern[str], list[str]]] = {
    "FAANG": (
        re.compile(
            r"\b(?:an?\s+)?(?:FAANG|MAANG|MANGA|big\s+tech)"
            r"(?:\s+(?:compan(?:y|ies)|firms?|employers?))?\b",
            re.IGNORECASE,
        ),
        ["Meta", "Facebook", "Amazon", "Apple", "Netflix", "Google"],
    ),
    "BIGFOUR": (
        re.compile(
            r"\b(?:an?\s+|the\s+)?big\s*(?:4|four)"
            r"(?:\s+(?:accounting\s+|audit\s+)?(?:compan(?:y|ies)|firms?|employers?))?(?!\w)",
            re.IGNORECASE,
        ),
        ["Deloitte", "PwC", "PricewaterhouseCoopers", "EY", "Ernst & Young", "KPMG"],
    ),
}


def _named_groups(text: str) -> str:
    """The text with each employer group written as its one name ("a FAANG company" ->
    "FAANG"), so it reads as an employer."""
    for name, (pattern, _) in _EMPLOYER_GROUPS.items():
        text = pattern.sub(name, text)
    return text


# "former Amazon employees", "ex-Amazon", "who used to work at Stripe", "who left Amazon",
# "previously at Klarna": an employer they no longer work for, written before its name.
_FORMER_AT = re.compile(
    r"\b(?i:former|used\s+to\s+(?:work|be)\s+(?:at|for|with)|left|quit|"
    r"previously\s+(?:at|with|worked\s+(?:at|for)))\s+(?=[A-Z0-9])|\b(?i:ex)-(?=[A-Z0-9])"
)
# ... and the people it names after the employer ("former Amazon employees", "ex-Google folks")
_FORMER_PEOPLE = re.compile(
    r"^\s*[A-Z0-9][\w&.'’-]*(?:\s+[A-Z0-9&][\w&.'’-]*){0,4}"
    r"(?P<people>\s+(?i:employees?|staff|people|folks|alumni))\b"
)
# "worked at Amazon in the past", "... before?": said after it, at the end.
_FORMER_AFTER = re.compile(r"\s+(?i:in\s+the\s+past|previously|formerly|before)\s*(?=[?.!]*$)")


def _former_employer(text: str, catalog: Catalog) -> tuple[bool, str]:
    """Whether the question asks for an employer the candidates no longer work for, and the
    text with it read as "worked at" (left as it is when no employer is named: "former
    founder", "left Ireland")."""
    m = _FORMER_AT.search(text)
    if m is not None:
        after = text[m.end() :]
        if (people := _FORMER_PEOPLE.match(after)) is not None:
            after = after[: people.start("people")] + after[people.end("people") :]
        trial = text[: m.start()] + " worked at " + after
        if _employers_named(trial, catalog):
            return True, trial
    m = _FORMER_AFTER.search(text)
    if m is not None and _employers_named(text, catalog):
        return True, text[: m.start()] + text[m.end() :]
    return False, text


def _employers_named(text: str, catalog: Catalog) -> bool:
    """Whether the text names an employer, not a country ("left Ireland")."""
    found = _structured(_named_groups(text), catalog)[0]
    return bool(found) and not all(_from_country(e, catalog) for e in found)


_EMPLOYER = re.compile(
    r"\b(?:(?i:worked|works|working|work|employed|been|was|were|interned|job|started|began|"
    r"start|starting|begin|stay|stayed|spend|spent)\s+(?i:at|for)|"
    r"(?i:is|are)\s+(?i:at)|(?i:anyone|anybody|someone|somebody)\s+(?i:at)|"
    r"(?i:joined|join|joining))\s+"
    r"(?P<org>[A-Z0-9][\w&.'’-]*(?:\s+(?:[A-Z0-9&][\w&.'’-]*|or|of|and|the)){0,5})"
    r"|(?:\b(?i:anyone|anybody|candidates?|people|someone|who(?:'s| is)?)\s+(?i:from)\s+|"
    r"\b(?i:ex)-)"
    r"(?P<org2>[A-Z0-9][\w&.'’-]*(?:\s+[A-Z0-9&][\w&.'’-]*){0,4})"
)
_PLACE = re.compile(
    r"\b(?i:based|located|living|lives|live|residing|resides|reside|relocat\w*)\s+"
    r"(?i:in|near|around)\s+(?:(?i:the)\s+)?"
    r"(?P<place>[A-Z][\w.'’-]*(?:,?\s+(?:[A-Z][\w.'’-]*|state|area)){0,4})"
)

# "UK-based nurses", "Who is Sydney based?" (not "Where is Grace Washington based?")
_PLACE_BASED = re.compile(
    r"(?:\b(?P<verb>(?i:is|are))\s+)?(?P<place>[A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,2})"
    r"(?:(?P<hyphen>-)(?i:based)\b|\s+(?i:based)(?=\s*[?!.]*$))"
)

# "near Sydney", "around Boston", "close to Leeds", "within commuting distance of Austin"
_NEAR_WORDS = (
    r"\b(?:near|nearby|around|close\s+to|commut\w*\s+(?:distance\s+)?(?:of|to|from)|"
    r"within\s+(?:commuting\s+)?(?:distance|reach)\s+of)\s+(?:the\s+)?"
)


def _near(text: str, place: str) -> bool:
    """Whether the question asks for the place's surroundings: "based near Sydney"."""
    return bool(re.search(_NEAR_WORDS + re.escape(place) + r"\b", text, re.IGNORECASE))


_IN_PLACE = re.compile(
    r"\b(?i:anyone|anybody|candidates?|people|someone|who(?:'s| is)?|are|is|"
    r"the(?:\s+[\w/+#-]+){1,4}?)\s+(?P<sep>(?i:in|from))\s+(?P<the>(?i:the)\s+)?"
    r"(?P<place>[A-Za-z][\w.'’-]*(?:,?\s+[A-Za-z][\w.'’-]*){0,2})\s*[?!.]*$"
)


def _known_place(text: str, after_the: bool = False) -> bool:
    """A country, region or city name, in any case ("texas", "Dublin, Ireland"); "us" only as
    "US" or "the us", as it is also the pronoun."""
    text = text.strip()
    if text == "us" and not after_the:
        return False
    return bool(
        places.parse(text.title())
        or places.country(text)
        or places.continent(text)
        or (len(text) > 2 and places.region(text))
        or places.city(text)
    )


# "who's worked at google": an employer typed in lower case, up to the end of the question.
_EMPLOYER_ANY_CASE = re.compile(
    r"\b(?:(?:worked|works|working|work|employed|been|was|were|interned|job|is|are)\s+(?:at|for)|"
    r"joined)\s+"
    r"(?P<org>[\w&.'’-]+(?:\s+[\w&.'’-]+){0,3}?)\s*[?!.]*$",
    re.I,
)


def _from_country(org: str, catalog: Catalog) -> bool:
    """Whether "from <org>" names a country, continent, state or province rather than an
    employer: a place by that name, and no role on any resume at an employer of that name."""
    if not (places.country(org) or places.continent(org) or (len(org) > 2 and places.region(org))):
        return False
    return not any(
        p.employer and places.fold(p.employer) == places.fold(org)
        for r in catalog.resumes.values()
        for p in r.profile.positions
    )


def _proper_name(org: str, catalog: Catalog) -> bool:
    """Whether lower-case words name an organisation: some resume writes them capitalised (an
    employer, or the same name met elsewhere), which "a startup" or "least 5" never are."""
    words = terms(org)
    if not words or any(w in _FRAME for w in org.lower().split()):
        return False
    lines = set(catalog.postings.get(words[0], []))
    for w in words[1:]:
        lines &= set(catalog.postings.get(w, []))
    pattern = re.compile(
        r"(?<!\w)" + r"\s+".join(re.escape(w[:1].upper()) + re.escape(w[1:]) for w in org.split()),
    )
    return any(pattern.search(catalog.lines[p].line.text) for p in sorted(lines)[:200])


def _structured(
    text: str, catalog: Catalog, asks_who: bool = True
) -> tuple[list[str], str | None, str]:
    """Employers ("worked at Block or Square", "anyone from Stripe") and a place ("based in
    Washington state") that a question asks about, and the question without them (so a place
    that is also a surname is not taken for a candidate)."""
    employers: list[str] = []
    place: str | None = None
    rest = text
    lower = _EMPLOYER_ANY_CASE.search(text)
    m = _EMPLOYER.search(text)
    if m and m.group("org2") and _from_country(m.group("org2").strip(" .?!,"), catalog):
        # "anyone from Brazil": where they are, not an employer.
        place = m.group("org2").strip(" .?!,")
        rest = text[: m.start("org2")] + " " + text[m.end() :]
        return employers, place, rest
    if m:
        org = (m.group("org") or m.group("org2") or "").strip(" .?!,")
        employers = _orgs(org)
        rest = text[: m.start()] + " " + text[m.end() :]
        place, rest = _based_in(rest)  # "worked at Spotify and lives in Sweden"
    elif lower and any(
        _proper_name(o, catalog) for o in re.split(r"\s+or\s+|\s*/\s*", lower.group("org"))
    ):
        org = lower.group("org").strip(" .?!,")
        employers = _orgs(org)
        rest = text[: lower.start("org")] + " " + text[lower.end() :]
        place, rest = _based_in(rest)
    elif _PLACE.search(text) or _based_in(text)[0] is not None:
        place, rest = _based_in(text)
    elif (m := _IN_PLACE.search(text)) and _known_place(m.group("place"), bool(m.group("the"))):
        # "anyone in texas?": lower case is fine when it is a known place.
        place = m.group("place").strip()
        place = place.upper() if len(place) <= 3 else place.title()  # "us" -> "US", "texas"
        rest = text[: m.start("sep")] + " " + text[m.end() :]
    elif (
        asks_who
        and (m := _TRAILING_PLACE.search(text))
        and not _PLACE_OF_SCHOOL.search(text[: m.start()])
        and _known_place(m.group("place"), bool(m.group("the") or m.group("the2")))
        and _unmistakable_place(m.group("place"), catalog)
        and (m.group("the2") is None or places.continent(m.group("place")) is not None)
    ):
        # "a react dev in Atlanta", "Python developers in Texas", "on the west coast".
        place = m.group("place").strip()
        if not place[:1].isupper():
            place = place.upper() if len(place) <= 3 else place.title()
        rest = text[: m.start()] + " " + text[m.end() :]
    elif asks_who and (mid := _mid_place(text, catalog)) is not None:
        # "Python developers in Europe with 5+ years", "Which candidates in Canada know Go?"
        place, rest = mid
    elif asks_who and (lead := _LEADING_PLACE.match(text)) is not None:
        # "west coast ppl", "texas nurses": a place said first, then who
        words = lead.group("words").split()
        for n in range(min(len(words) - 1, 3), 0, -1):
            said = " ".join(words[:n])
            if _known_place(said, False) and _unmistakable_place(said, catalog):
                place = said.upper() if len(said) <= 3 else said.title()
                rest = " ".join(words[n:])
                break
    return employers, place, rest


_LEADING_PLACE = re.compile(r"^\s*(?:any\s+|the\s+)?(?P<words>[A-Za-z][\w\s.'’-]*?)\s*[?!.]*$")


_AND_ORG = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)


def _each_employer(employers: list[str], catalog: Catalog) -> tuple[list[str], bool]:
    """("Spotify and Klarna",) -> (["Spotify", "Klarna"], True): employers joined by "and",
    each of them asked; unchanged when the whole is an employer some resume names."""
    if len(employers) != 1 or not _AND_ORG.search(employers[0]):
        return employers, False
    parts = [p.strip() for p in _AND_ORG.split(employers[0]) if p.strip()]
    whole = any(
        names_org(employers[0], role.employer)
        for resume in catalog.resumes.values()
        for role in resume.profile.roles
        if role.employer
    )
    if whole or len(parts) < 2 or not all(_proper_name(p, catalog) for p in parts):
        return employers, False
    return parts, True


def _orgs(org: str) -> list[str]:
    """The employers of "Block or Square", "Stripe/Adyen", without a word that joins the rest
    of the question ("Spotify and" of "worked at Spotify and lives in Sweden")."""
    found = [o.strip() for o in re.split(r"\s+or\s+|\s*/\s*", org) if o.strip()]
    return [
        kept
        for o in found
        if (kept := re.sub(r"(?:\s+(?:and|but|who|that|with|also))+$", "", o, flags=re.I))
    ]


def _based_in(text: str) -> tuple[str | None, str]:
    """The place of "based in Washington state", "lives in Sweden", and the text without it."""
    m = _PLACE.search(text)
    if m is None:
        # "UK-based", "London based": the place said first, when it is a place ("cloud-based",
        # "Java-based" are not).
        for b in _PLACE_BASED.finditer(text):
            if not (b.group("hyphen") or b.group("verb")):
                continue
            words = b.group("place").split()
            # "Any London-based": the place is the last words; "Is Dana Washington based?"
            # asks where Dana is.
            for k in range(len(words) if b.group("hyphen") else 1):
                said = " ".join(words[k:])
                if _known_place(said, after_the=True):
                    start = b.end("place") - len(said)
                    return said, text[:start] + " " + text[b.end() :]
        return None, text
    found = re.sub(r"(?<![A-Z])\.$", "", m.group("place").strip(" ?!,"))  # keep "D.C."
    place = re.sub(r"\s+(?:state|area)$", "", found, flags=re.I)
    return place, text[: m.start()] + " " + text[m.end() :]


# "in Europe", "from Canada" inside a question, followed by more of it: a capitalised name.
_MID_PLACE = re.compile(
    r"(?<!\bexperience )(?<!\bexpertise )\b(?i:in|from)\s+(?P<the>(?i:the)\s+)?"
    r"(?P<place>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})(?=\s+\w)"
)


def _mid_place(text: str, catalog: Catalog) -> tuple[str, str] | None:
    """The place and the question without it, for the longest capitalised run after "in" or
    "from" that is unmistakably a place (a country, continent, state, a city where someone
    lives or a large one); None when there is none."""
    for m in _MID_PLACE.finditer(text):
        words = m.group("place").split()
        for n in range(len(words), 0, -1):
            place = " ".join(words[:n])
            if _known_place(place, bool(m.group("the"))) and _unmistakable_place(place, catalog):
                end = m.start("place") + len(place)
                return place, text[: m.start()] + " " + text[end:]
    return None


# "studied at a university in India": the place is the school's, not where the candidate lives.
_PLACE_OF_SCHOOL = re.compile(
    r"\b(?:universit(?:y|ies)|colleges?|schools?|institutes?)\s*$", re.IGNORECASE
)
# "... in Atlanta?" at the end of a question, after any words.
_TRAILING_PLACE = re.compile(
    r"\b(?:(?i:in|near|around)\s+(?P<the>(?i:the)\s+)?|(?i:on)\s+(?P<the2>(?i:the))\s+)"
    r"(?P<place>[A-Za-z][\w.'’-]*(?:,?\s+[A-Za-z][\w.'’-]*){0,2})\s*[?!.]*$"
)
_BIG_CITY = 250_000  # a smaller town of the same name as a skill ("Mobile", "Spring") is not read


def _unmistakable_place(text: str, catalog: Catalog) -> bool:
    """A place that is no other word: a country, a continent or a state or province, or a city
    where some candidate lives (any case); a capitalised city written with its state or country
    ("Austin, TX"), or a capitalised large city."""
    text = text.strip()
    if places.country(text) or places.continent(text) or (len(text) > 2 and places.region(text)):
        return True
    parsed = places.parse(text.title())
    if parsed is None or parsed.city is None:
        return False
    lived = {
        places.fold(r.profile.location.city)
        for r in catalog.resumes.values()
        if r.profile.location is not None and r.profile.location.city
    }
    if any(places.same_city(parsed.city, city) for city in lived):
        return True  # "a react dev in atlanta", "ppl in nyc": where some candidate lives
    if not text[:1].isupper():
        return False
    if "," in text:
        return True  # "Austin, TX": a city with its state or country
    # A capitalised large city, unless a resume lists the name among skills ("Phoenix",
    # "Aurora" are also a web framework and a database).
    words = terms(parsed.city)
    held = set(catalog.postings.get(words[0], [])) if words else set()
    for word in words[1:]:
        held &= set(catalog.postings.get(word, []))
    listed = any(catalog.lines[pos].line.section == "skills" for pos in held)
    return not listed and places.population(parsed.city) >= _BIG_CITY


_YEARS = re.compile(
    r"\b(?:(?:between|from)\s+(?P<low>\d{1,2})\s*(?:and|to|-|–)\s*|"
    r"(?P<low2>\d{1,2})\s*(?:-|–|to)\s*|"
    r"(?P<bound>more than|over|above|at least|minimum of|min\.?|no less than|"
    r"less than|fewer than|under|below|at most|up to|no more than|maximum of|max\.?)\s+)?"
    r"(?P<n>\d{1,2})\s*(?P<plus>\+)?\s*(?:years?|yrs?)(?:\s+of)?\b",
    re.IGNORECASE,
)
_A_YEAR = re.compile(
    r"\b(more than|over|at least|less than|under|fewer than|for|almost|nearly)\s+an?\s+year\b",
    re.IGNORECASE,
)
_BELOW = {"less than": -1, "fewer than": -1, "under": -1, "below": -1}
_AT_MOST = {"at most", "up to", "no more than", "maximum of", "max", "max."}


def _years(text: str) -> tuple[int | None, int | None, bool, str]:
    """Bounds on years, whether the minimum is exceeded strictly, and the text without them:
    'more than 5 years of' -> (5, None, True), '5+ years' -> (5, None, False), 'less than 5
    years' -> (None, 4), 'at most 5 years' -> (None, 5), '3-5 years' and 'between 3 and 5
    years' -> (3, 5)."""
    # "five years", "ten+ years": the number as digits.
    text = _WORD_YEARS.sub(lambda w: f"{NUMBER_WORDS[w.group(1).lower()]}{w.group(2)}", text)
    text = _A_YEAR.sub(r"\1 1 year", text)  # "more than a year"
    m = _YEARS.search(text)
    if m is None:
        return None, None, False, text
    n = int(m.group("n"))
    rest = text[: m.start()] + " " + text[m.end() :]
    low = m.group("low") or m.group("low2")
    if low is not None:
        return min(int(low), n), max(int(low), n), False, rest
    bound = (m.group("bound") or "").lower()
    if bound in _BELOW:
        return None, max(n - 1, 0), False, rest
    if bound in _AT_MOST:
        return None, n, False, rest
    return n, None, bound in ("more than", "over", "above"), rest


_LEAD_VERB = (
    r"(?:led|lead|leading|manag(?:e|ed|es|ing)|supervis(?:e|ed|ing)|ran|run|running|"
    r"head(?:ed|ing)?|direct(?:ed|ing)?|oversaw|overseen)"
)
_MORE = r"(?P<bound{i}>more than|over|above|at least|greater than|bigger than|larger than)"
_TEAM_ASKED = re.compile(
    rf"\b(?:{_LEAD_VERB}\s+)?(?:an?\s+)?(?:teams?|groups?|squads?|staffs?|departments?|"
    rf"org(?:anization)?s?)\s+of\s+(?:{_MORE.format(i=1)}\s+)?(?P<n1>\d{{1,4}})\s*\+?"
    rf"(?:\s*or\s+more)?|"
    rf"\b{_LEAD_VERB}\s+(?:{_MORE.format(i=2)}\s+)?(?P<n2>\d{{1,4}})\s*\+?(?:\s*or\s+more)?"
    rf"(?=\s+[a-z])",
    re.IGNORECASE,
)


# Leading people with no size asked: "managed a team", "led people", "people management",
# "line management", "managerial experience". Managing a thing ("managed a budget") is not it.
_PEOPLE_LED = re.compile(
    rf"\b{_LEAD_VERB}\s+(?:an?\s+|the\s+|their\s+|own\s+|other\s+)?(?:teams?|people|staff|"
    r"direct reports|reports|employees|others)\b|"
    r"\b(?:people|line|team|staff)[\s-]+(?:management|managing|managers?|leadership|leading)\b|"
    r"\bmanagerial\b",
    re.IGNORECASE,
)
_PLACE_NOUNS = frozenset(
    t for w in "state area city region county country metro province town".split() for t in terms(w)
)


def _qualifies_place(concept: list[tuple[str, ...]]) -> bool:
    """ "state" in "based in Washington state": a word that only says what kind of place
    (compared as stems, as concepts hold them)."""
    return all(set(alt) <= _PLACE_NOUNS for alt in concept)


def _team_size(text: str) -> tuple[int | None, str]:
    """The smallest team asked for and the text without it: 'led a team of more than 10
    engineers' -> (11, '... engineers'), 'managed 5+ people' -> (5, '... people'), 'people
    management' or 'has managed a team' -> (1, ...)."""
    m = _TEAM_ASKED.search(text)
    if m is None:
        m = _PEOPLE_LED.search(text)
        if m is None:
            return None, text
        return 1, text[: m.start()] + " " + text[m.end() :]
    n = int(m.group("n1") or m.group("n2"))
    bound = (m.group("bound1") or m.group("bound2") or "").lower()
    strict = bound not in ("", "at least")
    return (n + 1 if strict else n), text[: m.start()] + " " + text[m.end() :]


def years_text(low: int | None, high: int | None, over: bool = False) -> str:
    if low is not None and high is not None:
        return f"{low}–{high} years" if low != high else f"{low} year{'s' * (low != 1)}"
    if high is not None:
        # "less than 5 years" and "at most 4 years" both allow up to 4 years 11 months
        return f"less than {high + 1} years"
    if over:
        return f"more than {low} year{'s' * (low != 1)}"
    return f"{low}+ years"


_WORD_YEARS = re.compile(
    rf"\b({'|'.join(NUMBER_WORDS)})(\s*\+?\s*(?:years?|yrs?)\b)", re.IGNORECASE
)
_GAP = re.compile(
    r"\b(?:employment|career|work|job|resume|cv)\s+(?:gaps?|breaks?)\b|"
    r"\b(?:gaps?|breaks?)\s+(?:in|between)\s+(?:(?:their|his|her|the)\s+)?"
    r"(?:employment|career|work|jobs|roles|resume|cv|work history|experience)\b|"
    r"\b(?:gaps?|breaks?)\b(?=\s+(?:of\s+)?(?:more than|over|at least|longer than)\b)",
    re.IGNORECASE,
)
# "a gap between two jobs": one role ended and another began after it
_BETWEEN_ROLES = re.compile(
    r"\bbetween\s+(?:two\s+|their\s+|his\s+|her\s+)?(?:jobs|roles|positions|employers)\b",
    re.IGNORECASE,
)
_GAP_SIZE = re.compile(
    r"\b(?:of\s+)?(?P<bound>more than|over|at least|longer than)\s+"
    r"(?P<n>\d{1,2}|a|an|" + "|".join(NUMBER_WORDS) + r")\s+(?P<unit>months?|years?)\b",
    re.IGNORECASE,
)
_DEFAULT_GAP_MONTHS = 6  # shorter breaks between jobs are ordinary


def _gap_months(text: str) -> int:
    """ "a gap of more than a year" -> 13, "at least 3 months" -> 3; six months when unsaid."""
    m = _GAP_SIZE.search(text)
    if m is None:
        return _DEFAULT_GAP_MONTHS
    n = number(m.group("n"))
    months = n * 12 if m.group("unit").lower().startswith("year") else n
    strict = m.group("bound").lower() in ("more than", "over", "longer than")
    return months + 1 if strict else months


_LEFT = re.compile(
    r"\b(?:left|quit|ended|finished)\s+(?:(?:their|his|her|the|a)\s+)?"
    r"(?:(?:last|latest|most recent|previous)\s+)?(?:job|role|position|employer|company)\b|"
    r"\b(?:last|latest|most recent)\s+(?:job|role|position)\s+(?:ended|finished)\b",
    re.IGNORECASE,
)
_NOT_WORKING = re.compile(
    r"\b(?:(?:not|n't)\s+(?:currently\s+|presently\s+)?(?:working|employed)|"
    r"(?:currently\s+)?unemployed|between jobs|out of work|without a job)\b"
    r"(?:\s+(?:right now|at the moment|currently|at present|now))?",
    re.IGNORECASE,
)
_CURRENT_JOB = re.compile(
    r"\b(?:(?:their|his|her|my|your|the)\s+)?(?:current|present|last|latest|most\s+recent)\s+"
    r"(?P<what>job|role|position|employer|company|workplace|title)\b",
    re.IGNORECASE,
)
# Any role that began then: "started a new job", "joined a new company", "changed jobs".
_NEW_JOB = re.compile(
    r"\b(?:start(?:ed|s)?|began|begin|join(?:ed|s)?|took|moved\s+to|switched\s+to)\s+"
    r"(?:a\s+)?new\s+(?:job|role|position|company|employer)\b|\bchanged\s+(?:jobs|employers)\b",
    re.IGNORECASE,
)
# Any role held then, or for that long: "was working in 2015", "the same job for 5 years".
_HELD_JOB = re.compile(
    r"\b(?:was|were)\s+(?:working|employed)\b|"
    r"\b(?:had|held|kept|been\s+in|stayed\s+in)\s+(?:the\s+same|one)\s+"
    r"(?:job|role|position)(?:\s+for)?\b",
    re.IGNORECASE,
)
# "the longest at their current company", "the shortest tenure in their current role"
_TENURE_RANK = re.compile(r"\b(?:the\s+)?(?:longest|shortest)\b", re.IGNORECASE)
_ONE_EMPLOYER = (
    r"(?:a\s+|one\s+|the\s+same\s+|any\s+)(?:single\s+)?"
    r"(?:company|employer|job|organi[sz]ation|firm)"
)
# "the longest tenure", "stayed the longest at one company", "the longest at a single employer"
_ONE_EMPLOYER_TENURE = re.compile(
    r"\b(?:the\s+)?(?:longest|shortest)\s+(?:tenure|stint|stay)\b(?:\s+(?:at|with|in)\s+"
    + _ONE_EMPLOYER
    + r"\b)?|"
    r"\b(?:the\s+)?(?:longest|shortest)\s+(?:(?:time|stretch)\s+)?(?:at|with|in)\s+"
    + _ONE_EMPLOYER
    + r"\b|"
    r"\b(?:at|with|in)\s+" + _ONE_EMPLOYER + r"\s+(?:the\s+)?(?:longest|shortest)\b",
    re.IGNORECASE,
)
# "graduated most recently", "the earliest graduate", "got their master's last": the order
# words, read apart from the degree they order.
_GRADUATION_ORDER = re.compile(
    r"\b(?:graduated|(?:got|earned|completed|received|finished)\s+(?:(?:their|his|her|a|an)\s+)?"
    r"(?:[\w'’]+\s+)?(?:degrees?|studies|diploma|master(?:'s|’s|s)?|bachelor(?:'s|’s|s)?|phd|"
    r"ph\.d\.?|mba|doctorate))\s+(?P<order>(?:the\s+)?(?:most\s+recently|last|latest|"
    r"earliest|first|longest\s+ago))\b|"
    r"\b(?P<order2>(?:the\s+)?(?:most\s+recent|latest|newest|earliest|oldest))\s+"
    r"(?:graduates?|graduation|degrees?)\b",
    re.IGNORECASE,
)
# "the most recent experience with React", "used Kafka most recently" (not "most recent job").
_RECENCY_ORDER = re.compile(
    r"\b(?:the\s+)?most\s+recent(?:ly)?\b(?!\s+(?:job|role|position|employer|company|title|"
    r"workplace|degree|graduat\w*)\b)(?:\s+(?:experience|exposure|use|usage|work)\b)?",
    re.IGNORECASE,
)
_NOTICE_ORDER = re.compile(
    r"\b(?:the\s+)?(?:(?P<longest>longest|most)|shortest|least)\s+notice(?:\s+periods?)?\b|"
    r"\b(?:start|join|begin|be\s+available)\s+(?:the\s+)?"
    r"(?:soonest|earliest|first|quickest|fastest)\b|"
    r"\b(?:the\s+)?(?:soonest|earliest|quickest|fastest)\s+(?:to\s+)?"
    r"(?:start(?:\s+date)?|join(?:ers?)?|joining|availability|available)\b",
    re.IGNORECASE,
)
_EARLIEST = re.compile(r"\b(?:earliest|first|oldest|longest)\b", re.IGNORECASE)
_TENURE_WORDS = frozenset(
    "joined join joins started start starts began begin begun stayed stay stays been moved hired "
    "worked there".split()
)
_CAREER_START = re.compile(
    r"\b(?:(?:start|began|begin|begun|launch)\w*\s+(?:(?:their|his|her|my|your|the|a)\s+)?"
    r"(?:(?:professional|working)\s+)?(?:career|working life)|"
    r"(?:start|began|begin|begun)\w*\s+(?:to\s+)?work(?:ing)?|"
    r"first\s+(?:job|role|position|employer)(?:\s+(?:was|is))?)\b",
    re.IGNORECASE,
)


# "three or more companies", "at least 2 languages", "more than 3 certifications": a minimum.
_SECOND_LANGUAGE = re.compile(
    r"\b(?:an?\s+)?(?:second|other|another|additional|foreign)\s+languages?\b(?!\s+models?)|"
    r"\b(?:more than one|multiple|several|two or more)\s+languages?\b",
    re.IGNORECASE,
)
# "more than one degree", "multiple employers", "several certifications": at least two.
_SEVERAL = re.compile(
    r"\b(?:more than one|multiple|several|two or more)\s+(?=(?:different\s+)?"
    r"(?:certifications?|certificates?|certs?|degrees?|employers?|compan(?:y|ies)|jobs?|"
    r"countr(?:y|ies))\b)",
    re.IGNORECASE,
)
# Companies counted are employers only where the question speaks of working ("worked at 3+
# companies", "been at several companies", "a career across multiple companies"); "ran the
# month-end close across several companies" or "audits for multiple companies" are the work.
_WORK_CONTEXT = re.compile(
    r"\b(?:work(?:ed|ing|s)?|employ\w*|jobs?|roles?|positions?|careers?|tenures?|stints?|"
    r"been\s+(?:at|with|in)|changed|switched|moved|hopped|resumes?|cvs?|profiles?)\b",
    re.IGNORECASE,
)


def _of_clients(count: re.Match[str], text: str) -> bool:
    """Whether the companies a count names are the work's, not the candidate's employers."""
    counted = count.group(0) + text[count.end() : count.end() + 12]
    return bool(re.search(r"\bcompan(?:y|ies)\b", counted, re.I)) and not _WORK_CONTEXT.search(
        text[: count.start()] + " " + text[count.end() :]
    )


_AT_LEAST_OF = re.compile(
    r"\b(?:(?P<bound>at least|more than|over|no fewer than|a minimum of|minimum of)\s+"
    r"(?P<n>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")|"
    r"(?P<n2>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s*(?:\+|or more))\s+"
    r"(?:different\s+)?(?:(?:spoken|foreign|programming)\s+)?"
    r"(?P<what>languages?|certifications?|certificates?|certs?|degrees?|employers?|"
    r"compan(?:y|ies)|jobs?|countr(?:y|ies))\b",
    re.IGNORECASE,
)
_COUNT_WORDS = re.compile(
    r"\b(?:at|least|more|most|fewest|than|over|no|fewer|minimum|or|different|spoken|foreign|"
    r"programming|speaks?|speaking|talks?|worked|work|in|languages?|certifications?|"
    r"certificates?|certs?|degrees?|employers?|compan(?:y|ies)|jobs?|countr(?:y|ies)|"
    + "|".join(NUMBER_WORDS)
    + r")\b|\b\d{1,2}\+?|(?<![\w+])\+(?![\w+])",
    re.IGNORECASE,
)


def _counted(
    found: re.Match[str],
    pattern: re.Pattern[str],
    residual: str,
    text: str,
    narrowed: bool,
    place: str | None,
    employers: list[str],
) -> tuple[Kind, str, list[list[tuple[str, ...]]], Aspect]:
    """(kind, requirement, concepts, aspect) of a question that counts what the profiles list
    ("at least 2 languages", "the most certifications"): a match of what else it asks, when
    it asks more ("Which nurses ..."), else about everyone."""
    rest = _counted_rest(pattern.sub(" ", residual))
    aspect = _COUNTED[found.group("what").lower()[:4]]
    if aspect == "languages" and _PROGRAMMING.search(text):
        aspect = "skills"
    if rest or narrowed:
        return "match", rest or place or " or ".join(employers), _concepts(rest), aspect
    return "about", found.group(0), [], aspect


def _counted_rest(text: str) -> str:
    """What a question that counts profile facts asks besides the count ("nurses" in "Which
    nurses speak at least 2 languages?"); empty when nothing ("Who speaks 3+ languages?")."""
    return _requirement_text(_COUNT_WORDS.sub(" ", text))


_YEAR = r"(?:19|20)\d\d"
_PERIODS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            rf"\b(?:between|from)\s+(?P<a>{_YEAR})\s*(?:and|to|until|through|-|–)\s*"
            rf"(?P<b>{_YEAR})\b",
            re.I,
        ),
        "range",
    ),
    (re.compile(rf"\b(?P<a>{_YEAR})\s*(?:-|–|to)\s*(?P<b>{_YEAR})\b", re.I), "range"),
    (re.compile(rf"\b(?:before|prior to|pre-?)\s*(?P<b>{_YEAR})\b", re.I), "before"),
    (re.compile(rf"\b(?:until|till|through|up to)\s+(?P<b>{_YEAR})\b", re.I), "until"),
    (re.compile(rf"\b(?:after|post-?)\s*(?P<a>{_YEAR})\b", re.I), "after"),
    (
        re.compile(
            rf"\b(?:since|from|starting(?: in)?|as of|in or after)\s+(?P<a>{_YEAR})\b", re.I
        ),
        "since",
    ),
    (re.compile(rf"\b(?:in|during)\s+(?P<a>{_YEAR})\b", re.I), "in"),
    (
        re.compile(
            r"\b(?:in|during|over|within|for)\s+the\s+(?:last|past|previous)\s+"
            r"(?P<n>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+years?\b",
            re.I,
        ),
        "last",
    ),
    (re.compile(r"\b(?:in\s+)?the\s+(?:last|past)\s+year\b", re.I), "last year"),
    (re.compile(r"\b(?:recently|recent)\b", re.I), "recent"),
    (
        # not of a thing: "scripts that check it still works" (see _A_THING_BEFORE)
        re.compile(r"\b(?:currently|presently|(?:right )?now|still|at present|these days)\b", re.I),
        "current",
    ),
]
_RECENT_YEARS = 2  # "recently": this year and the two before it


# What "still" or "now" is said of when it is a thing, not the people asked about: "check it
# still works", "the app still runs", "what our site now does".
_A_THING_BEFORE = re.compile(
    r"(?:\b(?:it|that|this|which)|\b(?:the|our|a|an|its|their|your|my)\s+[\w-]+)\s+$", re.I
)
_A_VERB_AFTER = re.compile(r"\s+(?:works|runs|does|holds|loads|passes|builds)\b", re.I)


def _period(text: str, today: date) -> tuple[Period | None, str]:
    """When the question asks something to have happened, and the text without it."""
    for pattern, kind in _PERIODS:
        m = pattern.search(text)
        if m is None:
            continue
        if (
            kind == "current"
            and _A_THING_BEFORE.search(text[: m.start()])
            and _A_VERB_AFTER.match(text[m.end() :])
        ):
            continue
        said = m.group(0).strip()
        rest = text[: m.start()] + " " + text[m.end() :]
        groups = m.groupdict()
        a = int(groups["a"]) if groups.get("a") else None
        b = int(groups["b"]) if groups.get("b") else None
        if kind == "range" and a is not None and b is not None:
            period = Period(first=min(a, b), last=max(a, b), text=said)
        elif kind == "before" and b is not None:
            period = Period(last=b - 1, text=said)
        elif kind == "until":
            period = Period(last=b, text=said)
        elif kind == "after" and a is not None:
            period = Period(first=a + 1, text=said)
        elif kind == "since":
            period = Period(first=a, text=said)
        elif kind == "in":
            period = Period(first=a, last=a, text=said)
        elif kind in ("last", "last year"):
            period = Period(first=today.year - number(groups.get("n") or "1"), text=said)
        elif kind == "recent":
            period = Period(
                first=today.year - _RECENT_YEARS,
                text=f"recently, since {today.year - _RECENT_YEARS}",
            )
        else:
            period = Period(current=True, text="currently")
        return period, rest
    return None, text


_WHAT_ABOUT = re.compile(
    r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(?P<subject>[^?]+?)\s*[?!.]*$", re.IGNORECASE
)


def _asked_again(text: str, catalog: Catalog, conversation: Conversation | None) -> str | None:
    """The previous "who has" question with its subject replaced by the one a "What about X?"
    names; None when the question is not that, or X is a candidate ("What about Omar?" is
    about Omar, which the follow-up rules handle)."""
    last = conversation.last if conversation else None
    m = _WHAT_ABOUT.match(text)
    if m is None or last is None or last.kind != "match":
        return None
    subject = m.group("subject").strip()
    if named_candidates(subject, catalog)[0] or _PRONOUN.search(subject):
        return None
    span = _requirement_span(last.question, catalog, conversation)
    if span is None:
        return None
    previous, first, end = span
    words = last.question.split()
    tail = words[end][len(words[end].rstrip("?!.,;:")) :]
    if subject.islower() and (previous.employers or previous.place or previous.schools):
        # "what about harvard?" after "a degree from MIT": a name, written as the one it replaces
        subject = subject.title()
    return " ".join([*words[:first], subject + tail, *words[end + 1 :]])


_SAME_FOR = re.compile(
    r"^\s*(?:and|what\s+about|how\s+about|and\s+what\s+about|same\s+(?:question|thing)\s+"
    r"(?:for|about)|(?:the\s+)?same\s+for|ask\s+the\s+same\s+(?:for|about))\s+"
    r"(?P<subject>[^?.!]+?)\s*[?.!]*$",
    re.IGNORECASE,
)
_THE_OTHER = re.compile(r"^(?:the\s+)?other(?:\s+one)?$", re.IGNORECASE)


def _same_for_another(
    text: str, catalog: Catalog, conversation: Conversation | None
) -> list[str] | None:
    """The candidates "And Jonas?", "Same question for Imogen" or "the other one" name, when
    the last question was about named candidates or asked who has something; None otherwise
    (and for "What about Go?", which :func:`_asked_again` reads)."""
    last = conversation.last if conversation else None
    m = _SAME_FOR.match(text)
    if m is None or last is None or last.kind not in ("about", "match") or conversation is None:
        return None
    subject = m.group("subject").strip()
    if _THE_OTHER.match(subject):
        # the other of the two an answer before named, the last one being about one of them
        asked = set(last.answer.candidate_ids)
        for turn in reversed(conversation.turns[:-1]):
            pair = [c for c in turn.answer.candidate_ids if c in catalog.candidates]
            if len(pair) == 2 and len(asked) == 1 and asked < set(pair):
                return [c for c in pair if c not in asked]
        return None
    named, rest = named_candidates(subject, catalog)
    if not named or _requirement_text(rest):
        return None
    return named


# "it" as the object of a verb or a preposition ("at it", "knows it", "used it"), written in
# lower case: "IT" is a field.
_IT = re.compile(
    r"(?i:\b(?:at|in|with|on|for|about|know|knows|knew|use|uses|used|using|done|does|did|do|"
    r"have|has|had)\s+)(?P<it>it)\b(?!')"
)


def _it_said(text: str, catalog: Catalog, conversation: Conversation | None) -> str | None:
    """The question with "it" replaced by the words of the previous "who has" question that
    named its requirement; None when there is no "it" to read or nothing to read it as."""
    last = conversation.last if conversation else None
    m = _IT.search(text)
    if m is None or last is None or last.kind != "match":
        return None
    span = _requirement_span(last.question, catalog, conversation)
    if span is None:
        return None
    _, first, end = span
    words = last.question.split()
    said = " ".join(words[first : end + 1]).rstrip("?!.,;:")
    return text[: m.start("it")] + said + text[m.end("it") :]


def _requirement_span(
    question: str, catalog: Catalog, conversation: Conversation | None
) -> tuple[QueryPlan, int, int] | None:
    """The plan of ``question`` (the last turn's, planned as it was asked) and the first and
    last positions of the words that state its requirement."""
    previous = plan_question(
        question,
        catalog,
        Conversation(turns=conversation.turns[:-1]) if conversation else None,
    )
    said = " ".join([previous.requirement, *previous.employers, previous.place or ""])
    if previous.period is not None:
        said = said.replace(f"({previous.period.text})", " ")  # the dates stay as asked
    asked = {w for w in re.findall(r"[\w+#]+", said.lower()) if w not in _FRAME}
    words = question.split()
    hits = [i for i, w in enumerate(words) if w.lower().strip("?!.,;:'\"()") in asked]
    return (previous, hits[0], hits[-1]) if hits else None


def is_follow_up(question: str) -> bool:
    """Whether a question leans on the conversation ("Where did she study?", "What about Go?")."""
    asks_who = bool(_MATCH_START.search(question) or _MATCH_ANYWHERE.search(question))
    return _refers_back(question, asks_who) or bool(_CONTINUATION.search(question))


_ASKED_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_ASKED_LINK = re.compile(r"(?:https?://)?(?:www\.)?(?:[\w-]+\.)+[A-Za-z]{2,}/[\w./%~-]*\w")
_ASKED_PHONE = re.compile(r"(?<![\w.])\+?\(?\d[\d\s().-]{7,}\d(?![\w.])")


def _bare_link(link: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", link.lower()).rstrip("/")


def contact_owners(text: str, catalog: Catalog) -> list[str]:
    """The candidates whose email, link or phone number the text holds ("Who is
    dana@example.com?"); the text keeps it, so the answer quotes the line that holds it."""
    found: list[str] = []
    asked = [
        *((m.group(0).lower(), "email") for m in _ASKED_EMAIL.finditer(text)),
        *((_bare_link(m.group(0)), "link") for m in _ASKED_LINK.finditer(text)),
        *((re.sub(r"\D", "", m.group(0)), "phone") for m in _ASKED_PHONE.finditer(text)),
    ]
    for value, kind in asked:
        if kind == "phone" and len(value) < 9:
            continue
        for resume in catalog.resumes.values():
            profile = resume.profile
            held = (
                any(e.value.lower() == value for e in profile.emails)
                if kind == "email"
                else any(_bare_link(link.value) == value for link in profile.links)
                if kind == "link"
                else any(
                    re.sub(r"\D", "", p.e164 or p.text).endswith(value[-9:]) for p in profile.phones
                )
            )
            if held and resume.candidate_id not in found:
                found.append(resume.candidate_id)
    return found


def named_candidates(text: str, catalog: Catalog) -> tuple[list[str], str]:
    """Candidates named in the question, and the question with their names removed."""
    # "Siobhan" names Siobhán: accents are folded on both sides, letter by letter.
    lowered = fold_letters(text.lower().replace("’", "'"))
    found: list[str] = []
    spans: list[tuple[int, int]] = []
    pattern, owners = catalog.name_matcher()
    for m in pattern.finditer(lowered) if pattern is not None else ():
        for cid in owners[m.group(0)]:
            if cid not in found:
                found.append(cid)
        spans.append(m.span())
    # First or last names, also beside a full name ("Compare Dana and Lena Swift").
    first: dict[str, list[str]] = {}
    last: dict[str, list[str]] = {}
    for cand in catalog.candidates.values():
        if not cand.named:
            continue
        parts = fold_letters(cand.name.lower()).split()
        first.setdefault(parts[0], []).append(cand.id)
        last.setdefault(parts[-1], []).append(cand.id)
        for nick in (p.strip("()") for p in parts[1:-1] if p.startswith("(")):
            first.setdefault(nick, []).append(cand.id)  # "Olu" of "Oluwaseun (Olu) Adeyemi"
    pieces = list(re.finditer(r"[a-zà-ÿ][a-zà-ÿ'-]+", lowered))
    taken = list(spans)
    for i, m in enumerate(pieces):
        word = m.group(0).removesuffix("'s").removesuffix("'")
        if word in _FRAME or any(a <= m.start() < b for a, b in taken):
            continue
        ids = first.get(word) or last.get(word) or []
        beside = {p.group(0).removesuffix("'s") for p in pieces[max(0, i - 1) : i + 2]}
        whole = (
            len(ids) == 1
            and len(beside & set(fold_letters(catalog.candidates[ids[0]].name.lower()).split())) > 1
        )
        if (
            len(ids) == 1
            and not whole
            and not m.group(0).endswith(("'s", "'"))
            and _common_word(word, ids[0], catalog)
        ):
            continue  # "Who can write Swift?": a word of other resumes, not Daniel Swift
        if len(ids) == 1:
            if ids[0] not in found:
                found.append(ids[0])
            spans.append((m.start(), m.end()))  # "Rosa Delgado": both words are the name
            # A middle name beside it is the name too ("María José" of María José Peña-Ortiz).
            name_parts = set(fold_letters(catalog.candidates[ids[0]].name.lower()).split())
            for j in (i - 1, i + 1):
                if 0 <= j < len(pieces) and pieces[j].group(0).removesuffix("'s") in name_parts:
                    spans.append(pieces[j].span())
    if not found:
        # A misspelt first or last name ("Mateus" for Mateusz): one close name, for a word no
        # resume holds.
        for m in pieces:
            word = m.group(0).removesuffix("'s").removesuffix("'")
            if len(word) < 6 or word in _FRAME or any(catalog.postings.get(t) for t in terms(word)):
                continue
            close = {
                cid
                for table in (first, last)
                for name, ids in table.items()
                if len(name) >= 6 and fuzz.ratio(word, name) >= _NAME_TYPO
                for cid in ids
            }
            if len(close) == 1:
                found.append(close.pop())
                spans.append(m.span())
    if not found:
        # A misspelt full name ("Dana Parks"): fuzzy match on full names only.
        for cand in catalog.candidates.values():
            if (
                cand.named
                and len(cand.name) >= 7
                and len(lowered.strip()) >= 7  # a near-empty question names nobody
                and fuzz.partial_ratio(fold_letters(cand.name.lower()), lowered) >= 90
            ):
                found.append(cand.id)
    residual = lowered
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):  # a name may be met twice (as a whole and by its parts)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    for start, end in reversed(merged):
        residual = residual[:start] + " " + residual[end:]
    residual = re.sub(r"(^|\s)'s\b", " ", residual)
    return found, residual


# rapidfuzz ratio of a misspelt name of six letters or more to the name: one letter missing,
# added or two swapped ("Mateus", "Kenjii", "Mensha")
_NAME_TYPO = 80


def _common_word(word: str, candidate_id: str, catalog: Catalog) -> bool:
    """Whether a name word is also an ordinary word of this pool: it stands in another
    candidate's lines ("Swift" the language, "Block" the employer). Said with the possessive
    or beside the rest of the name, it is still the name."""
    for term in terms(word):
        for pos in catalog.postings.get(term, []):
            if catalog.lines[pos].candidate_id != candidate_id:
                return True
    return False


_NUMBER_AFTER = re.compile(r"\b([a-z][\w-]*)\s+(?:numbers?|no\.?|#)(?=\W|$)(?! of)", re.I)
_PHONE_WORDS = {"phone", "phones", "telephone", "contact", "cell", "mobile"}


def _unqualified_numbers(text: str) -> str:
    """ "Ingrid's license number" asks for the license line, not a phone: a number named by the
    word before it (a content word, not a phone word or a framing word) is that thing's number,
    so "number" is dropped and the word before it stays the subject."""

    def drop(match: re.Match[str]) -> str:
        word = match.group(1).lower()
        return match.group(0) if word in _PHONE_WORDS or word in _FRAME else match.group(1)

    return _NUMBER_AFTER.sub(drop, text)


def _aspect(text: str) -> Aspect | None:
    for aspect, pattern in _ASPECT_WORDS:
        if pattern.search(text):
            return aspect
    return None


def _subject_apart(residual: str) -> str:
    """ "Which devs know Go?" asks for devs who know Go, not for a line that says both: the
    people the question is about ("devs", "data engineers") are set apart by a comma, so they
    become a requirement of their own, met by any line of the resume (a title, a summary)."""
    words = residual.split()
    if len(words) < 3 or words[0].lower() not in ("which", "what"):
        return residual
    # "Which of the engineers know Go?": the people after "of the" are the subject.
    start = 3 if [w.lower() for w in words[1:3]] in _OF_THE else 1
    end = start
    while end < len(words) and words[end].lower().strip("?!.,;:") not in _FRAME:
        end += 1
    rest = [w.lower().strip("?!.,;:") for w in words[end:]]
    # Only when a verb of the frame ends the subject: in "Which designer reworked the
    # packaging?" the words before "the" hold a verb, and stay one requirement.
    if end == start or not rest or rest[0] not in _FRAME_VERBS:
        return residual
    if not any(w and w not in _FRAME for w in rest):
        return residual
    return " ".join(words[:end]) + ", " + " ".join(words[end:])


# Questions that ask what the candidates are, by a job title: "Which candidates are teachers?",
# "list the accountants", "How many nurses do we have?", "Who are the data engineers?".
_GENERIC_PEOPLE = r"(?:candidates?|people|persons|applicants|resumes|profiles|ones|folks|ppl)\b"
_IS_A_TITLE = re.compile(
    r"^\s*(?:which|what)\s+(?:of\s+(?:the|our|these|those)\s+)?"
    + _GENERIC_PEOPLE
    + r"\s+(?:are|is|were|work\s+as)\s+(?:an?\s+)?|"
    r"^\s*who\s+(?:is|are|works?\s+as)\s+(?:an?|the|our)\s+|"
    # "Which of them are engineers?", "which of those is a nurse?"
    r"^\s*(?:and\s+)?(?:which|who)\s+of\s+(?:them|those|these)\s+(?:are|is|work\s+as)\s+"
    r"(?:an?\s+)?|"
    r"^\s*(?:list|show|give|find|name)(?:\s+me)?\s+(?:all\s+|every\s+)?(?:of\s+)?(?:the\s+|our\s+)?"
    r"(?!" + _GENERIC_PEOPLE + r")(?=[a-z]+s\b)|"
    r"^\s*how\s+many\s+(?!" + _GENERIC_PEOPLE + r"|of\b)(?=(?:[a-z]+\s+){0,2}[a-z]+s\s+"
    r"(?:do|are|have|did|we)\b)",
    re.IGNORECASE,
)
# Job titles listed in the plural: "nurses and teachers", "designers, writers and editors".
_TITLES_LISTED = re.compile(r"[a-z]+s(?:\s*,\s*[a-z]+s)*\s*,?\s+and\s+[a-z]+s")
_A_TITLE = re.compile(r"\b(?:is|are|as)\s+an?\s+\w", re.IGNORECASE)  # "Who is a nurse?"
# "Who else ...?", "anyone else with ...": besides the candidates already given.
_ELSE = re.compile(r"(?<=\w)\s+else\b", re.IGNORECASE)
_OF_THE = [[a, b] for a in ("of", "among") for b in ("the", "our", "these", "those", "your")]
_LANGUAGE_TERM_NOUNS = frozenset({"model", "models", "processing", "understanding"})
_LINKING = frozenset({"in", "with", "using", "for", "on", "and", "or", "at", "to", "a", "an"})


_TOP_N = re.compile(
    r"\b(?:top|best)(?:\s+(?:\d{1,2}|two|three|four|five|ten))?"
    r"(?=\s+(?:candidates?|people|matches|profiles|applicants|fits?|options|ones)\b)|"
    r"\b(?:top|best)\s+(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\b",
    re.IGNORECASE,
)
_PARTICLE_COMPOUND = re.compile(
    r"\b(on|in|off)\s+(call|site|prem|premises?|house|shore)\b", re.IGNORECASE
)


def _requirement_text(residual: str) -> str:
    residual = re.sub(r"^\s*(?:and|but|so|then)\b", " ", residual, flags=re.IGNORECASE)
    residual = re.sub(r"(?:^|\s)[-–—]+(?=\s|$)", " ", residual)  # "Java - who has it?"
    # "open to relocation", "open to remote work": a willingness, not the word "open".
    residual = re.sub(r"\bopen\s+to\b", " ", residual, flags=re.IGNORECASE)
    # "who can program in C?", "programming in Rust": the language, not the word "program"
    residual = re.sub(r"\bprogram(?:s|med|ming)?\s+in\b", " ", residual, flags=re.IGNORECASE)
    # "the top 3 candidates for ...", "best matches": which of them to show, not a requirement.
    residual = _TOP_N.sub(" ", residual)
    # "on call", "in house", "on site": one word, as resumes write them ("on-call"), not "call".
    residual = _PARTICLE_COMPOUND.sub(r"\1-\2", residual)
    # "four nines" of availability: one term, not a number and a count
    residual = re.sub(
        r"\b(three|four|five|six|seven)\s+nines\b", r"\1-nines", residual, flags=re.IGNORECASE
    )
    residual = re.sub(r"(?<=\w)\s+n\s+(?=\w)", " and ", residual)  # "terraform n aws"
    words = re.findall(r"(?:[\w+#./'-]|(?<=\w)&(?=\w))+|[,;&/]", residual.lower())
    kept: list[str] = []
    owner = False
    for i, word in enumerate(words):
        bare = re.sub(r"'s$", "", word)  # "what's", "the team's"
        # "natural language processing", "large language models": a term, not framing.
        after = words[i + 1].rstrip("?!.") if i + 1 < len(words) else ""
        in_term = (
            bare in ("language", "languages")
            and ((i > 0 and words[i - 1] in ("natural", "large")) or after in _LANGUAGE_TERM_NOUNS)
        ) or (
            # "code reviews", "infrastructure as code": the noun, not "can code in Go"
            bare == "code"
            and (
                (after.isalpha() and after not in _FRAME and after not in _LINKING)
                or (i > 0 and words[i - 1] in ("as", "source", "clean"))
            )
        )
        # A number word that names something with the word after it ("Lean Six Sigma", "five
        # star hotels"), not a count of people or things ("two languages", "three engineers").
        in_term = in_term or (
            bare in NUMBER_WORDS
            and after.isalpha()
            and after not in _FRAME
            and not after.endswith("s")
        )
        # After a possessive a frame word is a thing owned: "other engineers' builds".
        if (
            in_term
            or (owner and bare.isalpha())
            or (bare.strip("'.?!") not in _FRAME and bare.strip("'") != "s")
        ):
            kept.append(bare)
        owner = word.endswith("s'") or (word.endswith("'s") and bare not in _FRAME)
    # "Which of Dana and Omar knows Go?": the "and" between the names is left alone at the edge.
    while kept and kept[0] in ("and", "or", "but", ","):
        kept.pop(0)
    while kept and kept[-1] in ("and", "or", "but", ","):
        kept.pop()
    said = " ".join(kept).replace(" , ", ", ").strip(" ,;&/?!").rstrip(".")
    # ".NET" keeps its leading dot
    return said if said.startswith(".net") else said.strip(" ,;&/?!.")


_MIN_MISSPELT = 3  # "knw"; shorter words are too often another word one letter away


def _without_misspelt_framing(requirement: str, catalog: Catalog) -> str:
    """Drops a word that no resume holds and that is one slip away from a framing word ("who
    knws pytorch", "any expereince with Go"); a word the resumes hold is always kept."""
    kept = []
    for written in requirement.split():
        word = written.rstrip(",;")
        stems = terms(word)
        close = (
            len(word) >= _MIN_MISSPELT
            and word.isalpha()
            and word not in _FRAME  # kept on purpose ("natural language processing")
            and not set(stems) & set(ROLE_STEMS)  # "developers" is no slip for "developed"
            and process.extractOne(word, _FRAME, scorer=fuzz.ratio, score_cutoff=85)
        )
        if close and (
            not any(catalog.document_frequency(t) for t in stems)
            # "experiance" stems as "experience" does, which the resumes hold; as written, no
            # resume holds it ("developed" and "developer" are both written).
            or (set(stems) <= _frame_stems() and not _written(word, stems, catalog))
        ):
            continue
        kept.append(written)
    return " ".join(kept).strip(" ,;")


_WRITTEN_SCAN = 2000  # lines read to find a word as written


def _written(word: str, stems: list[str], catalog: Catalog) -> bool:
    """Whether some resume line holds the word as written (not only a word of the same stem)."""
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
    return any(
        pattern.search(catalog.lines[pos].line.text)
        for t in stems
        for pos in catalog.postings.get(t, [])[:_WRITTEN_SCAN]
    )


@cache
def _frame_stems() -> frozenset[str]:
    return frozenset(t for word in _FRAME for t in terms(word))


# Stems of the nouns for someone who writes software. Beside another word they say the same
# thing ("frontend devs", "a Frontend Engineer", "Java developer", "Java programmer"), so each
# stands for the others; alone ("Which candidates are engineers?") each keeps its own meaning.
ROLE_STEMS = ("develop", "dev", "engin", "programm", "coder")


# How a resume says someone gave a talk: "Speaker at PyCon", "Spoke at", "Keynote, ...".
TALK_STEMS = ("talk", "speaker", "spoke", "keynot")


# A word that stands for the few products that make it up: "cloud experience" is met by
# "AWS", "Azure" or "GCP" (as "a FAANG company" by the firms it names).
_MADE_OF = {
    "cloud": ("aws", normalize("azure"), "gcp"),
    # "CI/CD" is met by the CI half said alone ("GitLab CI pipelines")
    "cicd": ("ci",),
}


def _with_role_synonyms(alt_terms: tuple[str, ...]) -> list[tuple[str, ...]]:
    if len(alt_terms) == 1 and alt_terms[0] in _MADE_OF:
        return [alt_terms, *((t,) for t in _MADE_OF[alt_terms[0]])]
    if "talk" in alt_terms:
        return [tuple(w if t == "talk" else t for t in alt_terms) for w in TALK_STEMS]
    roles = [t for t in alt_terms if t in ROLE_STEMS]
    if len(roles) == 1 and len(alt_terms) == 1:
        # "Which devs know React?": any of the role nouns ("dev" alone is too often a piece of
        # a link, "github.com/ana-dev", to stand for itself)
        return [(r,) for r in ROLE_STEMS if r != "dev"]
    if len(roles) != 1 or len(alt_terms) < 2:
        return [alt_terms]
    return [tuple(r if t == roles[0] else t for t in alt_terms) for r in ROLE_STEMS]


def _role_apart(concept: list[tuple[str, ...]]) -> list[list[tuple[str, ...]]]:
    """A concept read by :func:`_with_role_synonyms` ("react dev" -> React beside each role
    noun), as two: the role nouns, and the rest."""
    roles = [t for alt in concept for t in alt if t in ROLE_STEMS]
    if len(concept) != len(ROLE_STEMS) or len(roles) != len(concept):
        return [concept]
    rest = tuple(t for t in concept[0] if t not in ROLE_STEMS)
    # On a line of its own, "dev" is too often a piece of a link ("github.com/ana-dev").
    nouns: list[tuple[str, ...]] = [(r,) for r in ROLE_STEMS if r != "dev"]
    return [nouns, [rest]] if rest else [concept]


# Verb forms: a past form in -ed, or an irregular verb recruiters write before what was done.
# A grammatical list (the language's irregular verbs), not a list of skills.
_IRREGULAR_VERBS = frozenset(
    """run ran runs set sets built build made make makes led lead leads done do did own owns
    wrote write taught teach sold sell held hold kept keep grew grow drove drive shipped ship
    took take gave give brought bring began begin begun put""".split()
)
_PARTICLES = frozenset({"up", "out", "over", "down", "on", "off"})


def _verb_word(word: str) -> bool:
    w = word.lower().strip(",;")
    return w in _IRREGULAR_VERBS or (len(w) > 4 and w.endswith("ed"))


def _leading_verbs(text: str) -> list[str]:
    """The verbs a phrase begins with, and their particles: "set up", "owned", "run"."""
    out: list[str] = []
    for word in text.split():
        if _verb_word(word) or (out and word.lower() in _PARTICLES):
            out.append(word)
        else:
            break
    return out


def _verbs_share_object(said: list[str]) -> list[str]:
    """ "set up or owned CI/CD pipelines": verbs joined by "or" act on the object after the
    last of them -> "set up CI/CD pipelines", "owned CI/CD pipelines"."""
    if len(said) < 2:
        return said
    last = said[-1].split()
    verbs = _leading_verbs(said[-1])
    obj = last[len(verbs) :]
    if (
        not verbs
        or not obj
        or not all(a.split() and _leading_verbs(a) == a.split() for a in said[:-1])
    ):
        return said
    return [f"{a} {' '.join(obj)}" for a in said[:-1]] + [said[-1]]


def leading_verb_terms(requirement: str) -> list[str]:
    """The search terms of the verbs each alternative of a requirement begins with ("set up",
    "owned", "run"): retrieval lets a line lack those much commoner than what they act on."""
    return sorted(
        {t for part in _SPLIT_OR.split(requirement) for w in _leading_verbs(part) for t in terms(w)}
    )


def _concepts(requirement: str) -> list[list[tuple[str, ...]]]:
    concepts: list[list[tuple[str, ...]]] = []

    def joined(m: re.Match[str]) -> str:
        return m.group(0).replace("/", "\0").replace("&", "\1")

    # "A/B testing", "R&D", "CI/CD": the slash or ampersand of a short pair or of a word written
    # with one joins, it does not split.
    kept = SLASHED.sub(joined, SHORT_PAIR.sub(joined, requirement))
    for part in _SPLIT_AND.split(kept):
        alternatives: list[tuple[str, ...]] = []
        said = _verbs_share_object(
            [a.replace("\0", "/").replace("\1", "&") for a in _SPLIT_OR.split(part)]
        )
        for alt in said:
            alt_terms = tuple(dict.fromkeys(terms(alt, query=True)))
            if alt_terms:
                alternatives += [a for a in _with_role_synonyms(alt_terms) if a not in alternatives]
        if alternatives:
            concepts.append(alternatives)
    return concepts
