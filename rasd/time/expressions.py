"""Find temporal expressions and resolve them against the publication date.

The finder reads the folded normalized text with one regular expression per family (numeric
dates, day-month-year, Hijri dates, month-year, parts of periods, since/ago/within windows,
relative periods, day words, weekdays, bare months, years, seasons, durations), built from
the ``lang/ar`` tables. Candidates from all families are collected and the longest wins
where they overlap. Resolution follows ``docs/time.md``; an expression that needs the
publication date resolves to nothing when the article has none.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from rasd.quantities.numbers import DIGITS, number_words_pattern, parse_number, parse_ordinal
from rasd.quantities.numbers import lexicon as number_lexicon
from rasd.text.tokens import proclitics
from rasd.time.lexicon import TimeLexicon, alternation, lexicon

Precision = str  # day | week | month | season | year | interval
WEEK_STARTS = 5  # Saturday: the Arab working week starts on Saturday or Sunday; weeks here start Saturday


@dataclass(frozen=True, slots=True)
class Interval:
    start: date
    end: date
    precision: Precision


@dataclass(frozen=True, slots=True)
class TimeExpression:
    norm_start: int
    norm_end: int
    kind: str  # date | since | deadline | duration
    interval: Interval | None  # None: a duration, or relative with no publication date
    basis: str  # explicit | relative


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    kind: str
    resolve: Callable[[date | None, bool], Interval | None]  # (published, future clause)
    basis: str


# ---------------------------------------------------------------- calendar arithmetic


def month_interval(year: int, month: int) -> Interval:
    return Interval(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month")


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def add_months(day: date, months: int) -> date:
    year, month = shift_month(day.year, day.month, months)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def week_of(day: date) -> date:
    """The Saturday starting the week that contains ``day``."""
    return day - timedelta(days=(day.weekday() - WEEK_STARTS) % 7)


def latest_on_or_before(published: date, month: int, day: int | None = None) -> tuple[int, int]:
    """(year, month) of the latest such month (or day of it) not after ``published``."""
    year = published.year
    if (month, day or 1) > (published.month, published.day if day else 1):
        year -= 1
    return year, month


def next_on_or_after(published: date, month: int) -> tuple[int, int]:
    year = published.year + (month < published.month)
    return year, month


def part_of(interval: Interval, part: int) -> Interval:
    """Early (1), middle (2) or late (3) part of a month or a year."""
    if interval.precision == "month":
        last = interval.end.day
        ranges = {1: (1, 10), 2: (11, 20), 3: (21, last)}
        lo, hi = ranges[part]
        return Interval(interval.start.replace(day=lo), interval.start.replace(day=hi), "interval")
    year = interval.start.year
    months = {1: (1, 4), 2: (5, 8), 3: (9, 12)}[part]
    return Interval(date(year, months[0], 1), month_interval(year, months[1]).end, "interval")


def season(year: int, first_month: int) -> Interval:
    start = date(year, first_month, 1)
    end_year, end_month = shift_month(year, first_month, 2)
    return Interval(start, month_interval(end_year, end_month).end, "season")


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    from hijridate import Hijri  # Umm al-Qura calendar

    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)


def hijri_month_interval(year: int, month: int) -> Interval | None:
    from hijridate import Hijri

    first = hijri_to_gregorian(year, month, 1)
    if first is None:
        return None
    try:
        length = Hijri(year, month, 1).month_length()
    except (ValueError, OverflowError):
        return None
    return Interval(first, first + timedelta(days=length - 1), "month")


def gregorian_to_hijri(day: date) -> tuple[int, int, int]:
    from hijridate import Gregorian

    h = Gregorian(day.year, day.month, day.day).to_hijri()
    return h.year, h.month, h.day


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------- patterns


@dataclass(frozen=True, slots=True)
class _Patterns:
    families: tuple[tuple[str, re.Pattern[str]], ...]
    lex: TimeLexicon


@cache
def _patterns() -> _Patterns:
    lex = lexicon()
    nlex = number_lexicon()
    w = lex.pattern
    clitics = proclitics()
    # a conjunction or preposition glued to the first word stays in the span («وأمس», «بمطلع»)
    pre = rf"(?<!\w)(?:{alternation(list(clitics.conjunctions))})?"
    conj_pre = rf"{pre}(?:{alternation(list(clitics.prepositions))})?"
    article = rf"(?:{clitics.article})?"
    end = r"(?!\w)"
    gmonth = alternation(list(lex.gregorian))
    hmonth = alternation(list(lex.hijri))
    weekday = alternation(list(lex.weekdays))
    month_pair = rf"(?P<m1>{gmonth}){end}(?:\s*[/(\-]\s*(?P<m2>{gmonth}){end}\s*\)?)?"
    ordinal = (rf"(?:{nlex.ordinal_pattern})"
               rf"(?:\s+(?:{nlex.conjunction})?(?:{nlex.ordinal_pattern}|{nlex.word_pattern}))?")
    day_number = rf"(?P<d>\d{{1,2}}|{ordinal})"

    def year(group: str = "y") -> str:
        return rf"(?P<{group}>\d{{4}})(?:\s*(?:{w('gregorian')}|{w('hijri')}){end})?"

    year_words = rf"(?:(?:{w('of')})\s+)?(?:(?:{w('year_word')})\s+)?"
    number = rf"(?P<n>{DIGITS}|{number_words_pattern()})"
    families = {
        "numeric": r"(?<![\d/])(?:(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})|"
                   r"(?P<y2>\d{4})-(?P<m3>\d{1,2})-(?P<d2>\d{1,2}))(?![\d/])",
        "day_month": rf"{pre}(?:(?:{w('in')})\s+)?(?:(?:{w('day_word')})\s+)?(?:(?P<wd>{weekday})\s+)?"
                     rf"{day_number}\s+(?:(?:{w('of')})\s+)?(?:(?:{w('month_word')})\s+)?{month_pair}"
                     rf"(?:\s+{year_words}{year()}|\s+(?P<mod>{w('modifier')}){end})?{end}",
        "hijri": rf"{pre}(?:(?:{w('day_word')})\s+)?{day_number}\s+(?:(?:{w('of')})\s+)?"
                 rf"(?:(?:{w('month_word')})\s+)?(?P<hm>{hmonth}){end}(?:\s+{year_words}(?P<y>\d{{4}}))?(?:\s*(?P<era>{w('hijri')}){end})?",
        "month_year": rf"{pre}(?:(?:{w('in')})\s+)?(?:(?:{w('month_word')})\s+)?"
                      rf"(?:{month_pair}|(?P<hm>{hmonth}){end})\s+{year_words}{year()}{end}",
        "part": rf"{conj_pre}(?:(?:{w('in')})\s+)?(?P<part>{w('part')})\s+(?:(?:{w('month_word')})\s+)?"
                rf"(?:{month_pair}(?:\s+{year_words}{year()})?"
                rf"|(?P<period>{w('period')})(?:\s+(?P<mod>{w('modifier')}))?|{year_words}{year('y3')}){end}",
        "since_ago": rf"{conj_pre}(?P<rel>{w('since')}|{w('ago')})\s+(?:{number}\s+)?(?P<unit>{w('unit')}){end}"
                     r"(?!\s*\d{4})",
        "window": rf"{conj_pre}(?:(?:{w('in')})\s+)?(?P<within>{w('within')})\s+{article}(?:{number}\s+)?"
                  rf"(?P<unit>{w('unit')}|{w('hour')}){end}(?:\s+(?P<num2>{number_words_pattern()}))?(?:\s+(?P<win>{w('window')}))?{end}",
        "window_plural": rf"{conj_pre}(?P<within>{w('within')})\s+{article}(?P<unit>{w('unit')}|{w('hour')}|"
                         rf"{w('period')})\s+{article}(?P<n>{DIGITS}|{number_words_pattern()})\s+"
                         rf"(?P<win>{w('window')}){end}",
        "period": rf"{conj_pre}(?:(?:{w('in')})\s+)?(?:(?P<this>{w('this')})\s+(?P<p1>{w('period')})|"
                  rf"(?P<p2>{w('period')})\s+(?P<mod>{w('modifier')})){end}",
        "day_word": rf"{conj_pre}(?:(?P<night>{w('night')})|(?:(?P<part>{w('daypart')})\s+)?(?P<word>{w('day')})){end}"
                    rf"(?:\s+(?P<wd>{weekday}){end})?(?!\s+(?:{w('elsewhere')}){end})",
        "weekday": rf"{conj_pre}(?:(?:{w('day_word')})\s+)?(?:(?P<part>{w('daypart')})\s+)?"
                   rf"(?:(?:{w('day_word')})\s+)?(?P<wd>{weekday}){end}(?:\s+(?P<mod>{w('modifier')}){end})?",
        "month": rf"{conj_pre}(?P<lead>{w('in')}|{w('month_word')}|{w('since')})\s+(?:(?:{w('month_word')})\s+)?"
                 rf"(?:{month_pair}|(?P<hm>{hmonth}){end})(?:\s+(?P<mod>{w('modifier')}){end})?",
        "month_mod": rf"{conj_pre}(?:{month_pair}|(?P<hm>{hmonth}){end})\s+(?P<mod>{w('modifier')}){end}",
        "month_of_year": rf"{conj_pre}(?:(?:{w('in')})\s+)?(?:(?:{w('month_word')})\s+)?{month_pair}\s+"
                         rf"(?:{w('of')})\s+(?P<period>{w('period')})\s+(?P<mod>{w('modifier')}){end}",
        "paired_month": rf"{conj_pre}(?P<m1>{gmonth}){end}\s*[/(]\s*(?P<m2>{gmonth}){end}\s*\)?",
        "in_year": rf"{conj_pre}(?:{w('in')})\s+(?P<y>(?:19|20)\d\d)(?![\d/.\-])(?:\s*(?:{w('gregorian')}){end})?",
        "year": rf"{conj_pre}(?:(?:{w('in')})\s+)?(?:(?:{w('year_word')})\s+)(?P<y>(?:19|20)\d\d)(?!\d)"
                rf"(?:\s*(?:{w('gregorian')}){end})?|(?<![\d/.\-])(?P<y2>(?:19|20)\d\d)\s*(?:{w('gregorian')}){end}",
        "season": rf"{conj_pre}(?P<season>{w('season')}){end}\s+(?:(?P<mod>{w('modifier')})|(?P<y>\d{{4}})|"
                  rf"(?P<this>{w('this')})\s+(?:{w('year_word')})){end}",
        "duration": rf"{conj_pre}(?:{w('for')})\s+(?:{number}\s+)?(?P<unit>{w('unit')}|{w('hour')}){end}",
        "bare_duration": rf"{conj_pre}(?:{number}\s+(?P<unit>{w('unit')}|{w('hour')})|(?P<dual>{w('dual_unit')})){end}",
    }
    compiled = tuple((name, re.compile(pattern)) for name, pattern in families.items())
    return _Patterns(compiled, lex)


# ---------------------------------------------------------------- resolution of one match


def _month_of(match: re.Match[str], lex: TimeLexicon) -> int | None:
    name = match.groupdict().get("m1")
    return lex.gregorian.get(" ".join(name.split())) if name else None


def _day_of(match: re.Match[str]) -> int | None:
    text = match.group("d")
    return int(text) if text.isdigit() else parse_ordinal(text)


def _count(text: str | None) -> int:
    return 1 if not text else parse_number(text) or 1


FEW = (2, 10)  # «أيام» with no number: from two to ten
RELATIVE_TO_EVENT = re.compile(r"\s+من\s")  # «قبل 3 أيام من الانتخابات»


def _unit_days(lex: TimeLexicon, unit: str) -> tuple[int, int]:
    """(days per unit, implied count) of a unit word: «يومين» is two days."""
    value = lex.value("unit", unit) or lex.value("period", unit)
    if value is None:
        hours = lex.value("hour", unit) or 1
        return 0, hours
    base = {1: 1, 2: 1, 7: 7, 14: 7, 30: 30, 60: 30, 365: 365, 730: 365}[value]
    return base, value // base


def _ago(published: date, days_per: int, count: int) -> Interval:
    if days_per == 1:
        day = published - timedelta(days=count)
        return Interval(day, day, "day")
    if days_per == 7:
        middle = published - timedelta(days=7 * count)
        return Interval(middle - timedelta(days=3), middle + timedelta(days=3), "week")
    if days_per == 30:
        return month_interval(*shift_month(published.year, published.month, -count))
    year = published.year - count
    return Interval(date(year, 1, 1), date(year, 12, 31), "year")


def _relative_period(published: date, period_days: int, offset: int) -> Interval:
    if period_days == 7:
        start = week_of(published) + timedelta(days=7 * offset)
        return Interval(start, start + timedelta(days=6), "week")
    if period_days == 30:
        return month_interval(*shift_month(published.year, published.month, offset))
    year = published.year + offset
    return Interval(date(year, 1, 1), date(year, 12, 31), "year")


Resolved = tuple[str, str, Callable[[date | None, bool], Interval | None]]  # (kind, basis, resolve)


def _fixed(interval: Interval | None, kind: str = "date") -> Resolved | None:
    """An expression whose interval does not depend on the publication date."""
    if interval is None:
        return None
    return kind, "explicit", lambda published, future: interval


def _day(found: date | None) -> Interval | None:
    return Interval(found, found, "day") if found else None


def _r_numeric(g: dict[str, str | None], m: re.Match[str], lex: TimeLexicon) -> Resolved | None:
    if g["y"]:
        return _fixed(_day(_valid(int(g["y"]), int(g["m"] or 0), int(g["d"] or 0))))
    return _fixed(_day(_valid(int(g["y2"] or 0), int(g["m3"] or 0), int(g["d2"] or 0))))


def _r_day_month(g: dict[str, str | None], m: re.Match[str], lex: TimeLexicon) -> Resolved | None:
    month, day = _month_of(m, lex), _day_of(m)
    if month is None or day is None or not 1 <= day <= 31:
        return None
    if g.get("y"):
        return _fixed(_day(_valid(int(g["y"] or 0), month, day)))
    modifier = lex.value("modifier", g["mod"] or "") if g.get("mod") else None

    def resolve(published: date | None, future: bool) -> Interval | None:
        if published is None:
            return None
        if modifier is not None:
            future = modifier > 0  # «3 آذار الماضي», «3 آذار المقبل»
        year, _ = latest_on_or_before(published, month, day)
        if future and (month, day) > (published.month, published.day):
            year = published.year
        return _day(_valid(year, month, day))

    return "date", "relative", resolve


def _r_hijri(g: dict[str, str | None], m: re.Match[str], lex: TimeLexicon) -> Resolved | None:
    hmonth = lex.hijri.get(" ".join((g["hm"] or "").split()))
    day = _day_of(m)
    if hmonth is None or day is None or not 1 <= day <= 30:
        return None
    if g.get("y"):
        return _fixed(_day(hijri_to_gregorian(int(g["y"] or 0), hmonth, day)))

    def resolve(published: date | None, future: bool) -> Interval | None:
        if published is None or hmonth is None or day is None:
            return None
        hy, hm, hd = gregorian_to_hijri(published)
        return _day(hijri_to_gregorian(hy if (hmonth, day) <= (hm, hd) else hy - 1, hmonth, day))

    return "date", "relative", resolve


def _r_month_year(g: dict[str, str | None], m: re.Match[str], lex: TimeLexicon) -> Resolved | None:
    year = int(g["y"] or 0)
    if g.get("hm"):
        hmonth = lex.hijri.get(" ".join((g["hm"] or "").split()))
        return _fixed(hijri_month_interval(year, hmonth)) if hmonth else None
    month = _month_of(m, lex)
    if month is None or not 1900 <= year <= 2100:
        return None
    return _fixed(month_interval(year, month))


def _r_part(g: dict[str, str | None], m: re.Match[str], lex: TimeLexicon) -> Resolved | None:
    part = lex.value("part", g["part"] or "") or 1
    month = _month_of(m, lex)
    if month is not None:
        if g.get("y"):
            return _fixed(part_of(month_interval(int(g["y"] or 0), month), part))

        def resolve_month(published: date | None, future: bool) -> Interval | None:
            if published is None or month is None:
                return None
            year = (next_on_or_after if future else latest_on_or_before)(published, month)[0]
            return part_of(month_interval(year, month), part)

        return "date", "relative", resolve_month
    if g.get("period"):
        days = lex.value("period", g["period"] or "") or 30
        offset = lex.value("modifier", g["mod"] or "") if g.get("mod") else 0

        def resolve_period(published: date | None, future: bool) -> Interval | None:
            if published is None or days == 7:
                return None
            return part_of(_relative_period(published, days, offset or 0), part)

        return "date", "relative", resolve_period
    if g.get("y3"):
        year = int(g["y3"] or 0)
        return _fixed(part_of(Interval(date(year, 1, 1), date(year, 12, 31), "year"), part))
    return None


def _r_since_ago(g: dict[str, str | None], m: re.Match[str], lex: TimeLexicon) -> Resolved | None:
    days_per, implied = _unit_days(lex, g["unit"] or "")
    count = _count(g.get("n")) * implied if g.get("n") else implied
    if days_per == 0 or RELATIVE_TO_EVENT.match(m.string, m.end()):
        return None  # «قبل أيام من اجتياح المدن»: before another event, not before the article
    if not g.get("n") and lex.value("few_units", g["unit"] or ""):
        # «قبل أيام»: some days ago, not yesterday, from ten units back to two; «منذ أيام»: for
        # some days, from ten units back until the article
        until_now = lex.value("since", g["rel"] or "") is not None
        return ("since" if until_now else "date"), "relative", \
            lambda p, f: _few_ago(p, days_per, until_now) if p else None
    return "date", "relative", lambda p, f: _ago(p, days_per, count) if p else None


def _few_ago(published: date, days_per: int, until_now: bool) -> Interval:
    if days_per >= 365:
        first, last = date(published.year - FEW[1], 1, 1), date(published.year - FEW[0], 12, 31)
    elif days_per == 30:
        first = month_interval(*shift_month(published.year, published.month, -FEW[1])).start
        last = month_interval(*shift_month(published.year, published.month, -FEW[0])).end
    else:
        first, last = published - timedelta(days=FEW[1] * days_per), published - timedelta(days=FEW[0] * days_per)
    return Interval(first, published if until_now else last, "interval")


def _r_window(g: dict[str, str | None], m: re.Match[str], lex: TimeLexicon) -> Resolved | None:
    number_text = g.get("n") or g.get("num2")
    days_per, implied = _unit_days(lex, g["unit"] or "")
    count = (parse_number(number_text) or 1) * (implied if days_per else 1) if number_text else implied
    direction = lex.value("window", g["win"] or "") if g.get("win") else None
    span_days = -(-count // 24) if days_per == 0 else count * days_per  # hours round up to days
    if direction == -1:
        return "date", "relative", lambda p, f: Interval(p - timedelta(days=span_days), p, "interval") if p else None
    if direction == 1 or g.get("win") is None:
        return "deadline", "relative", lambda p, f: _deadline(p, days_per, count, span_days)
    return None


def _r_period(g: dict[str, str | None], m: re.Match[str], lex: TimeLexicon) -> Resolved | None:
    days = lex.value("period", g.get("p1") or g.get("p2") or "") or 30
    offset = 0 if g.get("this") else lex.value("modifier", g["mod"] or "")
    if offset is None:
        return None
    return "date", "relative", lambda p, f: _relative_period(p, days, offset) if p else None


def _r_day_word(g: dict[str, str | None], m: re.Match[str], lex: TimeLexicon) -> Resolved | None:
    word = " ".join((g["night"] or g["word"] or "").split())
    night = lex.value("night", word)
    if night is not None:
        return "date", "relative", lambda p, f: Interval(p + timedelta(days=night), p, "day") if p else None
    offset = lex.value("day", word) or 0
    return "date", "relative", lambda p, f: _day(p + timedelta(days=offset)) if p else None


def _r_weekday(g: dict[str, str | None], m: re.Match[str], lex: TimeLexicon) -> Resolved | None:
    weekday = lex.weekdays[" ".join((g["wd"] or "").split())]
    modifier = lex.value("modifier", g["mod"] or "") if g.get("mod") else None
    return "date", "relative", lambda p, f: _weekday(p, weekday, modifier) if p else None


def _r_month(g: dict[str, str | None], m: re.Match[str], lex: TimeLexicon) -> Resolved | None:
    if g.get("hm"):
        hmonth = lex.hijri.get(" ".join((g["hm"] or "").split()))
        if hmonth is None:
            return None
        return "date", "relative", lambda p, f: _latest_hijri_month(p, hmonth) if p else None
    month = _month_of(m, lex)
    if month is None:
        return None
    modifier = lex.value("modifier", g["mod"] or "") if g.get("mod") else None

    def resolve(published: date | None, future: bool) -> Interval | None:
        if published is None or month is None:
            return None
        ahead = future if modifier is None else modifier > 0
        year, _ = (next_on_or_after if ahead else latest_on_or_before)(published, month)
        if modifier is not None and modifier > 0 and month == published.month:
            year += 1
        return month_interval(year, month)

    lead = " ".join((g.get("lead") or "").split())
    return ("since" if lex.value("since", lead) is not None else "date"), "relative", resolve


def _r_month_of_year(g: dict[str, str | None], m: re.Match[str], lex: TimeLexicon) -> Resolved | None:
    """«آذار/مارس من العام الماضي»: a month of a year named relative to publication."""
    month = _month_of(m, lex)
    offset = lex.value("modifier", g["mod"] or "")
    if month is None or offset is None or (lex.value("period", g["period"] or "") or 0) < 365:
        return None
    return "date", "relative", lambda p, f: month_interval(p.year + offset, month) if p else None


def _r_year(g: dict[str, str | None], m: re.Match[str], lex: TimeLexicon) -> Resolved | None:
    year = int(g.get("y") or g.get("y2") or 0)
    return _fixed(Interval(date(year, 1, 1), date(year, 12, 31), "year"))


def _r_season(g: dict[str, str | None], m: re.Match[str], lex: TimeLexicon) -> Resolved | None:
    first_month = lex.value("season", g["season"] or "") or 6
    if g.get("y"):
        return _fixed(season(int(g["y"] or 0), first_month))
    modifier = lex.value("modifier", g["mod"] or "") if g.get("mod") else 0

    def resolve(published: date | None, future: bool) -> Interval | None:
        if published is None:
            return None
        if modifier == -1:
            # «الصيف الماضي»: the latest such season that has ended before publication
            year = published.year if first_month + 2 < published.month else published.year - 1
        else:
            year = published.year + (modifier or 0)
        return season(year, first_month)

    return "date", "relative", resolve


def _r_duration(g: dict[str, str | None], m: re.Match[str], lex: TimeLexicon) -> Resolved | None:
    return "duration", "relative", lambda p, f: None


RESOLVERS: dict[str, Callable[[dict[str, str | None], re.Match[str], TimeLexicon], Resolved | None]] = {
    "numeric": _r_numeric, "day_month": _r_day_month, "hijri": _r_hijri, "month_year": _r_month_year,
    "part": _r_part, "since_ago": _r_since_ago, "window": _r_window, "window_plural": _r_window,
    "period": _r_period, "day_word": _r_day_word, "weekday": _r_weekday, "month": _r_month,
    "paired_month": _r_month, "month_mod": _r_month, "month_of_year": _r_month_of_year, "year": _r_year,
    "in_year": _r_year, "season": _r_season, "duration": _r_duration, "bare_duration": _r_duration,
}


def _resolver(name: str, m: re.Match[str], lex: TimeLexicon) -> Resolved | None:
    """(kind, basis, resolve) for one match of a family; None when the match is not a date."""
    return RESOLVERS[name](m.groupdict(), m, lex)


def _deadline(published: date | None, days_per: int, count: int, span_days: int) -> Interval | None:
    if published is None:
        return None
    if days_per == 30:
        return Interval(published, add_months(published, count), "interval")
    if days_per == 365:
        return Interval(published, add_months(published, 12 * count), "interval")
    return Interval(published, published + timedelta(days=span_days), "interval")


def _weekday(published: date, weekday: int, modifier: int | None) -> Interval:
    if modifier is not None and modifier > 0:
        day = published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    elif modifier is not None and modifier < 0:
        day = published - timedelta(days=(published.weekday() - weekday - 1) % 7 + 1)
    else:
        day = published - timedelta(days=(published.weekday() - weekday) % 7)
    return Interval(day, day, "day")


def _latest_hijri_month(published: date, hmonth: int) -> Interval | None:
    hy, hm, _ = gregorian_to_hijri(published)
    return hijri_month_interval(hy if hmonth <= hm else hy - 1, hmonth)


# ---------------------------------------------------------------- finding


def _candidates(key: str) -> Iterator[tuple[_Candidate, int]]:
    patterns = _patterns()
    for priority, (name, pattern) in enumerate(patterns.families):
        for m in pattern.finditer(key):
            resolved = _resolver(name, m, patterns.lex)
            if resolved is None:
                continue
            kind, basis, resolve = resolved
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
            end = m.start() + len(m.group(0).rstrip())
            yield _Candidate(start, end, kind, resolve, basis), priority


def find(key: str, published: date | None, future_at: Callable[[int], bool] | None = None) -> list[TimeExpression]:
    """Temporal expressions of a folded text, longest first where they overlap."""
    chosen: list[tuple[_Candidate, int]] = []
    for cand, priority in sorted(_candidates(key), key=lambda c: (-(c[0].end - c[0].start), c[1], c[0].start)):
        if all(cand.end <= c.start or c.end <= cand.start for c, _ in chosen):
            chosen.append((cand, priority))
    found: list[TimeExpression] = []
    for cand, _ in sorted(chosen, key=lambda c: c[0].start):
        future = future_at(cand.start) if future_at else False
        interval = cand.resolve(published, future)
        start, kind = cand.start, cand.kind
        since = _since_before(key, start)
        if since is not None and kind == "date":
            start, kind = since, "since"  # «منذ تشرين الأول/أكتوبر», «منذ عام 2014»
        if kind == "since" and interval is not None and published is not None and interval.start <= published:
            interval = Interval(interval.start, published, "interval")  # from then until publication
        found.append(TimeExpression(start, cand.end, kind, interval, cand.basis))
    return found


def _since_before(key: str, start: int) -> int | None:
    """Start of a «منذ» (with a glued conjunction) right before ``start``, if there is one."""
    m = _since_pattern().search(key, max(0, start - 12), start)
    return m.start() if m else None


@cache
def _since_pattern() -> re.Pattern[str]:
    lex = lexicon()
    conj = number_lexicon().conjunction
    return re.compile(rf"(?<!\w)(?:{conj})?(?:{lex.pattern('since')})\s+$")
