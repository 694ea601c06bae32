"""Where resumes live: Chroma, embedded on disk by default or a Chroma server when a host is set.

Three collections share a prefix:

* ``<prefix>-resumes``: one record per resume file, its full :class:`Resume` (all lines) as the
  document. The record is the commit point: a resume is visible once its record is written.
* ``<prefix>-chunks``: one embedding per chunk with its line range as metadata. No document text:
  the lines are in the resume record, and Chroma's full-text index on documents would double the
  write cost for nothing.
* ``<prefix>-meta``: a generation stamp that changes on every write, so each process can tell
  cheaply when its in-memory view is stale (another process may be ingesting).

Writes go chunks first, then the resume record, then the old version's chunks are deleted. Chunk
ids contain the content hash, so a crash half-way leaves only chunks that no record points at,
and readers ignore those. Chroma's flat metadata is turned back into models only in this module.

Deleting a record in Chroma leaves the data behind: its write-ahead log keeps every write of the
collection until the vector index is flushed, and the index only marks deleted vectors. Removing
a person therefore goes through :meth:`ChromaStore.erase`, which copies the surviving records
into fresh collections and drops the old ones (see :mod:`assistant.erasure`).
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import shutil
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from assistant.embeddings import DIMENSIONS, Embedder
from assistant.models import Chunk, Resume, Section
from assistant.settings import Settings
from assistant.snapshot import FOLDER as SNAPSHOT_FOLDER
from assistant.snapshot import Snapshot, SnapshotIndex

_NO_PAGE = 0  # Chroma metadata cannot hold None; pages are 1-based, so 0 means "no page".
_PAGE_SIZE = 500  # records per `get` page when loading every resume


@dataclass(frozen=True)
class ChunkHit:
    chunk_id: str
    resume_id: str
    candidate_id: str
    section: Section
    page: int | None
    line_start: int
    line_end: int
    similarity: float


@dataclass(frozen=True)
class StoredVersion:
    content_hash: str
    candidate_id: str
    profile_version: int = 0
    chunk_words: int = 0  # the chunk size its vectors were made with (0: not recorded)


@dataclass
class PendingResume:
    """A parsed resume with its chunks and their vectors, ready to be written in one go."""

    resume: Resume
    chunks: list[Chunk]
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, DIMENSIONS), np.float32))
    chunk_words: int = 0


@dataclass(frozen=True)
class Erasure:
    """What :meth:`ChromaStore.erase` took out of the store."""

    records: int  # resume records deleted
    chunks: int  # embedded chunks (one vector each) deleted
    rebuilt: bool  # collections copied afresh: no log entry, index slot or id of theirs is left
    compacted: bool  # embedded store: database file rewritten, old index folders deleted
    notes: tuple[str, ...] = ()

    def summary(self) -> str:
        done = [f"{self.records} resume record(s) and {self.chunks} chunk vector(s) deleted"]
        if self.rebuilt:
            done.append("the write-ahead log purged and the vector index rebuilt without them")
        if self.compacted:
            done.append("the database file compacted and the old index files deleted")
        return "; ".join(done) + "." + "".join(f" {note}" for note in self.notes)


class ResumeStore(Protocol):
    def versions(self) -> dict[str, StoredVersion]:
        """Resume id -> what is stored under it, for every resume."""
        ...

    def write(self, pending: Sequence[PendingResume]) -> dict[str, str]:
        """Store each resume atomically; returns resume id -> error for those that failed."""
        ...

    def delete(self, resume_ids: Iterable[str]) -> None: ...

    def erase(self, resume_ids: Iterable[str]) -> Erasure:
        """Delete these resumes so that nothing of them stays in the store's files."""
        ...

    def load_resumes(self, ids: Sequence[str] | None = None) -> list[Resume]:
        """The stored resumes (all of them, or those with these ids)."""
        ...

    def generation(self) -> str:
        """Changes whenever the stored resumes change."""
        ...

    def search(self, vector: np.ndarray, k: int) -> list[ChunkHit]: ...

    def rewrite(self, resumes: Sequence[Resume]) -> None:
        """Replace the records of stored resumes (a rebuilt profile); chunks are untouched."""
        ...

    def stale_profiles(self, version: int) -> list[str]:
        """Ids of the resumes whose profile was built by an extractor older than ``version``."""
        ...

    def detached(self) -> set[str]:
        """Resume ids a user split off from the candidate they were joined to."""
        ...

    def set_detached(self, resume_ids: Iterable[str]) -> None: ...


