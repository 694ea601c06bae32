"""Field accuracy of the extracted profiles against hand labels of the shared devset's resumes:
``python -m tests.profile_eval [--devset DIR] [--verbose]`` (``make eval-profiles``).

The labels (``tests/devset_profiles.json``) were written by a person reading each document. The
resumes themselves stay in the devset (``../shared/devset/resumes``); this never runs in
``make test``. Text fields are compared after case and accent folding; an employer also counts
when one of the two names contains the other ("Washington State Department of Transportation"
and "... , Bridge & Structures Office"). Merges are scored from the catalog's candidates: every
labelled pair must be one candidate and no other files may share one.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant import places
from assistant.catalog import Catalog
from assistant.models import Resume
from ingest.pipeline import parse_resume

LABELS = Path(__file__).resolve().parent / "devset_profiles.json"
DEFAULT_DEVSET = Path(__file__).resolve().parents[2] / "shared" / "devset"


def _same(a: str | None, b: str | None) -> bool:
    return places.fold(a or "") == places.fold(b or "")


def _employer_match(got: list[str], want: list[str]) -> bool:
    if len(got) != len(want):
        return False
    folded = [places.fold(g) for g in got]
    return all(any(w in g or g in w for g in folded) for w in map(places.fold, want))


def _location_match(got: Any, want: dict[str, str | None] | None) -> bool:
    if want is None or got is None:
        return want is None and got is None
    same_country = places.country(got.country or "") == places.country(want["country"] or "")
    return _same(got.city, want["city"]) and _same(got.region, want["region"]) and same_country


def _degree(resume: Resume) -> str | None:
    best = resume.profile.highest_degree()
    return best.level if best else None


FIELDS: dict[str, Callable[[Resume, dict[str, Any]], bool]] = {
    "name": lambda r, w: (r.profile.name.value if r.profile.name else None) == w["name"],
    "current employer": lambda r, w: _employer_match(
        [p.employer or "" for p in r.profile.current_positions()], w["current_employers"]
    ),
    "current title": lambda r, w: (
        sorted(places.fold(p.title or "") for p in r.profile.current_positions() if p.title)
        == sorted(places.fold(t) for t in w["current_titles"])
    ),
    "location": lambda r, w: _location_match(r.profile.location, w["location"]),
    "degree level": lambda r, w: _degree(r) == w["degree_level"],
    "spoken languages": lambda r, w: (
        sorted(x.language for x in r.profile.languages) == sorted(w["spoken_languages"])
    ),
}


def merges(resumes: list[Resume], labelled: list[list[str]]) -> tuple[int, int, list[str]]:
    """(labelled pairs merged, false merges, descriptions of the errors)."""
    catalog = Catalog.build(resumes)
    groups = [sorted(c.sources) for c in catalog.candidates.values() if len(c.sources) > 1]
    want = [sorted(pair) for pair in labelled]
    found = sum(1 for pair in want if pair in groups)
    false = [g for g in groups if g not in want]
    errors = [f"missed merge {p}" for p in want if p not in groups]
    errors += [f"false merge {g}" for g in false]
    return found, len(false), errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.profile_eval", description=__doc__)
    parser.add_argument("--devset", type=Path, default=DEFAULT_DEVSET)
    parser.add_argument("--verbose", action="store_true", help="print every wrong field")
    args = parser.parse_args(argv)
    folder = args.devset / "resumes"
    if not folder.is_dir():
        print(f"no devset resumes at {folder}", file=sys.stderr)
        return 2
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    resumes = {name: parse_resume(name, (folder / name).read_bytes()) for name in labels["resumes"]}
    print(f"{'field':18} {'right':>6} {'of':>4} {'accuracy':>9}")
    for field, check in FIELDS.items():
        right = 0
        for name, want in labels["resumes"].items():
            if check(resumes[name], want):
                right += 1
            elif args.verbose:
                print(f"  {field}: {name}: want {_wanted(field, want)}")
        total = len(labels["resumes"])
        print(f"{field:18} {right:>6} {total:>4} {right / total:>9.3f}")
    named = [n for n, w in labels["resumes"].items() if w["name"]]
    invented = [
        n for n, w in labels["resumes"].items() if not w["name"] and resumes[n].profile.name
    ]
    right = sum(FIELDS["name"](resumes[n], labels["resumes"][n]) for n in named)
    print(
        f"named resumes named right: {right}/{len(named)}; "
        f"names invented on name-less resumes: {len(invented)}"
    )
    for section in ("experience", "education"):
        seen = sum(
            any(ln.section == section and not ln.heading and not ln.blank for ln in r.lines)
            for r in resumes.values()
        )
        print(f"{section} section recognised: {seen}/{len(resumes)} resumes")
    found, false, errors = merges(list(resumes.values()), labels["same_person"])
    print(f"duplicate pairs merged: {found}/{len(labels['same_person'])}; false merges: {false}")
    for error in errors:
        print(f"  {error}")
    return 0


def _wanted(field: str, want: dict[str, Any]) -> object:
    key = {
        "current employer": "current_employers",
        "current title": "current_titles",
        "degree level": "degree_level",
        "spoken languages": "spoken_languages",
    }.get(field, field)
    return want.get(key)


if __name__ == "__main__":
    sys.exit(main())
