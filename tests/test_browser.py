"""The browser chat in a real browser: ``streamlit run app.py`` as a subprocess over a copy of the
sample store (real MiniLM), driven by Debian's Chromium through Playwright's sync API.

Needs ``apt-get install -y chromium`` (/usr/bin/chromium) and the ``playwright`` package
(``pip install -c constraints.txt playwright``); Playwright's own browser download is not used.
"""

from __future__ import annotations

import base64
import http.server
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import FilePayload, Locator, Page, expect, sync_playwright

from assistant.embeddings import MiniLMEmbedder
from assistant.models import Citation, Conversation
from assistant.page_images import ALPHA, HIGHLIGHT
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.store import open_store
from ingest.pipeline import Ingestor, SourceFile
from ui.markup import JOINER, anchor

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these Chromium tries to reach Google's servers (refused here).
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
START_TIMEOUT = 90  # seconds until /_stcore/health answers "ok"
STOP_TIMEOUT = 20  # seconds for the app to exit after SIGTERM
PAGE_TIMEOUT = 60_000  # ms for the page to load the model and show the chat input
ANSWER_TIMEOUT = 60_000  # ms for an answer (or an ingest) to be rendered
ACTION_TIMEOUT = 15_000  # ms for clicks, typing and DOM assertions

KUBERNETES = "Who has Kubernetes experience?"
FORTRAN = "Who knows Fortran?"
NEW_PERSON = "Wilhelmina Stroud"
NEW_FILE = "wilhelmina_stroud.txt"
FORTRAN_RESUME = b"""Wilhelmina Stroud
Scientific Programmer
Reading, United Kingdom | wilhelmina.stroud@example.com | +44 555 0198 221

Skills
------
Fortran 77, Fortran 90, MPI, netCDF

Experience
----------
Met Modelling Ltd, Reading
- Ported a Fortran 77 ocean model to MPI.
"""


class StreamlitApp:
    def __init__(
        self, url: str, process: subprocess.Popen[bytes], log: Path, started: float
    ) -> None:
        self.url = url
        self.process = process
        self.log = log
        self.started = started  # time.monotonic() when the process was launched
        self.healthy = started  # ... and when its health check first answered

    def log_tail(self, chars: int = 4000) -> str:
        return self.log.read_text(errors="replace")[-chars:]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_healthy(app: StreamlitApp) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if app.process.poll() is not None:
            pytest.fail(f"streamlit exited with {app.process.returncode}:\n{app.log_tail()}")
        try:
            with urllib.request.urlopen(f"{app.url}/_stcore/health", timeout=2) as response:
                if response.status == 200 and response.read().strip() == b"ok":
                    app.healthy = time.monotonic()
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.25)
    pytest.fail(f"streamlit was not healthy after {START_TIMEOUT} s:\n{app.log_tail()}")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT)


