"""When things happened, as precisely as a text says: a span of days with a precision
(day, week, month, half, year or range), and the ISO values that name such spans in
front matter, the manifest and the curation file. Language-neutral: how a language
writes dates lives in ``lang``."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_QUALIFIER_DAYS = {"초": (1, 10), "중순": (11, 20), "말": (21, 31)}  # early, mid, late month
_QUALIFIER_MONTHS = {"초": (1, 3), "중반": (5, 8), "말": (10, 12)}  # early, mid, late year
DAY_LEVEL = frozenset({"day", "range", "week"})  # precisions that name days
_PUBLISHED = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


@dataclass(frozen=True)
class When:
    """A resolved date: the span it covers and how precisely the text gave it."""

    start: date
    end: date  # inclusive
    precision: str  # "day", "week", "month", "half", "year" or "range"
    qualifier: str = ""  # 초 / 중순 / 중반 / 말
    local_time: bool = False  # "(현지시각)": the date is local to the place reported on

    def iso(self) -> str:
        """ISO 8601 at the text's precision: "2024-07-17", "2022-09", "2024"; half-years, weeks
        and day ranges as intervals ("2024-01/2024-06", "2023-07-06/2023-07-09")."""
        if self.precision == "day":
            return self.start.isoformat()
        if self.precision == "month":  # "이달 초" stays "2025-11"; the qualifier says which part
            return self.start.isoformat()[:7]
        if self.precision == "year":
            return str(self.start.year)
        if self.precision == "half":
            return f"{self.start.isoformat()[:7]}/{self.end.isoformat()[:7]}"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def html_datetime(self) -> str:
        """A value HTML's <time datetime> accepts (it has no intervals): the day, month,
        year or ISO week the span starts in."""
        if self.precision == "week":
            year, week, _ = self.start.isocalendar()
            return f"{year}-W{week:02d}"
        if self.precision in ("day", "range"):
            return self.start.isoformat()
        if self.precision == "month":
            return self.start.isoformat()[:7]
        return str(self.start.year)


# What a report says of a dated thing: it took place; it is fixed for a date still ahead; it
# is intended (계획, plans to), not fixed; it was called off (취소, cancelled; the old date of
# something postponed).
STATUSES = ("happened", "scheduled", "planned", "cancelled")


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a sentence, resolved against the report's date."""

    text: str
    start: int
    end: int
    when: When | None  # None: relative to a publication date the report lacks or gives too coarsely
    relative: bool
    status: str = "happened"  # one of STATUSES

    @property
    def future(self) -> bool:
        return self.status in ("scheduled", "planned")


class TooCoarse(Exception):
    """The publication date is missing, or too coarse for a date counted from it."""


@dataclass
class Context:
    """What resolving needs across a report: its publication date (year, month, day or None)
    and the last past day named so far (for "이날", "that day")."""

    published: tuple[int, int | None, int | None] | None  # (year, month or None, day or None)
    news_day: date | None = None

    def year(self) -> int:
        """The publication year, for dates counted in years ("지난해", "last year")."""
        if self.published is None:
            raise TooCoarse
        return self.published[0]

    def month(self) -> tuple[int, int]:
        """The publication (year, month), for dates counted in months."""
        if self.published is None or self.published[1] is None:
            raise TooCoarse
        return self.published[0], self.published[1]

    def day(self) -> date:
        """The publication day, for dates counted in days ("어제", "on Tuesday")."""
        if self.published is None or None in self.published:
            raise TooCoarse
        return date(*self.published)

    def published_start(self) -> date:
        """The first day the publication date covers (it must be known)."""
        y, m, d = self.published
        return date(y, m or 1, d or 1)

    def published_end(self) -> date | None:
        """The last day the publication date covers: its day, month or year."""
        if self.published is None:
            return None
        y, m, d = self.published
        return date(y, m, d) if d else date(y, m, calendar.monthrange(y, m)[1]) if m else date(y, 12, 31)


def day_span(day: date, local_time: bool = False) -> When:
    return When(day, day, "day", local_time=local_time)


def month_span(y: int, m: int, qualifier: str = "") -> When:
    last = calendar.monthrange(y, m)[1]
    if qualifier in _QUALIFIER_DAYS:
        first_day, last_day = _QUALIFIER_DAYS[qualifier]
        return When(date(y, m, first_day), date(y, m, min(last_day, last)), "month", qualifier)
    return When(date(y, m, 1), date(y, m, last), "month")


