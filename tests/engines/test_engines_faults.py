"""A worker process that dies loses nothing: its articles are analysed again in a fresh
pool, the article that kills a worker twice becomes an error record, and workers do not
outlive the process that started them. The deaths are made by the test-only fault hook
``MARSAD_TEST_WORKER_EXIT_ON`` (a worker exits on an article with one of these ids)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from marsad.engines.local import FAULT_ENV, process_parallel
from marsad.model import Article
from marsad.store import open_store

pytestmark = pytest.mark.faults


def _article(i: int) -> Article:
    # "The spokesman said that meeting no. i was held in Moscow."
    return Article(id=f"a-{i:02d}", text=f"قال المتحدث إن الاجتماع رقم {i} عقد في موسكو.",
                   published="2023-09-13")


def _codes(record) -> list[str]:
    return [e.code for e in record.errors]


def test_engines_faults_dead_worker_loses_nothing(monkeypatch):
    monkeypatch.setenv(FAULT_ENV, "a-13")
    articles = [_article(i) for i in range(30)]
    records = list(process_parallel(articles, jobs=2, batch=4))
    assert [r.id for r in records] == [a.id for a in articles]  # none lost, none twice, in order
    assert _codes(records[13]) == ["worker_died"]
    assert all(not r.errors for i, r in enumerate(records) if i != 13)


def _write_input(path, n: int) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            a = _article(i)
            out.write(json.dumps({"id": a.id, "text": a.text, "published": a.published},
                                 ensure_ascii=False) + "\n")


def _ingest(src, db, env):
    return subprocess.run([sys.executable, "-m", "marsad.cli.main", "ingest", str(src), "--db",
                           str(db), "--jobs", "2", "-q"],
                          capture_output=True, text=True, env=env, timeout=300)


def test_engines_faults_ingest_goes_on_and_a_rerun_retries(tmp_path):
    src, db = tmp_path / "in.jsonl", tmp_path / "s.db"
    _write_input(src, 40)
    env = {**os.environ, FAULT_ENV: "a-05,a-33"}
    done = _ingest(src, db, env)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    conn = open_store(db)
    rows = conn.execute("SELECT article_id, code FROM errors ORDER BY article_id").fetchall()
    assert [tuple(r) for r in rows] == [("a-05", "worker_died"), ("a-33", "worker_died")]
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 40
    conn.close()

    env.pop(FAULT_ENV)  # the fault has passed: the same command analyses those two again
    again = _ingest(src, db, env)
    assert again.returncode == 0, again.stderr
    conn = open_store(db)
    assert conn.execute("SELECT count(*) FROM errors").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 40
    conn.close()


# Runs the local engine over an endless, slow input and prints its workers' process ids.
PARENT = textwrap.dedent("""
    import itertools, multiprocessing, time
    from marsad.engines.local import process_parallel
    from marsad.model import Article
    def endless():
        for i in itertools.count():
            time.sleep(0.05)
            yield Article(id=str(i), text="قال المتحدث إن الاجتماع عقد في موسكو.")
    for n, record in enumerate(process_parallel(endless(), jobs=2, batch=2)):
        if n == 4:
            print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
""")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_engines_faults_workers_die_with_their_parent(sig):
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    try:
        workers = [int(p) for p in parent.stdout.readline().split()]
        assert workers, "no worker processes"
        assert all(_alive(p) for p in workers)
        parent.send_signal(sig)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(p) for p in workers)
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()


def test_engines_faults_workers_that_cannot_start_are_one_error():
    # The pipeline cannot be built in the workers (here: an unknown setting): a named
    # error after one retry, not an endless restart.
    from marsad.engines.local import EngineError

    with pytest.raises(EngineError, match="could not start"):
        list(process_parallel([_article(i) for i in range(5)], jobs=2, settings={"no_such": 1}))



@pytest.fixture(scope="module")
def dask_cluster():
    """A local Dask cluster of two worker processes, spawned with the fault hook set (as
    --engine dask starts one: a task runs again once after a death)."""
    pytest.importorskip("dask.distributed")
    import dask
    from dask.distributed import LocalCluster

    from marsad.engines.dask import ALLOWED_FAILURES

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(FAULT_ENV, "a-05,s-1")  # the workers are spawned with this environment
        with dask.config.set({"distributed.scheduler.allowed-failures": ALLOWED_FAILURES}):
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
        with cluster:
            yield cluster.scheduler_address


def test_engines_faults_dask_dead_worker_loses_nothing(dask_cluster):
    """The batch holding the article that kills its worker is run again by the scheduler,
    then article by article; that article becomes a worker_died record and the run goes on
    (with the next test, about 17-45 s on a busy 2-core machine: six worker restarts)."""
    from marsad.engines.dask import process_dask

    articles = [_article(i) for i in range(12)]
    records = list(process_dask(articles, {}, scheduler=dask_cluster, batch=4))
    assert [r.id for r in records] == [a.id for a in articles]  # none lost, none twice, in order
    assert _codes(records[5]) == ["worker_died"]
    assert all(not r.errors for i, r in enumerate(records) if i != 5)


def test_engines_faults_dask_shard_that_kills_workers_is_not_written(dask_cluster, tmp_path):
    """With --shard-dir, the file whose task kills workers gets no shard and one Error line
    (exit code 1); the other file's shard is written."""
    from click.testing import CliRunner

    from marsad.cli.main import cli

    text = _article(0).text
    (tmp_path / "bad.jsonl").write_text("".join(
        json.dumps({"id": f"s-{i}", "text": text}, ensure_ascii=False) + "\n" for i in range(3)),
        encoding="utf-8")  # s-1 kills its worker
    (tmp_path / "good.jsonl").write_text(json.dumps({"id": "g", "text": text}, ensure_ascii=False)
                                         + "\n", encoding="utf-8")
    out = tmp_path / "shards"
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "bad.jsonl"), str(tmp_path / "good.jsonl"),
                                      "--engine", "dask", "--scheduler", dask_cluster,
                                      "--shard-dir", str(out)])
    assert result.exit_code == 1, result.output
    assert f"Error: {tmp_path / 'bad.jsonl'}: Dask worker processes died" in result.stderr
    assert "1 shards written (0 already done, 1 not written)" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["good.jsonl.marsad.jsonl"]
