"""Benchmark of `marsad watch` against a local site (127.0.0.1) of generated Arabic feeds
whose pages hold SaudiNewsNet articles (read in place from ../shared):

1. a first poll of FEEDS × ITEMS new items, pages fetched, read (trafilatura) and analysed
   (the full pipeline) and stored: articles/s, the watcher pinned to one core (the site is
   another process, on the other core);
2. an idle poll (nothing new: every feed answers 304): seconds;
3. KILLS runs of the real command, each killed with SIGKILL at a random moment while the
   feeds grow between them, then a last run with --once: items lost and duplicated.

    .venv/bin/python benchmarks/watch.py [--feeds 50] [--items 20] [--kills 10]
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "watch"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import SAUDINEWSNET  # noqa: E402
from feedsite import Site, build_site, corpus_articles, page_html  # noqa: E402


def serve(conn, feeds: int, items: int, cpu: int | None) -> None:
    """The site, in its own process: build the feeds, send their URLs, serve until told."""
    if cpu is not None:
        os.sched_setaffinity(0, {cpu})
    articles = corpus_articles(SAUDINEWSNET, feeds * items)
    site = Site().start()
    conn.send(build_site(site, articles, feeds, items))
    conn.recv()
    site.stop()


def cpu_seconds() -> float:
    """CPU time of this process so far, all its threads (the pipeline's and the fetchers')."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def interpreter() -> str:
    """Which Python runs the benchmark, since figures of two builds do not compare
    (docs/watch.md, "Benchmark", session 13: pyenv's default build, without PGO or LTO and with
    a shared libpython, used about 8 % more CPU for the same poll than Debian's python3.11)."""
    try:
        maps = Path("/proc/self/maps").read_text()
        linked = "libpython (shared library)" if "libpython" in maps else "no shared libpython (static build)"
    except OSError:
        linked = "libpython unknown"
    return f"{sys.executable} ({sys.version.split()[0]}, {linked})"


def throughput(args) -> None:
    from marsad.pipeline.build import keep, load
    from marsad.store import open_store
    from marsad.watch.fetch import Fetcher
    from marsad.watch.loop import Analyser, Watcher

    cpus = sorted(os.sched_getaffinity(0))
    one_core = len(cpus) > 1 and not args.all_cores and args.jobs == 1
    parent, child = mp.Pipe()
    server = mp.Process(target=serve, args=(child, args.feeds, args.items, cpus[-1] if one_core else None))
    server.start()
    urls = parent.recv()
    if one_core:
        os.sched_setaffinity(0, {cpus[0]})
    started = time.perf_counter()
    nlp = keep(load())
    if args.jobs > 1:  # the analysis in worker processes (marsad watch --jobs)
        from marsad.engines.local import Workers

        workers = Workers(args.jobs)
    print(f"python: {interpreter()}")
    print(f"pipeline loaded in {time.perf_counter() - started:.1f} s; watcher on "
          f"{'core ' + str(cpus[0]) if one_core else 'all cores'}, site in another process")
    with tempfile.TemporaryDirectory() as tmp:
        conn = open_store(Path(tmp) / "watch.db")
        fetcher = Fetcher(delay=0.0, timeout=10.0)
        analyse = workers if args.jobs > 1 else Analyser(nlp)
        watcher = Watcher(conn, urls, fetcher, analyse, say=print, workers=args.workers)
        if args.parts:  # CPU seconds part by part (benchmarks/watch_parts.py)
            from watch_parts import Parts

            parts = Parts()
            parts.install(nlp)
        load, cpu = os.getloadavg()[0], cpu_seconds()
        first = watcher.poll()
        cpu = cpu_seconds() - cpu
        stored = conn.execute("SELECT COUNT(*) FROM articles WHERE n_errors = 0").fetchone()[0]
        print(f"first poll: {first}")
        print(f"  {stored} articles stored in {first.seconds:.1f} s: "
              f"{stored / first.seconds:.1f} articles/s (fetch, read, analyse, store); the watcher "
              f"used {cpu:.1f} s of CPU ({stored / cpu:.1f} articles per CPU-second); load average "
              f"{load:.2f} before, {os.getloadavg()[0]:.2f} after")
        if args.parts:
            print("where the first poll's CPU went:\n" + parts.table(cpu))
        idle = [watcher.poll() for _ in range(3)]
        print(f"idle polls ({args.feeds} feeds, all 304): "
              + ", ".join(f"{p.seconds:.3f} s" for p in idle))
        watcher.close()
        if args.jobs > 1:
            workers.close()
            print(f"  (with --jobs {args.jobs} the CPU time above is the watcher's own; its workers' is not in it)")
        fetcher.close()
        conn.close()
        # the same articles, already read, through `ingest` alone (pipeline + store, batches of 100)
        from marsad.readers.html import html_article
        from marsad.store import ingest_articles

        pages = [html_article(page_html(a).encode(), f"page{i}", url=f"http://site/{i}", id=f"p{i}")
                 for i, a in enumerate(corpus_articles(SAUDINEWSNET, args.feeds * args.items))]
        conn = open_store(Path(tmp) / "ingest.db")
        started, cpu = time.perf_counter(), cpu_seconds()
        stats = ingest_articles(conn, pages, analyse=Analyser(nlp))
        seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
        print(f"the same {stats.added} articles through ingest alone (no HTTP, batches of 100): "
              f"{seconds:.1f} s, {stats.added / seconds:.1f} articles/s ({cpu:.1f} s of CPU); "
              f"load average {os.getloadavg()[0]:.2f}")
        conn.close()
    parent.send("stop")
    server.join()


