"""The store (stories/store.py, schemas/store.sql) filled by a real batch: the UOL feed and three
evaluation articles, answered by the embedded model as recorded in the digest's cassette.
Every item is a row with its quote; a repeated batch adds nothing twice; Datasette (its own
test client) browses the tables and searches them."""

from __future__ import annotations

import asyncio
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from summariser.batch.records import BatchRecord
from summariser.cli import main
from summariser.stories import Store, group_stories
from summariser.testing.stub_server import StubServer
from tests.support import EVAL, RECORD_URL, RECORDED_MODEL

UOL = str(EVAL / "feeds" / "rss-parser__uolNoticias.rss")
ARTICLES = [
    str(EVAL / "articles" / f"{name}.json")
    for name in ("g5w-nypost-4", "g5w-nytimes-1", "aeb-pt-f6ac15a4d985")
]
MISSING = "no/such/feed.xml"
RECORDED = pytest.mark.vcr


@pytest.fixture
def default_cassette_name() -> str:
    return "batch_uol_noticias_feed"  # every answer this batch needs (tests/browser's too)


def batch(tmp_path: Path, *more: str) -> tuple[Path, Path, str]:
    db, records = tmp_path / "news.db", tmp_path / "records.jsonl"
    argv = ["batch", UOL, *ARTICLES, MISSING, "--model", RECORDED_MODEL, "--base-url"]
    argv += [RECORD_URL, "--offline", "--no-cache", "--concurrency", "1", "--db", str(db)]
    argv += ["-o", str(records), *more]
    err = io.StringIO()
    assert main(argv, out=io.StringIO(), err=err) == 0, err.getvalue()
    return db, records, err.getvalue()


def rows(db: Path, sql: str, *args: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as con:
        return con.execute(sql, args).fetchall()


@RECORDED
def test_a_batch_keeps_every_article_briefing_and_item_with_its_quote(tmp_path: Path) -> None:
    db, records_file, said = batch(tmp_path)
    assert "18 done" in said and "1 failed" in said, said
    records = [BatchRecord.from_json(json.loads(line)) for line in records_file.open()]
    briefed = [r for r in records if r.briefing]
    assert rows(db, "SELECT count(*) FROM articles") == [(len(records),)]
    assert rows(db, "SELECT count(*) FROM briefings") == [(len(briefed),)]
    for table, listed in (("actors", "who"), ("places", "where"), ("allegations", "allegations")):
        expected = sum(len(getattr(r.briefing, listed)) for r in briefed if r.briefing)
        assert rows(db, f"SELECT count(*) FROM {table}") == [(expected,)], table
    assert rows(db, "SELECT count(*) FROM articles WHERE error IS NOT NULL") == [(1,)]
    # every grounded item's quote is its article's own words at its offsets
    quoted = rows(
        db,
        'SELECT a.text, x.quote, x.start, x."end" FROM actors x JOIN articles a '
        "ON a.id = x.article_id WHERE x.grounded = 1",
    )
    assert quoted and all(text[start:end] == quote for text, quote, start, end in quoted)
    clinton = rows(
        db,
        "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid "
        "WHERE articles_fts MATCH 'Comey'",
    )
    assert ("g5w-nypost-4",) in clinton


@RECORDED
def test_a_repeated_batch_or_its_records_again_add_nothing_twice(tmp_path: Path) -> None:
    db, records_file, _ = batch(tmp_path)
    assert main(["stories", str(db)], out=io.StringIO(), err=io.StringIO()) == 0
    tables = ["articles", "briefings", "actors", "places", "times", "allegations", "stakes"]
    before = {t: rows(db, f"SELECT count(*) FROM {t}") for t in tables}
    members = rows(db, "SELECT story_id, article_id FROM story_members ORDER BY article_id")
    batch(tmp_path, "--restart")  # every article asked and kept again
    err = io.StringIO()
    assert main(["store", str(records_file), "--db", str(db)], err=err) == 0
    assert err.getvalue().startswith("summarise: 0 of 19 records new"), err.getvalue()
    assert {t: rows(db, f"SELECT count(*) FROM {t}") for t in tables} == before
    kept = rows(db, "SELECT story_id, article_id FROM story_members ORDER BY article_id")
    assert kept == members and len(members) == before["articles"][0][0] - 1  # all but MISSING's
    fts = rows(db, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Comey'")
    assert fts == [(1,)]  # the full-text index did not keep the replaced rows


def test_a_changed_record_replaces_its_rows_and_its_index_entries(tmp_path: Path) -> None:
    from tests.support import brief

    text = "Anna Berg, the mayor, opened the bridge in Oslo on Monday."
    record = BatchRecord(id="a", source={"title": "Ceremony"}, briefing=brief(text))  # type: ignore[arg-type]
    with Store(tmp_path / "s.db") as store:
        assert store.add(record, text) and not store.add(record, text)
        (story,) = group_stories(store)
        again = record.model_copy(update={"cached": True, "seconds": 0.01})
        assert not store.add(again, text)  # from the cache this time: the same record
        changed = record.model_copy(update={"source": record.source.model_copy(
            update={"title": "Parade"})})  # fmt: skip
        assert store.add(changed, None)  # the text it had is kept
        assert store.counts()["articles"] == 1 and store.counts()["story_members"] == 1
        assert group_stories(store)[0]["id"] == story["id"]  # and its story
    assert rows(tmp_path / "s.db", "SELECT title, text FROM articles") == [("Parade", text)]
    search = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?"
    assert rows(tmp_path / "s.db", search, "Ceremony") == [(0,)]
    assert rows(tmp_path / "s.db", search, "Parade") == [(1,)]


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_datasette_browses_and_searches_the_store(tmp_path: Path, stub: StubServer) -> None:
    """Against our loopback server (not a cassette: Datasette's own client is httpx too)."""
    from datasette.app import Datasette

    db = tmp_path / "news.db"
    argv = ["batch", *ARTICLES, "--model", "stub", "--base-url", stub.url, "--offline"]
    argv += ["--no-cache", "--db", str(db), "-q"]
    assert main(argv, out=io.StringIO(), err=io.StringIO()) == 0

    async def get(path: str) -> Any:
        response = await Datasette([str(db)]).client.get(path)
        assert response.status_code == 200, (path, response.text[:300])
        return response.json()

    async def browse() -> list[Any]:
        return [
            await get("/news.json"),
            await get("/news/articles.json?_search=Comey&_shape=array"),
            await get("/news/actors.json?article_id=g5w-nypost-4&_shape=array"),
            await get("/news/briefings.json?_search=Stub&_shape=array"),
        ]

    database, articles, actors, briefings = asyncio.run(browse())
    tables = {t["name"]: t for t in database["tables"]}
    assert {"articles", "briefings", "actors", "places", "times", "allegations", "stakes",
            "stories", "story_members"} <= tables.keys()  # fmt: skip
    assert tables["articles"]["fts_table"] == "articles_fts"
    assert tables["briefings"]["fts_table"] == "briefings_fts"
    assert [a["id"] for a in articles] == ["g5w-nypost-4"]  # the one about Comey
    assert "Hillary Clinton" in [a["name"] for a in actors]
    assert len(briefings) == 3  # the stub's headline is "Stub headline"
