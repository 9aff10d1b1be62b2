"""Reading a store: article search and listings of events, quotes and actors, shared by
the CLI, the web pages and the JSON API. Every query is parameterised."""
from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Iterator, Optional

from marsad.periods import bounds
from marsad.errors import MarsadError
from marsad.store.search import (Snippet, term_pattern, find_hits, fts_query, parse_query,
                                 search_fold, search_snippet)
from marsad.text.normalize import normalize

MAX_PAGE = 200
_CODE = re.compile(r"^(?:[A-Z]{3}|IGO)$")


class FilterError(MarsadError):
    """A filter that cannot be applied: a date that is no real day, week, month or year."""


def check_date(value: Optional[str], name: str = "date") -> Optional[str]:
    """``value`` when it is a real date (``2015-07-21``; also ``2015-W29``, ``2015-07``,
    ``2015``) or None; else :class:`FilterError` («2015-13-01», «2015-99-99»)."""
    if value is not None and bounds(value) is None:
        raise FilterError(f"{name}: {str(value)[:40]!r} is not a date (YYYY-MM-DD)")
    return value


def _first_day(value: Optional[str]) -> Optional[str]:
    """The first day of a date filter («2015-07» → 2015-07-01)."""
    return bounds(value)[0].isoformat() if value else None


def _last_day(value: Optional[str]) -> Optional[str]:
    """The last day of a date filter («2015-07» → 2015-07-31)."""
    return bounds(value)[1].isoformat() if value else None


def is_country_code(value: Optional[str]) -> bool:
    """True for an ISO alpha-3 code or ``IGO`` (written in capitals)."""
    return bool(value and _CODE.match(value))


def like_pattern(value: str) -> str:
    """A LIKE pattern (ESCAPE '\\') finding ``value`` anywhere in a text."""
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_like = like_pattern  # the older name


def _page(limit: int, offset: int) -> tuple[int, int]:
    return max(1, min(int(limit), MAX_PAGE)), max(0, int(offset))


@dataclass
class Filters:
    """What narrows a listing. ``actor`` is a name (or part of one, in Arabic or English),
    an actor key, or a country code; ``type`` a PLOVER type; ``since`` and ``until`` are
    days (``2015-07-21``), or a week, month or year meaning its first (``since``) or last
    (``until``) day. ``country`` (a code) keeps the articles naming an actor or place of the
    country, the events with it as source or target country. A date that is no real one
    raises :class:`FilterError`."""

    actor: Optional[str] = None
    type: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    outlet: Optional[str] = None
    country: Optional[str] = None

    def __post_init__(self) -> None:
        check_date(self.since, "since")
        check_date(self.until, "until")

    def for_articles(self) -> tuple[list[str], list]:
        where, params = [], []
        if self.actor:
            where.append(f"a.id IN ({_actor_articles(self.actor, params)})")
        if self.country:  # articles naming an actor or place of the country
            where.append("a.id IN (SELECT article_id FROM entities WHERE country = ?)")
            params.append(self.country)
        if self.type:
            where.append("a.id IN (SELECT article_id FROM events WHERE type = ?)")
            params.append(self.type.upper())
        for column, op, value in (("a.published", ">=", _first_day(self.since)),
                                  ("a.published", "<=", _last_day(self.until)),
                                  ("a.outlet", "=", self.outlet)):
            if value:
                where.append(f"{column} {op} ?")
                params.append(value)
        return where, params

    def for_events(self) -> tuple[list[str], list]:
        where, params = [], []
        if self.actor:
            if is_country_code(self.actor):
                where.append("(source_country = ? OR target_country = ?)")
                params += [self.actor, self.actor]
            else:
                where.append("(source_actor = ? OR target_actor = ? OR source_name LIKE ? ESCAPE '\\'"
                             " OR target_name LIKE ? ESCAPE '\\')")
                key = self.actor.strip().lower()
                params += [key, key, like_pattern(self.actor.strip()), like_pattern(self.actor.strip())]
        if self.country:
            where.append("(source_country = ? OR target_country = ?)")
            params += [self.country, self.country]
        if self.type:
            where.append("type = ?")
            params.append(self.type.upper())
        # An event is in the range when all the days of its date are: a week or a month
        # only when the range holds all of it («2015-W29» is 13 to 19 July).
        if self.since:
            where.append("date_start >= ?")
            params.append(_first_day(self.since))
        if self.until:
            where.append("date_end <= ?")
            params.append(_last_day(self.until))
        if self.outlet:
            where.append("outlet = ?")
            params.append(self.outlet)
        return where, params


