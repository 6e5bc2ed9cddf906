"""Date expressions in English news text, resolved against the report's publication date.

A table of named patterns, one resolver per kind: absolute dates in US and British order
("Jan. 13, 2025", "5 March 2024", "the 12th of June"), day ranges ("July 4-6",
"Nov. 30-Dec. 2", "27-28 February", "between March 3 and March 8"), months, quarters,
halves and years with early/mid/late ("mid-October", "late 2023", "the end of the year"),
and dates counted from the report ("last month", "next Tuesday", "yesterday", "earlier
this year"). A date without its year takes the year the tense gives it. What is not an
event date is left alone: durations, comparisons ("than last year"), fiscal periods,
recurring dates ("every March"), years in names ("GTC 2024"), numbers that only look like
years, and datelines.

Each date carries a status (``when.STATUSES``) read from the words that govern it.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from ...when import (
    Context,
    DateMention,
    TooCoarse,
    When,
    day_span,
    days_span,
    half_span,
    month_span,
    nearest_occurrence,
    quarter_span,
    shift_month,
    week_span,
    weekday_near,
    year_span,
)

__all__ = ["Context", "DateMention", "find_dates"]

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4,
            "last": 4}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
PARTS = {"early": "초", "beginning": "초", "start": "초", "mid": "중순", "middle": "중순", "late": "말", "end": "말",
         "close": "말"}  # of a month; of a year, mid is 중반
OFFSETS = {"last": -1, "previous": -1, "past": -1, "this": 0, "current": 0, "next": 1}


def _month(name: str, after_day: bool = False) -> str:
    """A month's name, full or abbreviated; an abbreviation ends in "." or stands before a
    number, unless a day stands before it ("1 Jan")."""
    abbreviated = r"\.?" if after_day else r"(?:\.|(?=\s+\d))"
    return (rf"(?-i:(?P<{name}>January|February|March|April|May|June|July|August|September|October|November|December"
            rf"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec){abbreviated}))(?!\w)")


def _day(name: str) -> str:
    return rf"(?P<{name}>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%:]|[.,]\d)"


def _year(name: str) -> str:
    return rf"(?P<{name}>(?:19|20)\d\d)(?![\w%(]|[.,]\d|[-–]\d)"


_WEEKDAY = r"(?-i:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
_ON_WEEKDAY = rf"(?:{_WEEKDAY},?\s+)?"
_TAIL = (rf"(?:,?\s+(?:of\s+)?{_year('y')}|,?\s+(?:of\s+)?(?P<ry>last|this|next)\s+year\b"
         r"|,?\s+(?:of\s+)?(?P<that>that|the\s+same)\s+year\b)?")  # the year, if written
_TO = r"(?(btw)\s+and\s+|(?:\s*[-–—]\s*|\s+(?:to|through|until|till)\s+))"


def _part(name: str = "part") -> str:
    """Early, mid or late: "early", "mid-", "end-", "the end of"."""
    return (rf"(?P<{name}>(?:early|mid|late)(?:\s*-\s*|\s+)|end-|(?:the\s+)?(?:very\s+)?"
            r"(?:beginning|start|middle|end|close)\s+of\s+)")


_PART = _part()
_REL = r"(?P<rel>last|this|next)"
_ORD = r"(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th|last(?=\s+quarter\s+of))"
_OF_YEAR = rf"(?:\s+of\s+(?:{_year('y')}|(?P<ry>last|this|next)\s+year\b|(?P<the_year>the\s+year\b))|\s+{_year('y2')})?"

PATTERNS = [  # (kind, pattern); at one place the longest match wins, then the earlier kind
    ("iso_day", rf"(?<![\d-]){_year('y')}-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d-])"),
    ("us_range", rf"(?:(?P<btw>between)\s+|from\s+)?{_ON_WEEKDAY}{_month('m')}\s+{_day('d')}{_TO}"
                 rf"(?:{_month('m2')}\s+)?{_day('d2')}{_TAIL}"),
    ("gb_range", rf"(?:(?P<btw>between)\s+|from\s+)?(?:the\s+)?{_day('d')}(?:\s+(?:of\s+)?{_month('m', True)})?{_TO}"
                 rf"(?:the\s+)?{_day('d2')}\s+(?:of\s+)?{_month('m2', True)}{_TAIL}"),
    ("us_day", rf"(?P<week>the\s+week\s+of\s+)?{_ON_WEEKDAY}{_month('m')}\s+{_day('d')}{_TAIL}"),
    ("gb_day", rf"(?P<week>the\s+week\s+of\s+)?{_ON_WEEKDAY}(?:the\s+)?{_day('d')}\s+(?:of\s+)?{_month('m', True)}{_TAIL}"),
    ("month_range", rf"(?:(?P<btw>between)\s+|from\s+)?{_PART}?{_month('m')}{_TO}{_part('part2')}?{_month('m2')}{_TAIL}"),
    ("month", rf"{_PART}?{_month('m')}{_TAIL}"),
    ("rel_month_name", rf"{_REL}\s+{_month('m')}"),
    ("part_year", rf"{_PART}{_year('y')}"),
    ("year", rf"(?<![\w$£€¥#.,/–-]){_year('y')}"),
    ("rel_year", rf"(?:{_PART}|(?P<side>earlier|later)\s+)?{_REL}\s+year\b"),
    ("the_year", rf"{_PART}the\s+year\b|(?P<end>year[-\s]end)\b|(?P<mid>mid-?year)\b"),
    ("rel_month", rf"(?:{_PART}|(?P<side>earlier|later)\s+)?{_REL}\s+month\b"),
    ("the_month", rf"{_PART}the\s+month\b"),
    ("rel_week", rf"(?:(?P<side>earlier|later|early|late)\s+)?{_REL}\s+(?P<unit>week(?:end)?)\b"),
    ("quarter", rf"(?:the\s+)?{_ORD}[\s-]quarter{_OF_YEAR}"),
    ("q_quarter", rf"(?<![\w-])(?-i:Q(?P<n>[1-4])|(?P<n2>[1-4])Q)(?:\s+(?:of\s+)?{_year('y')}"
                  rf"|\s+(?P<ry>last|this|next)\s+year\b)?(?!\w)"),
    ("rel_quarter", r"(?P<rel>last|this|next|current|previous)\s+quarter\b"),
    ("half", rf"(?:the\s+)?(?P<ord>first|second|1st|2nd)[\s-]half{_OF_YEAR}"),
    ("h_half", rf"(?<![\w-])(?-i:H(?P<n>[12])|(?P<n2>[12])H)\s+{_year('y')}"),
    ("near_day", r"\b(?P<near>yesterday|today|tomorrow)\b"),
    ("weekday", rf"(?:(?P<rel>last|next|this|past)\s+)?{_WEEKDAY}"),
    ("same_day", r"\b(?:the\s+same\s+day|that\s+(?:same\s+)?day)\b"),
    ("day_shift", r"\b(?:the\s+(?:next|following|previous|prior)\s+day|the\s+day\s+(?:before|after)"
                  r"|a\s+day\s+(?:later|earlier))(?=\s*(?:[,.;:)”\"]|$|and\b|but\b))"),
    ("ago", r"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
            r"(?P<unit>day|week|month|year)s?\s+ago\b"),
    ("that_year", r"\b(?:the\s+same\s+year|(?:later\s+|earlier\s+)?that\s+(?:same\s+)?year"
                  r"|the\s+(?P<after>following|next)\s+year|a\s+year\s+later)\b"),
]
_COMPILED = [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in PATTERNS]
_ABSOLUTE = {"iso_day", "part_year", "year", "h_half"}  # and any form with its year written

# What makes a place in a sentence no event date.
_DATELINE = re.compile(r"^\s*[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.' ]{1,30})?,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
                       r"|\d{1,2}\s+[A-Z][a-z]{2,8})(?:,?\s+\d{4})?\s*(?:\([^)]{1,40}\)|/[^/]{1,40}/)?\s*[-–—]{1,2}\s")
_RECURRING = re.compile(r"\b(?:every|each)\s+(?:other\s+)?$", re.I)
_COMPARED = re.compile(
    r"(?:\bthan|(?<!early )(?<!soon )(?<!late )\bas|\bcompared\s+(?:with|to)|\bversus|\bvs\.?|\bagainst|\brelative\s+to"
    r"|(?:%|\bpercent|\b(?:up|down|higher|lower|growth|ris|rose|fall|fell|grow|grew|climb|jump|surg|soar|plung|tumbl|slump"
    r"|sink|sank|shr[ai]nk|doubl|tripl|halv|increas|decreas|gain|drop|declin)\w*)[^.;]{0,30}\b(?:from|over)"
    r"(?:\s+[$€£¥]?[\d.,]+\s*(?:%|[a-z]+)?)?)"
    r"\s+(?:(?:the\s+)?(?:same\s+)?(?:period|quarter|month|time|levels?)\s+(?:of\s+|in\s+|a\s+)?)?(?:in\s+|during\s+)?$"
    r"|\bsame\s+(?:period|quarter|month|time)\s+(?:of\s+|in\s+)?$", re.I)
_FISCAL = re.compile(r"\b(?:fiscal|financial)\b[^.,;]{0,15}$|\bFY\s*$", re.I)
_DURATION = re.compile(r"\bthe\s+$", re.I)  # "over the last year", "the next month": spans, not dates
_YEAR_LICENCE = re.compile(r"(?:\b(?:in|since|by|until|till|through|throughout|from|to|before|after|during|of|for|"
                           r"between|and|or|as\s+of|around|early|late|mid|circa|year)|\b(?:an?|the|its|their|his|her|our)|'s"
                           r"|’s)\s+$", re.I)
_BEFORE_COUNT = re.compile(r"\b(?:of|to|from|and|or|between|around)\s+$", re.I)
_COUNTED = re.compile(r"^\s+(?:[a-z]+s|[A-Z]+s|people|staff|million|billion)\b")  # "of 2048 GPUs", "2000 workers"
_SINCE_RECORD = re.compile(r"\b(?:the|its|their|a)\s+(?:\w+est|most\s+\w+|least\s+\w+|first|only)\b[^.;]{0,30}\bsince\s+$",
                           re.I)  # "its lowest level since 1982": a record, not an event
_NAME_AFTER = re.compile(r"^\s+(?-i:(?!U\.|US\b|UK\b|EU\b)[A-Z][a-z]*)")  # "the 2024 Paris Olympics"
_ARTICLE = re.compile(r"\b(?:an?|the|its|their)\s+$", re.I)
_MONTH_LICENCE = re.compile(r"(?:\b(?:in|since|by|until|till|through|throughout|from|to|before|after|during|of|for|"
                            r"between|and|or|as\s+of|early|late|mid|an?|the|its|their|this|last|next)|'s|’s)\s+$", re.I)
_NAMED_DAYS = re.compile(r"(?-i:Black|Cyber|Super|Good|Ash|Easter|Palm|Bloody|Holy)\s+$")
_NAMED_AFTER_DAY = re.compile(r"^\s+(?-i:Times|Telegraph|Post|Mail|Express|Herald|Night\s+Live)\b")

# Words that say when a date lies and what befalls its event.
_CANCEL = re.compile(r"\b(?:call(?:ed|s)?\s+off|cancel\w*|scrap(?:ped|s)?|axed|shelved|abandoned|scuttled)\b", re.I)
_POSTPONE = re.compile(r"\b(?:postpon\w*|delay(?:ed|s)?|pushed\s+back|push\s+back|rescheduled|deferred|put\s+off"
                       r"|brought\s+forward|moved(?=(?:\s+(?:the|its|their)\s+\w+)?\s+(?:back\s+|up\s+|forward\s+)?(?:to|until|from)\s+"
                       r"(?:\d|(?-i:[A-Z][a-z]{2,8}\.?\s+\d)|next\b|later\b|early\b|late\b|mid)))\b", re.I)
_SCHEDULED = re.compile(r"\b(?:will|shall|would|must|(?:is|are|was|were)\s+(?:due|to)\b|due\s+(?:to|on|in|by)|"
                        r"scheduled|slated|set\s+(?:to|for)|upcoming|deadline|(?:has|have)\s+until|(?:postponed|delayed|pushed\s+back|rescheduled|"
                        r"deferred|moved)\s+(?:to|until|till))\b|'ll\b|’ll\b", re.I)
_STRONG = re.compile(r"\b(?:will|shall|must|due|scheduled|slated|set)\b|'ll\b|’ll\b", re.I)  # not "would"
_PLANNED = re.compile(r"\b(?:plan(?:s|ning)?|consider(?:s|ing)?|expect(?:s|ing)?|aim(?:s|ing)?|intend(?:s)?|"
                      r"target(?:s|ing)?|hope(?:s|d)?\s+to|propos(?:e|es|ing)|seek(?:s|ing)?\s+to|weigh(?:s|ing)|"
                      r"mull(?:s|ing)|on\s+track\s+to|envisag(?:e|es)|projected\s+to)\b"
                      r"|\b(?:planned|considered|expected|aimed|intended|targeted|proposed|envisaged)(?=\s+(?:to|for)\b)",
                      re.I)  # "was proposed on Feb. 28" is past; "planned for May 28", "is expected to" are not
_FUNCTION = (r"the|a|an|its|their|his|her|our|it|them|him|us|this|that|these|those|on|in|at|by|to|from|for|with|"
             r"between|about|up|down|out|off|over|into|after|before|during|since|until|again|last|earlier|late|early|as|"
             r"some|all|more|less|new|two|three|\d+")
_PAST = re.compile(r"\b(?:was|were|had|did|said|told|rose|fell|began|met|took|made|came|went|saw|sold|grew|won|led|"
                   r"paid|spent|left|held|got|gave|brought|bought|built|wrote|sent|struck|ran|drew|chose|froze|sought|"
                   r"knew|found|became|lost|stood|kept|caught|fought|flew|broke|spoke|withdrew)\b"
                   rf"|\b[a-z]{{2,}}ed\b(?=\s+(?:{_FUNCTION})\b|\s*[,.;:]|\s*$|\s+(?-i:[A-Z]))", re.I)
_PRESENT = re.compile(r"\b(?:opens|starts|begins|kicks\s+off|takes\s+effect|comes\s+into\s+force|runs|goes|ends|"
                      r"closes|meets|arrives|launches|expires|resumes)\b", re.I)  # a fixed event ahead
_PASSIVE = re.compile(r"\b(?:be|been|being)\s+$", re.I)  # "will be held": the tense is the auxiliary's
_DIRECTLY_AFTER = re.compile(r"^\s*(?:(?:on|in|at|during|as\s+of)\s+)?$", re.I)  # "cancelled on Wednesday"
_EVENT_DATE = re.compile(r"(?:\b(?:set|planned|scheduled|slated|due|originally|initially)\s+(?:for\s+|on\s+)?|\bfrom\s+"
                         r"|\b(?:the|its|their|an?)\s+)$", re.I)  # the date an event was meant to have
_NEW_DATE = re.compile(r"\b(?:to|until|till|for)\s+$", re.I)


class _Reader:
    """What resolving one date needs: the publication date, the direction the words give it
    (-1 back, +1 ahead, 0 either), the year last named and the days named so far."""

    def __init__(self, context: Context):
        self.context = context
        self.direction = 0
        self.year_named: int | None = None
        self.days_named: list[date] = []

    def year(self) -> int:
        return self.context.year()

    def month(self) -> tuple[int, int]:
        return self.context.month()

    def day(self) -> date:
        return self.context.day()

    def first(self) -> date:
        self.month()  # the month must be known
        return self.context.published_start()

    def occurrence(self, make: Callable[[int], When | None]) -> When | None:
        """The yearly span *make* in the year the tense gives it."""
        first = self.first()
        return nearest_occurrence(make, first, self.context.published_end(), self.direction)

    def the_year(self) -> int:
        """"the year": the one named before in the sentence, else the publication year."""
        return self.year_named or self.year()


def _number(word: str) -> int:
    return NUMBERS.get(word.lower()) or int(word)


def _month_of(word: str) -> int:
    return next(i for i, name in enumerate(MONTHS, 1) if name.startswith(word.lower().rstrip(".")[:3]))


def _qualifier(g: dict, of_year: bool = False) -> str:
    part = (g.get("part") or "").lower().strip(" -")
    part = next((word for word in PARTS if word in part.split()), part)
    qualifier = PARTS.get(part, "")
    return "중반" if of_year and qualifier == "중순" else qualifier


def _year_of(g: dict, r: _Reader) -> int | None:
    """The year a form writes ("2024", "last year", "the year"), or None when it leaves it out."""
    if g.get("y") or g.get("y2"):
        return int(g.get("y") or g["y2"])
    if g.get("ry"):
        return r.year() + OFFSETS[g["ry"].lower()]
    if g.get("the_year"):
        return r.the_year()
    if g.get("that") and r.year_named:
        return r.year_named
    return None


def _dated(g: dict, r: _Reader, make: Callable[[int], When | None]) -> When | None:
    """A span the form may give without its year: in the year written, else the tense's."""
    year = _year_of(g, r)
    if year is not None:
        return make(year)
    return r.occurrence(make)


