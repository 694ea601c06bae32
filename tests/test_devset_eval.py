"""The devset evaluation's floors, on scored figures made up here (the devset itself is never
read by ``make test``)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.devset_eval import check_floor


def _scored(**types: float | None) -> dict[str, Any]:
    return {
        "summary": {"recall": 0.9, "precision": 0.8, "negatives_ok": 12},
        "types": {t: {"recall": r} for t, r in types.items()},
    }


@pytest.mark.parametrize(
    ("floors", "failures"),
    [
        ({"recall": 0.85, "negatives_ok": 12}, []),
        ({"recall": 0.95}, ["recall 0.9 is below the floor 0.95"]),
        ({"negatives_ok": 13}, ["negatives_ok 12 is below the floor 13"]),
        # the lowest type decides; a type with no recall (questions expecting nobody) is skipped
        ({"type_recall": 0.7}, []),
        ({"type_recall": 0.75}, ["paraphrase recall 0.72 is below the floor 0.75"]),
    ],
)
def test_floors(floors: dict[str, float], failures: list[str]) -> None:
    scored = _scored(lookup=0.97, paraphrase=0.72, negative=None)
    assert check_floor(scored, floors) == failures
