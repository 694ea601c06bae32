"""Who a resume belongs to: name, headline, emails, phones, links and location, each with the
line it was read from; and the candidate id built from them.

The name is looked for at the top of the resume (the header, and the lines before the first
summary / experience / education heading, where exports such as LinkedIn's put it after a
sidebar). It may share its line with an email, phone or link ("Priya Raman priya@raman.dev"),
carry titles and credentials ("Dr. Amal Haddad, PhD", "Aoife Brennan RGN"), be in capitals or
surname first ("NAKAMURA Kenji"), and have accents, hyphens, particles and apostrophes. A line
further down (past the header) is taken for the name only when the email or a link corroborates
it. Resumes without a name get a readable label (the email's user, a profile handle, else the
headline and the file) and a candidate of their own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath

import phonenumbers

from assistant import places
from assistant.catalog import file_label
from assistant.models import Identity, Location, Phone, ResumeLine, TextFact
from ingest.positions import is_title

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_SITE_TLDS = "com|io|dev|me|design|net|org|app|co|ai|tech|site|page|xyz|info|pro|studio|eu|uk|de"
LINK = re.compile(
    r"(?<![@\w.])(?:https?://)?(?:www\.)?(?:[a-z0-9][a-z0-9-]*\.)+(?:" + _SITE_TLDS + r")\b"
    r"(?:/[\w./%~-]*)?",
    re.IGNORECASE,
)
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(
    r"^\s*(?:#+\s*|>\s*|(?i:(?:full\s+)?name)\s*:\s*)|\*\*|__|(?<!\w)[*_](?!\s)|(?<!\s)[*_](?!\w)"
)
_SEPARATORS = re.compile(r"\s+[|•·–—/]\s+|\s+-{1,2}\s+|,|\t|\s{2,}|\s+\(")
_TITLES = {
    "dr", "mr", "mrs", "ms", "mx", "prof", "professor", "sir", "dame", "rev",
    # academic and professional titles written before a name in Europe and Latin America
    "dipl.-ing", "dipl", "dr.-ing", "mag", "ing", "lic", "engr", "arq",
}  # fmt: skip
_PARTICLES = {
    "van", "von", "der", "den", "de", "da", "di", "del", "della", "la", "le", "du", "dos",
    "das", "ten", "ter", "bin", "binti", "al", "el", "y", "e", "st", "af", "zu",
}  # fmt: skip
# Words that open resumes but are not names: document words, section words, job-title words.
_NOT_NAME = set(
    """
    resume curriculum vitae cv profile summary contact engineer developer manager analyst
    scientist designer consultant senior junior lead objective experience education skills
    candidate applicant confidential page references the and of at in for with to on
    director head nurse teacher accountant chef paralegal specialist officer architect
    administrator coordinator assistant associate intern student graduate technician
    representative executive generalist tester researcher professor lecturer instructor
    engineering management systems software data sales marketing operations product services
    solutions technology technologies development design research science platform security
    cloud infrastructure mobile frontend backend full stack web top certifications languages
    honors awards projects work history portfolio team university college school institute
    inc llc ltd company group personal details persönliche daten datos personales dados
    pessoais lebenslauf
    """.split()
)
_DATE_LIKE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}")
_TOP_END_SECTIONS = {"summary", "experience", "education", "projects"}
_TOP_MAX_LINES = 40
_HEADER_NAME_LINES = 6


@dataclass
class Contact:
    name: TextFact | None = None
    headline: TextFact | None = None
    emails: list[TextFact] = field(default_factory=list)
    phones: list[Phone] = field(default_factory=list)
    links: list[TextFact] = field(default_factory=list)
    location: Location | None = None

    def identity(self) -> Identity:
        return Identity(
            name=self.name.value if self.name else None,
            email=self.emails[0].value if self.emails else None,
            phone=self.phones[0].text if self.phones else None,
            links=[link.value for link in self.links],
        )


def _fact(line: ResumeLine, value: str, end: ResumeLine | None = None) -> TextFact:
    last = end or line
    return TextFact(page=line.page, line_start=line.number, line_end=last.number, value=value)


def top_lines(lines: list[ResumeLine]) -> list[ResumeLine]:
    """The lines where a name and contact details live: everything before the first summary,
    experience, education or projects heading (at most the first 40 lines)."""
    out: list[ResumeLine] = []
    for line in lines[:_TOP_MAX_LINES]:
        if line.heading and line.section in _TOP_END_SECTIONS:
            break
        out.append(line)
    return out


def _strip_contacts(text: str) -> str:
    text = _MD_LINK.sub(r"\1", text)
    text = EMAIL.sub(" ", text)
    text = LINK.sub(" ", text)
    return re.sub(r"\+?\(?\d[\d\s().-]{6,}\d", " ", text)


def _is_credential(token: str, others_mixed: bool) -> bool:
    bare = token.strip(".,")
    if bare.lower().replace(".", "") in {"phd", "md", "mba", "msc", "ms", "bsn", "rn", "cpa"}:
        return True
    letters = re.sub(r"[.()-]", "", bare)  # "P.E.", "CA(SA)"
    return others_mixed and letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 8


def _name_word(word: str) -> bool:
    if re.fullmatch(r"[A-Z]\.", word):
        return True
    return (
        bool(re.fullmatch(r"[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*", word)) and word[0].isupper()
    )


# "OKAFOR, Chinedu", "VAN DER BERG, Jan": the surname in capitals, a comma, the given names.
_SURNAME_FIRST = re.compile(
    r"(?P<surname>[^\W\d_a-z]{2,}(?:[ '’-][^\W\d_a-z]{2,}){0,2}),\s+"
    r"(?P<given>[^\W\d_][^\W\d_'’-]*(?:\s+[^\W\d_][^\W\d_'’.-]*)?)"
)


# A nickname between the given name and the surname: "Oluwaseun (Olu) Adeyemi", 'Robert "Bob"
# Lane'.
_NICKNAME = re.compile(r"(?<=\w)\s+[(“\"]([^\W\d_][\w'’-]*)[)”\"]\s+(?=\w)")


def name_in(text: str) -> str | None:
    """The person's name a line starts with, or None; a nickname is kept in parentheses after
    the given name ("Oluwaseun (Olu) Adeyemi")."""
    cleaned = _MARKUP.sub(" ", _strip_contacts(text)).strip(" *_|#>")
    if (nick := _NICKNAME.search(cleaned)) is not None:
        name = name_in(cleaned[: nick.start()] + " " + cleaned[nick.end() :])
        if name is None or not _name_word(nick.group(1)):
            return name
        tokens = name.split()
        # where it was written: after the given names before it ("Maria Theresa (Tess) ...")
        said = {w.lower() for w in cleaned[: nick.start()].split()}
        at = min(max(sum(t.lower() in said for t in tokens), 1), len(tokens) - 1)
        return " ".join([*tokens[:at], f"({nick.group(1)})", *tokens[at:]])
    if (
        (m := _SURNAME_FIRST.fullmatch(cleaned))
        and not m.group("given").isupper()
        and places.parse(cleaned) is None  # "AUSTIN, Texas" is a place
    ):
        surname = " ".join(_capitalise(w) for w in m.group("surname").split())
        cleaned = f"{m.group('given')} {surname}"
    first = next((p.strip() for p in _SEPARATORS.split(cleaned) if p.strip()), "")
    tokens = first.split()
    while tokens and tokens[0].lower().rstrip(".") in _TITLES:
        tokens = tokens[1:]
    if (name := _name_of(tokens)) is not None:
        return name
    # "Grace Adeyemi .NET Developer": a job title after the name, with no separator
    for k in range(len(tokens) - 1, 1, -1):
        if is_title(" ".join(tokens[k:]), plural=False) and (name := _name_of(tokens[:k])):
            return name
    return None


def _name_of(tokens: list[str]) -> str | None:
    """The name these words are, or None."""
    mixed = [t for t in tokens if not t.isupper()]
    while len(tokens) > 2 and _is_credential(tokens[-1], others_mixed=bool(mixed)):
        tokens = tokens[:-1]
    if not 2 <= len(tokens) <= 5 or len(" ".join(tokens)) > 48:
        return None
    words = [t for t in tokens if len(t.strip(".")) > 1]
    caps = [t for t in words if t.isupper()]
    if len(caps) == len(words):
        tokens = [t if len(t.strip(".")) == 1 else _capitalise(t) for t in tokens]
    elif caps and tokens[0] in caps and len(caps) == 1:
        tokens = [*tokens[1:], _capitalise(tokens[0])]  # "NAKAMURA Kenji": surname first
    # Particles are written in lowercase ("van der Berg"); a capitalised one is a name ("Di").
    if tokens[0] in _PARTICLES or tokens[-1] in _PARTICLES:
        return None
    for token in tokens:
        if token in _PARTICLES:
            continue
        if not _name_word(token) or token.lower().strip(".") in _NOT_NAME:
            return None
    name = " ".join(tokens)
    if places.city(name) or places.country(name) or places.region(name):
        return None
    return name


def _capitalise(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def _fold_letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", places.fold(text))


def _corroborated(name: str, contact_text: str) -> bool:
    """Whether an email or link holds a good part of the name ("gracewashi..." for Grace
    Washington, "mchenholloway" for Margaret Chen-Holloway). A title word is no part of a name:
    "wkamau.pharm@" bears out no "Registered Pharmacist"."""
    parts = [
        _fold_letters(p)
        for p in name.split()
        if len(_fold_letters(p)) >= 3 and not is_title(p, plural=False)
    ]
    return any(p[:4] in contact_text for p in parts)


def read_contact(lines: list[ResumeLine]) -> Contact:
    contact = Contact()
    top = top_lines(lines)
    content = [ln for ln in top if not ln.blank and not ln.suspicious]
    for line in lines:
        if line.suspicious:
            continue
        for m in EMAIL.finditer(line.text):
            if m.group(0).lower() not in {e.value.lower() for e in contact.emails}:
                contact.emails.append(_fact(line, m.group(0)))
    _read_links(content, contact)
    contact_text = " ".join(
        _fold_letters(x.value.split("@")[0] if "@" in x.value else x.value)
        for x in [*contact.emails, *contact.links]
    )
    header_content = [ln for ln in content if not ln.heading][:_HEADER_NAME_LINES]
    name_line: ResumeLine | None = None
    for line in content:
        found = name_in(line.text)
        if found is None:
            continue
        if (
            line.heading
            and not line.text.lstrip().startswith("#")
            and not _corroborated(found, contact_text)
        ):
            # A heading in capitals is a name only when the contact details bear it out
            # ("HANNAH SCHULTZ" under a sidebar, beside hannah.schultz@...).
            continue
        in_header = line in header_content and line.section == "header"
        if in_header or _corroborated(found, contact_text):
            contact.name, name_line = _fact(line, found), line
            break
    contact.location = _read_location(content)
    region = _region_code(contact.location)
    _read_phones(content, contact, region)
    contact.headline = _read_headline(content, name_line, contact)
    return contact


def _read_links(content: list[ResumeLine], contact: Contact) -> None:
    for i, line in enumerate(content):
        text = _MD_LINK.sub(lambda m: m.group(0).split("](")[0].lstrip("["), line.text)
        for m in LINK.finditer(EMAIL.sub(" ", text)):
            link = m.group(0).rstrip("./")
            end = None
            # Exports break long profile URLs: "linkedin.com/in/gracewashi" + "ngton-em (LinkedIn)".
            nxt = content[i + 1] if i + 1 < len(content) else None
            if (
                "/" in link
                and nxt is not None
                and nxt.number == line.number + 1
                and (
                    tail := re.match(r"^([\w-]+)\s*\((?:linkedin|github|profile)\)", nxt.text, re.I)
                )
            ):
                link, end = link + tail.group(1), nxt
            if link.lower() not in {x.value.lower() for x in contact.links}:
                contact.links.append(_fact(line, link, end))


def _segments(text: str) -> list[str]:
    """A header line cut at its separators (never inside parentheses)."""
    text = re.sub(r"^\s*\**\s*contact\s*:?\s*\**\s*:?", "", _MD_LINK.sub(r"\1", text), flags=re.I)
    text = _MARKUP.sub(" ", text)
    pieces = re.split(r"(\s+[|•·–—/]\s+|\s+-{1,2}\s+|\t|\s{2,})", text)
    out: list[str] = []
    current = ""
    for i, piece in enumerate(pieces):
        if i % 2 == 1 and current.count("(") <= current.count(")"):
            out.append(current)
            current = ""
        else:
            current += piece
    out.append(current)
    # "Address: Hyderabad, Telangana", "Email:" (its address taken out): the label is no part
    # of what it labels.
    return [s for s in (_CONTACT_LABEL.sub("", s).strip() for s in out) if s]


_CONTACT_LABEL = re.compile(
    r"^\s*(?:e-?mail|mobile|mob|phone|ph|tel(?:ephone)?|cell|contact(?:\s+no\.?)?|address|"
    r"location|city|residence|current\s+location|linkedin|github|web(?:site)?|portfolio)"
    r"\s*[:：]\s*",
    re.IGNORECASE,
)


# Lines of a European CV's personal details that name a place where the person does not live.
_NOT_RESIDENCE = re.compile(
    r"^\s*(?:place\s+of\s+birth|birth\s*place|born\s+in|date\s+of\s+birth|nationality|"
    r"citizenship)\b",
    re.IGNORECASE,
)
_LEADING_POSTCODE = re.compile(r"^\s*(?:[A-Z]{1,2}-)?\d{3,6}(?:-\d{3,4})?\s+")


def _address_place(segment: str) -> places.Place | None:
    """The place at the end of a postal address: "Leopoldstraße 112, 80802 München, Germany"
    -> München, Germany (the street and the postcode before the city left out)."""
    pieces = [p.strip() for p in segment.split(",") if p.strip()]
    for k in range(1, len(pieces)):
        tail = _LEADING_POSTCODE.sub("", ", ".join(pieces[k:]))
        if (place := places.parse(tail, address=True)) is not None:
            return place
    return None


def _read_location(content: list[ResumeLine]) -> Location | None:
    for line in content:
        if _NOT_RESIDENCE.match(line.text):
            continue
        for segment in _segments(_strip_contacts_keep_commas(line.text)):
            place = places.parse(segment, address=True) or (
                _address_place(segment) if re.search(r"\d", segment) else None
            )
            if place is not None:
                return Location.on(
                    line, text=segment, city=place.city, region=place.region, country=place.country
                )
    return None


def _strip_contacts_keep_commas(text: str) -> str:
    text = EMAIL.sub(" | ", _MD_LINK.sub(r"\1", text))
    return LINK.sub(" | ", text)


def _region_code(location: Location | None) -> str:
    """Where phone numbers without a country code are read from ("US" when unknown)."""
    code = places.country_code(location.country) if location and location.country else None
    return code or "US"


def _read_phones(content: list[ResumeLine], contact: Contact, region: str) -> None:
    seen: set[str] = set()
    for line in content:
        if "orcid" in line.text.lower():
            continue  # ORCID iDs are digit groups that read like numbers
        matcher = phonenumbers.PhoneNumberMatcher(
            line.text, region, leniency=phonenumbers.Leniency.POSSIBLE
        )
        for match in matcher:
            digits = re.sub(r"\D", "", match.raw_string)
            if len(digits) < 9 or _DATE_LIKE.fullmatch(match.raw_string.strip()):
                continue  # a licence number or a date, not a phone
            e164 = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
            if e164 not in seen:
                seen.add(e164)
                contact.phones.append(Phone.on(line, text=match.raw_string, e164=e164))


def _read_headline(
    content: list[ResumeLine], name_line: ResumeLine | None, contact: Contact
) -> TextFact | None:
    """The title under the name ("Android Engineering Lead"), without contact details."""
    start = content.index(name_line) if name_line is not None else 0
    candidates = content[start : start + 4]
    for line in candidates:
        segments = _segments(_strip_contacts(line.text))
        if line is name_line:
            segments = segments[1:]
        kept = [
            s
            for s in segments
            if places.parse(s) is None
            and re.search(r"[^\W\d_]{2,}", s)
            and not s.lower().startswith(("open to", "remote"))
        ]
        if line.heading and line is not name_line and not line.text.lstrip().startswith("#"):
            if line.section == "header":
                continue  # front matter, comments, a "Contact" label
            break
        text = " · ".join(kept).strip(" *_#")
        if text and len(text.split()) <= 14 and name_in(text) is None:
            return _fact(line, text)
    return None


def find_identity(lines: list[ResumeLine]) -> Identity:
    return read_contact(lines).identity()


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def unnamed_label(contact: Contact, source: str, headline: str | None = None) -> str:
    """A readable label for a resume without a name: the email's user, a profile handle, or
    the headline with the file name; never a hash."""
    if contact.emails:
        return contact.emails[0].value.split("@")[0]
    for link in contact.links:
        path = link.value.split("/", 1)[1] if "/" in link.value else ""
        handle = path.strip("/").split("/")[-1] if path else ""
        if handle and handle.lower() not in ("in", "pub"):
            return handle
    title = headline or (contact.headline.value if contact.headline else None)
    name = PurePath(source).name
    return f"{title} ({name})" if title else file_label(source)


def candidate_of(
    identity: Identity, source: str, label: str | None = None
) -> tuple[str, str, bool]:
    """(candidate id, display name, named) for a resume."""
    if identity.name:
        return f"name:{slug(identity.name)}", identity.name, True
    return f"file:{slug(source)}", label or file_label(source), False
