"""The researcher's manifest, ``seeds/sources.toml``: per seed file, the facts its text
lacks or gets wrong (outlet, publication date and how sure it is, slug, title, notes)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..config import parse_toml
from ..errors import UserError, line_of
from ..when import parse_published

MANIFEST_NAME = "sources.toml"
_FIELDS = {
    "slug": str, "title": str, "outlet": str, "outlet_en": str, "published": str,
    "published_estimated": bool, "authors": list, "cites": list, "rights": str, "notes": str,
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class SourceEntry:
    """What the researcher recorded about one seed file."""

    file: str
    line: int | None
    values: dict = field(default_factory=dict)

    def get(self, key: str, default=None):
        return self.values.get(key, default)


def load_manifest(seeds_dir: Path) -> dict[str, SourceEntry]:
    """Entries by seed file name; an absent manifest is an empty one."""
    path = seeds_dir / MANIFEST_NAME
    if not path.exists():
        return {}
    text = path.read_text(encoding="utf-8-sig")
    data = parse_toml(text, path)
    unknown = sorted(set(data) - {"seeds"})
    if unknown:
        raise UserError(path, _line(text, unknown[0]), f"unknown table '{unknown[0]}' (expected [seeds.\"<file>\"])")
    entries: dict[str, SourceEntry] = {}
    slugs: dict[str, str] = {}
    for file, values in data.get("seeds", {}).items():
        line = _line(text, file)
        if not isinstance(values, dict):
            raise UserError(path, line, f"'{file}' must be a table of fields")
        if "/" in file or "\\" in file or file.startswith("."):
            raise UserError(path, line, f"'{file}' must be a file name inside seeds/, not a path")
        for key, value in values.items():
            key_line = _line(text, key, after=line)
            if key not in _FIELDS:
                raise UserError(path, key_line, f"unknown field '{key}' (known: {', '.join(sorted(_FIELDS))})")
            if not isinstance(value, _FIELDS[key]):
                raise UserError(path, key_line, f"'{key}' must be a {_FIELDS[key].__name__}")
            if key in {"authors", "cites"} and not all(isinstance(item, str) and item for item in value):
                raise UserError(path, key_line, f"'{key}' must be a list of non-empty strings")
        if "slug" in values:
            if not SLUG.match(values["slug"]):
                raise UserError(path, _line(text, "slug", after=line), f"slug {values['slug']!r} must be lowercase ASCII words joined by '-'")
            if values["slug"] in slugs:
                raise UserError(path, _line(text, "slug", after=line), f"slug '{values['slug']}' is already used by {slugs[values['slug']]}")
            slugs[values["slug"]] = file
        if "published" in values and parse_published(values["published"]) is None:
            raise UserError(path, _line(text, "published", after=line), f"published {values['published']!r} must be YYYY-MM-DD or YYYY-MM, a real date")
        entries[file] = SourceEntry(file=file, line=line, values=dict(values))
    return entries



def _line(text: str, key: str, after: int | None = None) -> int | None:
    """The line of a table header naming *key* (``[seeds."<key>"]``), or of ``key = …``."""
    return line_of(text, rf'^\s*(\[.*"{re.escape(key)}"\]|{re.escape(key)}\s*=)', after)