def chunk_id(resume: Resume, index: int) -> str:
    return f"{resume.id}:{resume.content_hash[:16]}:{index}"


def _chunk_metadata(chunk: Chunk) -> dict[str, str | int]:
    return {
        "resume_id": chunk.resume_id,
        "candidate_id": chunk.candidate_id,
        "section": chunk.section,
        "page": chunk.page if chunk.page is not None else _NO_PAGE,
        "line_start": chunk.line_start,
        "line_end": chunk.line_end,
    }


def _hit(chunk_id: str, meta: Any, distance: float) -> ChunkHit:
    page = int(meta["page"])
    return ChunkHit(
        chunk_id=chunk_id,
        resume_id=str(meta["resume_id"]),
        candidate_id=str(meta["candidate_id"]),
        section=meta["section"],
        page=page if page != _NO_PAGE else None,
        line_start=int(meta["line_start"]),
        line_end=int(meta["line_end"]),
        similarity=1.0 - float(distance),
    )


def _version(meta: Any) -> tuple[str, str, int, int]:
    return (
        str(meta["content_hash"]),
        str(meta["candidate_id"]),
        int(meta.get("profile_version") or 0),
        int(meta.get("chunk_words") or 0),
    )


def _record_metadata(resume: Resume, n_chunks: int, chunk_words: int) -> dict[str, str | int]:
    return {
        "content_hash": resume.content_hash,
        "candidate_id": resume.candidate_id,
        "source": resume.source,
        "chunks": n_chunks,
        "chunk_words": chunk_words,
        "profile_version": resume.profile.version,
    }


KINDS = ("chunks", "resumes", "meta")
REBUILD_SUFFIX = ".rebuild"  # a collection being filled by an erasure, renamed when complete


def collection(client: Any, name: str, kind: str, embedder: Embedder, create: bool = False) -> Any:
    """Get (or with ``create``, make) one of the store's collections, with the embedding function
    and index space it was made with (Chroma refuses a different one)."""
    from assistant.chroma import MiniLMFunction, RecordEmbedding

    args: dict[str, Any] = {"embedding_function": RecordEmbedding()}
    if kind == "chunks":
        args = {
            "embedding_function": MiniLMFunction(embedder),
            "configuration": {"hnsw": {"space": "cosine"}},
        }
    if create:
        return client.create_collection(name, **args)
    return client.get_or_create_collection(name, **args)


def finish_rebuilds(client: Any, prefix: str) -> None:
    """Complete or undo an erasure that stopped half-way: a finished copy whose original is gone
    takes its name; a copy beside its original was not finished and is dropped."""
    names = {c.name for c in client.list_collections()}
    for kind in KINDS:
        name = f"{prefix}-{kind}"
        if name + REBUILD_SUFFIX in names:
            if name in names:
                client.delete_collection(name + REBUILD_SUFFIX)
            else:
                client.get_collection(name + REBUILD_SUFFIX).modify(name=name)


