"""Date expressions in Korean news text, resolved against the report's publication date,
what the sentence says of each (it happened, is scheduled, planned or called off), and
Korean ways of writing dates.

A small rule set rather than a general parser: Korean news writes dates in a few fixed
ways — absolute ("2022년 9월", "2024.07.18", "24년 3월"), relative to the report
("지난해 10월", "지난 4월", "이달 초", "17일(현지시각)", "오는 10일", "6∼9일",
"다음 주 화요일", "3분기", "이날") — and each resolves to a span with a precision: day,
week, month, half, year or range (``when.When``). Durations ("지난 1년간"), comparisons
("지난해보다"), ages, recurring and fiscal dates are left alone. A relative date the
publication date is too coarse for stays unresolved.

Tense decides where a bare date falls ("3월 열었다" is behind the report, "2월 출시할
예정" ahead), so each date's status is read first, from the words that follow it up to
the next date (or, lacking any, the sentence's end).
"""
from __future__ import annotations

import re
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
    months_span,
    nearest_occurrence,
    parse_published,
    quarter_span,
    shift_month,
    week_span,
    weekday_near,
    year_span,
)


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
    if end.year == y:
        return f"{y}년 {m}월 {d}일∼{end.month}월 {end.day}일"
    return f"{y}년 {m}월 {d}일∼{end.year}년 {end.month}월 {end.day}일"


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
_D2 = r"(?P<d2>3[01]|[12]\d|0?[1-9])"
_M2 = r"(?P<m2>1[0-2]|0?[1-9])"
_TO = r"\s?[∼~〜-]\s?"
_NOT_A_PART = r"(?![등기과대청안점래씀])"  # 초등학교, 말기: words that start like 초 and 말
_PART = rf"(?:\s?(?P<q>초|중순|말){_NOT_A_PART})?"  # of a month
_PART2 = rf"(?:\s?(?P<q2>초|중순|말){_NOT_A_PART})?"
_YEAR_PART = rf"(?:\s?(?P<yq>초|중반|말){_NOT_A_PART})?"
_LOCAL = r"(?P<local>\s?\((?:현지\s?시간|현지\s?시각)\))?"
_DAY = rf"{_D}일{_LOCAL}"  # "17일", "17일(현지시각)"
_NOT_DURATION = r"(?!\s?(?:간|째|동안|여|가량|만에|이상|이내|안에|치(?![러르])|이\s?걸|이\s?지))"
_NO_DAY = r"(?!\s?\d+\s?일)"
# "지난해", "올해", "내년", and the years a sentence names by reference to another.
_WHICH_YEAR = r"(?P<which>지난해|작년|올해|올|내년|같은\s?해|그해|이듬해)"
_WEEKDAY = r"(?P<wd>[월화수목금토일])요일"

