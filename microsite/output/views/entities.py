"""An entity's page (its facts, companions and latest events, then the sentences of the
reports that mention it, a page of reports at a time) and the index of all entities."""
from __future__ import annotations

from markupsafe import Markup, escape

from ...content.entities import KINDS, Entity
from ...search.terms import entity_names, name_keys
from ..markdown import render_body
from ..pages import PageKind, Pager, Planned, paged, plan
from ..site import Site, entity_url

MENTIONING_REPORTS_PER_PAGE = 30  # an entity's reports, with their sentences
ENTITY_EVENTS = 60  # the latest events listed on an entity's page
MATRIX_REPORTS = 40  # the newest reports in the index's mention table


def entity_pages(kind: PageKind, site: Site) -> list[Planned]:
    """An entity's pages depend on it, the registry, the reports that mention it and its events."""
    index, registry, texts, pages = site.model.index, site.model.registry_key, site.model.texts, []
    for entity in site.model.corpus.entities:
        mentioning = tuple((site.summary_digest(report.slug), texts[report.slug].mention_digests[entity.id])
                           for report, _ in index.mentions_of(entity.id))
        counted = (len(mentioning), sum(index.counts[entity.id].values()))  # every page's description says them
        events = site.events_of.get(entity.id, ())
        shown = [(site.event_digests[event.id], [site.summary_digest(s.report) for s in event.sources if s.report in site.reports],
                  site.event_page(event)) for event in events[-ENTITY_EVENTS:]]
        everything = (mentioning, len(events), shown)  # the first page's facts, companions and events

        def inputs(pager: Pager, entity=entity, mentioning=mentioning, counted=counted, everything=everything) -> tuple:
            return (entity, registry, counted, pager.slice(mentioning), everything if pager.number == 1 else ())

        pages += paged(kind, site, entity_url(entity.id), len(mentioning), MENTIONING_REPORTS_PER_PAGE, (entity,), inputs)
    return pages


def entity_view(site: Site, entity: Entity, pager: Pager) -> dict:
    index = site.model.index
    mentioning = index.mentions_of(entity.id)
    first = pager.number == 1  # the facts, companions and events are on the first page only
    events = site.events_of.get(entity.id, [])
    kind_label = site.lang.words.KIND_LABELS[entity.kind]
    mentions = sum(index.counts[entity.id].values())
    view = {"id": entity.id, "name": entity.name, "name_en": entity.name_en, "kind": entity.kind, "kind_label": kind_label,
            "aliases": [a.text for a in entity.aliases], "wikidata": entity.wikidata, "url": entity.url,
            "reports": [_mentioning_report(site, report, found) for report, found in pager.slice(mentioning)],
            "report_count": len(mentioning), "first_report": pager.first_entry + 1,
            "description": render_body(entity.description, entity.path, entity.body_line) if first else "",
            "events": [site.event_view(e) for e in events[-ENTITY_EVENTS:]] if first else [],
            "event_count": len(events), "mention_count": mentions,
            "appears_with": [{"name": e.name, "url": entity_url(e.id), "count": n}
                             for e, n in (index.appears_with(entity.id) if first else [])]}
    return {"page": {"title": entity.name if first else f"{entity.name}: 언급 {pager.number}쪽",
                     "description": f"{kind_label}. 보도 {len(mentioning)}건에서 {mentions}회 언급."},
            "entity": view, "entity_names": entity_names([entity]), "name_keys": name_keys(entity),
            "pager": pager.view()}


def _mentioning_report(site: Site, report, found) -> dict:
    """A report's sentences that mention the entity, each once, its mentions marked."""
    sentences: list[dict] = []
    for occurrence in found:
        key = (occurrence.anchor, occurrence.start - occurrence.sentence_start)
        if sentences and sentences[-1]["key"] == key:  # two mentions in one sentence: one line
            sentences[-1]["marks"].append((occurrence.sentence_start, occurrence.sentence_end))
            continue
        sentences.append({"key": key, "anchor": occurrence.anchor, "text": occurrence.sentence,
                          "marks": [(occurrence.sentence_start, occurrence.sentence_end)]})
    for sentence in sentences:
        sentence["html"] = _highlight(sentence["text"], sentence["marks"])
    summary = site.summary(report.slug)
    return {"title": report.title, "url": summary["url"], "outlet": report.outlet, "date_label": summary["date_label"],
            "count": len(found), "sentences": sentences}


def _highlight(sentence: str, marks: list[tuple[int, int]]) -> Markup:
    """The sentence as HTML with its mentions in <mark> (built here rather than in the
    template: an entity page can hold thousands of sentences)."""
    parts, cursor = [], 0
    for start, end in sorted(marks):
        if start < cursor:
            continue
        parts += [escape(sentence[cursor:start]), "<mark>", escape(sentence[start:end]), "</mark>"]
        cursor = end
    parts.append(escape(sentence[cursor:]))
    return Markup("".join(parts))


def index_pages(kind: PageKind, site: Site) -> list[Planned]:
    index, reports = site.model.index, site.model.corpus.reports
    newest = [report.slug for report in reports[:MATRIX_REPORTS]]
    counts = [(entity.id, len(index.counts[entity.id]), sum(index.counts[entity.id].values()),
               [index.counts[entity.id][slug] for slug in newest]) for entity in index.entities]
    shown = [site.summary_digest(slug) for slug in newest]
    return [plan(kind, site, "entities/", (), (site.model.registry_key, len(reports), counts, shown))]


def index_view(site: Site) -> dict:
    index, reports = site.model.index, site.model.corpus.reports
    shown = [site.summary(report.slug) for report in reports[:MATRIX_REPORTS]]
    groups = []
    for kind in KINDS:
        members = [{"name": e.name, "name_en": e.name_en, "url": entity_url(e.id), "reports": len(index.counts[e.id]),
                    "mentions": sum(index.counts[e.id].values())} for e in index.entities if e.kind == kind]
        if members:
            groups.append({"label": site.lang.words.KIND_LABELS[kind],
                           "entities": sorted(members, key=lambda m: (-m["reports"], m["name"]))})
    mentioned = sorted((e for e in index.entities if index.counts[e.id]),
                       key=lambda e: (-len(index.counts[e.id]), -sum(index.counts[e.id].values()), e.name))
    peak = max((n for e in mentioned for n in index.counts[e.id].values()), default=1)
    matrix = [{"name": e.name, "url": entity_url(e.id), "reports": len(index.counts[e.id]),
               "cells": [{"count": index.counts[e.id][r["slug"]], "level": _level(index.counts[e.id][r["slug"]], peak)}
                         for r in shown]}
              for e in mentioned]
    return {"page": {"title": "색인", "description": "보도에 나오는 기업·칩·기관·지역·인물·매체와 각각이 언급된 보도."},
            "groups": groups, "matrix": matrix, "reports": shown, "report_count": len(reports)}


def _level(count: int, peak: int) -> int:
    """Shade 0–4 for a count (0 = none)."""
    if count <= 0:
        return 0
    return min(4, 1 + (count * 4 - 1) // max(peak, 1))
