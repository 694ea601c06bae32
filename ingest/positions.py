"""Experience lines -> positions: title, employer, start, end or current, with their lines.

A position is anchored on a date range in the experience section ("March 2021 - Present",
"2014-2016", "06/2016 to 01/2018", "Sept 2024 – now", "[2021/04 - present]", "since 2019"). Its
title and employer come from the rest of that line ("**Employer** *Title, Mar 2021 - Present*",
"Title, Employer, City", "Title @ Employer", "Employer | Title | City | dates") or, when the
line holds only dates (and perhaps a place), from the short lines just above it ("Apple Inc. |
Cupertino, CA" over "Senior Revenue Accountant | Apr 2019 - Present"; LinkedIn's employer /
title / dates stack) or just below it. Which part is the title is decided by job-title words
(engineer, manager, nurse, teacher, ...), markup (bold is usually the employer, italics the
title) and place names (never an employer).

Dates are read with a small grammar rather than a general date library: resumes write a few
range shapes, a general parser does not find ranges inside a line, and this runs on every line
of every resume at ingest (a general parser costs milliseconds per call).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from assistant import places
from assistant.models import PartialDate, Position, ResumeLine

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
    # the months of resumes written in Spanish, Portuguese, French and German, by the first
    # letters that tell them apart from the English ones
    "ene": 1, "fev": 2, "fév": 2, "abr": 4, "avr": 4, "mai": 5, "mayo": 5, "juin": 6,
    "juil": 7, "ago": 8, "aoû": 8, "aou": 8, "set": 9, "okt": 10, "out": 10, "dic": 12, "dez": 12,
    "déc": 12, "mär": 3, "mrz": 3,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    # Spanish, Portuguese, French and German names ("mar/2021", "fev 2017", "März 2019")
    r"ene(?:ro)?|febrero|marzo|abr(?:il)?|mayo|junio|julio|ago(?:sto)?|septiembre|"
    r"octubre|noviembre|dic(?:iembre)?|janeiro|fev(?:ereiro)?|março|maio|junho|julho|"
    r"setembro|outubro|novembro|dez(?:embro)?|janv(?:ier)?|févr(?:ier)?|fevr(?:ier)?|mars|"
    r"avr(?:il)?|mai|juin|juil(?:let)?|août|aout|déc(?:embre)?|januar|februar|märz|mrz|"
    r"juni|juli|okt(?:ober)?|dezember|set(?=\s*/)|out(?=\s*/))\.?"
)
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_SHORT_YEAR = r"['’]\d\d(?!\d)"  # "Oct ’19"
_DATE = (
    # "14/07/2017", "01.04.2023": a day, a month and a year (the day is read past)
    rf"(?:(?:0?[1-9]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2])[/.]{_YEAR}|{_MONTH}(?:,?\s*|/){_YEAR}|{_MONTH}\s*{_SHORT_YEAR}|{_SEASON}\s+{_YEAR}|"
    rf"(?:0?[1-9]|1[0-2])[/.]{_YEAR}|{_YEAR}[/.-](?:0[1-9]|1[0-2])(?![\d])|{_YEAR}|"
    # a year alone in two digits ("'16–'19"), in a range only
    r"['’]\d\d(?!\w))"
)
_NOW = (
    r"(?:present|now|current(?:ly)?|today|(?:(?:till|til|up\s+to)\s+)?date|to\s+date|ongoing|"
    # in the languages resumes are also written in
    r"heute|aktuell|actualidad|actual|presente|atual(?:mente)?|aujourd'hui|en\s+cours|oggi)"
)
_DASH = r"\s*(?:–|—|-|−|~|to|until|till|through|->|→)\s*"
RANGE = re.compile(
    rf"(?<![\w/])(?P<start>{_DATE}){_DASH}(?P<end>{_DATE}|{_NOW})(?![\w/])", re.IGNORECASE
)
_YEAR_TO_SHORT = re.compile(rf"(?<![\w/.])(?P<start>{_YEAR})\s*[-–—]\s*(?P<end>\d\d)(?![\w/.%])")
SINCE = re.compile(
    rf"\b(?:since|seit|desde|depuis|dal)\s+(?P<start>{_DATE})(?![\w/])", re.IGNORECASE
)
_DURATION = re.compile(r"^\(?\d+\s+(?:years?|yrs?|months?|mos?)(?:\s+\d+\s+months?)?\)?$", re.I)

# Head words of job titles. A title names a role, so this vocabulary is small and stable.
_TITLE_WORDS = set(
    """
    engineer developer programmer manager director lead head chief officer analyst scientist
    researcher designer architect consultant specialist administrator coordinator assistant
    associate intern co-op apprentice trainee student fellow postdoc professor lecturer
    teacher tutor instructor trainer coach nurse physician doctor therapist pharmacist
    technician technologist accountant auditor controller bookkeeper paralegal attorney
    lawyer counsel clerk chef cook baker bartender generalist recruiter representative rep
    executive agent planner supervisor foreman operator driver writer editor producer artist
    photographer founder co-founder cofounder owner partner principal president vp cto ceo
    cfo coo sre tester contractor freelancer advisor adviser strategist buyer dispatcher
    estimator inspector surveyor receptionist secretary maintainer superintendent leader
    sous
    gerente ingeniero ingeniera jefe jefa directora coordinadora analista desarrollador
    desarrolladora consultora asesor asesora supervisora asistente tecnico tecnica
    engenheiro engenheira coordenador coordenadora desenvolvedor desenvolvedora diretor
    diretora estagiario estagiaria assistente
    ingenieur ingenieure responsable directeur directrice developpeur developpeuse
    stagiaire technicien technicienne gestionnaire conseiller conseillere infirmier
    infirmiere
    entwickler entwicklerin leiter leiterin berater beraterin referent referentin
    sachbearbeiter sachbearbeiterin praktikant praktikantin werkstudent
    """.split()
)
# German job titles are compounds whose last part is the title ("Projektleiter",
# "Planungsingenieur", "Softwareentwickler").
_COMPOUND_TITLE_ENDINGS = ("leiter", "leiterin", "ingenieur", "ingenieurin", "entwickler")
_CORPORATE = re.compile(
    r"^(?:inc|llc|llp|ltd|limited|gmbh|ag|sa|se|bv|nv|plc|co|corp|corporation|pty)\.?$", re.I
)
_BULLET = re.compile(r"^\s*(?:[-–—•▪◦*·o]|\d+[.)])\s+")
_STRONG = re.compile(r"\s+(?:—|–|--|-|\||·|•|@)\s+|\s+at\s+(?=[A-Z])")


def parse_date(text: str) -> PartialDate | None:
    text = text.strip().lower().rstrip(".")
    if m := re.fullmatch(rf"({_MONTH})(?:,?\s*|/)({_YEAR})", text):
        return PartialDate(year=int(m.group(2)), month=_month_number(m.group(1)))
    if m := re.fullmatch(rf"(?:({_MONTH})\s*)?['’](\d\d)", text):
        # "Oct ’19", "'16": this century, unless that would be years ahead of today
        short = int(m.group(2))
        year = 2000 + short if 2000 + short <= date.today().year + 1 else 1900 + short
        month = _month_number(m.group(1)) if m.group(1) else None
        return PartialDate(year=year, month=month)
    if m := re.fullmatch(rf"{_SEASON}\s+({_YEAR})", text):
        return PartialDate(year=int(m.group(1)))
    if m := re.fullmatch(rf"\d{{1,2}}[/.](\d{{1,2}})[/.]({_YEAR})", text):
        return PartialDate(year=int(m.group(2)), month=int(m.group(1)))
    if m := re.fullmatch(rf"(\d{{1,2}})[/.]({_YEAR})", text):
        return PartialDate(year=int(m.group(2)), month=int(m.group(1)))
    if m := re.fullmatch(rf"({_YEAR})[/.-](\d\d)", text):
        return PartialDate(year=int(m.group(1)), month=int(m.group(2)))
    if re.fullmatch(_YEAR, text):
        return PartialDate(year=int(text))
    return None


def _month_number(name: str) -> int:
    """The month a written name says ("Sept." -> 9, "fev" -> 2, "März" -> 3)."""
    name = name.lower().rstrip(".")
    for size in (4, 3):
        if name[:size] in _MONTHS:
            return _MONTHS[name[:size]]
    return _MONTHS[name[:3]]


@dataclass(frozen=True)
class DateRange:
    start: PartialDate
    end: PartialDate | None
    current: bool
    text: str
    span: tuple[int, int]


def find_range(text: str) -> DateRange | None:
    """The first date range in a line ("Apr 2019 - Present", "since 2019")."""
    # Markdown's "_Jan 2022 – now_": an underscore is a word character, and would hide the
    # words' edges; a space of the same width keeps the spans.
    text = text.replace("_", " ")
    if m := RANGE.search(text):
        start = parse_date(m.group("start"))
        end_text = m.group("end")
        current = bool(re.fullmatch(_NOW, end_text.strip(), re.I))
        end = None if current else parse_date(end_text)
        if start is not None and (current or (end is not None and end.year >= start.year)):
            return DateRange(start, end, current, m.group(0).strip(), m.span())
    if (m := SINCE.search(text)) and (start := parse_date(m.group("start"))) is not None:
        return DateRange(start, None, True, m.group(0).strip(), m.span())
    for m in _YEAR_TO_SHORT.finditer(text):
        # "2014-17": the end year in two digits (no month: a month is 12 or less)
        first, last = int(m.group("start")), int(m.group("end"))
        if last > 12 and last > first % 100:
            end = PartialDate(year=first - first % 100 + last)
            return DateRange(PartialDate(year=first), end, False, m.group(0).strip(), m.span())
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z-]*", places.fold(text))


def is_title(text: str, plural: bool = True) -> bool:
    """Whether the text holds a title word ("Engineer", "Gerente", "Projektleiter"); with
    ``plural`` false, only in the singular: "Meridian Health Partners" and "KPFF Consulting
    Engineers" name firms."""
    return any(
        w in _TITLE_WORDS
        or (plural and w.rstrip("s") in _TITLE_WORDS)
        or (len(w) > 8 and w.endswith(_COMPOUND_TITLE_ENDINGS))
        for w in _words(text)
    )


