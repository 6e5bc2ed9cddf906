"""The entity registry: ``content/entities/<id>.md``, one page per company, chip,
agency, place, person, outlet… with every surface form the reports use (``aliases``)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError, relative
from .frontmatter import parse_page

# The kinds of entity, in the order the site lists them (their labels: ``lang.<code>.words``).
KINDS = ("company", "chip", "government body", "international organization", "media outlet", "place", "person",
         "research institution", "product/model")
ENTITY_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CONDITIONS = {"unless_preceded_by", "only_followed_by"}


@dataclass(frozen=True)
class Alias:
    """One surface form. Conditions make an ambiguous form count only in context:
    ``unless_preceded_by`` (상무부, but not after 중국) and ``only_followed_by`` (델 서버).
    A one-syllable Korean alias needs a condition; a lone Hanja abbreviation (美, 中) does not."""

    text: str
    unless_preceded_by: tuple[str, ...] = ()
    only_followed_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entity:
    id: str
    path: str
    name: str
    name_en: str
    kind: str
    aliases: tuple[Alias, ...]
    wikidata: str
    url: str
    description: str  # Markdown
    body_line: int


def load_entities(entities_dir: Path, root: Path) -> tuple[Entity, ...]:
    entities: list[Entity] = []
    owners: dict[str, str] = {}
    for path in sorted(entities_dir.glob("*.md")) if entities_dir.is_dir() else []:
        rel = relative(path, root)
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        entity = _entity(parse_page(text, rel), rel, path.stem, text)
        for alias in entity.aliases:
            key = alias.text
            if key in owners and owners[key] != entity.id:
                raise UserError(rel, _alias_line(text, key), f"alias '{key}' is already claimed by entity '{owners[key]}'")
            owners[key] = entity.id
        entities.append(entity)
    return tuple(entities)


def _entity(page, rel: str, stem: str, text: str) -> Entity:
    front = page.front
    if not ENTITY_ID.match(stem):
        raise UserError(rel, 1, f"entity id '{stem}' (the file name) must be lowercase ASCII words joined by '-'")
    if "id" in front and front["id"] != stem:
        raise UserError(rel, page.line("id"), f"id '{front['id']}' differs from the file name '{stem}'")
    for key in ("name", "kind"):
        if not isinstance(front.get(key), str) or not front[key].strip():
            raise UserError(rel, page.line(key), f"'{key}' is required and must be a string")
    if front["kind"] not in KINDS:
        raise UserError(rel, page.line("kind"), f"unknown kind '{front['kind']}' (known: {', '.join(KINDS)})")
    for key in ("name_en", "wikidata", "url"):
        if key in front and not isinstance(front[key], str):
            raise UserError(rel, page.line(key), f"'{key}' must be a string")
    if front.get("wikidata") and not re.fullmatch(r"Q\d+", front["wikidata"]):
        raise UserError(rel, page.line("wikidata"), "wikidata must be an item id such as Q182477")
    if front.get("url") and not front["url"].startswith(("https://", "http://")):
        raise UserError(rel, page.line("url"), "url must start with http:// or https://")
    unknown = sorted(set(front) - {"id", "name", "name_en", "kind", "aliases", "wikidata", "url"})
    if unknown:
        raise UserError(rel, page.line(unknown[0]), f"unknown key '{unknown[0]}'")
    raw = front.get("aliases")
    if not isinstance(raw, list) or not raw:
        raise UserError(rel, page.line("aliases"), "'aliases' must be a non-empty list of the names the reports use")
    aliases = [_alias(item, rel, text, page.line("aliases")) for item in raw]
    seen: set[str] = set()
    for alias in aliases:
        if alias.text in seen:
            raise UserError(rel, _alias_line(text, alias.text), f"alias '{alias.text}' is listed twice")
        seen.add(alias.text)
    return Entity(id=stem, path=rel, name=front["name"].strip(), name_en=front.get("name_en", ""), kind=front["kind"],
                  aliases=tuple(aliases), wikidata=front.get("wikidata", ""), url=front.get("url", ""),
                  description=page.body, body_line=page.body_line)


def _alias(item, rel: str, text: str, list_line: int) -> Alias:
    if isinstance(item, str):
        alias = Alias(item.strip())
    elif isinstance(item, dict) and isinstance(item.get("text"), str):
        extra = sorted(set(item) - _CONDITIONS - {"text"})
        if extra:
            raise UserError(rel, _alias_line(text, item["text"]), f"alias condition '{extra[0]}' is unknown (use {', '.join(sorted(_CONDITIONS))})")
        conditions = {}
        for key in _CONDITIONS & set(item):
            value = item[key]
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
                raise UserError(rel, _alias_line(text, item["text"]), f"'{key}' must be a string or a list of strings")
            conditions[key] = tuple(value)
        alias = Alias(item["text"].strip(), **conditions)
    else:
        raise UserError(rel, list_line, f"an alias must be a string or a mapping with 'text', not {item!r}")
    line = _alias_line(text, alias.text) or list_line
    if not alias.text:
        raise UserError(rel, line, "an alias must not be empty")
    if len(alias.text) == 1 and not re.match(r"[\u4e00-\u9fff]", alias.text) and not (alias.unless_preceded_by or alias.only_followed_by):
        raise UserError(rel, line, f"one-syllable alias '{alias.text}' would match too much; give it a condition "
                                   "(only_followed_by or unless_preceded_by) or use a longer form")
    return alias


def _alias_line(text: str, alias: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.search(rf"(^|[\s\[,:'\"-]){re.escape(alias)}($|[\s\],'\"])", line):
            return number
    return None
