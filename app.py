"""The browser chat: ``streamlit run app.py``.

Widgets, session state and rendering only (the views live in :mod:`ui`). Answers, the candidate
list, removal and ingestion come from :mod:`assistant.service` and :mod:`ingest.pipeline`, which
the command line uses too. Resume text is untrusted: :mod:`ui.markup` shows it literally.

The page frame (title, view switch, chat input) is drawn before anything heavy is imported, and
the embedding model loads in a background thread, so the page appears at once and the first
question waits only for what is still loading.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:
    from assistant.settings import Settings
    from ui.state import Services

VIEW = "view"  # as ui.state.VIEW, which is not imported before the first draw


def _settings_key(settings: Settings) -> str:
    return settings.model_dump_json()


# Keyed on the settings so that one process serving other RECRUITER_ settings (the tests do)
# gets a separate assistant per store; otherwise one per process, shared by every session.
@st.cache_resource(
    show_spinner="Opening the resume store…",
    hash_funcs={"assistant.settings.Settings": _settings_key},
)
def load_services(settings: Settings) -> Services:
    from assistant.service import Assistant
    from ingest.pipeline import Ingestor
    from ui.state import Services

    assistant = Assistant(settings)
    return Services(assistant, Ingestor(assistant.store, assistant.embedder, assistant.settings))


@st.cache_resource(show_spinner=False, hash_funcs={"ui.state.Services": id})
def warm_up(services: Services) -> threading.Thread:
    """Load the embedding model in the background, once per store; a question asked before it
    is ready waits for the model's own load lock."""
    thread = threading.Thread(
        target=services.assistant.embedder.embed, args=(["warm up"],), name="warm-up", daemon=True
    )
    thread.start()
    return thread


def main() -> None:
    st.set_page_config(page_title="Recruiter assistant", page_icon="🗂️", layout="wide")
    st.title("Recruiter assistant")
    st.caption(
        "Every answer cites the resume lines it rests on (file, page, line numbers), checked "
        "against the stored resume. Click a [n] to see the line in its resume."
    )
    view = st.segmented_control("View", ["Chat", "Screen"], key=VIEW, default="Chat")
    question = None
    if view != "Screen":
        question = st.chat_input("Ask about the candidates, e.g. “Who has Kubernetes experience?”")

    from pydantic import ValidationError

    from assistant.service import EMPTY_STORE
    from assistant.settings import Settings
    from ui.chat import render_chat
    from ui.screen import render_screen
    from ui.sidebar import render_sidebar
    from ui.state import init_session_state

    try:
        settings = Settings()
    except ValidationError as err:
        st.error(f"A RECRUITER_ setting is invalid:\n\n```\n{err}\n```")
        st.stop()
    services = load_services(settings)
    warm_up(services)
    init_session_state()
    focus = render_sidebar(services)
    candidates = services.assistant.candidates()
    if not candidates:
        st.info(EMPTY_STORE)
    if view == "Screen":
        render_screen(services.assistant)
    else:
        render_chat(services.assistant, candidates, focus, question)


if __name__ == "__main__":
    main()
