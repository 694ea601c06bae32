"""Scores the assistant against the labeled question set in ``sample_docs/questions.json``.

Candidate recall and precision are micro-averaged over all turns: a turn expecting nobody
contributes every candidate it names as a false positive. Evidence recall is the share of
labeled evidence lines that some citation of that candidate covers. Run it directly for a report:
``python -m tests.evaluation`` (uses the store configured by the RECRUITER_ settings).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from assistant.models import Answer, Conversation
from assistant.service import Assistant

QUESTIONS = Path(__file__).resolve().parents[1] / "sample_docs" / "questions.json"


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


@dataclass
class TurnResult:
    conversation: str
    question: str
    expected: set[str]
    answered: set[str]
    evidence_found: int
    evidence_total: int
    answer: Answer


@dataclass
class Report:
    turns: list[TurnResult] = field(default_factory=list)

    @property
    def recall(self) -> float:
        expected = sum(len(t.expected) for t in self.turns)
        hit = sum(len(t.expected & t.answered) for t in self.turns)
        return hit / expected if expected else 1.0

    @property
    def precision(self) -> float:
        answered = sum(len(t.answered) for t in self.turns)
        hit = sum(len(t.expected & t.answered) for t in self.turns)
        return hit / answered if answered else 1.0

    @property
    def evidence_recall(self) -> float:
        total = sum(t.evidence_total for t in self.turns)
        return sum(t.evidence_found for t in self.turns) / total if total else 1.0

    def misses(self) -> list[TurnResult]:
        return [t for t in self.turns if t.expected != t.answered]

    def text(self) -> str:
        lines = [
            f"turns {len(self.turns)}  candidate recall {self.recall:.3f}  "
            f"precision {self.precision:.3f}  evidence recall {self.evidence_recall:.3f}"
        ]
        for t in self.misses():
            lines.append(
                f"- [{t.conversation}] {t.question}\n    missing {sorted(t.expected - t.answered)}"
                f"\n    extra   {sorted(t.answered - t.expected)}"
            )
        return "\n".join(lines)


def evaluate(assistant: Assistant, path: Path = QUESTIONS) -> Report:
    data = json.loads(path.read_text(encoding="utf-8"))
    report = Report()
    for conv in data["conversations"]:
        conversation = Conversation()
        for turn in conv["turns"]:
            answer = assistant.ask(turn["question"], conversation)
            expected = {_key(n) for n in turn["expected_candidates"]}
            answered = {_key(n) for n in answer.candidates}
            found = 0
            for ev in turn.get("evidence", []):
                if any(
                    _key(c.candidate) == _key(ev["candidate"])
                    and c.source == ev["source"]
                    and ev["contains"] in c.text
                    for c in answer.citations
                ):
                    found += 1
            report.turns.append(
                TurnResult(
                    conv["id"],
                    turn["question"],
                    expected,
                    answered,
                    found,
                    len(turn.get("evidence", [])),
                    answer,
                )
            )
    return report


if __name__ == "__main__":
    print(evaluate(Assistant()).text())
