"""Every engine gives the same records in the same order."""
import json

import pytest

from marsad.engines import analyse
from marsad.model import Article, ErrorInfo
from marsad.writers import encode


@pytest.fixture(scope="module")
def articles(dev_path):
    gold = [json.loads(line) for line in dev_path.read_text(encoding="utf-8").splitlines()]
    items = [Article(text=g["text"], id=g["id"], title=g["title"], published=g["published"]) for g in gold]
    items.insert(3, Article(text="", id="broken", errors=[]))  # an empty article in the middle
    return items


@pytest.fixture(scope="module")
def local_records(articles):
    return [r.to_json() for r in analyse(articles, {})]


def test_engines_local_processes_give_identical_records_in_order(articles, local_records):
    parallel = [r.to_json() for r in analyse(articles, {}, jobs=2)]
    assert parallel == local_records


def test_engines_dask_gives_identical_records_in_order(articles, local_records):
    pytest.importorskip("dask.distributed")
    on_dask = [r.to_json() for r in analyse(articles, {}, jobs=2, engine="dask")]
    assert on_dask == local_records


@pytest.mark.parametrize("jobs, engine", [(1, "local"), (2, "local"), (2, "dask")])
def test_engines_encode_in_the_worker_gives_the_same_json(articles, local_records, jobs, engine):
    # extract asks workers for JSON lines instead of record objects: same text, same order,
    # and the error flag of each record.
    if engine == "dask":
        pytest.importorskip("dask.distributed")
    unreadable = Article(text="", id="unreadable", errors=[ErrorInfo("read_failed", "bad bytes")])
    lines = list(analyse(articles + [unreadable], {}, jobs=jobs, engine=engine, encode=encode))
    assert [line.text for line in lines[:-1]] == local_records
    assert [line.failed for line in lines] == [False] * len(local_records) + [True]
