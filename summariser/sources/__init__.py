"""Where articles come from: files, directories, feeds, pages and URLs, read into Articles.

    articles.py        one article and its stable id; text decoding; JSON articles
    inputs.py          every kind of input, told apart, turned into articles or problems
    feeds.py           RSS and Atom feeds
    pages.py           HTML pages reduced to their body text
    fetch.py           what may be fetched, and how politely
    response_cache.py  fetched responses remembered for conditional GET
"""
