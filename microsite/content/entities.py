"""The entity registry: ``content/entities/<id>.md``, one page per company, chip,
agency, place, person, outlet… with every surface form the reports use (``aliases``)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError, relative
from ..files import project_files
from .frontmatter import parse_page
from .schema import ANY, Field, read_text, validate

# The kinds of entity, in the order the site lists them (their labels: ``lang.<code>.words``).
KINDS = ("company", "chip", "government body", "international organization", "media outlet", "place", "person",
         "research institution", "product/model")
ENTITY_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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
    for path in project_files(entities_dir, "*.md", root):
        rel = relative(path, root)
        page = parse_page(read_text(path, rel), rel)
        entity = _entity(page, rel, path.stem)
        for number, alias in enumerate(entity.aliases):
            if owners.get(alias.text, entity.id) != entity.id:
                raise UserError(rel, page.line("aliases", number),
                                f"alias '{alias.text}' is already claimed by entity '{owners[alias.text]}'")
            owners[alias.text] = entity.id
        entities.append(entity)
    return tuple(entities)


def _wikidata(value: str) -> str | None:
    return None if not value or re.fullmatch(r"Q\d+", value) else "must be an item id such as Q182477"


def _http(value: str) -> str | None:
    return None if not value or value.startswith(("https://", "http://")) else "must start with http:// or https://"


FIELDS = {
    "id": Field(), "name": Field(required=True, nonempty=True), "name_en": Field(),
    "kind": Field(required=True, check=lambda kind: None if kind in KINDS else f"unknown kind '{kind}' (known: {', '.join(KINDS)})"),
    "aliases": Field(ANY, required=True), "wikidata": Field(check=_wikidata), "url": Field(check=_http),
}
CONDITIONS = {"text": Field(required=True, nonempty=True), "unless_preceded_by": Field(ANY), "only_followed_by": Field(ANY)}


def _entity(page, rel: str, stem: str) -> Entity:
    if not ENTITY_ID.match(stem):
        raise UserError(rel, 1, f"entity id '{stem}' (the file name) must be lowercase ASCII words joined by '-'")
    front = validate(page.front, FIELDS, path=rel, line=page.line, where="front matter")
    if "id" in front and front["id"] != stem:
        raise UserError(rel, page.line("id"), f"id '{front['id']}' differs from the file name '{stem}'")
    raw = front["aliases"]
    if not isinstance(raw, list) or not raw:
        raise UserError(rel, page.line("aliases"), "'aliases' must be a non-empty list of the names the reports use")
    aliases = [_alias(item, rel, lambda *path, n=number: page.line("aliases", n, *path)) for number, item in enumerate(raw)]
    seen: set[str] = set()
    for number, alias in enumerate(aliases):
        if alias.text in seen:
            raise UserError(rel, page.line("aliases", number), f"alias '{alias.text}' is listed twice")
        seen.add(alias.text)
    return Entity(id=stem, path=rel, name=front["name"].strip(), name_en=front.get("name_en", ""), kind=front["kind"],
                  aliases=tuple(aliases), wikidata=front.get("wikidata", ""), url=front.get("url", ""),
                  description=page.body, body_line=page.body_line)


def _alias(item, rel: str, line) -> Alias:
    """A name as a string, or a mapping with 'text' and its conditions (the page is NFC
    already); *line(*path)* finds the line of the item or of a key inside it."""
    if isinstance(item, str):
        alias = Alias(item.strip())
    elif isinstance(item, dict):
        validate(item, CONDITIONS, path=rel, line=line, where="an alias")
        conditions = {}
        for key in set(item) - {"text"}:
            value = [item[key]] if isinstance(item[key], str) else item[key]
            if not isinstance(value, list) or not value or not all(isinstance(v, str) and v for v in value):
                raise UserError(rel, line(key), f"'{key}' must be a string or a list of strings")
            conditions[key] = tuple(value)
        alias = Alias(item["text"].strip(), **conditions)
    else:
        raise UserError(rel, line(), f"an alias must be a string or a mapping with 'text', not {item!r}")
    if not alias.text:
        raise UserError(rel, line(), "an alias must not be empty")
    if len(alias.text) == 1 and not re.match(r"[\u4e00-\u9fff]", alias.text) and not (alias.unless_preceded_by or alias.only_followed_by):
        raise UserError(rel, line(), f"one-syllable alias '{alias.text}' would match too much; give it a condition "
                                     "(only_followed_by or unless_preceded_by) or use a longer form")
    return alias
