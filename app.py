"""The browser chat: ``streamlit run app.py``.

Widgets, session state and rendering only. Answers, the candidate list, removal and ingestion
come from :mod:`assistant.service` and :mod:`ingest.pipeline`, which the command line uses too.
Resume text is untrusted: it is markdown-escaped in labels and html-escaped in the resume viewer.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import streamlit as st
from pydantic import ValidationError

from assistant.citations import CitationBook
from assistant.models import (
    Answer,
    Candidate,
    Citation,
    Conversation,
    Criterion,
    Fact,
    IngestOutcome,
    Resume,
    Rubric,
    Screening,
)
from assistant.screening import (
    leaders,
    protected_reason,
    read_rubric,
    screening_table,
    table_csv,
    table_markdown,
)
from assistant.service import EMPTY_STORE, Assistant
from assistant.settings import Settings
from ingest.pipeline import Ingestor, SourceFile
from ingest.readers import SUPPORTED, ReadError, read_lines

UPLOAD_TYPES = sorted({suffix.lstrip(".") for suffix in SUPPORTED})
UploadKey = tuple[str, int, str]  # name, size in bytes, sha256 of the bytes

# Session state keys.
CONVERSATION = "conversation"
CONVERSATION_NO = "conversation_no"  # counts "New conversation" clicks, for widget keys
UPLOADED = "uploaded"  # UploadKey -> IngestOutcome of every upload handled in this session
FOCUS = "focus"  # candidate ids the questions are limited to
TO_REMOVE = "to_remove"
REMOVED = "removed"  # message about the last removal, shown once
USE_LLM = "use_llm"  # False when the user picked "No LLM (extractive)"

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&=^\"'])")


@dataclass(frozen=True)
class Services:
    assistant: Assistant
    ingestor: Ingestor


class Upload(Protocol):
    """What the app needs of ``st.file_uploader``'s ``UploadedFile``."""

    @property
    def name(self) -> str: ...

    @property
    def size(self) -> int: ...

    def getvalue(self) -> bytes: ...


# Keyed on the settings so that one process serving other RECRUITER_ settings (the tests do)
# gets a separate assistant per store; otherwise one per process, shared by every session.
@st.cache_resource(
    show_spinner="Opening the resume store…",
    hash_funcs={Settings: lambda settings: settings.model_dump_json()},
)
def load_services(settings: Settings) -> Services:
    assistant = Assistant(settings)
    assistant.embedder.embed(["warm up"])  # load the model now, under the spinner, not mid-upload
    return Services(assistant, Ingestor(assistant.store, assistant.embedder, assistant.settings))