@contextmanager
def launch(store: Path, log: Path) -> Iterator[StreamlitApp]:
    """``streamlit run app.py`` over ``store`` on a free port, until the block ends."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("RECRUITER_")}
    env["RECRUITER_STORE_PATH"] = str(store)
    env["RECRUITER_ANSWER_MODE"] = "extractive"  # as sample_assistant, whatever a .env says
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--browser.gatherUsageStats",
        "false",
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.fileWatcherType",
        "none",  # nothing is edited during the test; watching the tree only costs CPU
    ]
    started = time.monotonic()
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        app = StreamlitApp(f"http://127.0.0.1:{port}", process, log, started)
        wait_until_healthy(app)
        yield app
    finally:
        stop(process)


@pytest.fixture
def streamlit_app(tmp_path: Path, sample_store_path: Path) -> Iterator[StreamlitApp]:
    """The real app on a free port, over its own copy of the sample store (uploads write to it)."""
    store = tmp_path / "store-copy"
    shutil.copytree(sample_store_path, store)
    with launch(store, tmp_path / "streamlit.log") as app:
        yield app


@pytest.fixture
def page() -> Iterator[Page]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.set_default_timeout(ACTION_TIMEOUT)
            yield context.new_page()
        finally:
            browser.close()


# --- helpers ------------------------------------------------------------------------------------


def wait_for_run_to_finish(page: Page) -> None:
    """Wait for the script run in progress (or just finished) to end."""
    expect(page.locator('[data-testid="stApp"]')).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=ANSWER_TIMEOUT
    )


def ask(page: Page, question: str) -> Locator:
    """Type ``question`` into the chat input, press Enter and return the answer's chat message
    once the run that answers it has finished."""
    messages = page.get_by_test_id("stChatMessage")
    before = messages.count()
    chat_input = page.get_by_test_id("stChatInputTextArea")
    chat_input.fill(question)
    chat_input.press("Enter")
    # The question and the answer are two new messages; only the new run can add them.
    expect(messages).to_have_count(before + 2, timeout=ANSWER_TIMEOUT)
    wait_for_run_to_finish(page)
    answer = messages.nth(before + 1)
    expect(answer.get_by_test_id("stChatMessageAvatarAssistant")).to_have_count(1)
    expect(messages.nth(before)).to_contain_text(question)
    return answer


def answer_text(message: Locator) -> str:
    return message.get_by_test_id("stMarkdownContainer").first.inner_text()


def label(citation: Citation) -> str:
    """The label the app shows above a citation, e.g.
    ``[3] Mei-Ling Chen — meiling_chen.pdf, p. 1, line 13``."""
    on_page = f"p. {citation.page}, " if citation.page is not None else ""
    if citation.line_start == citation.line_end:
        lines = f"line {citation.line_start}"
    else:
        lines = f"lines {citation.line_start}–{citation.line_end}"
    return f"[{citation.n}] {citation.candidate} — {citation.source}, {on_page}{lines}"


def citation_labels(message: Locator) -> Locator:
    """The compact source lines under an answer, one link per citation."""
    return message.get_by_test_id("stHtml").locator("a")


def markers(message: Locator) -> Locator:
    """The ``[n]`` links in an answer's text."""
    return message.get_by_test_id("stMarkdownContainer").first.locator('a[href^="#"]')


def viewer_of(message: Locator, source: str, candidate: str) -> Locator:
    return message.locator("details").filter(has_text=f"Open {source} ({candidate})")


def highlighted_rows(viewer: Locator) -> list[tuple[str, str, str]]:
    """(line number, marked text, citation tags) of every highlighted line in a resume viewer."""
    rows: list[list[str]] = viewer.locator("mark").evaluate_all(
        """marks => marks.map(mark => [
            mark.parentElement.previousElementSibling.textContent,
            mark.textContent,
            mark.nextElementSibling ? mark.nextElementSibling.textContent : "",
        ])"""
    )
    return [(number, text, tags) for number, text, tags in rows]


def viewer_rows(viewer: Locator) -> list[tuple[str, str]]:
    """(line number, text) of every line shown in a resume viewer."""
    rows: list[list[str]] = viewer.evaluate(
        """viewer => [...viewer.querySelectorAll("div")]
            .filter(row => row.children.length === 2
                && [...row.children].every(child => child.tagName === "SPAN"))
            .map(row => [row.children[0].textContent,
                (row.children[1].querySelector("mark") || row.children[1]).textContent])"""
    )
    return [(number, text) for number, text in rows]


# --- the test -----------------------------------------------------------------------------------


