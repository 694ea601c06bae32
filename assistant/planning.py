"""Question -> plan, by one of two planners behind one interface.

* :class:`RulesPlanner` (the offline default) is :func:`assistant.question.plan_question`.
* :class:`LLMPlanner` asks the configured chat model, through structured output, for a
  :class:`PlanDraft`: the operation, the names as the question writes them, the requirement in
  plain words with its spelling fixed ("kuberntes stuff" -> "Kubernetes"), what is excluded,
  employers, place, degree, bounds on years, a time condition and the aspect asked about. Code
  then writes the draft as a canonical question ("How many candidates have Kubernetes but not
  Go?") and plans that with the rules, so the plan has one shape whoever drafted it. Names are
  resolved in code against the candidates; the model never chooses a candidate id. A draft
  naming nobody the pool has, a reply out of shape or a model without structured output fall
  back to the rules planner; a model that cannot be reached raises
  :class:`~assistant.answering.llm.ModelUnreachable`, so the caller answers offline without
  calling it again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from pydantic import BaseModel, Field

from assistant.catalog import Catalog
from assistant.fields import asked_fields, excluded_fields
from assistant.models import Aspect, Conversation, Operation, QueryPlan
from assistant.question import named_candidates, plan_question

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import BaseMessage

# LangChain is imported only where the model planner runs: the rules planner (every question
# without a model) must not pay for it at start.


class Planner(Protocol):
    name: str

    def plan(
        self,
        question: str,
        catalog: Catalog,
        conversation: Conversation | None = None,
        focus: list[str] | None = None,
    ) -> QueryPlan: ...


class RulesPlanner:
    name = "rules"

    def plan(
        self,
        question: str,
        catalog: Catalog,
        conversation: Conversation | None = None,
        focus: list[str] | None = None,
    ) -> QueryPlan:
        return plan_question(question, catalog, conversation, focus)


class PlanDraft(BaseModel):
    """What a model reads in a recruiter's question."""

    operation: Operation = Field(
        description="who: which candidates meet a requirement; count: how many do; compare: "
        "named candidates side by side; rank: ordered by seniority or experience; fact: a fact "
        "or section about named candidates; search: anything else."
    )
    candidates: list[str] = Field(
        default_factory=list, description="Candidate names exactly as the question writes them."
    )
    previous_candidates: bool = Field(
        False,
        description="The question is about the candidates of the previous answer (them, those, "
        "she, he, which of them).",
    )
    requirement: str = Field(
        "",
        description="What a candidate must have, in plain words with spelling fixed, without "
        "framing words (e.g. 'Kubernetes', 'people management', 'on-call for production').",
    )
    excluded: str = Field("", description="What a candidate must not have ('X but not Y': Y).")
    employers: list[str] = Field(
        default_factory=list, description="Employers a candidate must have worked at."
    )
    place: str = Field("", description="Where a candidate must be based, as written.")
    degree: str = Field(
        "", description="A degree asked for, e.g. 'PhD', 'MBA', 'master's in computer science'."
    )
    min_years: int | None = Field(None, ge=0, le=60, description="Minimum years asked for.")
    max_years: int | None = Field(
        None, ge=0, le=60, description="Maximum years asked for ('less than 5 years': 4)."
    )
    when: str = Field(
        "",
        description="A time condition as the question puts it: 'before 2018', 'since 2020', "
        "'between 2015 and 2018', 'in the last 3 years', 'currently'.",
    )
    aspect: Aspect | None = Field(
        None, description="For fact questions: the part of the resume asked about."
    )


_SYSTEM = """\
You read a recruiter's question about a pool of candidate resumes and fill in the fields of a \
plan. Do not answer the question. Fix misspellings of skills and tools. Keep names exactly as \
written. Leave a field empty when the question does not say it."""

_ASPECT_QUESTIONS: dict[str, str] = {
    "summary": "Summarize {names}",
    "experience": "What is the work experience of {names}?",
    "education": "Where did {names} study?",
    "skills": "What skills does {names} have?",
    "languages": "Which languages does {names} speak?",
    "certifications": "Which certifications does {names} hold?",
    "contact": "What is the email and phone of {names}?",
    "years": "How many years of experience does {names} have?",
    "location": "Where is {names} based?",
    "current": "What is the current role of {names}?",
    "roles": "Which companies has {names} worked for?",
    "first_role": "What was the first job of {names}?",
    "previous_role": "What was the previous job of {names}?",
}


def _messages(question: str, conversation: Conversation | None) -> list[BaseMessage]:
    from langchain_core.messages import HumanMessage, SystemMessage

    context = ""
    if conversation is not None and conversation.last is not None:
        context = f"Previous question: {conversation.last.question}\n"
    return [SystemMessage(_SYSTEM), HumanMessage(f"{context}Question: {question}")]


