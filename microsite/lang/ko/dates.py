"""Date expressions in Korean news text, resolved against the report's publication date,
and Korean ways of writing dates.

A small rule set rather than a general parser: Korean news writes dates in a few fixed
ways — absolute ("2022년 9월", "2024.07.18"), relative to the report ("지난해 10월",
"지난 4월", "이달 초", "17일(현지시각)", "오는 10일", "6∼9일", "지난 상반기", "올해",
"이날") — and each resolves to a span with a precision: day, week, month, half, year or
range (``when.When``). Durations ("지난 1년간", "3주 뒤") and numbers that are not dates
are left alone. A relative date in a report whose publication date is unknown stays
unresolved.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ...when import Context, DateMention, When, day_span, half_span, month_span, parse_published, year_span


def format_when(when: When) -> str:
    """The date as Korean readers write it at its precision."""
    y, m, d = when.start.year, when.start.month, when.start.day
    qualifier = f" {when.qualifier}" if when.qualifier else ""
    if when.precision == "day":
        return f"{y}년 {m}월 {d}일" + ("(현지시각)" if when.local_time else "")
    if when.precision == "month":
        return f"{y}년 {m}월{qualifier}"
    if when.precision == "half":
        return f"{y}년 {'상' if m <= 6 else '하'}반기"
    if when.precision == "year":
        return f"{y}년{qualifier}"
    end = when.end
    if (end.year, end.month) == (y, m):
        return f"{y}년 {m}월 {d}∼{end.day}일"
    return f"{y}년 {m}월 {d}일∼{end.month}월 {end.day}일"


def format_published(value: str) -> str:
    """"2024-07-18" → "2024년 7월 18일", "2024-08" → "2024년 8월"; unknown → ""."""
    parsed = parse_published(value)
    if parsed is None:
        return ""
    year, month, day = parsed
    return f"{year}년 {month}월 {day}일" if day else f"{year}년 {month}월"


_Y = r"(?P<y>(?:19|20)\d{2})"
_M = r"(?P<m>1[0-2]|0?[1-9])"
_D = r"(?P<d>3[01]|[12]\d|0?[1-9])"
_LOCAL = r"(?P<local>\s?\((?:현지\s?시간|현지\s?시각)\))?"
_NOT_DURATION = r"(?!\s?(?:간|째|동안|여|가량|만에|이상|이내|안에))"
PATTERNS = [  # (name, pattern); earlier names win at the same position
    ("abs_day", rf"{_Y}년\s?{_M}월\s?{_D}일{_LOCAL}"),
    ("dotted", rf"(?<![\d.]){_Y}\.\s?{_M}\.\s?{_D}(?![\d])\.?"),
    ("abs_half", rf"{_Y}년\s?(?P<h>상|하)반기"),
    ("abs_month", rf"{_Y}년\s?{_M}월(?:\s?(?P<q>초|중순|말))?{_NOT_DURATION}"),
    ("abs_year", rf"{_Y}년(?:\s?(?P<yq>초|중반|말))?(?!\s?\d)(?![가-힣]*(?:간|대))"),
    ("year_month_day", rf"(?P<which>지난해|작년|올해|내년)\s?{_M}월\s?{_D}일{_LOCAL}"),
    ("last_month_n_day", rf"지난\s?{_M}월\s?{_D}일{_LOCAL}"),
    ("next_month_day", rf"오는\s?{_M}월\s?{_D}일{_LOCAL}"),
    ("last_month_day", rf"지난달\s?{_D}일{_LOCAL}"),
    ("last_year_month", rf"(?:지난해|작년)\s?{_M}월(?:\s?(?P<q>초|중순|말))?"),
    ("last_year", r"(?:지난해|작년)(?:\s?(?P<yq>초|중반|말))?(?!\s?\d)(?!\s?[상하]반기)"),
    ("this_year_month", rf"올해\s?{_M}월(?:\s?(?P<q>초|중순|말))?"),
    ("half", r"(?P<which>지난해|작년|올해|올|지난|내년)\s?(?P<h>상|하)반기"),
    ("next_year", r"내년(?:\s?(?P<yq>초|중반|말))?(?!\s?\d)(?!\s?[상하]반기)"),
    ("next_month", r"다음\s?달(?:\s?(?P<q>초|중순|말))?(?!\s?\d+일)"),
    ("next_month_d", rf"다음\s?달\s?{_D}일{_LOCAL}"),
    ("bare_half", r"(?<![가-힣])(?P<h>상|하)반기"),
    ("near_day", r"(?P<near>그제|그저께|어제|오늘|내일|모레)"),
    ("last_month_n", rf"지난\s?{_M}월(?:\s?(?P<q>초|중순|말))?(?!\s?\d+일)"),
    ("next_month_n", rf"오는\s?{_M}월(?:\s?(?P<q>초|중순|말))?"),
    ("month_day_range", rf"(?<![\d.]){_M}월\s?(?P<d1>3[01]|[12]\d|0?[1-9])\s?[∼~〜-]\s?(?P<d2>3[01]|[12]\d|0?[1-9])일"
                        + _NOT_DURATION),
    ("month_day", rf"(?<![\d.]){_M}월\s?{_D}일{_LOCAL}"),
    ("last_month", r"지난달(?:\s?(?P<q>초|중순|말))?"),
    ("this_month", r"이달(?:\s?(?P<q>초|중순|말))?"),
    ("last_week", r"지난주"),
    ("day_range", r"(?<![\d.])(?P<d1>3[01]|[12]\d|0?[1-9])\s?[∼~〜-]\s?(?P<d2>3[01]|[12]\d|0?[1-9])일" + _NOT_DURATION),
    ("day", rf"(?:(?P<next>오는)\s?)?(?<![\d.,]){_D}일{_LOCAL}{_NOT_DURATION}"),
    ("this_year", r"올해(?!\s?\d{1,2}월)(?!\s?[상하]반기)"),
    ("that_day", r"이날"),
]
_COMPILED = [(name, re.compile(pattern)) for name, pattern in PATTERNS]
_ABSOLUTE = {"abs_day", "dotted", "abs_half", "abs_month", "abs_year"}
_RELATIVE = {name for name, _ in PATTERNS} - _ABSOLUTE
_NEEDS_YEAR = {"last_year", "next_year", "this_year", "year_month_day", "last_year_month", "this_year_month",
               "bare_half", "half"}  # the rest need a month, or a day
_NEEDS_DAY = {"day", "day_range", "that_day", "last_week", "near_day"}
_FUTURE_WORDS = re.compile(r"예정|계획|전망|앞두|방침|것으로 보인")
_LEFT_EDGE = re.compile(r"[가-힣A-Za-z0-9]$")
# A date that starts with one of these is a word of its own, even glued to the word before.
_WORDS = ("지난", "오는", "이달", "올해", "작년", "내년", "이날", "다음", "그제", "그저께", "어제", "오늘", "내일", "모레")


def _candidates(sentence: str) -> list[tuple[str, re.Match]]:
    """Every pattern's matches, leftmost first, earlier patterns first at one position;
    overlapping later ones are dropped."""
    found = sorted(((match.start(), order, name, match) for order, (name, pattern) in enumerate(_COMPILED)
                    for match in pattern.finditer(sentence)), key=lambda item: (item[0], item[1]))
    chosen, end = [], -1
    for start, _, name, match in found:
        if start >= end:
            chosen.append((name, match))
            end = match.end()
    return chosen


def find_dates(sentence: str, context: Context) -> list[DateMention]:
    """Date expressions in one sentence, resolved in order (so "이날" sees earlier days)."""
    found: list[DateMention] = []
    for kind, match in _candidates(sentence):
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        text = match.group(0)
        start = match.start()
        if _LEFT_EDGE.search(sentence[:start]) and not text.startswith(_WORDS):
            continue  # part of a longer word or number ("제11일", "A2024년")
        unresolved = kind in _RELATIVE and not _known_enough(kind, groups, context)
        if kind in _RELATIVE:
            groups["ahead"] = bool(_FUTURE_WORDS.search(sentence[match.end():match.end() + 12]))
            groups["sentence"] = sentence
            when = None if unresolved else _resolve(kind, groups, context)
        else:
            when = _absolute(kind, groups)
        if when is None and not unresolved:
            continue  # not a real date (2월 30일)
        future = bool(when and _after_publication(when, context)
                      and (kind in ("next_month_n", "next_month_day", "next_year", "next_month", "next_month_d")
                           or "next" in groups
                           or groups.get("which") == "내년"
                           or _FUTURE_WORDS.search(sentence)))
        if when and when.precision == "day" and not future and kind != "that_day":
            context.news_day = when.start
        found.append(DateMention(text, start, match.end(), when, kind in _RELATIVE, "scheduled" if future else "happened"))
    return found


def _known_enough(kind: str, groups: dict, context: Context) -> bool:
    """Whether the publication date is precise enough to resolve this kind of date."""
    if context.published is None:
        return False
    _, month, day = context.published
    if kind in _NEEDS_DAY:
        return day is not None
    return month is not None or kind in _NEEDS_YEAR and groups.get("which") != "지난"


def _absolute(kind: str, g: dict) -> When | None:
    y = int(g["y"])
    try:
        if kind in ("abs_day", "dotted"):
            day = date(y, int(g["m"]), int(g["d"]))
            return day_span(day, bool(g.get("local")))
        if kind == "abs_month":
            return month_span(y, int(g["m"]), g.get("q", ""))
        if kind == "abs_half":
            return half_span(y, 1 if g["h"] == "상" else 2)
        return year_span(y, g.get("yq", ""))
    except ValueError:
        return None


def _resolve(kind: str, g: dict, context: Context) -> When | None:
    py, pm, pd = context.published
    try:
        local = bool(g.get("local"))
        if kind == "year_month_day":  # 올해 1월 13일: one day, not a month as well
            year = {"지난해": py - 1, "작년": py - 1, "올해": py, "내년": py + 1}[g["which"]]
            return day_span(date(year, int(g["m"]), int(g["d"])), local)
        if kind in ("last_month_n_day", "next_month_day"):  # the latest such day before, or the first after
            m, d = int(g["m"]), int(g["d"])
            if kind == "last_month_n_day":
                year = py if (m, d) <= (pm, pd or 31) else py - 1
            else:
                year = py if (m, d) >= (pm, pd or 1) else py + 1
            return day_span(date(year, m, d), local)
        if kind == "last_month_day":
            year, month = (py - 1, 12) if pm == 1 else (py, pm - 1)
            return day_span(date(year, month, int(g["d"])), local)
        if kind == "next_year":
            return year_span(py + 1, g.get("yq", ""))
        if kind == "next_month":
            return month_span(py + 1, 1, g.get("q", "")) if pm == 12 else month_span(py, pm + 1, g.get("q", ""))
        if kind == "next_month_d":
            year, month = (py + 1, 1) if pm == 12 else (py, pm + 1)
            return day_span(date(year, month, int(g["d"])), local)
        if kind == "bare_half":  # 하반기 alone: the publication year's
            return half_span(py, 1 if g["h"] == "상" else 2)
        if kind == "last_year_month":
            return month_span(py - 1, int(g["m"]), g.get("q", ""))
        if kind == "last_year":
            return year_span(py - 1, g.get("yq", ""))
        if kind == "this_year_month":
            return month_span(py, int(g["m"]), g.get("q", ""))
        if kind == "this_year":
            return year_span(py, "")
        if kind == "half":
            half = 1 if g["h"] == "상" else 2
            if g["which"] in ("지난해", "작년"):
                return half_span(py - 1, half)
            if g["which"] == "내년":
                return half_span(py + 1, half)
            if g["which"] == "지난":  # the most recent such half before publication
                current = 1 if pm <= 6 else 2
                return half_span(py if half < current else py - 1, half)
            return half_span(py, half)
        if kind == "last_month_n":
            m = int(g["m"])
            return month_span(py if m < pm else py - 1, m, g.get("q", ""))
        if kind == "next_month_n":
            m = int(g["m"])
            return month_span(py if m > pm else py + 1, m, g.get("q", ""))
        if kind in ("month_day", "month_day_range"):  # a past date written before publication falls in the year before
            m = int(g["m"])
            first, last = (int(g["d"]), int(g["d"])) if kind == "month_day" else (int(g["d1"]), int(g["d2"]))
            year = py - 1 if (m, first) > (pm, pd or 31) and not g["ahead"] and not _FUTURE_WORDS.search(g["sentence"]) else py
            if kind == "month_day":
                return day_span(date(year, m, first), local)
            return When(date(year, m, first), date(year, m, last), "range") if first < last else None
        if kind == "last_month":
            return month_span(py - 1, 12, g.get("q", "")) if pm == 1 else month_span(py, pm - 1, g.get("q", ""))
        if kind == "this_month":
            return month_span(py, pm, g.get("q", ""))
        published = date(py, pm, pd)
        if kind == "last_week":
            monday = published - timedelta(days=published.weekday() + 7)
            return When(monday, monday + timedelta(days=6), "week")
        if kind == "near_day":
            offset = {"그제": -2, "그저께": -2, "어제": -1, "오늘": 0, "내일": 1, "모레": 2}[g["near"]]
            return day_span(published + timedelta(days=offset))
        if kind == "that_day":
            day = context.news_day or published
            return day_span(day)
        if kind == "day_range":
            first, last = int(g["d1"]), int(g["d2"])
            return When(date(py, pm, first), date(py, pm, last), "range") if first < last else None
        d = int(g["d"])
        if d <= pd or g.get("next") or g["ahead"]:  # "6일 예정된" written on the 4th: this month
            year, month = py, pm
        else:  # a day after publication, not announced as ahead: the month before
            year, month = (py - 1, 12) if pm == 1 else (py, pm - 1)
        if g.get("next") and d < pd:  # "오는 3일" written on the 28th: next month
            year, month = (py + 1, 1) if pm == 12 else (py, pm + 1)
        return day_span(date(year, month, d), local)
    except ValueError:
        return None


def _after_publication(when: When, context: Context) -> bool:
    """Whether the span lies after the report's date (its day, month or year)."""
    end = context.published_end()
    return end is not None and (when.start > end or (when.end > end and when.precision in ("range", "week")))
