"""Render the corpus into HTML pages with Jinja2 templates (templates stay dumb: the
values they show are prepared here). Links are relative to each page (``root``), so the
site works under any subpath and from disk; ``base_url`` makes canonical addresses."""
from __future__ import annotations

import functools
import hashlib
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import ModuleType
from typing import NamedTuple
from pathlib import Path

from html import unescape

import jinja2
from markupsafe import Markup, escape

from .content.config import Config
from .content import Corpus, Page, Report
from .checkpoints import checkpoint
from .chronology import Chronology, Event, build_chronology, chronology_csv, chronology_json, extract_events, timeline_json
from .crossref import EntityIndex
from .discover import atom_feed, robots_txt, sitemap_xml
from .ingest.decode import decode_seed
from .content.entities import KINDS, Entity
from .lang import language
from .errors import UserError
from .files import write_file
from .markdown import RenderedBody, render_markdown
from .mentions import Matcher
from .search_terms import QUERY_ENDINGS, entity_names
from .share_image import share_image
from .timeline_svg import timeline_svg
from .workers import parallel_map

# Lists that grow with the archive are split into pages of at most this many entries, so
# no page grows with the corpus (a small archive keeps one page of each).
REPORTS_PER_PAGE = 100  # home
MENTIONING_REPORTS_PER_PAGE = 30  # an entity's reports, with their sentences
EVENTS_PER_PAGE = 200  # chronology
ENTITY_EVENTS = 60  # the latest events listed on an entity's page
MATRIX_REPORTS = 40  # the newest reports in the index's mention table
HEAVY_TEMPLATES = {"entity.html", "entities.html", "chronology.html", "home.html"}  # pages that grow with the corpus


@dataclass(frozen=True)
class OutputPage:
    path: str  # inside the site, e.g. "reports/x/index.html"
    url: str  # site-relative address, e.g. "reports/x/"
    html: str
    card: tuple[str, tuple[str, str]] | None = None  # its own share image: (path, (title, subtitle))


class Planned(NamedTuple):
    """A page the site will hold, known before it is rendered."""
    url: str  # site-relative address, e.g. "reports/x/"
    template: str
    make: Callable[[], OutputPage]
    path: str  # the file inside the site
    card: str  # its own share image ("" when it shares another page's)


def card_path(url: str) -> str:
    """The share image of the page at *url*."""
    return f"share/{url.strip('/').replace('/', '-') or 'home'}.jpg"


def report_url(report: Report) -> str:
    return f"reports/{report.slug}/"


def raw_path(report: Report) -> str:
    """Where the raw capture is shipped: always as .txt, so a captured HTML page is shown
    as text and its scripts never run on this site."""
    return report.source if report.source.endswith(".txt") else report.source + ".txt"


def date_label(report: Report, lang: ModuleType) -> str:
    label = lang.format_published(report.published) or lang.words.UNKNOWN_DATE
    return f"{label} ({lang.words.ESTIMATED})" if report.published_estimated and report.published else label


