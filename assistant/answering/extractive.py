"""Answers written from the retrieved lines themselves: no model, no network.

Every sentence quotes resume lines and cites them, so nothing is said that the recruiter cannot
check. "Who has X" answers list every matching candidate and say plainly when none does.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.answering import AnswerStream
from assistant.catalog import Catalog
from assistant.citations import CitationBook, quote
from assistant.models import (
    Answer,
    Conversation,
    Evidence,
    Position,
    QueryPlan,
    union_months,
    years_months,
)
from assistant.question import roles_named
from assistant.retrieval import (
    COMPARED,
    COUNTED,
    TOPIC,
    CandidateEvidence,
    Retrieved,
    all_roles,
    asks_credential,
    current_positions,
    profiled,
    roles_asked,
    site_asked,
)

_QUOTE_CHARS = 160
_RANKED_SHOWN = 10  # candidates quoted in an answer ordered by experience
_WHEN = re.compile(r"\W*when\b", re.IGNORECASE)
# "Who has the most Kubernetes experience?", "Who has been at their current company the
# longest?", "Which candidate is the most senior?": one person asked for (a verb in the
# singular before a superlative), so the first is quoted (with any tied with them) and the
# rest named after; "Which candidates have the most ...", "rank them" quote the ranking.
_ONE_ASKED = re.compile(
    r"^\s*(?:who|which\s+(?:[\w-]+\s+){0,2}?(?:candidate|person|one|applicant|engineer|"
    r"developer|nurse|teacher|designer|manager|analyst|rep))\s*(?:'s\b|\s(?:is|was|had|"
    r"worked|[a-z]+s)\b)(?!.*\b(?:top|first)\s+\d)"
    r".*\b(?:most|longest|least|fewest|shortest|earliest|latest|newest|oldest|best|strongest)\b",
    re.IGNORECASE,
)
_NAMES_SHOWN = 50  # names listed in an answer that has no quotes to give
_ASPECT_TITLES = {
    "summary": "Summary",
    "experience": "Experience",
    "education": "Education",
    "skills": "Skills",
    "languages": "Languages",
    "certifications": "Certifications",
    "contact": "Contact",
    "years": "Years of experience",
    "location": "Location",
    "current": "Current role",
    "roles": "Roles",
    "first_role": "First role",
    "previous_role": "Previous role",
}


_EMPHASIS = re.compile(r"\*\*|__|`")
_MARKDOWN = re.compile(r"([\\*_\[\]()!<>|~$#])")


def _short(text: str) -> str:
    """A resume line as a one-line quote that markdown shows literally (resume text is
    untrusted: no links, images or formatting of its own)."""
    flat = _EMPHASIS.sub("", " ".join(text.split())).strip(" -*•#")
    if len(flat) > _QUOTE_CHARS:
        flat = flat[: _QUOTE_CHARS - 1].rstrip() + "…"
    return _MARKDOWN.sub(r"\\\1", flat)


def md_name(name: str) -> str:
    """A candidate's name or label as markdown shows it literally: a name-less resume is
    labelled from its file name, which an applicant chooses ("![x](http://...).pdf")."""
    return _MARKDOWN.sub(r"\\\1", " ".join(name.split()))


def quoted(book: CitationBook, evidence: list[Evidence]) -> str:
    """“line” [n]; “line” [m]: the evidence quoted and cited."""
    parts = []
    for ev in evidence:
        n = book.cite(ev)
        text = quote(book.catalog, ev.resume_id, ev.page, ev.line_start, ev.line_end) or ""
        parts.append(f"“{_short(text)}” [{n}]")
    return "; ".join(parts)


def _pool_phrase(retrieved: Retrieved) -> str:
    n = retrieved.considered
    noun = "candidate" if n == 1 else "candidates"
    return {
        "follow_up": f"the {n} {noun} from the previous answer",
        "focus": f"the {n} {noun} in focus",
        "named": f"the {n} named {noun}",
    }.get(retrieved.plan.scope, f"the {n} {noun}")


def _role_span(catalog: Catalog, candidate_id: str) -> str:
    """ "roles from 2013-07 to now: 12 years 4 months (gaps included)", from the profile."""
    for resume in catalog.resumes_of(candidate_id):
        months = resume.profile.experience_months(date.today())
        dated = [p.start for p in resume.profile.roles if p.start is not None]
        if months is not None and dated:
            first = min(dated, key=lambda d: d.ordinal())
            return (
                f"the dated roles run from {first} to "
                f"{'now' if any(p.current for p in resume.profile.roles) else 'the last one'}"
                f", {years_months(months)} (gaps included)."
            )
    return ""


_FIRST_PERSON = re.compile(r"\b(?:I|my|me|we|our)\b")


def _role_said(pos: Position) -> str:
    """ "Data Engineer at Ocado Technology (2018-09 to 2021-03)": a role as the profile reads
    it; a title read from a sentence is left to the quote."""
    parts = [x for x in (pos.title, pos.employer) if x]
    if any(len(x.split()) > 8 or _FIRST_PERSON.search(x) for x in parts):
        parts = []
    what = " at ".join(md_name(x) for x in parts) or "a role (quoted below)"
    if pos.start is None:
        return what
    until = "now" if pos.current else str(pos.end) if pos.end is not None else "?"
    return f"{what} ({pos.start} to {until})"


def _overview_said(catalog: Catalog, candidate_id: str) -> str:
    """ "3 roles since 2013; now Engineering Manager at Stripe (2020-09 to now).": the career
    in one line before the quotes; empty without dated roles."""
    roles = all_roles(catalog, candidate_id)
    dated = [p for _, p in roles if p.start is not None]
    if not dated:
        return ""
    first = min(d.start.ordinal() for d in dated if d.start)
    since = next(d.start for d in dated if d.start and d.start.ordinal() == first)
    count = "1 role" if len(roles) == 1 else f"{len(roles)} roles"
    now = [p for p in dated if p.current]
    latest = f"now {_role_said(now[0])}" if now else f"latest {_role_said(dated[0])}"
    return f"{count} since {since.year}; {latest}."


def _roles_said(catalog: Catalog, candidate_id: str, plan: QueryPlan) -> str:
    """The roles asked for, said before the quotes: "Data Engineer at Ocado (2018-09 to
    2021-03)." or, for every role, how many there are."""
    found = roles_asked(catalog, candidate_id, plan)
    if not found:
        return "no such dated role on the resume."
    named = roles_named(catalog, candidate_id, plan.asked())
    if plan.aspect == "roles" and named and all(rp in named for rp in found):
        today = date.today()
        months = union_months([s for _, p in found if (s := p.span(today)) is not None])
        said = "; ".join(_role_said(p) for _, p in found)
        return f"{said}: {years_months(months)}." if months else said + "."
    if plan.aspect == "roles":
        employers = list(dict.fromkeys(p.employer for _, p in found if p.employer))
        listed = f": {', '.join(md_name(e) for e in employers)}" if employers else ""
        roles = "1 role" if len(found) == 1 else f"{len(found)} roles"
        return f"{roles}{listed}, latest first."
    return _role_said(found[0][1]) + "."


