"""Pages that list the archive: the home page (reports, newest first) and the chronology."""
from __future__ import annotations

from ..overview import timeline_svg
from ..pages import PageKind, Pager, Planned, paged
from ..site import Site

REPORTS_PER_PAGE = 100  # home
EVENTS_PER_PAGE = 200  # chronology


def home_pages(kind: PageKind, site: Site) -> list[Planned]:
    reports = site.model.corpus.reports
    return paged(kind, site, "", len(reports), REPORTS_PER_PAGE, (),
                 lambda pager: (len(reports), tuple(site.summary_digest(report.slug) for report in pager.slice(reports))))


def home_view(site: Site, pager: Pager) -> dict:
    config, reports = site.config, site.model.corpus.reports
    return {"page": {"title": config.title if pager.number == 1 else f"{config.title}: 보도 목록 {pager.number}쪽",
                     "description": config.description},
            "reports": [site.summary(report.slug) for report in pager.slice(reports)], "total": len(reports),
            "pager": pager.view()}


def chronology_pages(kind: PageKind, site: Site) -> list[Planned]:
    events, reports = site.model.chronology.events, site.reports

    def inputs(pager: Pager) -> tuple:
        shown = pager.slice(events)  # their sources' reports give the labels; the first page draws the overview
        sources = {source.report for event in shown for source in event.sources}
        return (len(events), site.model.chronology.merged, [site.event_digests[event.id] for event in shown],
                site.model.registry_key,
                tuple(site.summary_digest(slug) for slug in sorted(sources) if slug in reports),
                site.chronology_digest if pager.number == 1 else "")

    return paged(kind, site, "chronology/", len(events), EVENTS_PER_PAGE, (), inputs)


def chronology_view(site: Site, pager: Pager) -> dict:
    chronology = site.model.chronology
    events = [site.event_view(e) for e in pager.slice(chronology.events)]
    years: dict[int, list[dict]] = {}
    for event in events:
        years.setdefault(event["year"], []).append(event)
    span = f"{events[0]['date']} – {events[-1]['date']}" if pager.count > 1 and events else ""
    return {"page": {"title": "연표" if pager.number == 1 else f"연표 {pager.number}쪽",
                     "description": "보도가 전하는 날짜로 엮은 사건 연표. 각 사건은 근거 문장으로 이어집니다."},
            "years": sorted(years.items()), "count": len(chronology.events), "merged": chronology.merged, "span": span,
            "overview": timeline_svg(chronology, site.lang) if pager.number == 1 else "", "pager": pager.view()}
