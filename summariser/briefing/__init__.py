"""The briefing: the public contract users and other tools read.

schema.py       the typed Briefing (Actor, Place, TimeRef, Allegation, Stake, Evidence, …)
json_schema.py  its JSON Schema, as shipped in schemas/briefing.schema.json
render.py       Markdown and terminal views
published.py    the publication date a caller gives, as a date
"""
