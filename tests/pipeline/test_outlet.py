"""The outlet that publishes the article is no actor of its story (pipeline/outlet.py)."""

from __future__ import annotations

import pytest

from summariser.nlp import read
from summariser.pipeline.assemble import assemble
from summariser.pipeline.outlet import is_outlet, outlet_of
from summariser.prompting.draft import Draft


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("http://www.independent.co.uk/news/uk/toblerone-a740401.html", "independent"),
        ("https://edition.cnn.com/2016/11/09/politics/", "cnn"),
        ("nypost.com/2016/11/12/clinton", "nypost"),
        ("not an address", None),
        ("", None),
    ],
)
def test_the_outlet_is_the_label_that_owns_the_host(url: str, outlet: str | None) -> None:
    assert outlet_of(url) == outlet


@pytest.mark.parametrize(
    ("name", "outlet", "is_it"),
    [
        ("Independent", "independent", True),
        ("The Washington Post", "washingtonpost", True),
        ("BBC News", "bbc", True),
        ("New York Post", "nypost", True),
        ("New York", "nytimes", False),  # a place the outlet's name begins with
        ("Independent Police Complaints Commission", "independent", False),
        ("Reuters", "express", False),  # another outlet is the story's as any body is
        ("Independent", None, False),  # no address, no outlet
    ],
)
def test_a_name_is_the_outlet_written_whole_with_a_generic_word_or_as_initials(
    name: str, outlet: str | None, is_it: bool
) -> None:
    assert is_outlet(name, outlet) is is_it


def test_the_outlet_is_never_listed_among_who() -> None:
    text = (
        "Mondelez changed the shape of Toblerone on Tuesday. Tesco said it had sold out. "
        "The Independent has contacted Mondelez International for comment."
    )
    draft = Draft.model_validate(
        {
            "headline": "Toblerone changes shape",
            "summary": "Mondelez changed the bar.",
            "who": [{"n": n, "r": ""} for n in ("Mondelez", "Independent", "Tesco")],
            "where": [],
            "when": [],
            "allegations": [],
            "stakes": [],
        }
    )
    references = read(text).references
    url = "http://www.independent.co.uk/news/uk/toblerone.html"
    listed = [a.name for a in assemble(draft, text, references, url=url).who]
    assert "Independent" not in listed and "Mondelez" in listed
    assert "Independent" in [a.name for a in assemble(draft, text, references).who]