def _current_role(catalog: Catalog, candidate_id: str) -> str:
    """ "Senior Data Engineer at Sunfield Grocers, since 2020." from the profile: the fact first,
    the cited lines under it."""
    held = current_positions(catalog, candidate_id)
    roles = []
    for _, pos in held:
        parts = [x for x in (pos.title, pos.employer) if x]
        # A title read from a sentence ("From 2014 I was ...") is left to the quote below.
        if any(len(x.split()) > 8 or _FIRST_PERSON.search(x) for x in parts):
            parts = []
        what = " at ".join(md_name(x) for x in parts) or "a role (quoted below)"
        if pos.current:
            since = f", since {pos.start}" if pos.start is not None else ""
        else:
            until = f" to {pos.end}" if pos.end is not None else ""
            since = f" ({pos.start}{until})" if pos.start is not None else ""
        roles.append(what + since)
    if not roles:
        return "no dated role on the resume; its first lines:"
    if not any(pos.current for _, pos in held):
        return f"no role is dated to the present; the latest dated one is {roles[0]}."
    return "; ".join(roles) + "."


class ExtractiveStrategy:
    name = "extractive"
    label = "No LLM (extractive)"

    def stream(
        self, retrieved: Retrieved, catalog: Catalog, conversation: Conversation
    ) -> AnswerStream:
        return AnswerStream.of(self.answer(retrieved, catalog, conversation))

    def answer(self, retrieved: Retrieved, catalog: Catalog, conversation: Conversation) -> Answer:
        book = CitationBook(catalog)
        plan = retrieved.plan
        if plan.kind == "match":
            text, about = self._match(retrieved, book)
        elif plan.kind == "about":
            text, about = self._about(retrieved, book, catalog)
        else:
            text, about = self._search(retrieved, book)
        return Answer(
            question=plan.question,
            answer=text,
            citations=book.citations,
            candidates=[g.name for g in about],
            candidate_ids=[g.candidate_id for g in about],
            notices=list(retrieved.notes),
            strategy=self.name,
            unmatched=(plan.requirement or None)
            if plan.kind == "match" and plan.scope != "named" and not retrieved.matched
            else None,
        )

    def _match(
        self, retrieved: Retrieved, book: CitationBook
    ) -> tuple[str, list[CandidateEvidence]]:
        plan = retrieved.plan
        wanted = plan.requirement or "that"
        matched = retrieved.matched
        if plan.scope == "named" or (plan.scope == "follow_up" and len(plan.candidate_ids) == 1):
            lines = []
            # "When was he promoted?" asks for the dates the quotes give, not yes or no
            opening = "" if _WHEN.match(plan.question) else "Yes: "
            for group in retrieved.groups:
                if group.matched:
                    said = f"{group.said}; " if group.said else ""
                    lines.append(
                        f"{opening}**{md_name(group.name)}**: {said}{quoted(book, group.evidence)}"
                    )
                else:
                    listed = f" It lists: {quoted(book, group.evidence)}" if group.evidence else ""
                    lines.append(
                        f"No: **{md_name(group.name)}**'s resume does not mention {wanted}."
                        + listed
                    )
            return "\n\n".join(lines), matched
        if not plan.concepts and plan.excluded_text and not profiled(plan):
            # "Who has never used Java?": the rest of the pool, by name (an absence has no quote).
            names = [md_name(g.name) for g in matched]
            if not names:
                return f"Every one of {_pool_phrase(retrieved)} mentions {plan.excluded_text}.", []
            shown = ", ".join(names[:_NAMES_SHOWN])
            more = f", and {len(names) - _NAMES_SHOWN} more" if len(names) > _NAMES_SHOWN else ""
            return (
                f"**{len(names)} of {_pool_phrase(retrieved)}** do not mention "
                f"“{plan.excluded_text}” anywhere in their resumes: {shown}{more}. "
                f"({retrieved.left_out} do.)",
                matched,
            )
        if not matched and retrieved.left_out:
            # "Kubernetes and Terraform but not AWS": say that the rest was found.
            return (
                f"No candidate matches: {retrieved.left_out} of {_pool_phrase(retrieved)} "
                f"mention {wanted}, but all of them also mention {plan.excluded_text}.",
                [],
            )
        if not matched and retrieved.possible:
            near = retrieved.possible
            head = (
                f"No line in the resumes of {_pool_phrase(retrieved)} states “{wanted}” word for "
                f"word. **{len(near)} come close** (possible matches, check the quotes):"
            )
            rows = [f"- **{md_name(g.name)}**: {quoted(book, g.evidence)} — {g.why}" for g in near]
            return "\n".join([head, "", *rows]), near
        if not matched:
            if plan.fields and not plan.concepts:
                return (
                    f"No candidate matches: none of {_pool_phrase(retrieved)} holds a title in "
                    f"{' or '.join(plan.fields)} now.",
                    [],
                )
            if plan.period is not None or plan.max_years is not None:
                # Stripe is mentioned; no role there falls before 2020.
                return f"No candidate matches: none of {_pool_phrase(retrieved)} has {wanted}.", []
            if not plan.concepts:
                # what the profiles say ("no role held now", "a degree in CS"), not words
                said = (
                    f"has a past role at {_joined(plan.employers, plan.employers_all)} "
                    "and none there now"
                    if plan.employers_former and not plan.role and not plan.place
                    else f"has worked at {_joined(plan.employers, plan.employers_all)}"
                    if plan.employers and not plan.role and not plan.place
                    else f"is based {'near' if plan.place_near else 'in'} {plan.place}"
                    if plan.place and not plan.employers
                    else f"meets “{wanted}”"
                )
                said = said.removesuffix(".")  # "Washington, D.C."
                return f"No candidate matches: none of {_pool_phrase(retrieved)} {said}.", []
            if asks_credential(plan):
                return (
                    f"No candidate matches: none of {_pool_phrase(retrieved)} holds “{wanted}” "
                    "(one in progress or with its exam still ahead does not count).",
                    [],
                )
            return f"No candidate matches: none of {_pool_phrase(retrieved)} mention {wanted}.", []
        but_not = f" but not “{plan.excluded_text}”" if plan.excluded_text else ""
        share = ""
        if plan.operation == "count" and retrieved.considered:
            share = f" ({round(100 * len(matched) / retrieved.considered)}%)"
        head = f"**{len(matched)} of {_pool_phrase(retrieved)}**{share} match “{wanted}”{but_not}:"
        rows = [
            f"- **{md_name(g.name)}**: "
            + "; ".join(p for p in (g.said, quoted(book, g.evidence)) if p)
            for g in matched
        ]
        return "\n".join([head, "", *rows]), matched

    def _about(
        self, retrieved: Retrieved, book: CitationBook, catalog: Catalog
    ) -> tuple[str, list[CandidateEvidence]]:
        plan = retrieved.plan
        if plan.operation == "count":
            return _pool_size(retrieved, catalog), retrieved.groups
        if plan.operation == "compare":
            return _compare(retrieved, book), retrieved.groups
        if plan.operation == "rank":
            return _rank(retrieved, book), retrieved.groups
        title = _ASPECT_TITLES.get(plan.aspect or "", "From the resume")
        blocks = []
        for group in retrieved.groups:
            if not group.evidence:
                what = (plan.aspect or "anything about that").replace("_", " ")
                if plan.aspect == "contact" and (site := site_asked(plan.question)):
                    what = f"a {site} profile"  # "What's Leo's LinkedIn?": none listed
                blocks.append(f"**{md_name(group.name)}**: the resume says nothing about {what}.")
                continue
            rows = []
            for ev in group.evidence:
                n = book.cite(ev)
                text = quote(catalog, ev.resume_id, ev.page, ev.line_start, ev.line_end) or ""
                rows.append(f"- {_short(text)} [{n}]")
            head = f"**{md_name(group.name)}**, {title.lower()}:"
            if plan.scope == "all" and (plan.description or plan.place):
                where = f" in {_short(plan.place)}" if plan.place else ""
                fits = (
                    f"matches “{_short(plan.description)}”"
                    if plan.description and plan.each
                    else f"fits “{_short(plan.description)}” best"
                    if plan.description
                    else "is"
                )
                head = f"**{md_name(group.name)}** {fits}{where}; {title.lower()}:"
            if plan.aspect == "years" and (span := _role_span(catalog, group.candidate_id)):
                head += f" {span}"
            if plan.aspect == "current":
                head += f" {_current_role(catalog, group.candidate_id)}"
            if plan.aspect in ("roles", "first_role", "previous_role"):
                head += " " + _roles_said(catalog, group.candidate_id, plan)
            if plan.aspect == "summary" and (said := _overview_said(catalog, group.candidate_id)):
                head += " " + said
            blocks.append("\n".join([head, *rows]))
        return "\n\n".join(blocks), retrieved.groups

    def _search(
        self, retrieved: Retrieved, book: CitationBook
    ) -> tuple[str, list[CandidateEvidence]]:
        if not retrieved.groups:
            return "Nothing in the resumes answers that question.", []
        rows = [f"- **{md_name(g.name)}**: {quoted(book, g.evidence)}" for g in retrieved.groups]
        head = "The closest passages in the resumes (no exact requirement to check):"
        return "\n".join([head, "", *rows]), retrieved.groups


