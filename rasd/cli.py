"""The `rasd` command: a thin layer over the library."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from importlib import resources
from pathlib import Path

import click

from rasd import __version__
from rasd.dedup import CanonicalEvent
from rasd.evaluate.gold import GoldError
from rasd.evaluate.report import evaluate_dirs
from rasd.export import BINARY_FORMATS, FORMATS, export, write_parquet
from rasd.extract import Extractor
from rasd.ingest import Problem, read_inputs
from rasd.output import (
    console,
    evaluation_table,
    event_as_dict,
    events_table,
    progress_bar,
    table,
    to_json,
    to_jsonl,
    truce_as_dict,
    truces_table,
)
from rasd.pipeline import TEXT_STAGES, Pipeline
from rasd.schema import Article, Extraction
from rasd.store import EventQuery, default_db, open_store, shown
from rasd.truces.notify import notify
from rasd.truces.user import TruceDefinition, read_definitions, resolve_party, user_truce
from rasd.truces.user import payload as truce_payload


def samples_dir() -> Path:
    """The sample articles shipped inside the package."""
    return Path(str(resources.files("rasd").joinpath("samples")))


def _report(problem: Problem) -> None:
    click.echo(f"rasd: {problem}", err=True)


def _extractions(paths: Iterable[str]) -> Iterator[Extraction]:
    """Extractions of every readable article; each problem is reported on stderr as one line."""
    for item in Extractor().extract_all(read_inputs(paths)):
        if isinstance(item, Problem):
            _report(item)
        else:
            yield item


def _safe_name(article_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in article_id).lstrip(".") or "article"


DB_HELP = ("The database: a SQLite file, or a postgresql:// URL for a shared PostgreSQL database "
           "(default: $RASD_DB, else rasd.sqlite in the user data directory).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rasd")
def main() -> None:
    """Rasd: Arabic news to structured conflict-event data."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="json",
              show_default=True, help="Output format.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one <id>.json per article into this directory.")
@click.option("--bidi/--no-bidi", default=False,
              help="Shape Arabic and reorder it for terminals without bidi support (table only).")
def extract(paths: tuple[str, ...], fmt: str, out_dir: Path | None, bidi: bool) -> None:
    """Extract articles from files, directories or - (stdin).

    Bad items are reported one line each on stderr and skipped; the exit status is non-zero
    only when no article could be processed.
    """
    done = 0
    collected: list[Extraction] = []
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    for extraction in _extractions(paths):
        done += 1
        if out_dir is not None:
            target = out_dir / f"{_safe_name(extraction.article.id)}.json"
            target.write_text(to_json(extraction) + "\n", encoding="utf-8")
        elif fmt == "json":
            click.echo(to_json(extraction))
        elif fmt == "jsonl":
            click.echo(to_jsonl(extraction))
        else:
            collected.append(extraction)
    if collected:
        table(collected, console(), bidi=bidi)
    if out_dir is not None:
        click.echo(f"rasd: wrote {done} file(s) to {out_dir}", err=True)
    if done == 0:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--samples", is_flag=True, help="Also ingest the sample articles shipped with Rasd.")
@click.option("--db", "db_path", default=None, metavar="FILE|URL", help=DB_HELP)
@click.option("--bidi/--no-bidi", default=False, help="Shape Arabic for terminals without bidi support.")
@click.option("--on-violation", "command", default=None,
              help="A shell command run for each new truce violation, with the violation as JSON on stdin.")
@click.option("--webhook", default=None, help="A URL that each new truce violation is POSTed to as JSON.")
def ingest(paths: tuple[str, ...], samples: bool, db_path: str | None, bidi: bool, command: str | None,
           webhook: str | None) -> None:
    """Extract articles and store them, with their extractions, in the database."""
    inputs = [*paths, *([str(samples_dir())] if samples else [])]
    if not inputs:
        raise click.UsageError("give PATHS to ingest, or --samples")
    path = db_path or default_db()
    stored: list[Extraction] = []
    changed = 0
    violations = 0
    with open_store(path) as store, progress_bar("ingesting") as advance:
        for extraction in _extractions(inputs):
            changed += store.save(extraction)
            stored.append(extraction)
            advance()
            for found in store.take_new_violations():
                violations += 1
                for problem in notify(found, command=command, webhook=webhook):
                    click.echo(f"rasd: {problem}", err=True)
    click.echo(f"rasd: {len(stored)} article(s) processed, {changed} new or changed, {violations} new truce "
               f"violation(s), in {shown(path)}", err=True)
    if stored:
        table(stored, console(), bidi=bidi)
    else:
        sys.exit(1)


