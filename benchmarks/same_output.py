"""Does a speed change keep every output? Writes, for N articles, their marsad/1 records and a
digest of every table of a store they were ingested into (the full-text index, actors,
signatures, stories...: no timestamps), so that two versions of the code can be compared:

    PYTHONPATH=<old checkout>/src python benchmarks/same_output.py /tmp/before.jsonl
    PYTHONPATH=src python benchmarks/same_output.py /tmp/after.jsonl --against /tmp/before.jsonl

``--source watch`` takes the watch benchmark's 1,000 pages (read by the HTML reader),
``--source corpus`` the SaudiNewsNet articles after them, read as plain articles.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "watch"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import SAUDINEWSNET  # noqa: E402
from feedsite import corpus_articles, page_html  # noqa: E402

STAMPS = {"ingested_at", "first_seen", "last_tried", "fired_at", "last_poll", "last_ok"}


def articles(source: str, n: int) -> list:
    from marsad.model import Article
    from marsad.readers.html import html_article

    if source == "watch":
        return [html_article(page_html(a).encode(), f"page{i}", url=f"http://site/{i}", id=f"p{i}")
                for i, a in enumerate(corpus_articles(SAUDINEWSNET, n))]
    rest = corpus_articles(SAUDINEWSNET, 1000 + n)[1000:]
    return [Article(text=a["content"], title=a["title"], id=f"c{i}", url=a.get("url"),
                    outlet=a.get("source"), published=(a.get("date_extracted") or "")[:10] or None)
            for i, a in enumerate(rest)]


def table_lines(conn) -> list[str]:
    """One line per table: its name, row count and a digest of its sorted rows."""
    out = []
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"
                                        " AND name NOT LIKE 'articles_fts_%' ORDER BY name")]
    for table in names:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        select = ", ".join("NULL" if c in STAMPS else f'"{c}"' for c in columns)
        if table == "articles_fts":
            select = "rowid, title, body, extra"
        rows = sorted(json.dumps([v.hex() if isinstance(v, bytes) else v for v in row], ensure_ascii=False)
                      for row in conn.execute(f"SELECT {select} FROM {table}"))
        digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()
        out.append(json.dumps({"table": table, "rows": len(rows), "sha256": digest}))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--source", choices=("watch", "corpus"), default="watch")
    parser.add_argument("--against", type=Path, help="an earlier output to compare with")
    args = parser.parse_args()
    from marsad.pipeline.build import keep, load
    from marsad.store import ingest_articles, open_store
    from marsad.watch.loop import Analyser

    nlp = keep(load())
    items = articles(args.source, args.n)
    analyse = Analyser(nlp)
    lines = [json.dumps(r.to_dict(), ensure_ascii=False, sort_keys=True) for r in analyse(items)]
    analyse.close()
    with tempfile.TemporaryDirectory() as tmp:
        conn = open_store(Path(tmp) / "store.db")
        ingest_articles(conn, items, analyse=Analyser(nlp))
        lines += table_lines(conn)
        conn.close()
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(items)} records and {len(lines) - len(items)} tables")
    if args.against:
        before = args.against.read_text(encoding="utf-8").splitlines()
        differ = [i for i, (a, b) in enumerate(zip(before, lines)) if a != b]
        if len(before) != len(lines) or differ:
            where = differ[0] if differ else min(len(before), len(lines))
            raise SystemExit(f"outputs differ: {len(differ)} lines, the first at line {where + 1}")
        print(f"identical to {args.against}")


if __name__ == "__main__":
    main()
