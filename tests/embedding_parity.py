"""How close our MiniLM vectors are to sentence-transformers', and how fast each embeds.

``python -m tests.embedding_parity [--rounds N]`` reads every non-blank line of
``sample_docs/resumes`` the way ingest does (about 480 lines), embeds them with
sentence-transformers' ``SentenceTransformer`` (fp32, the reference, loaded from the same
bundled model folder) and with :class:`assistant.embeddings.MiniLMEmbedder` in fp32, and prints
the cosine of each line's two vectors (minimum, 1st percentile, mean) and each side's texts/s
(best of N rounds taken in turns, after a warm-up). Both use batches of 64, sorted by length.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from assistant.embeddings import MiniLMEmbedder, model_path
from ingest.readers import read_lines

RESUMES = Path(__file__).resolve().parents[1] / "sample_docs" / "resumes"


def resume_lines(folder: Path = RESUMES) -> list[str]:
    lines: list[str] = []
    for path in sorted(folder.iterdir()):
        _, read = read_lines(path.name, path.read_bytes())
        lines += [line.text.strip() for line in read if line.text.strip()]
    return lines


def reference() -> Callable[[Sequence[str]], np.ndarray]:
    """sentence-transformers' fp32 vectors of the bundled model, called as the product did."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(model_path()), device="cpu")

    def embed(texts: Sequence[str]) -> np.ndarray:
        vectors = model.encode(
            list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)

    return embed


def texts_per_second(
    embedders: dict[str, Callable[[Sequence[str]], np.ndarray]], texts: list[str], rounds: int
) -> dict[str, float]:
    """Best texts/s of each embedder over the rounds, taking turns within each round so that
    load from other processes falls on both alike."""
    best = dict.fromkeys(embedders, 0.0)
    for embed in embedders.values():
        embed(texts[:8])  # warm-up
    for _ in range(rounds):
        for name, embed in embedders.items():
            started = time.perf_counter()
            embed(texts)
            best[name] = max(best[name], len(texts) / (time.perf_counter() - started))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    lines = resume_lines()
    ours = MiniLMEmbedder(batch_size=64, precision="fp32").embed
    theirs = reference()
    cosine = (ours(lines) * theirs(lines)).sum(axis=1)
    print(f"{len(lines)} resume lines")
    print(
        f"cosine to sentence-transformers fp32: min {cosine.min():.7f}, "
        f"1st percentile {np.percentile(cosine, 1):.6f}, mean {cosine.mean():.6f}"
    )
    speeds = texts_per_second(
        {"sentence-transformers": theirs, "ours (numpy fp32)": ours}, lines, args.rounds
    )
    for name, speed in speeds.items():
        print(f"{name}: {speed:.1f} texts/s")
    print(f"load average {os.getloadavg()[0]:.2f} (other processes skew texts/s)")


if __name__ == "__main__":
    main()
