"""French: the words its news is read with (stopwords: stopwordsiso, nlp/words.py)."""

WEEKDAYS = (
    ("lundi",),
    ("mardi",),
    ("mercredi",),
    ("jeudi",),
    ("vendredi",),
    ("samedi",),
    ("dimanche",),
)

# Honorifics and the nouns for what a person is, written before a French name: a name
# written after one is a person's.
PERSON_TITLES = frozenset(
    """m mme mlle dr pr président présidente ministre gouverneur maire député députée sénateur
    sénatrice secrétaire juge procureur procureure porte-parole directeur directrice entraîneur
    joueur joueuse acteur actrice chanteur chanteuse roi reine général colonel capitaine
    sergent""".split()  # noqa: SIM905
)
