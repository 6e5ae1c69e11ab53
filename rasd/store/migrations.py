"""The schema's history, one named migration after another, for every database.

Each back-end applies the same named migrations; where SQL differs between databases (the
type of a coordinate, the word index, how a table is changed, JSON functions) the back-end
gives its own part as a :class:`Dialect`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Dialect:
    real: str  # the type of a coordinate
    word_index: str  # 0002: the table of every article's searchable words
    user_truces: str  # 0004: let a truce have no article, and say where it comes from
    date_basis: str  # 0005: an event row's date basis, read from its JSON
    weapons: str  # 0006: an event row's weapon terms as a JSON list, read from its JSON


ARTICLES = """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        title TEXT, author TEXT, published TEXT, publisher TEXT, translator TEXT,
        original_source TEXT, url TEXT, language TEXT, retrieved TEXT,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_published ON articles (published);
    CREATE INDEX articles_hash ON articles (content_hash);
    CREATE TABLE extractions (
        article_id TEXT NOT NULL REFERENCES articles (id),
        rasd_version TEXT NOT NULL,
        schema_version TEXT NOT NULL,
        created_at TEXT NOT NULL,
        sentences INTEGER NOT NULL,
        entities INTEGER NOT NULL,
        events INTEGER NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (article_id, rasd_version)
    );
"""
EVENTS = """
    CREATE TABLE events (
        key TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles (id),
        rasd_version TEXT NOT NULL,
        publisher TEXT,
        type TEXT NOT NULL,
        date_start TEXT, date_end TEXT,
        country TEXT, lat {real}, lon {real}, precision TEXT, place_id TEXT, place TEXT,
        sources TEXT NOT NULL, targets TEXT NOT NULL,
        source_names TEXT NOT NULL, target_names TEXT NOT NULL,
        fatalities INTEGER, injuries INTEGER,
        acled_event_type TEXT, acled_sub_event_type TEXT,
        cluster TEXT NOT NULL,
        json TEXT NOT NULL
    );
    CREATE INDEX events_article ON events (article_id);
    CREATE INDEX events_type_date ON events (type, date_start, date_end);
    CREATE INDEX events_cluster ON events (cluster);
"""
# the truces table without its closing parenthesis: 0004 rebuilds it with more columns in SQLite
TRUCE_COLUMNS = """
        key TEXT PRIMARY KEY,
        article_id TEXT {article_required}REFERENCES articles (id),
        kind TEXT NOT NULL, status TEXT NOT NULL,
        date_start TEXT, date_end TEXT,
        country TEXT, lat {real}, lon {real}, precision TEXT,
        sides TEXT NOT NULL,
        json TEXT NOT NULL"""
VIOLATIONS = """
    CREATE TABLE violations (
        truce_key TEXT NOT NULL REFERENCES truces (key) ON DELETE CASCADE,
        event_key TEXT NOT NULL REFERENCES events (key) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        PRIMARY KEY (truce_key, event_key)
    );
"""
TRUCES = """
    ALTER TABLE events ADD COLUMN source_codes TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE events ADD COLUMN target_codes TEXT NOT NULL DEFAULT '[]';
    CREATE TABLE truces ({columns}
    );
    CREATE INDEX truces_article ON truces (article_id);
""" + VIOLATIONS
ENTITIES = """
    CREATE TABLE entities (
        article_id TEXT NOT NULL REFERENCES articles (id),
        entity_id TEXT NOT NULL,
        kb_id TEXT, type TEXT NOT NULL, name TEXT NOT NULL, name_en TEXT, actor_code TEXT, country TEXT,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (article_id, entity_id)
    );
    CREATE INDEX entities_kb ON entities (kb_id);
    CREATE INDEX entities_type ON entities (type);
"""


def truce_columns(real: str, article_required: bool) -> str:
    return TRUCE_COLUMNS.replace("{real}", real).replace("{article_required}", "NOT NULL " if article_required else "")


def migrations(dialect: Dialect) -> tuple[tuple[str, str], ...]:
    """(name, SQL script) of every migration, in the order they are applied."""
    return (
        ("0001_articles_and_extractions", ARTICLES),
        ("0002_events_and_search", EVENTS.replace("{real}", dialect.real) + dialect.word_index),
        ("0003_truces_and_violations", TRUCES.replace("{columns}", truce_columns(dialect.real, True))),
        ("0004_user_truces", dialect.user_truces),
        ("0005_components_and_date_basis", f"""
            ALTER TABLE events ADD COLUMN component TEXT;
            ALTER TABLE events ADD COLUMN date_basis TEXT;
            UPDATE events SET component = cluster, date_basis = {dialect.date_basis};
            CREATE INDEX events_component ON events (component);
        """),
        ("0006_event_weapons", f"""
            ALTER TABLE events ADD COLUMN weapons TEXT NOT NULL DEFAULT '[]';
            UPDATE events SET weapons = {dialect.weapons};
        """),
        ("0007_entities", ENTITIES),
    )
