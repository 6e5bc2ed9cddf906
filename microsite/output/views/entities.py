"""An entity's pages and the index of all entities.

An entity's first page is its overview (facts, the names it appears with, a chart of the
reports that mention it by month), its latest events and the first of its mentions; the
mentions are the reports that name it, newest first under their months, MENTIONING_REPORTS_PER_PAGE
a page, each with its first sentences shown and the rest folded. A media outlet that
reports credit as their original source lists those reports too, as many a page and
newest first, each with the sentences it is credited with and the dates they state
(the reports crediting it are among those naming it, so its pages hold them). An entity named by more
than one report can be filtered by outlet and year in the browser (``entities/<id>/data/``,
read by ``assets/filters.js``), so a big entity's page stays short on a phone.

The index lists the entities by kind, then the most-named ones against the months (or,
over a long archive, the years) and the outlets: each cell a link to those mentions; and
the original sources against the outlets whose reports credit them."""
from __future__ import annotations

from collections import Counter
from urllib.parse import quote

from markupsafe import Markup, escape

from ...cache import digest
from ...content.entities import KINDS, Entity
from ...search.terms import entity_names, name_keys
from ..filterdata import File, list_files, outlet_rows
from ..markdown import render_body
from ..overview import Month, list_months, month_chart, month_spans, page_months
from ..pages import PageKind, Pager, Planned, paged, plan
from ..site import REPORTS_PER_ENTITY_PAGE, Site, entity_url

MENTIONING_REPORTS_PER_PAGE = REPORTS_PER_ENTITY_PAGE  # an entity's reports, with their sentences
SENTENCES_SHOWN = 2  # a report's sentences shown before the rest are folded
ENTITY_EVENTS = 10  # the latest events listed on an entity's first page
CHUNK = 20  # reports in one file of an entity's filter data
MATRIX_ENTITIES = 30  # the most-named entities in the index's tables
MATRIX_MONTHS = 72  # more months than this in the archive (six years): the table's columns are years
MATRIX_OUTLETS = 12  # the busiest outlets in the table of outlets


def months(site: Site, entity_id: str) -> list[Month]:
    """The months of an entity's mentioning reports."""
    return site.once(("entity months", entity_id), lambda: list_months(
        (report.published for report, _ in site.model.index.mentions_of(entity_id)), entity_url(entity_id),
        MENTIONING_REPORTS_PER_PAGE, site.lang))


def mention_totals(site: Site, entity_id: str) -> tuple[int, int]:
    """How many times the entity is mentioned, and by how many outlets."""
    index = site.model.index
    return site.once(("entity totals", entity_id), lambda: (
        sum(index.counts[entity_id].values()), len({site.outlet(report) for report, _ in index.mentions_of(entity_id)})))


def filtered(site: Site, entity_id: str) -> bool:
    """Whether the entity's mentions can be filtered: more than one report names it."""
    return len(site.model.index.mentions_of(entity_id)) > 1


def entity_pages(kind: PageKind, site: Site) -> list[Planned]:
    """An entity's pages depend on it, the registry, the reports that mention it and its events."""
    index, registry, texts, pages = site.model.index, site.model.registry_key, site.model.texts, []
    for entity in site.model.corpus.entities:
        mentioning = tuple((site.summary_digest(report.slug), texts[report.slug].mention_digests[entity.id])
                           for report, _ in index.mentions_of(entity.id))
        citing = tuple(_citing_digest(site, entity.id, slug) for slug in site.citing.get(entity.id, ()))
        counted = digest(len(mentioning), mention_totals(site, entity.id), _spans(site, entity.id),
                         len(citing), _citing_outlets(site, entity.id))  # every page shows them
        events = site.events_of.get(entity.id, ())
        shown = [(site.event_digests[event.id], [site.summary_digest(s.report) for s in event.sources if s.report in site.reports],
                  site.event_page(event)) for event in events[-ENTITY_EVENTS:]]
        everything = (mentioning, len(events), shown)  # the first page's facts, companions, chart and events

        def inputs(pager: Pager, entity=entity, mentioning=mentioning, counted=counted, everything=everything,
                   citing=citing) -> tuple:
            return (entity, registry, counted, pager.slice(mentioning), pager.slice(citing),
                    everything if pager.number == 1 else ())

        pages += paged(kind, site, entity_url(entity.id), len(mentioning), MENTIONING_REPORTS_PER_PAGE, (entity,), inputs)
    return pages


def _citing_digest(site: Site, outlet: str, slug: str) -> tuple:
    """What an original source's page shows of a report crediting it: the report as lists
    show it, the sentences and the events (with their chronology pages) they state."""
    credited = [a for a in site.model.texts[slug].attributions if a.outlet == outlet]
    events = [(site.event_digests[e.id], site.event_page(e)) for a in credited
              for e in site.sentence_events.get((slug, a.anchor, a.sentence), ())]
    return site.summary_digest(slug), credited, events


