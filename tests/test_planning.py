"""The two planners behind one interface: the rules, and a chat model through structured output
(the real langchain-openai client against the stub server on 127.0.0.1).

Each row is a phrasing, the draft a model would return for it, and what the plan must say. Both
planners must give that plan: the rules from the question, the model's planner from its draft
(names resolved in code, never by the model).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from assistant.answering.llm import ModelUnreachable, build_chat_model
from assistant.catalog import Catalog
from assistant.models import Conversation, QueryPlan
from assistant.planning import LLMPlanner, RulesPlanner, canonical_question
from assistant.settings import Settings
from ingest.pipeline import parse_resume
from tests.llm_stub import Reply, is_planner, llm_stub
from tests.test_question import POOL

ROWS: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    # Misspellings: the model fixes them in the plan; the rules fix them when matching, against
    # the resumes' own words (see test_matching), so only the model's plan spells them right.
    (
        "who knws kafka",
        {"operation": "who", "requirement": "Kafka"},
        {"kind": "match", "operation": "who", "llm:requirement": "kafka"},
    ),
    (
        "anyone done kuberntes stuff?",
        {"operation": "who", "requirement": "Kubernetes"},
        {"kind": "match", "llm:requirement": "kubernetes"},
    ),
    (
        "How many candidates know SQL?",
        {"operation": "count", "requirement": "SQL"},
        {"operation": "count", "requirement": "sql"},
    ),
    (
        "Who knows Python but not Java?",
        {"operation": "who", "requirement": "Python", "excluded": "Java"},
        {"requirement": "python", "excluded": "java"},
    ),
    (
        "Who has less than 5 years of experience?",
        {"operation": "who", "max_years": 4},
        {"kind": "match", "max_years": 4, "min_years": None},
    ),
    (
        "Who has 3-5 years of Kafka?",
        {"operation": "who", "requirement": "Kafka", "min_years": 3, "max_years": 5},
        {"kind": "match", "max_years": 5, "min_years": 3},
    ),
    (
        "Who worked at Stripe before 2018?",
        {"operation": "who", "employers": ["Stripe"], "when": "before 2018"},
        {"employers": ["Stripe"], "period": (None, 2017, False)},
    ),
    (
        "who is currently at stripe",
        {"operation": "who", "employers": ["Stripe"], "when": "currently"},
        {"kind": "match", "period": (None, None, True)},
    ),
    (
        "Who has used Kafka since 2020?",
        {"operation": "who", "requirement": "Kafka", "when": "since 2020"},
        {"kind": "match", "period": (2020, None, False)},
    ),
    (
        "Compare Dana Park and Omar Haddad",
        {"operation": "compare", "candidates": ["Dana Park", "Omar Haddad"]},
        {"operation": "compare", "names": ["Dana Park", "Omar Haddad"]},
    ),
    (
        "Who is the most senior candidate?",
        {"operation": "rank"},
        {"operation": "rank", "scope": "all"},
    ),
    (
        "rank the kafka people by experience",
        {"operation": "rank", "requirement": "Kafka"},
        {"kind": "match", "operation": "rank", "llm:requirement": "kafka"},
    ),
    (
        # a field of work has no slot in the draft: the rules read the question as asked
        "Which tech candidates know Go?",
        {"operation": "who", "requirement": "tech Go"},
        {"kind": "match", "fields": ["technology"], "requirement": "go (in technology)"},
    ),
    (
        # nor a field left out
        "Which candidates are not in tech?",
        {"operation": "who", "requirement": "not tech"},
        {"kind": "match", "fields": ["technology"], "fields_excluded": True},
    ),
    (
        "Has anyone worked at Fjordline?",
        {"operation": "who", "employers": ["Fjordline"]},
        {"kind": "match", "employers": ["Fjordline"]},
    ),
    (
        "Who is based in Washington state?",
        {"operation": "who", "place": "Washington"},
        {"kind": "match", "place": "Washington", "scope": "all"},
    ),
    (
        "Does anyone have an MBA?",
        {"operation": "who", "degree": "MBA"},
        {"kind": "match", "degree_names": ["MBA"]},
    ),
    (
        "Where did Dana Park study?",
        {"operation": "fact", "candidates": ["Dana Park"], "aspect": "education"},
        {"kind": "about", "aspect": "education", "names": ["Dana Park"]},
    ),
    (
        "What is Lena Swift's email?",
        {"operation": "fact", "candidates": ["Lena Swift"], "aspect": "contact"},
        {"kind": "about", "aspect": "contact", "names": ["Lena Swift"]},
    ),
    (
        "Does Dana know Go?",
        {"operation": "who", "candidates": ["Dana"], "requirement": "Go"},
        {"kind": "match", "scope": "named", "names": ["Dana Park"], "requirement": "go"},
    ),
    (
        "Who knows Swift?",
        {"operation": "who", "requirement": "Swift"},
        {"kind": "match", "scope": "all", "requirement": "swift"},
    ),
    (
        "Who has CI/CD experience?",
        {"operation": "who", "requirement": "CI/CD"},
        {"kind": "match", "requirement": "ci/cd"},
    ),
    (
        "Who knows C++?",
        {"operation": "who", "requirement": "C++"},
        {"kind": "match", "requirement": "c++"},
    ),
    (
        "Summarize Omar Haddad",
        {"operation": "fact", "candidates": ["Omar Haddad"], "aspect": "summary"},
        {"kind": "about", "aspect": "summary", "names": ["Omar Haddad"]},
    ),
    (
        "Which certifications does Rosa Delgado hold?",
        {"operation": "fact", "candidates": ["Rosa Delgado"], "aspect": "certifications"},
        {"kind": "about", "aspect": "certifications", "names": ["Rosa M. Delgado"]},
    ),
    # readings a draft has no slot for: the rules read the question as asked
    (
        "Who graduated most recently?",
        {"operation": "rank"},
        {"kind": "match", "operation": "rank", "order_by": "graduation"},
    ),
    (
        "Who has worked in India?",
        {"operation": "who", "place": "India"},
        {"kind": "match", "work_place": "India", "place": None},
    ),
    (
        "Whose email is dana@example.com?",
        {"operation": "who", "requirement": "dana@example.com"},
        {"scope": "named", "names": ["Dana Park"]},
    ),
    (
        "Who has the longest tenure at a single company?",
        {"operation": "rank"},
        {"operation": "rank", "role": "held"},
    ),
    (
        "Anyone with Go except Dana?",
        {"operation": "who", "requirement": "Go", "excluded": ""},
        {"kind": "match", "requirement": "go"},
    ),
]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.build(parse_resume(n, t.encode()) for n, t in POOL.items())


def _question_of(body: dict[str, Any]) -> str:
    text = str(body["messages"][-1]["content"])
    return re.findall(r"^Question: (.*)$", text, flags=re.MULTILINE)[-1]


@pytest.fixture(scope="module")
def planner() -> Iterator[LLMPlanner]:
    drafts = {q: d for q, d, _ in ROWS}

    def script(body: dict[str, Any]) -> Reply:
        assert is_planner(body)
        return Reply(text=json.dumps(drafts[_question_of(body)]))

    with llm_stub(script) as (url, _):
        settings = Settings(llm="openai:stub-model", llm_base_url=url, llm_max_retries=0)
        yield LLMPlanner(build_chat_model(settings), "openai:stub-model")


def summary(plan: QueryPlan, catalog: Catalog) -> dict[str, Any]:
    return {
        "kind": plan.kind,
        "scope": plan.scope,
        "operation": plan.operation,
        "aspect": plan.aspect,
        "requirement": plan.requirement,
        "excluded": plan.excluded_text,
        "employers": plan.employers,
        "place": plan.place,
        "degree_names": plan.degree.names[:1] if plan.degree else None,
        "min_years": plan.min_years,
        "max_years": plan.max_years,
        "period": (plan.period.first, plan.period.last, plan.period.current)
        if plan.period
        else None,
        "names": sorted(catalog.candidates[c].name for c in plan.candidate_ids)
        if plan.scope == "named"
        else None,
        "fields": plan.fields,
        "fields_excluded": plan.fields_excluded,
        "order_by": plan.order_by,
        "work_place": plan.work_place,
        "role": plan.role,
    }


@pytest.mark.parametrize(("question", "draft", "expected"), ROWS, ids=[q for q, _, _ in ROWS])
@pytest.mark.parametrize("which", ["rules", "llm"])
def test_both_planners_give_the_plan(
    catalog: Catalog,
    planner: LLMPlanner,
    which: str,
    question: str,
    draft: dict[str, Any],
    expected: dict[str, Any],
) -> None:
    chosen = planner if which == "llm" else RulesPlanner()
    plan = chosen.plan(question, catalog, Conversation())
    assert plan.question == question
    got = summary(plan, catalog)
    wanted = {
        k.removeprefix("llm:"): v for k, v in expected.items() if which == "llm" or ":" not in k
    }
    assert {k: got[k] for k in wanted} == wanted


def test_names_are_resolved_in_code(catalog: Catalog) -> None:
    from assistant.planning import PlanDraft

    draft = PlanDraft(operation="fact", candidates=["dana"], aspect="skills")
    assert canonical_question(draft, catalog) == "What skills does Dana Park have?"
    # A name the pool does not have: the model's draft is not used.
    assert canonical_question(PlanDraft(operation="fact", candidates=["Zed Moor"]), catalog) is None


def test_a_model_without_structured_output_leaves_it_to_the_rules(catalog: Catalog) -> None:
    fake = GenericFakeChatModel(messages=iter([AIMessage("unused")]))
    question = "Who knows Python but not Java?"
    plan = LLMPlanner(fake, "fake").plan(question, catalog)
    assert plan == RulesPlanner().plan(question, catalog)


def test_an_unreachable_model_is_reported(catalog: Catalog) -> None:
    with llm_stub(lambda body: Reply(status=503)) as (url, state):
        settings = Settings(llm="openai:stub-model", llm_base_url=url, llm_max_retries=0)
        planner = LLMPlanner(build_chat_model(settings), "openai:stub-model")
        with pytest.raises(ModelUnreachable, match="failed"):
            planner.plan("Who knows Go?", catalog)
    assert len(state.requests) == 1
