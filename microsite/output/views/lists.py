"""Pages that list the archive: the home page (reports, newest first); the chronology's
are in ``chronology``."""
from __future__ import annotations

from ..pages import PageKind, Pager, Planned, paged
from ..site import EVENTS_PER_PAGE, Site

REPORTS_PER_PAGE = 100  # home

__all__ = ["EVENTS_PER_PAGE", "REPORTS_PER_PAGE", "home_pages", "home_view"]


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
