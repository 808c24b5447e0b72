"""What the model is asked: the article as it may read it, checklists, messages, the draft.

reading.py   text checks, the long-article cut, injected lines withheld
guard.py     what counts as a passage addressed to machines
names.py     unnamed people and precise locations (entities come from summariser/nlp)
times.py     the checklist of time phrases
references.py  the sentences and typed candidates a draft cites, and how citations resolve
messages.py  the chat messages, rendered from the templates in prompts/
draft.py     the shape the model fills: its decisions, citing the article
"""
