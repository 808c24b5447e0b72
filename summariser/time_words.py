"""How news writes dates: month and weekday names, and the regex pieces built from them.

Shared by the time-phrase spotter (what the model is shown) and the date resolver (what code
makes of the phrases), so both read "13 Sept." and "terça-feira" the same way.
"""

from __future__ import annotations

__all__ = [
    "ABBREVIATED",
    "DAY",
    "MONTH",
    "MONTHS",
    "WEEKDAY",
    "WEEKDAYS",
    "WEEKDAY_WRITTEN_OUT",
    "YEAR",
]

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            # English, Portuguese, Spanish, French, German
            ("monday", "mon", "segunda-feira", "lunes", "lundi", "montag"),
            ("tuesday", "tue", "tues", "terça-feira", "martes", "mardi", "dienstag"),
            ("wednesday", "wed", "quarta-feira", "miércoles", "mercredi", "mittwoch"),
            ("thursday", "thu", "thurs", "quinta-feira", "jueves", "jeudi", "donnerstag"),
            ("friday", "fri", "sexta-feira", "viernes", "vendredi", "freitag"),
            ("saturday", "sat", "sábado", "samedi", "samstag"),
            ("sunday", "sun", "domingo", "dimanche", "sonntag"),
        ]
    )
    for name in names
}
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY = r"\b(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b"
# The spotter leaves out abbreviations: "Sun" is a newspaper and "sat" a verb far more often.
ABBREVIATED = {"mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"}
WEEKDAY_WRITTEN_OUT = (
    r"\b(?P<weekday>"
    + "|".join(sorted(set(WEEKDAYS) - ABBREVIATED, key=len, reverse=True))
    + r")\b"
)
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>1[89]\d\d|2\d\d\d)"
