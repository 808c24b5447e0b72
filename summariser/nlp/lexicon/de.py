"""German: the words its news is read with (stopwords: stopwordsiso, nlp/words.py)."""

WEEKDAYS = (
    ("montag",),
    ("dienstag",),
    ("mittwoch",),
    ("donnerstag",),
    ("freitag",),
    ("samstag",),
    ("sonntag",),
)
