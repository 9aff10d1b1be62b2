"""Server-rendered pages (Jinja2, autoescape on): home, search, article, actor, events,
network and the API documentation."""
from __future__ import annotations

import html
import json
import re
from importlib import resources
from typing import Optional

import jinja2
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from marsad.model import EVENT_TYPES
from marsad.store import queries
from marsad.store.queries import Filters
from marsad.store.search import MAX_QUERY_CHARS, find_hits, parse_query
from marsad.store.watch import count_items, list_feeds, newest_items
from marsad.web import charts
from marsad.web.annotate import LABELS, actor_url, article_segments
from marsad.web.deps import connection

router = APIRouter(include_in_schema=False)
TEMPLATES = resources.files("marsad.web") / "templates"
PAGE = 20
ACTOR_PAGE = 50  # actors per page of the index
ACTOR_QUOTES = 100  # quotes per page of an actor's «what they said»
PLOVER = EVENT_TYPES
_CHECKS = {"date": re.compile(r"^\d{4}-\d{2}-\d{2}$"), "type": re.compile(r"^[A-Za-z]{1,20}$"),
           "country": re.compile(r"^(?:[A-Z]{3}|IGO)$"), "sector": re.compile(r"^[A-Z]{2,5}$")}

_env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                          autoescape=True, trim_blocks=True, lstrip_blocks=True)
_env.globals.update(actor_url=actor_url, country=charts.country_label, LABELS=LABELS, PLOVER=PLOVER,
                    date_span=charts.date_span)
_env.filters["date_label"] = charts.date_label
# Crawled titles often carry HTML entities as text («&quot;»): shown as the characters they
# name (and escaped again by autoescape). The stored record is left as it was.
_env.filters["unentity"] = lambda text: html.unescape(text) if text else text


def render(name: str, request: Request, status: int = 200, **context) -> HTMLResponse:
    html = _env.get_template(name).render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=status)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render("error.html", request, status=status, status_code=status, message=message)


def _opt(value: Optional[str], check: Optional[str] = None) -> Optional[str]:
    """An optional form field: empty means absent; a malformed value is a 422."""
    value = (value or "").strip()
    if not value:
        return None
    if check and not _CHECKS[check].match(value):
        raise HTTPException(422, f"malformed {check}: {value[:40]!r}")
    return value


def FIELD():
    """A fresh Query per parameter (FastAPI writes the parameter's name into it)."""
    return Query(None, max_length=100)


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
async def search(request: Request, q: str = Query("", max_length=MAX_QUERY_CHARS), actor: Optional[str] = FIELD(),
           type: Optional[str] = FIELD(), since: Optional[str] = FIELD(), until: Optional[str] = FIELD(),
           outlet: Optional[str] = FIELD(), offset: int = Query(0, ge=0, le=1_000_000)):
    filters = Filters(_opt(actor), _opt(type, "type"), _opt(since, "date"), _opt(until, "date"),
                      _opt(outlet))
    conn = connection(request)
    page = queries.search_articles(conn, q, filters, PAGE, offset)
    return render("search.html", request, q=q, filters=filters, page=page, PAGE=PAGE)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
async def article(request: Request, article_id: str, q: str = Query("", max_length=MAX_QUERY_CHARS)):
    conn = connection(request)
    record = queries.get_article(conn, article_id[:300])
    if record is None:
        raise HTTPException(404, "لا توجد مقالة بهذا المعرّف")  # no article with this id
    hits = find_hits(record.get("text") or "", parse_query(q)) if q else []
    entities = {e.get("id"): e for e in record.get("entities") or [] if isinstance(e, dict)}
    return render("article.html", request, r=record, q=q, entities=entities,
                  segments=article_segments(record, hits),
                  labels_present=sorted({e.get("label") for e in entities.values()} & set(LABELS)))


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, q: Optional[str] = FIELD(), country: Optional[str] = FIELD(),
           sector: Optional[str] = FIELD(),
           sort: str = Query("articles", pattern="^(" + "|".join(queries.ACTOR_SORTS) + ")$"),
           offset: int = Query(0, ge=0, le=1_000_000)):
    conn = connection(request)
    filters = {"q": _opt(q), "country": _opt(country, "country"), "sector": _opt(sector, "sector")}
    page = queries.list_actors(conn, filters["q"], filters["country"], ACTOR_PAGE, offset,
                               sector=filters["sector"], sort=sort)
    return render("actors.html", request, page=page, f=filters, sort=sort,
                  sorts=queries.ACTOR_SORTS, sectors=queries.actor_sectors(conn))


@router.get("/actors/{key:path}", response_class=HTMLResponse)
def actor(request: Request, key: str, quotes_offset: int = Query(0, ge=0, le=1_000_000)):
    conn = connection(request)
    if not key.strip("/"):
        return actors(request, None, None, None, "articles", 0)
    profile = (queries.actor_profile(conn, key[:300], ACTOR_QUOTES, quotes_offset)
               if len(key) <= 300 else None)
    if profile is None:
        raise HTTPException(404, "لا يوجد فاعل بهذا الاسم")  # no actor by this name
    said = queries.Page(profile["quotes_total"], profile["quotes"], ACTOR_QUOTES, quotes_offset)
    return render("actor.html", request, a=profile, key=key, said=said)


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, type: Optional[str] = FIELD(), country: Optional[str] = FIELD(),
           since: Optional[str] = FIELD(), until: Optional[str] = FIELD(),
           offset: int = Query(0, ge=0, le=1_000_000)):
    filters = Filters(type=_opt(type, "type"), country=_opt(country, "country"),
                      since=_opt(since, "date"), until=_opt(until, "date"))
    conn = connection(request)
    page = queries.list_events(conn, filters, 100, offset)
    chart = charts.timeline(queries.event_timeline(conn, filters))
    return render("events.html", request, filters=filters, page=page, chart=chart)


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, by: str = Query("country", pattern="^(country|actor)$"),
            type: Optional[str] = FIELD(), since: Optional[str] = FIELD(),
            until: Optional[str] = FIELD()):
    filters = Filters(type=_opt(type, "type"), since=_opt(since, "date"), until=_opt(until, "date"))
    conn = connection(request)
    edges = queries.network_edges(conn, filters, by)
    if by == "country":
        names = {k: f"{charts.country_label(k)}" for e in edges for k in (e["source"], e["target"])}
    else:
        keys = {k for e in edges for k in (e["source"], e["target"])}
        names = {row[0]: row[1] for row in conn.execute(
            "SELECT actor_key, name FROM actors WHERE actor_key IN (SELECT value FROM json_each(?))",
            (_json_list(keys),))}
    graph = charts.network(edges, names=names)
    return render("network.html", request, graph=graph, by=by, filters=filters, edges=edges)


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
