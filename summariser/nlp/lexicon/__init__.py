"""Each language's words in one place, one module per language (as spaCy keeps lang/en/):
`en` holds what the English rules read (closed word classes, reporting verbs, titles, number
words, months, relative days); the others hold what rules for every language read (their
weekday names, so "terça-feira" dates like "Tuesday"). Stopwords of about 50 languages come
from stopwordsiso (nlp/words.py), names of places from the gazetteers (nlp/gazetteer.py)."""

from __future__ import annotations

from . import de, en, es, fr, pt

__all__ = ["NAME_PARTICLES", "PERSON_TITLES", "PHOTO_AGENCIES", "WEEKDAYS", "en", "heads_a_body"]

# Weekday names of every language with a lexicon → 0 (Monday) to 6: the date rules read them
# whatever the article's language, as news quotes other languages' days rarely but safely.
WEEKDAYS: dict[str, int] = {
    name: number
    for language in (en, pt, es, fr, de)
    for number, names in enumerate(language.WEEKDAYS)
    for name in names
}

# Words written before a person's name, by language ("Mr", "President"; "presidente"):
# a name written after one is a person's, whatever else typed it.
PERSON_TITLES: dict[str, frozenset[str]] = {
    "en": en.HONORIFICS | en.PERSON_TITLES,
    **{
        language.__name__.rsplit(".", 1)[-1]: language.PERSON_TITLES
        for language in (pt, es, fr, de)
    },
}


def heads_a_body(name: str, language: str) -> bool:
    """Whether a noun that heads the name of a body heads `name`, in a language without a
    tagger to type it: the first word in Portuguese, Spanish and French ("Secretaria de
    Saúde"), the end of the last word in German ("Bundesgesundheitsministerium")."""
    words = name.lower().split()
    if not words or (len(words) < 2 and language != "de"):
        return False
    if language == "de":
        return any(words[-1].endswith(head) for head in de.BODY_HEADS)
    module = {"pt": pt, "es": es, "fr": fr}.get(language)
    return module is not None and words[0] in module.BODY_HEADS


# Agencies whose names credit a picture on pages in any language ("Carl Court/Getty Images",
# "(AFP/Getty Images)", "SWNS * PA").
PHOTO_AGENCIES = ("Getty Images", "Getty", "AFP", "EPA", "PA", "PA Wire", "SWNS", "Shutterstock",
                  "Alamy", "Rex Features", "REX")  # fmt: skip

# Particles inside personal names, across the languages news writes names in ("Luiz Inácio
# Lula da Silva", "Ursula von der Leyen", "Osama bin Laden").
NAME_PARTICLES = (
    "de da do dos das del della di du la le van von der den al bin ibn".split()  # noqa: SIM905
)
