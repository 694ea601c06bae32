"""The same ingest and ask, through a real `chroma run` server on 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.service import Assistant
from assistant.settings import Settings
from assistant.store import open_store
from ingest.pipeline import Ingestor, SourceFile
from tests.conftest import HashingEmbedder


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[int]:
    chroma = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = _free_port()
    log = (tmp_path / "chroma.log").open("w")
    proc = subprocess.Popen(
        [chroma, "run", "--host", "127.0.0.1", "--port", str(port), "--path", str(tmp_path / "db")],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert proc.poll() is None, (tmp_path / "chroma.log").read_text()
                time.sleep(0.2)
        else:
            pytest.fail("chroma server did not start: " + (tmp_path / "chroma.log").read_text())
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


def test_ingest_and_ask_through_a_chroma_server(chroma_server: int) -> None:
    settings = Settings(chroma_host="127.0.0.1", chroma_port=chroma_server)
    embedder = HashingEmbedder()
    store = open_store(settings, embedder)
    report = Ingestor(store, embedder, settings).ingest(
        [
            SourceFile("ines.txt", data=b"Ines Moreau\nines@example.com\nSkills\nRust, Kafka\n"),
            SourceFile("bad.pdf", data=b"%PDF-1.4 nope"),
        ]
    )
    assert [o.status for o in report.outcomes] == ["failed", "ingested"] or [
        o.status for o in report.outcomes
    ] == ["ingested", "failed"]
    assistant = Assistant(settings, embedder=embedder)  # opens its own client to the server
    answer = assistant.ask("Who knows Kafka?")
    assert answer.candidates == ["Ines Moreau"]
    assert answer.citations[0].text == "Rust, Kafka"
    assert answer.citations[0].line_start == 4
    assert not settings.store_path.exists()  # nothing was written to the embedded default
