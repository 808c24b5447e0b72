"""What the article says each named actor is: "Russia's defence minister, Sergei Shoigu".

News introduces a person or a body by what it is: a common noun in apposition ("The US
national security adviser, Jake Sullivan, told ..."; "Sayid Sarwar Hussaini, a spokesman for
the regional police, said") or before the name as a title ("FBI director James Comey", "the
Russian mercenary group Wagner"). The parse finds it (nlp.Reading.description_of), in any
wording, so no list of titles decides it. That description is the article's own account of the
actor's part, a better role than a small model's guess, and an actor the article troubles to
introduce so is someone the story is about. English (a parse); elsewhere nothing is found and
the model's roles stand.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..nlp import Reading, same_entity

__all__ = ["descriptions_of"]


def descriptions_of(reading: Reading, names: Sequence[str]) -> dict[str, str]:
    """Each of `names` that the article describes, with the first description it gives, in
    the order the article first describes them."""
    found: dict[str, str] = {}
    for entity in reading.entities:
        name = next((n for n in names if same_entity(entity.text, n, reading.language)), None)
        if name is None or name in found:
            continue
        described = reading.description_of(entity.start, entity.end)
        if described:
            found[name] = described
    return found
