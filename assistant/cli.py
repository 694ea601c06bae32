"""``python -m assistant``: ask questions, chat, list and remove candidates.

python -m assistant ask "Who has Kubernetes experience?" [--json]
python -m assistant chat [--json]        one question per line on stdin; follow-ups work
python -m assistant candidates [--json]
python -m assistant split FILE [--undo]   a file wrongly joined to another candidate
python -m assistant remove CANDIDATE_OR_FILE
python -m assistant screen JOB_FILE [--rubric R.json] [--save-rubric R.json] [--no-llm]
                                    [--json | --csv | --md] [--blind] [--top N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from assistant.models import Answer, Candidate, Conversation, Fact, Resume, Rubric, years_months
from assistant.settings import Settings, SettingsError, load_settings
from assistant.store import StoreError

if TYPE_CHECKING:
    from assistant.service import Assistant

# The service, screening and the readers are imported where a command needs them: `candidates`
# and keyword questions should not pay for what only other commands use.

_MARKDOWN_ESCAPE = re.compile(r"\\([\\*_\[\]()!<>|~$#])")


def _print_answer(answer: Answer, as_json: bool) -> None:
    if as_json:
        print(json.dumps(answer.public(), ensure_ascii=False), flush=True)
        return
    print(_MARKDOWN_ESCAPE.sub(r"\1", answer.answer))
    for notice in answer.notices:
        print(f"! {notice}")
    if answer.citations:
        print()
    for c in answer.citations:
        where = f"p. {c.page}, " if c.page is not None else ""
        lines = (
            f"line {c.line_start}"
            if c.line_start == c.line_end
            else f"lines {c.line_start}-{c.line_end}"
        )
        print(f"[{c.n}] {c.candidate} — {c.source}, {where}{lines}")
        for text in c.text.splitlines():
            print(f"      > {text}")
    print(flush=True)


def _where(resume: Resume, fact: Fact) -> str:
    return f"[{resume.source}, {fact.where()}]"


def _print_candidate(assistant: Assistant, c: Candidate) -> None:
    """A candidate's profile: each fact with the file and lines it was read from."""
    print(f"{c.name}  [{c.id}]  {', '.join(c.sources)}")
    resume = assistant.resume(c.profile_resume_id) if c.profile_resume_id else None
    for reason in c.merged:
        print(f"    = one person: {reason}")
    for warning in c.warnings:
        print(f"    ! {warning}")
    if resume is None:
        return
    p = resume.profile
    facts: list[tuple[str, str, Fact]] = []
    if p.headline:
        facts.append(("headline", p.headline.value, p.headline))
    if p.location:
        facts.append(("location", p.location.text, p.location))
    facts += [("email", e.value, e) for e in p.emails]
    facts += [("phone", ph.text, ph) for ph in p.phones]
    facts += [("link", link.value, link) for link in p.links]
    for pos in p.positions:
        dates = pos.dates_text or "no dates"
        what = " at ".join(x for x in (pos.title, pos.employer) if x) or "a role"
        facts.append(("current" if pos.current else "role", f"{what} ({dates})", pos))
    for d in p.education:
        parts = [d.degree, d.field, d.school, str(d.year) if d.year else None]
        level = f" [{d.level}{'' if d.completed else ', not completed'}]" if d.level else ""
        facts.append(("education", ", ".join(x for x in parts if x) + level, d))
    facts += [
        ("language", f"{x.language}" + (f" ({x.level})" if x.level else ""), x) for x in p.languages
    ]
    facts += [("certification", x.value, x) for x in p.certifications]
    for label, text, fact in facts:
        print(f"    {label + ':':15} {text}  {_where(resume, fact)}")
    months = p.experience_months(date.today())
    if months is not None:
        print(f"    {'experience:':15} {years_months(months)} from the role dates")
    for note in p.notes:
        print(f"    - {note}")