class ChromaStore:
    def __init__(
        self, client: Any, embedder: Embedder, prefix: str, path: Path | None = None
    ) -> None:
        """``path``: the folder of an embedded store (None for a Chroma server)."""
        self.client = client
        self.embedder = embedder
        self.prefix = prefix
        self.path = path
        # Set when this is a temporary copy of a read-only store (see open_store).
        self.copied_from: Path | None = None
        self.snapshot = Snapshot(path / SNAPSHOT_FOLDER) if path is not None else None
        self._depth = 0  # nesting of _writing
        self._write_lock = threading.RLock()
        self._before: SnapshotIndex | None = None
        self._touched: set[str] = set()
        self._open()
        try:
            self._max_batch = int(client.get_max_batch_size())
        except Exception:  # older servers do not report it
            self._max_batch = 5000

    def _open(self) -> None:
        finish_rebuilds(self.client, self.prefix)
        self.chunks = collection(self.client, f"{self.prefix}-chunks", "chunks", self.embedder)
        self.resumes = collection(self.client, f"{self.prefix}-resumes", "resumes", self.embedder)
        self.meta = collection(self.client, f"{self.prefix}-meta", "meta", self.embedder)

    # -- reads ---------------------------------------------------------------------------------

    def versions(self) -> dict[str, StoredVersion]:
        found: dict[str, StoredVersion] = {}
        for ids, metas, _ in self._pages(include=["metadatas"]):
            for rid, meta in zip(ids, metas, strict=True):
                found[rid] = StoredVersion(*_version(meta))
        return found

    def load_resumes(self, ids: Sequence[str] | None = None) -> list[Resume]:
        if ids is None:
            return [
                Resume.model_validate_json(doc)
                for _, _, docs in self._pages(include=["documents"])
                for doc in docs
            ]
        resumes: list[Resume] = []
        wanted = list(ids)
        for start in range(0, len(wanted), _PAGE_SIZE):
            got = self.resumes.get(ids=wanted[start : start + _PAGE_SIZE], include=["documents"])
            resumes.extend(Resume.model_validate_json(doc) for doc in got["documents"] or [])
        return resumes

    def _pages(self, include: list[str]) -> Iterable[tuple[list[str], list[Any], list[str]]]:
        offset = 0
        while True:
            page = self.resumes.get(include=include, limit=_PAGE_SIZE, offset=offset)
            ids = page["ids"]
            if not ids:
                return
            yield ids, page.get("metadatas") or [], page.get("documents") or []
            offset += len(ids)

    def generation(self) -> str:
        from chromadb.errors import NotFoundError

        try:
            got = self.meta.get(ids=["generation"], include=["metadatas"])
        except NotFoundError:
            # Another process erased someone: the collections were replaced by fresh ones.
            self._open()
            got = self.meta.get(ids=["generation"], include=["metadatas"])
        metas = got.get("metadatas") or []
        return str(metas[0]["value"]) if metas else ""

    def search(self, vector: np.ndarray, k: int) -> list[ChunkHit]:
        count = self.chunks.count()
        if count == 0:
            return []
        # One more than asked: a tie across the cut shows, and is left out whole.
        res = self.chunks.query(
            query_embeddings=[np.asarray(vector, dtype=np.float32)],
            n_results=min(k + 1, count),
            include=["metadatas", "distances"],
        )
        ids, metas, dists = (
            res["ids"][0],
            (res["metadatas"] or [[]])[0],
            (res["distances"] or [[]])[0],
        )
        # Chroma orders equal distances (identical chunks, two copies of a resume) differently
        # from one process to the next; the chunk id decides among them instead, and which of
        # the tied chunks fill the last places would depend on Chroma, so none of them do.
        hits = sorted(zip(dists, ids, metas, strict=True), key=lambda h: (h[0], h[1]))
        if len(hits) > k:
            cut = hits[k][0]
            hits = [h for h in hits[:k] if h[0] < cut] if hits[k - 1][0] == cut else hits[:k]
        return [_hit(i, m, d) for d, i, m in hits]

    def stale_profiles(self, version: int) -> list[str]:
        return [
            rid
            for ids, metas, _ in self._pages(include=["metadatas"])
            for rid, meta in zip(ids, metas, strict=True)
            if int(meta.get("profile_version") or 0) < version
        ]

    def detached(self) -> set[str]:
        got = self.meta.get(ids=["detached"], include=["documents"])
        docs = got.get("documents") or []
        return set(json.loads(docs[0])) if docs else set()

    def set_detached(self, resume_ids: Iterable[str]) -> None:
        with self._writing():
            self.meta.upsert(ids=["detached"], documents=[json.dumps(sorted(set(resume_ids)))])
            self._bump()

    # -- the snapshot --------------------------------------------------------------------------

    @contextlib.contextmanager
    def _writing(self, ids: Iterable[str] = ()) -> Iterator[None]:
        """Every change runs inside this (``ids``: the resumes it may add, change or remove).
        The snapshot's index is removed before the outermost change and written again after
        it, from what Chroma then holds (see :mod:`assistant.snapshot`)."""
        if self.snapshot is None:
            yield
            return
        # The app writes from several threads (one per browser session): one write at a time,
        # and nested changes of the same thread join the write they are part of.
        with self._write_lock, contextlib.ExitStack() as stack:
            outer = self._depth == 0
            if outer:
                stack.enter_context(self.snapshot.locked())
                self._before = self.snapshot.invalidate()
                self._touched = set()
            self._touched.update(ids)
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            if outer:
                self._publish(self.snapshot, self._before, sorted(self._touched))

    def _publish(self, snapshot: Snapshot, before: SnapshotIndex | None, ids: list[str]) -> None:
        records: dict[str, str] = {}
        versions: dict[str, tuple[str, str, int, int]] = {}
        if before is None:  # no snapshot yet, or a write stopped half-way: copy everything
            for page_ids, metas, docs in self._pages(include=["metadatas", "documents"]):
                for rid, meta, doc in zip(page_ids, metas, docs, strict=True):
                    records[rid], versions[rid] = doc, _version(meta)
        else:
            versions = {rid: v for rid, v in before.versions.items() if rid not in set(ids)}
            for start in range(0, len(ids), _PAGE_SIZE):
                got = self.resumes.get(
                    ids=ids[start : start + _PAGE_SIZE], include=["metadatas", "documents"]
                )
                for rid, meta, doc in zip(
                    got["ids"], got["metadatas"] or [], got["documents"] or [], strict=True
                ):
                    records[rid], versions[rid] = doc, _version(meta)
        index = SnapshotIndex(
            generation=self.generation(), versions=versions, detached=sorted(self.detached())
        )
        snapshot.publish(index, records, removed=ids, whole=before is None)

    def ensure_snapshot(self) -> None:
        """Build the snapshot if there is none (a store written by an older version, or whose
        last write stopped half-way)."""
        if self.snapshot is not None and self.snapshot.index() is None:
            with self._writing():
                pass

    # -- writes --------------------------------------------------------------------------------

    def write(self, pending: Sequence[PendingResume]) -> dict[str, str]:
        if not pending:
            return {}
        errors: dict[str, str] = {}
        with self._writing(p.resume.id for p in pending):
            try:
                self._write_all(pending)
            except Exception:
                if len(pending) == 1:
                    errors[pending[0].resume.id] = "could not write to the store"
                else:
                    # Isolate the one that fails; the others still land.
                    for item in pending:
                        errors.update(self.write([item]))
            self._bump()
        return errors

    def _write_all(self, pending: Sequence[PendingResume]) -> None:
        ids: list[str] = []
        metas: list[dict[str, str | int]] = []
        vectors: list[np.ndarray] = []
        for item in pending:
            ids.extend(c.id for c in item.chunks)
            metas.extend(_chunk_metadata(c) for c in item.chunks)
            vectors.append(item.vectors)
        if ids:
            matrix = np.vstack(vectors).astype(np.float32)
            for start in range(0, len(ids), self._max_batch):
                stop = start + self._max_batch
                self.chunks.upsert(
                    ids=ids[start:stop], embeddings=matrix[start:stop], metadatas=metas[start:stop]
                )
        old = self.resumes.get(ids=[p.resume.id for p in pending], include=["metadatas"])
        replaced = set(old["ids"])
        self.resumes.upsert(
            ids=[p.resume.id for p in pending],
            documents=[p.resume.model_dump_json() for p in pending],
            metadatas=[_record_metadata(p.resume, len(p.chunks), p.chunk_words) for p in pending],
        )
        for item in pending:
            if item.resume.id in replaced:
                self._drop_chunks(item.resume.id, keep={c.id for c in item.chunks})

    def rewrite(self, resumes: Sequence[Resume]) -> None:
        if not resumes:
            return
        old = self.resumes.get(ids=[r.id for r in resumes], include=["metadatas"])
        chunks = {
            rid: (int(m.get("chunks") or 0), int(m.get("chunk_words") or 0))
            for rid, m in zip(old["ids"], old["metadatas"] or [], strict=True)
        }
        kept = [r for r in resumes if r.id in chunks]  # never resurrect a deleted resume
        if kept:
            with self._writing(r.id for r in kept):
                self.resumes.upsert(
                    ids=[r.id for r in kept],
                    documents=[r.model_dump_json() for r in kept],
                    metadatas=[_record_metadata(r, *chunks[r.id]) for r in kept],
                )
                self._bump()

    def delete(self, resume_ids: Iterable[str]) -> None:
        ids = list(resume_ids)
        if not ids:
            return
        with self._writing(ids):
            self.resumes.delete(ids=ids)  # invisible from here on
            for rid in ids:
                self._drop_chunks(rid, keep=set())
            self._bump()

    def erase(self, resume_ids: Iterable[str]) -> Erasure:
        from assistant import erasure

        ids = list(dict.fromkeys(resume_ids))
        with self._writing(ids):
            records = len(self.resumes.get(ids=ids, include=[])["ids"]) if ids else 0
            chunks = sum(
                len(self.chunks.get(where={"resume_id": i}, include=[])["ids"]) for i in ids
            )
            self.delete(ids)
            detached = self.detached()
            if detached & set(ids):
                self.set_detached(detached - set(ids))
            erasure.rebuild(self.client, self.prefix, self.embedder, erasure.Survivors.read(self))
            self._open()
            self._bump()
        # The snapshot was written on leaving _writing: it reads the collections, which must not
        # happen between closing and compacting below.
        if self.path is None:
            return Erasure(records, chunks, rebuilt=True, compacted=False, notes=(_SERVER_NOTE,))
        # Closed, so that the index files are final before their unused part is cleared and
        # SQLite is free for VACUUM. Reopened lazily: the first read of a collection rewrites
        # its index files from this process's memory (see the README on erasure).
        self.client.close()
        try:
            problems = erasure.compact_files(self.path)
        finally:
            self.client = _embedded_client(self.path)
            self._open()
        return Erasure(records, chunks, rebuilt=True, compacted=not problems, notes=tuple(problems))

    def _drop_chunks(self, resume_id: str, keep: set[str]) -> None:
        found = self.chunks.get(where={"resume_id": resume_id}, include=[])
        stale = [cid for cid in found["ids"] if cid not in keep]
        if stale:
            self.chunks.delete(ids=stale)

    def _bump(self) -> None:
        self.meta.upsert(
            ids=["generation"], documents=["generation"], metadatas=[{"value": uuid.uuid4().hex}]
        )