def _compare(retrieved: Retrieved, book: CitationBook) -> str:
    """A side-by-side table: one row per compared aspect, one column per candidate."""
    groups = retrieved.groups
    head = "| | " + " | ".join(f"**{_short(g.name)}**" for g in groups) + " |"
    rows = [head, "|---" * (len(groups) + 1) + "|"]
    if retrieved.plan.concepts:
        # What the comparison is about comes first: the lines that show it, or that nothing does.
        cells = []
        for group in groups:
            found = [ev for ev in group.evidence if ev.reason == TOPIC]
            cells.append(quoted(book, found) if found else "not mentioned")
        rows.append(f"| “{retrieved.plan.requirement}” | " + " | ".join(cells) + " |")
    for label in COMPARED:
        cells = []
        for group in groups:
            found = [ev for ev in group.evidence if ev.reason == label]
            cells.append(quoted(book, found[:1]) if found else "—")
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    return "Side by side, from their resumes:\n\n" + "\n".join(rows)


def _pool_size(retrieved: Retrieved, catalog: Catalog) -> str:
    """ "17 candidates, from 18 resume files: ..." (the files of one person are one candidate)."""
    names = [md_name(g.name) for g in retrieved.groups]
    per_person = [len(catalog.resumes_of(g.candidate_id)) for g in retrieved.groups]
    files, several = sum(per_person), sum(n > 1 for n in per_person)
    more = f", and {len(names) - _NAMES_SHOWN} more" if len(names) > _NAMES_SHOWN else ""
    who = "person" if several == 1 else "people"
    joined = f" ({several} {who} sent more than one file)" if several else ""
    return (
        f"**{len(names)} candidate{'s' if len(names) != 1 else ''}**, from {files} resume "
        f"file{'s' if files != 1 else ''}{joined}: {', '.join(names[:_NAMES_SHOWN])}{more}."
    )