def _candidate_json(assistant: Assistant, c: Candidate) -> dict[str, object]:
    out: dict[str, object] = c.model_dump()
    resume = assistant.resume(c.profile_resume_id) if c.profile_resume_id else None
    if resume is not None:
        profile = resume.profile
        out["profile"] = {"source": resume.source, **profile.model_dump(mode="json")}
        out["experience_months"] = profile.experience_months(date.today())
    return out


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m assistant", description="Ask about resumes.")
    commands = parser.add_subparsers(dest="command", required=True)
    ask = commands.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the answer as one JSON object")
    ask.add_argument("--no-llm", action="store_true", help="extractive answer, even with a model")
    chat = commands.add_parser("chat", help="answer questions from stdin, one per line")
    chat.add_argument("--json", action="store_true", help="one JSON object per answer")
    chat.add_argument("--no-llm", action="store_true", help="extractive answers, even with a model")
    listing = commands.add_parser("candidates", help="list the candidates in the store")
    listing.add_argument("--json", action="store_true")
    split = commands.add_parser(
        "split", help="take a file apart from the candidate it was joined to (or --undo)"
    )
    split.add_argument("file", help="the resume's file name, as `candidates` lists it")
    split.add_argument("--undo", action="store_true", help="let the file be joined again")
    remove = commands.add_parser("remove", help="remove a candidate (all files) or one file")
    remove.add_argument("target", help="candidate name or id, or a file name")
    screen = commands.add_parser(
        "screen", help="rank every candidate against a job description (TXT, MD, PDF, DOCX)"
    )
    screen.add_argument("job_file", type=Path)
    screen.add_argument("--rubric", type=Path, help="score with this rubric (JSON), e.g. edited")
    screen.add_argument(
        "--save-rubric", type=Path, help="write the rubric read from the posting (JSON) to edit"
    )
    screen.add_argument(
        "--no-llm",
        action="store_true",
        help="read the rubric from the posting's structure, even with a model (a model only "
        "ever reads the rubric; candidates are scored in code)",
    )
    output = screen.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="the whole matrix as JSON")
    output.add_argument("--csv", action="store_true", help="one row per candidate")
    output.add_argument("--md", action="store_true", help="a markdown table")
    screen.add_argument("--blind", action="store_true", help="'Candidate N' instead of names")
    screen.add_argument("--top", type=int, default=None, help="only the N best candidates")
    return parser


def _error(message: str) -> int:
    """One line on stderr, exit status 2: something to fix before the command can run."""
    print(f"error: {' '.join(message.split())}", file=sys.stderr)
    return 2


def _open(settings: Settings, with_model: bool, reads_only: bool) -> Assistant | str:
    """The service, or the one-line reason it cannot start. The chat model is only built for
    a command that uses it, so a bad RECRUITER_LLM never blocks listing or removing. A command
    that ``reads_only`` answers from a temporary copy of a read-only store."""
    from assistant.service import Assistant

    if not with_model:
        settings = settings.model_copy(update={"llm": None})
    try:
        assistant = Assistant(settings, readable_copy=reads_only)
    except StoreError as err:
        return str(err)
    copied = getattr(assistant.store, "copied_from", None)
    if copied is not None:
        print(
            f"note: the store {copied} is read-only; answering from a temporary copy of it",
            file=sys.stderr,
        )
    if assistant.llm_error:
        return f"{assistant.llm_error} (RECRUITER_LLM; --no-llm answers without it)"
    return assistant


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
    except SettingsError as err:
        return _error(str(err))
    if args.command == "screen":
        return _screen(args, settings)

    opened = _open(
        settings,
        args.command in ("ask", "chat") and not args.no_llm,
        reads_only=args.command in ("ask", "chat", "candidates"),
    )
    if isinstance(opened, str):
        return _error(opened)
    try:
        return _run(opened, args)
    except StoreError as err:  # Chroma is opened on first need (see assistant.snapshot)
        return _error(str(err))


