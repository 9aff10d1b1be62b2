"""Alerts: rules (a TOML file) naming conditions on an article's actors, countries, event
types, outlet and words; a stored article that matches a rule writes one JSON line to a
file and/or POSTs it to a URL, once per rule and article (recorded in ``alerts_fired``).

::

    file = "alerts.jsonl"              # default output of every rule (relative: to this file)

    [[rule]]
    name = "russia-korea"
    actors = ["بوتين", "kim jong un"]  # a name or part of one, Arabic or English, or an actor key
    countries = ["PRK"]                # an actor, event source/target or place of that country
    events = ["CONSULT", "AGREE"]      # PLOVER types
    outlets = ["tishreen"]             # the article's outlet, or its site's host name
    words = ["قمة"]                    # words or phrases of the title or text (folded as search folds)
    match = "all"                      # every condition named must hold ("any": one is enough)
    post = "http://127.0.0.1:9000/hook"

Within one condition, one of its values is enough.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import urlsplit

from marsad.errors import InputError
from marsad.model import EVENT_TYPES
from marsad.store import watch as kept
from marsad.store.search import search_fold
from marsad.watch.fetch import Fetcher

CONDITIONS = ("actors", "countries", "events", "outlets", "words")
MAX_ATTEMPTS = 5  # deliveries of one alert tried before it is left as failed
# proclitics a word may carry in the text («روسيا» matches «لروسيا», «وروسيا»)
_PREFIX = "(?:[وف]?(?:[بلك]|ال|بال|لل|كال)?|[وف])"


@dataclass
class Rule:
    name: str
    actors: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    match: str = "all"
    file: Optional[Path] = None
    post: Optional[str] = None

    def __post_init__(self) -> None:
        self._words = [re.compile(rf"(?<!\w){_PREFIX}{re.escape(w)}(?!\w)")
                       for w in (search_fold(x) for x in self.words) if w]
        self._actors = [(" ".join(a.lower().split()), search_fold(a)) for a in self.actors]

    def matches(self, record: dict) -> Optional[dict]:
        """What in ``record`` satisfies the rule (condition → values found), or None."""
        found = {}
        for name in CONDITIONS:
            if getattr(self, name):
                found[name] = getattr(self, f"_{name}_in")(record)
        hits = [bool(v) for v in found.values()]
        ok = all(hits) if self.match == "all" else any(hits)
        return {k: v for k, v in found.items() if v} if hits and ok else None

    def _actors_in(self, record: dict) -> list[str]:
        out = []
        for ent in _dicts(record.get("entities")):
            name, name_en = ent.get("name") or "", (ent.get("name_en") or "").lower()
            folded = search_fold(name)
            for lower, fold in self._actors:
                if (lower and lower in name_en) or (fold and fold in folded):
                    out.append(name)
                    break
        return sorted(set(out))

    def _countries_in(self, record: dict) -> list[str]:
        codes = {c.upper() for c in self.countries}
        seen = {e.get("country") for e in _dicts(record.get("entities"))}
        seen |= {p.get("country") for p in _dicts(record.get("places"))}
        for ev in _dicts(record.get("events")):
            for part in ("source", "target", "place"):
                seen.add((ev.get(part) or {}).get("country") if isinstance(ev.get(part), dict) else None)
        return sorted(c for c in seen if c in codes)

    def _events_in(self, record: dict) -> list[str]:
        return sorted({e.get("type") for e in _dicts(record.get("events")) if e.get("type") in self.events})

    def _outlets_in(self, record: dict) -> list[str]:
        outlet = (record.get("outlet") or "").casefold()
        host = urlsplit(record.get("url") or "").netloc.lower()
        return [o for o in self.outlets
                if o.casefold() == outlet or (host and (host == o.lower() or host.endswith("." + o.lower())))]

    def _words_in(self, record: dict) -> list[str]:
        text = search_fold((record.get("title") or "") + "\n" + (record.get("text") or ""))
        return [w for w, pattern in zip(self.words, self._words) if pattern.search(text)]


def load_rules(path: str | Path) -> list[Rule]:
    """The rules of a TOML file; anything wrong raises :class:`InputError` naming the file,
    the rule and the reason."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read the alert rules ({exc.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a TOML file of alert rules ({exc})") from None
    unknown = set(data) - {"rule", "file", "post"}
    if unknown:
        raise InputError(f"{path}: unknown top-level key(s) {', '.join(sorted(unknown))} "
                         "(expected [[rule]] tables, and default file/post)")
    items = data.get("rule")
    if not isinstance(items, list) or not items:
        raise InputError(f"{path}: no [[rule]] table")
    rules, names = [], set()
    for n, item in enumerate(items, 1):
        where = f"{path}: rule {n}" + (f" ({item.get('name')!r})" if isinstance(item, dict) and item.get("name") else "")
        rule = _rule(item, where, path.parent, data.get("file"), data.get("post"))
        if rule.name in names:
            raise InputError(f"{where}: a second rule named {rule.name!r} (names must differ: "
                             "each alert fires once per rule and article)")
        names.add(rule.name)
        rules.append(rule)
    return rules


