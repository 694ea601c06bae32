"""How many stored lines of the sample PDFs the page images find and highlight, and their cost.

``python -m tests.page_image_coverage`` reads each PDF of ``sample_docs/resumes`` the way ingest
does, then for every page renders it with each of its non-blank visible lines cited alone, and
prints per page the lines found out of those cited, the PNG size of the page with all of them
highlighted, and the median time of an uncached render (one line cited).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from assistant.page_images import forget_rendered, render_cited_page
from ingest.pipeline import parse_resume

RESUMES = Path(__file__).resolve().parents[1] / "sample_docs" / "resumes"


def main() -> None:
    found = cited = 0
    times: list[float] = []
    for path in sorted(RESUMES.glob("*.pdf")):
        resume = parse_resume(path.name, path.read_bytes())
        for page in sorted({ln.page for ln in resume.lines if ln.page is not None}):
            texts = [
                ln.text
                for ln in resume.lines
                if ln.page == page and not ln.blank and not ln.hidden  # hidden: never cited
            ]
            hits = 0
            for text in texts:
                forget_rendered()
                start = time.perf_counter()
                image = render_cited_page(path, page, [text])
                times.append(time.perf_counter() - start)
                hits += bool(image and image.found)
            whole = render_cited_page(path, page, texts)
            size = len(whole.png) // 1024 if whole else 0
            print(f"{path.name} p. {page}: {hits}/{len(texts)} lines found; PNG {size} kB")
            found, cited = found + hits, cited + len(texts)
    print(f"all: {found}/{cited} lines found; render median {statistics.median(times):.3f} s")


if __name__ == "__main__":
    main()
