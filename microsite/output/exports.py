"""Data exports for researchers, under ``data/``: every entity with every mention
(``entities.json``), the chronology as JSON and CSV, and the chronology in TimelineJS3's
format."""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from datetime import date
from html import escape
from types import ModuleType

from ..model.chronology import Chronology
from ..model.references import EntityIndex
from ..when import DAY_LEVEL


def entities_json(index: EntityIndex) -> Iterator[bytes]:
    """Every entity with its aliases and every mention, for reuse; entity by entity."""
    yield b'{"entities":['
    for number, entity in enumerate(index.entities):
        mentions = [{"report": report.slug, "anchor": o.anchor, "sentence": o.sentence, "text": o.text,
                     "start": o.start, "end": o.end, "sentence_start": o.sentence_start, "sentence_end": o.sentence_end}
                    for report, found in index.mentions_of(entity.id) for o in found]
        yield (b"," if number else b"") + _compact_json({
            "id": entity.id, "name": entity.name, "name_en": entity.name_en, "kind": entity.kind,
            "aliases": [a.text for a in entity.aliases], "wikidata": entity.wikidata or None, "url": entity.url or None,
            "reports": len({m["report"] for m in mentions}), "mentions": mentions}).encode("utf-8")
    offsets = _compact_json("start/end index the block's plain text (the paragraph at 'anchor'); sentence_start/"
                            "sentence_end index 'sentence'. Counted in Unicode code points.")
    yield b'],"offsets":' + offsets.encode("utf-8") + b"}\n"


def _compact_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def chronology_json(chronology: Chronology, lang: ModuleType) -> bytes:
    """*lang*: the site's language, which writes the date labels."""
    data = [{"id": e.id, "aliases": list(e.aliases), "date": e.when.iso(), "precision": e.when.precision,
             "qualifier": e.when.qualifier or None,
             "date_label": lang.format_when(e.when), "text": e.text, "label": e.headline, "entities": list(e.entities),
             "sources": [{"report": s.report, "anchor": s.anchor or None} for s in e.sources],
             "future": e.future, "status": e.status, "kind": e.kind, "curated": e.curated}
            for e in chronology.events]
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def chronology_csv(chronology: Chronology, lang: ModuleType) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["id", "date", "precision", "qualifier", "date_label", "future", "kind", "curated", "label", "text",
                     "entities", "sources"])
    for e in chronology.events:
        writer.writerow([_cell(value) for value in (
            e.id, e.when.iso(), e.when.precision, e.when.qualifier, lang.format_when(e.when), e.future, e.kind, e.curated,
            e.headline, e.text, " ".join(e.entities), " ".join(f"{s.report}#{s.anchor}" if s.anchor else s.report for s in e.sources))])
    return out.getvalue().encode("utf-8")


def _cell(value) -> str:
    """A CSV cell that a spreadsheet shows as text: one that would start a formula
    (=, +, -, @, a tab or a carriage return) gets a leading apostrophe (OWASP's advice)."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def timeline_json(chronology: Chronology, title: str, description: str, report_url, titles: dict[str, str],
                  lang: ModuleType) -> bytes:
    """The same events in TimelineJS3's JSON format."""
    def part(day: date, precision: str) -> dict:
        value = {"year": str(day.year)}
        if precision != "year":
            value["month"] = str(day.month)
        if precision in DAY_LEVEL:
            value["day"] = str(day.day)
        return value

    events = []
    for e in chronology.events:  # TimelineJS shows headline and text as HTML: every value is escaped
        links = "".join(f'<p><a href="{escape(report_url(s.report) + ("#" + s.anchor if s.anchor else ""))}">'
                        f"{escape(titles.get(s.report, s.report))}</a></p>" for s in e.sources)
        item = {"unique_id": re.sub(r"[^A-Za-z0-9_-]", "-", e.id), "start_date": part(e.when.start, e.when.precision),
                "display_date": escape(lang.format_when(e.when) + (f" ({lang.words.SCHEDULED})" if e.future else "")),
                "text": {"headline": escape(e.headline), "text": f"<p>{escape(e.text)}</p>{links}"},
                "group": str(e.when.start.year)}
        if e.when.end != e.when.start and e.when.precision in ("range", "week", "half"):
            item["end_date"] = part(e.when.end, "day" if e.when.precision != "half" else "month")
        events.append(item)
    data = {"title": {"text": {"headline": escape(title), "text": escape(description)}}, "events": events}
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
