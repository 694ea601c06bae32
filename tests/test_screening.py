"""Screening against a job description: the rubric read from a posting, refused criteria, the
matrix of cited verdicts, the ranking, and the chat routing a pasted posting to it."""

from __future__ import annotations

import pytest

from assistant.citations import verify
from assistant.models import Criterion, Rubric
from assistant.protected import protected_reason as question_refusal
from assistant.screening import (
    casual_posting,
    leaders,
    looks_like_job_description,
    posting_lines,
    protected_reason,
    read_rubric,
    screening_answer,
    screening_table,
)
from assistant.service import Assistant
from ingest.pipeline import Ingestor, SourceFile

POSTING_INLINE = """Platform Engineer (hybrid, Lisbon).
Must have: 4+ years in industry; Kubernetes in production; Go or Rust.
Nice to have: Terraform, Prometheus, on-call experience.
Who would fit?"""

POSTING_BULLETS = """# Staff Accountant

## About us
We are a growing logistics company.

## Requirements
- Bachelor's degree in accounting or finance
- CPA license (or working towards it)
- 3+ years of month-end close
- Fluent Spanish

## Preferred qualifications
- NetSuite
- Experience with revenue recognition (ASC 606)

## Benefits
- 25 days of holiday
"""


@pytest.mark.parametrize(
    ("posting", "expected"),
    [
        (
            POSTING_INLINE,
            [
                ("must", "years", "4+ years in industry"),
                ("must", "skill", "Kubernetes in production"),
                ("must", "skill", "Go or Rust"),
                ("nice", "skill", "Terraform"),
                ("nice", "skill", "Prometheus"),
                ("nice", "skill", "on-call experience"),
            ],
        ),
        (
            POSTING_BULLETS,
            [
                ("must", "degree", "Bachelor's degree in accounting or finance"),
                ("must", "certification", "CPA license (or working towards it)"),
                ("must", "years", "3+ years of month-end close"),
                ("must", "language", "Fluent Spanish"),
                ("nice", "skill", "NetSuite"),
                ("nice", "skill", "Experience with revenue recognition (ASC 606)"),
            ],
        ),
        (
            "Cloud Engineer\nMust have: AWS, GCP or Azure; SQL, including window functions\n"
            "Nice to have: Go, Kafka, a bachelor's degree in computer science\n",
            [
                ("must", "skill", "AWS or GCP or Azure"),
                ("must", "skill", "SQL, including window functions"),
                ("nice", "skill", "Go"),
                ("nice", "skill", "Kafka"),
                ("nice", "degree", "a bachelor's degree in computer science"),
            ],
        ),
        (
            # an item that says it is not required is a nice-to-have, under any heading
            "Go Engineer\nRequirements:\n- Go\n- Kafka is a plus\n- Ideally Kubernetes\n"
            "- Bilingual English/Spanish preferred\n",
            [
                ("must", "skill", "Go"),
                ("nice", "skill", "Kafka"),
                ("nice", "skill", "Kubernetes"),
                ("nice", "language", "Bilingual English/Spanish"),
            ],
        ),
        (
            "Data Analyst\nRequired skills: SQL; Python; dashboards in Tableau or Power BI\n",
            [
                ("must", "skill", "SQL"),
                ("must", "skill", "Python"),
                ("must", "skill", "dashboards in Tableau or Power BI"),
            ],
        ),
    ],
)
def test_rubric_is_read_from_the_posting_structure(
    posting: str, expected: list[tuple[str, str, str]]
) -> None:
    rubric = read_rubric(posting)
    assert [(c.mode, c.kind, c.text) for c in rubric.criteria] == expected
    assert rubric.refused == []


def test_rubric_keeps_the_title_and_minimum_years() -> None:
    rubric = read_rubric(POSTING_INLINE)
    assert rubric.title == "Platform Engineer (hybrid, Lisbon)"
    assert rubric.criteria[0].min_years == 4
    assert read_rubric(POSTING_BULLETS).title == "Staff Accountant"


