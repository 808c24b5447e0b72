"""Reading an article as language: sentences, named entities and their types, kinds of place.

One splitter and one entity reader serve every stage, so what the prompt's checklists offer,
what grounding quotes and what the dates read agree. English runs spaCy's small pipeline
(models.py); other languages a multilingual sentence splitter, capitalised names less the
language's stopwords, and the same gazetteers (gazetteer.py).
"""

from .analysis import Analysis, Entity, EntityType, analyse
from .gazetteer import country_of, place_kind
from .language import detect_language
from .same_entity import representative, same_entity
from .words import is_stopword, stem

__all__ = [
    "Analysis",
    "Entity",
    "EntityType",
    "analyse",
    "country_of",
    "detect_language",
    "is_stopword",
    "place_kind",
    "representative",
    "same_entity",
    "stem",
]