def _rank(retrieved: Retrieved, book: CitationBook) -> str:
    """Candidates by the span of their dated roles, longest first (or shortest, as asked)."""
    plan = retrieved.plan
    # "Which nurses speak at least 2 languages?": the count among those who match the rest
    narrowed = plan.concepts or plan.place or plan.employers or plan.fields or plan.degree
    verb = "matches" if retrieved.considered == 1 else "match"
    among = f" who {verb} “{plan.requirement}”" if narrowed and plan.requirement else ""
    pool = _pool_phrase(retrieved) + among
    if plan.min_count is not None and plan.aspect in COUNTED:
        least = f"at least {plan.min_count} {COUNTED[plan.aspect]}"
        if not retrieved.considered and among:
            # nobody to count among: say what nobody holds, not "none of the 0 candidates"
            return f"No candidate matches: no resume mentions “{plan.requirement}”."
        if not retrieved.groups:
            return f"No candidate matches: none of {pool} lists {least}."
        lines = [f"**{len(retrieved.groups)} of {pool}** list {least}:", ""]
    elif plan.order_by == "recency":
        lines = [
            f"By the latest dated role that mentions “{plan.requirement}” "
            f"({_pool_phrase(retrieved)}), most recent first:",
            "",
        ]
    elif plan.order_by == "notice":
        order = "shortest first" if plan.shortest_first else "longest first"
        lines = [f"By the notice period they state ({_pool_phrase(retrieved)}), {order}:", ""]
    elif plan.order_by == "graduation":
        order = "earliest first" if plan.shortest_first else "most recent first"
        lines = [
            f"By the year they graduated ({plan.requirement}; {_pool_phrase(retrieved)}), {order}:",
            "",
        ]
    elif plan.aspect in COUNTED:
        order = "fewest first" if plan.shortest_first else "most first"
        lines = [
            f"By {COUNTED[plan.aspect]} listed ({pool}), {order}:",
            "",
        ]
    elif plan.fields:
        order = "shortest first" if plan.shortest_first else "longest first"
        lines = [
            f"By years in roles in {' or '.join(plan.fields)} ({_pool_phrase(retrieved)}), "
            f"{order}:",
            "",
        ]
    elif plan.concepts and not plan.shortest_first:
        lines = [
            f"By years in dated roles that mention “{plan.requirement}” "
            f"({_pool_phrase(retrieved)}), longest first:",
            "",
        ]
    else:
        order = "shortest first" if plan.shortest_first else "longest first"
        basis = (
            plan.requirement
            if plan.role in ("current", "current_employer", "held")
            else "years of dated roles"
        )
        lines = [f"By {basis} ({_pool_phrase(retrieved)}), {order}:", ""]
    undated, more = [], []
    shown = _RANKED_SHOWN
    if plan.min_count is None and _ONE_ASKED.search(plan.question):
        dated = [g for g in retrieved.groups if g.evidence]
        top = dated[0].evidence[0].reason if dated else None
        shown = max(1, sum(1 for g in dated if g.evidence[0].reason == top))
    for group in retrieved.groups:
        if not group.evidence:
            undated.append(group.name)
            continue
        if len(lines) - 2 >= shown and plan.min_count is None:
            # after the one asked for, the ranking goes on in a line (quoted on request)
            reason = group.evidence[0].reason
            more.append(f"{group.name} ({reason})" if shown < _RANKED_SHOWN else group.name)
            continue
        span = group.evidence[0].reason
        lines.append(
            f"{len(lines) - 1}. **{md_name(group.name)}**: {span}; {quoted(book, group.evidence)}"
        )
    if more:
        lines += ["", f"Then {len(more)} more: " + ", ".join(more) + "."]
    if undated:
        none = (
            "No year given for the degree"
            if plan.order_by == "graduation"
            else f"No {COUNTED[plan.aspect]} listed"
            if plan.aspect in COUNTED
            else "No dated roles"
        )
        lines += ["", f"{none}: " + ", ".join(undated) + "."]
    return "\n".join(lines)


def _joined(employers: list[str], every: bool) -> str:
    """ "Spotify and Klarna" when every one is asked, else "Block or Square"."""
    return (" and " if every else " or ").join(employers)