def md_escape(text: str) -> str:
    """Show ``text`` literally in Streamlit markdown (no links, images, colours or LaTeX)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def upload_key(upload: Upload) -> UploadKey:
    return upload.name, upload.size, hashlib.sha256(upload.getvalue()).hexdigest()


def citation_label(citation: Citation) -> str:
    """``Anika Sharma — anika_sharma.md, p. 2, lines 3–5`` (no page for non-PDF files)."""
    page = f"p. {citation.page}, " if citation.page is not None else ""
    if citation.line_start == citation.line_end:
        lines = f"line {citation.line_start}"
    else:
        lines = f"lines {citation.line_start}–{citation.line_end}"
    return f"{citation.candidate} — {citation.source}, {page}{lines}"


def resume_html(resume: Resume, citations: Sequence[Citation]) -> str:
    """All stored lines of ``resume`` with line numbers; cited lines are highlighted and tagged
    with their citation numbers. Every piece of resume text is html-escaped."""
    tags: dict[tuple[int | None, int], list[int]] = {}
    for citation in citations:
        for line in resume.line_range(citation.page, citation.line_start, citation.line_end):
            tags.setdefault((line.page, line.number), []).append(citation.n)
    rows: list[str] = []
    page: int | None = None
    for line in resume.lines:
        if line.page is not None and line.page != page:
            page = line.page
            rows.append(f'<div style="{_PAGE_STYLE}">Page {page}</div>')
        text = html.escape(line.text) or "&nbsp;"
        cited = tags.get((line.page, line.number))
        if cited:
            refs = " ".join(f"[{n}]" for n in cited)
            text = f'<mark style="{_MARK_STYLE}">{text}</mark> <b>{refs}</b>'
        rows.append(
            f'<div style="{_ROW_STYLE}"><span style="{_NUMBER_STYLE}">{line.number}</span>'
            f"<span>{text}</span></div>"
        )
    return f'<div style="{_BOX_STYLE}">{"".join(rows)}</div>'


_BOX_STYLE = "max-height:32rem;overflow-y:auto;font-size:0.9rem;line-height:1.5"
_PAGE_STYLE = "margin:0.5rem 0 0.25rem;font-weight:600;opacity:0.7"
_ROW_STYLE = "display:flex;gap:0.75rem;white-space:pre-wrap"
_NUMBER_STYLE = (
    "flex:0 0 2.5rem;text-align:right;opacity:0.5;font-family:monospace;user-select:none"
)
_MARK_STYLE = "background:rgba(255,200,0,0.35);color:inherit;padding:0 0.1rem"


# --- session state ----------------------------------------------------------------------------


def init_session_state() -> None:
    st.session_state.setdefault(CONVERSATION, Conversation())
    st.session_state.setdefault(UPLOADED, {})
    st.session_state.setdefault(FOCUS, [])
    st.session_state.setdefault(USE_LLM, True)


def start_new_conversation() -> None:
    st.session_state[CONVERSATION] = Conversation()
    st.session_state[CONVERSATION_NO] = st.session_state.get(CONVERSATION_NO, 0) + 1


def turn_key(index: int) -> str:
    """Widget keys of one turn, unique across the conversations of a session."""
    return f"c{st.session_state.get(CONVERSATION_NO, 0)}-t{index}"


def remove_candidate(assistant: Assistant) -> None:
    candidate_id = st.session_state.get(TO_REMOVE)
    if not candidate_id:
        return
    st.session_state[REMOVED] = assistant.remove(candidate_id).summary()


def split_file(assistant: Assistant, source: str) -> None:
    affected = assistant.split(source)
    st.session_state[REMOVED] = (
        f"{', '.join(affected)} now stands alone." if affected else "Nothing was split."
    )


# --- uploads ------------------------------------------------------------------------------------


def ingest_uploads(
    uploads: Sequence[Upload], ingestor: Ingestor, handled: dict[UploadKey, IngestOutcome]
) -> None:
    """Ingest the uploads not handled yet in this session and record each one's outcome.

    One ``ingest`` call per file: slower than one batch, but the progress bar moves per file
    and one file's failure is reported on its own."""
    new = {key: upload for upload in uploads if (key := upload_key(upload)) not in handled}
    if not new:
        return
    with st.status(f"Ingesting {len(new)} file(s)…", expanded=True) as status:
        bar = st.progress(0.0)
        for done, (key, upload) in enumerate(new.items()):
            bar.progress(done / len(new), text=f"Reading {upload.name} ({done + 1}/{len(new)})")
            report = ingestor.ingest([SourceFile(source=upload.name, data=upload.getvalue())])
            handled[key] = report.outcomes[0]
        bar.progress(1.0, text="Done")
        failed = sum(1 for key in new if handled[key].status == "failed")
        status.update(
            label=f"Ingested {len(new) - failed} of {len(new)} file(s)",
            state="error" if failed else "complete",
            expanded=bool(failed),
        )


def render_outcome(outcome: IngestOutcome) -> None:
    source = md_escape(outcome.source)
    candidate = md_escape(outcome.candidate or "")
    if outcome.status == "ingested":
        st.success(f"{source}: added **{candidate}** ({outcome.lines} lines)")
    elif outcome.status == "replaced":
        st.success(f"{source}: updated **{candidate}** ({outcome.lines} lines)")
    elif outcome.status == "unchanged":
        st.info(f"{source}: already in the store")
    else:
        st.error(f"{source}: {md_escape(outcome.reason or outcome.status)}")


def render_uploader(services: Services) -> None:
    st.subheader("Add resumes")
    uploads = st.file_uploader(
        "Upload resumes",
        type=UPLOAD_TYPES,
        accept_multiple_files=True,
        max_upload_size=services.assistant.settings.max_upload_mb,
        help="PDF, DOCX, TXT or Markdown. They can be asked about as soon as they are ingested.",
    )
    handled: dict[UploadKey, IngestOutcome] = st.session_state[UPLOADED]
    ingest_uploads(uploads, services.ingestor, handled)
    for upload in uploads:
        render_outcome(handled[upload_key(upload)])


