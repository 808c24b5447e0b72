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
