"""Where articles come from: files, directories, feeds, pages and URLs, read into Articles.

articles.py        one article and its stable id; text decoding; JSON articles
inputs.py          every kind of input, told apart, turned into articles or problems
encodings.py       the encoding markup's bytes are in (XML 1.0 Appendix F), then UTF-8
feeds.py           RSS and Atom feeds
feed_dates.py      the day a feed gives, as written, in any language
json_feed.py       JSON Feed 1 and 1.1
pages.py           HTML pages reduced to their body text, less a repeated title
local.py           local files and standard input, read within a byte cap
fetch.py           what may be fetched, and how politely
connect.py         one name lookup, every address judged, the connection made to it
response_cache.py  fetched responses remembered for conditional GET
"""
