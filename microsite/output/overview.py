"""A static SVG overview of the chronology: a year axis and a mark per event, readable
without JavaScript, with a title and a description for screen readers."""
from __future__ import annotations

from collections import Counter
from datetime import date
from html import escape
from types import ModuleType

from ..model.chronology import Chronology

WIDTH, HEIGHT, MARGIN = 640, 96, 24


MAX_STACK = 8  # events drawn at one place on the axis (from the fifth on they sit on top of each other)


def timeline_svg(chronology: Chronology, lang: ModuleType) -> str:
    """*lang*: the site's language, which writes the dates."""
    events = chronology.events
    if not events:
        return ""
    first, last = events[0].when.start.year, max(e.when.end.year for e in events)
    start, end = date(first, 1, 1), date(last + 1, 1, 1)
    span = (end - start).days

    def x(day: date) -> float:
        return MARGIN + (WIDTH - 2 * MARGIN) * (day - start).days / span

    per_year = Counter(e.when.start.year for e in events)
    description = ", ".join(f"{year}년 {per_year[year]}건" for year in range(first, last + 1))
    parts = [f'<svg class="timeline-overview" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
             f'aria-labelledby="overview-title overview-desc" xmlns="http://www.w3.org/2000/svg">',
             '<title id="overview-title">연표 한눈에 보기</title>',
             f'<desc id="overview-desc">사건 {len(events)}건: {escape(description)}</desc>',
             f'<line class="axis" x1="{MARGIN}" y1="60" x2="{WIDTH - MARGIN}" y2="60"/>']
    for year in range(first, last + 2):
        tick = x(date(year, 1, 1))
        parts.append(f'<line class="tick" x1="{tick:.1f}" y1="54" x2="{tick:.1f}" y2="66"/>')
        if year <= last:
            middle = x(date(year, 7, 1))
            parts.append(f'<text x="{middle:.1f}" y="86" text-anchor="middle">{year}</text>')
    stacked: Counter = Counter()
    for event in events:
        middle = event.when.start + (event.when.end - event.when.start) / 2
        cx = round(x(middle) / 6) * 6  # events close in time stack upwards
        level = stacked[cx]
        stacked[cx] += 1
        if level >= MAX_STACK:  # hidden under the others anyway: a large archive's overview stays small
            continue
        cy = 48 - 9 * min(level, 4)
        tip = f"<title>{escape(lang.format_when(event.when))}: {escape(event.headline)}</title>"
        if event.kind == "publication":  # a diamond
            px = x(middle)
            parts.append(f'<polygon class="publication" points="{px:.1f},{cy - 5} {px + 5:.1f},{cy} {px:.1f},{cy + 5} '
                         f'{px - 5:.1f},{cy}">{tip}</polygon>')
        else:
            parts.append(f'<circle class="{"future" if event.future else "event"}" cx="{x(middle):.1f}" cy="{cy}" r="4">{tip}</circle>')
    parts.append("</svg>")
    return "\n".join(parts)