# --- candidates ---------------------------------------------------------------------------------


def render_focus(candidates: list[Candidate]) -> list[str]:
    names = {c.id: c.name for c in candidates}
    return st.multiselect(
        "Focus on candidates",
        options=list(names),
        format_func=lambda cid: names.get(cid, cid),
        key=FOCUS,
        placeholder="All candidates",
        help="Questions consider only these candidates, unless a question names someone else.",
    )


def profile_rows(resume: Resume) -> list[tuple[str, str, str]]:
    """(label, fact, where it was read) for a candidate card; every fact carries its lines."""
    p = resume.profile

    def where(fact: Fact) -> str:
        return f"{resume.source}, {fact.where()}"

    rows: list[tuple[str, str, str]] = []
    if p.location:
        rows.append(("Location", p.location.text, where(p.location)))
    for pos in p.positions:
        what = " at ".join(x for x in (pos.title, pos.employer) if x) or "A role"
        label = "Current role" if pos.current else "Role"
        rows.append((label, f"{what} ({pos.dates_text or 'no dates'})", where(pos)))
    for d in p.education:
        text = ", ".join(x for x in (d.degree, d.field, d.school, str(d.year or "")) if x)
        rows.append(("Education", text, where(d)))
    rows += [
        ("Language", x.language + (f" ({x.level})" if x.level else ""), where(x))
        for x in p.languages
    ]
    rows += [("Certification", x.value, where(x)) for x in p.certifications]
    rows += [("Email", x.value, where(x)) for x in p.emails]
    rows += [("Phone", x.text, where(x)) for x in p.phones]
    rows += [("Link", x.value, where(x)) for x in p.links]
    return rows


def render_candidate_list(assistant: Assistant, candidates: list[Candidate]) -> None:
    st.subheader(f"Candidates ({len(candidates)})")
    query = st.text_input("Find a candidate", placeholder="Name, title, employer or place")
    wanted = query.strip().lower()
    shown = [
        c
        for c in candidates
        if not wanted
        or wanted in " ".join(x or "" for x in (c.name, c.title, c.employer, c.location)).lower()
    ]
    with st.container(height=480 if len(shown) > 8 else "content"):
        for candidate in shown:
            role = " at ".join(md_escape(x) for x in (candidate.title, candidate.employer) if x)
            place = md_escape(candidate.location or "")
            label = md_escape(candidate.name) + (f" · {role or place}" if role or place else "")
            with st.expander(label):
                resume = (
                    assistant.resume(candidate.profile_resume_id)
                    if candidate.profile_resume_id
                    else None
                )
                if resume is not None:
                    for label, fact, source in profile_rows(resume):
                        st.markdown(f"**{label}:** {md_escape(fact)}  \n:grey[{md_escape(source)}]")
                    for note in resume.profile.notes:
                        st.caption(md_escape(note))
                st.caption("Files: " + md_escape(", ".join(candidate.sources)))
                for reason in candidate.merged:
                    st.caption(f"One person: {md_escape(reason)}")
                if len(candidate.sources) > 1:
                    for source in candidate.sources:
                        st.button(
                            f"Not the same person: split {source} off",
                            key=f"split-{candidate.id}-{source}",
                            on_click=split_file,
                            args=(assistant, source),
                            help="Shows this file as a candidate of its own, for every user.",
                        )
                for warning in candidate.warnings:
                    st.caption(f"⚠️ {md_escape(warning)}")


def render_remover(assistant: Assistant, candidates: list[Candidate]) -> None:
    if message := st.session_state.pop(REMOVED, None):
        st.success(md_escape(message))
    with st.expander("Remove a candidate"):
        names = {c.id: c.name for c in candidates}
        st.selectbox(
            "Candidate",
            options=list(names),
            format_func=lambda cid: names.get(cid, cid),
            index=None,
            key=TO_REMOVE,
        )
        st.button(
            "Remove from the store",
            on_click=remove_candidate,
            args=(assistant,),
            disabled=not st.session_state.get(TO_REMOVE),
            help="Deletes all of this candidate's resumes from the store, for every user.",
        )


