"""The in-memory view of the store that every question reads: candidates, their resumes and every
resume line, with a keyword index (BM25 for ranking, plus exact term postings so "who has X" can
look at every line of every candidate, not just the best-ranked few).

bm25s scores all lines in about 1 ms at 100k lines; the postings are plain dicts of line
positions. The catalog is rebuilt when the store's generation changes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING

import numpy as np

from assistant.duplicates import ShingleCache, group
from assistant.models import Candidate, Resume, ResumeLine
from assistant.terms import english_words, fold_letters, normalize, stem_words, terms

if TYPE_CHECKING:
    import bm25s


_NICK = re.compile(r"\(([^()\s]+)\)")  # a nickname in a name: "Oluwaseun (Olu) Adeyemi"


@dataclass(frozen=True)
class LineRef:
    resume: Resume
    line: ResumeLine

    @property
    def candidate_id(self) -> str:
        return self.resume.candidate_id


# Parts of contact details that name the person, not what they know: an email's local part
# ("grace.okafor-pm@"), a LinkedIn profile's path and a one-segment handle on a code or social
# site ("github.com/dana-park"). "PMs" must not meet "linkedin.com/in/grace-okafor-pm". The
# site itself stays searchable ("GitHub"), and so does a repository path
# ("github.com/apache/arrow").
_PERSONAL_HANDLE = re.compile(
    r"[\w.%+-]+(?=@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,})"
    r"|(?<=linkedin\.com/)[\w/%.-]+"
    r"|(?:(?<=github\.com/)|(?<=gitlab\.com/)|(?<=twitter\.com/)|(?<=medium\.com/)"
    r"|(?<=\bx\.com/))[\w.-]+(?![\w.-]*/\w)",
    re.IGNORECASE,
)


def searchable(text: str) -> str:
    """A line's text as the search reads it: personal handles blanked, positions kept."""
    return _PERSONAL_HANDLE.sub(lambda m: " " * len(m.group(0)), text)


# A searchable line with its terms and, for list-like lines, the terms of each item.
_AnalysedLine = tuple[ResumeLine, list[str], list[frozenset[str]] | None]


def _analyse(resume: Resume) -> list[_AnalysedLine]:
    out: list[_AnalysedLine] = []
    name = resume.profile.name
    # The candidate's own name is who they are, not what they know: "Swift" in Daniel Swift's
    # name line is no Swift experience.
    own_name = set(terms(name.value)) if name else set()
    for line in resume.lines:
        if line.blank or line.suspicious:
            continue  # flagged lines are kept for the record, never searched or cited
        text = searchable(line.text)
        parts = list_items(text)
        items = [frozenset(terms(part)) for part in parts] if parts else None
        line_terms = terms(text)
        if name and line.page == name.page and line.number == name.line_start:
            line_terms = [t for t in line_terms if t not in own_name]
        out.append((line, line_terms, items))
    return out