# "Designation: Senior Software Engineer", "Company: Wipro": a label before what it labels.
_ROLE_LABEL = re.compile(
    r"^\s*(?:designation|role|position|job\s+title|title|company|employer|organi[sz]ation|"
    r"client|duration|period|dates?|tenure)\s*[:：]\s*",
    re.IGNORECASE,
)


def _clean(text: str) -> str:
    text = _ROLE_LABEL.sub(
        "", _BULLET.sub("", text) if _ROLE_LABEL.match(_BULLET.sub("", text)) else text
    )
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)|^#+\s*|[\[\]]", " ", text)
    text = re.sub(r"\s*\([^)]*\)", "", text)  # asides: "(formerly Square)", "(Tokyo)"
    return " ".join(text.split()).strip(" ,;:|·•-–—")


def _latest_title(text: str) -> str:
    """ "Software Engineer -> Senior Software Engineer" / "Coordinator, then Generalist": the
    last title held."""
    parts = re.split(r"\s*(?:->|→|,?\s+then\s+)\s*", text)
    return parts[-1].strip(" ,") if parts[-1].strip(" ,") else text


_WORK_MODE = re.compile(r"^(?:remote|hybrid|on-?site|in[- ]office)\b", re.IGNORECASE)


def _is_place(text: str) -> bool:
    if places.parse(text) is not None or _WORK_MODE.match(text):
        return True
    words = text.split()
    # "Boston MA": a city and a state code without the comma.
    if (
        "," not in text
        and 2 <= len(words) <= 4
        and words[-1].isupper()
        and places.region(words[-1]) is not None
    ):
        return True
    # "García, N.L.", "Osasco, SP", "Toluca, Edo. de México": a known city, then a few words of
    # a region that GeoNames does not name that way.
    city, _, rest = text.partition(",")
    rest = rest.strip()
    return (
        bool(rest)
        and len(rest.split()) <= 4
        and not _CORPORATE.match(rest)
        and rest[:1].isupper()
        and places.city(city.strip()) is not None
    )


