"""Erasing people from the store's files, not only from its answers.

Chroma's ``delete`` hides records, but the bytes stay: the collection's write-ahead log (the
``embeddings_queue`` table of the embedded store's SQLite file) keeps every write until the vector
index is flushed, which happens every ``sync_threshold`` (1,000) writes; the HNSW index only marks
a deleted vector; SQLite keeps deleted rows in free pages and its full-text index in old segments;
and a dropped collection's index folder stays on disk. ``chroma vacuum`` purges the log only up
to the last flush, so a small store keeps everything in it.

So an erasure copies the surviving records into fresh collections and drops the old ones (their
log, index and full-text rows go with them), renames the copies, then for an embedded store deletes
the folders of indexes that no collection uses, merges the full-text index, runs SQLite's
``VACUUM`` and clears the unused part of every index file: hnswlib allocates its buffers for
100 or more vectors without clearing them and writes them whole, so the slots past the last
vector hold whatever memory the process freed before, resume text included (seen in tests:
a removed person's email in a fresh index's ``length.bin``).
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant.embeddings import Embedder
from assistant.store import KINDS, REBUILD_SUFFIX, ChromaStore, collection

_PAGE = 500  # records per `get` while reading the survivors
_SEGMENT_FOLDER = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


@dataclass
class Records:
    """The records of one collection: ids, metadata, documents and (for chunks) vectors."""

    ids: list[str] = field(default_factory=list)
    metadatas: list[Any] = field(default_factory=list)
    documents: list[str | None] = field(default_factory=list)
    embeddings: np.ndarray | None = None


@dataclass
class Survivors:
    """Every record left in the store, collection by collection."""

    kinds: dict[str, Records]

    @classmethod
    def read(cls, store: ChromaStore) -> Survivors:
        kinds: dict[str, Records] = {}
        for kind, coll in (
            ("chunks", store.chunks),
            ("resumes", store.resumes),
            ("meta", store.meta),
        ):
            records = Records()
            vectors: list[np.ndarray] = []
            include = (
                ["metadatas", "embeddings"] if kind == "chunks" else ["metadatas", "documents"]
            )
            offset = 0
            while True:
                page = coll.get(include=include, limit=_PAGE, offset=offset)
                if not page["ids"]:
                    break
                records.ids += page["ids"]
                records.metadatas += page.get("metadatas") or [None] * len(page["ids"])
                if kind == "chunks":
                    vectors.append(np.asarray(page["embeddings"], dtype=np.float32))
                else:
                    records.documents += page.get("documents") or [None] * len(page["ids"])
                offset += len(page["ids"])
            if kind == "chunks":
                records.embeddings = (
                    np.vstack(vectors) if vectors else np.zeros((0, 0), dtype=np.float32)
                )
            kinds[kind] = records
        return cls(kinds)


def rebuild(
    client: Any, prefix: str, embedder: Embedder, survivors: Survivors, batch: int = 1000
) -> None:
    """Replace the store's collections by fresh ones holding only ``survivors``. Each copy is
    complete before its original is dropped; a stop half-way is finished or undone on the next
    open (:func:`assistant.store.finish_rebuilds`)."""
    for kind in KINDS:
        temporary = f"{prefix}-{kind}{REBUILD_SUFFIX}"
        if temporary in {c.name for c in client.list_collections()}:
            client.delete_collection(temporary)
        target = collection(client, temporary, kind, embedder, create=True)
        records = survivors.kinds[kind]
        for start in range(0, len(records.ids), batch):
            stop = start + batch
            args: dict[str, Any] = {
                "ids": records.ids[start:stop],
                "metadatas": records.metadatas[start:stop],
            }
            if records.embeddings is not None:
                args["embeddings"] = records.embeddings[start:stop]
            else:
                args["documents"] = records.documents[start:stop]
            target.add(**args)
    for kind in KINDS:
        name = f"{prefix}-{kind}"
        client.delete_collection(name)
        client.get_collection(name + REBUILD_SUFFIX).modify(name=name)


def compact_files(path: Path) -> list[str]:
    """Delete index folders no collection uses, merge the full-text index and rewrite the SQLite
    file without its free pages. Returns what could not be done (empty when all was)."""
    database = path / "chroma.sqlite3"
    problems: list[str] = []
    try:
        connection = sqlite3.connect(database, timeout=30, isolation_level=None)
        try:
            segments = {row[0] for row in connection.execute("SELECT id FROM segments")}
            # Deleted rows stay in FTS5's old segments until they are merged.
            connection.execute(
                "INSERT INTO embedding_fulltext_search(embedding_fulltext_search) "
                "VALUES('optimize')"
            )
            connection.execute("VACUUM")
        finally:
            connection.close()
    except sqlite3.Error as err:
        return [f"The database file could not be compacted ({err}); run `chroma vacuum`."]
    for folder in path.iterdir():
        if not (folder.is_dir() and _SEGMENT_FOLDER.match(folder.name)):
            continue
        if folder.name not in segments:
            shutil.rmtree(folder)
        elif not clear_unused_slots(folder):
            problems.append(
                f"The index files in {folder.name} have a layout this version does not know; "
                "their unused part was not cleared."
            )
    return problems


# header.bin of Chroma's hnswlib: int32 version, then size_t offsetLevel0, max_elements,
# cur_element_count, size_data_per_element, label_offset, offsetData, int32 maxlevel,
# int32 enterpoint, size_t maxM, maxM0, M, double mult, size_t ef_construction (100 bytes).
_HEADER = struct.Struct("<i6Q2i3QdQ")


def clear_unused_slots(folder: Path) -> bool:
    """Zero the slots past the last vector in ``data_level0.bin`` (one record per slot) and
    ``length.bin`` (4 bytes per slot). The index never reads them: a slot is cleared, then
    written, when a vector is added. False when the files are not of the known layout (then
    nothing is changed)."""
    header = folder / "header.bin"
    level0, lengths = folder / "data_level0.bin", folder / "length.bin"
    if not (header.exists() and level0.exists() and lengths.exists()):
        return not any(folder.iterdir())
    raw = header.read_bytes()
    if len(raw) != _HEADER.size:
        return False
    version, _, capacity, used, slot, *_ = _HEADER.unpack(raw)
    files = ((level0, slot), (lengths, 4))
    # A flushed index is saved with its used slots only; a fresh one with every slot.
    sizes_fit = all(f.stat().st_size in (capacity * width, used * width) for f, width in files)
    if version != 1 or used > capacity or not sizes_fit:
        return False
    for file, width in files:
        if file.stat().st_size > used * width:
            with file.open("r+b") as out:
                out.seek(used * width)
                out.write(bytes((capacity - used) * width))
    return True