def test_browser_chat_cites_opens_resumes_and_ingests_uploads(
    streamlit_app: StreamlitApp, page: Page, sample_assistant: Assistant, tmp_path: Path
) -> None:
    page_errors: list[str] = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    everyone = [c.name for c in sample_assistant.candidates()]
    expected = sample_assistant.ask(KUBERNETES, Conversation())
    assert len(expected.candidates) == 4 and expected.citations

    page.goto(streamlit_app.url)
    expect(page.get_by_test_id("stChatInputTextArea")).to_be_visible(timeout=PAGE_TIMEOUT)
    expect(page.get_by_role("heading", name="Recruiter assistant")).to_be_visible()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).to_contain_text(f"Candidates ({len(everyone)})")

    # 1. A question: the answer names the candidates, with citations and the cited resumes.
    message = ask(page, KUBERNETES)

    text = answer_text(message)
    for name in expected.candidates:
        assert name in text, (name, text)
    for name in set(everyone) - set(expected.candidates):
        assert name not in text, (name, text)
    expect(citation_labels(message)).to_have_text([label(c) for c in expected.citations])
    first = expected.citations[0]
    first_label = citation_labels(message).first
    expect(first_label).to_be_visible()
    expect(first_label).to_have_text(
        re.compile(r"^\[1\] .+ — \S+\.\w+, (p\. \d+, )?lines? \d+(–\d+)?$")
    )
    expect(markers(message)).to_have_text([f"[{c.n}]" for c in expected.citations])
    expect(message.get_by_test_id("stCode")).to_have_count(0)  # each quote is shown once

    page.get_by_test_id("stChatMessage").first.scroll_into_view_if_needed()
    page.screenshot(path=tmp_path / "kubernetes-answer.png")

    cited = [c for c in expected.citations if c.source == first.source]
    viewer = viewer_of(message, first.source, first.candidate)
    expect(viewer).to_have_count(1)
    expect(viewer.locator("mark").first).to_be_hidden()  # closed until asked for
    viewer.locator("summary").first.click()
    marks = viewer.locator("mark")
    expect(marks.first).to_be_visible()
    expect(marks.first).to_have_text(first.text.splitlines()[0])
    expected_rows = [
        (str(c.line_start + i), line, f"[{c.n}]")
        for c in cited
        for i, line in enumerate(c.text.splitlines())
    ]
    assert highlighted_rows(viewer) == expected_rows
    # The viewer shows the whole resume, not only the cited lines.
    resume = sample_assistant.resume_for(first.candidate_id, first.source)
    assert resume is not None
    assert viewer_rows(viewer) == [(str(ln.number), ln.text or "\xa0") for ln in resume.lines]
    marks.first.scroll_into_view_if_needed()
    page.screenshot(path=tmp_path / "resume-viewer.png")

    # A [n] marker opens its file's viewer, scrolled to the cited line (the deepest one here).
    deep = max(
        (c for c in expected.citations if c.source != first.source), key=lambda c: c.line_start
    )
    assert deep.line_start > 20, deep  # below the viewer's fold: it has to scroll
    deep_viewer = viewer_of(message, deep.source, deep.candidate)
    expect(deep_viewer).not_to_have_attribute("open", "")
    markers(message).filter(has_text=f"[{deep.n}]").click()
    expect(deep_viewer).to_have_attribute("open", "")
    deep_mark = deep_viewer.locator(f"#{anchor('c0-t0', deep.n)} + mark")
    expect(deep_mark).to_have_text(deep.text.splitlines()[0])
    expect(deep_mark).to_be_in_viewport()
    box_scroll = deep_mark.evaluate("mark => mark.closest('div[style*=overflow]').scrollTop")
    assert box_scroll > 0
    page.screenshot(path=tmp_path / "marker-opened.png")

    # 2. Uploads through the real file input: one resume is added, the empty file is explained.
    sidebar.locator("input[type=file]").set_input_files(
        [
            FilePayload(name=NEW_FILE, mimeType="text/plain", buffer=FORTRAN_RESUME),
            FilePayload(name="empty.txt", mimeType="text/plain", buffer=b""),
        ]
    )
    success = sidebar.get_by_test_id("stAlertContentSuccess")
    expect(success).to_have_text(
        re.compile(rf"{re.escape(NEW_FILE)}: added {NEW_PERSON} \(\d+ lines\)"),
        timeout=ANSWER_TIMEOUT,
    )
    expect(sidebar.get_by_test_id("stAlertContentError")).to_have_text("empty.txt: empty file")
    wait_for_run_to_finish(page)
    expect(sidebar).to_contain_text("Ingested 1 of 2 file(s)")
    expect(sidebar).to_contain_text(f"Candidates ({len(everyone) + 1})")

    # 3. The new resume can be asked about at once (nobody in the sample store knows Fortran).
    assert not sample_assistant.ask(FORTRAN, Conversation()).candidates
    message = ask(page, FORTRAN)

    text = answer_text(message)
    assert NEW_PERSON in text, text
    for name in everyone:
        assert name not in text, (name, text)
    labels = citation_labels(message)
    expect(labels.first).to_contain_text(f"{NEW_PERSON} — {NEW_FILE}, line")
    assert all(f"{NEW_PERSON} — {NEW_FILE}, line" in lbl for lbl in labels.all_inner_texts())
    expect(viewer_of(message, NEW_FILE, NEW_PERSON)).to_have_count(1)
    # The first answer is still shown above it, and its markers still open its resumes.
    expect(page.get_by_test_id("stChatMessage")).to_have_count(4)
    first_answer = page.get_by_test_id("stChatMessage").nth(1)
    markers(first_answer).filter(has_text=f"[{first.n}]").click()
    expect(viewer_of(first_answer, first.source, first.candidate)).to_have_attribute("open", "")
    expect(
        viewer_of(first_answer, first.source, first.candidate).locator("mark").first
    ).to_be_in_viewport()

    page.screenshot(path=tmp_path / "fortran-answer.png")
    assert (tmp_path / "fortran-answer.png").stat().st_size > 0
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert not page_errors, page_errors
    assert streamlit_app.process.poll() is None, streamlit_app.log_tail()


