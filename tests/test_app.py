"""The browser chat, driven through Streamlit's AppTest over the sample store (real MiniLM).

Labels in the app are markdown-escaped (resume text is untrusted), so tests compare them after
removing the backslashes (:func:`plain`).
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import ChatMessage

from assistant.models import Citation, Conversation, Resume, ResumeLine
from assistant.page_images import PageImage
from assistant.service import Assistant
from ingest.pipeline import parse_resume, resume_id
from ingest.readers import ReadError
from ui.markup import (
    JOINER,
    anchor,
    answer_markdown,
    citation_label,
    md_escape,
    resume_html,
    sources_html,
)

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")

ERLANG_RESUME = b"""Zofia Kwiatkowska
Backend Engineer
Gdansk, Poland | zofia.kwiatkowska@example.com | +48 555 010 203

Summary
-------
Backend engineer building telecom messaging switches that stay up for years.

Skills
------
Erlang/OTP, Elixir, Phoenix, RabbitMQ, <b>Riak</b> & Mnesia

Experience
----------
Baltic Switching, Gdansk, Poland
Senior Engineer, 2018 - present
- Wrote Erlang supervisors for an SMS gateway handling 40,000 messages per second.
"""
GARBAGE_PDF = b"%PDF-1.7\n\x00\x13\x37 this is not really a pdf \xff\xfe"


def candidate_list(app: AppTest) -> str:
    """What the sidebar's candidate list shows: each card's label (name, role) and contents."""
    parts = [plain(e.label) for e in app.sidebar.expander]
    parts += [plain(c.value) for c in app.sidebar.caption]
    return " ".join(parts)


def plain(markdown: str) -> str:
    """Undo the app's markdown escaping (backslashes, and the word joiners that keep bare
    addresses from becoming links)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(JOINER, "")


def run_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception, at.exception
    return at


def ask(at: AppTest, question: str) -> ChatMessage:
    at.chat_input[0].set_value(question).run()
    assert not at.exception, at.exception
    return assistant_messages(at)[-1]


def assistant_messages(at: AppTest) -> list[ChatMessage]:
    return [m for m in at.chat_message if m.name == "assistant"]


def answer_text(message: ChatMessage) -> str:
    return message.markdown[0].value


def sources(message: ChatMessage) -> str:
    """The HTML under an answer: one line per citation, then a viewer per cited file."""
    (block,) = [h.value for h in message.html]
    return block


