"""experience lines -> positions: date ranges and role lines (table-driven)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.models import PartialDate, ResumeLine
from ingest.positions import find_range, read_positions
from ingest.sections import label_sections


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("March 2021 - Present", (2021, 3), None, True),
        ("2014-2016", (2014, None), (2016, None), False),
        ("06/2016 to 01/2018", (2016, 6), (2018, 1), False),
        ("Sept 2024 – now", (2024, 9), None, True),
        ("2019 – 2020", (2019, None), (2020, None), False),
        ("[2021/04 - present] Fjordline", (2021, 4), None, True),
        ("Engineer (since 2019)", (2019, None), None, True),
        ("Jan. 2015 — Dec. 2017", (2015, 1), (2017, 12), False),
        ("Jan 2019 - Till date", (2019, 1), None, True),
        ("Mar 2018 to date", (2018, 3), None, True),
        ("Oct ’19 – Mar ’21", (2019, 10), (2021, 3), False),
        ("Oct '98 - Jan '01", (1998, 10), (2001, 1), False),
        ("_Jan 2022 – now_", (2022, 1), None, True),
        ("*'16–'19 · remote*", (2016, None), (2019, None), False),
        ("Duration     : 14/07/2017 to 31/03/2021", (2017, 7), (2021, 3), False),
        ("seit 03/2021", (2021, 3), None, True),
        ("2019 - heute", (2019, None), None, True),
        # month names of resumes written in Portuguese, Spanish, French and German
        ("*Osasco, SP · mar/2021 – atual*", (2021, 3), None, True),
        ("fev/2017 – set/2019", (2017, 2), (2019, 9), False),
        ("enero 2015 - diciembre 2018", (2015, 1), (2018, 12), False),
        ("janv. 2018 – août 2020", (2018, 1), (2020, 8), False),
        ("März 2019 - Okt 2021", (2019, 3), (2021, 10), False),
        ("2016 - '19", (2016, None), (2019, None), False),
        ("Restaurant Gordon Ramsay, Chelsea, London | 2014-17", (2014, None), (2017, None), False),
    ],
)
def test_date_ranges(
    text: str,
    start: tuple[int, int | None],
    end: tuple[int, int | None] | None,
    current: bool,
) -> None:
    found = find_range(text)
    assert found is not None
    assert found.start == PartialDate(year=start[0], month=start[1])
    assert found.end == (PartialDate(year=end[0], month=end[1]) if end else None)
    assert found.current is current


@pytest.mark.parametrize(
    "text",
    [
        "Cut latency by 2019 ms",
        "Python 3.11",
        "Grew revenue 20-30%",
        "the '19 season",
        "5'10 - 6'2",
    ],
)
def test_no_date_range(text: str) -> None:
    assert find_range(text) is None


def positions(*texts: str) -> list[tuple[str | None, str | None, bool]]:
    raw = [ResumeLine(number=i, text=t) for i, t in enumerate(["Experience", *texts], 1)]
    return [(p.title, p.employer, p.current) for p in read_positions(label_sections(raw))]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (
            ["**Quillworks** *Staff Engineer, Mar 2021 - Present*"],
            [("Staff Engineer", "Quillworks", True)],
        ),
        (
            ["Senior Analyst, Harbor Mutual, Hartford, CT, 2016 – 2019"],
            [("Senior Analyst", "Harbor Mutual", False)],
        ),
        (
            ["Mobile Developer @ Pinegrove Labs (2019 – 2021)"],
            [("Mobile Developer", "Pinegrove Labs", False)],
        ),
        (
            [
                "Pinegrove Labs | Cupertino, CA",
                "Payroll Specialist, Shared Services | Apr 2019 - Present",
            ],
            [("Payroll Specialist, Shared Services", "Pinegrove Labs", True)],
        ),
        (
            ["Harbor Mutual", "3 years 2 months", "Claims Manager", "May 2022 - Present"],
            [("Claims Manager", "Harbor Mutual", True)],
        ),
        (
            ["2020 – present Lead Nurse, St. Brendan Hospital, Cork"],
            [("Lead Nurse", "St. Brendan Hospital", True)],
        ),
        (
            # labelled parts: "Designation:", as Indian resumes write them
            [
                "Tata Consultancy Services, Hyderabad    Jul 2016 – Till date",
                "Designation: Senior Software Engineer",
            ],
            [("Senior Software Engineer", "Tata Consultancy Services", True)],
        ),
        (
            # the dates on a line of their own, in markdown italics
            ["**Senior Product Designer**, Harbor Labs — Kraków", "_Jan 2022 – now_"],
            [("Senior Product Designer", "Harbor Labs", True)],
        ),
        (
            # a firm named with a plural title word ("Partners") is no title
            [
                "Lead Analyst, Tallow Labs, Boston, MA | 2019 - Present",
                "Analyst, Fernhill Health Partners, Providence, RI | 2016 - 2019",
            ],
            [
                ("Lead Analyst", "Tallow Labs", True),
                ("Analyst", "Fernhill Health Partners", False),
            ],
        ),
        (
            ["Teacher -> Head of Mathematics -- 2012 - 2020"],
            [("Head of Mathematics", None, False)],
        ),
        (
            # a markdown table row, its long cell of highlights left out
            [
                "| 2020 – ongoing | Ford Motor Company, Dearborn MI | Senior Mechanical Engineer "
                "| Leads suspension-module design for the F-150 Lightning; owner for 60+ parts |"
            ],
            [("Senior Mechanical Engineer", "Ford Motor Company", True)],
        ),
        (
            # table cells as lines: the dates, then employer, place and title below them
            [
                "Feb 2019 – Present",
                "Target Corporation",
                "Minneapolis, MN",
                "Senior Accountant",
                "Reduced close from 8 to 5 business days with BlackLine reconciliations",
                "Sep 2015 – Jan 2019",
                "KPMG LLP",
                "Minneapolis, MN",
                "Audit Associate",
            ],
            [
                ("Senior Accountant", "Target Corporation", True),
                ("Audit Associate", "KPMG LLP", False),
            ],
        ),
        (
            # an Indian resume's labelled block, numbered
            [
                "1) Organisation : Persistent Systems Ltd., Pune",
                "   Designation  : Senior Software Engineer -> Lead Software Engineer",
                "   Duration     : 05/04/2021 to till date",
            ],
            [("Lead Software Engineer", "Persistent Systems Ltd.", True)],
        ),
        (
            # "since" inside a bullet is a sentence, not a role
            ["Teacher, Hill High School, 2015 - Current", "  - Department lead since 2021"],
            [("Teacher", "Hill High School", True)],
        ),
        (
            # a long title and employer line above its dates
            [
                "Senior Staff Nurse (Band 6), Adult ICU — St Anselm's University Hospital, "
                "Harrowgate Teaching Hospitals NHS Trust",
                "May 2021 – Present",
            ],
            [
                (
                    "Senior Staff Nurse, Adult ICU",
                    "St Anselm's University Hospital, Harrowgate Teaching Hospitals NHS Trust",
                    True,
                )
            ],
        ),
        (
            # a role named above, a town no gazetteer knows beside the dates; Spanish titles
            [
                "Grupo Bimbo — Jefe de Planeación (Planning Lead)",
                "San Nicolás, N.L. | Marzo 2019 – Presente",
                "Ran weekly S&OP for two bakeries.",
                "Sigma Alimentos — Analista de Inventarios",
                "García, N.L. | Enero 2015 – Febrero 2019",
            ],
            [
                ("Jefe de Planeación", "Grupo Bimbo", True),
                ("Analista de Inventarios", "Sigma Alimentos", False),
            ],
        ),
        (
            # dates first, then employer and title below (a German CV's table); the lines
            # above a later dates line are the role before's; German compound titles
            [
                "seit 04/2020",
                "Continental AG, Hannover",
                "",
                "Teamleiterin Qualität",
                "",
                "Aufbau eines Prüflabors für Sensorik",
                "09/2015 – 03/2020",
                "ZF Friedrichshafen AG, Saarbrücken",
                "",
                "Qualitätsingenieurin",
            ],
            [
                ("Teamleiterin Qualität", "Continental AG", True),
                ("Qualitätsingenieurin", "ZF Friedrichshafen AG", False),
            ],
        ),
        (
            # dates inside a bullet's sentence are no role line (nor its employer the next)
            [
                "Cloudflare, Lisbon",
                "  Director of Reliability Engineering, Apr 2020 - present",
                "    * Took a six-month paid sabbatical (Jun 2022 - Nov 2022) and came back",
                "  SRE Manager, Jan 2017 - Mar 2020",
            ],
            [
                ("Director of Reliability Engineering", "Cloudflare", True),
                ("SRE Manager", "Cloudflare", False),
            ],
        ),
        (
            # the role line, a line of what was done, then the dates
            [
                "Structural Engineer — Ferro Build, Leeds",
                "Design of reinforced concrete frames for two hospital projects; weekly visits",
                "Jul 2022 – Current",
                "Contract Engineer — Skanska UK (9-month contract)",
                "Temporary works design for a depot",
                "Oct 2021 – Jun 2022",
            ],
            [
                ("Structural Engineer", "Ferro Build", True),
                ("Contract Engineer", "Skanska UK", False),
            ],
        ),
        (
            # a table of roles under a header row of column labels, one cell per line
            [
                "Organisation",
                "Designation",
                "Duration",
                "Tata Elxsi Limited, Pune",
                "Technology Lead - SAP MM",
                "16/07/2018 - Present",
                "Mphasis Limited, Bengaluru",
                "SAP MM Consultant",
                "02/02/2015 - 13/07/2018",
            ],
            [
                ("Technology Lead - SAP MM", "Tata Elxsi Limited", True),
                ("SAP MM Consultant", "Mphasis Limited", False),
            ],
        ),
    ],
)
def test_role_lines(texts: list[str], expected: list[tuple[str | None, str | None, bool]]) -> None:
    assert positions(*texts) == expected


def test_derived_spans() -> None:
    raw = [
        ResumeLine(number=i, text=t)
        for i, t in enumerate(
            [
                "Experience",
                "Fjordline — Engineer, Jan 2020 – Present",
                "Fjordline — Intern, 2018 – 2019",
            ],
            1,
        )
    ]
    from assistant.models import Profile

    profile = Profile(positions=read_positions(label_sections(raw)))
    today = date(2024, 12, 15)
    assert [p.employer for p in profile.current_positions()] == ["Fjordline"]
    assert profile.employer_months(today) == {"Fjordline": 24 + 60}
    assert profile.experience_months(today) == 84