def _pieces(part: str) -> list[str]:
    """Comma pieces of a part, corporate suffixes kept with their name ("Mercari, Inc.")."""
    out: list[str] = []
    for piece in (p.strip() for p in part.split(",")):
        if not piece:
            continue
        if out and _CORPORATE.match(piece):
            out[-1] = f"{out[-1]}, {piece}"
        else:
            out.append(piece)
    return out


def _strip_place(part: str) -> str:
    """ "Truist Financial, Charlotte, NC" -> "Truist Financial"."""
    pieces = _pieces(part)
    for k in range(1, len(pieces)):
        if _is_place(", ".join(pieces[k:])):
            return ", ".join(pieces[:k])
    return part


@dataclass
class Role:
    title: str | None = None
    employer: str | None = None
    # The employer was read from after the title's comma ("Title, Employer"); a line above
    # that names an employer overrules it ("Engineering Manager, Platform" under "Mailchimp").
    comma_employer: str | None = None


def split_role(raw: str) -> Role:
    """The title and employer in a role line's text (dates already removed)."""
    bold = [_clean(b) for pair in re.findall(r"\*\*(.+?)\*\*|__(.+?)__", raw) for b in pair if b]
    italic = [_clean(i) for i in re.findall(r"(?<![*\w])\*([^*]+)\*(?!\*)", raw)]
    text = _clean(raw)
    if not text:
        return Role()
    pieces = _STRONG.split(text)
    marked = [m for m in [*bold, *italic] if m]
    if marked and not any(m in pieces for m in marked):
        # "**Glovo** *Senior ML Engineer*": the markup separates the parts.
        unmarked = re.sub(r"\*\*.+?\*\*|__.+?__|(?<![*\w])\*[^*]+\*(?!\*)", " | ", raw)
        pieces = marked + [p for p in _STRONG.split(_clean(unmarked)) if p]
    parts = [p for p in (_clean(p) for p in pieces) if p and not _is_place(p)]
    role = Role()
    titles = [p for p in parts if is_title(_strip_place(p))]
    others = [p for p in parts if p not in titles]
    for b in bold:
        if b in others or (b in parts and not is_title(b)):
            role.employer = _strip_place(b)
    for i in italic:
        if i in parts and role.title is None and i != role.employer:
            role.title = i
    if role.title is None and titles:
        role.title = titles[0]
    if role.employer is None and others:
        role.employer = _strip_place(others[0])
    if role.title is not None and role.employer is None:
        # "Senior Research Scientist, Cohere, Toronto": the employer follows the title's comma.
        commas = _pieces(role.title)
        after = _strip_place(", ".join(commas[1:])) if len(commas) > 1 else ""
        rest = [p for p in _pieces(after) if not _is_place(p)]
        if rest and is_title(commas[0]) and not any(is_title(p, plural=False) for p in rest):
            role.comma_employer = role.title
            role.title, role.employer = commas[0], ", ".join(rest)
    if role.title is None and role.employer is None and len(parts) == 1:
        role.employer = _strip_place(parts[0])
    if role.title:
        role.title = _latest_title(_strip_place(role.title) if role.employer else role.title)
    return role


