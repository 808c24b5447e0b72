"""Who and where the article mentions, spotted by code and offered to the model as checklists.

A 1.5B model tends to stop a list after the two leading actors, and it copies checklists
nearly verbatim, so what goes in them matters: proper names (not the capitals of a Title Case
headline), unnamed people ("at least seven people", "the driver"), and places set apart from
actors (a name mostly written after "in", "at", "near"). Every entry is the article's own
words, and the briefing's items are grounded against the text regardless. Works on scripts
with capital letters; the unnamed-people patterns are English; elsewhere they find nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

__all__ = [
    "candidate_names",
    "checklists",
    "names_a_site",
    "place_phrases",
    "typed_names",
    "unnamed_actors",
]


def _letters(test: Callable[[str], bool]) -> str:
    """A regex class of the Basic Multilingual Plane's characters passing `test`, as ranges."""
    codes = [code for code in range(0x10000) if test(chr(code))]
    ranges: list[str] = []
    start = previous = codes[0]
    for code in [*codes[1:], None]:
        if code is not None and code == previous + 1:
            previous = code
            continue
        last = "" if start == previous else "-" + re.escape(chr(previous))
        ranges.append(re.escape(chr(start)) + last)
        if code is not None:
            start = previous = code
    return "[" + "".join(ranges) + "]"


# Capitals and small letters of every script that has both (Latin with its accents, Greek,
# Cyrillic, Armenian ...), so "Érico", "Шойгу" and "Ελλάδα" are names as "Smith" is.
_UP = _letters(str.isupper)
_LOW = _letters(str.islower)
# A word of a name; an initial or a dotted abbreviation ("E.", "U.S.", "Mt.") keeps its dot
# when another capitalised word follows, so "Charles E. Schumer" and "U.S. Court of Appeals"
# stay whole instead of ending at the dot.
_WORD = rf"(?:{_UP}\.)+(?=\s+{_UP})|{_UP}{_LOW}{{1,2}}\.(?=\s+{_UP})|{_UP}[\w'’.-]*[\w]|{_UP}"
_CONNECTOR = r"(?:of|the|de|da|do|dos|das|del|la|al|bin|von|van|for)"
# The words of one name stand on one line: a name ending a headline does not run on into
# the caption under it.
_NAME = re.compile(rf"\b(?:{_WORD})(?:[^\S\n]+(?:{_CONNECTOR}[^\S\n]+)?(?:{_WORD}))*")
# Capitalised words that start sentences or titles but are not names on their own.
_COMMON = set(
    """A An The This That These Those It Its In On At By For From To Of And But Or If As When
    While After Before Since Until During According Earlier Later Also However Meanwhile Some
    Many Most Analysts Officials He She They We I You His Her Their Our Mr Mrs Ms Dr Sir
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Feb Apr Aug Sep Sept Oct Nov Dec
    Tue Wed Thu Both Senators Sens Reps Read More Video Photo Image Share Advertisement Related
    Getty GETTY Images Reuters REUTERS AP AFP PA SWNS EPA""".split()  # noqa: SIM905
)
_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")
_CLIPPED = re.compile(r"(?:[A-Z]\.)+[A-Z]")
MAX_NAMES = 30


def candidate_names(text: str, limit: int = MAX_NAMES, *, standalone: bool = False) -> list[str]:
    """Distinct capitalised names in order of first appearance, most-mentioned kept first."""
    return _select(*_scan(text), limit=limit, standalone=standalone)


def _scan(text: str) -> tuple[list[str], dict[str, int]]:
    """Every capitalised name once, in order of first appearance, and how often it is written.
    The costly pass over the text: `checklists` makes it once for both of its lists."""
    counts: dict[str, int] = {}
    mid_sentence: set[str] = set()
    for found, start, end in _possessives_apart(text):
        words = re.sub(r"['’]s\b", "", found).split()
        if not words:
            continue
        if _CLIPPED.fullmatch(words[-1]) and text[end : end + 1] == ".":
            words[-1] += "."  # "the U.S. economy": the dot the word pattern left behind
        led = bool(words) and words[0] == "The"  # "The Kremlin said": a name, not a capital
        while words and words[0].rstrip(".") in _COMMON:
            words = words[1:]
        while words and (words[-1].rstrip(".") in _COMMON or re.fullmatch(_CONNECTOR, words[-1])):
            words = words[:-1]
        if not words:
            continue
        name = " ".join(words)
        if not _DOTTED.fullmatch(words[-1]):  # "U.S." keeps its last dot; "Smith." does not
            name = name.rstrip(".'’")
        if len(name) < 2 or name.isdigit():
            continue
        counts[name] = counts.get(name, 0) + 1
        if led or not _starts_sentence(text, start):
            mid_sentence.add(name)
    # One capitalised word seen only at sentence starts ("Instead") is most likely not a name.
    return [n for n in counts if " " in n or n.isupper() or n in mid_sentence], counts


