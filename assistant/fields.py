"""Fields of work: "Which of them work in tech?", "healthcare candidates".

A resume seldom names its industry; its job titles do. Each field below is described by common
job titles, and a candidate's title is read as the field whose examples come closest in meaning
(MiniLM; each field scores the mean of its two closest examples), so "Staff Backend Engineer"
is technology and "Bridge Engineer" is construction without a rule for either. The titles read
are the headline under the name and the roles held now (or the latest dated role): the field a
candidate works in, not every field they once touched.

The examples are generic job titles, not taken from any resume set; a field no example covers
is asked about as plain words instead.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

import numpy as np

from assistant.embeddings import Embedder

# field -> typical job titles in it
FIELDS: dict[str, tuple[str, ...]] = {
    "technology": (
        "Software Engineer",
        "Software Developer",
        "Web Developer",
        "Frontend Engineer",
        "Backend Engineer",
        "Full-Stack Developer",
        "Mobile Developer",
        "iOS Engineer",
        "Android Developer",
        "Data Scientist",
        "Data Engineer",
        "Data Analyst",
        "Machine Learning Engineer",
        "DevOps Engineer",
        "Site Reliability Engineer",
        "Cloud Architect",
        "Solutions Architect",
        "Systems Administrator",
        "Network Engineer",
        "IT Support Specialist",
        "Help Desk Technician",
        "QA Engineer",
        "Test Automation Engineer",
        "Security Engineer",
        "Penetration Tester",
        "Product Manager",
        "Engineering Manager",
        "CTO",
        "Database Administrator",
        "Research Scientist, Machine Learning",
    ),
    "healthcare": (
        "Registered Nurse",
        "Nurse Practitioner",
        "Charge Nurse",
        "Physician",
        "Surgeon",
        "Pharmacist",
        "Physical Therapist",
        "Occupational Therapist",
        "Medical Assistant",
        "Dentist",
        "Dental Hygienist",
        "Paramedic",
        "Radiologic Technologist",
        "Clinical Nurse Manager",
        "Caregiver",
        "Home Health Aide",
        "Medical Laboratory Scientist",
    ),
    "education": (
        "Teacher",
        "High School Teacher",
        "Elementary School Teacher",
        "English Teacher",
        "Professor",
        "Lecturer",
        "Tutor",
        "School Principal",
        "Teaching Assistant",
        "Instructional Designer",
        "Curriculum Developer",
        "School Counselor",
        "Librarian",
    ),
    "finance": (
        "Accountant",
        "Staff Accountant",
        "Auditor",
        "Financial Analyst",
        "Bookkeeper",
        "Controller",
        "Bank Teller",
        "Tax Preparer",
        "Investment Banker",
        "Loan Officer",
        "Credit Analyst",
        "Actuary",
        "Accounts Payable Clerk",
        "Chief Financial Officer",
    ),
    "legal": (
        "Lawyer",
        "Attorney",
        "Paralegal",
        "Legal Assistant",
        "Judge",
        "Legal Counsel",
        "Litigation Associate",
        "Compliance Officer",
        "Legal Secretary",
        "Court Clerk",
    ),
    "sales": (
        "Sales Representative",
        "Account Executive",
        "Business Development Manager",
        "Sales Manager",
        "Retail Sales Associate",
        "Sales Development Representative",
        "Account Manager",
        "Inside Sales Representative",
        "Regional Sales Director",
    ),
    "hospitality": (
        "Chef",
        "Cook",
        "Line Cook",
        "Sous Chef",
        "Pastry Chef",
        "Waiter",
        "Server",
        "Bartender",
        "Barista",
        "Hotel Manager",
        "Restaurant Manager",
        "Front Desk Agent",
        "Housekeeper",
        "Event Coordinator",
    ),
    "logistics": (
        "Warehouse Manager",
        "Logistics Coordinator",
        "Truck Driver",
        "Supply Chain Analyst",
        "Operations Supervisor",
        "Distribution Manager",
        "Forklift Operator",
        "Dispatcher",
        "Inventory Specialist",
        "Procurement Specialist",
        "Shipping Clerk",
        "Fleet Manager",
    ),
    "human resources": (
        "HR Generalist",
        "Recruiter",
        "HR Manager",
        "Talent Acquisition Specialist",
        "Payroll Specialist",
        "HR Business Partner",
        "Benefits Administrator",
        "People Operations Manager",
        "Training Coordinator",
    ),
    "construction": (
        "Civil Engineer",
        "Construction Manager",
        "Structural Engineer",
        "Electrician",
        "Architect",
        "Carpenter",
        "Plumber",
        "Site Supervisor",
        "Surveyor",
        "Project Engineer, Construction",
        "Mechanical Engineer",
        "Estimator",
    ),
    "design": (
        "Graphic Designer",
        "UX Designer",
        "UI Designer",
        "Illustrator",
        "Art Director",
        "Interior Designer",
        "Product Designer",
        "Visual Designer",
        "Animator",
        "Photographer",
        "Fashion Designer",
    ),
    "marketing": (
        "Marketing Manager",
        "Content Writer",
        "SEO Specialist",
        "Brand Manager",
        "Social Media Manager",
        "Copywriter",
        "Marketing Coordinator",
        "Public Relations Specialist",
        "Digital Marketing Specialist",
        "Communications Manager",
    ),
}

# How questions name each field ("in tech", "healthcare candidates"); "IT" only in capitals.
_NAMES: dict[str, str] = {
    "technology": r"tech|technology|software|(?-i:IT)",
    "healthcare": r"health ?care|medicine|medical|clinical|nursing",
    "education": r"education|teaching|academia",
    "finance": r"finance|financial services|accounting|banking",
    "legal": r"legal|law",
    "sales": r"sales",
    "hospitality": r"hospitality|restaurants?|food service|culinary",
    "logistics": r"logistics|supply chain|warehousing|transportation",
    "human resources": r"(?-i:HR)|human resources|recruiting|recruitment",
    "construction": r"construction|civil engineering",
    "design": r"design|creative",
    "marketing": r"marketing|advertising",
}
_ANY_NAME = "|".join(f"(?P<f{i}>{names})" for i, names in enumerate(_NAMES.values()))
_PEOPLE = (
    r"candidates?|people|folks|persons|professionals|workers|applicants?|background|"
    r"industry|sector|roles?|jobs?|ones"
)
# "work in tech", "tech candidates", "in the healthcare industry", "from a sales background"
_ASKED = re.compile(
    rf"(?:(?<=\byears )|(?<=\byear )|(?<=\byrs ))in\s+(?:the\s+)?"
    rf"(?:{_ANY_NAME.replace('?P<f', '?P<y')})(?:\s+(?:industry|sector|space|field))?|"
    rf"\b(?:(?:work(?:s|ed|ing)?|employed|careers?|jobs?|background|experience|is|are|"
    rf"who's|whos)\s+in\s+"
    rf"(?:the\s+)?"
    rf"(?:{_ANY_NAME})(?:\s+(?:industry|sector|space|field))?|"
    rf"(?:{_ANY_NAME.replace('?P<f', '?P<g')})\s+(?:{_PEOPLE})|"
    rf"(?:in|from)\s+(?:the\s+|a\s+)?(?:{_ANY_NAME.replace('?P<f', '?P<h')})\s+"
    rf"(?:industry|sector|space|field|world|background))\b",
    re.IGNORECASE,
)


# "non-technical roles", "not in tech", "outside of healthcare", "who aren't in sales"
_NOT_IN = re.compile(
    rf"(?:\bnon[- ]?|(?:\bnot|n't)\s+(?:work(?:s|ing)?\s+)?in\s+(?:the\s+)?|"
    rf"\boutside\s+(?:of\s+)?(?:the\s+)?)(?:{_ANY_NAME.replace('?P<f', '?P<n')})(?:nical|ical)?"
    rf"(?:\s+(?:{_PEOPLE}|industry|sector|space|field))?\b",
    re.IGNORECASE,
)


def excluded_fields(text: str) -> tuple[list[str], str]:
    """The fields a question leaves out, and the question without the words that say so:
    "How many are in non-technical roles?" -> (["technology"], "How many are in ?")."""
    return _named(_NOT_IN, text)


_EVER = re.compile(r"\b(?:worked|background|experience|years?|yrs)\b", re.IGNORECASE)


def asked_fields(text: str) -> tuple[list[str], str]:
    """The fields a question asks about, and the question without the words that ask it:
    "Which tech candidates have led teams?" -> (["technology"], "Which have led teams?")."""
    return _named(_ASKED, text)


def _named(pattern: re.Pattern[str], text: str) -> tuple[list[str], str]:
    """The fields named where ``pattern`` matches, and the text without those words."""
    found: list[str] = []
    rest = text
    for m in pattern.finditer(text):
        for key, value in m.groupdict().items():
            if value:
                name = list(_NAMES)[int(key[1:])]
                if name not in found:
                    found.append(name)
        rest = rest.replace(m.group(0), " ")
    return found, rest


def asks_ever(text: str) -> bool:
    """ "Who has worked in sales?", "a background in finance", "experience in healthcare": any
    role counts, not only the ones held now."""
    # "5 years in sales": the years before the words that ask for the field
    return any(_EVER.search(text[max(0, m.start() - 6) : m.end()]) for m in _ASKED.finditer(text))


_NEAREST = 2  # examples per field that decide a title's field


@dataclass
class FieldReader:
    """Reads the field of job titles, with the examples embedded once and every title read
    kept (a title is embedded the first time it is asked about)."""

    embedder: Embedder
    _examples: np.ndarray | None = None
    _labels: list[str] = field(default_factory=list)
    _read: dict[str, str] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def fields_of(self, titles: list[str]) -> list[str]:
        """The field of each title (the field whose closest examples come nearest)."""
        with self._lock:
            if self._examples is None:
                texts = [t for examples in FIELDS.values() for t in examples]
                self._labels = [name for name, examples in FIELDS.items() for _ in examples]
                self._examples = np.asarray(self.embedder.embed(texts), dtype=np.float32)
            new = list(dict.fromkeys(t for t in titles if t not in self._read))
            if new:
                vectors = np.asarray(self.embedder.embed(new), dtype=np.float32)
                scores = vectors @ self._examples.T
                names = list(FIELDS)
                # Each field scores the mean of its _NEAREST closest examples: one example
                # that happens to share a word ("Medical Laboratory Scientist" for "Senior
                # Research Scientist") does not outvote a field that several examples support.
                per_field = np.stack(
                    [
                        np.sort(scores[:, [i for i, n in enumerate(self._labels) if n == name]])[
                            :, -_NEAREST:
                        ].mean(axis=1)
                        for name in names
                    ],
                    axis=1,
                )
                for title, best in zip(new, per_field.argmax(axis=1), strict=True):
                    self._read[title] = names[int(best)]
            return [self._read[t] for t in titles]
