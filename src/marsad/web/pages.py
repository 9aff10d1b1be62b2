"""Server-rendered pages (Jinja2, autoescape on): home, search, article, actor, events,
network and the API documentation."""
from __future__ import annotations

import html
import json
import os
import re
import threading
from collections import OrderedDict
from importlib import resources
from typing import Optional

import jinja2
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from starlette.datastructures import QueryParams

from marsad.model import EVENT_TYPES
from marsad.store import facets as store_facets
from marsad.store import parts as store_parts
from marsad.store import queries, story_queries
from marsad.store.queries import Filters
from marsad.store.search import MAX_QUERY_CHARS, find_hits, parse_query
from marsad.store.watch import count_items, list_feeds, newest_items
from marsad.web import charts
from marsad.web.annotate import LABELS, actor_url, article_segments, part_marks, segments
from marsad.web.deps import connection
from marsad.web.downloads import FORMAT, download, page_meta
from marsad.web.labels import arabic, english

router = APIRouter(include_in_schema=False)
TEMPLATES = resources.files("marsad.web") / "templates"
PAGE = 20
PART_CHARS = 50_000  # characters of a long article's text per page (?part=N)
OUTLINES = 8  # long articles whose outline (record without text) a server process keeps
_OUTLINES_LOCK = threading.Lock()
ACTOR_PAGE = 50  # actors per page of the index
ACTOR_QUOTES = 100  # quotes per page of an actor's «what they said»
STORY_PAGE = 50  # stories per page of the listing
PLOVER = EVENT_TYPES
_CHECKS = {"date": re.compile(r"^\d{4}-\d{2}-\d{2}$"), "type": re.compile(r"^[A-Za-z]{1,20}$"),
           "country": re.compile(r"^(?:[A-Z]{3}|IGO)$"), "sector": re.compile(r"^[A-Z]{2,5}$")}

_env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                          autoescape=True, trim_blocks=True, lstrip_blocks=True)
_env.globals.update(actor_url=actor_url, country=charts.country_label, LABELS=LABELS, PLOVER=PLOVER,
                    date_span=charts.date_span, ar=arabic, en=english)
_env.filters["date_label"] = charts.date_label
# Crawled titles often carry HTML entities as text («&quot;»): shown as the characters they
# name (and escaped again by autoescape). The stored record is left as it was.
_env.filters["unentity"] = lambda text: html.unescape(text) if text else text


def render(name: str, request: Request, status: int = 200, **context) -> HTMLResponse:
    html = _env.get_template(name).render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def narrow(request: Request, param: str, value: str, path: Optional[str] = None) -> str:
    """The URL of this page (or of ``path``) with ``param`` set to ``value`` (a facet's link;
    ``day``: since and until that day), paging and download format dropped."""
    params = {k: v for k, v in request.query_params.multi_items() if k not in ("offset", "format")}
    if param == "day":
        params.update(since=value, until=value)
    else:
        params[param] = value
    return (path or request.url.path) + "?" + str(QueryParams({k: v for k, v in params.items() if v}))


def with_format(request: Request, fmt: str) -> str:
    """The URL of this page asking for a download in ``fmt`` (csv or json)."""
    params = {k: v for k, v in request.query_params.multi_items() if k != "format"}
    return request.url.path + "?" + str(QueryParams(list(params.items()) + [("format", fmt)]))


_env.globals.update(narrow=narrow, with_format=with_format)


def actor_names(conn, facets: list) -> dict:
    """Names of the actor keys among the facets' values (the actor facet's labels)."""
    keys = [v for f in facets if f.name == "actor" for v, _ in f.values]
    if not keys:
        return {}
    return dict(conn.execute("SELECT actor_key, name FROM actors WHERE actor_key IN"
                             " (SELECT value FROM json_each(?))", (_json_list(keys),)).fetchall())


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render("error.html", request, status=status, status_code=status, message=message)


def form_value(value: Optional[str], check: Optional[str] = None) -> Optional[str]:
    """An optional form field: empty means absent; a malformed value is a 422."""
    value = (value or "").strip()
    if not value:
        return None
    if check and not _CHECKS[check].match(value):
        raise HTTPException(422, f"malformed {check}: {value[:40]!r}")
    return value