@pytest.mark.parametrize(
    ("line", "refused"),
    [
        ("Must be under 35", True),
        ("Young and dynamic team player", True),
        ("Male candidates preferred", True),
        ("No children or family commitments", True),
        ("Christian values", True),
        ("Must not be pregnant", True),
        ("Able-bodied", True),
        ("British citizens only", True),
        ("Nationality: German", True),
        ("Right to work in the UK", False),
        ("Fluent Spanish", False),
        ("5+ years of Python", False),
        ("Experience with accessibility for people with disabilities", True),
    ],
)
def test_protected_characteristics_are_refused(line: str, refused: bool) -> None:
    assert (protected_reason(line) is not None) is refused


def test_refused_criteria_are_reported_with_the_lawful_alternative() -> None:
    rubric = read_rubric("Driver\nMust have: clean driving licence; British citizens only\n")
    assert [c.text for c in rubric.criteria] == ["clean driving licence"]
    assert len(rubric.refused) == 1
    assert "national origin" in rubric.refused[0]
    assert "right to work" in rubric.refused[0]


@pytest.mark.parametrize(
    ("text", "is_posting"),
    [
        (POSTING_INLINE, True),
        (POSTING_BULLETS, True),
        ("Who has Kubernetes experience?", False),
        ("Which of them must have worked with Kafka?", False),
        ("Requirements: who knows Go?", False),
        ("Compare Dana and Omar", False),
        # a title, then a bulleted list of what the role needs, with no heading
        (
            "Senior Backend Engineer (Java)\nBuild payment APIs.\n- 6+ years of software "
            "engineering\n- Java 11+ and Spring Boot in production\n- AWS and event streaming "
            "with Kafka\n- Payments background is a plus",
            True,
        ),
        ("Compare:\n- Dana\n- Omar\n- Lena", False),
        # a posting pasted as one paragraph, its headings inside it
        (
            "Finance Manager, Lagos. Must-haves: ACCA or CPA; 8+ years in audit; IFRS. "
            "Nice-to-haves: SAP, group consolidation. Shortlist please.",
            True,
        ),
    ],
)
def test_a_pasted_posting_is_recognised(text: str, is_posting: bool) -> None:
    assert looks_like_job_description(text) is is_posting


def test_a_bulleted_posting_without_headings_lists_its_must_haves() -> None:
    text = (
        "Senior Backend Engineer (Java)\nBuild payment APIs.\n- 6+ years of software "
        "engineering\n- Java 11+ and Spring Boot in production\n- AWS and event streaming "
        "with Kafka\n- Payments background is a plus"
    )
    rubric = read_rubric(text)
    assert rubric.title == "Senior Backend Engineer (Java)"
    assert [(c.text, c.mode) for c in rubric.criteria] == [
        ("6+ years of software engineering", "must"),
        ("Java 11+ and Spring Boot in production", "must"),
        ("AWS and event streaming with Kafka", "must"),
        ("Payments background", "nice"),
    ]


def test_you_bring_heads_the_must_haves_and_perks_and_the_eeo_statement_ask_nothing() -> None:
    text = (
        "Account Executive, New Business – Remote (US)\nOTE: $200,000–$240,000\n\n"
        "You bring:\n• 3+ years closing SaaS deals\n• Salesforce\n\n"
        "Perks: medical/dental/vision, 401(k) match\n\nAcme is an equal opportunity employer. "
        "All qualified applicants will receive consideration without regard to race or sex."
    )
    assert looks_like_job_description(text)
    assert question_refusal(text) is None
    rubric = read_rubric(text)
    assert [(c.text, c.mode) for c in rubric.criteria] == [
        ("3+ years closing SaaS deals", "must"),
        ("Salesforce", "must"),
    ]


def test_a_posting_in_one_paragraph_is_read_by_its_headings() -> None:
    text = (
        "Finance Manager, Lagos. Must-haves: ACCA or CPA; 8+ years in audit; IFRS. "
        "Nice-to-haves: SAP, group consolidation. Shortlist please."
    )
    rubric = read_rubric(posting_lines(text))
    assert [(c.text, c.mode) for c in rubric.criteria] == [
        ("ACCA or CPA", "must"),
        ("8+ years in audit", "must"),
        ("IFRS", "must"),
        ("SAP", "nice"),
        ("group consolidation", "nice"),
    ]


