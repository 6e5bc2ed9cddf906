"""The chronology's overview: a row of twelve month bars for each year, each bar a link to
its month's section (on whichever page of the chronology holds it), showing its count
and named by it ("2024년 7월: 12건"). Plain HTML and CSS (heights in eight steps, as classes: the site's
CSP allows no inline styles), readable without JavaScript; the filters
(``assets/chronology.js``) recount it.

A year with few events among many years gets no row: it is listed under the rows as a
link with its count, so a long archive's overview stays a few rows high."""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .views.chronology import Section

LEVELS = 8  # bar heights
MAX_ROWS = 10  # years drawn as rows before the quiet ones are folded into links


def level(count: int, peak: int) -> int:
    """A bar's height step, 1–LEVELS for any event (0 for none); the busiest month is LEVELS."""
    return 0 if count <= 0 else max(1, -(-count * LEVELS // max(peak, 1)))


def section_href(section: Section) -> str:
    """A section's address from the chronology's first page."""
    return f"{'' if section.page == 1 else f'{section.page}/'}#{section.key}"


def month_chart(sections: Sequence[Section], total: int) -> str:
    years: dict[int, list[Section]] = {}
    for section in sections:
        years.setdefault(section.year, []).append(section)
    counts = {year: sum(s.count for s in members) for year, members in years.items()}
    rows = sorted(years)
    if len(rows) > MAX_ROWS:  # the quiet years of a long archive become links under the rows
        rows = [year for year in rows if counts[year] * 100 >= total] or sorted(years, key=lambda y: -counts[y])[:1]
    folded = [year for year in sorted(years) if year not in rows]
    months = {(s.year, s.place // 2): s for s in sections if s.place and not s.place % 2}
    peak = max((s.count for (year, _), s in months.items() if year in rows), default=1)
    out = ['<section class="overview" aria-labelledby="overview-title" data-pagefind-ignore>',
           '<h2 class="overview-title" id="overview-title">달마다 본 사건 수</h2>',
           '<p class="note" id="overview-note">막대를 누르면 그 달의 사건으로 갑니다. 연도나 반기만 알려진 일은 '
           '해마다의 합계에 들어 있습니다.</p>',
           '<div class="chart">',
           '<p class="chart-head" aria-hidden="true"><span class="chart-corner"></span>'
           + "".join(f'<span>{month}<span class="wide">월</span></span>' for month in range(1, 13)) + "</p>",
           '<ol class="chart-rows">']
    for year in rows:
        first = years[year][0]
        out.append(f'<li class="chart-row"><a class="chart-year" href="{_year_href(first)}" data-year="{year}">'
                   f'<span class="chart-year-name">{year}년</span> <span class="chart-year-count">{counts[year]}건</span></a>'
                   '<ol class="chart-bars">')
        for month in range(1, 13):
            section = months.get((year, month))
            name = f"{year}년 {month}월"
            if section is None:
                out.append(f'<li><span class="bar lv0"><span class="visually-hidden">{name}: 0건</span></span></li>')
                continue
            out.append(f'<li><a class="bar lv{level(section.count, peak)}" href="{section_href(section)}" '
                       f'data-section="{section.key}"><span class="bar-fill"></span><span class="bar-count">'
                       f'<span class="visually-hidden">{name}: </span><span class="n">{section.count}</span>'
                       '<span class="visually-hidden">건</span></span></a></li>')
        out.append("</ol></li>")
    out.append("</ol>")
    if folded:
        links = " · ".join(f'<a class="chart-year" href="{_year_href(years[year][0])}" data-year="{year}">'
                           f'{year}년 <span class="chart-year-count">{counts[year]}건</span></a>' for year in folded)
        out.append(f'<p class="chart-other">그 밖의 해: {links}</p>')
    out.append("</div></section>")
    return "\n".join(out)


def _year_href(first: Section) -> str:
    return f"{'' if first.page == 1 else f'{first.page}/'}#y{first.year}"