@pytest.fixture
def sample_app(sample_store_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("RECRUITER_STORE_PATH", str(sample_store_path))
    return run_app()


@pytest.fixture
def writable_app(
    sample_store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AppTest:
    copy = tmp_path / "store-copy"
    shutil.copytree(sample_store_path, copy)
    monkeypatch.setenv("RECRUITER_STORE_PATH", str(copy))
    return run_app()


def test_empty_store_says_how_to_add_resumes() -> None:
    at = run_app()  # the autouse fixture points RECRUITER_STORE_PATH at an empty folder
    info = " ".join(i.value for i in at.info)
    assert "Upload some in the sidebar" in info
    assert "python -m ingest PATH" in info
    assert not at.sidebar.multiselect  # nobody to focus on yet
    assert at.sidebar.file_uploader[0].accept_multiple_files
    assert sorted(at.sidebar.file_uploader[0].allowed_type) == [
        ".docx",
        ".markdown",
        ".md",
        ".pdf",
        ".txt",
    ]


def test_page_explains_that_answers_are_extractive(sample_app: AppTest) -> None:
    assert "extractive" in " ".join(c.value for c in sample_app.caption)
    candidates = candidate_list(sample_app)
    assert "Marisol Vega" in candidates and "marisol_vega.pdf" in candidates
    warnings = " ".join(plain(c.value) for c in sample_app.sidebar.caption)
    assert "No name found in this resume" in warnings  # candidate_0427.txt has no name


def test_question_shows_answer_citations_and_highlighted_resume(
    sample_app: AppTest, sample_assistant: Assistant
) -> None:
    question = "Who has Kubernetes experience?"
    expected = sample_assistant.ask(question, Conversation())
    assert expected.citations

    message = ask(sample_app, question)

    answer = answer_text(message)
    numbers = [c.n for c in expected.citations]
    assert answer == answer_markdown(expected.answer, "c0-t0", numbers)
    for name in ("Anika Sharma", "Mei-Ling Chen", "Oliver Brennan", "Marisol Vega"):
        assert name in answer
    for n in numbers:  # every marker links to its citation's lines
        assert f"[\\[{n}\\]](#{anchor('c0-t0', n)})" in answer
    body = sources(message)
    for citation in expected.citations:
        assert f">[{citation.n}] {html.escape(citation_label(citation))}</a>" in body
        assert f'id="{anchor("c0-t0", citation.n)}"' in body
        for line in citation.text.splitlines():  # highlighted in its resume
            assert f">{html.escape(line)}</mark> <b>[" in body
    # A label names the candidate, the file, the page of a PDF and the line.
    assert re.search(r"\[\d+\] Mei-Ling Chen — meiling_chen\.pdf, p\. 1, line 13<", body)
    assert not message.code  # each quote is shown once: in the answer and, opened, in context
    # One viewer per cited file, with the whole resume in it.
    files = {(c.candidate_id, c.source) for c in expected.citations}
    assert body.count("<details data-source=") == len(files)
    anika = " ".join(f"[{c.n}]" for c in expected.citations if c.source == "anika_sharma.md")
    assert f"Open anika_sharma.md (Anika Sharma) · {anika}" in body
    # Each cited page of a PDF is shown as an image beside the text; other files have none.
    pages = {(c.source, c.page) for c in expected.citations if c.source.endswith(".pdf")}
    assert pages and body.count('<img src="data:image/png;base64,') == len(pages)
    for source, page in pages:
        assert f'alt="Page {page} of {html.escape(source)}, cited lines highlighted"' in body
    assert "anika_sharma.md, cited lines highlighted" not in body


def test_follow_up_question_answers_about_the_same_candidate(sample_app: AppTest) -> None:
    first = ask(sample_app, "Summarize Marisol Vega's background")
    assert "Marisol Vega" in answer_text(first)

    follow_up = ask(sample_app, "Where did she study?")

    text = answer_text(follow_up)
    assert "Marisol Vega" in text
    assert "Lakeshore State University" in text
    assert "Open marisol_vega.pdf (Marisol Vega)" in sources(follow_up)
    assert sources(follow_up).count("<details data-source=") == 1
    assert len(assistant_messages(sample_app)) == 2  # the history is still shown

    new_conversation = next(b for b in sample_app.sidebar.button if b.label == "New conversation")
    new_conversation.click().run()
    assert not sample_app.chat_message


def test_focus_limits_the_question_to_the_selected_candidate(
    sample_app: AppTest, sample_assistant: Assistant
) -> None:
    question = "who has Python?"
    everyone = sample_assistant.ask(question, Conversation())
    assert len(everyone.candidates) > 1
    marisol = next(c.id for c in sample_assistant.candidates() if c.name == "Marisol Vega")

    sample_app.sidebar.multiselect[0].set_value([marisol]).run()
    message = ask(sample_app, question)

    text = answer_text(message)
    assert "Marisol Vega" in text
    for other in set(everyone.candidates) - {"Marisol Vega"}:
        assert other not in text
    labels = re.findall(r">\[\d+\] ([^<]*)</a>", sources(message))
    assert labels and all("Marisol Vega — marisol_vega.pdf" in label for label in labels)


def test_uploads_are_ingested_at_once_and_bad_files_explained(writable_app: AppTest) -> None:
    with pytest.raises(ReadError) as bad_pdf:
        parse_resume("broken.pdf", GARBAGE_PDF)

    writable_app.sidebar.file_uploader[0].set_value(
        [
            ("zofia.txt", ERLANG_RESUME, "text/plain"),
            ("broken.pdf", GARBAGE_PDF, "application/pdf"),
            ("empty.txt", b"", "text/plain"),
        ]
    ).run()
    assert not writable_app.exception, writable_app.exception

    errors = [plain(e.value) for e in writable_app.sidebar.error]
    assert f"broken.pdf: {bad_pdf.value}" in errors
    assert "empty.txt: empty file" in errors
    successes = " ".join(plain(s.value) for s in writable_app.sidebar.success)
    assert "zofia.txt: added **Zofia Kwiatkowska**" in successes
    assert writable_app.sidebar.status[0].label == "Ingested 1 of 3 file(s)"
    candidates = candidate_list(writable_app)
    assert "Zofia Kwiatkowska" in candidates

    message = ask(writable_app, "Who knows Erlang?")

    assert not writable_app.sidebar.status  # the rerun did not ingest the uploads again
    assert "broken.pdf: " + str(bad_pdf.value) in [plain(e.value) for e in writable_app.error]
    assert "Zofia Kwiatkowska" in answer_text(message)
    body = sources(message)
    assert "Open zofia.txt (Zofia Kwiatkowska)" in body
    assert "&lt;b&gt;Riak&lt;/b&gt; &amp; Mnesia" in body
    assert "<b>Riak" not in body


def test_an_uploaded_pdf_keeps_its_original_and_shows_its_page(
    writable_app: AppTest, tmp_path: Path
) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in ERLANG_RESUME.decode().splitlines():
        pdf.cell(0, 8, line.replace("<b>", "").replace("</b>", ""), new_x="LMARGIN", new_y="NEXT")
    data = bytes(pdf.output())
    originals = tmp_path / "store-copy" / "originals"
    before = {p.name for p in originals.iterdir()}

    writable_app.sidebar.file_uploader[0].set_value([("zofia.pdf", data, "application/pdf")]).run()
    assert not writable_app.exception, writable_app.exception

    added = {p.name for p in originals.iterdir()} - before
    assert added == {f"{resume_id('zofia.pdf')}.{hashlib.sha256(data).hexdigest()}.pdf"}
    message = ask(writable_app, "Who knows Erlang?")
    body = sources(message)
    assert 'alt="Page 1 of zofia.pdf, cited lines highlighted"' in body


def test_removing_a_candidate_updates_the_sidebar(writable_app: AppTest) -> None:
    tomasz = "name:tomasz-nowak"
    assert "Tomasz Nowak" in writable_app.sidebar.multiselect[0].options
    writable_app.sidebar.multiselect[0].set_value([tomasz]).run()
    writable_app.sidebar.selectbox[0].set_value(tomasz).run()
    remove = next(b for b in writable_app.sidebar.button if b.label == "Remove from the store")
    remove.click().run()
    assert not writable_app.exception, writable_app.exception

    (removed,) = [plain(s.value) for s in writable_app.sidebar.success]
    assert removed.startswith("Removed tomasz_nowak.txt: 1 resume record(s) and ")
    assert "write-ahead log purged and the vector index rebuilt" in removed
    candidates = candidate_list(writable_app)
    assert "Tomasz Nowak" not in candidates
    assert writable_app.sidebar.multiselect[0].value == []


def test_resume_viewer_escapes_markup_and_highlights_cited_lines() -> None:
    lines = [
        ResumeLine(page=1, number=1, text="Eve <img src=x onerror=alert(1)>"),
        ResumeLine(page=1, number=2, text="<script>alert('hi')</script> Erlang"),
        ResumeLine(page=2, number=1, text="Plain & simple"),
    ]
    resume = Resume(
        id="r-1",
        source="eve.pdf",
        format="pdf",
        content_hash="0" * 64,
        candidate_id="name:eve",
        candidate_name="Eve",
        identity={"name": "Eve"},
        lines=lines,
    )
    citation = Citation(
        n=4,
        candidate="Eve",
        candidate_id="name:eve",
        source="eve.pdf",
        page=1,
        line_start=2,
        line_end=2,
        text=lines[1].text,
    )

    body = resume_html(resume, [citation])

    assert "<script" not in body and "<img" not in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
    assert ">&lt;script&gt;alert(&#x27;hi&#x27;)&lt;/script&gt; Erlang</mark> <b>[4]</b>" in body
    assert body.count("<mark") == 1
    assert "Page 1" in body and "Page 2" in body and "Plain &amp; simple" in body


def test_page_images_sit_beside_the_text_with_escaped_names() -> None:
    source = 'eve"><script>x</script>.pdf'
    resume = Resume(
        id="r-1",
        source=source,
        format="pdf",
        content_hash="0" * 64,
        candidate_id="name:eve",
        candidate_name="Eve",
        identity={"name": "Eve"},
        lines=[ResumeLine(page=2, number=1, text="Erlang")],
    )
    citation = Citation(
        n=1,
        candidate="Eve",
        candidate_id="name:eve",
        source=source,
        page=2,
        line_start=1,
        line_end=1,
        text="Erlang",
    )
    image = PageImage(page=2, png=b"\x89PNG-bytes", width=900, height=1165, cited=2, found=1)
    key = ("name:eve", source)

    with_image = sources_html([citation], {key: resume}, "t", {key: [image]})
    text_only = sources_html([citation], {key: resume}, "t", {key: []})

    assert "<script" not in with_image
    alt = html.escape(f"Page 2 of {source}, cited lines highlighted")
    data = base64.b64encode(image.png).decode()
    assert f'<img src="data:image/png;base64,{data}" alt="{alt}"' in with_image
    assert "1 cited line(s) not found on the image" in with_image
    assert "<img" not in text_only
    # The text viewer is the same, with or without the image beside it.
    assert resume_html(resume, [citation], "t", height="24rem") in with_image
    assert resume_html(resume, [citation], "t", height="24rem") in text_only


J = JOINER


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("![i](u) :red[a] $x$", r"\!\[i\]\(u\) \:red\[a\] \$x\$"),
        ("[x](http://e.vil)", rf"\[x\]\(http{J}\://e\.vil\)"),
        ("<img src=x>", r"\<img src\=x\>"),
        ("see www.e.vil/a [/b]", rf"see www{J}\.e\.vil/a \[/b\]"),
        ("HTTPS://E.VIL", rf"HTTPS{J}\://E\.VIL"),
    ],
)
def test_labels_show_resume_text_literally(text: str, label: str) -> None:
    assert md_escape(text) == label


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        # What a model might copy from an injected resume: no image, link, HTML or colour.
        ("![a](http://h/x)", rf"\!\[a\]\(http{J}\://h/x\)"),
        ("<img src=http://h/y>", rf"\<img src=http{J}\://h/y\>"),
        ("[home](https://h) and www.h.io", rf"\[home\]\(https{J}\://h\) and www{J}.h.io"),
        ("**Ann** :red[x] $5k$", r"**Ann** \:red\[x\] \$5k\$"),
        # Already escaped (the extractive answers): not escaped twice.
        (r"\!\[a\]\(u\) \[/b\]", r"\!\[a\]\(u\) \[/b\]"),
        # Markers of this answer's citations link to them; others stay text.
        ("Go [1]; Rust [2] [9]", r"Go [\[1\]](#t-cite-1); Rust [\[2\]](#t-cite-2) \[9\]"),
        (
            "| a | b |\n|---|---|\n| [1] | - x |",
            "| a | b |\n|---|---|\n| [\\[1\\]](#t-cite-1) | - x |",
        ),
    ],
)
def test_answers_keep_their_form_but_lose_images_links_and_html(written: str, shown: str) -> None:
    assert answer_markdown(written, "t", [1, 2]) == shown