def _spans(site: Site, entity_id: str) -> list[str]:
    """What each page of the entity's mentions spans, by month."""
    return site.once(("entity spans", entity_id), lambda: month_spans(months(site, entity_id), MENTIONING_REPORTS_PER_PAGE))


def entity_view(site: Site, entity: Entity, pager: Pager) -> dict:
    index = site.model.index
    mentioning = index.mentions_of(entity.id)
    first = pager.number == 1  # the overview and the events are on the first page only
    events = site.events_of.get(entity.id, [])
    kind_label = site.lang.words.KIND_LABELS[entity.kind]
    mentions, outlets = mention_totals(site, entity.id)
    order = months(site, entity.id)
    runs = page_months(order, pager, len(pager.slice(mentioning)))
    dated = [month for month in order if month.year]
    view = {"id": entity.id, "name": entity.name, "name_en": entity.name_en, "kind": entity.kind, "kind_label": kind_label,
            "aliases": [a.text for a in entity.aliases], "wikidata": entity.wikidata, "url": entity.url,
            "months": [{"key": run["month"].key, "label": run["month"].label, "continued": run["continued"],
                        "continues": run["continues"],
                        "reports": [_mentioning_report(site, *mentioning[n]) for n in range(run["begin"], run["end"])]}
                       for run in runs],
            "report_count": len(mentioning), "first_report": pager.first_entry + 1,
            "last_report": pager.first_entry + len(pager.slice(mentioning)), "filtered": filtered(site, entity.id),
            "outlets": outlets,
            "description": render_body(entity.description, entity.path, entity.body_line) if first else "",
            "chart": month_chart(dated, sum(month.count for month in dated)) if first and dated else "",
            "events": [site.event_view(e) for e in reversed(events[-ENTITY_EVENTS:])] if first else [],
            "event_count": len(events), "mention_count": mentions,
            "appears_with": [{"name": e.name, "url": entity_url(e.id), "count": n}
                             for e, n in (index.appears_with(entity.id) if first else [])],
            "origins": _origins(site, entity.id, pager)}
    return {"page": {"title": entity.name if first else f"{entity.name}: 언급 {pager.number}쪽",
                     "description": f"{kind_label}. 보도 {len(mentioning)}건에서 {mentions}회 언급."},
            "entity": view, "entity_names": entity_names([entity]), "name_keys": name_keys(entity),
            "pager": pager.view(_spans(site, entity.id))}


def _origins(site: Site, outlet: str, pager: Pager) -> dict | None:
    """The reports that credit *outlet* as their original source, this page's share of
    them: each with its sentences credited to it (the outlet's mentions marked), the cue,
    and the dates the chronology read in them; the first shown, the rest folded."""
    citing = site.citing.get(outlet, [])
    shown = pager.slice(citing)
    if not shown:
        return None
    reports = []
    for slug in shown:
        text, summary = site.model.texts[slug], site.summary(slug)
        sentences = []
        for a in text.attributions:
            if a.outlet != outlet:
                continue
            marks = [(o.start - a.start, o.end - a.start) for o in text.occurrences
                     if o.entity == outlet and o.anchor == a.anchor and a.start <= o.start < a.end]
            events = site.sentence_events.get((slug, a.anchor, a.sentence), [])
            sentences.append({"anchor": a.anchor, "block": site.block_label(a.anchor), "html": _highlight(a.sentence, marks),
                              "cue": f"{a.cue}…" if a.carried else f"…{a.cue}", "carried": a.carried,
                              "dates": [{"label": site.lang.format_when(e.when), "iso": e.when.html_datetime(),
                                         "url": site.event_url(e)} for e in events]})
        reports.append({"id": f"origin-{slug}", "title": summary["title"], "url": summary["url"],
                        "outlet": site.outlet(site.reports[slug]), "published": summary["published"],
                        "date_label": summary["date_label"], "count": len(sentences),
                        "shown": sentences[:SENTENCES_SHOWN], "folded": sentences[SENTENCES_SHOWN:]})
    return {"count": len(citing), "first": pager.first_entry + 1, "last": pager.first_entry + len(shown),
            "outlets": _citing_outlets(site, outlet), "reports": reports}


def _citing_outlets(site: Site, outlet: str) -> int:
    """How many outlets' reports credit *outlet*."""
    return site.once(("citing outlets", outlet),
                     lambda: len({site.outlet(site.reports[slug]) for slug in site.citing.get(outlet, ())}))


