"""The web application: server-rendered pages (Arabic, right to left) and a JSON API over a
store opened read-only. Build it with :func:`create_app`; ``marsad serve`` runs it."""
from __future__ import annotations

from importlib import resources
from pathlib import Path
import os
import threading
from typing import Union

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


def create_app(db_path: Union[str, Path], cache_size: int = 1024) -> "SecurityHeaders":
    """The application over the store at ``db_path`` (checked now, opened read-only per
    thread), wrapped in :class:`SecurityHeaders`; the FastAPI app is its ``.app``."""
    from marsad.web import api, pages
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
    return SecurityHeaders(app, cached)


class SecurityHeaders:
    """ASGI middleware adding :data:`_HEADERS` to every response (a plain ASGI wrapper: the
    ``@app.middleware`` kind costs a task per request)."""

    def __init__(self, app: FastAPI, inner=None):
        self.app = inner or app  # what is called: the app, or a middleware around it
        self.state = app.state  # tests and servers reach the app's state through the wrapper
        self._extra = [(k.lower().encode(), v.encode()) for k, v in _HEADERS.items()]

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in self._extra if k not in present]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def app_from_env() -> "SecurityHeaders":
    """:func:`create_app` over the store named by ``MARSAD_DB`` (for server worker
    processes, which import the application by name)."""
    return create_app(os.environ["MARSAD_DB"], int(os.environ.get("MARSAD_CACHE_SIZE", "1024")))


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/openapi.json"))