class SnapshotStore:
    """An embedded store read from its snapshot while the snapshot is current. Chroma is opened
    (once, by ``open_chroma``) for vector searches and writes, and for reads while there is no
    current snapshot."""

    def __init__(self, snapshot: Snapshot, open_chroma: Callable[[], ChromaStore]) -> None:
        self.snapshot = snapshot
        self._open_chroma = open_chroma
        self._chroma: ChromaStore | None = None
        self.copied_from: Path | None = None

    @property
    def chroma(self) -> ChromaStore:
        if self._chroma is None:
            self._chroma = self._open_chroma()
        return self._chroma

    @property
    def opened(self) -> bool:
        """Whether Chroma has been opened (for tests and the benchmark)."""
        return self._chroma is not None

    # -- reads: the snapshot when current ------------------------------------------------------

    def generation(self) -> str:
        index = self.snapshot.index()
        return index.generation if index is not None else self.chroma.generation()

    def versions(self) -> dict[str, StoredVersion]:
        index = self.snapshot.index()
        if index is None:
            return self.chroma.versions()
        return {rid: StoredVersion(*v) for rid, v in index.versions.items()}

    def load_resumes(self, ids: Sequence[str] | None = None) -> list[Resume]:
        index = self.snapshot.index()
        if index is not None:
            known = index.versions
            wanted = sorted(known) if ids is None else [i for i in ids if i in known]
            resumes = self.snapshot.load(wanted)
            if resumes is not None:
                return resumes
        return self.chroma.load_resumes(ids)

    def detached(self) -> set[str]:
        index = self.snapshot.index()
        return set(index.detached) if index is not None else self.chroma.detached()

    def stale_profiles(self, version: int) -> list[str]:
        index = self.snapshot.index()
        if index is None:
            return self.chroma.stale_profiles(version)
        return [rid for rid, v in index.versions.items() if v[2] < version]

    # -- Chroma --------------------------------------------------------------------------------

    def search(self, vector: np.ndarray, k: int) -> list[ChunkHit]:
        return self.chroma.search(vector, k)

    def write(self, pending: Sequence[PendingResume]) -> dict[str, str]:
        return self.chroma.write(pending)

    def rewrite(self, resumes: Sequence[Resume]) -> None:
        self.chroma.rewrite(resumes)

    def delete(self, resume_ids: Iterable[str]) -> None:
        self.chroma.delete(resume_ids)

    def erase(self, resume_ids: Iterable[str]) -> Erasure:
        return self.chroma.erase(resume_ids)

    def set_detached(self, resume_ids: Iterable[str]) -> None:
        self.chroma.set_detached(resume_ids)


