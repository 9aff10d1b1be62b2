"""The web application: server-rendered pages (Arabic, right to left) and a JSON API over a
store opened read-only. Build it with :func:`create_app`; ``marsad serve`` runs it."""
from __future__ import annotations

from importlib import resources
from pathlib import Path
import os
import threading
from typing import Iterable, Optional, Union

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__
from marsad.store.db import open_store
from marsad.store.queries import FilterError

PACKAGE = resources.files("marsad.web")
# Only our own files: no inline script, no remote asset, nothing framed elsewhere.
_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                               "script-src 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


# The names a request may carry in its Host header by default: a page of another site whose
# name was made to point at 127.0.0.1 (DNS rebinding) sends its own name and is refused.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


def create_app(db_path: Union[str, Path], cache_size: int = 1024,
               hosts: Optional[Iterable[str]] = LOCAL_HOSTS) -> "SecurityHeaders":
    """The application over the store at ``db_path`` (checked now, opened read-only per
    thread), wrapped in :class:`SecurityHeaders`; the FastAPI app is its ``.app``. A request
    whose Host header (without its port) is none of ``hosts`` gets a 400 (``hosts=None``:
    any name; ``"*"`` among them: any name too)."""
    from marsad.web import api, browse, pages
    from marsad.web.cache import ResponseCache

    open_store(db_path, readonly=True).close()  # fail early on a missing or foreign file
    app = FastAPI(title="marsad", version=__version__, docs_url=None, redoc_url=None,
                  description="Arabic news as structured data: articles, actors, quotes and "
                              "PLOVER events with evidence. Read-only.")
    app.state.db_path = str(db_path)
    app.state.local = threading.local()
    app.mount("/static", StaticFiles(directory=str(PACKAGE / "static")), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(browse.router)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return pages.error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(FilterError)
    async def bad_filter(request: Request, exc: FilterError):
        # «since=2015-13-01» has the form of a date but is none: a 422, as for a malformed one
        return await http_error(request, StarletteHTTPException(422, str(exc)))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        problems = [{"loc": list(e.get("loc", ())), "msg": e.get("msg")} for e in exc.errors()]
        if _wants_json(request):
            return JSONResponse({"detail": problems}, status_code=422)
        text = "; ".join(f"{'.'.join(map(str, p['loc'][1:]))}: {p['msg']}" for p in problems)
        return pages.error_page(request, 422, text)

    cached = ResponseCache(app, str(db_path), cache_size) if cache_size else None
    return SecurityHeaders(app, cached, hosts)


class SecurityHeaders:
    """ASGI middleware adding :data:`_HEADERS` to every response and refusing a request
    whose Host header names none of ``hosts`` (a plain ASGI wrapper: the
    ``@app.middleware`` kind costs a task per request)."""

    def __init__(self, app: FastAPI, inner=None, hosts: Optional[Iterable[str]] = LOCAL_HOSTS):
        self.app = inner or app  # what is called: the app, or a middleware around it
        self.state = app.state  # tests and servers reach the app's state through the wrapper
        self._extra = [(k.lower().encode(), v.encode()) for k, v in _HEADERS.items()]
        names = {h.strip().lower().strip("[]") for h in hosts or ()}
        self.hosts = None if hosts is None or "*" in names else names

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        if self.hosts is not None and host_name(scope) not in self.hosts:
            return await _bad_host(send) if scope["type"] == "http" else None
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in self._extra if k not in present]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def host_name(scope) -> str:
    """The name in a request's Host header, in lower case, without port or IPv6 brackets."""
    raw = next((v for k, v in scope.get("headers", ()) if k == b"host"), b"").decode("latin-1")
    raw = raw.strip().lower()
    if raw.startswith("["):  # [::1]:8000
        return raw[1:raw.find("]")] if "]" in raw else raw
    return raw.rsplit(":", 1)[0] if raw.count(":") == 1 else raw


async def _bad_host(send) -> None:
    body = b"Invalid Host header: this server answers only to the names it was started for\n"
    await send({"type": "http.response.start", "status": 400,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def app_from_env() -> "SecurityHeaders":
    """:func:`create_app` over the store named by ``MARSAD_DB`` (for server worker
    processes, which import the application by name), answering to the names in
    ``MARSAD_HOSTS`` (comma-separated; default :data:`LOCAL_HOSTS`)."""
    hosts = os.environ.get("MARSAD_HOSTS")
    return create_app(os.environ["MARSAD_DB"], int(os.environ.get("MARSAD_CACHE_SIZE", "1024")),
                      hosts=hosts.split(",") if hosts else LOCAL_HOSTS)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi.json"))
