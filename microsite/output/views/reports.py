"""A report's page and its source page (the raw capture beside its exact bytes)."""
from __future__ import annotations

from ...content.entities import KINDS
from ...ingest.audit import audit_text
from ...ingest.decode import decode_seed
from ...search.terms import entity_names
from .. import citation
from ..pages import PageKind, Planned, plan
from ..site import Site, entity_url, report_url
from .audit import audit_view


def report_pages(kind: PageKind, site: Site) -> list[Planned]:
    """A report's page depends on it, the registry, its events (and the chronology page each
    is on), how its related and neighbouring reports are listed, and where its original
    sources' pages list it."""
    registry = site.model.registry_key

    def others(slug: str) -> list:
        return [(r.slug, r.events, r.names, site.summary_digest(r.slug)) for r in site.model.related[slug]] + \
            [site.summary_digest(other) if other else "" for other in site.neighbours[slug]]

    return [plan(kind, site, report_url(report), (report.slug,),
                 (report.digest, registry, [(site.event_digests[e.id], site.event_page(e)) for e in site.events_in.get(report.slug, ())],
                  others(report.slug),
                  sorted({site.origin_url(a.outlet, report.slug) for a in site.model.texts[report.slug].attributions})))
            for report in site.model.corpus.reports]


def report_view(site: Site, slug: str) -> dict:
    report, summary = site.reports[slug], site.summary(slug)
    index = site.model.index
    entities = [index.entity(e) for e in sorted(site.mentioned(slug))]
    description = " · ".join(report.deck) or report.summary or summary["teaser"] or report.title
    return {"page": {"title": report.title, "language": report.language,
                     "description": f"{report.outlet} {site.lang.format_published(report.published)}: {description}".strip()[:300],
                     "subtitle": f"{report.outlet} · {summary['date_label']}"},
            "report": summary, "body": site.body_html(report), "in_report": in_report(site, slug),
            "events": [_event(site, event) for event in site.events_in.get(slug, ())],
            "related": [_listed(site, r.slug, _why(r)) for r in site.model.related[slug]],
            "older": _listed(site, site.neighbours[slug][0]), "newer": _listed(site, site.neighbours[slug][1]),
            "entity_names": entity_names(entities), "mentioned_names": [e.name for e in entities],
            "self_links": site.lang.words.SELF_LINKS, "cite": _cite(site.citation(report), report)}


def _cite(item: dict, report) -> dict:
    """What the page says of itself to reference managers (meta tags, JSON-LD) and the
    cite block: the references in each style, and the files to download, made in the
    browser from the texts the page shows."""
    return {"meta": citation.highwire(item), "json_ld": citation.json_ld(item, report.outlet_en),
            "styles": citation.references(item), "estimated": report.published_estimated and "issued" in item,
            "files": [{**file, "name": f"{report.slug}.{file['extension']}"} for file in citation.files([item])]}


def _event(site: Site, event) -> dict:
    """One of the report's events, as its page lists it: date, status and headline, a link to its chronology entry."""
    return {"date": site.lang.format_when(event.when), "iso": event.when.html_datetime(), "headline": event.headline,
            "status_label": site.lang.words.STATUS_LABELS.get(event.status, ""), "kind": event.kind, "url": site.event_url(event)}


def _listed(site: Site, slug: str | None, why: str = "") -> dict | None:
    """Another report as a link: title, outlet, date, and why it is listed."""
    if slug is None:
        return None
    summary = site.summary(slug)
    return {"title": summary["title"], "url": summary["url"], "outlet": summary["outlet"], "date_label": summary["date_label"],
            "why": why}


def _why(related) -> str:
    reasons = ([f"같은 사건 {related.events}건"] if related.events else []) + \
        ([f"같은 이름 {related.names}개"] if related.names else [])
    return " · ".join(reasons)


def in_report(site: Site, slug: str) -> list[dict]:
    """The entities a report names, by kind (the registry's order), most mentioned first."""
    counts: dict[str, int] = {}
    for occurrence in site.model.texts[slug].occurrences:
        counts[occurrence.entity] = counts.get(occurrence.entity, 0) + 1
    groups = []
    for kind in KINDS:
        label = site.lang.words.KIND_LABELS[kind]
        members = sorted(((e, counts[e.id]) for e in site.model.corpus.entities if e.kind == kind and e.id in counts),
                         key=lambda pair: (-pair[1], pair[0].name))
        if members:
            groups.append({"label": label, "entities": [{"name": e.name, "url": entity_url(e.id), "count": n}
                                                        for e, n in members]})
    return groups


def source_pages(kind: PageKind, site: Site) -> list[Planned]:
    return [plan(kind, site, f"sources/{report.slug}/", (report.slug,),
                 (report.digest, site.file_digest(report.source), site.recorded_audit(report)), shares_card_of=report_url(report))
            for report in site.model.corpus.reports]


def source_view(site: Site, slug: str) -> dict:
    """The raw capture, decoded for reading, beside a link to its exact bytes, and what the
    normalizer made of each of its lines (the audit)."""
    report = site.reports[slug]
    data = site.seed_bytes(report)
    decoded = decode_seed(data)
    audit = audit_text(decoded.text, site.recorded_audit(report))
    return {"page": {"title": f"원문 수집본: {report.title}", "description": f"{report.source}의 원문 그대로의 텍스트"},
            "report": site.summary(slug), "text": decoded.text, "encoding": decoded.encoding, "size": len(data),
            "sha256": site.file_digest(report.source), "audit": audit_view(audit, site.lang.words)}
