"""lines -> identity: names, location, phones, links and labels for name-less resumes."""

from __future__ import annotations

import pytest

from assistant.models import ResumeLine
from assistant.places import parse
from ingest.identity import name_in, read_contact, unnamed_label
from ingest.sections import label_sections


def lines(*texts: str) -> list[ResumeLine]:
    return label_sections([ResumeLine(number=i, text=t) for i, t in enumerate(texts, 1)])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Wren Calloway", "Wren Calloway"),
        ("Wren Calloway wren@example.org", "Wren Calloway"),
        ("# Odile Marchetti-Braun", "Odile Marchetti-Braun"),
        ("TOBIAS FENWICK", "Tobias Fenwick"),
        ("TOBIAS FENWICK, P.E.", "Tobias Fenwick"),
        ("Dr. Ines Okonjo, PhD", "Ines Okonjo"),
        ("Marit Q. Ellery, BSN, RN", "Marit Q. Ellery"),
        ("Pieter van der Merwe CA(SA)", "Pieter van der Merwe"),
        ("Dipl.-Ing. Tobias Becker", "Tobias Becker"),
        ("Ing. Laura Méndez", "Laura Méndez"),
        ("Grace Adeyemi .NET Developer", "Grace Adeyemi"),
        ("Emma Jane Baker", "Emma Jane Baker"),
        ("Saoirse Dunleavy RGN", "Saoirse Dunleavy"),
        ("TANAKA Haruto", "Haruto Tanaka"),
        ("# OKAFOR, Chinedu", "Chinedu Okafor"),
        ("Oluwaseun (Olu) Adeyemi", "Oluwaseun (Olu) Adeyemi"),
        ('Robert "Bob" Lane', "Robert (Bob) Lane"),
        ("Maria Theresa (Tess) Dela Cruz", "Maria Theresa (Tess) Dela Cruz"),
        ("Dana Park (she/her)", "Dana Park"),
        ("VAN DER BERG, Jan Willem", "Jan Willem Van Der Berg"),
        ("AUSTIN, Texas", None),
        ("SMITH, JOHN", None),
        ("Pieter-Jan van den Akker", "Pieter-Jan van den Akker"),
        ("Niamh O'Donoghue", "Niamh O'Donoghue"),
        ("José Ángel Quiñones", "José Ángel Quiñones"),
        ("Di Park", "Di Park"),
        ("## Corin Vale — Violin Teacher (ABRSM)", "Corin Vale"),
        ("Senior Data Engineer", None),
        ("Curriculum Vitae", None),
        ("San Antonio, TX 78229", None),
        ("Engineering Management", None),
        ("github.com/someone", None),
    ],
)
def test_names(text: str, name: str | None) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "city", "region", "country"),
    [
        ("Austin, TX", "Austin", "Texas", "United States"),
        ("Olympia, Washington", "Olympia", "Washington", "United States"),
        ("Chicago, IL 60614", "Chicago", "Illinois", "United States"),
        ("Montréal, QC", "Montréal", "Quebec", "Canada"),
        ("Amsterdam, NL", "Amsterdam", None, "Netherlands"),
        ("London, UK", "London", None, "United Kingdom"),
        ("Galway, Ireland", "Galway", None, "Ireland"),
        ("Berlin", "Berlin", None, "Germany"),
        ("Kraków, Poland (open to remote)", "Kraków", None, "Poland"),
        ("Denver, CO, U.S.", "Denver", "Colorado", "United States"),
        ("Rotterdam, the Netherlands", "Rotterdam", None, "Netherlands"),
        ("Hyderabad, Telangana", "Hyderabad", "Telangāna", "India"),
        ("Pune, Maharashtra, India", "Pune", "Mahārāshtra", "India"),
        ("Melbourne, VIC, Australia", "Melbourne", "Victoria", "Australia"),
        ("Sydney, NSW", "Sydney", "New South Wales", "Australia"),
    ],
)
def test_places(text: str, city: str, region: str | None, country: str) -> None:
    place = parse(text)
    assert place is not None
    assert (place.city, place.region, place.country) == (city, region, country)


@pytest.mark.parametrize("text", ["remote, UTC+1", "Kubernetes, Terraform", "Senior Engineer"])
def test_not_places(text: str) -> None:
    assert parse(text) is None


def test_contact_block_with_everything_on_few_lines() -> None:
    contact = read_contact(
        lines(
            "Wren Calloway wren.c@example.org",
            "Platform Engineer · Boise, ID · (208) 555-0147 · linkedin.com/in/wren-c-example",
            "ORCID 0000-0002-1234-5678",
            "SUMMARY",
            "Call me on 555 0100.",
        )
    )
    assert contact.name is not None and contact.name.value == "Wren Calloway"
    assert contact.name.line_start == 1
    assert [e.value for e in contact.emails] == ["wren.c@example.org"]
    assert [p.e164 for p in contact.phones] == ["+12085550147"]
    assert [link.value for link in contact.links] == ["linkedin.com/in/wren-c-example"]
    assert contact.location is not None and contact.location.region == "Idaho"
    assert contact.headline is not None and contact.headline.value == "Platform Engineer"