def _days(g: dict, r: _Reader) -> When | None:
    m = _month_of(g["m"]) if g.get("m") else _month_of(g["m2"])
    d = int(g["d"])
    weekday = WEEKDAYS.index(g["wd"].lower()) if g.get("wd") else None
    if "d2" not in g:
        def make(y: int) -> When | None:
            day = date(y, m, d)
            if weekday is not None and day.weekday() != weekday:
                return None
            return week_span(day) if g.get("week") else day_span(day)
        return _dated(g, r, make) or (_days({**g, "wd": None}, r) if weekday is not None else None)
    m2 = _month_of(g["m2"]) if g.get("m2") else m
    return _dated(g, r, lambda y: days_span(date(y, m, d), date(y + (m2 < m), m2, int(g["d2"]))))


def _month_kind(g: dict, r: _Reader) -> When | None:
    m, qualifier = _month_of(g["m"]), _qualifier(g)
    return _dated(g, r, lambda y: month_span(y, m, qualifier))


def _month_range(g: dict, r: _Reader) -> When | None:
    m, m2 = _month_of(g["m"]), _month_of(g["m2"])
    first, last = _qualifier(g), _qualifier({"part": g.get("part2")})
    return _dated(g, r, lambda y: days_span(month_span(y, m, first).start, month_span(y + (m2 < m), m2, last).end))


