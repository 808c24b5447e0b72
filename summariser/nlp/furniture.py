"""Page furniture in an article's text: what a page shows beside the article, not the article.

Recognised by structure, for any outlet: caption and credit labels with the credit they
introduce ("Image copyright EPA", "(Photo: Reuters)", "Carl Court/Getty Images"), prompts to
subscribe, share or read on ("Thank you for subscribing!", "Continue reading the main
story"), embedded posts' signatures and addresses ("-- Name (@handle) November 8, 2016",
"pic.twitter.com/..."), and lines that end no sentence below the first (a related headline, a
caption or a button on its own line). Label words are each language's (lexicon/); the rest
holds in any language. Nothing quoting furniture is ever written in a briefing.
"""

from __future__ import annotations

import re
from functools import cache

from .layout import SHORT_LINE_WORDS, ends_whole
from .lexicon import PHOTO_AGENCIES, en
from .times import alternatives

__all__ = ["furniture_spans", "is_furniture"]

_CREDIT = r"(?:@\w+|{name})(?:[ \t]+(?:@\w+|{name}|for|of))*"
_ANY_LANGUAGE = (
    r"https?://\S+|\bwww\.\S+|\bpic\.twitter\.com/\S+|\S+@\S+\.\w+"  # addresses
    r"|(?<!\w)[@#]\w+"  # handles and hashtags
    r"|--?[ \t]*[^()\n]{1,60}\(@\w+\)[ \t]*\w+[ \t]+\d{1,2},[ \t]*\d{4}"  # a post's signature
    r"|\([^()\n]{1,60}[ \t]/[ \t][^()\n]{1,60}\)"  # "(Lucy Pasha Robinson / The Independent)"
    r"|\[[^\[\]\n]{1,60}=[^\[\]\n]{1,60}\]"  # "[사진=JTBC]": a bracketed credit
)


@cache
def _patterns() -> re.Pattern[str]:
    # a credit's name: capitalised words, up to the next label ("EPA | Image caption")
    label_words = alternatives(w.title() for w in (*en.CREDIT_WORDS, "media"))
    named = _CREDIT.format(name=rf"(?!(?:{label_words})\b)[A-Z][\w.&'’-]*")
    agencies = alternatives(re.escape(a) for a in PHOTO_AGENCIES)
    credited = alternatives(re.escape(label) for label in en.CREDIT_LABELS)
    words = alternatives(en.CREDIT_WORDS)
    labels = alternatives(re.escape(label) for label in en.FURNITURE_LABELS)
    credit = f"(?-i:{named})"  # a name: capitals matter
    return re.compile(
        rf"{_ANY_LANGUAGE}"
        rf"|\((?:{words}|{credited})\b[^()\n]{{0,80}}\)"  # "(Photo: X)", "(pictured ...)"
        rf"|\b(?:{credited})\b:?[ \t]*(?:{credit})?"  # "Image copyright EPA"
        rf"|\b(?:{words})s?:[ \t]*{credit}"  # "Photo: Mark Thompson"
        rf"|(?-i:(?:{named}/)?\b(?:{agencies})\b(?:[ \t]*/[ \t]*{named})?)"  # "X/PA"
        rf"|\+?[ \t]*\b(?:{labels})\b[!.:]?",
        re.IGNORECASE,
    )


# A picture gallery's counter ("1/19", "2/19" ... "19/19"), and how many must run in order
# before a text's counters are a gallery's, not dates or scores.
_COUNTER = re.compile(r"(?<![\d/])(\d{1,3})/(\d{1,3})(?![\d/])")
_GALLERY_RUN = 3
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s")


def furniture_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Where `text` holds page furniture, as (start, end) spans in order; labels are
    English's where the language has none of its own."""
    del language  # one lexicon of labels so far: English's, the language of most outlets
    spans = [m.span() for m in _patterns().finditer(text) if m.end() > m.start()]
    spans += _galleries(text)
    first = True
    for line in re.finditer(r"[^\n]+", text):
        words = line.group(0).split()
        if not words:
            continue
        if not first and len(words) <= SHORT_LINE_WORDS and not ends_whole(line.group(0)):
            spans.append(line.span())
        first = False
    return sorted(spans)


def _galleries(text: str) -> list[tuple[int, int]]:
    """A picture gallery flattened into the text: its title ("UK news in pictures 19 show
    all"), then captions and credits between counters that run 1/N, 2/N ... N/N. It spans
    from the end of the sentence before the first counter to the last counter: where the
    last caption ends, nothing in a flattened text says."""
    runs: dict[int, list[re.Match[str]]] = {}
    for match in _COUNTER.finditer(text):
        number, total = int(match.group(1)), int(match.group(2))
        run = runs.setdefault(total, [])
        if number == len(run) + 1 <= total:
            run.append(match)
    spans = []
    for run in runs.values():
        if len(run) >= _GALLERY_RUN:
            first = run[0].start()
            ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, first)]
            spans.append((ends[-1] if ends else text.rfind("\n", 0, first) + 1, run[-1].end()))
    return spans


def is_furniture(text: str) -> bool:
    """Whether `text`, written by the model (a role, a name), holds page furniture."""
    return _patterns().search(text) is not None