class Renderer:
    """Renders a corpus into pages. It keeps what it can reuse from one render to the next
    (the live server renders again after every edit): Jinja's compiled templates, the alias
    matcher while the registry is unchanged, and each report's rendered body and dated
    events while its text is unchanged."""

    def __init__(self, config: Config):
        self.config = config
        self.lang = language(config.language)  # the site's language: its labels and dates
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(config.templates)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=False,
        )
        self._matcher_key: tuple | None = None
        self.matcher = Matcher(())
        self._bodies: dict[tuple, tuple[RenderedBody, list[Event], list[str]]] = {}
        self.corpus: Corpus | None = None
        self.index: EntityIndex | None = None
        self.chronology: Chronology | None = None
        self.bodies: dict[str, RenderedBody] = {}
        self.urls: list[str] = []
        self._first_pages: dict[str, str] = {}  # a list's later pages -> its first page

    def pages(self, only: set[str] | None = None) -> list[OutputPage]:
        """All pages, or those whose address is in *only* (the live server's partial renders)."""
        return [planned.make() for planned in self.plan() if only is None or self._first_pages.get(planned.url, planned.url) in only]

    def write_pages(self, folder: Path, plan: list[Planned], progress: Callable[[int], None] | None = None) -> None:
        """Render every page of *plan* and its share image straight into *folder*, on
        every core. Pages are not kept: rendered pages never pile up in memory."""
        order = sorted(range(len(plan)), key=lambda i: plan[i].template not in HEAVY_TEMPLATES)  # big pages first

        made: set[Path] = set()  # folders this process has created

        def write(number: int) -> None:
            if number == len(plan) // 2:
                checkpoint("rendering")
            page = plan[order[number]].make()
            files = [(page.path, page.html.encode("utf-8"))] + ([self._card(page)] if page.card else [])
            for path, data in files:
                write_file(folder / path, data, made)

        parallel_map(write, len(plan), progress=progress)

    def prepare(self, corpus: Corpus, progress: Callable[[int], None] | None = None) -> None:
        """Render report bodies (reusing unchanged ones), cross-reference entities, build the chronology."""
        self.corpus = corpus
        self.site = {"title": self.config.title, "description": self.config.description,
                     "language": self.config.language, "report_count": len(corpus.reports)}
        key = tuple((e.id, e.aliases) for e in corpus.entities)
        if key != self._matcher_key:
            self._matcher_key, self.matcher, self._bodies = key, Matcher(corpus.entities), {}
        missing = [report for report in corpus.reports if _body_key(report) not in self._bodies]
        fresh = parallel_map(lambda number: self._body_for(missing[number])[1], len(missing), progress=progress)
        self._bodies.update((_body_key(report), entry) for report, entry in zip(missing, fresh, strict=True))
        extracted, used = {}, {}
        for report in corpus.reports:
            key, entry = self._body_for(report)
            used[key] = extracted[report.slug] = entry
        self._bodies = used  # forget what no longer exists
        self.bodies = {slug: entry[0] for slug, entry in extracted.items()}
        self.index = EntityIndex(corpus.entities, corpus.reports, {slug: b.occurrences for slug, b in self.bodies.items()})
        self.chronology = build_chronology(corpus.reports, {slug: (e[1], e[2]) for slug, e in extracted.items()},
                                           corpus.entities, corpus.curation)
        self._reports_by_slug = {report.slug: report for report in corpus.reports}
        self._events_of: dict[str, list[Event]] = {}  # entity id -> its events, in date order
        for event in self.chronology.events:
            for entity_id in dict.fromkeys(event.entities):
                self._events_of.setdefault(entity_id, []).append(event)
        self.views = {report.slug: self._report_view(report, self.bodies[report.slug].html) for report in corpus.reports}

    def _body_for(self, report: Report) -> tuple[tuple, tuple[RenderedBody, list[Event], list[str]]]:
        """A report's rendered body and dated events, from the cache while its text is unchanged."""
        key = _body_key(report)
        if key not in self._bodies:
            body = render_markdown(report.body, report.path, report.body_line, matcher=self.matcher,
                                   entity_href=lambda entity: f"../../{entity_url(entity)}")
            self._bodies[key] = (body, *extract_events(report, body))
        return key, self._bodies[key]

    def lone_report_page(self, report: Report) -> OutputPage:
        """One edited report's page, rendered without redoing the rest of the corpus (the
        live server shows it first, then brings the pages that list it up to date)."""
        body = self._body_for(report)[1][0]
        saved = self.index, self.views, self.bodies
        self.index = EntityIndex(self.corpus.entities, (report,), {report.slug: body.occurrences})
        self.views = {**self.views, report.slug: self._report_view(report, body.html)}
        self.bodies = {**self.bodies, report.slug: body}
        try:
            return self._report_page(report)
        finally:
            self.index, self.views, self.bodies = saved

    def plan(self) -> list[Planned]:
        """Every page, known before it is rendered (after ``prepare()``)."""
        corpus = self.corpus
        plan: list[Planned] = []
        self._paged("", "home.html", len(corpus.reports), REPORTS_PER_PAGE, self._home, plan)
        for report in corpus.reports:
            plan.append(_planned(report_url(report), "report.html", functools.partial(self._report_page, report)))
            plan.append(_planned(f"sources/{report.slug}/", "source.html", functools.partial(self._source_page, report),
                                 card=""))  # the report's card
        for entity in corpus.entities:
            self._paged(entity_url(entity.id), "entity.html", len(self.index.counts[entity.id]), MENTIONING_REPORTS_PER_PAGE,
                        functools.partial(self._entity_page, entity), plan)
        plan.append(_planned("entities/", "entities.html", self._entities_index))
        self._paged("chronology/", "chronology.html", len(self.chronology.events), EVENTS_PER_PAGE, self._chronology_page, plan)
        plan += [_planned(f"{page.slug}/", "page.html", functools.partial(self._plain_page, page)) for page in corpus.pages]
        plan += [_planned("search/", "search.html", self._search_page),
                 _planned("404/", "404.html", self._missing_page, path="404.html")]
        self.urls = [planned.url for planned in plan if planned.url != "404/"]  # for the sitemap
        return plan

    def _paged(self, first: str, template: str, entries: int, per_page: int, make, plan: list) -> None:
        """Plan a list's pages: *make(pager)* renders each; later pages belong to the first
        (an edit that changes the first page re-renders them too) and share its card."""
        count = max(1, -(-entries // per_page))
        for number in range(1, count + 1):
            url = page_url(first, number)
            self._first_pages[url] = first
            plan.append(_planned(url, template, functools.partial(make, Pager(first, number, count, per_page)),
                                 card=None if number == 1 else ""))

    def site_files(self, plan: list[Planned]) -> set[str]:
        """Every file the site holds besides the search bundle: the one answer to "what
        belongs in site/", which the build checks its output against and the live server
        uses to delete what no longer belongs."""
        files = {planned.path for planned in plan} | {planned.card for planned in plan if planned.card}
        files |= {path for path, _ in self.data_files()}
        assets = self.config.assets
        if assets.is_dir():
            files |= {f"assets/{path.relative_to(assets).as_posix()}" for path in assets.rglob("*")
                      if path.is_file() and not any(part.startswith(".") for part in path.relative_to(assets).parts)}
        return files | {".nojekyll", "sw.js"}

    def mentioned(self, slug: str) -> set[str]:
        """The entities a report mentions (as last prepared)."""
        return {o.entity for o in self.index.occurrences.get(slug, ())} if self.index else set()

    def _home(self, pager: Pager) -> OutputPage:
        title = self.config.title if pager.number == 1 else f"{self.config.title}: 보도 목록 {pager.number}쪽"
        return self._render("home.html", pager.url, kind="home", title=title, description=self.config.description,
                            reports=[self.views[report.slug] for report in pager.slice(self.corpus.reports)],
                            total=len(self.corpus.reports), pager=pager.view(), card_of=pager.card_of)

    def _report_page(self, report: Report) -> OutputPage:
        view = self.views[report.slug]
        body = self.bodies[report.slug]
        entities = [self.index.entity(e) for e in sorted(self.mentioned(report.slug))]
        return self._render("report.html", view["url"], kind="report", title=report.title,
                            description=_description(report, view["teaser"], self.lang), report=view,
                            body=body.html, subtitle=f"{report.outlet} · {view['date_label']}",
                            language=report.language, in_report=self._in_report(report.slug),
                            search_terms=entity_names(entities), mentioned_names=[e.name for e in entities])

    def _search_page(self) -> OutputPage:
        return self._render("search.html", "search/", kind="search", title="검색",
                            description=f"{self.config.title}의 보도와 문서를 검색합니다.",
                            particles=json.dumps(QUERY_ENDINGS, ensure_ascii=False))

    def _missing_page(self) -> OutputPage:
        return self._render("404.html", "404/", output_path="404.html", kind="missing", title="페이지를 찾을 수 없습니다",
                            description="요청한 주소에 페이지가 없습니다.")

    def data_files(self) -> list[tuple[str, Callable[[], bytes | Iterable[bytes]]]]:
        """Exports for researchers, discovery files and the raw seeds (byte for byte): each
        file's path and what makes its bytes (the entity export comes in pieces: it holds
        every mention, 200 MB at 10,000 reports); after ``plan()``."""
        assert self.index is not None, "prepare() comes first"
        titles = {report.slug: report.title for report in self.corpus.reports}
        base, config = self.config.base_url, self.config
        files = [
            ("data/entities.json", lambda: entities_json(self.index)),
            ("data/chronology.json", lambda: chronology_json(self.chronology, self.lang)),
            ("data/chronology.csv", lambda: chronology_csv(self.chronology, self.lang)),
            ("data/timeline.json", lambda: timeline_json(self.chronology, config.title, config.description,
                                                         lambda slug: f"../reports/{slug}/", titles, self.lang)),
        ]
        files += [(raw_path(report), functools.partial(self._seed_bytes, report)) for report in self.corpus.reports]
        return files + [
            ("sitemap.xml", lambda: sitemap_xml(base, self.urls)),
            ("robots.txt", lambda: robots_txt(base)),
            ("feed.xml", lambda: atom_feed(base, config.title, config.description, self.corpus.reports, report_url)),
            ("search-index.js", self._disk_search_index),
        ]

    def cards(self, pages: list[OutputPage]) -> dict[str, bytes]:
        """The share images of *pages* (the live server's partial renders; a full build
        draws them in ``write_pages``)."""
        return dict(self._card(page) for page in pages if page.card)

    def _card(self, page: OutputPage) -> tuple[str, bytes]:
        path, (title, subtitle) = page.card
        return path, share_image(title, subtitle, self.config.title, self.config.root / ".cache" / "share-images")

    def _disk_search_index(self) -> bytes:
        """The compact index the search page falls back to when opened from disk: a classic
        script, since file:// pages may not fetch or import modules."""
        pages = []
        for report in self.corpus.reports:
            text = " ".join([*report.deck, *(block for _, block in self.bodies[report.slug].blocks)])
            pages.append({"url": report_url(report), "title": report.title, "outlet": report.outlet, "kind": "보도",
                          "date": date_label(report, self.lang), "date_sort": report.published, "year": report.published[:4],
                          "text": text})
        for entity in self.corpus.entities:
            text = " ".join([entity.name_en, *(a.text for a in entity.aliases), entity.description])
            pages.append({"url": entity_url(entity.id), "title": entity.name, "outlet": "", "kind": "색인", "date": "",
                          "date_sort": "", "year": "", "text": text})
        data = json.dumps(pages, ensure_ascii=False, separators=(",", ":"))
        return f"window.MICROSITE_SEARCH_INDEX = {data};\n".encode("utf-8")

    def _seed_bytes(self, report: Report) -> bytes:
        source = (self.config.root / report.source).resolve()
        if not source.is_relative_to(self.config.seeds) or not source.is_file():
            raise UserError(report.path, report.line("source"),
                            f"source {report.source!r} is not a file inside {self.config.seeds.name}/")
        return source.read_bytes()

    def _source_page(self, report: Report) -> OutputPage:
        """The raw capture, decoded for reading, beside a link to its exact bytes."""
        view = self.views[report.slug]
        data = self._seed_bytes(report)
        decoded = decode_seed(data)
        return self._render("source.html", f"sources/{report.slug}/", kind="source", title=f"원문 수집본: {report.title}",
                            description=f"{report.source}의 원문 그대로의 텍스트", report=view, text=decoded.text,
                            encoding=decoded.encoding, size=len(data), sha256=hashlib.sha256(data).hexdigest(),
                            card_of=view["url"])

    def _plain_page(self, page: Page) -> OutputPage:
        body = render_markdown(page.body, page.path, page.body_line)
        return self._render("page.html", f"{page.slug}/", kind="page", slug=page.slug, title=page.title,
                            description=page.description or page.title, body=body.html)

    def _report_view(self, report: Report, body_html: str) -> dict:
        return {
            "teaser": "" if report.deck else _first_sentence(body_html, self.lang),
            "url": report_url(report), "title": report.title, "outlet": report.outlet, "outlet_en": report.outlet_en,
            "published": report.published, "date_label": date_label(report, self.lang), "authors": report.authors,
            "cites": report.cites, "deck": report.deck, "dateline": report.dateline, "rights": report.rights,
            "source": report.source, "raw": raw_path(report), "source_sha256": report.source_sha256,
            "provenance": report.provenance,
            "notes": report.notes, "slug": report.slug, "language": report.language,
            "title_note": self.lang.words.TITLE_NOTES.get(dict(report.provenance).get("title", ""), ""),
            "source_url": f"sources/{report.slug}/",
            "provenance_rows": [(self.lang.words.FIELD_LABELS.get(field, field), self.lang.words.ORIGIN_LABELS.get(origin, origin))
                                for field, origin in report.provenance],
        }

    def _in_report(self, slug: str) -> list[dict]:
        return [{"label": self.lang.words.KIND_LABELS[kind], "entities": [{"name": e.name, "url": entity_url(e.id), "count": n} for e, n in members]}
                for kind, members in self.index.in_report(slug)]

    def _entity_page(self, entity: Entity, pager: Pager) -> OutputPage:
        """An entity's page: its facts, companions and latest events first, then the
        sentences of the reports that mention it, a page of reports at a time."""
        index = self.index
        mentioning = index.mentions_of(entity.id)
        reports = []
        for report, found in pager.slice(mentioning):
            sentences = []
            for occurrence in found:
                key = (occurrence.anchor, occurrence.start - occurrence.sentence_start)
                if sentences and sentences[-1]["key"] == key:  # two mentions in one sentence: one line
                    sentences[-1]["marks"].append((occurrence.sentence_start, occurrence.sentence_end))
                    continue
                sentences.append({"key": key, "anchor": occurrence.anchor, "text": occurrence.sentence,
                                  "marks": [(occurrence.sentence_start, occurrence.sentence_end)]})
            for sentence in sentences:
                sentence["html"] = _highlight(sentence["text"], sentence["marks"])
            reports.append({"title": report.title, "url": report_url(report), "outlet": report.outlet,
                            "date_label": date_label(report, self.lang), "count": len(found), "sentences": sentences})
        first = pager.number == 1  # the facts, companions and events are on the first page only
        events = self._events_of.get(entity.id, [])
        view = {"id": entity.id, "name": entity.name, "name_en": entity.name_en, "kind": entity.kind,
                "kind_label": self.lang.words.KIND_LABELS[entity.kind], "aliases": [a.text for a in entity.aliases], "wikidata": entity.wikidata,
                "url": entity.url, "reports": reports, "report_count": len(mentioning), "first_report": pager.first_entry + 1,
                "description": render_markdown(entity.description, entity.path, entity.body_line).html if first else "",
                "events": [self._event_view(e) for e in events[-ENTITY_EVENTS:]] if first else [],
                "event_count": len(events), "mention_count": sum(index.counts[entity.id].values()),
                "appears_with": [{"name": e.name, "url": entity_url(e.id), "count": n}
                                 for e, n in (index.appears_with(entity.id) if first else [])]}
        summary = f"{view['kind_label']}. 보도 {len(mentioning)}건에서 {view['mention_count']}회 언급."
        title = entity.name if pager.number == 1 else f"{entity.name}: 언급 {pager.number}쪽"
        return self._render("entity.html", pager.url, kind="entity", title=title, description=summary, entity=view,
                            search_terms=entity_names([entity]), pager=pager.view(), card_of=pager.card_of)

    def _event_view(self, event: Event) -> dict:
        sources = []
        for source in event.sources:
            report = self._reports_by_slug.get(source.report)
            if report is None:
                continue
            sources.append({"url": report_url(report) + (f"#{source.anchor}" if source.anchor else ""),
                            "label": f"{report.outlet} {self.lang.format_published(report.published)}".strip(), "title": report.title})
        entities = [{"name": self.index.entity(e).name, "url": entity_url(e)} for e in event.entities
                    if self.index.entity(e).kind != "place"]
        return {"id": event.id, "date": self.lang.format_when(event.when), "iso": event.when.html_datetime(), "year": event.when.start.year,
                "label": event.label, "text": event.text, "full": event.label != event.text, "future": event.future,
                "kind": event.kind, "curated": event.curated, "sources": sources, "entities": entities}

    def _chronology_page(self, pager: Pager) -> OutputPage:
        events = [self._event_view(e) for e in pager.slice(self.chronology.events)]
        years: dict[int, list[dict]] = {}
        for event in events:
            years.setdefault(event["year"], []).append(event)
        title = "연표" if pager.number == 1 else f"연표 {pager.number}쪽"
        span = f"{events[0]['date']} – {events[-1]['date']}" if pager.count > 1 and events else ""
        return self._render("chronology.html", pager.url, kind="chronology", title=title,
                            description="보도가 전하는 날짜로 엮은 사건 연표. 각 사건은 근거 문장으로 이어집니다.",
                            years=sorted(years.items()), overview=timeline_svg(self.chronology, self.lang) if pager.number == 1 else "",
                            count=len(self.chronology.events), merged=self.chronology.merged, span=span,
                            pager=pager.view(), card_of=pager.card_of)

    def _entities_index(self) -> OutputPage:
        index = self.index
        reports = [self.views[report.slug] for report in self.corpus.reports[:MATRIX_REPORTS]]
        groups = []
        for kind in KINDS:
            label = self.lang.words.KIND_LABELS[kind]
            members = [{"name": e.name, "name_en": e.name_en, "url": entity_url(e.id), "reports": len(index.counts[e.id]),
                        "mentions": sum(index.counts[e.id].values())}
                       for e in index.entities if e.kind == kind]
            if members:
                groups.append({"label": label, "entities": sorted(members, key=lambda m: (-m["reports"], m["name"]))})
        mentioned = sorted((e for e in index.entities if index.counts[e.id]),
                           key=lambda e: (-len(index.counts[e.id]), -sum(index.counts[e.id].values()), e.name))
        peak = max((n for e in mentioned for n in index.counts[e.id].values()), default=1)
        matrix = [{"name": e.name, "url": entity_url(e.id), "reports": len(index.counts[e.id]),
                   "cells": [{"count": index.counts[e.id][r["slug"]], "level": _level(index.counts[e.id][r["slug"]], peak)}
                             for r in reports]}
                  for e in mentioned]
        return self._render("entities.html", "entities/", kind="entities", title="색인",
                            description="보도에 나오는 기업·칩·기관·지역·인물·매체와 각각이 언급된 보도.",
                            groups=groups, matrix=matrix, reports=reports, report_count=len(self.corpus.reports))

    def _render(self, template: str, url: str, *, output_path: str = "", card_of: str | None = None, **values) -> OutputPage:
        """Render *template* for the page at *url*. Links are relative (``root``), except on
        a page served from any address (the 404 page), whose links start at the base path.
        A page given *card_of* shares that page's share image instead of having its own."""
        depth = url.count("/")
        root = self.config.base_path if output_path else ("../" * depth if depth else "./")
        base = self.config.base_url
        absolute = base.startswith("http")
        image = card_path(url if card_of is None else card_of)
        page = {"kind": values.pop("kind"), "slug": values.pop("slug", ""), "title": values.pop("title"),
                "description": values.pop("description"), "language": values.pop("language", self.config.language),
                "canonical": base + url if absolute and not output_path else "",
                "image": base + image if absolute else "", "og_type": "article" if template == "report.html" else "website"}
        subtitle = values.pop("subtitle", "")
        card = (image, (page["title"], subtitle)) if card_of is None else None
        try:
            html = self.env.get_template(template).render(site=self.site, page=page, root=root, **values)
        except jinja2.TemplateSyntaxError as error:
            raise UserError(error.filename or template, error.lineno, f"template syntax error: {error.message}") from None
        except jinja2.TemplateNotFound as error:
            where, line = _template_frame(self.config, template)  # the template that asked for it
            raise UserError(where, line, f"template '{error.name}' not found in {self.config.templates.name}/") from None
        except (jinja2.UndefinedError, TypeError) as error:
            where, line = _template_frame(self.config, template)
            raise UserError(where, line, f"template error: {error}") from None
        return OutputPage(path=output_path or f"{url}index.html", url=url, html=html, card=card)


def _planned(url: str, template: str, make, *, path: str = "", card: str | None = None) -> Planned:
    """A planned page, its file at ``<url>index.html`` and its own card unless *card* says otherwise."""
    return Planned(url, template, make, path or f"{url}index.html", card_path(url) if card is None else card)


def page_url(first: str, number: int) -> str:
    """The address of a list's page: the first page's, then "<first>2/", …; the home
    page's later pages are "page/2/", …"""
    if number == 1:
        return first
    return f"{first or 'page/'}{number}/"


@dataclass(frozen=True)
class Pager:
    """Which page of a list is being rendered."""
    first: str  # the first page's address
    number: int
    count: int
    per_page: int

    @property
    def url(self) -> str:
        return page_url(self.first, self.number)

    @property
    def first_entry(self) -> int:
        return (self.number - 1) * self.per_page

    @property
    def card_of(self) -> str | None:
        """Later pages share the first page's share image."""
        return None if self.number == 1 else self.first

    def slice(self, entries):
        return entries[self.first_entry:self.first_entry + self.per_page]

    def view(self) -> dict | None:
        """What the pager template shows: None for a one-page list; the first, the last and
        the pages next to this one, with None for a gap."""
        if self.count == 1:
            return None
        shown = sorted({1, self.count, *range(max(1, self.number - 2), min(self.count, self.number + 2) + 1)})
        pages: list[dict | None] = []
        for number in shown:
            if pages and number - pages[-1]["number"] > 1:
                pages.append(None)
            pages.append({"number": number, "url": page_url(self.first, number), "current": number == self.number})
        return {"number": self.number, "count": self.count, "pages": pages,
                "previous": page_url(self.first, self.number - 1) if self.number > 1 else "",
                "next": page_url(self.first, self.number + 1) if self.number < self.count else ""}


def _body_key(report: Report) -> tuple:
    """What a report's rendered body depends on (besides the registry)."""
    return report.slug, report.path, report.body, report.body_line, report.published


def entity_url(entity_id: str) -> str:
    return f"entities/{entity_id}/"


def _level(count: int, peak: int) -> int:
    """Shade 0–4 for a count (0 = none)."""
    if count <= 0:
        return 0
    return min(4, 1 + (count * 4 - 1) // max(peak, 1))


def _highlight(sentence: str, marks: list[tuple[int, int]]) -> Markup:
    """The sentence as HTML with its mentions in <mark> (built here rather than in the
    template: an entity page can hold thousands of sentences)."""
    parts, cursor = [], 0
    for start, end in sorted(marks):
        if start < cursor:
            continue
        parts += [escape(sentence[cursor:start]), "<mark>", escape(sentence[start:end]), "</mark>"]
        cursor = end
    parts.append(escape(sentence[cursor:]))
    return Markup("".join(parts))


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


def _first_sentence(body_html: str, lang: ModuleType, limit: int = 140) -> str:
    """The opening sentence of the first paragraph, for lists of reports without a deck."""
    match = re.search(r'<p id="p-1">(.*?)</p>', body_html, re.S)
    if not match:
        return ""
    return lang.first_sentence(unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip(), limit)


def _description(report: Report, teaser: str, lang: ModuleType) -> str:
    text = " · ".join(report.deck) or report.summary or teaser or report.title
    return f"{report.outlet} {lang.format_published(report.published)}: {text}".strip()[:300]



def _template_frame(config: Config, fallback: str) -> tuple[str, int | None]:
    """The template file and line a runtime template error happened at (Jinja puts
    template frames into the traceback)."""
    tb = sys.exc_info()[2]
    found: tuple[str, int | None] = (str(config.templates / fallback), None)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".html"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
