-- The store (`summarise batch --db`, `summarise store`): every article and briefing in plain
-- tables that Datasette, DuckDB or pandas read as they are. Items carry their article, their
-- quote and its offsets, and whether the article was found to say it. Full-text search over
-- headlines, summaries, claims and article text (FTS5, kept in step by triggers; Datasette
-- finds each index by its content= table). Written by summariser/stories/store.py.

PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    url TEXT,
    feed TEXT,
    feed_title TEXT,
    title TEXT,
    published TEXT,           -- YYYY-MM-DD
    language TEXT,
    origin TEXT,              -- the input it was read from
    text TEXT,                -- the article as summarised, where the batch had it
    error TEXT,               -- what stopped it, for an article without a briefing
    record TEXT NOT NULL      -- the batch's JSONL line, as written
);
CREATE INDEX IF NOT EXISTS articles_published ON articles (published);
CREATE INDEX IF NOT EXISTS articles_feed ON articles (feed);

CREATE TABLE IF NOT EXISTS briefings (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    headline TEXT NOT NULL,
    summary TEXT NOT NULL,
    event_date TEXT,
    model TEXT,
    prompt_tokens INTEGER,
    completion_tokens INTEGER
);
CREATE INDEX IF NOT EXISTS briefings_event_date ON briefings (event_date);

CREATE TABLE IF NOT EXISTS actors (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    role TEXT NOT NULL,
    quote TEXT NOT NULL,
    start INTEGER,
    "end" INTEGER,
    grounded INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS actors_name ON actors (name);
CREATE INDEX IF NOT EXISTS actors_article ON actors (article_id);

CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    quote TEXT NOT NULL,
    start INTEGER,
    "end" INTEGER,
    grounded INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS places_name ON places (name);
CREATE INDEX IF NOT EXISTS places_article ON places (article_id);

CREATE TABLE IF NOT EXISTS times (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    date TEXT,                -- YYYY-MM-DD, resolved against the publication date
    event TEXT NOT NULL,
    quote TEXT NOT NULL,
    start INTEGER,
    "end" INTEGER,
    grounded INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS times_date ON times (date);
CREATE INDEX IF NOT EXISTS times_article ON times (article_id);

CREATE TABLE IF NOT EXISTS allegations (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    claim TEXT NOT NULL,
    made_by TEXT NOT NULL,
    against TEXT,
    status TEXT NOT NULL,
    quote TEXT NOT NULL,
    start INTEGER,
    "end" INTEGER,
    grounded INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS allegations_made_by ON allegations (made_by);
CREATE INDEX IF NOT EXISTS allegations_article ON allegations (article_id);

CREATE TABLE IF NOT EXISTS stakes (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    what TEXT NOT NULL,
    for_whom TEXT NOT NULL,
    quote TEXT NOT NULL,
    start INTEGER,
    "end" INTEGER,
    grounded INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS stakes_article ON stakes (article_id);

CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,      -- the headline of its first article
    first_published TEXT,
    last_published TEXT,
    articles INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_last_published ON stories (last_published);

CREATE TABLE IF NOT EXISTS story_members (
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    article_id TEXT NOT NULL UNIQUE REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, article_id)
);

CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (
    title, text, content="articles", content_rowid="rowid"
);
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS briefings_fts USING fts5 (
    headline, summary, content="briefings", content_rowid="rowid"
);
CREATE TRIGGER IF NOT EXISTS briefings_ai AFTER INSERT ON briefings BEGIN
    INSERT INTO briefings_fts (rowid, headline, summary)
        VALUES (new.rowid, new.headline, new.summary);
END;
CREATE TRIGGER IF NOT EXISTS briefings_ad AFTER DELETE ON briefings BEGIN
    INSERT INTO briefings_fts (briefings_fts, rowid, headline, summary)
        VALUES ('delete', old.rowid, old.headline, old.summary);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS allegations_fts USING fts5 (
    claim, made_by, content="allegations", content_rowid="id"
);
CREATE TRIGGER IF NOT EXISTS allegations_ai AFTER INSERT ON allegations BEGIN
    INSERT INTO allegations_fts (rowid, claim, made_by) VALUES (new.id, new.claim, new.made_by);
END;
CREATE TRIGGER IF NOT EXISTS allegations_ad AFTER DELETE ON allegations BEGIN
    INSERT INTO allegations_fts (allegations_fts, rowid, claim, made_by)
        VALUES ('delete', old.id, old.claim, old.made_by);
END;
