"""Embedding precision chosen for the CPU it runs on: bf16 autocast only where the CPU has bf16
units (elsewhere it is emulated and several times slower)."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant import embeddings
from assistant.embeddings import MiniLMEmbedder, bf16_units

INTEL_AVX2 = "processor\t: 0\nflags\t\t: fpu vme sse2 avx avx2 fma bmi2\n"
SAPPHIRE_RAPIDS = "flags\t\t: fpu avx2 avx512f avx512_bf16 amx_bf16 amx_tile\n"
ZEN4 = "flags\t\t: fpu avx2 avx512f avx512_bf16\n"
GRAVITON3 = "Features\t: fp asimd evtstrm aes sha1 sve bf16 i8mm\n"
GRAVITON2 = "Features\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics\n"


@pytest.mark.parametrize(
    ("cpuinfo", "expected"),
    [
        (INTEL_AVX2, False),
        (SAPPHIRE_RAPIDS, True),
        (ZEN4, True),
        (GRAVITON3, True),
        (GRAVITON2, False),
        ("", None),  # not Linux, or not readable: time both instead
        ("processor\t: 0\nmodel name\t: Some CPU\n", None),
    ],
)
def test_bf16_units_from_cpu_flags(cpuinfo: str, expected: bool | None) -> None:
    assert bf16_units(cpuinfo) is expected


def test_explicit_precision_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embeddings, "_cpuinfo", lambda: SAPPHIRE_RAPIDS)
    assert MiniLMEmbedder(precision="fp32").chosen == "fp32"
    monkeypatch.setattr(embeddings, "_cpuinfo", lambda: INTEL_AVX2)
    assert MiniLMEmbedder(precision="bf16").chosen == "bf16"


@pytest.mark.parametrize(("cpuinfo", "chosen"), [(INTEL_AVX2, "fp32"), (ZEN4, "bf16")])
def test_auto_follows_the_cpu_flags(
    monkeypatch: pytest.MonkeyPatch, cpuinfo: str, chosen: str
) -> None:
    monkeypatch.setattr(embeddings, "_cpuinfo", lambda: cpuinfo)
    embedder = MiniLMEmbedder(precision="auto")
    assert embedder.chosen == chosen
    assert embedder.speeds == {}  # flags decided it: nothing was timed


@pytest.mark.parametrize(
    ("speeds", "chosen"),
    [({"fp32": 80.0, "bf16": 15.0}, "fp32"), ({"fp32": 40.0, "bf16": 100.0}, "bf16")],
)
def test_auto_without_flags_times_both(
    monkeypatch: pytest.MonkeyPatch, speeds: dict[str, float], chosen: str
) -> None:
    monkeypatch.setattr(embeddings, "_cpuinfo", lambda: "")
    embedder = MiniLMEmbedder(precision="auto")
    monkeypatch.setattr(embedder, "time_both", lambda: speeds)
    assert embedder.chosen == chosen


def test_timing_both_measures_real_embeddings_that_agree() -> None:
    embedder = MiniLMEmbedder(precision="fp32")
    speeds = embedder.time_both(embeddings._SAMPLE[:8])
    assert set(speeds) == {"fp32", "bf16"} and min(speeds.values()) > 0
    texts = embeddings._SAMPLE[:4]
    fp32 = embedder.embed(texts)
    bf16 = MiniLMEmbedder(precision="bf16").embed(texts)
    cosine = (fp32 * bf16).sum(axis=1)
    assert np.all(cosine > 0.99)


# Lines that exercise what the hand-written path must get right: lower-casing and accents
# (the tokenizer's normaliser), surrounding whitespace (stripped, as sentence-transformers
# does), padding (lines of very different lengths share a batch) and truncation (the last line
# is longer than the model's 256 tokens).
PARITY_LINES = [
    "  Senior Site Reliability Engineer, Zürich — Kubernetes, Terraform, GCP  ",
    "Python",
    "MSc Computer Science, Universidad Politécnica de Madrid (2016–2018)",
    "Led a team of 6 building ETL pipelines in Spark & Airflow; cut costs 35%",
    "Languages: Spanish (native), English (C2), Mandarin (HSK 3)",
    "Built " + ", ".join(f"service-{n} on AWS Lambda with DynamoDB streams" for n in range(60)),
]


def test_vectors_match_sentence_transformers() -> None:
    from tests.embedding_parity import reference

    ours = MiniLMEmbedder(batch_size=4, precision="fp32").embed(PARITY_LINES)
    theirs = reference()(PARITY_LINES)
    assert ours.shape == (len(PARITY_LINES), embeddings.DIMENSIONS)
    assert ours.dtype == np.float32
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cosine = (ours * theirs).sum(axis=1)
    assert np.all(cosine > 0.999), cosine


def test_a_text_gets_the_same_vector_alone_or_padded_in_a_batch() -> None:
    embedder = MiniLMEmbedder(batch_size=64, precision="fp32")
    alone = embedder.embed(["Python"])[0]
    batched = embedder.embed(PARITY_LINES)[1]
    assert float(alone @ batched) > 0.9999


def test_mean_pool_ignores_padding() -> None:
    hidden = np.array([[[3.0, 4.0], [100.0, -100.0]], [[1.0, 0.0], [0.0, 1.0]]], np.float32)
    mask = np.array([[1, 0], [1, 1]])
    pooled = embeddings.mean_pool(hidden, mask)
    assert np.allclose(pooled, [[0.6, 0.8], [2**-0.5, 2**-0.5]])


def _model_folder(tmp_path: Path, modules: list[str], pooling: dict[str, bool]) -> Path:
    (tmp_path / "1_Pooling").mkdir()
    listed = [
        {
            "idx": i,
            "name": str(i),
            "path": "1_Pooling" if kind == "Pooling" else "",
            "type": f"sentence_transformers.models.{kind}",
        }
        for i, kind in enumerate(modules)
    ]
    (tmp_path / "modules.json").write_text(json.dumps(listed))
    (tmp_path / "1_Pooling" / "config.json").write_text(json.dumps(pooling))
    (tmp_path / "sentence_bert_config.json").write_text('{"max_seq_length": 128}')
    (tmp_path / "config.json").write_text(
        '{"model_type": "bert", "hidden_act": "gelu", "num_hidden_layers": 6}'
    )
    return tmp_path


MEAN = {"pooling_mode_cls_token": False, "pooling_mode_mean_tokens": True}


@pytest.mark.parametrize(
    ("modules", "pooling", "readable"),
    [
        (["Transformer", "Pooling", "Normalize"], MEAN, True),
        (["Transformer", "Pooling"], MEAN, True),
        (["Transformer", "Pooling", "Normalize"], {"pooling_mode_cls_token": True}, False),
        (["Transformer", "Pooling"], {**MEAN, "pooling_mode_max_tokens": True}, False),
        (["Transformer", "Pooling", "Dense", "Normalize"], MEAN, False),
    ],
)
def test_model_config_accepts_only_what_we_compute(
    tmp_path: Path, modules: list[str], pooling: dict[str, bool], readable: bool
) -> None:
    folder = _model_folder(tmp_path, modules, pooling)
    if readable:
        assert embeddings.ModelConfig.read(folder).max_seq_length == 128
    else:
        with pytest.raises(ValueError):
            embeddings.ModelConfig.read(folder)


def test_the_bundled_model_is_read_from_its_config_files() -> None:
    config = embeddings.ModelConfig.read(embeddings.model_path())
    assert config.max_seq_length == 256
    assert config.bert["hidden_size"] == embeddings.DIMENSIONS


def test_fp32_embedding_imports_neither_torch_nor_sentence_transformers() -> None:
    script = (
        "import sys\n"
        "from assistant.embeddings import MiniLMEmbedder\n"
        "MiniLMEmbedder(precision='fp32').embed(['Kubernetes'])\n"
        "print(sorted({'torch', 'transformers', 'sentence_transformers'} & set(sys.modules)))\n"
    )
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip() == "[]"


def test_erf_matches_the_math_module() -> None:
    x = np.linspace(-6.0, 6.0, 24001, dtype=np.float32)
    exact = np.array([math.erf(float(v)) for v in x])
    assert np.abs(embeddings.erf(x.copy()) - exact).max() < 6e-7