def render_model_picker(assistant: Assistant) -> None:
    """Which strategy answers: the configured model, or extractive at any time."""
    if assistant.llm_error:
        st.error(f"The configured model cannot be used: {md_escape(assistant.llm_error)}")
    if assistant.llm is None:
        st.session_state[USE_LLM] = False
        st.caption("Answers: extractive (no LLM configured; see RECRUITER_LLM in the README).")
        return
    labels = {True: assistant.llm.label, False: assistant.extractive.label}
    st.radio(
        "Answers written by",
        options=[True, False],
        format_func=lambda use: labels[use],
        key=USE_LLM,
        help="The model writes from the same cited lines; extractive quotes them directly.",
    )


def render_sidebar(services: Services) -> list[str]:
    """The sidebar; returns the ids of the candidates in focus."""
    with st.sidebar:
        st.button(
            "New conversation",
            on_click=start_new_conversation,
            width="stretch",
        )
        render_model_picker(services.assistant)
        render_uploader(services)
        candidates = services.assistant.candidates()
        if not candidates:
            return []
        focus = render_focus(candidates)
        render_candidate_list(services.assistant, candidates)
        render_remover(services.assistant, candidates)
        return focus


# --- chat ---------------------------------------------------------------------------------------


def render_citations(citations: Sequence[Citation]) -> None:
    st.caption("Sources")
    for citation in citations:
        st.markdown(f"**[{citation.n}]** {md_escape(citation_label(citation))}")
        st.code(citation.text, language=None, wrap_lines=True)


def render_cited_resumes(
    assistant: Assistant, citations: Sequence[Citation], turn_key: str
) -> None:
    by_resume: dict[tuple[str, str], list[Citation]] = {}
    for citation in citations:
        by_resume.setdefault((citation.candidate_id, citation.source), []).append(citation)
    for i, ((candidate_id, source), cited) in enumerate(by_resume.items()):
        # A stable key keeps an opened resume open when the next question is asked.
        label = f"Open {md_escape(source)} ({md_escape(cited[0].candidate)})"
        with st.expander(label, key=f"{turn_key}-resume-{i}"):
            resume = assistant.resume_for(candidate_id, source)
            if resume is None:
                st.caption("This resume is no longer in the store.")
            else:
                st.html(resume_html(resume, cited))


def render_answer(assistant: Assistant, answer: Answer, turn_key: str) -> None:
    st.markdown(answer.answer)
    if answer.model:
        st.caption(f"Written by {md_escape(answer.model)}; citations checked against the resumes.")
    for notice in answer.notices:
        st.warning(notice)
    if answer.citations:
        render_citations(answer.citations)
        render_cited_resumes(assistant, answer.citations, turn_key)


def render_question(question: str) -> None:
    with st.chat_message("user"):
        st.markdown(md_escape(question))


def render_history(assistant: Assistant, conversation: Conversation) -> None:
    # The conversation is the chat history: each turn holds the question and its answer.
    for i, turn in enumerate(conversation.turns):
        render_question(turn.question)
        with st.chat_message("assistant"):
            render_answer(assistant, turn.answer, turn_key(i))


def ask(assistant: Assistant, question: str, focus: list[str]) -> None:
    """Stream the answer's text as it is written; then show the checked answer (citation numbers
    final, unsupported sentences handled) with its sources."""
    render_question(question)
    with st.chat_message("assistant"):
        draft = st.empty()
        with st.spinner("Searching the resumes…"):
            stream = assistant.ask_stream(
                question,
                st.session_state[CONVERSATION],
                focus=focus or None,
                use_llm=st.session_state.get(USE_LLM, True),
            )
            written = ""
            for chunk in stream:
                written += chunk
                draft.markdown(written + " ▌")
            answer = stream.answer
        draft.empty()
        render_answer(assistant, answer, turn_key(len(st.session_state[CONVERSATION].turns) - 1))


# --- screening against a job description ---------------------------------------------------

JOB_TEXT = "job_text"
RUBRIC = "rubric"  # the rubric being edited (a Rubric), read from the posting
BLIND = "blind"
VIEW = "view"
_VERDICT_MARKS = {"meets": "✓ meets", "possible": "~ possible", "missing": "–", "unknown": "?"}
_MODES = ["must", "nice", "gate"]
_KINDS = ["skill", "years", "degree", "language", "certification", "location", "employer"]


