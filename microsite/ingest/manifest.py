"""The researcher's manifest, ``seeds/sources.toml``: per seed file, the facts its text
lacks or gets wrong (outlet, publication date and how sure it is, slug, title, notes)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..content.schema import ANY, FLAG, TABLE, TEXTS, Field, TomlLines, parse_toml, read_text, slug, text_by_language, validate
from ..errors import UserError
from ..when import parse_published

MANIFEST_NAME = "sources.toml"


def _published(value: str) -> str | None:
    return None if parse_published(value) else f"{value!r} must be YYYY-MM-DD or YYYY-MM, a real date"


FIELDS = {
    "slug": Field(check=slug), "title": Field(nonempty=True), "outlet": Field(nonempty=True), "outlet_en": Field(),
    "published": Field(check=_published), "published_estimated": Field(FLAG),
    "authors": Field(TEXTS, nonempty=True), "cites": Field(TEXTS, nonempty=True), "rights": Field(),
    "notes": Field(ANY, check=text_by_language),
}


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
    text = read_text(path, path)
    lines = TomlLines(text)
    data = parse_toml(text, path)
    validate(data, {"seeds": Field(TABLE)}, path=path, line=lines.finder(), where=MANIFEST_NAME)
    entries: dict[str, SourceEntry] = {}
    slugs: dict[str, str] = {}
    for file, values in data.get("seeds", {}).items():
        line = lines.line("seeds", file)
        if not isinstance(values, dict):
            raise UserError(path, line, f"'{file}' must be a table of fields")
        if "/" in file or "\\" in file or file.startswith("."):
            raise UserError(path, line, f"'{file}' must be a file name inside seeds/, not a path")
        validate(values, FIELDS, path=path, line=lines.finder("seeds", file), where=f'[seeds."{file}"]')
        if "slug" in values:
            if values["slug"] in slugs:
                raise UserError(path, lines.line("seeds", file, "slug"),
                                f"slug '{values['slug']}' is already used by {slugs[values['slug']]}")
            slugs[values["slug"]] = file
        entries[file] = SourceEntry(file=file, line=line, values=dict(values))
    return entries
