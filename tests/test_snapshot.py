"""The snapshot of an embedded store: reads that need no vector are answered from it without
opening Chroma, and it never disagrees with what Chroma holds (writes from another store object,
a write that stopped half-way, an erasure, a damaged index)."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from assistant.models import Conversation
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.snapshot import FOLDER
from assistant.store import ChromaStore, SnapshotStore, open_reader, open_store
from ingest.pipeline import Ingestor, SourceFile
from tests.conftest import ROOT, HashingEmbedder

# Invented people.
FILES = {
    "odile_marchetti.txt": "Odile Marchetti\nodile.marchetti@example.org\n\nExperience\n"
    "Data engineer at Brightwater Freight, 2018 - present\n- Built Kafka pipelines\n",
    "kofi_asante.md": "# Kofi Asante\nkofi.asante@example.net\n\n## Skills\n- Rust, Terraform\n",
}
LATE = SourceFile(
    "priya_venkat.txt",
    data=b"Priya Venkat\npriya.venkat@example.com\n\nSkills\nKafka, Flink, Scala\n",
)


def ingested(path: Path) -> tuple[Settings, ChromaStore, HashingEmbedder]:
    settings = Settings(store_path=path)
    embedder = HashingEmbedder()
    store = open_store(settings, embedder)
    report = Ingestor(store, embedder, settings).ingest(
        [SourceFile(name, data=text.encode()) for name, text in FILES.items()]
    )
    assert not report.failed
    return settings, store, embedder


def reader(settings: Settings, embedder: HashingEmbedder) -> tuple[Assistant, SnapshotStore]:
    store = open_reader(settings, embedder)
    assert isinstance(store, SnapshotStore)
    return Assistant(settings, store=store, embedder=embedder), store


def names(assistant: Assistant) -> list[str]:
    return sorted(c.name for c in assistant.candidates())


def test_reads_come_from_the_snapshot_and_match_chroma(tmp_path: Path) -> None:
    settings, store, embedder = ingested(tmp_path / "store")
    direct = Assistant(settings, store=store, embedder=embedder)
    fast, snap = reader(settings, embedder)

    assert names(fast) == names(direct) == ["Kofi Asante", "Odile Marchetti"]
    assert snap.versions() == store.versions()
    assert snap.generation() == store.generation()
    question = "Who knows Kafka?"
    assert fast.ask(question, Conversation()).answer == direct.ask(question, Conversation()).answer
    assert not snap.opened, "a keyword question and the list should not need Chroma"


def test_a_write_by_another_store_reaches_the_reader(tmp_path: Path) -> None:
    settings, store, embedder = ingested(tmp_path / "store")
    fast, snap = reader(settings, embedder)
    assert "Priya Venkat" not in names(fast)

    Ingestor(store, embedder, settings).ingest([LATE])  # another writer (as `python -m ingest`)

    assert "Priya Venkat" in names(fast)
    answer = fast.ask("Who knows Flink?", Conversation())
    assert "Priya Venkat" in answer.answer
    assert snap.generation() == store.generation()


def test_a_write_that_stopped_half_way_sends_reads_to_chroma_until_the_next_write(
    tmp_path: Path,
) -> None:
    settings, store, embedder = ingested(tmp_path / "store")
    snapshot_folder = tmp_path / "store" / FOLDER
    assert store.snapshot is not None
    store.snapshot.invalidate()  # what a writer does first; it then died

    assert not isinstance(open_reader(settings, embedder), SnapshotStore)
    Ingestor(store, embedder, settings).ingest([LATE])  # rebuilds the snapshot whole
    assert (snapshot_folder / "index.json").exists()
    fast, _ = reader(settings, embedder)
    assert names(fast) == ["Kofi Asante", "Odile Marchetti", "Priya Venkat"]


def test_a_reader_whose_snapshot_is_gone_reads_chroma(tmp_path: Path) -> None:
    settings, store, embedder = ingested(tmp_path / "store")
    fast, snap = reader(settings, embedder)
    assert store.snapshot is not None
    store.snapshot.invalidate()

    assert names(fast) == ["Kofi Asante", "Odile Marchetti"]
    assert snap.opened


def test_a_damaged_index_is_not_trusted(tmp_path: Path) -> None:
    settings, _, embedder = ingested(tmp_path / "store")
    (tmp_path / "store" / FOLDER / "index.json").write_text('{"generation": 3')
    store = open_reader(settings, embedder)
    assert not isinstance(store, SnapshotStore)
    assert names(Assistant(settings, store=store, embedder=embedder)) == [
        "Kofi Asante",
        "Odile Marchetti",
    ]


def test_removing_a_candidate_deletes_their_snapshot_file(tmp_path: Path) -> None:
    settings, _, embedder = ingested(tmp_path / "store")
    fast, _ = reader(settings, embedder)
    folder = tmp_path / "store" / FOLDER
    assert any(b"odile.marchetti@example.org" in p.read_bytes() for p in folder.iterdir())

    fast.remove("Odile Marchetti")

    assert names(fast) == ["Kofi Asante"]
    assert not any(b"odile.marchetti@example.org" in p.read_bytes() for p in folder.iterdir())
    assert names(reader(settings, embedder)[0]) == ["Kofi Asante"]


def python(store: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={"RECRUITER_STORE_PATH": str(store), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_command_line_lists_candidates_without_importing_chromadb(tmp_path: Path) -> None:
    ingested(tmp_path / "store")
    probe = (
        "import sys; from assistant.cli import main; code = main(['candidates']); "
        "print('chromadb' in sys.modules); sys.exit(code)"
    )
    out = python(tmp_path / "store", "-c", probe)
    assert "Odile Marchetti" in out
    assert out.strip().endswith("False")


@pytest.mark.parametrize("command", [["candidates"], ["ask", "Who knows Kafka?"]])
def test_the_command_line_gives_the_same_output_with_and_without_the_snapshot(
    tmp_path: Path, command: list[str]
) -> None:
    ingested(tmp_path / "store")
    with_snapshot = python(tmp_path / "store", "-m", "assistant", *command)
    (tmp_path / "store" / FOLDER / "index.json").unlink()
    assert python(tmp_path / "store", "-m", "assistant", *command) == with_snapshot


def test_writes_from_several_threads_all_reach_the_snapshot(tmp_path: Path) -> None:
    settings, store, embedder = ingested(tmp_path / "store")
    ingestor = Ingestor(store, embedder, settings)
    people = [  # invented
        "Maren Olsen",
        "Tobias Rainier",
        "Ilka Brandvold",
        "Quentin Marlowe",
        "Sunniva Haug",
        "Dario Vescovi",
    ]
    files = [
        SourceFile(f"p{i}.txt", data=f"{name}\np{i}@example.com\n\nSkills\nCOBOL\n".encode())
        for i, name in enumerate(people)
    ]
    threads = [threading.Thread(target=ingestor.ingest, args=([f],)) for f in files]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    fast, snap = reader(settings, embedder)
    assert snap.versions() == store.versions()
    assert set(people) <= set(names(fast))