_POSSESSIVE = re.compile(r"['’]s\s+")


def _possessives_apart(text: str) -> Iterator[tuple[str, int, int]]:
    """Each capitalised name's words with their start and end, the names of a run that a possessive
    joins apart: "Ferrari's Kimi Raikkonen" is Ferrari and Kimi Raikkonen, "New York's Union
    Square" New York and Union Square."""
    for match in _NAME.finditer(_without_title_case_lines(text)):
        start = 0
        for possessive in _POSSESSIVE.finditer(match.group(0)):
            yield (
                match.group(0)[start : possessive.start()],
                match.start() + start,
                match.start() + possessive.start(),
            )
            start = possessive.end()
        yield match.group(0)[start:], match.start() + start, match.end()


def _select(names: list[str], counts: dict[str, int], *, limit: int, standalone: bool) -> list[str]:
    # A name contained in a longer candidate ("Kim" in "Kim Jong-un") adds nothing, unless
    # `standalone` asks for names also written on their own ("Croydon" beside "Croydon
    # University Hospital"), which the places checklist wants.
    padded = "\n".join(f" {m} " for m in names)  # " n " found twice: inside another name
    names = [
        n
        for n in names
        if padded.count(f" {n} ") < 2 or (standalone and not _only_inside_longer(n, names, counts))
    ]
    if len(names) > limit:
        keep = set(sorted(names, key=lambda n: -counts[n])[:limit])
        names = [n for n in names if n in keep]
    return names


def _only_inside_longer(name: str, names: list[str], counts: dict[str, int]) -> bool:
    longer = [m for m in names if m != name and f" {name} " in f" {m} "]
    return bool(longer) and counts[name] <= sum(counts[m] for m in longer)


def _without_title_case_lines(text: str) -> str:
    """Blank headline-style lines ("Clinton Was Headed to ER But Diverted"), where every word
    is capitalised so capitals say nothing about names, and short capitalised labels on a line
    of their own ("ABSTRACT.", "FULL TEXT."), which are page furniture. Offsets are kept."""

    def blank(line: re.Match[str]) -> str:
        words = re.findall(r"[^\W\d_][\w'’-]*", line.group(0))
        long = [w for w in words if len(w) > 3]
        title_case = len(words) >= 4 and sum(w[0].isupper() for w in long) >= 0.75 * len(long)
        label = 0 < len(words) <= 3 and all(w.isupper() for w in words) and len(long) == len(words)
        return " " * len(line.group(0)) if (title_case and long) or label else line.group(0)

    return re.sub(r"[^\n]+", blank, text)


_LOCATIVES = frozenset(
    "in at near outside inside across throughout to towards into around from".split()  # noqa: SIM905
)
_PLACE_WORD = re.compile(
    r"\b(?:Province|County|City|Village|District|Region|State|Street|Road|Avenue|Square|Station|"
    r"Airport|Port|River|Valley|Island|Islands|Bridge|Mosque|Church|Stadium|Hospital)$"
)


# A precise location as news writes it: "near the Sandilands stop on Addiscombe Road", "in a
# tunnel near Sandlilands tram station", "in the northern Afghan city of Mazar-i-Sharif". A
# locative, then capitalised words and place nouns (each with up to two plain words before
# it), joined by "of", "near", "in" ... English only.
_SITE_NOUN = (  # a spot within a town: the precision a bare place name lacks
    r"(?:tunnel|stop|station|underpass|road|street|bridge|junction|crossing|airport|hospital|"
    r"stadium|hotel|compound|consulate|embassy|base|camp|market|square|mosque|church|school|"
    r"centre|center|building|track|circuit|border)"
)
_SITE = re.compile(rf"\b{_SITE_NOUN}\b")
_PLACE_NOUN = (
    rf"(?:{_SITE_NOUN}|area|city|town|village|province|region|district|suburb|county|state|"
    r"line|port)"
)
_PLACE_PART = (
    r"(?:(?!(?:The|A|An|This|That|It|He|She|They|We|I)\b)[A-Z][\w'’.-]*\w"
    rf"|(?:[a-z][\w-]*\s+){{0,2}}{_PLACE_NOUN}\b)"
)
_PLACE_PHRASE = re.compile(
    r"\b(?:in|at|near|outside|inside)\s+(?:(?:the|a|an)\s+)?"
    rf"{_PLACE_PART}(?:\s+(?:(?:of|near|on|in|at|the|a|an)\s+)*{_PLACE_PART})*"
)