PATTERNS = [  # (name, pattern); at one position the longest match wins, then the earlier name
    ("abs_day", rf"{_Y}년\s?{_M}월\s?{_DAY}"),
    ("abs_cross_range", rf"{_Y}년\s?{_M}월\s?{_D}일{_TO}{_M2}월\s?{_D2}일"),
    ("abs_day_range", rf"{_Y}년\s?{_M}월\s?{_D}{_TO}{_D2}일{_NOT_DURATION}"),
    ("dotted", rf"(?<![\d.]){_Y}\.\s?{_M}\.\s?{_D}(?![\d])\.?"),
    ("iso_day", rf"(?<![\d-]){_Y}-(?P<m>1[0-2]|0[1-9])-(?P<d>3[01]|[12]\d|0[1-9])(?![\d])"),
    ("abs_half", rf"{_Y}년\s?(?P<h>상|하)반기"),
    ("abs_quarter", rf"{_Y}년\s?(?P<qn>[1-4])\s?분기"),
    ("abs_month_range", rf"{_Y}년\s?{_M}월{_PART}{_TO}{_M2}월{_PART2}"),
    ("abs_month", rf"{_Y}년\s?{_M}월{_PART}{_NOT_DURATION}{_NO_DAY}"),
    ("abs_year", rf"{_Y}년{_YEAR_PART}(?!\s?\d)(?![가-힣]*(?:간|대))"),
    ("short_year", rf"(?<![\d'’])['’]?(?P<yy>[1-3]\d)년\s?{_M}월(?:\s?{_DAY})?"),
    ("year_day", rf"{_WHICH_YEAR}\s?{_M}월\s?{_DAY}"),
    ("year_month_range", rf"{_WHICH_YEAR}\s?{_M}월{_PART}{_TO}{_M2}월{_PART2}"),
    ("year_month", rf"{_WHICH_YEAR}\s?{_M}월{_PART}{_NO_DAY}"),
    ("year_quarter", r"(?:(?P<which>지난해|작년|올해|올|내년|지난)\s?)?(?<![\d.])(?P<qn>[1-4])\s?분기"),
    ("year_half", r"(?:(?P<which>지난해|작년|올해|올|내년|지난)\s?)?(?P<h>상|하)반기"),
    ("year", rf"(?P<which>지난해|작년|올해|내년|이듬해|그해){_YEAR_PART}(?!\s?\d)(?!\s?[상하]반기)"),
    ("within_year", r"(?P<within>연내|연말|연초)"),
    ("last_month_n_day", rf"지난\s?{_M}월\s?{_DAY}"),
    ("next_month_n_day", rf"오는\s?{_M}월\s?{_DAY}"),
    ("last_month_n", rf"지난\s?{_M}월{_PART}{_NO_DAY}"),
    ("next_month_n", rf"오는\s?{_M}월{_PART}{_NO_DAY}"),
    ("cross_range", rf"(?<![\d.]){_M}월\s?{_D}일{_TO}{_M2}월\s?{_D2}일"),
    ("month_day_range", rf"(?<![\d.]){_M}월\s?{_D}{_TO}{_D2}일{_NOT_DURATION}"),
    ("month_day", rf"(?<![\d.]){_M}월\s?{_DAY}{_NOT_DURATION}"),
    ("month_range", rf"(?<![\d.]){_M}월{_PART}{_TO}{_M2}월{_PART2}"),
    ("month_range", rf"(?<![\d.])(?P<m>1[0-2]|0?[1-9]){_TO}{_M2}월"),
    ("month", rf"(?<![\d.]){_M}월{_PART}{_NO_DAY}(?!\s?결산)"),
    ("last_month", rf"지난달(?:\s?{_DAY})?{_PART}"),
    ("this_month", rf"이달(?:\s?{_DAY})?{_PART}"),
    ("next_month", rf"다음\s?달(?:\s?{_DAY})?{_PART}"),
    ("week", rf"(?P<which>지난|이번|다음)\s?주(?![주자식가택민력제장권인])(?P<weekend>말)?(?:\s?{_WEEKDAY})?"),
    ("weekday", rf"(?:(?P<which>지난|오는|이번)\s?)?{_WEEKDAY}"),
    ("day_range", rf"(?:(?:(?P<next>오는)|(?P<last>지난))\s?)?(?<![\d.])(?P<d>3[01]|[12]\d|0?[1-9]){_TO}{_D2}일"
                  + _NOT_DURATION),
    ("day", rf"(?:(?:(?P<next>오는)|(?P<last>지난))\s?)?(?<![\d.,]){_DAY}{_NOT_DURATION}"),
    ("near_day", r"(?P<near>그제|그저께|엊그제|어제|어젯밤|간밤|오늘|내일|모레)"),
    ("that_day", r"이날|같은\s?날|당일"),
    ("day_before", r"(?P<shift>전날|이튿날|다음\s?날)"),
]
_COMPILED = [(order, name, re.compile(pattern)) for order, (name, pattern) in enumerate(PATTERNS)]
# The patterns that can match without a digit; every other one holds a number it must match,
# so a sentence without a digit (most of them) is tried against these alone.
_WORDED = {"year_half", "year", "within_year", "last_month", "this_month", "next_month", "week", "weekday", "near_day",
           "that_day", "day_before"}
_COMPILED_WORDED = [entry for entry in _COMPILED if entry[1] in _WORDED]
_DIGIT = re.compile(r"\d")
_ABSOLUTE = {"abs_day", "abs_cross_range", "abs_day_range", "dotted", "iso_day", "abs_half", "abs_quarter",
             "abs_month_range", "abs_month", "abs_year", "short_year"}
