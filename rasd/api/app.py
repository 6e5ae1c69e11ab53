"""The API app: the store's articles, merged events, entities, truces and violations over HTTP.

Reads are open; writes (storing articles, entering and removing truces) need the API key in the
``X-API-Key`` header, and are refused when the server was started without one. Every error is
JSON, ``{"error": "one line"}``, with a 4xx status for anything the request got wrong: a
malformed parameter or body (422), a body over the size limit (413), a missing key (401), an
unknown id (404). Each request opens the store it reads and closes it, so one server serves a
SQLite file or a PostgreSQL database that other processes write to.
"""


import hashlib
import hmac
import json
import logging
import threading
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.routing import APIRoute
from fastapi.security import APIKeyHeader
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from rasd import __version__
from rasd.api.models import (
    ArticleIn,
    Count,
    MergedEvent,
    Page,
    Place,
    Problem,
    ReportRef,
    Stored,
    TruceRow,
    ViolationRow,
)
from rasd.dedup import CanonicalEvent
from rasd.dedup.cluster import Figure
from rasd.extract import Extractor
from rasd.schema import Article, Extraction
from rasd.store import (
    EntityQuery,
    EventQuery,
    Store,
    StoredArticle,
    StoredEntity,
    Violation,
    default_db,
    open_store,
)
from rasd.truces.monitor import TruceRecord, shown_status
from rasd.truces.user import IsoDay, TruceDefinition, payload, user_truce