@dataclass
class Catalog:
    resumes: dict[str, Resume]
    candidates: dict[str, Candidate]
    lines: list[LineRef] = field(default_factory=list)
    line_terms: list[frozenset[str]] = field(default_factory=list)
    line_tokens: list[list[str]] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)
    by_candidate: dict[str, list[int]] = field(default_factory=dict)
    items: dict[int, list[frozenset[str]]] = field(default_factory=dict)
    # The resumes as stored, before files of one person were joined (rebuilds start from these).
    originals: dict[str, Resume] = field(default_factory=dict)
    _shingles: ShingleCache = field(default_factory=dict)
    _bm25: bm25s.BM25 | None = None
    _line_pos: dict[tuple[str, int | None, int], int] = field(default_factory=dict)
    _by_candidate_resumes: dict[str, list[Resume]] = field(default_factory=dict)
    _analysis: dict[tuple[str, str], list[_AnalysedLine]] = field(default_factory=dict)
    _candidate_frequency: dict[str, int] = field(default_factory=dict)
    _name_forms: dict[str, str | None] = field(default_factory=dict)
    _names_written: dict[tuple[str, str], bool] = field(default_factory=dict)
    _acronyms: dict[str, bool] = field(default_factory=dict)
    _years: dict[int, int] | None = None
    _teams: dict[int, int] | None = None
    _vocabulary: list[str] | None = None
    _stemmed: list[str] | None = None
    _names: tuple[re.Pattern[str] | None, dict[str, list[str]]] | None = None
    _spoken: dict[str, list[int]] | None = None

    @classmethod
    def build(
        cls,
        resumes: Iterable[Resume],
        previous: Catalog | None = None,
        detached: Iterable[str] = (),
    ) -> Catalog:
        """Index ``resumes``. Text analysis of resumes that ``previous`` already indexed (same
        id and content) is reused, so a rebuild after one upload costs little more than BM25.
        Resumes of one person are joined into one candidate (see :mod:`assistant.duplicates`),
        except those in ``detached`` (split by the user)."""
        stored = list(resumes)
        shingles: ShingleCache = {}
        if previous is not None:
            live = {(r.id, r.content_hash) for r in stored}
            shingles = {k: v for k, v in previous._shingles.items() if k in live}
        assignment, why = group(stored, detached, shingles)
        names = {r.candidate_id: r.candidate_name for r in stored}
        joined = [
            r
            if assignment[r.id] == r.candidate_id
            else r.model_copy(
                update={"candidate_id": assignment[r.id], "candidate_name": names[assignment[r.id]]}
            )
            for r in stored
        ]
        ordered = sorted(joined, key=lambda r: (r.candidate_name.lower(), r.source))
        catalog = cls(
            resumes={r.id: r for r in ordered},
            candidates=_candidates(ordered, why),
            originals={r.id: r for r in stored},
            _shingles=shingles,
        )
        cache = previous._analysis if previous is not None else {}
        postings: dict[str, list[int]] = defaultdict(list)
        by_candidate: dict[str, list[int]] = defaultdict(list)
        for resume in ordered:
            catalog._by_candidate_resumes.setdefault(resume.candidate_id, []).append(resume)
            key = (resume.id, resume.content_hash)
            analysed = cache.get(key) or _analyse(resume)
            catalog._analysis[key] = analysed
            for line, line_tokens, items in analysed:
                pos = len(catalog.lines)
                catalog.lines.append(LineRef(resume, line))
                catalog._line_pos[(resume.id, line.page, line.number)] = pos
                catalog.line_tokens.append(line_tokens)
                unique = frozenset(line_tokens)
                catalog.line_terms.append(unique)
                if items is not None:
                    catalog.items[pos] = items
                for term in unique:
                    postings[term].append(pos)
                by_candidate[resume.candidate_id].append(pos)
        catalog.postings = dict(postings)
        catalog.by_candidate = dict(by_candidate)
        return catalog

    def __len__(self) -> int:
        return len(self.candidates)

    def keyword_scores(self, query_terms: Sequence[str]) -> np.ndarray:
        """BM25 score of every line (0 where no query term occurs)."""
        known = [t for t in query_terms if t in self.postings]
        if not self.line_tokens or not known:
            return np.zeros(len(self.lines), dtype=np.float32)
        return np.asarray(self._keyword_index().get_scores(known), dtype=np.float32)

    def _keyword_index(self) -> bm25s.BM25:
        """The BM25 index, built on the first keyword search: listing or removing candidates
        never needs it, nor bm25s and SciPy, which take a while to import."""
        if self._bm25 is None:
            import bm25s

            index = bm25s.BM25()
            index.index(self.line_tokens, show_progress=False)
            self._bm25 = index
        return self._bm25

    def stated_years(self) -> dict[int, int]:
        """Line position -> the largest number of years the line states ("8 years", "10+ yrs")."""
        if self._years is None:
            found: dict[int, int] = {}
            for pos, ref in enumerate(self.lines):
                numbers = [int(n) for n in _STATED_YEARS.findall(ref.line.text)]
                if numbers:
                    found[pos] = max(numbers)
            self._years = found
        return self._years

    def team_sizes(self) -> dict[int, int]:
        """Line position -> the largest team the line says its writer led ("a team of 8",
        "Manage 14 engineers", "Supervised 45 people"; 1 for "Managed the QA team")."""
        if self._teams is None:
            found: dict[int, int] = {}
            for pos, ref in enumerate(self.lines):
                sizes = team_sizes(ref.line.text)
                if sizes:
                    found[pos] = max(sizes)
            self._teams = found
        return self._teams

    def position(self, resume_id: str, page: int | None, number: int) -> int | None:
        return self._line_pos.get((resume_id, page, number))

    def vocabulary(self) -> list[str]:
        """Every term of every searchable line (for spelling correction)."""
        if self._vocabulary is None:
            self._vocabulary = sorted(self.postings)
        return self._vocabulary

    def stemmed_vocabulary(self) -> list[str]:
        """:meth:`vocabulary` with every word stemmed, in the same order: the words kept whole
        as names ("kubernetes") as a misspelt query word is stemmed ("kuberent")."""
        if self._stemmed is None:
            self._stemmed = stem_words(self.vocabulary())
        return self._stemmed

    def spoken_lines(self) -> dict[str, list[int]]:
        """Search term of a spoken language -> the line positions the profiles read it from
        ("portuguese" -> the line "Português — nativo"), built once per catalog."""
        if self._spoken is None:
            spoken: dict[str, list[int]] = defaultdict(list)
            for resume in self.resumes.values():
                for fact in resume.profile.languages:
                    pos = self.position(resume.id, fact.page, fact.line_start)
                    if pos is None:
                        continue
                    for term in set(terms(fact.language, query=True)):
                        spoken[term].append(pos)
            self._spoken = dict(spoken)
        return self._spoken

    def name_matcher(self) -> tuple[re.Pattern[str] | None, dict[str, list[str]]]:
        """One compiled pattern for every candidate's name and aliases (lower case, whole
        words, longest first) and who carries each: a question is scanned once, however many
        candidates there are (a pattern per name costs a compile each at 1,000 names)."""
        if self._names is None:
            owners: dict[str, list[str]] = defaultdict(list)
            for cand in self.candidates.values():
                names = {
                    fold_letters(n.lower().replace("’", "'")) for n in [cand.name, *cand.aliases]
                }
                # "Oluwaseun (Olu) Adeyemi": "Oluwaseun Adeyemi" and "Olu Adeyemi" too
                for n in list(names):
                    if nick := _NICK.search(n):
                        names.add(" ".join((n[: nick.start()] + n[nick.end() :]).split()))
                        rest = n[nick.end() :].split()
                        names.add(" ".join([nick.group(1), *rest]))
                # "jan willem", "pena ortiz": a hyphenated name typed with a space
                names |= {
                    part.replace("-", " ")
                    for n in list(names)
                    for part in [n, *n.split()]
                    if "-" in part
                }
                for name in names:
                    if len(name) >= 3 and cand.id not in owners[name]:
                        owners[name].append(cand.id)
            alternatives = "|".join(re.escape(n) for n in sorted(owners, key=len, reverse=True))
            pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if owners else None
            self._names = (pattern, dict(owners))
        return self._names

    def document_frequency(self, term: str) -> int:
        return len(self.postings.get(term, ()))

    def candidate_frequency(self, term: str) -> int:
        """How many candidates' resumes hold the term (a word one resume repeats counts once)."""
        found = self._candidate_frequency.get(term)
        if found is None:
            found = len({self.lines[p].candidate_id for p in self.postings.get(term, ())})
            self._candidate_frequency[term] = found
        return found

    def _written(self, pos: int, term: str) -> list[tuple[str, bool, bool]]:
        """How line ``pos`` writes the words that have search term ``term``: (word, whether
        it starts a sentence or a bullet, where any word is capitalised, and whether the words
        beside it in its phrase are written in lower case: "in React and Go", not "Lakeview
        Memorial Hospital", where a run of capitals names something else)."""
        text = fold_letters(searchable(self.lines[pos].line.text))  # "Québec" is "Quebec"
        out = []
        for m in _SURFACE.finditer(text):
            word = m.group(0)
            if normalize(word) != term:
                continue
            before = text[: m.start()].rstrip()
            prev = re.search(r"([A-Za-z][\w+#]*)\s+$", text[: m.start()])
            # "University of Michigan": a run of capitals may hold "of" or "de"
            nxt = re.match(
                r"(?:\s+(?:of|de|du|der)(?=\s+[A-Z]))?\s+([A-Za-z][\w+#]*)",
                text[m.end() :],
            )
            alone = not any(w and w.group(1)[:1].isupper() for w in (prev, nxt))
            # the line's first word (after "##", "•", "1)") or the first after a full stop
            first = not re.search(r"[A-Za-z0-9]", before) or before[-1] in ".!?:;-–—|"
            out.append((word, first, alone))
        return out

    def written_word(self, term: str) -> str | None:
        """How a resume first writes a word with search term ``term`` ("commerc" ->
        "Commerce"); None when no resume holds it."""
        for pos in self.postings.get(term, ())[:1]:
            for word, _, _ in self._written(pos, term):
                return word
        return None

    def name_form(self, term: str) -> str | None:
        """The word, in lower case, when the resumes write the term as a name: capitalised on
        its own wherever it does not start a sentence ("in React and Go", "Python, Rust": at
        least :data:`_NAME_SHARE` of 3 or more such places, a run of capitals such as "Lakeview
        Memorial Hospital" saying nothing), and written the one way (that share of all its
        places); None for a plain word ("management", "hospital", "Consultant" beside
        "consulting")."""
        if term in self._name_forms:
            return self._name_forms[term]
        forms: dict[str, int] = defaultdict(int)
        capitalised = plain = capitals = 0
        for pos in self.postings.get(term, ()):
            for word, first, alone in self._written(pos, term):
                forms[word.lower()] += 1
                if first and pos not in self.items:
                    continue  # a sentence starts capitalised; a list's items are named
                if not word[:1].isupper():
                    plain += 1
                elif alone:
                    capitalised += 1
                    capitals += word.isupper() and len(word) > 1
        found = None
        # A name is written one way: "Consultant" and "consulting", "Manager" and "managed"
        # are forms of a word, however often titles capitalise them.
        most = max(forms, key=lambda w: forms[w]) if forms else None
        if (
            most is not None
            and capitalised >= _NAME_PLACES
            and capitalised >= _NAME_SHARE * (capitalised + plain)
            and forms[most] >= _NAME_SHARE * sum(forms.values())
        ):
            found = most
        self._name_forms[term] = found
        # "SQL", "AWS": a name written in capitals; "Swift": one whose capitals are another's
        self._acronyms[term] = capitals * 2 > capitalised
        return found

    def writes_as_name(self, term: str, word: str) -> bool:
        """Whether the resumes write ``word`` (in lower case, one word of search term ``term``)
        as a name wherever they write it, though other words of the same term are plain:
        "Relativity" (the e-discovery tool) beside "employee relations", "Excel" beside
        "excellent". At least one place where no sentence starts must be capitalised on its
        own, and none in lower case."""
        if (term, word) in self._names_written:
            return self._names_written[(term, word)]
        capitalised = 0
        found = True
        for pos in self.postings.get(term, ()):
            for written, first, alone in self._written(pos, term):
                if written.lower() != word or (first and pos not in self.items):
                    continue
                if not written[:1].isupper():
                    found = False  # written plainly somewhere: a word, not (only) a name
                    break
                capitalised += alone
            if not found:
                break
        self._names_written[(term, word)] = found = found and capitalised > 0
        return found

    def written_as_name(
        self, pos: int, term: str, name: str, cased: bool = True, exact: bool = True
    ) -> bool:
        """Whether line ``pos`` writes the term as the name ``name`` (:meth:`name_form`): that
        word or an alias of it that is no English word ("k8s"), not another form of it
        ("reacted", "darts", "elixirs"; without ``exact``, only its plural is another word),
        and with ``cased`` (a name that is also an English word)
        capitalised or in a list ("python, go, rust"): "a swift turnaround" and
        "rust-proofing" are the plain words."""
        listed = pos in self.items
        written = self._written(pos, term)
        if not written:
            return True  # a term the line holds by derivation ("NLP" of a title's initials)
        text = self.lines[pos].line.text
        # A word in capitals in a line that is not ("SWIFT messaging", the banking network) is
        # an acronym, unless the name is written that way ("SQL").
        shouting = text.upper() == text or self._acronyms.get(term, False)
        plural = (f"{name}s", f"{name}es")
        return any(
            (
                word.lower() not in plural
                # exact: the name, or an alias that is no English word ("k8s" of Kubernetes)
                and (not exact or word.lower() == name or word.lower() not in english_words())
            )
            and not (len(word) > 2 and word.isupper() and not shouting)
            and (not cased or word[:1].isupper() or listed)
            for word, _, _ in written
        )

    def resumes_of(self, candidate_id: str) -> list[Resume]:
        return self._by_candidate_resumes.get(candidate_id, [])


