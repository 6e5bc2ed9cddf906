"""The chronology: events assembled from the dates the reports state, each traced to its
sentence, merged when several sentences describe one event, and curated by hand.

An event is a sentence with a resolved date expression (one event per date it names),
plus each report's own publication. Extracted events have stable ids,
``<report slug>#<paragraph anchor>.<n>``, by which the curation file (``curation.py``) can
retitle, re-date, merge or hide them, or add events of its own.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta
from itertools import combinations

from ..content.curation import Curation
from ..content.entities import Entity
from ..content.reports import Report
from ..errors import UserError
from ..lang import language
from ..lang.named import Named
from ..when import DAY_LEVEL, When, parse_iso, parse_published, published_span
from .attribution import Attribution, credited
from .mentions import Occurrence
from .text import Block


@dataclass(frozen=True)
class Source:
    report: str  # slug
    anchor: str  # the paragraph's, "p-3"; "" for the report as a whole
    sentence: str
    cites: str = ""  # the outlet the report credits for it ("WSJ", "로이터"), when it names one


@dataclass(frozen=True)
class Event:
    id: str
    when: When
    text: str  # the sentence that states it
    headline: str  # actor — action — object, or the curated label
    entities: tuple[str, ...]
    sources: tuple[Source, ...]
    status: str = "happened"  # one of when.STATUSES
    kind: str = "reported"  # "reported", "publication" or "added"
    curated: bool = False
    aliases: tuple[str, ...] = ()  # the ids of the events merged into this one: it answers to them too
    actors: tuple[str, ...] = ()  # the entities that act (the sentence's subject)
    other_dates: tuple[When, ...] = ()  # dates that sources merged into this event give instead

    @property
    def future(self) -> bool:
        """Still ahead when reported: scheduled or planned."""
        return self.status in ("scheduled", "planned")

    @property
    def sort_key(self) -> tuple:
        return (self.when.start, self.when.end, self.kind != "publication", self.id)


@dataclass(frozen=True)
class Chronology:
    events: tuple[Event, ...]  # in date order
    merged: int  # events folded into others because they describe the same thing
    unresolved: tuple[tuple[str, str], ...]  # (report slug, expression) left without a date


def extract_events(report: Report, blocks: tuple[Block, ...], occurrences: tuple[Occurrence, ...],
                   entities: dict[str, Entity], attributions: tuple[Attribution, ...] = ()) -> tuple[list[Event], list[str]]:
    """The dated sentences of one report, and the expressions it could not resolve.
    *entities*: the registry by id (their kinds tell actors and outlets apart);
    *attributions*: the report's attributed sentences, whose first outlet a source credits."""
    rules = language(report.language)
    context = rules.Context(parse_published(report.published) if report.published else None)
    events, unresolved = [], []
    credits = credited(attributions)
    in_block: dict[str, list[Occurrence]] = {}
    for o in occurrences:
        in_block.setdefault(o.anchor, []).append(o)
    for block in blocks:
        anchor, text = block.anchor, block.text
        if block.kind == "figure":
            continue  # captions describe photos, not events
        number = 0
        for start, end in rules.sentence_spans(text):
            raw = text[start:end]
            sentence = raw.strip()
            mentions = rules.find_dates(sentence, context)
            if not mentions:
                continue
            offset = start + len(raw) - len(raw.lstrip())
            named = [Named(o.start - offset, o.end - offset, o.entity, entities[o.entity].kind if o.entity in entities else "")
                     for o in in_block.get(anchor, ()) if start <= o.start < end]
            seen: set = set()
            for mention in mentions:
                number += 1
                if mention.when is None:
                    unresolved.append(mention.text)
                    continue
                if (mention.when, mention.status) in seen:
                    continue  # the same date twice in one sentence is one event
                seen.add((mention.when, mention.status))
                title = rules.headline(sentence, (mention.start, mention.end), named)
                cites = credits.get((anchor, offset), "")
                events.append(Event(id=f"{report.slug}#{anchor}.{number}", when=mention.when, text=sentence,
                                    headline=title.text, entities=tuple(dict.fromkeys(n.entity for n in named)),
                                    sources=(Source(report.slug, anchor, sentence, entities[cites].name if cites else ""),),
                                    status=mention.status, actors=title.actors))
    return events, unresolved


def publication_event(report: Report) -> Event | None:
    when = published_span(report.published)
    if when is None:
        return None
    label = f"{report.outlet or language(report.language).words.UNKNOWN_OUTLET} 보도: {report.title}"
    return Event(id=f"{report.slug}#published", when=when, text=label, headline=label, entities=(),
                 sources=(Source(report.slug, "", report.title),), kind="publication")


SYNDICATION_DAYS = 31  # copies of one sentence whose dates lie further apart tell of different events