# --- hostile names and text -----------------------------------------------------------------


class Listener:
    """An HTTP server on 127.0.0.1 that records every request: the address resumes point
    images and links at. Nothing may reach it while the browser shows them."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        paths = self.paths

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                paths.append(self.path)
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> Listener:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def hostile(url: str) -> str:
    """Markdown and HTML that would make a browser fetch ``url`` (or link to it)."""
    return f"![a]({url}/img) <img src={url}/html> [home]({url}/link) [/b] :red[x] $x$ www.x.io"


def test_browser_shows_hostile_names_and_lines_literally(
    tmp_path: Path, minilm: MiniLMEmbedder, page: Page
) -> None:
    with Listener() as listener:
        payload = hostile(listener.url)
        nameless = (
            f"Skills\nZephyrscript, Kotlin {payload}\nRust and Go\n\nExperience\n"
            "Built grain silo telemetry for a farming cooperative.\n"
            "Maintained a tide prediction service for harbour pilots.\n"
        )
        named = (
            f"Quillon Marsh\nStaff Engineer {payload}\nquillon@example.com\n\n"
            f"Skills\nZephyrscript, {payload}\n\nEducation\n"
            "B.A. Philosophy, Northgate College, 2011\n"
        )
        source = f"{payload}.txt"
        store = tmp_path / "store"
        settings = Settings(store_path=store)
        report = Ingestor(open_store(settings, minilm), minilm, settings).ingest(
            [
                SourceFile(source=source, data=nameless.encode()),
                SourceFile(source="quillon.txt", data=named.encode()),
            ]
        )
        assert not report.failed, report.failed

        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        with launch(store, tmp_path / "streamlit.log") as app:
            page.goto(app.url)
            expect(page.get_by_test_id("stChatInputTextArea")).to_be_visible(timeout=PAGE_TIMEOUT)
            message = ask(page, "Who knows Zephyrscript?")

            text = answer_text(message).replace(JOINER, "")
            assert "Quillon Marsh" in text, text
            # Shown as written (the answer's quotes are cut at 160 characters).
            assert f"![a]({listener.url}/img) <img src={listener.url}/html>" in text, text
            expect(citation_labels(message).first).to_contain_text("[1] ")
            sources_text = message.get_by_test_id("stHtml").inner_text().replace(JOINER, "")
            assert source in sources_text  # the file name, literally, in the sources
            for marker in markers(message).all():  # open every cited line in its viewer
                marker.click()
            viewers = message.locator("details")
            expect(viewers).to_have_count(2)
            for i in range(2):
                expect(viewers.nth(i)).to_have_attribute("open", "")
                expect(viewers.nth(i).locator("mark").first).to_contain_text(payload)

            sidebar = page.get_by_test_id("stSidebar")
            for card in sidebar.get_by_test_id("stExpander").all():
                card.locator("summary").click()
            wait_for_run_to_finish(page)
            shown = sidebar.inner_text().replace(JOINER, "")
            # The two files are taken as one person (much shared text): both names are shown.
            assert f"Files: {source}, quillon.txt" in shown, shown
            assert f"Not the same person: split {source} off" in shown, shown
            page.screenshot(path=tmp_path / "hostile.png", full_page=True)

            port = listener.url.rsplit(":", 1)[1]
            expect(page.locator(f"img[src*=':{port}']")).to_have_count(0)
            expect(page.locator(f"a[href*=':{port}']")).to_have_count(0)
            expect(page.locator(".katex")).to_have_count(0)  # no LaTeX either
            page.wait_for_timeout(1000)  # anything the page was going to fetch has been asked for
        assert listener.paths == []
        assert not [url for url in requests if listener.url in url], requests


def test_first_answer_soon_after_launch(streamlit_app: StreamlitApp, page: Page) -> None:
    """The page draws while the embedding model loads in the background; the first question
    is answered as soon as the model is ready. The figures are printed, not asserted (the
    machine's load decides them)."""
    page.goto(streamlit_app.url)
    expect(page.get_by_test_id("stChatInputTextArea")).to_be_visible(timeout=PAGE_TIMEOUT)
    drawn = time.monotonic() - streamlit_app.started
    message = ask(page, KUBERNETES)
    answered = time.monotonic() - streamlit_app.started
    assert "Anika Sharma" in answer_text(message)
    expect(citation_labels(message).first).to_contain_text("[1] ")
    healthy = streamlit_app.healthy - streamlit_app.started
    print(
        f"\nlaunch to server up: {healthy:.1f} s; to chat input: {drawn:.1f} s; "
        f"to first answer: {answered:.1f} s"
    )


JOB = "Platform Engineer\n\nMust have:\n- Kubernetes\n\nNice to have:\n- Terraform\n"


def ranked_names(page: Page) -> list[str]:
    """The candidates in ranking order, from the cited-cell expanders ("1. Name · N points")."""
    titles = page.get_by_test_id("stExpander").locator("summary").all_inner_texts()
    found = [re.search(r"\b\d+\.\s+(.+?)\s+·\s+[\d.]+ points", t) for t in titles]
    return [m.group(1) for m in found if m]


def test_screen_edit_rank_open_and_export(
    streamlit_app: StreamlitApp, page: Page, tmp_path: Path
) -> None:
    """Paste a job description, read its rubric, edit one criterion and see the ranking
    change, open the leader's cited lines, and export the matrix as CSV."""
    page.goto(streamlit_app.url)
    expect(page.get_by_test_id("stChatInputTextArea")).to_be_visible(timeout=PAGE_TIMEOUT)
    # .streamlit/config.toml: a minimal toolbar, so no "Deploy" button.
    expect(page.get_by_role("button", name="Deploy")).to_have_count(0)
    page.get_by_text("Screen", exact=True).first.click()
    posting = page.get_by_label("…or paste it here")
    posting.fill(JOB)
    posting.press("Control+Enter")
    wait_for_run_to_finish(page)
    page.get_by_role("button", name="Read the rubric").click()
    wait_for_run_to_finish(page)
    cells = page.get_by_test_id("stExpander").filter(has_text="points")
    expect(cells.first).to_be_visible(timeout=ANSWER_TIMEOUT)
    ranking = ranked_names(page)
    assert ranking[0] == "Anika Sharma", ranking  # Kubernetes and Terraform

    # The rubric table is a canvas grid: double-click the first criterion's cell (Kubernetes) to
    # open its text editor and retype it. On a loaded machine the grid can take the two clicks as
    # two single clicks, so the edit is tried again until the editor is open.
    grid = page.get_by_test_id("stDataFrame").first
    editor = page.locator("textarea.gdg-input")
    for _ in range(5):
        wait_for_run_to_finish(page)
        grid.dblclick(position={"x": 90, "y": 52})
        try:
            expect(editor).to_be_visible(timeout=5_000)
        except AssertionError:
            page.keyboard.press("Escape")
            continue
        editor.fill("React")
        expect(editor).to_have_value("React")
        editor.press("Enter")
        break
    expect(cells.first.locator("summary")).to_contain_text(
        re.compile(r"1\. (Jamal Washington|Tomasz Nowak) "), timeout=ANSWER_TIMEOUT
    )  # they know React
    wait_for_run_to_finish(page)
    ranking = ranked_names(page)
    assert ranking[0] in ("Jamal Washington", "Tomasz Nowak"), ranking

    # A cited cell: the leader's lines, quoted and opened in the resume viewer.
    first = cells.first
    first.locator("summary").click()
    expect(first.get_by_test_id("stCode").first).to_contain_text("React")
    # A click that lands while a rerun is still drawing the page can be lost: the switch is
    # clicked again (never toggled back) until it reads as on. (A cell may quote more than one
    # resume of the same person, each with its own switch.)
    switch = first.get_by_role("switch", name=re.compile(r"^Open ")).first
    for _ in range(5):
        wait_for_run_to_finish(page)
        if switch.is_checked():
            break
        first.get_by_text(re.compile(r"^Open ")).first.click()
        page.wait_for_timeout(1000)
    expect(switch).to_be_checked()
    expect(first.locator("mark").first).to_contain_text("React", timeout=ANSWER_TIMEOUT)

    with page.expect_download() as download:
        page.get_by_role("button", name="Export CSV").click()
    saved = tmp_path / "matrix.csv"
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    header = text.splitlines()[0].split(",")  # the criteria as edited are the columns
    assert "React" in header and "Terraform" in header and "Kubernetes" not in header
    rows = [line for line in text.splitlines()[1:] if line.strip()]
    assert ranking[0] in rows[0]  # the CSV keeps the ranking


# --- the cited PDF page as an image -------------------------------------------------------------

WMS = "Who knows Manhattan SCALE WMS?"


def highlight_rows(png: bytes) -> list[int]:
    """Pixel rows of an image that hold a run of the highlight band's colour (the highlight
    blended over white paper), however the image was scaled."""
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)
    band = np.array([round(255 + (c - 255) * ALPHA / 255) for c in HIGHLIGHT], dtype=np.int16)
    mask = np.all(np.abs(pixels - band) <= 12, axis=2)
    return [int(row) for row in np.flatnonzero(mask.sum(axis=1) >= 10)]


