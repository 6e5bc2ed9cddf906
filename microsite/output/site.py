"""What every view reads: the configuration, the site's language, the model and the
templates, with the values many pages share (a report's summary in lists, an entity's
events) computed once, and the digests page keys are made of."""
from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from ..cache import code_version, digest
from ..content import Config, Report
from ..errors import UserError
from ..files import inside_project
from ..ingest.pages import recorded_audits
from ..lang import language
from ..model import SiteModel
from ..model.chronology import Event
from ..when import When, half_span, month_span, year_span
from .citation import csl_item
from .markdown import render_body
from .templates import Templates

T = TypeVar("T")

EVENTS_PER_PAGE = 200  # the chronology's pages
REPORTS_PER_ENTITY_PAGE = 10  # an entity's pages: its mentioning reports, and (an outlet's) the reports citing it


def report_url(report: Report) -> str:
    return f"reports/{report.slug}/"


def entity_url(entity_id: str) -> str:
    return f"entities/{entity_id}/"


def event_anchor(event_id: str) -> str:
    """The id of an event's entry on the chronology page ("<slug>#p-3.1" → "<slug>-p-3-1"):
    the scheme links in the wild use, kept as it was."""
    return event_id.replace("#", "-").replace(".", "-")


def chronology_group(when: When) -> tuple[int, int, str]:
    """Where an event is listed on the chronology: (year, place in the year, section id).
    A month (day, week and range dates by the month they start in), a half-year before its
    first month, and a date known only to the year first of all, under its own heading."""
    year = when.start.year
    if when.precision == "year":
        return year, 0, f"m{year}-y"
    if when.precision == "half":
        half = 1 if when.start.month <= 6 else 2
        return year, 1 if half == 1 else 13, f"m{year}-h{half}"
    return year, 2 * when.start.month, f"m{year}-{when.start.month:02d}"


def group_label(when: When, lang) -> str:
    """The span of an event's section, as the site writes dates ("2024년 7월", "2024년 상반기", "2024년")."""
    year, place, _ = chronology_group(when)
    if place == 0:
        return lang.format_when(year_span(year))
    if place % 2:
        return lang.format_when(half_span(year, 1 if place == 1 else 2))
    return lang.format_when(month_span(year, when.start.month))


def _gutter(date: str, group: str, year: str, place: int, precision: str) -> str:
    """An event's date beside it, less what its section's heading says: "17일" under
    2024년 7월, "7월 초" for a month, "상반기" under 2024년; a date known to the year whole."""
    if place and (place % 2 or precision == "month") and date.startswith(year + " "):
        return date[len(year) + 1:]
    if place and date.startswith(group + " "):
        return date[len(group) + 1:]
    return date


def raw_path(report: Report) -> str:
    """Where the raw capture is shipped: always as .txt, so a captured HTML page is shown
    as text and its scripts never run on this site."""
    return report.source if report.source.endswith(".txt") else report.source + ".txt"


