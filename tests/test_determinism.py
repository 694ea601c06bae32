"""The same store and the same question give the same answer, whatever the Python hash seed.

Set and dict iteration order of strings changes with PYTHONHASHSEED, so any ranking that
breaks ties by the order it met candidates, or any text built from a set, shows up here as two
different answers. Each run is a real process with its own seed that calls the command lines'
own ``main`` (with the fast fake embedder, so one process answers every question instead of
loading the model once per question).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.settings import Settings
from assistant.store import open_store
from ingest.pipeline import Ingestor, collect
from tests.conftest import ROOT, SAMPLE_RESUMES, HashingEmbedder

SEEDS = ("0", "1", "4242")

# Invented people. Noor and Teo share their skill line word for word (a tie on every keyword
# question about it); Ines shares one of their skills.
TIED = {
    "noor_vance.txt": "Noor Vance\nnoor.vance@example.com\n\nSkills\nElixir, Haskell, Terraform, "
    "Kubernetes\n\nExperience\nPlatform Engineer, Quillon Labs (2019 - present)\n",
    "teo_barros.txt": "Teo Barros\nteo.barros@example.org\n\nSkills\nElixir, Haskell, Terraform, "
    "Kubernetes\n\nExperience\nPlatform Engineer, Quillon Labs (2019 - present)\n",
    "ines_arroyo.md": "# Ines Arroyo\nines@example.net\n\n## Skills\n- Elixir, Erlang\n\n"
    "## Languages\nSpanish (native), English (fluent)\n",
}

JOB = """Platform Engineer
Must have: Kubernetes; Terraform; Python.
Nice to have: Go, Elixir, Prometheus.
"""

PASTED = "Data Engineer\nRequirements:\n- Python\n- SQL\n- Airflow\nNice to have:\n- Spark\n"

# One row per kind of question: (command line, stdin for `chat`).
RUNS: list[tuple[list[str], str]] = [
    (["candidates", "--json"], ""),
    (["ask", "--json", "--no-llm", "Tell me about experience with data pipelines"], ""),
    (["ask", "--json", "--no-llm", "Tell me about Haskell work"], ""),
    (["ask", "--json", "--no-llm", "Anything on functional programming?"], ""),
    (["ask", "--json", "--no-llm", "Who has Kubernetes experience?"], ""),
    (["ask", "--json", "--no-llm", "Who knows Elixir and Haskell?"], ""),
    (["ask", "--json", "--no-llm", "Who knows Elixir or Go?"], ""),
    (["ask", "--json", "--no-llm", "How many candidates know Python?"], ""),
    (["ask", "--json", "--no-llm", "Compare Noor Vance and Teo Barros"], ""),
    (["ask", "--json", "--no-llm", "List the candidates who speak Spanish"], ""),
    (["ask", "--json", "--no-llm", "Who knows Python but not Java?"], ""),
    (["ask", "--json", "--no-llm", "Who knows Terraform except Noor Vance?"], ""),
    (["ask", "--json", "--no-llm", "What is Priyanka Iyer's email?"], ""),
    (["ask", "--json", "--no-llm", "Where did Marisol Vega study?"], ""),
    (["ask", "--json", "--no-llm", "Who has a PhD?"], ""),
    (["ask", "--json", "--no-llm", "Who worked at Quillon Labs?"], ""),
    (["ask", "--json", "--no-llm", "Who has 5+ years of Python?"], ""),
    (["ask", "--json", "--no-llm", "Who holds a certification?"], ""),
    (["ask", "--json", "--no-llm", PASTED], ""),
    (["ask", "--no-llm", "Who knows Elixir?"], ""),
    (
        ["chat", "--json", "--no-llm"],
        "Who has Terraform experience?\nWhich of them is the most senior?\n"
        "Which of them know Haskell?\nWhat are their emails?\nCompare them\n",
    ),
    (["screen", "{job}", "--json"], ""),
    (["screen", "{job}", "--csv", "--blind"], ""),
    (["screen", "{job}"], ""),
]

# Runs the commands in one process: the embedder of both command lines is the fake one.
DRIVER = """
import io, json, sys
import assistant.service, ingest.cli
from tests.conftest import HashingEmbedder
assistant.service.MiniLMEmbedder = ingest.cli.MiniLMEmbedder = lambda *a, **k: HashingEmbedder()
from assistant.cli import main
for argv, stdin in json.loads(sys.argv[1]):
    sys.stdin = io.StringIO(stdin)
    print("$", *argv, flush=True)
    if argv[0] == "ingest":
        code = ingest.cli.main(argv[1:])
    else:
        code = main(argv)
    print("exit", code, flush=True)
