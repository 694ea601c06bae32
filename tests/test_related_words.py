"""Words of the embedding model's vocabulary related to a question's word, and how they bring a
candidate near a requirement put in other words than their resume's."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from assistant import related_words
from assistant.catalog import Catalog
from assistant.embeddings import MiniLMEmbedder
from assistant.matching import Calibration, calibration, nearness
from assistant.models import Conversation
from assistant.question import plan_question
from assistant.related_words import (
    PER_WORD,
    THRESHOLD,
    RelatedWords,
    rare_terms,
    surface_forms,
    vocabulary,
)
from assistant.service import Assistant
from assistant.settings import Settings
from assistant.store import open_store
from assistant.terms import normalize, terms
from ingest.pipeline import Ingestor, SourceFile, parse_resume
from tests.conftest import HashingEmbedder


@pytest.mark.parametrize(
    ("text", "written"),
    [
        (
            "made software usable, disabilities",
            {"made": "made", "softwar": "software", "usabl": "usable", "disabl": "disabilities"},
        ),
        # a hyphenated word under its joined term and under each part's
        (
            "on-call production systems",
            {
                "oncal": "on-call",
                "on": "on",
                "call": "call",
                "product": "production",
                "system": "systems",
            },
        ),
        ("mentored juniors", {"mentor": "mentored", "junior": "juniors"}),
    ],
)
def test_each_term_is_looked_up_as_the_question_writes_it(
    text: str, written: dict[str, str]
) -> None:
    assert surface_forms(text) == written


@pytest.mark.parametrize(
    ("held_by", "pool", "rare"),
    [
        (0, 40, True),  # no resume holds it: the case words in other words are for
        (4, 40, True),  # 10% of the candidates
        (5, 40, False),
        (1, 5, False),  # in a pile of five, any word one of them holds is met as written
    ],
)
def test_only_terms_few_resumes_hold_are_looked_up(held_by: int, pool: int, rare: bool) -> None:
    assert rare_terms(["term"], lambda _: held_by, pool) == (["term"] if rare else [])


def _catalog(texts: dict[str, str]) -> tuple[Catalog, list[str]]:
    """A catalog of plain-text resumes (file name -> text), and their candidates in order."""
    resumes = [parse_resume(n, t.encode()) for n, t in texts.items()]
    return Catalog.build(resumes), [r.candidate_id for r in resumes]


def _shared(embedder: MiniLMEmbedder) -> RelatedWords:
    return RelatedWords(embedder, Path(os.environ["RECRUITER_CACHE_PATH"]))


@pytest.mark.parametrize(
    ("word", "related"),
    [
        ("disabilities", "accessibility"),
        ("smartphones", "mobile"),
        ("smartphones", "android"),
        ("mentored", "coached"),
        ("taught", "teaching"),
    ],
)
def test_the_closest_vocabulary_words_mean_about_the_same(
    minilm: MiniLMEmbedder, word: str, related: str
) -> None:
    words = _shared(minilm)
    term = normalize(word)
    found = words.related({term: word}, present=lambda stem: True)[term]
    assert related in [w for w, _ in found]
    assert len(found) <= PER_WORD
    assert all(similarity >= THRESHOLD for _, similarity in found)
    assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)
    assert all(normalize(w) != term for w, _ in found)  # the word itself is met as written
    # Only words some resume holds are offered.
    kept = words.related({term: word}, present=lambda stem: stem != normalize(related))[term]
    assert related not in [w for w, _ in kept]


def test_words_close_to_the_whole_requirement_are_added_to_each_term(
    minilm: MiniLMEmbedder,
) -> None:
    words = _shared(minilm)
    asked = {"breath": "breathing", "machin": "machines"}
    alone = words.related(asked, present=lambda stem: True)
    whole = words.related(asked, present=lambda stem: True, whole="breathing machines")
    # Read together, the two words mean a ventilator; "machines" alone does not.
    assert "ventilation" not in [w for w, _ in alone["machin"]]
    assert "ventilation" in [w for w, _ in whole["machin"]]
    for term, found in whole.items():
        assert {w for w, _ in alone[term]} <= {w for w, _ in found}
        # the requirement's own words are met as written, never as related words
        assert not {normalize(w) for w, _ in found} & set(asked)
        assert all(similarity >= THRESHOLD for _, similarity in found)
        assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)
    # Only words some resume holds are offered.
    held = words.related(
        asked, present=lambda stem: stem != normalize("ventilation"), whole="breathing machines"
    )
    assert "ventilation" not in [w for found in held.values() for w, _ in found]


def test_every_related_word_is_a_word_the_resumes_can_hold(minilm: MiniLMEmbedder) -> None:
    found = _shared(minilm).related({"on": "on", "about": "about"}, present=lambda stem: True)
    assert all(terms(w, query=True) for words in found.values() for w, _ in words)


class _Counting(HashingEmbedder):
    name = "counting"

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.sizes.append(len(texts))
        return super().embed(texts)


def test_the_vectors_are_computed_once_and_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    n = len(vocabulary())
    embedder = _Counting()
    monkeypatch.setattr(related_words, "_LOADED", {})
    # A first catalog only loads them when they are kept: it is not held up computing them.
    RelatedWords(embedder, tmp_path).prepare(compute=False)
    assert embedder.sizes == [] and not list(tmp_path.iterdir())
    RelatedWords(embedder, tmp_path).prepare()
    assert embedder.sizes == [n]
    (kept,) = tmp_path.glob("vocabulary-vectors-counting-*.npy")
    assert np.load(kept).shape == (n, embedder.embed(["x"]).shape[1])
    embedder.sizes.clear()
    # Another process reads them from the folder, a first catalog too.
    monkeypatch.setattr(related_words, "_LOADED", {})
    loaded = RelatedWords(embedder, tmp_path)
    loaded.prepare(compute=False)
    loaded.related({"x": "x"}, present=lambda stem: True)
    assert embedder.sizes == [1]  # the question's word alone
    embedder.sizes.clear()
    # A damaged file is computed again and replaced.
    kept.write_bytes(b"not an array")
    monkeypatch.setattr(related_words, "_LOADED", {})
    RelatedWords(embedder, tmp_path).prepare()
    assert embedder.sizes == [n]
    assert np.load(kept).shape[0] == n
    # A folder that cannot be made keeps them in memory, and questions are still answered.
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    monkeypatch.setattr(related_words, "_LOADED", {})
    words = RelatedWords(embedder, blocked / "cache")
    assert isinstance(words.related({"x": "x"}, present=lambda stem: True), dict)
    assert not (blocked / "cache").exists()


def test_a_line_holding_a_related_word_holds_that_much_of_the_term() -> None:
    texts = {
        "ada.txt": "Ada Quint\nExperience\n- Owned accessibility for the checkout\n",
        "ben.txt": "Ben Ortolan\nExperience\n- Built the access control service\n",
        "cy.txt": "Cy Marlowe\nExperience\n- Ran the night shift at the bakery\n",
    }
    catalog, (ada, ben, cy) = _catalog(texts)
    asked: list[list[str]] = []

    def related(rare: list[str]) -> dict[str, list[tuple[str, float]]]:
        asked.append(rare)
        return {"disabl": [("accessibility", 0.6)]}

    scored = {
        n.candidate_id: n
        for n in nearness(["disabl"], {}, {}, [ada, ben, cy], catalog, related=related)
    }
    near = {cid: n.features for cid, n in scored.items()}
    assert asked == [["disabl"]]
    assert near[ada]["related_coverage"] == pytest.approx(0.6)
    # Ben's line holds "access", the stem of "accessibility", but not the word.
    assert near[ben]["related_coverage"] == 0
    assert near[cy]["related_coverage"] == 0
    assert all(f["coverage"] == 0 for f in near.values())
    # The line is quoted, and the why names the word it holds.
    (first, _), *_ = scored[ada].lines
    assert "accessibility" in catalog.lines[first].line.text
    assert "“accessibility”" in scored[ada].why
    assert "accessibility" not in scored[ben].why


def test_related_margin_says_how_far_ahead_a_line_in_other_words_is() -> None:
    texts = {
        "ada.txt": "Ada Quint\nExperience\n- Owned accessibility and screen-reader support\n",
        "ben.txt": "Ben Ortolan\nExperience\n- Audited the store for screen readers\n",
        "cy.txt": "Cy Marlowe\nExperience\n- Ran the night shift at the bakery\n",
    }
    catalog, (ada, ben, cy) = _catalog(texts)

    def related(rare: list[str]) -> dict[str, list[tuple[str, float]]]:
        return {"disabl": [("accessibility", 0.6), ("screen", 0.3)]}

    near = {
        n.candidate_id: n.features
        for n in nearness(["disabl"], {}, {}, [ada, ben, cy], catalog, related=related)
    }
    # Ada's line is ahead of everyone else's by what Ben's holds less; the others trail hers.
    assert near[ada]["related_coverage"] == pytest.approx(0.6)
    assert near[ben]["related_coverage"] == pytest.approx(0.3)
    assert near[ada]["related_margin"] == pytest.approx(0.3)
    assert near[ben]["related_margin"] == pytest.approx(-0.3)
    assert near[cy]["related_margin"] == pytest.approx(-0.6)


@pytest.mark.parametrize(
    ("probability", "nearest", "near"),
    [
        (0.37, 0.99, False),  # below 40% of the nearest's probability
        (0.40, 0.99, True),
        (0.99, 0.99, True),
        (0.30, 0.50, True),
        (0.30, 0.0, True),  # others match outright: the threshold alone decides
        (0.25, 0.0, False),
    ],
)
def test_beside_the_nearest_a_near_miss_needs_a_share_of_their_probability(
    probability: float, nearest: float, near: bool
) -> None:
    model = Calibration({}, threshold=0.28, relative_share=0.4)
    assert model.comes_near(probability, nearest) is near


PILE = {
    "ada.md": "# Ada Quint\nSoftware engineer\n## Experience\n"
    "- Owned accessibility for the checkout: screen reader labels and keyboard navigation\n"
    "- Made the design system in React and TypeScript\n",
    "ben.txt": "Ben Ortolan\nSoftware engineer\nExperience\n"
    "- Made the access control service in Go\n- Ran the Postgres upgrade to version 15\n",
    "cy.txt": "Cy Marlowe\nSoftware engineer\nExperience\n"
    "- Made the nightly batch jobs restartable\n- Moved the billing software to Kotlin\n",
    "dee.txt": "Dee Harrow\nSoftware engineer\nExperience\n"
    "- Made Tableau dashboards for sales\n- Cleaned CRM data every quarter\n",
    "eli.txt": "Eli Strand\nSoftware engineer\nExperience\n"
    "- Made the search service scale to 2M users\n- On call for the payments software\n",
    "fay.txt": "Fay Linden\nSoftware engineer\nExperience\n"
    "- Made the Android app load in half the time\n- Wrote the release checklist\n",
    "gus.txt": "Gus Ferro\nBaker\nExperience\n- Made sourdough for three cafés\n"
    "- Ran the night shift\n",
    "hal.txt": "Hal Brenner\nNurse\nExperience\n- Cared for patients on a surgical ward\n"
    "- Charge nurse on weekends\n",
    "ida.txt": "Ida Sorel\nAccountant\nExperience\n- Made the month-end close two days shorter\n"
    "- Filed quarterly VAT returns\n",
    "kit.txt": "Kit Varga\nTechnical recruiter\nExperience\n"
    "- Sourced engineers with Gem, LinkedIn Recruiter and Boolean search\n"
    "- Hired 40 engineers in 2023\n",
    "jon.txt": "Jon Aske\nTeacher\nExperience\n- Taught maths to 11-16 year olds\n"
    "- Made the school's exam timetable\n",
    "lia.txt": "Lia Munro\nRespiratory therapist\nExperience\n"
    "- Managed mechanical ventilation in a 12-bed ICU\n- Made the weaning checklist\n",
}


def test_a_requirement_in_other_words_finds_the_line_that_means_it(
    tmp_path: Path, minilm: MiniLMEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(store_path=tmp_path / "store")
    store = open_store(settings, minilm)
    report = Ingestor(store, minilm, settings).ingest(
        [SourceFile(n, data=t.encode()) for n, t in PILE.items()]
    )
    assert not report.failed
    assistant = Assistant(settings, store=store, embedder=minilm)
    question = "Who has made software usable for people with disabilities?"
    answer = assistant.ask(question)
    assert answer.candidates == ["Ada Quint"]
    assert "come close" in answer.answer  # a possible match, kept apart from matches
    assert any("accessibility" in c.text for c in answer.citations)
    nobody = assistant.ask("Who has flown commercial aircraft?")
    assert nobody.candidates == []
    # "Gem" lies close to "Ruby", but a name the question writes is met only as written.
    rails = assistant.ask("Anyone with Ruby on Rails experience?")
    assert rails.candidates == []
    # "breathing machines" in a resume's words: "mechanical ventilation", "respiratory".
    ventilated = assistant.ask("Who has looked after people on breathing machines?")
    assert ventilated.candidates == ["Lia Munro"]
    assert any("ventilation" in c.text for c in ventilated.citations)
    # The related word brings her nearer: her line holds "accessibility", close in meaning to
    # "disabilities", and without it only how her resume reads counts.
    catalog = assistant.catalog
    plan = plan_question(question, catalog, Conversation())
    (ada,) = [c for c, who in catalog.candidates.items() if who.name == "Ada Quint"]
    with_related = {
        n.candidate_id: n.probability for n in assistant.retriever.nearness(plan, catalog)
    }
    monkeypatch.setattr(
        assistant.retriever.related_words, "related", lambda asked, present, whole=None: {}
    )
    alone = {n.candidate_id: n.probability for n in assistant.retriever.nearness(plan, catalog)}
    assert alone[ada] < with_related[ada]
    assert calibration().threshold <= with_related[ada]


def test_a_word_close_to_several_terms_counts_for_each_and_is_named_once() -> None:
    texts = {
        "ada.txt": "Ada Quint\nExperience\n- Managed mechanical ventilation in the ICU\n",
        "ben.txt": "Ben Ortolan\nExperience\n- Ran the night shift at the bakery\n",
    }
    catalog, (ada, ben) = _catalog(texts)

    def related(rare: list[str]) -> dict[str, list[tuple[str, float]]]:
        # a word close to the whole requirement comes for each of its rare terms
        return {t: [("ventilation", 0.6)] for t in rare}

    scored = {
        n.candidate_id: n
        for n in nearness(["breath", "machin"], {}, {}, [ada, ben], catalog, related=related)
    }
    assert scored[ada].features["related_coverage"] == pytest.approx(0.6)
    assert scored[ada].why.count("ventilation") == 1
    assert scored[ben].features["related_coverage"] == 0


def test_the_reason_names_the_words_as_the_question_writes_them() -> None:
    texts = {
        "ada.txt": "Ada Quint\nExperience\n- Contributed to the checkout library\n",
        "ben.txt": "Ben Ortolan\nExperience\n- Ran the night shift\n",
    }
    catalog, (ada, ben) = _catalog(texts)
    scored = {
        n.candidate_id: n
        for n in nearness(
            ["contribut"], {}, {}, [ada, ben], catalog, as_asked={"contribut": "contributed"}
        )
    }
    assert scored[ada].why.startswith("shares contributed and reads alike")
    assert "contribut," not in scored[ada].why and "shares" not in scored[ben].why