def test_browser_page_image_shows_the_cited_pdf_lines_highlighted(
    streamlit_app: StreamlitApp, page: Page, sample_assistant: Assistant, tmp_path: Path
) -> None:
    expected = sample_assistant.ask(WMS, Conversation())
    cited = [c for c in expected.citations if c.source == "declan_ashby.pdf"]
    assert len(cited) >= 2 and {c.page for c in cited} == {1}, expected.citations
    first = cited[0]

    page.goto(streamlit_app.url)
    expect(page.get_by_test_id("stChatInputTextArea")).to_be_visible(timeout=PAGE_TIMEOUT)
    message = ask(page, WMS)
    viewer = viewer_of(message, first.source, first.candidate)
    image = viewer.locator("img")
    expect(image).to_have_count(1)
    expect(image).to_be_hidden()  # closed until asked for

    markers(message).filter(has_text=f"[{first.n}]").click()
    expect(viewer).to_have_attribute("open", "")
    expect(image).to_be_hidden()  # the page itself is one more click away
    viewer.locator("details[data-pages] > summary").click()
    expect(image).to_be_visible()
    expect(image).to_have_attribute("alt", "Page 1 of declan_ashby.pdf, cited lines highlighted")
    assert image.evaluate("img => img.complete && img.naturalWidth") >= 800
    # Beside the text on a wide screen: left of the lines, at the same height.
    text_box = viewer.locator("mark").first.locator(
        "xpath=ancestor::div[contains(@style,'overflow')]"
    )
    picture, lines = image.bounding_box(), text_box.bounding_box()
    assert picture is not None and lines is not None
    assert picture["x"] + picture["width"] <= lines["x"]
    assert picture["y"] < lines["y"] + lines["height"]
    assert lines["y"] < picture["y"] + picture["height"]

    # The image sent is the page with one band per cited line, at the lines' height.
    src = image.get_attribute("src") or ""
    assert src.startswith("data:image/png;base64,")
    sent = base64.b64decode(src.split(",", 1)[1])
    rows = highlight_rows(sent)
    bands = [r for i, r in enumerate(rows) if i == 0 or r > rows[i - 1] + 8]
    assert len(bands) == len(cited), rows
    height = Image.open(io.BytesIO(sent)).height
    assert all(0.15 * height < r < 0.6 * height for r in bands), (bands, height)
    # And what the browser draws holds the highlight colour too.
    image.scroll_into_view_if_needed()
    viewer.screenshot(path=tmp_path / "page-image-viewer.png")
    shown = image.screenshot(path=tmp_path / "page-image.png")
    assert len(highlight_rows(shown)) >= 2 * len(cited)

    # On a narrow screen the page comes above the text.
    page.set_viewport_size({"width": 600, "height": 1000})
    page.wait_for_timeout(500)
    picture, lines = image.bounding_box(), text_box.bounding_box()
    assert picture is not None and lines is not None
    assert picture["y"] + picture["height"] <= lines["y"]
    page.screenshot(path=tmp_path / "page-image-narrow.png", full_page=True)
    expect(page.get_by_test_id("stException")).to_have_count(0)