@pytest.mark.parametrize(
    ("text", "posting"),
    [
        (
            "We need a senior backend engineer with Go and Kafka, 5+ years, based in the EU. "
            "Who fits?",
            "senior backend engineer\n"
            "Must have: backend engineer; Go and Kafka; 5+ years of experience; based in the EU",
        ),
        (
            "Hiring a data engineer: must know Airflow and Snowflake; nice to have dbt. "
            "Who should I interview?",
            "data engineer\nMust have: data engineer; Airflow and Snowflake\nNice to have: dbt",
        ),
        (
            "Job: Frontend developer (React, TypeScript), Atlanta. Candidates?",
            "Frontend developer\nMust have: Frontend developer; React; TypeScript; Atlanta",
        ),
        (
            "Rank candidates for a DevOps position requiring Terraform and Kubernetes",
            "DevOps\nMust have: DevOps; Terraform and Kubernetes",
        ),
        (
            "we're looking for a nurse who speaks Spanish, ideally with ICU experience",
            "nurse\nMust have: nurse; Spanish\nNice to have: with ICU experience",
        ),
        (
            "We are hiring an iOS Engineer. You have shipped apps in Swift and SwiftUI, care "
            "about accessibility, and have 5+ years of experience. Bonus points for Kotlin.",
            "iOS Engineer\nMust have: iOS Engineer; shipped apps in Swift and SwiftUI; care about "
            "accessibility; 5+ years of experience\nNice to have: Kotlin",
        ),
        (
            "Hiring: senior Python engineer, Django + PostgreSQL, 5+ years, must be able to "
            "work from Canada. Who fits?",
            "senior Python engineer\nMust have: Python engineer; Django + PostgreSQL; 5+ years "
            "of experience; able to work from Canada",
        ),
        (
            "JD: Platform engineer - Kubernetes, Terraform, on-call rotation, CKA a plus. "
            "Best matches?",
            "Platform engineer\nMust have: Platform engineer; Kubernetes; Terraform; on-call "
            "rotation\nNice to have: CKA",
        ),
        # a question, not a posting: one skill, a role alone, or no role asked for
        ("I need someone with Kafka", None),
        ("Do we have a Kafka engineer?", None),
        ("Any nurses?", None),
        ("Who knows Python but not Java?", None),
        ("Which candidates would be a good fit for a sales manager job?", None),
        (POSTING_INLINE, None),  # the structured reading takes it
    ],
)
def test_a_hiring_request_in_a_sentence_is_read_as_a_posting(
    text: str, posting: str | None
) -> None:
    assert casual_posting(text) == posting


PILE = {
    "ines.txt": "Ines Moreau\nines@example.com\n\nExperience\nPlatform Engineer, Bluefin, "
    "2016 - present\n- Ran Kubernetes in production for 40 services\n- Wrote Go services\n"
    "- Terraform for every environment\n",
    "ravi.txt": "Ravi Patel\nravi@example.com\n\nExperience\nBackend Developer, Harbor Co, "
    "2019 - 2021\n- Wrote Rust services\n- Prometheus dashboards\n",
    "mona.txt": "Mona Lind\nmona@example.com\n\nExperience\nPastry Chef, Le Petit, 2012 - present\n"
    "- Ran a kitchen of 6\n",
}


@pytest.fixture
def pile(ingestor: Ingestor, assistant: Assistant) -> Assistant:
    report = ingestor.ingest([SourceFile(n, data=t.encode()) for n, t in PILE.items()])
    assert not report.failed
    return assistant


def test_matrix_verdicts_and_ranking(pile: Assistant) -> None:
    catalog = pile.catalog
    screening = pile.screener.screen(read_rubric(POSTING_INLINE), catalog)
    names = [row.name for row in screening.rows]
    assert names[0] == "Ines Moreau"
    assert names[-1] == "Mona Lind"
    ines = screening.rows[0]
    verdicts = [cell.verdict for cell in ines.cells]
    # 4+ years (since 2016), Kubernetes in production, Go, Terraform are shown.
    assert verdicts[:4] == ["meets", "meets", "meets", "meets"]
    assert ines.fits
    ravi = next(r for r in screening.rows if r.name == "Ravi Patel")
    assert ravi.cells[0].verdict == "missing"  # two years of roles
    assert ravi.cells[2].verdict == "meets"  # Rust is one of "Go or Rust"
    assert not ravi.fits
    for row in screening.rows:
        for cell in row.cells:
            if cell.verdict == "meets":
                assert cell.evidence, (row.name, cell)


