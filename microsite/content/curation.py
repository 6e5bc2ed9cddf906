"""The author's corrections to the chronology: ``content/chronology.toml``.

    [events."<report slug>#<anchor>.<n>"]   # an extracted event, by its id
    label = "…"            # retitle
    date = "2022-10-07"    # re-date: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD
    hide = true            # leave it out
    merge_into = "<id>"    # one entry with the other event's
    status = "scheduled"   # happened, scheduled, planned or cancelled (future = true: scheduled)

    [[added]]              # an event the reports do not date
    id = "…"; date = "…"; label = "…"; text = "…"; entities = ["…"]; sources = ["<slug>#p-3"]
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError, relative
from ..when import STATUSES, parse_iso
from .schema import FLAG, TABLE, TABLES, TEXTS, Field, TomlLines, parse_toml, read_text, validate

CURATION_NAME = "chronology.toml"


def _date(value: str) -> str | None:
    return None if parse_iso(value) else f"{value!r} must be YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD, a real date"


def _status(value: str) -> str | None:
    return None if value in STATUSES else f"{value!r} must be one of {', '.join(STATUSES)}"


EDIT_FIELDS = {"label": Field(nonempty=True), "date": Field(check=_date), "hide": Field(FLAG),
               "merge_into": Field(nonempty=True), "future": Field(FLAG),
               "status": Field(check=_status)}
ADDED_FIELDS = {"id": Field(required=True, nonempty=True), "date": Field(required=True, check=_date),
                "label": Field(required=True, nonempty=True), "text": Field(), "entities": Field(TEXTS),
                "sources": Field(TEXTS), "future": Field(FLAG), "status": Field(check=_status)}


@dataclass(frozen=True)
class Curation:
    path: str
    edits: dict  # id -> (fields, line)
    added: tuple[tuple[dict, int], ...]  # (fields, line)
    lines: TomlLines  # for messages about a key of an entry


def load_curation(content_dir: Path, root: Path) -> Curation | None:
    path = content_dir / CURATION_NAME
    if not path.exists():
        return None
    rel = relative(path, root)
    text = read_text(path, rel)
    lines = TomlLines(text)
    data = parse_toml(text, rel)
    validate(data, {"events": Field(TABLE), "added": Field(TABLES)}, path=rel, line=lines.finder(), where=CURATION_NAME)
    edits = {}
    for event_id, fields in data.get("events", {}).items():
        if not isinstance(fields, dict):
            raise UserError(rel, lines.line("events", event_id), f"'{event_id}' must be a table ([events.\"<id>\"])")
        validate(fields, EDIT_FIELDS, path=rel, line=lines.finder("events", event_id), where=f'[events."{event_id}"]')
        edits[event_id] = (fields, lines.line("events", event_id))
    added = []
    for number, fields in enumerate(data.get("added", [])):
        validate(fields, ADDED_FIELDS, path=rel, line=lines.finder("added", number), where="[[added]]")
        if fields["id"] in edits or any(fields["id"] == other["id"] for other, _ in added):
            raise UserError(rel, lines.line("added", number, "id"), f"id '{fields['id']}' is already used; give each event its own")
        added.append((fields, lines.line("added", number)))
    return Curation(path=rel, edits=edits, added=tuple(added), lines=lines)