def _rel_month_name(g: dict, r: _Reader) -> When:
    m, (py, pm), rel = _month_of(g["m"]), r.month(), g["rel"].lower()
    year = py if rel == "this" else py - (m >= pm) if rel == "last" else py + (m <= pm)
    return month_span(year, m)


def _year_kind(g: dict, r: _Reader) -> When:
    return year_span(int(g["y"]), _qualifier(g, of_year=True))


def _rel_year(g: dict, r: _Reader) -> When:
    return year_span(r.year() + OFFSETS[g["rel"].lower()], _qualifier(g, of_year=True))


def _the_year(g: dict, r: _Reader) -> When:
    qualifier = "말" if g.get("end") else "중반" if g.get("mid") else _qualifier(g, of_year=True)
    return year_span(r.the_year(), qualifier)


def _rel_month(g: dict, r: _Reader) -> When:
    return month_span(*shift_month(*r.month(), OFFSETS[g["rel"].lower()] if g.get("rel") else 0), _qualifier(g))


def _rel_week(g: dict, r: _Reader) -> When | None:
    week = week_span(r.day(), OFFSETS[g["rel"].lower()])
    if g["unit"].lower() == "weekend":
        return days_span(week.end - timedelta(days=1), week.end)
    return week


def _quarter(g: dict, r: _Reader) -> When | None:
    n = ORDINALS[g["ord"].lower()] if g.get("ord") else int(g.get("n") or g["n2"])
    return _dated(g, r, lambda y: quarter_span(y, n))