_LEFT_EDGE = re.compile(r"[가-힣A-Za-z0-9]$")
# A date that starts with one of these is a word of its own, even glued to the word before.
_WORDS = ("지난", "오는", "이달", "올해", "작년", "내년", "이날", "다음", "그제", "그저께", "엊그제", "어제", "어젯밤",
          "오늘", "내일", "모레", "같은", "그해", "이듬해", "이번", "연내", "연말", "연초", "전날", "이튿날", "간밤", "당일")
# Not a date of an event: a comparison's base ("지난해보다"), an age ("올해 61세"), a recurring date
# ("매년 3월", "매년 11월 셋째 주 목요일"; an ordinal week is a rule, not a day), a fiscal period
# ("12월 결산", "2025 회계연도"), a count ("3분기 연속").
_NOT_AN_EVENT_AFTER = re.compile(r"^\s?(?:보다|대비|에\s?비해|와\s?비교|과\s?비교|\d+\s?(?:세|살)|회계\s?연도|결산|연속|째|만에)")
_NOT_AN_EVENT_BEFORE = re.compile(r"(?:(?:매년|매달|매월|매주|해마다)(?:\s?(?:\d+\s?[월일]|[첫둘셋넷]째|마지막|주))*|전년|회계연도"
                                  r"|[첫둘셋넷다]째\s?주)\s?$")

# What the words after a date say of it. The last such word before the next date decides
# ("계획을 발표할 예정" is scheduled); "확정되지 않은" makes a schedule a plan.
_CUES = [  # earlier alternatives win at one position
    ("ongoing", r"(?:검토|추진|논의|협의|협상)\s?(?:중|하고\s?있)"),  # under way on the date: planned, not ahead
    ("cancelled", r"취소|무산|철회|백지화|없던\s?일"),
    ("postponed", r"연기|미뤄|미루|늦춰"),
    ("planned", r"계획|검토|추진|방침|목표|구상|의향|하려(?:던|고|는)"),
    ("scheduled", r"예정|겠다|겠습니다|겠고|예상|전망|앞두|것으로\s?보인|할\s?것|될\s?것"),
]
_CUE = re.compile("|".join(f"(?P<{name}>{words})" for name, words in _CUES))
_UNFIXED = re.compile(r"확정되지\s?않|미정|불투명|유동적")
_CLOSING = re.compile(r"([가-힣])(?:다|니다)(?=[.!?\"'”’」)]|\s|$)")
_NEXT_WORD = re.compile(r"오는\s?$")
_QUOTE = re.compile(r"“[^”]*”|\"[^\"]*\"|「[^」]*」")
_SO_FAR = re.compile(r"^\s?(?:들어|이후\s?(?:지금|현재)까지)")  # "올해 들어": up to the report, so it happened
_HEARSAY = re.compile(r"[라다]고\s?$")
_MOVED_TO = re.compile(r"^\s?(?:\([^)]*\))?\s?(?:으로|로)\s?(?:연기|미뤄|미루|늦춰|변경)")


def _present_tense(text: str) -> bool:
    """A verb in the present tense closes a clause ("연다", "열린다", "발표한다": a syllable
    ending in ㄴ before 다; "발표합니다"), not as hearsay ("…라고 한다"). With a date not yet past, the
    event is fixed for it."""
    for match in _CLOSING.finditer(text):
        final = (ord(match.group(1)) - 0xAC00) % 28
        polite = match.group(0).endswith("니다")
        if polite and final == 17:  # 발표합니다 (ㅂ), but not 했습니다 (ㅆ before 습)
            before = text[match.start() - 1:match.start()] if match.group(1) == "습" else ""
            if not (before and "가" <= before <= "힣" and (ord(before) - 0xAC00) % 28 == 20):
                return True
        elif not polite and final == 4 and not _HEARSAY.search(text[:match.start()]):  # final consonant ㄴ
            return True
    return False