def _actor_articles(actor: str, params: list) -> str:
    """A subquery of the ids of articles that name the actor (appends its parameters)."""
    if is_country_code(actor):
        params += [actor, actor, actor]
        return ("SELECT article_id FROM entities WHERE country = ? UNION SELECT article_id FROM"
                " events WHERE source_country = ? OR target_country = ?")
    norm = " ".join(normalize(actor).split())
    params += [actor.strip().lower(), like_pattern(norm), like_pattern(actor.strip())]
    return ("SELECT article_id FROM entities WHERE actor_key = ? OR name_norm LIKE ? ESCAPE '\\'"
            " OR name_en LIKE ? ESCAPE '\\'")


def where_sql(clauses: list[str]) -> str:
    """`` WHERE a AND b`` of the clauses ('' for none)."""
    return (" WHERE " + " AND ".join(clauses)) if clauses else ""


_where = where_sql  # the older name


# --- articles -----------------------------------------------------------------------------

@dataclass
class ArticleHit:
    id: str
    title: Optional[str]
    published: Optional[str]
    outlet: Optional[str]
    url: Optional[str]
    snippet: Snippet
    title_snippet: Snippet

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "published": self.published,
                "outlet": self.outlet, "url": self.url, "snippet": self.snippet.to_dict(),
                "title_highlights": [list(h) for h in self.title_snippet.highlights]}


@dataclass
class Page:
    total: int
    items: list = field(default_factory=list)
    limit: int = 20
    offset: int = 0

    def to_dict(self) -> dict:
        return {"total": self.total, "limit": self.limit, "offset": self.offset,
                "items": [i.to_dict() if hasattr(i, "to_dict") else i for i in self.items]}


def search_articles(conn: sqlite3.Connection, query: str = "", filters: Optional[Filters] = None,
                    limit: int = 20, offset: int = 0) -> Page:
    """Articles matching the query (every term) and the filters, best first; without a query,
    the most recent first. Snippets and highlights index the original text."""
    limit, offset = _page(limit, offset)
    found = article_set(query, filters)
    if found is None:
        return Page(0, [], limit, offset)
    source, where, params = found
    terms = parse_query(query)
    if terms:
        rank, order = "bm25(articles_fts, 4.0, 1.0, 0.5)", "top.rank, top.published DESC"
    else:
        rank, order = "0", "top.published DESC, top.id DESC"
    total = conn.execute(f"SELECT COUNT(*) FROM {source}{where_sql(where)}", params).fetchone()[0]
    # Rank and cut on narrow rows first; only the page's articles bring their text along.
    rows = conn.execute(
        f"SELECT a.id, a.title, a.published, a.outlet, a.url, a.text FROM (SELECT a.id AS id,"
        f" a.published AS published, {rank} AS rank FROM {source}{where_sql(where)}"
        f" ORDER BY {order.replace('top.', '' if terms else 'a.')} LIMIT ? OFFSET ?) AS top"
        f" JOIN articles a ON a.id = top.id ORDER BY {order}", params + [limit, offset]).fetchall()
    return Page(total, _hits(rows, terms), limit, offset)


def article_set(query: str = "", filters: Optional[Filters] = None
                ) -> Optional[tuple[str, list[str], list]]:
    """The articles matching ``query`` and ``filters`` as SQL parts ``(source, where,
    params)``: ``source`` names the articles ``a`` (joined to ``articles_fts`` when there
    is a query). None when the query has no word to look for (nothing matches)."""
    where, params = (filters or Filters()).for_articles()
    terms = parse_query(query)
    if query and query.strip() and not terms:
        return None
    if not terms:
        return "articles a", where, params
    # CROSS: the full-text match first (an outlet or date index must not drive it)
    return ("articles_fts CROSS JOIN articles a ON a.search_rowid = articles_fts.rowid",
            ["articles_fts MATCH ?"] + where, [fts_query(terms)] + params)


def _hits(rows, terms) -> list[ArticleHit]:
    out = []
    for r in rows:
        title = r["title"] or ""
        out.append(ArticleHit(r["id"], r["title"], r["published"], r["outlet"], r["url"],
                              search_snippet(r["text"], terms),
                              Snippet(title, find_hits(title, terms), 0, len(title))))
    return out


