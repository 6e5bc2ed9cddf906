"""Load ``content/`` into the model: reports and plain pages, validated up front."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..cache import Store
from ..errors import UserError, relative
from ..files import project_files
from ..lang import guess
from ..when import parse_published
from .curation import Curation, load_curation
from .entities import Entity, load_entities
from .frontmatter import ParsedPage, parse_page
from .schema import ANY, FLAG, TABLE, TEXTS, Field, language_code, read_text, slug, text_by_language, validate

# Addresses the build itself uses; a page of its own cannot take them.
RESERVED = {"reports", "sources", "entities", "chronology", "search", "data", "assets", "pagefind", "seeds", "share", "404"}


def _published(value: str) -> str | None:
    return None if not value or parse_published(value) else f"{value!r} must be YYYY-MM-DD or YYYY-MM, a real date"


def _source(value: str) -> str | None:
    escapes = value.startswith(("/", "\\")) or "\\" in value or ".." in value.split("/")
    return f"{value!r} must be a path inside seeds/, such as seeds/report.txt" if escapes or not value.startswith("seeds/") else None


def _sha256(value: str) -> str | None:
    return None if re.fullmatch(r"[0-9a-f]{64}", value) else "must be 64 hex digits"


REPORT_FIELDS = {
    "title": Field(required=True, nonempty=True), "slug": Field(required=True, check=slug),
    "outlet": Field(required=True), "published": Field(required=True, check=_published),
    "published_estimated": Field(FLAG), "authors": Field(TEXTS, required=True), "source": Field(required=True, check=_source),
    "source_sha256": Field(required=True, check=_sha256),
    "language": Field(required=True, check=lambda value: language_code(value) if value else None),
    "cites": Field(TEXTS, required=True), "rights": Field(required=True), "deck": Field(TEXTS), "dateline": Field(),
    "summary": Field(), "notes": Field(ANY, check=text_by_language), "outlet_en": Field(), "provenance": Field(TABLE),
}
PAGE_FIELDS = {"title": Field(required=True, nonempty=True), "description": Field(), "slug": Field(check=slug)}


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
    notes: tuple[tuple[str, str], ...]  # (language, text): the evidence, in one language or several
    outlet_en: str
    provenance: tuple[tuple[str, str], ...]
    body: str
    body_line: int
    front_lines: tuple[tuple[str, int], ...]  # the line of each front matter key, for messages
    digest: str  # a hash of the page's text: what everything made from it depends on

    def line(self, key: str) -> int:
        return dict(self.front_lines).get(key, 1)


@dataclass(frozen=True)
class Page:
    path: str
    slug: str
    title: str
    description: str
    body: str
    body_line: int
    front_lines: tuple[tuple[str, int], ...]

    def line(self, key: str) -> int:
        return dict(self.front_lines).get(key, 1)


@dataclass(frozen=True)
class Corpus:
    reports: tuple[Report, ...]  # newest first
    pages: tuple[Page, ...]
    entities: tuple[Entity, ...]
    curation: Curation | None  # content/chronology.toml


def load_corpus(content_dir: Path, root: Path, store: Store | None = None) -> Corpus:
    """*store* keeps parsed report pages by path, size and modification time, so that
    unchanged ones are not read again (between builds, and in the live preview)."""
    reports: list[Report] = []
    seen: dict[str, str] = {}
    for path in project_files(content_dir / "reports", "*.md", root):
        rel = relative(path, root)
        report = load_report(path, root, store)
        if report.slug in seen:
            raise UserError(rel, report.line("slug"), f"slug '{report.slug}' is already used by {seen[report.slug]}")
        seen[report.slug] = rel
        reports.append(report)
    pages = []
    page_slugs: dict[str, str] = {}
    for path in project_files(content_dir / "pages", "*.md", root):
        rel = relative(path, root)
        page = _page(parse_page(read_text(path, rel), rel), rel, path.stem)
        if page.slug in RESERVED or page.slug in page_slugs:
            where = "a section of the site" if page.slug in RESERVED else page_slugs[page.slug]
            raise UserError(rel, page.line("slug"), f"slug '{page.slug}' is taken by {where}; choose another")
        page_slugs[page.slug] = rel
        pages.append(page)
    reports.sort(key=lambda r: (r.published or "0000", r.slug), reverse=True)
    entities = load_entities(content_dir / "entities", root)
    return Corpus(reports=tuple(reports), pages=tuple(pages), entities=entities, curation=load_curation(content_dir, root))


def load_report(path: Path, root: Path, store: Store | None = None) -> Report:
    rel = relative(path, root)
    try:
        stat = path.stat()
    except OSError:
        stat = None
    key = (rel, stat.st_size, stat.st_mtime_ns) if stat else None
    found = store.get(key) if store is not None and key else None
    if found is not None:
        return found
    text = read_text(path, rel)
    report = _report(parse_page(text, rel), rel, hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32])
    if store is not None and key:
        store.put(key, report)
    return report


def _report(page: ParsedPage, rel: str, text_digest: str) -> Report:
    front = validate(page.front, REPORT_FIELDS, path=rel, line=page.line, where="front matter")
    return Report(
        path=rel, slug=front["slug"], title=front["title"].strip(), outlet=front["outlet"], published=front["published"],
        published_estimated=front.get("published_estimated", False), authors=tuple(front["authors"]),
        source=front["source"], source_sha256=front["source_sha256"], language=front["language"] or "ko",
        cites=tuple(front["cites"]), rights=front["rights"], deck=tuple(front.get("deck") or ()),
        dateline=front.get("dateline", ""), summary=front.get("summary", ""), notes=_by_language(front.get("notes") or {}),
        outlet_en=front.get("outlet_en", ""),
        provenance=tuple(sorted((str(k), str(v)) for k, v in (front.get("provenance") or {}).items())),
        body=page.body, body_line=page.body_line, front_lines=_front_lines(page), digest=text_digest,
    )


def _by_language(value: str | dict) -> tuple[tuple[str, str], ...]:
    """Notes as (language, text) pairs; plain text is in the language its letters say."""
    pairs = value.items() if isinstance(value, dict) else [(guess(value), value)]
    return tuple((code, text.strip()) for code, text in pairs if text.strip())


def _page(page: ParsedPage, rel: str, stem: str) -> Page:
    front = validate(page.front, PAGE_FIELDS, path=rel, line=page.line, where="front matter")
    return Page(path=rel, slug=front.get("slug", stem), title=front["title"].strip(), description=front.get("description", ""),
                body=page.body, body_line=page.body_line, front_lines=_front_lines(page))


def _front_lines(page: ParsedPage) -> tuple[tuple[str, int], ...]:
    return tuple((path[0], line) for path, line in page.lines.items() if len(path) == 1)