def _run(assistant: Assistant, args: argparse.Namespace) -> int:
    if args.command in ("ask", "chat"):
        use_llm = not args.no_llm
        conversation = Conversation()
        questions = [args.question] if args.command == "ask" else sys.stdin
        for line in questions:
            if line.strip():
                answer = assistant.ask(line, conversation, use_llm=use_llm)
                _print_answer(answer, args.json)
    elif args.command == "candidates":
        people = assistant.candidates()
        if args.json:
            print(json.dumps([_candidate_json(assistant, c) for c in people], ensure_ascii=False))
        for c in [] if args.json else people:
            _print_candidate(assistant, c)
        if not people and not args.json:
            print("No candidates yet. Load resumes with: python -m ingest PATH")
    elif args.command == "split":
        affected = assistant.split(args.file, undo=args.undo)
        if not affected:
            print(f"No stored file is called {args.file!r}; see `python -m assistant candidates`.")
            return 1
        verb = "may be joined again" if args.undo else "now stands alone"
        print(f"{', '.join(affected)} {verb}.")
    elif args.command == "remove":
        removal = assistant.remove(args.target)
        if not removal.sources:
            print(f"Nothing matches {args.target!r}; see `python -m assistant candidates`.")
            return 1
        print(removal.summary())
    return 0


class _Unreadable(ValueError):
    """The posting or the rubric file cannot be read; the message says why."""


def _read_posting(args: argparse.Namespace) -> str | Rubric:
    """The rubric given with --rubric, or else the posting's text to read one from."""
    from ingest.readers import ReadError, read_lines

    if args.rubric is not None:
        try:
            return Rubric.model_validate_json(args.rubric.read_text(encoding="utf-8"))
        except OSError as err:
            raise _Unreadable(f"cannot read {args.rubric}: {err.strerror or err}") from None
        except ValidationError as err:
            raise _Unreadable(f"{args.rubric} is not a rubric: {err.errors()[0]['msg']}") from None
    try:
        _, lines = read_lines(args.job_file.name, args.job_file.read_bytes())
    except OSError as err:
        raise _Unreadable(f"cannot read {args.job_file}: {err.strerror or err}") from None
    except ReadError as err:
        raise _Unreadable(f"{args.job_file}: {err}") from None
    return "\n".join(line.text for line in lines)


def _screen(args: argparse.Namespace, settings: Settings) -> int:
    from assistant.screening import screening_answer, screening_table, table_csv, table_markdown

    try:
        given = _read_posting(args)
    except _Unreadable as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    # The model, when one is configured, only reads the rubric; screening is scored in code.
    wants_model = isinstance(given, str) and not args.no_llm
    opened = _open(settings, with_model=wants_model, reads_only=True)
    if isinstance(opened, str) and wants_model and "RECRUITER_LLM" in opened:
        # The model would only read the rubric, which the posting's structure gives too.
        print(f"! {opened}; the rubric is read from the posting's structure", file=sys.stderr)
        opened = _open(settings, with_model=False, reads_only=True)
    if isinstance(opened, str):
        return _error(opened)
    rubric = given if isinstance(given, Rubric) else opened.read_rubric(given, not args.no_llm)
    for note in rubric.notes:
        print(f"! {note}", file=sys.stderr)
    if not rubric.criteria and not isinstance(given, Rubric):
        print(
            f"error: {args.job_file}: no requirements found (expected a 'Requirements' or "
            "'Must have' part with bullets or items); write a rubric JSON and pass it with "
            "--rubric",
            file=sys.stderr,
        )
        return 2
    if args.save_rubric is not None:
        args.save_rubric.write_text(rubric.model_dump_json(indent=2) + "\n", encoding="utf-8")
        print(f"rubric written to {args.save_rubric}", file=sys.stderr)
    for why in rubric.refused:
        print(f"! not used as a criterion: {why}", file=sys.stderr)
    catalog = opened.catalog
    if not catalog.candidates:
        print("No candidates yet. Load resumes with: python -m ingest PATH", file=sys.stderr)
        return 1
    screening = opened.screener.screen(rubric, catalog)
    if args.top is not None:
        screening.rows = screening.rows[: max(args.top, 0)]
    if not (args.json or args.csv or args.md):
        _print_answer(screening_answer(screening, catalog, rubric.title, args.blind), False)
        return 0
    table = screening_table(screening, catalog, args.blind)
    if args.json:
        print(json.dumps(table, ensure_ascii=False))
    elif args.csv:
        print(table_csv(table), end="")
    else:
        print(table_markdown(table), end="")
    return 0