def _rel_quarter(g: dict, r: _Reader) -> When:
    y, m = r.month()
    index = y * 4 + (m - 1) // 3 + OFFSETS[g["rel"].lower()]
    return quarter_span(index // 4, index % 4 + 1)


def _half(g: dict, r: _Reader) -> When | None:
    n = ORDINALS[g["ord"].lower()] if g.get("ord") else int(g.get("n") or g["n2"])
    return _dated(g, r, lambda y: half_span(y, n))


def _near_day(g: dict, r: _Reader) -> When:
    return day_span(r.day() + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[g["near"].lower()]))


def _weekday(g: dict, r: _Reader) -> When:
    weekday, rel, today = WEEKDAYS.index(g["wd"].lower()), (g.get("rel") or "").lower(), r.day()
    if rel in ("last", "past"):
        return day_span(weekday_near(today - timedelta(days=1), weekday, ahead=False))
    if rel == "next":
        return day_span(weekday_near(today + timedelta(days=1), weekday, ahead=True))
    # "this Friday" looks ahead; a weekday alone, in news, back unless the words look ahead
    return day_span(weekday_near(today, weekday, ahead=r.direction > 0 or rel == "this" and r.direction == 0))


def _same_day(g: dict, r: _Reader) -> When | None:
    if r.days_named:
        return None  # the day already named: no second event
    return day_span(r.context.news_day or r.day())