def place_phrases(text: str) -> list[str]:
    """Locative phrases of `text` that name a place and say more than its bare name ("near
    the Sandilands stop on Addiscombe Road", not "in Croydon"), each as written, in order."""
    found: list[str] = []
    for match in _PLACE_PHRASE.finditer(text):
        words = match.group(0).split()[1:]
        names = [w for w in words if w[0].isupper()]
        if names and all(w.rstrip(".") not in _COMMON for w in names) and len(words) > 2:
            found.append(match.group(0))
    return found


def names_a_site(phrase: str) -> bool:
    """True when a place phrase names a spot within a town ("the Sandilands stop"), not only
    a town or a region ("the Russian port city of Vladivostok")."""
    return _SITE.search(phrase) is not None


def place_shares(names: list[str], text: str) -> dict[str, float]:
    """How often the article writes each name as a place: after "in", "at", "near", "to" ...
    or "in the" ... (any case); a name ending in a place word, "Hebei Province", always is."""
    words = re.findall(r"\w+", text.lower())
    followers = {  # the first word of any name written after a locative is one of these
        words[i + step]
        for i, word in enumerate(words[:-1])
        if word in _LOCATIVES
        for step in ((1, 2) if words[i + 1] == "the" and i + 2 < len(words) else (1,))
    }
    shares: dict[str, float] = {}
    for name in names:
        if _PLACE_WORD.search(name):
            shares[name] = 1.0
            continue
        first = re.match(r"\w+", name.lower())
        located = 0
        if first is None or first.group(0) in followers:
            located = sum(
                _word_ends(text, m.end()) and _after_locative(text, m.start())
                for m in re.finditer(re.escape(name), text, re.IGNORECASE)
            )
        written = _count_words(name, text)
        shares[name] = located / written if written else 0.0
    return shares


def _after_locative(text: str, start: int) -> bool:
    """True when `start` follows a locative and whitespace, or a locative, "the" and whitespace."""
    word, start = _word_before(text, start)
    if word == "the":
        word, start = _word_before(text, start)
    return word in _LOCATIVES


def _word_before(text: str, index: int) -> tuple[str, int]:
    """The whole word before `index` across at least one whitespace (lower-cased), or ""."""
    end = index
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == index:
        return "", index
    start = end
    while start > 0 and _is_word(text[start - 1]):
        start -= 1
    return text[start:end].lower(), start


def _word_ends(text: str, end: int) -> bool:
    """A word boundary at `end` (as \\b): word and non-word characters meet there."""
    left = _is_word(text[end - 1]) if end > 0 else False
    right = _is_word(text[end]) if end < len(text) else False
    return left != right


def _count_words(name: str, text: str) -> int:
    """Occurrences of `name` as whole words (what \\bname\\b finds), without a regex."""
    count, start = 0, text.find(name)
    while start != -1:
        end = start + len(name)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (_is_word(before) and _is_word(name[0])) and not (
            _is_word(after) and _is_word(name[-1])
        ):
            count += 1
        start = text.find(name, start + 1)
    return count


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def typed_names(text: str) -> dict[str, float]:
    """The article's names in order of first mention, each with how often it is written as a
    place: the names an actor could have, and those written alone that are places ("Croydon"
    beside "Croydon University Hospital")."""
    scanned = _scan(text)
    shares = place_shares(_select(*scanned, limit=MAX_NAMES, standalone=True), text)
    named = _select(*scanned, limit=MAX_NAMES, standalone=False)
    typed = {n: shares.get(n, 0.0) for n in named}
    typed.update((n, share) for n, share in shares.items() if share > 0)
    adjectives = _demonyms(list(typed))
    kept = [(n, share) for n, share in typed.items() if n not in adjectives]
    return dict(sorted(kept, key=lambda pair: text.find(pair[0])))


