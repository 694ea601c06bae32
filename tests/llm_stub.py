"""A small HTTP server on 127.0.0.1 that speaks two chat protocols and answers from a script, so
the real provider client code runs end to end without a network:

* OpenAI chat completions (``POST /v1/chat/completions``), plain JSON or server-sent events;
* Ollama's chat API (``POST /api/chat``), one JSON object or newline-delimited JSON when streamed.

Each reply is decided by a ``Script``: a function of the request body returning a ``Reply``.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    text: str = ""
    status: int = 200
    delay: float = 0.0  # seconds before answering (for timeouts)
    raw: bytes | None = None  # sent as-is instead of a well-formed response (malformed output)


Script = Callable[[dict[str, Any]], Reply]


@dataclass
class StubState:
    script: Script
    requests: list[dict[str, Any]] = field(default_factory=list)


def evidence_labels(body: dict[str, Any]) -> list[str]:
    prompt = body["messages"][-1]["content"]
    return re.findall(r"^\[(E\d+)\]", prompt, flags=re.MULTILINE)


def candidates_in_prompt(body: dict[str, Any]) -> list[tuple[str, str]]:
    """(candidate name, first evidence label) pairs, in prompt order."""
    prompt = body["messages"][-1]["content"]
    pairs = []
    name = None
    for line in prompt.splitlines():
        if line.startswith("Candidate: "):
            name = line.removeprefix("Candidate: ")
        elif name and (m := re.match(r"^\[(E\d+)\]", line)):
            pairs.append((name, m.group(1)))
            name = None
    return pairs


def is_planner(body: dict[str, Any]) -> bool:
    return "fill in the fields of a plan" in str(body["messages"][0]["content"])


def is_judge(body: dict[str, Any]) -> bool:
    return "You check whether job candidates meet one requirement" in str(
        body["messages"][0]["content"]
    )


def judged_candidates(body: dict[str, Any]) -> list[tuple[str, list[tuple[str, str]]]]:
    """(candidate label, [(evidence label, text)]) in prompt order, from a judging request."""
    out: list[tuple[str, list[tuple[str, str]]]] = []
    for line in str(body["messages"][-1]["content"]).splitlines():
        if m := re.match(r"^Candidate (C\d+):$", line):
            out.append((m.group(1), []))
        elif out and (m := re.match(r"^\[(E\d+)\] (.*)$", line)):
            out[-1][1].append((m.group(1), m.group(2)))
    return out


def verdicts(decide: Callable[[str], str], body: dict[str, Any]) -> Reply:
    """A judging reply: ``decide(evidence text)`` gives yes / unsure / no per line; a
    candidate's verdict is its best line's, citing the lines that gave it."""
    rank = {"yes": 2, "unsure": 1, "no": 0}
    out = []
    for label, items in judged_candidates(body):
        said = [(decide(text), e) for e, text in items]
        best = max((v for v, _ in said), key=rank.__getitem__, default="no")
        cited = [e for v, e in said if v == best and best != "no"]
        out.append({"candidate": label, "verdict": best, "evidence": cited, "reason": ""})
    return Reply(text=json.dumps({"verdicts": out}))


def is_rewrite(body: dict[str, Any]) -> bool:
    return "Rewrite the recruiter's last question" in body["messages"][0]["content"]


def _chunk(text: str, finish: str | None, model: str) -> bytes:
    payload = {
        "id": "chatcmpl-stub",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "delta": {"role": "assistant", "content": text} if text else {},
                "finish_reason": finish,
            }
        ],
    }
    return f"data: {json.dumps(payload)}\n\n".encode()


class _Handler(BaseHTTPRequestHandler):
    state: StubState

    def log_message(self, *args: Any) -> None:  # keep test output quiet
        pass

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length) or b"{}")
        self.state.requests.append(body)
        ollama = self.path.rstrip("/") == "/api/chat"
        if not ollama and not self.path.rstrip("/").endswith("/chat/completions"):
            self._json(404, {"error": {"message": "not found"}})
            return
        reply = self.state.script(body)
        if reply.delay:
            time.sleep(reply.delay)
        if ollama:
            self._ollama(body, reply)
            return
        if reply.status != 200:
            self._json(
                reply.status, {"error": {"message": "scripted failure", "type": "server_error"}}
            )
            return
        model = body.get("model", "stub")
        if reply.raw is not None:
            self.send_response(200)
            kind = "text/event-stream" if body.get("stream") else "application/json"
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(reply.raw)))
            self.end_headers()
            self.wfile.write(reply.raw)
            return
        if body.get("stream"):
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for piece in re.findall(r"\S+\s*|\s+", reply.text):
                self.wfile.write(_chunk(piece, None, model))
                self.wfile.flush()
            self.wfile.write(_chunk("", "stop", model))
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()
            return
        self._json(
            200,
            {
                "id": "chatcmpl-stub",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": reply.text},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
            },
        )

    def _ollama(self, body: dict[str, Any], reply: Reply) -> None:
        if reply.status != 200:
            self._json(reply.status, {"error": "scripted failure"})
            return
        if reply.raw is not None:
            self.send_response(200)
            self.send_header("Content-Type", "application/x-ndjson")
            self.end_headers()
            self.wfile.write(reply.raw)
            return
        model = body.get("model", "stub")
        done = {
            "model": model,
            "created_at": "2026-01-01T00:00:00Z",
            "message": {"role": "assistant", "content": ""},
            "done": True,
            "done_reason": "stop",
            "total_duration": 1,
            "load_duration": 1,
            "prompt_eval_count": 1,
            "prompt_eval_duration": 1,
            "eval_count": 1,
            "eval_duration": 1,
        }
        if not body.get("stream", True):
            self._json(200, done | {"message": {"role": "assistant", "content": reply.text}})
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/x-ndjson")
        self.end_headers()
        for piece in re.findall(r"\S+\s*|\s+", reply.text):
            line = {
                "model": model,
                "created_at": "2026-01-01T00:00:00Z",
                "message": {"role": "assistant", "content": piece},
                "done": False,
            }
            self.wfile.write(json.dumps(line).encode() + b"\n")
            self.wfile.flush()
        self.wfile.write(json.dumps(done).encode() + b"\n")
        self.wfile.flush()

    def _json(self, status: int, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@contextmanager
def llm_stub(script: Script) -> Iterator[tuple[str, StubState]]:
    """Yields (OpenAI base URL, state); the server lives for the ``with`` block. Ollama clients
    use the same address without ``/v1``."""
    state = StubState(script)
    handler = type("Handler", (_Handler,), {"state": state})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1", state
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    """Run the stub by hand (``python -m tests.llm_stub``) to try the app against it: it
    answers every question by citing the first evidence line of each candidate."""
    with llm_stub(cite_everyone) as (url, _):
        print(f"OpenAI-compatible stub at {url} (Ollama: {url[:-3]}); Ctrl-C to stop", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


def cite_everyone(body: dict[str, Any]) -> Reply:
    """A well-behaved model: one sentence per candidate, citing that candidate's evidence."""
    if is_rewrite(body):
        question = body["messages"][-1]["content"].rsplit("Last question:", 1)[-1].strip()
        return Reply(text=question)
    if is_judge(body):
        return Reply(text='{"verdicts": []}')  # no opinion: the offline verdicts stand
    if is_planner(body):
        return Reply(text="no plan")  # out of shape: the rules read the question
    pairs = candidates_in_prompt(body)
    lines = [f"Here is what the resumes show for {len(pairs)} candidate(s)."]
    lines += [f"- **{name}** is supported by this line [{label}]." for name, label in pairs]
    return Reply(text="\n".join(lines))


if __name__ == "__main__":
    main()