# A word as written ("React", "C++", "Node.js"), for how a line writes a search term.
_SURFACE = re.compile(r"[A-Za-z][A-Za-z0-9+#]*")
_NAME_PLACES = 3  # the fewest places a term must be written in to be read as a name
_NAME_SHARE = 0.75  # the share of them capitalised (three in four)

_STATED_YEARS = re.compile(r"\b(\d{1,2})\s*\+?\s*(?:years?|yrs?)\b", re.IGNORECASE)
# "a team of 8", "a brigade of 22", "a squad of about 5".
_TEAM_OF = re.compile(
    r"\b(?:team|squad|group|crew|brigade|staff|department|unit|org(?:anization)?)s?\s+of\s+"
    r"(?:about|around|over|nearly|up to|~)?\s*(\d{1,4})\b",
    re.IGNORECASE,
)
# Leading, before "a team of N" ("Led a team of 8", "Tech lead for a squad of 5"): helping or
# joining a team of 9 is not leading it.
_LEADER = re.compile(
    r"\b(?:manag\w*|lead\w*|led|supervis\w*|direct\w*|oversaw|oversee\w*|head\w*|ran|run\w*|"
    r"responsible for|coach\w*|in charge of)\b",
    re.IGNORECASE,
)
# The verb of leading a few words before "team of" ("Led the platform team of 12", "Tech lead
# for a squad of 5"): further back, it governs something else ("Managed defect triage in Jira
# and TestRail for a team of 12 developers" served that team).
_LEADS_BEFORE = re.compile(_LEADER.pattern + r"(?:\W+[\w'-]+){0,4}?\W+$", re.IGNORECASE)
# "Manage 14 engineers", "Lead 7 account executives", "Supervised 45 people": a verb of leading,
# a number, then (within two words) a noun for people. The noun is told by its form (an agent
# or role suffix: engineers, analysts, technicians, assistants, executives, employees) or by
# being one of the few plain words for people; "led 12 post-incident reviews" is not a team.
_LEADS_N = re.compile(
    r"\b(?:manag\w*|lead|leads|leading|led|supervis\w*|direct(?:s|ed|ing)?|oversaw|oversee\w*|"
    r"head(?:s|ed|ing)?|ran|run|runs|running|responsible for|coach(?:es|ed|ing)?)\s+"
    r"(?:a\s+|an\s+)?(?:team\s+of\s+)?(?:about|around|over|nearly|up to|~)?\s*(\d{1,4})\s+"
    r"((?:[\w-]+\s+){0,2}[\w-]+)",
    re.IGNORECASE,
)
_PEOPLE_NOUN = re.compile(
    # "-ents" are people (students, residents, agents) but "-ments" things ("ran 12
    # experiments", "led 40 deployments"), as are events, incidents and components
    r"(?:ers|ors|ists|ians|ants|(?<!m)(?<!ev)(?<!incid)(?<!compon)ents|ees|ives|people|"
    r"persons|staff|reports|members|nurses|cooks|chefs|hires|folks|leads|managers|reps)$",
    re.IGNORECASE,
)