def read_job(upload: Upload) -> str | None:
    """The text of an uploaded job description, or None (with the reason shown)."""
    try:
        _, lines = read_lines(upload.name, upload.getvalue())
    except ReadError as err:
        st.error(f"{md_escape(upload.name)}: {md_escape(str(err))}")
        return None
    return "\n".join(line.text for line in lines)


def edited_rubric(rubric: Rubric) -> Rubric:
    """The rubric as the user edited it in the table (rows added, removed or changed)."""
    rows = [
        c.model_dump(include={"text", "kind", "mode", "weight", "min_years"})
        for c in rubric.criteria
    ]
    edited = st.data_editor(
        rows,
        key="rubric-editor",
        num_rows="dynamic",
        width="stretch",
        column_config={
            "text": st.column_config.TextColumn("criterion", required=True, max_chars=300),
            "kind": st.column_config.SelectboxColumn("kind", options=_KINDS, required=True),
            "mode": st.column_config.SelectboxColumn("mode", options=_MODES, required=True),
            "weight": st.column_config.NumberColumn("weight", min_value=0.0, max_value=10.0),
            "min_years": st.column_config.NumberColumn("min years", min_value=0, max_value=60),
        },
    )
    criteria = []
    for row in edited:
        text = str(row.get("text") or "").strip()
        if not text:
            continue
        why = protected_reason(text)
        if why:
            st.warning(f"Not used: “{md_escape(text)}” {md_escape(why)}.")
            continue
        try:
            criteria.append(
                Criterion(
                    text=text,
                    kind=row.get("kind") or "skill",
                    mode=row.get("mode") or "must",
                    weight=row.get("weight") if row.get("weight") is not None else 1.0,
                    min_years=row.get("min_years"),
                )
            )
        except ValidationError as err:
            st.warning(f"“{md_escape(text)}” was left out: {md_escape(err.errors()[0]['msg'])}")
    return rubric.model_copy(update={"criteria": criteria})


def render_matrix(table: dict[str, object]) -> None:
    """Candidates x criteria, one mark per cell (the quotes are in the rows below)."""
    rubric, rows = table["rubric"], table["rows"]
    assert isinstance(rubric, list) and isinstance(rows, list)
    criteria = [str(c["text"]) for c in rubric]
    st.dataframe(
        [
            {
                "#": row["rank"],
                "candidate": row["candidate"],
                "points": row["points"],
                "why": row["why"],
                **{
                    text: _VERDICT_MARKS[str(cell["verdict"])]
                    for text, cell in zip(criteria, row["cells"], strict=True)
                },
            }
            for row in rows
        ],
        hide_index=True,
        width="stretch",
        key="matrix",
    )


def render_cited_cells(assistant: Assistant, screening: Screening, blind: bool, shown: int) -> None:
    """The evidence of the leading rows, criterion by criterion, with the resume to open."""
    catalog = assistant.catalog
    for rank, row in enumerate(screening.rows[:shown], 1):
        label = f"Candidate {rank}" if blind else row.name
        with st.expander(f"{rank}. {md_escape(label)} · {row.score:g} points", key=f"cells-{rank}"):
            st.caption(md_escape(row.why))
            book = CitationBook(catalog)
            for criterion, cell in zip(screening.rubric.criteria, row.cells, strict=True):
                marks = []
                for ev in cell.evidence:
                    n = book.cite(ev)
                    marks.append(f"[{n}]")
                verdict = _VERDICT_MARKS[cell.verdict]
                st.markdown(f"**{md_escape(criterion.text)}**: {verdict} {' '.join(marks)}")
            if blind:
                st.caption("Quotes are hidden in blind mode; reveal the row to see them.")
                if not st.checkbox("Reveal this candidate", key=f"reveal-{rank}"):
                    continue
            for citation in book.citations:
                st.markdown(f"**[{citation.n}]** {md_escape(citation_label(citation))}")
                st.code(citation.text, language=None, wrap_lines=True)
            by_source: dict[str, list[Citation]] = {}
            for citation in book.citations:
                by_source.setdefault(citation.source, []).append(citation)
            for source, cited in by_source.items():
                resume = assistant.resume_for(row.candidate_id, source)
                if resume is not None and st.toggle(
                    f"Open {md_escape(source)}", key=f"open-{rank}-{source}"
                ):
                    st.html(resume_html(resume, cited))


