"""``python -m ingest PATH...``: load resume files and folders into the store.

Prints a progress bar, then one line per failed or skipped file and a summary. Exits 1 when any
file failed, 0 otherwise. Stored resumes whose profile an older extractor made get it rebuilt
from their stored lines first (nothing is re-read or re-embedded).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from assistant.embeddings import MiniLMEmbedder
from assistant.models import IngestOutcome
from assistant.settings import Settings
from assistant.store import open_store
from ingest.pipeline import Ingestor, collect, refresh_profiles


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
    settings = Settings()
    files, outcomes = collect(args.paths)
    embedder = MiniLMEmbedder(settings.embedding_batch_size, settings.embedding_precision)
    store = open_store(settings, embedder)
    ingestor = Ingestor(store, embedder, settings)
    if refreshed := refresh_profiles(store):
        print(f"Rebuilt the profiles of {refreshed} stored resume(s) with the current extractor.")
    if not args.paths:
        return 0  # only the rebuild was asked for

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
            bar.update(task, advance=1, description=outcome.source)

        report = ingestor.ingest(files, progress=advance)
    report.outcomes[:0] = outcomes

    for outcome in report.outcomes:
        if outcome.status in ("failed", "skipped"):
            print(f"{outcome.status.upper():8} {outcome.source}: {outcome.reason}")
        for warning in outcome.warnings:
            print(f"WARNING  {outcome.source}: {warning}")
    print(f"Done: {report.summary()}.")
    return 1 if report.failed else 0
