"""resumes -> candidates: one person's files joined by name, contact or near-identical text."""

from __future__ import annotations

from assistant.catalog import Catalog
from assistant.models import Profile
from assistant.service import Assistant
from assistant.store import ChromaStore
from ingest.pipeline import Ingestor, SourceFile, parse_resume, refresh_profiles
from ingest.profile import PROFILE_VERSION

BODY = (
    "Summary\nPlatform engineer who builds paved roads for data teams and keeps them running.\n"
    "Experience\nFjordline — Staff Engineer, Mar 2020 – Present\n"
    "- Rolled out a shared pipeline system for 30 teams and cut onboarding to four days.\n"
    "- Wrote the serving layer with canary rollouts for ninety models at peak load.\n"
)


def test_a_nameless_export_joins_its_named_original_by_text() -> None:
    named = parse_resume("wren.txt", f"Wren Calloway\n{BODY}".encode())
    export = parse_resume("export.md", f"<!-- exported -->\n{BODY}".encode())
    other = parse_resume("tobias.txt", b"Tobias Fenwick\nSummary\nNurse in a busy ICU.\n")
    catalog = Catalog.build([named, export, other])
    assert len(catalog.candidates) == 2
    wren = catalog.candidates[named.candidate_id]
    assert wren.name == "Wren Calloway" and sorted(wren.sources) == ["export.md", "wren.txt"]
    assert "nearly the same text" in wren.merged[0]
    assert {ref.candidate_id for ref in catalog.lines if ref.resume.source == "export.md"} == {
        wren.id
    }


def test_shared_email_joins_and_different_names_never_do() -> None:
    a = parse_resume("a.txt", b"Wren Calloway\nwren@example.org\nSummary\nEngineer.\n")
    b = parse_resume("b.md", b"# cv\nwren@example.org\n## Summary\nBuilds things.\n")
    c = parse_resume("c.txt", b"Tobias Fenwick\nwren@example.org\nSummary\nShared inbox.\n")
    catalog = Catalog.build([a, b, c])
    groups = sorted(sorted(cand.sources) for cand in catalog.candidates.values())
    assert groups == [["a.txt", "b.md"], ["c.txt"]]


def test_a_split_resume_stands_alone() -> None:
    named = parse_resume("wren.txt", f"Wren Calloway\n{BODY}".encode())
    export = parse_resume("export.md", f"<!-- exported -->\n{BODY}".encode())
    catalog = Catalog.build([named, export], detached=[export.id])
    assert len(catalog.candidates) == 2


def test_candidate_shows_current_role_and_location() -> None:
    r = parse_resume("wren.txt", f"Wren Calloway\nBoise, ID\n{BODY}".encode())
    cand = Catalog.build([r]).candidates[r.candidate_id]
    assert (cand.title, cand.employer, cand.location) == (
        "Staff Engineer",
        "Fjordline",
        "Boise, ID",
    )


def test_split_and_undo_through_the_service(ingestor: Ingestor, assistant: Assistant) -> None:
    ingestor.ingest(
        [
            SourceFile("wren.txt", data=f"Wren Calloway\n{BODY}".encode()),
            SourceFile("export.md", data=f"<!-- exported -->\n{BODY}".encode()),
        ]
    )
    assert [sorted(c.sources) for c in assistant.candidates()] == [["export.md", "wren.txt"]]
    assert assistant.split("export.md") == ["export.md"]
    assert sorted(len(c.sources) for c in assistant.candidates()) == [1, 1]
    assert assistant.split("nothing.pdf") == []
    assistant.split("export.md", undo=True)
    assert len(assistant.candidates()) == 1


def test_old_profiles_are_rebuilt_from_stored_lines(
    ingestor: Ingestor, assistant: Assistant, store: ChromaStore
) -> None:
    ingestor.ingest([SourceFile("wren.txt", data=f"Wren Calloway\nBoise, ID\n{BODY}".encode())])
    [stored] = store.load_resumes()
    store.rewrite([stored.model_copy(update={"profile": Profile()})])  # as an old version left it
    assert store.stale_profiles(PROFILE_VERSION) == [stored.id]
    assert assistant.candidates()[0].employer is None
    assert refresh_profiles(store) == 1
    assert store.stale_profiles(PROFILE_VERSION) == []
    [cand] = assistant.candidates()
    assert (cand.employer, cand.location) == ("Fjordline", "Boise, ID")
    assert refresh_profiles(store) == 0
