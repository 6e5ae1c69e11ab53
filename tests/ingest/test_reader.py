from __future__ import annotations

import gzip
import json
from pathlib import Path

from rasd.ingest import Problem, read_inputs, read_stdin
from rasd.schema import Article

GOOD = "قال مسؤول أمني عراقي إن ثلاثة صواريخ سقطت قرب قاعدة عسكرية في محافظة الأنبار فجر اليوم."


def write_bad_batch(folder: Path) -> None:
    (folder / "a-good.txt").write_text("عنوان الخبر\n\n" + GOOD + "\n", encoding="utf-8")
    (folder / "b-empty.txt").write_bytes(b"")
    (folder / "c-binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    (folder / "d-english.txt").write_text("Three rockets hit a military base in Anbar province on Monday, "
                                          "officials said, without causing casualties.", encoding="utf-8")
    lines = [json.dumps({"id": "l1", "text": GOOD}, ensure_ascii=False), '{"id": "l2", "text": "بلا إغلاق',
             json.dumps({"id": "l3", "text": GOOD + " وأضاف أن التحقيق جار."}, ensure_ascii=False)]
    (folder / "e-lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "f-undecodable.txt").write_bytes("Ça va très bien, merci à vous: déjà vu.".encode("latin-1"))
    (folder / "g-cp1256.txt").write_bytes(("خبر\n\n" + GOOD).encode("cp1256"))


def test_a_bad_batch_reports_each_bad_item_in_one_line_and_goes_on(tmp_path: Path) -> None:
    write_bad_batch(tmp_path)
    items = list(read_inputs([tmp_path]))
    articles = [i for i in items if isinstance(i, Article)]
    problems = {Path(p.item.split(":")[0]).name + (":" + p.item.split(":")[1] if ":" in p.item else ""): p
                for p in items if isinstance(p, Problem)}
    assert sorted(a.id for a in articles) == ["a-good", "g-cp1256", "l1", "l3"]
    assert set(problems) == {"b-empty.txt", "c-binary.txt", "d-english.txt", "e-lines.jsonl:2", "f-undecodable.txt"}
    assert "empty" in problems["b-empty.txt"].message
    assert "binary" in problems["c-binary.txt"].message
    assert "'en'" in problems["d-english.txt"].message and "not Arabic" in problems["d-english.txt"].message
    assert "broken JSON" in problems["e-lines.jsonl:2"].message
    assert "undecodable" in problems["f-undecodable.txt"].message
    for problem in problems.values():
        assert "\n" not in str(problem)


def test_gzipped_jsonl_and_missing_paths(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for n in range(3):
            handle.write(json.dumps({"id": f"n{n}", "text": GOOD}, ensure_ascii=False) + "\n")
    items = list(read_inputs([path, tmp_path / "nope.json"]))
    assert [i.id for i in items if isinstance(i, Article)] == ["n0", "n1", "n2"]
    assert isinstance(items[-1], Problem) and "no such file" in items[-1].message


def test_html_page_through_trafilatura(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{GOOD} وأكد المصدر أن الحادث هو الأول من نوعه منذ أشهر رقم {n}.</p>" for n in range(4))
    html = f"""<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
    <title>سقوط صواريخ قرب قاعدة في الأنبار</title>
    <meta property="og:site_name" content="المراسل">
    <meta name="author" content="مراسل الأنبار">
    <meta property="article:published_time" content="2021-03-03T10:00:00+03:00">
    </head><body><nav><a href="/">الرئيسية</a></nav>
    <article><h1>سقوط صواريخ قرب قاعدة في الأنبار</h1>{paragraphs}</article>
    <footer>جميع الحقوق محفوظة</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    (article,) = list(read_inputs([path]))
    assert isinstance(article, Article), article
    assert article.id == "page"
    assert article.title == "سقوط صواريخ قرب قاعدة في الأنبار"
    assert article.published is not None and article.published.isoformat() == "2021-03-03"
    assert "ثلاثة صواريخ" in article.text and "جميع الحقوق" not in article.text


def test_stdin_sniffs_json_and_plain_text() -> None:
    (article,) = list(read_stdin(json.dumps({"id": "s", "text": GOOD}).encode("utf-8")))
    assert isinstance(article, Article) and article.id == "s"
    (plain,) = list(read_stdin(("خبر عاجل\n\n" + GOOD).encode("utf-16")))
    assert isinstance(plain, Article) and plain.title == "خبر عاجل"
    (problem,) = list(read_stdin(b""))
    assert isinstance(problem, Problem) and problem.item == "<stdin>"
