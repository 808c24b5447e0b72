"""`python -m summariser`: the `summarise` command."""

from .cli import main

raise SystemExit(main())