@main.command()
@click.option("--db", "db_path", default=None, metavar="FILE|URL", help=DB_HELP)
@click.option("--bidi/--no-bidi", default=False, help="Shape Arabic for terminals without bidi support.")
def articles(db_path: str | None, bidi: bool) -> None:
    """List the articles in the database."""
    path = db_path or default_db()
    with open_store(path) as store:
        extractions = [e for a in store.articles() if (e := store.extraction(a.id)) is not None]
    table(extractions, console(), bidi=bidi)


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None:
        return None
    try:
        west, south, east, north = (float(v) for v in value.split(","))
    except ValueError as exc:
        raise click.BadParameter("give WEST,SOUTH,EAST,NORTH in degrees, e.g. 42,29,49,38") from exc
    return west, south, east, north


def _event_filters(fn: Callable[..., None]) -> Callable[..., None]:
    options = [
        click.option("--db", "db_path", default=None, metavar="FILE|URL", help=DB_HELP),
        click.option("--from", "start", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
                     help="Events that end on or after this day."),
        click.option("--to", "end", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
                     help="Events that start on or before this day."),
        click.option("--country", default=None, help="ISO 3166-1 alpha-2 code, e.g. IQ."),
        click.option("--bbox", default=None, help="WEST,SOUTH,EAST,NORTH in degrees."),
        click.option("--actor", default=None, help="A party: knowledge-base id, English name or name as written."),
        click.option("--type", "event_type", default=None, help="PLOVER type, e.g. ASSAULT."),
        click.option("--query", "text", default=None, help="Words the reporting article contains (Arabic)."),
    ]
    for option in reversed(options):
        fn = option(fn)
    return fn


def _merged_events(db_path: str | None, start: datetime | None, end: datetime | None, country: str | None,
                   bbox: str | None, actor: str | None, event_type: str | None,
                   text: str | None) -> list[CanonicalEvent]:
    query = EventQuery(start=start.date() if start else None, end=end.date() if end else None, country=country,
                       bbox=_bbox(bbox), actor=actor, type=event_type, text=text)
    with open_store(db_path) as store:
        return store.canonical_events(query)


@main.command("events")
@_event_filters
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--bidi/--no-bidi", default=False, help="Shape Arabic for terminals without bidi support.")
def events_command(db_path: str | None, start: datetime | None, end: datetime | None, country: str | None,
                   bbox: str | None, actor: str | None, event_type: str | None, text: str | None, fmt: str,
                   bidi: bool) -> None:
    """Events in the database, one per real-world event, merged across the articles that report it."""
    found = _merged_events(db_path, start, end, country, bbox, actor, event_type, text)
    if fmt == "json":
        click.echo(json.dumps([event_as_dict(e) for e in found], ensure_ascii=False, indent=1))
    else:
        events_table(found, console(), bidi=bidi)


@main.command("export")
@_event_filters
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), required=True)
@click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output.")
def export_command(db_path: str | None, start: datetime | None, end: datetime | None, country: str | None,
                   bbox: str | None, actor: str | None, event_type: str | None, text: str | None, fmt: str,
                   out_file: Path | None) -> None:
    """Export the merged events: ACLED-style CSV, PLOVER JSON lines, GeoJSON or Parquet."""
    found = _merged_events(db_path, start, end, country, bbox, actor, event_type, text)
    if fmt in BINARY_FORMATS:
        if out_file is None:
            raise click.UsageError(f"{fmt} is binary: give --out FILE")
        try:
            write_parquet(found, out_file)
        except RuntimeError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"rasd: {len(found)} event(s) written to {out_file}", err=True)
        return
    if out_file is None:
        export(found, fmt, sys.stdout)
        return
    with out_file.open("w", encoding="utf-8", newline="") as stream:
        export(found, fmt, stream)
    click.echo(f"rasd: {len(found)} event(s) written to {out_file}", err=True)


