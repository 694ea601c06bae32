"""Words as keyword search sees them: tokens, stems and the aliases recruiters use.

Resume text and questions go through the same :func:`terms`, so "Ph.D." meets "PhD",
"Kubernetes" meets "k8s" and "certified" meets "certification".
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_EN_PLUS

# Keeps tool names whole: c++, c#, node.js, .net, ci/cd are single tokens, and so are the short
# pairs joined by "&" ("R&D", "P&L", "AT&T").
_TOKEN = re.compile(
    r"\b[a-z0-9]{1,2}&[a-z0-9]{1,2}\b|[a-z0-9][a-z0-9+#]*(?:[./][a-z0-9+#]+)*\.?|\.net\b",
    re.IGNORECASE,
)
# "A/B", "I/O", "R&D", "M&A": a slash or ampersand between letters of which one stands alone
# joins them into one word; "Python/Go" and "C/C++" are two words.
SHORT_PAIR = re.compile(r"(?<![\w/&])(?=\w[/&]|\w\w[/&]\w(?!\w))\w{1,2}[/&]\w{1,2}(?![\w/&+#])")

_stemmer = Stemmer.Stemmer("english")

# Spelling variants that mean the same thing to a recruiter. Keys and values are tokens after
# lowercasing and dot removal; every member of a group is rewritten to the group's first word.
_ALIAS_GROUPS: list[list[str]] = [
    ["kubernetes", "k8s"],
    ["javascript", "js", "ecmascript"],
    ["typescript"],
    ["postgresql", "postgres", "psql"],
    ["golang", "go"],
    ["nodejs", "node.js", "node"],
    ["phd", "doctorate", "doctoral", "dphil"],
    ["master", "masters", "ms", "msc", "meng", "mtech"],
    ["bachelor", "bachelors", "bs", "bsc", "ba", "beng", "btech"],
    ["certif", "certified", "certification", "certifications", "certificate", "certificates"],
    ["ml", "machinelearning"],
    ["ai", "artificialintelligence"],
    ["gcp", "googlecloud"],
    ["aws", "amazonwebservices"],
    ["cicd", "ci/cd"],
]
_ALIAS = {word: group[0] for group in _ALIAS_GROUPS for word in group}
# Aliases written with a slash ("CI/CD"): one word, which a slash between choices must not split.
SLASHED = re.compile(
    "|".join(rf"(?<![\w/]){re.escape(k)}(?![\w/])" for k in _ALIAS if "/" in k), re.IGNORECASE
)
# Tool names that a resume writes in lower case only as the plain word: "Node" in a skills list
# is Node.js, "a 3-node cluster" and "Kubernetes node groups" are not. (A question typed in
# lower case still means the tool.)
_PLAIN_IN_LOWER_CASE = frozenset({"node"})

# Phrases folded into one token before aliasing (so "machine learning" meets "ML").
_PHRASES = [
    (re.compile(r"\bmachine[\s-]+learning\b", re.I), "machinelearning"),
    (re.compile(r"\bartificial[\s-]+intelligence\b", re.I), "artificialintelligence"),
    (re.compile(r"\bgoogle[\s-]+cloud(?:[\s-]+platform)?\b", re.I), "googlecloud"),
    (re.compile(r"\bamazon[\s-]+web[\s-]+services\b", re.I), "amazonwebservices"),
    (re.compile(r"\bmaster'?s\b", re.I), "master"),
    (re.compile(r"\bbachelor'?s\b", re.I), "bachelor"),
    # availability counted in nines ("four nines"): one word, not a number and a digit
    (re.compile(r"\b(three|four|five|six|seven)[\s-]+nines\b", re.I), r"\1nines"),
]


# The open end of a date range ("2019 – Present", "2021-03 to present", "(2022–now)") is a
# date, not the word: it must not meet "presented at conferences".
_OPEN_END = re.compile(
    r"(?<=\d)(\s*(?:[-–—]+|\bto\b|\buntil\b|\btill\b)\s*)(?:present|now|current|today)\b",
    re.IGNORECASE,
)


# The words of the phrases above that are written in full, as search forms, and the one term
# each folds into: a phrase respelled word by word ("machine lerning" -> machin learn) is
# folded the same way afterwards.
_PHRASE_WORDS = (
    "machine learning",
    "artificial intelligence",
    "google cloud",
    "amazon web services",
)


@lru_cache(maxsize=1)
def _phrase_stems() -> dict[tuple[str, ...], str]:
    return {tuple(stem_words(p.split())): normalize(p.replace(" ", "")) for p in _PHRASE_WORDS}


def fold_terms(found: tuple[str, ...]) -> tuple[str, ...]:
    """Search terms with the words of a folded phrase, in order, replaced by its one term."""
    out = list(found)
    for words, token in _phrase_stems().items():
        n = len(words)
        i = 0
        while i + n <= len(out):
            if tuple(out[i : i + n]) == words:
                out[i : i + n] = [token]
            i += 1
    return tuple(out)


def _fold_phrases(text: str) -> str:
    for pattern, token in _PHRASES:
        text = pattern.sub(token, text)
    return text


def stem_words(words: list[str]) -> list[str]:
    """The stem of each word, as :func:`normalize` stems a word it does not keep whole."""
    return list(_stemmer.stemWords(words))


_ACRONYM_PLURAL = re.compile(r"([A-Z]{2,})s")
_ACRONYM_PLURAL_WORD = re.compile(rf"\b{_ACRONYM_PLURAL.pattern}\b")


def singular_acronyms(text: str) -> str:
    """ "Which SREs ...?" -> "Which SRE ...?": the plural of an acronym, told by its case (for
    text that a later step lowers before :func:`normalize` can see it)."""
    return _ACRONYM_PLURAL_WORD.sub(r"\1", text)


# Where the stemmer joins words a recruiter keeps apart ("accounting" and "Account Executive",
# "publications" and "public", "marketing" and "Mid-Market", "designers" and "designed"), the
# words' own stem.
_STEM_OVERRIDES = {
    **dict.fromkeys(("publication", "publications", "published", "publish"), "publish"),
    **dict.fromkeys(("accounting", "accountant", "accountants", "accountancy"), "accountanc"),
    **dict.fromkeys(("marketing", "marketer", "marketers"), "marketing"),
    # the person, not the activity: "designers" are not everyone who "designed" a service
    **dict.fromkeys(("designer", "designers"), "designer"),
    # hotels and restaurants, not hospitals
    **dict.fromkeys(("hospitality",), "hospitality"),
    # the British spelling of "program", not a "programmer": "an orientation programme"
    **dict.fromkeys(("programme", "programmes"), "program"),
}


# British spellings read as the American ones ("organisation", "licence", "centre",
# "paediatric", "catalogue"): spelling rules, each applied only where what it writes is a whole
# English word of the shipped tokenizer's vocabulary, so "four", "genre" and "promise" stay.
_BRITISH: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^([a-z]{3,})our(s|ed|ing|ite|ites|ful|able)?$"), r"\1or\2"),
    (re.compile(r"^([a-z]{2,})is(e|es|ed|ing|ation|ations|er|ers)$"), r"\1iz\2"),
    (re.compile(r"^([a-z]{2,})ys(e|es|ed|ing|is)$"), r"\1yz\2"),
    (re.compile(r"^([a-z]{2,}[bt])re(s|d)?$"), r"\1er\2"),
    (re.compile(r"^([a-z]{2,})enc(e|es|ed|ing)$"), r"\1ens\2"),
    (re.compile(r"^([a-z]*[^aeiou])ae([a-z]{3,})$"), r"\1e\2"),
    (re.compile(r"^([a-z]{3,})ogue(s)?$"), r"\1og\2"),
    (re.compile(r"^([a-z]+dg)ement(s)?$"), r"\1ment\2"),
]


@lru_cache(maxsize=1)
def _english_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """Whole lower-case words of the shipped MiniLM tokenizer's vocabulary, as a set and
    sorted (empty without the model)."""
    try:
        from assistant.embeddings import model_path

        words = (model_path() / "vocab.txt").read_text(encoding="utf-8").split()
    except (ImportError, OSError):
        return frozenset(), ()
    kept = {w for w in words if w.isalpha() and w.islower()}
    return frozenset(kept), tuple(sorted(kept))


def english_words() -> frozenset[str]:
    """Whole lower-case words of the shipped MiniLM tokenizer's vocabulary."""
    return _english_words()[0]