_PLAIN_WORDS = 8  # most words of a title or employer line with no comma or separator
_BULLET_ROLE_WORDS = 5  # most words of a bulleted role with nothing to separate its parts


def _candidate_line(line: ResumeLine) -> bool:
    """A short line that may name a title or an employer (not a bullet, a sentence or a date)."""
    text = line.text.strip()
    labelled = _ROLE_LABEL.match(_BULLET.sub("", text))  # "1) Organisation : Infosys Limited"
    if not text or line.heading or (_BULLET.match(line.text) and "**" not in text and not labelled):
        return False
    words = len(text.split())
    if find_range(text) or _DURATION.match(text):
        return False
    if words > 14 and not (words <= 20 and _STRONG.search(_clean(text))):
        # A long line is a sentence, unless a dash or a bar splits it into a title and an
        # employer ("Senior Staff Nurse (Band 6), Adult ICU — St James's University Hospital,
        # Leeds Teaching Hospitals NHS Trust").
        return False
    if labelled:
        return True  # "Designation : Senior Software Engineer -> Lead Software Engineer"
    if words > _PLAIN_WORDS and "," not in text and not _STRONG.search(_clean(text)):
        # an achievement left without its bullet (a table cell): "Reduced close from 8 to 5
        # business days with BlackLine reconciliations"
        return False
    return (text[0].isupper() or text[0] in "*_[#") and not text.endswith(".")


