"""The JSON API under /api. Every listing takes ``limit`` (at most 200) and ``offset`` and
returns ``{"total", "limit", "offset", "items"}``."""
from __future__ import annotations

import json
from typing import Optional

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response

from marsad.store import queries, story_queries
from marsad.store.queries import Filters
from marsad.store.search import MAX_QUERY_CHARS
from marsad.store.watch import count_items, list_feeds, newest_items
from marsad.web.deps import connection

def _known_params(request: Request) -> None:
    """A query parameter the endpoint does not take is an error, not silently ignored
    (``/api/quotes?speaker=الجبير`` would list every quote)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = {p.alias for p in dependant.query_params}
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise HTTPException(status_code=400, detail=(
            f"unknown query parameter{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}; "
            f"{request.url.path} takes: {', '.join(sorted(known)) or 'none'}"))


router = APIRouter(prefix="/api", tags=["api"], dependencies=[Depends(_known_params)])


def _json(data) -> Response:
    """JSON straight from plain data (our rows are JSON-ready: no encoder pass needed)."""
    return Response(json.dumps(data, ensure_ascii=False), media_type="application/json")

DATE = r"^\d{4}-\d{2}-\d{2}$"


# A fresh Query per parameter: FastAPI writes the parameter's name into the object it gets.
def Q():
    return Query("", max_length=MAX_QUERY_CHARS, description='Words to find (all of them); "a phrase"; word*.')


def ACTOR():
    return Query(None, max_length=100, description="An actor: a name, an actor key or a country code (RUS).")


def TYPE():
    return Query(None, pattern=r"^[A-Za-z]{1,20}$", description="A PLOVER event type, e.g. CONSULT.")


def COUNTRY():
    return Query(None, pattern=r"^(?:[A-Z]{3}|IGO)$", description="ISO 3166-1 alpha-3 code or IGO.")


def SINCE():
    return Query(None, pattern=DATE, description="On or after this date (YYYY-MM-DD).")


def UNTIL():
    return Query(None, pattern=DATE, description="On or before this date (YYYY-MM-DD).")


def SECTOR():
    return Query(None, pattern=r"^[A-Z]{2,5}$", description="A sector code, e.g. GOV, MIL.")


def SORT():
    return Query("articles", pattern="^(" + "|".join(queries.ACTOR_SORTS) + ")$",
                 description="Order: articles, mentions, quotes or events (highest first).")


def OUTLET():
    return Query(None, max_length=100)


def LIMIT():
    return Query(20, ge=1, le=queries.MAX_PAGE)


def OFFSET():
    return Query(0, ge=0, le=1_000_000)


@router.get("/articles", summary="Search articles")
async def articles(request: Request, q: str = Q(), actor: Optional[str] = ACTOR(), type: Optional[str] = TYPE(),
             since: Optional[str] = SINCE(), until: Optional[str] = UNTIL(),
             outlet: Optional[str] = OUTLET(), limit: int = LIMIT(), offset: int = OFFSET()) -> Response:
    """Articles matching ``q`` and the filters, best first (newest first without ``q``). Each
    item has a snippet of the original text with ``highlights`` as [start, end) offsets into
    the snippet."""
    conn = connection(request)
    page = queries.search_articles(conn, q, Filters(actor, type, since, until, outlet), limit, offset)
    return _json(page.to_dict())


@router.get("/articles/{article_id}", summary="One article's marsad/1 record")
def article(request: Request, article_id: str = Path(..., max_length=300)) -> Response:
    """The marsad/1 record of the article, exactly as stored."""
    conn = connection(request)
    raw = queries.get_record(conn, article_id)
    if raw is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return Response(raw, media_type="application/json")


@router.get("/feeds", summary="What marsad watch is doing")
async def feeds(request: Request, limit: int = LIMIT(), offset: int = OFFSET()) -> Response:
    """The feeds ``marsad watch`` polls (URL, title, last poll, status, error, HTTP status,
    polls, entries, new items at the last poll, items stored and failed), those with a
    problem first, and ``newest``: the articles it stored, newest first (a listing)."""
    conn = connection(request)
    items = newest_items(conn, limit, offset)
    return _json({"feeds": list_feeds(conn),
                  "newest": {"total": count_items(conn), "limit": limit, "offset": offset,
                             "items": items}})


@router.get("/events", summary="List events")
async def events(request: Request, type: Optional[str] = TYPE(), country: Optional[str] = COUNTRY(),
           actor: Optional[str] = ACTOR(), since: Optional[str] = SINCE(),
           until: Optional[str] = UNTIL(), outlet: Optional[str] = OUTLET(),
           article: Optional[str] = Query(None, max_length=300),
           limit: int = LIMIT(), offset: int = OFFSET()) -> Response:
    """Events in the event-data shape (date, source actor, type, mode, target actor, place,
    evidence), newest first."""
    filters = Filters(actor, type, since, until, outlet, country)
    conn = connection(request)
    return _json(queries.list_events(conn, filters, limit, offset, article_id=article).to_dict())


@router.get("/quotes", summary="List quotes")
async def quotes(request: Request, q: str = Query("", max_length=MAX_QUERY_CHARS,
                 description="Only quotes whose content holds all these words (folded as search folds)."),
                 actor: Optional[str] = ACTOR(), since: Optional[str] = SINCE(),
                 until: Optional[str] = UNTIL(), limit: int = LIMIT(), offset: int = OFFSET()) -> Response:
    """Attributed statements with their resolved speaker, newest first."""
    conn = connection(request)
    return _json(queries.list_quotes(conn, actor, since, until, limit, offset, q=q).to_dict())


@router.get("/actors", summary="List actors")
async def actors(request: Request, q: Optional[str] = Query(None, max_length=100), country: Optional[str] = COUNTRY(),
           sector: Optional[str] = SECTOR(), sort: str = SORT(), limit: int = LIMIT(),
           offset: int = OFFSET()) -> Response:
    """Actors across articles (one per actor key), the highest first by ``sort``: articles
    naming them (default), mentions, quotes or events."""
    conn = connection(request)
    return _json(queries.list_actors(conn, q, country, limit, offset, sector=sector, sort=sort).to_dict())


@router.get("/actors/{key:path}", summary="One actor")
def actor(request: Request, key: str) -> Response:
    """An actor (actor key or country code): what it said, the events it did and received,
    the actors it is seen with."""
    conn = connection(request)
    profile = queries.actor_profile(conn, key[:300]) if len(key) <= 300 else None
    if profile is None:
        raise HTTPException(404, f"no actor {key[:300]!r}")
    return _json(profile)


@router.get("/network", summary="Who acts on whom")
def network(request: Request, by: str = Query("country", pattern="^(country|actor)$"), type: Optional[str] = TYPE(),
            since: Optional[str] = SINCE(), until: Optional[str] = UNTIL()) -> Response:
    """Edges source → target with the number of events and their types."""
    conn = connection(request)
    edges = queries.network_edges(conn, Filters(type=type, since=since, until=until), by)
    return _json({"by": by, "edges": edges})


@router.get("/stories", summary="List stories")
async def stories(request: Request, since: Optional[str] = SINCE(), until: Optional[str] = UNTIL(),
                  min_articles: int = Query(1, ge=1, le=100_000,
                                            description="Only stories of at least this many articles."),
                  limit: int = LIMIT(), offset: int = OFFSET()) -> Response:
    """Stories (articles about the same news: copies across outlets, rewrites, follow-ups),
    newest first by their last day, with the numbers of articles, outlets, merged events
    and quotes. ``since``/``until`` keep the stories whose days overlap the range."""
    conn = connection(request)
    return _json(story_queries.list_stories(conn, since, until, limit, offset, min_articles).to_dict())


@router.get("/stories/{story_id}", summary="One story")
def story(request: Request, story_id: str = Path(..., max_length=300)) -> Response:
    """A story: its articles, its events merged per (source, type, target) with the
    articles and outlets reporting each and every evidence span, reactions by country and
    actor (statements and stance), and its most named actors and places."""
    conn = connection(request)
    found = story_queries.get_story(conn, story_id)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return _json(found)
