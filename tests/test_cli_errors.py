"""What goes wrong around the command lines gets one line saying what to fix and exit status 2,
never a traceback; what does not need the broken part keeps working. Each case runs the real
CLI in a subprocess with its own environment and its own copy of a small store."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from assistant.settings import Settings
from assistant.store import open_store
from ingest.pipeline import Ingestor, SourceFile
from tests.conftest import ROOT, HashingEmbedder

ADA = "Ada Quint\nada@example.com\n\nSkills\nPython, Kubernetes, Terraform\n"
BRAM = "Bram Oyelaran\nbram@example.org\n\nExperience\n- Ran Kafka clusters at Bluefin\n"
NO_TORCH = (
    "import sys\n"
    "from assistant.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "heavy = ('torch', 'sentence_transformers', 'langchain_core')\n"
    "heavy = sorted(m for m in heavy if m in sys.modules)\n"
    "print('heavy modules:', heavy, file=sys.stderr)\n"
    "raise SystemExit(code)\n"
)


def closed_port() -> int:
    """A port nothing listens on: bound for a moment by us, then released."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def filled_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding two invented resumes (written with the fast fake embedder; the cases
    ask keyword questions, which never embed)."""
    path = tmp_path_factory.mktemp("filled") / "store"
    settings = Settings(store_path=path)
    embedder = HashingEmbedder()
    store = open_store(settings, embedder)
    files = [SourceFile("ada.txt", data=ADA.encode()), SourceFile("bram.txt", data=BRAM.encode())]
    report = Ingestor(store, embedder, settings).ingest(files)
    assert report.count("ingested") == 2
    return path


@dataclass
class Case:
    id: str
    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    code: int = 2
    err: str = ""  # stderr contains it
    out: str = ""  # stdout contains it
    read_only: bool = False
    tty: bool = False


CASES = [
    Case(
        "bad-setting-assistant",
        ["assistant", "candidates"],
        {"RECRUITER_ANSWER_MODE": "fancy"},
        err="error: bad setting RECRUITER_ANSWER_MODE=fancy: Input should be 'auto' or "
        "'extractive'; fix it in the environment or .env, or unset it for the default",
    ),
    Case(
        "bad-setting-ingest",
        ["ingest", "{folder}"],
        {"RECRUITER_ANSWER_MODE": "fancy"},
        err="error: bad setting RECRUITER_ANSWER_MODE=fancy",
    ),
    Case(
        "bad-setting-screen",
        ["assistant", "screen", "{job}"],
        {"RECRUITER_ANSWER_MODE": "fancy"},
        err="error: bad setting RECRUITER_ANSWER_MODE=fancy",
    ),
    Case(
        "hidden-file-in-folder",
        ["ingest", "{folder}"],
        code=1,
        out="SKIPPED  .draft.txt: hidden file (name starts with '.'); name it to ingest it",
    ),
    Case(
        "markup-in-folder-path",
        ["ingest", "{markup}"],
        code=1,
        out="Done: 0 ingested, 0 unchanged, 1 failed, 1 skipped.",
    ),
    Case(
        "markup-in-folder-path-with-bar",
        ["ingest", "{markup}"],
        code=1,
        out="SKIPPED  [bold]notes.xyz: not a resume file type (.xyz)",
        tty=True,
    ),
    Case(
        "closed-chroma-server-assistant",
        ["assistant", "candidates"],
        {"RECRUITER_CHROMA_HOST": "127.0.0.1", "RECRUITER_CHROMA_PORT": "{port}"},
        err="error: cannot reach the Chroma server at 127.0.0.1:{port}",
    ),
    Case(
        "closed-chroma-server-ingest",
        ["ingest", "{folder}"],
        {"RECRUITER_CHROMA_HOST": "127.0.0.1", "RECRUITER_CHROMA_PORT": "{port}"},
        err="error: cannot reach the Chroma server at 127.0.0.1:{port}",
    ),
    Case(
        "closed-chroma-server-ask",
        ["assistant", "ask", "Who knows Python?", "--no-llm"],
        {"RECRUITER_CHROMA_HOST": "127.0.0.1", "RECRUITER_CHROMA_PORT": "{port}"},
        err="error: cannot reach the Chroma server at 127.0.0.1:{port}",
    ),
    # A read-only store still answers, from a temporary copy; what would change it is refused.
    Case(
        "read-only-store-candidates",
        ["assistant", "candidates"],
        code=0,
        err="note: the store {store} is read-only; answering from a temporary copy of it",
        out="Ada Quint",
        read_only=True,
    ),
    Case(
        "read-only-store-ask",
        ["assistant", "ask", "Who knows Python?", "--no-llm"],
        code=0,
        err="note: the store {store} is read-only; answering from a temporary copy of it",
        out="Python",
        read_only=True,
    ),
    Case(
        "read-only-store-remove",
        ["assistant", "remove", "ada.txt"],
        err="error: the store {store} is read-only, and Chroma writes to its database even to "
        "read it",
        read_only=True,
    ),
    Case(
        "read-only-store-ingest",
        ["ingest", "{folder}"],
        err="error: the store {store} is read-only, and Chroma writes to its database even to "
        "read it",
        read_only=True,
    ),
    Case(
        "unknown-model-candidates",
        ["assistant", "candidates"],
        {"RECRUITER_LLM": "nonexistent:model"},
        code=0,
        out="Ada Quint",
    ),
    Case(
        "unknown-model-remove",
        ["assistant", "remove", "Bram Oyelaran"],
        {"RECRUITER_LLM": "nonexistent:model"},
        code=0,
        out="Removed bram.txt: 1 resume record(s)",
    ),
    Case(
        "unknown-model-ask-no-llm",
        ["assistant", "ask", "Who knows Python?", "--no-llm"],
        {"RECRUITER_LLM": "nonexistent:model"},
        code=0,
        out="Ada Quint",
    ),
    Case(
        "unknown-model-split",
        ["assistant", "split", "ada.txt"],
        {"RECRUITER_LLM": "nonexistent:model"},
        code=0,
        out="ada.txt now stands alone.",
    ),
    Case(
        "unknown-model-screen",
        ["assistant", "screen", "{job}"],
        {"RECRUITER_LLM": "nonexistent:model"},
        code=0,
        err="the rubric is read from the posting's structure",
        out="**Ada Quint**",
    ),
    Case(
        "unknown-model-ask",
        ["assistant", "ask", "Who knows Python?"],
        {"RECRUITER_LLM": "nonexistent:model"},
        err="error: Cannot use model 'nonexistent:model'",
    ),
]


@pytest.fixture
def scratch(tmp_path: Path, filled_store: Path) -> Iterator[dict[str, str]]:
    store = tmp_path / "store"
    shutil.copytree(filled_store, store)
    folder = tmp_path / "resumes"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / ".draft.txt").write_text("Ada Quint\n")
    job = tmp_path / "job.md"
    job.write_text("Platform Engineer\nMust have: Kubernetes; Python.\n")
    markup = tmp_path / "we[/b]ird"
    markup.mkdir(parents=True)
    (markup / "empty.txt").write_text("")
    (markup / "[bold]notes.xyz").write_text("x")
    yield {"store": str(store), "folder": str(folder), "markup": str(markup), "job": str(job)}
    for path in [store, *store.rglob("*")]:  # let tmp_path be cleaned up after a read-only case
        path.chmod(path.stat().st_mode | stat.S_IWUSR)


def read_only_prefix() -> list[str]:
    """How to run a process that cannot write a read-only folder: as root, without the
    capabilities that let root write anything."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    prefix = [setpriv or "setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
    if setpriv is None or subprocess.run([*prefix, "true"], capture_output=True).returncode:
        pytest.skip("root that cannot drop its capabilities: a read-only folder cannot be made")
    return prefix


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_cli_errors(case: Case, scratch: dict[str, str]) -> None:
    values = {**scratch, "port": str(closed_port())}
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RECRUITER_", "TTY_"))}
    env.pop("FORCE_COLOR", None)
    env["RECRUITER_STORE_PATH"] = scratch["store"]
    env.update({k: v.format(**values) for k, v in case.env.items()})
    if case.tty:
        env["TTY_COMPATIBLE"] = "1"  # rich draws its progress bar as on a terminal
    prefix: list[str] = []
    if case.read_only:
        prefix = read_only_prefix()
        store = Path(scratch["store"])
        for path in [*store.rglob("*"), store]:
            path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    args = [a.format(**values) for a in case.args]
    done = subprocess.run(
        [*prefix, sys.executable, "-m", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert done.returncode == case.code, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    assert case.err.format(**values) in done.stderr
    assert case.out.format(**values) in done.stdout
    if case.code == 2:
        assert done.stderr.strip().count("\n") == 0  # one line
        assert done.stdout == ""


def test_candidates_and_keyword_questions_import_neither_the_embedding_model_nor_langchain(
    filled_store: Path,
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECRUITER_")}
    env["RECRUITER_STORE_PATH"] = str(filled_store)
    for args in (["candidates"], ["ask", "Who knows Python?", "--no-llm"]):
        done = subprocess.run(
            [sys.executable, "-c", NO_TORCH, *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        assert "Ada Quint" in done.stdout
        assert "heavy modules: []" in done.stderr