# The column labels of a table of roles whose cells come out one per line ("Organisation",
# "Designation", "Duration"), and what each column holds.
_COLUMNS = {
    **dict.fromkeys(("organisation", "organization", "company", "employer", "client"), "employer"),
    **dict.fromkeys(("designation", "role", "position", "title", "job title"), "title"),
    **dict.fromkeys(("duration", "period", "dates", "date", "tenure"), "dates"),
}


def _table_columns(experience: list[ResumeLine]) -> list[str] | None:
    """What each column holds, when the section has a header row of column labels, one per line
    ("Organisation" / "Designation" / "Duration")."""
    run: list[str] = []
    for line in experience:
        kind = _COLUMNS.get(line.text.strip(" :*#|").lower())
        if kind is not None and not line.blank:
            run.append(kind)
            if len(run) >= 3 and len(set(run)) == len(run) and "dates" in run:
                return run
            continue
        if len(run) >= 2 and len(set(run)) == len(run) and "dates" in run:
            return run
        run = []
    return None


def _table_row(
    experience: list[ResumeLine], i: int, columns: list[str]
) -> tuple[Role, list[ResumeLine]] | None:
    """The title and employer of the table row whose dates cell is line ``i``."""
    first = i - columns.index("dates")
    cells = experience[first : first + len(columns)]
    if first < 0 or len(cells) < len(columns):
        return None
    role, used = Role(), []
    for kind, cell in zip(columns, cells, strict=True):
        if kind == "dates":
            continue
        if cell.blank or cell.heading or find_range(cell.text) or not _candidate_line(cell):
            return None
        if kind == "title":
            role.title = _latest_title(_clean(cell.text))
        else:
            role.employer = _strip_place(_clean(cell.text))
        used.append(cell)
    return role, used


def read_positions(lines: list[ResumeLine]) -> list[Position]:
    positions: list[Position] = []
    experience = [ln for ln in lines if ln.section == "experience" and not ln.suspicious]
    dates_first: bool | None = None
    columns = _table_columns(experience)
    for i, line in enumerate(experience):
        if line.heading or line.blank:
            continue
        found = find_range(line.text)
        if found is None:
            continue
        if _BULLET.match(line.text) and found.text.lower().startswith("since"):
            continue  # "- Math department lead for curriculum mapping since 2021": a sentence
        if _BULLET.match(line.text) and "**" not in line.text:
            # "* Took a six-month paid sabbatical (Jun 2022 - Nov 2022) and returned": dates
            # inside a bullet's sentence, not a role line (a role line names no more than a
            # title and an employer beside its dates)
            words = line.text[: found.span[0]] + " " + line.text[found.span[1] :]
            separated = _STRONG.search(_clean(words)) or "," in words
            if len(_words(words)) > (_PLAIN_WORDS if separated else _BULLET_ROLE_WORDS):
                continue
        rest = line.text[: found.span[0]] + " " + line.text[found.span[1] :]
        cells = [c for c in re.split(r"\s*\|\s*", rest) if c.strip()]
        if len(cells) >= 3:
            # a table row: "| 2020 – ongoing | Ford, Dearborn MI | Engineer | Leads ... |";
            # the long cell of highlights says no title or employer
            rest = " | ".join(c for c in cells if len(c.split()) <= _PLAIN_WORDS)
        if len(_words(rest)) > 16:
            continue  # a date inside a sentence, not a role line
        role = split_role(rest)
        used = [line]
        row = _table_row(experience, i, columns) if columns and not role.title else None
        if row is not None:
            role, row_cells = row
            used.extend(row_cells)
        if role.title is None and role.employer is not None:
            # "Whirlpool México — Gerente de Cadena de Suministro" over "Apodaca, N.L. | Enero
            # 2020 – Presente": the line above names the role, so what stands beside the dates
            # is where it was (a town no gazetteer knows).
            above = _neighbours(experience, i, below=False)
            over = split_role(above[0].text) if above else Role()
            if over.title and over.employer:
                role = over
                used.append(above[0])
        if role.comma_employer is not None:
            above = _neighbours(experience, i, below=False)
            named = [split_role(a.text) for a in above[:1]]
            if named and named[0].employer and not named[0].title:
                role = Role(title=_latest_title(role.comma_employer), employer=named[0].employer)
                used.append(above[0])
        if role.title is None and role.employer is None and dates_first is None:
            # The first role that is dates alone sets the layout: with nothing to name it above
            # (the heading is), the roles of this resume give their dates first, then the
            # employer and title below ("seit 03/2021" / "Siemens AG" / "Projektleiter"), and
            # the lines above a later dates line are the role before's.
            dates_first = not _neighbours(experience, i, below=False)
        if role.title is None or role.employer is None:
            near = (
                _below(experience, i)
                if dates_first and role.title is None and role.employer is None
                else _neighbours(experience, i)
            )
            found_title, found_employer = _from_neighbours(near)
            if role.title is None and found_title is not None:
                role.title = found_title[0]
                used.append(found_title[1])
            if role.employer is None and found_employer is not None:
                role.employer = found_employer[0]
                used.append(found_employer[1])
        note = None
        if role.employer is None and role.title is not None and positions:
            role.employer = positions[-1].employer  # LinkedIn-style: roles under one employer
            note = "employer taken from the role above"
        same_page = [u for u in used if u.page == line.page]
        positions.append(
            Position(
                page=line.page,
                line_start=min(u.number for u in same_page),
                line_end=max(u.number for u in same_page),
                title=role.title,
                employer=role.employer,
                start=found.start,
                end=found.end,
                current=found.current,
                dates_text=found.text,
                note=note,
            )
        )
    return positions


