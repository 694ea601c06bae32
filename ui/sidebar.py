"""The sidebar: the model picker, uploads, the candidate list and removal."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Protocol

import streamlit as st

from assistant.models import Candidate, Fact, IngestOutcome, Resume
from assistant.service import Assistant
from ingest.pipeline import Ingestor, SourceFile
from ingest.readers import SUPPORTED
from ui.markup import md_escape
from ui.state import (
    FOCUS,
    REMOVED,
    TO_REMOVE,
    UPLOADED,
    USE_LLM,
    Services,
    focus_chat,
    start_new_conversation,
)

UPLOAD_TYPES = sorted({suffix.lstrip(".") for suffix in SUPPORTED})
UploadKey = tuple[str, int, str]  # name, size in bytes, sha256 of the bytes
SORTS = {"Name": "name", "Current title": "title", "Employer": "employer"}


class Upload(Protocol):
    """What the app needs of ``st.file_uploader``'s ``UploadedFile``."""

    @property
    def name(self) -> str: ...

    @property
    def size(self) -> int: ...

    def getvalue(self) -> bytes: ...


def upload_key(upload: Upload) -> UploadKey:
    return upload.name, upload.size, hashlib.sha256(upload.getvalue()).hexdigest()


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
            name = md_escape(upload.name)  # the progress text is markdown
            bar.progress(done / len(new), text=f"Reading {name} ({done + 1}/{len(new)})")
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


def filtered(candidates: Sequence[Candidate], query: str, sort: str) -> list[Candidate]:
    """The candidates whose name, title, employer or place contains ``query`` (any case),
    ordered by ``sort`` (a :data:`SORTS` value); those without that field come last."""
    wanted = query.strip().lower()
    shown = [
        c
        for c in candidates
        if not wanted
        or wanted in " ".join(x or "" for x in (c.name, c.title, c.employer, c.location)).lower()
    ]

    def order(c: Candidate) -> tuple[bool, str, str]:
        value = str(getattr(c, sort) or "")
        return (not value, value.lower(), c.name.lower())

    return sorted(shown, key=order)


def card_label(candidate: Candidate) -> str:
    """``Name · Title at Employer`` (or the place when no role is known), markdown-escaped."""
    role = " at ".join(md_escape(x) for x in (candidate.title, candidate.employer) if x)
    place = md_escape(candidate.location or "")
    return md_escape(candidate.name) + (f" · {role or place}" if role or place else "")


def render_card(assistant: Assistant, candidate: Candidate) -> None:
    st.button(
        "Ask about this candidate only",
        key=f"focus-{candidate.id}",
        on_click=focus_chat,
        args=([candidate.id],),
        help="Limits the chat's questions to this candidate (see “Focus on candidates”).",
    )
    resume = assistant.resume(candidate.profile_resume_id) if candidate.profile_resume_id else None
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
                f"Not the same person: split {md_escape(source)} off",  # labels are markdown
                key=f"split-{candidate.id}-{source}",
                on_click=split_file,
                args=(assistant, source),
                help="Shows this file as a candidate of its own, for every user.",
            )
    for warning in candidate.warnings:
        st.caption(f"⚠️ {md_escape(warning)}")


def render_candidate_list(assistant: Assistant, candidates: list[Candidate]) -> None:
    st.subheader(f"Candidates ({len(candidates)})")
    query = st.text_input(
        "Find a candidate", placeholder="Name, title, employer or place", key="find"
    )
    sort = st.segmented_control("Sort by", list(SORTS), default="Name", key="sort") or "Name"
    shown = filtered(candidates, query, SORTS[sort])
    if query.strip():
        st.caption(f"{len(shown)} of {len(candidates)} shown")
    with st.container(height=480 if len(shown) > 8 else "content"):
        for candidate in shown:
            with st.expander(card_label(candidate)):
                render_card(assistant, candidate)


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
        st.button("New conversation", on_click=start_new_conversation, width="stretch")
        render_model_picker(services.assistant)
        render_uploader(services)
        candidates = services.assistant.candidates()
        if not candidates:
            return []
        focus = render_focus(candidates)
        render_candidate_list(services.assistant, candidates)
        render_remover(services.assistant, candidates)
        return focus
