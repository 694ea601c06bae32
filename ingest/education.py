"""Education lines -> degrees: level, the degree as written, field, school, year, completed.

Degree levels are normalised from the many ways resumes write them ("M.S.", "MSc", "Master of
Science", "Masters", "MS in ...", "B.Tech", "BA (Hons)", "Ph.D.", "Associate of Applied
Science", "Diploma in ..."). Abbreviations count in the education section only ("MS" and "MA" are
also states); spelled-out degrees ("Master of Science in ...", "PhD in ...", "an MBA") count
anywhere. A degree the resume says was not finished ("started a PhD ... and left", "did not
finish") is kept with ``completed=False``.
"""

from __future__ import annotations

import re

from assistant.models import Degree, DegreeLevel, ResumeLine

_ABBREVIATED: list[tuple[DegreeLevel, str]] = [
    ("doctorate", r"Ph\.?\s?D\.?|D\.?Phil\.?|Ed\.?D\.?|M\.D\.|MD|J\.D\.|JD|DNP|Pharm\.?D\.?|"
                  r"DDS|DVM|Psy\.?D\.?"),
    ("master", r"M\.?\s?Sc\.?|M\.S\.|MS|M\.A\.|MA|M\.?Eng\.?|MBA|M\.B\.A\.|MPH|MSN|MFA|M\.?Ed\.?|"
               r"MSE|MSEE|MSCS|MSME|"
               r"MPA|MPP|LL\.?M\.?|M\.?Tech\.?|MArch|MRes|MPhil|M\.?Litt|M\.?Des|"
               r"M(?:\.[A-Z][a-z]?){1,3}\.|M\.(?:Pharm|Com|Arch|Mus|Phil)\b\.?"),
    ("bachelor", r"B\.?\s?Sc\.?|B\.S\.|BS|B\.A\.|BA|B\.?Eng\.?|B\.E\.|B\.?Tech\.?|BSN|BBA|BFA|"
                 r"BSE|B\.S\.E\.|BSEE|BSME|BSCS|BSBA|BSIE|"
                 r"BArch|B\.?Com\.?|LL\.?B\.?|A\.B\.|B\.?Des|B(?:\.[A-Z][a-z]?){1,3}\.|"
                 r"B\.(?:Pharm|Arch|Mus|Ed)\b\.?"),
    ("associate", r"A\.A\.S\.|AAS|A\.S\.|AS|A\.A\.|AA|ADN|ASN"),
    ("diploma", r"HND|GED"),
    # postgraduate certificates and diplomas: "PGCE Secondary Mathematics with QTS"
    ("certificate", r"PGCE|PGDE|PGDip|PgDip|PGCert|PgCert"),
]  # fmt: skip
_SPELLED: list[tuple[DegreeLevel, str]] = [
    (
        "doctorate",
        r"\b(?:doctor of \w+|doctorate|doctoral degree|ph\.?\s?d\.?(?= in\b)|"
        r"doctorado|doutorado|doctorat|dottorato)",
    ),
    # in Spanish, Portuguese, French, German and Italian too: "Máster en ...", "Mestrado em
    # ...", "Diplom-Ingenieur", "Diplôme d'ingénieur" (both a master's level), "Grado en ..."
    # A bare "Master" only in the education section (see _BARE_MASTER): elsewhere it is "Master
    # Teacher", "master data", "Scrum Master".
    (
        "master",
        r"\b(?:(?<!scrum )m[aá]ster(?:'s|’s|s\b| of| degree| (?:en|em|in)\b)|mba\b|"
        r"postgraduate degree|"
        r"maestr[ií]a|mestrado|magister|laurea magistrale|diplom-ingenieur\w*|"
        r"dipl[oô]me d['’]ing[eé]nieur)",
    ),
    (
        "bachelor",
        r"\b(?:bachelor(?:'s|’s|s)?(?: of| degree|\b)|licenciatura|laurea|"
        r"grado en\b|bacharelado|licence (?:en|de|d['’]))",
    ),
    ("associate", r"\b(?:associate(?:'s|’s)? (?:of|degree)|associate in applied)"),
    ("diploma", r"\b(?:higher national |high school )?diploma\b"),
    # "Certificate III in Early Childhood Education" (Australia's numbered levels)
    ("certificate", r"\b(?:graduate |postgraduate )?certificate(?: [IVX]{1,4})? in\b"),
]
_ABBR = re.compile(
    r"(?<![\w.])(?P<deg>"
    + "|".join(f"(?P<a{i}>{p})" for i, (_, p) in enumerate(_ABBREVIATED))
    + r")(?![\w])"
)
_LONG = re.compile(
    r"(?P<deg>" + "|".join(f"(?P<s{i}>{p})" for i, (_, p) in enumerate(_SPELLED)) + r")",
    re.IGNORECASE,
)
# "Master 2 Mathématiques appliquées", "Master, Hotel Management": a master's named alone, in
# the education section; not "master data" or a "Scrum Master" certificate.
_BARE_MASTER = re.compile(r"(?<!scrum )\bm[aá]ster\b(?!['’]| data\b| of\b)", re.IGNORECASE)
_UNFINISHED = re.compile(
    r"\b(?:left|did not finish|didn't finish|not completed|incomplete|unfinished|dropped out|"
    r"withdrew|abd|in progress|expected|candidate|ongoing|started)\b",
    re.IGNORECASE,
)
_INSTITUTION = re.compile(
    r"\b(?:universit\w*|universidad\w*|univ\.|college|institute|institut\w*|school|"
    r"polytechnic|politecnico|faculdade|facultad|escola|"
    r"politècnica|academy|academia|conservatory|escuela|scuola|hochschule|ecole|école|uqam)\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_CLAUSE = re.compile(r"(?<=[a-z0-9]{2}[.;])\s+(?=[A-Z])")  # sentence ends, not "M.S. Physics"
_SPLIT = re.compile(r"\s*(?:,|—|–|\s-{1,2}\s|\||·|\(|\))\s*")


def _level_of(
    match: re.Match[str], table: list[tuple[DegreeLevel, str]], prefix: str
) -> DegreeLevel:
    for i, (level, _) in enumerate(table):
        if match.group(f"{prefix}{i}"):
            return level
    raise AssertionError("a degree match always names its level")


def _school(parts: list[str], degree: str) -> str | None:
    for part in parts:
        if part and part != degree and _INSTITUTION.search(part):
            return part.strip(" .*")
    for part in parts:
        first = part.split()[0] if part.split() else ""
        letters = first.replace(".", "")
        if (
            part != degree
            and 2 <= len(letters) <= 6
            and letters.isupper()
            and len(part.split()) <= 4
            and not _ABBR.fullmatch(first)
        ):
            return part.strip(" .*")  # "IIT Madras", "KTH", "NUI Galway"
    return None


_QUALIFIER = (
    r"\s*(?:hons|honou?rs|part[- ]time|full[- ]time|online|evening|distance|expected|"
    r"in progress|ongoing|incomplete|summa|magna|cum laude|distinction|first class|with )"
)


def _field(after: str) -> str | None:
    # "in" / "of", and the same word in Spanish, Portuguese, French, German and Italian
    text = re.sub(
        r"^\s*(?:-\s*\w+\s*)?[,:]?\s*(?:(?:in|of|en|em|de|d['’]|der|im|di)\b\s*)?", "", after
    )
    # "B.Tech (Computer Science)": the field in parentheses right after the degree, unless
    # they say how it was taken ("(Hons)", "(part-time)")
    text = re.sub(r"^\(" + _QUALIFIER + r"[^()]*\)[\s,]*", "", text, flags=re.I)
    text = re.sub(r"^\((?:in\s+)?([^()\d]{3,60})\)", r"\1", text, flags=re.I)
    field = _SPLIT.split(text.strip())[0].strip(" .*") if text.strip() else ""
    if not field or _INSTITUTION.search(field) or _YEAR.search(field) or len(field.split()) > 8:
        return None
    return field


def _degrees_in(text: str, in_education: bool) -> list[tuple[DegreeLevel, str, str, str]]:
    """(level, degree as written, text after it, the clause) for each degree in a line."""
    found: list[tuple[DegreeLevel, str, str, str]] = []
    for clause in _CLAUSE.split(text):
        matches: list[tuple[int, DegreeLevel, str, int]] = []
        for m in _LONG.finditer(clause):
            matches.append((m.start(), _level_of(m, _SPELLED, "s"), m.group(0), m.end()))
        if in_education:
            for m in _BARE_MASTER.finditer(clause):
                if not any(s <= m.start() < e for s, _, _, e in matches):
                    matches.append((m.start(), "master", m.group(0), m.end()))
            for m in _ABBR.finditer(clause):
                if not any(s <= m.start() < e for s, _, _, e in matches):
                    matches.append(
                        (m.start(), _level_of(m, _ABBREVIATED, "a"), m.group(0), m.end())
                    )
        ordered = sorted(matches)
        # A joint degree ("J.D./M.B.A.", "BA/MA"): each degree written with a slash after it
        joint = ordered[:1]
        for match in ordered[1:]:
            if clause[joint[-1][3] : match[0]].strip() != "/":
                break
            joint.append(match)
        for _, level, written, _ in joint:
            if level == "certificate" and not in_education:
                continue
            found.append((level, written.strip(), clause[joint[-1][3] :], clause))
    return found


def read_education(lines: list[ResumeLine]) -> list[Degree]:
    degrees: list[Degree] = []
    content = [ln for ln in lines if not ln.blank and not ln.heading and not ln.suspicious]
    for i, line in enumerate(content):
        in_education = line.section == "education"
        text = re.sub(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)|^\s*[-•*◦]\s+", "", line.text)
        for level, written, after, clause in _degrees_in(text, in_education):
            parts = [p.strip() for p in _SPLIT.split(clause) if p.strip()]
            school = _school(parts, written)
            end_line = line
            nxt = content[i + 1] if i + 1 < len(content) else None
            if school is None and in_education:
                # The school on the line above (LinkedIn: school, then degree) or on the next
                # line (a wrapped degree line).
                # Two lines up too: a German CV puts the subject between ("Technische
                # Universität München" / "Studium Maschinenbau" / "Abschluss: Diplom-Ingenieur").
                for other in (
                    content[i - 1] if i else None,
                    nxt,
                    content[i - 2] if i > 1 else None,
                ):
                    if (
                        other is not None
                        and other.section == "education"
                        and not _degrees_in(other.text, True)
                    ):
                        school = _school([p.strip() for p in _SPLIT.split(other.text)], written)
                        if school:
                            end_line = other
                            break
            years = [int(y) for y in _YEAR.findall(clause)]
            if not years and end_line is not line:
                years = [int(y) for y in _YEAR.findall(end_line.text)]
            first, last = sorted([line, end_line], key=lambda ln: ln.number)
            same_page = end_line.page == line.page
            degrees.append(
                Degree(
                    page=line.page,
                    line_start=first.number if same_page else line.number,
                    line_end=last.number if same_page else line.number,
                    level=level,
                    degree=written,
                    field=_field(after),
                    school=school,
                    school_aliases=school_aliases(school) if school else [],
                    year=max(years) if years else None,
                    # "Cebu Normal University (36 units earned; thesis writing ongoing)" under
                    # the degree says it too
                    completed=not _UNFINISHED.search(
                        clause if end_line is line else f"{clause} {end_line.text}"
                    ),
                )
            )
    return degrees


_STOP = {"of", "the", "and", "at", "for", "in", "de", "du", "des", "la", "le", "di", "&"}
_KNOWN_SHORT = {
    "georgia institute of technology": ["Georgia Tech", "GT"],
    "massachusetts institute of technology": ["MIT"],
    "california institute of technology": ["Caltech"],
    "university of california, berkeley": ["UC Berkeley", "Berkeley", "Cal"],
    "carnegie mellon university": ["CMU"],
    "kth royal institute of technology": ["KTH"],
    "technische universität münchen": ["TUM", "TU Munich"],
    "eth zurich": ["ETH"],
    "london school of economics": ["LSE"],
    "university college london": ["UCL"],
}


def school_aliases(school: str) -> list[str]:
    """Short names a school also goes by: its initials ("University of California, Los
    Angeles" -> "UCLA"), acronyms it contains ("IIT Madras" -> "IIT"), and a few well-known
    short names that are not initials ("Georgia Tech")."""
    aliases: list[str] = []
    words = re.findall(r"[^\W\d_]+", school)
    initials = "".join(w[0].upper() for w in words if w.lower() not in _STOP)
    if len(initials) >= 2:
        aliases.append(initials)
    aliases.extend(w for w in words if w.isupper() and 2 <= len(w) <= 6)
    key = " ".join(school.lower().split())
    for name, short in _KNOWN_SHORT.items():
        if name in key or key in name or key in (s.lower() for s in short):
            aliases.extend([name.title(), *short])
    return list(dict.fromkeys(a for a in aliases if a != school))
