"""Resume text and file names as the browser shows them: literally, never as markup.

Everything a resume or an applicant chose (names, lines, file names) is untrusted. Streamlit's
markdown would turn ``![a](http://host/x)`` into an image the browser fetches, and ``st.html``
would load ``<img src=...>``. Labels are markdown-escaped, HTML is html-escaped, and an answer
(which a language model may have written from injected resume text) keeps its bold, lists and
tables but loses images, links and raw HTML; its ``[n]`` markers become links to the cited lines.
No streamlit here: these are plain functions of text, tested directly.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Iterable, Mapping, Sequence

from assistant.models import Citation, Resume
from assistant.page_images import PageImage

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&=^\"'])")
# GFM makes a link of a bare "http://..." or "www...." whatever the escaping (and then shows
# the escapes in it), so an invisible word joiner (U+2060) is put after the "http" or "www".
_AUTOLINK = re.compile(r"(?<=http)(?=\\?:)|(?<=https)(?=\\?:)|(?<=www)(?=\\?\.)", re.IGNORECASE)
JOINER = "\u2060"
# In an answer: an escaped character (kept), a citation marker, or a character that could start
# an image, a link, raw HTML, LaTeX, a coloured span or an icon (escaped).
_ANSWER_TOKEN = re.compile(r"\\.|\[(\d{1,3})\]|([!\[\]()<>$:])", re.DOTALL)


def md_escape(text: str) -> str:
    """Show ``text`` literally in Streamlit markdown (no links, images, colours or LaTeX)."""
    return _AUTOLINK.sub(JOINER, _MARKDOWN_SPECIAL.sub(r"\\\1", text))


def anchor(prefix: str, n: int) -> str:
    """The element id of citation ``n`` of one answer (``prefix`` names the turn)."""
    return f"{prefix}-cite-{n}"


def answer_markdown(text: str, prefix: str | None = None, cited: Iterable[int] = ()) -> str:
    """``text`` (markdown) with images, links and raw HTML made literal; each ``[n]`` marker of a
    citation in ``cited`` becomes a link to that citation's lines (``#prefix-cite-n``).

    Characters that were already escaped stay as they are, so text escaped upstream (the
    extractive answers) is not escaped twice."""
    numbers = set(cited)

    def token(match: re.Match[str]) -> str:
        number, special = match.groups()
        if number is not None:
            n = int(number)
            if prefix is not None and n in numbers:
                return f"[\\[{n}\\]](#{anchor(prefix, n)})"
            return f"\\[{n}\\]"
        if special is not None:
            return "\\" + special
        return match.group(0)

    return _AUTOLINK.sub(JOINER, _ANSWER_TOKEN.sub(token, text))


def citation_label(citation: Citation) -> str:
    """``Anika Sharma — anika_sharma.md, p. 2, lines 3–5`` (no page for non-PDF files)."""
    page = f"p. {citation.page}, " if citation.page is not None else ""
    if citation.line_start == citation.line_end:
        lines = f"line {citation.line_start}"
    else:
        lines = f"lines {citation.line_start}–{citation.line_end}"
    return f"{citation.candidate} — {citation.source}, {page}{lines}"


def resume_html(
    resume: Resume, citations: Sequence[Citation], prefix: str | None = None, height: str = "32rem"
) -> str:
    """All stored lines of ``resume`` with line numbers; cited lines are highlighted and tagged
    with their citation numbers. Every piece of resume text is html-escaped. With ``prefix``,
    the first line of each citation carries its :func:`anchor`, so a link to it scrolls the box
    to that line (and opens the ``<details>`` around it)."""
    tags: dict[tuple[int | None, int], list[int]] = {}
    starts: dict[tuple[int | None, int], list[int]] = {}
    for citation in citations:
        starts.setdefault((citation.page, citation.line_start), []).append(citation.n)
        for line in resume.line_range(citation.page, citation.line_start, citation.line_end):
            tags.setdefault((line.page, line.number), []).append(citation.n)
    rows: list[str] = []
    page: int | None = None
    for line in resume.lines:
        if line.page is not None and line.page != page:
            page = line.page
            rows.append(f'<div style="{_PAGE_STYLE}">Page {page}</div>')
        text = html.escape(line.text) or "&nbsp;"
        key = (line.page, line.number)
        cited = tags.get(key)
        if cited:
            refs = " ".join(f"[{n}]" for n in cited)
            ids = "".join(
                f'<span id="{anchor(prefix, n)}" style="{_ANCHOR_STYLE}"></span>'
                for n in starts.get(key, [])
                if prefix is not None
            )
            text = f'{ids}<mark style="{_MARK_STYLE}">{text}</mark> <b>{refs}</b>'
        rows.append(
            f'<div style="{_ROW_STYLE}"><span style="{_NUMBER_STYLE}">{line.number}</span>'
            f"<span>{text}</span></div>"
        )
    return f'<div style="{_BOX_STYLE}max-height:{height}">{"".join(rows)}</div>'


def page_images_html(source: str, pages: Sequence[PageImage]) -> str:
    """The cited pages of a PDF as images (PNG data URIs, so the browser fetches nothing), each
    with an alt text naming the file and page."""
    figures = []
    for image in pages:
        alt = f"Page {image.page} of {source}, cited lines highlighted"
        data = base64.b64encode(image.png).decode("ascii")
        found = (
            ""
            if image.found == image.cited
            else f" · {image.cited - image.found} cited line(s) not found on the image"
        )
        figures.append(
            f'<figure style="{_FIGURE_STYLE}">'
            f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}" '
            f'width="{image.width}" height="{image.height}" style="{_IMG_STYLE}">'
            f'<figcaption style="{_CAPTION_STYLE}">Page {image.page}{found}</figcaption>'
            "</figure>"
        )
    return "".join(figures)


def sources_html(
    citations: Sequence[Citation],
    resumes: dict[tuple[str, str], Resume | None],
    prefix: str,
    pages: Mapping[tuple[str, str], Sequence[PageImage]] | None = None,
) -> str:
    """The sources under an answer: one compact line per citation (a link to its lines), then
    one closed viewer per cited file. Following a ``[n]`` link opens the file's viewer scrolled
    to the highlighted line (browsers open a ``<details>`` that holds a link's target), so the
    cited text is shown once, in context, and only when asked for. ``pages`` holds, per cited
    PDF, its cited pages as images with the lines highlighted: shown beside the text (above it
    when the screen is narrow)."""
    links = []
    by_file: dict[tuple[str, str], list[Citation]] = {}
    for citation in citations:
        by_file.setdefault((citation.candidate_id, citation.source), []).append(citation)
        links.append(
            f'<a href="#{anchor(prefix, citation.n)}" style="{_LINK_STYLE}">'
            f"[{citation.n}] {html.escape(citation_label(citation))}</a>"
        )
    parts = [f'<div style="{_SOURCES_STYLE}">Sources</div>', f"<div>{'<br>'.join(links)}</div>"]
    for key, cited in by_file.items():
        resume = resumes.get(key)
        _, source = key
        refs = " ".join(f"[{c.n}]" for c in cited)
        summary = f"Open {html.escape(source)} ({html.escape(cited[0].candidate)}) · {refs}"
        body = (
            resume_html(resume, cited, prefix, height="24rem")
            if resume is not None
            else "<i>This resume is no longer in the store.</i>"
        )
        images = (pages or {}).get(key) if resume is not None else None
        if images:
            pages_shown = ", ".join(str(i.page) for i in images)
            body = (
                f'<div style="{_SIDE_BY_SIDE_STYLE}">'
                f'<details data-pages="{html.escape(source)}" style="{_PAGES_STYLE}">'
                f'<summary style="cursor:pointer">Page{"s" if len(images) > 1 else ""} '
                f"{pages_shown} as printed, cited lines highlighted</summary>"
                f"{page_images_html(source, images)}</details>"
                f'<div style="{_TEXT_STYLE}">{body}</div></div>'
            )
        parts.append(
            f'<details data-source="{html.escape(source)}" style="{_DETAILS_STYLE}">'
            f'<summary style="cursor:pointer">{summary}</summary>{body}</details>'
        )
    return f'<div style="{_SMALL_STYLE}">{"".join(parts)}</div>'


_BOX_STYLE = "overflow-y:auto;font-size:0.9rem;line-height:1.5;"
_PAGE_STYLE = "margin:0.5rem 0 0.25rem;font-weight:600;opacity:0.7"
_ROW_STYLE = "display:flex;gap:0.75rem;white-space:pre-wrap"
_NUMBER_STYLE = (
    "flex:0 0 2.5rem;text-align:right;opacity:0.5;font-family:monospace;user-select:none"
)
_MARK_STYLE = "background:rgba(255,200,0,0.35);color:inherit;padding:0 0.1rem"
# Leaves a little context above the cited line when a link scrolls to it.
_ANCHOR_STYLE = "display:inline-block;width:0;scroll-margin-top:3rem"
_LINK_STYLE = "color:inherit;text-decoration:none"
_SOURCES_STYLE = "font-weight:600;opacity:0.7;margin-top:0.25rem"
_SMALL_STYLE = "font-size:0.85rem;line-height:1.6"
_DETAILS_STYLE = "margin-top:0.4rem"
# The page images and the text side by side; wrapped, the images come first (above the text).
# The images sit in a closed <details> of their own until asked for: shown at once, they made
# a [n] link in an earlier answer land off its line now and then (the chat's stick-to-bottom
# scrolling moved the page again once the images had been laid out).
_SIDE_BY_SIDE_STYLE = "display:flex;flex-wrap:wrap;gap:0.75rem;align-items:flex-start"
_PAGES_STYLE = "flex:3 1 22rem;max-width:44rem;min-width:0"
_TEXT_STYLE = "flex:2 1 20rem;min-width:0"
_FIGURE_STYLE = "margin:0 0 0.5rem"
_IMG_STYLE = "display:block;width:100%;height:auto;border:1px solid rgba(128,128,128,0.4)"
_CAPTION_STYLE = "opacity:0.7;font-size:0.8rem"
