"""What code makes of the model's draft: the briefing, every item grounded and dated.

assemble.py      draft → briefing: one builder per field, composed
context.py       what every builder reads: the one reading, the locator, what a draft cites
who.py           the actors: the model's, as the article introduces them, the lead's people,
                 the allegations' sources and accused
where.py         the places: the model's, the lead's exact spot, the dateline's city
when.py          the time phrases, dated, and the main event's day
allegations.py   the claims, quoted whole, with source, accused and status
stakes.py        what is at risk, and for whom
items.py         each entity once, placeholders and prompt copies dropped
kinds.py         each item's kind, from the reading's types and the gazetteers
attribution.py   who makes a claim and its status, from its sentence's reporting verb
descriptions.py  what the article says each actor is ("Russia's defence minister, ...")
wording.py       text a reader keeps: whole claims, roles that say something
dates.py         time phrases resolved to ISO dates against the publication date
grounding.py     each item's words found in the article, with offsets
vetting.py       allegations kept or dropped by the margin of a closed answer (prompting/closed.py)
"""
