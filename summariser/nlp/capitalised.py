"""Names and sentences of a language without a pipeline: sentencex splits the sentences (about
300 languages, offsets kept); a name is a run of capitalised words, less the language's
stopwords at its edges (stopwordsiso), untyped: gazetteers and the model type it later."""

from __future__ import annotations

import re
import unicodedata

from .entities import Entity, plausible_name, trimmed_span
from .lexicon import NAME_PARTICLES
from .words import is_stopword

__all__ = ["capitalised_names", "split_sentences"]


def split_sentences(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """Sentences of a language without a pipeline: sentencex within each line."""
    from sentencex import segment  # pyright: ignore[reportAttributeAccessIssue]  (star-exported)

    found: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        at = line.start()
        code = language if language.isalpha() and len(language) == 2 else "en"
        for piece in segment(code, line.group(0)):
            begin = text.find(piece.strip(), at) if piece.strip() else -1
            if begin == -1:
                continue
            span = trimmed_span(text, begin, begin + len(piece.strip()))
            at = begin + len(piece.strip())
            if span:
                found.append(span)
    return tuple(found)


# Capitalised words of any script that has case, joined by the particles names carry.
_WORD = r"[^\W\d_][\w'’.-]*[\w]|[^\W\d_]"
_PARTICLE = rf"(?:{'|'.join(NAME_PARTICLES)})"
_RUN = re.compile(rf"(?:{_WORD})(?:[^\S\n]+(?:{_PARTICLE}[^\S\n]+)?(?:{_WORD}))*")


def capitalised_names(
    text: str, sentences: tuple[tuple[int, int], ...], language: str
) -> list[Entity]:
    """Runs of capitalised words, less the stopwords at their edges; a word seen only at a
    sentence's start is no name ("Instead", "Segundo")."""
    found: list[Entity] = []
    mid_sentence: set[str] = set()
    for start, end in sentences:
        for match in _RUN.finditer(text, start, end):
            words = [(m.start(), m.end()) for m in re.finditer(r"\S+", match.group(0))]
            words = [(start_ + match.start(), end_ + match.start()) for start_, end_ in words]
            words = [w for w in words if text[w[0]].isupper() or _is_particle(text[w[0] : w[1]])]
            runs = _runs(text, words)
            for run in runs:
                while run and (
                    is_stopword(text[run[0][0] : run[0][1]], language)
                    or _is_particle(text[run[0][0] : run[0][1]])
                ):
                    run = run[1:]
                while run and (
                    is_stopword(text[run[-1][0] : run[-1][1]], language)
                    or _is_particle(text[run[-1][0] : run[-1][1]])
                ):
                    run = run[:-1]
                if not run:
                    continue
                begin, finish = run[0][0], _script_end(text, run[-1][0], run[-1][1])
                written = text[begin:finish].rstrip(".'’")
                finish = begin + len(written)
                if not plausible_name(written, language) or len(written) < 2:
                    continue
                if begin != start:
                    mid_sentence.add(written)
                found.append(Entity(written, "name", begin, finish))
    return [e for e in found if " " in e.text or e.text in mid_sentence]


def _script_end(text: str, start: int, end: int) -> int:
    """Where the word at `start`:`end` leaves the script it begins in: "SNS에" is "SNS" and a
    Korean particle."""
    script = _script(text[start])
    for at in range(start + 1, end):
        if text[at].isalpha() and _script(text[at]) != script:
            return at
    return end


def _script(char: str) -> str:
    return unicodedata.name(char, "?").split(" ")[0]  # "LATIN", "HANGUL", "CYRILLIC" ...


def _is_particle(word: str) -> bool:
    return re.fullmatch(_PARTICLE, word) is not None


def _runs(text: str, words: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Words split into runs wherever anything but spacing stands between two of them."""
    runs: list[list[tuple[int, int]]] = []
    for word in words:
        if runs and not text[runs[-1][-1][1] : word[0]].strip():
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs
