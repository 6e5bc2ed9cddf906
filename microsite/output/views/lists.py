"""The home page: an overview of the archive on its first page (how many reports and
outlets, the span of their dates, the most-mentioned names, a bar per month), then the
reports newest first, grouped by month of publication (a report known to the month in
its month, the undated last), REPORTS_PER_PAGE a page with a pager that names each
page's months; its filters by outlet, year and name read ``page/data/`` (``filterdata``).
The chronology's pages are in ``chronology``."""
from __future__ import annotations

from ...cache import digest
from ..filterdata import File, entity_rows, list_files, outlet_file, outlet_rows
from ..overview import Month, list_months, month_chart, month_spans, page_months
from ..pages import PageKind, Pager, Planned, paged
from ..site import EVENTS_PER_PAGE, Site, entity_url

REPORTS_PER_PAGE = 100  # home
TOP_ENTITIES = 8  # names in the overview
CHUNK = 20  # reports in one file of page/data/reports/
SHOWN = 20  # reports a filtered list shows at a time: it fetches at most SHOWN files of reports
DATA = "page/data/"

__all__ = ["EVENTS_PER_PAGE", "REPORTS_PER_PAGE", "home_files", "home_pages", "home_view"]


def months(site: Site) -> list[Month]:
    """The list's months in order."""
    return site.once("home months", lambda: list_months((report.published for report in site.model.corpus.reports), "",
                                                        REPORTS_PER_PAGE, site.lang))


def overview(site: Site) -> dict:
    """What the archive holds: its reports, outlets, first and last dates, the names most
    reports mention (places aside: every report names one) and the chart of months."""
    reports, index = site.model.corpus.reports, site.model.index
    dated = sorted(report.published for report in reports if report.published)
    named = [(len(index.counts[entity.id]), entity) for entity in site.model.corpus.entities
             if entity.kind != "place" and index.counts[entity.id]]
    named.sort(key=lambda pair: (-pair[0], pair[1].name, pair[1].id))
    dates = [{"iso": value, "label": site.lang.format_published(value)} for value in (dated[:1] + dated[-1:])]
    groups = [month for month in months(site) if month.year]
    return {"reports": f"{len(reports):,}", "outlets": f"{len({report.outlet for report in reports if report.outlet}):,}",
            "dates": dates, "entities": [{"name": entity.name, "url": entity_url(entity.id), "count": count}
                                         for count, entity in named[:TOP_ENTITIES]],
            "chart": month_chart(groups, sum(month.count for month in groups)) if groups else ""}


def spans(site: Site) -> list[str]:
    """Each page's months, from its first report's to its last's."""
    return site.once("home spans", lambda: month_spans(months(site), REPORTS_PER_PAGE))


def _groups(site: Site, pager: Pager) -> list[dict]:
    """The months a page shows (some of them begun on the page before or going on after it)."""
    return page_months(months(site), pager, len(pager.slice(site.model.corpus.reports)))


def home_pages(kind: PageKind, site: Site) -> list[Planned]:
    """A page shows its reports' summaries, its months and every page's span; the first
    page the overview, which is made of every report's outlet and date and every name's count."""
    reports = site.model.corpus.reports
    named = digest(spans(site))  # once, not for each of the pages
    first = overview(site)

    def inputs(pager: Pager) -> tuple:
        return (len(reports), tuple(site.summary_digest(report.slug) for report in pager.slice(reports)),
                _groups(site, pager), named, first if pager.number == 1 else ())

    return paged(kind, site, "", len(reports), REPORTS_PER_PAGE, (), inputs)


def home_view(site: Site, pager: Pager) -> dict:
    config, reports = site.config, site.model.corpus.reports
    named = spans(site)
    groups = [{"key": run["month"].key, "label": run["month"].label, "total": run["month"].count,
               "continued": run["continued"], "continues": run["continues"],
               "reports": [site.summary(report.slug) for report in reports[run["begin"]:run["end"]]]}
              for run in _groups(site, pager)]
    return {"page": {"title": config.title if pager.number == 1 else f"{config.title}: 보도 목록 {pager.number}쪽",
                     "description": config.description},
            "months": groups, "total": f"{len(reports):,}", "span": named[pager.number - 1] if pager.count > 1 else "",
            "overview": overview(site) if pager.number == 1 and reports else None, "pager": pager.view(named)}


def record(summary: dict) -> dict:
    """A report as a filtered list shows it (``assets/home.js``): short keys, and only what it has."""
    item = {"u": summary["url"], "t": summary["title"], "o": summary["outlet"], "d": summary["date_label"]}
    if summary["published"]:
        item["p"] = summary["published"]
    if summary["title_note"]:
        item["n"] = summary["title_note"]
    if summary["deck"]:
        item["k"] = list(summary["deck"])
    elif summary["teaser"]:
        item["x"] = summary["teaser"]
    return item


def home_files(site: Site) -> list[File]:
    """The data files of the home page's filters: reports by outlet, by name, and in chunks."""
    reports, index = site.model.corpus.reports, site.model.index
    by_entity: dict[str, list[int]] = {}
    by_outlet: dict[str, list[int]] = {}
    for number, report in enumerate(reports):
        for entity_id in sorted(site.mentioned(report.slug)):
            by_entity.setdefault(entity_id, []).append(number)
        by_outlet.setdefault(site.outlet(report), []).append(number)
    lists = {**{f"entity/{key}": numbers for key, numbers in by_entity.items()},
             **{f"outlet/{outlet_file(key)}": numbers for key, numbers in by_outlet.items()}}
    choices = {"entities": entity_rows(by_entity, lambda entity_id: index.entity(entity_id).name),
               "outlets": outlet_rows(by_outlet)}
    return list_files(DATA, "reports", count=len(reports), per_page=REPORTS_PER_PAGE, chunk=CHUNK, shown=SHOWN,
                      sections=[[m.key, m.label, m.first, m.count] for m in months(site)], choices=choices, lists=lists,
                      chunk_inputs=lambda numbers: tuple(site.summary_digest(reports[n].slug) for n in numbers),
                      records=lambda numbers: [record(site.summary(reports[n].slug)) for n in numbers])