def focus_chat(candidate_ids: list[str]) -> None:
    """Back to the chat, with questions limited to these candidates (a button callback: it runs
    before the sidebar's focus widget is drawn)."""
    st.session_state[FOCUS] = candidate_ids
    st.session_state[VIEW] = "Chat"


def render_screen(assistant: Assistant) -> None:
    st.subheader("Screen the candidates against a job description")
    job = st.file_uploader("Job description file", type=UPLOAD_TYPES, key="job-file")
    if job is not None and (text := read_job(job)) is not None:
        st.session_state[JOB_TEXT] = text
    posting = st.text_area(
        "…or paste it here",
        key=JOB_TEXT,
        height=200,
        placeholder="Senior Data Engineer\nMust have: 5+ years as a data engineer; Airflow; Spark\n"
        "Nice to have: dbt, Snowflake",
    )
    if st.button("Read the rubric", type="primary", disabled=not posting.strip()):
        st.session_state[RUBRIC] = read_rubric(posting)
        st.session_state.pop("rubric-editor", None)
    rubric: Rubric | None = st.session_state.get(RUBRIC)
    if rubric is None:
        return
    for why in rubric.refused:
        st.warning(f"Not used as a criterion: {md_escape(why)}")
    if not rubric.criteria:
        st.info("No requirements found: add criteria in the table below.")
    st.caption(
        "The rubric: edit, add or delete criteria; mode gate = pass or fail, never points; must "
        "= 2 points when met; nice = its weight. The ranking is recomputed from this table."
    )
    rubric = edited_rubric(rubric)
    if not rubric.criteria:
        return
    blind = st.toggle("Blind mode (names, emails, phones, links and file names hidden)", key=BLIND)
    catalog = assistant.catalog
    with st.spinner(
        f"Checking {len(catalog.candidates)} candidates against {len(rubric.criteria)} criteria…"
    ):
        screening = assistant.screener.screen(rubric, catalog)
    table = screening_table(screening, catalog, blind)
    top = leaders(screening)
    st.markdown(
        f"**{len(top)} leading** of {screening.considered} candidates "
        "(no one else within one must-have of the best)."
    )
    render_matrix(table)
    left, middle, right = st.columns(3)
    left.download_button("Export CSV", table_csv(table), "screening.csv", "text/csv")
    middle.download_button(
        "Export Markdown", table_markdown(table), "screening.md", "text/markdown"
    )
    shown = right.number_input(
        "Top N",
        min_value=1,
        max_value=max(1, len(screening.rows)),
        value=min(5, len(screening.rows)),
        key="top-n",
    )
    right.button(
        "Focus the chat on the top N",
        on_click=focus_chat,
        args=([r.candidate_id for r in screening.rows[: int(shown)]],),
    )
    render_cited_cells(assistant, screening, blind, int(shown))


def main() -> None:
    st.set_page_config(page_title="Recruiter assistant", page_icon="🗂️", layout="wide")
    st.title("Recruiter assistant")
    try:
        settings = Settings()
    except ValidationError as err:
        st.error(f"A RECRUITER_ setting is invalid:\n\n```\n{err}\n```")
        st.stop()
    services = load_services(settings)
    init_session_state()
    st.caption(
        "Every answer cites the resume lines it rests on (file, page, line numbers), checked "
        "against the stored resume. Open a resume under an answer to see them in context."
    )
    focus = render_sidebar(services)
    if not services.assistant.candidates():
        st.info(EMPTY_STORE)
    view = st.segmented_control("View", ["Chat", "Screen"], key=VIEW, default="Chat")
    if view == "Screen":
        render_screen(services.assistant)
        return
    render_history(services.assistant, st.session_state[CONVERSATION])
    question = st.chat_input("Ask about the candidates, e.g. “Who has Kubernetes experience?”")
    if isinstance(question, str) and question.strip():
        ask(services.assistant, question, focus)


if __name__ == "__main__":
    main()