def test_model_answers_stream_and_the_user_can_switch_to_extractive(
    sample_store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.llm_stub import cite_everyone, llm_stub

    with llm_stub(cite_everyone) as (url, state):
        monkeypatch.setenv("RECRUITER_STORE_PATH", str(sample_store_path))
        monkeypatch.setenv("RECRUITER_LLM", "openai:stub-model")
        monkeypatch.setenv("RECRUITER_LLM_BASE_URL", url)
        at = run_app()
        (picker,) = at.sidebar.radio
        assert picker.options == ["LLM: openai:stub-model", "No LLM (extractive)"]
        message = ask(at, "Who has Kubernetes experience?")
        assert plain(answer_text(message)).startswith(
            "Here is what the resumes show for 4 candidate(s)."
        )
        assert any("Written by openai:stub-model" in plain(c.value) for c in message.caption)
        assert state.requests and state.requests[-1]["stream"] is True
        calls = len(state.requests)

        at.sidebar.radio[0].set_value(False).run()
        message = ask(at, "Who has Kubernetes experience?")
        assert "match “kubernetes”" in answer_text(message)
        assert len(state.requests) == calls  # the model was not asked


SCREEN_JOB = "Platform Engineer\nMust have: Kubernetes; Terraform; Python.\nNice to have: Go.\n"


def open_screen(at: AppTest, posting: str = SCREEN_JOB) -> AppTest:
    at.button_group(key="view").set_value("Screen").run()
    at.text_area(key="job_text").set_value(posting).run()
    next(b for b in at.button if b.label == "Read the rubric").click().run()
    assert not at.exception, at.exception
    return at


def matrix(at: AppTest) -> list[dict[str, object]]:
    frame = next(d for d in at.dataframe if "candidate" in d.value.columns)
    return frame.value.to_dict("records")


def test_screen_view_ranks_everyone_with_cited_cells(sample_app: AppTest) -> None:
    at = open_screen(sample_app)
    rows = matrix(at)
    assert len(rows) == 17  # every candidate; one person's two files are one row
    assert rows[0]["candidate"] == "Anika Sharma" and rows[0]["Kubernetes"] == "✓ meets"
    assert [r["points"] for r in rows] == sorted((r["points"] for r in rows), reverse=True)
    first = at.main.expander[0]
    assert plain(first.label).startswith("1. Anika Sharma")
    assert any(c.value for c in first.code)  # the cited lines, quoted
    labels = {b.label for b in at.get("download_button")}
    assert labels == {"Export CSV", "Export Markdown"}


def test_screen_blind_mode_hides_names(sample_app: AppTest) -> None:
    at = open_screen(sample_app)
    at.toggle(key="blind").set_value(True).run()
    rows = matrix(at)
    assert [r["candidate"] for r in rows[:3]] == ["Candidate 1", "Candidate 2", "Candidate 3"]
    shown = " ".join([e.label for e in at.main.expander] + [m.value for m in at.main.markdown])
    assert "Anika" not in plain(shown) and "Candidate 1" in plain(shown)
    assert not at.main.expander[0].code  # quotes stay hidden until the row is revealed


def test_screen_changed_rubric_rescores_and_focuses_the_chat(sample_app: AppTest) -> None:
    from assistant.models import Criterion, Rubric

    at = open_screen(sample_app)
    before = matrix(at)[0]["candidate"]
    at.session_state["rubric"] = Rubric(criteria=[Criterion(text="Spanish", kind="language")])
    at.session_state["rubric-editor"] = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}
    at.run()
    after = matrix(at)
    assert list(after[0])[-1] == "Spanish" and after[0]["candidate"] != before
    at.number_input(key="top-n").set_value(2).run()
    next(b for b in at.button if b.label == "Focus the chat on the top N").click().run()
    assert not at.exception, at.exception
    focused = at.session_state["focus"]
    assert len(focused) == 2
    assert at.chat_input  # back in the chat, limited to those two


