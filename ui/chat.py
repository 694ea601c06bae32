"""The chat: the history, the answer being written, its sources, and what to ask next."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from assistant.models import Answer, Candidate, Citation, Conversation, Resume
from assistant.page_images import PageImage
from assistant.question import CLOSEST_LINES
from assistant.service import Assistant
from ui.markup import answer_markdown, md_escape, sources_html
from ui.state import CONVERSATION, FOCUS, PENDING, USE_LLM, ask_later, turn_key

EXAMPLES = [
    "Who has Kubernetes experience?",
    "Who speaks Spanish?",
    "Who has the most years of experience?",
]


def example_questions(candidates: Sequence[Candidate]) -> list[str]:
    """Questions that work on any store; one names a candidate, so "about" questions show."""
    named = next((c.name for c in candidates if c.named), None)
    return [*EXAMPLES, f"Summarize {named}'s background"] if named else list(EXAMPLES)


def render_examples(candidates: Sequence[Candidate]) -> None:
    """Clickable example questions, shown while the conversation is empty."""
    st.caption("Try one of these, or type your own question below:")
    questions = example_questions(candidates)
    for column, question in zip(st.columns(len(questions)), questions, strict=True):
        column.button(
            md_escape(question),  # a candidate's name is resume text
            key=f"example-{question}",
            on_click=ask_later,
            args=(question,),
            width="stretch",
        )


def render_next_steps(answer: Answer, key: str) -> None:
    """After "nobody matches": the nearest lines to the requirement, everyone (when a focus
    limited the question), or a rephrasing."""
    wanted = answer.unmatched
    if not wanted:
        return
    st.caption("Next steps:")
    left, right = st.columns(2)
    left.button(
        f"{CLOSEST_LINES} “{md_escape(wanted)}”",
        key=f"{key}-closest",
        on_click=ask_later,
        args=(f"{CLOSEST_LINES} {wanted}",),
        help="Asks for the requirement alone: the closest passages in every resume, quoted.",
    )
    if st.session_state.get(FOCUS):
        right.button(
            "Ask every candidate, not only those in focus",
            key=f"{key}-everyone",
            on_click=ask_later,
            args=(answer.question, []),
        )
    st.caption(
        "Or rephrase: a broader term (“cloud” for one provider), a synonym, or one requirement "
        "at a time."
    )


def cited_resumes(
    assistant: Assistant, citations: Sequence[Citation]
) -> dict[tuple[str, str], Resume | None]:
    return {
        (c.candidate_id, c.source): assistant.resume_for(c.candidate_id, c.source)
        for c in citations
    }


def cited_pages(
    assistant: Assistant,
    citations: Sequence[Citation],
    resumes: dict[tuple[str, str], Resume | None],
) -> dict[tuple[str, str], list[PageImage]]:
    """The cited pages of each cited PDF, as images (none for other files, or for PDFs whose
    original was not kept)."""
    pages: dict[tuple[str, str], list[PageImage]] = {}
    for (candidate_id, source), resume in resumes.items():
        if resume is not None:
            cited = [c for c in citations if (c.candidate_id, c.source) == (candidate_id, source)]
            pages[candidate_id, source] = assistant.cited_pages(resume, cited)
    return pages


def render_answer(assistant: Assistant, answer: Answer, key: str) -> None:
    numbers = [c.n for c in answer.citations]
    st.markdown(answer_markdown(answer.answer, key, numbers))
    if answer.model:
        st.caption(f"Written by {md_escape(answer.model)}; citations checked against the resumes.")
    for notice in answer.notices:
        st.warning(answer_markdown(notice))
    render_next_steps(answer, key)
    if answer.citations:
        resumes = cited_resumes(assistant, answer.citations)
        pages = cited_pages(assistant, answer.citations, resumes)
        st.html(sources_html(answer.citations, resumes, key, pages))


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
                # A model may be writing from injected resume text: no images or links even
                # in the draft.
                draft.markdown(answer_markdown(written) + " ▌")
            answer = stream.answer
        draft.empty()
        render_answer(assistant, answer, turn_key(len(st.session_state[CONVERSATION].turns) - 1))


def render_chat(
    assistant: Assistant, candidates: Sequence[Candidate], focus: list[str], typed: str | None
) -> None:
    """The history, then the question ``typed`` in the chat input (drawn early by the app) or
    asked by a button."""
    conversation: Conversation = st.session_state[CONVERSATION]
    render_history(assistant, conversation)
    pending = st.session_state.pop(PENDING, None)
    if not conversation.turns and not pending and not typed and candidates:
        render_examples(candidates)
    question = typed if isinstance(typed, str) and typed.strip() else pending
    if question:
        ask(assistant, question, focus)
