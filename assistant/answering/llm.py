"""Answers written by any LangChain chat model from the retrieved evidence, then checked.

The model sees numbered evidence lines ([E1], [E2], ...) and must cite them. Its text is then
verified sentence by sentence: unknown numbers are dropped, a sentence whose every citation was
invented is removed, and a sentence that names a candidate without any citation is marked as
unsupported. Quoted text always comes from the store. If the model is unreachable, too slow,
rate-limited or returns nothing usable, the extractive answer is given with a notice.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from typing import Any, TypeVar

from langchain_core.exceptions import OutputParserException
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from pydantic import BaseModel, ValidationError

# The errors live in the package (no LangChain import) so that callers can catch them without
# loading LangChain; they are re-exported here.
from assistant.answering import AnswerStream, LLMConfigError, ModelUnreachable
from assistant.answering.extractive import ExtractiveStrategy, quoted
from assistant.answering.prompts import (
    NumberedEvidence,
    answer_messages,
    rewrite_messages,
)
from assistant.catalog import Catalog
from assistant.citations import CitationBook
from assistant.models import Answer, Conversation
from assistant.retrieval import Retrieved
from assistant.settings import Settings

__all__ = ["LLMConfigError", "LLMStrategy", "ModelUnreachable", "build_chat_model"]

log = logging.getLogger(__name__)

_EXTRAS = {"openai": "openai", "anthropic": "anthropic", "ollama": "ollama"}
_MARKERS = re.compile(r"\[((?:\s*E?\d+\s*[,;]?)+)\]")
_SEGMENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z*\"“(-])")
UNSUPPORTED = " _(unsupported: no citation)_"


_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"(?<!!)\[([^\]]+)\]\((?:https?|ftp|mailto|data|javascript):[^)]*\)", re.I)


def safe_markdown(text: str) -> str:
    """Model text may echo resume content: no images (the browser would fetch them) and no
    links, only their words."""
    return _LINK.sub(r"\1", _IMAGE.sub(r"\1", text))


SchemaT = TypeVar("SchemaT", bound=BaseModel)


def structured_reply(
    model: BaseChatModel, schema: type[SchemaT], messages: list[BaseMessage], purpose: str
) -> SchemaT | None:
    """The model's reply as ``schema`` through structured output; None when the model has no
    structured output or replies out of shape (not an outage); :class:`ModelUnreachable` when
    it cannot be reached."""
    try:
        structured = model.with_structured_output(schema)
    except NotImplementedError:
        log.info("the model has no structured output; no %s", purpose)
        return None
    try:
        reply = structured.invoke(messages)
        return reply if isinstance(reply, schema) else schema.model_validate(reply)
    except (OutputParserException, ValidationError, ValueError) as err:
        log.warning("%s: the model's reply was out of shape: %s", purpose, err)
        return None
    except Exception as err:
        log.warning("%s failed: %s", purpose, err)
        raise ModelUnreachable(describe_failure(err)) from err


def build_chat_model(settings: Settings) -> BaseChatModel:
    """The chat model named by ``settings.llm`` ("provider:model"), via init_chat_model."""
    from langchain.chat_models import init_chat_model

    assert settings.llm is not None
    provider, _, model = settings.llm.partition(":")
    kwargs: dict[str, Any] = {"temperature": settings.llm_temperature}
    if provider == "ollama":
        # ChatOllama takes its HTTP timeout through the client and has no retry setting.
        kwargs["client_kwargs"] = {"timeout": settings.llm_timeout}
    else:
        kwargs["timeout"] = settings.llm_timeout
        kwargs["max_retries"] = settings.llm_max_retries
    if settings.llm_base_url:
        kwargs["base_url"] = settings.llm_base_url
    if settings.llm_api_key is not None:
        kwargs["api_key"] = settings.llm_api_key.get_secret_value()
    elif provider == "openai" and settings.llm_base_url and not os.environ.get("OPENAI_API_KEY"):
        kwargs["api_key"] = "unused"  # local OpenAI-compatible servers ignore the key
    try:
        return init_chat_model(model, model_provider=provider, **kwargs)
    except ImportError as err:
        extra = _EXTRAS.get(provider, provider)
        raise LLMConfigError(
            f"The {provider} provider needs its package: "
            f"pip install -c constraints.txt -e '.[{extra}]'"
        ) from err
    except ValueError as err:
        raise LLMConfigError(f"Cannot use model {settings.llm!r}: {err}") from err


def _text(content: Any) -> str:
    """Message content as text (some providers send a list of parts)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
    return str(content or "")


def describe_failure(err: BaseException) -> str:
    name = type(err).__name__
    if "timeout" in name.lower() or "timed out" in str(err).lower():
        return "it timed out"
    if "ratelimit" in name.lower() or "429" in str(err):
        return "it is rate-limited"
    if "connect" in name.lower():
        return "it could not be reached"
    return f"it failed ({name})"


