"""Embedding precision chosen for the CPU it runs on: bf16 autocast only where the CPU has bf16
units (elsewhere it is emulated and several times slower)."""

from __future__ import annotations

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
