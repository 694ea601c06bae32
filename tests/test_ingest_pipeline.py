"""files -> store: stable ids, replacement, removal, and bad files that never break a batch."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from assistant.models import Resume
from assistant.originals import Originals
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.store import ChromaStore, PendingResume
from ingest.cli import main as ingest_main
from ingest.pipeline import Ingestor, SourceFile, collect, parse_resume, resume_id
from tests.conftest import HashingEmbedder

DANA = "Dana Park\ndana@example.com\n\nSkills\nKubernetes, Go, Terraform\n"
OMAR = "Omar Haddad\nomar@example.org\n\nExperience\n- Ran Kafka clusters at Bluefin\n"


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        data = content.encode() if isinstance(content, str) else content
        (folder / name).write_bytes(data)
    return folder


def chunk_ids(store: ChromaStore) -> set[str]:
    return set(store.chunks.get(include=[])["ids"])


def test_ingest_is_idempotent(tmp_path: Path, ingestor: Ingestor, store: ChromaStore) -> None:
    files, _ = collect([write(tmp_path / "in", {"dana.txt": DANA, "omar.md": OMAR})])
    first = ingestor.ingest(files)
    assert [o.status for o in first.outcomes] == ["ingested", "ingested"]
    before = chunk_ids(store)
    second = ingestor.ingest(files)
    assert [o.status for o in second.outcomes] == ["unchanged", "unchanged"]
    assert chunk_ids(store) == before
    assert len(store.load_resumes()) == 2


def test_a_new_chunk_size_re_embeds_on_the_next_ingest(
    tmp_path: Path,
    ingestor: Ingestor,
    store: ChromaStore,
    settings: Settings,
    fake_embedder: HashingEmbedder,
) -> None:
    bullets = "".join(f"- Ran migration number {i} for the billing team\n" for i in range(8))
    files, _ = collect([write(tmp_path / "in", {"dana.txt": DANA + "\nExperience\n" + bullets})])
    ingestor.ingest(files)
    before = store.chunks.get(include=["metadatas"])
    wider = settings.model_copy(update={"chunk_max_words": 150})
    again = Ingestor(store, fake_embedder, wider).ingest(files)
    assert [o.status for o in again.outcomes] == ["replaced"]
    after = store.chunks.get(include=["metadatas"])
    assert len(after["ids"]) < len(before["ids"])  # fewer, larger chunks; none of the old left
    assert {m["resume_id"] for m in after["metadatas"]} == {
        m["resume_id"] for m in before["metadatas"]
    }
    assert [o.status for o in Ingestor(store, fake_embedder, wider).ingest(files).outcomes] == [
        "unchanged"
    ]


def test_changed_file_replaces_its_old_version(
    tmp_path: Path, ingestor: Ingestor, store: ChromaStore, assistant: Assistant
) -> None:
    folder = write(tmp_path / "in", {"dana.txt": DANA})
    ingestor.ingest(collect([folder])[0])
    old = chunk_ids(store)
    write(folder, {"dana.txt": DANA.replace("Terraform", "Pulumi")})
    report = ingestor.ingest(collect([folder])[0])
    assert report.outcomes[0].status == "replaced"
    new = chunk_ids(store)
    assert new and old.isdisjoint(new)  # no stale chunks left
    (resume,) = store.load_resumes()
    assert any("Pulumi" in ln.text for ln in resume.lines)
    assert "Pulumi" in assistant.ask("Who knows Pulumi?").answer
    assert assistant.ask("Who knows Terraform?").candidates == []


def test_bad_files_fail_alone_with_reasons(tmp_path: Path, ingestor: Ingestor) -> None:
    folder = write(
        tmp_path / "in",
        {
            "dana.txt": DANA,
            "empty.txt": "",
            "broken.pdf": b"%PDF-1.7\ngarbage",
            "omar.md": OMAR,
            "notes.json": "{}",
        },
    )
    files, skipped = collect([folder])
    report = ingestor.ingest(files)
    by_source = {o.source: o for o in report.outcomes}
    assert by_source["dana.txt"].status == "ingested"
    assert by_source["omar.md"].status == "ingested"
    assert by_source["empty.txt"].reason == "empty file"
    assert "corrupt or unreadable PDF" in (by_source["broken.pdf"].reason or "")
    assert [s.source for s in skipped] == ["notes.json"]
    assert report.summary() == "2 ingested, 0 unchanged, 2 failed"


def test_a_failing_store_write_loses_only_that_resume(
    ingestor: Ingestor, store: ChromaStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = store._write_all

    def flaky(pending: list[PendingResume]) -> None:
        if any(p.resume.source == "omar.md" for p in pending):
            raise RuntimeError("disk full")
        real(pending)

    monkeypatch.setattr(store, "_write_all", flaky)
    report = ingestor.ingest(
        [SourceFile("dana.txt", data=DANA.encode()), SourceFile("omar.md", data=OMAR.encode())]
    )
    assert {o.source: o.status for o in report.outcomes} == {
        "dana.txt": "ingested",
        "omar.md": "failed",
    }
    assert [r.source for r in store.load_resumes()] == ["dana.txt"]


def test_a_half_written_resume_is_invisible(
    ingestor: Ingestor, store: ChromaStore, assistant: Assistant
) -> None:
    # Chunks written, then the process dies before the resume record: nothing shows up.
    resume = parse_resume("omar.md", OMAR.encode())
    from ingest.chunking import chunk_resume

    chunks = chunk_resume(resume, 60)
    store.chunks.upsert(
        ids=[c.id for c in chunks],
        embeddings=ingestor.embedder.embed([c.text for c in chunks]),
        metadatas=[
            {
                "resume_id": resume.id,
                "candidate_id": resume.candidate_id,
                "section": c.section,
                "page": 0,
                "line_start": c.line_start,
                "line_end": c.line_end,
            }
            for c in chunks
        ],
    )
    ingestor.ingest([SourceFile("dana.txt", data=DANA.encode())])
    assert [c.name for c in assistant.candidates()] == ["Dana Park"]
    assert "Omar" not in assistant.ask("Who ran Kafka clusters?").answer


def test_remove_candidate_and_file(
    tmp_path: Path, ingestor: Ingestor, store: ChromaStore, assistant: Assistant
) -> None:
    second = DANA.replace("Kubernetes", "Kubernetes, Helm")
    ingestor.ingest(
        [
            SourceFile("dana.txt", data=DANA.encode()),
            SourceFile("dana-2024.md", data=second.encode()),
            SourceFile("omar.md", data=OMAR.encode()),
        ]
    )
    (dana,) = [c for c in assistant.candidates() if c.name == "Dana Park"]
    assert sorted(dana.sources) == ["dana-2024.md", "dana.txt"]  # one person, two files
    assert assistant.remove("omar.md").sources == ["omar.md"]
    assert sorted(assistant.remove("Dana Park").sources) == ["dana-2024.md", "dana.txt"]
    assert assistant.candidates() == []
    assert chunk_ids(store) == set()
    assert assistant.remove("nobody").sources == []


def test_cli_exit_status_and_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import ingest.cli
    from tests.conftest import HashingEmbedder

    monkeypatch.setattr(ingest.cli, "MiniLMEmbedder", lambda *a, **k: HashingEmbedder())
    good = write(tmp_path / "good", {"dana.txt": DANA})
    assert ingest_main([str(good)]) == 0
    assert "1 ingested, 0 unchanged, 0 failed" in capsys.readouterr().out
    bad = write(tmp_path / "bad", {"omar.md": OMAR, "empty.txt": ""})
    assert ingest_main([str(bad), str(good), str(tmp_path / "missing.pdf")]) == 1
    out = capsys.readouterr().out
    assert "FAILED   empty.txt: empty file" in out
    assert "missing.pdf: no such file or folder" in out
    assert "1 ingested, 1 unchanged, 2 failed" in out


def test_cli_off_a_terminal_prints_progress_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import ingest.cli
    from tests.conftest import HashingEmbedder

    monkeypatch.setattr(ingest.cli, "MiniLMEmbedder", lambda *a, **k: HashingEmbedder())
    names = {f"person_{i:02d}.txt": DANA.replace("Dana Park", f"Dana Park{i}") for i in range(40)}
    names["[bold]odd [name].txt"] = OMAR  # brackets in a file name are just text
    folder = write(tmp_path / "many", names)
    assert ingest_main([str(folder)]) == 0
    captured = capsys.readouterr()
    lines = [ln for ln in captured.err.splitlines() if ln.startswith("Ingested ")]
    assert len(lines) == 21  # one per twentieth of the 41 files (every 2nd), and the last
    assert lines[-1].startswith("Ingested 41/41 files (100%), ")
    assert all("files/s, about" in ln and ln.endswith("s left") for ln in lines)
    assert "41 ingested, 0 unchanged, 0 failed" in captured.out


def test_same_file_name_from_different_people_keeps_both(
    ingestor: Ingestor, assistant: Assistant
) -> None:
    """Uploads are often all called Resume.pdf: another person's file does not replace."""
    first = ingestor.ingest([SourceFile("Resume.txt", data=DANA.encode())])
    second = ingestor.ingest([SourceFile("Resume.txt", data=OMAR.encode())])
    assert [o.status for o in first.outcomes + second.outcomes] == ["ingested", "ingested"]
    assert [c.name for c in assistant.candidates()] == ["Dana Park", "Omar Haddad"]
    again = ingestor.ingest([SourceFile("Resume.txt", data=OMAR.encode())])
    assert again.outcomes[0].status == "unchanged"
    updated = ingestor.ingest([SourceFile("Resume.txt", data=(DANA + "Helm\n").encode())])
    assert updated.outcomes[0].status == "replaced"  # the same person: a new version
    assert len(assistant.catalog.resumes) == 2
    both = ingestor.ingest(
        [SourceFile("cv.txt", data=DANA.encode()), SourceFile("cv.txt", data=OMAR.encode())]
    )
    assert [o.status for o in both.outcomes] == ["ingested", "ingested"]
    assert len(assistant.catalog.resumes) == 4


