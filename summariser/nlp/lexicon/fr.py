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

# Nouns that head the name of a body in French (its first word: 'Ministère de la Santé'):
# a name headed by one is an organisation's.
BODY_HEADS = frozenset(
    """ministère service police gouvernement tribunal cour assemblée banque parti université
    institut fondation association commission conseil département agence entreprise société
    groupe fédération confédération syndicat mairie préfecture armée""".split()  # noqa: SIM905
)
