"""Shared fixtures. Fakes live at our own interfaces (the Embedder protocol), never at a vendor's.

Every test runs with RECRUITER_ settings pointing into its own temporary folder, so no test can
touch a real store.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest

from assistant.embeddings import DIMENSIONS, MiniLMEmbedder
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.store import ChromaStore, open_store
from ingest.pipeline import Ingestor, SourceFile, collect

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_RESUMES = ROOT / "sample_docs" / "resumes"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


class HashingEmbedder:
    """Deterministic bag-of-words vectors: texts sharing words are similar. Fast, no model."""

    name = "hashing"

    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "little")
                out[i, h % DIMENSIONS] += 1.0
            norm = np.linalg.norm(out[i])
            out[i] = out[i] / norm if norm else out[i]
            if not norm:
                out[i, 0] = 1.0
        return out


_SHARED_CACHE: Path | None = None


def pytest_configure(config: pytest.Config) -> None:
    """What is computed once per machine (the vocabulary's vectors) is computed once per test
    session, in a folder of its own: every test's settings, and every process a test starts,
    read ``RECRUITER_CACHE_PATH``."""
    global _SHARED_CACHE
    _SHARED_CACHE = Path(tempfile.mkdtemp(prefix="recruiter-cache-"))
    os.environ["RECRUITER_CACHE_PATH"] = str(_SHARED_CACHE)


def pytest_unconfigure(config: pytest.Config) -> None:
    if _SHARED_CACHE is not None:
        shutil.rmtree(_SHARED_CACHE, ignore_errors=True)


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for key in list(os.environ):
        if key.startswith("RECRUITER_") and key != "RECRUITER_CACHE_PATH":
            monkeypatch.delenv(key)
    monkeypatch.setenv("RECRUITER_STORE_PATH", str(tmp_path / "store"))
    monkeypatch.chdir(tmp_path)  # no .env file of the developer's is read


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(store_path=tmp_path / "chroma")


@pytest.fixture
def fake_embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture
def store(settings: Settings, fake_embedder: HashingEmbedder) -> ChromaStore:
    return open_store(settings, fake_embedder)


@pytest.fixture
def ingestor(store: ChromaStore, fake_embedder: HashingEmbedder, settings: Settings) -> Ingestor:
    return Ingestor(store, fake_embedder, settings)


@pytest.fixture
def assistant(store: ChromaStore, fake_embedder: HashingEmbedder, settings: Settings) -> Assistant:
    return Assistant(settings, store=store, embedder=fake_embedder)


@pytest.fixture(scope="session")
def minilm() -> MiniLMEmbedder:
    return MiniLMEmbedder()


@pytest.fixture(scope="session")
def sample_store_path(tmp_path_factory: pytest.TempPathFactory, minilm: MiniLMEmbedder) -> Path:
    """sample_docs/resumes ingested once with the real model; tests open it read-only."""
    path = tmp_path_factory.mktemp("sample-store")
    settings = Settings(store_path=path)
    store = open_store(settings, minilm)
    files, _ = collect([SAMPLE_RESUMES])
    report = Ingestor(store, minilm, settings).ingest(files)
    assert not report.failed, report.failed
    return path


@pytest.fixture(scope="session")
def sample_assistant(sample_store_path: Path, minilm: MiniLMEmbedder) -> Iterator[Assistant]:
    yield Assistant(Settings(store_path=sample_store_path), embedder=minilm)


TEAM = {
    "dana.txt": "Dana Park\ndana@example.com | (206) 555-0143\n\nSummary\nPlatform engineer.\n\n"
    "Skills\nKubernetes, Go, Terraform\n\nEducation\nM.S. Computer Science, Lakeshore University\n",
    "omar.md": "# Omar Haddad\nomar@example.org\n\n## Experience\n- Ran Kafka clusters at Bluefin\n"
    "- Wrote Java services\n\n## Languages\nEnglish (native), Spanish (basic)\n",
    "lena.txt": "Lena Fischer\nlena@example.net\n\nSKILLS\nJavaScript, React, k8s\n\nLANGUAGES\n"
    "German (native), Spanish (native)\n\nEDUCATION\nB.S. Informatics, Hill College\n",
}


@pytest.fixture
def team(ingestor: Ingestor, assistant: Assistant) -> Assistant:
    """Three small resumes (Dana, Omar, Lena) ingested with the hashing embedder."""
    report = ingestor.ingest([SourceFile(n, data=t.encode()) for n, t in TEAM.items()])
    assert not report.failed
    return assistant
