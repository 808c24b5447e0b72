"""What the model is asked: the article as it may read it, the messages, the draft.

article.py   text checks, the long-article cut, injected lines withheld
guard.py     what counts as a passage addressed to machines
messages.py  the chat messages, rendered from the templates in prompts/, with the checklists
             of the article's one reading (summariser/nlp)
draft.py     the shape the model fills: its decisions, citing the article
closed.py    the closed question about one allegation, asked after the article (prompts/closed.json)
"""
