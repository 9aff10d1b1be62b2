"""The SQLite schema of a marsad store (documented in docs/store.md).

One row per article in ``articles`` keeps the marsad/1 record unchanged (``record_json``);
the other tables are flat, queryable copies of its parts, rebuilt from the record when the
article is ingested again with ``--update``. Fields a record gains later stay in
``record_json`` until a table grows a column for them.
"""
from __future__ import annotations

SCHEMA_VERSION = "7"

TABLES = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    id           TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,   -- SHA-256 of title and text: the same article is stored once
    url          TEXT,
    outlet       TEXT,
    title        TEXT,
    published    TEXT,                   -- YYYY-MM-DD
    author       TEXT,
    text         TEXT NOT NULL,
    record_json  TEXT NOT NULL,          -- the marsad/1 record, exactly as produced
    n_errors     INTEGER NOT NULL DEFAULT 0,
    search_rowid INTEGER UNIQUE,         -- rowid of the article in articles_fts
    ingested_at  TEXT NOT NULL           -- UTC, ISO 8601
);

CREATE TABLE IF NOT EXISTS entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL,            -- e1, e2, ... unique in the article
    label      TEXT,                     -- PER, ORG, LOC, FAC, MISC
    name       TEXT,
    name_en    TEXT,
    country    TEXT,                     -- ISO 3166-1 alpha-3 or IGO
    sector     TEXT,
    role       TEXT,
    name_norm  TEXT,                     -- name folded for matching (marsad.text.normalize)
    actor_key  TEXT NOT NULL,            -- the same actor across articles (see docs/store.md)
    PRIMARY KEY (article_id, entity_id)
);

CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    field      TEXT                      -- NULL for the body, 'title' for the title
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    quote_index    INTEGER NOT NULL,     -- position in the record's quotes[]
    kind           TEXT,                 -- direct, indirect, mixed
    speaker_entity TEXT,                 -- entity_id in the same article
    speaker_text   TEXT,
    speaker_start  INTEGER,
    speaker_end    INTEGER,
    cue_text       TEXT,
    cue_start      INTEGER,
    cue_end        INTEGER,
    content_text   TEXT,
    content_start  INTEGER,
    content_end    INTEGER,
    content_field  TEXT,
    PRIMARY KEY (article_id, quote_index)
);

CREATE TABLE IF NOT EXISTS events (
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_index    INTEGER NOT NULL,     -- position in the record's events[]
    type           TEXT,                 -- PLOVER type
    mode           TEXT,
    source_entity  TEXT,
    source_country TEXT,                 -- the event's, else its source entity's (so for sector)
    source_sector  TEXT,
    target_entity  TEXT,
    target_country TEXT,
    target_sector  TEXT,
    place_name     TEXT,
    place_country  TEXT,
    lat            REAL,
    lon            REAL,
    date           TEXT,                 -- as in the record (may be NULL)
    day            TEXT,                 -- the event's date, else the article's publication date
    evidence_text  TEXT,
    evidence_start INTEGER,
    evidence_end   INTEGER,
    -- what `day` covers (version 2; last, as ALTER TABLE adds them to a version-1 store):
    date_precision TEXT,                 -- day, week, month, year
    date_start     TEXT,                 -- its first day, YYYY-MM-DD: events sort and filter by these
    date_end       TEXT,                 -- its last day (a week: Sunday; a month: its last day)
    PRIMARY KEY (article_id, event_index)
);

CREATE TABLE IF NOT EXISTS dates (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    date_index INTEGER NOT NULL,
    text       TEXT,
    start      INTEGER,
    "end"      INTEGER,
    value      TEXT,
    precision  TEXT,
    relative   INTEGER,
    calendar   TEXT,
    PRIMARY KEY (article_id, date_index)
);

CREATE TABLE IF NOT EXISTS places (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    place_index INTEGER NOT NULL,
    name        TEXT,
    name_en     TEXT,
    country     TEXT,
    lat         REAL,
    lon         REAL,
    kind        TEXT,
    start       INTEGER,
    "end"       INTEGER,
    PRIMARY KEY (article_id, place_index)
);

CREATE TABLE IF NOT EXISTS errors (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    error_index INTEGER NOT NULL,
    code        TEXT,
    message     TEXT,
    source      TEXT,
    PRIMARY KEY (article_id, error_index)
);

