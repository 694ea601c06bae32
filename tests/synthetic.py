"""Deterministic synthetic resumes for the benchmark: invented people, companies and schools.

``generate(n, seed)`` returns ``n`` :class:`SyntheticResume` objects shaped like the files in
``sample_docs/resumes`` (a name line, a headline, a contact line, then Summary, Experience with 2-4
roles and bullets, Education, Skills and Languages; about 25-45 lines). Names, companies, skills,
schools and languages are drawn from shared lists so that questions have real competition: many
candidates know Python, several speak Portuguese, a few did cloud migrations.
``write(resumes, folder)`` saves them as TXT, Markdown and (about 5%) DOCX files.

Every person, email address, phone number and organisation here is fictional; phone numbers use
the 555-01xx range and emails use the reserved example.* domains.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

FIRST_NAMES = (
    "Aaliyah", "Adebayo", "Aiko", "Alejandro", "Amara", "Anders", "Anya", "Arjun", "Astrid",
    "Beatriz", "Bilal", "Bruno", "Camila", "Chidi", "Chloe", "Dae", "Dalia", "Darius", "Elif",
    "Emeka", "Esther", "Farah", "Felix", "Freya", "Gabriel", "Hana", "Hassan", "Helena", "Ibrahim",
    "Imani", "Isabel", "Ivan", "Jasper", "Jun", "Kai", "Kamala", "Kenji", "Keziah", "Lars", "Leila",
    "Lorenzo", "Lucia", "Magnus", "Malik", "Mariam", "Mateo", "Maya", "Mei", "Nadia", "Nikhil",
    "Noor", "Oskar", "Paloma", "Priya", "Quentin", "Rafael", "Ravi", "Rosa", "Ruth", "Sakura",
    "Santiago", "Selin", "Siddharth", "Sofia", "Tariq", "Thandiwe", "Tobias", "Valentina", "Wei",
    "Yara", "Yusuf", "Zainab", "Zoran", "Ingrid", "Kofi", "Leon", "Mirela", "Omar", "Petra",
    "Soren",
)  # fmt: skip
LAST_NAMES = (
    "Abara", "Andersen", "Baptiste", "Bergstrom", "Castellanos", "Chowdhury", "Dimitrov",
    "Eriksen", "Falconer", "Ferreira", "Gallagher", "Grinberg", "Haddad", "Halvorsen", "Ibarra",
    "Jovanovic", "Kaminski", "Kapoor", "Kariuki", "Lindqvist", "Lombardi", "Maalouf", "Mbeki",
    "Moreau", "Nakamura", "Novak", "Okonkwo", "Olabode", "Oyelaran", "Petrov", "Quintero",
    "Rahimi", "Ramaswamy", "Rosales", "Sandoval", "Sato", "Schreiber", "Seo", "Takahashi",
    "Tembo", "Thorsen", "Uchenna", "Valdivia", "Varga", "Vasquez", "Whitlock", "Xiong", "Yamamoto",
    "Yilmaz", "Zielinski", "Achterberg", "Brannigan", "Cardoso", "Delacroix", "Eskandari",
    "Fontaine", "Garrido", "Hakimi", "Iwasaki", "Jablonski", "Kowalczyk", "Lachance", "Marchetti",
    "Nwachukwu", "Ostrowski", "Pellegrini", "Rautio", "Salazar", "Tanaka", "Underwood", "Virtanen",
    "Wojcik", "Zamora", "Albescu", "Benedetti", "Coelho", "Drummond", "Engstrom", "Fairweather",
)  # fmt: skip
COMPANIES = (
    "Stratus Cloudworks", "Harborline Payments", "Brightpath Media", "Kestrel Commerce",
    "Bluefin Analytics", "Tidewater Health Tech", "Pixelcraft Studios", "Lumenfold Games",
    "Northgate Logistics", "Cobalt Ridge Energy", "Amberleaf Insurance", "Silverline Robotics",
    "Quarry Lane Software", "Meridian Freight", "Oakhurst Bank", "Pinebrook Retail",
    "Redwood Circuit Labs", "Saltmarsh Biotech", "Foxglove Telecom", "Granite Peak Systems",
    "Juniper Vale Foods", "Lanternfish Security", "Mosaic Learning", "Nimbus Ledger",
    "Orchid Street Hospitality", "Prairie Wind Utilities", "Riverstone Mobility",
    "Sable Bay Pharmaceuticals", "Thistle & Finch Design", "Upland Civic Data",
    "Vantage Harbor Capital", "Willowmere Health", "Yellowfin Maps", "Zephyr Air Cargo",
)  # fmt: skip
CITIES = (
    "Austin, TX", "Seattle, WA", "Denver, CO", "Toronto, ON", "New York, NY", "Chicago, IL",
    "Portland, OR", "Boston, MA", "Atlanta, GA", "Vancouver, BC", "Berlin, Germany",
    "Lisbon, Portugal", "Madrid, Spain", "Dublin, Ireland", "Warsaw, Poland", "Lagos, Nigeria",
    "Nairobi, Kenya", "Bangalore, India", "Sao Paulo, Brazil", "Mexico City, Mexico",
)  # fmt: skip
AREA_CODES = ("212", "206", "303", "312", "404", "416", "503", "512", "604", "617", "720")
SCHOOLS = (
    "Costa Verde University", "Pinecrest Institute of Technology", "Lakeshore State University",
    "Redwood Valley College", "Marlow Polytechnic", "Wrenfield Academy of Arts",
    "Deccan Ridge Engineering College", "Northfield University", "Greyhaven Technical Institute",
    "Saint Aldric College", "Bellmont University", "Eastbrook School of Business",
    "Kingsmere University", "Cedar Hollow College", "Ashford Institute of Science",
    "Harrowgate University", "Silvermoor Polytechnic", "Ironbridge State University",
)  # fmt: skip
LANGUAGES = (
    "English", "Spanish", "Portuguese", "French", "German", "Mandarin", "Hindi", "Arabic",
    "Japanese", "Korean", "Italian", "Polish", "Swahili", "Yoruba", "Turkish", "Russian", "Dutch",
    "Vietnamese", "Tagalog", "Swedish",
)  # fmt: skip
LEVELS = ("native", "fluent", "professional", "conversational", "basic")
DEGREES = (
    ("B.S.", "Computer Science"), ("B.S.", "Software Engineering"),
    ("B.Eng.", "Electrical Engineering"),
    ("B.A.", "Economics"), ("B.S.", "Mathematics"), ("B.S.", "Information Systems"),
    ("M.S.", "Computer Science"), ("M.S.", "Data Science"), ("MBA", "Business Analytics"),
    ("Ph.D.", "Statistics"), ("B.A.", "Graphic Design"), ("M.Eng.", "Systems Engineering"),
)  # fmt: skip
CERTIFICATIONS = (
    "AWS Certified Solutions Architect - Associate", "Certified Kubernetes Administrator (CKA)",
    "Google Professional Data Engineer", "Microsoft Azure Administrator Associate",
    "Certified ScrumMaster (CSM)", "ISTQB Certified Tester, Foundation Level",
    "Tableau Desktop Specialist", "HashiCorp Certified: Terraform Associate", "PMP",
)  # fmt: skip


@dataclass(frozen=True)
class Domain:
    titles: tuple[str, ...]
    skills: tuple[str, ...]
    bullets: tuple[str, ...]  # {skill}, {skill2}, {n}, {pct} are filled in
    summary: str


DOMAINS = (
    Domain(
        titles=("Backend Engineer", "Senior Software Engineer", "Staff Engineer",
                "Python Developer"),
        skills=("Python", "Go", "Java", "PostgreSQL", "Redis", "Kafka", "gRPC", "Django", "FastAPI",
                "Docker", "Kubernetes", "AWS", "GraphQL", "Rust"),
        bullets=(
            "Designed a {skill} service handling {n} million requests a day at p99 under 80 ms.",
            "Split a monolith into {n} services written in {skill} and {skill2}.",
            "Cut API latency by {pct}% by adding {skill} caching and batching database reads.",
            "Led the cloud migration of the billing platform from on-premise servers to {skill}.",
            "Mentored {n} engineers and ran the weekly design review for the platform team.",
            "Wrote the event pipeline on {skill}, replacing nightly batch jobs with streaming.",
        ),
        summary="Backend engineer with {years} years building reliable APIs and data services.",
    ),
    Domain(
        titles=("Site Reliability Engineer", "DevOps Engineer", "Platform Engineer",
                "Cloud Engineer"),
        skills=("Kubernetes", "Terraform", "AWS", "Azure", "Google Cloud", "Ansible", "Prometheus",
                "Grafana", "Helm", "Bash", "Python", "Jenkins", "GitHub Actions", "Linux"),
        bullets=(
            "Migrated {n} services from a data center to {skill} with no downtime.",
            "Built {skill} modules used by {n} teams; new environments now take hours, not weeks.",
            "Introduced SLO-based alerting with {skill} and {skill2}, cutting pages by {pct}%.",
            "Ran {n} incident reviews and automated the top recurring fixes in {skill}.",
            "Moved CI from {skill} to {skill2}; median build time dropped by {pct}%.",
            "Planned and executed the cloud migration of {n} databases with a two-week cutover.",
        ),
        summary="Reliability engineer with {years} years of infrastructure and automation.",
    ),
    Domain(
        titles=("Data Analyst", "Senior Data Analyst", "Analytics Engineer", "BI Developer"),
        skills=("SQL", "Tableau", "Power BI", "Python", "pandas", "dbt", "Snowflake", "BigQuery",
                "Excel", "Looker", "Airflow", "R", "Statistics", "A/B testing"),
        bullets=(
            "Own {n} {skill} dashboards used by sales and finance every week.",
            "Wrote {skill} models on {skill2} that replaced a {n}-hour manual reporting process.",
            "Ran A/B test readouts for {n} product launches and presented them to leadership.",
            "Reduced ad-hoc report requests by {pct}% with self-service {skill} reporting.",
            "Moved the reporting warehouse to {skill} as part of a company-wide cloud migration.",
            "Built churn and cohort analyses in {skill} that shaped the retention roadmap.",
        ),
        summary="Data analyst with {years} years turning messy data into decisions people trust.",
    ),
    Domain(
        titles=("Machine Learning Engineer", "Data Scientist", "Senior Data Scientist",
                "ML Researcher"),
        skills=("Python", "PyTorch", "TensorFlow", "scikit-learn", "Spark", "SQL", "MLflow",
                "Kubernetes", "NLP", "Computer Vision", "XGBoost", "AWS SageMaker", "Airflow"),
        bullets=(
            "Trained {skill} models for demand forecasting that cut stockouts by {pct}%.",
            "Deployed {n} models to production with {skill} and {skill2} behind a feature store.",
            "Built an NLP pipeline in {skill} that routes {n} thousand support tickets a month.",
            "Moved training jobs to {skill}, part of the cloud migration of the ML stack.",
            "Published {n} internal papers on evaluation methods and model monitoring.",
            "Reduced inference cost by {pct}% by distilling a {skill} model.",
        ),
        summary="ML practitioner with {years} years shipping models that stay useful.",
    ),
    Domain(
        titles=("Frontend Developer", "Senior Frontend Engineer", "UI Engineer",
                "Full-Stack Developer"),
        skills=("React", "TypeScript", "JavaScript", "Vue.js", "Angular", "GraphQL", "Next.js",
                "CSS", "Storybook", "Jest", "Cypress", "Figma", "Node.js", "Webpack"),
        bullets=(
            "Rebuilt the customer web app in {skill} and {skill2}; Lighthouse score rose to 9{n}.",
            "Created a component library in {skill} used by {n} product teams.",
            "Cut the JavaScript bundle size by {pct}% with code splitting and lazy loading.",
            "Led quarterly accessibility audits and fixed {n} WCAG issues.",
            "Added {skill} end-to-end tests for the checkout flow, reducing regressions by {pct}%.",
            "Moved static hosting to a CDN as part of the cloud migration, serving {n} countries.",
        ),
        summary="Frontend developer with {years} years building fast, accessible interfaces.",
    ),
    Domain(
        titles=("Mobile Developer", "iOS Engineer", "Android Engineer", "Senior Mobile Engineer"),
        skills=("Swift", "SwiftUI", "Kotlin", "Java", "Flutter", "React Native", "Firebase",
                "Core Data", "Jetpack Compose", "fastlane", "GraphQL", "Objective-C"),
        bullets=(
            "Shipped {n} releases of the patient app in {skill} with a 99.{n}% crash-free rate.",
            "Migrated the main app from {skill2} to {skill} over {n} months without a freeze.",
            "Built offline sync with {skill}, used by {n} thousand monthly users.",
            "Automated store releases with {skill}; release prep dropped by {pct}%.",
            "Mentored {n} junior developers and ran the mobile guild.",
            "Moved push notifications and analytics to {skill} during the cloud migration.",
        ),
        summary="Mobile developer with {years} years of native apps on iOS and Android.",
    ),
    Domain(
        titles=("QA Automation Engineer", "Test Engineer", "SDET", "QA Lead"),
        skills=("Selenium", "Cypress", "Playwright", "Java", "Python", "JavaScript", "Postman",
                "REST Assured", "JUnit", "TestNG", "Jenkins", "Jira", "Appium", "SQL"),
        bullets=(
            "Built a {skill} test framework covering {n} hundred regression cases.",
            "Cut the regression cycle from 3 days to {n} hours with parallel {skill} runs.",
            "Added API contract tests with {skill} and {skill2} to the CI pipeline.",
            "Kept the flaky-test rate below {n}% across {n} teams.",
            "Verified data integrity with {skill} queries during the cloud migration.",
            "Managed defect triage in {skill} for a team of {n} developers.",
        ),
        summary="Test automation engineer with {years} years making releases fast and trustworthy.",
    ),
    Domain(
        titles=("Product Manager", "Senior Product Manager", "Technical Program Manager",
                "Project Manager"),
        skills=("Roadmapping", "Jira", "SQL", "A/B testing", "Agile", "Scrum",
                "Stakeholder management", "Figma", "Amplitude", "Confluence", "Budgeting",
                "Vendor management"),
        bullets=(
            "Owned the roadmap for {n} squads and grew weekly active users by {pct}%.",
            "Ran the cloud migration program across {n} teams, delivered two months early.",
            "Introduced {skill} rituals and cut cycle time by {pct}%.",
            "Managed a budget of {n} million dollars and {n} external vendors.",
            "Defined success metrics in {skill} and reviewed them monthly with leadership.",
            "Led discovery interviews with {n} customers to shape the onboarding redesign.",
        ),
        summary="Product leader with {years} years taking products from discovery to scale.",
    ),
)  # fmt: skip
GENERIC_BULLETS = (
    "Onboarded {n} new hires and wrote the team's onboarding guide.",
    "Presented quarterly results to leadership and {n} partner teams.",
    "Worked with security and legal on a compliance audit; closed {n} findings.",
    "Ran a weekly office hour on {skill} for colleagues in other departments.",
    "Interviewed {n}0+ candidates and redesigned the take-home exercise.",
)
LAYOUTS = ("md", "txt_caps", "txt_underline")


@dataclass
class SyntheticResume:
    name: str
    email: str
    skills: list[str]
    languages: list[str]
    schools: list[str]
    filename: str  # without extension
    layout: str
    lines: list[str] = field(default_factory=list)  # the plain lines, headings unmarked


def _fill(template: str, rng: random.Random, skills: list[str]) -> str:
    first, second = rng.sample(skills, 2)
    return template.format(
        skill=first, skill2=second, n=rng.randint(2, 9), pct=rng.choice((15, 20, 25, 30, 35, 40))
    )


def _unique_names(n: int, rng: random.Random) -> list[str]:
    pairs = [f"{f} {last}" for f in FIRST_NAMES for last in LAST_NAMES]
    if n <= len(pairs):
        return rng.sample(pairs, n)
    # Larger piles: a middle initial makes more (the smaller sizes keep their names).
    initials = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    more = [f"{f} {i}. {last}" for f in FIRST_NAMES for i in initials for last in LAST_NAMES]
    return rng.sample(pairs + more, n)


def _heading(title: str, layout: str) -> list[str]:
    if layout == "md":
        return ["", f"## {title}", ""]
    if layout == "txt_caps":
        return ["", title.upper()]
    return ["", title, "-" * len(title)]


def _roles(rng: random.Random, domain: Domain, skills: list[str], layout: str) -> list[str]:
    out: list[str] = []
    year = 2025
    pool = [*domain.bullets, *GENERIC_BULLETS]
    rng.shuffle(pool)
    for i in range(rng.randint(2, 4)):
        start = year - rng.randint(2, 5)
        period = f"{start} - present" if i == 0 else f"{start} - {year}"
        title, company = rng.choice(domain.titles), rng.choice(COMPANIES)
        city = rng.choice(CITIES)
        if layout == "md":
            out += [f"### {title}, {company} ({period})"]
        elif layout == "txt_caps":
            out += [f"{title}, {company}, {city} ({period})"]
        else:
            out += [f"{company}, {city}", f"{title}, {period}"]
        count = rng.randint(3, 4) if i == 0 else rng.randint(2, 3) if i == 1 else rng.randint(1, 2)
        out += [f"- {_fill(pool.pop(), rng, skills)}" for _ in range(count)]
        if layout == "md":
            out.append("")
        year = start
    return out


def _one(name: str, index: int, rng: random.Random) -> SyntheticResume:
    domain = rng.choice(DOMAINS)
    layout = rng.choice(LAYOUTS)
    first, last = name.split(" ", 1)
    domain_tld = rng.choice(("com", "net", "org"))
    email = f"{first.lower()}.{last.lower()}{index % 7 or ''}@example.{domain_tld}"
    phone = f"({rng.choice(AREA_CODES)}) 555-01{rng.randint(0, 99):02d}"
    skills = rng.sample(domain.skills, rng.randint(7, min(11, len(domain.skills))))
    langs = [
        "English",
        *rng.sample([lang for lang in LANGUAGES if lang != "English"], rng.randint(0, 3)),
    ]
    rng.shuffle(langs)
    degrees = rng.sample(DEGREES, rng.randint(1, 2))
    schools = rng.sample(SCHOOLS, len(degrees))
    years = rng.randint(3, 18)

    lines = [f"# {name}" if layout == "md" else name]
    lines.append(f"{rng.choice(domain.titles)} | {rng.choice(CITIES)}")
    lines.append(f"{email} | {phone} | linkedin.com/in/{first.lower()}-{last.lower()}-{index}")
    lines += _heading(rng.choice(("Summary", "Profile", "Professional Summary")), layout)
    lines.append(domain.summary.format(years=years))
    lines.append(
        f"Most at home with {skills[0]}, {skills[1]} and {skills[2]}; I own work end to end."
    )
    lines += _heading(rng.choice(("Experience", "Work History", "Professional Experience")), layout)
    lines += _roles(rng, domain, skills, layout)
    lines += _heading("Education", layout)
    grad = 2025 - years
    for (degree, field_), school in zip(degrees, schools, strict=True):
        lines.append(f"{degree} {field_}, {school}, {grad}")
        grad -= rng.randint(2, 4)
    if rng.random() < 0.4:
        lines += _heading("Certifications", layout)
        lines += [f"- {c}" for c in rng.sample(CERTIFICATIONS, rng.randint(1, 2))]
    lines += _heading(rng.choice(("Skills", "Technical Skills")), layout)
    lines.append(", ".join(skills))
    lines += _heading("Languages", layout)
    levels = ["native" if i == 0 else rng.choice(LEVELS[1:]) for i in range(len(langs))]
    lines.append(", ".join(f"{lang} ({lvl})" for lang, lvl in zip(langs, levels, strict=True)))
    while lines and not lines[-1]:
        lines.pop()
    return SyntheticResume(
        name=name,
        email=email,
        skills=skills,
        languages=langs,
        schools=schools,
        filename=f"{first.lower()}_{last.lower()}_{index:04d}",
        layout=layout,
        lines=lines,
    )


def generate(n: int, seed: int = 7) -> list[SyntheticResume]:
    """``n`` distinct fictional resumes; the same ``n`` and ``seed`` always give the same set."""
    rng = random.Random(seed)
    return [_one(name, i, rng) for i, name in enumerate(_unique_names(n, rng))]


def _write_docx(resume: SyntheticResume, path: Path) -> None:
    import docx

    document = docx.Document()
    for line in resume.lines:
        text = line.lstrip("# ").rstrip()
        if set(text) <= {"-"} and text:
            continue  # underline rules make no sense in Word
        document.add_paragraph(text)
    document.save(str(path))


def write(resumes: list[SyntheticResume], folder: Path, docx_share: float = 0.05) -> list[Path]:
    """Write each resume as a file; every ``1/docx_share``-th one as DOCX. Returns the paths."""
    folder.mkdir(parents=True, exist_ok=True)
    every = round(1 / docx_share) if docx_share > 0 else 0
    paths = []
    for i, resume in enumerate(resumes):
        if every and i % every == every - 1:
            path = folder / f"{resume.filename}.docx"
            _write_docx(resume, path)
        else:
            path = folder / f"{resume.filename}.{'md' if resume.layout == 'md' else 'txt'}"
            path.write_text("\n".join(resume.lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
