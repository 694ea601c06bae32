"""Removing a person erases them from every file of the embedded store: no email, no phrase of
their resume and no vector of theirs is left in any byte under the store folder (the SQLite file
and its -journal/-wal/-shm files, the HNSW index folders) nor in the folder of original PDFs,
while the others still answer."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from assistant import page_images
from assistant.models import Conversation
from assistant.originals import Originals
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.store import ChromaStore, collection, open_store
from ingest.pipeline import Ingestor, SourceFile
from tests.conftest import ROOT, HashingEmbedder
from tests.test_chroma_server import chroma_server  # noqa: F401 (a fixture)

# Invented people; the phrase is in no other resume.
ERASED_EMAIL = "wren.halloway@example.org"
ERASED_PHRASE = "Quillfeather Orbital Bakery"
RESUMES = {
    "wren_halloway.txt": f"Wren Halloway\n{ERASED_EMAIL} | (503) 555-0177\n\nExperience\n"
    f"Pastry engineer at {ERASED_PHRASE}, 2019 - present\n- Tuned zero-gravity croissant ovens\n\n"
    "Skills\nRust, Kubernetes, sourdough telemetry\n",
    "ilse_brandt.md": "# Ilse Brandt\nilse.brandt@example.net\n\n## Experience\n"
    "- Site reliability at Nordlicht Freight, 2017 - 2023\n- Ran Kubernetes clusters\n",
    "tomas_reyes.txt": "Tomas Reyes\ntomas.reyes@example.com\n\nSkills\nPython, Django, Postgres\n"
    "\nEducation\nB.S. Mathematics, Arroyo State University\n",
}
# Enough chunks to pass Chroma's HNSW sync threshold (1,000 writes), so the vector index is
# flushed to its files and the erased vectors were really written there.
FILLER = [
    SourceFile(
        f"filler_{i:03}.txt",
        data=(
            f"Filler Person{i:03}\nfiller{i:03}@example.com\n\nExperience\n"
            + "".join(
                f"- Shipped widget batch {i}-{j} with gadget {j * 7 + i}\n" for j in range(60)
            )
        ).encode(),
    )
    for i in range(50)
]


class RecordingEmbedder(HashingEmbedder):
    """Keeps every vector it hands out, as the bytes that were written to the store."""

    def __init__(self) -> None:
        super().__init__()
        self.vectors: list[np.ndarray] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = super().embed(texts)
        self.vectors.extend(out.astype(np.float32))
        return out


def ingest(path: Path, filler: bool) -> tuple[ChromaStore, Assistant, list[bytes]]:
    """The three resumes (and the filler) in the store at ``path``; returns the store, an
    assistant over it and the raw float32 bytes of the vectors of Wren's chunks."""
    settings = Settings(store_path=path)
    embedder = RecordingEmbedder()
    store = open_store(settings, embedder)
    ingestor = Ingestor(store, embedder, settings)
    files = [SourceFile(name, data=text.encode()) for name, text in RESUMES.items()]
    report = ingestor.ingest(files[:1])  # Wren alone: the vectors recorded are hers
    wren = [v.tobytes() for v in embedder.vectors]
    report.outcomes += ingestor.ingest(files[1:] + (FILLER if filler else [])).outcomes
    assert not report.failed, report.failed
    return store, Assistant(settings, store=store, embedder=embedder), wren


def normalised(vector: bytes) -> bytes:
    """The vector as a cosine index stores it: hnswlib keeps v / |v|, summed in float32 order."""
    v = np.frombuffer(vector, dtype=np.float32)
    total = np.float32(0.0)
    for x in v:
        total = np.float32(total + x * x)
    scale = np.float32(1.0) / (np.sqrt(total) + np.float32(1e-30))
    return (v * scale).astype(np.float32).tobytes()


def occurrences(folder: Path, needles: dict[str, bytes]) -> dict[str, list[str]]:
    """Needle name -> the files under ``folder`` holding those bytes."""
    found: dict[str, list[str]] = {}
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = file.read_bytes()
        for name, needle in needles.items():
            if needle in data:
                found.setdefault(name, []).append(str(file.relative_to(folder)))
    return found