def _begins_a_word(root: str) -> bool:
    ordered = _english_words()[1]
    i = bisect_left(ordered, root)
    return i < len(ordered) and ordered[i].startswith(root)


def american(word: str) -> str:
    """A British spelling as the American one ("licence" -> "license"); the word otherwise."""
    if len(word) < 5 or not word.isalpha():
        return word
    for pattern, replacement in _BRITISH:
        if (m := pattern.match(word)) is None:
            continue
        written = m.expand(replacement)
        # "optimise": the vocabulary holds "optimization", not "optimize"
        root = written[: len(m.group(1)) + 2] if replacement.startswith("\\1iz") else None
        words = _english_words()[0]
        # the word, or its singular ("paediatrics": the vocabulary holds "pediatric")
        if (
            written in words
            or (written.endswith("s") and written[:-1] in words)
            or (root is not None and _begins_a_word(root))
        ):
            return written
    return word


@lru_cache(maxsize=65536)
def normalize(token: str) -> str:
    """One raw token -> its search form (lowercase, dots dropped, alias, stem)."""
    word = token.lower().rstrip(".")
    if _ACRONYM_PLURAL.fullmatch(token):
        word = word[:-1]  # "SREs", "CPAs": the plural of an acronym
    if word not in ("c++", "c#", ".net", "ci/cd", "node.js"):
        word = word.replace(".", "")
    word = _ALIAS.get(word, word)
    if word in _ALIAS.values() or not word.isalpha():
        return word
    if word in _STEM_OVERRIDES:
        return _STEM_OVERRIDES[word]
    word = american(word)
    stem = _stemmer.stemWord(word)
    if word == stem + "s":
        # A plain plural names things, not the tool: "120 nodes" is no Node.js.
        return stem
    return _ALIAS.get(stem, stem)


