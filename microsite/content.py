"""Load ``content/`` into the model: reports and plain pages, validated up front."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .curation import Curation, load_curation
from .when import parse_published
from .entities import Entity, load_entities
from .errors import Diagnostics, UserError, relative
from .frontmatter import ParsedPage, parse_page
from .ingest.manifest import SLUG

REQUIRED = ("title", "slug", "outlet", "published", "authors", "source", "source_sha256", "language", "cites", "rights")
_STRINGS = {"title", "slug", "outlet", "published", "source", "source_sha256", "language", "rights",
            "dateline", "summary", "notes", "outlet_en"}
_LISTS = {"authors", "cites", "deck"}
# Addresses the build itself uses; a page of its own cannot take them.
RESERVED = {"reports", "sources", "entities", "chronology", "search", "data", "assets", "pagefind", "seeds", "share", "404"}
OPTIONAL = ("deck", "dateline", "summary", "notes", "outlet_en", "published_estimated", "provenance")


@dataclass(frozen=True)
class Report:
    path: str  # relative to the project, for messages
    slug: str
    title: str
    outlet: str
    published: str
    published_estimated: bool
    authors: tuple[str, ...]
    source: str
    source_sha256: str
    language: str
    cites: tuple[str, ...]
    rights: str
    deck: tuple[str, ...]
    dateline: str
    summary: str
    notes: str
    outlet_en: str
    provenance: tuple[tuple[str, str], ...]
    body: str
    body_line: int


@dataclass(frozen=True)
class Page:
    path: str
    slug: str
    title: str
    description: str
    body: str
    body_line: int


@dataclass(frozen=True)
class Corpus:
    reports: tuple[Report, ...]  # newest first
    pages: tuple[Page, ...]
    entities: tuple[Entity, ...]
    curation: Curation | None  # content/chronology.toml


def load_corpus(content_dir: Path, root: Path, diagnostics: Diagnostics, cache: dict | None = None) -> Corpus:
    """*cache* (path -> (text, Report)) lets the live server skip parsing unchanged reports."""
    reports: list[Report] = []
    seen: dict[str, str] = {}
    for path in sorted((content_dir / "reports").glob("*.md")):
        rel = relative(path, root)
        report = load_report(path, root, diagnostics, cache)
        if report.slug in seen:
            raise UserError(rel, front_line(path, "slug"), f"slug '{report.slug}' is already used by {seen[report.slug]}")
        seen[report.slug] = rel
        reports.append(report)
    pages = []
    page_slugs: dict[str, str] = {}
    for path in sorted((content_dir / "pages").glob("*.md")):
        rel = relative(path, root)
        page = _page(parse_page(_read(path, rel), rel), rel, path.stem)
        if page.slug in RESERVED or page.slug in page_slugs:
            where = "a section of the site" if page.slug in RESERVED else page_slugs[page.slug]
            raise UserError(rel, front_line(path, "slug"), f"slug '{page.slug}' is taken by {where}; choose another")
        page_slugs[page.slug] = rel
        pages.append(page)
    reports.sort(key=lambda r: (r.published or "0000", r.slug), reverse=True)
    entities = load_entities(content_dir / "entities", root)
    return Corpus(reports=tuple(reports), pages=tuple(pages), entities=entities, curation=load_curation(content_dir, root))


def front_line(path: Path, key: str) -> int:
    """The line of a top-level front matter key in a page that has parsed already."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def load_report(path: Path, root: Path, diagnostics: Diagnostics, cache: dict | None = None) -> Report:
    rel = relative(path, root)
    text = _read(path, rel)
    if cache is not None and rel in cache and cache[rel][0] == text:
        return cache[rel][1]
    report = _report(parse_page(text, rel), rel, diagnostics)
    if cache is not None:
        cache[rel] = (text, report)
    return report


def _read(path: Path, rel: str) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise UserError(rel, None, f"not UTF-8 text ({error.reason} at byte {error.start})") from None


def _report(page: ParsedPage, rel: str, diagnostics: Diagnostics) -> Report:
    front = page.front
    missing = [key for key in REQUIRED if key not in front]
    if missing:
        raise UserError(rel, 1, f"missing required front matter key(s): {', '.join(missing)}")
    for key, value in front.items():
        line = page.line(key)
        if key in _STRINGS and not isinstance(value, str):
            raise UserError(rel, line, f"'{key}' must be a string, not {type(value).__name__}")
        if key in _LISTS and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise UserError(rel, line, f"'{key}' must be a list of strings")
        if key not in REQUIRED and key not in OPTIONAL:
            diagnostics.warn(rel, line, f"unknown front matter key '{key}' is ignored")
    if not SLUG.match(front["slug"]):
        raise UserError(rel, page.line("slug"), f"slug {front['slug']!r} must be lowercase ASCII words joined by '-'")
    if front["published"] and parse_published(front["published"]) is None:
        raise UserError(rel, page.line("published"), f"published {front['published']!r} must be YYYY-MM-DD or YYYY-MM, a real date")
    if not front["title"].strip():
        raise UserError(rel, page.line("title"), "title must not be empty")
    source = front["source"]
    if source.startswith(("/", "\\")) or "\\" in source or ".." in source.split("/") or not source.startswith("seeds/"):
        raise UserError(rel, page.line("source"), f"source {source!r} must be a path inside seeds/, such as seeds/report.txt")
    if not re.fullmatch(r"[0-9a-f]{64}", front["source_sha256"]):
        raise UserError(rel, page.line("source_sha256"), "source_sha256 must be 64 hex digits")
    provenance = front.get("provenance") or {}
    if not isinstance(provenance, dict):
        raise UserError(rel, page.line("provenance"), "'provenance' must map field names to where they came from")
    estimated = front.get("published_estimated", False)
    if not isinstance(estimated, bool):
        raise UserError(rel, page.line("published_estimated"), "'published_estimated' must be true or false")
    return Report(
        path=rel, slug=front["slug"], title=front["title"].strip(), outlet=front["outlet"], published=front["published"],
        published_estimated=estimated, authors=tuple(front["authors"]), source=front["source"],
        source_sha256=front["source_sha256"], language=front["language"] or "ko", cites=tuple(front["cites"]),
        rights=front["rights"], deck=tuple(front.get("deck") or ()), dateline=front.get("dateline", ""),
        summary=front.get("summary", ""), notes=front.get("notes", ""), outlet_en=front.get("outlet_en", ""),
        provenance=tuple(sorted((str(k), str(v)) for k, v in provenance.items())),
        body=page.body, body_line=page.body_line,
    )


def _page(page: ParsedPage, rel: str, stem: str) -> Page:
    front = page.front
    if not isinstance(front.get("title"), str) or not front["title"].strip():
        raise UserError(rel, page.line("title"), "a page needs a 'title' string")
    description = front.get("description", "")
    if not isinstance(description, str):
        raise UserError(rel, page.line("description"), "'description' must be a string")
    slug = front.get("slug", stem)
    if not isinstance(slug, str) or not SLUG.match(slug):
        raise UserError(rel, page.line("slug"), f"slug {slug!r} must be lowercase ASCII words joined by '-'")
    return Page(path=rel, slug=slug, title=front["title"].strip(), description=description, body=page.body,
                body_line=page.body_line)
