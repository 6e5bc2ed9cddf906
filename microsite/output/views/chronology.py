"""The chronology: its pages (events by year and month, each date in a gutter beside its
headline, with its status, corroboration, names and sources; a pager that names each
page's dates) and the overview of months on the first page.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..overview import month_chart
from ..pages import PageKind, Pager, Planned, paged
from ..site import EVENTS_PER_PAGE, STATUS_LABELS, Site, chronology_group, group_label

STATUS_NAMES = {"happened": "일어난 일", **STATUS_LABELS}


@dataclass(frozen=True)
class Section:
    key: str  # its heading's id: "m2024-07", "m2024-h1", "m2024-y"
    year: int
    place: int  # 0: the year as a whole, odd: a half-year, 2 × month
    label: str  # "2024년 7월"
    first: int  # the number of its first event
    count: int

    @property
    def page(self) -> int:
        """The page that holds its first event."""
        return self.first // EVENTS_PER_PAGE + 1

    @property
    def heading(self) -> str:
        """Its heading under its year's."""
        if self.place == 0:
            return "연도만 알려진 일"
        if self.place % 2:
            return "상반기" if self.place == 1 else "하반기"
        return f"{self.place // 2}월"


def sections(site: Site) -> list[Section]:
    """The chronology's sections in order, each a run of events (computed once per site)."""
    cached = getattr(site, "_chronology_sections", None)
    if cached is not None:
        return cached
    found: list[Section] = []
    for number, event in enumerate(site.chronology_order):
        year, place, key = chronology_group(event.when)
        if found and found[-1].key == key:
            last = found[-1]
            found[-1] = Section(last.key, last.year, last.place, last.label, last.first, last.count + 1)
        else:
            found.append(Section(key, year, place, group_label(event.when, site.lang), number, 1))
    site._chronology_sections = found
    return found


def page_spans(site: Site) -> list[str]:
    """Each page's dates, from its first event's section to its last's ("2023년 7월 – 2024년 3월")."""
    order, spans = site.chronology_order, []
    for start in range(0, len(order), EVENTS_PER_PAGE):
        first = group_label(order[start].when, site.lang)
        last = group_label(order[min(start + EVENTS_PER_PAGE, len(order)) - 1].when, site.lang)
        spans.append(first if first == last else f"{first} – {last}")
    return spans or [""]


def chronology_pages(kind: PageKind, site: Site) -> list[Planned]:
    order, reports = site.chronology_order, site.reports
    spans = page_spans(site)
    chart = [(s.key, s.label, s.count, s.page) for s in sections(site)]

    def inputs(pager: Pager) -> tuple:
        shown = pager.slice(order)  # their sources' reports give the labels; the first page draws the overview
        sources = {source.report for event in shown for source in event.sources}
        return (len(order), site.model.chronology.merged, [site.event_digests[event.id] for event in shown],
                site.model.registry_key,
                tuple(site.summary_digest(slug) for slug in sorted(sources) if slug in reports),
                spans, chart if pager.number == 1 else ())

    return paged(kind, site, "chronology/", len(order), EVENTS_PER_PAGE, (), inputs)


def chronology_view(site: Site, pager: Pager) -> dict:
    chronology, order = site.model.chronology, site.chronology_order
    shown = pager.slice(order)
    starts = {s.key: s for s in sections(site)}
    years: list[dict] = []
    for number, event in enumerate(shown, start=pager.first_entry):
        view = site.event_view(event)
        if not years or years[-1]["year"] != view["year"]:
            years.append({"year": view["year"], "count": 0, "sections": []})
        year = years[-1]
        year["count"] += 1
        if not year["sections"] or year["sections"][-1]["key"] != view["group"]:
            section = starts[view["group"]]
            year["sections"].append({"key": section.key, "heading": section.heading, "label": section.label,
                                     "total": section.count, "continued": section.first < number,
                                     "continues": section.first + section.count > pager.first_entry + len(shown),
                                     "events": []})
        year["sections"][-1]["events"].append(view)
    spans = page_spans(site)
    pages = pager.view()
    if pages:
        for entry in pages["pages"]:
            if entry:
                entry["span"] = spans[entry["number"] - 1]
        pages["previous_span"] = spans[pager.number - 2] if pager.number > 1 else ""
        pages["next_span"] = spans[pager.number] if pager.number < pager.count else ""
    return {"page": {"title": "연표" if pager.number == 1 else f"연표 {pager.number}쪽",
                     "description": "보도가 전하는 날짜로 엮은 사건 연표. 각 사건은 근거 문장으로 이어집니다."},
            "years": years, "count": len(order), "merged": chronology.merged,
            "span": spans[pager.number - 1] if pager.count > 1 else "",
            "overview": month_chart(sections(site), len(order)) if pager.number == 1 and order else "",
            "pager": pages, "statuses": STATUS_NAMES}
