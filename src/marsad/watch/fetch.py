"""HTTP for watch: one httpx client with a clear User-Agent, timeouts, retries with
backoff on passing failures, a minimum delay between two requests to the same host, and
robots.txt (read with the same client, through :mod:`urllib.robotparser`).

Nothing here raises for a failed request: :meth:`Fetcher.get` returns a :class:`Fetched`
whose ``error`` says what went wrong and ``transient`` whether trying later may help.
"""
from __future__ import annotations

import random
import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import urlsplit

import httpx

from marsad import __version__

USER_AGENT = f"marsad/{__version__} (Arabic news monitor; marsad watch)"
ROBOTS_TTL = 3600.0  # seconds a host's robots.txt is trusted
ROBOTS_RETRY = 60.0  # seconds before an unreachable robots.txt is asked again
MAX_CRAWL_DELAY = 60.0  # a robots.txt Crawl-delay beyond this is held to it
RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass
class Fetched:
    """The outcome of one GET: the response (``status``, ``headers``, ``content``, final
    ``url``) or an ``error`` (no response, or one cut short), ``transient`` when it may go
    away (timeouts, connection failures, 5xx, 429)."""

    url: str
    status: Optional[int] = None
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes = b""
    error: Optional[str] = None
    transient: bool = False

    @property
    def charset(self) -> Optional[str]:
        ctype = self.headers.get("content-type", "")
        for part in ctype.split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip('"\'')
        return None


class HostGate:
    """At most one request start per host every ``delay`` seconds (a host's robots.txt
    Crawl-delay may ask for more); requests to other hosts do not wait."""

    def __init__(self, delay: float):
        self.delay = delay
        self.extra: dict[str, float] = {}
        self.next: dict[str, float] = {}
        self.lock = threading.Lock()

    def wait(self, host: str) -> None:
        with self.lock:
            now = time.monotonic()
            start = max(now, self.next.get(host, 0.0))
            self.next[host] = start + max(self.delay, self.extra.get(host, 0.0))
        if start > now:
            time.sleep(start - now)


class Fetcher:
    """GETs with politeness. ``delay``: seconds between two requests to one host;
    ``timeout``: seconds for connecting and for each read; ``retries``: further tries after
    a passing failure, ``backoff`` × 2ⁿ seconds apart (or the server's Retry-After, up to
    30 s); ``max_bytes``: a longer body is an error; ``robots``: respect robots.txt."""

    def __init__(self, *, user_agent: str = USER_AGENT, delay: float = 1.0, timeout: float = 10.0,
                 retries: int = 2, backoff: float = 0.5, max_bytes: int = 20 << 20,
                 robots: bool = True, transport: Optional[httpx.BaseTransport] = None):
        self.user_agent = user_agent
        self.timeout, self.retries, self.backoff, self.max_bytes = timeout, retries, backoff, max_bytes
        self.gate = HostGate(delay)
        self.use_robots = robots
        self.robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser]] = {}
        self.robots_lock = threading.Lock()
        self.client = httpx.Client(headers={"User-Agent": user_agent}, timeout=timeout,
                                   follow_redirects=True, max_redirects=5, transport=transport,
                                   limits=httpx.Limits(max_connections=20, max_keepalive_connections=20))

    def close(self) -> None:
        self.client.close()

    # --- GET ---------------------------------------------------------------------------

    def get(self, url: str, headers: Optional[dict[str, str]] = None, retries: Optional[int] = None) -> Fetched:
        """GET ``url`` (with extra ``headers``: a conditional GET's validators), trying
        again after a passing failure."""
        retries = self.retries if retries is None else retries
        host = urlsplit(url).netloc.lower()
        result = Fetched(url)
        for attempt in range(retries + 1):
            self.gate.wait(host)
            result = self._get_once(url, headers)
            if not result.transient or attempt == retries:
                return result
            time.sleep(self._pause(result, attempt))
        return result

    def _get_once(self, url: str, headers: Optional[dict[str, str]]) -> Fetched:
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                out = Fetched(str(response.url), response.status_code,
                              {k.lower(): v for k, v in response.headers.items()})
                if response.status_code in RETRY_STATUS:
                    out.error, out.transient = f"HTTP {response.status_code}", True
                    return out
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        out.error = f"larger than {self.max_bytes >> 20} MB"
                        return out
                    chunks.append(chunk)
                out.content = b"".join(chunks)
                return out
        except httpx.TimeoutException:
            return Fetched(url, error=f"timed out (no answer within {self.timeout:g} s)", transient=True)
        except httpx.TooManyRedirects:
            return Fetched(url, error="too many redirects")
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            return Fetched(url, error=f"not a URL that can be fetched ({exc})")
        except httpx.TransportError as exc:
            return Fetched(url, error=f"cannot connect ({type(exc).__name__}: {exc})", transient=True)

    def _pause(self, result: Fetched, attempt: int) -> float:
        after = result.headers.get("retry-after", "")
        if after.isdigit():
            return min(float(after), 30.0)
        return self.backoff * (2 ** attempt) * (1 + random.random() / 4)

    # --- robots.txt --------------------------------------------------------------------

    def allowed(self, url: str) -> tuple[bool, Optional[str]]:
        """Whether robots.txt lets marsad fetch ``url``; when not, why (the reason starts
        with ``retry:`` when robots.txt could not be read, which may pass)."""
        if not self.use_robots:
            return True, None
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}".lower()
        with self.robots_lock:
            cached = self.robots.get(site)
            if cached is None or cached[0] < time.monotonic():
                cached = self.robots[site] = self._read_robots(site)
        expires, parser = cached
        if getattr(parser, "unreachable", None):
            return False, f"retry: robots.txt of {site} could not be read ({parser.unreachable})"
        if parser.can_fetch(self.user_agent, url):
            return True, None
        return False, f"robots.txt of {site} disallows it"

    def _read_robots(self, site: str) -> tuple[float, urllib.robotparser.RobotFileParser]:
        """RFC 9309: a robots.txt that is missing (4xx) allows everything; 401/403 are read
        as disallowing everything (as :mod:`urllib.robotparser` does); one that cannot be
        reached (5xx, no connection) disallows everything until it is asked again."""
        parser = urllib.robotparser.RobotFileParser(site + "/robots.txt")
        fetched = self.get(site + "/robots.txt", retries=1)
        ttl = ROBOTS_TTL
        if fetched.status == 200 and not fetched.error:
            parser.parse(fetched.content.decode("utf-8", errors="replace").splitlines())
            delay = parser.crawl_delay(self.user_agent)
            if delay:
                self.gate.extra[urlsplit(site).netloc] = min(float(delay), MAX_CRAWL_DELAY)
        elif fetched.status in (401, 403):
            parser.disallow_all = True
        elif fetched.status is not None and 400 <= fetched.status < 500:
            parser.allow_all = True
        else:
            parser.unreachable = fetched.error or f"HTTP {fetched.status}"  # type: ignore[attr-defined]
            ttl = ROBOTS_RETRY
        return time.monotonic() + ttl, parser