_SERVER_NOTE = (
    "The Chroma server keeps its own log and files: its operator purges them "
    "(`chroma vacuum --path ...` with the server stopped)."
)


def _embedded_client(path: Path) -> Any:
    from assistant.chroma import embedded_client

    return embedded_client(path)


class StoreError(RuntimeError):
    """The store cannot be opened; ``str(error)`` is one line saying why and what to do."""


def _readable_copy(path: Path) -> Path:
    """A private, writable copy of a read-only store, removed when the process ends."""
    copy = Path(tempfile.mkdtemp(prefix="recruiter-store-"))
    atexit.register(shutil.rmtree, copy, ignore_errors=True)
    shutil.copytree(path, copy, dirs_exist_ok=True)
    for folder, _, files in os.walk(copy):
        os.chmod(folder, 0o700)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o600)
    return copy


def open_store(settings: Settings, embedder: Embedder, readable_copy: bool = False) -> ChromaStore:
    """The embedded store at ``settings.store_path``, or the server at ``settings.chroma_host``.
    Raises :class:`StoreError` when neither can be opened.

    With ``readable_copy`` (commands that only read: ``ask``, ``chat``, ``candidates``,
    ``screen``), a read-only store is answered from a private temporary copy instead of refused;
    the store's ``copied_from`` then names the original. Commands that change the store never
    pass it: their changes would be lost with the copy."""
    if settings.chroma_host:
        where = f"{settings.chroma_host}:{settings.chroma_port}"
        try:
            from assistant.chroma import server_client

            return ChromaStore(server_client(settings), embedder, settings.collection_prefix)
        except Exception as err:  # chromadb raises ValueError, httpx errors, ...
            raise StoreError(
                f"cannot reach the Chroma server at {where} ({_one_line(err)}); start it "
                "(chroma run --port ...) or check RECRUITER_CHROMA_HOST / RECRUITER_CHROMA_PORT"
            ) from None
    path = settings.store_path
    # Chroma (1.5) writes to its database whenever it opens it (it checks its migrations and
    # default tenant), even to read, so a store it may not write cannot be opened at all.
    read_only = (
        f"the store {path} is read-only, and Chroma writes to its database even to read it; "
        "make the folder and chroma.sqlite3 writable, or point RECRUITER_STORE_PATH at a "
        "writable copy"
    )
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise StoreError(
            f"cannot create the store folder {path} ({err.strerror or err}); "
            "set RECRUITER_STORE_PATH to a writable folder"
        ) from None
    database = path / "chroma.sqlite3"
    if not os.access(path, os.W_OK) or (database.exists() and not os.access(database, os.W_OK)):
        if not readable_copy:
            raise StoreError(read_only)
        try:
            copy = _readable_copy(path)
            store = ChromaStore(_embedded_client(copy), embedder, settings.collection_prefix, copy)
        except Exception as err:
            raise StoreError(
                f"{read_only} (a temporary copy failed too: {_one_line(err)})"
            ) from None
        store.copied_from = path
        return store
    try:
        return ChromaStore(_embedded_client(path), embedder, settings.collection_prefix, path)
    except Exception as err:
        if "readonly" in str(err).lower() or "read-only" in str(err).lower():
            raise StoreError(read_only) from None
        raise StoreError(
            f"cannot open the store {path} ({_one_line(err)}); check the folder, or set "
            "RECRUITER_STORE_PATH to another one"
        ) from None


def open_reader(settings: Settings, embedder: Embedder, readable_copy: bool = False) -> ResumeStore:
    """The store for a process that mostly reads (the app, ``python -m assistant``): an
    embedded store with a current snapshot is read from it, and Chroma opened on first need
    (see :mod:`assistant.snapshot`); otherwise as :func:`open_store`."""
    path = settings.store_path
    snapshot = Snapshot(path / SNAPSHOT_FOLDER)
    if (
        settings.chroma_host
        or not os.access(path, os.W_OK)
        or not os.access(path / "chroma.sqlite3", os.W_OK)
        or snapshot.index() is None
    ):
        return open_store(settings, embedder, readable_copy)
    return SnapshotStore(snapshot, lambda: open_store(settings, embedder, readable_copy))


def _one_line(err: BaseException) -> str:
    return (" ".join(str(err).split()) or type(err).__name__)[:200]
