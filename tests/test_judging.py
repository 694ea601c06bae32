"""A configured model judges the shortlist of "who has" questions: through the providers' real
clients against the stub server on 127.0.0.1, with verdicts checked in code."""

from __future__ import annotations

import json
from typing import Any

import pytest

from assistant.answering.judging import SHORTLIST_SIZE, ShortlistJudge
from assistant.citations import verify
from assistant.question import plan_question
from assistant.service import Assistant
from ingest.pipeline import Ingestor, SourceFile
from tests.llm_stub import Reply, cite_everyone, is_judge, judged_candidates, llm_stub, verdicts
from tests.test_llm import PROVIDERS, stub_assistant

PILE = {
    "ana.txt": "Ana Ruiz\nana@example.com\n\nExperience\nSite Reliability Engineer, Quay Bank, "
    "2019 - present\n- Carried the pager for the payments platform, one week in four\n"
    "- Wrote Terraform modules\n",
    "ben.txt": "Ben Ode\nben@example.com\n\nExperience\nOffice Manager, Quay Bank, 2015 - present\n"
    "- Organised the yearly summer party\n- Ran the front desk\n",
    "cy.txt": "Cy Lam\ncy@example.com\n\nExperience\nBackend Engineer, Rook Ltd, 2020 - present\n"
    "- Answered calls from the production support desk\n- Wrote Go services\n",
}
QUESTION = "Who has been on call for production systems?"


@pytest.fixture
def pile(ingestor: Ingestor, assistant: Assistant) -> Assistant:
    report = ingestor.ingest([SourceFile(n, data=t.encode()) for n, t in PILE.items()])
    assert not report.failed
    return assistant


def pager_is_on_call(body: dict[str, Any]) -> Reply:
    if is_judge(body):
        return verdicts(lambda text: "yes" if "pager" in text else "no", body)
    return cite_everyone(body)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_the_model_finds_what_no_word_states(pile: Assistant, provider: str) -> None:
    with llm_stub(pager_is_on_call) as (url, state):
        answer = stub_assistant(pile, url, provider).ask(QUESTION)
    judged = [r for r in state.requests if is_judge(r)]
    assert len(judged) == 1  # one batched call for the whole shortlist
    labels = judged_candidates(judged[0])
    assert len(labels) == 3  # every candidate was close enough to be looked at
    prompt = str(judged[0]["messages"][-1]["content"])
    assert "Ana" not in prompt and "Ruiz" not in prompt  # judged without names
    assert answer.strategy == "llm"
    assert answer.candidates == ["Ana Ruiz"]
    assert [c.source for c in answer.citations] == ["ana.txt"]
    assert "Carried the pager" in answer.citations[0].text
    assert verify(answer.citations, pile.catalog) == answer.citations


def test_evidence_of_another_candidate_is_not_accepted(pile: Assistant) -> None:
    def cross_cited(body: dict[str, Any]) -> Reply:
        blocks = judged_candidates(body)
        pager = next(label for label, items in blocks if any("pager" in t for _, t in items))
        pager_line = next(e for label, items in blocks if label == pager for e, _ in items)
        # Every other candidate is "on call", each citing Ana's line.
        payload = [
            {"candidate": label, "verdict": "yes", "evidence": [pager_line]}
            for label, _ in blocks
            if label != pager
        ]
        return Reply(text=json.dumps({"verdicts": payload}))

    with llm_stub(cross_cited) as (url, _):
        assistant = stub_assistant(pile, url)
        catalog = assistant.catalog
        plan = plan_question(QUESTION, catalog)
        retrieved = assistant.retriever.retrieve(plan, catalog)
        extra = assistant.retriever.possible_matches(plan, catalog, limit=SHORTLIST_SIZE)
        assert assistant.llm is not None
        judged = ShortlistJudge(assistant.llm.model, "stub").judge(retrieved, extra, catalog)
    others = [g for g in judged.groups if g.name != "Ana Ruiz"]
    assert others and not any(g.matched for g in others)  # a borrowed line proves nothing
    assert all(g.possible for g in others)
    for group in others:
        assert all(ev.candidate_id == group.candidate_id for ev in group.evidence)


def test_a_word_for_word_match_the_model_rejects_stays_possible(pile: Assistant) -> None:
    def no_to_everyone(body: dict[str, Any]) -> Reply:
        if is_judge(body):
            return verdicts(lambda text: "no", body)
        return cite_everyone(body)

    with llm_stub(no_to_everyone) as (url, _):
        assistant = stub_assistant(pile, url)
        retrieved_offline = pile.ask("Who wrote Terraform modules?")
        answer = assistant.ask("Who wrote Terraform modules?")
    assert retrieved_offline.candidates == ["Ana Ruiz"]
    # Stated word for word: the model's "no" makes it a possible match, not a silent drop.
    assert "Ana Ruiz" in answer.answer
    assert any(c.source == "ana.txt" for c in answer.citations)


def test_an_unreachable_model_is_called_once_and_the_answer_is_offline(pile: Assistant) -> None:
    with llm_stub(lambda body: Reply(status=503)) as (url, state):
        answer = stub_assistant(pile, url).ask("Who wrote Terraform modules?")
    assert len(state.requests) == 1
    assert answer.strategy == "extractive"
    assert answer.candidates == ["Ana Ruiz"]
    (notice,) = answer.notices
    assert "openai:stub-model" in notice and "failed" in notice


def test_named_and_profile_questions_are_not_judged(pile: Assistant) -> None:
    with llm_stub(pager_is_on_call) as (url, state):
        assistant = stub_assistant(pile, url)
        assistant.ask("Does Ana Ruiz know Terraform?")
        assistant.ask("Who has worked at Quay Bank?")
    assert not any(is_judge(r) for r in state.requests)