_DEMONYM_END = re.compile(r"(?:an|ian|ean|ese|ish|i)$")


def _demonyms(names: list[str]) -> set[str]:
    """Adjectives of places the article also names ("Russian" beside "Russia", "North Korean"
    beside "North Korea", "Chinese" beside "China"): a word of a name, not a name of its own."""
    found: set[str] = set()
    for name in names:
        if not _DEMONYM_END.search(name):
            continue
        for place in names:
            common = next(
                (i for i, (a, b) in enumerate(zip(name, place, strict=False)) if a != b),
                min(len(name), len(place)),
            )
            added = len(name) - common  # "n" of Russian, "ese" of Chinese, "ian" of Ukrainian
            if place != name and 0 < added <= 4 and common >= max(4, len(place) - 1):
                found.add(name)
    return found


def checklists(text: str) -> tuple[list[str], list[str]]:
    """(who, where): names and unnamed people in order of first mention; names written as a
    place at least once. A name mostly written as a place is left out of who."""
    typed = typed_names(text)
    places = [n for n, share in typed.items() if share > 0]  # a country can be both
    actors = [n for n, share in typed.items() if share < 0.5]
    actors += unnamed_actors(text)
    actors.sort(key=lambda phrase: text.find(phrase))
    return actors, places


def _starts_sentence(text: str, index: int) -> bool:
    while index > 0 and text[index - 1] in " \t\"“‘'(":  # walk back, never copy the prefix
        index -= 1
    return index == 0 or text[index - 1] in ".!?:\n"


# Unnamed actors: news often names no one ("at least seven people died", "the driver was
# arrested", "a suicide bomber"). A small model lists only proper names unless it is shown
# these too. English only: a count or article, up to two modifiers, a noun for people.
_PEOPLE = (
    "people|persons|passengers|commuters|victims|casualties|children|boys?|girls?|man|men|"
    "woman|women|babies|baby|toddler|teenagers?|students|pupils|drivers?|pilots?|crew|"
    "bombers?|gunman|gunmen|attackers?|assailants?|militants|insurgents|fighters|rebels|"
    "suspects?|rescuers|firefighters|paramedics|police|officers|soldiers|troops|guards|"
    "protesters|demonstrators|residents|villagers|locals|workers|employees|staff|fans|"
    "customers|shoppers|consumers|patients|doctors|nurses|survivors|witnesses|bystanders|"
    "tourists|migrants|refugees|voters|supporters|critics|investigators|prosecutors"
)
_NUMBER = (
    r"(?:(?<![/\d])\d{1,3}(?:,\d{3})+|(?<![/\d])\d+|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|twenty)"
)
_COUNT = (
    rf"(?:(?:at least|more than|over|about|around|nearly|almost|up to)\s+{_NUMBER}|{_NUMBER}|"
    r"dozens of|hundreds of|thousands of|scores of|a team of|a group of|several|a|an|the)"
)
_MODIFIER = (
    r"(?!(?:of|the|a|an|and|or|but|than|that|this|these|those|between|in|on|at|to|for|with|by|"
    r"from|as|who|were|was|his|her|its|their)\b)[a-zA-Z][\w-]*"
)
_UNNAMED = re.compile(rf"\b{_COUNT}(?:\s+{_MODIFIER}){{0,2}}?\s+(?:{_PEOPLE})\b", re.IGNORECASE)
MAX_UNNAMED = 8


def unnamed_actors(text: str, limit: int = MAX_UNNAMED) -> list[str]:
    """Counted or described people ("at least seven people", "a five-year-old boy"): per noun
    the most descriptive phrase, in order of first mention, the most-mentioned nouns kept."""
    found: dict[str, str] = {}  # head noun -> its longest phrase
    counts: dict[str, int] = {}
    for match in _UNNAMED.finditer(text):
        phrase = " ".join(match.group(0).split())
        head = phrase.split()[-1].lower()
        counts[head] = counts.get(head, 0) + 1
        if len(phrase.split()) > len(found.get(head, "").split()):
            found[head] = phrase
    keep = set(sorted(counts, key=lambda h: -counts[h])[:limit])
    return [phrase for head, phrase in found.items() if head in keep]
