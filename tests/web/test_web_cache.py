"""The response cache serves a GET again until the store file changes."""
import asyncio
import os

from marsad.web.cache import ResponseCache


def make_app(counter):
    async def app(scope, receive, send):
        counter.append(1)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": f"answer {len(counter)}".encode()})
    return app


def get(app, path="/api/events", query=b"type=ACCUSE", method="GET"):
    sent = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": method, "path": path, "query_string": query}
    asyncio.run(app(scope, None, send))
    return sent[-1]["body"].decode()


def test_web_cache_serves_again_until_store_changes(tmp_path):
    db = tmp_path / "store.db"
    db.write_bytes(b"v1")
    calls = []
    app = ResponseCache(make_app(calls), str(db), size=4)
    assert get(app) == "answer 1" and get(app) == "answer 1" and len(calls) == 1
    assert get(app, query=b"type=REJECT") == "answer 2"  # another query is another entry
    db.write_bytes(b"v2 longer")  # an ingest wrote to the store
    os.utime(db, ns=(1, 1))
    assert get(app) == "answer 3"
    assert get(app, method="HEAD") == "answer 4" and get(app, method="HEAD") == "answer 5"  # GET only
