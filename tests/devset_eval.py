"""Runs an independent labeled devset through the product and scores it with the devset's own
``score.py``: ``python -m tests.devset_eval [--devset DIR] [--floor recall=0.4 ...]``.

The devset (by default ``../shared/devset`` beside the checkout) holds resumes, labeled questions
and a scorer that the product's authors did not write. This script ingests its resumes into a
scratch store, asks every question (conversations turn by turn, in one conversation each), writes
the answers in the scorer's JSONL shape and prints the scorer's by-type table. It then splits the
items into two halves by position (even: the half to tune on; odd: the half to check on) and
prints both, because a rule that fits the devset word for word does not generalise.

With ``--floor``, the exit status is 1 when a summary figure of all items is below its floor
(``type_recall``: the recall of the question type that scores lowest).
It is never run by ``make test``: a fresh clone has no devset beside it.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from assistant.embeddings import MiniLMEmbedder
from assistant.models import Conversation
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.store import open_store
from ingest.pipeline import Ingestor, collect, refresh_profiles

DEFAULT_DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset"
# The scorer's summary figures, and the lowest recall of any question type ("type_recall": no
# type of question may fall behind however well the others do).
FIGURES = ("recall", "precision", "evidence", "citation_validity", "negatives_ok", "type_recall")


def load_scorer(devset: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("devset_score", devset / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py in {devset}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ingest_devset(devset: Path, scratch: Path) -> Assistant:
    """The devset's resumes in a store under ``scratch`` (files already there with the same
    content are skipped), and an assistant over it."""
    settings = Settings(store_path=scratch / "chroma", llm=None)
    embedder = MiniLMEmbedder(settings.embedding_batch_size, settings.embedding_precision)
    store = open_store(settings, embedder)
    files, _ = collect([devset / "resumes"])
    refresh_profiles(store)  # as `python -m ingest` does: a kept store gets today's extractors
    report = Ingestor(store, embedder, settings).ingest(files)
    for outcome in report.failed:
        print(f"ingest failed: {outcome.source}: {outcome.reason}", file=sys.stderr)
    return Assistant(settings, store=store, embedder=embedder)


def answer_all(assistant: Assistant, spec: dict[str, Any]) -> list[dict[str, Any]]:
    """One scorer row per question and per conversation turn, with its position."""
    rows: list[dict[str, Any]] = []
    position = 0
    for item in spec["questions"]:
        answer = assistant.ask(item["q"], Conversation(), use_llm=False)
        rows.append({"id": item["id"], "position": position, **answer.public()})
        position += 1
    for conv in spec.get("conversations", []):
        conversation = Conversation()
        for turn, item in enumerate(conv["turns"]):
            answer = assistant.ask(item["q"], conversation, use_llm=False)
            rows.append({"id": conv["id"], "turn": turn, "position": position, **answer.public()})
        position += 1  # a conversation is one unit: its turns stay in the same half
    return rows


def halves(scorer: ModuleType, devset: Path, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The scorer's summary of the even-position items, the odd ones and all of them."""
    ds = scorer.Devset(devset)
    answers = {(r["id"], r.get("turn")): r for r in rows}
    position = {(r["id"], r.get("turn")): r["position"] for r in rows}
    scored = {"even": [], "odd": [], "all": []}  # type: dict[str, list[dict[str, Any]]]
    for item in ds.items:
        key = (item["id"], item["key"][1])
        row = scorer.score_item(ds, item, answers.get(key))
        scored["all"].append(row)
        scored["even" if position.get(key, 0) % 2 == 0 else "odd"].append(row)
    return {name: _by_type(scorer, items) for name, items in scored.items()}


def _by_type(scorer: ModuleType, rows: list[dict[str, Any]]) -> dict[str, Any]:
    types: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        types.setdefault(row["type"], []).append(row)
    return {
        "summary": scorer.aggregate(rows),
        "types": {t: scorer.aggregate(r) for t, r in sorted(types.items())},
    }


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.2f}"


def print_halves(result: dict[str, Any]) -> None:
    print(f"\n{'type':12} {'half':5} {'n':>4} {'recall':>7} {'prec':>7} {'evid':>7} {'neg_ok':>7}")
    types = sorted(result["all"]["types"])
    for kind in [*types, "ALL"]:
        for half in ("even", "odd"):
            agg = result[half]["summary"] if kind == "ALL" else result[half]["types"].get(kind)
            if agg is None:
                continue
            negs = f"{agg['negatives_ok']}/{agg['negatives']}" if agg["negatives"] else "-"
            print(
                f"{kind:12} {half:5} {agg['questions']:>4} {_fmt(agg['recall']):>7} "
                f"{_fmt(agg['precision']):>7} {_fmt(agg['evidence']):>7} {negs:>7}"
            )


def check_floor(scored: dict[str, Any], floors: dict[str, float]) -> list[str]:
    """The figures of ``scored`` (one half's or all items' summary and types, as
    :func:`halves` gives them) that are below their floors, said in words."""
    failures = []
    for name, floor in floors.items():
        if name == "type_recall":
            types = scored["types"].items()
            recalls = {t: a["recall"] for t, a in types if a["recall"] is not None}
            kind = min(recalls, key=lambda t: recalls[t]) if recalls else None
            value = recalls[kind] if kind else None
            if value is None or value < floor:
                failures.append(f"{kind} recall {value} is below the floor {floor}")
            continue
        value = scored["summary"].get(name)
        if value is None or value < floor:
            failures.append(f"{name} {value} is below the floor {floor}")
    return failures


def _parse_floor(text: str) -> tuple[str, float]:
    name, _, value = text.partition("=")
    if name not in FIGURES or not value:
        raise argparse.ArgumentTypeError(f"--floor takes NAME=VALUE with NAME in {FIGURES}")
    return name, float(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.devset_eval", description=__doc__)
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    parser.add_argument("--out", type=Path, help="keep the answers JSONL here")
    parser.add_argument("--rows", type=Path, help="the scorer's per-question rows (JSON)")
    parser.add_argument("--floor", type=_parse_floor, action="append", default=[])
    parser.add_argument("--quiet", action="store_true", help="only the tables")
    parser.add_argument(
        "--store", type=Path, help="keep the devset's store here and reuse it (faster reruns)"
    )
    args = parser.parse_args(argv)
    devset: Path = args.devset.resolve()
    if not (devset / "questions.json").is_file():
        print(f"no devset at {devset} (questions.json missing)", file=sys.stderr)
        return 2
    scorer = load_scorer(devset)
    spec = json.loads((devset / "questions.json").read_text(encoding="utf-8"))

    with tempfile.TemporaryDirectory(prefix="devset-store-") as scratch:
        started = time.perf_counter()
        assistant = ingest_devset(devset, args.store or Path(scratch))
        ingest_s = time.perf_counter() - started
        started = time.perf_counter()
        rows = answer_all(assistant, spec)
        ask_s = time.perf_counter() - started

    out = args.out or Path(tempfile.mkstemp(prefix="devset-answers-", suffix=".jsonl")[1])
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    command = [sys.executable, str(devset / "score.py"), str(out), "--devset", str(devset)]
    if args.quiet:
        command.append("--by-type")
    if args.rows:
        command += ["--json", str(args.rows)]
    subprocess.run(command, check=True)
    result = halves(scorer, devset, rows)
    print_halves(result)
    print(
        f"\ningested {len(assistant.catalog.resumes)} resumes in {ingest_s:.1f} s; "
        f"{len(rows)} answers in {ask_s:.1f} s; answers: {out}"
    )
    failures = check_floor(result["all"], dict(args.floor))
    for failure in failures:
        print(f"FLOOR: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