def _candidates(sentence: str) -> list[tuple[str, re.Match]]:
    """Every pattern's matches, leftmost first, the longest at one position (then the
    earlier pattern); overlapping later ones are dropped."""
    patterns = _COMPILED if _DIGIT.search(sentence) else _COMPILED_WORDED
    found = sorted(((match.start(), -len(match.group(0)), order, name, match)
                    for order, name, pattern in patterns for match in pattern.finditer(sentence)
                    if match.group(0)), key=lambda item: item[:3])
    chosen, end = [], -1
    for start, _, _, name, match in found:
        if start >= end:
            chosen.append((name, match))
            end = match.end()
    return chosen


_AHEAD = {"planned", "scheduled", "moved to", "present"}  # cues that put a bare date ahead of the report


def find_dates(sentence: str, context: Context) -> list[DateMention]:
    """Date expressions in one sentence, resolved in order (so "이날" and a bare "4일" see the
    dates before them), each with what the sentence says of it."""
    candidates = []
    for kind, match in _candidates(sentence):
        start, end, text = match.start(), match.end(), match.group(0)
        if _LEFT_EDGE.search(sentence[:start]) and not text.startswith(_WORDS):
            continue  # part of a longer word or number ("제11일", "A2024년")
        if _NOT_AN_EVENT_AFTER.match(sentence[end:]) or _NOT_AN_EVENT_BEFORE.search(sentence[:start]):
            continue
        candidates.append((kind, match))
    found: list[DateMention] = []
    previous: When | None = None  # the last date resolved in this sentence
    previous_kind = ""
    stretches = [sentence[m.end():(candidates[i + 1][1].start() if i + 1 < len(candidates) else len(sentence))]
                 for i, (_, m) in enumerate(candidates)]
    for index, (kind, match) in enumerate(candidates):
        cue = _cue(stretches[index:])
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        ahead = "last" not in groups and (cue in _AHEAD or "next" in groups or bool(_NEXT_WORD.search(sentence[:match.start()])))
        if kind == "that_day" and previous_kind == "near_day":
            previous = None  # "어제 … 이날": 이날 is the report's day, not yesterday
        try:
            when = _resolve(kind, groups, context, ahead, previous)
        except TooCoarse:
            found.append(DateMention(match.group(0), match.start(), match.end(), None, True, ""))
            continue
        except ValueError:
            continue  # not a real date (2월 30일)
        if when is None:
            continue
        if kind == "that_day" and previous == when:
            continue  # "17일 … 이날": the same day again, not a second event
        status = _status(cue, ahead, when, context)
        if when.precision == "day" and status == "happened" and kind not in ("that_day", "near_day"):
            context.news_day = when.start
        found.append(DateMention(match.group(0), match.start(), match.end(), when, kind not in _ABSOLUTE, status))
        previous, previous_kind = when, kind
    return _joined_ranges(sentence, found)


def _cue(stretches: list[str]) -> str:
    """What the words after a date say of it: "cancelled", "planned", "ongoing" (검토 중),
    "scheduled", "moved to" (the date something was postponed to), "so far" (올해 들어),
    "present" (a verb in the present tense) or "".
    The last cue in the date's own stretch decides; lacking one, the stretches after it."""
    if _MOVED_TO.match(stretches[0]):
        return "moved to"
    if _SO_FAR.match(stretches[0]):
        return "so far"
    for stretch in stretches:
        stretch = _QUOTE.sub("", stretch)  # "이날 “…예정된…”고 밝혔다": the quote is what was said, not when
        cues = [m.lastgroup for m in _CUE.finditer(stretch)]
        if cues:
            if cues[-1] == "postponed":
                return "cancelled"  # the date something was moved away from
            if cues[-1] == "scheduled" and _UNFIXED.search(stretch):
                return "planned"
            return cues[-1]
        if _present_tense(stretch):
            return "present"
    return ""


def _status(cue: str, ahead: bool, when: When, context: Context) -> str:
    """Cancelled whenever the sentence says so; otherwise a date already past when reported
    happened, and one not yet past is planned or scheduled as the sentence's words say."""
    if cue == "cancelled":
        return "cancelled"
    end = context.published_end()
    if cue == "so far" or end is not None and when.end < context.published_start():
        return "happened"
    if cue == "planned" or cue == "ongoing" and end is not None and when.start > end:
        return "planned"
    if ahead or end is not None and when.start > end:
        return "scheduled"
    return "happened"


