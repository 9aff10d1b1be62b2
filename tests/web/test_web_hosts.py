"""The web app answers only to the names it serves (Host header), so a page of another site
whose name was pointed at 127.0.0.1 (DNS rebinding) cannot read the store through it."""
from __future__ import annotations

import http.client

import pytest

from marsad.store import open_store

pytest.importorskip("fastapi")


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("hosts") / "empty.db"
    open_store(path).close()
    return path


def _status(app, host: str) -> int:
    from fastapi.testclient import TestClient

    return TestClient(app).get("/static/marsad.svg", headers={"Host": host}).status_code


@pytest.mark.parametrize("host, status", [
    ("localhost", 200), ("localhost:8000", 200), ("127.0.0.1:8000", 200), ("[::1]:8000", 200),
    ("LOCALHOST", 200), ("evil.example", 400), ("evil.example:8000", 400),
    ("127.0.0.1.evil.example", 400), ("", 400)])
def test_web_hosts_default_names(empty_db, host, status):
    from marsad.web.app import create_app

    assert _status(create_app(empty_db), host) == status


def test_web_hosts_configurable(empty_db):
    from marsad.web.app import create_app

    app = create_app(empty_db, hosts=["news.example", "10.0.0.5"])
    assert _status(app, "news.example:8000") == 200 and _status(app, "10.0.0.5") == 200
    assert _status(app, "localhost") == 400
    assert _status(create_app(empty_db, hosts=["*"]), "anything.example") == 200


def test_web_hosts_served_refuses_a_rebound_name(server):
    host, port = server.split("//")[1].split(":")
    for name, status in [(f"{host}:{port}", 200), ("rebound.example", 400)]:
        conn = http.client.HTTPConnection(host, int(port), timeout=10)
        conn.request("GET", "/static/marsad.svg", headers={"Host": name})
        response = conn.getresponse()
        response.read()
        conn.close()
        assert response.status == status, name