def test_labelled_contact_lines_are_read_without_their_labels() -> None:
    contact = read_contact(
        lines(
            "CURRICULUM VITAE",
            "WREN CALLOWAY",
            "Email: wren.c@example.org | Mobile: +91 98450 55512",
            "Address: Pune, Maharashtra",
            "CAREER OBJECTIVE",
            "To build reliable systems.",
        )
    )
    assert contact.name is not None and contact.name.value == "Wren Calloway"
    assert contact.location is not None and contact.location.city == "Pune"
    assert contact.headline is None  # "Email:" is a label, not a title


def test_name_after_a_sidebar_needs_a_corroborating_link() -> None:
    contact = read_contact(
        lines(
            "Contact",
            "www.linkedin.com/in/marenholt",
            "Top Skills",
            "Release Engineering",
            "Maren Holt",
            "Build Engineer at Fjordline",
            "Summary",
            "I make builds fast.",
        )
    )
    assert contact.name is not None and contact.name.value == "Maren Holt"


def test_a_name_in_capitals_after_a_sidebar_is_read_where_the_email_bears_it_out() -> None:
    sidebar = ("CONTACT", "Chicago, IL", "tova.brandt.dba@example.com", "SKILLS", "Oracle 19c")
    contact = read_contact(lines(*sidebar, "TOVA BRANDT", "Database Administrator", "SUMMARY"))
    assert contact.name is not None and contact.name.value == "Tova Brandt"
    # without an email or link that holds the name, a heading in capitals is no name
    other = read_contact(lines("SKILLS", "Oracle 19c", "TOVA BRANDT", "Database Administrator"))
    assert other.name is None
    # a title word in the email ("pharm") bears out no "Registered Pharmacist"
    sidebar = ("CONTACT", "Nairobi, Kenya", "nmwangi.pharm@example.com", "LANGUAGES", "Kikuyu")
    licence = ("KEY SKILLS", "Clinical pharmacy", "LICENCE", "Registered Pharmacist,")
    pharmacist = read_contact(lines(*sidebar, *licence, "NJERI MWANGI", "Pharmacist"))
    assert pharmacist.name is not None and pharmacist.name.value == "Njeri Mwangi"


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Didsbury, Manchester, United Kingdom", "Manchester"),
        ("Birmingham, West Midlands, UK", "Birmingham"),
        ("Austin, TX", "Austin"),
        # a known city, then a region GeoNames does not name that way
        ("Quezon City, Metro Manila 1121", "Quezon City"),
        ("Monterrey, Nuevo León, México", "Monterrey"),
    ],
)
def test_an_address_passes_over_a_district_or_a_county(text: str, city: str) -> None:
    place = parse(text, address=True)
    assert place is not None and place.city == city
    # in a role line, "Amazon, Seattle, WA" is an employer and a place, not a place
    assert parse("Amazon, Seattle, WA") is None
    # a country named must be the city's own
    assert parse("Monterrey, Nuevo León, Spain", address=True) is None


@pytest.mark.parametrize(
    ("text", "city", "region", "country"),
    [
        # postcodes of the UK, Canada and Australia; the letter forms also say the country
        ("Birmingham B15 2TT", "Birmingham", None, "United Kingdom"),
        ("Pontcanna, Cardiff CF11 9HQ", "Cardiff", None, "United Kingdom"),
        ("Perth PH1 5AB", "Perth", None, "United Kingdom"),
        ("Ottawa, Ontario K1S 2B4", "Ottawa", "Ontario", "Canada"),
        ("Mississauga, ON L5B 3C2", "Mississauga", "Ontario", "Canada"),
        ("London ON N6A 1B2", "London", "Ontario", "Canada"),
        # a state's code without a comma before it
        ("Parramatta NSW 2150", "Parramatta", "New South Wales", "Australia"),
        ("New Farm, Brisbane QLD 4005", "Brisbane", "Queensland", "Australia"),
        ("Boston MA", "Boston", "Massachusetts", "United States"),
    ],
)
def test_an_address_with_a_postcode(text: str, city: str, region: str | None, country: str) -> None:
    place = parse(text, address=True)
    assert place is not None
    assert (place.city, place.region, place.country) == (city, region, country)


def test_a_header_line_with_a_uk_postcode_gives_the_location() -> None:
    contact = read_contact(
        lines("HARRIET OKAFOR", "Birmingham B15 2TT | 07700 900 233 | h.okafor@example.com")
    )
    assert contact.location is not None and contact.location.country == "United Kingdom"


def test_nameless_resumes_get_readable_labels() -> None:
    by_email = read_contact(lines("**Contact:** data.person@example.org · Berlin, Germany"))
    assert by_email.name is None
    assert unnamed_label(by_email, "resume.md") == "data.person"
    by_handle = read_contact(lines("# cv", "github.com/quietfox · Rust"))
    assert unnamed_label(by_handle, "index.md") == "quietfox"
    nothing = read_contact(lines("SUMMARY", "Backend engineer."))
    assert unnamed_label(nothing, "a1b2.txt", "Senior Engineer") == "Senior Engineer (a1b2.txt)"


def test_a_european_cv_s_personal_details() -> None:
    contact = read_contact(
        lines(
            "CURRICULUM VITAE",
            "Personal details",
            "Name:             Ilse Varga",
            "Address:          Hauptstraße 12, 10115 Berlin, Germany",
            "E-mail:           ilse.varga@example.de",
            "Place of birth:   Poznań, Poland",
            "Nationality:      Polish",
        )
    )
    assert contact.name is not None and contact.name.value == "Ilse Varga"
    assert contact.location is not None
    assert (contact.location.city, contact.location.country) == ("Berlin", "Germany")