def _day_shift(g: dict, r: _Reader) -> When:
    text = g["text"].lower()
    base = r.days_named[-1] if r.days_named else r.context.news_day or r.day()
    return day_span(base + timedelta(days=-1 if any(word in text for word in ("before", "previous", "prior",
                                                                                  "earlier")) else 1))


def _ago(g: dict, r: _Reader) -> When:
    n, unit = _number(g["n"]), g["unit"].lower()
    if unit == "year":
        return year_span(r.year() - n)
    if unit == "month":
        return month_span(*shift_month(*r.month(), -n))
    today = r.day()
    return day_span(today - timedelta(days=n)) if unit == "day" else week_span(today, -n)


def _that_year(g: dict, r: _Reader) -> When | None:
    if r.year_named is None:
        return None  # no year to count from
    return year_span(r.year_named + (1 if g.get("after") or "later" in g["text"].lower().split()[-2:] else 0))


RESOLVERS = {"iso_day": lambda g, r: day_span(date(int(g["y"]), int(g["m"]), int(g["d"]))),
             "us_range": _days, "gb_range": _days, "us_day": _days, "gb_day": _days, "month": _month_kind, "month_range": _month_range,
             "rel_month_name": _rel_month_name, "part_year": _year_kind, "year": _year_kind, "rel_year": _rel_year,
             "the_year": _the_year, "rel_month": _rel_month, "the_month": _rel_month, "rel_week": _rel_week,
             "quarter": _quarter, "q_quarter": _quarter, "rel_quarter": _rel_quarter, "half": _half, "h_half": _half,
             "near_day": _near_day, "weekday": _weekday, "same_day": _same_day, "day_shift": _day_shift, "ago": _ago,
             "that_year": _that_year}
