"""The Screen view: a job description's rubric, the candidates ranked against it, and the
cited lines behind every cell."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st
from pydantic import ValidationError

from assistant.citations import CitationBook
from assistant.models import Citation, Criterion, Rubric, Screening, ScreenRow
from assistant.screening import (
    leaders,
    protected_reason,
    screening_table,
    table_csv,
    table_markdown,
)
from assistant.service import Assistant
from ingest.readers import ReadError, read_lines
from ui.markup import citation_label, md_escape, resume_html
from ui.sidebar import UPLOAD_TYPES, Upload
from ui.state import focus_chat

JOB_TEXT = "job_text"
RUBRIC = "rubric"  # the rubric being edited (a Rubric), read from the posting
BLIND = "blind"
MATRIX = "matrix"
_VERDICT_MARKS = {"meets": "✓ meets", "possible": "~ possible", "missing": "–", "unknown": "?"}
_MODES = ["must", "nice", "gate"]
_KINDS = ["skill", "years", "degree", "language", "certification", "location", "employer"]
_FIXED_COLUMNS = ("#", "candidate", "points", "why")


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


def render_matrix(table: dict[str, object]) -> tuple[int, str | None] | None:
    """Candidates x criteria, one mark per cell. Returns the selected (row index, criterion)
    (criterion None when a whole row or a fixed column is selected), or None."""
    rubric, rows = table["rubric"], table["rows"]
    assert isinstance(rubric, list) and isinstance(rows, list)
    criteria = [str(c["text"]) for c in rubric]
    event = st.dataframe(
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
        key=MATRIX,
        on_select="rerun",
        selection_mode=["single-cell", "single-row"],
    )
    selection = event.selection
    if selection.cells:
        index, column = selection.cells[0]
        return int(index), (column if column in criteria else None)
    if selection.rows:
        return int(selection.rows[0]), None
    return None


def row_citations(
    assistant: Assistant, screening: Screening, row: ScreenRow
) -> tuple[list[str], list[Citation]]:
    """Each criterion's verdict line with its citation numbers, and the citations of the row."""
    book = CitationBook(assistant.catalog)
    lines = []
    for criterion, cell in zip(screening.rubric.criteria, row.cells, strict=True):
        marks = " ".join(f"[{book.cite(ev)}]" for ev in cell.evidence)
        lines.append(f"**{md_escape(criterion.text)}**: {_VERDICT_MARKS[cell.verdict]} {marks}")
    return lines, book.citations


def render_quotes(citations: Sequence[Citation]) -> None:
    for citation in citations:
        st.markdown(f"**[{citation.n}]** {md_escape(citation_label(citation))}")
        st.code(citation.text, language=None, wrap_lines=True)


def render_selected(
    assistant: Assistant, screening: Screening, blind: bool, selected: tuple[int, str | None]
) -> None:
    """The resume viewer for the selected matrix row (or cell: only that criterion's lines)."""
    index, criterion = selected
    if index >= len(screening.rows):
        return
    row = screening.rows[index]
    label = f"Candidate {index + 1}" if blind else row.name
    with st.container(border=True, key="selected-cell"):
        what = f" · {md_escape(criterion)}" if criterion else ""
        st.markdown(f"**{index + 1}. {md_escape(label)}**{what}")
        if blind:
            st.caption("Quotes are hidden in blind mode; turn it off to see them.")
            return
        book = CitationBook(assistant.catalog)
        for crit, cell in zip(screening.rubric.criteria, row.cells, strict=True):
            if criterion is None or crit.text == criterion:
                if criterion is not None:
                    st.caption(f"{_VERDICT_MARKS[cell.verdict]} {md_escape(cell.note)}")
                for ev in cell.evidence:
                    book.cite(ev)
        if not book.citations:
            st.caption("No resume line was found for this; nothing to show.")
            return
        by_source: dict[str, list[Citation]] = {}
        for citation in book.citations:
            by_source.setdefault(citation.source, []).append(citation)
        for source, cited in by_source.items():
            resume = assistant.resume_for(row.candidate_id, source)
            refs = ", ".join(md_escape(citation_label(c)) for c in cited)
            st.caption(refs)
            if resume is not None:
                st.html(resume_html(resume, cited, prefix=f"sel-{index}", height="20rem"))


def render_cited_cells(assistant: Assistant, screening: Screening, blind: bool, shown: int) -> None:
    """The evidence of the leading rows, criterion by criterion, with the resume to open."""
    for rank, row in enumerate(screening.rows[:shown], 1):
        label = f"Candidate {rank}" if blind else row.name
        # No key: a keyed expander kept its old label when an edited rubric reordered the rows.
        with st.expander(f"{rank}. {md_escape(label)} · {row.score:g} points"):
            st.caption(md_escape(row.why))
            lines, citations = row_citations(assistant, screening, row)
            for line in lines:
                st.markdown(line)
            if blind:
                st.caption("Quotes are hidden in blind mode; reveal the row to see them.")
                if not st.checkbox("Reveal this candidate", key=f"reveal-{rank}"):
                    continue
            render_quotes(citations)
            by_source: dict[str, list[Citation]] = {}
            for citation in citations:
                by_source.setdefault(citation.source, []).append(citation)
            for source, cited in by_source.items():
                resume = assistant.resume_for(row.candidate_id, source)
                if resume is not None and st.toggle(
                    f"Open {md_escape(source)}", key=f"open-{rank}-{source}"
                ):
                    st.html(resume_html(resume, cited))


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
        with st.spinner("Reading the posting…"):
            st.session_state[RUBRIC] = assistant.read_rubric(posting)
        st.session_state.pop("rubric-editor", None)
    rubric: Rubric | None = st.session_state.get(RUBRIC)
    if rubric is None:
        return
    for why in rubric.refused:
        st.warning(f"Not used as a criterion: {md_escape(why)}")
    for note in rubric.notes:
        st.caption(md_escape(note))
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
    st.caption("Select a cell or a row to see the resume lines behind it.")
    selected = render_matrix(table)
    if selected is not None:
        render_selected(assistant, screening, blind, selected)
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
