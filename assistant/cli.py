"""``python -m assistant``: ask questions, chat, list and remove candidates.

python -m assistant ask "Who has Kubernetes experience?" [--json]
python -m assistant chat [--json]        one question per line on stdin; follow-ups work
python -m assistant candidates [--json]
python -m assistant remove CANDIDATE_OR_FILE
"""

from __future__ import annotations

import argparse
import json
import re
import sys

from assistant.models import Answer, Conversation
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
            print(json.dumps([c.model_dump() for c in people], ensure_ascii=False))
        for c in [] if args.json else people:
            contact = ", ".join(x for x in (c.email, c.phone) if x)
            print(f"{c.name}  [{c.id}]  {', '.join(c.sources)}  {contact}")
            for warning in c.warnings:
                print(f"    ! {warning}")
        if not people and not args.json:
            print("No candidates yet. Load resumes with: python -m ingest PATH")
    elif args.command == "remove":
        removed = assistant.remove(args.target)
        if not removed:
            print(f"Nothing matches {args.target!r}; see `python -m assistant candidates`.")
            return 1
        print("Removed: " + ", ".join(removed))
    return 0