_RESULTS = re.compile(r"^[\s-]+(?:results|earnings|revenue|sales|profits?|loss|figures|numbers|GDP)\b", re.I)
_BACK = re.compile(r"\b(?:last|yesterday|earlier|ago|past|previous|prior)\b", re.I)
_AHEAD = re.compile(r"\b(?:next|tomorrow|later|following|upcoming|coming)\b", re.I)


def _is_date(kind: str, match: re.Match, sentence: str) -> bool:
    """Whether what the pattern matched is an event date here, not a duration, comparison,
    fiscal period, recurring date, name or count."""
    g = match.groupdict()
    before, after, text = sentence[:match.start()], sentence[match.end():], match.group(0)
    if _RECURRING.search(before) or _COMPARED.search(before) or re.match(r"\s+than\b", after, re.I):
        return False
    if kind in ("quarter", "q_quarter", "half", "h_half", "year", "part_year", "rel_quarter") and _FISCAL.search(before):
        return False
    if kind in ("rel_year", "rel_month", "rel_week", "rel_quarter") and text.lower().startswith(("last", "next")) \
            and _DURATION.search(before):
        return False
    if kind in ("us_range", "gb_range", "month_range") and any(
            re.fullmatch(r"(?:\s+\w+){0,3}\s+", sentence[verb.end():match.start()]) for verb in _POSTPONE.finditer(before + text)):
        return False  # "postponed from Oct. 15 to Nov. 5": two dates, not a span
    if kind == "year":
        return _is_year(before, after)
    if kind in ("month", "month_range") and not (g.get("part") or g.get("y") or g.get("ry") or g.get("btw")
                                                  or text.lower().startswith("from")):
        return bool(_MONTH_LICENCE.search(before))
    if kind == "weekday":
        return not _NAMED_DAYS.search(before) and not _NAMED_AFTER_DAY.search(after)
    if kind == "near_day" and text[0] == "T" and before.strip() and not before.rstrip().endswith(("“", '"', "—")):
        return False  # "USA Today", "China Today": a name
    return True


