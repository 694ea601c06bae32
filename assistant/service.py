"""The one entry point the browser and the command line share: ask, list, remove, look up.

:class:`Assistant` keeps an in-memory :class:`Catalog` of the store and rebuilds it when the
store's generation changes (for example after another process ingested resumes). With a model
configured (``RECRUITER_LLM``) answers are written by it; the extractive strategy is always
there, as the fallback and for users who pick "no LLM".
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.answering import AnswerStrategy, AnswerStream, LLMConfigError, ModelUnreachable
from assistant.answering.extractive import ExtractiveStrategy
from assistant.catalog import Catalog
from assistant.citations import verify
from assistant.embeddings import Embedder, MiniLMEmbedder
from assistant.matching import prepare as prepare_matching
from assistant.models import (
    Answer,
    Candidate,
    Citation,
    Conversation,
    QueryPlan,
    Resume,
    Rubric,
    Turn,
)
from assistant.originals import Originals
from assistant.page_images import PageImage, forget_rendered, render_cited_page
from assistant.planning import LLMPlanner, Planner, RulesPlanner
from assistant.protected import protected_reason
from assistant.question import is_follow_up
from assistant.retrieval import Retriever
from assistant.screening import (
    Screener,
    casual_posting,
    looks_like_job_description,
    posting_lines,
    read_rubric,
    screening_answer,
)
from assistant.settings import Settings
from assistant.store import Erasure, ResumeStore, open_reader

if TYPE_CHECKING:
    from assistant.answering.llm import LLMStrategy

# LangChain (assistant.answering.llm, .judging) is imported only when a model is configured:
# listing candidates or answering without a model should not wait for it.

EMPTY_STORE = (
    "There are no resumes yet. Upload some in the sidebar, or load a folder with "
    "`python -m ingest PATH`."
)


@dataclass(frozen=True)
class Removal:
    """The files a removal matched, and what was erased from the store with them."""

    sources: list[str]
    erasure: Erasure | None
    originals: int = 0  # original PDF files deleted

    def summary(self) -> str:
        if self.erasure is None:
            return "Nothing matched; nothing was removed."
        kept = f" {self.originals} original PDF file(s) deleted." if self.originals else ""
        return f"Removed {', '.join(self.sources)}: {self.erasure.summary()}{kept}"


class Assistant:
    def __init__(
        self,
        settings: Settings | None = None,
        store: ResumeStore | None = None,
        embedder: Embedder | None = None,
        llm: LLMStrategy | None = None,
        readable_copy: bool = False,
    ) -> None:
        """``readable_copy``: answer from a temporary copy when the store is read-only (see
        :func:`assistant.store.open_store`); for callers that never change the store."""
        self.settings = settings or Settings()
        self.embedder = embedder or MiniLMEmbedder(
            self.settings.embedding_batch_size, self.settings.embedding_precision
        )
        self.store = store or open_reader(self.settings, self.embedder, readable_copy)
        self.extractive = ExtractiveStrategy()
        self.llm = llm
        self.llm_error: str | None = None
        if llm is None and self.settings.llm and self.settings.answer_mode == "auto":
            from assistant.answering.llm import LLMStrategy, build_chat_model

            try:
                self.llm = LLMStrategy(
                    build_chat_model(self.settings), self.settings.llm, self.settings
                )
            except LLMConfigError as err:
                self.llm_error = str(err)
        self.retriever = Retriever(self.store, self.embedder, self.settings)
        self.screener = Screener(self.retriever)
        self._catalog: Catalog | None = None
        self._generation: str | None = None
        self._lock = threading.Lock()
        self.originals = Originals.from_settings(self.settings)  # the PDFs, to show their pages

    @property
    def catalog(self) -> Catalog:
        generation = self.store.generation()
        with self._lock:
            if self._catalog is None or generation != self._generation:
                self._catalog = self._rebuild(self._catalog)
                self._generation = generation
            return self._catalog

    def _rebuild(self, previous: Catalog | None) -> Catalog:
        """A fresh catalog; resumes unchanged since ``previous`` are not read again."""
        detached = self.store.detached()
        if previous is None:
            prepare_matching()  # with the first catalog, not with the first question near-miss
            self.retriever.related_words.prepare(compute=False)  # loaded if kept
            return Catalog.build(self.store.load_resumes(), detached=detached)
        versions = self.store.versions()
        kept = [
            r
            for rid, version in versions.items()
            if (r := previous.originals.get(rid)) is not None
            and r.content_hash == version.content_hash
            and r.profile.version == version.profile_version
        ]
        known = {r.id for r in kept}
        fresh = self.store.load_resumes([rid for rid in versions if rid not in known])
        return Catalog.build([*kept, *fresh], previous, detached)

    def planner(self, strategy: AnswerStrategy) -> Planner:
        """The model reads questions when it writes the answers (unless the settings say
        rules); otherwise the rules do."""
        model = self._model_strategy(strategy)
        if model is not None and self.settings.planner != "rules":
            return LLMPlanner(model.model, model.model_name)
        return RulesPlanner()

    def strategy(self, use_llm: bool = True) -> AnswerStrategy:
        return self.llm if (use_llm and self.llm is not None) else self.extractive

    def _model_strategy(self, strategy: AnswerStrategy) -> LLMStrategy | None:
        """The model strategy when ``strategy`` is it (told by identity, so that asking
        without a model never imports LangChain for an isinstance check)."""
        return self.llm if self.llm is not None and strategy is self.llm else None

    def read_rubric(self, posting: str, use_llm: bool = True) -> Rubric:
        """The rubric a job posting states, for review before screening: read by the model when
        one is configured (and ``use_llm``), checked in code, else or when the model fails read
        from the posting's structure (``Rubric.read_by`` and ``notes`` say which, and why).
        The model only reads the posting; screening is scored in code."""
        if not use_llm or self.llm is None:
            return read_rubric(posting)
        from assistant.rubrics import read_rubric_with_model

        return read_rubric_with_model(posting, self.llm.model, self.llm.model_name)

    def ask(
        self,
        question: str,
        conversation: Conversation | None = None,
        focus: list[str] | None = None,
        use_llm: bool = True,
    ) -> Answer:
        """Answer one question. ``conversation`` (updated in place) makes follow-ups work;
        ``focus`` limits the question to these candidate ids unless it names someone else."""
        return self.ask_stream(question, conversation, focus, use_llm).answer

    def ask_stream(
        self,
        question: str,
        conversation: Conversation | None = None,
        focus: list[str] | None = None,
        use_llm: bool = True,
    ) -> AnswerStream:
        """Like :meth:`ask`, but the answer's text arrives as it is written. The conversation is
        updated when the stream has been consumed."""
        conversation = conversation if conversation is not None else Conversation()
        question = question.strip()
        catalog = self.catalog
        turn = Turn(question=question, answer=Answer(question=question, answer=""))
        if not question:
            inner = AnswerStream.of(
                Answer(question=question, answer="Ask a question about the candidates.")
            )
        elif not catalog.candidates:
            inner = AnswerStream.of(Answer(question=question, answer=EMPTY_STORE))
        elif (refusal := protected_reason(question)) is not None:
            inner = AnswerStream.of(Answer(question=question, answer=refusal))
        elif (
            posting := posting_lines(question)
            if looks_like_job_description(question)
            else casual_posting(question)
        ) and (rubric := self.read_rubric(posting, use_llm)).criteria:
            # A pasted job description: every candidate in scope against its criteria.
            screening = self.screener.screen(rubric, catalog, list(focus or catalog.candidates))
            answer = screening_answer(screening, catalog, question)
            answer.notices = [*rubric.notes, *answer.notices]
            turn.kind, turn.scope_ids = "match", answer.candidate_ids
            inner = AnswerStream.of(answer)
        else:
            inner = self._answer(question, catalog, conversation, focus, turn, use_llm)

        def finish(_: str) -> Answer:
            answer = inner.answer
            checked = verify(answer.citations, catalog)
            if len(checked) != len(answer.citations):
                answer.notices.append(
                    f"{len(answer.citations) - len(checked)} citation(s) did not match the stored "
                    "resume and were removed."
                )
                answer.citations = checked
            turn.answer = answer
            conversation.turns.append(turn)
            return answer

        return AnswerStream(iter(inner), finish)

    def _answer(
        self,
        question: str,
        catalog: Catalog,
        conversation: Conversation,
        focus: list[str] | None,
        turn: Turn,
        use_llm: bool,
    ) -> AnswerStream:
        """Plan, retrieve, (with a model) judge the shortlist, and write the answer."""
        strategy = self.strategy(use_llm)
        model = self._model_strategy(strategy)
        standalone = question
        if (
            model is not None
            and self.settings.llm_rewrite_follow_ups
            and conversation.turns
            and is_follow_up(question)
        ):
            standalone = model.rewrite(question, conversation)
        offline_because = ""
        try:
            plan = self.planner(strategy).plan(standalone, catalog, conversation, focus)
        except ModelUnreachable as failed:
            # One failure is enough: no second call to a model that is down or slow.
            plan = RulesPlanner().plan(standalone, catalog, conversation, focus)
            offline_because, strategy = str(failed), self.extractive
        plan.question = question
        turn.kind, turn.scope_ids = plan.kind, plan.candidate_ids
        turn.employers, turn.operation = plan.employers, plan.operation
        retrieved = self.retriever.retrieve(plan, catalog)
        model = self._model_strategy(strategy)
        if model is not None and _judged(plan):
            from assistant.answering.judging import SHORTLIST_SIZE, ShortlistJudge

            extra = self.retriever.possible_matches(plan, catalog, limit=SHORTLIST_SIZE)
            judge = ShortlistJudge(model.model, model.model_name)
            try:
                retrieved = judge.judge(retrieved, extra, catalog)
            except ModelUnreachable as failed:
                offline_because, strategy = str(failed), self.extractive
        if offline_because and self.llm is not None:
            note = (
                f"The language model ({self.llm.model_name}) was not used because "
                f"{offline_because}; this is the extractive answer."
            )
            retrieved = retrieved.model_copy(update={"notes": [*retrieved.notes, note]})
        return strategy.stream(retrieved, catalog, conversation)

    def candidates(self) -> list[Candidate]:
        return sorted(self.catalog.candidates.values(), key=lambda c: c.name.lower())

    def resume(self, resume_id: str) -> Resume | None:
        return self.catalog.resumes.get(resume_id)

    def resume_for(self, candidate_id: str, source: str) -> Resume | None:
        return next((r for r in self.catalog.resumes_of(candidate_id) if r.source == source), None)

    def cited_pages(self, resume: Resume, citations: Sequence[Citation]) -> list[PageImage]:
        """The PDF pages of ``resume`` that ``citations`` point into, as images with the cited
        lines highlighted; empty when its original was not kept (another format, or ingested
        before originals were kept) or cannot be rendered."""
        path = self.originals.find(resume)
        if path is None:
            return []
        # Page -> line number -> text: a line cited twice is drawn once, and in page order
        # (which the search uses to tell repeated text apart).
        wanted: dict[int, dict[int, str]] = {}
        for citation in citations:
            if citation.page is None:
                continue
            cited = resume.line_range(citation.page, citation.line_start, citation.line_end)
            lines = wanted.setdefault(citation.page, {})
            lines.update((ln.number, ln.text) for ln in cited if not ln.blank)
        images = []
        for page, lines in sorted(wanted.items()):
            texts = [text for _, text in sorted(lines.items())]
            image = render_cited_page(path, page, texts, resume.content_hash)
            if image is not None:
                images.append(image)
        return images

    def split(self, source: str, undo: bool = False) -> list[str]:
        """Take the resume file ``source`` apart from the candidate it was joined to (one
        person's files are joined by name, contact or text; a user can disagree), or with
        ``undo`` let it be joined again. Returns the files affected; empty when none matched."""
        catalog = self.catalog
        ids = [r.id for r in catalog.resumes.values() if r.source == source.strip()]
        if not ids:
            return []
        detached = self.store.detached()
        self.store.set_detached(detached - set(ids) if undo else detached | set(ids))
        return [catalog.resumes[i].source for i in ids]

    def remove(self, target: str) -> Removal:
        """Remove a candidate (by id or name, all their resumes) or one resume (by file name),
        and erase them from the store's files. No file matched when ``sources`` is empty."""
        catalog = self.catalog
        wanted = target.strip().lower()
        ids = sorted(
            r.id
            for r in catalog.resumes.values()
            if wanted in (r.source.lower(), r.candidate_id.lower(), r.candidate_name.lower())
        )
        if not ids:
            return Removal([], None)
        removed = sorted(catalog.resumes[i].source for i in ids)
        # The files first: should the store's erasure fail half-way, no page of theirs is left.
        # And any original whose resume left the store some other way. (An ingest in another
        # process writes its resume before its original, so only one finishing both between
        # the two reads here can lose its original: its page is then shown as text, until the
        # file is ingested again.) Read before the erasure: the store is not read after it in
        # this call, since a read of a rebuilt collection rewrites its index files from this
        # process's memory, which may still hold the person's text (see the README on erasure).
        staying = set(self.store.versions()) - set(ids)
        originals = self.originals.remove(ids) + self.originals.prune(staying)
        forget_rendered()
        erasure = self.store.erase(ids)
        return Removal(removed, erasure, originals)


def _judged(plan: QueryPlan) -> bool:
    """Whether a model judges the plan's shortlist: "who has" questions over several
    candidates, except those answered from profile facts (employers, places, degrees, schools,
    stated years, dates), which are not a matter of reading."""
    return (
        plan.kind == "match"
        and plan.scope != "named"
        and not (plan.employers or plan.place or plan.degree or plan.schools)
        and plan.min_years is None
        and plan.max_years is None
        and plan.period is None
    )