def _joined_ranges(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """"5일부터 8일까지" is one span of days, not two days."""
    joined: list[DateMention] = []
    for mention in found:
        last = joined[-1] if joined else None
        if (last and last.when and mention.when and last.when.precision == "day" == mention.when.precision
                and re.fullmatch(r"\s?부터\s?", sentence[last.end:mention.start]) and sentence[mention.end:].startswith("까지")
                and last.when.start < mention.when.start):
            joined[-1] = DateMention(sentence[last.start:mention.end], last.start, mention.end,
                                     When(last.when.start, mention.when.end, "range"), True, mention.status)
            continue
        joined.append(mention)
    return joined


def _by_tense(make, ahead: bool, context: Context, other_month: bool = False) -> When | None:
    """The year of a date written without one (*make(year)* gives its span): the latest
    begun by the report, or the first not over by it when the sentence looks ahead; with
    *other_month*, not the report's own month ("지난 8월" written in August is last year's)."""
    y, m = context.month()
    first, last = context.published_start(), context.published_end()
    if other_month:
        first, last = month_span(y, m).end + timedelta(days=1), month_span(y, m).start - timedelta(days=1)
    return nearest_occurrence(make, first, last, 1 if ahead else -1)


def _which_year(which: str, context: Context, previous: When | None) -> int:
    which = which.replace(" ", "")
    if which in ("같은해", "그해", "이듬해"):
        if previous is None:
            raise TooCoarse
        return previous.start.year + (which == "이듬해")
    return context.year() + {"지난해": -1, "작년": -1, "올해": 0, "올": 0, "내년": 1}[which]


def _resolve(kind: str, g: dict, context: Context, ahead: bool, previous: When | None) -> When | None:
    local = bool(g.get("local"))
    if kind in _ABSOLUTE:
        y = int(g["y"]) if "y" in g else 2000 + int(g["yy"])
        if kind in ("abs_day", "dotted", "iso_day") or kind == "short_year" and "d" in g:
            return day_span(date(y, int(g["m"]), int(g["d"])), local)
        if kind == "abs_cross_range":
            return days_span(date(y, int(g["m"]), int(g["d"])), date(y, int(g["m2"]), int(g["d2"])))
        if kind == "abs_day_range":
            return days_span(date(y, int(g["m"]), int(g["d"])), date(y, int(g["m"]), int(g["d2"])))
        if kind in ("abs_month", "short_year"):
            return month_span(y, int(g["m"]), g.get("q", ""))
        if kind == "abs_month_range":
            return months_span(y, int(g["m"]), int(g["m2"]), g.get("q", ""), g.get("q2", ""))
        if kind == "abs_half":
            return half_span(y, 1 if g["h"] == "상" else 2)
        if kind == "abs_quarter":
            return quarter_span(y, int(g["qn"]))
        return year_span(y, g.get("yq", ""))
    if kind == "year_day":
        return day_span(date(_which_year(g["which"], context, previous), int(g["m"]), int(g["d"])), local)
    if kind == "year_month":
        return month_span(_which_year(g["which"], context, previous), int(g["m"]), g.get("q", ""))
    if kind == "year_month_range":
        return months_span(_which_year(g["which"], context, previous), int(g["m"]), int(g["m2"]), g.get("q", ""),
                           g.get("q2", ""))
    if kind == "year":
        return year_span(_which_year(g["which"], context, previous), g.get("yq", ""))
    if kind == "within_year":
        return year_span(context.year(), {"연내": "", "연말": "말", "연초": "초"}[g["within"]])
    if kind in ("year_half", "year_quarter"):
        which = g.get("which", "올해")
        count, number = (2, 1 if g["h"] == "상" else 2) if kind == "year_half" else (4, int(g["qn"]))
        if which == "지난":  # the most recent such half or quarter before the report
            py, pm = context.month()
            current = (pm - 1) * count // 12 + 1
            year = py if number < current else py - 1
        else:
            year = _which_year(which, context, previous)
        return half_span(year, number) if kind == "year_half" else quarter_span(year, number)
    m = int(g["m"]) if "m" in g else 0
    if kind in ("last_month_n", "last_month_n_day", "next_month_n", "next_month_n_day"):
        if "d" in g:
            return _by_tense(lambda y: day_span(date(y, m, int(g["d"])), local), kind.startswith("next"), context)
        return _by_tense(lambda y: month_span(y, m, g.get("q", "")), kind.startswith("next"), context, other_month=True)
    if kind in ("month", "month_day", "month_day_range", "cross_range", "month_range"):
        def make(y: int) -> When | None:
            if kind == "month":
                return month_span(y, m, g.get("q", ""))
            if kind == "month_day":
                return day_span(date(y, m, int(g["d"])), local)
            if kind == "month_day_range":
                return days_span(date(y, m, int(g["d"])), date(y, m, int(g["d2"])))
            if kind == "cross_range":
                return days_span(date(y, m, int(g["d"])), date(y, int(g["m2"]), int(g["d2"])))
            return months_span(y, m, int(g["m2"]), g.get("q", ""), g.get("q2", ""))

        if previous and kind != "month_range" and _same_year_implied(previous, context):
            return make(previous.start.year)
        return _by_tense(make, ahead, context)
    if kind in ("last_month", "this_month", "next_month"):
        year, month = shift_month(*context.month(), {"last_month": -1, "this_month": 0, "next_month": 1}[kind])
        if "d" in g:
            return day_span(date(year, month, int(g["d"])), local)
        return month_span(year, month, g.get("q", ""))
    if kind in ("day", "day_range"):
        return _bare_days(int(g["d"]), int(g.get("d2", g["d"])), local, ahead, context, previous)
    if kind == "that_day":
        if previous is not None and previous.precision == "day":
            return previous
        return day_span(context.news_day or context.day())
    if kind == "day_before":
        anchor = previous.start if previous is not None and previous.precision == "day" else context.news_day
        if anchor is None:
            anchor = context.day()
        return day_span(anchor + timedelta(days=-1 if g["shift"] == "전날" else 1))
    published = context.day()
    if kind == "near_day":
        offset = {"그제": -2, "그저께": -2, "엊그제": -2, "어제": -1, "어젯밤": -1, "간밤": -1, "오늘": 0, "내일": 1,
                  "모레": 2}[g["near"]]
        return day_span(published + timedelta(days=offset))
    if kind == "week":
        weeks = {"지난": -1, "이번": 0, "다음": 1}[g["which"]]
        if "wd" in g:
            monday = week_span(published, weeks).start
            return day_span(monday + timedelta(days="월화수목금토일".index(g["wd"])))
        if "weekend" in g:
            saturday = week_span(published, weeks).start + timedelta(days=5)
            return When(saturday, saturday + timedelta(days=1), "range")
        return week_span(published, weeks)
    # weekday: the nearest such day in the direction of the tense
    which = g.get("which", "")
    forward = which == "오는" or (ahead and which != "지난")
    day = weekday_near(published, "월화수목금토일".index(g["wd"]), forward)
    if which == "지난" and day == published:
        day -= timedelta(days=7)
    return day_span(day)


def _same_year_implied(previous: When, context: Context) -> bool:
    """A month written without a year after another date of the sentence takes that date's
    year when the sentence tells of another year than the report's ("2023년 8월 … 12월")."""
    return context.published is None or previous.start.year != context.published[0]


def _bare_days(first: int, last: int, local: bool, ahead: bool, context: Context, previous: When | None) -> When | None:
    """A day written without a month: the month of a day named before it in the sentence,
    else the report's month — or the month before, for a past day later than the report's,
    or the month after, for a day still ahead that is earlier than the report's."""
    if previous is not None and previous.precision in ("day", "range"):
        year, month = previous.start.year, previous.start.month
        if first < previous.start.day:
            year, month = shift_month(year, month, 1)
    else:
        published = context.day()
        year, month = published.year, published.month
        if ahead and first < published.day:
            year, month = shift_month(year, month, 1)
        elif not ahead and first > published.day:
            year, month = shift_month(year, month, -1)
    if first == last:
        return day_span(date(year, month, first), local)
    return days_span(date(year, month, first), date(year, month, last))
