"""Report what would be flagged in a folder of resumes: ``python -m tests.hostile_probe``.

    python -m tests.hostile_probe                  # the built-in hostile resumes (tests/hostile.py)
    python -m tests.hostile_probe --devset DIR     # a folder of real resumes: every flag is a
                                                   # false alarm unless a file hides something

Each file is read and analysed as ingest does (normalised text, hidden text, patterns and the
MiniLM check by meaning); nothing is stored. Prints one line per flagged line, with the reason,
and a summary: files with flags / files, flagged lines / lines. ``--scores`` also lists the
highest similarity of any unflagged line the check by meaning looks at, to see how near the
threshold honest text comes.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from assistant.embeddings import MiniLMEmbedder
from ingest.injection import SIMILARITY_THRESHOLD, addressed, instruction_similarity
from ingest.pipeline import parse_resume
from ingest.readers import SUPPORTED, ReadError
from tests.hostile import hostile_resumes


def _files(folder: Path | None) -> dict[str, bytes]:
    if folder is None:
        return hostile_resumes()
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix.lower() in SUPPORTED
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, help="folder of resumes (default: built-in set)")
    parser.add_argument("--scores", action="store_true", help="show the nearest unflagged lines")
    args = parser.parse_args(argv)
    embedder = MiniLMEmbedder()
    files = _files(args.devset)
    flagged_files = flagged_lines = total_lines = 0
    near: list[tuple[float, str, str]] = []
    for name, data in files.items():
        try:
            resume = parse_resume(name, data, embedder)
        except ReadError as err:
            print(f"{name}: not read ({err})")
            continue
        content = [ln for ln in resume.lines if not ln.blank]
        total_lines += len(content)
        flags = [w for w in resume.warnings if not w.startswith("No name found")]
        flagged_files += bool(flags)
        flagged_lines += len(flags)
        for warning in flags:
            print(f"{name}: {warning}")
        if args.scores:
            rest = [
                ln.text
                for ln in content
                if not ln.suspicious and len(ln.text.split()) >= 4 and addressed(ln.text)
            ]
            for text, score in zip(rest, instruction_similarity(rest, embedder), strict=True):
                near.append((float(score), name, text))
    print(
        f"\n{flagged_files} of {len(files)} files flagged, {flagged_lines} of {total_lines} "
        f"lines (similarity threshold {SIMILARITY_THRESHOLD})"
    )
    if args.scores:
        print("nearest unflagged lines:")
        for score, name, text in sorted(near, reverse=True)[:10]:
            print(f"  {score:.3f}  {name}: {text[:90]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
