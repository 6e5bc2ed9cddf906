"""The model: what the site knows about its reports, built from their text — their blocks
(``text``), who and what they mention (``mentions``), which entities appear where and
with whom (``references``) and the chronology of the dates they state (``chronology``).
Pure: a corpus in, a ``SiteModel`` out; nothing here knows HTML."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..cache import Store, digest
from ..content import Corpus, Report
from ..lang import language
from ..workers import parallel_map
from .attribution import Attribution, find_attributions
from .chronology import Chronology, Event, build_chronology, extract_events
from .mentions import Matcher, Occurrence, find_occurrences
from .references import EntityIndex
from .related import Related, related_reports
from .text import Block, body_blocks


@dataclass(frozen=True)
class ReportText:
    """One report read: its blocks, mentions, the sentences it credits to original sources,
    dated events and the date expressions it could not resolve (they need a publication
    day the report does not give)."""

    blocks: tuple[Block, ...]
    occurrences: tuple[Occurrence, ...]
    attributions: tuple[Attribution, ...]
    events: tuple[Event, ...]
    unresolved: tuple[str, ...]
    mention_digests: dict[str, str]  # entity id -> a hash of its mentions here and the names sharing their sentences

    @property
    def mentioned(self) -> frozenset[str]:
        return frozenset(self.mention_digests)


@dataclass(frozen=True)
class SiteModel:
    corpus: Corpus
    texts: dict[str, ReportText]  # by report slug
    index: EntityIndex
    chronology: Chronology
    registry_key: str  # a hash of the entities and their aliases
    related: dict[str, tuple[Related, ...]]  # each report's related reports (``related``)


class Reader:
    """Reads reports into ``ReportText``, reusing what *store* kept for unchanged text."""

    def __init__(self, store: Store | None = None):
        self.store = store or Store(None)
        self._matcher_key: str | None = None
        self.matcher = Matcher(())
        self.entities: dict = {}
        self.kinds: dict[str, str] = {}

    def use_registry(self, corpus: Corpus) -> str:
        key = digest(*((entity.id, entity.kind, entity.name, entity.aliases) for entity in corpus.entities))
        if key != self._matcher_key:
            self._matcher_key, self.matcher = key, Matcher(corpus.entities)
            self.entities = {entity.id: entity for entity in corpus.entities}
            self.kinds = {entity.id: entity.kind for entity in corpus.entities}
        return key

    def read(self, report: Report) -> ReportText:
        """One report, from the store when its text, language, date and the registry are as before."""
        key = self._key(report)
        found = self.store.get(key)
        if found is None:
            found = self._read(report)
            self.store.put(key, found)
        return found

    def _key(self, report: Report) -> str:
        return digest(report.path, report.body, report.body_line, report.language, report.published, self._matcher_key)

    def _read(self, report: Report) -> ReportText:
        blocks = body_blocks(report.body, report.path, report.body_line)
        rules = language(report.language)
        occurrences = find_occurrences(blocks, self.matcher, rules.sentence_spans)
        attributions = find_attributions(blocks, occurrences, self.kinds, rules)
        events, unresolved = extract_events(report, blocks, occurrences, self.entities, attributions)
        return ReportText(blocks, occurrences, attributions, tuple(events), tuple(unresolved), _mention_digests(occurrences))

    def related(self, order: list[str], mentioned: dict[str, frozenset[str]],
                events: dict[str, list[str]]) -> dict[str, tuple[Related, ...]]:
        """Each report's related reports, from the store while no report's names or events
        changed (most edits): they are weighed pair by pair, the slowest step of a rebuild."""
        key = ("related", digest(order, sorted((slug, sorted(names)) for slug, names in mentioned.items()),
                                 sorted((slug, sorted(ids)) for slug, ids in events.items())))
        found = self.store.get(key)
        if found is None:
            found = related_reports(order, mentioned, events)
            self.store.put(key, found)
        return found

    def read_all(self, reports: tuple[Report, ...], progress: Callable[[int], None] | None = None) -> dict[str, ReportText]:
        """Every report; those not in the store on every core."""
        keys = {report.slug: self._key(report) for report in reports}
        missing = [report for report in reports if self.store.get(keys[report.slug]) is None]
        for report, text in zip(missing, parallel_map(lambda n: self._read(missing[n]), len(missing), progress=progress),
                                strict=True):
            self.store.put(keys[report.slug], text)
        return {report.slug: self.store.get(keys[report.slug]) for report in reports}


def _mention_digests(occurrences: tuple[Occurrence, ...]) -> dict[str, str]:
    """What an entity's pages show of one report: its mentions (sentence, place) and the
    entities that share their sentences; an edit elsewhere in the report leaves it alone."""
    sentences: dict[tuple, set[str]] = {}
    for o in occurrences:
        sentences.setdefault((o.anchor, o.start - o.sentence_start), set()).add(o.entity)
    mentions: dict[str, list] = {}
    for o in occurrences:
        mentions.setdefault(o.entity, []).append((o.anchor, o.start, o.end, o.sentence, o.sentence_start, o.sentence_end,
                                                  sorted(sentences[(o.anchor, o.start - o.sentence_start)])))
    return {entity: digest(found) for entity, found in sorted(mentions.items())}


def build_model(corpus: Corpus, reader: Reader, progress: Callable[[int], None] | None = None) -> SiteModel:
    registry_key = reader.use_registry(corpus)
    texts = reader.read_all(corpus.reports, progress)
    index = EntityIndex(corpus.entities, corpus.reports, {slug: text.occurrences for slug, text in texts.items()})
    chronology = build_chronology(corpus.reports, {slug: (list(t.events), list(t.unresolved)) for slug, t in texts.items()},
                                  corpus.entities, corpus.curation)
    order = [report.slug for report in corpus.reports]
    told: dict[str, list[str]] = {}  # the events each report is a source of
    for event in chronology.events:
        for slug in dict.fromkeys(source.report for source in event.sources):
            told.setdefault(slug, []).append(event.id)
    related = reader.related(order, {slug: texts[slug].mentioned for slug in order}, told)
    return SiteModel(corpus, texts, index, chronology, registry_key, related)


__all__ = ["Attribution", "Block", "Chronology", "EntityIndex", "Event", "Matcher", "Occurrence", "Reader", "ReportText", "SiteModel",
           "build_model"]