def test_a_changed_rubric_rescores(pile: Assistant) -> None:
    rubric = Rubric(
        criteria=[
            Criterion(text="Rust", mode="must"),
            Criterion(text="Prometheus", mode="nice"),
            Criterion(text="Kubernetes", mode="nice"),
        ]
    )
    screening = pile.screener.screen(rubric, pile.catalog)
    assert screening.rows[0].name == "Ravi Patel"
    # Ines is within one must-have of Ravi's points, but meets no must-have: not a leader.
    assert [r.name for r in leaders(screening)] == ["Ravi Patel"]


def test_gate_failures_rank_last_and_never_add_points(pile: Assistant) -> None:
    rubric = Rubric(
        criteria=[Criterion(text="kitchen", mode="gate"), Criterion(text="Go", mode="must")]
    )
    screening = pile.screener.screen(rubric, pile.catalog)
    assert screening.rows[0].name == "Mona Lind"
    assert screening.rows[0].score == 0
    assert all(r.gates_failed == 1 for r in screening.rows[1:])


def test_answer_cites_checked_lines_and_blind_mode_hides_names(pile: Assistant) -> None:
    catalog = pile.catalog
    screening = pile.screener.screen(read_rubric(POSTING_INLINE), catalog)
    answer = screening_answer(screening, catalog, POSTING_INLINE)
    assert "Ines Moreau" in answer.answer
    assert answer.citations and verify(answer.citations, catalog) == answer.citations
    assert {c.source for c in answer.citations} <= {"ines.txt", "ravi.txt"}
    blind = screening_answer(screening, catalog, POSTING_INLINE, blind=True)
    assert "Candidate 1" in blind.answer
    assert not any(name in blind.answer for name in ("Ines", "Ravi", "Mona"))


def test_chat_routes_a_pasted_posting_to_screening(pile: Assistant) -> None:
    answer = pile.ask(POSTING_INLINE)
    assert answer.answer.startswith("**Screening for Platform Engineer")
    assert answer.candidates[0] == "Ines Moreau"
    assert "Mona Lind" not in answer.candidates
    assert all(c.source != "mona.txt" for c in answer.citations)


def test_chat_screens_a_hiring_request_typed_in_a_sentence(pile: Assistant) -> None:
    answer = pile.ask("We need a platform engineer with Kubernetes and Go. Who fits?")
    assert answer.answer.startswith("**Screening for platform engineer**")
    assert answer.candidates[0] == "Ines Moreau"
    assert "Mona Lind" not in answer.candidates
    assert verify(answer.citations, pile.catalog) == answer.citations
    # one skill is a question, answered as one
    assert not pile.ask("I need someone with Kubernetes").answer.startswith("**Screening")


def test_when_nobody_leads_the_closest_are_shown_with_their_evidence(pile: Assistant) -> None:
    posting = (
        "We are hiring a Staff Platform Engineer.\nRequirements:\n- Kubernetes\n- COBOL\n"
        "- Fortran\n"
    )
    answer = pile.ask(posting)
    assert answer.answer.startswith("**Screening for Staff Platform Engineer**")
    assert "No candidate passes every gate and meets at least half of the must-haves." in (
        answer.answer
    )
    # Ines meets one must-have of three: shown, with the line that meets it.
    assert answer.candidates == ["Ines Moreau"]
    assert any("Kubernetes" in c.text for c in answer.citations)


