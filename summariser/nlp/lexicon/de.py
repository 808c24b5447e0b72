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

# Nouns that head the name of a body in German (the last part of its last word:
# 'Bundesgesundheitsministerium'): a name headed by one is an organisation's.
BODY_HEADS = frozenset(
    """ministerium polizei regierung gericht bank partei universität institut stiftung verband
    kommission behörde agentur amt gesellschaft konzern gruppe gewerkschaft bundeswehr
    armee""".split()  # noqa: SIM905
)