class Site:
    def __init__(self, config: Config, model: SiteModel, templates: Templates, file_hashes: dict[str, str] | None = None):
        """*file_hashes*: the hash of each project file by its path in the project, as the
        build's fingerprint read them (others are read when asked for)."""
        self.config, self.model, self.templates = config, model, templates
        self.file_hashes = file_hashes or {}
        self.lang = language(config.language)  # the site's language: its labels and dates
        corpus = model.corpus
        self.facts = {"title": config.title, "description": config.description, "language": config.language,
                      "report_count": len(corpus.reports)}  # what base.html shows on every page
        settings = {key: value for key, value in vars(config).items() if key != "root" and not isinstance(value, Path)}
        self.digest = digest(sorted(settings.items()), self.facts["report_count"], code_version())
        self.reports_digest = digest(*(report.digest for report in corpus.reports))
        self.mentions_digest = digest(*((slug, text.mention_digests) for slug, text in model.texts.items()))
        self.event_digests = {event.id: digest(event) for event in model.chronology.events}
        self.chronology_digest = digest(list(self.event_digests.values()), model.chronology.merged)
        self.reports = {report.slug: report for report in corpus.reports}
        self._summaries: dict[str, dict] = {}
        self._summary_digests: dict[str, str] = {}
        self.events_of: dict[str, list[Event]] = {}  # entity id -> its events, in date order
        self.events_in: dict[str, list[Event]] = {}  # report slug -> the events it is a source of, in date order
        for event in model.chronology.events:
            for entity_id in dict.fromkeys(event.entities):
                self.events_of.setdefault(entity_id, []).append(event)
            for slug in dict.fromkeys(source.report for source in event.sources):
                self.events_in.setdefault(slug, []).append(event)
        self.sentence_events: dict[tuple[str, str, str], list[Event]] = {}  # (slug, anchor, sentence) -> its events
        for event in model.chronology.events:
            for source in event.sources:
                self.sentence_events.setdefault((source.report, source.anchor, source.sentence), []).append(event)
        self.citing: dict[str, list[str]] = {}  # an original source (outlet id) -> the reports crediting it, newest first
        for report in corpus.reports:
            for outlet in dict.fromkeys(a.outlet for a in model.texts[report.slug].attributions):
                self.citing.setdefault(outlet, []).append(report.slug)
        self._citing_number = {(outlet, slug): n for outlet, slugs in self.citing.items() for n, slug in enumerate(slugs)}
        # The chronology page lists events by section (year, then month), in date order within each.
        self.chronology_order: list[Event] = sorted(model.chronology.events,
                                                    key=lambda e: (*chronology_group(e.when)[:2], e.sort_key))
        self.event_number = {event.id: number for number, event in enumerate(self.chronology_order)}
        self._once: dict = {}

    def once(self, key, make: Callable[[], T]) -> T:
        """*make()*, made once per site for *key*: what every page of a long list shows of the
        whole list (its months, its pages' spans, its totals), which thousands of pages would
        otherwise each make again."""
        if key not in self._once:
            self._once[key] = make()
        return self._once[key]

    @functools.cached_property
    def neighbours(self) -> dict[str, tuple[str | None, str | None]]:
        """Each report's (older, newer) report by publication date."""
        order = [report.slug for report in self.model.corpus.reports]  # newest first
        return {slug: (order[n + 1] if n + 1 < len(order) else None, order[n - 1] if n else None)
                for n, slug in enumerate(order)}

    def file_digest(self, rel: str) -> str:
        """A hash of a project file (a seed, an asset)."""
        if rel not in self.file_hashes:
            path = self.config.root / rel
            self.file_hashes[rel] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        return self.file_hashes[rel]

    def mentioned(self, slug: str) -> frozenset[str]:
        """The entities a report mentions."""
        return self.model.texts[slug].mentioned

    def body_html(self, report: Report) -> str:
        text = self.model.texts[report.slug]
        return render_body(report.body, report.path, report.body_line, occurrences=text.occurrences,
                           href=lambda entity: f"../../{entity_url(entity)}",
                           origins=[(a.anchor, a.end, self.model.index.entity(a.outlet).name,
                                     f"../../{self.origin_url(a.outlet, report.slug)}") for a in text.attributions],
                           origin_word=self.lang.words.ORIGIN)

    def origin_url(self, outlet: str, slug: str) -> str:
        """Where an original source's page lists the report's sentences credited to it: the
        page of the outlet's pages that holds the report, at its entry."""
        page = self._citing_number[(outlet, slug)] // REPORTS_PER_ENTITY_PAGE + 1
        return f"{entity_url(outlet)}{f'{page}/' if page > 1 else ''}#origin-{slug}"

    def citation(self, report: Report) -> dict:
        """The report as a CSL-JSON item, with its page's address when the site's is absolute."""
        base = self.config.base_url
        return csl_item(report, base + report_url(report) if base.startswith("http") else "")

    def outlet(self, report: Report) -> str:
        """The report's outlet as lists and filters name it (an unknown one by the site's words)."""
        return report.outlet or self.lang.words.UNKNOWN_OUTLET

    def date_label(self, report: Report) -> str:
        words = self.lang.words
        label = self.lang.format_published(report.published) or words.UNKNOWN_DATE
        return f"{label} ({words.ESTIMATED})" if report.published_estimated and report.published else label

    def summary_digest(self, slug: str) -> str:
        """A hash of what lists show of a report: a page that lists it changes when this does."""
        if slug not in self._summary_digests:
            self._summary_digests[slug] = digest(sorted(self.summary(slug).items()))
        return self._summary_digests[slug]

    def summary(self, slug: str) -> dict:
        """A report as lists show it (home, entity pages, the index's table) and its page's header."""
        if slug not in self._summaries:
            self._summaries[slug] = self._summary(self.reports[slug])
        return self._summaries[slug]

    def _summary(self, report: Report) -> dict:
        slug, words = report.slug, self.lang.words
        first = next((block.text for block in self.model.texts[slug].blocks if block.kind == "paragraph"), "")
        return {
            "teaser": "" if report.deck else self.lang.first_sentence(first, 140),
            "url": report_url(report), "title": report.title, "outlet": report.outlet, "outlet_en": report.outlet_en,
            "published": report.published, "date_label": self.date_label(report), "authors": report.authors,
            "cites": report.cites, "deck": report.deck, "dateline": report.dateline, "rights": report.rights,
            "source": report.source, "raw": quote(raw_path(report)), "source_sha256": report.source_sha256,
            "provenance": report.provenance, "notes": self._notes(report), "slug": report.slug, "language": report.language,
            "other_language": "" if report.language == self.config.language
            else words.LANGUAGE_NAMES.get(report.language, report.language),
            "title_note": words.TITLE_NOTES.get(dict(report.provenance).get("title", ""), ""),
            "source_url": f"sources/{report.slug}/",
            "provenance_rows": [(words.FIELD_LABELS.get(field, field), words.ORIGIN_LABELS.get(origin, origin))
                                for field, origin in report.provenance],
        }

    def _notes(self, report: Report) -> list[dict]:
        """The evidence notes, the site's language first; a note in another language is named by it."""
        words, site = self.lang.words, self.config.language
        ordered = sorted(report.notes, key=lambda note: note[0] != site)
        return [{"language": code, "text": text,
                 "label": "" if code == site else words.LANGUAGE_NAMES.get(code.split("-")[0], code)} for code, text in ordered]

    def seed_bytes(self, report: Report) -> bytes:
        seeds = self.config.seeds
        source = Path(os.path.normpath(self.config.root / report.source))  # a link in seeds/ is checked below
        if not source.is_relative_to(seeds) or not source.is_file():
            raise UserError(report.path, report.line("source"), f"source {report.source!r} is not a file inside {seeds.name}/")
        inside_project(source, self.config.root)
        return source.read_bytes()

    def recorded_audit(self, report: Report) -> str:
        """The normalizer's record of what it made of each line of the report's seed, if it
        keeps one for the seed's bytes as they are ("" if not: the seed is normalized again)."""
        kept = self.once("recorded audits", lambda: recorded_audits(self.config.content))
        return kept.get((report.source, self.file_digest(report.source)), "")

    def block_label(self, anchor: str) -> str:
        """A block of a report, named by its anchor: "p-3" → "3문단"."""
        kind, _, number = anchor.rpartition("-")
        return self.lang.words.BLOCKS.get(kind, kind + " {}").format(number)

    def event_page(self, event: Event) -> int:
        """The number of the chronology page that lists *event*."""
        return self.event_number[event.id] // EVENTS_PER_PAGE + 1

    def event_url(self, event: Event) -> str:
        """The event's entry on the chronology: its page and anchor."""
        page = self.event_page(event)
        return f"chronology/{f'{page}/' if page > 1 else ''}#{event_anchor(event.id)}"

    def source_views(self, event: Event) -> list[dict]:
        """Each source of *event* as the chronology shows it: a link to the report's paragraph,
        labelled by outlet and date, the outlet the report credits and the exact sentence."""
        sources = []
        reports = [source.report for source in event.sources]
        for source in event.sources:
            report = self.reports.get(source.report)
            if report is None:
                continue
            date = self.lang.format_published(report.published)
            if reports.count(source.report) > 1 and source.anchor:  # two paragraphs of one report
                date = f"{date} {self.block_label(source.anchor)}".strip()
            sources.append({"url": report_url(report) + (f"#{source.anchor}" if source.anchor else ""),
                            "outlet": self.outlet(report), "date": date,
                            "label": f"{report.outlet} {self.lang.format_published(report.published)}".strip(),
                            "cites": source.cites, "sentence": source.sentence, "report": report.slug,
                            "title": report.title})
        return sources

    def event_view(self, event: Event) -> dict:
        sources = self.source_views(event)
        index = self.model.index
        actors = [{"name": index.entity(e).name, "url": entity_url(e), "id": e} for e in event.actors]
        entities = [{"name": index.entity(e).name, "url": entity_url(e), "id": e} for e in event.entities
                    if index.entity(e).kind != "place" and e not in event.actors]
        date = self.lang.format_when(event.when)
        group = group_label(event.when, self.lang)
        year, place, section = chronology_group(event.when)
        gutter = _gutter(date, group, self.lang.format_when(year_span(year)), place, event.when.precision)
        evidence: dict[str, str] = {}  # the exact sentences, each with the report that has it
        if event.kind != "publication":  # a publication's "sentence" is its title, already in its headline
            for source in sources:
                evidence.setdefault(source["sentence"], f"{source['outlet']} {source['date']}".strip())
            if event.text not in evidence:
                evidence = {event.text: "", **evidence}
        evidence.pop(event.headline, None)
        evidence.pop("", None)
        return {"id": event.id, "anchor": event_anchor(event.id), "aliases": [event_anchor(a) for a in event.aliases],
                "date": date, "gutter": gutter, "group": section, "group_label": group,
                "iso": event.when.html_datetime(), "year": year, "headline": event.headline, "text": event.text,
                "full": event.headline != event.text,
                "headline_cut_from_text": event.headline != event.text and event.text.startswith(event.headline.rstrip("…")),
                "status": event.status, "status_label": self.lang.words.STATUS_LABELS.get(event.status, ""), "future": event.future,
                "kind": event.kind, "curated": event.curated, "sources": sources,
                "evidence": [{"sentence": sentence, "label": label} for sentence, label in evidence.items()],
                "reports": len({s["report"] for s in sources}),
                "other_dates": [self.lang.format_when(when) for when in event.other_dates],
                "actors": actors, "entities": entities, "chronology_url": self.event_url(event)}
