"""Answer strategies: evidence -> a written answer with numbered citations.

``extractive`` needs no model and no network. A strategy receives the retrieved evidence and
returns an :class:`~assistant.models.Answer`; the service checks its citations afterwards.
"""

from __future__ import annotations

from typing import Protocol

from assistant.catalog import Catalog
from assistant.models import Answer, Conversation
from assistant.retrieval import Retrieved


class AnswerStrategy(Protocol):
    name: str

    def answer(
        self, retrieved: Retrieved, catalog: Catalog, conversation: Conversation
    ) -> Answer: ...