def merge_same_events(events: list[Event], kinds: dict[str, str], published: dict[str, str] | None = None
                      ) -> tuple[list[Event], int]:
    """One entry for sentences that describe the same event, with all their sources:

    - the same sentence in several reports (syndicated copies), with dates less than
      ``SYNDICATION_DAYS`` apart: when they differ, the sources disagree and the event
      keeps the other dates;
    - the same headline on the same date (and a report's publication captured twice);
    - dates that agree (the same precision, or day-level spans that overlap) and a shared
      person, or two shared entities that are not places.

    Events are grouped by what would link them (a sentence, a headline and date, a
    person, a pair of such entities), so the work grows with the events, not with their
    square. The merged event keeps the id of the source published first, so a copy that
    comes later does not change it, and answers to every member's id (``aliases``).
    *published*: each report's publication date."""
    published = published or {}
    groups: dict[tuple, list[int]] = {}
    for index, event in enumerate(events):
        if event.kind == "added":
            continue
        groups.setdefault(("headline", event.kind, event.headline, event.when), []).append(index)
        if event.kind == "publication":
            continue  # a report captured twice: one publication
        groups.setdefault(("sentence", _normalized(event.text)), []).append(index)
        linking = sorted({e for e in event.entities if kinds.get(e) != "place"})
        links = [(e,) for e in linking if kinds.get(e) == "person"] + list(combinations(linking, 2))
        for link in links:
            for when in _date_keys(event.when):
                groups.setdefault(("entities", link, when), []).append(index)
    parent = list(range(len(events)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for key, indices in groups.items():
        if key[0] == "headline" or key[0] == "entities" and key[2][0] != "week":
            if len({events[i].sources[0] for i in indices}) > 1:  # all agree, but two sentences of one source
                for i in indices[1:]:
                    parent[root(i)] = root(indices[0])
            continue
        if key[0] == "sentence":
            # Copies: in order of their dates' starts, a copy's later ones lie too far apart
            # from the first that starts beyond its end + SYNDICATION_DAYS. (A sentence a
            # large archive repeats in hundreds of reports compared every pair.)
            indices = sorted(indices, key=lambda i: events[i].when.start)
            for position, i in enumerate(indices):
                reach = events[i].when.end + timedelta(days=SYNDICATION_DAYS)
                for j in indices[position + 1:]:
                    if events[j].when.start > reach:
                        break
                    if root(i) != root(j) and _copies(events[i], events[j], kinds):
                        parent[root(j)] = root(i)
            continue
        for position, i in enumerate(indices):
            for j in indices[position + 1:]:
                if root(i) != root(j) and _same_event(events[i], events[j], kinds):
                    parent[root(j)] = root(i)
    merged_groups: dict[int, list[Event]] = {}
    for index, event in enumerate(events):
        merged_groups.setdefault(root(index), []).append(event)
    merged = []
    for members in merged_groups.values():
        if len(members) == 1:
            merged.append(members[0])
            continue
        def first_published(event: Event) -> tuple[str, str]:
            return published.get(event.sources[0].report) or "9999", event.id

        first = min(members, key=first_published)
        best = min(members, key=lambda e: (e.when.precision not in DAY_LEVEL, e.when.end - e.when.start, first_published(e)))
        sources = tuple(dict.fromkeys(source for member in members for source in member.sources))
        entities = tuple(dict.fromkeys(entity for member in members for entity in member.entities))
        actors = tuple(dict.fromkeys(actor for member in members for actor in member.actors))
        others = tuple(sorted({m.when for m in members if m.when.end < best.when.start or m.when.start > best.when.end},
                              key=lambda w: (w.start, w.end)))  # dates that cannot both be right
        merged.append(replace(first, when=best.when, headline=best.headline, sources=sources, entities=entities,
                              actors=actors, status=_status(best, members), other_dates=others,
                              aliases=_aliases(first, members)))
    return merged, len(events) - len(merged)


def _normalized(sentence: str) -> str:
    """A sentence as its copies share it: letters and digits only."""
    return "".join(character for character in sentence.casefold() if character.isalnum())


def _copies(a: Event, b: Event, kinds: dict[str, str]) -> bool:
    """Two reports' copies of one sentence tell of one event unless their dates lie apart."""
    if a.sources[0].report == b.sources[0].report:
        return False
    gap = max(a.when.start, b.when.start) - min(a.when.end, b.when.end)
    return gap.days <= SYNDICATION_DAYS


def _status(kept: Event, members) -> str:
    """The kept event's status, unless another source reports it cancelled."""
    return "cancelled" if any(m.status == "cancelled" for m in members) else kept.status


def _aliases(kept: Event, members) -> tuple[str, ...]:
    """Every id the members answered to, but the kept event's own."""
    return tuple(sorted({alias for member in members for alias in (member.id, *member.aliases)} - {kept.id}))


def _date_keys(when: When) -> list[tuple]:
    """Keys two events share whenever their dates agree in the sense of ``_same_event``:
    the exact span for coarse dates, every week a day-level span touches."""
    if when.precision not in DAY_LEVEL:
        return [(when.precision, when.start, when.end)]
    week = when.start - timedelta(days=when.start.weekday())
    keys = []
    while week <= when.end:
        keys.append(("week", week))
        week += timedelta(days=7)
    return keys


def _same_event(a: Event, b: Event, kinds: dict[str, str]) -> bool:
    if a.sources[0] == b.sources[0]:
        return False
    same_precision = a.when.precision == b.when.precision and a.when.start == b.when.start and a.when.end == b.when.end
    overlapping = (a.when.precision in DAY_LEVEL and b.when.precision in DAY_LEVEL
                   and a.when.start <= b.when.end and b.when.start <= a.when.end)
    if not (same_precision or overlapping):
        return False
    shared = set(a.entities) & set(b.entities)
    return any(kinds.get(e) == "person" for e in shared) or len({e for e in shared if kinds.get(e) != "place"}) >= 2


def apply_curation(events: list[Event], curation: Curation | None, entity_ids: set[str],
                   reports: set[str] = frozenset()) -> list[Event]:
    """The author's corrections, in the order of the file. An entry names an event by any
    id it answers to, so curation keeps working when a new report's sentences merge with
    an event (a syndicated copy): the merged event answers to every member's id."""
    if curation is None:
        return events
    result = {event.id: event for event in events}
    owner = {alias: event.id for event in events for alias in (event.id, *event.aliases)}
    for event_id, (_fields, line) in curation.edits.items():
        if event_id not in owner:
            raise UserError(curation.path, line, f"no event '{event_id}' (ids are '<report slug>#<anchor>.<n>'; "
                                                 "see /data/chronology.json)")
    for event_id, (fields, _line) in curation.edits.items():
        event = result.get(owner[event_id])
        if event is None:
            continue  # hidden by an earlier entry
        if fields.get("hide"):
            del result[event.id]
            continue
        target = fields.get("merge_into")
        if target:
            into = result.get(owner.get(target, ""))
            if into is None:
                raise UserError(curation.path, curation.lines.line("events", event_id, "merge_into"),
                                f"merge_into: no event '{target}'")
            if into.id != event.id:
                result[into.id] = replace(into, sources=tuple(dict.fromkeys(into.sources + event.sources)),
                                          entities=tuple(dict.fromkeys(into.entities + event.entities)), curated=True,
                                          aliases=_aliases(into, (into, event)))
                del result[event.id]
                owner.update((alias, into.id) for alias in (event.id, *event.aliases))
            continue
        when = parse_iso(fields["date"]) if "date" in fields else event.when
        result[event.id] = replace(event, when=when, headline=fields.get("label", event.headline),
                                   status=_curated_status(fields, event.status), curated=True)
    for number, (fields, _line) in enumerate(curation.added):
        if fields["id"] in owner:
            raise UserError(curation.path, curation.lines.line("added", number, "id"),
                            f"id '{fields['id']}' is an extracted event's; give the added event an id of its own")
        unknown = [e for e in fields.get("entities", []) if e not in entity_ids]
        if unknown:
            raise UserError(curation.path, curation.lines.line("added", number, "entities"), f"unknown entity '{unknown[0]}'")
        sources = []
        for source in fields.get("sources", []):
            report, _, anchor = source.partition("#")
            if report not in reports:
                raise UserError(curation.path, curation.lines.line("added", number, "sources"),
                                f"source {source!r}: no report '{report}' (use '<report slug>#<anchor>')")
            sources.append(Source(report, anchor, fields["label"]))
        result[fields["id"]] = Event(id=fields["id"], when=parse_iso(fields["date"]), text=fields.get("text", fields["label"]),
                                     headline=fields["label"], entities=tuple(fields.get("entities", [])),
                                     sources=tuple(sources), status=_curated_status(fields, "happened"), kind="added",
                                     curated=True)
    return list(result.values())


def _curated_status(fields: dict, status: str) -> str:
    """``status = "…"``, or the older ``future = true`` (scheduled) and ``future = false``."""
    if "status" in fields:
        return fields["status"]
    if "future" in fields:
        return "scheduled" if fields["future"] else "happened"
    return status


def build_chronology(reports: tuple[Report, ...], extracted: dict[str, tuple[list[Event], list[str]]],
                     entities: tuple[Entity, ...], curation: Curation | None) -> Chronology:
    """*extracted*: each report's events and unresolved expressions (``extract_events``)."""
    events: list[Event] = []
    unresolved: list[tuple[str, str]] = []
    for report in reports:
        found, missing = extracted[report.slug]
        events += found
        unresolved += [(report.slug, text) for text in missing]
        publication = publication_event(report)
        if publication:
            events.append(publication)
    kinds = {entity.id: entity.kind for entity in entities}
    published = {report.slug: report.published for report in reports}
    events, merged = merge_same_events(sorted(events, key=lambda e: e.sort_key), kinds, published)
    events = apply_curation(events, curation, set(kinds), {report.slug for report in reports})
    return Chronology(events=tuple(sorted(events, key=lambda e: e.sort_key)), merged=merged, unresolved=tuple(unresolved))