_COMPOUND = re.compile(r"\b[A-Za-z]+(?:-[A-Za-z]+)+\b")


# A run of capitalised words ("Natural Language Processing", "Master of Business
# Administration") also stands for its initials, so a question that types the acronym ("NLP",
# "MBA", "SRE") meets a resume that spells it out.
_TITLE_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:(?:of|and|&|in|for)\s+)?[A-Z][a-z]+){1,5}\b")
_RUN_LINKS = frozenset({"of", "and", "&", "in", "for"})


def _initials(run: str) -> list[str]:
    """The acronyms (three letters or more) a run of capitalised words can stand for: the
    whole run's initials and, for longer runs, those of its last three words or more, as a
    title's first words qualify it ("Senior Site Reliability Engineer" -> "sre" too;
    "Certified Kubernetes Application Developer" is no "CKA"). Acronyms that are another
    word's alias ("BA") are left out."""
    words = [w for w in run.split() if w.lower() not in _RUN_LINKS]
    letters = "".join(w[0] for w in words).lower()
    found = {letters[i:] for i in range(len(letters) - 2)} | {letters}
    # Two letters ("CI", "HP") are met by chance too often ("Cucina Italiana", "Hyde Park").
    return sorted(a for a in found if len(a) >= 3 and a not in _ALIAS)


def _hyphen_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index] == "-"


