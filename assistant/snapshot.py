"""A plain-file copy of an embedded store's resume records, for commands that only read.

Opening Chroma costs more than a second before the first question (importing chromadb, then
the client checking its database), while listing candidates or answering a keyword question
needs only the resume records. So every write to an embedded store also keeps, in
``<store>/snapshot/``, one JSON file per resume (the record's document, byte for byte) and an
``index.json`` with the store's generation, each resume's stored version and the split-off
files. :class:`assistant.store.SnapshotStore` answers reads from it and opens Chroma only for
a vector search, a write, or when the snapshot is not current.

Consistency: a writer holds ``snapshot/.lock`` for the whole write, deletes ``index.json``
before it changes Chroma and writes it again (atomically) after, so a reader either sees an
index that matches what is in Chroma or none and reads Chroma. A writer that stops half-way
leaves no index; the next write rebuilds the snapshot whole from Chroma. Erasing a person
deletes their file with their records.

A Chroma server is shared by other processes that would not keep a local copy current, so a
server store has no snapshot.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from assistant.models import Resume

FOLDER = "snapshot"
_INDEX = "index.json"
_LOCK = ".lock"


class SnapshotIndex(BaseModel):
    generation: str
    # resume id -> [content hash, candidate id, profile version, chunk words]
    versions: dict[str, tuple[str, str, int, int]]
    detached: list[str]


@dataclass(frozen=True)
class _Stat:
    inode: int
    mtime_ns: int
    size: int


class Snapshot:
    """The snapshot folder of one embedded store."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._cached: tuple[_Stat, SnapshotIndex] | None = None

    # -- reading -------------------------------------------------------------------------------

    def _stat(self) -> _Stat | None:
        try:
            st = (self.folder / _INDEX).stat()
        except OSError:
            return None
        return _Stat(st.st_ino, st.st_mtime_ns, st.st_size)

    def index(self) -> SnapshotIndex | None:
        """The current index, or None when there is none (not built yet, or a write is under
        way). Read again only when the file changed."""
        stat = self._stat()
        if stat is None:
            return None
        if self._cached is not None and self._cached[0] == stat:
            return self._cached[1]
        try:
            index = SnapshotIndex.model_validate_json((self.folder / _INDEX).read_bytes())
        except (OSError, ValidationError):
            return None
        self._cached = (stat, index)
        return index

    def load(self, ids: Iterable[str]) -> list[Resume] | None:
        """These resumes, or None when the snapshot changed or lost one of them meanwhile."""
        before = self._stat()
        try:
            resumes = [
                Resume.model_validate_json((self.folder / f"{rid}.json").read_bytes())
                for rid in ids
            ]
        except (OSError, ValidationError):
            return None
        if before is None or self._stat() != before:
            return None
        return resumes

    # -- writing (under the lock) --------------------------------------------------------------

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        self.folder.mkdir(parents=True, exist_ok=True)
        with open(self.folder / _LOCK, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def invalidate(self) -> SnapshotIndex | None:
        """Remove the index before a write; returns it as it was (None: there was none)."""
        index = self.index()
        with contextlib.suppress(FileNotFoundError):
            (self.folder / _INDEX).unlink()
        self._cached = None
        return index

    def _write(self, name: str, data: str) -> None:
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
            os.replace(tmp, self.folder / name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    def publish(
        self,
        index: SnapshotIndex,
        documents: dict[str, str],
        removed: Iterable[str],
        whole: bool = False,
    ) -> None:
        """Write the given records (resume id -> the stored JSON), delete the removed ones, then
        the index. With ``whole``, files of resumes the index does not name are deleted too."""
        self.folder.mkdir(parents=True, exist_ok=True)
        for rid, document in documents.items():
            self._write(f"{rid}.json", document)
        gone = set(removed)
        if whole:
            gone |= {p.stem for p in self.folder.glob("*.json") if p.name != _INDEX} - set(
                index.versions
            )
        for rid in gone - set(index.versions):
            with contextlib.suppress(FileNotFoundError):
                (self.folder / f"{rid}.json").unlink()
        self._write(_INDEX, index.model_dump_json())
