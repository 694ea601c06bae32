"""``python -m assistant``: ask questions, chat, list and remove candidates.

python -m assistant ask "Who has Kubernetes experience?" [--json]
python -m assistant chat [--json]        one question per line on stdin; follow-ups work
python -m assistant candidates [--json]
python -m assistant split FILE [--undo]   a file wrongly joined to another candidate
python -m assistant remove CANDIDATE_OR_FILE
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date

from assistant.models import Answer, Candidate, Conversation, Fact, Resume
from assistant.service import Assistant

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
        print(
            f"    {'experience:':15} {months // 12} years {months % 12} months from the role dates"
        )
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


def main(argv: list[str] | None = None) -> int:
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
    args = parser.parse_args(argv)

    assistant = Assistant()
    if assistant.llm_error:
        print(f"error: {assistant.llm_error}", file=sys.stderr)
        return 2
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
        removed = assistant.remove(args.target)
        if not removed:
            print(f"Nothing matches {args.target!r}; see `python -m assistant candidates`.")
            return 1
        print("Removed: " + ", ".join(removed))
    return 0