def _sentences(site: Site, found) -> tuple[list[dict], list[dict]]:
    """A report's sentences that mention the entity, each once, with its mentions' spans
    and the block it is in: those shown, and those folded."""
    sentences: list[dict] = []
    for occurrence in found:
        key = (occurrence.anchor, occurrence.start - occurrence.sentence_start)
        if sentences and sentences[-1]["key"] == key:  # two mentions in one sentence: one line
            sentences[-1]["marks"].append((occurrence.sentence_start, occurrence.sentence_end))
            continue
        sentences.append({"key": key, "anchor": occurrence.anchor, "block": site.block_label(occurrence.anchor),
                          "text": occurrence.sentence, "marks": [(occurrence.sentence_start, occurrence.sentence_end)]})
    return sentences[:SENTENCES_SHOWN], sentences[SENTENCES_SHOWN:]


def _mentioning_report(site: Site, report, found) -> dict:
    """A report as an entity's mentions show it: its sentences, the first shown, the rest folded."""
    shown, folded = _sentences(site, found)
    for sentence in shown + folded:
        sentence["html"] = _highlight(sentence["text"], sentence["marks"])
    summary = site.summary(report.slug)
    return {"title": report.title, "url": summary["url"], "outlet": site.outlet(report), "published": report.published,
            "date_label": summary["date_label"], "count": len(found), "shown": shown, "folded": folded}


def _record(site: Site, report, found) -> dict:
    """A report as a filtered list of mentions shows it (``assets/entity.js``): short keys,
    each sentence as [anchor, block, text, [[start, end], …]], those shown ("s") and those
    folded ("f")."""
    summary = site.summary(report.slug)
    shown, folded = ([[s["anchor"], s["block"], s["text"], [list(mark) for mark in s["marks"]]] for s in part]
                     for part in _sentences(site, found))
    item = {"u": summary["url"], "t": report.title, "o": site.outlet(report), "d": summary["date_label"], "c": len(found),
            "s": shown}
    if folded:
        item["f"] = folded
    if report.published:
        item["p"] = report.published
    return item


def _highlight(sentence: str, marks: list[tuple[int, int]]) -> Markup:
    """The sentence as HTML with its mentions in <mark> (built here rather than in the
    template: an entity's pages can hold thousands of sentences)."""
    parts, cursor = [], 0
    for start, end in sorted(marks):
        if start < cursor:
            continue
        parts += [escape(sentence[cursor:start]), "<mark>", escape(sentence[start:end]), "</mark>"]
        cursor = end
    parts.append(escape(sentence[cursor:]))
    return Markup("".join(parts))


def entity_files(site: Site) -> list[File]:
    """The data files of the entities' filters: their mentioning reports by outlet, and in chunks."""
    index, texts, files = site.model.index, site.model.texts, []
    for entity in site.model.corpus.entities:
        if not filtered(site, entity.id):
            continue
        mentioning = index.mentions_of(entity.id)
        by_outlet: dict[str, list[int]] = {}
        for number, (report, _) in enumerate(mentioning):
            by_outlet.setdefault(site.outlet(report), []).append(number)
        files += list_files(
            f"{entity_url(entity.id)}data/", "reports", count=len(mentioning), per_page=MENTIONING_REPORTS_PER_PAGE,
            chunk=CHUNK, shown=MENTIONING_REPORTS_PER_PAGE,
            sections=[[m.key, m.label, m.first, m.count] for m in months(site, entity.id)],
            choices={"outlets": outlet_rows(by_outlet, inline=True)}, lists={},
            chunk_inputs=lambda numbers, mentioning=mentioning, entity=entity: tuple(
                (site.summary_digest(mentioning[n][0].slug), texts[mentioning[n][0].slug].mention_digests[entity.id])
                for n in numbers),
            records=lambda numbers, mentioning=mentioning: [_record(site, *mentioning[n]) for n in numbers])
    return files


def index_pages(kind: PageKind, site: Site) -> list[Planned]:
    index, reports = site.model.index, site.model.corpus.reports
    counts = [(entity.id, sorted(index.counts[entity.id].items())) for entity in index.entities]
    dates = [(report.slug, report.published, report.outlet) for report in reports]
    return [plan(kind, site, "entities/", (), (site.model.registry_key, counts, dates, sorted(site.citing.items())))]


def index_view(site: Site) -> dict:
    index = site.model.index
    groups = []
    for kind in KINDS:
        members = [{"name": e.name, "name_en": e.name_en, "url": entity_url(e.id), "reports": len(index.counts[e.id]),
                    "mentions": sum(index.counts[e.id].values())} for e in index.entities if e.kind == kind]
        if members:
            groups.append({"label": site.lang.words.KIND_LABELS[kind],
                           "entities": sorted(members, key=lambda m: (-m["reports"], m["name"]))})
    named = sorted((e for e in index.entities if index.counts[e.id]),
                   key=lambda e: (-len(index.counts[e.id]), -sum(index.counts[e.id].values()), e.name))
    return {"page": {"title": "색인", "description": "보도에 나오는 기업·칩·기관·지역·인물·매체와 각각이 언급된 보도."},
            "groups": groups, "named": len(named), "by_time": _by_time(site, named[:MATRIX_ENTITIES]),
            "by_outlet": _by_outlet(site, named[:MATRIX_ENTITIES]), "by_origin": _by_origin(site)}


