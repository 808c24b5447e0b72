"""The batch as one page to read: Markdown to skim over coffee, or HTML to check the evidence.

grouping.py   the order both follow: by feed, newest first, failures last
markdown.py   to_digest: the Markdown digest
page.py       to_digest_html: the HTML digest (digest.css, digest.js), each article openable
              to briefing.page's full highlighted view
"""

from .markdown import to_digest
from .page import to_digest_html

__all__ = ["to_digest", "to_digest_html"]
