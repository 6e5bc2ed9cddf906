"""The overview of a list by month (the chronology's events, the home page's reports): a
row of twelve month bars for each year, each bar a link to its month's section (on
whichever page of the list holds it), showing its count and named by it ("2024년 7월:
12건"). Plain HTML and CSS (heights in eight steps, as classes: the site's CSP allows no
inline styles), readable without JavaScript; the filters (``assets/filters.js``) recount it.

A year with few entries among many years gets no row: it is listed under the rows as a
link with its count, so a long archive's overview stays a few rows high."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from .pages import Pager, page_spans, page_url

LEVELS = 8  # bar heights
MAX_ROWS = 10  # years drawn as rows before the quiet ones are folded into links


class Group(Protocol):
    """A run of a list's entries: a month, or a part of a year that only counts to the year."""

    @property
    def key(self) -> str: ...  # its heading's id, and the filters' name of it
    @property
    def year(self) -> int: ...
    @property
    def month(self) -> int: ...  # 1–12, or 0 when it is not a month (a year or a half-year as a whole)
    @property
    def count(self) -> int: ...
    @property
    def href(self) -> str: ...  # its heading, from the list's first page
    @property
    def year_href(self) -> str: ...  # where its year begins, from the list's first page (asked of the year's first group)


UNDATED = "undated"  # the heading id of a list's undated entries


@dataclass(frozen=True)
class Month:
    """A run of a paged list (home's reports, an entity's mentions) published in one month,
    or its undated entries (year and month 0); a ``Group`` of the chart."""

    key: str  # its heading's id: "m2024-07", or UNDATED
    year: int
    month: int
    label: str  # "2024년 7월"
    first: int  # the number of its first entry
    count: int
    list_url: str  # the list's first page ("" for home, "entities/nvidia/")
    per_page: int

    @property
    def page(self) -> int:
        """The page that holds its first entry."""
        return self.first // self.per_page + 1

    @property
    def url(self) -> str:
        """Its heading, from the site's root."""
        return f"{page_url(self.list_url, self.page)}#{self.key}"

    @property
    def href(self) -> str:
        """Its heading, from the list's first page (where the chart is)."""
        return f"{page_url(self.list_url, self.page)[len(self.list_url):]}#{self.key}"

    @property
    def year_href(self) -> str:
        """A year begins at its newest month (lists are newest first)."""
        return self.href


def list_months(published: Iterable[str], list_url: str, per_page: int, lang) -> list[Month]:
    """The months of a list whose entries (newest first, the undated last) have these dates
    of publication ("2024-07-18", "2024-07" or "")."""
    found: list[Month] = []
    for number, value in enumerate(published):
        key = f"m{value[:7]}" if value else UNDATED
        if found and found[-1].key == key:
            last = found[-1]
            found[-1] = Month(key, last.year, last.month, last.label, last.first, last.count + 1, list_url, per_page)
        elif value:
            found.append(Month(key, int(value[:4]), int(value[5:7]), lang.format_published(value[:7]), number, 1,
                               list_url, per_page))
        else:
            found.append(Month(key, 0, 0, lang.words.UNKNOWN_DATE, number, 1, list_url, per_page))
    return found


def month_spans(months: Sequence[Month], per_page: int) -> list[str]:
    """Each page's months, from its first entry's to its last's (the pager names pages by them)."""
    starts = [month.first for month in months]
    return page_spans(sum(month.count for month in months), per_page,
                      lambda number: months[bisect_right(starts, number) - 1].label)


def page_months(months: Sequence[Month], pager: Pager, shown: int) -> list[dict]:
    """The months a page of *shown* entries holds, each with the range of its entries there
    (begin, end) and whether it began on the page before or goes on after it."""
    first, last = pager.first_entry, pager.first_entry + shown
    return [{"month": month, "begin": max(month.first, first), "end": min(month.first + month.count, last),
             "continued": month.first < first, "continues": month.first + month.count > last}
            for month in months if month.first < last and month.first + month.count > first]


def level(count: int, peak: int) -> int:
    """A bar's height step, 1–LEVELS for any entry (0 for none); the busiest month is LEVELS."""
    return 0 if count <= 0 else max(1, -(-count * LEVELS // max(peak, 1)))


def month_chart(groups: Sequence[Group], total: int) -> str:
    """The chart of *groups* (in the list's order) of a list of *total* entries."""
    years: dict[int, list[Group]] = {}
    for group in groups:
        years.setdefault(group.year, []).append(group)
    counts = {year: sum(g.count for g in members) for year, members in years.items()}
    rows = sorted(years)
    if len(rows) > MAX_ROWS:  # the quiet years of a long archive become links under the rows
        rows = [year for year in rows if counts[year] * 100 >= total] or sorted(years, key=lambda y: -counts[y])[:1]
    folded = [year for year in sorted(years) if year not in rows]
    months = {(g.year, g.month): g for g in groups if g.month}
    peak = max((g.count for (year, _), g in months.items() if year in rows), default=1)
    out = ['<div class="chart">',
           '<p class="chart-head" aria-hidden="true"><span class="chart-corner"></span>'
           + "".join(f'<span>{month}<span class="wide">월</span></span>' for month in range(1, 13)) + "</p>",
           '<ol class="chart-rows">']
    for year in rows:
        out.append(f'<li class="chart-row"><a class="chart-year" href="{years[year][0].year_href}" data-year="{year}">'
                   f'<span class="chart-year-name">{year}년</span> <span class="chart-year-count">{counts[year]}건</span></a>'
                   '<ol class="chart-bars">')
        for month in range(1, 13):
            group = months.get((year, month))
            name = f"{year}년 {month}월"
            if group is None:
                out.append(f'<li><span class="bar lv0"><span class="visually-hidden">{name}: 0건</span></span></li>')
                continue
            out.append(f'<li><a class="bar lv{level(group.count, peak)}" href="{group.href}" '
                       f'data-section="{group.key}"><span class="bar-fill"></span><span class="bar-count">'
                       f'<span class="visually-hidden">{name}: </span><span class="n">{group.count}</span>'
                       '<span class="visually-hidden">건</span></span></a></li>')
        out.append("</ol></li>")
    out.append("</ol>")
    if folded:
        links = " · ".join(f'<a class="chart-year" href="{years[year][0].year_href}" data-year="{year}">'
                           f'{year}년 <span class="chart-year-count">{counts[year]}건</span></a>' for year in folded)
        out.append(f'<p class="chart-other">그 밖의 해: {links}</p>')
    out.append("</div>")
    return "\n".join(out)
