"""The HTTP API over a store of the sample articles: reads, filters, pages, writes behind the key, errors as JSON."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rasd.api import create_app
from tests.api.conftest import KEY, copy_of


@pytest.fixture()
def client(samples_db: str) -> TestClient:
    return TestClient(create_app(samples_db, api_key=KEY), raise_server_exceptions=False)


def test_articles_page_through_the_store(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 4}).json()
    rest = client.get("/api/articles", params={"limit": 4, "offset": 4}).json()
    assert first["total"] == rest["total"] == 6 and len(first["items"]) == 4 and len(rest["items"]) == 2
    ids = [a["id"] for a in first["items"] + rest["items"]]
    assert sorted(ids) == [f"sample-0{n}" for n in range(1, 7)]
    article = client.get(f"/api/articles/{ids[0]}").json()
    text = article["article"]["text"]
    for event in article["events"]:  # every span the API gives points into the stored text
        for mention in event["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


def test_events_are_merged_filtered_and_found_by_id(client: TestClient) -> None:
    every = client.get("/api/events").json()
    assert every["total"] == len(every["items"]) > 5
    assaults = client.get("/api/events", params={"type": "ASSAULT"}).json()["items"]
    assert assaults and all(e["type"] == "ASSAULT" for e in assaults)
    iraq = client.get("/api/events", params={"country": "IQ"}).json()["items"]
    assert iraq and all(e["location"]["country"] == "IQ" for e in iraq)
    boxed = client.get("/api/events", params={"west": 42, "south": 29, "east": 49, "north": 38}).json()["items"]
    assert boxed and len(client.get("/api/events", params={"west": 42}).json()["items"]) >= len(boxed)
    assert all(42 <= e["location"]["lon"] <= 49 and 29 <= e["location"]["lat"] <= 38 for e in boxed)
    one = every["items"][0]
    assert client.get(f"/api/events/{one['id']}").json() == one  # ids hold a «/»


def test_entities_and_truces(client: TestClient) -> None:
    entities = client.get("/api/entities", params={"limit": 5}).json()
    assert entities["total"] >= 5 and len(entities["items"]) == 5
    counts = [e["articles"] for e in entities["items"]]
    assert counts == sorted(counts, reverse=True)
    places = client.get("/api/entities", params={"type": "PLACE"}).json()["items"]
    assert places and all(e["type"] == "PLACE" for e in places)
    assert isinstance(client.get("/api/truces").json(), list)
    assert isinstance(client.get("/api/violations").json(), list)


def test_extract_returns_the_extraction_without_storing(client: TestClient) -> None:
    text = "قتل ثلاثة جنود عراقيين أمس في هجوم بسيارة مفخخة استهدف حاجزا للجيش في مدينة الموصل."
    found = client.post("/api/extract", json={"text": text, "published": "2022-05-04"}).json()
    (event,) = [e for e in found["events"] if e["type"] == "ASSAULT"]
    assert event["fatalities"] == 3 and event["location"]["name_en"] == "Mosul"
    assert event["date"]["start"] == "2022-05-03"
    assert client.get("/api/articles").json()["total"] == 6


def test_writes_need_the_key(samples_db: str, tmp_path: Path) -> None:
    db = copy_of(samples_db, tmp_path)
    client = TestClient(create_app(db, api_key=KEY), raise_server_exceptions=False)
    article = {"id": "new-1", "text": "قصف الحوثيون مواقع للقوات الحكومية اليمنية في مدينة الحديدة أمس.",
               "published": "2019-01-10"}
    refused = client.post("/api/articles", json=article)
    assert refused.status_code == 401 and "X-API-Key" in refused.json()["error"]
    assert client.post("/api/articles", json=article, headers={"X-API-Key": "wrong"}).status_code == 401
    stored = client.post("/api/articles", json=article, headers={"X-API-Key": KEY})
    assert stored.status_code == 200 and stored.json()["changed"] is True
    again = client.post("/api/articles", json=article, headers={"X-API-Key": KEY}).json()
    assert again["changed"] is False and client.get("/api/articles").json()["total"] == 7
    truce = {"name": "hudaydah", "sides": [["الحوثيون"], ["Yemeni National Army"]], "start": "2018-12-18",
             "area": "الحديدة"}
    assert client.post("/api/truces", json=truce).status_code == 401
    added = client.post("/api/truces", json=truce, headers={"X-API-Key": KEY}).json()
    assert added["key"] == "user/hudaydah" and [v["event"] for v in added["violations"]] == ["new-1/v1"]
    assert client.delete("/api/truces/hudaydah").status_code == 401
    assert client.delete("/api/truces/hudaydah", headers={"X-API-Key": KEY}).status_code == 204
    assert client.delete("/api/truces/hudaydah", headers={"X-API-Key": KEY}).status_code == 404
    read_only = TestClient(create_app(db), raise_server_exceptions=False)  # started without a key
    assert read_only.post("/api/articles", json=article, headers={"X-API-Key": KEY}).status_code == 403


@pytest.mark.parametrize(("method", "path", "body", "status"), [
    ("get", "/api/articles?limit=0", None, 422),
    ("get", "/api/articles?limit=abc", None, 422),
    ("get", "/api/events?from=yesterday", None, 422),
    ("get", "/api/events?west=north-of-here", None, 422),
    ("get", "/api/events?north=500", None, 422),
    ("get", "/api/events/no-such/v9", None, 404),
    ("get", "/api/articles/no-such", None, 404),
    ("post", "/api/extract", {"text": ""}, 422),
    ("post", "/api/extract", {"body": "نص"}, 422),
    ("post", "/api/extract", "not json", 422),
    ("get", "/api/nowhere", None, 404),
])
def test_malformed_requests_get_a_json_error(client: TestClient, method: str, path: str, body: object,
                                             status: int) -> None:
    if isinstance(body, str):
        response = client.request(method, path, content=body, headers={"content-type": "application/json"})
    else:
        response = client.request(method, path, json=body)
    assert response.status_code == status
    assert set(response.json()) == {"error"} and "\n" not in response.json()["error"]


def test_a_body_over_the_limit_is_refused(samples_db: str) -> None:
    client = TestClient(create_app(samples_db, max_body=1000), raise_server_exceptions=False)
    response = client.post("/api/extract", json={"text": "قصف " * 500})
    assert response.status_code == 413 and "size limit" in response.json()["error"]


INJECTIONS = ["' OR '1'='1", "\"; DROP TABLE events; --", "%' UNION SELECT key FROM events --", "NEAR(a b)",
              "* OR 1", "\\x00", "أربيل' --", "../../etc/passwd"]


@pytest.mark.parametrize("text", INJECTIONS)
def test_filters_take_hostile_strings_as_plain_values(client: TestClient, text: str) -> None:
    before = client.get("/api/events").json()["total"]
    for path, name in (("/api/events", "q"), ("/api/events", "actor"), ("/api/events", "type"),
                       ("/api/entities", "name"), ("/api/entities", "type"), ("/api/entities", "article")):
        response = client.get(path, params={name: text})
        assert response.status_code in (200, 422), (path, name, response.text)
        if response.status_code == 200:
            assert response.json()["total"] <= max(before, 1000)
    assert client.get("/api/events").json()["total"] == before  # nothing was dropped or changed


def test_static_files_stay_inside_their_folder_and_cross_origin_reads_are_closed(client: TestClient) -> None:
    for path in ("/static/../../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml", "/static/..%2fapi%2fapp.py"):
        assert client.get(path).status_code == 404
    page = client.get("/", headers={"Origin": "https://elsewhere.example"})
    assert page.status_code == 200 and "access-control-allow-origin" not in page.headers
    preflight = client.options("/api/articles", headers={"Origin": "https://elsewhere.example",
                                                        "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
