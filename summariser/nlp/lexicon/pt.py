"""Portuguese: the words its news is read with (stopwords: stopwordsiso, nlp/words.py)."""

WEEKDAYS = (
    ("segunda-feira",),
    ("terça-feira",),
    ("quarta-feira",),
    ("quinta-feira",),
    ("sexta-feira",),
    ("sábado",),
    ("domingo",),
)
