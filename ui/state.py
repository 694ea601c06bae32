"""Session state keys and the services every view shares."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from assistant.models import Conversation
from assistant.service import Assistant
from ingest.pipeline import Ingestor

CONVERSATION = "conversation"
CONVERSATION_NO = "conversation_no"  # counts "New conversation" clicks, for widget keys
UPLOADED = "uploaded"  # UploadKey -> IngestOutcome of every upload handled in this session
FOCUS = "focus"  # candidate ids the questions are limited to
TO_REMOVE = "to_remove"
REMOVED = "removed"  # message about the last removal, shown once
USE_LLM = "use_llm"  # False when the user picked "No LLM (extractive)"
PENDING = "pending_question"  # a question asked by a button (an example, a next step)
VIEW = "view"


@dataclass(frozen=True)
class Services:
    assistant: Assistant
    ingestor: Ingestor


def init_session_state() -> None:
    st.session_state.setdefault(CONVERSATION, Conversation())
    st.session_state.setdefault(UPLOADED, {})
    st.session_state.setdefault(FOCUS, [])
    st.session_state.setdefault(USE_LLM, True)


def start_new_conversation() -> None:
    st.session_state[CONVERSATION] = Conversation()
    st.session_state[CONVERSATION_NO] = st.session_state.get(CONVERSATION_NO, 0) + 1


def turn_key(index: int) -> str:
    """Widget keys (and HTML ids) of one turn, unique across the conversations of a session."""
    return f"c{st.session_state.get(CONVERSATION_NO, 0)}-t{index}"


def ask_later(question: str, focus: list[str] | None = None) -> None:
    """A button callback: ask ``question`` in this run (and, given ``focus``, set it first)."""
    if focus is not None:
        st.session_state[FOCUS] = focus
    st.session_state[PENDING] = question
    st.session_state[VIEW] = "Chat"


def focus_chat(candidate_ids: list[str]) -> None:
    """Back to the chat, with questions limited to these candidates (a button callback: it runs
    before the sidebar's focus widget is drawn)."""
    st.session_state[FOCUS] = candidate_ids
    st.session_state[VIEW] = "Chat"