def half_span(y: int, half: int) -> When:
    return When(date(y, 1, 1), date(y, 6, 30), "half") if half == 1 else When(date(y, 7, 1), date(y, 12, 31), "half")


def year_span(y: int, qualifier: str = "") -> When:
    if qualifier in _QUALIFIER_MONTHS:
        first, last = _QUALIFIER_MONTHS[qualifier]
        return When(date(y, first, 1), date(y, last, calendar.monthrange(y, last)[1]), "year", qualifier)
    return When(date(y, 1, 1), date(y, 12, 31), "year")


def shift_month(y: int, m: int, months: int) -> tuple[int, int]:
    """The (year, month) *months* after (or before, when negative) y-m."""
    index = y * 12 + m - 1 + months
    return index // 12, index % 12 + 1


def days_span(first: date, last: date) -> When | None:
    """The days from *first* to *last*, both counted; None unless in order."""
    return When(first, last, "range") if first < last else None


def months_span(y: int, first: int, last: int, first_part: str = "", last_part: str = "") -> When | None:
    """Months *first* to *last* of year *y* as days ("7∼9월"; "3월 말∼4월 초": the late part
    of the first month to the early part of the last)."""
    return days_span(month_span(y, first, first_part).start, month_span(y, last, last_part).end)


def quarter_span(y: int, quarter: int) -> When:
    return When(date(y, 3 * quarter - 2, 1), month_span(y, 3 * quarter).end, "range")


def week_span(day: date, weeks: int = 0) -> When:
    """The Monday-to-Sunday week *weeks* after (before, when negative) the one *day* is in."""
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=weeks)
    return When(monday, monday + timedelta(days=6), "week")


def weekday_near(day: date, weekday: int, ahead: bool) -> date:
    """The nearest *weekday* (0 = Monday) on or before *day*, or on or after it when *ahead*."""
    if ahead:
        return day + timedelta(days=(weekday - day.weekday()) % 7)
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def parse_published(value: str) -> tuple[int, int, int | None] | None:
    """A publication date, ``YYYY-MM-DD`` or ``YYYY-MM``: (year, month, day or None) when
    real, else None."""
    match = _PUBLISHED.match(value or "")
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    day = int(match.group(3)) if match.group(3) else None
    if not 1 <= month <= 12 or year < 1900:
        return None
    if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return year, month, day


def published_span(value: str) -> When | None:
    """The span a publication date names: its day, or its month."""
    parsed = parse_published(value)
    if parsed is None:
        return None
    year, month, day = parsed
    return day_span(date(year, month, day)) if day else month_span(year, month)


def parse_iso(value: str) -> When | None:
    """"2022", "2022-10", "2022-10-07" or "2023-07-06/2023-07-09"; None unless real."""
    try:
        if "/" in value:
            first, last = (date.fromisoformat(part) for part in value.split("/"))
            return When(first, last, "range") if first <= last else None
        parts = [int(part) for part in value.split("-")]
        if len(parts) == 1:
            return year_span(parts[0])
        if len(parts) == 2:
            return month_span(parts[0], parts[1])
        return day_span(date(*parts))
    except (ValueError, TypeError):
        return None


def nearest_occurrence(make, first: date, last: date, direction: int) -> When | None:
    """Which year's *make(year)* (a span that comes back every year: "March", "Oct. 17", "the
    third quarter") a text written on the days *first*–*last* means: the latest begun by
    then when it looks back (direction < 0), the first not over by then when it looks ahead
    (> 0), else the nearest. *make* may return None or raise ValueError for a year without
    such a span (Feb. 29)."""
    spans = []
    for year in range(min(first.year, last.year) - 1, max(first.year, last.year) + 2):
        try:
            span = make(year)
        except ValueError:
            continue
        if span is not None:
            spans.append(span)
    if direction < 0:
        spans = [span for span in spans if span.start <= last]
        return max(spans, key=lambda span: span.start, default=None)
    if direction > 0:
        spans = [span for span in spans if span.end >= first]
        return min(spans, key=lambda span: span.start, default=None)
    return min(spans, key=lambda span: max((span.start - last).days, (first - span.end).days, 0), default=None)
