"""The author's corrections to the chronology: ``content/chronology.toml``.

    [events."<report slug>#<anchor>.<n>"]   # an extracted event, by its id
    label = "…"            # retitle
    date = "2022-10-07"    # re-date: YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD
    hide = true            # leave it out
    merge_into = "<id>"    # one entry with the other event's
    future = true          # still ahead when reported

    [[added]]              # an event the reports do not date
    id = "…"; date = "…"; label = "…"; text = "…"; entities = ["…"]; sources = ["<slug>#p-3"]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .config import parse_toml
from .errors import UserError, line_of, relative

CURATION_NAME = "chronology.toml"


@dataclass(frozen=True)
class Curation:
    path: str
    edits: dict  # id -> (fields, line)
    added: tuple[tuple[dict, int], ...]


def load_curation(content_dir: Path, root: Path) -> Curation | None:
    path = content_dir / CURATION_NAME
    if not path.exists():
        return None
    rel = relative(path, root)
    text = path.read_text(encoding="utf-8")
    data = parse_toml(text, rel)
    unknown = sorted(set(data) - {"events", "added"})
    if unknown:
        raise UserError(rel, line_of(text, re.escape(unknown[0])), f"unknown table '{unknown[0]}' (use [events.\"<id>\"] or [[added]])")
    edits = {}
    for event_id, fields in data.get("events", {}).items():
        line = line_of(text, re.escape(f'"{event_id}"'))
        extra = sorted(set(fields) - {"date", "label", "hide", "merge_into", "future"})
        if extra:
            raise UserError(rel, line, f"unknown field '{extra[0]}' for event '{event_id}' (date, label, hide, merge_into, future)")
        edits[event_id] = (fields, line)
    added = []
    headers = [number for number, row in enumerate(text.splitlines(), start=1) if re.match(r"\s*\[\[added\]\]", row)]
    for fields, line in zip(data.get("added", []), headers, strict=False):
        for key in ("id", "date", "label"):
            if not isinstance(fields.get(key), str) or not fields[key]:
                raise UserError(rel, line, f"an added event needs '{key}'")
        added.append((fields, line))
    return Curation(path=rel, edits=edits, added=tuple(added))