def _table(rows: list[dict], columns: list[dict]) -> dict:
    """A table of counts: each cell's shade (0–4) against the busiest cell."""
    peak = max((cell["count"] for row in rows for cell in row["cells"]), default=1)
    for row in rows:
        for cell in row["cells"]:
            cell["level"] = _level(cell["count"], peak)
    return {"rows": rows, "columns": columns}


def _by_time(site: Site, entities: list[Entity]) -> dict:
    """Entities × months, newest first (years when the archive spans more than MATRIX_MONTHS
    months): the number of reports naming the entity then, each a link to that month of its
    mentions (to a year's newest month)."""
    dated = [report.published for report in site.model.corpus.reports if report.published]
    by_year = len({value[:7] for value in dated}) > MATRIX_MONTHS
    unit = (lambda month: str(month.year)) if by_year else (lambda month: month.key[1:])
    keys = list(dict.fromkeys(value[:4] if by_year else value[:7] for value in sorted(dated, reverse=True)))
    columns = [{"key": key, "label": f"{key}년" if by_year else f"{key[:4]}.{key[5:]}",
                "title": f"{key}년" if by_year else site.lang.format_published(key)} for key in keys]
    rows = []
    for entity in entities:
        found: dict[str, list[Month]] = {}
        for month in months(site, entity.id):
            if month.year:
                found.setdefault(unit(month), []).append(month)
        rows.append({"name": entity.name, "url": entity_url(entity.id),
                     "cells": [{"count": sum(m.count for m in found.get(key, ())),
                                "href": found[key][0].url if key in found else ""} for key in keys]})
    return {**_table(rows, columns), "unit": "연도" if by_year else "달"}


def _by_outlet(site: Site, entities: list[Entity]) -> dict:
    """Entities × the busiest outlets: the reports of the outlet naming the entity, each a
    link to the entity's mentions filtered by the outlet."""
    totals = Counter(site.outlet(report) for report in site.model.corpus.reports)
    outlets = sorted(totals, key=lambda name: (-totals[name], name))
    shown = outlets[:MATRIX_OUTLETS]
    rows = []
    for entity in entities:
        counts = Counter(site.outlet(report) for report, _ in site.model.index.mentions_of(entity.id))
        rows.append({"name": entity.name, "url": entity_url(entity.id),
                     "cells": [{"count": counts.get(name, 0), "href": _outlet_href(site, entity.id, name)} for name in shown]})
    return {**_table(rows, [{"key": name, "label": name, "title": name} for name in shown]),
            "outlets": len(outlets)}


def _by_origin(site: Site) -> dict:
    """Which original sources feed which outlets: the sources reports credit (most credited
    first) × the outlets whose reports credit them (the busiest MATRIX_OUTLETS), each cell
    the number of those reports and a link to the first of them on the source's page. An
    aggregate, so it stays one table however many reports there are."""
    index = site.model.index
    originals = sorted(site.citing, key=lambda outlet: (-len(site.citing[outlet]), index.entity(outlet).name))
    totals = Counter(site.outlet(site.reports[slug]) for slugs in site.citing.values() for slug in set(slugs))
    outlets = sorted(totals, key=lambda name: (-totals[name], name))
    shown = outlets[:MATRIX_OUTLETS]
    rows = []
    for outlet in originals[:MATRIX_ENTITIES]:
        first: dict[str, str] = {}
        counts: Counter = Counter()
        for slug in site.citing[outlet]:
            name = site.outlet(site.reports[slug])
            counts[name] += 1
            first.setdefault(name, site.origin_url(outlet, slug))
        rows.append({"name": index.entity(outlet).name, "url": f"{entity_url(outlet)}#origins",
                     "cells": [{"count": counts.get(name, 0), "href": first.get(name, "")} for name in shown]})
    return {**_table(rows, [{"key": name, "label": name, "title": name} for name in shown]),
            "outlets": len(outlets), "originals": len(originals)}


def _outlet_href(site: Site, entity_id: str, outlet: str) -> str:
    """The entity's mentions by *outlet*: its filter's address, or its mentions when it has no filter."""
    query = f"?outlet={quote(outlet)}" if filtered(site, entity_id) else ""
    return f"{entity_url(entity_id)}{query}#mentions"


def _level(count: int, peak: int) -> int:
    """Shade 0–4 for a count (0 = none)."""
    if count <= 0:
        return 0
    return min(4, 1 + (count * 4 - 1) // max(peak, 1))
