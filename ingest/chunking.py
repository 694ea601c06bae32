"""Labelled lines -> chunks: consecutive lines of one section (and one page), each chunk keeping
its line range. A chunk holds at most ``max_words`` words so its embedded text stays far below
MiniLM's 256-token limit; a single line longer than that is embedded as several overlapping
windows that all cite the same line.
"""

from __future__ import annotations

from assistant.models import Chunk, Resume, ResumeLine
from assistant.store import chunk_id

_WINDOW_OVERLAP = 10  # words shared by consecutive windows of one long line


def _windows(words: list[str], size: int) -> list[str]:
    step = max(1, size - _WINDOW_OVERLAP)
    return [
        " ".join(words[i : i + size]) for i in range(0, max(1, len(words) - _WINDOW_OVERLAP), step)
    ]


def chunk_resume(resume: Resume, max_words: int) -> list[Chunk]:
    groups: list[list[ResumeLine]] = []
    current: list[ResumeLine] = []
    words = 0
    for line in resume.lines:
        if line.blank or line.suspicious:
            continue
        n = len(line.text.split())
        starts_new = current and (
            line.section != current[0].section
            or line.page != current[0].page
            or words + n > max_words
        )
        if starts_new:
            groups.append(current)
            current, words = [], 0
        current.append(line)
        words += n
    if current:
        groups.append(current)

    chunks: list[Chunk] = []
    for group in groups:
        first, last = group[0], group[-1]
        texts = (
            _windows(first.text.split(), max_words)
            if len(group) == 1 and len(first.text.split()) > max_words
            else ["\n".join(line.text.strip() for line in group)]
        )
        for text in texts:
            chunks.append(
                Chunk(
                    id=chunk_id(resume, len(chunks)),
                    resume_id=resume.id,
                    candidate_id=resume.candidate_id,
                    section=first.section,
                    page=first.page,
                    line_start=first.number,
                    line_end=last.number,
                    # The name and section give the vector context a bare bullet lacks.
                    text=f"{resume.candidate_name} ({first.section}): {text}",
                )
            )
    return chunks