# A team led with no size said ("Managed the QA team", "Lead two teams", "Supervise nursing
# staff", "Team Lead, Payments"): a verb of leading, then within three words a team or a plain
# word for people; or a title that manages people. "Tech lead" is left out: it leads the work,
# not always the people.
_LEADS_TEAM = re.compile(
    r"\b(?:manag(?:e|ed|es|ing)|lead|leads|leading|led|supervis(?:e|ed|es|ing)|"
    r"head(?:s|ed|ing)?|direct(?:s|ed|ing)|oversaw|oversee(?:s|ing)?|in charge of)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:teams?|squads?|crews?|staff|people|direct reports|employees|"
    r"engineers|developers|nurses|analysts|technicians|agents)\b|"
    r"\b(?:team\s+lead(?:er)?|(?:people|line|engineering|nurse|nursing)\s+manager)\b",
    re.IGNORECASE,
)


def team_sizes(text: str) -> list[int]:
    """The team sizes a line states, as in :meth:`Catalog.team_sizes`; a team led without a
    size counts as 1 (at least one person)."""
    sizes = [
        int(m.group(1)) for m in _TEAM_OF.finditer(text) if _LEADS_BEFORE.search(text[: m.start()])
    ]
    for number, following in _LEADS_N.findall(text):
        words = following.split()
        if any(_PEOPLE_NOUN.search(w) for w in words):
            sizes.append(int(number))
    if not sizes and _LEADS_TEAM.search(text):
        sizes.append(1)
    return list(dict.fromkeys(sizes))  # "Led a team of 8 engineers" is read by both patterns