def _without_accents(text: str) -> str:
    """ "Informática", "München", "Peña" -> "Informatica", "Munchen", "Pena": one word, met
    however it is typed (the tokens are ASCII)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_letters(text: str) -> str:
    """Each accented letter as its base letter, one for one ("siobhán" -> "siobhan"), so
    positions in the text stay where they were."""
    if text.isascii():
        return text
    return "".join(unicodedata.normalize("NFKD", c)[:1] or c for c in text)


# A web address's site name: "github.com", "www.linkedin.com", "dana.dev" (not "Node.js").
_SITE = re.compile(r"(?:www\.)?([A-Za-z][\w-]*)\.(?:com|org|net|io|dev|me|co|ai|app)")


# A sum of money as resumes write it ("$14M", "€1.2bn", "USD 3 million", "£750k", "$500,000"),
# read also in the words a question uses for it ("a multi-million-dollar budget", "a
# six-figure deal" is left alone): the scale and the currency follow the amount.
_CURRENCIES = {"$": "dollar", "us$": "dollar", "usd": "dollar", "€": "euro", "eur": "euro"}
_CURRENCIES |= {"£": "pound", "gbp": "pound"}
_SCALES = {"k": "thousand", "thousand": "thousand", "m": "million", "mm": "million"}
_SCALES |= {"mn": "million", "million": "million", "b": "billion", "bn": "billion"}
_SCALES |= {"billion": "billion"}
_AMOUNT = re.compile(
    r"(?<![\w$€£])(us\$|\$|€|£|usd|eur|gbp)\s?(\d[\d,]*(?:\.\d+)?)\s?"
    r"(k|mm|mn|m|bn|b|thousand|million|billion)?(?![\w.]\w)",
    re.IGNORECASE,
)
# Availability as a share with leading nines ("99.99%", "99.995 %"), read also as the nines
# recruiters count: "four nines". A share with more nines meets fewer as well: 99.999% is at
# least four nines, and 99.95% is not.
_NINES = re.compile(r"(?<![\d.])(99\.9\d*)\s?%")
_COUNT_WORDS = {3: "three", 4: "four", 5: "five", 6: "six", 7: "seven"}


def _spell_amount(match: re.Match[str]) -> str:
    currency = _CURRENCIES[match.group(1).lower()]
    number = float(match.group(2).replace(",", ""))
    written = (match.group(3) or "").lower()
    scale = _SCALES.get(written, "")
    if not written:
        scale = next((word for bound, word in _MAGNITUDES if number >= bound), "")
    return f"{match.group(0)} {scale} {currency} "


_MAGNITUDES = ((1e9, "billion"), (1e6, "million"), (1e3, "thousand"))


def _spell_nines(match: re.Match[str]) -> str:
    digits = match.group(1).replace(".", "")
    nines = len(digits) - len(digits.lstrip("9"))
    counted = " ".join(f"{_COUNT_WORDS[n]}nines" for n in range(3, nines + 1) if n in _COUNT_WORDS)
    return f"{match.group(0)} {counted} "


def _spell_figures(text: str) -> str:
    """Sums of money and availability shares, followed by the words that name them."""
    if "%" in text:
        text = _NINES.sub(_spell_nines, text)
    return _AMOUNT.sub(_spell_amount, text)


# Numbers written as words, as questions and resumes write small counts ("three years", "two
# weeks"); larger ones are written in digits.
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}


def number(word: str) -> int:
    """ "3", "three", "a" -> 3, 3, 1."""
    word = word.lower()
    return 1 if word in ("a", "an") else int(word) if word.isdigit() else NUMBER_WORDS[word]


def terms(text: str, query: bool = False) -> list[str]:
    """Search terms of a text, in order, duplicates kept.

    A hyphenated word ("front-end", "full-stack") is indexed as its parts and as one joined
    word; in a ``query`` it is only the joined word, so "front-end" and "frontend" meet either
    spelling in a resume.
    """
    text = _spell_figures(_fold_phrases(_without_accents(text.replace("’", "'"))))
    if not query:
        text = _OPEN_END.sub(r"\1", text)
    if query:
        text = _COMPOUND.sub(lambda m: m.group(0).replace("-", ""), text)
    out = []
    # In a resume, a hyphenated word's joined form follows its last part, so "senior
    # full-stack" stays two words apart, not the length of the line.
    joined = {} if query else {m.end(): m.group(0) for m in _COMPOUND.finditer(text)}
    acronyms = {} if query else {m.end(): _initials(m.group(0)) for m in _TITLE_RUN.finditer(text)}
    for match in _TOKEN.finditer(text):
        raw = match.group(0)
        # "go-live", "on-the-go": a hyphenated "go" is the verb, not the language.
        if raw.lower() == "go" and (
            _hyphen_at(text, match.start() - 1) or _hyphen_at(text, match.end())
        ):
            out.append("go")
        elif not query and raw in _PLAIN_IN_LOWER_CASE:
            out.append(raw)
        elif (
            not query
            and len(raw) == 1
            and (_hyphen_at(text, match.start() - 1) or _hyphen_at(text, match.end()))
        ):
            pass  # "Objective-C", "C-suite", "T-shirts": no "C" of its own (the whole is kept)
        elif "/" in raw and raw.lower() != "ci/cd" and not SHORT_PAIR.fullmatch(raw):
            for part in raw.split("/"):
                if part:
                    out.append(normalize(part))
                    if not query and (site := _SITE.fullmatch(part)):
                        out.append(normalize(site.group(1)))  # "github.com/dana": "GitHub"
        else:
            out.append(normalize(raw))
            if not query and raw.lower().endswith(".js") and raw.lower() != "node.js":
                # "Vue.js" in a resume also meets a question that says "Vue".
                out.append(normalize(raw[:-3]))
            elif not query and raw.endswith("+") and len(base := raw.rstrip("+")) >= 3:
                # "Lexis+", "Notepad++": the product's name also meets the name without the plus
                # ("C++" is a name of its own).
                out.append(normalize(base))
            elif not query and (site := _SITE.fullmatch(raw)):
                # "github.com/dana" also meets a question that says "GitHub".
                out.append(normalize(site.group(1)))
        if (compound := joined.pop(match.end(), None)) is not None:
            out.append(normalize(compound.replace("-", "")))
        out.extend(acronyms.pop(match.end(), ()))
    out.extend(normalize(compound.replace("-", "")) for compound in joined.values())
    return [t for t in out if t]


def compound_parts(text: str) -> dict[str, list[str]]:
    """The search forms of a text's hyphenated words, joined -> parts ("flash-sale" ->
    ``{"flashsal": ["flash", "sale"]}``), for a query whose joined word no resume holds (a
    resume may write "flash sales", or "Metaflow" where the query says "Metaflow-like").
    English function words (bm25s's English stop words) are no parts of their own: "on-call"
    is no "on" and "in-house" no "in" (a line holding the other part alone is still no proof
    of the whole, but the function word would only add noise and a reason that reads
    "shares on"); nor is the "like" of "Metaflow-like"."""
    text = _fold_phrases(_without_accents(text.replace("’", "'")))
    out: dict[str, list[str]] = {}
    for m in _COMPOUND.finditer(text):
        joined = normalize(m.group(0).replace("-", ""))
        words = [w for w in m.group(0).lower().split("-") if w]
        if words[-1] == "like" and len(words) > 1:
            words = words[:-1]  # "Metaflow-like": like Metaflow, not the word "like"
        # A function word says nothing on its own: "on-call" is no "on"
        kept = [w for w in words if w not in _FUNCTION_WORDS] or words
        out[joined] = [normalize(w) for w in kept]
    return out


_FUNCTION_WORDS = frozenset(STOPWORDS_EN_PLUS)
