"""The chronology: its pages (events by year and month, each date in a gutter beside its
headline, with its status, corroboration, names and sources; a pager that names each
page's dates), the overview of months on the first page, and the data files its filters
read under ``chronology/data/`` (``filterdata``): the events, one list per name, outlet
and status (``status/<status>.json``).

Events are numbered in the order the pages list them (``Site.chronology_order``).
"""
from __future__ import annotations

from dataclasses import dataclass

from ...cache import digest
from ..filterdata import File, entity_rows, list_files, outlet_file, outlet_rows
from ..overview import month_chart
from ..pages import PageKind, Pager, Planned, page_spans, paged
from ..site import EVENTS_PER_PAGE, Site, chronology_group, group_label

CHUNK = 25  # events in one file of events/: a filtered list of SHOWN events fetches at most SHOWN such files
SHOWN = 50  # events a filtered list shows at a time (assets/chronology.js)
DATA = "chronology/data/"


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

    @property
    def month(self) -> int:
        return 0 if self.place % 2 or not self.place else self.place // 2

    @property
    def href(self) -> str:
        """Its heading's address from the chronology's first page."""
        return f"{'' if self.page == 1 else f'{self.page}/'}#{self.key}"

    @property
    def year_href(self) -> str:
        """Its year's heading on its page, from the first page."""
        return f"{'' if self.page == 1 else f'{self.page}/'}#y{self.year}"


def sections(site: Site) -> list[Section]:
    """The chronology's sections in order, each a run of events."""
    return site.once("chronology sections", lambda: _sections(site))


def _sections(site: Site) -> list[Section]:
    found: list[Section] = []
    for number, event in enumerate(site.chronology_order):
        year, place, key = chronology_group(event.when)
        if found and found[-1].key == key:
            last = found[-1]
            found[-1] = Section(last.key, last.year, last.place, last.label, last.first, last.count + 1)
        else:
            found.append(Section(key, year, place, group_label(event.when, site.lang), number, 1))
    return found


def spans(site: Site) -> list[str]:
    """Each page's dates, from its first event's section to its last's."""
    order = site.chronology_order
    return site.once("chronology spans", lambda: page_spans(len(order), EVENTS_PER_PAGE,
                                                            lambda number: group_label(order[number].when, site.lang)))


def chronology_pages(kind: PageKind, site: Site) -> list[Planned]:
    order, reports = site.chronology_order, site.reports
    named = digest(spans(site))  # once, not for each of the pages
    chart = digest([(s.key, s.label, s.count, s.page) for s in sections(site)])

    def inputs(pager: Pager) -> tuple:
        shown = pager.slice(order)  # their sources' reports give the labels; the first page draws the overview
        sources = {source.report for event in shown for source in event.sources}
        return (len(order), site.model.chronology.merged, [site.event_digests[event.id] for event in shown],
                site.model.registry_key,
                tuple(site.summary_digest(slug) for slug in sorted(sources) if slug in reports),
                named, chart if pager.number == 1 else ())

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
    named = spans(site)
    return {"page": {"title": "연표" if pager.number == 1 else f"연표 {pager.number}쪽",
                     "description": "보도가 전하는 날짜로 엮은 사건 연표. 각 사건은 근거 문장으로 이어집니다."},
            "years": years, "count": len(order), "merged": chronology.merged,
            "span": named[pager.number - 1] if pager.count > 1 else "",
            "overview": month_chart(sections(site), len(order)) if pager.number == 1 and order else "",
            "pager": pager.view(named), "statuses": site.lang.words.STATUS_NAMES}


# ---------------------------------------------------------------------------- data files


def _outlets(site: Site, event) -> list[str]:
    """Whom an event is according to: the outlets of its reports and the outlets they credit."""
    names = []
    for source in event.sources:
        report = site.reports.get(source.report)
        if report is not None:
            names.append(site.outlet(report))
        if source.cites:
            names.append(source.cites)
    return list(dict.fromkeys(names))


def record(site: Site, event) -> dict:
    """An event as a filtered list shows it (``assets/chronology.js``): short keys, and
    only what differs from the usual (a status other than happened, several reports…)."""
    view = site.event_view(event)
    item = {"a": view["anchor"], "d": view["date"], "g": view["gutter"], "t": view["iso"], "h": view["headline"],
            "src": [[s["url"], s["outlet"], s["date"], s["cites"]] for s in view["sources"]]}
    if view["status"] != "happened":
        item["s"] = view["status"]
    if view["kind"] != "reported":
        item["k"] = view["kind"]
    if view["curated"]:
        item["c"] = 1
    if view["actors"]:
        item["who"] = [a["id"] for a in view["actors"]]
    if view["entities"]:
        item["e"] = [e["id"] for e in view["entities"]]
    if view["reports"] > 1:
        item["r"] = view["reports"]
    if view["other_dates"]:
        item["x"] = view["other_dates"]
    return item


def chronology_files(site: Site) -> list[File]:
    """The filters' data files."""
    order, index = site.chronology_order, site.model.index
    by_entity: dict[str, list[int]] = {}
    by_outlet: dict[str, list[int]] = {}
    by_status: dict[str, list[int]] = {}
    for number, event in enumerate(order):
        for entity_id in dict.fromkeys((*event.actors, *event.entities)):
            by_entity.setdefault(entity_id, []).append(number)
        for name in _outlets(site, event):
            by_outlet.setdefault(name, []).append(number)
        by_status.setdefault(event.status, []).append(number)
    lists = {**{f"entity/{key}": numbers for key, numbers in by_entity.items()},
             **{f"outlet/{outlet_file(key)}": numbers for key, numbers in by_outlet.items()},
             **{f"status/{key}": numbers for key, numbers in by_status.items()}}
    choices = {"entities": entity_rows(by_entity, lambda entity_id: index.entity(entity_id).name),
               "outlets": outlet_rows(by_outlet),
               "statuses": [[status, name, len(by_status[status])] for status, name in site.lang.words.STATUS_NAMES.items()
                            if status in by_status]}

    def chunk_inputs(numbers: range) -> tuple:
        chunk = order[numbers.start:numbers.stop]
        reports = sorted({source.report for event in chunk for source in event.sources if source.report in site.reports})
        return ([site.event_digests[event.id] for event in chunk], site.model.registry_key,
                [site.summary_digest(slug) for slug in reports])

    return list_files(DATA, "events", count=len(order), per_page=EVENTS_PER_PAGE, chunk=CHUNK, shown=SHOWN,
                      sections=[[s.key, s.label, s.first, s.count] for s in sections(site)], choices=choices, lists=lists,
                      chunk_inputs=chunk_inputs, records=lambda numbers: [record(site, order[n]) for n in numbers])
