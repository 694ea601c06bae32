"""The original PDF files of stored resumes, kept so that a cited page can be shown as it looks.

The store holds only the extracted lines; a PDF's page, with its layout, exists only in the file.
One folder (``settings.originals_path``, by default ``originals`` inside the store folder) holds
``<resume id>.<sha256 of the bytes>.pdf`` for each stored PDF resume: the ingest pipeline saves a
file once its resume is in the store, a changed file replaces the old version, and removing a
candidate or a file deletes theirs (:meth:`assistant.service.Assistant.remove`). Other formats
are not kept: their text is the whole of them, and the viewer shows it already.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from assistant.models import Resume
from assistant.settings import Settings

_ID = re.compile(r"^r-[0-9a-f]{20}$")
_HASH = re.compile(r"^[0-9a-f]{64}$")
_NAME = re.compile(r"^(r-[0-9a-f]{20})\.([0-9a-f]{64})\.pdf$")
_TEMPORARY = ".partial"  # suffix of a file being written; never taken for an original


class Originals:
    """The folder of original PDFs. Names are built from ids and hashes only (checked), so no
    file name a user chose ever reaches the file system here."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def from_settings(cls, settings: Settings) -> Originals:
        """``originals_path``, else ``originals`` in the store folder; stores that share it
        under another collection prefix get a subfolder each, since removing a resume also
        deletes the originals of resumes its store no longer holds (:meth:`prune`)."""
        if settings.originals_path is not None:
            return cls(settings.originals_path)
        folder = settings.store_path / "originals"
        default_prefix = type(settings).model_fields["collection_prefix"].default
        if settings.collection_prefix != default_prefix:
            folder = folder / settings.collection_prefix
        return cls(folder)

    def path(self, resume_id: str, content_hash: str) -> Path:
        if not _ID.fullmatch(resume_id) or not _HASH.fullmatch(content_hash):
            raise ValueError(f"not a resume id and content hash: {resume_id!r}, {content_hash!r}")
        return self.folder / f"{resume_id}.{content_hash}.pdf"

    def find(self, resume: Resume) -> Path | None:
        """The original of this version of ``resume``; None for other formats, for resumes
        ingested before originals were kept, and for an unusable folder."""
        if resume.format != "pdf":
            return None
        try:
            path = self.path(resume.id, resume.content_hash)
            return path if path.is_file() else None
        except (ValueError, OSError):
            return None

    def save(self, resume_id: str, content_hash: str, data: bytes) -> Path:
        """Write the file atomically (a reader sees the whole file or none), then delete the
        other versions of ``resume_id``. Raises OSError when the folder cannot be written."""
        target = self.path(resume_id, content_hash)
        self.folder.mkdir(parents=True, exist_ok=True)
        # mkstemp creates the file readable by its owner only: resumes are personal data.
        fd, temporary = tempfile.mkstemp(
            dir=self.folder, prefix=f".{resume_id}.", suffix=_TEMPORARY
        )
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        for old in self.versions(resume_id):
            if old != target:
                old.unlink(missing_ok=True)
        return target

    def versions(self, resume_id: str) -> list[Path]:
        """Every file kept for ``resume_id`` (normally one)."""
        return [path for path, rid in self._files() if rid == resume_id]

    def remove(self, resume_ids: Iterable[str]) -> int:
        """Delete the originals of these resumes (and any half-written file of theirs).
        Returns how many originals were deleted."""
        wanted = set(resume_ids)
        deleted = 0
        for path, rid in self._files(partial=True):
            if rid in wanted:
                path.unlink(missing_ok=True)
                deleted += not path.name.endswith(_TEMPORARY)
        return deleted

    def prune(self, stored_ids: Iterable[str]) -> int:
        """Delete the originals of resumes that are no longer stored, whatever removed them.
        Returns how many were deleted."""
        keep = set(stored_ids)
        return self.remove({rid for _, rid in self._files()} - keep)

    def _files(self, partial: bool = False) -> list[tuple[Path, str]]:
        try:
            names = sorted(os.listdir(self.folder))
        except FileNotFoundError:
            return []
        found = []
        for name in names:
            if (match := _NAME.fullmatch(name)) is not None:
                found.append((self.folder / name, match.group(1)))
            elif partial and name.startswith(".r-") and name.endswith(_TEMPORARY):
                found.append((self.folder / name, name[1:23]))
        return found
