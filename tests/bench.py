"""Benchmark: ingest throughput and question latency on synthetic resumes.

Run from the project root (``make bench`` does the first)::

    python -m tests.bench --sizes 100 1000
    python -m tests.bench --sizes 100 --json bench.json      # also write the numbers as JSON
    python -m tests.bench --sizes 100 --json -               # JSON on stdout instead of tables
    python -m tests.bench --sizes 10000 --no-embed-alone     # a large run, without step 3

For each size N, in a fresh temporary folder:

1. **Generate** N fictional resumes with :mod:`tests.synthetic` (seeded, so every run ingests the
   same files): TXT and Markdown in three layouts, every 20th one as DOCX.
2. **Ingest** them with the real pipeline (``collect`` + ``Ingestor.ingest``) into a fresh embedded
   Chroma store, with MiniLM already loaded and warmed up. Wall time -> resumes/s and chunks/s.
3. **Embed alone**: the exact chunk texts the pipeline embedded (re-parsed and re-chunked outside
   the timed region) are embedded again with ``MiniLMEmbedder.embed``, one call per batch of 32
   files, as the pipeline does. ``pipeline / embed-alone`` is the overhead of reading, parsing,
   chunking and writing to Chroma on top of the model (target <= 1.3). The time spent in the
   embedder during the ingest itself is recorded too (a timing wrapper), which gives the same
   ratio from a single run, unaffected by load that changed between the two measurements.
4. **Questions**: an :class:`Assistant` over that store. The first question after ingest (always
   "Who has Python experience?") builds the in-memory catalog and is reported on its own, with
   the catalog's load and index times measured apart; then 3 warm-up questions, then ~100 timed
   questions of seven kinds (skill, language, summarize, where-studied, email, open, no-match).
   p50/p95/max in ms (target p95 < 100 ms at 1,000 resumes). Answers are extractive: a
   configured LLM (``RECRUITER_LLM``) is switched off for the benchmark.
5. **Contention** (``--contention N``): N resumes ingested into fresh stores on the machine as it
   is, then beside one CPU-bound process (``while True: pass``), with the model's default thread
   count and with one thread; the ratios say how ingest degrades when someone else holds a core.

The model is loaded once and shared by all sizes. This is a benchmark, not a test: nothing here
asserts on times. Numbers are only comparable on an otherwise idle machine: the model's BLAS
(numpy in fp32, torch in bf16) runs one thread per core, and when another process holds a core
those threads wait for each other. The load average is printed for that reason; ``--threads 1``
shows what a contended machine would get with one thread.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant.catalog import Catalog
from assistant.embeddings import MiniLMEmbedder
from assistant.models import Conversation
from assistant.screening import read_rubric
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.store import ChromaStore, open_store
from ingest.chunking import chunk_resume
from ingest.pipeline import _BATCH_FILES, Ingestor, SourceFile, collect, parse_resume
from tests import synthetic

WARMUP_TEXTS = [
    "Jane Doe (experience): Built data pipelines in Python and SQL.",
    "Jane Doe (skills): Kubernetes, Terraform, AWS, Go",
    "Jane Doe (languages): English (native), Spanish (fluent)",
] * 12
FIRST_QUESTION = "Who has Python experience?"  # the same every run, so sizes compare
OPEN_QUESTIONS = (
    "Tell me about cloud migration work",
    "Tell me about accessibility audits",
    "What experience is there with incident reviews and alerting?",
    "Tell me about dashboards built for sales and finance",
    "Describe experience mentoring junior developers",
    "Tell me about model deployment to production",
    "What work has been done on release automation for mobile apps?",
)
NO_MATCH_QUESTIONS = (
    "Who knows COBOL?",
    "Which candidates speak Klingon?",
    "Who has Fortran 77 mainframe experience?",
)
# How many of each kind in ~100 timed questions.
MIX = {
    "skill": 20,
    "language": 15,
    "summarize": 14,
    "studied": 14,
    "email": 14,
    "open": 15,
    "none": 8,
}


class TimedEmbedder:
    """Wraps the real embedder and adds up the time spent in it, so the pipeline's own share
    (reading, parsing, chunking, Chroma writes) is known from the same run."""

    def __init__(self, inner: MiniLMEmbedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.seconds = 0.0

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        start = time.perf_counter()
        try:
            return self.inner.embed(texts)
        finally:
            self.seconds += time.perf_counter() - start


@dataclass
class SizeResult:
    n: int
    files: int
    ingested: int
    failed: int
    chunks: int
    ingest_s: float
    embed_in_pipeline_s: float
    embed_alone_s: float
    first_question_ms: float
    catalog_load_ms: float
    catalog_build_ms: float
    questions: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    per_kind_ms: dict[str, dict[str, float]] = field(default_factory=dict)
    screen_s: float = 0.0  # every candidate against BENCH_POSTING's 12 criteria, warm

    @property
    def resumes_per_s(self) -> float:
        return self.ingested / self.ingest_s

    @property
    def chunks_per_s(self) -> float:
        return self.chunks / self.ingest_s

    @property
    def ratio(self) -> float:
        return self.ingest_s / self.embed_alone_s if self.embed_alone_s else math.nan

    @property
    def ratio_in_run(self) -> float:
        """Pipeline time over the embedding time inside that same run: less sensitive to other
        processes slowing down one of the two measurements."""
        return self.ingest_s / self.embed_in_pipeline_s

    def as_dict(self) -> dict[str, Any]:
        return {
            **asdict(self),
            "resumes_per_s": round(self.resumes_per_s, 2),
            "chunks_per_s": round(self.chunks_per_s, 1),
            "pipeline_over_embed": round(self.ratio, 3),
            "pipeline_over_embed_in_run": round(self.ratio_in_run, 3),
        }


# -- machine -----------------------------------------------------------------------------------


def machine_info() -> dict[str, Any]:
    import chromadb
    from threadpoolctl import threadpool_info

    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = os.cpu_count() or 0
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
        "usable_cores": usable,
        "numpy": np.__version__,
        "blas_threads": max((p["num_threads"] for p in threadpool_info()), default=0),
        "chromadb": chromadb.__version__,
        # Other processes on the machine skew every number here; the load average shows it.
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else [],
    }


# -- steps -------------------------------------------------------------------------------------


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def warm_up(embedder: MiniLMEmbedder) -> None:
    """Load the model and run it a few times so the first timed batch pays no start-up cost."""
    for _ in range(3):
        embedder.embed(WARMUP_TEXTS)


def chunk_batches(files: Sequence[SourceFile], settings: Settings) -> list[list[str]]:
    """The texts the pipeline embeds, grouped as it groups them (one list per batch of files)."""
    batches = []
    for start in range(0, len(files), _BATCH_FILES):
        texts: list[str] = []
        for file in files[start : start + _BATCH_FILES]:
            resume = parse_resume(file.source, file.read())
            texts.extend(c.text for c in chunk_resume(resume, settings.chunk_max_words))
        batches.append(texts)
    return batches


def embed_alone(embedder: MiniLMEmbedder, batches: list[list[str]]) -> float:
    start = time.perf_counter()
    for texts in batches:
        embedder.embed(texts)
    return time.perf_counter() - start


def build_questions(
    resumes: Sequence[synthetic.SyntheticResume], rng: random.Random
) -> list[tuple[str, str]]:
    """(kind, question) pairs in a shuffled, seeded order."""
    skills = sorted({s for r in resumes for s in r.skills})
    languages = sorted({lang for r in resumes for lang in r.languages} - {"English"})
    makers: dict[str, Callable[[], str]] = {
        "skill": lambda: f"Who has {rng.choice(skills)} experience?",
        "language": lambda: f"Which candidates speak {rng.choice(languages)}?",
        "summarize": lambda: f"Summarize {rng.choice(resumes).name}'s background",
        "studied": lambda: f"Where did {rng.choice(resumes).name} study?",
        "email": lambda: f"What is {rng.choice(resumes).name}'s email?",
        "open": lambda: rng.choice(OPEN_QUESTIONS),
        "none": lambda: rng.choice(NO_MATCH_QUESTIONS),
    }
    questions = [(kind, makers[kind]()) for kind, count in MIX.items() for _ in range(count)]
    rng.shuffle(questions)
    return questions


def ask_ms(assistant: Assistant, question: str) -> float:
    start = time.perf_counter()
    assistant.ask(question, Conversation())
    return (time.perf_counter() - start) * 1000


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def latency_summary(values: Sequence[float]) -> dict[str, float]:
    return {
        "p50": round(statistics.median(values), 2),
        "p95": round(percentile(values, 95), 2),
        "max": round(max(values), 2),
    }


def measure_questions(
    assistant: Assistant, resumes: Sequence[synthetic.SyntheticResume], rng: random.Random
) -> tuple[float, dict[str, list[float]]]:
    """ms of the first question (always FIRST_QUESTION; it builds the catalog), then 3 untimed
    warm-up questions, then ms of every timed question, by kind."""
    first_ms = ask_ms(assistant, FIRST_QUESTION)
    pool = build_questions(resumes, random.Random(rng.random()))
    for kind in ("open", "language", "summarize"):  # one vector search, one match, one lookup
        ask_ms(assistant, next(q for k, q in pool if k == kind))
    by_kind: dict[str, list[float]] = {}
    for kind, question in build_questions(resumes, rng):
        by_kind.setdefault(kind, []).append(ask_ms(assistant, question))
    return first_ms, by_kind


def catalog_breakdown(store: ChromaStore) -> tuple[float, float]:
    """ms to load every resume record from Chroma, and ms to index them (what the first question
    pays on top of an ordinary one)."""
    resumes, load_s = timed(store.load_resumes)
    _, build_s = timed(lambda: Catalog.build(resumes))
    return load_s * 1000, build_s * 1000


# -- one size ----------------------------------------------------------------------------------


def run_size(
    n: int,
    embedder: MiniLMEmbedder,
    seed: int,
    log: Callable[[str], None],
    embed_again: bool = True,
) -> SizeResult:
    resumes = synthetic.generate(n, seed)
    with tempfile.TemporaryDirectory(prefix="recruiter-bench-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp) / "resumes"
        synthetic.write(resumes, folder)
        # llm=None: the extractive answers are measured even when RECRUITER_LLM is set (an LLM's
        # latency is its provider's, and the benchmark must not need the network).
        settings = Settings(store_path=Path(tmp) / "store", llm=None)
        store = open_store(settings, embedder)
        files, skipped = collect([folder])

        log(f"N={n}: ingesting {len(files)} files ...")
        timed_embedder = TimedEmbedder(embedder)
        ingestor = Ingestor(store, timed_embedder, settings)
        report, ingest_s = timed(lambda: ingestor.ingest(files))
        ingested = [o for o in report.outcomes if o.status == "ingested"]
        failed = len(skipped) + sum(o.status == "failed" for o in report.outcomes)
        chunks = sum(o.chunks or 0 for o in ingested)

        embed_s = 0.0  # not measured
        if embed_again:
            log(f"N={n}: embedding the same {chunks} chunk texts alone ...")
            batches = chunk_batches(files, settings)
            if sum(map(len, batches)) != chunks:
                log(f"  note: re-chunking gave {sum(map(len, batches))} texts, pipeline {chunks}")
            embed_s = embed_alone(embedder, batches)

        log(f"N={n}: asking questions ...")
        assistant = Assistant(settings, store=store, embedder=embedder)
        first_ms, by_kind = measure_questions(assistant, resumes, random.Random(seed + n))
        load_ms, build_ms = catalog_breakdown(store)
        log(f"N={n}: screening against a 12-criterion posting ...")
        rubric = read_rubric(BENCH_POSTING)
        assistant.screener.screen(rubric, assistant.catalog)  # warm
        _, screen_s = timed(lambda: assistant.screener.screen(rubric, assistant.catalog))
        _release(store)

    latencies = [ms for values in by_kind.values() for ms in values]
    overall = latency_summary(latencies)
    return SizeResult(
        n=n,
        files=len(files),
        ingested=len(ingested),
        failed=failed,
        chunks=chunks,
        ingest_s=round(ingest_s, 3),
        embed_in_pipeline_s=round(timed_embedder.seconds, 3),
        embed_alone_s=round(embed_s, 3),
        first_question_ms=round(first_ms, 1),
        catalog_load_ms=round(load_ms, 1),
        catalog_build_ms=round(build_ms, 1),
        questions=len(latencies),
        p50_ms=overall["p50"],
        p95_ms=overall["p95"],
        max_ms=overall["max"],
        per_kind_ms={kind: latency_summary(v) for kind, v in by_kind.items()},
        screen_s=round(screen_s, 3),
    )


BENCH_POSTING = """Senior Platform Engineer
Must have: 5+ years in industry; Kubernetes in production; Python; Terraform; AWS; SQL;
incident response; mentoring engineers
Nice to have: Go; Kafka; Prometheus; a bachelor's degree in computer science
"""


def _release(store: ChromaStore) -> None:
    """Let go of the embedded Chroma system so the temporary folder can be removed."""
    with contextlib.suppress(Exception):  # best effort; an older client may not have it
        store.client.clear_system_cache()


# -- contention --------------------------------------------------------------------------------

# One busy core's worth of someone else's work.
_HOG = "while True: pass"


def contention(
    n: int, embedder: MiniLMEmbedder, seed: int, log: Callable[[str], None]
) -> dict[str, dict[str, float]]:
    """Ingest wall time of ``n`` resumes (a fresh store each time) on the machine as it is, then
    with one CPU-bound process running beside it; with the model's default thread count and with
    one thread. Keys: "default (T threads)" / "1 thread" -> idle_s, busy_s, ratio."""
    from threadpoolctl import threadpool_info, threadpool_limits

    default = max((p["num_threads"] for p in threadpool_info()), default=1)
    found: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="recruiter-bench-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp) / "resumes"
        synthetic.write(synthetic.generate(n, seed), folder)
        files, _ = collect([folder])

        def ingest_s(tag: str) -> float:
            settings = Settings(store_path=Path(tmp) / f"store-{tag}", llm=None)
            store = open_store(settings, embedder)
            _, seconds = timed(lambda: Ingestor(store, embedder, settings).ingest(files))
            _release(store)
            return seconds

        for threads in dict.fromkeys((default, 1)):
            label = "1 thread" if threads == 1 else f"default ({threads} threads)"
            with threadpool_limits(threads):
                log(f"contention, {label}: ingesting {n} resumes on the machine as it is ...")
                idle = ingest_s(f"idle-{threads}")
                log(f"contention, {label}: again beside one CPU-bound process ...")
                hog = subprocess.Popen([sys.executable, "-c", _HOG])
                try:
                    busy = ingest_s(f"busy-{threads}")
                finally:
                    hog.kill()
                    hog.wait()
            found[label] = {
                "idle_s": round(idle, 2),
                "busy_s": round(busy, 2),
                "ratio": round(busy / idle, 2),
            }
    return found


# -- output ------------------------------------------------------------------------------------


def print_tables(machine: dict[str, Any], results: list[SizeResult]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(
        f"[bold]Machine[/]: {machine['cpu_count']} cores ({machine['usable_cores']} usable), "
        f"numpy {machine['numpy']} with {machine['blas_threads']} BLAS threads, "
        f"chromadb {machine['chromadb']}, Python {machine['python']}, {machine['platform']}, "
        f"load average at start {machine['load_average']}, at end "
        f"{machine['load_average_at_end']} (this run itself adds about 2)"
    )
    console.print(
        f"[bold]Embedding precision[/]: {machine['embedding_precision']}; texts/s on this CPU: "
        + ", ".join(f"{k} {v}" for k, v in machine["embedding_texts_per_s"].items())
    )
    table = Table(title="Ingest and question latency (synthetic resumes)")
    table.add_column("metric")
    for r in results:
        table.add_column(f"N={r.n}", justify="right")
    rows: list[tuple[str, Callable[[SizeResult], str]]] = [
        ("files ingested / failed", lambda r: f"{r.ingested} / {r.failed}"),
        ("chunks embedded", lambda r: f"{r.chunks}"),
        ("ingest wall time", lambda r: f"{r.ingest_s:.2f} s"),
        ("ingest throughput", lambda r: f"{r.resumes_per_s:.1f} resumes/s"),
        ("", lambda r: f"{r.chunks_per_s:.0f} chunks/s"),
        ("  of which embedding", lambda r: f"{r.embed_in_pipeline_s:.2f} s"),
        ("embedding alone (same texts, batches)", lambda r: f"{r.embed_alone_s:.2f} s"),
        ("pipeline / embed alone (target <= 1.3)", lambda r: f"{r.ratio:.2f}"),
        ("pipeline / its own embedding time", lambda r: f"{r.ratio_in_run:.2f}"),
        ("first question (builds catalog)", lambda r: f"{r.first_question_ms:.0f} ms"),
        ("  catalog alone: load / index", lambda r: f"{r.catalog_load_ms:.0f} / "
                                                      f"{r.catalog_build_ms:.0f} ms"),
        ("questions timed", lambda r: f"{r.questions}"),
        ("latency p50", lambda r: f"{r.p50_ms:.1f} ms"),
        ("latency p95 (target < 100 @1000)", lambda r: f"{r.p95_ms:.1f} ms"),
        ("latency max", lambda r: f"{r.max_ms:.1f} ms"),
        ("screening, 12 criteria, warm", lambda r: f"{r.screen_s:.2f} s"),
    ]  # fmt: skip
    for label, cell in rows:
        table.add_row(label, *(cell(r) for r in results))
    console.print(table)

    kinds = Table(title="Latency by question kind, p50 / p95 / max ms")
    kinds.add_column("kind")
    for r in results:
        kinds.add_column(f"N={r.n}", justify="right")
    for kind in MIX:
        cells = []
        for r in results:
            k = r.per_kind_ms.get(kind)
            cells.append(f"{k['p50']:.1f} / {k['p95']:.1f} / {k['max']:.1f}" if k else "-")
        kinds.add_row(f"{kind} ({MIX[kind]})", *cells)
    console.print(kinds)

    if machine.get("contention"):
        busy = Table(title="Ingest beside one CPU-bound process (target: about 2x, not 10x)")
        for column in ("model threads", "alone", "beside it", "ratio"):
            busy.add_column(column, justify="left" if column == "model threads" else "right")
        for label, row in machine["contention"].items():
            busy.add_row(
                label, f"{row['idle_s']:.1f} s", f"{row['busy_s']:.1f} s", f"{row['ratio']:.2f}x"
            )
        console.print(busy)


def write_json(path: str, machine: dict[str, Any], results: list[SizeResult]) -> None:
    text = json.dumps({"machine": machine, "results": [r.as_dict() for r in results]}, indent=2)
    if path == "-":
        print(text)
    else:
        Path(path).write_text(text + "\n", encoding="utf-8")


# -- main --------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000], help="resume counts")
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic resumes")
    parser.add_argument(
        "--threads",
        type=int,
        metavar="N",
        help="BLAS and torch threads for the model (default: one per core)",
    )
    parser.add_argument(
        "--no-embed-alone",
        action="store_true",
        help="skip embedding the texts again alone (halves a large run; the ratio to the "
        "embedding time inside the run is still printed)",
    )
    parser.add_argument(
        "--contention",
        type=int,
        metavar="N",
        help="also ingest N resumes alone and beside one CPU-bound process, and compare",
    )
    parser.add_argument(
        "--json", nargs="?", const="-", metavar="PATH", help="write results as JSON ('-': stdout)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    quiet = args.json == "-"

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    settings = Settings()
    embedder = MiniLMEmbedder(settings.embedding_batch_size, settings.embedding_precision)
    if args.threads:
        from threadpoolctl import threadpool_limits

        threadpool_limits(args.threads)
        if embedder.chosen == "bf16":
            import torch

            torch.set_num_threads(args.threads)
    machine = machine_info()
    log("loading and warming up the model ...")
    warm_up(embedder)
    # Which precision the embedder chose here, and what each would do on this CPU.
    machine["embedding_precision"] = f"{settings.embedding_precision} -> {embedder.chosen}"
    speeds = MiniLMEmbedder(settings.embedding_batch_size, "fp32").time_both()
    machine["embedding_texts_per_s"] = {k: round(v, 1) for k, v in speeds.items()}
    results = [
        run_size(n, embedder, args.seed, log, embed_again=not args.no_embed_alone)
        for n in args.sizes
    ]
    if args.contention:
        machine["contention"] = contention(args.contention, embedder, args.seed, log)
    machine["load_average_at_end"] = machine_info()["load_average"]
    if not quiet:
        print_tables(machine, results)
    if args.json:
        write_json(args.json, machine, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