_ITEM_SPLIT = re.compile(r"[,;|•·]\s*(?![^()]*\))")


def list_items(text: str) -> list[str] | None:
    """The items of a list-like line ("English (native), Spanish (basic)"), else None."""
    body = text.split(":", 1)[1] if ":" in text[:40] else text
    parts = [p.strip() for p in _ITEM_SPLIT.split(body) if p.strip()]
    if len(parts) >= 2 and all(len(p.split()) <= 5 for p in parts):
        return parts
    return None


def file_label(source: str) -> str:
    """ "candidate_0427.txt" -> "Candidate 0427": how a file is called in speech."""
    stem = PurePath(source).stem
    words = re.split(r"[\s_.-]+", stem)
    return " ".join(w.capitalize() if not w.isupper() else w for w in words if w) or stem


# Words that name a document, not a person: a file called "Resume.pdf" or "CV final 2.docx" is
# no name to ask about ("whose resume mentions Kafka?").
_DOCUMENT_WORDS = frozenset(
    "resume resumes cv cvs curriculum vitae profile document doc file final new latest "
    "updated update copy version draft my".split()
)


def _generic_label(label: str) -> bool:
    return all(w.lower() in _DOCUMENT_WORDS or w.isdigit() for w in label.split())


def _richness(resume: Resume) -> tuple[int, int, int]:
    p = resume.profile
    return (len(p.positions) + len(p.education), len(resume.lines), -len(resume.source))


