"""The rubric read by a chat model: its draft checked in code (kinds, protected characteristics,
invented criteria, gates, alternatives, duplicates), the structure reader as the fallback, and
the real langchain-openai client against the stub server on 127.0.0.1."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from assistant.answering.llm import LLMStrategy, build_chat_model
from assistant.cli import main
from assistant.models import Rubric
from assistant.rubrics import RubricDraft, read_rubric_with_model, rubric_from_draft
from assistant.screening import STRUCTURE, read_rubric
from assistant.service import Assistant
from assistant.settings import Settings
from ingest.pipeline import Ingestor, SourceFile
from tests.llm_stub import Reply, llm_stub

# Prose: the structure reader finds only the one "Requirements" line.
POSTING = """Platform Engineer (Lisbon)

We run payments infrastructure for 40 banks. You will write Go or Rust services and run them
on Kubernetes in production, with 4+ years in industry behind you. Terraform and Prometheus
are a plus, and so is on-call experience. You must have the right to work in Portugal.
(Yes, a nursing licence too: the pager is a pager.)

Requirements: Kubernetes; Go or Rust
"""


class ToolCallingFake(GenericFakeChatModel):
    """LangChain's fake chat model, able to take part in structured output: ``bind_tools``
    returns itself, so the scripted replies (tool calls) reach the output parser."""

    def bind_tools(self, tools: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        return self


def draft_reply(args: Any) -> AIMessage:
    return AIMessage(
        content="", tool_calls=[{"name": RubricDraft.__name__, "args": args, "id": "call-1"}]
    )


def scripted(*replies: AIMessage) -> ToolCallingFake:
    return ToolCallingFake(messages=iter(replies))


def item(text: str, mode: str = "must", kind: str = "skill", weight: float = 1.0) -> dict[str, Any]:
    return {"text": text, "mode": mode, "kind": kind, "weight": weight}


SCRIPTED = {
    "title": "Platform Engineer",
    "criteria": [
        item("Go", weight=2),
        item("Rust"),  # the posting says "Go or Rust": joined back into one
        item("Kubernetes in production", mode="gate"),  # a skill gate: a must-have
        item("4+ years in industry", kind="skill"),  # the years are in the text
        item("Terraform", mode="nice"),
        item("Prometheus", mode="preferred"),  # a mode word outside the schema
        item("on-call experience", mode="nice", weight=9),  # weights are kept in range
        item("Right to work in Portugal", mode="gate", kind="location"),
        item("Kubernetes in production", mode="must"),  # said twice: one criterion
        item("Snowflake", mode="nice"),  # not in the posting
        item("Under 35", mode="must"),  # a protected characteristic
        item("Kafka", kind="astrology"),  # not a kind; and not in the posting either
        item("a nursing licence", mode="gate", kind="skill"),  # the words say certification
    ],
}
EXPECTED = [
    ("Go or Rust", "must", "skill", 2.0, None),
    ("Kubernetes in production", "must", "skill", 1.0, None),
    ("4+ years in industry", "must", "years", 1.0, 4),
    ("Terraform", "nice", "skill", 1.0, None),
    ("Prometheus", "nice", "skill", 1.0, None),
    ("on-call experience", "nice", "skill", 3.0, None),
    ("Right to work in Portugal", "must", "location", 1.0, None),  # a gate only for a licence
    ("a nursing licence", "gate", "certification", 1.0, None),
]


def shape(rubric: Rubric) -> list[tuple[str, str, str, float, int | None]]:
    return [(c.text, c.mode, c.kind, c.weight, c.min_years) for c in rubric.criteria]


def test_a_scripted_rubric_is_checked_in_code() -> None:
    rubric = read_rubric_with_model(POSTING, scripted(draft_reply(SCRIPTED)), "fake:model")
    assert rubric.read_by == "fake:model"
    assert rubric.title == "Platform Engineer"
    assert shape(rubric) == EXPECTED
    assert rubric.notes == []
    refused = " | ".join(rubric.refused)
    assert "“Under 35”: selects on age" in refused
    assert "“Snowflake”: the posting does not say it" in refused
    assert "“Kafka”: the posting does not say it" in refused
    assert len(rubric.refused) == 3


@pytest.mark.parametrize(
    ("posting", "criteria", "expected"),
    [
        (
            "Cloud: AWS, GCP or Azure.",
            [item("AWS"), item("GCP"), item("Azure")],
            ["AWS or GCP or Azure"],
        ),
        ("Go, Kafka and SQL.", [item("Go"), item("Kafka"), item("SQL")], ["Go", "Kafka", "SQL"]),
        (
            "Python (or Go) and SQL.",
            [item("Python"), item("Go"), item("SQL")],
            ["Python or Go", "SQL"],
        ),
        (
            "Tableau/Power BI dashboards.",
            [item("Tableau"), item("Power BI")],
            ["Tableau or Power BI"],
        ),
        # Alternatives of different modes are two requirements.
        ("Go or Rust.", [item("Go"), item("Rust", mode="nice")], ["Go", "Rust"]),
        # Already one criterion: left as it is.
        ("Go or Rust.", [item("Go or Rust")], ["Go or Rust"]),
        # Framing is not a difference: one criterion, the stronger mode.
        (
            "Kafka. Experience with Kafka.",
            [item("Kafka", mode="nice"), item("Experience with Kafka")],
            ["Kafka"],
        ),
    ],
)
def test_alternatives_stay_one_criterion_and_duplicates_merge(
    posting: str, criteria: list[dict[str, Any]], expected: list[str]
) -> None:
    rubric = rubric_from_draft(RubricDraft.model_validate({"criteria": criteria}), posting)
    assert [c.text for c in rubric.criteria] == expected
    if len(expected) == 1 and "Kafka" in expected:
        assert rubric.criteria[0].mode == "must"


@pytest.mark.parametrize(
    "reply",
    [
        draft_reply({"criteria": "Kubernetes, Go"}),  # a string, not a list
        draft_reply({"criteria": [{"mode": "must"}]}),  # a criterion without text
        draft_reply({"criteria": [item("Kubernetes", weight="high")]}),  # type: ignore[arg-type]
        AIMessage("Here is the rubric: Kubernetes, Go or Rust."),  # no tool call at all
        draft_reply({"criteria": [item("Under 35"), item("Married", mode="nice")]}),  # all refused
    ],
    ids=["string", "no text", "bad weight", "prose", "nothing usable"],
)
def test_a_reply_out_of_shape_falls_back_to_the_structure(reply: AIMessage) -> None:
    rubric = read_rubric_with_model(POSTING, scripted(reply), "fake:model")
    offline = read_rubric(POSTING)
    assert rubric.read_by == STRUCTURE
    assert shape(rubric) == shape(offline) and [c.text for c in rubric.criteria] == [
        "Kubernetes",
        "Go or Rust",
    ]
    assert len(rubric.notes) == 1 and "fake:model" in rubric.notes[0]
    assert rubric.notes[0].endswith("the rubric was read from the posting's structure.")


def test_a_model_without_structured_output_falls_back() -> None:
    plain = GenericFakeChatModel(messages=iter([AIMessage("unused")]))
    rubric = read_rubric_with_model(POSTING, plain, "fake:plain")
    assert rubric.read_by == STRUCTURE
    assert "gave no rubric in the expected shape" in rubric.notes[0]


def test_a_protected_criterion_from_the_model_is_refused() -> None:
    reply = draft_reply(
        {"criteria": [item("Kubernetes"), item("Male", mode="nice"), item("British citizens")]}
    )
    rubric = read_rubric_with_model(
        POSTING + "\nMale, British citizens only.\n", scripted(reply), "fake:model"
    )
    assert [c.text for c in rubric.criteria] == ["Kubernetes"]
    assert "sex or gender" in rubric.refused[0]
    assert "national origin" in rubric.refused[1] and "right to work" in rubric.refused[1]


def _is_rubric_request(body: dict[str, Any]) -> bool:
    return "list the requirements it states" in str(body["messages"][0]["content"])


def test_the_openai_client_reads_a_rubric_through_the_stub_server() -> None:
    def script(body: dict[str, Any]) -> Reply:
        assert _is_rubric_request(body)
        assert "Job posting:\nPlatform Engineer (Lisbon)" in body["messages"][-1]["content"]
        return Reply(text=json.dumps(SCRIPTED))

    with llm_stub(script) as (url, state):
        settings = Settings(llm="openai:stub-model", llm_base_url=url, llm_max_retries=0)
        model = build_chat_model(settings)
        rubric = read_rubric_with_model(POSTING, model, "openai:stub-model")
    assert len(state.requests) == 1
    assert rubric.read_by == "openai:stub-model"
    assert shape(rubric) == EXPECTED

    with llm_stub(lambda body: Reply(status=503)) as (url, state):
        settings = Settings(llm="openai:stub-model", llm_base_url=url, llm_max_retries=0)
        rubric = read_rubric_with_model(POSTING, build_chat_model(settings), "openai:stub-model")
    assert len(state.requests) == 1  # a model that is down is asked once
    assert rubric.read_by == STRUCTURE and [c.text for c in rubric.criteria] == [
        "Kubernetes",
        "Go or Rust",
    ]
    assert rubric.notes[0].startswith("The model (openai:stub-model) was not used because")


def test_the_service_reads_with_the_model_unless_told_not_to(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    people = {
        "ines.txt": "Ines Moreau\nines@example.com\n\nExperience\nPlatform Engineer, Bluefin, "
        "2016 - present\n- Ran Kubernetes in production for 40 services\n- Wrote Rust services\n"
        "\nCertifications\nNursing licence (RN), Portugal\n",
        "mona.txt": "Mona Lind\nmona@example.com\n\nExperience\nPastry Chef, Le Petit, "
        "2012 - present\n- Ran a kitchen of 6\n",
    }
    assert not ingestor.ingest([SourceFile(n, data=t.encode()) for n, t in people.items()]).failed
    assert assistant.read_rubric(POSTING).read_by == STRUCTURE  # no model configured
    model = scripted(*[draft_reply(SCRIPTED)] * 3)
    assistant.llm = LLMStrategy(model, "fake:model", assistant.settings)
    assert assistant.read_rubric(POSTING, use_llm=False).read_by == STRUCTURE
    assert shape(assistant.read_rubric(POSTING)) == EXPECTED
    # A posting pasted in the chat is screened with the model's rubric, scored in code.
    answer = assistant.ask(POSTING)
    assert answer.answer.startswith("**Screening for Platform Engineer**: 8 criteria")
    assert answer.candidates == ["Ines Moreau"]
    rows = assistant.screener.screen(assistant.read_rubric(POSTING), assistant.catalog).rows
    assert [(r.name, r.gates_failed) for r in rows] == [("Ines Moreau", 0), ("Mona Lind", 1)]


def test_cli_saves_the_model_rubric_and_no_llm_reads_the_structure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    job = tmp_path / "job.txt"
    job.write_text(POSTING, encoding="utf-8")
    saved = tmp_path / "rubric.json"
    with llm_stub(lambda body: Reply(text=json.dumps(SCRIPTED))) as (url, state):
        monkeypatch.setenv("RECRUITER_LLM", "openai:stub-model")
        monkeypatch.setenv("RECRUITER_LLM_BASE_URL", url)
        monkeypatch.setenv("RECRUITER_LLM_MAX_RETRIES", "0")
        # The store is empty: the rubric is read and saved, then there is no one to screen.
        assert main(["screen", str(job), "--save-rubric", str(saved)]) == 1
        assert len(state.requests) == 1
        by_model = Rubric.model_validate_json(saved.read_text(encoding="utf-8"))
        assert by_model.read_by == "openai:stub-model" and shape(by_model) == EXPECTED
        err = capsys.readouterr().err
        assert "! not used as a criterion: “Under 35”: selects on age" in err

        assert main(["screen", str(job), "--no-llm", "--save-rubric", str(saved)]) == 1
        assert len(state.requests) == 1  # --no-llm: the model is not asked
        offline = Rubric.model_validate_json(saved.read_text(encoding="utf-8"))
        assert offline.read_by == STRUCTURE
        assert [c.text for c in offline.criteria] == ["Kubernetes", "Go or Rust"]