def main_buttons(at: AppTest) -> dict[str, object]:
    return {plain(b.label): b for b in at.main.button}


def test_empty_chat_offers_example_questions_that_ask_them(sample_app: AppTest) -> None:
    from ui.chat import EXAMPLES

    buttons = main_buttons(sample_app)
    for question in EXAMPLES:
        assert question in buttons
    assert any(label.startswith("Summarize ") for label in buttons)
    next(b for b in sample_app.main.button if plain(b.label) == "Who speaks Spanish?").click().run()
    assert not sample_app.exception, sample_app.exception

    (question, answer) = sample_app.chat_message
    assert question.markdown[0].value == "Who speaks Spanish?"
    assert "Spanish" in plain(answer_text(answer)) and answer.html  # cited
    assert "Who speaks Spanish?" not in main_buttons(sample_app)  # examples only on an empty chat


def test_nobody_matches_offers_next_steps(sample_app: AppTest) -> None:
    marisol = "name:marisol-vega"
    sample_app.sidebar.multiselect[0].set_value([marisol]).run()
    message = ask(sample_app, "Who knows Fortran?")
    assert plain(answer_text(message)).startswith("No candidate matches")
    assert any("Next steps" in c.value for c in message.caption)
    labels = [plain(b.label) for b in message.button]
    assert labels == [
        "Show the lines closest to “fortran”",
        "Ask every candidate, not only those in focus",
    ]

    message.button[1].click().run()  # the same question, the focus cleared
    assert sample_app.session_state["focus"] == []
    assert "the 17 candidates" in answer_text(assistant_messages(sample_app)[-1])

    assistant_messages(sample_app)[-1].button[0].click().run()
    closest = assistant_messages(sample_app)[-1]
    assert plain(answer_text(closest)).startswith("The closest passages in the resumes")
    assert closest.html and not closest.button  # quoted and cited; not a "nobody" answer


