"""Fields of work: how questions name them, how titles are read, and who is in them."""

from __future__ import annotations

import pytest

from assistant.embeddings import MiniLMEmbedder
from assistant.fields import FieldReader, asked_fields, excluded_fields
from assistant.models import Conversation
from assistant.question import plan_question
from assistant.service import Assistant
from ingest.pipeline import Ingestor, SourceFile
from tests.conftest import HashingEmbedder


@pytest.mark.parametrize(
    ("question", "fields"),
    [
        ("Which of them work in tech?", ["technology"]),
        ("Which tech candidates have people management experience?", ["technology"]),
        ("anyone in the healthcare industry?", ["healthcare"]),
        ("Who comes from a sales background?", ["sales"]),
        ("any finance people?", ["finance"]),
        ("Which HR professionals speak Spanish?", ["human resources"]),
        ("Who works in hospitality or logistics?", ["hospitality"]),  # one field per phrase
        ("Who has worked in sales?", ["sales"]),
        ("Who has a background in finance?", ["finance"]),
        ("Who has experience in healthcare?", ["healthcare"]),
        ("Who has 10+ years of experience in software?", ["technology"]),
        ("who has at least 10 years in hospitality?", ["hospitality"]),
        ("Who has experience in Python?", []),
        # not a field: the word as a skill, or "it" the pronoun
        ("Who has sales experience?", []),
        ("Who has worked on it?", []),
        ("Who knows software testing?", []),
    ],
)
def test_questions_name_fields(question: str, fields: list[str]) -> None:
    assert asked_fields(question)[0] == fields


@pytest.mark.parametrize(
    ("question", "fields"),
    [
        ("How many candidates are in non-technical roles?", ["technology"]),
        ("Which candidates are not in tech?", ["technology"]),
        ("Who works outside of healthcare?", ["healthcare"]),
        ("Who isn't working in sales?", ["sales"]),
        ("Who works in tech?", []),
    ],
)
def test_questions_leave_fields_out(question: str, fields: list[str]) -> None:
    assert excluded_fields(question)[0] == fields


def test_a_title_is_read_as_the_field_of_the_nearest_example() -> None:
    # With the hashing embedder only identical words are near: the examples themselves.
    reader = FieldReader(HashingEmbedder())
    titles = ["Registered Nurse", "Paralegal", "Software Engineer", "Sous Chef"]
    assert reader.fields_of(titles) == ["healthcare", "legal", "technology", "hospitality"]


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("Principal Platform Engineer", "technology"),
        ("Senior Data Platform Engineer, Payments", "technology"),
        ("Pediatric Staff Nurse", "healthcare"),
        ("Highway Structures Engineer", "construction"),
        ("Head Pastry Chef", "hospitality"),
        ("Senior Tax Accountant", "finance"),
        ("Middle School Science Teacher", "education"),
        ("Talent Acquisition Partner", "human resources"),
        # one example sharing a word ("Medical Laboratory Scientist") does not decide
        ("Senior Research Scientist", "technology"),
    ],
)
def test_titles_no_example_holds_are_read_by_meaning(
    minilm: MiniLMEmbedder, title: str, field: str
) -> None:
    assert FieldReader(minilm).fields_of([title]) == [field]


_PEOPLE = {
    "ana.txt": (
        "Ana Ruiz\nSoftware Engineer\n\nExperience\n"
        "Software Engineer, Fjordline, 2019 - present\n"
        "- Manage 4 engineers\n\nLanguages\nSpanish (native)\n"
    ),
    "ben.txt": (
        "Ben Ode\nRegistered Nurse\n\nExperience\n"
        "Registered Nurse, Hill Hospital, 2015 - present\n"
        "- Managed a team of 6 nurses\n\nLanguages\nSpanish (fluent)\n"
    ),
    "cy.txt": (
        "Cy Lam\nSoftware Engineer\n\nExperience\nParalegal, Quay Law, 2012 - 2016\n"
        "Software Engineer, Rook Ltd, 2017 - present\n"
    ),
}


def test_who_works_in_a_field_is_read_from_the_titles_held_now(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    files = [SourceFile(n, data=t.encode()) for n, t in _PEOPLE.items()]
    assert not ingestor.ingest(files).failed
    assert assistant.ask("Who works in tech?").candidates == ["Ana Ruiz", "Cy Lam"]
    # outside a field: whose titles are read as another one
    for question in ("Who is not in tech?", "How many are in non-technical roles?"):
        outside = assistant.ask(question)
        assert outside.candidates == ["Ben Ode"], question
        assert "not in technology" in outside.answer
    # "has worked in": every role counts
    assert assistant.ask("Who has worked in law?").candidates == ["Cy Lam"]
    legal = assistant.ask("Any legal people?")
    assert legal.candidates == []  # Cy left law in 2016
    assert (
        legal.answer == "No candidate matches: none of the 3 candidates holds a title in legal now."
    )
    answer = assistant.ask("Which tech candidates have people management experience?")
    assert answer.candidates == ["Ana Ruiz"]
    assert "Software Engineer" in answer.citations[0].text
    conversation = Conversation()
    assistant.ask("Who speaks Spanish?", conversation)
    follow = assistant.ask("Which of them work in healthcare?", conversation)
    assert follow.candidates == ["Ben Ode"]
    assert "from the previous answer" in follow.answer
    plan = plan_question("Which of them work in healthcare?", assistant.catalog, conversation)
    assert (plan.fields, plan.concepts) == (["healthcare"], [])
    # years in the field: the dated roles with titles in it. Ben's 11+ years are not in tech,
    # Ana's (2019-) are fewer, and only Cy's roles since 2017 are (his career is longer)
    assert assistant.ask("Who has 9+ years of experience in software?").candidates == ["Cy Lam"]
    assert assistant.ask("Who has 11+ years of experience in software?").candidates == []
    assert assistant.ask("who has at least 4 years in law?").candidates == ["Cy Lam"]
    assert assistant.ask("Who has less than 9 years in tech?").candidates == ["Ana Ruiz"]
    assert assistant.ask("Who has experience in law?").candidates == ["Cy Lam"]
    # the most experience in a field: those in it, by their dated roles (Cy from 2012, Ana 2019)
    ranked = assistant.ask("Who has the most experience in software?")
    assert ranked.candidates == ["Cy Lam", "Ana Ruiz"]
    assert ranked.answer.startswith("By years in roles in technology")
