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

# Nouns that head the name of a body in Spanish (its first word: 'Ministerio de Salud'):
# a name headed by one is an organisation's.
BODY_HEADS = frozenset(
    """secretaría servicio ministerio policía gobierno tribunal cámara asamblea banco partido
    universidad instituto fundación asociación comisión consejo departamento agencia
    empresa compañía grupo federación confederación sindicato ayuntamiento fiscalía
    ejército armada fuerza""".split()  # noqa: SIM905
)
