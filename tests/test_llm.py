"""LLM-written answers: citations verified, failures fall back, follow-ups rewritten.

Two kinds of model: LangChain's fake chat models with scripted text (our logic), and the real
langchain-openai client talking to a stub OpenAI server on 127.0.0.1 (the provider code path).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage

from assistant.answering.llm import UNSUPPORTED, LLMConfigError, LLMStrategy, build_chat_model
from assistant.citations import verify
from assistant.models import Conversation
from assistant.service import Assistant
from assistant.settings import Settings
from tests.llm_stub import Reply, candidates_in_prompt, cite_everyone, is_rewrite, llm_stub


def fake(*replies: str) -> GenericFakeChatModel:
    return GenericFakeChatModel(messages=iter([AIMessage(r) for r in replies]))


def with_model(team: Assistant, model: Any, name: str = "fake:model") -> Assistant:
    team.llm = LLMStrategy(model, name, team.settings)
    return team


def test_model_citations_are_mapped_to_stored_lines(team: Assistant) -> None:
    model = fake(
        "Two candidates know Kubernetes.\n- **Dana Park** lists it [E1].\n"
        "- **Lena Fischer** lists k8s [E2]."
    )
    answer = with_model(team, model).ask("Who has Kubernetes experience?")
    assert answer.strategy == "llm"
    assert "[1]" in answer.answer and "[2]" in answer.answer and "[E" not in answer.answer
    assert [c.text for c in answer.citations] == [
        "Kubernetes, Go, Terraform",
        "JavaScript, React, k8s",
    ]
    assert verify(answer.citations, team.catalog) == answer.citations
    assert sorted(answer.candidates) == ["Dana Park", "Lena Fischer"]


def test_invented_numbers_are_dropped_and_unsupported_sentences_removed(team: Assistant) -> None:
    model = fake(
        "Summary first. **Dana Park** knows Kubernetes [E1][E9]. **Omar Haddad** is a Kubernetes "
        "guru [E42]. **Lena Fischer** also knows it."
    )
    answer = with_model(team, model).ask("Who has Kubernetes experience?")
    assert "Omar" not in answer.answer  # its only citation was invented
    assert "Dana Park** knows Kubernetes [1]." in answer.answer
    assert f"**Lena Fischer** also knows it.{UNSUPPORTED}" in answer.answer
    assert any("does not exist" in n for n in answer.notices)
    # Lena matches but the model gave no citation for her: the product adds her evidence.
    assert [c.candidate for c in answer.citations] == ["Dana Park", "Lena Fischer"]


def test_who_has_answers_still_list_every_match(team: Assistant) -> None:
    model = fake("Dana Park has it [E1].")  # the model forgot Lena
    answer = with_model(team, model).ask("Who has Kubernetes experience?")
    assert "Also matching" in answer.answer and "Lena Fischer" in answer.answer
    assert {c.candidate for c in answer.citations} == {"Dana Park", "Lena Fischer"}


@pytest.mark.parametrize("reply", ["", "I think Dana is great.", "{'answer': ??? }"])
def test_answers_without_any_valid_citation_fall_back(team: Assistant, reply: str) -> None:
    answer = with_model(team, fake(reply)).ask("Who has Kubernetes experience?")
    assert answer.strategy == "extractive"
    assert any("fake:model" in n and "extractive" in n for n in answer.notices)
    assert sorted(answer.candidates) == ["Dana Park", "Lena Fischer"]


def test_no_match_does_not_call_the_model(team: Assistant) -> None:
    model = fake()  # would raise StopIteration if called
    answer = with_model(team, model).ask("Who has COBOL experience?")
    assert answer.answer.startswith("No candidate matches")


def test_user_can_choose_extractive(team: Assistant) -> None:
    answer = with_model(team, fake("Dana [E1]")).ask("Who knows Go?", use_llm=False)
    assert answer.strategy == "extractive" and not answer.notices


def test_streaming_yields_text_before_the_answer(team: Assistant) -> None:
    model = fake("Dana Park lists Go among her skills [E1].")
    stream = with_model(team, model).ask_stream("Does Dana know Go?")
    pieces = list(stream)
    assert len(pieces) > 3  # the fake model streams word by word
    assert "".join(pieces).startswith("Dana Park lists Go")
    assert stream.answer.answer == "Dana Park lists Go among her skills [1]."


def test_missing_provider_package_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "langchain_anthropic", None)  # import now fails
    from langchain.chat_models import base

    base._get_chat_model_creator.cache_clear()
    with pytest.raises(LLMConfigError, match=r"\.\[anthropic\]"):
        build_chat_model(Settings(llm="anthropic:claude-test"))
    base._get_chat_model_creator.cache_clear()
    with pytest.raises(LLMConfigError):
        build_chat_model(Settings(llm="nosuchprovider:model"))


def test_assistant_reports_a_bad_model_setting_and_stays_usable(team: Assistant) -> None:
    broken = Assistant(
        Settings(store_path=team.settings.store_path, llm="nosuchprovider:x"),
        store=team.store,
        embedder=team.embedder,
    )
    assert broken.llm is None and broken.llm_error
    assert broken.ask("Who knows Go?").candidates == ["Dana Park"]


# -- the real OpenAI client against a stub server on 127.0.0.1 ---------------------------------


PROVIDERS = ["openai", "ollama"]


def stub_assistant(team: Assistant, url: str, provider: str = "openai", **extra: Any) -> Assistant:
    settings = Settings(
        store_path=team.settings.store_path,
        llm=f"{provider}:stub-model",
        # Ollama's API lives at the server root, OpenAI's under /v1.
        llm_base_url=url.removesuffix("/v1") if provider == "ollama" else url,
        llm_timeout=1.5,
        llm_max_retries=0,
        **extra,
    )
    return Assistant(settings, store=team.store, embedder=team.embedder)


@pytest.fixture
def scripted() -> Iterator[list[Reply]]:
    yield []


@pytest.mark.parametrize("provider", PROVIDERS)
def test_streamed_answer_over_the_providers_protocol(team: Assistant, provider: str) -> None:
    with llm_stub(cite_everyone) as (url, state):
        assistant = stub_assistant(team, url, provider)
        stream = assistant.ask_stream("Who has Kubernetes experience?")
        pieces = list(stream)
    answer = stream.answer
    assert len(pieces) > 1 and state.requests[-1].get("stream", True) is True
    assert answer.strategy == "llm" and not answer.notices
    assert "Here is what the resumes show for 2 candidate(s)." in answer.answer
    assert {c.candidate for c in answer.citations} == {"Dana Park", "Lena Fischer"}
    assert verify(answer.citations, team.catalog) == answer.citations
    prompt = state.requests[-1]["messages"][-1]["content"]
    assert "<evidence>" in prompt and "Exactly these 2 match" in prompt


def invented(body: dict[str, Any]) -> Reply:
    return Reply(text="**Omar Haddad** runs Kubernetes for NASA [E77]. Dana too [E1].")


def no_citations(body: dict[str, Any]) -> Reply:
    return Reply(text="Everyone seems fine to me.")


def malformed(body: dict[str, Any]) -> Reply:
    return Reply(raw=b"data: {not json at all\n\n" if body.get("stream") else b"<html>oops")


def server_error(body: dict[str, Any]) -> Reply:
    return Reply(status=500)


def rate_limited(body: dict[str, Any]) -> Reply:
    return Reply(status=429)


def too_slow(body: dict[str, Any]) -> Reply:
    return Reply(text="late [E1]", delay=4.0)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_invented_citation_numbers_from_the_server(team: Assistant, provider: str) -> None:
    with llm_stub(invented) as (url, _):
        answer = stub_assistant(team, url, provider).ask("Who has Kubernetes experience?")
    assert "NASA" not in answer.answer
    assert answer.citations[0].candidate == "Dana Park"
    assert any("does not exist" in n for n in answer.notices)


@pytest.mark.parametrize(
    ("script", "why"),
    [
        (no_citations, "cited no evidence"),
        (malformed, "failed"),
        (server_error, "failed"),
        (rate_limited, "rate-limited"),
        (too_slow, "timed out"),
    ],
)
@pytest.mark.parametrize("provider", PROVIDERS)
def test_server_failures_fall_back_to_extractive(
    team: Assistant, script: Any, why: str, provider: str
) -> None:
    with llm_stub(script) as (url, _):
        answer = stub_assistant(team, url, provider).ask("Who has Kubernetes experience?")
    assert answer.strategy == "extractive"
    assert sorted(answer.candidates) == ["Dana Park", "Lena Fischer"]
    assert answer.citations and verify(answer.citations, team.catalog) == answer.citations
    (notice,) = answer.notices
    assert f"{provider}:stub-model" in notice and why in notice


def test_follow_up_is_rewritten_for_retrieval(team: Assistant) -> None:
    def script(body: dict[str, Any]) -> Reply:
        if is_rewrite(body):
            return Reply(text="Where did Lena Fischer study?")
        pairs = candidates_in_prompt(body)
        return Reply(text=" ".join(f"{name} studied here [{label}]." for name, label in pairs))

    with llm_stub(script) as (url, state):
        assistant = stub_assistant(team, url)
        chat = Conversation()
        assistant.ask("Who speaks German?", chat)
        answer = assistant.ask("Where did she study?", chat)
    assert any(is_rewrite(r) for r in state.requests)
    assert answer.question == "Where did she study?"
    assert [c.text for c in answer.citations] == ["B.S. Informatics, Hill College"]


def test_cli_answers_with_the_stub_model(sample_store_path: Any) -> None:
    import json
    import os
    import subprocess

    from tests.conftest import ROOT, SAMPLE_RESUMES

    with llm_stub(cite_everyone) as (url, state):
        env = {k: v for k, v in os.environ.items() if not k.startswith("RECRUITER_")}
        env |= {
            "RECRUITER_STORE_PATH": str(sample_store_path),
            "RECRUITER_LLM": "openai:stub-model",
            "RECRUITER_LLM_BASE_URL": url,
        }
        done = subprocess.run(
            [sys.executable, "-m", "assistant", "ask", "--json", "Who has Kubernetes experience?"],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=300,
        )
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert set(payload) == {"question", "answer", "citations"}
    assert payload["answer"].startswith("Here is what the resumes show for 4 candidate(s).")
    assert state.requests and state.requests[-1]["model"] == "stub-model"
    for c in payload["citations"]:
        assert f"[{c['n']}]" in payload["answer"]
        path = SAMPLE_RESUMES / c["source"]
        if path.suffix in (".md", ".txt"):
            lines = path.read_text(encoding="utf-8").split("\n")
            assert c["text"] == "\n".join(lines[c["line_start"] - 1 : c["line_end"]])
