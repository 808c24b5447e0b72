"""Reading an article as language, once: sentences, named entities and their types, the parse,
the candidates the model cites, time phrases, the lead, and each language's words.

`read(text)` is the one reading every stage is handed (reading.py). English runs spaCy's small
pipeline (english.py, models.py); other languages a multilingual sentence splitter,
capitalised names less the language's stopwords (capitalised.py), and the same gazetteers
(gazetteer.py). Each language's words live in lexicon/, one module per language.
"""

from .candidates import Candidate, CandidateKind
from .entities import Entity, EntityType
from .gazetteer import country_of, place_kind
from .language import detect_language
from .reading import Reading, read, read_phrase
from .references import References
from .same_entity import representative, same_entity
from .words import is_stopword, stem

__all__ = [
    "Candidate",
    "CandidateKind",
    "Entity",
    "EntityType",
    "Reading",
    "References",
    "country_of",
    "detect_language",
    "is_stopword",
    "place_kind",
    "read",
    "read_phrase",
    "representative",
    "same_entity",
    "stem",
]
