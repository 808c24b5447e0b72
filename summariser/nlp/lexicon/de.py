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

# Honorifics and the nouns for what a person is, written before a German name: a name
# written after one is a person's.
PERSON_TITLES = frozenset(
    """herr frau dr prof präsident präsidentin minister ministerin kanzler kanzlerin bürgermeister
    bürgermeisterin abgeordnete abgeordneter senator senatorin sprecher sprecherin richter
    richterin staatsanwalt staatsanwältin direktor direktorin trainer trainerin spieler
    spielerin schauspieler schauspielerin sänger sängerin könig königin general oberst""".split()  # noqa: SIM905
)
