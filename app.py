"""The browser chat: ``streamlit run app.py``.

Widgets, session state and rendering only (the views live in :mod:`ui`). Answers, the candidate
list, removal and ingestion come from :mod:`assistant.service` and :mod:`ingest.pipeline`, which
the command line uses too. Resume text is untrusted: :mod:`ui.markup` shows it literally.
"""

from __future__ import annotations

import threading

import streamlit as st
from pydantic import ValidationError

from assistant.service import EMPTY_STORE, Assistant
from assistant.settings import Settings
from ingest.pipeline import Ingestor
from ui.chat import render_chat
from ui.screen import render_screen
from ui.sidebar import render_sidebar
from ui.state import VIEW, Services, init_session_state


# Keyed on the settings so that one process serving other RECRUITER_ settings (the tests do)
# gets a separate assistant per store; otherwise one per process, shared by every session.
@st.cache_resource(
    show_spinner="Opening the resume store…",
    hash_funcs={Settings: lambda settings: settings.model_dump_json()},
)
def load_services(settings: Settings) -> Services:
    assistant = Assistant(settings)
    return Services(assistant, Ingestor(assistant.store, assistant.embedder, assistant.settings))


@st.cache_resource(
    show_spinner=False, hash_funcs={Services: lambda services: id(services.assistant)}
)
def warm_up(services: Services) -> threading.Thread:
    """Load the embedding model in the background, once per process, so the page draws at once;
    a question asked before it is ready waits for the model's own load lock."""
    thread = threading.Thread(
        target=services.assistant.embedder.embed, args=(["warm up"],), daemon=True
    )
    thread.start()
    return thread


def main() -> None:
    st.set_page_config(page_title="Recruiter assistant", page_icon="🗂️", layout="wide")
    st.title("Recruiter assistant")
    try:
        settings = Settings()
    except ValidationError as err:
        st.error(f"A RECRUITER_ setting is invalid:\n\n```\n{err}\n```")
        st.stop()
    services = load_services(settings)
    warm_up(services)
    init_session_state()
    st.caption(
        "Every answer cites the resume lines it rests on (file, page, line numbers), checked "
        "against the stored resume. Click a [n] to see the line in its resume."
    )
    focus = render_sidebar(services)
    candidates = services.assistant.candidates()
    if not candidates:
        st.info(EMPTY_STORE)
    view = st.segmented_control("View", ["Chat", "Screen"], key=VIEW, default="Chat")
    if view == "Screen":
        render_screen(services.assistant)
        return
    render_chat(services.assistant, candidates, focus)


if __name__ == "__main__":
    main()
