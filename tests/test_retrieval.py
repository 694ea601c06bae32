"""question -> plan -> evidence per candidate -> extractive answer.

Built on hand-made resumes and the hashing embedder, so what is checked is our logic, not the
model's taste.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from assistant.catalog import team_sizes
from assistant.citations import verify
from assistant.matching import Nearness
from assistant.models import Conversation, PartialDate, Position, employment_gaps
from assistant.question import plan_question
from assistant.retrieval import another_credential
from assistant.service import Assistant
from ingest.pipeline import Ingestor, SourceFile


def _answers_name(assistant: Assistant, cases: dict[str, list[str]]) -> None:
    """Each question names exactly these candidates (sorted), with citations that verify."""
    for question, names in cases.items():
        answer = assistant.ask(question)
        assert sorted(answer.candidates) == names, question
        assert verify(answer.citations, assistant.catalog) == answer.citations


def _ingest(ingestor: Ingestor, people: dict[str, str]) -> None:
    """Ingests invented resumes (file name -> text); none may fail."""
    assert not ingestor.ingest([SourceFile(n, data=t.encode()) for n, t in people.items()]).failed


def test_who_has_lists_every_match_with_aliases(team: Assistant) -> None:
    answer = team.ask("Who has Kubernetes experience?")
    assert sorted(answer.candidates) == ["Dana Park", "Lena Fischer"]  # "k8s" counts
    assert "2 of the 3 candidates" in answer.answer
    assert {c.source for c in answer.citations} == {"dana.txt", "lena.txt"}


def test_java_is_not_javascript(team: Assistant) -> None:
    assert team.ask("Which candidates know Java?").candidates == ["Omar Haddad"]


def test_nobody_matches_is_said_plainly(team: Assistant, monkeypatch: pytest.MonkeyPatch) -> None:
    searched: list[int] = []
    search = team.store.search
    monkeypatch.setattr(team.store, "search", lambda v, k: searched.append(k) or search(v, k))
    answer = team.ask("Who has COBOL experience?")
    assert answer.candidates == [] and answer.citations == []
    assert answer.answer.startswith("No candidate matches")
    # a name no resume holds rules everyone out: no vector search is spent on it
    assert searched == []
    team.ask("Who has a COBOL-like language?")  # an example to go by: searched
    assert searched


def test_terms_of_one_requirement_must_meet_in_one_list_item(team: Assistant) -> None:
    assert team.ask("Who is a native Spanish speaker?").candidates == ["Lena Fischer"]
    assert sorted(team.ask("Who speaks Spanish?").candidates) == ["Lena Fischer", "Omar Haddad"]


def test_degree_aliases(team: Assistant) -> None:
    assert team.ask("Who has a master's degree?").candidates == ["Dana Park"]
    assert team.ask("Who has a bachelor's degree?").candidates == ["Lena Fischer"]


STUDIED = {
    "ines.txt": "Ines Varga\nines@example.com\n\nExperience\nActuarial Analyst, Fenwick Mutual, "
    "2016 - present\n\nEducation\nB.Sc. Mathematics, Lakeshore University, 2014\n",
    "tom.txt": "Tom Reyes\ntom@example.com\n\nExperience\nQuant Developer, Harbor Capital, "
    "2017 - present\n\nEducation\nM.S. Mathematics, Hill College, 2016\n",
    "kai.txt": "Kai Moreno\nkai@example.com\n\nExperience\nTeacher, Pine Ridge High School, "
    "2015 - present\n- Math department coordinator for grades 9-12\n\nEducation\n"
    "B.A. History, Lakeshore University, 2013\n",
}


@pytest.mark.parametrize(
    ("question", "names"),
    [
        # a field of study is met by a degree in it ("math": mathematics), not by a line with
        # the word
        ("Who studied math?", ["Ines Varga", "Tom Reyes"]),
        ("anyone with a degree in maths", ["Ines Varga", "Tom Reyes"]),
        # a degree from a school: both, and the school is no place anyone lives
        ("Who has a master's in mathematics from Hill College?", ["Tom Reyes"]),
        ("Who studied math at Lakeshore University?", ["Ines Varga"]),
        ("Who has a master's from Lakeshore University?", []),
        ("Who has a degree from Lakeshore University?", ["Ines Varga", "Kai Moreno"]),
    ],
)
def test_fields_of_study_and_the_school_of_a_degree(
    ingestor: Ingestor, assistant: Assistant, question: str, names: list[str]
) -> None:
    _ingest(ingestor, STUDIED)
    _answers_name(assistant, {question: names})


EMPLOYERS = {
    "ada.txt": "Ada Moss\nada@example.com\n\nExperience\nEngineer, Larkspur Labs, 2019 - present\n"
    "Analyst, Quarry Bank, 2015 - 2019\n",
    "ben.txt": "Ben Ortiz\nben@example.com\n\nExperience\n"
    "Engineer, Larkspur Labs, 2018 - present\n",
    "cy.txt": "Cy Hale\ncy@example.com\n\nExperience\nBuyer, Marks and Spencer, 2016 - present\n",
}


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("Who has worked at Larkspur Labs and Quarry Bank?", ["Ada Moss"]),  # both
        ("Who has worked at Larkspur Labs or Quarry Bank?", ["Ada Moss", "Ben Ortiz"]),
        ("Who has worked at Marks and Spencer?", ["Cy Hale"]),  # one employer's name
        ("Who has worked at Quarry Bank and Marks and Spencer?", []),
    ],
)
def test_employers_joined_by_and_are_each_asked(
    ingestor: Ingestor, assistant: Assistant, question: str, names: list[str]
) -> None:
    _ingest(ingestor, EMPLOYERS)
    _answers_name(assistant, {question: names})


def test_named_candidate_questions_stay_with_that_candidate(team: Assistant) -> None:
    answer = team.ask("What is Omar's email?")
    assert answer.candidates == ["Omar Haddad"]
    assert [c.text for c in answer.citations] == ["omar@example.org"]
    education = team.ask("Where did Dana Park study?")
    assert [c.text for c in education.citations] == ["M.S. Computer Science, Lakeshore University"]


def test_follow_ups_resolve_to_the_previous_candidates(team: Assistant) -> None:
    chat = Conversation()
    team.ask("Who speaks Spanish?", chat)
    narrowed = team.ask("Which of them know React?", chat)
    assert narrowed.candidates == ["Lena Fischer"]
    assert "the 2 candidates from the previous answer" in narrowed.answer
    study = team.ask("Where did she study?", chat)
    assert [c.text for c in study.citations] == ["B.S. Informatics, Hill College"]
    other = team.ask("What about Kafka?", Conversation(turns=chat.turns[:1]))
    assert other.candidates == ["Omar Haddad"]


def test_those_two_gathers_the_people_of_the_last_answers(team: Assistant) -> None:
    chat = Conversation()
    team.ask("What languages does Dana Park speak?", chat)
    team.ask("And Lena Fischer?", chat)
    both = team.ask("Which of those two knows Kubernetes?", chat)
    assert sorted(both.candidates) == ["Dana Park", "Lena Fischer"]  # k8s is Kubernetes
    assert team.ask("Which of those two knows React?", chat).candidates == ["Lena Fischer"]


def test_yes_no_about_a_named_candidate(team: Assistant) -> None:
    assert team.ask("Does Dana know Terraform?").answer.startswith("Yes")
    no = team.ask("Does Dana know Kafka?")
    assert no.answer.startswith("No") and no.candidates == []


def test_focus_limits_the_pool(team: Assistant) -> None:
    lena = next(c.id for c in team.candidates() if c.name == "Lena Fischer")
    answer = team.ask("Who speaks Spanish?", focus=[lena])
    assert answer.candidates == ["Lena Fischer"]
    assert "in focus" in answer.answer


def test_every_citation_quotes_the_stored_lines(team: Assistant) -> None:
    for question in ["Who knows Go?", "Summarize Lena Fischer", "What is Dana's phone number?"]:
        answer = team.ask(question)
        assert answer.citations
        assert verify(answer.citations, team.catalog) == answer.citations
        for c in answer.citations:
            assert f"[{c.n}]" in answer.answer


def test_tampered_citations_are_rejected(team: Assistant) -> None:
    answer = team.ask("Who knows Go?")
    forged = answer.citations[0].model_copy(update={"text": "Go, Rust and a Nobel prize"})
    moved = answer.citations[0].model_copy(update={"line_start": 99, "line_end": 99})
    assert verify([forged, moved], team.catalog) == []


def test_plan_kinds(team: Assistant) -> None:
    catalog = team.catalog
    assert plan_question("Which candidates know Terraform and Go?", catalog).concepts == [
        [("terraform",)],
        [("golang",)],
    ]
    assert plan_question("Summarize Dana Park's background", catalog).aspect == "summary"
    about = plan_question("What is Lena's phone number?", catalog)
    assert (about.kind, about.aspect, about.contact_fields) == ("about", "contact", ["phone"])
    assert plan_question("Tell me about platform work", catalog).kind == "search"


def test_match_finds_candidates_beyond_any_top_k(ingestor: Ingestor, assistant: Assistant) -> None:
    """60 resumes that all talk about Python; the three that also know Elixir must all be found
    even though vector search only returns a handful of chunks."""
    files = []
    for i in range(60):
        skills = "Python, SQL, Docker" + (", Elixir" if i in (7, 33, 58) else "")
        surname = "Q" + "abcdefghij"[i // 10] + "abcdefghij"[i % 10]
        text = f"Alex {surname}\nSummary\nPython developer.\nSkills\n{skills}\n"
        files.append(SourceFile(f"p{i:02d}.txt", data=text.encode()))
    ingestor.ingest(files)
    assistant.settings = assistant.settings.model_copy(update={"semantic_k": 5})
    answer = assistant.ask("Who knows Elixir?")
    assert sorted(answer.candidates) == ["Alex Qah", "Alex Qdd", "Alex Qfi"]
    assert len(assistant.ask("Who knows Python?").candidates) == 60


def test_tool_names_that_sound_like_contact_details(team: Assistant) -> None:
    from assistant.question import plan_question

    plan = plan_question("Who has GitHub Actions experience?", team.catalog)
    assert plan.kind == "match" and plan.concepts == [[("github", "action")]]
    assert plan_question("What is Lena's github?", team.catalog).kind == "about"


def test_requirement_words_must_stand_together(ingestor: Ingestor, assistant: Assistant) -> None:
    ingestor.ingest(
        [
            SourceFile("a.txt", data=b"Ann Vale\nSenior Data Engineer at Fjordline\n"),
            SourceFile("b.txt", data=b"Bo Lund\nEngineer who built dashboards; data was messy\n"),
            SourceFile("c.txt", data=b"Cy Moss\nSenior Front-End Developer\n"),
            SourceFile("d.txt", data=b"Di Park\nFrontend developer (React)\n"),
        ]
    )
    assert assistant.ask("Who would be a good fit for a data engineering role?").candidates == [
        "Ann Vale"
    ]
    for spelling in ("frontend", "front-end"):
        found = assistant.ask(f"Show me {spelling} developers").candidates
        assert sorted(found) == ["Cy Moss", "Di Park"], spelling


def test_years_of_experience_come_from_stated_years_or_dated_roles(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    ingestor.ingest(
        [
            SourceFile("a.txt", data=b"Ann Vale\nData engineer with 8 years of Python work\n"),
            SourceFile("b.txt", data=b"Bo Lund\nAnalyst with 5 years of experience. Python, SQL\n"),
            SourceFile("c.txt", data=b"Cy Moss\nEngineer, 12+ yrs in Java\nPython (basic)\n"),
        ]
    )
    more = assistant.ask("Who has more than 5 years of experience?")
    assert sorted(more.candidates) == ["Ann Vale", "Cy Moss"]
    assert any(
        "the span of the dated roles, or the years a resume states" in n for n in more.notices
    )
    assert sorted(assistant.ask("Who has 5+ years?").candidates) == [
        "Ann Vale",
        "Bo Lund",
        "Cy Moss",
    ]
    # The skill must be on the line that states the years.
    assert assistant.ask("Who has at least 6 years of Python experience?").candidates == [
        "Ann Vale"
    ]


def test_a_summary_says_the_career_and_quotes_every_role(dated: Assistant) -> None:
    answer = dated.ask("Summarize Rui Costa")
    head = answer.answer.splitlines()[0]
    assert head.endswith(
        "summary: 2 roles since 2015; now Staff Engineer at Tidewater Labs (2020 to now)."
    )
    quoted = [c.text for c in answer.citations]
    for role in (
        "Staff Engineer, Tidewater Labs, 2020 - present",
        "Software Engineer, Kestrel Bank, 2015 - 2020",
    ):
        assert role in quoted
    assert "B.S. Computer Science, Hill College, 2014" in quoted


def test_compare_the_candidates_a_description_fits(dated: Assistant) -> None:
    answer = dated.ask("Compare the analysts")  # Mia was one, Eve is one
    assert answer.answer.startswith("Side by side")
    assert sorted(answer.candidates) == ["Eve Holt", "Mia Berg"]
    many = dated.ask("Compare the engineers")  # Rui and Mia: two
    assert sorted(many.candidates) == ["Mia Berg", "Rui Costa"]


def test_years_of_experience_alone_count_the_dated_roles(dated: Assistant) -> None:
    # Rui: roles since 2015; Mia: since 2019; Eve: two years.
    rui = dated.ask("Who has 9+ years of experience?")
    assert rui.candidates == ["Rui Costa"]
    assert "**Rui Costa**: 12 years of dated roles; “Software Engineer, Kestrel Bank" in (
        rui.answer
    )
    assert dated.ask("Does Eve have 5+ years of experience?").answer.startswith("No: **Eve Holt**")


def test_years_of_experience_beside_a_skill_count_the_whole_career(dated: Assistant) -> None:
    # Rui: roles since 2015 and Kafka; Mia: Kafka, roles since 2019; Eve: no Kafka.
    answer = dated.ask("Who knows Kafka and has 9+ years of experience?")
    assert answer.candidates == ["Rui Costa"]
    quoted = [c.text for c in answer.citations]
    assert "Software Engineer, Kestrel Bank, 2015 - 2020" in quoted  # what dates the career
    assert any("Kafka" in q for q in quoted)
    assert sorted(dated.ask("kafka people with 3+ years of experience").candidates) == [
        "Mia Berg",
        "Rui Costa",
    ]


_DATED = {
    "rui.txt": (
        "Rui Costa\nrui@example.com\n\nExperience\n"
        "Staff Engineer, Tidewater Labs, 2020 - present\n"
        "- Built the billing ledger on Kafka\n"
        "Software Engineer, Kestrel Bank, 2015 - 2020\n"
        "- Wrote the fraud rules engine in Scala\n"
        "\nEducation\nB.S. Computer Science, Hill College, 2014\n"
        "\nSkills\nKafka, Scala, Terraform\n"
    ),
    "mia.txt": (
        "Mia Berg\nmia@example.com\n\nExperience\n"
        "Data Engineer, Kestrel Bank, 2021 - present\n"
        "- Moved the fraud rules engine onto Kafka\n"
        "Analyst, Tidewater Labs, 2019 - 2021\n"
        "- Built Terraform modules for the data team\n"
        "\nEducation\nM.S. Statistics, Lakeshore University, 2018\n"
    ),
    # Dated from today, so the spans below hold whatever year the tests run in.
    "eve.txt": (
        "Eve Holt\n\nExperience\n"
        f"Junior Analyst, Tidewater Labs, {date.today().year - 2} - present\n"
        "- Cleaned survey data in Excel\n"
    ),
}


@pytest.fixture
def dated(ingestor: Ingestor, assistant: Assistant) -> Assistant:
    files = [SourceFile(name, data=text.encode()) for name, text in _DATED.items()]
    assert not ingestor.ingest(files).failed
    return assistant


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("Who worked at Kestrel Bank before 2018?", ["Rui Costa"]),
        ("Who has worked at Kestrel Bank since 2021?", ["Mia Berg"]),
        ("Who is currently at Kestrel Bank?", ["Mia Berg"]),
        ("Who worked at Tidewater Labs in 2019?", ["Mia Berg"]),
        ("Who worked at Tidewater Labs between 2010 and 2018?", []),
        ("who's worked at kestrel bank", ["Mia Berg", "Rui Costa"]),
        ("Who has used Kafka since 2021?", ["Mia Berg", "Rui Costa"]),
        ("Who used Kafka before 2021?", ["Rui Costa"]),
        # "Terraform" in a skills list has no date: only lines under a dated role count.
        ("Who has worked with Terraform since 2019?", ["Mia Berg"]),
        ("Who wrote Scala between 2015 and 2019?", ["Rui Costa"]),
        ("Who graduated before 2015?", ["Rui Costa"]),
        ("Who got a master's after 2015?", ["Mia Berg"]),
        ("Who has less than 5 years of experience?", ["Eve Holt"]),
        ("Who has at most 40 years of experience?", ["Eve Holt", "Mia Berg", "Rui Costa"]),
        ("Who has between 6 and 40 years of experience?", ["Mia Berg", "Rui Costa"]),
        # years of a skill: the dated roles whose lines mention it, added up
        ("Who has 5+ years of Scala?", ["Rui Costa"]),  # Kestrel Bank, 2015 - 2020
        ("Who has 7+ years of Scala?", []),
        ("Who has 3+ years of Terraform?", ["Mia Berg"]),  # the skills list has no dates
        ("Who has more than 3 years of Terraform?", []),
        # the start of a career is the earliest dated role
        ("Who started their career before 2018?", ["Rui Costa"]),
        ("Who began working after 2016?", ["Eve Holt", "Mia Berg"]),
        ("Whose first job was at Tidewater Labs?", ["Eve Holt", "Mia Berg"]),
        ("Who started their career at Kestrel Bank?", ["Rui Costa"]),  # Mia joined it later
        ("Who started their career at Kestrel Bank after 2016?", []),
        # the role held now: when it began, and how long it has lasted
        ("Who joined their current employer in 2021?", ["Mia Berg"]),
        ("Who has been in their current role since 2020?", ["Eve Holt", "Mia Berg", "Rui Costa"]),
        ("Who has been at their current company for less than 4 years?", ["Eve Holt"]),
        ("Who has been at their current company for more than 4 years?", ["Mia Berg", "Rui Costa"]),
    ],
)
def test_dates_and_bounds_are_checked_against_dated_roles_and_degrees(
    dated: Assistant, question: str, who: list[str]
) -> None:
    assistant = dated
    answer = assistant.ask(question)
    assert sorted(answer.candidates) == who
    if not who:
        assert answer.answer.startswith("No candidate matches")
    assert verify(answer.citations, assistant.catalog) == answer.citations


Span = tuple[tuple[int, int | None], tuple[int, int | None] | None]


@pytest.mark.parametrize(
    ("roles", "at_least", "gaps"),
    [
        # years without months read as January to December: no gap between them
        ([((2015, None), (2018, None)), ((2019, None), None)], 6, []),
        ([((2015, 1), (2018, 6)), ((2019, 3), None)], 6, ["a gap of 8 months, 2018-07 to 2019-02"]),
        ([((2015, 1), (2018, 6)), ((2019, 3), None)], 9, []),
        # overlapping roles cover each other; the gap starts after the later end
        ([((2012, 1), (2016, 12)), ((2014, 1), (2015, 6)), ((2017, 9), None)], 9, []),
        (
            [((2012, 1), (2016, 12)), ((2014, 1), (2015, 6)), ((2017, 9), None)],
            3,
            ["a gap of 8 months, 2017-01 to 2017-08"],
        ),
        # nothing held now: the gap runs to today
        ([((2010, 1), (2012, 12))], 6, ["a gap of 162 months, 2013-01 to now"]),
    ],
)
def test_employment_gaps_are_months_no_dated_role_covers(
    roles: list[Span], at_least: int, gaps: list[str]
) -> None:
    positions = [
        Position(
            line_start=1,
            line_end=1,
            start=PartialDate(year=start[0], month=start[1]),
            end=PartialDate(year=end[0], month=end[1]) if end else None,
            current=end is None,
        )
        for start, end in roles
    ]
    found = employment_gaps(positions, date(2026, 6, 15), at_least)
    assert [g.text() for g in found] == gaps


def test_gaps_in_employment_are_answered_from_the_dated_roles(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    people = {
        "ada.txt": "Ada Moss\n\nExperience\nEngineer, Fjordline, Mar 2019 - present\n"
        "Career break, Jul 2017 - Feb 2019\n- Family caregiving\n"
        "Analyst, Harbor Mutual, Jan 2014 - Jun 2017\n",
        "bo.txt": "Bo Lund\n\nExperience\nEngineer, Fjordline, 2018 - present\n"
        "Analyst, Harbor Mutual, 2014 - 2017\n",
    }
    files = [SourceFile(n, data=t.encode()) for n, t in people.items()]
    assert not ingestor.ingest(files).failed
    answer = assistant.ask("Which candidates have gaps in their employment?")
    assert answer.candidates == ["Ada Moss"]  # a "Career break" entry is no work
    assert "a gap of 20 months, 2017-07 to 2019-02" in answer.answer
    quoted = [c.text for c in answer.citations]
    assert "Career break, Jul 2017 - Feb 2019" in quoted
    assert assistant.ask("Who has a career gap of more than 2 years?").candidates == []
    # nor is it an employer, a role or a first job
    assert assistant.ask("Who has worked at 3 or more companies?").candidates == []
    roles = assistant.ask("Which companies has Ada worked for?")
    assert "Career break" not in roles.answer.split("\n")[0]
    assert "Fjordline" in roles.answer and "Harbor Mutual" in roles.answer


def test_who_can_join_soon_is_answered_from_the_notice_stated(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "ira.txt": "Ira Venn\nNotice Period: 30 days\n\nExperience\n"
            "Java Developer, Fjordline, 2019 - present\n",
            "juno.txt": "Juno Marsh\nNotice Period: 90 days\n\nExperience\n"
            "Java Developer, Harbor Mutual, 2018 - present\n",
            "kit.txt": "Kit Arden\nImmediate joiner\n\nExperience\n"
            "Python Developer, Fjordline, 2020 - present\n",
            "lev.txt": "Lev Orr\n\nExperience\nJava Developer, Harbor Mutual, 2017 - present\n",
        },
    )
    _answers_name(
        assistant,
        {
            "Who can join within 30 days?": ["Ira Venn", "Kit Arden"],
            "Who are immediate joiners?": ["Kit Arden"],
            "Which Java developers can start in less than 3 months?": ["Ira Venn"],
        },
    )
    answer = assistant.ask("Who can join within 30 days?")
    assert "Notice Period: 30 days" in [c.text for c in answer.citations]
    # whoever states nothing is not guessed at, and the answer says so
    assert any("No notice period stated by 1 of the 4 candidates" in n for n in answer.notices)
    # Ranked by the notice stated: the shortest first, or the longest; of the rest asked too.
    for question, order in [
        ("Who has the shortest notice period?", ["Kit Arden", "Ira Venn", "Juno Marsh"]),
        ("Who can start soonest?", ["Kit Arden", "Ira Venn", "Juno Marsh"]),
        ("who has the longest notice?", ["Juno Marsh", "Ira Venn", "Kit Arden"]),
        ("Which Java developers can join the earliest?", ["Ira Venn", "Juno Marsh"]),
    ]:
        ranked = assistant.ask(question)
        assert ranked.candidates == order, question
        assert "Lev Orr" not in ranked.answer, question  # states no notice: not guessed at


def test_a_verb_much_commoner_than_its_object_does_not_veto(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "ona.txt": "Ona Pike\n\nExperience\n- Run 40 A/B tests a quarter on onboarding\n"
            "- Run the weekly planning meeting\n",
            "pia.txt": "Pia Lund\n\nExperience\n- Design and read out A/B tests\n"
            "- Run the data guild\n",
            "quin.txt": "Quin Roe\n\nExperience\n- Run unit tests in CI\n- Run the help desk\n",
            "rue.txt": "Rue Dahl\n\nExperience\n- Taught Python to interns\n- Run payroll\n",
            "sol.txt": "Sol Hart\n\nExperience\n- Python services at Fjordline\n- Run a team\n",
        },
    )
    _answers_name(
        assistant,
        {
            # "run" is on every resume, "A/B" on two: the test decides, whatever verb is used
            "Who has run A/B tests?": ["Ona Pike", "Pia Lund"],
            # a verb as rare as what it acts on stays required
            "Who has taught Python?": ["Rue Dahl"],
        },
    )


def test_a_certification_being_prepared_is_not_held(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "mia.txt": "Mia Stroud\n\nCertificaciones\n- Lean Six Sigma Black Belt (ASQ), 2017\n"
            "- PMP — en preparación (examen programado para 2027)\n",
            "nils.txt": "Nils Brandt\n\nCertifications\n- PMP, 2019\n"
            "- AWS Solutions Architect (in progress)\n",
        },
    )
    _answers_name(
        assistant,
        {
            "Who is PMP certified?": ["Nils Brandt"],
            "Who has a Lean Six Sigma certification?": ["Mia Stroud"],  # a heading in Spanish
        },
    )
    # one in progress is no certification held, nor a near one: nobody holds it
    aws = assistant.ask("Who is AWS certified?")
    assert not aws.citations and "none of the 2 candidates holds “aws certified”" in aws.answer


def test_a_section_named_for_two_things_holds_lines_of_both(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "ravi.txt": "Ravi Menon\n\nExperience\nSous Chef, Copper Pot, 2018 - Present\n"
            "- Ran the kitchen's food safety audits\n\nEducation & Certificates\n"
            "Diploma in Culinary Arts, Harbor Institute, 2012\nFood Safety Level 3, 2021\n",
            "june.txt": "June Okafor\n\nExperience\nHead Cook, Pine Cafe, 2016 - Present\n"
            "- Wrote the food safety plan for two sites\n\nEducation\n"
            "Diploma in Hospitality, Harbor Institute, 2014\n",
        },
    )
    _answers_name(
        assistant,
        {
            # the certificate sits under "Education & Certificates": it is one
            "Who has food safety certification?": ["Ravi Menon"],
            "Who is certified in food safety?": ["Ravi Menon"],
            "Who knows food safety?": ["June Okafor", "Ravi Menon"],
        },
    )


def test_a_near_certification_that_misses_a_name_asked_is_another_one(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "tia.md": "# Tia Brooks\n\n## Employment\nShift Lead, Northgate Depot, 2019 - present\n"
            "- Cut dock-to-stock time from 26h to 9h\n\n## Education & Certs\n"
            "- Lean Six Sigma Yellow Belt\n- Forklift operator card\n",
            "max.md": "# Max Lund\n\n## Employment\nBookkeeper, Eastway Freight, 2018 - present\n"
            "- Weekly carrier scorecards\n\n## Qualifications\n"
            "AAT Level 4 Diploma in Professional Accounting (2012)\n",
        },
    )
    green = assistant.ask("Anyone with a Six Sigma Green Belt?")
    assert green.citations == [] and green.answer.startswith("No candidate matches")
    # a line under "Qualifications" is read so too, whoever the vector search brings near
    catalog = assistant.catalog
    aat = next(i for i, ref in enumerate(catalog.lines) if "AAT Level 4" in ref.line.text)
    near = Nearness(catalog.lines[aat].candidate_id, {"coverage": 0.5}, 0.5, ((aat, aat),), "")
    assert another_credential(catalog, near, "Looking for a fully qualified ACCA accountant")
    assert not another_credential(catalog, near, "Who has an AAT diploma in accounting?")
    # the one she holds is still found, word for word
    assert assistant.ask("Who has a Six Sigma belt?").candidates == ["Tia Brooks"]


def test_a_registration_is_a_credential_and_working_towards_one_holds_none(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "kit.txt": "Kit Varga\n\nQualifications\n- Working towards Gas Safe registration, "
            "assessments booked for March\n- Level 3 plumbing apprenticeship\n",
            "lev.txt": "Lev Arden\n\nQualifications\n- Gas Safe registered engineer (2019)\n",
            "ona.txt": "Ona Price\n\nExperience\nSocial worker, Harbor Trust, 2017 - Present\n"
            "- CORU registered social worker\n",
        },
    )
    _answers_name(
        assistant,
        {"Who is Gas Safe registered?": ["Lev Arden"], "Who is CORU registered?": ["Ona Price"]},
    )


def test_a_charter_is_held_as_a_certification_and_registering_for_its_exam_holds_none(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "nils.txt": "Nils Brandt\n\nCertifications\n"
            "- CFA Program: registered for Level I (exam window February 2027)\n",
            "pia.txt": "Pia Lund\n\nExperience\nEditor, Quire, 2016 - Present\n",
            "rue.txt": "Rue Dahl\n\nExperience\nNurse, Harbor, 2015 - Present\n",
        },
    )
    # registering for the exam is no charter, nor near one
    nobody = assistant.ask("Who's a CFA charterholder?")
    assert nobody.candidates == [] and not nobody.citations
    _ingest(ingestor, {"oda.txt": "Oda Lind\n\nCertifications\n- CFA charterholder, 2020\n"})
    _answers_name(assistant, {"Who's a CFA charterholder?": ["Oda Lind"]})


def test_a_gap_between_jobs_has_a_job_after_it_and_an_internship_opens_none(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "cy.txt": "Cy Moe\n\nExperience\nAnalyst, Harbor Mutual, Jan 2014 - Jun 2020\n",
            "di.txt": "Di Ray\n\nExperience\nEngineer, Fjordline, Jul 2019 - present\n"
            "Data Science Intern, Harbor Mutual, Jun 2017 - Aug 2017\n",
            "eo.txt": "Eo Park\n\nExperience\nEngineer, Fjordline, Jul 2019 - present\n"
            "Analyst, Harbor Mutual, Jun 2015 - Aug 2017\n",
        },
    )
    # since mid-2020 Cy holds no role: a gap, but not one between two jobs; Di studied
    assert assistant.ask("Who has employment gaps?").candidates == ["Cy Moe", "Eo Park"]
    between = assistant.ask("Who has a gap in employment between two jobs?")
    assert between.candidates == ["Eo Park"]


def test_who_holds_no_role_now_and_when_the_last_ended(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    people = {
        "ada.txt": "Ada Moss\n\nExperience\nEngineer, Fjordline, 2019 - 2023\n"
        "Analyst, Harbor Mutual, 2014 - 2019\n",
        "bo.txt": "Bo Lund\n\nExperience\nEngineer, Fjordline, 2018 - present\n"
        "Analyst, Harbor Mutual, 2014 - 2017\n",
    }
    files = [SourceFile(n, data=t.encode()) for n, t in people.items()]
    assert not ingestor.ingest(files).failed
    for question in ("Who is not currently working?", "who is between jobs", "Who is unemployed?"):
        answer = assistant.ask(question)
        assert answer.candidates == ["Ada Moss"]
        assert [c.text for c in answer.citations] == ["Engineer, Fjordline, 2019 - 2023"]
    assert any("not a reason to screen anyone out" in n for n in answer.notices)
    assert assistant.ask("Who left their last job in 2023?").candidates == ["Ada Moss"]
    assert assistant.ask("Who left their last job in 2017?").candidates == []  # Bo is employed
    # a role that ended is no current company
    assert assistant.ask("Who has been at their current company for 2+ years?").candidates == [
        "Bo Lund"
    ]


def test_time_at_the_current_employer_counts_from_the_first_role_there(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    text = (
        "Ola Nord\n\nExperience\nLead Engineer, Harbor Mutual, 2022 - present\n"
        "Engineer, Harbor Mutual, 2018 - 2022\nIntern, Fjordline, 2017 - 2018\n"
    )
    assert not ingestor.ingest([SourceFile("ola.txt", data=text.encode())]).failed
    joined = assistant.ask("Who joined their current company in 2018?")
    assert joined.candidates == ["Ola Nord"]
    assert [c.text for c in joined.citations] == ["Engineer, Harbor Mutual, 2018 - 2022"]
    assert assistant.ask("Who started their current role in 2022?").candidates == ["Ola Nord"]
    assert assistant.ask("Who joined their current employer in 2022?").candidates == []


@pytest.mark.parametrize(
    ("question", "fact", "quoted"),
    [
        (
            "What is Rui Costa's current title?",
            "current role: Staff Engineer at Tidewater Labs, since 2020.",
            ["Staff Engineer, Tidewater Labs, 2020 - present"],
        ),
        (
            "Where does Mia work now?",
            "current role: Data Engineer at Kestrel Bank, since 2021.",
            ["Data Engineer, Kestrel Bank, 2021 - present"],
        ),
        (
            "What was Rui's first job?",
            "first role: Software Engineer at Kestrel Bank (2015 to 2020).",
            ["Software Engineer, Kestrel Bank, 2015 - 2020"],
        ),
        (
            "Who was Mia Berg's previous employer?",
            "previous role: Analyst at Tidewater Labs (2019 to 2021).",
            ["Analyst, Tidewater Labs, 2019 - 2021"],
        ),
        (
            "Which companies has Rui Costa worked for?",
            "roles: 2 roles: Tidewater Labs, Kestrel Bank, latest first.",
            [
                "Staff Engineer, Tidewater Labs, 2020 - present",
                "Software Engineer, Kestrel Bank, 2015 - 2020",
            ],
        ),
        (
            "Where did Rui work before Tidewater Labs?",
            "roles: 1 role: Kestrel Bank, latest first.",
            ["Software Engineer, Kestrel Bank, 2015 - 2020"],
        ),
        (
            "How long was Rui at Kestrel Bank?",
            "roles: Software Engineer at Kestrel Bank (2015 to 2020): 6 years.",
            ["Software Engineer, Kestrel Bank, 2015 - 2020"],
        ),
    ],
)
def test_role_facts_are_said_first_and_cited(
    dated: Assistant, question: str, fact: str, quoted: list[str]
) -> None:
    answer = dated.ask(question)
    head = answer.answer.splitlines()[0]
    assert head.endswith(fact)
    assert [c.text for c in answer.citations] == quoted
    assert verify(answer.citations, dated.catalog) == answer.citations


def test_the_first_one_is_the_first_of_the_last_list(team: Assistant) -> None:
    chat = Conversation()
    listed = team.ask("Who speaks Spanish?", chat).candidates
    assert len(listed) == 2
    first = team.ask("Tell me more about the first one", chat)
    assert first.candidates == [listed[0]]
    # still of that list, though the last answer named one
    second = team.ask("What is the second one's email?", chat)
    assert second.candidates == [listed[1]]
    assert [c.text for c in second.citations if "@" in c.text]
    assert team.ask("Where does the last one live?", chat).candidates == [listed[-1]]
    # "Who was the first one to ...?" asks who, of everyone
    asks_who = plan_question("Who was the first one to run Kafka clusters?", team.catalog, chat)
    assert asks_who.scope == "all"


def test_what_about_asks_the_previous_question_again_about_something_else(
    dated: Assistant,
) -> None:
    chat = Conversation()
    assert dated.ask("Who worked at Tidewater Labs in 2019?", chat).candidates == ["Mia Berg"]
    again = dated.ask("what about Kestrel Bank?", chat)
    assert again.candidates == ["Rui Costa"]  # at Kestrel Bank, and in 2019
    assert dated.ask("And how about Fjordline?", chat).answer.startswith("No candidate matches")
    chat = Conversation()
    dated.ask("Who knows Scala?", chat)
    assert sorted(dated.ask("What about Terraform?", chat).candidates) == ["Mia Berg", "Rui Costa"]
    chat = Conversation()
    assert dated.ask("Who studied at Hill College?", chat).candidates == ["Rui Costa"]
    again = dated.ask("what about lakeshore university?", chat)
    assert again.candidates == ["Mia Berg"]
    assert "“Lakeshore University”" in again.answer  # read as a school, as the first was


def test_most_senior_with_a_requirement_ranks_those_who_match(dated: Assistant) -> None:
    answer = dated.ask("Who is the most senior candidate with Kafka?")
    assert answer.candidates == ["Rui Costa", "Mia Berg"]  # Eve Holt has no Kafka
    assert answer.answer.index("Rui Costa") < answer.answer.index("Mia Berg")


@pytest.mark.parametrize(
    ("question", "order"),
    [
        ("Who has the most experience with Kafka?", ["Rui Costa", "Mia Berg"]),
        ("Who has the most years of Kafka?", ["Rui Costa", "Mia Berg"]),
        ("Who has the least experience with Kafka?", ["Mia Berg", "Rui Costa"]),
        ("Who is the most junior candidate with Kafka?", ["Mia Berg", "Rui Costa"]),
    ],
)
def test_most_and_least_experience_with_a_skill_rank_those_who_have_it(
    dated: Assistant, question: str, order: list[str]
) -> None:
    answer = dated.ask(question)
    assert answer.candidates == order  # Eve Holt has no Kafka
    assert answer.answer.index(order[0]) < answer.answer.index(order[1])


@pytest.mark.parametrize(
    ("line", "sizes"),
    [
        ("Led a team of 8 on the consumer app; hired 11 engineers.", [8]),
        ("Manage 14 engineers across three teams", [14]),
        ("Lead 7 account executives; the team hit 112% of target", [7]),
        ("Supervised 45 people on the cross-border desk", [45]),
        ("Responsible for a team of 46 nurses", [46]),
        ("Tech lead for a squad of 5", [5]),
        ("Run a brigade of 22 across lunch and dinner, 350 covers a night", [22]),
        ("Has run teams of up to 120 people across two shifts", [120]),
        # not leading a team
        ("Helped a team of 9 move from C to Rust", []),
        ("Managed defect triage in Jira and TestRail for a team of 12 developers", []),
        ("Led the platform team of 12 engineers", [12]),
        ("Mentored 3 new-grad engineers", []),
        ("Carried the pager; led 12 post-incident reviews", []),
        ("Ran 12 experiments on the booking pages with the growth squad", []),
        ("Led 40 deployments a month for the payments team", []),
        ("Ran 8 events a year for the alumni network", []),
        ("Supervised 6 agents on the night desk", [6]),
        ("Managed 9 residents on the surgical rotation", [9]),
        # a team led with no size said: at least one person
        ("Managed the QA team through two releases", [1]),
        ("Team Lead, Payments Platform", [1]),
        ("Supervise nursing staff on nights", [1]),
        ("Prioritized the backlog with the engineering leads", []),
        ("Managed the migration to AWS Secrets Manager", []),
        ("Product Manager for the patient app", []),
        ("Managed 3 projects worth $2M", []),
        ("Hired 11 engineers in 2023", []),
    ],
)
def test_team_sizes_stated_in_a_line(line: str, sizes: list[int]) -> None:
    assert team_sizes(line) == sizes


def test_led_a_team_of_more_than_n_reads_the_sizes_lines_state(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    people = {  # invented
        "ines.txt": "Ines Morrow\nExperience\nNorthwind — Engineering Manager, 2019 – Present\n"
        "- Manage 14 engineers across two teams\n",
        "oskar.txt": "Oskar Lind\nExperience\nBrightline — Tech Lead, 2020 – Present\n"
        "- Led a team of 6 engineers; mentored 12 interns\n",
        "pia.txt": "Pia Santos\nExperience\nHarbor Clinic — Charge Nurse, 2016 – Present\n"
        "- Supervised 30 nurses on nights\n",
    }
    _ingest(ingestor, people)
    assert assistant.ask("Who has led a team of more than 10 engineers?").candidates == [
        "Ines Morrow"
    ]
    assert sorted(assistant.ask("Who has managed 5+ people?").candidates) == [
        "Ines Morrow",
        "Oskar Lind",
        "Pia Santos",
    ]
    nobody = assistant.ask("Who has managed more than 50 people?")
    assert nobody.candidates == [] and nobody.answer.startswith("No candidate matches")
    # the line that states the size is quoted before the title that only implies a team
    managers = assistant.ask("Who has managed people?")
    ines = [c.text for c in managers.citations if c.candidate == "Ines Morrow"]
    assert ines[0] == "- Manage 14 engineers across two teams"


def test_a_team_on_one_line_and_the_setting_on_another(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    people = {  # invented
        "teo.txt": "Teo Brandt\nExperience\nOsteria Lume (restaurant) — Head Chef, 2018 – Present\n"
        "- Run a brigade of 14 across two services\n- Trained line cooks\n",
        "uma.txt": "Uma Hale\nExperience\nCafe Ondo — Line Cook, 2019 – Present\n"
        "- Cooked for a 60-seat restaurant\n",
    }
    _ingest(ingestor, people)
    answer = assistant.ask("Who has managed a team of cooks in a restaurant?")
    assert answer.candidates == ["Teo Brandt"]
    assert answer.citations[0].text == "- Run a brigade of 14 across two services"
    assert any("team on one line" in n for n in answer.notices)
    # with a number, the size is still a bound: nobody ran more than 20
    assert assistant.ask("Who has led a team of more than 20 cooks?").candidates == []


_POLYGLOTS = {  # invented
    "lena.txt": "Lena Fischer\n\nLanguages\nGerman (native), English (C2), French (B1)\n"
    "\nSkills\nLanguages: Python, Go, Rust\n"
    "\nExperience\nStaff Engineer, Kestrel Bank, 2019 - present\n"
    "Engineer, Kestrel Bank, 2015 - 2019\n",
    "omar.txt": "Omar Haddad\n\nLanguages\nArabic (native), English (fluent)\n"
    "\nCertifications\nCKA (2021)\nAWS Solutions Architect (2022)\n"
    "\nExperience\nLead Engineer, Tidewater Labs, 2021 - present\n"
    "Engineer, Harbor Mutual, 2017 - 2021\nAnalyst, Fjordline, 2014 - 2017\n",
    "ivy.txt": "Ivy Tran\n\nLanguages\nEnglish\n\nSkills\nLanguages: Python\n"
    "\nExperience\nAnalyst, Pinegrove Labs, 2020 - present\nIntern, Fjordline, 2019 - 2020\n",
}


def test_a_count_among_nobody_says_what_nobody_holds(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(ingestor, _POLYGLOTS)
    # nobody is a pilot: no "none of the 0 candidates who match"
    answer = assistant.ask("Which pilots speak at least two languages?")
    assert answer.answer == "No candidate matches: no resume mentions “pilots”."
    assert not answer.citations


@pytest.mark.parametrize(
    ("question", "order"),
    [
        ("Which candidate speaks the most languages?", ["Lena Fischer", "Omar Haddad", "Ivy Tran"]),
        ("Who speaks the fewest languages?", ["Ivy Tran", "Omar Haddad", "Lena Fischer"]),
        ("Who knows the most programming languages?", ["Lena Fischer", "Ivy Tran"]),
        ("Who has the most certifications?", ["Omar Haddad"]),
        # employers, two roles at one counted once
        ("Who has worked at the most companies?", ["Omar Haddad", "Ivy Tran", "Lena Fischer"]),
        ("Who has had the fewest employers?", ["Lena Fischer", "Ivy Tran", "Omar Haddad"]),
        # a minimum keeps those who reach it, most first
        ("Who has worked at three or more companies?", ["Omar Haddad"]),
        ("Who has worked at 2+ employers?", ["Omar Haddad", "Ivy Tran"]),
        ("Who speaks at least two languages?", ["Lena Fischer", "Omar Haddad"]),
        ("Who speaks more than 2 languages?", ["Lena Fischer"]),
        ("Who has at least 2 certifications?", ["Omar Haddad"]),
        ("Who has at least 3 certifications?", []),
        # what else the question asks narrows who is counted
        ("Which engineers speak at least two languages?", ["Lena Fischer", "Omar Haddad"]),
        ("Which analysts speak the most languages?", ["Omar Haddad", "Ivy Tran"]),
        ("Who has worked at Fjordline and at 2 or more companies?", ["Omar Haddad", "Ivy Tran"]),
        ("Which interns speak at least two languages?", []),
    ],
)
def test_the_most_languages_or_certifications_ranks_by_how_many_are_listed(
    ingestor: Ingestor, assistant: Assistant, question: str, order: list[str]
) -> None:
    files = [SourceFile(n, data=t.encode()) for n, t in _POLYGLOTS.items()]
    assert not ingestor.ingest(files).failed
    answer = assistant.ask(question)
    lines = answer.answer.splitlines()
    ranked = [line for line in lines if line[:1].isdigit()]
    # one person asked for ("Who has the most ..."): the first quoted, the rest named after
    then = [line for line in lines if line.startswith("Then ")]
    named = [n for line in ranked for n in order if n in line]
    if then:
        after = then[0].split(":", 1)[1]
        named += sorted((n for n in order if n in after), key=after.index)
    assert named == order
    if not order:
        assert answer.answer.startswith("No candidate matches") and not answer.citations
    if order and re.match(r"Who (?:has|speaks|knows)\b.*\b(?:most|fewest)\b", question):
        assert len(ranked) == 1 and {c.candidate for c in answer.citations} == {order[0]}


def test_no_to_a_language_quotes_the_languages_listed(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    files = [SourceFile(n, data=t.encode()) for n, t in _POLYGLOTS.items()]
    assert not ingestor.ingest(files).failed
    no = assistant.ask("Does Omar speak French?")
    assert no.answer.startswith("No: **Omar Haddad**'s resume does not mention french.")
    assert [c.text for c in no.citations] == ["Arabic (native), English (fluent)"]
    assert assistant.ask("Does Omar know Rust?").citations == []  # a plain no
    # at a level: the languages listed as fluent or native (Ivy lists English with no level)
    fluent = assistant.ask("Who speaks English fluently?").candidates
    assert sorted(fluent) == ["Lena Fischer", "Omar Haddad"]
    assert assistant.ask("Who speaks French fluently?").candidates == []  # Lena's is B1


def test_a_match_quotes_how_the_candidate_describes_themself_beside_the_best_line(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    resume = (  # invented
        "Noor Aziz\n\nSummary\nCritical care nurse with a decade at the bedside.\n"
        "\nExperience\nCharge Nurse, Lakeview Hospital, 2019 - present\n"
        "- Nurse preceptor for new nurses on the ICU\n"
        "Staff Nurse, Hill Clinic, 2014 - 2019\n"
    )
    assert not ingestor.ingest([SourceFile("noor.txt", data=resume.encode())]).failed
    answer = assistant.ask("Which candidates are nurses?")
    quoted = [c.text for c in answer.citations]
    assert "Critical care nurse with a decade at the bedside." in quoted
    assert len(quoted) == 2  # and the best-scoring line of the rest


def test_misspelt_skills_are_read_as_the_resumes_spell_them(dated: Assistant) -> None:
    answer = dated.ask("who knws terrafrom but not scala")
    assert answer.candidates == ["Mia Berg"]
    assert any("“terrafrom” as “terraform”" in n for n in answer.notices)


def test_what_did_they_do_at_an_employer_quotes_that_role(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    text = (
        "Rui Costa\nrui@example.com\n\nExperience\n"
        "Staff Engineer, Tidewater Labs, 2020 - present\n"
        "- Built the billing ledger\n- Ran the on-call rotation\n"
        "Software Engineer, Kestrel Bank, 2015 - 2020\n"
        "- Wrote the fraud rules engine\n- Mentored four interns\n"
    )
    assert not ingestor.ingest([SourceFile("rui.txt", data=text.encode())]).failed
    answer = assistant.ask("What did Rui Costa do at Kestrel Bank?")
    quoted = "\n".join(c.text for c in answer.citations)
    assert "Software Engineer, Kestrel Bank, 2015 - 2020" in quoted
    assert "Wrote the fraud rules engine" in quoted and "Mentored four interns" in quoted
    assert "Tidewater" not in quoted and "billing ledger" not in quoted
    assert verify(answer.citations, assistant.catalog) == answer.citations


def test_but_not_leaves_out_whoever_has_it(team: Assistant) -> None:
    answer = team.ask("Who knows Kubernetes but not Go?")
    assert answer.candidates == ["Lena Fischer"]
    assert "but not “go”" in answer.answer
    assert any("Left out" in n for n in answer.notices)
    assert team.ask("Which candidates speak Spanish, except Omar?").candidates == ["Lena Fischer"]


def test_what_a_skill_is_for_may_stand_on_another_line(team: Assistant) -> None:
    answer = team.ask("Who knows Go for platform engineering?")
    assert answer.candidates == ["Dana Park"]
    quoted = [c.text for c in answer.citations]
    assert "Kubernetes, Go, Terraform" in quoted and "Platform engineer." in quoted
    assert any("as a whole" in n for n in answer.notices)
    # one line holding both is read first, and then nothing is relaxed
    strict = team.ask("Who knows Kafka for Bluefin?")
    assert strict.candidates == ["Omar Haddad"]
    assert not any("as a whole" in n for n in strict.notices)
    # Nobody holds Kafka and platform engineering, on one line or apart: no match (in a pool
    # of three, the one who holds two of the three words may still be offered as possible).
    apart = team.ask("Who knows Kafka for platform engineering?")
    assert apart.answer.startswith("No line in the resumes of the 3 candidates states")
    assert "Omar Haddad" not in apart.candidates


def test_a_developer_and_the_language_may_stand_on_separate_lines(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    people = {
        "ana.txt": "Ana Ruiz\nSoftware Developer\n\nSkills\nJava, SQL\n",
        "ben.txt": "Ben Ode\nRegistered Nurse\n\nSkills\nJava (hobby), Epic\n",
    }
    _ingest(ingestor, people)
    answer = assistant.ask("Who are the java developers?")
    assert answer.candidates == ["Ana Ruiz"]
    assert [c.text for c in answer.citations] == ["Software Developer", "Java, SQL"]


def test_talks_are_read_from_talk_lines_and_headings_not_from_spoken_languages(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    people = {  # invented
        "ines.md": "# Ines Barros\n\n## Talks\n\n- Lisbon Data Days 2023: streaming joins\n",
        "tom.txt": "Tom Okafor\nExperience\nSpeaker at NordicJS 2022\n",
        "lu.txt": "Lu Chen\nLanguages\nMandarin (native), Cantonese (heritage speaker)\n",
        "eva.txt": "Eva Lind\nExperience\nDeveloper, 2020 - Present\nPresented results weekly\n",
    }
    _ingest(ingestor, people)
    answer = assistant.ask("Who has spoken at conferences?")
    assert sorted(answer.candidates) == ["Ines Barros", "Tom Okafor"]
    # a heading that names what was asked is quoted with the first entry under it
    ines = next(c for c in answer.citations if c.candidate == "Ines Barros")
    assert "Lisbon Data Days 2023" in ines.text
    assert assistant.ask("Who speaks Cantonese?").candidates == ["Lu Chen"]


@pytest.mark.parametrize(
    ("question", "who"),
    [
        ("Who knows NLP?", ["Ada Quist", "Ben Roe"]),  # spelt out in hers
        ("Who has natural language processing experience?", ["Ada Quist", "Ben Roe"]),
        ("Any SREs?", ["Cy Tran"]),  # "Senior Site Reliability Engineer"
        ("Who has worked with large language models?", ["Ben Roe", "Dee Holm"]),
        ("Who holds the CKA?", []),  # "CKAD" spelt out is another certification
    ],
)
def test_acronyms_meet_the_words_they_stand_for(
    ingestor: Ingestor, assistant: Assistant, question: str, who: list[str]
) -> None:
    people = {  # invented
        "ada.txt": "Ada Quist\nExperience\nResearch Scientist, Natural Language Processing\n",
        "ben.txt": "Ben Roe\nExperience\nBuilt NLP search with large language models\n",
        "cy.txt": "Cy Tran\nExperience\nSenior Site Reliability Engineer, 2019 - 2023\n",
        "dee.txt": "Dee Holm\nExperience\nFine-tuned LLMs for support chat\n",
        "eli.txt": "Eli Park\nCertifications\nCertified Kubernetes Application Developer\n",
    }
    _ingest(ingestor, people)
    answer = assistant.ask(question)
    assert ([] if answer.unmatched else sorted(answer.candidates)) == who


def test_the_most_experience_with_a_skill_counts_the_roles_that_show_it(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    people = {  # invented: Bo has the longer career, Ann the longer time with Python
        "ann.txt": "Ann Vik\nExperience\nData Engineer, Kestrel Bank, 2012 - 2022\n"
        "- Built the Python ETL\n",
        "bo.txt": "Bo Lund\nExperience\nAnalyst, Fjordline, 2000 - 2020\n- Excel reports\n"
        "Developer, Harbor Mutual, 2020 - present\n- Python services\n",
        "cy.txt": "Cy Moe\nExperience\nTeacher, Elm School, 1995 - present\n"
        "Skills\nPython, Excel\n",
    }
    _ingest(ingestor, people)
    answer = assistant.ask("Who has the most Python experience?")
    assert answer.candidates == ["Ann Vik", "Bo Lund", "Cy Moe"]
    assert "1. **Ann Vik**: 11 years" in answer.answer  # years given whole
    assert "Cy Moe (in no dated role)" in answer.answer  # after the one asked for


def test_who_has_never_used_it_names_everyone_else_and_quotes_nothing(team: Assistant) -> None:
    answer = team.ask("Who has never used Terraform?")
    assert not answer.citations
    everyone = set(team.catalog.candidates)
    having = {c for c in everyone if c not in answer.candidate_ids}
    assert answer.candidate_ids and having
    assert all(
        any(
            "terraform" in ref.line.text.lower()
            for ref in team.catalog.lines
            if ref.candidate_id == c
        )
        for c in having
    )
    assert "do not mention “terraform”" in answer.answer


def test_the_pool_is_counted_and_a_share_given(team: Assistant) -> None:
    n = len(team.catalog.candidates)
    answer = team.ask("How many resumes are there?")
    assert answer.answer.startswith(f"**{n} candidates**, from {n} resume files: ")
    assert len(answer.candidates) == n and not answer.citations
    share = team.ask("What percentage of candidates know Kubernetes?")
    k = len(share.candidates)
    assert f"**{k} of the {n} candidates** ({round(100 * k / n)}%)" in share.answer


def test_but_not_that_leaves_out_everyone_says_who_had_the_rest(team: Assistant) -> None:
    answer = team.ask("Who knows Kubernetes but not Terraform?")
    assert answer.candidates == ["Lena Fischer"]
    answer = team.ask("Who speaks Spanish but not English?")
    assert answer.candidates == ["Lena Fischer"]
    answer = team.ask("Who knows Kubernetes and Terraform but not Go?")
    assert not answer.citations
    assert answer.answer.startswith("No candidate matches: 1 of")
    assert "but all of them also mention go" in answer.answer


def test_a_nameless_file_called_resume_is_no_name_to_ask_about(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    files = {
        "resume.md": "Contact: applicant@example.net\n\n## Experience\n- Ran Kafka clusters\n",
        "cand_42.txt": "Contact: other@example.net\n\nExperience\n- Tuned Kafka consumers\n",
    }
    assert not ingestor.ingest([SourceFile(n, data=t.encode()) for n, t in files.items()]).failed
    # Named by their emails' local parts; the files' names are aliases, but not "Resume".
    aliases = {c.name: c.aliases for c in assistant.catalog.candidates.values()}
    assert aliases == {"applicant": [], "other": ["Cand 42"]}
    plan = plan_question("whose resume mentions Kafka?", assistant.catalog)
    assert (plan.kind, plan.scope) == ("match", "all")
    answer = assistant.ask("whose resume mentions Kafka?")
    assert sorted(answer.candidates) == ["applicant", "other"]


def test_compare_is_a_table_of_cited_profile_facts(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    people = {
        "ivy.txt": (
            "Ivy Chen\nivy@example.com\n\nExperience\n"
            "Data Engineer, Harbor Co, 2018 - present\n"
            "Analyst, Quay Bank, 2014 - 2018\n\n"
            "Education\nM.S. Statistics, Lakeshore University\n\n"
            "Skills\nPython, SQL, Spark\n"
        ),
        "max.txt": (
            "Max Berg\nmax@example.com\n\nExperience\n"
            "Backend Engineer, Rook Ltd, 2021 - present\n\n"
            "Education\nB.S. Physics, Hill College\n\n"
            "Skills\nGo, Rust\n"
        ),
    }
    _ingest(ingestor, people)
    answer = assistant.ask("Compare Ivy Chen and Max Berg")
    table = answer.answer.splitlines()
    assert "| | **Ivy Chen** | **Max Berg** |" in table
    row = next(line for line in table if line.startswith("| highest degree |"))
    assert "M.S. Statistics" in row and "B.S. Physics" in row
    assert verify(answer.citations, assistant.catalog) == answer.citations
    ranked = assistant.ask("Which of Ivy and Max is more senior?")
    assert ranked.candidates == ["Ivy Chen", "Max Berg"]  # since 2014 before since 2021
    assert ranked.answer.index("Ivy Chen") < ranked.answer.index("Max Berg")
    # what the comparison is about is a row of its own, first
    for question in (
        "Compare Ivy Chen and Max Berg on Spark",
        "Who's better at Spark, Ivy or Max?",
    ):
        table = assistant.ask(question).answer.splitlines()
        assert table[4] == "| “spark” | “Python, SQL, Spark” [1] | not mentioned |"
        assert any(line.startswith("| highest degree |") for line in table)


def test_contact_of_someone_described_not_named(team: Assistant) -> None:
    answer = team.ask("What's the email of the person who ran Kafka clusters?")
    omar = [c for c in answer.citations if c.source == "omar.md"]
    assert any("omar@example.org" in c.text for c in omar)
    assert verify(answer.citations, team.catalog) == answer.citations


def test_a_file_name_label_is_shown_literally(ingestor: Ingestor, assistant: Assistant) -> None:
    # A resume without a name is labelled from its file name, which the applicant chose.
    name = "![x](http:--127.0.0.1:9-a) **bold**.txt"
    text = b"Data engineer\nSkills\nKafka, Spark\n"
    assert not ingestor.ingest([SourceFile(name, data=text)]).failed
    answer = assistant.ask("Who knows Kafka?")
    assert len(answer.candidates) == 1 and "![x]" in answer.candidates[0]
    assert "![x](" not in answer.answer and "**bold**" not in answer.answer
    assert "\\!\\[x\\]\\(" in answer.answer


def test_where_a_school_is_is_read_from_its_name_not_from_where_they_live(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "ada.txt": "Ada Quill\nAustin, TX\n\nExperience\nAnalyst, Fernway, 2015 - Present\n\n"
            "Education\nB.Sc. Physics, University of Edinburgh, 2012\n",
            "ben.txt": "Ben Marsh\nLondon, UK\n\nExperience\nEconomist, Tallow, 2016 - Present\n\n"
            "Education\nB.S. Economics, The University of Texas at Austin, 2014\n",
            "cleo.txt": "Cleo Ward\nLeeds, UK\n\nExperience\nEditor, Quire, 2011 - Present\n\n"
            "Education\nBA History, Hill College, 2010\n",
        },
    )
    cases = {
        "Who studied in the UK?": ["Ada Quill"],
        "which candidates went to college in texas": ["Ben Marsh"],
        "Who has a bachelor's from a university in the US?": ["Ben Marsh"],
        "Who lives in the UK?": ["Ben Marsh", "Cleo Ward"],
        "Any candidates from Texas?": ["Ada Quill"],
    }
    _answers_name(assistant, cases)


def test_where_someone_worked_is_read_from_the_lines_of_their_roles(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "ada.txt": "Ada Quill\nAustin, TX\n\nExperience\nAnalyst — Fernway, Austin, TX "
            "2019 - Present\nEngineer — Tallow Ridge Systems · Bengaluru · 2014 – 2018\n",
            "ben.txt": "Ben Marsh\nLondon, UK\n\nExperience\nEconomist, Quire, 2016 - Present\n"
            "Clerk — Beaumont Hospital, Dublin March 2012 – May 2015\n",
            "cleo.txt": "Cleo Ward\nPune, India\n\nExperience\nEditor, Harbor, 2011 - 2020\n",
        },
    )
    cases = {
        "Who has worked in India?": ["Ada Quill"],  # Cleo lives there; no role of hers was
        # a role held now that names no place is where they live
        "Who has work experience in the UK?": ["Ben Marsh"],
        "Who worked in Ireland before 2016?": ["Ben Marsh"],
        # "Beaumont Hospital" is no town in Texas
        "Which candidates have worked in Texas?": ["Ada Quill"],
        "Who has worked in sales?": [],
        # an employer asked by its initials
        "Who worked at TRS?": ["Ada Quill"],
        "Who worked at TCS?": [],
        # left out: a role there, or living there with a role that names no place (Cleo)
        "Who has never worked in India?": ["Ben Marsh"],
        "Who hasn't worked at Tallow Ridge Systems?": ["Ben Marsh", "Cleo Ward"],
        "Which candidates have never worked at Quire?": ["Ada Quill", "Cleo Ward"],
        # countries of the roles: Ada's Austin and Bengaluru; Ben's role held now is where he
        # lives (London), his last one in Dublin
        "Who has worked in more than one country?": ["Ada Quill", "Ben Marsh"],
        # each fact asked must hold: a place and an employer
        "Who worked at Quire and lives in the UK?": ["Ben Marsh"],
        "Who worked at Quire and lives in India?": [],
    }
    _answers_name(assistant, cases)


def test_more_than_n_years_is_any_time_past_n_years(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    today = date.today()
    months = today.year * 12 + today.month - 1 - (5 * 12 + 3)  # five years and three months ago
    start = date(months // 12, months % 12 + 1, 1).strftime("%b %Y")
    _ingest(
        ingestor,
        {
            "ines.txt": f"Ines Moreau\n\nExperience\nData Engineer, Fernway, {start} - Present\n"
            "- Kafka pipelines\n",
            "theo.txt": "Theo Brandt\n\nSummary\n6 years of Kafka experience\n",
            "uma.txt": "Uma Patel\n\nSummary\n5 years of Kafka experience\n",
        },
    )
    cases = {
        "Who has more than 5 years of experience?": ["Ines Moreau", "Theo Brandt"],
        "Who has more than 5 years of Kafka?": ["Ines Moreau", "Theo Brandt"],
        "Who has 6+ years of Kafka?": ["Theo Brandt"],
        "Who has at least 5 years of Kafka?": ["Ines Moreau", "Theo Brandt", "Uma Patel"],
    }
    for question, names in cases.items():
        assert sorted(assistant.ask(question).candidates) == names, question


def test_a_place_to_be_out_of_and_a_degree_to_lack_leave_candidates_out(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "ada.txt": "Ada Quill\nAustin, TX\n\nExperience\n"
            "Data Engineer, Fernway, 2015 - Present\n- Python pipelines\n\n"
            "Education\nM.S. Statistics, Hill College, 2014\n",
            "ben.txt": "Ben Marsh\nLeeds, UK\n\nExperience\nData Engineer, Tallow, 2016 - Present\n"
            "- Python services\n\nEducation\nB.S. Physics, Hill College, 2015\n",
            "cleo.txt": "Cleo Ward\nLyon, France\n\nExperience\nChef, Quire, 2011 - Present\n",
            "dev.txt": "Dev Rao\nLeeds, UK\n\nExperience\nChef, Quire, 2012 - Present\n\n"
            "Education\nHill Community College - general studies coursework (no degree)\n",
        },
    )
    # no degree: what the education section says instead, when there is one
    lacking = assistant.ask("Which candidates don't have a degree?")
    assert sorted(lacking.candidates) == ["Cleo Ward", "Dev Rao"]
    assert [c.text for c in lacking.citations] == [
        "Hill Community College - general studies coursework (no degree)"
    ]
    cases = {
        "Which data engineers are not in the US?": ["Ben Marsh"],
        "Who is based outside Europe?": ["Ada Quill"],
        "Who knows Python but doesn't live in Texas?": ["Ben Marsh"],
        "Who doesn't have a master's?": ["Ben Marsh", "Cleo Ward", "Dev Rao"],
        "Who knows Python but has no master's degree?": ["Ben Marsh"],
        "Who worked at Fernway but not Tallow?": ["Ada Quill"],
    }
    _answers_name(assistant, cases)
    # "not in the US" is not "in the US"
    assert (
        "Left out: 1 candidate based in US."
        in assistant.ask("Which data engineers are not in the US?").notices
    )


def test_skills_a_recruiter_hires_for_are_not_the_recruiters_own(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "gia.txt": "Gia Lorne\nSenior Technical Recruiter\n\nSummary\n"
            "I partner with engineering leaders to hire backend (Java, Go) and SRE/Kubernetes "
            "talent.\n\nExperience\nRecruiter, Fernway, 2018 - Present\n"
            "- Recruited React developers for fintech clients\n",
            "hal.txt": "Hal Ostrow\n\nExperience\nBackend Engineer, Tallow, 2016 - Present\n"
            "- Go services on Kubernetes\n- Hired 4 engineers\n",
            "ivy.txt": "Ivy Pell\n\nExperience\nEngineering Manager, Quire, 2015 - Present\n"
            "- Hired and managed a team of 6 Java engineers; wrote Java services myself\n",
        },
    )
    cases = {
        "Who knows Go?": ["Hal Ostrow"],
        "Who has Kubernetes experience?": ["Hal Ostrow"],
        "Who knows React?": [],
        # a skill the line also shows outside the hiring counts
        "Who knows Java?": ["Ivy Pell"],
    }
    _answers_name(assistant, cases)


def test_a_diploma_is_no_degree_and_a_degree_abbreviation_names_its_field(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "ada.txt": "Ada Quill\n\nExperience\nAccountant, Fernway, 2015 - Present\n\n"
            "Education\nB.Com, Hill University, 2014\n",
            "ben.txt": "Ben Marsh\n\nExperience\nSite Manager, Tallow, 2016 - Present\n\n"
            "Education\nHND Construction Management, Hill College, 2015\n",
            "cleo.txt": "Cleo Ward\n\nExperience\nTechnician, Quire, 2011 - Present\n\n"
            "Education\nHigh School Diploma, Lakeview High School, 2009\n",
            "dev.txt": "Dev Rao\n\nExperience\nPharmacist, Quire, 2012 - Present\n\n"
            "Education\nB.Pharm - Hill University (College of Pharmacy), 2011\n",
            "eve.txt": "Eve Stone\n\nExperience\nNurse, Harbor, 2014 - Present\n\n"
            "Education\nA.A.S. Nursing, Hill Community College, 2013\n",
        },
    )
    cases = {
        # a diploma (HND, high school) is no degree; an associate degree is one, though no
        # university degree
        "Which candidates don't have a degree?": ["Ben Marsh", "Cleo Ward"],
        "Which candidates don't have a university degree?": ["Ben Marsh", "Cleo Ward", "Eve Stone"],
        # "B.Com" is a bachelor's in commerce, however the question spells it
        "anyone with a bachelor of comerce?": ["Ada Quill"],
        "Who has a bachelor's degree?": ["Ada Quill", "Dev Rao"],
    }
    _answers_name(assistant, cases)


def test_any_role_held_in_a_year_begun_in_a_year_or_held_that_long(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "ada.txt": "Ada Quill\n\nExperience\nAnalyst, Fernway, Jan 2012 - Dec 2019\n"
            "Lead Analyst, Tallow, Jan 2020 - Present\n",
            "ben.txt": "Ben Marsh\n\nExperience\nEditor, Quire, Mar 2016 - Jun 2017\n"
            "Editor, Harbor, Jul 2017 - Dec 2018\n",
        },
    )
    cases = {
        # two roles at one employer add up: Ben's 18 months at Harbor meet "over a year"
        "Who worked at Harbor for more than a year?": ["Ben Marsh"],
        "Who worked at Quire for less than 2 years?": ["Ben Marsh"],
        "Who has worked at Fernway for more than 5 years?": ["Ada Quill"],
        "Who was working in 2014?": ["Ada Quill"],
        "Who was working in 2017?": ["Ada Quill", "Ben Marsh"],
        "Who started a new job in 2017?": ["Ben Marsh"],
        "Who changed jobs in 2020?": ["Ada Quill"],
        "Who has had the same job for over 5 years?": ["Ada Quill"],
    }
    _answers_name(assistant, cases)
    longest = assistant.ask("Who has been at their current company the longest?")
    assert longest.answer.startswith("By time at the current employer")
    assert longest.candidates[0] == "Ada Quill"  # Ben holds no role now


def test_who_went_back_to_an_employer_and_who_was_promoted(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "dev.txt": "Devi Kunal\n\nExperience\nSenior Engineer, Quire, Feb 2021 - Present\n"
            "Engineer, Harbor, Apr 2018 - Jan 2021\nEngineer, Quire, Jul 2014 - Mar 2018\n",
            "uma.txt": "Uma Reyes\n\nExperience\nDirector, Fernway, 2016 - Present\n"
            "Manager, Fernway, 2010 - 2016\n",
            "bo.txt": "Bo Lund\n\nExperience\nAnalyst, Tallow, 2019 - Present\n"
            "Lead Analyst, Pinegrove, 2015 - 2019\nAnalyst, Pinegrove, 2012 - 2015\n",
        },
    )
    back = assistant.ask("Who has worked at the same company twice?")
    assert back.candidates == ["Devi Kunal"]
    assert assistant.ask("Who rejoined Quire?").candidates == ["Devi Kunal"]
    assert assistant.ask("any boomerang hires?").candidates == ["Devi Kunal"]
    promoted = assistant.ask("Who has been promoted?").candidates
    assert sorted(promoted) == ["Bo Lund", "Uma Reyes"]
    # at the employer they are at now: Bo's promotion was at a former one
    now = assistant.ask("Who has been promoted at their current employer?")
    assert now.candidates == ["Uma Reyes"]
    # asked of one person: yes or no with the two titles, or the dates for "when"
    assert assistant.ask("Was Uma Reyes promoted?").answer.startswith("Yes: **Uma Reyes**")
    assert assistant.ask("Has Devi Kunal been promoted?").answer.startswith("No:")
    when = assistant.ask("When was Uma Reyes promoted?")
    assert when.answer.startswith("**Uma Reyes**") and "Director, Fernway, 2016 - Present" in [
        c.text for c in when.citations
    ]


def test_rankings_by_graduation_year_and_by_the_longest_stay_at_one_employer(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "ada.txt": "Ada Quill\n\nExperience\nAnalyst, Fernway, Jan 2012 - Dec 2019\n"
            "Lead Analyst, Tallow, Jan 2020 - Present\n\nEducation\n"
            "B.Sc. Mathematics, Univ. of Leeds, 2011\nM.Sc. Statistics, Univ. of York, 2016\n",
            "ben.txt": "Ben Marsh\n\nExperience\nEditor, Quire, Mar 2016 - Jun 2017\n"
            "Editor, Harbor, Jul 2017 - Dec 2018\nSenior Editor, Harbor, Jan 2019 - Present\n"
            "\nEducation\nB.A. English, Univ. of Kent, 2015\n",
            "cleo.txt": "Cleo Ward\n\nExperience\nNurse, Bayview Clinic, 2019 - Present\n"
            "\nEducation\nBSN, Univ. of Hull, 2018\n",
        },
    )
    recent = assistant.ask("Who graduated most recently?")
    assert recent.answer.startswith("By the year they graduated")
    assert recent.candidates == ["Cleo Ward", "Ada Quill", "Ben Marsh"]  # 2018, 2016, 2015
    assert verify(recent.citations, assistant.catalog) == recent.citations
    assert assistant.ask("Who graduated earliest?").candidates[0] == "Ada Quill"  # 2011
    assert assistant.ask("Who got their master's most recently?").candidates == ["Ada Quill"]
    # Ben's two roles at Harbor add up (Jul 2017 on) and outlast Ada's eight years at Fernway
    stayed = assistant.ask("Who has the longest tenure at a single company?")
    assert stayed.answer.startswith("By the longest time at one employer")
    assert stayed.candidates[:2] == ["Ben Marsh", "Ada Quill"]
    assert "at Harbor" in stayed.answer and "at Fernway" in stayed.answer
    _answers_name(assistant, {"Which candidates have more than one degree?": ["Ada Quill"]})
    # a degree the summary mentions is the one the education section lists, not a second
    _ingest(
        ingestor,
        {
            "dora.txt": "Dora Pike\n\nSummary\nStatistician with a Ph.D. in statistics.\n\n"
            "Education\nPh.D., Statistics, Univ. of Leeds, 2016\n",
        },
    )
    _answers_name(assistant, {"Which candidates have more than one degree?": ["Ada Quill"]})
    # a title asked instead of an employer: the roles that hold it, with their dates
    editor = assistant.ask("How long has Ben worked as an editor?")
    assert editor.candidates == ["Ben Marsh"]
    assert "at Quire" in editor.answer and "Senior Editor" in editor.answer
    assert "Analyst" not in editor.answer


def test_what_candidates_are_is_read_from_their_titles_first(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "ada.txt": "Ada Quill\nStaff Accountant\n\nExperience\n"
            "Staff Accountant, Fernway, 2019 - Present\n- Month-end close\n",
            "ben.txt": "Ben Marsh\n\nExperience\nAccount Executive, Tallow, 2018 - Present\n"
            "- Sold payroll software to accounting firms and accountants\n",
            "cleo.txt": "Cleo Ward\n\nExperience\nEditor, Quire, 2011 - Present\n",
        },
    )
    answer = assistant.ask("list all the accountants")
    assert answer.candidates == ["Ada Quill"]
    assert any("Ben Marsh" in n for n in answer.notices)  # named, not listed
    # a word nobody holds as a title is read on any line, as before
    _answers_name(assistant, {"Which candidates are payroll people?": ["Ben Marsh"]})
    # every one a description fits, each with what was asked
    each = assistant.ask("Give me a short summary of each accountant")
    assert sorted(each.candidates) == ["Ada Quill", "Ben Marsh"]
    assert each.answer.count("summary:") == 2
    one = assistant.ask("Summarize the editor")
    assert one.candidates == ["Cleo Ward"]


def test_near_a_city_reaches_further_than_in_it(ingestor: Ingestor, assistant: Assistant) -> None:
    _ingest(
        ingestor,
        {
            "ada.txt": "Ada Quill\nParramatta NSW 2150\n\nExperience\nTeacher, Hill School, "
            "2019 - Present\n",
            "ben.txt": "Ben Marsh\nNewtown, Sydney NSW\n\nExperience\nEditor, Quire, "
            "2018 - Present\n",
        },
    )
    cases = {
        "Who is based in Sydney?": ["Ben Marsh"],
        "Anyone based near Sydney?": ["Ada Quill", "Ben Marsh"],
    }
    _answers_name(assistant, cases)


def test_what_candidates_are_is_what_they_do_now(ingestor: Ingestor, assistant: Assistant) -> None:
    _ingest(
        ingestor,
        {
            "ada.txt": "Ada Quill\n\nExperience\nTechnical Writer, Fernway, 2021 - Present\n"
            "- API references\nTechnical Writer, Harbor, 2019 - 2021\n"
            "Documentation Engineer, Tallow, 2017 - 2018\n",
            "ben.txt": "Ben Marsh\n\nExperience\nBackend Engineer, Quire, 2018 - Present\n",
            # the role before the one held now counts: "Head of Chemistry" is a teacher
            "cleo.txt": "Cleo Ward\n\nExperience\nHead of Chemistry, Lakeview Academy, "
            "2021 - Present\nTeacher of Science, Hill School, 2017 - 2021\n",
        },
    )
    answer = assistant.ask("Which candidates are engineers?")
    assert answer.candidates == ["Ben Marsh"]
    assert any("Ada Quill" in n for n in answer.notices)  # named, not listed
    _answers_name(assistant, {"Which candidates are teachers?": ["Cleo Ward"]})


def test_who_used_a_skill_most_recently_and_in_the_role_held_now(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "ada.txt": "Ada Quill\n\nExperience\nAnalyst, Fernway, Jan 2012 - Dec 2019\n"
            "- Built Kafka feeds for the risk team\nLead Analyst, Tallow, Jan 2020 - Present\n"
            "- Monthly reports in SQL\n",
            "ben.txt": "Ben Marsh\n\nExperience\nEditor, Harbor, Jul 2017 - Present\n"
            "- Reviewed Kafka topic designs\n",
            "cleo.txt": "Cleo Ward\n\nSkills\nKafka, SQL\n",
        },
    )
    recent = assistant.ask("Who has used Kafka most recently?")
    assert recent.answer.startswith("By the latest dated role")
    assert recent.candidates == ["Ben Marsh", "Ada Quill", "Cleo Ward"]  # a skills list: last
    assert verify(recent.citations, assistant.catalog) == recent.citations
    _answers_name(assistant, {"Who uses Kafka in their current job?": ["Ben Marsh"]})


def test_a_profile_site_asked_for_is_that_link_or_none(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "ada.txt": "Ada Quill\nada@example.com | github.com/adaquill\n\nSkills\nGo\n",
            "ben.txt": "Ben Marsh\nben@example.com | linkedin.com/in/benmarsh | (208) 555-0147\n"
            "\nSkills\nGo\n",
        },
    )
    # contact details asked the other way round: whose are they?
    for question, owner in {
        "Whose email is ADA@example.com?": "Ada Quill",
        "Who has the phone number 208-555-0147?": "Ben Marsh",
        "Who owns https://www.linkedin.com/in/benmarsh/?": "Ben Marsh",
    }.items():
        assert assistant.ask(question).candidates == [owner], question
    none = assistant.ask("What's Ada Quill's LinkedIn?")
    assert none.answer == "**Ada Quill**: the resume says nothing about a LinkedIn profile."
    assert not none.citations
    found = assistant.ask("What's Ben Marsh's LinkedIn?")
    assert [c.text for c in found.citations] == [
        "ben@example.com | linkedin.com/in/benmarsh | (208) 555-0147"
    ]
    assert "github.com/adaquill" in assistant.ask("Ada Quill's GitHub?").citations[0].text


def test_an_employer_asked_by_the_words_inside_its_name(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    _ingest(
        ingestor,
        {
            "ola.txt": "Ola Brandt\n\nExperience\n"
            "Staff Nurse, Medical ICU Lakeview Memorial Hospital, Chicago, IL\n"
            "June 2019 - Present\n"
            "Staff Nurse, Medical-Surgical Unit Harbor University Medical Center\n"
            "August 2015 - May 2019\n",
        },
    )
    joined = assistant.ask("When did Ola Brandt start at Lakeview Memorial?")
    assert "Lakeview Memorial Hospital (2019-06 to now)" in joined.answer.splitlines()[0]
    # "Medical Center" is in both names; the words asked decide
    stayed = assistant.ask("How long was Ola at Harbor University Medical Center?")
    assert stayed.answer.splitlines()[0].endswith("(2015-08 to 2019-05): 3 years 10 months.")


def test_who_comes_near_is_scored_once_when_the_relaxed_reading_matches_nobody(
    team: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "Any Python programmers?" is read as "Python programmers", then as Python and a
    # programmer apart; nobody matches either way, and who comes near is scored for the
    # whole requirement only (one vector search, not one per reading).
    scored = []
    possible_matches = team.retriever.possible_matches

    def counted(*args: object, **kwargs: object) -> object:
        scored.append(args[0])
        return possible_matches(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(team.retriever, "possible_matches", counted)
    question = "Any Python programmers?"
    assert plan_question(question, team.catalog, Conversation()).relaxed
    answer = team.ask(question)
    assert answer.candidates == []
    assert len(scored) == 1