def kills(args) -> None:
    rng = random.Random(args.seed)
    articles = corpus_articles(SAUDINEWSNET, 200)
    site = Site().start()
    published: dict[str, str] = {}  # url → title

    def grow(n: int) -> None:
        for f in range(args.kill_feeds):
            for _ in range(n):
                i = sum(1 for u in published if f"/k/{f}/" in u)
                path = f"/k/{f}/{i}.html"
                title = f"خبر {f}-{i}"
                site.set(path, page_html(articles[(f * 31 + i) % len(articles)] | {"title": title}))
                published[site.base + path] = title
            items = [{"title": t, "link": u, "guid": u} for u, t in published.items() if f"/k/{f}/" in u]
            site.feed(f"/kf/{f}.xml", f"صحيفة {f}", items[::-1])  # newest first; all of them

    with tempfile.TemporaryDirectory() as tmp:
        feeds_file = Path(tmp) / "feeds.txt"
        feeds_file.write_text("".join(f"{site.base}/kf/{f}.xml\n" for f in range(args.kill_feeds)))
        db = Path(tmp) / "kills.db"
        command = [sys.executable, "-m", "marsad.cli.main", "watch", str(feeds_file), "--db", str(db),
                   "--interval", "1", "--delay", "0", "-q", "--jobs", str(args.jobs)]
        killed = 0
        for run in range(args.kills):
            grow(rng.randint(2, 5))
            proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(1.5, 6.0))
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                killed += 1
            proc.wait()
        before = len(published)
        stored_by_killed = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        grow(2)
        subprocess.run(command + ["--once"], check=True, stderr=subprocess.DEVNULL)
        conn = sqlite3.connect(db)
        rows = conn.execute("SELECT url, content_hash FROM articles").fetchall()
        urls = [u for u, _ in rows]
        lost = len(set(published) - set(urls))
        duplicated = len(urls) - len(set(urls)) + len(rows) - len({h for _, h in rows})
        errors = conn.execute("SELECT COUNT(*) FROM articles WHERE n_errors > 0").fetchone()[0]
        print(f"{args.kills} runs ({killed} killed with SIGKILL at a random moment, the feeds "
              f"growing between them) + a last --once: {len(published)} items published, "
              f"{len(set(urls))} stored, {lost} lost, {duplicated} duplicated, {errors} error records "
              f"({stored_by_killed} of the first {before} stored by the killed runs)")
    site.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--all-cores", action="store_true", help="do not pin the watcher to one core")
    parser.add_argument("--jobs", type=int, default=1,
                        help="analyse in this many worker processes (as watch --jobs; all cores)")
    parser.add_argument("--kills", type=int, default=10)
    parser.add_argument("--kill-feeds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=22)
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--parts", action="store_true",
                        help="time the first poll's parts (CPU per thread; about 0.03 s of wrappers)")
    args = parser.parse_args()
    if not SAUDINEWSNET.exists():
        raise SystemExit(f"{SAUDINEWSNET} is missing: the benchmark needs ../shared")
    if not args.skip_throughput:
        throughput(args)
    if args.kills:
        kills(args)


if __name__ == "__main__":
    main()