def test_rows_say_why_and_the_order_is_stable(pile: Assistant) -> None:
    catalog = pile.catalog
    rubric = read_rubric(POSTING_INLINE)
    first = pile.screener.screen(rubric, catalog)
    assert first == pile.screener.screen(rubric, catalog)
    ines = first.rows[0]
    assert ines.why.startswith(f"{ines.score:g} points: meets 3 of 3 must-haves")
    ravi = next(r for r in first.rows if r.name == "Ravi Patel")
    assert "not shown: 4+ years in industry" in ravi.why
    gated = Rubric(criteria=[Criterion(text="kitchen", mode="gate")])
    out = pile.screener.screen(gated, catalog)
    assert all(r.why == "fails the gate “kitchen”" for r in out.rows if r.name != "Mona Lind")


def test_blind_table_hides_names_contacts_and_files(pile: Assistant) -> None:
    import json

    catalog = pile.catalog
    screening = pile.screener.screen(read_rubric(POSTING_INLINE), catalog)
    table = json.dumps(screening_table(screening, catalog, blind=True)).lower()
    for word in ("ines", "moreau", "ravi", "patel", "mona", "lind", "@example.com", ".txt"):
        assert word not in table, word
    shown = json.dumps(screening_table(screening, catalog)).lower()
    assert "ines moreau" in shown and "ines.txt" in shown


def test_blind_redaction_of_a_quote(pile: Assistant) -> None:
    from assistant.screening import HIDDEN, _Redactor

    catalog = pile.catalog
    ines = next(c.id for c in catalog.candidates.values() if c.name == "Ines Moreau")
    text = "Ines MOREAU · ines@example.com · +1 (415) 555-0100 · linkedin.com/in/ines · 2016 - 2020"
    hidden = _Redactor(catalog, ines)(text)
    assert hidden == " · ".join([f"{HIDDEN} {HIDDEN}", HIDDEN, HIDDEN, HIDDEN, "2016 - 2020"])


@pytest.mark.parametrize(
    ("written", "level"),
    [
        ("native", 3),
        ("Fluent", 3),
        ("C1, DELE", 3),
        ("professional working proficiency", 3),
        ("heritage speaker, fluent", 3),
        ("conversational", 2),
        ("B2", 2),
        ("business level, TOEIC 905", 2),
        ("basic", 1),
        ("A2", 1),
        (None, None),
        ("", None),
    ],
)
def test_language_levels(written: str | None, level: int | None) -> None:
    from assistant.screening import language_level

    assert language_level(written) == level


