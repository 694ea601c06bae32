"""``python -m ingest PATH...``: load resume files and folders into the store.

Prints a progress bar (off a terminal: a line per twentieth of the files, with rate and time
left), then one line per failed or skipped file and a summary. Exits 1 when any
file failed, 2 when nothing could start (a bad setting, a store that cannot be opened; one line
on stderr), 0 otherwise. Stored resumes whose profile an older extractor made get it rebuilt
from their stored lines first (nothing is re-read or re-embedded).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from assistant.embeddings import MiniLMEmbedder
from assistant.models import IngestOutcome, IngestReport
from assistant.related_words import RelatedWords
from assistant.settings import SettingsError, load_settings
from assistant.store import StoreError, open_store
from ingest.pipeline import Ingestor, SourceFile, collect, refresh_profiles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="resume files or folders (none: only rebuild profiles made by an older extractor)",
    )
    args = parser.parse_args(argv)

    console = Console(stderr=True)
    try:
        settings = load_settings()
        embedder = MiniLMEmbedder(settings.embedding_batch_size, settings.embedding_precision)
        store = open_store(settings, embedder)
    except (SettingsError, StoreError) as err:
        # Something to fix before anything is read: one line, exit 2 (1 is "a file failed").
        print(f"error: {' '.join(str(err).split())}", file=sys.stderr)
        return 2
    files, outcomes = collect(args.paths)
    ingestor = Ingestor(store, embedder, settings)
    if refreshed := refresh_profiles(store):
        print(f"Rebuilt the profiles of {refreshed} stored resume(s) with the current extractor.")
    store.ensure_snapshot()
    # Computed once per machine (about 20 s), here rather than in the first question
    RelatedWords(embedder, settings.cache_path).prepare()
    if not args.paths:
        return 0  # only the rebuild was asked for

    if not console.is_terminal:
        report = ingestor.ingest(files, progress=_LogLines(len(files), console))
    else:
        report = _with_bar(ingestor, files, console)
    report.outcomes[:0] = outcomes

    for outcome in report.outcomes:
        if outcome.status in ("failed", "skipped"):
            print(f"{outcome.status.upper():8} {outcome.source}: {outcome.reason}")
        for warning in outcome.warnings:
            print(f"WARNING  {outcome.source}: {warning}")
    print(f"Done: {report.summary()}.")
    return 1 if report.failed else 0


class _LogLines:
    """Progress off a terminal (a log, CI): one plain line per twentieth of the files, with the
    rate and the time left, instead of a bar that only shows at the end."""

    def __init__(self, total: int, console: Console) -> None:
        self.total = total
        self.console = console
        self.done = 0
        self.every = max(1, total // 20)
        self.started = time.perf_counter()

    def __call__(self, outcome: IngestOutcome) -> None:
        self.done += 1
        if self.done % self.every and self.done != self.total:
            return
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        self.console.print(
            f"Ingested {self.done}/{self.total} files ({self.done * 100 // max(self.total, 1)}%), "
            f"{rate:.1f} files/s, about {left:.0f} s left",
            markup=False,
            highlight=False,
        )


def _with_bar(ingestor: Ingestor, files: list[SourceFile], console: Console) -> IngestReport:
    with Progress(
        TextColumn("[bold]Ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=False,
    ) as bar:
        task = bar.add_task("", total=len(files))

        def advance(outcome: IngestOutcome) -> None:
            # A file name is data: "[/b]" in it must not be read as markup.
            bar.update(task, advance=1, description=escape(outcome.source))

        return ingestor.ingest(files, progress=advance)
