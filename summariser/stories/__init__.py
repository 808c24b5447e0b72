"""Stories across outlets, and the store every briefing is kept in.

store.py     every article and briefing in one SQLite file (schemas/store.sql) for Datasette
grouping.py  which articles report the same event: stories grown one article at a time
story.py     a story as a reader gets it: its outlets, merged actors and places, a timeline
disagree.py  where its outlets give different counts, dates or statuses, each side quoted
counts.py    what a sentence counts: number, what is counted, what happened to it (parsed)
markdown.py  stories as Markdown to read (the JSON is story.py's dicts as they are)
quality.py   B-cubed precision and recall of a grouping against gold events
"""

from __future__ import annotations

from .grouping import Grouper, Member
from .store import Store
from .story import group_stories, stories_json

__all__ = ["Grouper", "Member", "Store", "group_stories", "stories_json"]
