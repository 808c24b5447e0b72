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
