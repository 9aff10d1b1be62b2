"""The analyst's desk pages: what was said (quotes), outlets, places, the attention a query
gets over time, and the map. Each list offers ``?format=csv|json`` of the rows it shows."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from marsad.store import desk, queries
from marsad.store import facets as store_facets
from marsad.store.queries import Filters
from marsad.store.search import MAX_QUERY_CHARS
from marsad.web import charts, maps
from marsad.web.deps import connection
from marsad.web.downloads import download, page_meta
from marsad.web.pages import FIELD, FORMAT_FIELD, QUOTE_COLUMNS, actor_names, form_value, render

router = APIRouter(include_in_schema=False)
QUOTES_PAGE = 50
PLACES_PAGE = 50
MAX_SERIES = 5  # queries side by side on the attention chart
PLACE_COLUMNS = ["key", "name", "name_en", "country", "kind", "lat", "lon", "articles", "mentions"]
OUTLET_COLUMNS = ["outlet", "articles", "first", "last", "quotes", "events"]


def OFFSET():
    return Query(0, ge=0, le=1_000_000)


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request, q: str = Query("", max_length=MAX_QUERY_CHARS), speaker: Optional[str] = FIELD(),
           country: Optional[str] = FIELD(), since: Optional[str] = FIELD(), until: Optional[str] = FIELD(),
           offset: int = OFFSET(), format: str = FORMAT_FIELD()):
    """Statements searched by what was said (``q``), who said it (a name or actor key) and
    the speaker's country."""
    f = {"q": q.strip(), "speaker": form_value(speaker), "country": form_value(country, "country"),
         "since": form_value(since, "date"), "until": form_value(until, "date")}
    conn = connection(request)
    page = queries.list_quotes(conn, f["speaker"], f["since"], f["until"], QUOTES_PAGE, offset,
                               q=f["q"], country=f["country"])
    if format != "html":
        return download(format, "quotes", page.items, QUOTE_COLUMNS, page_meta(page))
    return render("quotes.html", request, page=page, f=f)


@router.get("/outlets", response_class=HTMLResponse)
def outlets(request: Request, format: str = FORMAT_FIELD()):
    conn = connection(request)
    rows = desk.list_outlets(conn)
    if format != "html":
        return download(format, "outlets", rows, OUTLET_COLUMNS, {"total": len(rows)})
    return render("outlets.html", request, rows=rows)


@router.get("/places", response_class=HTMLResponse)
def places(request: Request, q: Optional[str] = FIELD(), country: Optional[str] = FIELD(),
           kind: Optional[str] = Query(None, pattern="^[a-z_]{0,20}$"),
           sort: str = Query("articles", pattern="^(" + "|".join(desk.PLACE_SORTS) + ")$"),
           offset: int = OFFSET(), format: str = FORMAT_FIELD()):
    conn = connection(request)
    f = {"q": form_value(q), "country": form_value(country, "country"), "kind": form_value(kind)}
    page = desk.list_places(conn, f["q"], f["country"], f["kind"], sort, PLACES_PAGE, offset)
    if format != "html":
        return download(format, "places", page.items, PLACE_COLUMNS, page_meta(page))
    return render("places.html", request, page=page, f=f, sort=sort, kinds=desk.place_kinds(conn))


@router.get("/attention", response_class=HTMLResponse)
def attention(request: Request, q: list[str] = Query([], max_length=MAX_QUERY_CHARS),
              since: Optional[str] = FIELD(), until: Optional[str] = FIELD(),
              outlet: Optional[str] = FIELD(), format: str = FORMAT_FIELD()):
    """The share of each day's articles that match each query (up to five side by side),
    with the actors and places most named in the articles of the first query."""
    queries_ = [x.strip() for x in q if x and x.strip()]
    if len(queries_) > MAX_SERIES:
        raise HTTPException(422, f"q: at most {MAX_SERIES} queries side by side")
    filters = Filters(since=form_value(since, "date"), until=form_value(until, "date"), outlet=form_value(outlet))
    conn = connection(request)
    days = desk.day_counts(conn, filters)
    series = [(x, desk.attention(conn, x, filters, days)) for x in queries_]
    if format != "html":
        rows = [{"query": x, "day": day, "articles": n, "of": of, "share": round(n / of, 6) if of else None}
                for x, counts in series for day, (n, of) in counts.items()]
        return download(format, "attention", rows, ["query", "day", "articles", "of", "share"],
                        {"queries": queries_})
    chart = charts.attention(series)
    top = []
    if queries_:
        # the facets and the places share the budget of one list's facets
        found = store_facets.article_facets(conn, queries_[0], filters, budget_ms=store_facets.BUDGET_MS * .6)
        top = [f for f in found if f.name in ("actor", "country")]
        top.append(store_facets.top_places(conn, queries_[0], filters, budget_ms=store_facets.BUDGET_MS * .4))
    return render("attention.html", request, queries=queries_, chart=chart, top=top,
                  names=actor_names(conn, top), filters=filters, slots=range(MAX_SERIES))


@router.get("/map", response_class=HTMLResponse)
def world_map(request: Request, what: str = Query("events", pattern="^(events|places)$"),
              type: Optional[str] = FIELD(), since: Optional[str] = FIELD(), until: Optional[str] = FIELD(),
              format: str = FORMAT_FIELD()):
    """Counts per country drawn on the world map: events with the country as source or
    target (each country links to its events), or articles naming the country, a place in
    it or an actor of it (linking to those articles); dots for the places of events."""
    filters = Filters(type=form_value(type, "type") if what == "events" else None,
                      since=form_value(since, "date"), until=form_value(until, "date"))
    conn = connection(request)
    counts = desk.country_counts(conn, what, filters)
    if format != "html":
        rows = [{"country": c, "n": n} for c, n in sorted(counts.items(), key=lambda cn: -cn[1])]
        return download(format, f"map-{what}", rows, ["country", "n"], {"what": what})
    points = desk.event_points(conn, filters) if what == "events" else []
    drawing = maps.choropleth(counts, points)
    return render("map.html", request, m=drawing, what=what, filters=filters,
                  ranked=sorted(counts.items(), key=lambda cn: -cn[1])[:30])