@pytest.mark.parametrize("filler", [False, True], ids=["log-only", "index-flushed"])
def test_remove_leaves_no_byte_of_the_person_in_the_store(tmp_path: Path, filler: bool) -> None:
    path = tmp_path / "store"
    store, assistant, vectors = ingest(path, filler)
    assert len(vectors) >= 2
    needles = {"email": ERASED_EMAIL.encode(), "phrase": ERASED_PHRASE.encode()}
    needles |= {f"vector {i}": v for i, v in enumerate(vectors)}
    needles |= {f"stored vector {i}": normalised(v) for i, v in enumerate(vectors)}
    store.client.close()
    before = occurrences(path, needles)
    # What a plain delete leaves behind is really there to find.
    assert {"email", "phrase"} <= set(before), before
    assert any("vector" in name for name in before), before
    if filler:
        index_files = [f for k, files in before.items() if "vector" in k for f in files]
        assert any(f.endswith("data_level0.bin") for f in index_files), before
    store, assistant, _ = ingest(path, filler=False)  # reopen; Wren's file is unchanged

    removal = assistant.remove("Wren Halloway")

    assert removal.sources == ["wren_halloway.txt"]
    assert removal.erasure is not None
    assert (removal.erasure.records, removal.erasure.chunks) == (1, len(vectors))
    assert removal.erasure.rebuilt and removal.erasure.compacted, removal.erasure.notes
    store.client.close()  # as `python -m assistant remove` ends
    assert occurrences(path, needles) == {}
    # The others are intact and answer as before.
    settings = Settings(store_path=path)
    assistant = Assistant(settings, store=open_store(settings, HashingEmbedder()))
    names = sorted(c.name for c in assistant.candidates())
    assert names[:2] == ["Ilse Brandt", "Tomas Reyes"] and "Wren Halloway" not in names
    answer = assistant.ask("Who has Kubernetes experience?", Conversation(), use_llm=False)
    assert answer.candidates == ["Ilse Brandt"]