-- One row per actor across articles, refreshed by ingest for the actor keys each batch touches
-- (a summary of entities, kept as a table so that listing actors needs no GROUP BY).
CREATE TABLE IF NOT EXISTS actors (
    actor_key TEXT PRIMARY KEY,
    name      TEXT,                      -- the name written most often
    name_en   TEXT,
    label     TEXT,
    country   TEXT,
    sector    TEXT,
    role      TEXT,
    articles  INTEGER NOT NULL,          -- number of articles naming the actor
    -- version 3 (last, as ALTER TABLE adds them to an older store):
    mentions  INTEGER NOT NULL DEFAULT 0, -- mentions of it across articles
    quotes    INTEGER NOT NULL DEFAULT 0, -- statements attributed to it
    events    INTEGER NOT NULL DEFAULT 0  -- events with it as source or target
);

-- How many of an actor's entity rows carry each name, country, sector and role (version
-- 6): the actors row shows the most frequent of each, kept up to date by counts added per
-- batch rather than by reading all of an actor's rows again.
CREATE TABLE IF NOT EXISTS actor_values (
    actor_key TEXT NOT NULL,
    field     TEXT NOT NULL,             -- name, country, sector, role
    value     TEXT NOT NULL,
    n         INTEGER NOT NULL,          -- entity rows (one per article) with this value
    PRIMARY KEY (actor_key, field, value)
) WITHOUT ROWID;

-- Full-text index over a normalised copy of titles and texts (see marsad.store.search).
-- body: the article's words, folded and with proclitics split; extra: other forms of the
-- words (unsplit, proclitics and the article «ال» stripped) so that «روسيا» finds «لروسيا».
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, body, extra, tokenize = 'unicode61 remove_diacritics 0'
);
"""

# Stories (version 4; marsad.store.story_store): each article's MinHash signature, the story
# it belongs to, a summary row per story and its events merged across its articles.
STORY_TABLES = """
CREATE TABLE IF NOT EXISTS signatures (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT, -- order of writing: a writer sees what others added
    article_id TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
    day        TEXT,                     -- the article's publication date
    shingles   INTEGER NOT NULL,         -- distinct 5-word shingles of its folded text
    minhash    BLOB NOT NULL             -- MinHash of the shingles: 128 little-endian uint32
);

CREATE TABLE IF NOT EXISTS story_members (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id   TEXT NOT NULL,            -- the id of the story's first article
    link       TEXT NOT NULL,            -- first, copy, follow
    linked_to  TEXT,                     -- the article it was found to copy or follow
    similarity REAL                      -- their estimated Jaccard similarity
);