def _is_year(before: str, after: str) -> bool:
    """Whether a number like a year, standing alone, is one: after a word that takes a year
    ("in", "since", "a 2019 lawsuit"), not a record ("its lowest since 1982"), a name ("GTC
    2024", "the 2024 Paris Olympics"), a fiscal year or a count ("of 2048 GPUs")."""
    return bool(_YEAR_LICENCE.search(before)) and not (
        _SINCE_RECORD.search(before) or _ARTICLE.search(before) and _NAME_AFTER.search(after)
        or re.match(r"\s+fiscal\b", after, re.I) or _BEFORE_COUNT.search(before) and _COUNTED.search(after))


def _candidates(sentence: str) -> list[tuple[str, re.Match]]:
    """Every pattern's event-date matches, the longest first at one place, leftmost first;
    those overlapping an earlier choice are dropped."""
    dateline = _DATELINE.match(sentence)
    floor = dateline.end() if dateline else 0
    found = sorted(((match.start(), -len(match.group(0)), order, kind, match)
                    for order, (kind, pattern) in enumerate(_COMPILED) for match in pattern.finditer(sentence)
                    if match.start() >= floor and match.group(0).strip() and _is_date(kind, match, sentence)),
                   key=lambda item: item[:3])
    chosen, end = [], -1
    for start, _, _, kind, match in found:
        if start >= end:
            chosen.append((kind, match))
            end = match.end()
    return chosen


