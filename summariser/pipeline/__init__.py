"""What code makes of the model's draft: the briefing, every item grounded and dated.

assemble.py     draft → briefing: grounding, dating, merging, then amend.py
grounding.py    each item's words found in the article, with offsets
dates.py        time phrases resolved to ISO dates against the publication date
event_date.py   the main event's day
lead.py         the lead, where news states its main event
amend.py        what code adds (the lead's people and place, accusations the model left
                out, their sources) or drops (prompt copies)
attribution.py  who makes a claim and its status, from its sentence's reporting verb
descriptions.py what the article says each person is ("Russia's defence minister, ...")
language.py     the article's language, from a language identifier
"""
