"""Spanish: the words its news is read with (stopwords: stopwordsiso, nlp/words.py)."""

WEEKDAYS = (
    ("lunes",),
    ("martes",),
    ("miércoles",),
    ("jueves",),
    ("viernes",),
    ("sábado",),
    ("domingo",),
)

# Honorifics and the nouns for what a person is, written before a Spanish name: a name
# written after one is a person's.
PERSON_TITLES = frozenset(
    """sr sra srta dr dra prof presidente presidenta ministro ministra gobernador gobernadora
    alcalde alcaldesa diputado diputada senador senadora secretario secretaria juez jueza
    fiscal portavoz director directora entrenador jugador jugadora actor actriz cantante padre
    papa rey reina general coronel capitán sargento""".split()  # noqa: SIM905
)
