"""What Chroma needs from us: embedding functions for the store's collections, and clients.

Importing chromadb takes about a second, so only :class:`assistant.store.ChromaStore` imports
this module, when it opens a store; reading questions answered from the store's snapshot (see
:mod:`assistant.snapshot`) never does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import chromadb
import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.config import Settings as ChromaSettings

from assistant.embeddings import Embedder, MiniLMEmbedder
from assistant.settings import Settings


class RecordEmbedding(EmbeddingFunction[Documents]):
    """Resume records are looked up by id, never by similarity; a constant vector keeps Chroma
    from loading its default model for them."""

    def __init__(self) -> None:
        pass

    def __call__(self, input: Documents) -> Embeddings:
        return [np.ones(1, dtype=np.float32) for _ in input]

    @staticmethod
    def name() -> str:
        return "recruiter-record"

    def get_config(self) -> dict[str, Any]:
        return {}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> RecordEmbedding:
        return RecordEmbedding()


class MiniLMFunction(EmbeddingFunction[Documents]):
    """Adapts an :class:`Embedder` to Chroma, so Chroma never falls back to its own default
    (which would try to download a model)."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def __call__(self, input: Documents) -> Embeddings:
        return list(self.embedder.embed(list(input)))

    @staticmethod
    def name() -> str:
        return "recruiter-minilm"

    def get_config(self) -> dict[str, Any]:
        return {}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> MiniLMFunction:
        return MiniLMFunction(MiniLMEmbedder(precision="auto"))

    def default_space(self) -> Any:
        return "cosine"


def embedded_client(path: Path) -> Any:
    path.mkdir(parents=True, exist_ok=True)
    # A fresh settings object per client: chromadb's clients write into the one they are given
    # (an HttpClient sets its API implementation there), so a shared one would leak between them.
    return chromadb.PersistentClient(
        path=str(path), settings=ChromaSettings(anonymized_telemetry=False)
    )


def server_client(settings: Settings) -> Any:
    return chromadb.HttpClient(
        host=settings.chroma_host or "localhost",
        port=settings.chroma_port,
        ssl=settings.chroma_ssl,
        settings=ChromaSettings(anonymized_telemetry=False),
    )
