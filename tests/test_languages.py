"""language lines -> spoken languages with levels, programming languages apart."""

from __future__ import annotations

from assistant.models import ResumeLine
from ingest.languages import read_languages
from ingest.sections import label_sections


def read(*texts: str) -> tuple[list[tuple[str, str | None]], list[str]]:
    raw = [ResumeLine(number=i, text=t) for i, t in enumerate(texts, 1)]
    spoken, programming = read_languages(label_sections(raw))
    return [(s.language, s.level) for s in spoken], [p.value for p in programming]


def test_levels_and_endonyms() -> None:
    spoken, programming = read(
        "Languages", "Français (langue maternelle), English (fluent), German: B2"
    )
    assert spoken == [("French", "langue maternelle"), ("English", "fluent"), ("German", "B2")]
    assert programming == []


def test_programming_languages_under_a_languages_heading() -> None:
    spoken, programming = read(
        "## Languages", "Rust, Go, C, Python, a bit of Zig", "## Spoken", "Polish (native)"
    )
    assert spoken == [("Polish", "native")]
    assert programming == ["Rust", "Go", "C", "Python", "a bit of Zig"]


def test_lines_a_missed_heading_left_in_the_section_are_no_languages() -> None:
    spoken, programming = read(
        "Languages",
        "English, Portuguese",
        "Outside work",
        "Youth soccer coach (U12), Newton, MA.",
        "Volunteer judge, Hack the North 2023",
    )
    assert spoken == [("English", None), ("Portuguese", None)]
    assert programming == []


def test_bilingual_anywhere_and_inline_label() -> None:
    spoken, _ = read("Summary", "Bilingual (English/Spanish) nurse.", "Skills", "Languages: Tamil")
    assert spoken == [("English", "bilingual"), ("Spanish", "bilingual"), ("Tamil", None)]
    for written in ("Bilingual: English and French (fluent).", "Bilingual English/French;"):
        spoken, _ = read("Summary", f"Account executive, 10 years. {written}")
        assert spoken == [("English", "bilingual"), ("French", "bilingual")], written
    spoken, _ = read("Summary", "Taught in a bilingual education program.")
    assert spoken == []


def test_any_living_language_listed_with_its_level() -> None:
    spoken, _ = read(
        "Languages",
        "Filipino (native), English (fluent), Cebuano (conversational)",
        "Kiswahili - fluent",
        "Go (expert)",
    )
    assert spoken == [
        ("Filipino", "native"),
        ("English", "fluent"),
        ("Cebuano", "conversational"),
        ("Swahili", "fluent"),
    ]


def test_language_names_written_in_other_languages() -> None:
    spoken, _ = read("Idiomas", "Inglés (fluido), Alemán (B1), Portugués (nativo)")
    assert [name for name, _ in spoken] == ["English", "German", "Portuguese"]


def test_a_language_before_a_colon_is_an_item_not_a_label() -> None:
    spoken, _ = read("Idiomas", "Español: nativo", "Portugués: B2", "Languages: English, Dutch")
    assert spoken == [
        ("Spanish", "nativo"),
        ("Portuguese", "B2"),
        ("English", None),
        ("Dutch", None),
    ]