"""


def run(seed: str, store: Path, runs: list[tuple[list[str], str]]) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECRUITER_")}
    env.update(PYTHONHASHSEED=seed, RECRUITER_STORE_PATH=str(store))
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, json.dumps(runs)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SAMPLE_RESUMES, folder / "sample")
    for name, text in TIED.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "job.md").write_text(JOB, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built_store(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> Path:
    path = tmp_path_factory.mktemp("det") / "store"
    settings = Settings(store_path=path)
    embedder = HashingEmbedder()
    files, _ = collect([corpus / "sample", *(corpus / name for name in TIED)])
    report = Ingestor(open_store(settings, embedder), embedder, settings).ingest(files)
    assert not report.failed, report.failed
    return path


def sections(output: str) -> dict[str, str]:
    """The output of each command, by its command line, for a readable diff on failure."""
    found: dict[str, str] = {}
    for block in ("\n" + output).split("\n$ ")[1:]:
        command, _, body = block.partition("\n")
        found[command] = body
    return found


def test_the_same_store_answers_the_same_under_every_hash_seed(
    built_store: Path, corpus: Path, tmp_path: Path
) -> None:
    runs = [([a.format(job=corpus / "job.md") for a in argv], stdin) for argv, stdin in RUNS]
    outputs = []
    for seed in SEEDS:
        store = tmp_path / f"store-{seed}"  # a copy each: opening a store may write to it
        shutil.copytree(built_store, store)
        outputs.append(sections(run(seed, store, runs)))
    assert len(outputs[0]) == len(RUNS)
    assert all("exit 0" in body for body in outputs[0].values()), outputs[0]
    for other in outputs[1:]:
        for command, body in outputs[0].items():
            assert other[command] == body, command


def test_ingesting_under_another_hash_seed_builds_the_same_candidates(
    corpus: Path, tmp_path: Path
) -> None:
    runs = [(["ingest", str(corpus / "sample"), *(str(corpus / n) for n in TIED)], "")]
    runs += [(["candidates", "--json"], ""), (["screen", str(corpus / "job.md"), "--json"], "")]
    first, second = (sections(run(seed, tmp_path / seed, runs)) for seed in ("3", "17"))
    assert "Done: 21 ingested" in next(iter(first.values()))
    assert first == second


@pytest.mark.parametrize(
    "args",
    [
        ["ask", "--json", "--no-llm", "Who knows Elixir?"],
        ["ask", "--no-llm", "Who knows Terraform but not Python?"],
        ["candidates"],
    ],
)
def test_the_command_line_itself_answers_the_same_under_two_hash_seeds(
    args: list[str], built_store: Path, tmp_path: Path
) -> None:
    """Keyword questions never embed, so `python -m assistant` runs as a user runs it."""
    outputs = []
    for seed in ("0", "1"):
        store = tmp_path / seed
        shutil.copytree(built_store, store)
        env = {k: v for k, v in os.environ.items() if not k.startswith("RECRUITER_")}
        env.update(PYTHONHASHSEED=seed, RECRUITER_STORE_PATH=str(store))
        done = subprocess.run(
            [sys.executable, "-m", "assistant", *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert "Noor Vance" in outputs[0]
    assert outputs[0] == outputs[1]
