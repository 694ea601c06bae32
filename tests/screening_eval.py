"""Screening against hand labels: ``python -m tests.screening_eval [--devset DIR]``
(``make eval-screening``).

For each labelled job description of the devset (``tests/devset_screening.json``; the postings
themselves are read from the devset's questions.json), the product reads the rubric, screens
every candidate and is compared with the labels:

* must-have cell accuracy over the labelled candidates: "meets" against the label, counting a
  "possible" verdict as met (lenient) and as not met (strict);
* the shortlist (the answer's leading group) against the candidates who meet every must-have:
  recall and precision;
* the same screening run twice gives the same ranking.

Like the devset evaluation, it is never run by ``make test``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from assistant.screening import leaders, read_rubric
from tests.devset_eval import DEFAULT_DEVSET, ingest_devset

LABELS = Path(__file__).with_name("devset_screening.json")


def evaluate(devset: Path, store: Path) -> dict[str, Any]:
    assistant = ingest_devset(devset, store)
    catalog = assistant.catalog
    spec = json.loads((devset / "questions.json").read_text(encoding="utf-8"))
    postings = {q["id"]: q["q"] for q in spec["questions"]}
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    owner = {r.source: r.candidate_id for r in catalog.resumes.values()}
    results = []
    for jd in labels["jds"]:
        rubric = read_rubric(postings[jd["question"]])
        musts = [i for i, c in enumerate(rubric.criteria) if c.mode == "must"]
        read = [rubric.criteria[i].text for i in musts]
        screening = assistant.screener.screen(rubric, catalog)
        again = assistant.screener.screen(rubric, catalog)
        rows = {row.candidate_id: row for row in screening.rows}
        cells = lenient = strict = 0
        wrong = []
        for source, wanted in jd["cells"].items():
            row = rows[owner[source]]
            for label_i, (i, verdict) in enumerate(zip(musts, wanted, strict=False)):
                got = row.cells[i].verdict
                cells += 1
                lenient += (got in ("meets", "possible")) == (verdict == "meets")
                strict += (got == "meets") == (verdict == "meets")
                if (got in ("meets", "possible")) != (verdict == "meets"):
                    wrong.append(f"{source} · {read[label_i]}: {got}, labelled {verdict}")
        shortlist = {r.candidate_id for r in leaders(screening)}
        fits = {owner[f] for f in jd["fits"]}
        hit = len(shortlist & fits)
        results.append(
            {
                "question": jd["question"],
                "musts_read_as_labelled": read == jd["musts"],
                "must_cells": cells,
                "accuracy_lenient": round(lenient / cells, 3),
                "accuracy_strict": round(strict / cells, 3),
                "shortlist_recall": round(hit / len(fits), 3),
                "shortlist_precision": round(hit / len(shortlist), 3) if shortlist else 0.0,
                "same_ranking_twice": [r.candidate_id for r in screening.rows]
                == [r.candidate_id for r in again.rows],
                "wrong_cells": wrong,
            }
        )
    total = sum(r["must_cells"] for r in results)
    return {
        "jds": results,
        "accuracy_lenient": round(
            sum(r["accuracy_lenient"] * r["must_cells"] for r in results) / total, 3
        ),
        "accuracy_strict": round(
            sum(r["accuracy_strict"] * r["must_cells"] for r in results) / total, 3
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.screening_eval", description=__doc__)
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    parser.add_argument("--store", type=Path, help="keep the devset's store here and reuse it")
    args = parser.parse_args(argv)
    if not (args.devset / "questions.json").is_file():
        print(f"no devset at {args.devset}", file=sys.stderr)
        return 2
    if args.store:
        result = evaluate(args.devset.resolve(), args.store)
    else:
        with tempfile.TemporaryDirectory(prefix="screening-eval-") as scratch:
            result = evaluate(args.devset.resolve(), Path(scratch))
    for jd in result["jds"]:
        print(
            f"{jd['question']:22} must cells {jd['must_cells']:3}  accuracy "
            f"{jd['accuracy_lenient']:.3f} (strict {jd['accuracy_strict']:.3f})  shortlist "
            f"recall {jd['shortlist_recall']:.2f} precision {jd['shortlist_precision']:.2f}  "
            f"same ranking twice: {jd['same_ranking_twice']}"
            + ("" if jd["musts_read_as_labelled"] else "  (must-haves read differently)")
        )
        for wrong in jd["wrong_cells"]:
            print(f"    {wrong}")
    print(
        f"ALL must-have cell accuracy {result['accuracy_lenient']:.3f} "
        f"(strict {result['accuracy_strict']:.3f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