LOG = logging.getLogger("rasd.api")
WEB = Path(__file__).resolve().parent.parent / "web" / "static"  # the dashboard; vendor/ built by npm
MAX_BODY = 2_000_000  # bytes: a long article is some tens of kilobytes
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "a body that is not JSON"},
    401: {"model": Problem, "description": "no API key, or a wrong one"},
    403: {"model": Problem, "description": "writes are disabled: no API key was configured"},
    404: {"model": Problem, "description": "no such item"},
    413: {"model": Problem, "description": "the body is over the size limit"},
    422: {"model": Problem, "description": "a malformed parameter or body"},
}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyLimit:
    """Refuses a request body over ``limit`` bytes with 413, before the app reads it."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _problem(413 if declared.isdigit() else 400, "the body is over the size limit "
                           f"({self.limit} bytes)" if declared.isdigit() else "a malformed Content-Length", send)
            return
        body = b""
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            body += message.get("body", b"")
            if len(body) > self.limit:
                await _problem(413, f"the body is over the size limit ({self.limit} bytes)", send)
                return
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


async def _problem(status: int, message: str, send: Send) -> None:
    content = json.dumps({"error": message}, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(content)).encode())]})
    await send({"type": "http.response.body", "body": content})


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _count(figure: Figure) -> Count:
    return Count(low=figure.low, high=figure.high, by_report=figure.by_report)


def merged_event(event: CanonicalEvent) -> MergedEvent:
    return MergedEvent(
        id=event.id, type=event.type, start=event.start, end=event.end,
        location=Place(name=event.place, country=event.country, lat=event.lat, lon=event.lon,
                       precision=event.precision),
        sources=event.sources, targets=event.targets, fatalities=_count(event.fatalities),
        injuries=_count(event.injuries), acled_event_type=event.acled_event_type,
        acled_sub_event_type=event.acled_sub_event_type,
        reports=[ReportRef(key=r.key, article=r.article_id, publisher=r.publisher) for r in event.reports])


def violation_row(violation: Violation) -> ViolationRow:
    event = violation.event
    return ViolationRow(truce=violation.truce.key, event=event.key, reason=violation.reason, start=event.start,
                        end=event.end, place=event.place, country=event.country, sources=list(event.source_names),
                        targets=list(event.target_names), fatalities=event.fatalities, publisher=event.publisher)


def truce_row(truce: TruceRecord, violations: list[Violation]) -> TruceRow:
    broken = [v for v in violations if v.truce.key == truce.key]
    return TruceRow(key=truce.key, kind=truce.kind,
                    status=shown_status(truce, bool(broken)),
                    sides=[list(side) for side in truce.side_names], start=truce.start, end=truce.end,
                    country=truce.country, origin="user" if truce.origin == "user" else "text",
                    conditions=truce.conditions, source=truce.source, violations=[violation_row(v) for v in broken])


def _bbox(west: float | None, south: float | None, east: float | None,
          north: float | None) -> tuple[float, float, float, float] | None:
    """A bounding box from the sides given; a side not given is open («east of 42°»)."""
    if west is None and south is None and east is None and north is None:
        return None
    return (-180.0 if west is None else west, -90.0 if south is None else south,
            180.0 if east is None else east, 90.0 if north is None else north)


def create_app(db: str | None = None, api_key: str | None = None, max_body: int = MAX_BODY) -> FastAPI:
    """The API over the store at ``db`` (default: ``$RASD_DB``, else the user's SQLite file)."""
    target = db or default_db()
    app = FastAPI(title="Rasd", version=__version__, responses=ERRORS,
                  description="Arabic news as structured, geocoded, dated conflict events, merged across outlets, "
                              "with the truces they break.")
    app.add_middleware(BodyLimit, limit=max_body)
    extractor = Extractor()
    extracting = threading.Lock()  # one pipeline, shared: its stages load their data once
    key_header = APIKeyHeader(name="X-API-Key", auto_error=False, description="needed for writes")

    def store() -> Iterator[Store]:
        with open_store(target) as opened:
            yield opened

    def writer(key: Annotated[str | None, Depends(key_header)]) -> None:
        if not api_key:
            raise HTTPException(403, "writes are disabled: start the server with an API key")
        if key is None or not hmac.compare_digest(key.encode(), api_key.encode()):
            raise HTTPException(401, "a write needs the API key in the X-API-Key header")

    Db = Annotated[Store, Depends(store)]
    Limit = Annotated[int, Query(ge=1, le=1000, description="at most this many items")]
    Offset = Annotated[int, Query(ge=0, le=10**9, description="skip this many items")]

    @app.exception_handler(StarletteHTTPException)
    async def http_problem(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = dict(exc.headers or {})
        if exc.status_code == 405:  # every method of the path, not only the first route's
            allowed = sorted({m for route in app.routes if isinstance(route, APIRoute)
                              and route.path_regex.match(request.url.path) for m in route.methods or ()})
            headers["Allow"] = ", ".join(allowed)
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        return JSONResponse({"error": _one_line(f"{where}: {first.get('msg', 'invalid request')}")},
                            status_code=422)

    @app.exception_handler(Exception)
    async def failed(request: Request, exc: Exception) -> JSONResponse:
        LOG.exception("%s %s failed", request.method, request.url.path)
        return JSONResponse({"error": f"internal error ({type(exc).__name__})"}, status_code=500)

    app.mount("/static", StaticFiles(directory=WEB), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(WEB / "index.html")

    @app.get("/api/health", tags=["meta"])
    def health() -> dict[str, str]:
        return {"status": "ok", "version": __version__}

    @app.get("/api/articles", tags=["articles"])
    def articles(store: Db, limit: Limit = 100, offset: Offset = 0) -> Page[StoredArticle]:
        """The stored articles by publication date, with their latest extraction's counts."""
        return Page[StoredArticle](total=store.count(), limit=limit, offset=offset,
                                   items=list(store.articles(limit, offset)))

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def article(article_id: str, store: Db) -> Extraction:
        """An article with its latest extraction: every value with its span in the text."""
        found = store.extraction(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id}")
        return found

    def _article(given: ArticleIn) -> Article:
        article_id = given.id or "sha256-" + hashlib.sha256(given.text.encode()).hexdigest()[:16]
        return Article(id=article_id, text=given.text, title=given.title, published=given.published,
                       publisher=given.publisher, url=given.url)

    def _extract(article: Article) -> Extraction:
        try:
            with extracting:
                return extractor.extract(article)
        except (ValueError, LookupError, ArithmeticError) as exc:
            raise HTTPException(422, f"{article.id}: {_one_line(str(exc))}") from exc

    @app.post("/api/extract", tags=["articles"])
    def extract(given: ArticleIn) -> Extraction:
        """Extract an article without storing it."""
        return _extract(_article(given))

    @app.post("/api/articles", tags=["articles"], dependencies=[Depends(writer)])
    def ingest(given: ArticleIn, store: Db) -> Stored:
        """Extract an article and store it; storing the same article again changes nothing."""
        extraction = _extract(_article(given))
        changed = store.save(extraction)
        return Stored(id=extraction.article.id, changed=changed, events=len(extraction.events),
                      violations=[violation_row(v) for v in store.take_new_violations()])

    @app.get("/api/events", tags=["events"])
    def events(store: Db, limit: Limit = 100, offset: Offset = 0,
               start: Annotated[IsoDay | None, Query(alias="from", description="events that end on or after")] = None,
               end: Annotated[IsoDay | None, Query(alias="to", description="events that start on or before")] = None,
               country: Annotated[str | None, Query(pattern="^[A-Za-z]{2}$", description="ISO alpha-2")] = None,
               west: Annotated[float | None, Query(ge=-180, le=180, description="bounding box, degrees")] = None,
               south: Annotated[float | None, Query(ge=-90, le=90)] = None,
               east: Annotated[float | None, Query(ge=-180, le=180)] = None,
               north: Annotated[float | None, Query(ge=-90, le=90)] = None,
               actor: Annotated[str | None, Query(max_length=200, description="kb id or name of a party")] = None,
               type: Annotated[str | None, Query(max_length=20, description="PLOVER type, e.g. ASSAULT")] = None,
               q: Annotated[str | None, Query(max_length=500, description="words the article contains")] = None,
               ) -> Page[MergedEvent]:
        """Events merged across the articles that report them, by date."""
        query = EventQuery(start=start, end=end, country=country, bbox=_bbox(west, south, east, north),
                           actor=actor, type=type, text=q)
        found = store.canonical_events(query)
        return Page[MergedEvent](total=len(found), limit=limit, offset=offset,
                                 items=[merged_event(e) for e in found[offset : offset + limit]])

    @app.get("/api/events/{event_id:path}", tags=["events"])
    def event(event_id: str, store: Db) -> MergedEvent:
        """One merged event, by its id (the key of its first report, e.g. «a1/v1»)."""
        found = store.event(event_id)
        if found is None:
            raise HTTPException(404, f"no event {event_id}")
        return merged_event(found)

    @app.get("/api/entities", tags=["entities"])
    def entities(store: Db, limit: Limit = 100, offset: Offset = 0,
                 type: Annotated[str | None, Query(max_length=40, description="PLACE, ARMED_GROUP…")] = None,
                 name: Annotated[str | None, Query(max_length=200, description="part of a name, or a kb id")] = None,
                 article: Annotated[str | None, Query(max_length=200)] = None) -> Page[StoredEntity]:
        """Who and what the stored articles name, most often named first."""
        total, found = store.entities(EntityQuery(type=type, name=name, article=article, limit=limit,
                                                  offset=offset))
        return Page[StoredEntity](total=total, limit=limit, offset=offset, items=found)

    @app.get("/api/truces", tags=["truces"])
    def truces(store: Db) -> list[TruceRow]:
        """Truces read from the articles and entered by users, each with the attacks that broke it."""
        violations = store.violations()
        return [truce_row(t, violations) for t in store.truces()]

    @app.post("/api/truces", tags=["truces"], dependencies=[Depends(writer)])
    def add_truce(definition: TruceDefinition, store: Db) -> TruceRow:
        """Enter a truce (one with the same name is replaced); the stored events are checked against it."""
        try:
            record = user_truce(definition)
        except ValueError as exc:
            raise HTTPException(422, _one_line(str(exc))) from exc
        store.add_truce(record, payload(definition))
        return truce_row(record, store.violations())

    @app.delete("/api/truces/{name}", tags=["truces"], status_code=204, dependencies=[Depends(writer)])
    def remove_truce(name: str, store: Db) -> Response:
        """Delete a truce a user entered, with its violations."""
        if not store.remove_truce(name if name.startswith("user/") else f"user/{name}"):
            raise HTTPException(404, f"no truce entered by hand is named {name}")
        return Response(status_code=204)

    @app.get("/api/violations", tags=["truces"])
    def violations(store: Db) -> list[ViolationRow]:
        """Every attack that broke a truce while it held."""
        return [violation_row(v) for v in store.violations()]

    return app
