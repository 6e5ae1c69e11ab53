from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

from rasd.ingest import Problem, read_file, read_inputs
from rasd.schema import Article


def test_dev_articles_keep_their_metadata(shared: Path) -> None:
    files = sorted((shared / "corpus" / "dev").glob("*.json"))
    assert len(files) == 24
    for path in files:
        source = json.loads(path.read_text(encoding="utf-8"))
        (article,) = list(read_file(path))
        assert isinstance(article, Article), article
        assert article.id == source["id"]
        assert article.published == date.fromisoformat(source["published"])
        assert article.publisher == source["publisher"]
        assert article.text == source["text"]
        assert article.url == source["url"]


def test_saudinewsnet_lines_keep_crawl_time_apart_from_publication(shared: Path) -> None:
    path = shared / "corpus" / "saudinewsnet" / "all.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        first = json.loads(next(handle))
    items = []
    for item in read_inputs([path]):
        items.append(item)
        if len(items) == 50:
            break
    article = items[0]
    assert isinstance(article, Article)
    assert article.id == first["id"] and article.publisher == first["source"]
    assert article.published is None  # a crawl time is not a publication date
    assert article.retrieved == date.fromisoformat(first["date_extracted"][:10])
    assert sum(isinstance(i, Article) for i in items) >= 45


def test_json_array_and_aliases(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    records = [
        {"headline": "عنوان", "body": "قتل ثلاثة جنود في هجوم على نقطة تفتيش شمال بغداد.",
         "date": "2020-01-05T08:00:00Z"},
        {"title": "بلا نص"},
    ]
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    first, second = list(read_file(path))
    assert isinstance(first, Article) and first.id == "batch-0" and first.published == date(2020, 1, 5)
    assert isinstance(second, Problem) and second.item.endswith("batch.json[1]") and "no text" in second.message
