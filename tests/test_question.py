"""question -> plan: a table of the phrasings recruiters type, over a small invented pool.

Each row: the question, then what the plan must say (kind, scope, aspect, and any structured
requirement). Rows are grouped by the shape of the question, not by the words of one resume.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assistant.catalog import Catalog
from assistant.models import Answer, Conversation, Turn
from assistant.question import ROLE_STEMS, plan_question
from ingest.pipeline import parse_resume

POOL = {
    "dana.txt": "Dana Park\ndana@example.com\nSkills\nKubernetes, Go, Kafka\n",
    "grace.txt": "Grace Washington\nAtlanta, GA\nExperience\nPlatform lead, 2019 - Present\n",
    "rosa.txt": "Rosa M. Delgado, RN\nSan Antonio, TX\nCertifications\nBLS, ACLS\n",
    "omar.md": "# Omar Haddad\nomar@example.org\n## Languages\nEnglish, Arabic\n## Skills\nSwift\n",
    "lena.txt": "Lena Swift\nlena@example.net\nSkills\nPython, SQL\n",
    "ann.txt": "Ann Vale\nSkills\nSwift, SwiftUI, iOS\n",
    "ana.md": "# Ana Sofía Ruiz-Vega\nMadrid, Spain (open to remote)\n## Skills\nScala\n",
    "kofi.txt": (
        "Kofi Mensah\nExperience\nPlatform Engineer, Fjordline, 2016 - 2019\n"
        "- Built the Kafka event bus\nStaff Engineer, Harbor Mutual, 2020 - Present\n"
    ),
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.build(parse_resume(n, t.encode()) for n, t in POOL.items())


def cid(catalog: Catalog, name: str) -> str:
    return next(c.id for c in catalog.candidates.values() if c.name == name)


# A degree, unqualified, is an academic one: a diploma or a certificate is none.
ACADEMIC = ["associate", "bachelor", "master", "doctorate"]
_BIG_FOUR = ["Deloitte", "PwC", "PricewaterhouseCoopers", "EY", "Ernst & Young", "KPMG"]
ROWS: list[tuple[str, dict[str, Any]]] = [
    # who has / which candidates / casual
    ("Who has Kubernetes experience?", {"kind": "match", "scope": "all"}),
    ("Which candidates know Kafka?", {"kind": "match", "scope": "all"}),
    ("anyone done kafka stuff?", {"kind": "match", "scope": "all"}),
    ("Do we have a Kafka engineer?", {"kind": "match", "scope": "all"}),
    ("I need someone with Kafka", {"kind": "match", "scope": "all"}),
    ("Is there a licensed pharmacist among the candidates?", {"kind": "match"}),
    ("List everyone with a nursing license.", {"kind": "match"}),
    ("How many candidates know SQL?", {"kind": "match", "requirement": "sql"}),
    ("how many people speak spanish", {"kind": "match", "requirement": "spanish"}),
    # a preposition is no word a line must hold
    (
        "Who has run payroll across the UK and Ireland?",
        {"requirement": "run payroll uk and ireland"},
    ),
    # "language" in a term is no framing word, nor a spoken language
    (
        "Who has natural language processing experience?",
        {"aspect": None, "requirement": "natural language processing"},
    ),
    (
        "anyone with large language models?",
        {"aspect": None, "requirement": "large language models"},
    ),
    # the setting of a requirement may stand on another line; "in production" stays with it
    (
        "cooks in a restaurant",
        {"concepts": [[("cook", "restaur")]], "relaxed": [[("cook",)], [("restaur",)]]},
    ),
    ("Who runs Kubernetes in production?", {"relaxed": []}),
    ("Which candidates are graduates of Georgia Tech?", {"schools": ["Georgia Tech"]}),
    # a second language is a count of spoken languages
    ("Who speaks a second language?", {"aspect": "languages", "min_count": 2}),
    ("anyone who speaks more than one language", {"aspect": "languages", "min_count": 2}),
    ("What other languages does Omar speak?", {"kind": "about", "aspect": "languages"}),
    # years of experience beside a skill are the career's, not the skill's
    (
        "a python developer with 5+ years of experience",
        {
            "min_years": None,
            "min_career": 5,
            "requirement": "python developer, 5+ years of experience",
        },
    ),
    ("Who has 5+ years of experience in Kafka?", {"min_years": 5}),
    ("Who has 5+ years of Kafka experience?", {"min_years": 5}),
    # years written as a word
    (
        "Who has more than five years of experience?",
        {"min_years": None, "min_career": 5, "years_over": True},
    ),
    ("who has three+ years of Kafka", {"min_years": 3, "requirement": "3+ years of kafka"}),
    # "more X experience" between named candidates ranks them by it
    ("Who has more Kafka experience, Dana or Kofi?", {"operation": "rank", "requirement": "kafka"}),
    # comparing the candidates a description fits
    ("Compare the two nurses", {"kind": "about", "operation": "compare", "description": "nurses"}),
    # the pool itself, counted; a share is a count
    ("How many resumes are there?", {"kind": "about", "operation": "count"}),
    ("how many candidates do we have in total?", {"kind": "about", "operation": "count"}),
    ("How many candidates know SQL?", {"kind": "match", "operation": "count"}),
    ("what percentage of candidates know SQL?", {"operation": "count", "requirement": "sql"}),
    # everyone's contact details
    ("list everyone's emails", {"kind": "about", "aspect": "contact", "scope": "all"}),
    ("phone numbers of all the candidates?", {"kind": "about", "contact_fields": ["phone"]}),
    # negation said with a verb; alone it asks for everyone else
    ("Who knows SQL but isn't an analyst?", {"requirement": "sql", "excluded": "analyst"}),
    ("Who knows Kafka and doesn't know Go?", {"requirement": "kafka", "excluded": "go"}),
    ("who has Go but has never used Kafka", {"requirement": "go", "excluded": "kafka"}),
    ("Who has never worked with Kafka?", {"kind": "match", "requirement": "", "excluded": "kafka"}),
    ("Who doesn't know SQL?", {"kind": "match", "excluded": "sql"}),
    ("Who has worked without supervision?", {"excluded": ""}),
    ("who worked at harbor mutual or fjordline?", {"employers": ["harbor mutual", "fjordline"]}),
    # roles of a named candidate, from the profile
    ("What was Dana's first job?", {"kind": "about", "aspect": "first_role"}),
    ("Who was Kofi's previous employer?", {"kind": "about", "aspect": "previous_role"}),
    ("Which companies has Kofi worked for?", {"kind": "about", "aspect": "roles"}),
    ("What's Kofi Mensah's work history?", {"kind": "about", "aspect": "roles"}),
    ("Which hospitals has Kofi worked at?", {"kind": "about", "aspect": "roles"}),
    ("Which schools did Kofi teach at?", {"kind": "about", "aspect": "roles"}),
    ("Which tools has Kofi worked with?", {"aspect": "skills"}),
    ("Which schools did Kofi study at?", {"aspect": "education"}),
    ("How long was Kofi at Fjordline?", {"kind": "about", "aspect": "roles"}),
    ("When did Kofi start at Fjordline?", {"kind": "about", "aspect": "roles"}),
    ("Who joined Fjordline?", {"kind": "match", "employers": ["Fjordline"]}),
    ("What did Kofi do before Harbor Mutual?", {"kind": "about", "aspect": "roles"}),
    ("What did Kofi do before that?", {"kind": "about", "aspect": "previous_role"}),
    # a title named instead of an employer: the roles with that title
    ("How many years has Kofi worked as a Staff Engineer?", {"kind": "about", "aspect": "roles"}),
    ("How long has Kofi been a platform engineer?", {"kind": "about", "aspect": "roles"}),
    ("How long has Kofi worked as a nurse?", {"kind": "about", "aspect": "years"}),
    ("Did Kofi work at Fjordline?", {"kind": "match", "employers": ["Fjordline"]}),
    ("Whose first job was at Fjordline?", {"kind": "match", "role": "first"}),
    # "code" as a noun is asked for; as a verb it frames the question
    ("Who has done code reviews?", {"requirement": "code reviews"}),
    ("who can code in python?", {"requirement": "python"}),
    ("Whats the email of the chef", {"kind": "about", "description": "chef"}),
    # an acronym for a group of employers asks for each of them
    (
        "Which candidates have worked at a FAANG company?",
        {
            "kind": "match",
            "employers": ["Meta", "Facebook", "Amazon", "Apple", "Netflix", "Google"],
        },
    ),
    (
        "who has faang experience",
        {"employers": ["Meta", "Facebook", "Amazon", "Apple", "Netflix", "Google"]},
    ),
    # "the most X experience" ranks those who have X
    ("Who has the most Kafka experience?", {"operation": "rank", "requirement": "kafka"}),
    ("who has the most hands-on kafka years", {"operation": "rank", "requirement": "kafka"}),
    # speaking at events is giving talks, not a spoken language
    ("Who has spoken at conferences?", {"kind": "match", "aspect": None, "requirement": "talks"}),
    ("any public speaking experience?", {"kind": "match", "requirement": "talks"}),
    ("who speaks at meetups", {"kind": "match", "aspect": None, "requirement": "talks"}),
    ("Who has presented at industry events?", {"kind": "match", "requirement": "talks"}),
    (
        "Who gave a talk about Kafka?",
        {
            "requirement": "talks kafka",
            "concepts": [
                [("talk", "kafka"), ("speaker", "kafka"), ("spoke", "kafka"), ("keynot", "kafka")]
            ],
        },
    ),
    # search words typed as they are ask who has them; a question about a thing does not
    ("kafka experience?", {"kind": "match", "requirement": "kafka"}),
    ("Kafka?", {"kind": "match", "requirement": "kafka"}),
    ("senior kafka engineers", {"kind": "match", "scope": "all"}),
    ("python and sql", {"kind": "match", "concepts": [[("python",)], [("sql",)]]}),
    ("What is Kafka?", {"kind": "search"}),
    ("Show the lines closest to kafka", {"kind": "search", "requirement": "kafka"}),
    ("Tell me about Kafka projects", {"kind": "search"}),
    # names that are also words of the pool
    ("Who knows Swift?", {"kind": "match", "scope": "all"}),
    ("Who can write Swift for iOS?", {"kind": "match", "scope": "all"}),
    ("What is Swift's email?", {"kind": "about", "named": "Lena Swift"}),
    # the "and" between two names is no part of what is asked about them
    (
        "Which of Omar and Ann knows Swift better?",
        {"scope": "named", "names": ["Ann Vale", "Omar Haddad"], "requirement": "swift"},
    ),
    ("Do Omar and Ann know Swift?", {"scope": "named", "requirement": "swift"}),
    ("What is Lena Swift's email?", {"kind": "about", "named": "Lena Swift"}),
    ("who knws kafka", {"kind": "match", "scope": "all"}),
    ("Which people have Kubernetes?", {"kind": "match"}),
    ("Find me candidates with Terraform experience", {"kind": "match"}),
    ("Show candidates who know React", {"kind": "match"}),
    ("Give me everyone who speaks Arabic", {"kind": "match"}),
    ("Does anybody know Rust?", {"kind": "match"}),
    ("Any candidates with AWS certifications?", {"kind": "match"}),
    ("Are there any nurses?", {"kind": "match"}),
    ("Is anyone certified in ACLS?", {"kind": "match"}),
    ("who has AWS certs", {"kind": "match", "requirement": "aws certs"}),
    ("What candidates know Go?", {"kind": "match", "requirement": "go"}),
    ("Who has CI/CD experience?", {"kind": "match", "requirement": "ci/cd"}),
    ("Who has experience with CI/CD?", {"concepts": [[("cicd",), ("ci",)]]}),
    ("ci/cd or A/B testing", {"concepts": [[("cicd",), ("ci",), ("a/b", "test")]]}),
    ("Who knows C++?", {"kind": "match", "requirement": "c++"}),
    ("Who has done A/B testing?", {"kind": "match"}),
    ("Which candidates know Java or Kotlin?", {"kind": "match"}),
    ("Who has Python and SQL?", {"kind": "match"}),
    ("Who has more than 5 years of Python?", {"kind": "match"}),
    # employers, places, degrees, schools: answered from the profiles
    ("Has anyone worked at Fjordline?", {"kind": "match", "employers": ["Fjordline"]}),
    ("Anyone from Stripe?", {"kind": "match", "employers": ["Stripe"]}),
    # An employer they no longer work for
    (
        "Which candidates are former Amazon employees?",
        {"employers": ["Amazon"], "former": True, "as_title": False, "concepts": []},
    ),
    ("Who used to work at Stripe?", {"employers": ["Stripe"], "former": True}),
    ("Who left Amazon?", {"employers": ["Amazon"], "former": True, "concepts": []}),
    ("ex-Google folks?", {"employers": ["Google"], "former": True, "concepts": []}),
    ("Who worked at Amazon in the past?", {"employers": ["Amazon"], "former": True}),
    ("anyone previously at Klarna?", {"employers": ["Klarna"], "former": True}),
    ("Who has worked at Amazon?", {"employers": ["Amazon"], "former": False}),
    ("Who is currently at Amazon?", {"employers": ["Amazon"], "former": False}),
    ("Who left Ireland?", {"employers": [], "former": False}),
    ("Which former founders know Go?", {"employers": [], "former": False}),
    ("Who has worked at Block or Square?", {"employers": ["Block", "Square"]}),
    ("Has she worked with Kafka?", {"employers": []}),
    ("Who is based in Washington state?", {"place": "Washington", "scope": "all"}),
    ("Which candidates are based in Washington, D.C.?", {"place": "Washington, D.C."}),
    ("List all candidates based in Texas.", {"kind": "match", "place": "Texas"}),
    ("Who lives in Dublin, Ireland?", {"place": "Dublin, Ireland"}),
    ("Anyone located in Ohio?", {"kind": "match", "place": "Ohio"}),
    ("How many candidates are UK-based?", {"operation": "count", "place": "UK"}),
    ("Any London-based nurses?", {"place": "London", "concepts": [[("nurs",)]]}),
    ("Who is Sydney based?", {"kind": "match", "place": "Sydney"}),
    ("Anyone based near Sydney?", {"kind": "match", "place": "Sydney", "place_near": True}),
    ("anyone living around Boston?", {"place": "Boston", "place_near": True}),
    ("Who is based in Boston?", {"place": "Boston", "place_near": False}),
    # "near" must stand before the place: "near real-time" is no nearness to Boston
    (
        "Who knows near real-time systems and is based in Boston?",
        {"place": "Boston", "place_near": False},
    ),
    ("Where is Grace Washington based?", {"place": None}),
    ("who has built cloud-based apps?", {"place": None}),
    (
        "Which candidates speak French, and how well?",
        {"kind": "match", "concepts": [[("french",)]]},
    ),
    ("Who knows Kafka, and for how long?", {"kind": "match", "concepts": [[("kafka",)]]}),
    ("Which candidates are based in Toronto?", {"kind": "match", "place": "Toronto"}),
    ("Who worked for Harbor Mutual?", {"kind": "match", "employers": ["Harbor Mutual"]}),
    ("Do we have anyone from Deloitte?", {"kind": "match", "employers": ["Deloitte"]}),
    ("Has anybody been employed at IBM?", {"kind": "match", "employers": ["IBM"]}),
    ("Which candidates hold a PhD?", {"kind": "match", "degree_levels": []}),
    ("Who has a doctorate?", {"kind": "match", "degree_levels": ["doctorate"]}),
    ("Who has a master's degree in computer science?", {"degree_field": "computer science"}),
    ("Does anyone have an MBA?", {"kind": "match", "degree_names": ["MBA"]}),
    ("Which nurse has a graduate degree?", {"degree_levels": ["master", "doctorate"]}),
    ("Who studied at KTH?", {"kind": "match", "schools": ["KTH"]}),
    ("Who went to Georgia Tech?", {"schools": ["Georgia Tech"]}),
    ("Which candidates graduated from an IIT or an NIT?", {"schools": ["IIT", "NIT"]}),
    # about a named candidate
    ("Where did Dana Park study?", {"kind": "about", "aspect": "education", "named": "Dana Park"}),
    ("What is Dana's email?", {"kind": "about", "aspect": "contact", "named": "Dana Park"}),
    ("Which certifications does Rosa Delgado hold?", {"kind": "about", "aspect": "certifications"}),
    ("What languages does Omar speak?", {"kind": "about", "aspect": "languages"}),
    ("How many years of experience does Grace Washington have?", {"aspect": "years"}),
    ("Summarize Omar Haddad", {"kind": "about", "aspect": "summary", "named": "Omar Haddad"}),
    ("Tell me about Grace Washington.", {"kind": "about", "named": "Grace Washington"}),
    ("What's Rosa Delgado's phone number?", {"kind": "about", "aspect": "contact"}),
    ("Where is Grace Washington based?", {"kind": "about", "named": "Grace Washington"}),
    ("What are Dana Park's skills?", {"kind": "about", "aspect": "skills"}),
    ("Where did Omar Haddad go to school?", {"kind": "about", "aspect": "education"}),
    ("What is Grace Washington's current job?", {"kind": "about", "aspect": "current"}),
    ("Has Rosa worked with Kafka?", {"kind": "match", "named": "Rosa M. Delgado"}),
    ("Is Omar fluent in Arabic?", {"kind": "match", "named": "Omar Haddad"}),
    ("Can Dana write Go?", {"kind": "match", "named": "Dana Park"}),
    ("Does Dana Parks know Kafka?", {"kind": "match", "named": "Dana Park"}),
    # one letter off in a first or last name no resume word holds; a hyphen typed as a space
    ("Tell me about Mensha", {"scope": "named", "named": "Kofi Mensah"}),
    ("ruiz vega's skills", {"scope": "named", "named": "Ana Sofía Ruiz-Vega"}),
    ("Who knows Kafkas?", {"scope": "all"}),
    ("Does Dana know Go?", {"kind": "match", "scope": "named", "named": "Dana Park"}),
    ("What programming languages does Dana know?", {"kind": "about", "aspect": "skills"}),
    ("Which languages does Omar speak?", {"kind": "about", "aspect": "languages"}),
    ("What has Dana done with large language models?", {"kind": "about", "aspect": None}),
    # casual, misspelt, filler
    ("who here knows kafka??", {"kind": "match", "requirement": "kafka"}),
    ("any1 with kubernetes", {"kind": "match"}),
    ("ppl who know python", {"kind": "match", "requirement": "python"}),
    ("got anyone who can do SQL?", {"kind": "match", "requirement": "sql"}),
    ("need a swift dev", {"kind": "match", "requirement": "swift dev"}),
    ("looking for someone with Terraform", {"kind": "match", "requirement": "terraform"}),
    ("We need a Kafka person asap", {"kind": "match"}),
    ("Who has experiance with kuberntes?", {"kind": "match", "scope": "all"}),
    ("which candidates kno python", {"kind": "match", "scope": "all"}),
    ("Anybody familiar with Go?", {"kind": "match", "requirement": "go"}),
    ("Is there anyone who speaks Arabic?", {"kind": "match", "requirement": "arabic"}),
    ("Are there candidates with SwiftUI experience?", {"kind": "match"}),
    ("do we have any iOS developers", {"kind": "match"}),
    ("I'm looking for a data engineer", {"kind": "match"}),
    ("Have we got any nurses with ACLS?", {"kind": "match"}),
    ("Who's worked with Kafka?", {"kind": "match", "requirement": "kafka"}),
    ("show me people with C++", {"kind": "match", "requirement": "c++"}),
    ("which ones know ci/cd", {"kind": "match", "requirement": "ci/cd"}),
    ("Any A/B testing experience in the pool?", {"kind": "match"}),
    ("Find people who've used Go and Kafka", {"kind": "match"}),
    # counts
    ("How many candidates know Kafka?", {"operation": "count", "requirement": "kafka"}),
    ("how many ppl know python", {"operation": "count"}),
    ("What number of candidates speak Arabic?", {"operation": "count"}),
    ("Count the candidates with Kubernetes", {"operation": "count"}),
    ("How many nurses are there?", {"operation": "count", "kind": "match"}),
    ("Who has Kafka?", {"operation": "who"}),
    # but not / without / except
    ("Who knows Python but not Java?", {"requirement": "python", "excluded": "java"}),
    ("Who has Kafka but no Kubernetes?", {"requirement": "kafka", "excluded": "kubernetes"}),
    ("Which candidates know Swift without iOS?", {"requirement": "swift", "excluded": "ios"}),
    ("Anyone with Go except Dana?", {"requirement": "go", "left_out": ["Dana Park"]}),
    ("Who speaks English, excluding Omar Haddad?", {"left_out": ["Omar Haddad"]}),
    ("Who knows SQL and not Python?", {"requirement": "sql", "excluded": "python"}),
    ("List candidates with Kafka other than Dana Park", {"left_out": ["Dana Park"]}),
    ("Who has worked without supervision?", {"kind": "match", "excluded": ""}),
    # comparisons and rankings
    ("Compare Dana Park and Omar Haddad", {"operation": "compare", "kind": "about"}),
    ("Dana vs Omar", {"operation": "compare", "names": ["Dana Park", "Omar Haddad"]}),
    ("Compare Dana and Lena Swift side by side", {"operation": "compare"}),
    # "full-stack" names no section to read
    ("Is Dana a good fit for a senior full-stack role?", {"kind": "match", "aspect": None}),
    ("What is Dana's tech stack?", {"kind": "about", "aspect": "skills"}),
    # what a comparison is about: a requirement without the comparing words
    (
        "Compare Dana Park and Omar Haddad on Kafka",
        {"operation": "compare", "requirement": "kafka"},
    ),
    ("Who's better at Go, Dana or Omar?", {"operation": "compare", "requirement": "go"}),
    (
        "Which of Dana and Omar knows Terraform better?",
        {"operation": "compare", "requirement": "terraform"},
    ),
    ("What's the difference between Grace Washington and Rosa Delgado?", {"operation": "compare"}),
    ("Who is the most senior candidate?", {"operation": "rank", "scope": "all"}),
    ("Who is the most experienced?", {"operation": "rank"}),
    ("Rank the candidates by years of experience", {"operation": "rank"}),
    ("Which of Dana and Omar is more senior?", {"operation": "rank", "scope": "named"}),
    ("Compare Dana", {"operation": "fact"}),
    # dates, years and recency stay requirements a line must state
    (
        "Who has more than 3 years of Kafka?",
        {"kind": "match", "requirement": "more than 3 years of kafka"},
    ),
    (
        "Who has at least 3 years of Kafka?",
        {"requirement": "3+ years of kafka", "years_over": False},
    ),
    ("Anyone with 10+ years of experience?", {"kind": "match"}),
    ("Who has at least 2 years of Swift?", {"kind": "match"}),
    # places and employers, casual
    ("anyone in texas?", {"kind": "match", "place": "Texas"}),
    # "the US" is the country; "us" alone is the pronoun
    ("How many candidates are based in the US?", {"operation": "count", "place": "US"}),
    ("anyone in the us?", {"kind": "match", "place": "US"}),
    ("Who lives in the Netherlands?", {"kind": "match", "place": "Netherlands"}),
    ("Who has worked with us?", {"place": None}),
    ("anyone in asia?", {"kind": "match", "place": "Asia"}),
    ("Python developers in Texas", {"kind": "match", "place": "Texas"}),
    ("Who studied at a university in Texas?", {"place": None, "school_place": "Texas"}),
    # where a school is, not where the candidate lives
    ("Who studied in the UK?", {"kind": "match", "place": None, "school_place": "UK"}),
    # where a role was, not where they live
    ("Who has worked in India?", {"kind": "match", "place": None, "work_place": "India"}),
    ("anyone with work experience in the uk", {"work_place": "UK", "concepts": []}),
    (
        "Which devs have worked in Europe?",
        {"work_place": "Europe", "concepts": [[(r,) for r in ROLE_STEMS if r != "dev"]]},
    ),
    ("Who has worked in sales?", {"work_place": None}),
    # an employer and a place, both to meet; a place inside the question
    (
        "Who worked at Fjordline and lives in Texas?",
        {"employers": ["Fjordline"], "place": "Texas", "requirement": "Fjordline, in Texas"},
    ),
    ("Which candidates in Spain know Scala?", {"place": "Spain", "concepts": [[("scala",)]]}),
    ("Python developers in Europe with 5+ years", {"place": "Europe", "min_career": 5}),
    # an employer or a place of work left out; "never worked with Kafka" stays a negated word
    (
        "Who hasn't worked at Fjordline?",
        {"kind": "match", "employers": [], "employers_excluded": ["Fjordline"]},
    ),
    ("Which candidates never worked in the US?", {"work_place_excluded": "US", "place": None}),
    ("Who has never worked with Kafka?", {"excluded": "kafka", "employers_excluded": []}),
    ("Which candidates have no certifications?", {"excluded": "certifications", "concepts": []}),
    ("Who has no more than 10 years of experience?", {"max_years": 10, "excluded": ""}),
    ("which candidates went to school in ireland", {"kind": "match", "school_place": "Ireland"}),
    ("Who graduated from the UK?", {"schools": [], "school_place": "UK"}),
    (
        "Who has a master's from a university in the US?",
        {"degree_levels": ["master"], "school_place": "US"},
    ),
    ("Who went to a two-year college?", {"kind": "match", "degree_levels": ["associate"]}),
    (
        "who went to college in texas and knows python",
        {"school_place": "Texas", "concepts": [[("python",)]]},
    ),
    ("Who has a degree in Mobile development?", {"school_place": None}),
    ("Who studied at MIT?", {"schools": ["MIT"], "school_place": None}),
    # "from" a country is where they are; "from" a company is an employer
    # a middle name is part of the name, not a requirement
    ("Does Ana Sofia know Scala?", {"named": "Ana Sofía Ruiz-Vega", "concepts": [[("scala",)]]}),
    # willingness is framing: what they are willing to do is the requirement
    (
        "Is Ana Sofía open to remote work?",
        {"named": "Ana Sofía Ruiz-Vega", "requirement": "remote"},
    ),
    ("Is Dana willing to relocate?", {"named": "Dana Park", "requirement": "relocate"}),
    # a place to be out of, and a degree to lack
    ("Which engineers are not in the US?", {"place": None, "place_excluded": "US"}),
    ("Who is based outside the EU?", {"kind": "match", "place_excluded": "EU"}),
    (
        "Who knows Go and doesn't live in Texas?",
        {"place_excluded": "Texas", "concepts": [[("golang",)]]},
    ),
    (
        "Which candidates don't have a degree?",
        {"kind": "match", "degree_excluded": ACADEMIC, "excluded": ""},
    ),
    (
        "Which candidates don't have a university degree?",
        {"kind": "match", "degree_excluded": ["bachelor", "master", "doctorate"], "excluded": ""},
    ),
    ("Who doesn't have a master's?", {"degree_levels": None, "degree_excluded": ["master"]}),
    (
        "Who has a bachelor's but not a master's?",
        {"degree_levels": ["bachelor"], "degree_excluded": ["master"]},
    ),
    ("Who knows Go but has no Kafka?", {"excluded": "kafka"}),
    ("Who has worked at Stripe but not Block?", {"employers": ["Stripe"], "excluded": "block"}),
    # either degree will do; "ex-" an employer; "overall" is framing
    (
        "Who has a PhD or a master's in computer science?",
        {"degree_levels": ["master"], "degree_field": "computer science"},
    ),
    ("Who has a master's or an MBA?", {"degree_levels": ["master"], "degree_names": ["MBA"]}),
    ("Any ex-Google people?", {"employers": ["Google"]}),
    ("Who has the most experience overall?", {"operation": "rank", "concepts": []}),
    (
        "Show me everyone with Go, sorted by experience",
        {"operation": "rank", "concepts": [[("golang",)]]},
    ),
    # a particle and its noun are one word, as resumes write them ("on-call"), not "call"
    ("Who has been on call?", {"requirement": "on-call", "concepts": [[("oncal",)]]}),
    # a number word that names something with the next word is kept; a count is not
    (
        "Who has a Lean Six Sigma certification?",
        {"requirement": "lean six sigma certification"},
    ),
    ("Who has worked in five star hotels?", {"requirement": "five star hotels"}),
    ("Which two engineers know Go?", {"requirement": "engineers go"}),
    # availability counted in nines is one term, not a number (which frames a count)
    (
        "Who has run systems at four nines?",
        {"requirement": "run systems four-nines", "concepts": [[("run", "system", "fournin")]]},
    ),
    ("Anyone with in house design experience?", {"concepts": [[("inhous", "design")]]}),
    ("Any candidates from Brazil?", {"place": "Brazil", "employers": []}),
    ("Anyone from Stripe?", {"place": None, "employers": ["Stripe"]}),
    ("Who knows Go in Chicago?", {"place": "Chicago"}),
    ("What did Dana do in Chicago?", {"kind": "about", "place": None}),
    # a small town that shares its name with a skill is not read as a place
    ("Who has experience in Spring?", {"place": None}),
    ("Who is strong in Mobile?", {"place": None}),
    ("Which candidates are based in Europe?", {"kind": "match", "place": "Europe"}),
    ("who's based in Ohio", {"kind": "match", "place": "Ohio"}),
    ("Any candidates located in Atlanta?", {"kind": "match", "place": "Atlanta"}),
    ("Who is based in Washington?", {"place": "Washington", "scope": "all"}),
    ("Anyone who worked at Google?", {"employers": ["Google"]}),
    ("who has worked at amazon", {"kind": "match"}),
    ("Has anybody worked for Deloitte or KPMG?", {"employers": ["Deloitte", "KPMG"]}),
    # degrees, casual
    ("any PhDs?", {"kind": "match", "degree_levels": []}),
    ("who has a masters", {"kind": "match", "degree_levels": ["master"]}),
    ("Anyone with a bachelor's in computer science?", {"degree_field": "computer science"}),
    ("Who has an MBA?", {"degree_names": ["MBA"]}),
    # about a named candidate, casual and misspelt
    ("What is the email of Dana Park?", {"kind": "about", "aspect": "contact"}),
    ("dana's email pls", {"kind": "about", "aspect": "contact", "named": "Dana Park"}),
    ("where did omar study", {"kind": "about", "aspect": "education", "named": "Omar Haddad"}),
    ("Tell me about Rosa", {"kind": "about", "named": "Rosa M. Delgado"}),
    ("What does Lena Swift know?", {"kind": "about", "named": "Lena Swift"}),
    ("Give me a summary of Dana Park", {"kind": "about", "aspect": "summary"}),
    ("What certifications does Rosa have?", {"aspect": "certifications"}),
    ("Which languages does Omar Haddad speak?", {"aspect": "languages"}),
    ("Phone number of Rosa Delgado?", {"kind": "about", "aspect": "contact"}),
    ("What is Grace's current role?", {"kind": "about", "named": "Grace Washington"}),
    ("Does Grace Washington know Kafka?", {"kind": "match", "named": "Grace Washington"}),
    ("Can Omar speak Arabic?", {"kind": "match", "named": "Omar Haddad"}),
    ("Is Lena Swift good with SQL?", {"kind": "match", "named": "Lena Swift"}),
    ("Has Ann Vale built iOS apps?", {"kind": "match", "named": "Ann Vale"}),
    # one candidate described, not named: about the one who fits best
    (
        "What's the contact email of the Kafka engineer based in Atlanta?",
        {"kind": "about", "aspect": "contact", "description": "kafka engineer", "place": "Atlanta"},
    ),
    (
        "What is the educational background of the Swift developer?",
        {"kind": "about", "aspect": "education", "description": "swift developer"},
    ),
    ("Phone number of the nurse in Texas?", {"kind": "about", "description": "nurse"}),
    (
        "Who was the lead developer of the Quill app?",
        {"kind": "match", "description": "lead developer quill app"},
    ),
    ("Who is the iOS developer?", {"kind": "match", "description": "ios developer"}),
    ("Who are the iOS developers?", {"kind": "match", "description": ""}),
    # "mobile" and "cell" qualify the next word; alone they are a phone
    ("Who has built mobile apps?", {"kind": "match", "aspect": None}),
    ("Anyone with cell biology research?", {"kind": "match", "aspect": None}),
    ("Dana's mobile?", {"kind": "about", "aspect": "contact", "contact_fields": ["phone"]}),
    ("What is Rosa's cell number?", {"kind": "about", "contact_fields": ["phone"]}),
    # a number named by the word before it is that thing's number, not a phone
    (
        "What is Rosa's nursing license number?",
        {"kind": "about", "aspect": "certifications", "contact_fields": []},
    ),
    ("Rosa's license no.?", {"aspect": "certifications", "contact_fields": []}),
    ("What is Rosa's number?", {"kind": "about", "contact_fields": ["phone"]}),
    ("Rosa's contact number", {"aspect": "contact", "contact_fields": ["phone"]}),
    ("What's the number for Rosa?", {"aspect": "contact", "contact_fields": ["phone"]}),
    # phones and numbers in a requirement are no one's contact details
    ("Who has shipped apps for phones?", {"kind": "match", "aspect": None}),
    ("someone who has repaired phones", {"kind": "match", "contact_fields": []}),
    ("Who is good with numbers?", {"contact_fields": []}),
    ("Who hit their numbers every quarter?", {"kind": "match", "contact_fields": []}),
    ("Give me their phones", {"aspect": "contact", "contact_fields": ["phone"]}),
    ("phone numbers of the nurses", {"aspect": "contact", "contact_fields": ["phone"]}),
    # bounds on years: "less than" is an upper bound, not a lower one
    (
        "Who has more than 5 years of Kafka?",
        {"min_years": 5, "max_years": None, "years_over": True},
    ),
    ("Who has 5+ years of Go?", {"min_years": 5, "max_years": None}),
    ("Who has at least 3 years of SQL?", {"min_years": 3, "max_years": None}),
    ("Who has less than 5 years of experience?", {"min_years": None, "max_years": 4}),
    ("anyone with under 3 years of python", {"min_years": None, "max_years": 2}),
    ("Who has at most 2 years of Go?", {"min_years": None, "max_years": 2}),
    ("Who has no more than 10 years of experience?", {"max_years": 10}),
    ("Who has 3-5 years of Kafka?", {"min_years": 3, "max_years": 5}),
    ("Who has between 2 and 4 years of SQL?", {"min_years": 2, "max_years": 4}),
    # dates: when the role, degree or line must fall
    (
        "Who worked at Fjordline before 2018?",
        {"employers": ["Fjordline"], "period": (None, 2017, False)},
    ),
    ("Has anyone worked at Harbor Mutual since 2021?", {"period": (2021, None, False)}),
    ("Who worked at Fjordline after 2015?", {"period": (2016, None, False)}),
    ("Who worked at Fjordline in 2017?", {"period": (2017, 2017, False)}),
    ("Who worked at Fjordline between 2015 and 2018?", {"period": (2015, 2018, False)}),
    ("Who worked at Fjordline from 2015 to 2018?", {"period": (2015, 2018, False)}),
    (
        "Who is currently at Harbor Mutual?",
        {"employers": ["Harbor Mutual"], "period": (None, None, True)},
    ),
    (
        "Who currently works at Harbor Mutual?",
        {"employers": ["Harbor Mutual"], "period": (None, None, True)},
    ),
    ("who's worked at fjordline", {"employers": ["fjordline"], "period": None}),
    ("anyone who joined Harbor Mutual after 2019?", {"employers": ["Harbor Mutual"]}),
    (
        "Who has used Kafka since 2020?",
        {"requirement": "kafka (since 2020)", "period": (2020, None, False)},
    ),
    ("Who has worked with Kafka in the last three years?", {"kind": "match", "employers": []}),
    (
        "Who graduated before 2015?",
        {"kind": "match", "degree_levels": [], "period": (None, 2014, False)},
    ),
    (
        "Who got a master's after 2015?",
        {"degree_levels": ["master"], "period": (2016, None, False)},
    ),
    # "most senior" with a requirement: those who match it, ranked
    ("Who is the most senior Kafka engineer?", {"operation": "rank", "kind": "match"}),
    ("Which of them is the most senior?", {"operation": "rank", "kind": "about"}),
    # the direction of a ranking, and "most years of X" as a ranking of those with X
    ("Who is the most junior candidate?", {"operation": "rank", "shortest_first": True}),
    ("Who is the least experienced?", {"operation": "rank", "shortest_first": True}),
    ("Who is the most experienced?", {"operation": "rank", "shortest_first": False}),
    (
        "Who has the most years of Python?",
        {"operation": "rank", "kind": "match", "requirement": "python"},
    ),
    (
        "Who has the least experience with Kafka?",
        {"operation": "rank", "requirement": "kafka", "shortest_first": True},
    ),
    # the size of a team led
    ("Who has led a team of more than 10 engineers?", {"kind": "match", "min_team": 11}),
    ("Who has managed 20+ people?", {"kind": "match", "min_team": 20, "concepts": []}),
    ("anyone who led teams of 5 or more", {"kind": "match", "min_team": 5}),
    ("Who supervised at least 8 nurses?", {"min_team": 8, "concepts": [[("nurs",)]]}),
    # leading people with no size asked: at least one person
    ("Who has managed a team?", {"kind": "match", "min_team": 1, "concepts": []}),
    ("anyone with people management experience", {"min_team": 1, "concepts": []}),
    ("Who has line management experience?", {"min_team": 1, "concepts": []}),
    ("Which nurses have led staff?", {"min_team": 1, "concepts": [[("nurs",)]]}),
    ("Who has managed a budget?", {"min_team": None}),
    ("Who has managed Kubernetes clusters?", {"min_team": None}),
    ("Who has 10 years of Java?", {"min_team": None, "min_years": 10}),
    # where a named candidate is
    ("Where does Rosa Delgado live?", {"kind": "about", "aspect": "location"}),
    ("Where is Rosa based?", {"kind": "about", "aspect": "location"}),
    ("What's Rosa's location?", {"kind": "about", "aspect": "location"}),
    ("Where did Rosa study?", {"kind": "about", "aspect": "education"}),
    # the role held today, as a fact rather than the whole history
    ("What is Kofi's current title?", {"kind": "about", "aspect": "current"}),
    ("Where does Kofi Mensah work now?", {"kind": "about", "aspect": "current"}),
    ("Who does Kofi work for?", {"kind": "about", "aspect": "current"}),
    ("What's Kofi's current role?", {"kind": "about", "aspect": "current"}),
    ("What is Kofi doing these days?", {"kind": "about", "aspect": "current"}),
    ("What roles has Kofi had?", {"kind": "about", "aspect": "experience"}),
    # "current" asks for the role only beside a role word: "current CTC" is a line to find
    ("What is Kofi's current CTC?", {"kind": "about", "aspect": None}),
    # someone reached is a contact question, a target reached is not
    ("How can I reach Kofi?", {"kind": "about", "aspect": "contact"}),
    ("What percentage of quota did Kofi reach in 2023?", {"kind": "about", "aspect": None}),
    ("What is Kofi's current employer?", {"kind": "about", "aspect": "current"}),
    ("Who works at Harbor Mutual now?", {"kind": "match", "employers": ["Harbor Mutual"]}),
    ("Who is still at Harbor Mutual?", {"period": (None, None, True)}),
    # "still" of a thing is no "currently" of the candidate
    ("Who can write scripts to check the app still works?", {"period": None}),
    ("Who writes tests that check it still works?", {"period": None}),
    # "fluent in" a language asks for a spoken one
    ("Anyone fluent in Mandarin?", {"aspect": "languages"}),
    ("Which nurse has more experience?", {"operation": "rank", "shortest_first": False}),
    ("Which of Rosa and Dana has less experience?", {"operation": "rank", "shortest_first": True}),
    # a ranking by how many the profile lists
    ("Who speaks the most languages?", {"operation": "rank", "aspect": "languages"}),
    ("Who has worked at three or more companies?", {"aspect": "experience", "min_count": 3}),
    # what a skill is for may stand on another line, should no line hold both
    (
        "Who can write Swift for iOS?",
        {"concepts": [[("swift", "io")]], "relaxed": [[("swift",)], [("io",)]]},
    ),
    ("Who was responsible for hiring?", {"concepts": [[("hire",)]], "relaxed": []}),
    # "java developers": someone who develops, and Java, each on any line, should no line hold
    # both; "data engineers" is a title, read as written
    (
        "java developers",
        {"relaxed": [[("develop",), ("engin",), ("programm",), ("coder",)], [("java",)]]},
    ),
    ("Which data engineers know Spark?", {"relaxed": []}),
    ("Who knows Python?", {"relaxed": []}),
    # the start of a career: the earliest dated role
    ("Who started their career before 2010?", {"kind": "match", "role": "first"}),
    ("whose first job was at Stripe?", {"employers": ["Stripe"], "role": "first"}),
    ("Who began their professional career after 2015?", {"role": "first"}),
    ("Who started using Kafka in 2019?", {"role": None}),
    ("Who has worked at Stripe before 2020?", {"role": None}),
    (
        "Who joined their current employer in 2021?",
        {"role": "current_employer", "period": (2021, 2021, False)},
    ),
    ("Who has been in their current role since 2020?", {"role": "current"}),
    (
        "Who has been at their current company for more than 5 years?",
        {"role": "current_employer", "min_years": 5, "years_over": True, "concepts": []},
    ),
    ("What is Dana's current role?", {"role": None, "aspect": "current"}),
    ("Who is Kofi's current employer?", {"kind": "about", "role": None, "aspect": "current"}),
    ("What is Kofi's job title?", {"kind": "about", "aspect": "current"}),
    ("What's Kofi's most recent job?", {"kind": "about", "aspect": "current"}),
    ("Who has the title Platform Engineer?", {"requirement": "platform engineer"}),
    ("Who left their last job in 2024?", {"role": "ended", "period": (2024, 2024, False)}),
    (
        "Who has been at their current company the longest?",
        {"operation": "rank", "role": "current_employer", "shortest_first": False},
    ),
    (
        "Who has the shortest tenure in their current role?",
        {"operation": "rank", "role": "current", "shortest_first": True},
    ),
    (
        "Who has the longest tenure at a single company?",
        {"operation": "rank", "role": "held", "shortest_first": False, "concepts": []},
    ),
    ("Who stayed the longest at one employer?", {"operation": "rank", "role": "held"}),
    ("Who has the shortest tenure?", {"operation": "rank", "role": "held", "shortest_first": True}),
    ("Who started a new job in 2024?", {"role": "started", "period": (2024, 2024, False)}),
    # the time at an employer, not the career
    (
        "Who has worked at Fjordline for more than 3 years?",
        {
            "role": "held",
            "employers": ["Fjordline"],
            "min_years": 3,
            "years_over": True,
            "min_career": None,
            "requirement": "Fjordline, more than 3 years there",
        },
    ),
    (
        "Who worked at Fjordline for less than 2 years?",
        {"role": "held", "max_years": 1, "requirement": "Fjordline, less than 2 years there"},
    ),
    ("Who changed jobs in 2021?", {"role": "started", "concepts": []}),
    ("Who was working in 2015?", {"role": "held", "kind": "match", "concepts": []}),
    (
        "Who has had the same job for over 5 years?",
        {"role": "held", "min_years": 5, "years_over": True, "concepts": []},
    ),
    ("Who is not currently working?", {"role": "ended", "period": None, "concepts": []}),
    ("Which candidates are between jobs?", {"role": "ended", "kind": "match"}),
    # fields of work, read from titles
    ("Which of them work in tech?", {"kind": "match", "fields": ["technology"], "concepts": []}),
    (
        "How many are in non-technical roles?",
        {"fields": ["technology"], "fields_excluded": True, "operation": "count"},
    ),
    (
        "Which tech candidates know Kafka?",
        {"fields": ["technology"], "concepts": [[("kafka",)]]},
    ),
    ("Who has sales experience?", {"fields": [], "concepts": [[("sale",)]]}),
    (
        "Who has the most experience in sales?",
        {"fields": ["sales"], "operation": "rank", "concepts": [], "kind": "match"},
    ),
    # a word made of a few products: any of them
    (
        "which candidates have cloud experience?",
        {"concepts": [[("cloud",), ("aws",), ("azur",), ("gcp",)]]},
    ),
    ("Who knows cloud security?", {"concepts": [[("cloud", "secur")]]}),
    # employer groups
    ("anyone with Big 4 experience?", {"employers": _BIG_FOUR}),
    ("Who has worked at a Big Four firm?", {"employers": _BIG_FOUR}),
    ("Is anyone at Google?", {"employers": ["Google"]}),
    # a field said before "degree"
    ("who has a CS degree?", {"degree_field": "CS", "degree_levels": []}),
    ("Who has a college degree?", {"degree_field": None}),
    # "not" after the subject it is said of
    (
        "Which data engineers haven't used Spark?",
        {"excluded": "spark", "requirement": "data engineers"},
    ),
    # words that frame the question, not what it asks
    ("any1 doing terraform?", {"requirement": "terraform"}),
    ("who has 15+ years in the industry?", {"min_career": 15, "concepts": []}),
    ("Who has worked at Kafka Labs since 2022 or later?", {"concepts": []}),
    ("who can program in C?", {"requirement": "c"}),
    ("who knows .NET?", {"requirement": ".net", "concepts": [[(".net",)]]}),
    (
        "Who has a B.Tech?",
        {"degree_names": ["B.Tech"]},
    ),
    # careers: back at a former employer, promoted
    ("Who has worked at the same company twice?", {"role": "returned", "kind": "match"}),
    ("Who rejoined Google?", {"role": "returned", "employers": ["Google"]}),
    ("Who has been promoted?", {"role": "promoted", "kind": "match"}),
    ("When was Kofi promoted?", {"role": "promoted", "kind": "match", "scope": "named"}),
    (
        "Who has been promoted at their current employer?",
        {"role": "promoted", "period": (None, None, True)},
    ),
    ("Who earned a degree before 2010?", {"period": (None, 2009, False)}),
    # chat shorthand
    ("nurses w/ ICU", {"concepts": [[("nurs",)], [("icu",)]]}),
    ("ppl w/o a degree", {"degree_excluded": ACADEMIC}),
    ("not java", {"excluded": "java", "concepts": []}),
    ("anyone without java", {"excluded": "java"}),
    ("who worked without supervision", {"excluded": ""}),
    ("grads from 2020 or later", {"period": (2020, None, False), "degree_levels": []}),
    ("any MBAs", {"degree_names": ["MBA"]}),
    ("kafka since 2021", {"period": (2021, None, False), "requirement": "kafka (since 2021)"}),
    ("excel wizards", {"requirement": "excel"}),
    ("top sql people", {"operation": "rank", "requirement": "sql"}),
    ("top five python devs", {"operation": "who", "requirement": "python devs"}),
    ("people mgrs w/ 5+ yrs exp", {"min_team": 1, "min_years": 5}),
    ("eng mgr w/ k8s", {"requirement": "engineering manager, k8s"}),
    ("Which candidates are people managers?", {"min_team": 1, "concepts": []}),
    ("econ majors", {"degree_field": "econ"}),
    ("which candidates are math majors", {"degree_field": "math"}),
    ("who majored in finance?", {"degree_field": "finance"}),
    # a field of study: a degree in it, whatever its level
    ("Who studied math?", {"degree_field": "math", "degree_levels": [], "concepts": []}),
    ("anyone with a degree in stats", {"degree_field": "stats", "concepts": []}),
    ("Who studied CS, and knows Go?", {"degree_field": "CS", "requirement": "a degree in CS (go)"}),
    ("Who studied nursing or medicine?", {"degree_field": None}),
    ("Who studied abroad?", {"degree_field": None}),
    ("Who studied hard?", {"degree_field": None}),
    # the school a degree is from: not where anyone lives
    (
        "Who has a master's in computer science from Georgia Tech?",
        {
            "degree_levels": ["master"],
            "degree_field": "computer science",
            "schools": ["Georgia Tech"],
            "place": None,
        },
    ),
    (
        "Who studied computer science at Berkeley?",
        {"degree_field": "computer science", "schools": ["Berkeley"], "concepts": []},
    ),
    ("econ majors from Stanford", {"degree_field": "econ", "schools": ["Stanford"]}),
    ("Who has a PhD from the University of Edinburgh?", {"schools": ["University of Edinburgh"]}),
    ("Who has a degree and worked at Amazon?", {"schools": []}),
    # the plural of an acronym is the acronym, whatever step lowers the words
    ("Any SREs?", {"requirement": "sre", "concepts": [[("sre",)]]}),
    ("Which CPAs live in Texas?", {"place": "Texas", "concepts": [[("cpa",)]]}),
    ("Who has worked with LLMs?", {"requirement": "llm"}),
    ("Who knows AWS?", {"requirement": "aws"}),
    # bare degree letters after "a"/"an"; alone they may name a product or a state
    (
        "Who has an MS from Georgia Tech?",
        {"degree_levels": ["master"], "schools": ["Georgia Tech"]},
    ),
    ("Who has a BS in computer science?", {"degree_levels": ["bachelor"]}),
    ("anyone with a BA?", {"degree_levels": ["bachelor"]}),
    ("Who knows MS Excel?", {"degree_levels": None, "requirement": "ms excel"}),
    ("Who is based in MA?", {"degree_levels": None, "place": "MA"}),
    ("Who has a PhD and works at Google?", {"schools": []}),
    ("count tableau users", {"requirement": "tableau", "operation": "count"}),
    # chat filler is no requirement
    ("ok so who actually knows Kafka?", {"requirement": "kafka"}),
    ("okay, anyone really into Terraform", {"requirement": "terraform"}),
    # the best at a skill: the most experience with it
    ("Who's the best at Python?", {"operation": "rank", "requirement": "python"}),
    ("Who knows Kafka best?", {"operation": "rank", "requirement": "kafka"}),
    ("who is strongest in SQL", {"operation": "rank", "requirement": "sql"}),
    ("Who is the most skilled with Terraform?", {"operation": "rank", "requirement": "terraform"}),
    ("Who has the best Python skills?", {"operation": "who"}),
    # employment gaps: six months unless the question says
    ("Which candidates have gaps in their employment?", {"kind": "match", "min_gap": 6}),
    ("Who has a career gap of more than a year?", {"min_gap": 13, "concepts": []}),
    ("Who has had a gap of more than a year?", {"min_gap": 13, "concepts": []}),
    ("Who has more than a year of Go?", {"min_years": 1, "years_over": True}),
    ("anyone with employment gaps of at least 3 months?", {"min_gap": 3}),
    ("Who has closed skill gaps in the team?", {"min_gap": None}),
    # the notice they state: the longest accepted, in days
    ("Who can join within 30 days?", {"kind": "match", "notice": 30, "concepts": []}),
    ("Which candidates can start in two weeks?", {"notice": 14, "concepts": []}),
    ("anyone with a notice period under 2 months?", {"notice": 59, "concepts": []}),
    ("Who are immediate joiners?", {"notice": 0, "concepts": []}),
    ("Which Java developers can start immediately?", {"notice": 0, "kind": "match"}),
    ("Who has a notice period of 1 month or less?", {"notice": 30}),
    # ranked by the notice stated
    (
        "Who has the shortest notice period?",
        {"kind": "match", "operation": "rank", "order_by": "notice", "shortest_first": True},
    ),
    ("Who can start soonest?", {"operation": "rank", "order_by": "notice", "concepts": []}),
    ("who has the longest notice?", {"order_by": "notice", "shortest_first": False}),
    (
        "Which nurses can join the earliest?",
        {"operation": "rank", "order_by": "notice", "concepts": [[("nurs",)]]},
    ),
    ("Who started first at Stripe?", {"order_by": None}),
    ("Who started at Stripe in 2019?", {"notice": None}),
    ("Who has 3 months of React experience?", {"notice": None}),
    ("anyone with more than 2 certs", {"aspect": "certifications", "min_count": 3}),
    ("Who knows at least 3 programming languages?", {"aspect": "skills", "min_count": 3}),
    ("Who has 10+ years of experience?", {"min_count": None, "min_career": 10}),
    ("Which candidates have more than one degree?", {"aspect": "education", "min_count": 2}),
    ("Who has worked at multiple companies?", {"aspect": "experience", "min_count": 2}),
    ("Who has been at 3 or more companies?", {"aspect": "experience", "min_count": 3}),
    # companies the work was for are no count of employers
    (
        "Who has run the month-end close across several companies?",
        {"min_count": None, "requirement": "run month-end close companies"},
    ),
    ("Who has done audits for multiple companies?", {"min_count": None, "aspect": None}),
    ("Who consulted for 3 or more companies?", {"min_count": None, "operation": "who"}),
    ("Who has worked in two or more countries?", {"aspect": "location", "min_count": 2}),
    ("Who has worked in the most countries?", {"aspect": "location", "operation": "rank"}),
    ("Who has changed jobs most often?", {"aspect": "experience", "operation": "rank"}),
    # a count among those the rest of the question describes
    (
        "Which nurses speak at least 2 languages?",
        {"kind": "match", "operation": "rank", "min_count": 2, "requirement": "nurses"},
    ),
    ("Who speaks 3+ languages?", {"kind": "about", "min_count": 3}),
    ("Who has worked at 2+ employers?", {"kind": "about", "min_count": 2}),
    ("Who has the fewest job changes?", {"aspect": "experience", "shortest_first": True}),
    ("anyone with several certifications", {"aspect": "certifications", "min_count": 2}),
    ("Who has at least one certification?", {"aspect": "certifications", "min_count": 1}),
    # ordered by the year of a degree
    (
        "Who graduated most recently?",
        {"operation": "rank", "degree_levels": [], "shortest_first": False, "period": None},
    ),
    ("Who graduated earliest?", {"operation": "rank", "shortest_first": True}),
    ("Who are the most recent graduates?", {"operation": "rank", "shortest_first": False}),
    (
        "Who got their master's most recently?",
        {"operation": "rank", "degree_levels": ["master"], "period": None},
    ),
    (
        "Which Kafka engineer graduated most recently?",
        {"operation": "rank", "kind": "match", "requirement": "a degree (kafka engineer)"},
    ),
    ("Who graduated recently?", {"operation": "who", "period": (2024, None, False)}),
    # about every candidate a description fits, or the one it fits best
    ("Summarize the nurses", {"kind": "about", "aspect": "summary", "each": True}),
    (
        "Give me a short summary of each nurse",
        {"kind": "about", "each": True, "description": "nurse"},
    ),
    ("Give me the emails of all the nurses", {"aspect": "contact", "each": True}),
    ("What's the email of the platform engineer?", {"aspect": "contact", "each": False}),
    ("list everyone's emails", {"kind": "about", "description": "", "each": False}),
    # an email address names whoever's it is
    (
        "Who is the candidate with the email dana@example.com?",
        {"scope": "named", "named": "Dana Park"},
    ),
    ("Tell me about LENA@example.net", {"scope": "named", "named": "Lena Swift"}),
    ("Who has an email at example.com?", {"scope": "all"}),
    # what the candidates are: a job title, met in a role title or the headline
    ("Which candidates are nurses?", {"as_title": True, "requirement": "nurses"}),
    ("list all the engineers", {"as_title": True}),
    ("Which of them are engineers?", {"as_title": True, "requirement": "engineers"}),
    ("and which of those is a nurse?", {"as_title": True}),
    ("How many platform engineers do we have?", {"as_title": True, "operation": "count"}),
    ("Who is a nurse?", {"as_title": True}),
    ("Which candidates are bilingual?", {"as_title": False}),
    # search words typed bare ask who has them, a certification or a language too
    ("devops folks with aws certs", {"kind": "match", "aspect": "certifications"}),
    (
        "any1 with kafka n go?",
        {"requirement": "kafka and go", "concepts": [[("kafka",)], [("golang",)]]},
    ),
    ("list candidates with Kafka", {"as_title": False}),
    (
        "how many nurses and engineers are there?",
        {"as_title": True, "requirement": "nurses or engineers", "operation": "count"},
    ),
    ("Which candidates know Kafka and Go?", {"requirement": "kafka and go"}),
    ("How many speak more than two languages?", {"aspect": "languages", "min_count": 3}),
    ("how many candidates know Kafka", {"as_title": False}),
    ("Who has nursing experience?", {"as_title": False}),
    ("Which candidates are based in Texas?", {"as_title": False}),
    # ordered by the latest dated role that shows the requirement
    (
        "Who has used Kafka most recently?",
        {"operation": "rank", "order_by": "recency", "concepts": [[("kafka",)]], "period": None},
    ),
    ("Who has the most recent experience with Go?", {"order_by": "recency", "kind": "match"}),
    ("What's Kofi's most recent job?", {"order_by": None, "aspect": "current"}),
    # the roles held now: "in their current job", "at their last job"
    ("Who uses Kafka in their current job?", {"period": (None, None, True), "role": None}),
    ("Who used Go at their last job?", {"period": (None, None, True), "concepts": [[("golang",)]]}),
    ("Which of the engineers know Kafka?", {"requirement": "engineers, kafka"}),
    ("Which among our nurses speak Spanish?", {"requirement": "nurses, spanish"}),
    ("Who has the most certifications?", {"operation": "rank", "aspect": "certifications"}),
    ("Who has worked at the most companies?", {"operation": "rank", "aspect": "experience"}),
    ("Who knows the most programming languages?", {"operation": "rank", "aspect": "skills"}),
    (
        "Who has the fewest certs?",
        {"operation": "rank", "aspect": "certifications", "shortest_first": True},
    ),
    # framing words, not requirements
    ("any1 w/ react exp?", {"kind": "match", "requirement": "react"}),
    ("List everyone who knows Rust", {"kind": "match", "requirement": "rust"}),
    ("Who mentions Kafka?", {"kind": "match", "requirement": "kafka"}),
    ("Who is the most senior candidate?", {"operation": "rank", "kind": "about"}),
    # misspelt framing words are dropped; misspelt skills are kept for the matcher to respell
    ("who knws kafka", {"requirement": "kafka"}),
    ("any expereince with Kafka?", {"requirement": "kafka"}),
    ("who has kubernets", {"requirement": "kubernets"}),
    # nouns for someone who writes software stand for each other beside another word
    (
        "do we have any frontend devs?",
        {
            "concepts": [
                [
                    ("frontend", "develop"),
                    ("frontend", "dev"),
                    ("frontend", "engin"),
                    ("frontend", "programm"),
                    ("frontend", "coder"),
                ]
            ]
        },
    ),
    # a role noun alone: any of them ("dev" alone is too often a piece of a link)
    ("Which candidates are engineers?", {"concepts": [[(r,) for r in ROLE_STEMS if r != "dev"]]}),
    # verbs joined by "or" act on the same object; a verb much commoner than it may be missing
    (
        "Who has set up or owned CI/CD pipelines?",
        {"concepts": [[("set", "up", "cicd", "pipelin"), ("own", "cicd", "pipelin")]]},
    ),
    ("Who has run A/B tests?", {"concepts": [[("run", "a/b", "test")]]}),
    # apostrophes left out, asides that only say how to read the question
    ("who doesnt have a degree?", {"kind": "match", "degree_excluded": ACADEMIC, "excluded": ""}),
    ("need someone with Java (actual Java, not JavaScript)", {"concepts": [[("java",)]]}),
    ("How many have worked at Google, internships included?", {"employers": ["Google"]}),
    ("Who knows Kafka, and Spark too?", {"concepts": [[("kafka",)], [("spark",)]]}),
    # "which <people> <verb> X": the people are a requirement of their own, met on any line
    ("which nurses know Epic?", {"concepts": [[("nurs",)], [("epic",)]]}),
    (
        "Which platform engineers use Kafka?",
        {"concepts": [[("platform", r) for r in ROLE_STEMS], [("kafka",)]]},
    ),
    # ... but not when a verb sits among them, nor for "which candidates"
    (
        "Which nurse redesigned the ward rota?",
        {"concepts": [[("nurs", "redesign", "ward", "rota")]]},
    ),
    ("Which candidates know Kafka?", {"concepts": [[("kafka",)]]}),
    # a ranking of those who match
    (
        "rank the data engineers by experience",
        {"kind": "match", "operation": "rank", "requirement": "data engineers", "aspect": None},
    ),
    ("sort the candidates by seniority", {"kind": "about", "operation": "rank"}),
    # "others" and "setting" frame what is asked
    ("Who has taught others in a class setting?", {"requirement": "taught class"}),
    # casual joins and misspelt framing words
    ("anyone knw terraform n ansible?", {"concepts": [[("terraform",)], [("ansibl",)]]}),
    ("who has experiance with kafka", {"concepts": [[("kafka",)]]}),
    ("anyone w/ kafka + spark?", {"concepts": [[("kafka",)], [("spark",)]]}),
    ("who knows c++", {"concepts": [[("c++",)]]}),
    # a slash or ampersand inside a short pair joins; elsewhere it separates
    ("Who has done A/B testing?", {"concepts": [[("a/b", "test")]]}),
    ("Anyone with R&D experience?", {"concepts": [[("r&d",)]]}),
    ("who knows C/C++", {"concepts": [[("c",), ("c++",)]]}),
    ("Who knows Python/Go?", {"concepts": [[("python",), ("golang",)]]}),
    ("Who has Python & Go?", {"concepts": [[("python",)], [("golang",)]]}),
    # lower case words are an employer only when some resume writes them as a name
    ("who has worked for a startup?", {"employers": []}),
    ("who has worked at kafka", {"employers": ["kafka"]}),
    # dates in questions that are not about who matches are left alone
    ("What did Kofi do in 2017?", {"kind": "about", "period": None}),
]


@pytest.mark.parametrize(("question", "expected"), ROWS, ids=[q for q, _ in ROWS])
def test_plans(catalog: Catalog, question: str, expected: dict[str, Any]) -> None:
    plan = plan_question(question, catalog, Conversation())
    got: dict[str, Any] = {
        "kind": plan.kind,
        "scope": plan.scope,
        "aspect": plan.aspect,
        "requirement": plan.requirement,
        "employers": plan.employers,
        "former": plan.employers_former,
        "place": plan.place,
        "place_near": plan.place_near,
        "school_place": plan.school_place,
        "work_place": plan.work_place,
        "work_place_excluded": plan.work_place_excluded,
        "employers_excluded": plan.employers_excluded,
        "place_excluded": plan.place_excluded,
        "degree_excluded": plan.degree_excluded.levels if plan.degree_excluded else None,
        "schools": plan.schools,
        "degree_levels": plan.degree.levels if plan.degree else None,
        "degree_names": plan.degree.names[:1] if plan.degree else None,
        "degree_field": plan.degree.field if plan.degree else None,
        "named": (
            catalog.candidates[plan.candidate_ids[0]].name
            if plan.scope == "named" and plan.candidate_ids
            else None
        ),
        "names": sorted(catalog.candidates[c].name for c in plan.candidate_ids)
        if plan.scope == "named"
        else None,
        "operation": plan.operation,
        "excluded": plan.excluded_text,
        "description": plan.description,
        "contact_fields": plan.contact_fields,
        "concepts": plan.concepts,
        "min_years": plan.min_years,
        "max_years": plan.max_years,
        "shortest_first": plan.shortest_first,
        "min_team": plan.min_team,
        "min_career": plan.min_career_years,
        "years_over": plan.years_over,
        "min_count": plan.min_count,
        "order_by": plan.order_by,
        "as_title": plan.as_title,
        "each": plan.each,
        "relaxed": plan.relaxed,
        "role": plan.role,
        "min_gap": plan.min_gap_months,
        "notice": plan.max_notice_days,
        "fields": plan.fields,
        "fields_excluded": plan.fields_excluded,
        "period": (plan.period.first, plan.period.last, plan.period.current)
        if plan.period
        else None,
        "left_out": sorted(
            c.name for c in catalog.candidates.values() if c.id not in plan.candidate_ids
        ),
    }
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("question", "years_back"),
    [
        ("Who has recently used Kubernetes?", 2),
        ("Who has worked with Kafka in the last three years?", 3),
        ("anyone with go in the past 5 years", 5),
    ],
)
def test_relative_periods_count_back_from_today(
    catalog: Catalog, question: str, years_back: int
) -> None:
    plan = plan_question(question, catalog, Conversation())
    assert plan.kind == "match"
    assert plan.period is not None
    assert (plan.period.first, plan.period.last) == (date.today().year - years_back, None)


# After "Who knows Swift?" (Omar and Ann): which questions lean on that answer.
FOLLOW_UPS: list[tuple[str, str]] = [
    ("Which of them know Python?", "follow_up"),
    ("And which of those have been on call?", "follow_up"),
    ("Who among them speaks Arabic?", "follow_up"),
    ("Do they know SQL?", "follow_up"),
    ("What is their email?", "follow_up"),
    ("Which programming languages do they use?", "follow_up"),
    ("Which languages have they listed?", "follow_up"),
    # a choice among them: "and which", "which one", "only those"
    ("And which have a master's?", "follow_up"),
    ("Which one speaks Arabic?", "follow_up"),
    ("Only those with SQL", "follow_up"),
    ("Which one of the candidates knows Go?", "all"),
    # "their" and "they" in a "who" question stand for the people asked about
    ("Who started their current job after 2019?", "all"),
    ("Which candidates list their certifications?", "all"),
    ("Who says they know Kafka?", "all"),
    ("Who knows Kafka?", "all"),
]


@pytest.mark.parametrize(("question", "scope"), FOLLOW_UPS, ids=[q for q, _ in FOLLOW_UPS])
def test_what_leans_on_the_previous_answer(catalog: Catalog, question: str, scope: str) -> None:
    swift = [cid(catalog, "Omar Haddad"), cid(catalog, "Ann Vale")]
    earlier = Answer(question="Who knows Swift?", answer="Omar and Ann.", candidate_ids=swift)
    turn = Turn(question=earlier.question, answer=earlier, kind="match", scope_ids=swift)
    plan = plan_question(question, catalog, Conversation(turns=[turn]))
    assert plan.scope == scope
    if scope == "follow_up":
        assert sorted(plan.candidate_ids) == sorted(swift)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many years of experience do they have?", {"aspect": "years", "kind": "about"}),
        ("What did they do before that?", {"aspect": "previous_role", "kind": "about"}),
        ("Who's better at Kafka?", {"operation": "compare", "requirement": "kafka"}),
        ("Who has more years of experience?", {"operation": "rank"}),
    ],
)
def test_after_a_comparison_of_two(
    catalog: Catalog, question: str, expected: dict[str, Any]
) -> None:
    two = [cid(catalog, "Kofi Mensah"), cid(catalog, "Dana Park")]
    earlier = Answer(question="Compare Kofi and Dana", answer="...", candidate_ids=two)
    turn = Turn(question=earlier.question, answer=earlier, kind="about", scope_ids=two)
    plan = plan_question(question, catalog, Conversation(turns=[turn]))
    assert plan.scope == "follow_up" and sorted(plan.candidate_ids) == sorted(two)
    assert {k: getattr(plan, k) for k in expected} == expected


@pytest.mark.parametrize("question", ["Who else knows Swift?", "anyone else with SwiftUI?"])
def test_who_else_leaves_out_the_previous_answer(catalog: Catalog, question: str) -> None:
    swift = [cid(catalog, "Omar Haddad")]
    earlier = Answer(question="Does Omar know Swift?", answer="Yes.", candidate_ids=swift)
    turn = Turn(question=earlier.question, answer=earlier, kind="match", scope_ids=swift)
    plan = plan_question(question, catalog, Conversation(turns=[turn]))
    assert plan.scope == "all"
    assert swift[0] not in plan.candidate_ids
    assert len(plan.candidate_ids) == len(catalog.candidates) - 1
    assert "else" not in plan.requirement
    # with no answer before, "else" is only a word of the frame
    alone = plan_question(question, catalog, Conversation())
    assert len(alone.candidate_ids) == len(catalog.candidates)
    assert "else" not in alone.requirement


@pytest.mark.parametrize(
    "question",
    [
        "where does the other one work now?",
        "and the other two - what do they do?",
        "Which of the others know Python?",
        "which of the rest know Python?",
    ],
)
def test_the_others_are_those_the_last_question_considered_and_did_not_name(
    catalog: Catalog, question: str
) -> None:
    pool = [cid(catalog, name) for name in ("Omar Haddad", "Dana Park", "Lena Swift")]
    named = pool[:1]
    earlier = Answer(question="Which of them is a recruiter?", answer="Omar.", candidate_ids=named)
    turn = Turn(question=earlier.question, answer=earlier, kind="match", scope_ids=pool)
    plan = plan_question(question, catalog, Conversation(turns=[turn]))
    assert plan.scope == "follow_up"
    assert sorted(plan.candidate_ids) == sorted(pool[1:])


@pytest.mark.parametrize(
    ("question", "aspect"),
    [
        ("What was their first job?", "first_role"),
        ("Where did they work before their current job?", "previous_role"),
        ("Which companies have they worked for?", "roles"),
        ("Which of them had a previous job at Fjordline?", None),
    ],
)
def test_role_facts_about_the_previous_answer(
    catalog: Catalog, question: str, aspect: str | None
) -> None:
    two = [cid(catalog, "Kofi Mensah"), cid(catalog, "Grace Washington")]
    earlier = Answer(question="Who led platforms?", answer="Kofi and Grace.", candidate_ids=two)
    turn = Turn(question=earlier.question, answer=earlier, kind="match", scope_ids=two)
    plan = plan_question(question, catalog, Conversation(turns=[turn]))
    assert plan.scope == "follow_up"
    assert plan.aspect == aspect


def test_compare_them_compares_the_candidates_asked_about_one_by_one(catalog: Catalog) -> None:
    turns = []
    for name in ("Dana Park", "Kofi Mensah"):
        said = Answer(
            question=f"Tell me about {name}", answer=name, candidate_ids=[cid(catalog, name)]
        )
        turns.append(Turn(question=said.question, answer=said, kind="about"))
    plan = plan_question("Compare them", catalog, Conversation(turns=turns))
    assert plan.operation == "compare"
    assert sorted(plan.candidate_ids) == sorted(
        [cid(catalog, "Dana Park"), cid(catalog, "Kofi Mensah")]
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who's the best at it?", {"operation": "rank", "requirement": "kafka"}),
        ("Which of them has used it most recently?", {"scope": "follow_up"}),
        ("How many candidates know it?", {"operation": "count", "requirement": "kafka"}),
        ("Who has worked in IT?", {"requirement": "in technology"}),
    ],
)
def test_it_is_what_the_last_question_asked_for(
    catalog: Catalog, question: str, expected: dict[str, Any]
) -> None:
    kofi = [cid(catalog, "Kofi Mensah"), cid(catalog, "Dana Park")]
    said = Answer(question="Who knows Kafka?", answer="Kofi and Dana.", candidate_ids=kofi)
    turn = Turn(question=said.question, answer=said, kind="match", scope_ids=kofi)
    plan = plan_question(question, catalog, Conversation(turns=[turn]))
    assert {k: getattr(plan, k) for k in expected} == expected
    # with no question before, "it" is only a word
    assert "kafka" not in plan_question(question, catalog, Conversation()).requirement


def test_he_after_a_ranking_is_the_first_ranked(catalog: Catalog) -> None:
    two = [cid(catalog, "Kofi Mensah"), cid(catalog, "Dana Park")]
    said = Answer(question="Who has the most Kafka experience?", answer="...", candidate_ids=two)
    turn = Turn(question=said.question, answer=said, kind="match", operation="rank")
    his = plan_question("What's his current title?", catalog, Conversation(turns=[turn]))
    assert (his.scope, his.candidate_ids) == ("follow_up", two[:1])
    theirs = plan_question("What are their current titles?", catalog, Conversation(turns=[turn]))
    assert theirs.candidate_ids == two
    plain = Turn(question=said.question, answer=said, kind="match")  # no ranking: both
    assert (
        plan_question("What's his email?", catalog, Conversation(turns=[plain])).candidate_ids
        == two
    )


@pytest.mark.parametrize(
    "question", ["And Dana?", "What about Dana Park?", "Same question for Dana.", "and dana"]
)
def test_the_same_question_about_another_candidate(catalog: Catalog, question: str) -> None:
    kofi, dana = cid(catalog, "Kofi Mensah"), cid(catalog, "Dana Park")
    said = Answer(question="What languages does Kofi speak?", answer="...", candidate_ids=[kofi])
    turn = Turn(question=said.question, answer=said, kind="about")
    plan = plan_question(question, catalog, Conversation(turns=[turn]))
    assert (plan.scope, plan.candidate_ids, plan.aspect) == ("named", [dana], "languages")


def test_the_same_question_for_the_other_one(catalog: Catalog) -> None:
    kofi, dana = cid(catalog, "Kofi Mensah"), cid(catalog, "Dana Park")
    both = Answer(question="Who knows Kafka?", answer="...", candidate_ids=[kofi, dana])
    first = Turn(question=both.question, answer=both, kind="match")
    one = Answer(question="What certifications does Kofi hold?", answer="", candidate_ids=[kofi])
    second = Turn(question=one.question, answer=one, kind="about")
    plan = plan_question(
        "Same question for the other one.", catalog, Conversation(turns=[first, second])
    )
    assert (plan.candidate_ids, plan.aspect) == ([dana], "certifications")


def test_there_is_the_employer_asked_about_before(catalog: Catalog) -> None:
    kofi = [cid(catalog, "Kofi Mensah")]
    said = Answer(question="Who worked at Fjordline?", answer="Kofi.", candidate_ids=kofi)
    turn = Turn(question=said.question, answer=said, kind="match", employers=["Fjordline"])
    plan = plan_question("How long was he there?", catalog, Conversation(turns=[turn]))
    assert (plan.aspect, plan.there) == ("roles", "Fjordline")
    assert plan.asked().endswith("(at Fjordline)")
    # with no employer asked before, "there" is only a word
    plain = Turn(question="Who knows Kafka?", answer=said, kind="match")
    assert (
        plan_question("How long was he there?", catalog, Conversation(turns=[plain])).there is None
    )


@pytest.mark.parametrize(
    "question",
    ["Does Siobhan know Go?", "What does Siobhán Ní Bhriain do?", "summarize siobhan ni bhriain"],
)
def test_names_are_found_however_their_accents_are_typed(question: str) -> None:
    people = {"s.txt": "Siobhán Ní Bhriain\nSkills\nGo, SQL\n", "t.txt": "Tom Ode\nSkills\nGo\n"}
    pool = Catalog.build(parse_resume(n, t.encode()) for n, t in people.items())
    plan = plan_question(question, pool, Conversation())
    assert plan.scope == "named"
    assert [pool.candidates[c].name for c in plan.candidate_ids] == ["Siobhán Ní Bhriain"]