def _markers(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the words that set a tense: "past", "present" (a fixed event:
    "opens", "takes effect"), "scheduled" or "planned"."""
    marks = [(m.start(), m.end(), "scheduled") for m in _SCHEDULED.finditer(sentence)]
    marks += [(m.start(), m.end(), "present") for m in _PRESENT.finditer(sentence)]
    marks += [(m.start(), m.end(), "planned") for m in _PLANNED.finditer(sentence)]
    taken = [(start, end) for start, end, _ in marks]
    marks += [(m.start(), m.end(), "past") for m in _PAST.finditer(sentence)
              if not any(start < m.end() and m.start() < end for start, end in taken)
              and not _PASSIVE.search(sentence[:m.start()])]
    return sorted(marks)


def _governing(marks: list[tuple[int, int, str]], start: int, end: int) -> str:
    """The tense of the marker nearest before the date, else nearest after it; "" if none."""
    before = [kind for s, e, kind in marks if e <= start]
    after = [kind for s, e, kind in marks if s >= end]
    return before[-1] if before else after[0] if after else ""


def _planned(marks: list[tuple[int, int, str]], sentence: str, start: int) -> bool:
    """Whether an intention (plans to, is considering) rather than a fixed date governs."""
    plans = [e for s, e, kind in marks if kind == "planned" and e <= start]
    if plans:
        return not _STRONG.search(sentence[plans[-1]:start])
    return not any(kind == "scheduled" for s, e, kind in marks if e <= start) and any(
        kind == "planned" for _, _, kind in marks)


def _cancel_role(sentence: str, start: int) -> str:
    """What a sentence that calls something off or postpones it says of the date at *start*:
    "act" (the day it was done), "new" (the date it was moved to), "old" (the date the event
    was set for), "maybe" (old if still ahead); "" when nothing is called off."""
    verbs = [*_POSTPONE.finditer(sentence), *_CANCEL.finditer(sentence)]
    if not verbs:
        return ""
    before = sentence[:start]
    if any(v.end() <= start and _DIRECTLY_AFTER.match(sentence[v.end():start]) for v in verbs):
        return "act"
    if any(v.end() <= start for v in _POSTPONE.finditer(sentence)) and _NEW_DATE.search(before):
        return "new"
    if _EVENT_DATE.search(before):
        return "old"
    last = max((v.end() for v in verbs if v.end() <= start), default=None)
    if last is not None and _STRONG.search(sentence[last:start]):
        return ""  # "which scrapped its plan, will launch on June 20": another event, still on
    return "maybe"


def _status(when: When, role: str, governing: str, planned: bool, context: Context) -> str:
    end = context.published_end()
    if role == "act":
        return "happened"
    if role == "old" or role == "maybe" and (end is None or when.end > end):
        return "cancelled"
    future = "planned" if planned and role != "new" else "scheduled"
    if end is None:
        return future if governing in ("scheduled", "planned") else "happened"
    if when.end < context.published_start():
        return "happened"
    return future if when.start > end or governing in ("scheduled", "planned") else "happened"


def find_dates(sentence: str, context: Context) -> list[DateMention]:
    """Date expressions in one sentence, resolved in order (so "the same day" sees earlier days)."""
    found: list[DateMention] = []
    reader, marks = _Reader(context), _markers(sentence)
    for kind, match in _candidates(sentence):
        g = {key: value for key, value in match.groupdict().items() if value is not None}
        g["text"] = text = match.group(0)
        start, end = match.start(), match.end()
        role = _cancel_role(sentence, start)
        governing = "scheduled" if role == "new" else _governing(marks, start, end)
        if _AHEAD.search(text):
            governing = governing if governing in ("scheduled", "planned") else "scheduled"
        reader.direction = (-1 if _BACK.search(text) or _RESULTS.match(sentence[end:]) else 0 if role == "old"
                            else 1 if governing in ("scheduled", "planned", "present") else -1 if governing == "past" else 0)
        relative = kind not in _ABSOLUTE and not (g.get("y") or g.get("y2"))
        try:
            when = RESOLVERS[kind](g, reader)
        except TooCoarse:
            found.append(DateMention(text, start, end, None, True))
            continue
        except ValueError:
            continue  # not a real date (Feb. 30)
        if when is None:
            continue
        status = _status(when, role, governing, _planned(marks, sentence, start), context)
        reader.year_named = when.start.year
        if when.precision == "day":
            reader.days_named.append(when.start)
            if status == "happened" and kind != "same_day":
                context.news_day = when.start
        found.append(DateMention(text, start, end, when, relative, status))
    return found