_opt = form_value  # the name the page handlers use


def FIELD():
    """A fresh Query per parameter (FastAPI writes the parameter's name into it)."""
    return Query(None, max_length=100)


def FORMAT_FIELD():
    return Query("html", pattern=FORMAT, description="html (the page), csv or json: the rows shown")


@router.get("/", response_class=HTMLResponse)
async def home(request: Request):
    conn = connection(request)
    recent = queries.search_articles(conn, "", limit=PAGE)
    return render("home.html", request, recent=recent, stats=queries.store_stats(conn))


@router.get("/feeds", response_class=HTMLResponse)
async def feeds(request: Request, offset: int = Query(0, ge=0, le=1_000_000)):
    """What `marsad watch` is doing: its feeds and the newest articles it stored."""
    conn = connection(request)
    return render("feeds.html", request, feeds=list_feeds(conn), offset=offset, page=PAGE,
                  items=newest_items(conn, PAGE, offset), total=count_items(conn))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = Query("", max_length=MAX_QUERY_CHARS), actor: Optional[str] = FIELD(),
           type: Optional[str] = FIELD(), since: Optional[str] = FIELD(), until: Optional[str] = FIELD(),
           outlet: Optional[str] = FIELD(), country: Optional[str] = FIELD(),
           offset: int = Query(0, ge=0, le=1_000_000), format: str = FORMAT_FIELD()):
    filters = Filters(_opt(actor), _opt(type, "type"), _opt(since, "date"), _opt(until, "date"),
                      _opt(outlet), _opt(country, "country"))
    conn = connection(request)
    page = queries.search_articles(conn, q, filters, PAGE, offset)
    if format != "html":
        rows = [{"id": h.id, "title": h.title, "published": h.published, "outlet": h.outlet,
                 "url": h.url, "snippet": h.snippet.text} for h in page.items]
        meta = {"query": q, **page_meta(page)}
        if format == "json":  # the facets beside the results, as Datasette's JSON has them
            meta["facets"] = [f.to_dict() for f in store_facets.article_facets(conn, q, filters)]
        return download(format, "search", rows, meta=meta)
    facets = store_facets.article_facets(conn, q, filters)
    return render("search.html", request, q=q, filters=filters, page=page, PAGE=PAGE, facets=facets,
                  names=actor_names(conn, facets))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, q: str = Query("", max_length=MAX_QUERY_CHARS),
            part: int = Query(1, ge=1, le=1_000_000)):
    """An article with its annotations highlighted. Run in the thread pool (a plain
    function), and bounded: a text longer than :data:`PART_CHARS` is shown a part at a
    time (``?part=N``), and only that part is read, searched and highlighted."""
    conn = connection(request)
    article_id = article_id[:300]
    length = store_parts.text_length(conn, article_id)
    if length is None:
        raise HTTPException(404, "لا توجد مقالة بهذا المعرّف")  # no article with this id
    parts = max(1, -(-length // PART_CHARS))
    if part > parts:
        raise HTTPException(404, f"لا يوجد الجزء {part}: للمقالة {parts} أجزاء")  # no part N: the article has M parts
    if parts == 1:
        record = queries.get_article(conn, article_id)
        hits = find_hits(record.get("text") or "", parse_query(q)) if q else []
        shown = article_segments(record, hits)
    else:
        start = (part - 1) * PART_CHARS
        record, length = _outline(request, conn, article_id)
        text, mentions = store_parts.text_part(conn, article_id, start, PART_CHARS)
        hits = find_hits(text, parse_query(q)) if q else []
        shown = segments(text, part_marks(record, mentions, start, start + len(text), hits))
    entities = {e.get("id"): e for e in record.get("entities") or [] if isinstance(e, dict)}
    return render("article.html", request, r=record, q=q, entities=entities, segments=shown,
                  part=part, parts=parts, length=length,
                  story=story_queries.story_of(conn, record.get("id") or article_id),
                  labels_present=sorted({e.get("label") for e in entities.values()} & set(LABELS)))


def _outline(request: Request, conn, article_id: str) -> tuple[dict, int]:
    """:func:`marsad.store.parts.article_outline` of a long article, kept for its next parts (a few
    per server process, dropped when the store file changes)."""
    with _OUTLINES_LOCK:  # pages run in the thread pool
        kept = getattr(request.app.state, "outlines", None)
        if kept is None:
            kept = request.app.state.outlines = OrderedDict()
        stamp = (article_id, *_file_stamp(request.app.state.db_path))
        found = kept.get(stamp)
        if found is not None:
            kept.move_to_end(stamp)
            return found
    found = store_parts.article_outline(conn, article_id)
    if found is None:  # removed since its length was read
        raise HTTPException(404, "لا توجد مقالة بهذا المعرّف")  # no article with this id
    with _OUTLINES_LOCK:
        kept[stamp] = found
        while len(kept) > OUTLINES:
            kept.popitem(last=False)
    return found


def _file_stamp(db_path) -> tuple:
    """Size and time of the store's files: they change with every write."""
    stamp = []
    for path in (str(db_path), f"{db_path}-wal"):
        try:
            st = os.stat(path)
            stamp.append((st.st_size, st.st_mtime_ns))
        except OSError:
            stamp.append(None)
    return tuple(stamp)


QUOTE_COLUMNS = ["article_id", "quote_index", "published", "outlet", "kind", "speaker_name",
                 "speaker_name_en", "speaker_actor", "speaker_country", "speaker_sector",
                 "speaker_text", "cue", "content", "url"]
ACTOR_COLUMNS = ["actor_key", "name", "name_en", "label", "country", "sector", "role", "articles",
                 "mentions", "quotes", "events"]


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, q: Optional[str] = FIELD(), country: Optional[str] = FIELD(),
           sector: Optional[str] = FIELD(),
           sort: str = Query("articles", pattern="^(" + "|".join(queries.ACTOR_SORTS) + ")$"),
           offset: int = Query(0, ge=0, le=1_000_000), format: str = FORMAT_FIELD()):
    conn = connection(request)
    filters = {"q": _opt(q), "country": _opt(country, "country"), "sector": _opt(sector, "sector")}
    page = queries.list_actors(conn, filters["q"], filters["country"], ACTOR_PAGE, offset,
                               sector=filters["sector"], sort=sort)
    if format != "html":
        return download(format, "actors", page.items, ACTOR_COLUMNS, page_meta(page))
    return render("actors.html", request, page=page, f=filters, sort=sort,
                  sorts=queries.ACTOR_SORTS, sectors=queries.actor_sectors(conn))


@router.get("/actors/{key:path}", response_class=HTMLResponse)
def actor(request: Request, key: str, quotes_offset: int = Query(0, ge=0, le=1_000_000),
          format: str = FORMAT_FIELD()):
    conn = connection(request)
    if not key.strip("/"):
        return actors(request, None, None, None, "articles", 0, format)
    profile = (queries.actor_profile(conn, key[:300], ACTOR_QUOTES, quotes_offset)
               if len(key) <= 300 else None)
    if profile is None:
        raise HTTPException(404, "لا يوجد فاعل بهذا الاسم")  # no actor by this name
    said = queries.Page(profile["quotes_total"], profile["quotes"], ACTOR_QUOTES, quotes_offset)
    if format != "html":  # the list the page pages through: what the actor said
        return download(format, "actor-quotes", said.items, QUOTE_COLUMNS, page_meta(said))
    return render("actor.html", request, a=profile, key=key, said=said)


EVENT_COLUMNS = ["article_id", "event_index", "date", "source_name", "source_name_en", "source_actor",
                 "source_country", "source_sector", "type", "mode", "target_name", "target_name_en",
                 "target_actor", "target_country", "target_sector", "place_name", "place_country",
                 "lat", "lon", "published", "outlet", "url", "evidence"]


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, type: Optional[str] = FIELD(), country: Optional[str] = FIELD(),
           since: Optional[str] = FIELD(), until: Optional[str] = FIELD(),
           actor: Optional[str] = FIELD(), outlet: Optional[str] = FIELD(),
           offset: int = Query(0, ge=0, le=1_000_000), format: str = FORMAT_FIELD()):
    filters = Filters(type=_opt(type, "type"), country=_opt(country, "country"),
                      since=_opt(since, "date"), until=_opt(until, "date"), actor=_opt(actor),
                      outlet=_opt(outlet))
    conn = connection(request)
    page = queries.list_events(conn, filters, 100, offset)
    if format != "html":
        meta = page_meta(page)
        if format == "json":
            meta["facets"] = [f.to_dict() for f in store_facets.event_facets(conn, filters)]
        return download(format, "events", page.items, EVENT_COLUMNS, meta)
    chart = charts.timeline(queries.event_timeline(conn, filters))
    facets = store_facets.event_facets(conn, filters)
    return render("events.html", request, filters=filters, page=page, chart=chart, facets=facets,
                  names=actor_names(conn, facets))


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, by: str = Query("country", pattern="^(country|actor)$"),
            type: Optional[str] = FIELD(), since: Optional[str] = FIELD(),
            until: Optional[str] = FIELD(), format: str = FORMAT_FIELD()):
    filters = Filters(type=_opt(type, "type"), since=_opt(since, "date"), until=_opt(until, "date"))
    conn = connection(request)
    edges = queries.network_edges(conn, filters, by)
    if format != "html":
        return download(format, "network", edges, ["source", "target", "weight", "types"], {"by": by})
    if by == "country":
        names = {k: f"{charts.country_label(k)}" for e in edges for k in (e["source"], e["target"])}
    else:
        keys = {k for e in edges for k in (e["source"], e["target"])}
        names = {row[0]: row[1] for row in conn.execute(
            "SELECT actor_key, name FROM actors WHERE actor_key IN (SELECT value FROM json_each(?))",
            (_json_list(keys),))}
    graph = charts.network(edges, names=names)
    return render("network.html", request, graph=graph, by=by, filters=filters, edges=edges)


