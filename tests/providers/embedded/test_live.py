"""The real embedded model on the founding article, its allegations vetted. Slow (about a
minute and a quarter on 2 cores).

CI must run it, not skip it: under CI=true a missing [local] extra is a failure.
"""

from __future__ import annotations

import pytest

from summariser import Summariser
from summariser.text import normalise
from tests.support import require_embedded_model, seed_text

pytestmark = pytest.mark.live


@pytest.fixture(scope="module")
def embedded() -> Summariser:
    require_embedded_model()
    return Summariser(model="embedded")


def test_founding_article_on_the_embedded_model(embedded: Summariser) -> None:
    briefing = embedded.summarise(seed_text(), published="2023-09-11")
    who = " | ".join(normalise(a.name) for a in briefing.who)
    where = " | ".join(normalise(p.name) for p in briefing.where)
    assert "kim jong un" in who, who
    assert "putin" in who, who
    assert "russia" in where, where
    assert "vladivostok" in where, where
    expected = {
        "monday": "2023-09-11",
        "tuesday": "2023-09-12",
        "13 september": "2023-09-13",
        "july": "2023-07",
        "2019": "2019",
        "this month": "2023-09",
    }
    correct = [
        t for t in briefing.when
        if any(key in normalise(t.text) and t.date == day for key, day in expected.items())
    ]  # fmt: skip
    assert correct, [(t.text, t.date) for t in briefing.when]
    ungrounded = [item for item in briefing.items() if not item.evidence.grounded]
    assert not ungrounded, ungrounded
    meta = briefing.meta
    assert meta and meta.provider == "embedded"
    # llama.cpp's own clock: reading the prompt and writing the answer, within the model's time.
    assert meta.prefill_seconds and meta.decode_seconds
    assert meta.prefill_seconds + meta.decode_seconds <= meta.model_seconds
    # Vetted in process, as the embedded model is by default: the arms accusation stays.
    assert meta.questions >= 1 and meta.warnings == [], meta.warnings
    assert any(
        word in normalise(a.claim)
        for a in briefing.allegations
        for word in ("shell", "weapon", "arms", "artillery", "ammunition")
    ), [a.claim for a in briefing.allegations]