def _from_neighbours(
    lines: list[ResumeLine],
) -> tuple[tuple[str, ResumeLine] | None, tuple[str, ResumeLine] | None]:
    """(title, its line) and (employer, its line) read from the lines around a dates line; an
    employer line of its own beats one read after a title's comma."""
    title: tuple[str, ResumeLine] | None = None
    employer: tuple[str, ResumeLine] | None = None
    weak: tuple[str, ResumeLine] | None = None
    for line in lines[1:]:
        # "Contract Engineer — Skanska UK" over a short line of what was done: the line that
        # names both beats the nearer one that names neither for sure
        role = split_role(line.text)
        if role.title and role.employer and role.comma_employer is None:
            near = split_role(lines[0].text)
            if not (near.title and near.employer) and not is_title(lines[0].text):
                return (role.title, line), (role.employer, line)
            break
    for line in lines:
        role = split_role(line.text)
        if title is None and role.title and is_title(role.title):
            if role.comma_employer is not None:
                title = (_latest_title(role.comma_employer), line)
                weak = (role.employer, line) if role.employer else None
            else:
                title = (role.title, line)
                if role.employer and employer is None:
                    employer = (role.employer, line)
        elif employer is None and (role.employer or role.title):
            employer = (role.employer or role.title or "", line)
        if title is not None and employer is not None:
            break
    if employer is None and weak is not None and title is not None:
        employer, title = weak, (title[0].split(",")[0], title[1])
    return title, employer


def _neighbours(experience: list[ResumeLine], i: int, below: bool = True) -> list[ResumeLine]:
    """Short lines just above a dates line (nearest first), else just below it."""
    above: list[ResumeLine] = []
    j = i - 1
    while j >= 0 and len(above) < 3:
        line = experience[j]
        if line.blank or line.heading or experience[j + 1].number != line.number + 1:
            break
        if _DURATION.match(line.text.strip()):
            j -= 1
            continue
        if not _candidate_line(line):
            break
        above.append(line)
        j -= 1
    if not above and i >= 2:
        # "Structural Engineer — Laing O'Rourke" / one line of what was done / "Jul 2022 –
        # Current": a role line above a line of description, when it names title and employer
        between, role_line = experience[i - 1], experience[i - 2]
        if (
            not between.blank
            and not between.heading
            and find_range(between.text) is None
            and between.number == role_line.number + 1
            and experience[i].number == between.number + 1
            and _candidate_line(role_line)
            and find_range(role_line.text) is None
        ):
            named = split_role(role_line.text)
            if named.title and named.employer:
                above = [role_line]
    if above or not below:
        return above
    return _below(experience, i)


_BELOW = 3  # lines read below a dates line, blank lines aside


def _below(experience: list[ResumeLine], i: int) -> list[ResumeLine]:
    """Short lines just below a dates line, nearest first; blank lines between them (a table
    cell's paragraphs) are passed over."""
    after: list[ResumeLine] = []
    for line in experience[i + 1 :]:
        if line.blank:
            continue
        if len(after) >= _BELOW or not _candidate_line(line):
            break
        after.append(line)
    return after
