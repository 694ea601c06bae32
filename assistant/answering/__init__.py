"""Answer strategies: evidence -> a written answer with numbered citations.

``extractive`` needs no model and no network; ``llm`` lets any LangChain chat model write the
answer from the same evidence and falls back to ``extractive`` when the model fails. A strategy
streams its text through an :class:`AnswerStream`; the finished :class:`Answer` (with citations
checked against the store) is available once the stream is consumed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol

from assistant.catalog import Catalog
from assistant.models import Answer, Conversation
from assistant.retrieval import Retrieved


class LLMConfigError(RuntimeError):
    """The configured model cannot be built (unknown provider, missing package)."""


class ModelUnreachable(RuntimeError):
    """The model could not be reached (timeout, rate limit, server error); the message says
    why, for the user. Callers answer offline and do not call the model again."""


class AnswerStream:
    """Text as it is written; ``answer`` is set when the iteration ends.

    ``finish`` turns the full text into the final answer (which may differ from what was
    streamed: citation numbers are renumbered and unsupported sentences dropped).
    """

    def __init__(self, chunks: Iterator[str], finish: Callable[[str], Answer]) -> None:
        self._chunks = chunks
        self._finish = finish
        self._answer: Answer | None = None

    @classmethod
    def of(cls, answer: Answer) -> AnswerStream:
        return cls(iter([answer.answer]), lambda _: answer)

    def __iter__(self) -> Iterator[str]:
        if self._answer is not None:
            return
        parts: list[str] = []
        for chunk in self._chunks:
            parts.append(chunk)
            yield chunk
        self._answer = self._finish("".join(parts))

    @property
    def answer(self) -> Answer:
        if self._answer is None:
            for _ in self:
                pass
        assert self._answer is not None
        return self._answer


class AnswerStrategy(Protocol):
    name: str

    def stream(
        self, retrieved: Retrieved, catalog: Catalog, conversation: Conversation
    ) -> AnswerStream: ...