def get_record(conn: sqlite3.Connection, article_id: str) -> Optional[str]:
    """The stored marsad/1 record of an article as JSON text, exactly as stored."""
    row = conn.execute("SELECT record_json FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def iter_records(conn: sqlite3.Connection) -> Iterator[dict]:
    """Every stored marsad/1 record as a dict, by publication date then id."""
    for (raw,) in conn.execute("SELECT record_json FROM articles ORDER BY published, id"):
        yield json.loads(raw)


def get_article(conn: sqlite3.Connection, article_id: str) -> Optional[dict]:
    """The record of an article as a dict, with ``actor_key`` added to each entity."""
    raw = get_record(conn, article_id)
    if raw is None:
        return None
    record = json.loads(raw)
    keys = dict(conn.execute("SELECT entity_id, actor_key FROM entities WHERE article_id = ?",
                             (article_id,)).fetchall())
    for ent in record.get("entities") or []:
        if isinstance(ent, dict):
            ent["actor_key"] = keys.get(ent.get("id"))
    return record


# --- events, quotes, actors -----------------------------------------------------------------

def list_events(conn, filters: Optional[Filters] = None, limit: int = 50, offset: int = 0,
                article_id: Optional[str] = None) -> Page:
    limit, offset = _page(limit, offset)
    where, params = (filters or Filters()).for_events()
    if article_id:
        where.append("article_id = ?")
        params.append(article_id)
    return _view_page(conn, "events_view", "event_index", where, params,
                      "date_start DESC, article_id DESC, event_index", limit, offset, "events")


def event_timeline(conn, filters: Optional[Filters] = None) -> list[tuple[str, str, int]]:
    """``[(first day, precision, number of events), ...]`` in time order: an event dated by
    a week, month or year counts from its first day, with its precision."""
    where, params = (filters or Filters()).for_events()
    where.append("date_start IS NOT NULL")
    rows = conn.execute(f"SELECT date_start, date_precision, COUNT(*) FROM events_view"
                        f"{where_sql(where)} GROUP BY date_start, date_precision ORDER BY date_start",
                        params).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


def list_quotes(conn, actor: Optional[str] = None, since: Optional[str] = None,
                until: Optional[str] = None, limit: int = 50, offset: int = 0,
                q: Optional[str] = None, country: Optional[str] = None) -> Page:
    """Quotes, newest first; ``q``: only those whose content holds every word of the query,
    folded as search folds («مسئول» finds «مسؤول»); ``country``: the speaker's."""
    limit, offset = _page(limit, offset)
    since, until = _first_day(check_date(since, "since")), _last_day(check_date(until, "until"))
    where, params = [], []
    if actor and is_country_code(actor):
        where.append("speaker_country = ?")
        params.append(actor)
    elif actor:
        where.append("(speaker_actor = ? OR speaker_name LIKE ? ESCAPE '\\')")
        params += [actor.strip().lower(), like_pattern(actor.strip())]
    if country:
        where.append("speaker_country = ?")
        params.append(country)
    for op, value in ((">=", since), ("<=", until)):
        if value:
            where.append(f"published {op} ?")
            params.append(value)
    if q and q.strip():
        terms = parse_query(q)
        if not terms:
            return Page(0, [], limit, offset)
        # the index narrows to the articles; the quote's own folded text decides
        where.append("article_id IN (SELECT a.id FROM articles_fts JOIN articles a"
                     " ON a.search_rowid = articles_fts.rowid WHERE articles_fts MATCH ?)")
        params.append(fts_query(terms))
        return _quotes_saying(conn, where, params, terms, limit, offset)
    walk, total = None, None
    if country or (actor and is_country_code(actor)):
        # A common country (a third of all quotes are Saudi speakers'): the page is found
        # sooner by walking the newest articles than by sorting every quote of the country.
        total = conn.execute(f"SELECT COUNT(*) FROM quotes_view{where_sql(where)}", params).fetchone()[0]
        if total > WALK_FROM:
            walk = [w.replace("speaker_country = ?", "+speaker_country = ?") for w in where]
    return _view_page(conn, "quotes_view", "quote_index", where, params,
                      "published DESC, article_id DESC, quote_index", limit, offset, "quotes",
                      page_where=walk, total=total)


WALK_FROM = 2000  # matching quotes from which a page is found walking the newest articles
_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")  # ligatures fold to several letters


def _quotes_saying(conn, where: list[str], params: list, terms, limit: int, offset: int) -> Page:
    """The page of quotes (kept by ``where``) whose folded content holds every term: read
    once, checked here. A pattern over the original text (C speed) rules most quotes out
    before any is folded; the folded text decides, as ``fold(content) LIKE`` did."""
    phrases = [" ".join(t.words) for t in terms]
    patterns = [term_pattern(w) for t in terms for w in t.words]
    keys = []
    for article_id, index, published, content in conn.execute(
            f"SELECT article_id, quote_index, published, content FROM quotes_view{where_sql(where)}", params):
        content = content or ""
        if not _PRESENTATION.search(content) and not all(p.search(content) for p in patterns):
            continue
        folded = search_fold(content)
        if all(phrase in folded for phrase in phrases):
            keys.append((published or "", article_id, index))
    # newest first, then article id descending, then position in the article
    keys.sort(key=lambda k: k[2])
    keys.sort(key=lambda k: (k[0], k[1]), reverse=True)
    page = keys[offset:offset + limit]
    rows = {(r["article_id"], r["quote_index"]): dict(r) for r in conn.execute(
        "SELECT v.* FROM json_each(?) k CROSS JOIN quotes_view v ON v.article_id = json_extract(k.value, '$[0]')"
        " AND v.quote_index = json_extract(k.value, '$[1]')", (json.dumps([[a, i] for _, a, i in page]),))}
    return Page(len(keys), [rows[(a, i)] for _, a, i in page if (a, i) in rows], limit, offset)


def _view_page(conn, view: str, index: str, where: list[str], params: list, order: str,
               limit: int, offset: int, table: str, page_where: Optional[list[str]] = None,
               total: Optional[int] = None) -> Page:
    """A page of a view's rows: ordered and cut on the key columns, then the page's rows
    fetched whole (sorting whole rows of long texts would cost more than the query).
    ``page_where``: the same conditions written for another plan of the page's query."""
    if total is not None:
        pass
    elif where:
        total = conn.execute(f"SELECT COUNT(*) FROM {view}{where_sql(where)}", params).fetchone()[0]
    else:
        total = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    first = order.split()[0]  # the leading sort column, carried to the outer ORDER BY
    rows = conn.execute(
        f"SELECT v.* FROM (SELECT article_id, {index}, {first} FROM {view}{where_sql(page_where or where)}"
        f" ORDER BY {order} LIMIT ? OFFSET ?) AS k JOIN {view} v ON v.article_id = k.article_id"
        f" AND v.{index} = k.{index} ORDER BY {'k.' + order.replace(', ', ', k.')}",
        params + [limit, offset]).fetchall()
    return Page(total, [dict(r) for r in rows], limit, offset)


ACTOR_SORTS = ("articles", "mentions", "quotes", "events")


def list_actors(conn, q: Optional[str] = None, country: Optional[str] = None,
                limit: int = 50, offset: int = 0, sector: Optional[str] = None,
                sort: str = "articles") -> Page:
    """Actors across articles, the highest first by ``sort`` (one of :data:`ACTOR_SORTS`:
    articles naming them, mentions, quotes, events); ``q`` a part of a name or key."""
    if sort not in ACTOR_SORTS:
        raise FilterError(f"sort: {sort!r} is not one of {', '.join(ACTOR_SORTS)}")
    limit, offset = _page(limit, offset)
    where, params = [], []
    if q:
        # the names are scanned once, not once for the count and again for the page
        named = sorted({r[0] for r in conn.execute("SELECT actor_key FROM entities WHERE name_norm"
                                                   " LIKE ? ESCAPE '\\'", [like_pattern(" ".join(normalize(q).split()))])})
        where.append("(actor_key LIKE ? ESCAPE '\\' OR actor_key IN (SELECT value FROM json_each(?)))")
        params += [like_pattern(q.strip().lower()), json.dumps(named, ensure_ascii=False)]
    for column, value in (("country", country), ("sector", sector)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    sql = f"FROM actors{where_sql(where)}"
    total = conn.execute(f"SELECT COUNT(*) {sql}", params).fetchone()[0]
    rows = conn.execute(f"SELECT * {sql} ORDER BY {sort} DESC, actor_key LIMIT ? OFFSET ?",
                        params + [limit, offset]).fetchall()
    return Page(total, [dict(r) for r in rows], limit, offset)


def actor_sectors(conn) -> list[str]:
    """The sectors actors have (for a filter's choices)."""
    return [r[0] for r in conn.execute("SELECT DISTINCT sector FROM actors WHERE sector IS NOT NULL"
                                       " ORDER BY sector")]


def actor_profile(conn, key: str, limit: int = 100, quotes_offset: int = 0) -> Optional[dict]:
    """Everything about one actor (an actor key, or a country code): who it is, what it
    said (``limit`` quotes from ``quotes_offset``, ``quotes_total`` in all), the events it
    did and received, the actors it is seen with. None when unknown."""
    if is_country_code(key):
        info = {"actor_key": key, "country": key, "name": None, "name_en": None, "label": "country"}
        seen_sql = ("SELECT other AS actor_key, NULL AS name, COUNT(*) AS n FROM ("
                    " SELECT target_country AS other FROM events_view WHERE source_country = ?"
                    " UNION ALL SELECT source_country FROM events_view WHERE target_country = ?)"
                    " WHERE other IS NOT NULL AND other != ? GROUP BY other ORDER BY n DESC LIMIT 30")
        seen_params = [key, key, key]
    else:
        row = conn.execute("SELECT * FROM actors WHERE actor_key = ?", (key,)).fetchone()
        if row is None:
            return None
        info = dict(row)
        seen_sql = ("SELECT e2.actor_key, MAX(e2.name) AS name, COUNT(DISTINCT e2.article_id) AS n"
                    " FROM entities e1 JOIN entities e2 ON e2.article_id = e1.article_id"
                    " AND e2.actor_key != e1.actor_key WHERE e1.actor_key = ?"
                    " GROUP BY e2.actor_key ORDER BY n DESC, e2.actor_key LIMIT 30")
        seen_params = [key]
    code = is_country_code(key)
    did_where = "source_country = ?" if code else "source_actor = ?"
    got_where = "target_country = ?" if code else "target_actor = ?"
    said_where = "speaker_country = ?" if code else "speaker_actor = ?"

    def rows(sql: str, params: list) -> list[dict]:
        return [dict(r) for r in conn.execute(sql, params).fetchall()]

    quotes_offset = max(0, quotes_offset)
    info["quotes"] = rows(f"SELECT * FROM quotes_view WHERE {said_where} ORDER BY published DESC,"
                          " article_id DESC, quote_index LIMIT ? OFFSET ?", [key, limit, quotes_offset])
    info["quotes_total"] = conn.execute(f"SELECT COUNT(*) FROM quotes_view WHERE {said_where}",
                                        [key]).fetchone()[0]
    info["quotes_offset"] = quotes_offset
    info["did"] = rows(f"SELECT * FROM events_view WHERE {did_where} ORDER BY date_start DESC"
                       " LIMIT ?", [key, limit])
    info["received"] = rows(f"SELECT * FROM events_view WHERE {got_where} ORDER BY date_start DESC"
                            " LIMIT ?", [key, limit])
    info["seen_with"] = rows(seen_sql, seen_params)
    if code and not (info["quotes_total"] or info["did"] or info["received"]):
        return None
    return info


def network_edges(conn, filters: Optional[Filters] = None, by: str = "country",
                  max_edges: int = 150) -> list[dict]:
    """Who acts on whom: ``[{source, target, weight, types}, ...]``, heaviest first. Nodes are
    countries (``by="country"``) or actor keys (``by="actor"``)."""
    src, tgt = ("source_country", "target_country") if by == "country" else ("source_actor", "target_actor")
    where, params = (filters or Filters()).for_events()
    where += [f"{src} IS NOT NULL", f"{tgt} IS NOT NULL", f"{src} != {tgt}"]
    # Countries are in the events table itself: no need for the view's joins.
    source = ("(SELECT type, date_start, date_end, source_country, target_country FROM events)"
              if by == "country" and not (filters and (filters.actor or filters.outlet)) else "events_view")
    rows = conn.execute(f"SELECT {src} AS source, {tgt} AS target, COUNT(*) AS weight,"
                        f" group_concat(DISTINCT type) AS types FROM {source}{where_sql(where)}"
                        f" GROUP BY {src}, {tgt} ORDER BY weight DESC, source, target LIMIT ?",
                        params + [max_edges]).fetchall()
    return [dict(r) for r in rows]


def store_stats(conn) -> dict:
    """Counts of rows in the main tables."""
    return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("articles", "entities", "quotes", "events")}