def test_matching_answers_offer_no_next_steps(sample_app: AppTest) -> None:
    message = ask(sample_app, "Who has Kubernetes experience?")
    assert not message.button


@pytest.mark.parametrize(
    ("query", "sort", "expected"),
    [
        ("", "name", ["ann", "Bo", "Cy"]),
        ("", "title", ["Cy", "ann", "Bo"]),  # Analyst, Engineer; none last
        ("", "employer", ["ann", "Cy", "Bo"]),  # acme, Zeta; none last
        ("ENGINEER", "name", ["ann"]),
        ("lisbon", "name", ["Bo"]),
        ("nobody", "name", []),
    ],
)
def test_candidate_list_filters_and_sorts(query: str, sort: str, expected: list[str]) -> None:
    from assistant.models import Candidate
    from ui.sidebar import filtered

    people = [
        Candidate(id="b", name="Bo", named=True, location="Lisbon"),
        Candidate(id="a", name="ann", named=True, title="Engineer", employer="acme"),
        Candidate(id="c", name="Cy", named=True, title="Analyst", employer="Zeta"),
    ]
    assert [c.name for c in filtered(people, query, sort)] == expected


def test_candidate_list_sorts_by_employer_and_focuses_the_chat(
    sample_app: AppTest, sample_assistant: Assistant
) -> None:
    from ui.sidebar import card_label, filtered

    everyone = sample_assistant.candidates()
    sample_app.button_group(key="sort").set_value("Employer").run()
    cards = [e.label for e in sample_app.sidebar.expander if e.label != "Remove a candidate"]
    assert cards == [card_label(c) for c in filtered(everyone, "", "employer")]
    assert cards != [card_label(c) for c in everyone]  # the order did change
    with_employer = [c for c in everyone if c.employer]
    assert with_employer and with_employer[0].employer in plain(" ".join(cards))

    sample_app.text_input(key="find").set_value("kubernetes nobody").run()
    assert any("0 of 17 shown" in c.value for c in sample_app.sidebar.caption)
    sample_app.text_input(key="find").set_value("").run()

    anika = next(c for c in everyone if c.name == "Anika Sharma")
    sample_app.button(key=f"focus-{anika.id}").click().run()
    assert sample_app.session_state["focus"] == [anika.id]
    message = ask(sample_app, "Who has Python?")
    assert "Anika Sharma" in answer_text(message)