def test_catalog_rebuild_reads_only_what_changed(
    ingestor: Ingestor, assistant: Assistant, store: ChromaStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingestor.ingest(
        [SourceFile("dana.txt", data=DANA.encode()), SourceFile("omar.md", data=OMAR.encode())]
    )
    before = assistant.catalog
    assert assistant.ask("Who knows Terraform?").candidates == ["Dana Park"]
    loaded: list[list[str] | None] = []
    real = store.load_resumes

    def spy(ids: list[str] | None = None) -> list[Resume]:
        loaded.append(None if ids is None else sorted(ids))
        return real(ids)

    monkeypatch.setattr(store, "load_resumes", spy)
    ingestor.ingest([SourceFile("dana.txt", data=DANA.replace("Terraform", "Pulumi").encode())])
    assert assistant.ask("Who knows Terraform?").candidates == []
    assert assistant.ask("Who knows Pulumi?").candidates == ["Dana Park"]
    assert loaded == [[resume_id("dana.txt")]]  # Omar's resume was not read again
    omar = next(r for r in assistant.catalog.resumes.values() if r.source == "omar.md")
    key = (omar.id, omar.content_hash)
    assert assistant.catalog._analysis[key] is before._analysis[key]
    assistant.remove("omar.md")
    assert [c.name for c in assistant.candidates()] == ["Dana Park"]


def test_hidden_files_and_folders_in_a_folder_are_listed_as_skipped(tmp_path: Path) -> None:
    folder = write(tmp_path / "in", {"dana.txt": DANA, ".draft.txt": DANA, "notes.xyz": "x"})
    write(folder / ".git", {"config.txt": "x", "HEAD": "x"})
    write(folder / "sub", {".DS_Store": b"\x00\x01", "omar.md": OMAR})
    files, outcomes = collect([folder])
    assert [f.source for f in files] == ["dana.txt", "sub/omar.md"]
    assert [(o.source, o.status, o.reason) for o in outcomes] == [
        (".draft.txt", "skipped", "hidden file (name starts with '.'); name it to ingest it"),
        (".git", "skipped", "hidden folder (name starts with '.'); its files are not read"),
        ("notes.xyz", "skipped", "not a resume file type (.xyz)"),
        ("sub/.DS_Store", "skipped", "hidden file (name starts with '.'); name it to ingest it"),
    ]
    # A hidden file named explicitly is tried like any other.
    files, outcomes = collect([folder / ".draft.txt"])
    assert [f.source for f in files] == [".draft.txt"] and outcomes == []


# --- original PDFs ------------------------------------------------------------------------------


def resume_pdf(lines: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


DANA_PDF = resume_pdf(["Dana Park", "dana@example.com", "Skills", "Kubernetes, Go, Terraform"])
DANA_PDF_2 = resume_pdf(["Dana Park", "dana@example.com", "Skills", "Kubernetes, Helm, Go"])


def originals_of(settings: Settings) -> dict[str, bytes]:
    folder = Originals.from_settings(settings).folder
    return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.exists() else {}


def test_pdf_originals_are_kept_replaced_and_never_for_failures(
    ingestor: Ingestor, store: ChromaStore, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    rid = resume_id("dana.pdf")
    ingestor.ingest(
        [
            SourceFile("dana.pdf", data=DANA_PDF),
            SourceFile("omar.md", data=OMAR.encode()),  # not a PDF: its text is all of it
            SourceFile("broken.pdf", data=b"%PDF-1.4 truncated"),  # failed: nothing kept
        ]
    )
    assert settings.store_path / "originals" == Originals.from_settings(settings).folder
    first = f"{rid}.{hashlib.sha256(DANA_PDF).hexdigest()}.pdf"
    assert originals_of(settings) == {first: DANA_PDF}
    (stored,) = [r for r in store.load_resumes() if r.source == "dana.pdf"]
    assert (
        Originals.from_settings(settings).find(stored) == settings.store_path / "originals" / first
    )

    # A changed file replaces its original; nothing half-written is left beside it.
    report = ingestor.ingest([SourceFile("dana.pdf", data=DANA_PDF_2)])
    assert [o.status for o in report.outcomes] == ["replaced"]
    second = f"{rid}.{hashlib.sha256(DANA_PDF_2).hexdigest()}.pdf"
    assert originals_of(settings) == {second: DANA_PDF_2}

    # A new version whose store write fails keeps the stored version's original.
    real = store._write_all

    def failing(pending: list[PendingResume]) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_write_all", failing)
    report = ingestor.ingest([SourceFile("dana.pdf", data=DANA_PDF)])
    assert [o.status for o in report.outcomes] == ["failed"]
    assert originals_of(settings) == {second: DANA_PDF_2}
    monkeypatch.setattr(store, "_write_all", real)

    # A store from before originals were kept gets them when the unchanged file is ingested.
    (settings.store_path / "originals" / second).unlink()
    report = ingestor.ingest([SourceFile("dana.pdf", data=DANA_PDF_2)])
    assert [o.status for o in report.outcomes] == ["unchanged"]
    assert originals_of(settings) == {second: DANA_PDF_2}


def test_originals_path_setting_and_uploads(
    tmp_path: Path, store: ChromaStore, fake_embedder: HashingEmbedder
) -> None:
    settings = Settings(store_path=tmp_path / "chroma", originals_path=tmp_path / "kept")
    # The browser's uploads are SourceFiles with data, through the same Ingestor.
    Ingestor(store, fake_embedder, settings).ingest([SourceFile("Resume.pdf", data=DANA_PDF)])
    assert [p.name for p in (tmp_path / "kept").iterdir()] == [
        f"{resume_id('Resume.pdf')}.{hashlib.sha256(DANA_PDF).hexdigest()}.pdf"
    ]
    assert not (tmp_path / "chroma" / "originals").exists()


def test_cited_pages_of_a_pdf_and_none_without_its_original(
    ingestor: Ingestor, assistant: Assistant, settings: Settings
) -> None:
    ingestor.ingest(
        [SourceFile("dana.pdf", data=DANA_PDF), SourceFile("omar.md", data=OMAR.encode())]
    )
    answer = assistant.ask("Who has Kubernetes experience?", use_llm=False)
    (citation,) = [c for c in answer.citations if c.source == "dana.pdf"]
    resume = assistant.resume_for(citation.candidate_id, "dana.pdf")
    assert resume is not None
    (image,) = assistant.cited_pages(resume, [citation, citation])  # one line, cited twice
    assert (image.page, image.cited, image.found) == (citation.page, 1, 1)
    omar = next(r for r in assistant.catalog.resumes.values() if r.source == "omar.md")
    assert assistant.cited_pages(omar, []) == []
    for path in Originals.from_settings(settings).folder.iterdir():
        path.unlink()  # as for a resume ingested before originals were kept
    assert assistant.cited_pages(resume, [citation]) == []


def test_a_pdf_whose_original_cannot_be_kept_is_still_stored(
    tmp_path: Path, store: ChromaStore, fake_embedder: HashingEmbedder
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder of originals should be")
    settings = Settings(store_path=tmp_path / "chroma", originals_path=blocked)

    report = Ingestor(store, fake_embedder, settings).ingest(
        [SourceFile("dana.pdf", data=DANA_PDF)]
    )

    (outcome,) = report.outcomes
    assert outcome.status == "ingested"
    assert any("original PDF could not be kept" in w for w in outcome.warnings), outcome.warnings
    assert [r.source for r in store.load_resumes()] == ["dana.pdf"]
