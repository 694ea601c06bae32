"""education lines -> degrees, and school aliases (table-driven)."""

from __future__ import annotations

import pytest

from assistant.models import ResumeLine
from ingest.education import read_education, school_aliases
from ingest.sections import label_sections


def degrees(*texts: str, heading: str = "Education") -> list[tuple[str | None, str | None, bool]]:
    raw = [ResumeLine(number=i, text=t) for i, t in enumerate([heading, *texts], 1)]
    return [(d.level, d.school, d.completed) for d in read_education(label_sections(raw))]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("M.S. Computer Science, Lakeshore University, 2019", "master"),
        ("MSc in Data Science, Hill College, 2020", "master"),
        ("Master of Science, Civil Engineering, Lakeshore University", "master"),
        ("Masters in Economics, Hill College", "master"),
        ("M.A. History, Hill College", "master"),
        ("MBA (part-time), Lakeshore University, 2019", "master"),
        ("B.B.A. Marketing, Lakeshore University, 2018", "bachelor"),
        ("BA (Hons) English Literature, Hill College, 2015", "bachelor"),
        ("B.Tech, Computer Science, Lakeshore Institute of Technology", "bachelor"),
        ("Ph.D., Informatics, Lakeshore University", "doctorate"),
        ("Associate of Applied Science in Nursing, Hill Community College", "associate"),
        ("Diploma in Culinary Arts, Hill Culinary School", "diploma"),
        ("HND Hospitality Management -- Hill College, 2011", "diploma"),
        ("BSE Computer Science, Lakeshore University, 2015", "bachelor"),
        ("MSCS, Hill College, 2019", "master"),
        ("PGCE Secondary Mathematics with QTS, Lakeshore University (2017–2018)", "certificate"),
        ("B.Pharm - Lakeshore University (College of Pharmacy), 2016", "bachelor"),
        ("M.Com, Hill College, 2015", "master"),
        ("Certificate III in Early Childhood Education, Hill Institute, 2013", "certificate"),
        # degrees named in Spanish, Portuguese, French and German
        ("Máster en Gestión Hotelera, Universidad de Colina, 2013", "master"),
        ("Maestría en Finanzas, Instituto Lago, 2018", "master"),
        ("Mestrado em Engenharia de Produção, Universidade do Lago, 2016", "master"),
        ("Diplôme d'ingénieur, École des Collines, 2015", "master"),
        ("Abschluss: Diplom-Ingenieur (Univ.), Technische Hochschule Seeberg", "master"),
        ("Grado en Turismo, Universidad de Colina, 2012", "bachelor"),
        ("Bacharelado em Administração, Faculdade do Lago, 2010", "bachelor"),
        ("Licence de mathématiques, Université des Collines, 2012", "bachelor"),
        ("Doctorado en Química, Universidad de Colina, 2020", "doctorate"),
    ],
)
def test_degree_levels(text: str, level: str) -> None:
    found = degrees(text)
    assert found and found[0][0] == level


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("J.D./M.B.A., Hill University School of Law, 2016", ["doctorate", "master"]),
        ("BA/MA History, Hill College, 2012", ["bachelor", "master"]),
        # two degrees named apart in one line are not one joint degree
        ("B.S. Physics (minor: Mathematics), Hill College, 2010", ["bachelor"]),
    ],
)
def test_a_joint_degree_is_each_of_its_degrees(text: str, levels: list[str]) -> None:
    assert [level for level, _, _ in degrees(text)] == levels


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("M.S. Computer Science, Lakeshore University, 2019", "Computer Science"),
        ("B.Tech (Computer Science) | Lakeshore Institute | 2014", "Computer Science"),
        ("MBA (Finance), Hill College, 2015", "Finance"),
        ("BA (Hons) English Literature, Hill College, 2015", "English Literature"),
        ("MBA (part-time), Lakeshore University, 2019", None),
        ("HND Hospitality Management -- Hill College, 2011", "Hospitality Management"),
        ("Mestrado em Engenharia de Produção, Universidade do Lago", "Engenharia de Produção"),
        ("Máster en Gestión Hotelera, Universidad de Colina", "Gestión Hotelera"),
    ],
)
def test_fields(text: str, field: str | None) -> None:
    raw = [ResumeLine(number=i, text=t) for i, t in enumerate(["Education", text], 1)]
    assert [d.field for d in read_education(label_sections(raw))] == [field]


def test_spelled_out_degree_outside_education_counts_abbreviation_does_not() -> None:
    assert degrees("Earned a Master of Science in Statistics while working.", heading="Summary")
    assert not degrees("Relocated from Jackson, MS to Boston, MA.", heading="Summary")


def test_unfinished_degree() -> None:
    found = degrees("MSc, Lakeshore University, 2016. I started a PhD there and left in 2017.")
    assert [(level, done) for level, _, done in found] == [("master", True), ("doctorate", False)]


def test_school_on_the_line_above() -> None:
    found = degrees(
        "Lakeshore Institute of Technology", "Master of Science - MS, Physics · (2014 - 2016)"
    )
    assert found == [("master", "Lakeshore Institute of Technology", True)]


@pytest.mark.parametrize(
    ("school", "alias"),
    [
        ("University of California, Los Angeles", "UCLA"),
        ("Georgia Institute of Technology", "Georgia Tech"),
        ("IIT Madras", "IIT"),
        ("KTH Royal Institute of Technology", "KTH"),
    ],
)
def test_school_aliases(school: str, alias: str) -> None:
    assert alias in school_aliases(school)


@pytest.mark.parametrize(
    ("heading", "text"),
    [
        ("Certifications", "Professional Scrum Master I (PSM I), 2020"),
        ("Education", "Professional Scrum Master I (PSM I), 2020"),
        ("Experience", "Master data governance for SAP PP"),
        ("Objective", "To obtain a Master Teacher position"),
    ],
)
def test_a_master_that_is_no_degree(heading: str, text: str) -> None:
    assert degrees(text, heading=heading) == []


def test_the_school_two_lines_above_with_the_subject_between() -> None:
    found = degrees(
        "10/2006 – 09/2012",
        "Technische Universität Seeberg",
        "",
        "Studium Maschinenbau, Vertiefung Produktionstechnik",
        "",
        "Abschluss: Diplom-Ingenieur (Univ.), entspricht Master of Science",
    )
    assert found == [("master", "Technische Universität Seeberg", True)]


def test_unfinished_said_on_the_school_line_under_the_degree() -> None:
    found = degrees(
        "Master of Arts in Education, major in Mathematics Education",
        "Hill Normal University (36 units earned; thesis writing ongoing)",
    )
    assert found == [("master", "Hill Normal University", False)]
