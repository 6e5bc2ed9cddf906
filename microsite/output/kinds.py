"""The registry of page kinds: every kind of page the site has, its template, where its
pages come from and its view. Adding a kind of page is one entry here, one view (in
``views``) and one template."""
from __future__ import annotations

from .pages import PageKind
from .views import chronology, entities, lists, pages, reports

KINDS: tuple[PageKind, ...] = (
    PageKind("home", "home.html", lists.home_pages, lists.home_view, heavy=True),
    PageKind("report", "report.html", reports.report_pages, reports.report_view),
    PageKind("source", "source.html", reports.source_pages, reports.source_view),
    PageKind("entity", "entity.html", entities.entity_pages, entities.entity_view, heavy=True),
    PageKind("entities", "entities.html", entities.index_pages, entities.index_view, heavy=True),
    PageKind("chronology", "chronology.html", chronology.chronology_pages, chronology.chronology_view, heavy=True),
    PageKind("page", "page.html", pages.plain_pages, pages.plain_view),
    PageKind("search", "search.html", pages.search_pages, pages.search_view),
    PageKind("missing", "404.html", pages.missing_pages, pages.missing_view),
)