def test_screen_selecting_a_cell_or_row_opens_the_cited_lines(sample_app: AppTest) -> None:
    at = open_screen(sample_app)
    at.session_state["matrix"] = {
        "selection": {"rows": [], "columns": [], "cells": [[0, "Kubernetes"]]}
    }
    at.run()
    assert not at.exception, at.exception
    shown = " ".join(h.value for h in at.main.html)
    marked = re.findall(r"<mark[^>]*>([^<]*)</mark>", shown)
    # Only the lines behind that cell: each one names the criterion.
    assert marked and all("kubernetes" in line.lower() for line in marked), marked
    assert any("1. Anika Sharma" in plain(m.value) for m in at.main.markdown)

    at.session_state["matrix"] = {"selection": {"rows": [1], "columns": [], "cells": []}}
    at.run()
    second = matrix(at)[1]["candidate"]
    assert any(f"2. {second}" in plain(m.value) for m in at.main.markdown)
    assert "<mark" in " ".join(h.value for h in at.main.html)


HOSTILE = "![a](http://127.0.0.1:9/x) <img src=http://127.0.0.1:9/y> [home](www.e.vil) [/b]"
_LIVE_MARKUP = re.compile(r"(?<!\\)(!\[|\](?=\([^#])|<img|https?:|www\.)", re.IGNORECASE)


def shown_markdown(at: AppTest) -> list[str]:
    """Every markdown string the app sent (text, captions, alerts, labels)."""
    values = [m.value for m in at.markdown] + [c.value for c in at.caption]
    values += [a.value for kind in ("success", "error", "warning", "info") for a in at.get(kind)]
    values += [e.label for e in at.expander] + [b.label for b in at.button]
    return values


def test_hostile_file_names_and_lines_reach_the_page_escaped(writable_app: AppTest) -> None:
    name = f"{HOSTILE}.txt"
    body = f"Zephyrscript and {HOSTILE}\nRust\n".encode()
    writable_app.sidebar.file_uploader[0].set_value([(name, body, "text/plain")]).run()
    assert not writable_app.exception, writable_app.exception
    message = ask(writable_app, "Who knows Zephyrscript?")

    assert HOSTILE in plain(answer_text(message))  # shown, as written
    assert any(HOSTILE in plain(s.value) for s in writable_app.sidebar.success)
    assert any(f"Files: {name}" in plain(c.value) for c in writable_app.sidebar.caption)
    # No unescaped image, link or HTML, and no bare address a joiner does not break.
    live = [
        v[max(0, m.start() - 30) : m.end() + 30]
        for v in shown_markdown(writable_app)
        for m in _LIVE_MARKUP.finditer(v)
    ]
    assert not live, live
    sources_block = sources(message)
    assert "<img" not in sources_block and html.escape(name) in sources_block