def _candidates(resumes: Sequence[Resume], why: dict[str, list[str]]) -> dict[str, Candidate]:
    out: dict[str, Candidate] = {}
    best: dict[str, Resume] = {}
    for resume in resumes:
        ident = resume.identity
        cand = out.get(resume.candidate_id)
        if cand is None:
            cand = out[resume.candidate_id] = Candidate(
                id=resume.candidate_id,
                name=resume.candidate_name,
                named=resume.candidate_id.startswith("name:"),
                merged=why.get(resume.candidate_id, []),
            )
        cand.email = cand.email or ident.email
        cand.phone = cand.phone or ident.phone
        cand.links.extend(link for link in ident.links if link not in cand.links)
        cand.sources.append(resume.source)
        cand.resume_ids.append(resume.id)
        label = file_label(resume.source)
        if not cand.named and label not in cand.aliases and not _generic_label(label):
            cand.aliases.append(label)
        # A name-less file joined to a named candidate is no longer name-less.
        own = [w for w in resume.warnings if not (cand.named and w.startswith("No name found"))]
        cand.warnings.extend(w for w in own if w not in cand.warnings)
        if resume.candidate_id not in best or _richness(resume) > _richness(
            best[resume.candidate_id]
        ):
            best[resume.candidate_id] = resume
    for cid, resume in best.items():
        cand = out[cid]
        profile = resume.profile
        current = profile.current_positions()
        cand.profile_resume_id = resume.id
        cand.title = next((p.title for p in current if p.title), None)
        cand.employer = "; ".join(dict.fromkeys(p.employer for p in current if p.employer)) or None
        cand.location = profile.location.text if profile.location else None
    return out
