"""Cross-reference entities and reports: who and what each report mentions, where, how
often, and which entities appear together in the same sentences."""
from __future__ import annotations

from collections import Counter, defaultdict

from ..content import Report
from ..content.entities import KINDS, Entity
from .mentions import Occurrence


class EntityIndex:
    """Built once per build from the registry and the mentions found in the reports."""

    def __init__(self, entities: tuple[Entity, ...], reports: tuple[Report, ...],
                 occurrences: dict[str, tuple[Occurrence, ...]]):
        self.entities = entities
        self.reports = reports  # newest first
        self.occurrences = occurrences  # report slug -> its mentions, in reading order
        self._by_id = {entity.id: entity for entity in entities}
        self.counts: dict[str, Counter] = defaultdict(Counter)  # entity id -> Counter(report slug -> mentions)
        self._found: dict[str, dict[str, list[Occurrence]]] = defaultdict(dict)  # entity id -> slug -> its mentions
        for slug, found in occurrences.items():
            for occurrence in found:
                self.counts[occurrence.entity][slug] += 1
                self._found[occurrence.entity].setdefault(slug, []).append(occurrence)
        self._together: dict[str, Counter] | None = None
        self._mentions: dict[str, list[tuple[Report, list[Occurrence]]]] = {}

    def entity(self, entity_id: str) -> Entity:
        return self._by_id[entity_id]

    def mentions_of(self, entity_id: str) -> list[tuple[Report, list[Occurrence]]]:
        """Each report that mentions the entity (newest first) with its mentions in order."""
        if entity_id not in self._mentions:  # asked once per page of the entity's mentions
            found = self._found.get(entity_id, {})
            self._mentions[entity_id] = [(report, found[report.slug]) for report in self.reports if report.slug in found]
        return self._mentions[entity_id]

    def in_report(self, slug: str) -> list[tuple[str, list[tuple[Entity, int]]]]:
        """The report's entities grouped by kind (registry order of kinds), most mentioned first."""
        counts = Counter(o.entity for o in self.occurrences.get(slug, ()))
        groups = []
        for kind in KINDS:
            members = [(e, counts[e.id]) for e in self.entities if e.kind == kind and counts[e.id]]
            if members:
                groups.append((kind, sorted(members, key=lambda pair: (-pair[1], pair[0].name))))
        return groups

    def appears_with(self, entity_id: str, limit: int = 8) -> list[tuple[Entity, int]]:
        """Entities most often mentioned in the same sentences as this one."""
        if self._together is None:  # one pass over every sentence serves every entity
            self._together = defaultdict(Counter)
            for found in self.occurrences.values():
                sentences: dict[tuple, set[str]] = defaultdict(set)
                for o in found:
                    sentences[(o.anchor, o.start - o.sentence_start)].add(o.entity)
                for members in sentences.values():
                    for member in members:
                        self._together[member].update(members - {member})
        ranked = sorted(self._together[entity_id].items(), key=lambda item: (-item[1], self.entity(item[0]).name))
        return [(self.entity(entity), count) for entity, count in ranked[:limit]]

