"""The folder of original PDFs: names from ids and hashes only, atomic replacement, removal."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.originals import Originals
from assistant.settings import Settings

RID = "r-" + "a" * 20
OTHER = "r-" + "b" * 20
H1, H2 = "1" * 64, "2" * 64


@pytest.mark.parametrize(
    ("resume_id", "content_hash"),
    [
        ("../../etc/passwd", H1),
        ("r-" + "a" * 19, H1),
        (RID, "../" + "1" * 61),
        (RID, "A" * 64),
        (RID + "\n", H1),
        ("Resume.pdf", H1),
    ],
)
def test_names_come_only_from_ids_and_hashes(
    tmp_path: Path, resume_id: str, content_hash: str
) -> None:
    with pytest.raises(ValueError):
        Originals(tmp_path).path(resume_id, content_hash)


def test_save_replaces_the_old_version_and_remove_and_prune_delete(tmp_path: Path) -> None:
    originals = Originals(tmp_path / "kept")
    originals.save(RID, H1, b"%PDF one")
    originals.save(OTHER, H1, b"%PDF other")
    (tmp_path / "kept" / f".{RID}.x1y2.partial").write_bytes(b"%PDF half")  # a write cut off

    new = originals.save(RID, H2, b"%PDF two")

    assert originals.versions(RID) == [new] and new.read_bytes() == b"%PDF two"
    assert originals.remove([RID]) == 1
    assert sorted(p.name for p in (tmp_path / "kept").iterdir()) == [f"{OTHER}.{H1}.pdf"]
    assert originals.prune([RID]) == 1  # OTHER is no longer stored
    assert list((tmp_path / "kept").iterdir()) == []
    assert Originals(tmp_path / "never-made").remove([RID]) == 0


@pytest.mark.parametrize(
    ("fields", "folder"),
    [
        ({}, "store/originals"),
        ({"collection_prefix": "team-b"}, "store/originals/team-b"),
        ({"originals_path": "elsewhere"}, "elsewhere"),
    ],
)
def test_the_folder_follows_the_settings(fields: dict[str, str], folder: str) -> None:
    settings = Settings(store_path=Path("store"), **fields)
    assert Originals.from_settings(settings).folder == Path(folder)