def test_a_fluent_language_is_not_met_by_a_conversational_one(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    people = {
        "eva.txt": "Eva Rios\neva@example.com\n\nLanguages\nEnglish (native), Spanish (native)\n",
        "tom.txt": (
            "Tom Hale\ntom@example.com\n\nLanguages\nEnglish (native), Spanish (conversational)\n"
        ),
    }
    assert not ingestor.ingest([SourceFile(n, data=t.encode()) for n, t in people.items()]).failed
    rubric = Rubric(criteria=[Criterion(text="fluent Spanish", kind="language")])
    rows = {r.name: r for r in assistant.screener.screen(rubric, assistant.catalog).rows}
    assert rows["Eva Rios"].cells[0].verdict == "meets"
    assert rows["Tom Hale"].cells[0].verdict == "missing"
    assert rows["Tom Hale"].cells[0].note == "Spanish: conversational"
    plain = Rubric(criteria=[Criterion(text="Spanish", kind="language")])
    rows = {r.name: r for r in assistant.screener.screen(plain, assistant.catalog).rows}
    assert rows["Tom Hale"].cells[0].verdict == "meets"  # no level asked, any level does


HEAD = "Noor Vance\nnoor@example.com\n\n"
ROLE = "Experience\nData Engineer, Acme Freight, 2019 - present\n"
# Where a resume names the criterion (Kafka) -> whether the cell is "meets" at full strength,
# and the first quoted line.
WHERE_KAFKA: list[tuple[str, str, float, str]] = [
    ("comma list", "Skills\nKafka, Spark, SQL\n", 0.5, "Kafka, Spark, SQL"),
    ("pipe list after a label", "Skills\nStreaming: Kafka | Flink\n", 0.5, "Kafka | Flink"),
    ("inline skills label", "Skills: Kafka, dbt, Airflow\n", 0.5, "Kafka, dbt"),
    ("one term per bullet", "Skills\n- Apache Kafka\n- SQL\n", 0.5, "Apache Kafka"),
    ("a role bullet", ROLE + "- Built Kafka pipelines for payments\n", 1.0, "Built Kafka"),
    (
        "listed and used in a role",
        "Skills\nKafka, Spark, SQL\n\n" + ROLE + "- Moved billing events onto Kafka topics\n",
        1.0,
        "Moved billing",
    ),
    (
        "listed twice, used in a long role line",
        "Skills\nKafka, Spark\nStreaming: Kafka, Flink\n\n"
        + ROLE
        + "- Rebuilt the settlement system end to end for four markets and moved every one of "
        "its nightly batch jobs onto Kafka with exactly-once delivery\n",
        1.0,
        "Rebuilt the settlement",
    ),
    ("a project", "Projects\n- Kafka-based order router, open source\n", 1.0, "Kafka-based"),
    ("a sentence in skills", "Skills\nDesigned Kafka topologies for thirty services\n", 1.0, ""),
    ("the summary", "Summary\nStreaming engineer, Kafka and Flink since 2015\n", 1.0, ""),
]


@pytest.mark.parametrize(
    ("body", "strength", "quoted"), [c[1:] for c in WHERE_KAFKA], ids=[c[0] for c in WHERE_KAFKA]
)
def test_a_skill_only_listed_among_skills_is_met_with_less_strength(
    ingestor: Ingestor, assistant: Assistant, body: str, strength: float, quoted: str
) -> None:
    from assistant.citations import quote

    assert not ingestor.ingest([SourceFile("noor.txt", data=(HEAD + body).encode())]).failed
    rubric = Rubric(criteria=[Criterion(text="Kafka", mode="nice", weight=2)])
    row = assistant.screener.screen(rubric, assistant.catalog).rows[0]
    cell = row.cells[0]
    assert cell.verdict == "meets"
    assert cell.strength == strength
    assert row.score == 2 * strength
    assert ("Kafka: listed in skills only" in row.why) is (strength < 1)
    first = cell.evidence[0]
    text = quote(assistant.catalog, first.resume_id, first.page, first.line_start, first.line_end)
    assert text is not None and quoted in text


def test_listed_only_ranks_after_shown_in_use(ingestor: Ingestor, assistant: Assistant) -> None:
    people = {
        # Alphabetically first, so only the strength of the evidence can put her second.
        "ada.txt": "Ada Brook\nada@example.com\n\nSkills\nKafka, Python, SQL\n\n"
        + ROLE
        + "- Wrote Python services for invoicing\n",
        "zoe.txt": "Zoe Quill\nzoe@example.com\n\n"
        + ROLE
        + "- Wrote Python services that read Kafka topics\n",
    }
    assert not ingestor.ingest([SourceFile(n, data=t.encode()) for n, t in people.items()]).failed
    must = Rubric(criteria=[Criterion(text="Python"), Criterion(text="Kafka")])
    rows = assistant.screener.screen(must, assistant.catalog).rows
    # A must-have listed still counts as met: equal points, fits, but ranked after.
    assert [(r.name, r.score, r.fits) for r in rows] == [
        ("Zoe Quill", 4, True),
        ("Ada Brook", 4, True),
    ]
    assert rows[1].why == "4 points: meets 2 of 2 must-haves; Kafka: listed in skills only"
    nice = Rubric(criteria=[Criterion(text="Python"), Criterion(text="Kafka", mode="nice")])
    rows = assistant.screener.screen(nice, assistant.catalog).rows
    assert [(r.name, r.score) for r in rows] == [("Zoe Quill", 3), ("Ada Brook", 2.5)]
    from assistant.screening import cell_text

    table = screening_table(assistant.screener.screen(nice, assistant.catalog), assistant.catalog)
    rows_out = table["rows"]
    assert isinstance(rows_out, list)
    ada = next(r for r in rows_out if r["candidate"] == "Ada Brook")
    assert ada["why"] == "2.5 points: meets 1 of 1 must-haves; meets 1 of 1 nice-to-haves; " + (
        "Kafka: listed in skills only"
    )
    assert cell_text(ada["cells"][1]).startswith("meets (listed in skills only): “Kafka, Python")