class LLMStrategy:
    name = "llm"

    def __init__(self, model: BaseChatModel, model_name: str, settings: Settings) -> None:
        self.model = model
        self.model_name = model_name
        self.label = f"LLM: {model_name}"
        self.settings = settings
        self.fallback = ExtractiveStrategy()

    # -- follow-ups ------------------------------------------------------------------------------

    def rewrite(self, question: str, conversation: Conversation) -> str:
        """A standalone version of a follow-up question; the original if the model fails."""
        try:
            reply = self.model.invoke(rewrite_messages(question, conversation))
        except Exception as err:
            log.warning("follow-up rewrite failed: %s", err)
            return question
        text = " ".join(_text(reply.content).split())
        if not text or len(text) > 4 * len(question) + 200 or "\n" in _text(reply.content).strip():
            return question
        return text

    # -- answers ---------------------------------------------------------------------------------

    def stream(
        self, retrieved: Retrieved, catalog: Catalog, conversation: Conversation
    ) -> AnswerStream:
        extractive = self.fallback.answer(retrieved, catalog, conversation)
        if not any(g.evidence for g in retrieved.groups):
            # Nothing to write from: the extractive answer already says so plainly.
            extractive.strategy = self.name
            return AnswerStream.of(extractive)
        messages, numbered = answer_messages(retrieved, catalog, conversation)
        failure: list[str] = []

        def chunks() -> Iterator[str]:
            try:
                for chunk in self.model.stream(messages):
                    text = _text(chunk.content)
                    if text:
                        yield text
            except Exception as err:
                log.warning("model %s failed: %s", self.model_name, err)
                failure.append(describe_failure(err))

        def finish(text: str) -> Answer:
            if failure:
                return self._fall_back(extractive, failure[0])
            answer = self._checked(text, retrieved, catalog, numbered)
            if answer is None:
                return self._fall_back(extractive, "its answer cited no evidence")
            return answer

        return AnswerStream(chunks(), finish)

    def _fall_back(self, extractive: Answer, why: str) -> Answer:
        notice = (
            f"The language model ({self.model_name}) was not used because {why}; "
            "this is the extractive answer."
        )
        return extractive.model_copy(update={"notices": [*extractive.notices, notice]})

    def _checked(
        self,
        text: str,
        retrieved: Retrieved,
        catalog: Catalog,
        numbered: list[NumberedEvidence],
    ) -> Answer | None:
        by_label = {item.label: item for item in numbered}
        book = CitationBook(catalog)
        names = {catalog.candidates[g.candidate_id].name for g in retrieved.groups}
        kept_lines: list[str] = []
        dropped = invented = unsupported = 0
        cited_candidates: set[str] = set()

        for raw_line in text.strip().splitlines():
            segments = _SEGMENT.split(raw_line) if raw_line.strip() else [raw_line]
            kept: list[str] = []
            for segment in segments:
                labels = [
                    ("E" + part.strip().lstrip("Ee"))
                    for group in _MARKERS.findall(segment)
                    for part in re.split(r"[,;\s]+", group)
                    if part.strip()
                ]
                valid = [label for label in labels if label in by_label]
                invented += len(labels) - len(valid)
                if labels and not valid:
                    dropped += 1
                    continue

                def renumber(match: re.Match[str]) -> str:
                    refs = []
                    for part in re.split(r"[,;\s]+", match.group(1)):
                        label = "E" + part.strip().lstrip("Ee")
                        if part.strip() and label in by_label:
                            ev = by_label[label].evidence
                            cited_candidates.add(ev.candidate_id)
                            refs.append(f"[{book.cite(ev)}]")
                    return "".join(refs)

                segment = _MARKERS.sub(renumber, segment)
                if not labels and any(name in segment for name in names):
                    segment = segment.rstrip() + UNSUPPORTED
                    unsupported += 1
                kept.append(segment)
            if kept or not raw_line.strip():
                kept_lines.append(" ".join(kept))
        if not book.citations:
            return None

        body = safe_markdown("\n".join(kept_lines).strip())
        plan = retrieved.plan
        if plan.kind == "match":
            missing = [g for g in retrieved.matched if g.candidate_id not in cited_candidates]
            if missing:
                rows = [f"- **{g.name}**: {quoted(book, g.evidence)}" for g in missing]
                body += "\n\nAlso matching, from the resumes:\n" + "\n".join(rows)

        notices = list(retrieved.notes)
        if invented:
            notices.append(f"{invented} citation(s) to evidence that does not exist were removed.")
        if dropped:
            notices.append(f"{dropped} sentence(s) without valid support were removed.")
        if unsupported:
            notices.append(f"{unsupported} sentence(s) name a candidate without a citation.")
        if plan.kind == "match":
            about = retrieved.matched
        else:
            about = [g for g in retrieved.groups if g.candidate_id in cited_candidates]
        return Answer(
            question=plan.question,
            answer=body,
            citations=book.citations,
            candidates=[g.name for g in about],
            candidate_ids=[g.candidate_id for g in about],
            notices=notices,
            strategy=self.name,
            model=self.model_name,
        )