def test_the_cli_reports_the_erasure_and_another_open_store_follows(tmp_path: Path) -> None:
    path = tmp_path / "store"
    store, assistant, _ = ingest(path, filler=False)
    assert "Wren Halloway" in [c.name for c in assistant.candidates()]
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECRUITER_")}
    env["RECRUITER_STORE_PATH"] = str(path)

    done = subprocess.run(
        [sys.executable, "-m", "assistant", "remove", "wren_halloway.txt"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "Removed wren_halloway.txt: 1 resume record(s) and 3 chunk vector(s) deleted; "
        "the write-ahead log purged and the vector index rebuilt without them; "
        "the database file compacted and the old index files deleted."
    )
    # This process still held the old collections; it finds the new ones.
    assert sorted(c.name for c in assistant.candidates()) == ["Ilse Brandt", "Tomas Reyes"]
    hits = store.search(HashingEmbedder().embed(["zero-gravity croissant ovens"])[0], k=50)
    assert hits and all(h.candidate_id != "name:wren-halloway" for h in hits)


def test_an_erasure_stopped_half_way_is_finished_on_the_next_open(tmp_path: Path) -> None:
    from assistant import erasure

    path = tmp_path / "store"
    store, _, _ = ingest(path, filler=False)
    survivors = erasure.Survivors.read(store)
    client = store.client
    # A stop right after the resumes' original was dropped and before its copy was renamed.
    copy = "recruiter-resumes" + ".rebuild"
    target = collection(client, copy, "resumes", HashingEmbedder(), create=True)
    records = survivors.kinds["resumes"]
    target.add(ids=records.ids, metadatas=records.metadatas, documents=records.documents)
    client.delete_collection("recruiter-resumes")
    # And an unfinished copy of the chunks beside its original.
    collection(client, "recruiter-chunks.rebuild", "chunks", HashingEmbedder(), True)

    reopened = ChromaStore(client, HashingEmbedder(), "recruiter", path)

    names = sorted(c.name for c in client.list_collections())
    assert names == ["recruiter-chunks", "recruiter-meta", "recruiter-resumes"]
    assert len(reopened.load_resumes()) == 3


def test_a_chroma_server_store_is_rebuilt_through_its_api(request: pytest.FixtureRequest) -> None:
    port = request.getfixturevalue("chroma_server")  # `chroma run` on 127.0.0.1
    settings = Settings(chroma_host="127.0.0.1", chroma_port=port)
    embedder = HashingEmbedder()
    store = open_store(settings, embedder)
    files = [SourceFile(name, data=text.encode()) for name, text in RESUMES.items()]
    assert not Ingestor(store, embedder, settings).ingest(files).failed
    assistant = Assistant(settings, store=store, embedder=embedder)
    wren = {c.id for c in assistant.candidates() if c.name == "Wren Halloway"}

    removal = assistant.remove("Wren Halloway")

    assert removal.erasure is not None
    assert removal.erasure.rebuilt and not removal.erasure.compacted
    assert "operator purges them" in removal.summary()
    assert sorted(c.name for c in assistant.candidates()) == ["Ilse Brandt", "Tomas Reyes"]
    names = sorted(c.name for c in store.client.list_collections())
    assert names == ["recruiter-chunks", "recruiter-meta", "recruiter-resumes"]
    left = store.chunks.get(include=["metadatas"])["metadatas"] or []
    assert left and not {m["candidate_id"] for m in left} & wren


def pdf_of(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in text.splitlines():
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.mark.parametrize(
    ("how", "elsewhere"),
    [("candidate", False), ("file from the cli", False), ("candidate", True)],
    ids=["candidate", "file-cli", "candidate-originals-path"],
)
def test_remove_deletes_the_persons_original_pdfs(
    tmp_path: Path, how: str, elsewhere: bool
) -> None:
    path = tmp_path / "store"
    kept = tmp_path / "kept" if elsewhere else None
    settings = Settings(store_path=path, originals_path=kept)
    embedder = HashingEmbedder()
    store = open_store(settings, embedder)
    wren_pdfs = {
        "wren_halloway.pdf": pdf_of(RESUMES["wren_halloway.txt"]),
        "wren_2024.pdf": pdf_of(RESUMES["wren_halloway.txt"] + "Go, Terraform\n"),
    }
    ilse_pdf = pdf_of(RESUMES["ilse_brandt.md"].replace("#", ""))
    files = [SourceFile(name, data=data) for name, data in wren_pdfs.items()]
    report = Ingestor(store, embedder, settings).ingest(
        [*files, SourceFile("ilse_brandt.pdf", data=ilse_pdf)]
    )
    assert not report.failed, report.failed
    assistant = Assistant(settings, store=store, embedder=embedder)
    originals = Originals.from_settings(settings)
    wren_ids = {
        r.id for r in assistant.catalog.resumes.values() if r.candidate_name == "Wren Halloway"
    }
    assert len(wren_ids) == 2 and all(originals.versions(rid) for rid in wren_ids)
    # An original whose resume left the store without it (a crash, an older version's bug).
    orphan = originals.save("r-" + "0" * 20, "f" * 64, wren_pdfs["wren_halloway.pdf"])

    if how == "candidate":
        (wren,) = [r for r in assistant.catalog.resumes.values() if r.source == "wren_halloway.pdf"]
        path = originals.find(wren)
        assert path is not None
        assert page_images.render_cited_page(path, 1, ["Wren Halloway"], wren.content_hash)
        assert page_images._render.cache_info().currsize >= 1
        removal = assistant.remove("Wren Halloway")
        assert page_images._render.cache_info().currsize == 0  # no page of hers in memory
        assert sorted(removal.sources) == sorted(wren_pdfs)
        assert removal.originals == 3
        assert "3 original PDF file(s) deleted." in removal.summary()
    else:
        store.client.close()
        env = {k: v for k, v in os.environ.items() if not k.startswith("RECRUITER_")}
        env["RECRUITER_STORE_PATH"] = str(path)
        for name in wren_pdfs:
            done = subprocess.run(
                [sys.executable, "-m", "assistant", "remove", name],
                capture_output=True,
                text=True,
                env=env,
                cwd=ROOT,
                timeout=300,
            )
            assert done.returncode == 0, done.stderr
            assert "original PDF file(s) deleted" in done.stdout

    left = sorted(p.name for p in originals.folder.iterdir())
    assert not [name for name in left if name.split(".")[0] in wren_ids], left
    assert not orphan.exists()
    # No byte of her files stays in any file under the store or the originals folder.
    needles = {name: data for name, data in wren_pdfs.items()}
    assert occurrences(path, needles) == {}
    assert occurrences(originals.folder, needles) == {}
    # The others keep theirs.
    if how == "candidate":
        store.client.close()
    stored = {r.id for r in open_store(settings, embedder).load_resumes()}
    assert [originals.folder / name for name in left] == [
        p for rid in stored for p in originals.versions(rid)
    ]
    assert len(left) == 1 and (originals.folder / left[0]).read_bytes() == ilse_pdf
