"""Files -> stored resumes: read, label sections, find the candidate, chunk, embed, write.

One bad file never stops a batch: each gets an outcome with a one-line reason. Files are embedded
in batches (one model call for many files, which is where the time goes) and each resume is
written atomically (see :mod:`assistant.store`), so a failure never leaves half a resume behind.
A PDF's bytes are kept (:mod:`assistant.originals`) once its resume is in the store, so a cited
page can be shown as it looks; a file that failed keeps nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.embeddings import Embedder
from assistant.models import FileFormat, IngestOutcome, IngestReport, Resume, ResumeLine
from assistant.originals import Originals
from assistant.settings import Settings
from assistant.store import PendingResume, ResumeStore, StoredVersion
from ingest.chunking import chunk_resume
from ingest.columns import reading_order
from ingest.identity import candidate_of, unnamed_label
from ingest.injection import flag_instructions
from ingest.limits import Limits
from ingest.normalise import normalise
from ingest.profile import PROFILE_VERSION, build_profile
from ingest.readers import SUPPORTED, ReadError, file_format, read_lines
from ingest.sections import label_sections

Progress = Callable[[IngestOutcome], None]
_BATCH_FILES = 32


@dataclass(frozen=True)
class SourceFile:
    """A file to ingest. ``source`` is the name users see in citations; ``data`` is set for
    uploads, ``path`` for files on disk."""

    source: str
    path: Path | None = None
    data: bytes | None = None

    def read(self) -> bytes:
        if self.data is not None:
            return self.data
        assert self.path is not None
        return self.path.read_bytes()

    def size(self) -> int:
        if self.data is not None:
            return len(self.data)
        assert self.path is not None
        return self.path.stat().st_size


def resume_id(source: str, candidate_id: str | None = None) -> str:
    """Stable id of a resume: its source name, plus the candidate when another person's resume
    already has that name (uploads are often all called "Resume.pdf")."""
    key = source if candidate_id is None else f"{source}\x00{candidate_id}"
    return "r-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def collect(paths: Iterable[Path]) -> tuple[list[SourceFile], list[IngestOutcome]]:
    """Expand files and folders. In a folder, hidden files and folders (a name starting with
    ".") and files of other types are skipped and reported (a hidden folder once, not each file
    in it); a file named explicitly is always tried, so a wrong type is a failure."""
    files: list[SourceFile] = []
    outcomes: list[IngestOutcome] = []

    def skipped(rel: Path, reason: str) -> None:
        outcomes.append(IngestOutcome(source=rel.as_posix(), status="skipped", reason=reason))

    for path in paths:
        if path.is_dir():
            for item in sorted(path.rglob("*")):
                rel = item.relative_to(path)
                if any(part.startswith(".") for part in rel.parts[:-1]):
                    continue  # inside a hidden folder, which is reported itself
                if rel.name.startswith("."):
                    if item.is_dir():
                        skipped(rel, "hidden folder (name starts with '.'); its files are not read")
                    elif item.is_file():
                        skipped(rel, "hidden file (name starts with '.'); name it to ingest it")
                    continue
                if not item.is_file():
                    continue
                if item.suffix.lower() not in SUPPORTED:
                    skipped(rel, f"not a resume file type ({item.suffix or 'no extension'})")
                    continue
                files.append(SourceFile(source=rel.as_posix(), path=item))
        elif path.is_file():
            files.append(SourceFile(source=path.name, path=path))
        else:
            outcomes.append(
                IngestOutcome(source=str(path), status="failed", reason="no such file or folder")
            )
    return files, outcomes


def parse_resume(
    source: str, data: bytes, embedder: Embedder | None = None, limits: Limits | None = None
) -> Resume:
    """Bytes -> a :class:`Resume` with labelled lines and the candidate's identity. ``embedder``
    lets instructions be flagged by meaning as well as by pattern."""
    fmt, raw_lines = read_lines(source, data, limits)
    return analyse(source, fmt, hashlib.sha256(data).hexdigest(), raw_lines, embedder)


def analyse(
    source: str,
    fmt: FileFormat,
    content_hash: str,
    raw: list[ResumeLine],
    embedder: Embedder | None = None,
) -> Resume:
    """Numbered lines -> a resume: normalised text, sections, flagged lines, profile and
    candidate. Also rebuilds the profile of a stored resume from its stored lines (see
    :func:`refresh_profiles`); without an embedder there, lines flagged by meaning at ingest
    stay flagged, as they cannot be checked again."""
    plain = [
        ln.model_copy(
            update={
                "text": normalise(ln.text),
                "columns": (normalise(ln.columns[0]), normalise(ln.columns[1]))
                if ln.columns
                else None,
                "section": "header",
                "heading": False,
                "suspicious": ln.suspicious and embedder is None,
            }
        )
        for ln in raw
    ]
    # Hidden text is no part of the document's layout: it must not open or close a section.
    labelled = iter(label_sections([ln for ln in plain if not ln.hidden]))
    lines, warnings = flag_instructions(
        [ln if ln.hidden else next(labelled) for ln in plain], embedder
    )
    # A page in two columns is read column by column (see ingest.columns); facts still cite
    # the page's lines.
    profile, contact = build_profile(
        _labelled(reading_order(lines)) if any(ln.columns for ln in lines) else lines
    )
    identity = contact.identity()
    first_title = next((p.title for p in profile.positions if p.title), None)
    label = unnamed_label(contact, source, first_title)
    cid, name, named = candidate_of(identity, source, label)
    if not named:
        warnings.insert(0, f"No name found in this resume; it is shown as “{name}”.")
    return Resume(
        id=resume_id(source),
        source=source,
        format=fmt,
        content_hash=content_hash,
        candidate_id=cid,
        candidate_name=name,
        identity=identity,
        profile=profile,
        lines=lines,
        warnings=warnings,
    )


def _labelled(lines: list[ResumeLine]) -> list[ResumeLine]:
    """Lines in reading order, their sections labelled again in that order."""
    fresh = [ln.model_copy(update={"section": "header", "heading": False}) for ln in lines]
    labelled = iter(label_sections([ln for ln in fresh if not ln.hidden]))
    return [ln if ln.hidden else next(labelled) for ln in fresh]


def refresh_profiles(store: ResumeStore) -> int:
    """Rebuild the profiles that an older extractor made, from the stored lines: no file is
    read again and nothing is re-embedded. Returns how many resumes were refreshed."""
    stale = store.stale_profiles(PROFILE_VERSION)
    refreshed = 0
    for start in range(0, len(stale), _BATCH_FILES * 8):
        fresh = []
        for old in store.load_resumes(stale[start : start + _BATCH_FILES * 8]):
            try:
                new = analyse(old.source, old.format, old.content_hash, old.lines)
            except Exception:  # an odd stored resume keeps its old profile
                continue
            # Same record: its id (and the chunks that point at it) stay.
            fresh.append(new.model_copy(update={"id": old.id}))
        store.rewrite(fresh)
        refreshed += len(fresh)
    return refreshed


class Ingestor:
    def __init__(self, store: ResumeStore, embedder: Embedder, settings: Settings) -> None:
        self.store = store
        self.embedder = embedder
        self.settings = settings
        self.originals = Originals.from_settings(settings)

    def ingest(self, files: Sequence[SourceFile], progress: Progress | None = None) -> IngestReport:
        report = IngestReport()
        known = self.store.versions()

        def done(outcome: IngestOutcome) -> None:
            report.outcomes.append(outcome)
            if progress:
                progress(outcome)

        for batch in _batches(files, _BATCH_FILES):
            pending: list[PendingResume] = []
            contents: list[bytes] = []  # each pending resume's file, in the same order
            statuses: dict[str, str] = {}
            for file in batch:
                outcome = self._prepare(file, known, pending, contents)
                if outcome is not None:
                    done(outcome)
                else:
                    statuses[pending[-1].resume.id] = (
                        "replaced" if pending[-1].resume.id in known else "ingested"
                    )
            if not pending:
                continue
            texts = [c.text for p in pending for c in p.chunks]
            try:
                vectors = self.embedder.embed(texts)
            except Exception as err:  # the model failing must not lose the batch silently
                for p in pending:
                    done(_failed(p.resume.source, f"embedding failed: {err}"))
                continue
            offset = 0
            for p in pending:
                p.vectors = vectors[offset : offset + len(p.chunks)]
                offset += len(p.chunks)
            errors = self.store.write(pending)
            for p, data in zip(pending, contents, strict=True):
                if p.resume.id in errors:
                    done(_failed(p.resume.source, errors[p.resume.id]))
                    continue
                known[p.resume.id] = StoredVersion(
                    p.resume.content_hash, p.resume.candidate_id, chunk_words=p.chunk_words
                )
                if p.resume.format == "pdf":
                    self._keep_original(p.resume, data)
                done(
                    IngestOutcome(
                        source=p.resume.source,
                        status="replaced" if statuses[p.resume.id] == "replaced" else "ingested",
                        candidate=p.resume.candidate_name,
                        lines=sum(1 for ln in p.resume.lines if not ln.blank),
                        chunks=len(p.chunks),
                        warnings=p.resume.warnings,
                    )
                )
        return report

    def _keep_original(self, resume: Resume, data: bytes) -> None:
        """Save a stored PDF's bytes; the resume stays stored without them when that fails
        (its pages are then not shown as images), and the outcome says so."""
        try:
            self.originals.save(resume.id, resume.content_hash, data)
        except OSError as err:
            resume.warnings.append(
                f"The original PDF could not be kept ({err.strerror or err}); its pages are "
                "shown as text only."
            )

    def _backfill_original(self, rid: str, source: str, digest: str, data: bytes) -> None:
        """An unchanged PDF stored before originals were kept gets its original now."""
        try:
            if file_format(source) == "pdf" and not self.originals.path(rid, digest).exists():
                self.originals.save(rid, digest, data)
        except (ReadError, ValueError, OSError):
            pass  # only the page image is missing, as before

    def _prepare(
        self,
        file: SourceFile,
        known: dict[str, StoredVersion],
        pending: list[PendingResume],
        contents: list[bytes],
    ) -> IngestOutcome | None:
        """Read and parse one file; None when it was queued for embedding (its bytes then
        appended to ``contents``)."""
        limit = self.settings.max_upload_mb * 1024 * 1024
        words = self.settings.chunk_max_words
        try:
            if file.size() > limit:
                return _failed(
                    file.source,
                    f"file too large ({file.size() / 1e6:.1f} MB; limit "
                    f"{self.settings.max_upload_mb} MB)",
                )
            data = file.read()
            digest = hashlib.sha256(data).hexdigest()
            rid = resume_id(file.source)
            stored = known.get(rid) or _queued(pending, rid)
            if stored is not None and stored.content_hash == digest and stored.chunk_words == words:
                if rid in known:
                    self._backfill_original(rid, file.source, digest, data)
                return IngestOutcome(source=file.source, status="unchanged")
            # Same content chunked at another size (an upgrade): chunked and embedded again.
            resume = parse_resume(
                file.source, data, self.embedder, Limits.from_settings(self.settings)
            )
            if stored is not None and _different_people(stored.candidate_id, resume.candidate_id):
                resume.id = resume_id(file.source, resume.candidate_id)
                again = known.get(resume.id) or _queued(pending, resume.id)
                if (
                    again is not None
                    and again.content_hash == digest
                    and again.chunk_words == words
                ):
                    if resume.id in known:
                        self._backfill_original(resume.id, file.source, digest, data)
                    return IngestOutcome(source=file.source, status="unchanged")
        except ReadError as err:
            return _failed(file.source, str(err))
        except OSError as err:
            return _failed(file.source, f"cannot read the file ({err.strerror or err})")
        except Exception as err:  # a parser bug on one odd file must not stop the batch
            return _failed(file.source, f"could not parse this file ({type(err).__name__})")
        chunks = chunk_resume(resume, self.settings.chunk_max_words)
        pending.append(PendingResume(resume=resume, chunks=chunks, chunk_words=words))
        contents.append(data)
        return None


def _queued(pending: list[PendingResume], rid: str) -> StoredVersion | None:
    for p in pending:
        if p.resume.id == rid:
            return StoredVersion(p.resume.content_hash, p.resume.candidate_id, 0, p.chunk_words)
    return None


def _different_people(stored: str, new: str) -> bool:
    """Two named candidates that differ: the new file is not a new version of the old one."""
    return stored != new and stored.startswith("name:") and new.startswith("name:")


def _failed(source: str, reason: str) -> IngestOutcome:
    return IngestOutcome(source=source, status="failed", reason=reason)


def _batches(items: Sequence[SourceFile], size: int) -> Iterator[Sequence[SourceFile]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
