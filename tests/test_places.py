"""Places read from text: the pieces of a role line, and the places named inside longer names."""

from __future__ import annotations

import pytest

from assistant import places


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ola — Android Developer · Bengaluru · 2014 – 2017", [("Bengaluru", "India")]),
        (
            "Operations Supervisor C.H. Robinson -- Laredo, TX 2013 - 2018",
            [("Laredo", "United States")],
        ),
        # a town's name inside an organisation's ("Beaumont Hospital") is not the town
        (
            "Charge Nurse — Beaumont Hospital, Dublin September 2013 – May 2016",
            [("Dublin", "Ireland")],
        ),
        # a month that is also a town ("March") is a date
        ("Editor — Quire, Lisbon July 2014 – March 2017", [("Lisbon", "Portugal")]),
        ("Remote (Denver, CO) | May 2021 – Present", [("Denver", "United States")]),
        ("- 2017–2021: Researcher, Lakeshore Institute, Hamburg", [("Hamburg", "Germany")]),
        ("Analyst, Mysuru / Pune (2012 – 2014)", [("Mysuru", "India"), ("Pune", "India")]),
        ("Fernway, Boston MA", [("Boston", "United States")]),
        ("Backend Engineer *Stockholm · 03.2019 – 04.2022", [("Stockholm", "Sweden")]),
        ("Research Scientist, Element AI (acquired), Montréal", [("Montréal", "Canada")]),
        # a country or state inside a longer name
        ("Security Analyst — Bank of Ireland", [(None, "Ireland")]),
        ("Platform Engineer, Harbor Mutual, 2020 - Present", []),
    ],
)
def test_places_in_a_role_line(line: str, expected: list[tuple[str | None, str | None]]) -> None:
    assert [(p.city, p.country) for p in places.in_line(line)] == expected


@pytest.mark.parametrize(
    ("asked", "country", "inside"),
    [
        ("the Middle East", "United Arab Emirates", True),
        ("Middle East", "Germany", False),
        ("the Nordics", "Finland", True),
        ("Scandinavia", "Finland", False),
        ("DACH", "Switzerland", True),
        ("Europe", "Germany", True),
        ("Latin America", "Brazil", True),
    ],
)
def test_regions_that_are_groups_of_countries(asked: str, country: str, inside: bool) -> None:
    found = places.continent(asked)
    assert found is not None
    assert places.in_area(country, found[0]) is inside


def test_short_city_names_and_us_regions() -> None:
    assert places.city("nyc") == places.city("New York City")
    assert places.same_city("New York City", "New York")
    assert not places.same_city("York", "New York")
    west = places.continent("the West Coast")
    assert west is not None
    assert places.state_group(west[0]) == ("California", "Oregon", "Washington")


@pytest.mark.parametrize(
    ("inner", "outer", "part"),
    [
        ("Brooklyn", "New York City", True),
        ("Queens", "NYC", True),
        ("Manhattan", "New York", True),
        ("Kreuzberg", "Berlin", True),
        ("Croydon", "London", True),
        # a city of its own beyond the larger city's reach, or across a state line
        ("Oakland", "San Francisco", False),
        ("Jersey City", "New York City", False),
        ("Bellevue", "Seattle", False),
        # the larger is never a part of the smaller, nor a city of itself
        ("New York City", "Brooklyn", False),
        ("Berlin", "Berlin", False),
    ],
)
def test_a_part_of_a_city_is_in_it(inner: str, outer: str, part: bool) -> None:
    assert places.part_of(inner, outer) is part


@pytest.mark.parametrize(
    ("inner", "outer", "near"),
    [
        # "near Sydney", "around Seattle": twice the reach of the city's own parts
        ("Parramatta", "Sydney", True),
        ("Bellevue", "Seattle", True),
        ("Oakland", "San Francisco", True),
        # still not across a state line, nor a city far off
        ("Jersey City", "New York City", False),
        ("Sacramento", "San Francisco", False),
    ],
)
def test_a_place_near_a_city_is_within_twice_its_reach(inner: str, outer: str, near: bool) -> None:
    assert places.part_of(inner, outer, reach=2.0) is near