@router.get("/stories", response_class=HTMLResponse)
async def stories(request: Request, since: Optional[str] = FIELD(), until: Optional[str] = FIELD(),
                  min: int = Query(1, ge=1, le=100_000), offset: int = Query(0, ge=0, le=1_000_000)):
    filters = {"since": _opt(since, "date"), "until": _opt(until, "date"), "min": min}
    conn = connection(request)
    page = story_queries.list_stories(conn, filters["since"], filters["until"], STORY_PAGE,
                                      offset, min)
    return render("stories.html", request, page=page, f=filters)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str):
    conn = connection(request)
    found = story_queries.get_story(conn, story_id[:300])
    if found is None:
        raise HTTPException(404, "لا توجد قصة بهذا المعرّف")  # no story with this id
    return render("story.html", request, s=found)


@router.get("/docs", response_class=HTMLResponse)
async def docs(request: Request):
    spec = request.app.openapi()
    endpoints = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            endpoints.append({"method": method.upper(), "path": path, "summary": op.get("summary"),
                              "description": op.get("description"),
                              "parameters": [_param(p) for p in op.get("parameters", [])]})
    return render("docs.html", request, spec=spec, endpoints=endpoints)


def _param(p: dict) -> dict:
    schema = p.get("schema") or {}
    kinds = [s.get("type") for s in schema.get("anyOf", [schema]) if s.get("type") not in (None, "null")]
    limits = {k: schema[k] for k in ("maximum", "minimum", "maxLength", "pattern", "default") if k in schema}
    for alt in schema.get("anyOf", []):
        limits.update({k: alt[k] for k in ("maxLength", "pattern") if k in alt})
    return {"name": p.get("name"), "in": p.get("in"), "required": p.get("required", False),
            "type": "/".join(kinds) or "string", "description": p.get("description"), "limits": limits}


def _json_list(items) -> str:
    return json.dumps(sorted(items), ensure_ascii=False)