CREATE TABLE IF NOT EXISTS stories (
    id       TEXT PRIMARY KEY,           -- the id of its first article (earliest, then smallest id)
    title    TEXT,                       -- its first article's title
    first    TEXT,                       -- first and last publication date
    last     TEXT,
    articles INTEGER NOT NULL,
    outlets  INTEGER NOT NULL,
    events   INTEGER NOT NULL,           -- merged events (story_events rows)
    quotes   INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS story_events (
    story_id       TEXT NOT NULL,
    source         TEXT NOT NULL,        -- actor key, else country code, else ''
    type           TEXT NOT NULL,
    target         TEXT NOT NULL,
    source_name    TEXT,
    source_country TEXT,
    target_name    TEXT,
    target_country TEXT,
    articles       INTEGER NOT NULL,     -- articles of the story reporting it
    outlets        INTEGER NOT NULL,     -- their outlets
    first_date     TEXT,                 -- the first report: its publication date and article
    first_article  TEXT,
    evidence       TEXT NOT NULL,        -- JSON: [{article, start, end, text}] of every report
    PRIMARY KEY (story_id, source, type, target)
);
CREATE INDEX IF NOT EXISTS signatures_day ON signatures(day);
CREATE INDEX IF NOT EXISTS story_members_story ON story_members(story_id);
CREATE INDEX IF NOT EXISTS stories_last ON stories(last DESC, id);
"""

INDEXES = """
CREATE INDEX IF NOT EXISTS articles_published ON articles(published, id);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
-- (actor_key, name): an actor's rows and, read from the index alone, its most written name
CREATE INDEX IF NOT EXISTS entities_actor_name ON entities(actor_key, name);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name);
CREATE INDEX IF NOT EXISTS entities_country ON entities(country);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(article_id, entity_id);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(article_id, speaker_entity);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS events_start ON events(date_start, article_id, event_index);
CREATE INDEX IF NOT EXISTS events_source_country ON events(source_country);
CREATE INDEX IF NOT EXISTS events_target_country ON events(target_country);
CREATE INDEX IF NOT EXISTS events_source_entity ON events(article_id, source_entity);
CREATE INDEX IF NOT EXISTS events_target_entity ON events(article_id, target_entity);
CREATE INDEX IF NOT EXISTS actors_articles ON actors(articles DESC, actor_key);
CREATE INDEX IF NOT EXISTS actors_country ON actors(country);
CREATE INDEX IF NOT EXISTS actors_mentions ON actors(mentions DESC, actor_key);
CREATE INDEX IF NOT EXISTS actors_quotes ON actors(quotes DESC, actor_key);
CREATE INDEX IF NOT EXISTS actors_events ON actors(events DESC, actor_key);
-- for the desk (#20): quotes and facets by country read the index alone; the outlets index
-- groups articles without reading their rows (added to older stores when opened to write)
CREATE INDEX IF NOT EXISTS entities_country_entity ON entities(country, article_id, entity_id);
CREATE INDEX IF NOT EXISTS articles_outlet_published ON articles(outlet, published);
"""

# Indexes an earlier schema made that a wider one above now serves: dropped when a store
# is opened to write.
SUPERSEDED_INDEXES = ("entities_actor",)

VIEWS = """
-- Events in the usual event-data shape, one row per event, with readable actor names.
CREATE VIEW IF NOT EXISTS events_view AS
SELECT e.article_id, e.event_index,
       e.day AS date, e.date_precision, e.date_start, e.date_end,
       src.name AS source_name, src.name_en AS source_name_en, src.actor_key AS source_actor,
       e.source_country,
       e.source_sector,
       e.type, e.mode,
       tgt.name AS target_name, tgt.name_en AS target_name_en, tgt.actor_key AS target_actor,
       e.target_country,
       e.target_sector,
       e.place_name, e.place_country, e.lat, e.lon,
       a.published, a.outlet, a.url, a.title, e.evidence_text AS evidence
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN entities src ON src.article_id = e.article_id AND src.entity_id = e.source_entity
LEFT JOIN entities tgt ON tgt.article_id = e.article_id AND tgt.entity_id = e.target_entity;

-- Quotes with the speaker's resolved name and the article's date.
CREATE VIEW IF NOT EXISTS quotes_view AS
SELECT q.article_id, q.quote_index, a.published, a.outlet, a.url,
       q.kind, sp.name AS speaker_name, sp.name_en AS speaker_name_en,
       sp.actor_key AS speaker_actor, sp.country AS speaker_country, sp.sector AS speaker_sector,
       q.speaker_text, q.cue_text AS cue, q.content_text AS content
FROM articles a
CROSS JOIN quotes q ON q.article_id = a.id  -- CROSS: walk articles by date, newest first
LEFT JOIN entities sp ON sp.article_id = q.article_id AND sp.entity_id = q.speaker_entity;

-- Events with their article's story (version 4) and how many of the story's articles and
-- outlets report the same source, type and target (story_events): a view apart, so that
-- the listings and charts over events_view pay nothing for it.
CREATE VIEW IF NOT EXISTS events_story_view AS
SELECT v.*, sm.story_id AS story, se.articles AS story_articles, se.outlets AS story_outlets
FROM events_view v
LEFT JOIN story_members sm ON sm.article_id = v.article_id
LEFT JOIN story_events se ON se.story_id = sm.story_id
     AND se.source = COALESCE(v.source_actor, v.source_country, '') AND se.type = v.type
     AND se.target = COALESCE(v.target_actor, v.target_country, '');

"""

# The value of an actor's field written most often (ties: the shortest name; for the other
# fields the largest value, as MAX gave before version 6).
def _most(field: str, tie: str = "v.value DESC") -> str:
    return (f"(SELECT v.value FROM actor_values v WHERE v.actor_key = e.actor_key AND v.field = '{field}'"
            f" ORDER BY v.n DESC, {tie} LIMIT 1)")


# Count the name, English name, label, country, sector and role of the entity rows ``e``
# that WHERE selects into ``actor_values`` (added to the counts already there).
def _value_rows(where: str) -> str:
    parts = [f"SELECT e.actor_key, '{f}', e.{f}, COUNT(*) FROM entities e WHERE {where} AND e.{f} IS NOT NULL"
             f" GROUP BY e.actor_key, e.{f}" for f in ("name", "name_en", "label", "country", "sector", "role")]
    return ("INSERT INTO actor_values (actor_key, field, value, n)\n"
            + "\nUNION ALL ".join(parts)
            + "\nON CONFLICT (actor_key, field, value) DO UPDATE SET n = n + excluded.n;\n")


# The ``actors`` row of each actor key among the entity rows ``e`` that FROM/WHERE select
# (REFRESH_ACTORS and ADD_ACTORS below), its fields read from ``actor_values``.
_ACTOR_ROWS = f"""
INSERT INTO actors (actor_key, name, name_en, label, country, sector, role, articles,
                    mentions, quotes, events)
SELECT e.actor_key, {_most("name", "length(v.value), v.value")},
       {_most("name_en")}, {_most("label")}, {_most("country")}, {_most("sector")}, {_most("role")},
       COUNT(DISTINCT e.article_id),
       -- the counts are summed over the actor's entity rows as they are read for the
       -- columns above (one pass over them, not one more pass per count)
       SUM((SELECT COUNT(*) FROM mentions m WHERE m.article_id = e.article_id
            AND m.entity_id = e.entity_id)),
       SUM((SELECT COUNT(*) FROM quotes q WHERE q.article_id = e.article_id
            AND q.speaker_entity = e.entity_id)),
       SUM((SELECT COUNT(*) FROM events v WHERE v.article_id = e.article_id
            AND v.source_entity = e.entity_id)
           + (SELECT COUNT(*) FROM events v WHERE v.article_id = e.article_id
              AND v.target_entity = e.entity_id))
"""

# Rebuild the rows of ``actors`` (and their counts in ``actor_values``) for the actor keys in
# the JSON array ?1. Statements are separated by ";\n".
_KEYS = "e.actor_key IN (SELECT value FROM json_each(?1))"
REFRESH_ACTORS = (
    "DELETE FROM actor_values WHERE actor_key IN (SELECT value FROM json_each(?1));\n"
    "DELETE FROM actors WHERE actor_key IN (SELECT value FROM json_each(?1));\n"
    + _value_rows(_KEYS) + _ACTOR_ROWS + f"FROM entities e WHERE {_KEYS} GROUP BY e.actor_key;\n")

# Add the articles of the JSON array ?1, just inserted (none of them counted yet), to the
# rows of the actors they name: their values are counted into ``actor_values``, their
# counts added to the stored ones, and each field is the most frequent value again. The
# rows REFRESH_ACTORS would give, at the cost of these articles' rows, not of every row of
# an actor named in most articles.
_BATCH = "e.article_id IN (SELECT value FROM json_each(?1))"
ADD_ACTORS = (_value_rows(_BATCH) + _ACTOR_ROWS + f"""\
FROM entities e WHERE {_BATCH} GROUP BY e.actor_key
ON CONFLICT (actor_key) DO UPDATE SET
    name = excluded.name, name_en = excluded.name_en, label = excluded.label,
    country = excluded.country, sector = excluded.sector, role = excluded.role,
    articles = articles + excluded.articles,
    mentions = mentions + excluded.mentions,
    quotes = quotes + excluded.quotes,
    events = events + excluded.events;
""")

ALL = TABLES + STORY_TABLES + INDEXES + VIEWS

# How a store of an older version becomes this one: statements run in one transaction by
# marsad.store.db (which also fills the new columns), keyed by the version they upgrade.
UPGRADES = {
    "1": """
ALTER TABLE events ADD COLUMN date_precision TEXT;
ALTER TABLE events ADD COLUMN date_start TEXT;
ALTER TABLE events ADD COLUMN date_end TEXT;
DROP INDEX IF EXISTS events_day;
DROP VIEW IF EXISTS events_view;
""",
    # Version 3 folds the hamza seats «ئ»/«ؤ» in the search index (its rows are computed
    # again: marsad.store.db._reindex) and counts each actor's mentions, quotes and events
    # (every actor is summarised again).
    "2": """
ALTER TABLE actors ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actors ADD COLUMN quotes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE actors ADD COLUMN events INTEGER NOT NULL DEFAULT 0;
""",
    # Version 4 groups articles into stories: the tables are made and every stored article
    # is assigned (marsad.store.story_store.rebuild).
    "3": STORY_TABLES,
    # Version 5 keys an actor named only by its role by its country too ("government
    # (SAU)"): the keys are computed again and every actor summarised again
    # (marsad.store.db._rekey_actors).
    "4": "",
    # Version 6 counts each actor's values in ``actor_values`` and shows the most frequent
    # (not the largest): the table is made and every actor summarised again.
    "5": """
CREATE TABLE IF NOT EXISTS actor_values (
    actor_key TEXT NOT NULL,
    field     TEXT NOT NULL,
    value     TEXT NOT NULL,
    n         INTEGER NOT NULL,
    PRIMARY KEY (actor_key, field, value)
) WITHOUT ROWID;
""",
    # Version 7 counts the English name and the label too (the most frequent, not the
    # largest: «الأردن» was a PER for one «جوردان» among its LOC rows): every actor is
    # summarised again.
    "6": "",
}
# Upgrades after which every article's full-text index row is computed again.
REINDEX_FROM = {"1", "2"}

# What `marsad watch` keeps (docs/watch.md): the feeds it polls, every feed item it has
# handled (so that an item is fetched and stored once, across restarts) and the alerts
# fired. New tables only, created IF NOT EXISTS: a store of this version without them gets
# them the first time watch opens it (marsad.store.watch.ensure_tables); no upgrade needed.
WATCH_TABLES = """
CREATE TABLE IF NOT EXISTS feeds (
    url           TEXT PRIMARY KEY,
    title         TEXT,                  -- the feed's own title, at its last read
    last_poll     TEXT,                  -- UTC, ISO 8601
    last_ok       TEXT,                  -- the last poll that read the feed (200 or 304)
    status        TEXT,                  -- ok, not_modified, error, invalid, disallowed
    error         TEXT,                  -- why, when the last poll did not read it (or a warning)
    http_status   INTEGER,
    etag          TEXT,                  -- validators for the next conditional GET
    last_modified TEXT,
    polls         INTEGER NOT NULL DEFAULT 0,
    entries       INTEGER NOT NULL DEFAULT 0,  -- entries in the feed at its last read
    new_items     INTEGER NOT NULL DEFAULT 0,  -- items new at the last poll
    stored        INTEGER NOT NULL DEFAULT 0,  -- items stored from it (articles and error records)
    failed        INTEGER NOT NULL DEFAULT 0   -- of those, pages that could not be fetched or read
);

CREATE TABLE IF NOT EXISTS feed_items (
    item_key   TEXT PRIMARY KEY,         -- the entry's GUID (global, else prefixed with the feed), else its link
    feed_url   TEXT NOT NULL,
    link       TEXT,
    article_id TEXT,                     -- the stored article (for a duplicate: the one with its content)
    status     TEXT NOT NULL,            -- stored, duplicate, failed
    error      TEXT,
    attempts   INTEGER NOT NULL DEFAULT 1,
    first_seen TEXT NOT NULL,            -- UTC, when it was first stored
    last_tried TEXT NOT NULL,
    updated    TEXT                      -- the feed's last change date of the item as stored (corrections)
);
CREATE INDEX IF NOT EXISTS feed_items_link ON feed_items(link);
CREATE INDEX IF NOT EXISTS feed_items_seen ON feed_items(first_seen);
CREATE INDEX IF NOT EXISTS feed_items_feed ON feed_items(feed_url, status);

CREATE TABLE IF NOT EXISTS alerts_fired (
    rule       TEXT NOT NULL,
    article_id TEXT NOT NULL,
    fired_at   TEXT NOT NULL,            -- UTC
    state      TEXT NOT NULL,            -- pending, sent, failed
    detail     TEXT,                     -- why the last delivery failed
    attempts   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (rule, article_id)
);
"""

ALL += WATCH_TABLES  # new stores have them from the start