def _rule(item, where: str, base: Path, file, post) -> Rule:
    if not isinstance(item, dict):
        raise InputError(f"{where}: not a table")
    unknown = set(item) - {"name", "match", "file", "post", *CONDITIONS}
    if unknown:
        raise InputError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} "
                         f"(conditions: {', '.join(CONDITIONS)}; outputs: file, post)")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise InputError(f"{where}: needs a name (a non-empty string)")
    values = {}
    for key in CONDITIONS:
        value = item.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise InputError(f"{where}: {key} must be a list of non-empty strings")
        values[key] = [v.strip() for v in value]
    if not any(values.values()):
        raise InputError(f"{where}: names no condition ({', '.join(CONDITIONS)})")
    bad = [t for t in values["events"] if t.upper() not in EVENT_TYPES]
    if bad:
        raise InputError(f"{where}: unknown event type(s) {', '.join(bad)} "
                         f"(PLOVER: {', '.join(EVENT_TYPES)})")
    values["events"] = [t.upper() for t in values["events"]]
    match = item.get("match", "all")
    if match not in ("all", "any"):
        raise InputError(f"{where}: match must be \"all\" or \"any\", not {match!r}")
    file, post = item.get("file", file), item.get("post", post)
    if file is not None and (not isinstance(file, str) or not file.strip()):
        raise InputError(f"{where}: file must be a path")
    if post is not None and (not isinstance(post, str) or urlsplit(post).scheme not in ("http", "https")):
        raise InputError(f"{where}: post must be an http(s) URL")
    if not file and not post:
        raise InputError(f"{where}: no output: give file (JSON Lines) and/or post (a URL)")
    return Rule(name=name.strip(), match=match, file=(base / file) if file else None, post=post,
                **values)


class Alerts:
    """Checks stored articles against the rules and delivers what matches, once per rule
    and article. The alert is recorded ``pending`` before it is delivered and ``sent``
    after; a run killed in between delivers it again when it starts: its line is not
    written again when the file already ends with it (:func:`written`), its POST is sent
    again (at least once)."""

    def __init__(self, rules: list[Rule], conn: sqlite3.Connection, fetcher: Fetcher,
                 say: Callable[[str], None]):
        self.rules, self.conn, self.fetcher, self.say = rules, conn, fetcher, say
        self.fired = 0

    def check(self, article_id: str) -> None:
        """Fire every rule the stored article matches and has not fired for."""
        record = None
        for rule in self.rules:
            if kept.alert_state(self.conn, rule.name, article_id) is not None:
                continue
            if record is None:
                text = kept.record_of(self.conn, article_id)
                record = json.loads(text) if text else {}
                if not (record.get("text") or "").strip():
                    return  # an error record reports nothing to alert on
            found = rule.matches(record)
            if found:
                kept.set_alert(self.conn, rule.name, article_id, "pending")
                self._deliver(rule, record, found)

    def retry(self) -> None:
        """Deliver again the alerts left pending or failed (fewer than MAX_ATTEMPTS tries)."""
        rules = {r.name: r for r in self.rules}
        for row in kept.unsent_alerts(self.conn, MAX_ATTEMPTS):
            rule = rules.get(row["rule"])
            text = kept.record_of(self.conn, row["article_id"])
            if rule and text:
                record = json.loads(text)
                self._deliver(rule, record, rule.matches(record) or {}, again=True)

    def _deliver(self, rule: Rule, record: dict, found: dict, again: bool = False) -> None:
        line = alert_line(rule, record, found)
        problems = []
        if rule.file and not (again and written(rule.file, rule.name, record["id"])):
            try:
                with open(rule.file, "a", encoding="utf-8") as out:
                    out.write(line + "\n")
                    out.flush()
                    os.fsync(out.fileno())
            except OSError as exc:
                problems.append(f"{rule.file}: {exc.strerror or exc}")
        if rule.post:
            problem = self._post(rule.post, line)
            if problem:
                problems.append(problem)
        if problems:
            detail = "; ".join(problems)
            self.say(f"alert {rule.name!r} on {record.get('id')}: not delivered: {detail}")
            kept.set_alert(self.conn, rule.name, record["id"], "failed", detail)
        else:
            kept.set_alert(self.conn, rule.name, record["id"], "sent")
            self.fired += 1

    def _post(self, url: str, line: str) -> Optional[str]:
        import httpx

        try:
            response = self.fetcher.client.post(url, content=line.encode("utf-8"),
                                                headers={"Content-Type": "application/json"})
        except httpx.HTTPError as exc:
            return f"POST {url}: {type(exc).__name__}: {exc}"
        if not 200 <= response.status_code < 300:
            return f"POST {url}: HTTP {response.status_code}"
        return None


def written(path: Path, rule: str, article_id: str, tail: int = 1 << 20) -> bool:
    """Whether the end of the alerts file (its last ``tail`` bytes) already holds the line
    of this rule and article: a run killed after writing it and before recording it, or an
    alert whose POST failed after its line was written, is not written twice."""
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - tail))
            data = f.read().decode("utf-8", errors="replace")
    except OSError:
        return False
    key = json.dumps({"rule": rule, "article": article_id}, ensure_ascii=False)[1:-1]
    return key in data


def alert_line(rule: Rule, record: dict, found: dict) -> str:
    """The JSON of one alert: the rule, the article (id, title, url, outlet, date) and what
    matched."""
    return json.dumps({"rule": rule.name, "article": record.get("id"), "title": record.get("title"),
                       "url": record.get("url"), "outlet": record.get("outlet"),
                       "published": record.get("published"), "matched": found,
                       "fired_at": kept.now()}, ensure_ascii=False)


def _dicts(items) -> list[dict]:
    return [x for x in (items or []) if isinstance(x, dict)]
