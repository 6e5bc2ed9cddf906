"""Data exports for researchers, under ``data/``: every entity with every mention
(``entities.json``), the chronology as JSON and CSV, and the chronology in TimelineJS3's
format."""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path
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


SCHEMA_PATH = Path(__file__).with_name("chronology.schema.json")


@dataclass(frozen=True)
class ReportFacts:
    """What an event's sources say of their reports."""

    title: str
    outlet: str
    published: str
    url: str  # from the data/ directory


def event_records(chronology: Chronology, lang: ModuleType, reports: dict[str, ReportFacts]) -> list[dict]:
    """The chronology as records: who did what, when, with what status, according to whom
    (described by ``chronology.schema.json``). *lang*: the site's language, which writes the
    date labels."""
    records = []
    for e in chronology.events:
        sources = [{"report": s.report, "anchor": s.anchor or None,
                    "url": reports[s.report].url + (f"#{s.anchor}" if s.anchor else "") if s.report in reports else None,
                    "outlet": reports[s.report].outlet if s.report in reports else "",
                    "published": reports[s.report].published if s.report in reports else "",
                    "sentence": s.sentence, "cites": s.cites or None} for s in e.sources]
        records.append({
            "id": e.id, "aliases": list(e.aliases), "date": e.when.iso(), "start": e.when.start.isoformat(),
            "end": e.when.end.isoformat(), "precision": e.when.precision, "qualifier": e.when.qualifier or None,
            "date_label": lang.format_when(e.when), "headline": e.headline, "text": e.text, "status": e.status,
            "kind": e.kind, "curated": e.curated, "actors": list(e.actors), "entities": list(e.entities),
            "sources": sources, "corroboration": len({s.report for s in e.sources}),
            "other_dates": [when.iso() for when in e.other_dates]})
    return records


def chronology_json(records: list[dict]) -> bytes:
    return (json.dumps(records, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


CSV_COLUMNS = ["id", "date", "precision", "qualifier", "date_label", "status", "kind", "curated", "headline", "actors",
               "entities", "corroboration", "other_dates", "sources", "cites", "text"]


def chronology_csv(records: list[dict]) -> bytes:
    """One row per event; lists are space-separated, sources as ``report#anchor``."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        flat = {**r, "qualifier": r["qualifier"] or "", "actors": " ".join(r["actors"]), "entities": " ".join(r["entities"]),
                "other_dates": " ".join(r["other_dates"]),
                "sources": " ".join(s["report"] + (f"#{s['anchor']}" if s["anchor"] else "") for s in r["sources"]),
                "cites": " ".join(dict.fromkeys(s["cites"] for s in r["sources"] if s["cites"]))}
        writer.writerow([_cell(flat[column]) for column in CSV_COLUMNS])
    return out.getvalue().encode("utf-8")


def _cell(value) -> str:
    """A CSV cell that a spreadsheet shows as text: one that would start a formula
    (=, +, -, @, a tab or a carriage return) gets a leading apostrophe (OWASP's advice)."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def timeline_json(records: list[dict], title: str, description: str, lang: ModuleType) -> bytes:
    """The same events in TimelineJS3's JSON format."""
    def part(day: str, precision: str) -> dict:
        year, month, number = day.split("-")
        value = {"year": str(int(year))}
        if precision != "year":
            value["month"] = str(int(month))
        if precision in DAY_LEVEL:
            value["day"] = str(int(number))
        return value

    events = []
    for r in records:  # TimelineJS shows headline and text as HTML: every value is escaped
        links = "".join(f'<p><a href="{escape(s["url"])}">{escape(s["outlet"] or s["report"])}</a>'
                        + (f" ({escape(s['cites'])})" if s["cites"] else "") + "</p>" for s in r["sources"] if s["url"])
        status = lang.words.STATUS_LABELS.get(r["status"], "")
        item = {"unique_id": re.sub(r"[^A-Za-z0-9_-]", "-", r["id"]), "start_date": part(r["start"], r["precision"]),
                "display_date": escape(r["date_label"] + (f" ({status})" if status else "")),
                "text": {"headline": escape(r["headline"]), "text": f"<p>{escape(r['text'])}</p>{links}"},
                "group": r["start"][:4]}
        if r["end"] != r["start"] and r["precision"] in ("range", "week", "half"):
            item["end_date"] = part(r["end"], "day" if r["precision"] != "half" else "month")
        events.append(item)
    data = {"title": {"text": {"headline": escape(title), "text": escape(description)}}, "events": events}
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