@main.group("truces", invoke_without_command=True)
@click.option("--db", "db_path", default=None, metavar="FILE|URL", help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--bidi/--no-bidi", default=False, help="Shape Arabic for terminals without bidi support.")
@click.pass_context
def truces_command(ctx: click.Context, db_path: str | None, fmt: str, bidi: bool) -> None:
    """Truces in the database, with the attacks that broke them while they held.

    Truces come from the articles, and from users: `rasd truces add`, `rasd truces load FILE.yaml`."""
    ctx.obj = db_path
    if ctx.invoked_subcommand is not None:
        return
    with open_store(db_path) as store:
        truces, violations = store.truces(), store.violations()
    if fmt == "json":
        click.echo(json.dumps([truce_as_dict(t, [v for v in violations if v.truce.key == t.key]) for t in truces],
                              ensure_ascii=False, indent=1))
    else:
        truces_table(truces, violations, console(), bidi=bidi)


def _add_truces(db_path: str | None, definitions: list[TruceDefinition]) -> None:
    with open_store(db_path) as store:
        for definition in definitions:
            try:
                record = user_truce(definition)
            except ValueError as exc:
                raise click.ClickException(f"truce {definition.name}: {exc}") from exc
            found = store.add_truce(record, truce_payload(definition))
            for party in (p for side in definition.sides for p in side if resolve_party(p) is None):
                click.echo(f"rasd: truce {record.key}: «{party}» is no actor Rasd knows; it matches events "
                           "that name it so", err=True)
            click.echo(f"rasd: truce {record.key} ({' ⟷ '.join('; '.join(s) for s in record.side_names)}) "
                       f"stored; {len(found)} violation(s) among the stored events", err=True)


@truces_command.command("add")
@click.argument("name")
@click.option("--side", "sides", multiple=True, required=True,
              help="The parties of one side, separated by «;» (kb ids, English or Arabic names); give it once "
                   "per side.")
@click.option("--start", type=click.DateTime(formats=["%Y-%m-%d"]), required=True, help="The day it took effect.")
@click.option("--end", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="The day it ended.")
@click.option("--kind", type=click.Choice(["truce", "ceasefire", "de-escalation"]), default="ceasefire",
              show_default=True)
@click.option("--area", default=None, help="A place it covers (a name Rasd knows), e.g. الحديدة.")
@click.option("--country", default=None, help="Or the country it covers: ISO 3166-1 alpha-2.")
@click.option("--conditions", default=None, help="Its terms, in words.")
@click.option("--source", default=None, help="Where its terms come from.")
@click.option("--db", "db_path", default=None, metavar="FILE|URL", help=DB_HELP)
@click.pass_obj
def truces_add(group_db: str | None, name: str, sides: tuple[str, ...], start: datetime, end: datetime | None,
               kind: str, area: str | None, country: str | None, conditions: str | None, source: str | None,
               db_path: str | None) -> None:
    """Enter a truce by hand (a truce with the same NAME is replaced) and check the stored events against it."""
    try:
        definition = TruceDefinition(
            name=name, kind=kind, sides=[[p.strip() for p in side.split(";") if p.strip()] for side in sides],
            start=start.date(), end=end.date() if end else None, conditions=conditions, source=source,
            area=area if area else ({"country": country} if country else None))
    except ValueError as exc:
        raise click.ClickException(f"truce {name}: {' '.join(str(exc).split())}") from exc
    _add_truces(db_path or group_db, [definition])


@truces_command.command("load")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--db", "db_path", default=None, metavar="FILE|URL", help=DB_HELP)
@click.pass_obj
def truces_load(group_db: str | None, path: Path, db_path: str | None) -> None:
    """Enter the truces a YAML file defines (see docs/truces.md)."""
    try:
        definitions = read_definitions(path)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    _add_truces(db_path or group_db, definitions)


@truces_command.command("remove")
@click.argument("key")
@click.option("--db", "db_path", default=None, metavar="FILE|URL", help=DB_HELP)
@click.pass_obj
def truces_remove(group_db: str | None, key: str, db_path: str | None) -> None:
    """Delete a truce entered by hand (KEY: user/NAME) and its violations."""
    with open_store(db_path or group_db) as store:
        if not store.remove_truce(key if key.startswith("user/") else f"user/{key}"):
            raise click.ClickException(f"no truce entered by hand has the key {key}")
    click.echo(f"rasd: truce {key} removed", err=True)


@main.command("serve")
@click.option("--db", "db_path", default=None, metavar="FILE|URL", help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--api-key", envvar="RASD_API_KEY", default=None,
              help="The key writes need in the X-API-Key header (default: $RASD_API_KEY); without one, the API "
                   "only reads.")
@click.option("--samples", is_flag=True, help="Ingest the sample articles shipped with Rasd first.")
def serve(db_path: str | None, host: str, port: int, api_key: str | None, samples: bool) -> None:
    """Serve the store over HTTP: the API under /api, its OpenAPI schema at /openapi.json."""
    import uvicorn

    from rasd.api import create_app

    target = db_path or default_db()
    if samples:
        with open_store(target) as store:
            changed = sum(store.save(e) for e in _extractions([str(samples_dir())]))
        click.echo(f"rasd: sample articles stored ({changed} new or changed) in {shown(target)}", err=True)
    click.echo(f"rasd: serving {shown(target)} on http://{host}:{port}/ (API under /api, docs at /docs)", err=True)
    uvicorn.run(create_app(target, api_key), host=host, port=port, log_level="warning")


def _analyse(text: str, published: datetime | None, stages: tuple[str, ...]) -> Extraction:
    article = Article(id="text", text=text, published=published.date() if published else None)
    return Extractor(Pipeline(stages)).extract(article)


@main.command("time")
@click.argument("text")
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Publication date the relative expressions resolve against.")
def time_command(text: str, published: datetime | None) -> None:
    """Print the temporal expressions of TEXT, resolved, as JSON."""
    extraction = _analyse(text, published, (*TEXT_STAGES, "times"))
    found = [{"text": t.span.text, "start": t.span.start, "end": t.span.end, "kind": t.kind,
              "value": {"start": t.start.isoformat() if t.start else None,
                        "end": t.end.isoformat() if t.end else None, "precision": t.precision},
              "basis": t.basis} for t in extraction.times]
    click.echo(json.dumps(found, ensure_ascii=False, indent=1))


@main.command("quantities")
@click.argument("text")
def quantities_command(text: str) -> None:
    """Print the numbers, casualty figures and weapons of TEXT as JSON."""
    extraction = _analyse(text, None, (*TEXT_STAGES, "times", "quantities"))
    found: list[dict[str, object]] = []
    for q in extraction.quantities:
        found.append({"type": "quantity", "text": q.span.text, "start": q.span.start, "end": q.span.end,
                      "value": q.value, "qualifier": q.qualifier, "noun": q.noun})
    for c in extraction.casualties:
        found.append({"type": "casualty", "text": c.span.text, "start": c.span.start, "end": c.span.end,
                      "category": c.category, "value": c.value, "qualifier": c.qualifier})
    for w in extraction.weapons:
        found.append({"type": "weapon", "text": w.span.text, "start": w.span.start, "end": w.span.end,
                      "weapon": w.name})
    found.sort(key=lambda item: (int(str(item["start"])), str(item["type"])))
    click.echo(json.dumps(found, ensure_ascii=False, indent=1))


@main.command("evaluate")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("pred_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["summary", "json", "markdown"]), default="summary",
              help="summary: totals in one table; json: the full report; markdown: per-article figures.")
def evaluate_command(gold_dir: Path, pred_dir: Path, fmt: str) -> None:
    """Score the `rasd extract` JSON files of PRED_DIR against the gold files of GOLD_DIR
    (`<id>.gold.json` against `<id>.json`)."""
    try:
        evaluation = evaluate_dirs(gold_dir, pred_dir)
    except GoldError as exc:
        raise click.ClickException(str(exc)) from exc
    for article in evaluation.articles:
        if article.problem:
            click.echo(f"rasd: unreadable prediction {article.problem}", err=True)
    if fmt == "json":
        click.echo(json.dumps(evaluation.as_dict(), ensure_ascii=False, indent=1))
    elif fmt == "markdown":
        click.echo(evaluation.markdown())
    else:
        console().print(evaluation_table(evaluation))