def canonical_question(draft: PlanDraft, catalog: Catalog) -> str | None:
    """The draft written as a question the rules planner reads unambiguously; None when it names
    candidates the pool does not have (then the rules read the original question)."""
    names: list[str] = []
    for written in draft.candidates:
        ids, _ = named_candidates(written, catalog)
        names += [
            catalog.candidates[i].name for i in ids if catalog.candidates[i].name not in names
        ]
    if draft.candidates and not names:
        return None
    who = " and ".join(names)
    if draft.operation == "compare" and len(names) >= 2:
        return f"Compare {who}"
    if draft.operation == "rank":
        if len(names) >= 2:
            return f"Which of {who} is the most senior?"
        if draft.previous_candidates:
            return "Which of them is the most senior?"
        # "Rank the data engineers by experience": those who match, ranked.
        wanted = draft.requirement.strip(" ?.!")
        return (
            f"Who is the most senior candidate with {wanted}?"
            if wanted
            else ("Who is the most senior candidate?")
        )
    if draft.operation in ("fact", "compare") and names:
        template = _ASPECT_QUESTIONS.get(draft.aspect or "summary", "Summarize {names}")
        if draft.aspect is None and draft.requirement:
            return f"What has {who} done with {draft.requirement}?"
        return template.format(names=who)
    if draft.operation not in ("who", "count"):
        return None
    asked = _requirement(draft)
    if not asked:
        return None
    if draft.when.strip():
        asked += f" {draft.when.strip(' ?.!')}"
    if draft.excluded:
        asked += f" but not {draft.excluded}"
    if draft.place and not (draft.employers or draft.degree or draft.requirement):
        subject = "How many candidates are" if draft.operation == "count" else "Who is"
        return f"{subject} based in {draft.place}?"
    if names:
        return f"Does {who} have {asked}?"
    if draft.previous_candidates:
        return f"Which of them have {asked}?"
    if draft.operation == "count":
        return f"How many candidates have {asked}?"
    return f"Who has {asked}?"


# What the rules read from a question that a draft cannot say: an order by a date, a role asked
# about, a count of what the profile lists, where a role or a school was, a place's
# surroundings ("near Sydney"), negated places and degrees, gaps, every candidate described, a
# title, a candidate named by contact details.
_ONLY_THE_RULES_READ = (
    "order_by",
    "role",
    "min_count",
    "work_place",
    "school_place",
    "place_excluded",
    "place_near",
    "degree_excluded",
    "min_gap_months",
    "gap_between_roles",
    "max_notice_days",
    "fields_excluded",
    "min_team",
    "each",
    "as_title",
    "there",
)


def _reads_more(ruled: QueryPlan, drafted: QueryPlan) -> bool:
    """Whether the rules' plan of the question as asked holds a reading the drafted plan lacks."""
    if ruled.scope == "named" and drafted.scope != "named":
        return True
    return any(
        _said(getattr(ruled, name)) and not _said(getattr(drafted, name))
        for name in _ONLY_THE_RULES_READ
    )


def _said(value: object) -> bool:
    """Whether a plan field holds a reading: a notice of 0 days ("immediately") is one."""
    return value is not None and value is not False and value != [] and value != ""


def _requirement(draft: PlanDraft) -> str:
    if draft.employers:
        return "worked at " + " or ".join(draft.employers)
    if draft.degree:
        return f"a {draft.degree}"
    text = draft.requirement.strip(" ?.!")
    low, high = draft.min_years or None, draft.max_years
    if low is None and high is None:
        return text
    if low is not None and high is not None:
        years = f"between {low} and {high} years"
    elif high is not None:
        years = f"at most {high} years"
    else:
        years = f"at least {low} years"
    return f"{years} of {text or 'experience'}"


class LLMPlanner:
    name = "llm"

    def __init__(self, model: BaseChatModel, model_name: str) -> None:
        self.model = model
        self.model_name = model_name
        self.rules = RulesPlanner()

    def draft(self, question: str, conversation: Conversation | None = None) -> PlanDraft | None:
        """The model's reading of the question; None when it has no usable one."""
        from assistant.answering.llm import structured_reply

        return structured_reply(
            self.model, PlanDraft, _messages(question, conversation), "question planning"
        )

    def plan(
        self,
        question: str,
        catalog: Catalog,
        conversation: Conversation | None = None,
        focus: list[str] | None = None,
    ) -> QueryPlan:
        draft = self.draft(question, conversation)
        canonical = canonical_question(draft, catalog) if draft is not None else None
        if canonical is None:
            return self.rules.plan(question, catalog, conversation, focus)
        plan = plan_question(canonical, catalog, conversation, focus)
        if (asked_fields(question)[0] or excluded_fields(question)[0]) and not plan.fields:
            # "Which of them work in tech?": a field of work is read from titles, which the
            # draft has no slot for; the rules read the question as asked.
            return self.rules.plan(question, catalog, conversation, focus)
        ruled = self.rules.plan(question, catalog, conversation, focus)
        if _reads_more(ruled, plan):
            # "Who graduated most recently?", "worked in India", "whose email is ...": a reading
            # the draft has no slot for, which the rules make of the question as asked.
            return ruled
        plan.question = question
        return plan
