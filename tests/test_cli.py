"""The command lines end to end on sample_docs, as a user runs them (real model, real store)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_RESUMES


def run(
    args: list[str], env: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
    )


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    store = tmp_path_factory.mktemp("cli-store")
    environment = {k: v for k, v in os.environ.items() if not k.startswith("RECRUITER_")}
    environment["RECRUITER_STORE_PATH"] = str(store)
    done = run(["ingest", str(SAMPLE_RESUMES)], environment)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Done: 18 ingested, 0 unchanged, 0 failed." in done.stdout
    return environment


def test_ingesting_again_changes_nothing(env: dict[str, str]) -> None:
    again = run(["ingest", str(SAMPLE_RESUMES)], env)
    assert again.returncode == 0
    assert "Done: 0 ingested, 18 unchanged, 0 failed." in again.stdout


def test_ask_json_shape_and_citations_match_the_files(env: dict[str, str]) -> None:
    done = run(["assistant", "ask", "--json", "Which candidates know Terraform?"], env)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert set(payload) == {"question", "answer", "citations"}
    assert payload["citations"]
    for c in payload["citations"]:
        assert set(c) == {"n", "candidate", "source", "page", "line_start", "line_end", "text"}
        assert f"[{c['n']}]" in payload["answer"]
        path = SAMPLE_RESUMES / c["source"]
        if path.suffix in (".txt", ".md"):
            assert c["page"] is None
            file_lines = path.read_text(encoding="utf-8").split("\n")
            assert c["text"] == "\n".join(file_lines[c["line_start"] - 1 : c["line_end"]])
        if path.suffix == ".pdf":
            assert c["page"] >= 1


def test_chat_keeps_the_conversation(env: dict[str, str]) -> None:
    done = run(
        ["assistant", "chat", "--json"],
        env,
        stdin="Summarize Marisol Vega's background\nWhere did she study?\n",
    )
    assert done.returncode == 0, done.stderr
    first, second = (json.loads(line) for line in done.stdout.strip().splitlines())
    assert {c["candidate"] for c in first["citations"]} == {"Marisol Vega"}
    assert {c["candidate"] for c in second["citations"]} == {"Marisol Vega"}
    assert any(c["page"] == 2 for c in second["citations"])  # education is on page 2


def test_candidates_and_remove(env: dict[str, str]) -> None:
    listing = run(["assistant", "candidates", "--json"], env)
    people = json.loads(listing.stdout)
    assert len(people) == 17
    jamal = next(p for p in people if p["name"] == "Jamal Washington")
    assert sorted(jamal["sources"]) == ["jamal_washington.md", "jamal_washington_onepage.pdf"]
    removed = run(["assistant", "remove", "Jamal Washington"], env)
    assert removed.returncode == 0
    assert "jamal_washington.md" in removed.stdout
    after = json.loads(run(["assistant", "candidates", "--json"], env).stdout)
    assert len(after) == 16
    missing = run(["assistant", "remove", "Nobody Here"], env)
    assert missing.returncode == 1
    restored = run(["ingest", str(SAMPLE_RESUMES)], env)
    assert "Done: 2 ingested, 16 unchanged, 0 failed." in restored.stdout


def test_plain_output_prints_citations(env: dict[str, str], tmp_path: Path) -> None:
    done = run(["assistant", "ask", "What is Priyanka Iyer's email?"], env)
    assert "priyanka.iyer@example.com" in done.stdout
    assert "priyanka_iyer.txt, line" in done.stdout


JOB = """Platform Engineer
Must have: Kubernetes; Terraform; Python.
Nice to have: Go, Prometheus.
"""


def test_screen_ranks_with_cited_cells_and_an_editable_rubric(
    env: dict[str, str], tmp_path: Path
) -> None:
    job = tmp_path / "job.md"
    job.write_text(JOB, encoding="utf-8")
    saved = tmp_path / "rubric.json"
    done = run(["assistant", "screen", str(job), "--json", "--save-rubric", str(saved)], env)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert [(c["id"], c["text"], c["mode"]) for c in payload["rubric"]] == [
        ("c1", "Kubernetes", "must"),
        ("c2", "Terraform", "must"),
        ("c3", "Python", "must"),
        ("c4", "Go", "nice"),
        ("c5", "Prometheus", "nice"),
    ]
    rows = payload["rows"]
    assert len(rows) == 17  # every candidate (two files of one person are one row)
    assert rows[0]["candidate"] == "Anika Sharma"
    assert rows[0]["sources"] == ["anika_sharma.md"] and rows[0]["gates_passed"] is True
    assert rows[0]["why"].startswith(f"{rows[0]['points']:g} points: meets")
    assert [r["points"] for r in rows] == sorted((r["points"] for r in rows), reverse=True)
    for cell in rows[0]["cells"][:2]:
        assert cell["verdict"] == "meets"
        for quote in cell["citations"]:
            lines = (SAMPLE_RESUMES / quote["source"]).read_text(encoding="utf-8").splitlines()
            stored = "\n".join(lines[quote["line_start"] - 1 : quote["line_end"]])
            assert stored == quote["text"]
    again = run(["assistant", "screen", str(job), "--json"], env)
    assert json.loads(again.stdout) == payload  # the same input, the same matrix

    rubric = json.loads(saved.read_text(encoding="utf-8"))
    rubric["criteria"] = [c for c in rubric["criteria"] if c["text"] != "Kubernetes"]
    saved.write_text(json.dumps(rubric), encoding="utf-8")
    edited = run(["assistant", "screen", str(job), "--rubric", str(saved), "--csv"], env)
    assert edited.returncode == 0, edited.stderr
    header = edited.stdout.splitlines()[0]
    assert header == "rank,candidate,points,gates_passed,why,Terraform,Python,Go,Prometheus"


def test_screen_blind_hides_names_and_contacts(env: dict[str, str], tmp_path: Path) -> None:
    job = tmp_path / "job.txt"
    job.write_text(JOB, encoding="utf-8")
    people = json.loads(run(["assistant", "candidates", "--json"], env).stdout)
    for args in (["--md", "--top", "3"], ["--json"], ["--csv"]):
        done = run(["assistant", "screen", str(job), "--blind", *args], env)
        assert done.returncode == 0, done.stderr
        out = done.stdout.lower()
        for person in people:
            for word in person["name"].split():
                if len(word) > 2:
                    assert not re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", out), word
            for contact in [person["email"], person["phone"], *person["links"]]:
                if contact:
                    assert contact.lower() not in out, contact
            for source in person["sources"]:
                assert source.lower() not in out
    table = run(["assistant", "screen", str(job), "--md", "--blind", "--top", "3"], env)
    lines = table.stdout.splitlines()
    assert len(lines) == 2 + 3 and "| 1 | Candidate 1 |" in lines[2]


def test_screen_reports_an_unreadable_posting(env: dict[str, str], tmp_path: Path) -> None:
    broken = tmp_path / "job.pdf"
    broken.write_bytes(b"%PDF-1.7 not really")
    done = run(["assistant", "screen", str(broken)], env)
    assert done.returncode == 2
    assert done.stderr.startswith("error: ")
    empty = tmp_path / "empty.txt"
    empty.write_text("We are a friendly team.\n", encoding="utf-8")
    done = run(["assistant", "screen", str(empty)], env)
    assert done.returncode == 2
    assert "no requirements found" in done.stderr
